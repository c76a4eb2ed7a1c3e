/* enlace-design-graph.c: the pathway graph of a building and its
 * shortest ways (Dijkstra with a binary heap) */
#define G_LOG_DOMAIN "enlace-design"
#include "config.h"

#include <math.h>
#include <string.h>

#include "enlace-design.h"

typedef struct
{
  guint  to;
  double w;
  gint64 pathway;   /* the pathway it runs in, 0: a junction between two */
} Edge;

typedef struct
{
  gint64      floor_id;
  EnlacePoint p;
} Node;

typedef struct
{
  guint  a, b;
  double height;
  gint64 pathway;
} Seg;

typedef struct
{
  gint64      floor_id;
  EnlacePoint p;
  gint64      to_floor_id;
  double      rise;
  gint64      pathway;
} Riser;

struct _EnlaceRouteGraph
{
  GArray     *nodes;     /* Node */
  GPtrArray  *edges;     /* per node: GArray of Edge */
  GArray     *segs;      /* Seg */
  GArray     *ways;      /* guint pairs: first node, n nodes of each pathway */
  GArray     *risers;    /* Riser */
  GHashTable *floor_segs; /* floor id → GArray of segment indices */
  gboolean    finished;
};

struct _EnlaceRouteTree
{
  EnlaceRouteGraph *graph;
  gint64       floor_id;
  EnlacePoint  src;       /* the source point */
  EnlacePoint  exit;      /* where it enters the pathways */
  guint        src_seg;
  double      *dist;
  guint       *prev;      /* G_MAXUINT: seeded from the source */
};

EnlaceRouteGraph *
enlace_route_graph_new (void)
{
  EnlaceRouteGraph *self = g_new0 (EnlaceRouteGraph, 1);

  self->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  self->edges = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  self->segs = g_array_new (FALSE, FALSE, sizeof (Seg));
  self->ways = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  self->risers = g_array_new (FALSE, FALSE, sizeof (Riser));
  self->floor_segs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)g_array_unref);
  return self;
}

void
enlace_route_graph_free (EnlaceRouteGraph *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->nodes);
  g_ptr_array_unref (self->edges);
  g_array_unref (self->segs);
  g_array_unref (self->ways);
  g_array_unref (self->risers);
  g_hash_table_unref (self->floor_segs);
  g_free (self);
}

guint
enlace_route_graph_get_n_nodes (EnlaceRouteGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->nodes->len;
}

static guint
add_node (EnlaceRouteGraph *self,
          gint64            floor_id,
          EnlacePoint       p)
{
  Node n = { floor_id, p };

  g_array_append_val (self->nodes, n);
  g_ptr_array_add (self->edges, g_array_new (FALSE, FALSE, sizeof (Edge)));
  return self->nodes->len - 1;
}

static void
graph_link (EnlaceRouteGraph *self,
            guint             a,
            guint             b,
            double            w,
            gint64            pathway)
{
  Edge e = { b, w, pathway };

  g_array_append_val (g_ptr_array_index (self->edges, a), e);
  e.to = a;
  g_array_append_val (g_ptr_array_index (self->edges, b), e);
}

static EnlacePoint
node_p (EnlaceRouteGraph *self,
        guint             i)
{
  return g_array_index (self->nodes, Node, i).p;
}

static GArray *
segs_of_floor (EnlaceRouteGraph *self,
               gint64            floor_id,
               gboolean          create)
{
  GArray *segs = g_hash_table_lookup (self->floor_segs, &floor_id);

  if (segs == NULL && create)
    {
      segs = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (self->floor_segs, g_memdup2 (&floor_id, sizeof floor_id), segs);
    }
  return segs;
}

void
enlace_route_graph_add_pathway (EnlaceRouteGraph  *self,
                                gint64             floor_id,
                                const EnlacePoint *pts,
                                guint              n,
                                double             height)
{
  enlace_route_graph_add_pathway_id (self, floor_id, pts, n, height, 0);
}

void
enlace_route_graph_add_pathway_id (EnlaceRouteGraph  *self,
                                   gint64             floor_id,
                                   const EnlacePoint *pts,
                                   guint              n,
                                   double             height,
                                   gint64             pathway_id)
{
  guint first, way[2];
  GArray *fs;

  g_return_if_fail (self != NULL && !self->finished);
  if (n < 2)
    return;
  first = self->nodes->len;
  fs = segs_of_floor (self, floor_id, TRUE);
  for (guint i = 0; i < n; i++)
    add_node (self, floor_id, pts[i]);
  for (guint i = 1; i < n; i++)
    {
      Seg s = { first + i - 1, first + i, height, pathway_id };
      guint index = self->segs->len;

      g_array_append_val (self->segs, s);
      g_array_append_val (fs, index);
    }
  way[0] = first;
  way[1] = n;
  g_array_append_vals (self->ways, way, 1);
}

void
enlace_route_graph_add_riser (EnlaceRouteGraph  *self,
                              gint64             floor_id,
                              EnlacePoint        p,
                              gint64             to_floor_id,
                              double             rise_m)
{
  enlace_route_graph_add_riser_id (self, floor_id, p, to_floor_id, rise_m, 0);
}

void
enlace_route_graph_add_riser_id (EnlaceRouteGraph  *self,
                                 gint64             floor_id,
                                 EnlacePoint        p,
                                 gint64             to_floor_id,
                                 double             rise_m,
                                 gint64             pathway_id)
{
  Riser r = { floor_id, p, to_floor_id, MAX (rise_m, 0), pathway_id };

  g_return_if_fail (self != NULL && !self->finished);
  g_array_append_val (self->risers, r);
}

/* The nearest point of @floor_id's segments to @p. */
static gboolean
nearest (EnlaceRouteGraph *self,
         gint64            floor_id,
         EnlacePoint       p,
         guint            *seg_out,
         EnlacePoint      *at,
         double           *dist)
{
  GArray *fs = segs_of_floor (self, floor_id, FALSE);
  double best = G_MAXDOUBLE;

  if (fs == NULL)
    return FALSE;
  for (guint i = 0; i < fs->len; i++)
    {
      guint s = g_array_index (fs, guint, i);
      Seg *seg = &g_array_index (self->segs, Seg, s);
      EnlacePoint c;
      double d = enlace_segment_distance (node_p (self, seg->a), node_p (self, seg->b), p, &c, NULL);

      if (d < best)
        {
          best = d;
          *seg_out = s;
          *at = c;
        }
    }
  if (dist)
    *dist = best;
  return best < G_MAXDOUBLE;
}

typedef struct
{
  double t;
  guint  node;
} Cut;

static int
cut_order (gconstpointer a,
           gconstpointer b)
{
  const Cut *x = a, *y = b;

  return x->t < y->t ? -1 : x->t > y->t;
}

/* A node at @c on segment @s (an end when @c is one): the segment is cut
 * there when the graph is finished. */
static guint
node_on_segment (EnlaceRouteGraph *self,
                 GPtrArray        *cuts,
                 guint             s,
                 EnlacePoint       c)
{
  Seg seg = g_array_index (self->segs, Seg, s);
  EnlacePoint a = node_p (self, seg.a), b = node_p (self, seg.b);
  double len = enlace_point_distance (a, b);
  double t = len > 0 ? enlace_point_distance (a, c) / len : 0;
  Cut cut;

  if (enlace_point_distance (a, c) < 1e-6)
    return seg.a;
  if (enlace_point_distance (b, c) < 1e-6)
    return seg.b;
  cut.t = t;
  cut.node = add_node (self, g_array_index (self->nodes, Node, seg.a).floor_id, c);
  g_array_append_val (g_ptr_array_index (cuts, s), cut);
  return cut.node;
}

void
enlace_route_graph_finish (EnlaceRouteGraph *self)
{
  g_autoptr(GPtrArray) cuts = NULL;
  g_autoptr(GArray) segs = NULL;
  GHashTableIter iter;
  gpointer value;
  guint n_ways, n_segs;

  g_return_if_fail (self != NULL && !self->finished);
  self->finished = TRUE;

  n_segs = self->segs->len;
  cuts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  for (guint s = 0; s < n_segs; s++)
    g_ptr_array_add (cuts, g_array_new (FALSE, FALSE, sizeof (Cut)));

  /* Junctions: a vertex of a pathway near a segment of another one on the
   * same floor joins it there. */
  n_ways = self->ways->len;
  for (guint w = 0; w < n_ways; w++)
    {
      guint first = g_array_index (self->ways, guint, w * 2);
      guint n = g_array_index (self->ways, guint, w * 2 + 1);
      gint64 floor_id = g_array_index (self->nodes, Node, first).floor_id;
      GArray *fs = segs_of_floor (self, floor_id, FALSE);
      guint n_fs = fs ? fs->len : 0;

      for (guint k = 0; k < n; k++)
        {
          guint v = first + k;
          EnlacePoint p = node_p (self, v);

          for (guint i = 0; i < n_fs; i++)
            {
              guint s = g_array_index (fs, guint, i);
              Seg seg = g_array_index (self->segs, Seg, s);
              EnlacePoint c;
              double d;

              if (seg.a >= first && seg.a < first + n)
                continue; /* the same pathway */
              d = enlace_segment_distance (node_p (self, seg.a), node_p (self, seg.b), p, &c, NULL);
              if (d > ENLACE_ROUTE_JUNCTION)
                continue;
              graph_link (self, v, node_on_segment (self, cuts, s, c), d, 0);
            }
        }
    }

  /* Risers: from the nearest pathway of one floor to the nearest of the
   * other, the rise plus the way across to each. */
  for (guint i = 0; i < self->risers->len; i++)
    {
      Riser *r = &g_array_index (self->risers, Riser, i);
      guint sa, sb, na;
      EnlacePoint ca, cb;
      double da, db;

      if (!nearest (self, r->floor_id, r->p, &sa, &ca, &da) ||
          !nearest (self, r->to_floor_id, r->p, &sb, &cb, &db))
        continue;
      na = node_on_segment (self, cuts, sa, ca);
      graph_link (self, na, node_on_segment (self, cuts, sb, cb), da + r->rise + db, r->pathway);
    }

  /* Cut the segments at their junctions and join their pieces. */
  segs = g_array_new (FALSE, FALSE, sizeof (Seg));
  g_hash_table_iter_init (&iter, self->floor_segs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_array_set_size (value, 0);
  for (guint s = 0; s < n_segs; s++)
    {
      Seg seg = g_array_index (self->segs, Seg, s);
      GArray *c = g_ptr_array_index (cuts, s);
      GArray *fs = segs_of_floor (self, g_array_index (self->nodes, Node, seg.a).floor_id, TRUE);
      guint prev = seg.a;

      g_array_sort (c, cut_order);
      for (guint k = 0; k <= c->len; k++)
        {
          guint next = k < c->len ? g_array_index (c, Cut, k).node : seg.b;
          Seg piece = { prev, next, seg.height, seg.pathway };
          guint index = segs->len;

          graph_link (self, prev, next, enlace_point_distance (node_p (self, prev), node_p (self, next)),
                      seg.pathway);
          g_array_append_val (segs, piece);
          g_array_append_val (fs, index);
          prev = next;
        }
    }
  g_array_unref (self->segs);
  self->segs = g_steal_pointer (&segs);
}

/* ------------------------------------------------------------ the heap */

typedef struct
{
  double d;
  guint  v;
} HeapItem;

static void
heap_push (GArray  *heap,
           double   d,
           guint    v)
{
  HeapItem it = { d, v };
  guint i;

  g_array_append_val (heap, it);
  i = heap->len - 1;
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      HeapItem *a = &g_array_index (heap, HeapItem, parent);
      HeapItem *b = &g_array_index (heap, HeapItem, i);
      HeapItem t;

      if (a->d <= b->d)
        break;
      t = *a;
      *a = *b;
      *b = t;
      i = parent;
    }
}

static HeapItem
heap_pop (GArray *heap)
{
  HeapItem top = g_array_index (heap, HeapItem, 0);
  guint i = 0, n;

  g_array_index (heap, HeapItem, 0) = g_array_index (heap, HeapItem, heap->len - 1);
  g_array_set_size (heap, heap->len - 1);
  n = heap->len;
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;
      HeapItem t;

      if (l < n && g_array_index (heap, HeapItem, l).d < g_array_index (heap, HeapItem, m).d)
        m = l;
      if (r < n && g_array_index (heap, HeapItem, r).d < g_array_index (heap, HeapItem, m).d)
        m = r;
      if (m == i)
        break;
      t = g_array_index (heap, HeapItem, m);
      g_array_index (heap, HeapItem, m) = g_array_index (heap, HeapItem, i);
      g_array_index (heap, HeapItem, i) = t;
      i = m;
    }
  return top;
}

EnlaceRouteTree *
enlace_route_graph_tree (EnlaceRouteGraph *self,
                         gint64            floor_id,
                         EnlacePoint       from)
{
  EnlaceRouteTree *t;
  g_autoptr(GArray) heap = NULL;
  guint n, s;
  EnlacePoint c;
  Seg seg;

  g_return_val_if_fail (self != NULL, NULL);
  if (!self->finished)
    enlace_route_graph_finish (self);
  if (!nearest (self, floor_id, from, &s, &c, NULL))
    return NULL;

  n = self->nodes->len;
  t = g_new0 (EnlaceRouteTree, 1);
  t->graph = self;
  t->floor_id = floor_id;
  t->src = from;
  t->exit = c;
  t->src_seg = s;
  t->dist = g_new (double, n);
  t->prev = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    {
      t->dist[i] = G_MAXDOUBLE;
      t->prev[i] = G_MAXUINT;
    }

  heap = g_array_new (FALSE, FALSE, sizeof (HeapItem));
  seg = g_array_index (self->segs, Seg, s);
  t->dist[seg.a] = enlace_point_distance (c, node_p (self, seg.a));
  t->dist[seg.b] = MIN (t->dist[seg.b], enlace_point_distance (c, node_p (self, seg.b)));
  heap_push (heap, t->dist[seg.a], seg.a);
  heap_push (heap, t->dist[seg.b], seg.b);

  while (heap->len > 0)
    {
      HeapItem it = heap_pop (heap);
      GArray *edges;

      if (it.d > t->dist[it.v])
        continue; /* stale */
      edges = g_ptr_array_index (self->edges, it.v);
      for (guint k = 0; k < edges->len; k++)
        {
          Edge *e = &g_array_index (edges, Edge, k);
          double d = it.d + e->w;

          if (d < t->dist[e->to])
            {
              t->dist[e->to] = d;
              t->prev[e->to] = it.v;
              heap_push (heap, d, e->to);
            }
        }
    }
  return t;
}

void
enlace_route_tree_free (EnlaceRouteTree *self)
{
  if (self == NULL)
    return;
  g_free (self->dist);
  g_free (self->prev);
  g_free (self);
}

/* Adds @pathway to the path's list unless it is 0 or already the last. */
static void
add_pathway (GArray *ways,
             gint64  pathway)
{
  if (pathway == 0)
    return;
  for (guint i = 0; i < ways->len; i++)
    if (g_array_index (ways, gint64, i) == pathway)
      return;
  g_array_append_val (ways, pathway);
}

/* The pathway of the edge from @v to @u the tree took. */
static gint64
edge_pathway (EnlaceRouteTree *t,
              guint            v,
              guint            u)
{
  GArray *edges = g_ptr_array_index (t->graph->edges, v);
  gint64 best = 0;
  double best_gap = G_MAXDOUBLE;

  for (guint k = 0; k < edges->len; k++)
    {
      Edge *e = &g_array_index (edges, Edge, k);
      double gap;

      if (e->to != u)
        continue;
      gap = fabs (t->dist[u] + e->w - t->dist[v]);
      if (gap < best_gap)
        {
          best_gap = gap;
          best = e->pathway;
        }
    }
  return best;
}

static void
append (GArray      *pts,
        gint64       floor_id,
        EnlacePoint  p)
{
  EnlaceDesignPoint dp = { floor_id, p };

  if (pts->len > 0)
    {
      EnlaceDesignPoint *last = &g_array_index (pts, EnlaceDesignPoint, pts->len - 1);

      if (last->floor_id == floor_id && enlace_point_distance (last->p, p) < 1e-6)
        return;
    }
  g_array_append_val (pts, dp);
}

gboolean
enlace_route_tree_path (EnlaceRouteTree *self,
                        gint64           floor_id,
                        EnlacePoint      to,
                        EnlaceRoutePath *out)
{
  EnlaceRouteGraph *g;
  guint s, v;
  EnlacePoint c;
  double access, da, db, along;
  Seg seg;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  g = self->graph;
  if (!nearest (g, floor_id, to, &s, &c, &access))
    return FALSE;
  seg = g_array_index (g->segs, Seg, s);
  da = self->dist[seg.a] < G_MAXDOUBLE ? self->dist[seg.a] + enlace_point_distance (c, node_p (g, seg.a)) : G_MAXDOUBLE;
  db = self->dist[seg.b] < G_MAXDOUBLE ? self->dist[seg.b] + enlace_point_distance (c, node_p (g, seg.b)) : G_MAXDOUBLE;
  along = MIN (da, db);
  v = da <= db ? seg.a : seg.b;

  out->points = g_array_new (FALSE, FALSE, sizeof (EnlaceDesignPoint));
  out->pathways = g_array_new (FALSE, FALSE, sizeof (gint64));
  add_pathway (out->pathways, seg.pathway);
  append (out->points, floor_id, to);
  append (out->points, floor_id, c);
  if (s == self->src_seg && enlace_point_distance (c, self->exit) <= along)
    {
      /* On the source's own segment: straight along it. */
      along = enlace_point_distance (c, self->exit);
    }
  else
    {
      if (along >= G_MAXDOUBLE / 2)
        {
          enlace_route_path_clear (out);
          return FALSE;
        }
      while (v != G_MAXUINT)
        {
          Node *node = &g_array_index (g->nodes, Node, v);

          append (out->points, node->floor_id, node->p);
          if (self->prev[v] != G_MAXUINT)
            add_pathway (out->pathways, edge_pathway (self, v, self->prev[v]));
          v = self->prev[v];
        }
    }
  add_pathway (out->pathways, g_array_index (g->segs, Seg, self->src_seg).pathway);
  append (out->points, self->floor_id, self->exit);
  append (out->points, self->floor_id, self->src);
  out->along_m = along;
  out->access_m = access + enlace_point_distance (self->exit, self->src);
  out->height_to = seg.height;
  out->height_from = g_array_index (g->segs, Seg, self->src_seg).height;
  return TRUE;
}

void
enlace_route_path_clear (EnlaceRoutePath *path)
{
  g_return_if_fail (path != NULL);
  g_clear_pointer (&path->points, g_array_unref);
  g_clear_pointer (&path->pathways, g_array_unref);
}
