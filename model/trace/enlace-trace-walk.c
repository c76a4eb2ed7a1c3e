/* enlace-trace-walk.c: paths and the walk that traces them
 *
 * A path starts at an origin set (the interfaces on one end of a cable, or
 * a bare pass-through port or termination) and follows cables, the
 * mappings of pass-through devices and circuits until it reaches an
 * endpoint or cannot go on.  The graph it walks is enlace-trace-graph.c.
 */
#define G_LOG_DOMAIN "enlace-trace"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "enlace-trace-private.h"

/* ------------------------------------------------------------------ */
/* Paths                                                                */

G_DEFINE_BOXED_TYPE (EnlacePath, enlace_path, enlace_path_ref, enlace_path_unref)

static EnlacePath *
path_new (void)
{
  EnlacePath *self = g_new0 (EnlacePath, 1);

  self->ref_count = 1;
  self->hops = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->active = TRUE;
  self->length_known = TRUE;
  return self;
}

EnlacePath *
enlace_path_ref (EnlacePath *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
enlace_path_unref (EnlacePath *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_int_dec_and_test (&self->ref_count))
    {
      g_ptr_array_unref (self->hops);
      g_free (self);
    }
}

guint
enlace_path_get_n_hops (const EnlacePath *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->hops->len;
}

const EnlaceNode *
enlace_path_get_hop (const EnlacePath *self,
                     guint             i,
                     guint            *n_nodes)
{
  GArray *hop;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->hops->len, NULL);
  hop = g_ptr_array_index (self->hops, i);
  if (n_nodes)
    *n_nodes = hop->len;
  return (const EnlaceNode *) (gpointer) hop->data;
}

const EnlaceNode *
enlace_path_get_destination (const EnlacePath *self,
                             guint            *n_nodes)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (!self->complete || self->hops->len == 0)
    {
      if (n_nodes)
        *n_nodes = 0;
      return NULL;
    }
  return enlace_path_get_hop (self, self->hops->len - 1, n_nodes);
}

gboolean
enlace_path_contains (const EnlacePath *self,
                      EnlaceNodeKind    kind,
                      gint64            id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  for (guint i = 0; i < self->hops->len; i++)
    {
      GArray *hop = g_ptr_array_index (self->hops, i);

      for (guint j = 0; j < hop->len; j++)
        {
          const EnlaceNode *n = &g_array_index (hop, EnlaceNode, j);

          if (n->kind == kind && n->id == id)
            return TRUE;
        }
    }
  return FALSE;
}

EnlacePath *
enlace_path_reverse (const EnlacePath *self)
{
  EnlacePath *rev;

  g_return_val_if_fail (self != NULL, NULL);
  rev = path_new ();
  for (guint i = self->hops->len; i-- > 0; )
    g_ptr_array_add (rev->hops, g_array_ref (g_ptr_array_index (self->hops, i)));
  rev->complete = self->complete;
  rev->active = self->active;
  rev->split = self->split;
  rev->end = self->end;
  rev->state = self->state;
  rev->reversed = !self->reversed;
  rev->length_m = self->length_m;
  rev->length_known = self->length_known;
  rev->has_length = self->has_length;
  return rev;
}

const EnlaceNode *
enlace_path_get_stop_hop (const EnlacePath *self,
                          guint            *n_nodes)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_nodes)
    *n_nodes = 0;
  if (self->state == ENLACE_PATH_STATE_COMPLETE || self->hops->len == 0)
    return NULL;
  return enlace_path_get_hop (self, self->reversed ? 0 : self->hops->len - 1, n_nodes);
}

gboolean
enlace_path_has_cable (const EnlacePath *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  for (guint i = 0; i < self->hops->len; i++)
    {
      GArray *hop = g_ptr_array_index (self->hops, i);

      if (hop->len > 0 && g_array_index (hop, EnlaceNode, 0).kind == ENLACE_NODE_CABLE)
        return TRUE;
    }
  return FALSE;
}

const char *
enlace_path_state_to_string (EnlacePathState state)
{
  switch (state)
    {
    case ENLACE_PATH_STATE_COMPLETE:
      return "complete";
    case ENLACE_PATH_STATE_TO_JACK:
      return "to-jack";
    case ENLACE_PATH_STATE_SPLIT:
      return "split";
    case ENLACE_PATH_STATE_INCOMPLETE:
    default:
      return "incomplete";
    }
}

const char *
enlace_path_state_label (EnlacePathState state)
{
  switch (state)
    {
    case ENLACE_PATH_STATE_COMPLETE:
      return _("Complete");
    case ENLACE_PATH_STATE_TO_JACK:
      return _("Up to the jack");
    case ENLACE_PATH_STATE_SPLIT:
      return _("Split");
    case ENLACE_PATH_STATE_INCOMPLETE:
    default:
      return _("Incomplete");
    }
}

int
t_node_cmp (gconstpointer a,
            gconstpointer b)
{
  const EnlaceNode *na = a, *nb = b;

  if (na->kind != nb->kind)
    return na->kind < nb->kind ? -1 : 1;
  return na->id < nb->id ? -1 : (na->id > nb->id ? 1 : 0);
}

/* A hop set: sorted, without duplicates. */
GArray *
t_hop_new (void)
{
  return g_array_sized_new (FALSE, FALSE, sizeof (EnlaceNode), 2);
}

void
t_hop_add (GArray         *hop,
           EnlaceNodeKind  kind,
           gint64          id)
{
  EnlaceNode n = { kind, id };

  for (guint i = 0; i < hop->len; i++)
    if (t_node_cmp (&g_array_index (hop, EnlaceNode, i), &n) == 0)
      return;
  g_array_append_val (hop, n);
}

void
t_hop_finish (GArray *hop)
{
  if (hop->len > 1)
    g_array_sort (hop, t_node_cmp);
}

/* ------------------------------------------------------------------ */
/* Tracing                                                              */

/* A stack entry: the positions pushed when leaving through a
 * multi-position port. */
typedef struct
{
  guint16 *pos;
  guint    n;
} PosSet;

static gboolean
posset_has (const PosSet *s,
            guint16       pos)
{
  for (guint i = 0; i < s->n; i++)
    if (s->pos[i] == pos)
      return TRUE;
  return FALSE;
}

typedef struct
{
  TGraph     *g;
  EnlacePath *path;
  GArray     *stack;   /* of PosSet */
} Trace;

static void
trace_push (Trace  *tr,
            GArray *positions)
{
  PosSet s;

  s.n = positions->len;
  s.pos = g_memdup2 (positions->data, positions->len * sizeof (guint16));
  g_array_append_val (tr->stack, s);
}

static gboolean
trace_pop (Trace  *tr,
           PosSet *out)
{
  if (tr->stack->len == 0)
    return FALSE;
  *out = g_array_index (tr->stack, PosSet, tr->stack->len - 1);
  g_array_index (tr->stack, PosSet, tr->stack->len - 1).pos = NULL;
  g_array_set_size (tr->stack, tr->stack->len - 1);
  return TRUE;
}

static void
posset_clear (gpointer data)
{
  PosSet *s = data;

  g_free (s->pos);
}

static gboolean
path_has_node (EnlacePath     *path,
               EnlaceNodeKind  kind,
               gint64          id)
{
  return enlace_path_contains (path, kind, id);
}

/* The cable and side of a termination node; FALSE when it has none. */
static gboolean
node_cable (TGraph           *g,
            const EnlaceNode *n,
            gint64           *cable_id,
            char             *side)
{
  if (n->kind == ENLACE_NODE_PORT)
    {
      TPort *p = t_graph_port (g, n->id);

      if (p == NULL || p->cable_id == 0)
        return FALSE;
      *cable_id = p->cable_id;
      *side = p->side;
      return TRUE;
    }
  else if (n->kind == ENLACE_NODE_TERMINATION)
    {
      TTerm *t = t_graph_term (g, n->id);

      if (t == NULL || t->cable_id == 0)
        return FALSE;
      *cable_id = t->cable_id;
      *side = t->cable_side;
      return TRUE;
    }
  return FALSE;
}

/* Kind class of a termination node for the "same kind" rule. */
static int
node_class (TGraph           *g,
            const EnlaceNode *n)
{
  if (n->kind == ENLACE_NODE_TERMINATION)
    return 3;
  else
    {
      TPort *p = t_graph_port (g, n->id);

      return p ? p->kind : -1;
    }
}

static void
path_add_length (EnlacePath *path,
                 gboolean    any,
                 gboolean    all_known,
                 double      longest)
{
  if (!any)
    return;
  if (!all_known)
    path->length_known = FALSE;
  if (longest > 0 || all_known)
    {
      path->length_m += longest;
      path->has_length = TRUE;
    }
}

/* Follows mappings from @ports (pass-through ports of one device) with
 * position context @sel (NULL: every position).  Returns the next hop (may
 * be empty) and pushes the positions when it leaves through
 * multi-position ports. */
static GArray *
follow_mappings (Trace        *tr,
                 GArray       *ports,
                 const PosSet *sel)
{
  GArray *next = t_hop_new ();
  g_autoptr(GArray) pushed = g_array_new (FALSE, FALSE, sizeof (guint16));
  gboolean multi_out = FALSE;

  for (guint i = 0; i < ports->len; i++)
    {
      TPort *p = t_graph_port (tr->g, g_array_index (ports, EnlaceNode, i).id);

      if (p == NULL)
        continue;
      for (guint m = 0; m < p->n_maps; m++)
        {
          const TMap *map = &p->maps[m];
          TPort *q;

          if (sel && p->positions > 1 && !posset_has (sel, map->my_pos))
            continue;
          q = t_graph_port (tr->g, map->other);
          if (q == NULL)
            continue;
          t_hop_add (next, ENLACE_NODE_PORT, map->other);
          if (q->positions > 1)
            {
              gboolean seen = FALSE;

              multi_out = TRUE;
              for (guint k = 0; k < pushed->len; k++)
                if (g_array_index (pushed, guint16, k) == map->other_pos)
                  seen = TRUE;
              if (!seen)
                g_array_append_val (pushed, map->other_pos);
            }
          /* t_graph_port may read rows, but records never move (they
           * live in pages), so p stays valid */
        }
    }
  if (multi_out)
    trace_push (tr, pushed);
  t_hop_finish (next);
  return next;
}

/* Appends the cables of the near terminations @terms as a hop.  FALSE
 * when the path ends there: no cable, some uncabled, or a loop. */
static gboolean
walk_cables (Trace  *tr,
             GArray *terms)
{
  TGraph *g = tr->g;
  EnlacePath *path = tr->path;
  g_autoptr(GArray) cables = t_hop_new ();
  guint n_uncabled = 0;
  gboolean any_len = FALSE, all_len = TRUE;
  double longest = 0;

  for (guint i = 0; i < terms->len; i++)
    {
      gint64 cable_id;
      char side;

      if (node_cable (g, &g_array_index (terms, EnlaceNode, i), &cable_id, &side))
        t_hop_add (cables, ENLACE_NODE_CABLE, cable_id);
      else
        n_uncabled++;
    }
  if (cables->len == 0)
    {
      path->end = ENLACE_PATH_END_OPEN;
      return FALSE;
    }
  if (n_uncabled > 0)
    {
      path->split = TRUE;
      path->end = ENLACE_PATH_END_MIXED;
      return FALSE;
    }
  t_hop_finish (cables);
  for (guint i = 0; i < cables->len; i++)
    if (path_has_node (path, ENLACE_NODE_CABLE, g_array_index (cables, EnlaceNode, i).id))
      {
        path->split = TRUE;
        path->end = ENLACE_PATH_END_LOOP;
        return FALSE;
      }

  for (guint i = 0; i < cables->len; i++)
    {
      TCable *c = t_graph_cable (g, g_array_index (cables, EnlaceNode, i).id);

      if (c == NULL)
        continue;
      if (!c->installed)
        path->active = FALSE;
      any_len = TRUE;
      if (c->has_length)
        longest = MAX (longest, c->length);
      else
        all_len = FALSE;
    }
  path_add_length (path, any_len, all_len, longest);
  g_ptr_array_add (path->hops, g_steal_pointer (&cables));
  return TRUE;
}

/* The far terminations of the cables of @terms, or NULL when there are
 * none (the path ends open). */
static GArray *
walk_far_ends (Trace  *tr,
               GArray *terms)
{
  TGraph *g = tr->g;
  GArray *far = t_hop_new ();

  for (guint i = 0; i < terms->len; i++)
    {
      gint64 cable_id;
      char side;
      TCable *c;
      GArray *other;

      if (!node_cable (g, &g_array_index (terms, EnlaceNode, i), &cable_id, &side))
        continue;
      c = t_graph_cable (g, cable_id);
      if (c == NULL)
        continue;
      other = c->ends[side == 'A' ? 1 : 0];
      for (guint j = 0; j < other->len; j++)
        {
          EnlaceNode n = g_array_index (other, EnlaceNode, j);

          t_hop_add (far, n.kind, n.id);
        }
    }
  if (far->len == 0)
    {
      g_array_unref (far);
      tr->path->end = ENLACE_PATH_END_OPEN;
      return NULL;
    }
  t_hop_finish (far);
  return far;
}

/* The kind class (see node_class()) of the far terminations @far.  FALSE
 * when the path ends there: the kinds are mixed, or pass-through ports
 * belong to more than one device. */
static gboolean
far_class (Trace  *tr,
           GArray *far,
           int    *out_cls)
{
  TGraph *g = tr->g;
  EnlacePath *path = tr->path;
  int cls = -2;
  gboolean mixed = FALSE;

  for (guint i = 0; i < far->len; i++)
    {
      int c = node_class (g, &g_array_index (far, EnlaceNode, i));

      if (cls == -2)
        cls = c;
      else if (c != cls)
        mixed = TRUE;
    }
  if (mixed)
    {
      path->split = TRUE;
      path->end = ENLACE_PATH_END_MIXED;
      return FALSE;
    }
  if (cls == T_PORT_FRONT || cls == T_PORT_REAR)
    {
      gint64 dev = 0;

      for (guint i = 0; i < far->len; i++)
        {
          TPort *p = t_graph_port (g, g_array_index (far, EnlaceNode, i).id);

          if (dev == 0)
            dev = p->device_id;
          else if (p->device_id != dev)
            {
              path->split = TRUE;
              path->end = ENLACE_PATH_END_MID_SPAN;
              return FALSE;
            }
        }
    }
  *out_cls = cls;
  return TRUE;
}

/* The last hop, @peers, holds circuit terminations without a cable: the
 * path ends at the provider's network (complete) when none of them is in
 * a space, else at the circuit, with their spaces as a last hop. */
static void
end_beyond_circuit (Trace  *tr,
                    GArray *peers)
{
  TGraph *g = tr->g;
  EnlacePath *path = tr->path;
  GArray *spaces;
  gboolean provider = TRUE;

  for (guint i = 0; i < peers->len; i++)
    {
      TTerm *t = t_graph_term (g, g_array_index (peers, EnlaceNode, i).id);

      if (t == NULL || t->space_id != 0)
        provider = FALSE;
    }
  if (provider)
    {
      path->complete = TRUE;
      path->end = ENLACE_PATH_END_ENDPOINT;
      return;
    }

  spaces = t_hop_new ();
  for (guint i = 0; i < peers->len; i++)
    {
      TTerm *t = t_graph_term (g, g_array_index (peers, EnlaceNode, i).id);

      if (t && t->space_id)
        t_hop_add (spaces, ENLACE_NODE_SPACE, t->space_id);
    }
  if (spaces->len)
    {
      t_hop_finish (spaces);
      g_ptr_array_add (path->hops, spaces);
    }
  else
    g_array_unref (spaces);
  path->end = ENLACE_PATH_END_CIRCUIT;
}

/* Crosses the circuits of the terminations @far (the last hop): appends
 * the terminations on their other side and returns that hop, or NULL
 * when the path ends (no other side, a loop, or nothing cabled there). */
static GArray *
cross_circuits (Trace  *tr,
                GArray *far)
{
  TGraph *g = tr->g;
  EnlacePath *path = tr->path;
  GArray *peers = t_hop_new ();
  GArray *cable_hop = g_ptr_array_index (path->hops, path->hops->len - 2);
  gboolean loop = FALSE, all_uncabled = TRUE;
  gboolean c_any = FALSE, c_all = TRUE;
  double c_longest = 0;

  for (guint i = 0; i < far->len; i++)
    {
      TTerm *t = t_graph_term (g, g_array_index (far, EnlaceNode, i).id);
      TCircuit *ckt = t ? t_graph_circuit (g, t->circuit_id) : NULL;
      gint64 peer_id;
      TTerm *peer;

      if (ckt == NULL)
        continue;
      peer_id = ckt->term[t->side == 'Z' ? 0 : 1];
      peer = t_graph_term (g, peer_id);
      if (peer == NULL)
        continue;
      c_any = TRUE;
      if (!ckt->active)
        path->active = FALSE;
      if (ckt->has_length)
        c_longest = MAX (c_longest, ckt->length);
      else
        c_all = FALSE;
      t_hop_add (peers, ENLACE_NODE_TERMINATION, peer_id);
      if (peer->cable_id)
        all_uncabled = FALSE;
      for (guint k = 0; k < cable_hop->len; k++)
        if (g_array_index (cable_hop, EnlaceNode, k).id == peer->cable_id)
          loop = TRUE;
      if (path_has_node (path, ENLACE_NODE_TERMINATION, peer_id))
        loop = TRUE;
    }
  if (peers->len == 0)
    {
      g_array_unref (peers);
      path->end = ENLACE_PATH_END_CIRCUIT;
      return NULL;
    }
  if (loop)
    {
      g_array_unref (peers);
      path->split = TRUE;
      path->end = ENLACE_PATH_END_LOOP;
      return NULL;
    }
  path_add_length (path, c_any, c_all, c_longest);
  t_hop_finish (peers);
  g_ptr_array_add (path->hops, peers);
  if (all_uncabled)
    {
      end_beyond_circuit (tr, peers);
      return NULL;
    }
  return peers;
}

/* Follows the mappings of the pass-through ports @far (the last hop):
 * appends the ports they lead to and returns that hop, or NULL when the
 * path ends (no position to follow, unmapped, or a loop). */
static GArray *
pass_through (Trace  *tr,
              GArray *far)
{
  TGraph *g = tr->g;
  EnlacePath *path = tr->path;
  gboolean multi_in = FALSE;
  PosSet sel = { NULL, 0 };
  GArray *next;

  for (guint i = 0; i < far->len; i++)
    {
      TPort *p = t_graph_port (g, g_array_index (far, EnlaceNode, i).id);

      if (p->positions > 1)
        multi_in = TRUE;
    }
  if (multi_in && !trace_pop (tr, &sel))
    {
      path->split = TRUE;
      path->end = ENLACE_PATH_END_NO_POSITION;
      return NULL;
    }
  next = follow_mappings (tr, far, multi_in ? &sel : NULL);
  g_free (sel.pos);
  if (next->len == 0)
    {
      g_array_unref (next);
      path->end = ENLACE_PATH_END_UNMAPPED;
      return NULL;
    }
  for (guint i = 0; i < next->len; i++)
    if (path_has_node (path, ENLACE_NODE_PORT, g_array_index (next, EnlaceNode, i).id))
      {
        g_array_unref (next);
        path->split = TRUE;
        path->end = ENLACE_PATH_END_LOOP;
        return NULL;
      }
  g_ptr_array_add (path->hops, next);
  return next;
}

/* Follows @terms (the hop just appended) onward until the path ends:
 * cables, their far ends, then an endpoint, circuits to cross or
 * pass-through ports to follow. */
static void
trace_run (Trace  *tr,
           GArray *terms)
{
  while (terms != NULL)
    {
      GArray *far;
      int cls;

      if (!walk_cables (tr, terms))
        return;
      far = walk_far_ends (tr, terms);
      if (far == NULL)
        return;
      if (!far_class (tr, far, &cls))
        {
          g_array_unref (far);
          return;
        }
      g_ptr_array_add (tr->path->hops, far);

      if (cls == T_PORT_INTERFACE)
        {
          tr->path->complete = TRUE;
          tr->path->end = ENLACE_PATH_END_ENDPOINT;
          return;
        }
      else if (cls == 3)
        terms = cross_circuits (tr, far);
      else
        terms = pass_through (tr, far);
    }
}

/* Whether every node of @hop is the front port of a wall outlet. */
static gboolean
hop_is_jack (TGraph *g,
             GArray *hop)
{
  if (hop->len == 0)
    return FALSE;
  for (guint i = 0; i < hop->len; i++)
    {
      const EnlaceNode *n = &g_array_index (hop, EnlaceNode, i);
      TPort *p;
      TDevice *d;

      if (n->kind != ENLACE_NODE_PORT)
        return FALSE;
      p = t_graph_port (g, n->id);
      d = p ? t_graph_device (g, p->device_id) : NULL;
      if (p == NULL || p->kind != T_PORT_FRONT || d == NULL || g_strcmp0 (d->role, "outlet") != 0)
        return FALSE;
    }
  return TRUE;
}

static void
trace_finish (Trace *tr)
{
  EnlacePath *path = tr->path;

  g_array_unref (tr->stack);
  if (path->complete)
    path->state = ENLACE_PATH_STATE_COMPLETE;
  else if (path->split)
    path->state = ENLACE_PATH_STATE_SPLIT;
  else if (path->end == ENLACE_PATH_END_OPEN && path->hops->len > 1 &&
           enlace_path_has_cable (path) &&
           hop_is_jack (tr->g, g_ptr_array_index (path->hops, path->hops->len - 1)))
    path->state = ENLACE_PATH_STATE_TO_JACK;
  else
    path->state = ENLACE_PATH_STATE_INCOMPLETE;
}

static void
trace_init (Trace  *tr,
            TGraph *g)
{
  tr->g = g;
  tr->path = path_new ();
  tr->stack = g_array_new (FALSE, FALSE, sizeof (PosSet));
  g_array_set_clear_func (tr->stack, posset_clear);
}

/* A path from an origin set (ports or terminations), going out through
 * their cables. */
EnlacePath *
t_trace_from_origin (TGraph *g,
                     GArray *origin)
{
  Trace tr;
  GArray *hop = t_hop_new ();

  trace_init (&tr, g);
  g_array_append_vals (hop, origin->data, origin->len);
  t_hop_finish (hop);
  g_ptr_array_add (tr.path->hops, hop);
  trace_run (&tr, hop);
  trace_finish (&tr);
  return tr.path;
}

/* A path from a pass-through port or a circuit termination going the
 * other way: through the device's mappings or across the circuit. */
EnlacePath *
t_trace_from_across (TGraph           *g,
                     const EnlaceNode *start)
{
  Trace tr;
  GArray *hop = t_hop_new ();

  trace_init (&tr, g);
  t_hop_add (hop, start->kind, start->id);
  g_ptr_array_add (tr.path->hops, hop);

  if (start->kind == ENLACE_NODE_PORT)
    {
      GArray *next = follow_mappings (&tr, hop, NULL);

      if (next->len == 0)
        {
          g_array_unref (next);
          tr.path->end = ENLACE_PATH_END_UNMAPPED;
        }
      else
        {
          g_ptr_array_add (tr.path->hops, next);
          trace_run (&tr, next);
        }
    }
  else
    {
      TTerm *t = t_graph_term (g, start->id);
      TCircuit *ckt = t ? t_graph_circuit (g, t->circuit_id) : NULL;
      gint64 peer_id = ckt ? ckt->term[t->side == 'Z' ? 0 : 1] : 0;

      if (peer_id == 0 || t_graph_term (g, peer_id) == NULL)
        tr.path->end = ENLACE_PATH_END_CIRCUIT;
      else
        {
          GArray *next = t_hop_new ();

          if (!ckt->active)
            tr.path->active = FALSE;
          path_add_length (tr.path, TRUE, ckt->has_length, ckt->length);
          t_hop_add (next, ENLACE_NODE_TERMINATION, peer_id);
          g_ptr_array_add (tr.path->hops, next);
          trace_run (&tr, next);
        }
    }
  trace_finish (&tr);
  return tr.path;
}

/* The origin set of endpoint @port_id: every interface on the same end of
 * its cable.  NULL when it has no cable or is not an endpoint. */
GArray *
t_origin_set (TGraph *g,
              gint64  port_id)
{
  TPort *p = t_graph_port (g, port_id);
  TCable *c;
  GArray *end, *set;

  if (p == NULL || p->kind != T_PORT_INTERFACE || p->cable_id == 0)
    return NULL;
  c = t_graph_cable (g, p->cable_id);
  if (c == NULL)
    return NULL;
  end = c->ends[p->side == 'B' ? 1 : 0];
  set = t_hop_new ();
  for (guint i = 0; i < end->len; i++)
    {
      const EnlaceNode *n = &g_array_index (end, EnlaceNode, i);
      TPort *q;

      if (n->kind != ENLACE_NODE_PORT)
        continue;
      q = t_graph_port (g, n->id);
      if (q && q->kind == T_PORT_INTERFACE)
        t_hop_add (set, ENLACE_NODE_PORT, n->id);
    }
  t_hop_add (set, ENLACE_NODE_PORT, port_id);
  t_hop_finish (set);
  return set;
}

