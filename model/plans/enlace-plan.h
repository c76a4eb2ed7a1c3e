/* enlace-plan.h: what a floor plan shows, read from the store
 *
 * An EnlacePlanScene is a snapshot of one floor: its background, spaces,
 * walls, pathways, racks and the devices placed on it (outlets with their
 * jacks, access points, wall-mounted equipment), with the state of every
 * jack from the trace engine and the route of each horizontal link along
 * the pathways.  The renderer draws it; the editor hit-tests it; it is
 * rebuilt when the store changes.
 */
#pragma once

#include <glib-object.h>

#include "enlace-geometry.h"
#include "enlace-store.h"

G_BEGIN_DECLS

typedef enum
{
  ENLACE_PLAN_ITEM_SPACE,
  ENLACE_PLAN_ITEM_WALL,
  ENLACE_PLAN_ITEM_PATHWAY,
  ENLACE_PLAN_ITEM_RACK,
  ENLACE_PLAN_ITEM_DEVICE,
} EnlacePlanItemKind;

/* Jack state, for colouring by state. */
typedef enum
{
  ENLACE_JACK_FREE,     /* no active equipment behind it: available */
  ENLACE_JACK_LIVE,     /* an active complete path (endpoint to endpoint) runs through it */
  ENLACE_JACK_PLANNED,  /* its path has planned cables */
  ENLACE_JACK_FAULTY,   /* split path, decommissioned cable or a cable or port marked faulty on it */
  ENLACE_JACK_SERVED,   /* an active path reaches the jack, nothing recorded in front of it */
} EnlaceJackState;

typedef struct
{
  gint64           port_id;
  char            *name;
  char            *medium;     /* copper | fibre | voice */
  EnlaceJackState  state;
  char            *far;        /* where its path ends, readable, or NULL */
  char            *extension;  /* phone extension riding it, or NULL */
} EnlacePlanJack;

typedef struct
{
  EnlacePlanItemKind kind;
  gint64             id;
  char              *name;      /* code, name or label */
  char              *subtitle;  /* space name, device role… */
  char              *type;      /* space kind, pathway kind, device role */
  char              *status;    /* planned | active | retired (devices) */
  GArray            *points;    /* EnlacePoint: outline, polyline; or the position */
  double             rotation;
  double             width;     /* metres: footprint of racks and devices */
  double             depth;
  double             height;    /* pathways: above the floor */
  double             thickness; /* walls */
  gint64             space_id;  /* devices, racks */
  GPtrArray         *jacks;     /* EnlacePlanJack*, outlets */
  EnlaceBox          bounds;
} EnlacePlanItem;

typedef struct
{
  gint64   cable_id;
  char    *label;
  gint64   device_id;       /* the outlet */
  GArray  *points;          /* EnlacePoint: along the pathways */
  double   length_m;        /* along the route plus the vertical legs */
  double   cable_length_m;  /* recorded in the cable (designed or measured), 0 when none */
  gboolean along_pathways;  /* FALSE: no pathway reached, drawn straight */
  gboolean faulty;          /* the cable is marked faulty (enlace-faulty.h) */
} EnlacePlanRoute;

typedef struct _EnlacePlanScene EnlacePlanScene;
struct _EnlacePlanScene
{
  gint64      floor_id;
  char       *building_code;
  char       *building_name;
  char       *floor_name;
  int         level;
  double      floor_height;   /* metres, slab to ceiling */

  /* The background (0 when none) and how it lies on the floor. */
  gint64      plan_id;
  gint64      attachment_id;
  int         page;
  double      scale;          /* metres per background unit, 0 uncalibrated */
  double      origin_x;
  double      origin_y;
  double      bg_rotation;
  double      opacity;
  gboolean    locked;
  double      north;

  GPtrArray  *items;          /* EnlacePlanItem*, in drawing order */
  GPtrArray  *routes;         /* EnlacePlanRoute* */
  EnlaceBox   extent;         /* of everything drawn */
  EnlaceGridIndex *index;     /* items by bounds */
  gint        ref_count;
};

GType            enlace_plan_scene_get_type (void) G_GNUC_CONST;
#define ENLACE_TYPE_PLAN_SCENE (enlace_plan_scene_get_type ())

/* Loads the scene of a floor.  @tracer (nullable, an EnlaceTracer) gives
 * jack states; without it every jack is FREE. */
EnlacePlanScene *enlace_plan_scene_load     (EnlaceStore      *store,
                                             gint64            floor_id,
                                             gpointer          tracer,
                                             GError          **error);
EnlacePlanScene *enlace_plan_scene_ref      (EnlacePlanScene  *self);
void             enlace_plan_scene_unref    (EnlacePlanScene  *self);
/* The top-most item under @p (metres), with a @tolerance for thin lines;
 * NULL when nothing is there. */
EnlacePlanItem  *enlace_plan_scene_hit      (EnlacePlanScene  *self,
                                             EnlacePoint       p,
                                             double            tolerance);
/* Items inside @box, for rubber-band selection (spaces excluded unless
 * wholly inside). */
GPtrArray       *enlace_plan_scene_query    (EnlacePlanScene  *self,
                                             const EnlaceBox  *box);
EnlacePlanItem  *enlace_plan_scene_find     (EnlacePlanScene  *self,
                                             EnlacePlanItemKind kind,
                                             gint64            id);
/* Snaps @p to walls and pathway vertices/segments within @tolerance. */
gboolean         enlace_plan_scene_snap     (EnlacePlanScene  *self,
                                             EnlacePoint       p,
                                             double            tolerance,
                                             EnlacePoint      *out);
/* The floor's extent when nothing is drawn yet: a 40 × 25 m sheet. */
#define ENLACE_PLAN_DEFAULT_WIDTH  40.0
#define ENLACE_PLAN_DEFAULT_DEPTH  25.0

const char      *enlace_jack_state_label    (EnlaceJackState  state);

/* ---- Editing (enlace-plan-edit.c): each call is one undoable command. */

typedef struct
{
  EnlacePlanItemKind kind;
  gint64             id;
} EnlacePlanRef;

/* Moves items by (dx, dy) metres.  A device or rack moved into another
 * space of the floor moves to that space in the inventory too. */
gboolean  enlace_plan_move          (EnlaceStore          *store,
                                     const EnlacePlanRef  *refs,
                                     guint                 n,
                                     double                dx,
                                     double                dy,
                                     GError              **error);
/* Rotates items by @degrees around @centre. */
gboolean  enlace_plan_rotate        (EnlaceStore          *store,
                                     const EnlacePlanRef  *refs,
                                     guint                 n,
                                     EnlacePoint           centre,
                                     double                degrees,
                                     GError              **error);
/* Deletes items (a space drawn on the plan loses its outline but stays
 * in the inventory; devices, racks, walls and pathways are removed). */
gboolean  enlace_plan_delete        (EnlaceStore          *store,
                                     const EnlacePlanRef  *refs,
                                     guint                 n,
                                     GError              **error);
/* Copies items moved by (dx, dy): outlets get new labels and the jacks of
 * their type; walls and pathways are copied; spaces and racks are not
 * (they are unique in the inventory) and are skipped.  Returns the refs of
 * the copies (EnlacePlanRef), or NULL with @error. */
GArray   *enlace_plan_duplicate     (EnlaceStore          *store,
                                     const EnlacePlanRef  *refs,
                                     guint                 n,
                                     double                dx,
                                     double                dy,
                                     GError              **error);
/* Moves vertex @index of a wall, pathway or space outline. */
gboolean  enlace_plan_set_vertex    (EnlaceStore          *store,
                                     EnlacePlanRef         ref,
                                     guint                 index,
                                     EnlacePoint           p,
                                     GError              **error);
/* Places a new wall outlet at @p (in the space of the floor containing
 * it) with @n_data data jacks and @n_voice voice jacks (front ports, each
 * mapped to a rear port for its horizontal link).  @name NULL: the next
 * free label of the space, “1B-003”.  Returns the device id. */
gint64    enlace_plan_add_outlet    (EnlaceStore          *store,
                                     gint64                floor_id,
                                     EnlacePoint           p,
                                     double                rotation,
                                     const char           *name,
                                     guint                 n_data,
                                     guint                 n_voice,
                                     GError              **error);
/* A new wall outlet in space @space_id, from the space's page: as
 * enlace_plan_add_outlet, at the centre of the space's outline (no
 * position when it has none, to be placed on the plan later). */
gint64    enlace_plan_add_outlet_in_space (EnlaceStore    *store,
                                     gint64                space_id,
                                     const char           *name,
                                     guint                 n_data,
                                     guint                 n_voice,
                                     GError              **error);
/* As enlace_plan_add_outlet, in @space_id at @p without looking for the
 * space that holds @p (bulk placement, model/design). */
gint64    enlace_plan_add_outlet_at (EnlaceStore          *store,
                                     gint64                space_id,
                                     EnlacePoint           p,
                                     double                rotation,
                                     const char           *name,
                                     guint                 n_data,
                                     guint                 n_voice,
                                     GError              **error);
/* The label the next outlet of @space_id gets, "1B-003". */
char     *enlace_plan_next_outlet_name (EnlaceStore       *store,
                                     gint64                space_id);
/* Places a new wireless access point at @p (in the space containing it)
 * with its uplink interface "eth0", named BUILDING-APnn; one command.
 * Returns the device id. */
gint64    enlace_plan_add_access_point (EnlaceStore       *store,
                                     gint64                floor_id,
                                     EnlacePoint           p,
                                     GError              **error);
/* Finds what @text names on the floor: an outlet or device (by name), a
 * phone extension or a person (the outlet their line reaches), a space
 * code or a rack.  @tracer (an EnlaceTracer) follows extensions to their
 * outlets.  FALSE with @error when nothing drawn on the floor matches. */
gboolean  enlace_plan_find          (EnlaceStore          *store,
                                     gpointer              tracer,
                                     gint64                floor_id,
                                     const char           *text,
                                     EnlacePlanRef        *out,
                                     GError              **error);
/* The space of @floor_id whose outline contains @p, 0 when none. */
gint64    enlace_plan_space_at      (EnlaceStore          *store,
                                     gint64                floor_id,
                                     EnlacePoint           p);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlacePlanScene, enlace_plan_scene_unref)

G_END_DECLS
