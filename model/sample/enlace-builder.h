/* enlace-builder.h: fast row writer shared by the generator and the demo
 * campus (model-internal).
 *
 * An EnlaceBuilder writes inventory rows with cached prepared INSERTs, no
 * JSON and no per-row validation.  It is meant to run inside an open
 * command in bulk mode (see enlace-store-private.h):
 *
 *   enlace_store_begin (store, label, error);
 *   enlace_store_begin_bulk (store, error);
 *   b = enlace_builder_new (store);
 *   ... enlace_builder_site (b, ...) ...
 *   ok = enlace_builder_finish (b, error);
 *   enlace_store_end_bulk (store, error);
 *   enlace_store_commit (store, error);
 *
 * While a builder exists, the connection's triggers are off (the store's
 * recording triggers are idle in bulk mode anyway): do not let it outlive
 * enlace_store_end_bulk().
 *
 * Errors are sticky: after the first failure every call does nothing and
 * returns 0; enlace_builder_finish() reports that first error.  The caller
 * keeps what it writes consistent (enlace_store_check() verifies it).
 */
#pragma once

#include "enlace-store-private.h"

G_BEGIN_DECLS

typedef struct _EnlaceBuilder     EnlaceBuilder;
typedef struct _EnlaceBuilderType EnlaceBuilderType;

EnlaceBuilder     *enlace_builder_new          (EnlaceStore       *store);
/* Frees the builder; returns FALSE with the first error if one happened. */
gboolean           enlace_builder_finish       (EnlaceBuilder     *b,
                                                GError           **error);
gboolean           enlace_builder_failed       (EnlaceBuilder     *b);

/* "[[x,y],[x+w,y],[x+w,y+h],[x,y+h]]" in metres */
char              *enlace_builder_rect         (double             x,
                                                double             y,
                                                double             w,
                                                double             h);

gint64  enlace_builder_site        (EnlaceBuilder *b,
                                    const char    *code,
                                    const char    *name,
                                    const char    *description);
gint64  enlace_builder_building    (EnlaceBuilder *b,
                                    gint64         site_id,
                                    const char    *code,
                                    const char    *name,
                                    const char    *address);
gint64  enlace_builder_floor       (EnlaceBuilder *b,
                                    gint64         building_id,
                                    int            level,
                                    const char    *name,
                                    double         height);
/* @outline: JSON polygon text or NULL */
gint64  enlace_builder_space       (EnlaceBuilder *b,
                                    gint64         floor_id,
                                    const char    *code,
                                    const char    *name,
                                    const char    *kind,
                                    const char    *outline);
gint64  enlace_builder_area        (EnlaceBuilder *b,
                                    const char    *code,
                                    const char    *name,
                                    gint64         parent_id);
gint64  enlace_builder_person      (EnlaceBuilder *b,
                                    const char    *name,
                                    const char    *position,
                                    gint64         area_id,
                                    const char    *email,
                                    const char    *phone);
/* Sets the phone of a person written by this builder. */
void    enlace_builder_person_phone (EnlaceBuilder *b,
                                     gint64         person_id,
                                     const char    *phone);
gint64  enlace_builder_rack        (EnlaceBuilder *b,
                                    gint64         space_id,
                                    const char    *name,
                                    int            u_height,
                                    double         x,
                                    double         y,
                                    double         rotation);

/* Device types: the row is written at once, templates as they are added.
 * The builder owns the returned type (freed by finish). */
EnlaceBuilderType *enlace_builder_type     (EnlaceBuilder     *b,
                                            const char        *manufacturer,
                                            const char        *model,
                                            const char        *part_number,
                                            double             u_height,
                                            gboolean           full_depth,
                                            const char        *role);
/* Adds @count port templates named printf (@name_fmt, first + i) (the
 * format takes one unsigned int), or one named @name_fmt when @count is 0.
 * Returns the template index of the first one. */
guint   enlace_builder_type_ports  (EnlaceBuilder     *b,
                                    EnlaceBuilderType *type,
                                    const char        *kind,
                                    const char        *name_fmt,
                                    guint              first,
                                    guint              count,
                                    const char        *medium,
                                    const char        *connector,
                                    int                positions);
/* Maps front template @front (position 1) to position @rear_pos of rear
 * template @rear. */
void    enlace_builder_type_map    (EnlaceBuilder     *b,
                                    EnlaceBuilderType *type,
                                    guint              front,
                                    guint              rear,
                                    int                rear_pos);
guint   enlace_builder_type_n_ports (EnlaceBuilderType *type);
gint64  enlace_builder_type_id      (EnlaceBuilderType *type);
double  enlace_builder_type_height  (EnlaceBuilderType *type);
/* Template index of the port called @name, or G_MAXUINT. */
guint   enlace_builder_type_port_index (EnlaceBuilderType *type,
                                        const char        *name);

typedef struct
{
  gint64      rack_id;     /* 0: not racked */
  double      u_position;
  const char *face;        /* "front" / "rear" / NULL */
  gint64      space_id;    /* 0: not on a plan */
  double      x;
  double      y;
  double      rotation;
  gboolean    has_xy;
  const char *serial;
  const char *asset_tag;
  const char *status;      /* NULL: "active" */
  const char *comments;
} EnlaceBuilderPlace;

/* Writes a device of @type with its ports and mappings copied from the
 * templates.  The ids of its ports, in template order, are in
 * enlace_builder_ports() until the next device. */
gint64        enlace_builder_device  (EnlaceBuilder            *b,
                                      EnlaceBuilderType        *type,
                                      const char               *name,
                                      const EnlaceBuilderPlace *place);
const gint64 *enlace_builder_ports   (EnlaceBuilder            *b);
/* Sets the label of a port written by this builder. */
void          enlace_builder_port_label (EnlaceBuilder *b,
                                         gint64         port_id,
                                         const char    *label);

typedef struct
{
  const char *label;
  const char *kind;      /* "horizontal", ... */
  const char *type;      /* "cat6", ... or NULL */
  int         pairs;     /* 0: NULL */
  double      length_m;  /* < 0: unknown */
  const char *color;
  const char *status;    /* NULL: "installed" */
} EnlaceBuilderCable;

/* A cable from one port to another. */
gint64  enlace_builder_cable       (EnlaceBuilder            *b,
                                    const EnlaceBuilderCable *cable,
                                    gint64                    port_a,
                                    gint64                    port_b);
/* A cable from a circuit termination (end A) to a port (end B). */
gint64  enlace_builder_cable_term  (EnlaceBuilder            *b,
                                    const EnlaceBuilderCable *cable,
                                    gint64                    termination_id,
                                    gint64                    port_b);

gint64  enlace_builder_circuit     (EnlaceBuilder *b,
                                    const char    *cid,
                                    const char    *provider,
                                    const char    *kind,
                                    gint64         bandwidth_kbps,
                                    double         length_m,
                                    const char    *status,
                                    const char    *description);
gint64  enlace_builder_termination (EnlaceBuilder *b,
                                    gint64         circuit_id,
                                    const char    *side,
                                    gint64         space_id,
                                    const char    *description);
gint64  enlace_builder_extension   (EnlaceBuilder *b,
                                    const char    *number,
                                    gint64         person_id,
                                    const char    *holder,
                                    gint64         area_id,
                                    const char    *status,
                                    gint64         port_id);
gint64  enlace_builder_extension_status (EnlaceBuilder *b,
                                         gint64         extension_id,
                                         const char    *at,
                                         const char    *status,
                                         const char    *reason);

G_END_DECLS
