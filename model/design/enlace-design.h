/* enlace-design.h: designing the cabling of a floor, from rooms to runs
 *
 * Three steps a planner takes on a drawn floor (issue 12, "From rooms to
 * runs"), each previewed before it is made and made by one command:
 *
 * 1. Placement: outlets in bulk on the spaces of a floor by a rule
 *    (EnlaceDesignRule: outlets per workstation, workstations per m² of
 *    a kind of space, data and voice jacks, which walls, what height).
 * 2. Routing: each outlet is served by a telecom room (the nearest
 *    reachable one, or one chosen); its run follows the pathways of the
 *    building (the shortest way on the pathway graph, risers between
 *    floors) and its length is the route plus the vertical legs and the
 *    slack (EnlaceDesignOptions, the figures of the cabling rules).
 * 3. Assignment: the jacks get patch-panel ports of the room's rack in
 *    the order of the spaces, a new panel is added when one fills, and a
 *    planned horizontal cable with the computed length joins each jack to
 *    its port.
 *
 * Everything made here is "planned".  The pathway graph
 * (EnlaceRouteGraph) is pure geometry, tested on its own.
 */
#pragma once

#include <glib.h>

#include "enlace-geometry.h"
#include "enlace-store.h"

G_BEGIN_DECLS

/* ---------------------------------------------------------------- graph */

/* A point of a route: which floor, where. */
typedef struct
{
  gint64      floor_id;
  EnlacePoint p;
} EnlaceDesignPoint;

typedef struct _EnlaceRouteGraph EnlaceRouteGraph;
typedef struct _EnlaceRouteTree  EnlaceRouteTree;

/* Two pathways meet where a vertex of one lies within this distance (m)
 * of the other. */
#define ENLACE_ROUTE_JUNCTION 0.6

EnlaceRouteGraph *enlace_route_graph_new          (void);
void              enlace_route_graph_free         (EnlaceRouteGraph  *self);
/* A tray, conduit or raceway of @floor_id at @height metres. */
void              enlace_route_graph_add_pathway  (EnlaceRouteGraph  *self,
                                                   gint64             floor_id,
                                                   const EnlacePoint *pts,
                                                   guint              n,
                                                   double             height);
/* The same, recording the pathway's id: the paths then name the pathways
 * they run in (EnlaceRoutePath.pathways). */
void              enlace_route_graph_add_pathway_id (EnlaceRouteGraph  *self,
                                                   gint64             floor_id,
                                                   const EnlacePoint *pts,
                                                   guint              n,
                                                   double             height,
                                                   gint64             pathway_id);
/* A riser at @p joining @floor_id to @to_floor_id, @rise_m metres long. */
void              enlace_route_graph_add_riser    (EnlaceRouteGraph  *self,
                                                   gint64             floor_id,
                                                   EnlacePoint        p,
                                                   gint64             to_floor_id,
                                                   double             rise_m);
void              enlace_route_graph_add_riser_id (EnlaceRouteGraph  *self,
                                                   gint64             floor_id,
                                                   EnlacePoint        p,
                                                   gint64             to_floor_id,
                                                   double             rise_m,
                                                   gint64             pathway_id);
/* Ends the building: joins the pathways that meet and the risers to the
 * pathways of both their floors.  Call once, after the last add. */
void              enlace_route_graph_finish       (EnlaceRouteGraph  *self);
guint             enlace_route_graph_get_n_nodes  (EnlaceRouteGraph  *self);

/* The shortest ways from a point of @floor_id (a rack) to everywhere:
 * Dijkstra on the graph, entered at the nearest point of the floor's
 * pathways.  NULL when the floor has no pathway. */
EnlaceRouteTree  *enlace_route_graph_tree         (EnlaceRouteGraph  *self,
                                                   gint64             floor_id,
                                                   EnlacePoint        from);
void              enlace_route_tree_free          (EnlaceRouteTree   *self);

typedef struct
{
  GArray  *points;      /* EnlaceDesignPoint: from @to to the tree's source */
  double   along_m;     /* along the pathways and risers */
  double   access_m;    /* straight from each end to the nearest pathway */
  double   height_to;   /* of the pathway entered near @to */
  double   height_from; /* of the pathway left near the source */
  GArray  *pathways;    /* gint64: the pathways it runs in (ids given when
                         * they were added, 0s left out), from @to on */
} EnlaceRoutePath;

/* The way from @to (on @floor_id) back to the tree's source; FALSE when
 * the pathways of @to's floor do not reach it. */
gboolean          enlace_route_tree_path          (EnlaceRouteTree   *self,
                                                   gint64             floor_id,
                                                   EnlacePoint        to,
                                                   EnlaceRoutePath   *out);
void              enlace_route_path_clear         (EnlaceRoutePath   *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceRouteGraph, enlace_route_graph_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceRouteTree, enlace_route_tree_free)

/* ------------------------------------------------------------ placement */

/* Walls of a space, by the side they face on the plan (north is up). */
typedef enum
{
  ENLACE_DESIGN_WALL_NORTH = 1 << 0,
  ENLACE_DESIGN_WALL_EAST  = 1 << 1,
  ENLACE_DESIGN_WALL_SOUTH = 1 << 2,
  ENLACE_DESIGN_WALL_WEST  = 1 << 3,
  ENLACE_DESIGN_WALL_ALL   = 0xf,
} EnlaceDesignWalls;

typedef struct
{
  /* Kinds of space the rule places in ("office", "classroom", …); NULL:
   * every kind but telecom and equipment rooms, entrance facilities and
   * "other" (corridors). */
  char     **kinds;
  double     m2_per_workstation;       /* one workstation per this many m² (10) */
  guint      outlets_per_workstation;  /* (1) */
  guint      min_outlets;              /* per space, at least (1) */
  guint      n_data;                   /* jacks per outlet (2) */
  guint      n_voice;                  /* (0) */
  guint      walls;                    /* EnlaceDesignWalls (ALL) */
  double     height;                   /* of the outlets, m (0.3) */
} EnlaceDesignRule;

/* The defaults above. */
void        enlace_design_rule_init       (EnlaceDesignRule *rule);
/* "north,east" → bits; "all"; 0 with @error for an unknown side. */
guint       enlace_design_walls_parse     (const char       *text,
                                           GError          **error);

/* An outlet, proposed (outlet_id 0) or made. */
typedef struct
{
  gint64       outlet_id;
  gint64       floor_id;
  gint64       space_id;
  char        *space_code;
  char        *name;
  EnlacePoint  p;
  double       rotation;      /* facing into the space, degrees */
  guint        n_data;
  guint        n_voice;
  double       height;
} EnlaceDesignOutlet;

void        enlace_design_outlet_free     (EnlaceDesignOutlet *outlet);

/* The outlets @rule places on @floor_id, in the spaces @space_ids (NULL:
 * every space of the floor the rule applies to), in the order of the
 * spaces' codes, named after the floor's next free labels.  Nothing is
 * written.  NULL with @error for a floor or space that does not exist or
 * a rule that places nothing. */
GPtrArray  *enlace_design_place_preview   (EnlaceStore             *store,
                                           gint64                   floor_id,
                                           const gint64            *space_ids,
                                           guint                    n_spaces,
                                           const EnlaceDesignRule  *rule,
                                           GError                 **error);
/* Makes the proposed outlets (one command, "Place N outlets by rule")
 * and sets their outlet_id. */
gboolean    enlace_design_place_apply     (EnlaceStore             *store,
                                           GPtrArray               *outlets,
                                           GError                 **error);
/* The outlets placed on @floor_id whose jacks carry no cable yet (all of
 * them when !@uncabled_only), in the order of the spaces. */
GPtrArray  *enlace_design_floor_outlets   (EnlaceStore             *store,
                                           gint64                   floor_id,
                                           gboolean                 uncabled_only,
                                           GError                 **error);

/* -------------------------------------------------------------- routing */

typedef struct
{
  gint64       room_id;          /* serving telecom room (a space); 0: nearest reachable */
  double       outlet_height;    /* m above the floor, when an outlet has none (0.3) */
  double       rack_top;         /* m above the floor (2.0) */
  double       slack_room;       /* m, at the telecom room (3.0) */
  double       slack_outlet;     /* m, at a copper outlet (0.3) */
  double       max_length;       /* permanent link, m (90) */
  double       floor_height;     /* m, of a floor with no height (3.5) */
  const char  *cable_type;       /* of the planned cables ("cat6a") */
  guint        panel_ports;      /* of a panel added when one fills (24) */
} EnlaceDesignOptions;

void        enlace_design_options_init    (EnlaceDesignOptions *opts);
/* Enlace's defaults (above) with the project's cabling rules over them
 * (model/rules): the permanent link's maximum (permanent-link.max-m) and
 * the slack at the telecom room and at the outlet (slack.room-m,
 * slack.outlet-m).  What the design dialog, enlace-cli design and the
 * what-if recompute start from, so that a run routed again has the
 * figures the design had.  On error @opts holds Enlace's defaults. */
gboolean    enlace_design_options_load    (EnlaceStore          *store,
                                           EnlaceDesignOptions  *opts,
                                           GError              **error);

/* An outlet's run to its telecom room. */
typedef struct
{
  EnlaceDesignOutlet *outlet;    /* owned */
  gint64      room_id;           /* 0: no room reaches it */
  char       *room_code;
  gint64      rack_id;
  char       *rack_name;
  GArray     *points;            /* EnlaceDesignPoint, outlet → rack */
  double      route_m;           /* along the pathways (and risers) and across to them */
  double      vertical_m;        /* outlet up to the pathway, pathway down to the rack top */
  double      slack_m;
  double      length_m;          /* the sum, rounded up to 0.1 m */
  gboolean    over_limit;        /* length_m > max_length */
  GArray     *pathways;          /* gint64: the pathways (trays, conduits, risers) it is laid in */
} EnlaceDesignRun;

void        enlace_design_run_free        (EnlaceDesignRun *run);

/* The runs of @outlets (EnlaceDesignOutlet*, copied): each to the
 * telecom room @opts chooses or the nearest one its pathways reach (a
 * telecom or equipment room of the same building with a rack drawn).
 * Nothing is written. */
GPtrArray  *enlace_design_route           (EnlaceStore                *store,
                                           GPtrArray                  *outlets,
                                           const EnlaceDesignOptions  *opts,
                                           GError                    **error);
/* Assigns panel ports and creates the planned horizontal cables of
 * @runs (their outlets made), one command.  Runs that no room reaches
 * are refused. */
gboolean    enlace_design_route_apply     (EnlaceStore                *store,
                                           GPtrArray                  *runs,
                                           const EnlaceDesignOptions  *opts,
                                           GError                    **error);
/* Places @outlets, routes them and assigns their ports: one command
 * ("Design the cabling of N outlets").  @runs_out (nullable) gets the
 * runs made. */
gboolean    enlace_design_apply           (EnlaceStore                *store,
                                           GPtrArray                  *outlets,
                                           const EnlaceDesignOptions  *opts,
                                           GPtrArray                 **runs_out,
                                           GError                    **error);

/* What if: routes the planned horizontal cables of @building_id again on
 * its pathways as they are now (each to the rack its panel is in) and
 * writes their lengths and pathways (table pathway_cable) where they
 * differ: one command, "Recompute the lengths of the planned runs";
 * @n_changed (nullable) gets the number of lengths changed.  Every
 * command that moves a rack, a pathway or an outlet does this itself
 * for the buildings it touched (enlace-design-live.c). */
gboolean    enlace_design_recompute       (EnlaceStore                *store,
                                           gint64                      building_id,
                                           guint                      *n_changed,
                                           GError                    **error);
/* Inside a command: the pathways cable @cable_id is laid in become
 * @pathways (gint64, nullable: none), rows added and removed as needed. */
gboolean    enlace_design_lay_run         (EnlaceStore                *store,
                                           gint64                      cable_id,
                                           GArray                     *pathways,
                                           GError                    **error);

/* The runs drawn on @floor_id: every planned or installed horizontal
 * cable from an outlet of the floor to a panel of the building, routed
 * along the pathways, with its stored length. */
GPtrArray  *enlace_design_floor_runs      (EnlaceStore                *store,
                                           gint64                      floor_id,
                                           const EnlaceDesignOptions  *opts,
                                           GError                    **error);

G_END_DECLS
