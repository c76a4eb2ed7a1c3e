/* enlace-trace.c: the cable-path tracer
 *
 * EnlaceTracer answers questions about paths over the cabling graph of
 * its store (enlace-trace-graph.c): the path from an endpoint, the paths
 * through a node, every path.  The walk is in enlace-trace-walk.c; once
 * every path has been traced they are kept up to date with the store by
 * enlace-trace-update.c.
 */
#define G_LOG_DOMAIN "enlace-trace"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "enlace-trace-lookup.h"
#include "enlace-trace-private.h"

/* ------------------------------------------------------------------ */
/* The tracer                                                           */

G_DEFINE_FINAL_TYPE (EnlaceTracer, enlace_tracer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

TGraph *
_enlace_tracer_get_graph (EnlaceTracer *self)
{
  return &self->graph;
}

gboolean
_enlace_tracer_lookup_port (EnlaceTracer     *self,
                            gint64            port_id,
                            EnlaceTracerPort *out)
{
  TPort *p = t_graph_port (&self->graph, port_id);
  TDevice *d = p ? t_graph_device (&self->graph, p->device_id) : NULL;

  if (d == NULL)
    return FALSE;
  out->device_id = p->device_id;
  out->kind = p->kind == T_PORT_FRONT ? "front" : p->kind == T_PORT_REAR ? "rear" : "interface";
  out->device_role = d->role;
  out->device_name = d->name;
  return TRUE;
}

gboolean
_enlace_tracer_lookup_cable (EnlaceTracer      *self,
                             gint64             cable_id,
                             EnlaceTracerCable *out)
{
  TCable *c = t_graph_cable (&self->graph, cable_id);

  if (c == NULL)
    return FALSE;
  out->label = c->label;
  out->kind = c->kind;
  out->type = c->type;
  out->length = c->length;
  out->has_length = c->has_length;
  return TRUE;
}

static void
on_store_changed (EnlaceStore     *store,
                  EnlaceChangeSet *set,
                  EnlaceTracer    *self)
{
  t_tracer_apply_changes (self, set);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
enlace_tracer_dispose (GObject *object)
{
  EnlaceTracer *self = ENLACE_TRACER (object);

  if (self->store && self->changed_id)
    g_clear_signal_handler (&self->changed_id, self->store);
  G_OBJECT_CLASS (enlace_tracer_parent_class)->dispose (object);
}

static GQuark
shared_quark (void)
{
  return g_quark_from_static_string ("enlace-tracer-shared");
}

static void
enlace_tracer_finalize (GObject *object)
{
  EnlaceTracer *self = ENLACE_TRACER (object);

  if (self->store && g_object_get_qdata (G_OBJECT (self->store), shared_quark ()) == self)
    g_object_set_qdata (G_OBJECT (self->store), shared_quark (), NULL);

  t_graph_clear (&self->graph);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (enlace_tracer_parent_class)->finalize (object);
}

static void
enlace_tracer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EnlaceTracer *self = ENLACE_TRACER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enlace_tracer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EnlaceTracer *self = ENLACE_TRACER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enlace_tracer_constructed (GObject *object)
{
  EnlaceTracer *self = ENLACE_TRACER (object);

  G_OBJECT_CLASS (enlace_tracer_parent_class)->constructed (object);
  g_assert (self->store != NULL);
  t_graph_init (&self->graph, self->store);
  self->changed_id = g_signal_connect (self->store, "changed",
                                       G_CALLBACK (on_store_changed), self);
}

static void
enlace_tracer_class_init (EnlaceTracerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = enlace_tracer_constructed;
  object_class->dispose = enlace_tracer_dispose;
  object_class->finalize = enlace_tracer_finalize;
  object_class->get_property = enlace_tracer_get_property;
  object_class->set_property = enlace_tracer_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ENLACE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EnlaceTracer::changed:
   *
   * Emitted after the tracer has taken a store change into account.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
enlace_tracer_init (EnlaceTracer *self)
{
}

EnlaceTracer *
enlace_tracer_new (EnlaceStore *store)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  return g_object_new (ENLACE_TYPE_TRACER, "store", store, NULL);
}

EnlaceTracer *
enlace_tracer_get_for_store (EnlaceStore *store)
{
  EnlaceTracer *self;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  self = g_object_get_qdata (G_OBJECT (store), shared_quark ());
  if (self)
    return g_object_ref (self);
  self = enlace_tracer_new (store);
  /* no reference: the tracer holds the store and removes itself */
  g_object_set_qdata (G_OBJECT (store), shared_quark (), self);
  return self;
}

EnlaceStore *
enlace_tracer_get_store (EnlaceTracer *self)
{
  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);
  return self->store;
}

/* ---- questions ---- */

static GPtrArray *
paths_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_path_unref);
}

static void
paths_add_unique (GPtrArray  *paths,
                  EnlacePath *path)
{
  for (guint i = 0; i < paths->len; i++)
    if (g_ptr_array_index (paths, i) == path)
      return;
  g_ptr_array_add (paths, enlace_path_ref (path));
}

static int
path_cmp_origin (gconstpointer a,
                 gconstpointer b)
{
  const EnlacePath *pa = *(EnlacePath **) a, *pb = *(EnlacePath **) b;
  GArray *oa = g_ptr_array_index (pa->hops, 0), *ob = g_ptr_array_index (pb->hops, 0);

  return t_node_cmp (oa->data, ob->data);
}

EnlacePath *
enlace_tracer_path_from (EnlaceTracer     *self,
                         const EnlaceTerm *origin)
{
  TGraph *g;
  g_autoptr(GArray) set = NULL;

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);
  g_return_val_if_fail (origin != NULL, NULL);

  g = &self->graph;
  if (origin->kind != ENLACE_TERM_PORT)
    return NULL;
  if (self->indexed)
    {
      TPort *p = t_graph_port (g, origin->id);

      return p && p->path ? enlace_path_ref (p->path) : NULL;
    }
  set = t_origin_set (g, origin->id);
  if (set == NULL)
    return NULL;
  return t_trace_from_origin (g, set);
}

/* The paths through @node without tracing every endpoint (issue 14: one
 * trace of a panel port or an outlet jack right after opening a file of
 * 1,000,000 ports read the whole graph).  The paths from endpoints that
 * cross @node run along the traces from @node itself both ways (from a
 * cable: from each of its ends across it), so their origins are the
 * interfaces on those traces: each is traced on its own, and its path is
 * kept when it crosses @node.  When one of those traces cannot go on for
 * want of a position (a bare trunk port), a loop or a mixed end, the
 * origins cannot be told this way: returns FALSE, and the caller traces
 * every endpoint as before. */
static gboolean
paths_through_on_demand (EnlaceTracer     *self,
                         const EnlaceNode *node,
                         GPtrArray        *paths)
{
  TGraph *g = &self->graph;
  g_autoptr(GPtrArray) bare = paths_array_new ();

  if (node->kind == ENLACE_NODE_CABLE)
    {
      TCable *c = t_graph_cable (g, node->id);

      if (c == NULL)
        return FALSE;
      for (guint e = 0; e < 2; e++)
        if (c->ends[e]->len > 0)
          {
            g_autoptr(GArray) origin = t_hop_new ();

            g_array_append_vals (origin, c->ends[e]->data, c->ends[e]->len);
            t_hop_finish (origin);
            g_ptr_array_add (bare, t_trace_from_origin (g, origin));
          }
    }
  else if (node->kind == ENLACE_NODE_PORT || node->kind == ENLACE_NODE_TERMINATION)
    {
      g_autoptr(GArray) origin = t_hop_new ();

      t_hop_add (origin, node->kind, node->id);
      g_ptr_array_add (bare, t_trace_from_origin (g, origin));
      g_ptr_array_add (bare, t_trace_from_across (g, node));
    }
  else
    return FALSE;

  for (guint b = 0; b < bare->len; b++)
    if (((EnlacePath *) g_ptr_array_index (bare, b))->split)
      return FALSE;

  for (guint b = 0; b < bare->len; b++)
    {
      EnlacePath *trace = g_ptr_array_index (bare, b);

      for (guint h = 0; h < trace->hops->len; h++)
        {
          GArray *hop = g_ptr_array_index (trace->hops, h);

          for (guint k = 0; k < hop->len; k++)
            {
              EnlaceNode n = g_array_index (hop, EnlaceNode, k);
              EnlaceTerm term = { ENLACE_TERM_PORT, n.id };
              TPort *p;
              EnlacePath *path;
              gboolean known = FALSE;

              if (n.kind != ENLACE_NODE_PORT)
                continue;
              p = t_graph_port (g, n.id);
              if (p == NULL || p->kind != T_PORT_INTERFACE || p->cable_id == 0)
                continue;
              /* one path per origin set, as when every endpoint is traced */
              for (guint i = 0; i < paths->len && !known; i++)
                {
                  GArray *o = g_ptr_array_index (((EnlacePath *) g_ptr_array_index (paths, i))->hops, 0);

                  for (guint j = 0; j < o->len && !known; j++)
                    known = t_node_cmp (&g_array_index (o, EnlaceNode, j), &n) == 0;
                }
              if (known)
                continue;
              path = enlace_tracer_path_from (self, &term);
              if (path == NULL)
                continue;
              if (enlace_path_contains (path, node->kind, node->id))
                g_ptr_array_add (paths, path);
              else
                enlace_path_unref (path);
            }
        }
    }
  return TRUE;
}

GPtrArray *
enlace_tracer_paths_through (EnlaceTracer     *self,
                             const EnlaceNode *node)
{
  GPtrArray *paths;
  GPtrArray **slot;

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  paths = paths_array_new ();
  if (!self->indexed)
    {
      if (paths_through_on_demand (self, node, paths))
        {
          g_ptr_array_sort (paths, path_cmp_origin);
          return paths;
        }
      g_ptr_array_set_size (paths, 0);
    }
  if (!_enlace_tracer_ensure_all (self, NULL))
    return paths;
  slot = t_graph_paths_slot (&self->graph, node);
  if (slot && *slot)
    for (guint i = 0; i < (*slot)->len; i++)
      paths_add_unique (paths, g_ptr_array_index (*slot, i));
  g_ptr_array_sort (paths, path_cmp_origin);
  return paths;
}

static void
collect_endpoint_cb (gpointer elem,
                     gint64   id,
                     gpointer data)
{
  TPort *p = elem;

  if (p->state == T_PRESENT && p->kind == T_PORT_INTERFACE && p->cable_id)
    g_array_append_val ((GArray *) data, id);
}

static int
cmp_id (gconstpointer a,
        gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

gboolean
enlace_tracer_foreach_path (EnlaceTracer   *self,
                            EnlacePathFunc  func,
                            gpointer        user_data,
                            GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  TGraph *g;

  g_return_val_if_fail (ENLACE_IS_TRACER (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->indexed)
    {
      g_autoptr(GPtrArray) paths = enlace_tracer_all_paths (self, error);

      if (paths == NULL)
        return FALSE;
      for (guint i = 0; i < paths->len; i++)
        if (!func (g_ptr_array_index (paths, i), user_data))
          break;
      return TRUE;
    }

  /* the graph, but no path kept: each endpoint in id order, a path at
   * the first port of its origin set (as all_paths lists them) */
  g = &self->graph;
  if (!t_graph_load_all (g, error))
    return FALSE;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  t_idtab_foreach (&g->ports, collect_endpoint_cb, ids);
  g_array_sort (ids, cmp_id);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GArray) origin = t_origin_set (g, id);
      EnlacePath *path;
      gboolean go_on;

      if (origin == NULL || g_array_index (origin, EnlaceNode, 0).id != id)
        continue;
      path = t_trace_from_origin (g, origin);
      go_on = func (path, user_data);
      enlace_path_unref (path);
      if (!go_on)
        break;
    }
  return TRUE;
}

GPtrArray *
enlace_tracer_all_paths (EnlaceTracer  *self,
                         GError       **error)
{
  GPtrArray *paths;
  TGraph *g;

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);

  if (!_enlace_tracer_ensure_all (self, error))
    return NULL;
  g = &self->graph;
  paths = paths_array_new ();
  /* in port id order: a path is listed at its first origin port */
  for (guint pg = 0; pg < g->ports.pages->len; pg++)
    {
      TPort *page = g_ptr_array_index (g->ports.pages, pg);

      if (page == NULL)
        continue;
      for (guint i = 0; i < T_PAGE_SIZE; i++)
        {
          TPort *p = &page[i];
          GArray *origin;

          if (p->path == NULL)
            continue;
          origin = g_ptr_array_index (p->path->hops, 0);
          if (g_array_index (origin, EnlaceNode, 0).id == ((gint64) pg << T_PAGE_BITS) + i)
            g_ptr_array_add (paths, enlace_path_ref (p->path));
        }
    }
  if (g_hash_table_size (g->ports.big) > 0)
    {
      GHashTableIter iter;
      gpointer key, value;
      GPtrArray *extra = g_ptr_array_new ();

      g_hash_table_iter_init (&iter, g->ports.big);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          TPort *p = value;

          if (p->path && g_array_index ((GArray *) g_ptr_array_index (p->path->hops, 0), EnlaceNode, 0).id == *(gint64 *) key)
            g_ptr_array_add (extra, enlace_path_ref (p->path));
        }
      g_ptr_array_sort (extra, path_cmp_origin);
      g_ptr_array_extend_and_steal (paths, extra);
    }
  return paths;
}

static gboolean
is_passthrough_or_term (TGraph           *g,
                        const EnlaceNode *n)
{
  if (n->kind == ENLACE_NODE_TERMINATION)
    return TRUE;
  if (n->kind == ENLACE_NODE_PORT)
    {
      TPort *p = t_graph_port (g, n->id);

      return p && p->kind != T_PORT_INTERFACE;
    }
  return FALSE;
}

/* A device's own pass-through (a jack to its rear, with no cable or
 * circuit on the way) is not a path. */
static gboolean
path_is_internal (const EnlacePath *path)
{
  for (guint i = 0; i < path->hops->len; i++)
    {
      GArray *hop = g_ptr_array_index (path->hops, i);

      for (guint k = 0; k < hop->len; k++)
        if (g_array_index (hop, EnlaceNode, k).kind != ENLACE_NODE_PORT)
          return FALSE;
    }
  return TRUE;
}

/* Paths from a bare pass-through port or termination, both ways. */
static void
add_bare_traces (TGraph           *g,
                 const EnlaceNode *start,
                 GPtrArray        *paths)
{
  g_autoptr(GArray) origin = t_hop_new ();
  EnlacePath *out, *across;

  t_hop_add (origin, start->kind, start->id);
  out = t_trace_from_origin (g, origin);
  across = t_trace_from_across (g, start);
  if (!path_is_internal (out))
    g_ptr_array_add (paths, out);
  else
    enlace_path_unref (out);
  if (!path_is_internal (across))
    g_ptr_array_add (paths, across);
  else
    enlace_path_unref (across);
}

static gboolean
hops_equal (GArray *a,
            GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (t_node_cmp (&g_array_index (a, EnlaceNode, i), &g_array_index (b, EnlaceNode, i)) != 0)
      return FALSE;
  return TRUE;
}

/* Whether the hops of @a run, one after the other, inside @b (in either
 * direction): a partial trace from a port that a longer one crosses. */
static gboolean
path_within (const EnlacePath *a,
             const EnlacePath *b)
{
  guint na = a->hops->len, nb = b->hops->len;

  if (a == b || na == 0 || na >= nb)
    return FALSE;
  for (guint start = 0; start + na <= nb; start++)
    for (int dir = 0; dir < 2; dir++)
      {
        gboolean same = TRUE;

        for (guint k = 0; same && k < na; k++)
          same = hops_equal (g_ptr_array_index (a->hops, dir ? na - 1 - k : k),
                             g_ptr_array_index (b->hops, start + k));
        if (same)
          return TRUE;
      }
  return FALSE;
}

GPtrArray *
enlace_tracer_trace_term (EnlaceTracer      *self,
                          const EnlaceTerm  *term,
                          GError           **error)
{
  TGraph *g;
  GPtrArray *paths;
  EnlaceNode n;

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);
  g_return_val_if_fail (term != NULL, NULL);

  g = &self->graph;
  n.kind = term->kind == ENLACE_TERM_PORT ? ENLACE_NODE_PORT : ENLACE_NODE_TERMINATION;
  n.id = term->id;
  if ((n.kind == ENLACE_NODE_PORT && t_graph_port (g, n.id) == NULL) ||
      (n.kind == ENLACE_NODE_TERMINATION && t_graph_term (g, n.id) == NULL))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no port or circuit termination with id %lld"),
                   (long long) n.id);
      return NULL;
    }

  if (!is_passthrough_or_term (g, &n))
    {
      EnlacePath *path = enlace_tracer_path_from (self, term);

      paths = paths_array_new ();
      if (path)
        g_ptr_array_add (paths, path);
      return paths;
    }

  paths = enlace_tracer_paths_through (self, &n);
  if (paths->len == 0)
    add_bare_traces (g, &n, paths);
  return paths;
}

GPtrArray *
enlace_tracer_trace_cable (EnlaceTracer  *self,
                           gint64         cable_id,
                           GError       **error)
{
  TGraph *g;
  TCable *c;
  GPtrArray *paths;
  EnlaceNode n = { ENLACE_NODE_CABLE, cable_id };

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);

  g = &self->graph;
  c = t_graph_cable (g, cable_id);
  if (c == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no cable with id %lld"), (long long) cable_id);
      return NULL;
    }
  paths = enlace_tracer_paths_through (self, &n);
  if (paths->len == 0)
    {
      c = t_graph_cable (g, cable_id);
      for (guint e = 0; e < 2; e++)
        if (c->ends[e]->len > 0)
          {
            g_autoptr(GArray) origin = t_hop_new ();

            g_array_append_vals (origin, c->ends[e]->data, c->ends[e]->len);
            t_hop_finish (origin);
            g_ptr_array_add (paths, t_trace_from_origin (g, origin));
          }
    }
  return paths;
}

GPtrArray *
enlace_tracer_trace_device (EnlaceTracer  *self,
                            gint64         device_id,
                            GError       **error)
{
  TGraph *g;
  GPtrArray *paths;
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);

  g = &self->graph;
  if (t_graph_device (g, device_id) == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no device with id %lld"), (long long) device_id);
      return NULL;
    }
  stmt = enlace_store_prepare (self->store, "SELECT id FROM port WHERE device_id = ? ORDER BY seq, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, device_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  paths = paths_array_new ();
  for (guint i = 0; i < ids->len; i++)
    {
      EnlaceTerm term = { ENLACE_TERM_PORT, g_array_index (ids, gint64, i) };
      g_autoptr(GPtrArray) some = enlace_tracer_trace_term (self, &term, NULL);

      if (some == NULL)
        continue;
      for (guint k = 0; k < some->len; k++)
        paths_add_unique (paths, g_ptr_array_index (some, k));
    }
  /* the partial trace from a rear port that the trace from its jack
   * already crosses is given once, in the longer path */
  for (guint i = paths->len; i-- > 0; )
    for (guint k = 0; k < paths->len; k++)
      if (k != i && path_within (g_ptr_array_index (paths, i), g_ptr_array_index (paths, k)))
        {
          g_ptr_array_remove_index (paths, i);
          break;
        }
  return paths;
}

GPtrArray *
enlace_tracer_trace_key (EnlaceTracer  *self,
                         const char    *key,
                         GError       **error)
{
  EnlaceTerm term;
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (strchr (key, ':') && enlace_store_lookup_term (self->store, key, &term, NULL))
    return enlace_tracer_trace_term (self, &term, error);
  if ((id = enlace_store_lookup (self->store, "cable", key, NULL)) > 0)
    return enlace_tracer_trace_cable (self, id, error);
  if ((id = enlace_store_lookup (self->store, "device", key, NULL)) > 0)
    return enlace_tracer_trace_device (self, id, error);
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
               _("“%s” is not a port (DEVICE:PORT), a circuit termination (CIRCUIT:A), a cable label or a device name"),
               key);
  return NULL;
}

/* ---- keys ---- */

char *
enlace_tracer_dup_space_key (EnlaceTracer *self,
                             gint64        space_id)
{
  sqlite3_stmt *stmt;
  char *key = NULL;

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);

  stmt = enlace_store_prepare (self->store,
                               "SELECT b.code, f.level, s.code FROM space s "
                               "JOIN floor f ON f.id = s.floor_id "
                               "JOIN building b ON b.id = f.building_id WHERE s.id = ?",
                               NULL);
  if (stmt == NULL)
    return g_strdup_printf ("#%" G_GINT64_FORMAT, space_id);
  sqlite3_bind_int64 (stmt, 1, space_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    key = g_strdup_printf ("%s/%d/%s",
                           (const char *) sqlite3_column_text (stmt, 0),
                           sqlite3_column_int (stmt, 1),
                           (const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);
  return key ? key : g_strdup_printf ("#%" G_GINT64_FORMAT, space_id);
}

char *
enlace_tracer_dup_node_key (EnlaceTracer     *self,
                            const EnlaceNode *node)
{
  TGraph *g;

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  g = &self->graph;
  switch (node->kind)
    {
    case ENLACE_NODE_PORT:
      {
        TPort *p = t_graph_port (g, node->id);
        TDevice *d = p ? t_graph_device (g, p->device_id) : NULL;

        if (p && d)
          return g_strdup_printf ("%s:%s", d->name, p->name);
        break;
      }
    case ENLACE_NODE_TERMINATION:
      {
        TTerm *t = t_graph_term (g, node->id);
        TCircuit *c = t ? t_graph_circuit (g, t->circuit_id) : NULL;

        if (t && c)
          return g_strdup_printf ("%s:%c", c->cid, t->side);
        break;
      }
    case ENLACE_NODE_CABLE:
      {
        TCable *c = t_graph_cable (g, node->id);

        if (c && c->label && c->label[0])
          return g_strdup (c->label);
        break;
      }
    case ENLACE_NODE_SPACE:
      return enlace_tracer_dup_space_key (self, node->id);
    default:
      break;
    }
  return g_strdup_printf ("#%" G_GINT64_FORMAT, node->id);
}

