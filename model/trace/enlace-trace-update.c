/* enlace-trace-update.c: keeping the graph and the paths up to date
 *
 * Once every path has been traced, the paths are kept with an index from
 * each port, termination and cable to the paths that cross it.  A store
 * change reloads the rows it touches and retraces only the paths that
 * crossed them.
 */
#define G_LOG_DOMAIN "enlace-trace"
#include "config.h"

#include "enlace-trace-private.h"

GPtrArray **
t_graph_paths_slot (TGraph           *g,
                    const EnlaceNode *n)
{
  switch (n->kind)
    {
    case ENLACE_NODE_PORT:
      {
        TPort *p = t_idtab_get (&g->ports, n->id, TRUE);
        return &p->paths;
      }
    case ENLACE_NODE_TERMINATION:
      {
        TTerm *t = t_idtab_get (&g->terms, n->id, TRUE);
        return &t->paths;
      }
    case ENLACE_NODE_CABLE:
      {
        TCable *c = t_idtab_get (&g->cables, n->id, TRUE);
        return &c->paths;
      }
    case ENLACE_NODE_SPACE:
    default:
      return NULL;
    }
}

static void
index_path (TGraph     *g,
            EnlacePath *path)
{
  for (guint i = 0; i < path->hops->len; i++)
    {
      GArray *hop = g_ptr_array_index (path->hops, i);

      for (guint j = 0; j < hop->len; j++)
        {
          GPtrArray **slot = t_graph_paths_slot (g, &g_array_index (hop, EnlaceNode, j));

          if (slot == NULL)
            continue;
          if (*slot == NULL)
            *slot = g_ptr_array_new ();
          g_ptr_array_add (*slot, path);
        }
    }
}

static void
unindex_path (TGraph     *g,
              EnlacePath *path)
{
  for (guint i = 0; i < path->hops->len; i++)
    {
      GArray *hop = g_ptr_array_index (path->hops, i);

      for (guint j = 0; j < hop->len; j++)
        {
          GPtrArray **slot = t_graph_paths_slot (g, &g_array_index (hop, EnlaceNode, j));

          if (slot && *slot)
            g_ptr_array_remove_fast (*slot, path);
        }
    }
}

/* Traces endpoint @port_id (when no path holds it yet) and stores the
 * path on every port of its origin set.  Ports of the set whose previous
 * path differs have it dropped (their other origins are queued). */
static void
store_path_from (EnlaceTracer *self,
                 gint64        port_id,
                 GArray       *queue)
{
  TGraph *g = &self->graph;
  g_autoptr(GArray) origin = t_origin_set (g, port_id);
  EnlacePath *path;

  if (origin == NULL)
    return;
  path = t_trace_from_origin (g, origin);
  index_path (g, path);
  for (guint i = 0; i < origin->len; i++)
    {
      TPort *p = t_graph_port (g, g_array_index (origin, EnlaceNode, i).id);
      EnlacePath *old = p->path;

      if (old != NULL)
        {
          GArray *old_origin = g_ptr_array_index (old->hops, 0);

          /* detach @old from every origin port that still holds it */
          unindex_path (g, old);
          for (guint k = 0; k < old_origin->len; k++)
            {
              gint64 oid = g_array_index (old_origin, EnlaceNode, k).id;
              TPort *q = t_idtab_get (&g->ports, oid, FALSE);

              if (q && q->path == old && q != p)
                {
                  g_clear_pointer (&q->path, enlace_path_unref);
                  if (!q->queued)
                    {
                      q->queued = TRUE;
                      g_array_append_val (queue, oid);
                    }
                }
            }
          g_clear_pointer (&p->path, enlace_path_unref);
        }
      p->path = enlace_path_ref (path);
    }
  enlace_path_unref (path);
}

typedef struct
{
  EnlaceTracer *self;
  GArray       *queue;
} TraceAllData;

static void
trace_all_cb (gpointer elem,
              gint64   id,
              gpointer data)
{
  TPort *p = elem;
  TraceAllData *d = data;

  if (p->state == T_PRESENT && p->kind == T_PORT_INTERFACE && p->cable_id && p->path == NULL)
    store_path_from (d->self, id, d->queue);
}

static void
process_queue (EnlaceTracer *self,
               GArray       *queue)
{
  TGraph *g = &self->graph;

  for (guint i = 0; i < queue->len; i++)
    {
      gint64 id = g_array_index (queue, gint64, i);
      TPort *p = t_idtab_get (&g->ports, id, FALSE);

      if (p == NULL)
        continue;
      p->queued = FALSE;
      if (p->path == NULL)
        store_path_from (self, id, queue);
    }
}

gboolean
_enlace_tracer_ensure_all (EnlaceTracer  *self,
                           GError       **error)
{
  g_autoptr(GArray) queue = NULL;
  TraceAllData d;

  gint64 t0, t1;

  if (self->indexed)
    return TRUE;
  t0 = g_get_monotonic_time ();
  if (!t_graph_load_all (&self->graph, error))
    return FALSE;
  t1 = g_get_monotonic_time ();
  queue = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.self = self;
  d.queue = queue;
  t_idtab_foreach (&self->graph.ports, trace_all_cb, &d);
  process_queue (self, queue);
  self->indexed = TRUE;
  g_debug ("read the cabling graph in %.1f ms, traced every endpoint in %.1f ms",
           (t1 - t0) / 1000.0, (g_get_monotonic_time () - t1) / 1000.0);
  return TRUE;
}

/* ---- keeping up with the store ---- */

typedef struct
{
  GArray *ports;   /* gint64 ids whose paths must be redone */
  GArray *terms;
  GArray *cables;
} Touched;

static void
touched_add (GArray *a,
             gint64  id)
{
  if (id > 0)
    g_array_append_val (a, id);
}

static void
reload_cable_end (TGraph  *g,
                  gint64   id,
                  Touched *t)
{
  TCableEnd *ce = t_idtab_get (&g->cable_ends, id, TRUE);
  sqlite3_stmt *stmt;

  /* the old references */
  if (ce->state == T_PRESENT)
    {
      touched_add (t->cables, ce->cable_id);
      touched_add (t->ports, ce->port_id);
      touched_add (t->terms, ce->term_id);
    }
  ce->state = T_ABSENT;
  stmt = t_graph_prepare (g, "SELECT cable_id, \"end\", port_id, termination_id FROM cable_end WHERE id = ?");
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ce->state = T_PRESENT;
      ce->cable_id = sqlite3_column_int64 (stmt, 0);
      ce->side = ((const char *) sqlite3_column_text (stmt, 1))[0];
      ce->port_id = sqlite3_column_int64 (stmt, 2);
      ce->term_id = sqlite3_column_int64 (stmt, 3);
      touched_add (t->cables, ce->cable_id);
      touched_add (t->ports, ce->port_id);
      touched_add (t->terms, ce->term_id);
    }
  sqlite3_reset (stmt);
}

static void
reload_mapping (TGraph  *g,
                gint64   id,
                Touched *t)
{
  TMapping *m = t_idtab_get (&g->mappings, id, TRUE);
  sqlite3_stmt *stmt;

  if (m->state == T_PRESENT)
    {
      touched_add (t->ports, m->front);
      touched_add (t->ports, m->rear);
    }
  m->state = T_ABSENT;
  stmt = t_graph_prepare (g, "SELECT front_port_id, rear_port_id FROM port_mapping WHERE id = ?");
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      m->state = T_PRESENT;
      m->front = sqlite3_column_int64 (stmt, 0);
      m->rear = sqlite3_column_int64 (stmt, 1);
      touched_add (t->ports, m->front);
      touched_add (t->ports, m->rear);
    }
  sqlite3_reset (stmt);
}

static void
reload_circuit_terms (TGraph  *g,
                      gint64   circuit_id,
                      Touched *t)
{
  TCircuit *c = t_idtab_get (&g->circuits, circuit_id, FALSE);

  if (c && c->state == T_PRESENT)
    {
      touched_add (t->terms, c->term[0]);
      touched_add (t->terms, c->term[1]);
    }
  if (c)
    c->state = T_UNKNOWN;
  c = t_graph_circuit (g, circuit_id);
  if (c)
    {
      touched_add (t->terms, c->term[0]);
      touched_add (t->terms, c->term[1]);
    }
}

static void
reload_all_in_rack (TGraph *g,
                    gint64  rack_id)
{
  sqlite3_stmt *stmt = t_graph_prepare (g, "SELECT id FROM device WHERE rack_id = ?");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, rack_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    t_graph_load_device (g, g_array_index (ids, gint64, i));
}

static void
drop_all (EnlaceTracer *self)
{
  t_graph_clear (&self->graph);
  t_graph_init (&self->graph, self->store);
  self->indexed = FALSE;
}

/* Step 1 of an update: cable ends and mappings first (they name the rows
 * to reload), circuits, devices and racks; the ports, terminations and
 * cables touched go to @t. */
static void
collect_touched (TGraph          *g,
                 EnlaceChangeSet *set,
                 Touched         *t)
{
  for (guint i = 0; i < set->changes->len; i++)
    {
      const EnlaceChange *ch = &g_array_index (set->changes, EnlaceChange, i);

      if (g_str_equal (ch->table, "cable_end"))
        reload_cable_end (g, ch->row_id, t);
      else if (g_str_equal (ch->table, "port_mapping"))
        reload_mapping (g, ch->row_id, t);
      else if (g_str_equal (ch->table, "port"))
        touched_add (t->ports, ch->row_id);
      else if (g_str_equal (ch->table, "cable"))
        touched_add (t->cables, ch->row_id);
      else if (g_str_equal (ch->table, "circuit_termination"))
        {
          TTerm *old = t_idtab_get (&g->terms, ch->row_id, FALSE);

          touched_add (t->terms, ch->row_id);
          if (old && old->state == T_PRESENT)
            reload_circuit_terms (g, old->circuit_id, t);
          t_graph_load_term (g, ch->row_id);
          old = t_idtab_get (&g->terms, ch->row_id, FALSE);
          if (old->state == T_PRESENT)
            reload_circuit_terms (g, old->circuit_id, t);
        }
      else if (g_str_equal (ch->table, "circuit"))
        reload_circuit_terms (g, ch->row_id, t);
      else if (g_str_equal (ch->table, "device"))
        t_graph_load_device (g, ch->row_id);
      else if (g_str_equal (ch->table, "rack"))
        reload_all_in_rack (g, ch->row_id);
    }
}

/* Step 2: reload the rows touched (ports keep their cached paths). */
static void
reload_touched (TGraph  *g,
                Touched *t)
{
  for (guint i = 0; i < t->ports->len; i++)
    {
      gint64 id = g_array_index (t->ports, gint64, i);
      TPort *p = t_idtab_get (&g->ports, id, FALSE);

      if (p != NULL || g->full)
        t_graph_load_port (g, id);
    }
  for (guint i = 0; i < t->terms->len; i++)
    {
      gint64 id = g_array_index (t->terms, gint64, i);

      t_graph_load_term (g, id);
    }
  for (guint i = 0; i < t->cables->len; i++)
    {
      gint64 id = g_array_index (t->cables, gint64, i);

      t_graph_load_cable (g, id);
    }
}

/* Adds to @drop (with a reference) every path through the nodes of
 * @kind whose ids are in @ids. */
static void
collect_paths (TGraph         *g,
               GArray         *ids,
               EnlaceNodeKind  kind,
               GHashTable     *drop)
{
  for (guint i = 0; i < ids->len; i++)
    {
      EnlaceNode n = { kind, g_array_index (ids, gint64, i) };
      GPtrArray **slot = t_graph_paths_slot (g, &n);

      if (slot && *slot)
        for (guint k = 0; k < (*slot)->len; k++)
          if (!g_hash_table_contains (drop, g_ptr_array_index (*slot, k)))
            g_hash_table_add (drop, enlace_path_ref (g_ptr_array_index (*slot, k)));
    }
}

static void
queue_port (TPort  *p,
            gint64  id,
            GArray *queue)
{
  if (p && !p->queued)
    {
      p->queued = TRUE;
      g_array_append_val (queue, id);
    }
}

/* Queues the endpoints touched directly and those on touched cables. */
static void
queue_touched (TGraph  *g,
               Touched *t,
               GArray  *queue)
{
  for (guint i = 0; i < t->ports->len; i++)
    {
      gint64 id = g_array_index (t->ports, gint64, i);

      queue_port (t_idtab_get (&g->ports, id, FALSE), id, queue);
    }
  for (guint i = 0; i < t->cables->len; i++)
    {
      TCable *c = t_graph_cable (g, g_array_index (t->cables, gint64, i));

      if (c == NULL)
        continue;
      for (guint e = 0; e < 2; e++)
        for (guint k = 0; k < c->ends[e]->len; k++)
          {
            const EnlaceNode *n = &g_array_index (c->ends[e], EnlaceNode, k);

            if (n->kind != ENLACE_NODE_PORT)
              continue;
            queue_port (t_graph_port (g, n->id), n->id, queue);
          }
    }
}

/* Drops the paths of @drop from the index and from their origin ports,
 * which are queued. */
static void
drop_paths (TGraph     *g,
            GHashTable *drop,
            GArray     *queue)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, drop);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      EnlacePath *path = key;
      GArray *origin = g_ptr_array_index (path->hops, 0);

      unindex_path (g, path);
      for (guint k = 0; k < origin->len; k++)
        {
          gint64 oid = g_array_index (origin, EnlaceNode, k).id;
          TPort *q = t_idtab_get (&g->ports, oid, FALSE);

          if (q == NULL)
            continue;
          if (q->path == path)
            g_clear_pointer (&q->path, enlace_path_unref);
          queue_port (q, oid, queue);
        }
    }
}

/* Step 3: redo the paths that crossed anything touched. */
static void
retrace_touched (EnlaceTracer *self,
                 Touched      *t)
{
  TGraph *g = &self->graph;
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* holds a reference: clearing an origin port must not free a path
   * still being walked */
  g_autoptr(GHashTable) drop = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) enlace_path_unref, NULL);

  collect_paths (g, t->ports, ENLACE_NODE_PORT, drop);
  collect_paths (g, t->terms, ENLACE_NODE_TERMINATION, drop);
  collect_paths (g, t->cables, ENLACE_NODE_CABLE, drop);
  queue_touched (g, t, queue);
  drop_paths (g, drop, queue);

  /* an endpoint whose own path was not dropped but was touched */
  for (guint i = 0; i < queue->len; i++)
    {
      TPort *q = t_idtab_get (&g->ports, g_array_index (queue, gint64, i), FALSE);

      if (q && q->path && (q->state != T_PRESENT || q->cable_id == 0 || q->kind != T_PORT_INTERFACE))
        {
          EnlacePath *path = q->path;

          if (!g_hash_table_contains (drop, path))
            {
              unindex_path (g, path);
              g_hash_table_add (drop, enlace_path_ref (path));
            }
          g_clear_pointer (&q->path, enlace_path_unref);
        }
    }
  process_queue (self, queue);
}

/* Brings the graph and, when kept, the paths up to date after @set. */
void
t_tracer_apply_changes (EnlaceTracer    *self,
                        EnlaceChangeSet *set)
{
  TGraph *g = &self->graph;
  Touched t;

  if (set->bulk || set->changes == NULL)
    {
      drop_all (self);
      return;
    }

  t.ports = g_array_new (FALSE, FALSE, sizeof (gint64));
  t.terms = g_array_new (FALSE, FALSE, sizeof (gint64));
  t.cables = g_array_new (FALSE, FALSE, sizeof (gint64));
  collect_touched (g, set, &t);
  reload_touched (g, &t);
  if (self->indexed)
    retrace_touched (self, &t);
  g_array_unref (t.ports);
  g_array_unref (t.terms);
  g_array_unref (t.cables);
}
