/* enlace-labels.h: what the installers' labels say — which labels, with
 * which texts, for which objects.  No drawing here (see
 * views/render/enlace-render-labels.h) and nothing is written: labels
 * print what the objects already have (their label, name, ports).
 *
 *   cable      two labels per cable, one for each end: the cable's label
 *              (also in a QR code) and "this end → far end"
 *   panel      a patch panel's port strip: one cell per front port with
 *              the port and the outlet (or device) its rear cable reaches
 *   faceplate  a wall outlet: its name, its space and one cell per jack
 *              with the panel port it is cabled to
 *   rack       a rack: its name (and QR) and the room it stands in
 *   device     a device: its name (and QR), model and where it is
 */
#pragma once

#include <glib.h>

#include "enlace-store.h"

G_BEGIN_DECLS

typedef enum
{
  ENLACE_LABEL_KIND_CABLE,
  ENLACE_LABEL_KIND_PANEL,
  ENLACE_LABEL_KIND_FACEPLATE,
  ENLACE_LABEL_KIND_RACK,
  ENLACE_LABEL_KIND_DEVICE,
} EnlaceLabelKind;

#define ENLACE_LABEL_N_KINDS 5

/* How a cable label goes around the cable. */
typedef enum
{
  ENLACE_CABLE_LABEL_WRAP,   /* wrap-around: the text repeated along the label */
  ENLACE_CABLE_LABEL_FLAG,   /* flag: two halves folded back to back around the cable */
} EnlaceCableLabelStyle;

/* "cable", "panel", "faceplate", "rack", "device". */
const char *enlace_label_kind_to_string   (EnlaceLabelKind  kind);
gboolean    enlace_label_kind_from_string (const char      *name,
                                           EnlaceLabelKind *kind);
/* "Cable labels", translated. */
const char *enlace_label_kind_title       (EnlaceLabelKind  kind);
/* The kind of object whose keys or ids choose the labels: "cable",
 * "device" (panel, faceplate, device) or "rack". */
const char *enlace_label_kind_source      (EnlaceLabelKind  kind);

typedef struct
{
  char *name;     /* the port or jack: "12", "A" */
  char *detail;   /* where it leads: "B1-101-03", "" when not cabled */
} EnlaceLabelCell;

typedef struct
{
  EnlaceLabelKind  kind;
  const char      *object_kind;   /* "cable", "device", "rack" */
  gint64           object_id;
  char            *text;          /* the main text */
  char            *detail;        /* a second line, "" when none */
  char            *qr;            /* the text of the QR code, NULL for none */
  GPtrArray       *cells;         /* EnlaceLabelCell (panel, faceplate); NULL otherwise */
} EnlaceLabel;

void         enlace_label_free         (EnlaceLabel *label);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceLabel, enlace_label_free)

/* Which objects: those of @ids (of enlace_label_kind_source(kind); a
 * rack's id also chooses its devices for panel and device labels), else
 * every object of the kind within the building, floor or rack given (0:
 * any).  A patch panel's strip only for patch panels, a faceplate only
 * for outlets. */
typedef struct
{
  gint64  building_id;
  gint64  floor_id;
  gint64  rack_id;
  GArray *ids;        /* gint64; NULL or empty: all in scope */
} EnlaceLabelScope;

/* The labels, in order (cables by label, devices by rack and unit from
 * the top, outlets by space), as a GPtrArray of EnlaceLabel.  An empty
 * array when nothing is in scope; NULL with @error when an id does not
 * name an object of the right kind. */
GPtrArray  *enlace_labels_collect      (EnlaceStore            *store,
                                        EnlaceLabelKind         kind,
                                        const EnlaceLabelScope *scope,
                                        GError                **error);

/* The labels of @kind for objects @ids of kind @ids_kind, chosen in a
 * list: devices of the wrong role for a strip or faceplate are skipped
 * (counted in @n_skipped), racks stand for what is in them, other
 * mismatches give no labels. */
GPtrArray  *enlace_labels_collect_for  (EnlaceStore            *store,
                                        EnlaceLabelKind         kind,
                                        const char             *ids_kind,
                                        GArray                 *ids,
                                        guint                  *n_skipped,
                                        GError                **error);

/* The label kind that fits a list of @list_kind ("cable", "device",
 * "outlet", "rack", "port"…) with the object @id (0: none), e.g. a patch
 * panel → panel strips.  FALSE when that list has no labels. */
gboolean    enlace_labels_kind_for     (EnlaceStore            *store,
                                        const char             *list_kind,
                                        gint64                  id,
                                        EnlaceLabelKind        *kind);

G_END_DECLS
