/* enlace-plan.c: what a floor plan shows, read from the store */
#define G_LOG_DOMAIN "enlace-plan"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "enlace-faulty.h"
#include "enlace-plan.h"
#include "enlace-store-private.h"
#include "enlace-trace.h"

/* Footprints drawn for things that only have a position. */
#define RACK_WIDTH_19   0.60
#define RACK_DEPTH      1.00
#define OUTLET_WIDTH    0.30
#define OUTLET_DEPTH    0.12
#define DEVICE_SIZE     0.35
#define OUTLET_HEIGHT   0.30   /* above the floor */
#define RACK_TOP        2.00

G_DEFINE_BOXED_TYPE (EnlacePlanScene, enlace_plan_scene,
                     enlace_plan_scene_ref, enlace_plan_scene_unref)

static void
jack_free (gpointer data)
{
  EnlacePlanJack *jack = data;

  g_free (jack->name);
  g_free (jack->medium);
  g_free (jack->far);
  g_free (jack->extension);
  g_free (jack);
}

static void
item_free (gpointer data)
{
  EnlacePlanItem *item = data;

  g_free (item->name);
  g_free (item->subtitle);
  g_free (item->type);
  g_free (item->status);
  g_clear_pointer (&item->points, g_array_unref);
  g_clear_pointer (&item->jacks, g_ptr_array_unref);
  g_free (item);
}

static void
route_free (gpointer data)
{
  EnlacePlanRoute *route = data;

  g_free (route->label);
  g_clear_pointer (&route->points, g_array_unref);
  g_free (route);
}

EnlacePlanScene *
enlace_plan_scene_ref (EnlacePlanScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
enlace_plan_scene_unref (EnlacePlanScene *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_free (self->building_code);
  g_free (self->building_name);
  g_free (self->floor_name);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->routes, g_ptr_array_unref);
  g_clear_pointer (&self->index, enlace_grid_index_free);
  g_free (self);
}

const char *
enlace_jack_state_label (EnlaceJackState state)
{
  switch (state)
    {
    case ENLACE_JACK_LIVE:
      return _("In service");
    case ENLACE_JACK_PLANNED:
      return _("Planned");
    case ENLACE_JACK_FAULTY:
      return _("Faulty");
    case ENLACE_JACK_SERVED:
      return _("Up to the jack");
    case ENLACE_JACK_FREE:
    default:
      return _("Free");
    }
}

static char *
col_text (sqlite3_stmt *stmt,
          int           i)
{
  if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *)sqlite3_column_text (stmt, i));
}

static GArray *
parse_points (sqlite3_stmt *stmt,
              int           i)
{
  GArray *pts = NULL;

  if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
    pts = enlace_points_parse ((const char *)sqlite3_column_text (stmt, i), NULL);
  if (pts == NULL)
    pts = g_array_new (FALSE, FALSE, sizeof (EnlacePoint));
  return pts;
}

static EnlacePlanItem *
item_new (EnlacePlanItemKind kind,
          gint64             id)
{
  EnlacePlanItem *item = g_new0 (EnlacePlanItem, 1);

  item->kind = kind;
  item->id = id;
  return item;
}

/* The four corners of a footprint centred on the item's position. */
static void
footprint (const EnlacePlanItem *item,
           EnlacePoint          *corners)
{
  EnlacePoint c = g_array_index (item->points, EnlacePoint, 0);
  double w = item->width / 2, d = item->depth / 2;
  EnlacePoint raw[4] = {
    { c.x - w, c.y - d }, { c.x + w, c.y - d }, { c.x + w, c.y + d }, { c.x - w, c.y + d },
  };

  for (guint i = 0; i < 4; i++)
    corners[i] = enlace_point_rotate (raw[i], c, item->rotation);
}

static void
compute_bounds (EnlacePlanItem *item)
{
  if (item->kind == ENLACE_PLAN_ITEM_RACK || item->kind == ENLACE_PLAN_ITEM_DEVICE)
    {
      EnlacePoint corners[4];

      footprint (item, corners);
      item->bounds = enlace_points_bounds (corners, 4);
    }
  else
    {
      double pad = item->kind == ENLACE_PLAN_ITEM_WALL ? item->thickness / 2
                   : item->kind == ENLACE_PLAN_ITEM_PATHWAY ? MAX (item->width / 2, 0.05)
                   : 0.05;

      item->bounds = enlace_points_bounds ((EnlacePoint *)item->points->data, item->points->len);
      item->bounds.x1 -= pad;
      item->bounds.y1 -= pad;
      item->bounds.x2 += pad;
      item->bounds.y2 += pad;
    }
}

/* ---------------------------------------------------------------- jacks */

static EnlaceJackState
jack_state (EnlaceStore    *store,
            EnlaceTracer   *tracer,
            GHashTable     *marked,
            gint64          port_id,
            char          **far,
            char          **extension)
{
  EnlaceNode node = { ENLACE_NODE_PORT, port_id };
  g_autoptr(GPtrArray) paths = NULL;
  EnlaceJackState state = ENLACE_JACK_FREE;
  gboolean planned = FALSE, faulty = FALSE, served = FALSE;

  if (tracer == NULL)
    return ENLACE_JACK_FREE;
  paths = enlace_tracer_paths_through (tracer, &node);
  if (paths == NULL)
    return ENLACE_JACK_FREE;

  for (guint i = 0; i < paths->len; i++)
    {
      EnlacePath *path = g_ptr_array_index (paths, i);
      guint n_origin = 0;
      const EnlaceNode *origin = enlace_path_get_hop (path, 0, &n_origin);

      /* a cable or port on it marked faulty (enlace-faulty.h) */
      for (guint h = 0; g_hash_table_size (marked) > 0 && !faulty && h < enlace_path_get_n_hops (path); h++)
        {
          guint n = 0;
          const EnlaceNode *nodes = enlace_path_get_hop (path, h, &n);

          for (guint k = 0; k < n && !faulty; k++)
            if ((nodes[k].kind == ENLACE_NODE_CABLE && enlace_faulty_set_contains (marked, "cable", nodes[k].id)) ||
                (nodes[k].kind == ENLACE_NODE_PORT && enlace_faulty_set_contains (marked, "port", nodes[k].id)))
              faulty = TRUE;
        }
      if (path->split)
        faulty = TRUE;
      else if (path->active && path->state == ENLACE_PATH_STATE_COMPLETE)
        state = ENLACE_JACK_LIVE;
      else if (path->active && path->state == ENLACE_PATH_STATE_TO_JACK)
        served = TRUE;
      else if (path->active)
        ;  /* stops short beyond the jack: no service reaches it */
      else
        {
          /* Inactive: a planned or a decommissioned cable on it. */
          for (guint h = 1; h < enlace_path_get_n_hops (path); h++)
            {
              guint n = 0;
              const EnlaceNode *nodes = enlace_path_get_hop (path, h, &n);

              for (guint k = 0; k < n; k++)
                if (nodes[k].kind == ENLACE_NODE_CABLE)
                  {
                    g_autoptr(JsonObject) cable = enlace_store_get (store, "cable", nodes[k].id, NULL);
                    const char *status = cable ? json_object_get_string_member (cable, "status") : NULL;

                    if (g_strcmp0 (status, "planned") == 0)
                      planned = TRUE;
                    else if (g_strcmp0 (status, "decommissioned") == 0)
                      faulty = TRUE;
                  }
            }
        }

      if (*far == NULL && n_origin > 0 && !(origin[0].kind == ENLACE_NODE_PORT && origin[0].id == port_id))
        *far = enlace_tracer_dup_node_key (tracer, &origin[0]);
      if (*extension == NULL && n_origin > 0 && origin[0].kind == ENLACE_NODE_PORT)
        {
          sqlite3_stmt *stmt = enlace_store_prepare (store,
                                                     "SELECT number FROM extension WHERE port_id = ?1 AND status <> 'cancelled'",
                                                     NULL);
          if (stmt)
            {
              sqlite3_bind_int64 (stmt, 1, origin[0].id);
              if (sqlite3_step (stmt) == SQLITE_ROW)
                *extension = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
              sqlite3_reset (stmt);
            }
        }
    }

  if (state == ENLACE_JACK_LIVE && !faulty)
    return ENLACE_JACK_LIVE;
  if (faulty)
    return ENLACE_JACK_FAULTY;
  if (state == ENLACE_JACK_LIVE)
    return ENLACE_JACK_LIVE;
  if (served)
    return ENLACE_JACK_SERVED;
  if (planned)
    return ENLACE_JACK_PLANNED;
  return state;
}

static gboolean
load_jacks (EnlaceStore     *store,
            EnlaceTracer    *tracer,
            GHashTable      *marked,
            EnlacePlanItem  *item,
            GError         **error)
{
  sqlite3_stmt *stmt;

  /* Outlet jacks are the front ports; other placed devices show their
   * interfaces (an access point's uplink). */
  stmt = enlace_store_prepare (store,
                               "SELECT id, name, medium FROM port WHERE device_id = ?1 AND kind IN ('front', 'interface') "
                               "ORDER BY seq, id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  item->jacks = g_ptr_array_new_with_free_func (jack_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EnlacePlanJack *jack = g_new0 (EnlacePlanJack, 1);

      jack->port_id = sqlite3_column_int64 (stmt, 0);
      jack->name = col_text (stmt, 1);
      jack->medium = col_text (stmt, 2);
      g_ptr_array_add (item->jacks, jack);
    }
  sqlite3_reset (stmt);

  /* Tracing may run queries of its own: after the statement is reset. */
  for (guint i = 0; i < item->jacks->len; i++)
    {
      EnlacePlanJack *jack = g_ptr_array_index (item->jacks, i);
      jack->state = jack_state (store, tracer, marked, jack->port_id, &jack->far, &jack->extension);
    }
  return TRUE;
}

/* ---------------------------------------------------------------- routes */

/* The pathway graph of a floor: vertices, and edges along the pathways
 * and across junctions (a vertex within JUNCTION of another pathway). */
#define JUNCTION 0.6

typedef struct
{
  guint       to;
  double      w;
  gboolean    has_via;
  EnlacePoint via;
} Edge;

typedef struct
{
  GArray    *nodes;   /* EnlacePoint */
  GPtrArray *edges;   /* per node: GArray of Edge */
  GArray    *segs;    /* guint pairs: node indices of each segment */
  GArray    *heights; /* per segment: pathway height */
} Graph;

static void
graph_clear (Graph *g)
{
  g_clear_pointer (&g->nodes, g_array_unref);
  g_clear_pointer (&g->edges, g_ptr_array_unref);
  g_clear_pointer (&g->segs, g_array_unref);
  g_clear_pointer (&g->heights, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Graph, graph_clear)

static void
graph_link (Graph       *g,
            guint        a,
            guint        b,
            double       w,
            EnlacePoint *via)
{
  Edge e = { b, w, via != NULL, { 0, 0 } };

  if (via)
    e.via = *via;
  g_array_append_val (g_ptr_array_index (g->edges, a), e);
  e.to = a;
  g_array_append_val (g_ptr_array_index (g->edges, b), e);
}

static void
graph_build (Graph     *g,
             GPtrArray *items)
{
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) ways = g_ptr_array_new ();

  g->nodes = g_array_new (FALSE, FALSE, sizeof (EnlacePoint));
  g->edges = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g->segs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g->heights = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < items->len; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (items, i);
      guint base = g->nodes->len;

      if (item->kind != ENLACE_PLAN_ITEM_PATHWAY || g_strcmp0 (item->type, "riser") == 0 ||
          item->points->len < 2)
        continue;
      g_ptr_array_add (ways, item);
      g_array_append_val (first, base);
      for (guint k = 0; k < item->points->len; k++)
        {
          g_array_append_val (g->nodes, g_array_index (item->points, EnlacePoint, k));
          g_ptr_array_add (g->edges, g_array_new (FALSE, FALSE, sizeof (Edge)));
        }
      for (guint k = 1; k < item->points->len; k++)
        {
          guint seg[2] = { base + k - 1, base + k };
          EnlacePoint a = g_array_index (g->nodes, EnlacePoint, seg[0]);
          EnlacePoint b = g_array_index (g->nodes, EnlacePoint, seg[1]);

          graph_link (g, seg[0], seg[1], enlace_point_distance (a, b), NULL);
          g_array_append_vals (g->segs, seg, 1);
          g_array_append_val (g->heights, item->height);
        }
    }

  /* Junctions: a vertex near another pathway's segment joins it. */
  for (guint w = 0; w < ways->len; w++)
    {
      EnlacePlanItem *way = g_ptr_array_index (ways, w);
      guint base = g_array_index (first, guint, w);

      for (guint k = 0; k < way->points->len; k++)
        {
          guint v = base + k;
          EnlacePoint p = g_array_index (g->nodes, EnlacePoint, v);

          for (guint s = 0; s < g->segs->len; s++)
            {
              guint *seg = &g_array_index (g->segs, guint, s * 2);
              EnlacePoint a = g_array_index (g->nodes, EnlacePoint, seg[0]);
              EnlacePoint b = g_array_index (g->nodes, EnlacePoint, seg[1]);
              EnlacePoint c;
              double d;

              if (seg[0] >= base && seg[0] < base + way->points->len)
                continue; /* the same pathway */
              d = enlace_segment_distance (a, b, p, &c, NULL);
              if (d > JUNCTION)
                continue;
              graph_link (g, v, seg[0], d + enlace_point_distance (c, a), &c);
              graph_link (g, v, seg[1], d + enlace_point_distance (c, b), &c);
            }
        }
    }
}

/* The nearest point of the graph's segments to @p. */
static gboolean
graph_nearest (Graph       *g,
               EnlacePoint  p,
               guint       *seg_out,
               EnlacePoint *at)
{
  double best = G_MAXDOUBLE;

  for (guint s = 0; s < g->segs->len; s++)
    {
      guint *seg = &g_array_index (g->segs, guint, s * 2);
      EnlacePoint c;
      double d = enlace_segment_distance (g_array_index (g->nodes, EnlacePoint, seg[0]),
                                          g_array_index (g->nodes, EnlacePoint, seg[1]),
                                          p, &c, NULL);
      if (d < best)
        {
          best = d;
          *seg_out = s;
          *at = c;
        }
    }
  return best < G_MAXDOUBLE;
}

typedef struct
{
  double *dist;
  guint  *prev;     /* G_MAXUINT: reached from the source point */
  Edge  **via;      /* edge used to reach each node (for junction points) */
  guint   src_seg;
  EnlacePoint src;
} Tree;

static void
tree_clear (Tree *t)
{
  g_clear_pointer (&t->dist, g_free);
  g_clear_pointer (&t->prev, g_free);
  g_clear_pointer (&t->via, g_free);
}

/* Dijkstra from a point on segment @src_seg (simple O(n²): floors have a
 * few hundred vertices at most). */
static void
tree_build (Tree        *t,
            Graph       *g,
            guint        src_seg,
            EnlacePoint  src)
{
  guint n = g->nodes->len;
  g_autofree gboolean *done = g_new0 (gboolean, n);
  guint *seg = &g_array_index (g->segs, guint, src_seg * 2);

  t->dist = g_new (double, n);
  t->prev = g_new (guint, n);
  t->via = g_new0 (Edge *, n);
  t->src_seg = src_seg;
  t->src = src;
  for (guint i = 0; i < n; i++)
    {
      t->dist[i] = G_MAXDOUBLE;
      t->prev[i] = G_MAXUINT;
    }
  t->dist[seg[0]] = enlace_point_distance (src, g_array_index (g->nodes, EnlacePoint, seg[0]));
  t->dist[seg[1]] = enlace_point_distance (src, g_array_index (g->nodes, EnlacePoint, seg[1]));

  for (;;)
    {
      guint u = G_MAXUINT;
      GArray *edges;

      for (guint i = 0; i < n; i++)
        if (!done[i] && t->dist[i] < G_MAXDOUBLE && (u == G_MAXUINT || t->dist[i] < t->dist[u]))
          u = i;
      if (u == G_MAXUINT)
        break;
      done[u] = TRUE;
      edges = g_ptr_array_index (g->edges, u);
      for (guint k = 0; k < edges->len; k++)
        {
          Edge *e = &g_array_index (edges, Edge, k);

          if (t->dist[u] + e->w < t->dist[e->to])
            {
              t->dist[e->to] = t->dist[u] + e->w;
              t->prev[e->to] = u;
              t->via[e->to] = e;
            }
        }
    }
}

static EnlacePlanRoute *
route_to (Graph       *g,
          Tree        *t,
          EnlacePoint  from,
          EnlacePoint  to,
          double       height)
{
  EnlacePlanRoute *route = g_new0 (EnlacePlanRoute, 1);
  EnlacePoint entry = { 0, 0 };
  guint seg_i = 0;

  route->points = g_array_new (FALSE, FALSE, sizeof (EnlacePoint));
  g_array_append_val (route->points, from);

  if (g->segs->len > 0 && graph_nearest (g, from, &seg_i, &entry))
    {
      guint *seg = &g_array_index (g->segs, guint, seg_i * 2);
      EnlacePoint a = g_array_index (g->nodes, EnlacePoint, seg[0]);
      EnlacePoint b = g_array_index (g->nodes, EnlacePoint, seg[1]);
      double da = t->dist[seg[0]] + enlace_point_distance (entry, a);
      double db = t->dist[seg[1]] + enlace_point_distance (entry, b);
      double h = g_array_index (g->heights, double, seg_i);

      g_array_append_val (route->points, entry);
      if (seg_i != t->src_seg && MIN (da, db) < G_MAXDOUBLE / 2)
        {
          guint v = da <= db ? seg[0] : seg[1];

          while (v != G_MAXUINT)
            {
              g_array_append_val (route->points, g_array_index (g->nodes, EnlacePoint, v));
              if (t->via[v] && t->via[v]->has_via)
                g_array_append_val (route->points, t->via[v]->via);
              v = t->prev[v];
            }
          route->along_pathways = TRUE;
        }
      else if (seg_i == t->src_seg)
        route->along_pathways = TRUE;
      if (route->along_pathways)
        {
          g_array_append_val (route->points, t->src);
          height = h;
        }
      else
        g_array_set_size (route->points, 1);
    }
  g_array_append_val (route->points, to);

  route->length_m = enlace_polyline_length ((EnlacePoint *)route->points->data, route->points->len);
  if (route->along_pathways)
    route->length_m += fabs (height - OUTLET_HEIGHT) + fabs (height - RACK_TOP);
  return route;
}

static gboolean
load_routes (EnlaceStore      *store,
             EnlacePlanScene  *scene,
             GError          **error)
{
  g_auto(Graph) graph = { 0 };
  g_autoptr(GHashTable) trees = g_hash_table_new_full (NULL, NULL, NULL, NULL);
  g_autoptr(GArray) tree_store = g_array_new (FALSE, TRUE, sizeof (Tree));
  g_autoptr(GHashTable) marked = enlace_faulty_set_load (store);
  sqlite3_stmt *stmt;

  /* Horizontal links from an outlet placed on this floor to a panel in a
   * rack placed on this floor. */
  stmt = enlace_store_prepare (store,
                               "SELECT DISTINCT cable.id, cable.label, od.id, rk.id, cable.length_m "
                               "FROM cable "
                               "JOIN cable_end ea ON ea.cable_id = cable.id "
                               "JOIN port pa ON pa.id = ea.port_id "
                               "JOIN device od ON od.id = pa.device_id "
                               "JOIN space os ON os.id = od.space_id "
                               "JOIN cable_end eb ON eb.cable_id = cable.id AND eb.end <> ea.end "
                               "JOIN port pb ON pb.id = eb.port_id "
                               "JOIN device pd ON pd.id = pb.device_id "
                               "JOIN rack rk ON rk.id = pd.rack_id "
                               "JOIN space rs ON rs.id = rk.space_id "
                               "WHERE cable.kind = 'horizontal' AND od.role IN ('outlet', 'access-point', 'consolidation-point', 'phone') "
                               "AND os.floor_id = ?1 AND rs.floor_id = ?1 "
                               "AND od.x IS NOT NULL AND rk.x IS NOT NULL "
                               "ORDER BY cable.id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scene->floor_id);

  graph_build (&graph, scene->items);
  scene->routes = g_ptr_array_new_with_free_func (route_free);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 cable_id = sqlite3_column_int64 (stmt, 0);
      gint64 outlet_id = sqlite3_column_int64 (stmt, 2);
      gint64 rack_id = sqlite3_column_int64 (stmt, 3);
      EnlacePlanItem *outlet = enlace_plan_scene_find (scene, ENLACE_PLAN_ITEM_DEVICE, outlet_id);
      EnlacePlanItem *rack = enlace_plan_scene_find (scene, ENLACE_PLAN_ITEM_RACK, rack_id);
      EnlacePoint from, to, exit = { 0, 0 };
      EnlacePlanRoute *route;
      gpointer tree_index;
      Tree *tree;
      guint seg = 0;

      if (outlet == NULL || rack == NULL)
        continue;
      from = g_array_index (outlet->points, EnlacePoint, 0);
      to = g_array_index (rack->points, EnlacePoint, 0);

      if (!g_hash_table_lookup_extended (trees, GSIZE_TO_POINTER (rack_id), NULL, &tree_index))
        {
          Tree t = { 0 };

          if (graph.segs->len > 0 && graph_nearest (&graph, to, &seg, &exit))
            tree_build (&t, &graph, seg, exit);
          g_array_append_val (tree_store, t);
          tree_index = GUINT_TO_POINTER (tree_store->len);
          g_hash_table_insert (trees, GSIZE_TO_POINTER (rack_id), tree_index);
        }
      tree = &g_array_index (tree_store, Tree, GPOINTER_TO_UINT (tree_index) - 1);

      if (tree->dist != NULL)
        route = route_to (&graph, tree, from, to, 2.7);
      else
        {
          route = g_new0 (EnlacePlanRoute, 1);
          route->points = g_array_new (FALSE, FALSE, sizeof (EnlacePoint));
          g_array_append_val (route->points, from);
          g_array_append_val (route->points, to);
          route->length_m = enlace_point_distance (from, to);
        }
      /* A cable whose length is recorded (designed or measured) shows it. */
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        route->cable_length_m = sqlite3_column_double (stmt, 4);
      route->cable_id = cable_id;
      route->faulty = enlace_faulty_set_contains (marked, "cable", cable_id);
      route->label = col_text (stmt, 1);
      route->device_id = outlet_id;
      g_ptr_array_add (scene->routes, route);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < tree_store->len; i++)
    tree_clear (&g_array_index (tree_store, Tree, i));
  return TRUE;
}


/* ---------------------------------------------------------------- load */

static gboolean
load_floor (EnlaceStore      *store,
            EnlacePlanScene  *scene,
            GError          **error)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store,
                                             "SELECT building.code, building.name, floor.name, floor.level, floor.height "
                                             "FROM floor JOIN building ON building.id = floor.building_id WHERE floor.id = ?1",
                                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scene->floor_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no floor with id %lld"), (long long) scene->floor_id);
      return FALSE;
    }
  scene->building_code = col_text (stmt, 0);
  scene->building_name = col_text (stmt, 1);
  scene->floor_name = col_text (stmt, 2);
  scene->level = sqlite3_column_int (stmt, 3);
  scene->floor_height = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? 3.0 : sqlite3_column_double (stmt, 4);
  sqlite3_reset (stmt);

  scene->opacity = 0.5;
  stmt = enlace_store_prepare (store,
                               "SELECT id, attachment_id, page, scale, origin_x, origin_y, rotation, opacity, locked, north "
                               "FROM floor_plan WHERE floor_id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scene->floor_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      scene->plan_id = sqlite3_column_int64 (stmt, 0);
      scene->attachment_id = sqlite3_column_int64 (stmt, 1);
      scene->page = sqlite3_column_int (stmt, 2);
      scene->scale = sqlite3_column_double (stmt, 3);
      scene->origin_x = sqlite3_column_double (stmt, 4);
      scene->origin_y = sqlite3_column_double (stmt, 5);
      scene->bg_rotation = sqlite3_column_double (stmt, 6);
      scene->opacity = sqlite3_column_double (stmt, 7);
      scene->locked = sqlite3_column_int (stmt, 8);
      scene->north = sqlite3_column_double (stmt, 9);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_items (EnlaceStore      *store,
            EnlacePlanScene  *scene,
            EnlaceTracer     *tracer,
            GError          **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) devices = g_ptr_array_new ();
  g_autoptr(GHashTable) marked = NULL;

  /* Spaces first: they are drawn underneath. */
  stmt = enlace_store_prepare (store,
                               "SELECT id, code, name, kind, outline FROM space WHERE floor_id = ?1 ORDER BY code",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scene->floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EnlacePlanItem *item = item_new (ENLACE_PLAN_ITEM_SPACE, sqlite3_column_int64 (stmt, 0));

      item->name = col_text (stmt, 1);
      item->subtitle = col_text (stmt, 2);
      item->type = col_text (stmt, 3);
      item->points = parse_points (stmt, 4);
      if (item->points->len < 3)
        {
          item_free (item);
          continue;
        }
      g_ptr_array_add (scene->items, item);
    }
  sqlite3_reset (stmt);

  stmt = enlace_store_prepare (store, "SELECT id, points, thickness FROM wall WHERE floor_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scene->floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EnlacePlanItem *item = item_new (ENLACE_PLAN_ITEM_WALL, sqlite3_column_int64 (stmt, 0));

      item->points = parse_points (stmt, 1);
      item->thickness = sqlite3_column_double (stmt, 2);
      g_ptr_array_add (scene->items, item);
    }
  sqlite3_reset (stmt);

  stmt = enlace_store_prepare (store,
                               "SELECT id, name, kind, points, height, size_mm, to_floor_id FROM pathway "
                               "WHERE floor_id = ?1 ORDER BY id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scene->floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EnlacePlanItem *item = item_new (ENLACE_PLAN_ITEM_PATHWAY, sqlite3_column_int64 (stmt, 0));

      item->name = col_text (stmt, 1);
      item->type = col_text (stmt, 2);
      item->points = parse_points (stmt, 3);
      item->height = sqlite3_column_double (stmt, 4);
      item->width = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? 0 : sqlite3_column_double (stmt, 5) / 1000.0;
      g_ptr_array_add (scene->items, item);
    }
  sqlite3_reset (stmt);

  stmt = enlace_store_prepare (store,
                               "SELECT rack.id, rack.name, space.code, rack.x, rack.y, rack.rotation, rack.width, rack.space_id, "
                               "rack.u_height FROM rack JOIN space ON space.id = rack.space_id "
                               "WHERE space.floor_id = ?1 AND rack.x IS NOT NULL AND rack.y IS NOT NULL ORDER BY rack.name",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scene->floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EnlacePlanItem *item = item_new (ENLACE_PLAN_ITEM_RACK, sqlite3_column_int64 (stmt, 0));
      EnlacePoint p = { sqlite3_column_double (stmt, 3), sqlite3_column_double (stmt, 4) };
      const char *width = (const char *)sqlite3_column_text (stmt, 6);

      item->name = col_text (stmt, 1);
      item->subtitle = g_strdup_printf ("%dU", sqlite3_column_int (stmt, 8));
      item->type = g_strdup ("rack");
      item->points = g_array_new (FALSE, FALSE, sizeof (EnlacePoint));
      g_array_append_val (item->points, p);
      item->rotation = sqlite3_column_double (stmt, 5);
      item->width = g_strcmp0 (width, "23in") == 0 ? 0.75 : g_strcmp0 (width, "10in") == 0 ? 0.35 : RACK_WIDTH_19;
      item->depth = g_strcmp0 (width, "10in") == 0 ? 0.40 : RACK_DEPTH;
      item->space_id = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (scene->items, item);
    }
  sqlite3_reset (stmt);

  stmt = enlace_store_prepare (store,
                               "SELECT device.id, device.name, device.role, device.status, device.x, device.y, "
                               "device.rotation, device.space_id, space.code "
                               "FROM device JOIN space ON space.id = device.space_id "
                               "WHERE space.floor_id = ?1 AND device.rack_id IS NULL "
                               "AND device.x IS NOT NULL AND device.y IS NOT NULL ORDER BY device.name",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scene->floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EnlacePlanItem *item = item_new (ENLACE_PLAN_ITEM_DEVICE, sqlite3_column_int64 (stmt, 0));
      EnlacePoint p = { sqlite3_column_double (stmt, 4), sqlite3_column_double (stmt, 5) };

      item->name = col_text (stmt, 1);
      item->type = col_text (stmt, 2);
      item->status = col_text (stmt, 3);
      item->subtitle = col_text (stmt, 8);
      item->points = g_array_new (FALSE, FALSE, sizeof (EnlacePoint));
      g_array_append_val (item->points, p);
      item->rotation = sqlite3_column_double (stmt, 6);
      item->space_id = sqlite3_column_int64 (stmt, 7);
      if (g_strcmp0 (item->type, "outlet") == 0)
        {
          item->width = OUTLET_WIDTH;
          item->depth = OUTLET_DEPTH;
        }
      else
        item->width = item->depth = DEVICE_SIZE;
      g_ptr_array_add (scene->items, item);
      g_ptr_array_add (devices, item);
    }
  sqlite3_reset (stmt);

  marked = enlace_faulty_set_load (store);
  for (guint i = 0; i < devices->len; i++)
    if (!load_jacks (store, tracer, marked, g_ptr_array_index (devices, i), error))
      return FALSE;
  return TRUE;
}

EnlacePlanScene *
enlace_plan_scene_load (EnlaceStore  *store,
                        gint64        floor_id,
                        gpointer      tracer,
                        GError      **error)
{
  g_autoptr(EnlacePlanScene) scene = g_new0 (EnlacePlanScene, 1);
  gboolean any = FALSE;
  EnlaceBox grid_extent;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (tracer == NULL || ENLACE_IS_TRACER (tracer), NULL);

  scene->ref_count = 1;
  scene->floor_id = floor_id;
  scene->items = g_ptr_array_new_with_free_func (item_free);

  if (!load_floor (store, scene, error) ||
      !load_items (store, scene, tracer, error))
    return NULL;

  for (guint i = 0; i < scene->items->len; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (scene->items, i);

      compute_bounds (item);
      if (!any)
        scene->extent = item->bounds;
      else
        enlace_box_union (&scene->extent, &item->bounds);
      any = TRUE;
    }
  if (!any)
    {
      scene->extent.x1 = scene->extent.y1 = 0;
      scene->extent.x2 = ENLACE_PLAN_DEFAULT_WIDTH;
      scene->extent.y2 = ENLACE_PLAN_DEFAULT_DEPTH;
    }

  grid_extent = scene->extent;
  scene->index = enlace_grid_index_new (&grid_extent, 1.0);
  for (guint i = 0; i < scene->items->len; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (scene->items, i);

      /* Lines by segment, so that a long diagonal tray does not sit in
       * every cell of the floor. */
      if ((item->kind == ENLACE_PLAN_ITEM_WALL || item->kind == ENLACE_PLAN_ITEM_PATHWAY) && item->points->len >= 2)
        {
          double pad = item->bounds.x1 < item->bounds.x2 ? MAX (item->thickness, MAX (item->width, 0.1)) / 2 : 0.05;

          for (guint k = 1; k < item->points->len; k++)
            {
              EnlaceBox seg = enlace_points_bounds (&g_array_index (item->points, EnlacePoint, k - 1), 2);

              seg.x1 -= pad;
              seg.y1 -= pad;
              seg.x2 += pad;
              seg.y2 += pad;
              enlace_grid_index_insert (scene->index, i, &seg);
            }
        }
      else
        enlace_grid_index_insert (scene->index, i, &item->bounds);
    }

  if (!load_routes (store, scene, error))
    return NULL;
  return g_steal_pointer (&scene);
}

/* ---------------------------------------------------------------- queries */

EnlacePlanItem *
enlace_plan_scene_find (EnlacePlanScene    *self,
                        EnlacePlanItemKind  kind,
                        gint64              id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (self->items, i);

      if (item->kind == kind && item->id == id)
        return item;
    }
  return NULL;
}

typedef struct
{
  EnlacePlanScene *scene;
  double           tolerance;
} HitData;

static gboolean
hit_item (guint        index,
          EnlacePoint  p,
          gpointer     user_data)
{
  HitData *data = user_data;
  EnlacePlanItem *item = g_ptr_array_index (data->scene->items, index);
  const EnlacePoint *pts = (const EnlacePoint *)item->points->data;

  switch (item->kind)
    {
    case ENLACE_PLAN_ITEM_SPACE:
      return enlace_polygon_contains (pts, item->points->len, p);
    case ENLACE_PLAN_ITEM_WALL:
      return enlace_polyline_distance (pts, item->points->len, FALSE, p, NULL, NULL)
             <= item->thickness / 2 + data->tolerance;
    case ENLACE_PLAN_ITEM_PATHWAY:
      return enlace_polyline_distance (pts, item->points->len, FALSE, p, NULL, NULL)
             <= MAX (item->width / 2, 0.05) + data->tolerance;
    case ENLACE_PLAN_ITEM_RACK:
    case ENLACE_PLAN_ITEM_DEVICE:
      {
        EnlacePoint corners[4];

        footprint (item, corners);
        return enlace_polygon_contains (corners, 4, p) ||
               enlace_polyline_distance (corners, 4, TRUE, p, NULL, NULL) <= data->tolerance;
      }
    default:
      return FALSE;
    }
}

EnlacePlanItem *
enlace_plan_scene_hit (EnlacePlanScene *self,
                       EnlacePoint      p,
                       double           tolerance)
{
  HitData data = { self, tolerance };
  guint found;

  g_return_val_if_fail (self != NULL, NULL);

  /* Bounds are padded by the tolerance through the exact test; first look
   * at the point itself, then around it for thin lines. */
  found = enlace_grid_index_hit (self->index, p, hit_item, &data);
  if (found == G_MAXUINT && tolerance > 0)
    {
      EnlaceBox box = { p.x - tolerance, p.y - tolerance, p.x + tolerance, p.y + tolerance };
      g_autoptr(GArray) near = enlace_grid_index_query (self->index, &box);
      guint best = G_MAXUINT;

      for (guint i = 0; i < near->len; i++)
        {
          guint idx = g_array_index (near, guint, i);
          EnlacePlanItem *item = g_ptr_array_index (self->items, idx);

          if (item->kind != ENLACE_PLAN_ITEM_SPACE && hit_item (idx, p, &data) && (best == G_MAXUINT || idx > best))
            best = idx;
        }
      found = best;
    }
  return found == G_MAXUINT ? NULL : g_ptr_array_index (self->items, found);
}

GPtrArray *
enlace_plan_scene_query (EnlacePlanScene *self,
                         const EnlaceBox *box)
{
  GPtrArray *ret = g_ptr_array_new ();
  g_autoptr(GArray) found = NULL;

  g_return_val_if_fail (self != NULL, ret);

  found = enlace_grid_index_query (self->index, box);
  for (guint i = 0; i < found->len; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (self->items, g_array_index (found, guint, i));

      if (item->kind == ENLACE_PLAN_ITEM_SPACE &&
          !(item->bounds.x1 >= box->x1 && item->bounds.x2 <= box->x2 &&
            item->bounds.y1 >= box->y1 && item->bounds.y2 <= box->y2))
        continue;
      g_ptr_array_add (ret, item);
    }
  return ret;
}

gboolean
enlace_plan_scene_snap (EnlacePlanScene *self,
                        EnlacePoint      p,
                        double           tolerance,
                        EnlacePoint     *out)
{
  EnlaceBox box = { p.x - tolerance, p.y - tolerance, p.x + tolerance, p.y + tolerance };
  g_autoptr(GArray) near = NULL;
  double best = G_MAXDOUBLE;
  gboolean found = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  near = enlace_grid_index_query (self->index, &box);
  /* Vertices win over segments. */
  for (guint pass = 0; pass < 2 && !found; pass++)
    for (guint i = 0; i < near->len; i++)
      {
        EnlacePlanItem *item = g_ptr_array_index (self->items, g_array_index (near, guint, i));
        const EnlacePoint *pts = (const EnlacePoint *)item->points->data;
        EnlacePoint c;
        gboolean closed = item->kind == ENLACE_PLAN_ITEM_SPACE;

        if (item->kind == ENLACE_PLAN_ITEM_RACK || item->kind == ENLACE_PLAN_ITEM_DEVICE)
          continue;
        if (pass == 0 ? enlace_snap_to_vertices (pts, item->points->len, p, tolerance, &c)
                      : enlace_snap_to_polyline (pts, item->points->len, closed, p, tolerance, &c))
          {
            double d = enlace_point_distance (c, p);

            if (d < best)
              {
                best = d;
                *out = c;
                found = TRUE;
              }
          }
      }
  return found;
}
