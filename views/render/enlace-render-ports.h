/* enlace-render-ports.h: a device's ports drawn as its front panel
 *
 * Interfaces, front ports and rear ports each get a faceplate; the ports
 * sit in rows like on the hardware (switches: odd ports on top, even
 * below; panels: 24 to a row), with their numbers, and are coloured by
 * state: connected (an installed cable), planned (a planned cable) or
 * free.  Loaded once from the store, drawn into any cairo_t at its
 * natural size; hit testing in drawing coordinates for the widget.
 */
#pragma once

#include <cairo.h>

#include "enlace-store.h"

G_BEGIN_DECLS

typedef enum
{
  ENLACE_PORT_FREE,
  ENLACE_PORT_CONNECTED,
  ENLACE_PORT_PLANNED,
  ENLACE_PORT_RETIRED,   /* of a retired device, or its cable is decommissioned: not free */
} EnlacePortState;

typedef struct
{
  gint64           port_id;
  char            *name;
  char            *label;
  char            *kind;          /* interface | front | rear */
  char            *medium;        /* copper | fibre | voice */
  char            *connector;
  int              positions;
  EnlacePortState  state;
  gint64           cable_id;      /* 0 when free */
  char            *cable_label;
  char            *cable_status;
} EnlacePortInfo;

typedef struct _EnlacePortPanel EnlacePortPanel;

#define ENLACE_TYPE_PORT_PANEL (enlace_port_panel_get_type ())
GType                 enlace_port_panel_get_type   (void) G_GNUC_CONST;

EnlacePortPanel      *enlace_port_panel_load       (EnlaceStore      *store,
                                                    gint64            device_id,
                                                    GError          **error);
EnlacePortPanel      *enlace_port_panel_ref        (EnlacePortPanel  *self);
void                  enlace_port_panel_unref      (EnlacePortPanel  *self);

gint64                enlace_port_panel_get_device_id (EnlacePortPanel *self);
const char           *enlace_port_panel_get_device_name (EnlacePortPanel *self);
guint                 enlace_port_panel_get_n_ports (EnlacePortPanel *self);
const EnlacePortInfo *enlace_port_panel_get_port   (EnlacePortPanel  *self,
                                                    guint             i);
const EnlacePortInfo *enlace_port_panel_find_port  (EnlacePortPanel  *self,
                                                    gint64            port_id);
/* Number of ports in @state. */
guint                 enlace_port_panel_count      (EnlacePortPanel  *self,
                                                    EnlacePortState   state);

void                  enlace_port_panel_get_size   (EnlacePortPanel  *self,
                                                    double           *width,
                                                    double           *height);
void                  enlace_port_panel_draw       (EnlacePortPanel  *self,
                                                    cairo_t          *cr);
void                  enlace_port_panel_set_hover  (EnlacePortPanel  *self,
                                                    gint64            port_id);
void                  enlace_port_panel_set_selected (EnlacePortPanel *self,
                                                    gint64            port_id);
/* The port drawn at (x, y), 0 when none. */
gint64                enlace_port_panel_port_at    (EnlacePortPanel  *self,
                                                    double            x,
                                                    double            y);
/* Where a port is drawn; FALSE when the panel has no such port. */
gboolean              enlace_port_panel_get_port_rect (EnlacePortPanel *self,
                                                    gint64            port_id,
                                                    double           *x,
                                                    double           *y,
                                                    double           *w,
                                                    double           *h);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlacePortPanel, enlace_port_panel_unref)

G_END_DECLS
