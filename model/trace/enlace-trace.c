/* enlace-trace.c: the cabling graph in memory and the cable-path tracer
 *
 * The graph is a set of tables indexed by row id, filled on demand (one
 * trace right after opening a file reads only the rows it crosses) or all
 * at once when every path is asked for.  Store changes reload the rows
 * they touch; once every path has been traced, the paths are kept with an
 * index from each port, termination and cable to the paths that cross it,
 * and an edit retraces only the paths it touches.
 */
#define G_LOG_DOMAIN "enlace-trace"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "enlace-trace-private.h"

/* ------------------------------------------------------------------ */
/* Id tables                                                           */

#define PAGE_BITS 12
#define PAGE_SIZE (1 << PAGE_BITS)
#define MAX_PAGES (1 << 14)   /* ids below 64M are paged */

void
t_idtab_init (TIdTab *t,
              gsize   elem_size)
{
  t->elem_size = elem_size;
  t->pages = g_ptr_array_new ();
  t->big = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

typedef struct
{
  GFunc  func;
  TIdTab *t;
} ClearData;

void
t_idtab_clear (TIdTab *t,
               GFunc   clear_elem)
{
  GHashTableIter iter;
  gpointer value;

  if (t->pages == NULL)
    return;
  for (guint p = 0; p < t->pages->len; p++)
    {
      guint8 *page = g_ptr_array_index (t->pages, p);

      if (page == NULL)
        continue;
      if (clear_elem)
        for (guint i = 0; i < PAGE_SIZE; i++)
          clear_elem (page + i * t->elem_size, NULL);
      g_free (page);
    }
  g_clear_pointer (&t->pages, g_ptr_array_unref);
  g_hash_table_iter_init (&iter, t->big);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (clear_elem)
        clear_elem (value, NULL);
      g_free (value);
    }
  g_clear_pointer (&t->big, g_hash_table_unref);
}

gpointer
t_idtab_get (TIdTab   *t,
             gint64    id,
             gboolean  create)
{
  if (id <= 0)
    return NULL;

  if (id < (gint64) MAX_PAGES * PAGE_SIZE)
    {
      guint p = (guint) (id >> PAGE_BITS);
      guint8 *page;

      if (p >= t->pages->len)
        {
          if (!create)
            return NULL;
          g_ptr_array_set_size (t->pages, p + 1);
        }
      page = g_ptr_array_index (t->pages, p);
      if (page == NULL)
        {
          if (!create)
            return NULL;
          page = g_malloc0 (t->elem_size * PAGE_SIZE);
          g_ptr_array_index (t->pages, p) = page;
        }
      return page + (id & (PAGE_SIZE - 1)) * t->elem_size;
    }
  else
    {
      gpointer elem = g_hash_table_lookup (t->big, &id);

      if (elem == NULL && create)
        {
          gint64 *key = g_new (gint64, 1);

          *key = id;
          elem = g_malloc0 (t->elem_size);
          g_hash_table_insert (t->big, key, elem);
        }
      return elem;
    }
}

void
t_idtab_foreach (TIdTab  *t,
                 void   (*func) (gpointer elem, gint64 id, gpointer data),
                 gpointer data)
{
  GHashTableIter iter;
  gpointer key, value;

  for (guint p = 0; p < t->pages->len; p++)
    {
      guint8 *page = g_ptr_array_index (t->pages, p);

      if (page == NULL)
        continue;
      for (guint i = 0; i < PAGE_SIZE; i++)
        {
          guint8 *elem = page + i * t->elem_size;

          if (*elem != T_UNKNOWN)
            func (elem, ((gint64) p << PAGE_BITS) + i, data);
        }
    }
  g_hash_table_iter_init (&iter, t->big);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(guint8 *) value != T_UNKNOWN)
      func (value, *(gint64 *) key, data);
}

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

static int
node_cmp (gconstpointer a,
          gconstpointer b)
{
  const EnlaceNode *na = a, *nb = b;

  if (na->kind != nb->kind)
    return na->kind < nb->kind ? -1 : 1;
  return na->id < nb->id ? -1 : (na->id > nb->id ? 1 : 0);
}

/* A hop set: sorted, without duplicates. */
static GArray *
hop_new (void)
{
  return g_array_sized_new (FALSE, FALSE, sizeof (EnlaceNode), 2);
}

static void
hop_add (GArray         *hop,
         EnlaceNodeKind  kind,
         gint64          id)
{
  EnlaceNode n = { kind, id };

  for (guint i = 0; i < hop->len; i++)
    if (node_cmp (&g_array_index (hop, EnlaceNode, i), &n) == 0)
      return;
  g_array_append_val (hop, n);
}

static void
hop_finish (GArray *hop)
{
  if (hop->len > 1)
    g_array_sort (hop, node_cmp);
}

/* ------------------------------------------------------------------ */
/* The graph: reading rows                                             */

static void
port_clear (gpointer elem,
            gpointer unused)
{
  TPort *p = elem;

  g_clear_pointer (&p->name, g_free);
  g_clear_pointer (&p->maps, g_free);
  g_clear_pointer (&p->path, enlace_path_unref);
  g_clear_pointer (&p->paths, g_ptr_array_unref);
}

static void
device_clear (gpointer elem,
              gpointer unused)
{
  TDevice *d = elem;

  g_clear_pointer (&d->name, g_free);
}

static void
cable_clear (gpointer elem,
             gpointer unused)
{
  TCable *c = elem;

  g_clear_pointer (&c->label, g_free);
  g_clear_pointer (&c->ends[0], g_array_unref);
  g_clear_pointer (&c->ends[1], g_array_unref);
  g_clear_pointer (&c->paths, g_ptr_array_unref);
}

static void
term_clear (gpointer elem,
            gpointer unused)
{
  TTerm *t = elem;

  g_clear_pointer (&t->paths, g_ptr_array_unref);
}

static void
circuit_clear (gpointer elem,
               gpointer unused)
{
  TCircuit *c = elem;

  g_clear_pointer (&c->cid, g_free);
}

static void
graph_init (TGraph      *g,
            EnlaceStore *store)
{
  g->store = store;
  t_idtab_init (&g->ports, sizeof (TPort));
  t_idtab_init (&g->devices, sizeof (TDevice));
  t_idtab_init (&g->cables, sizeof (TCable));
  t_idtab_init (&g->terms, sizeof (TTerm));
  t_idtab_init (&g->circuits, sizeof (TCircuit));
  t_idtab_init (&g->cable_ends, sizeof (TCableEnd));
  t_idtab_init (&g->mappings, sizeof (TMapping));
  g->full = FALSE;
  g->max_port_id = 0;
}

static void
graph_clear (TGraph *g)
{
  t_idtab_clear (&g->ports, port_clear);
  t_idtab_clear (&g->devices, device_clear);
  t_idtab_clear (&g->cables, cable_clear);
  t_idtab_clear (&g->terms, term_clear);
  t_idtab_clear (&g->circuits, circuit_clear);
  t_idtab_clear (&g->cable_ends, NULL);
  t_idtab_clear (&g->mappings, NULL);
}

static sqlite3_stmt *
prepare (TGraph     *g,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = enlace_store_prepare (g->store, sql, &error);

  if (stmt == NULL)
    g_warning ("Cannot read the cabling graph: %s", error->message);
  return stmt;
}

static guint8
port_kind_from_text (const char *s)
{
  if (s == NULL)
    return T_PORT_INTERFACE;
  if (strcmp (s, "front") == 0)
    return T_PORT_FRONT;
  if (strcmp (s, "rear") == 0)
    return T_PORT_REAR;
  return T_PORT_INTERFACE;
}

static guint8
medium_from_text (const char *s)
{
  if (s && strcmp (s, "fibre") == 0)
    return ENLACE_MEDIUM_FIBRE;
  if (s && strcmp (s, "voice") == 0)
    return ENLACE_MEDIUM_VOICE;
  return ENLACE_MEDIUM_COPPER;
}

static void
port_add_map (TPort  *p,
              gint64  mapping_id,
              int     my_pos,
              gint64  other,
              int     other_pos)
{
  for (guint i = 0; i < p->n_maps; i++)
    if (p->maps[i].mapping_id == mapping_id)
      {
        p->maps[i].my_pos = my_pos;
        p->maps[i].other = other;
        p->maps[i].other_pos = other_pos;
        return;
      }
  p->maps = g_renew (TMap, p->maps, p->n_maps + 1);
  p->maps[p->n_maps].mapping_id = mapping_id;
  p->maps[p->n_maps].my_pos = my_pos;
  p->maps[p->n_maps].other = other;
  p->maps[p->n_maps].other_pos = other_pos;
  p->n_maps++;
}

/* Reads one port with its cable end and mappings. */
static void
load_port (TGraph *g,
           gint64  id)
{
  TPort *p = t_idtab_get (&g->ports, id, TRUE);
  sqlite3_stmt *stmt;

  g_clear_pointer (&p->name, g_free);
  g_clear_pointer (&p->maps, g_free);
  p->n_maps = 0;
  p->cable_id = 0;
  p->cable_end_id = 0;
  p->side = 0;
  p->state = T_ABSENT;

  stmt = prepare (g, "SELECT device_id, kind, medium, positions, name FROM port WHERE id = ?");
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return;
  p->state = T_PRESENT;
  p->device_id = sqlite3_column_int64 (stmt, 0);
  p->kind = port_kind_from_text ((const char *) sqlite3_column_text (stmt, 1));
  p->medium = medium_from_text ((const char *) sqlite3_column_text (stmt, 2));
  p->positions = CLAMP (sqlite3_column_int (stmt, 3), 1, 1024);
  p->name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  sqlite3_reset (stmt);
  g->max_port_id = MAX (g->max_port_id, id);

  stmt = prepare (g, "SELECT id, cable_id, \"end\" FROM cable_end WHERE port_id = ?");
  if (stmt)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          TCableEnd *ce;

          p->cable_end_id = sqlite3_column_int64 (stmt, 0);
          p->cable_id = sqlite3_column_int64 (stmt, 1);
          p->side = ((const char *) sqlite3_column_text (stmt, 2))[0];
          ce = t_idtab_get (&g->cable_ends, p->cable_end_id, TRUE);
          ce->state = T_PRESENT;
          ce->cable_id = p->cable_id;
          ce->port_id = id;
          ce->term_id = 0;
          ce->side = p->side;
        }
      sqlite3_reset (stmt);
    }

  stmt = prepare (g, "SELECT id, front_pos, rear_port_id, rear_pos, front_port_id FROM port_mapping "
                     "WHERE front_port_id = ?1 OR rear_port_id = ?1");
  if (stmt)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 mid = sqlite3_column_int64 (stmt, 0);
          int front_pos = sqlite3_column_int (stmt, 1);
          gint64 rear = sqlite3_column_int64 (stmt, 2);
          int rear_pos = sqlite3_column_int (stmt, 3);
          gint64 front = sqlite3_column_int64 (stmt, 4);
          TMapping *m = t_idtab_get (&g->mappings, mid, TRUE);

          m->state = T_PRESENT;
          m->front = front;
          m->rear = rear;
          if (front == id)
            port_add_map (p, mid, front_pos, rear, rear_pos);
          else
            port_add_map (p, mid, rear_pos, front, front_pos);
        }
      sqlite3_reset (stmt);
    }
}

static void
load_device (TGraph *g,
             gint64  id)
{
  TDevice *d = t_idtab_get (&g->devices, id, TRUE);
  sqlite3_stmt *stmt;

  g_clear_pointer (&d->name, g_free);
  d->state = T_ABSENT;
  stmt = prepare (g, "SELECT d.name, d.role, d.status, COALESCE (d.space_id, r.space_id), d.rack_id "
                     "FROM device d LEFT JOIN rack r ON r.id = d.rack_id WHERE d.id = ?");
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      d->state = T_PRESENT;
      d->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      d->role = g_intern_string ((const char *) sqlite3_column_text (stmt, 1));
      d->active = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "retired") != 0;
      d->space_id = sqlite3_column_int64 (stmt, 3);
      d->rack_id = sqlite3_column_int64 (stmt, 4);
    }
  sqlite3_reset (stmt);
}

static void
cable_reset_ends (TCable *c)
{
  for (guint i = 0; i < 2; i++)
    {
      if (c->ends[i] == NULL)
        c->ends[i] = g_array_new (FALSE, FALSE, sizeof (EnlaceNode));
      g_array_set_size (c->ends[i], 0);
    }
}

static void
load_cable (TGraph *g,
            gint64  id)
{
  TCable *c = t_idtab_get (&g->cables, id, TRUE);
  sqlite3_stmt *stmt;

  g_clear_pointer (&c->label, g_free);
  cable_reset_ends (c);
  c->state = T_ABSENT;
  stmt = prepare (g, "SELECT label, status, length_m FROM cable WHERE id = ?");
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      c->state = T_PRESENT;
      c->label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      c->installed = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "installed") == 0;
      c->has_length = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      c->length = c->has_length ? sqlite3_column_double (stmt, 2) : 0;
    }
  sqlite3_reset (stmt);
  if (c->state != T_PRESENT)
    return;

  stmt = prepare (g, "SELECT id, \"end\", port_id, termination_id FROM cable_end "
                     "WHERE cable_id = ? ORDER BY \"end\", seq, id");
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 ceid = sqlite3_column_int64 (stmt, 0);
      char side = ((const char *) sqlite3_column_text (stmt, 1))[0];
      gint64 port_id = sqlite3_column_int64 (stmt, 2);
      gint64 term_id = sqlite3_column_int64 (stmt, 3);
      TCableEnd *ce = t_idtab_get (&g->cable_ends, ceid, TRUE);
      EnlaceNode n;

      ce->state = T_PRESENT;
      ce->cable_id = id;
      ce->port_id = port_id;
      ce->term_id = term_id;
      ce->side = side;
      n.kind = port_id ? ENLACE_NODE_PORT : ENLACE_NODE_TERMINATION;
      n.id = port_id ? port_id : term_id;
      g_array_append_val (c->ends[side == 'B' ? 1 : 0], n);
    }
  sqlite3_reset (stmt);
}

static void
load_term (TGraph *g,
           gint64  id)
{
  TTerm *t = t_idtab_get (&g->terms, id, TRUE);
  sqlite3_stmt *stmt;

  t->state = T_ABSENT;
  t->cable_id = 0;
  t->cable_end_id = 0;
  t->cable_side = 0;
  stmt = prepare (g, "SELECT circuit_id, side, space_id FROM circuit_termination WHERE id = ?");
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      t->state = T_PRESENT;
      t->circuit_id = sqlite3_column_int64 (stmt, 0);
      t->side = ((const char *) sqlite3_column_text (stmt, 1))[0];
      t->space_id = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (t->state != T_PRESENT)
    return;

  stmt = prepare (g, "SELECT id, cable_id, \"end\" FROM cable_end WHERE termination_id = ?");
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TCableEnd *ce;

      t->cable_end_id = sqlite3_column_int64 (stmt, 0);
      t->cable_id = sqlite3_column_int64 (stmt, 1);
      t->cable_side = ((const char *) sqlite3_column_text (stmt, 2))[0];
      ce = t_idtab_get (&g->cable_ends, t->cable_end_id, TRUE);
      ce->state = T_PRESENT;
      ce->cable_id = t->cable_id;
      ce->port_id = 0;
      ce->term_id = id;
      ce->side = t->cable_side;
    }
  sqlite3_reset (stmt);
}

static void
load_circuit (TGraph *g,
              gint64  id)
{
  TCircuit *c = t_idtab_get (&g->circuits, id, TRUE);
  sqlite3_stmt *stmt;

  g_clear_pointer (&c->cid, g_free);
  c->state = T_ABSENT;
  c->term[0] = c->term[1] = 0;
  stmt = prepare (g, "SELECT cid, status, length_m FROM circuit WHERE id = ?");
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      c->state = T_PRESENT;
      c->cid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      c->active = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "active") == 0;
      c->has_length = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      c->length = c->has_length ? sqlite3_column_double (stmt, 2) : 0;
    }
  sqlite3_reset (stmt);
  if (c->state != T_PRESENT)
    return;

  stmt = prepare (g, "SELECT id, side FROM circuit_termination WHERE circuit_id = ?");
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *side = (const char *) sqlite3_column_text (stmt, 1);

      c->term[side && side[0] == 'Z' ? 1 : 0] = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);
}

TPort *
t_graph_port (TGraph *g,
              gint64  id)
{
  TPort *p = t_idtab_get (&g->ports, id, FALSE);

  if (p == NULL || p->state == T_UNKNOWN)
    {
      if (id <= 0)
        return NULL;
      load_port (g, id);
      p = t_idtab_get (&g->ports, id, FALSE);
    }
  return p->state == T_PRESENT ? p : NULL;
}

TDevice *
t_graph_device (TGraph *g,
                gint64  id)
{
  TDevice *d = t_idtab_get (&g->devices, id, FALSE);

  if (d == NULL || d->state == T_UNKNOWN)
    {
      if (id <= 0)
        return NULL;
      load_device (g, id);
      d = t_idtab_get (&g->devices, id, FALSE);
    }
  return d->state == T_PRESENT ? d : NULL;
}

TCable *
t_graph_cable (TGraph *g,
               gint64  id)
{
  TCable *c = t_idtab_get (&g->cables, id, FALSE);

  if (c == NULL || c->state == T_UNKNOWN)
    {
      if (id <= 0)
        return NULL;
      load_cable (g, id);
      c = t_idtab_get (&g->cables, id, FALSE);
    }
  return c->state == T_PRESENT ? c : NULL;
}

TTerm *
t_graph_term (TGraph *g,
              gint64  id)
{
  TTerm *t = t_idtab_get (&g->terms, id, FALSE);

  if (t == NULL || t->state == T_UNKNOWN)
    {
      if (id <= 0)
        return NULL;
      load_term (g, id);
      t = t_idtab_get (&g->terms, id, FALSE);
    }
  return t->state == T_PRESENT ? t : NULL;
}

TCircuit *
t_graph_circuit (TGraph *g,
                 gint64  id)
{
  TCircuit *c = t_idtab_get (&g->circuits, id, FALSE);

  if (c == NULL || c->state == T_UNKNOWN)
    {
      if (id <= 0)
        return NULL;
      load_circuit (g, id);
      c = t_idtab_get (&g->circuits, id, FALSE);
    }
  return c->state == T_PRESENT ? c : NULL;
}

/* Reads every row at once (much faster than row by row). */
gboolean
t_graph_load_all (TGraph  *g,
                  GError **error)
{
  sqlite3_stmt *stmt;

  if (g->full)
    return TRUE;

#define PREP(sql) \
  G_STMT_START { \
    stmt = enlace_store_prepare (g->store, sql, error); \
    if (stmt == NULL) \
      return FALSE; \
  } G_STMT_END

  PREP ("SELECT d.id, d.name, d.role, d.status, COALESCE (d.space_id, r.space_id), d.rack_id "
        "FROM device d LEFT JOIN rack r ON r.id = d.rack_id");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TDevice *d = t_idtab_get (&g->devices, sqlite3_column_int64 (stmt, 0), TRUE);

      g_free (d->name);
      d->state = T_PRESENT;
      d->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      d->role = g_intern_string ((const char *) sqlite3_column_text (stmt, 2));
      d->active = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "retired") != 0;
      d->space_id = sqlite3_column_int64 (stmt, 4);
      d->rack_id = sqlite3_column_int64 (stmt, 5);
    }
  sqlite3_reset (stmt);

  PREP ("SELECT id, device_id, kind, medium, positions, name FROM port");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      TPort *p = t_idtab_get (&g->ports, id, TRUE);

      g_free (p->name);
      g_clear_pointer (&p->maps, g_free);
      p->n_maps = 0;
      p->cable_id = 0;
      p->cable_end_id = 0;
      p->side = 0;
      p->state = T_PRESENT;
      p->device_id = sqlite3_column_int64 (stmt, 1);
      p->kind = port_kind_from_text ((const char *) sqlite3_column_text (stmt, 2));
      p->medium = medium_from_text ((const char *) sqlite3_column_text (stmt, 3));
      p->positions = CLAMP (sqlite3_column_int (stmt, 4), 1, 1024);
      p->name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g->max_port_id = MAX (g->max_port_id, id);
    }
  sqlite3_reset (stmt);

  PREP ("SELECT id, cid, status, length_m FROM circuit");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TCircuit *c = t_idtab_get (&g->circuits, sqlite3_column_int64 (stmt, 0), TRUE);

      g_free (c->cid);
      c->state = T_PRESENT;
      c->cid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      c->active = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "active") == 0;
      c->has_length = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      c->length = c->has_length ? sqlite3_column_double (stmt, 3) : 0;
      c->term[0] = c->term[1] = 0;
    }
  sqlite3_reset (stmt);

  PREP ("SELECT id, circuit_id, side, space_id FROM circuit_termination");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      TTerm *t = t_idtab_get (&g->terms, id, TRUE);
      TCircuit *c;

      t->state = T_PRESENT;
      t->circuit_id = sqlite3_column_int64 (stmt, 1);
      t->side = ((const char *) sqlite3_column_text (stmt, 2))[0];
      t->space_id = sqlite3_column_int64 (stmt, 3);
      t->cable_id = 0;
      t->cable_end_id = 0;
      t->cable_side = 0;
      c = t_idtab_get (&g->circuits, t->circuit_id, FALSE);
      if (c && c->state == T_PRESENT)
        c->term[t->side == 'Z' ? 1 : 0] = id;
    }
  sqlite3_reset (stmt);

  PREP ("SELECT id, label, status, length_m FROM cable");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TCable *c = t_idtab_get (&g->cables, sqlite3_column_int64 (stmt, 0), TRUE);

      g_free (c->label);
      c->state = T_PRESENT;
      c->label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      c->installed = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "installed") == 0;
      c->has_length = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      c->length = c->has_length ? sqlite3_column_double (stmt, 3) : 0;
      cable_reset_ends (c);
    }
  sqlite3_reset (stmt);

  PREP ("SELECT id, cable_id, \"end\", port_id, termination_id FROM cable_end");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 ceid = sqlite3_column_int64 (stmt, 0);
      gint64 cable_id = sqlite3_column_int64 (stmt, 1);
      char side = ((const char *) sqlite3_column_text (stmt, 2))[0];
      gint64 port_id = sqlite3_column_int64 (stmt, 3);
      gint64 term_id = sqlite3_column_int64 (stmt, 4);
      TCableEnd *ce = t_idtab_get (&g->cable_ends, ceid, TRUE);
      TCable *c = t_idtab_get (&g->cables, cable_id, FALSE);
      EnlaceNode n;

      ce->state = T_PRESENT;
      ce->cable_id = cable_id;
      ce->port_id = port_id;
      ce->term_id = term_id;
      ce->side = side;
      if (c == NULL || c->state != T_PRESENT)
        continue;
      n.kind = port_id ? ENLACE_NODE_PORT : ENLACE_NODE_TERMINATION;
      n.id = port_id ? port_id : term_id;
      g_array_append_val (c->ends[side == 'B' ? 1 : 0], n);
      if (port_id)
        {
          TPort *p = t_idtab_get (&g->ports, port_id, FALSE);

          if (p && p->state == T_PRESENT)
            {
              p->cable_id = cable_id;
              p->cable_end_id = ceid;
              p->side = side;
            }
        }
      else
        {
          TTerm *t = t_idtab_get (&g->terms, term_id, FALSE);

          if (t && t->state == T_PRESENT)
            {
              t->cable_id = cable_id;
              t->cable_end_id = ceid;
              t->cable_side = side;
            }
        }
    }
  sqlite3_reset (stmt);

  PREP ("SELECT id, front_port_id, front_pos, rear_port_id, rear_pos FROM port_mapping");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 mid = sqlite3_column_int64 (stmt, 0);
      gint64 front = sqlite3_column_int64 (stmt, 1);
      int front_pos = sqlite3_column_int (stmt, 2);
      gint64 rear = sqlite3_column_int64 (stmt, 3);
      int rear_pos = sqlite3_column_int (stmt, 4);
      TMapping *m = t_idtab_get (&g->mappings, mid, TRUE);
      TPort *fp = t_idtab_get (&g->ports, front, FALSE);
      TPort *rp = t_idtab_get (&g->ports, rear, FALSE);

      m->state = T_PRESENT;
      m->front = front;
      m->rear = rear;
      if (fp && fp->state == T_PRESENT)
        port_add_map (fp, mid, front_pos, rear, rear_pos);
      if (rp && rp->state == T_PRESENT)
        port_add_map (rp, mid, rear_pos, front, front_pos);
    }
  sqlite3_reset (stmt);
#undef PREP

  g->full = TRUE;
  return TRUE;
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
  GArray *next = hop_new ();
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
          hop_add (next, ENLACE_NODE_PORT, map->other);
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
  hop_finish (next);
  return next;
}

/* Follows @terms (the hop just appended) onward until the path ends. */
static void
trace_run (Trace  *tr,
           GArray *terms)
{
  TGraph *g = tr->g;
  EnlacePath *path = tr->path;

  while (TRUE)
    {
      g_autoptr(GArray) cables = hop_new ();
      GArray *far;
      guint n_uncabled = 0;
      gboolean any_len = FALSE, all_len = TRUE;
      double longest = 0;
      int cls = -2;
      gboolean mixed = FALSE;

      /* near terminations → their cables */
      for (guint i = 0; i < terms->len; i++)
        {
          gint64 cable_id;
          char side;

          if (node_cable (g, &g_array_index (terms, EnlaceNode, i), &cable_id, &side))
            hop_add (cables, ENLACE_NODE_CABLE, cable_id);
          else
            n_uncabled++;
        }
      if (cables->len == 0)
        {
          path->end = ENLACE_PATH_END_OPEN;
          return;
        }
      if (n_uncabled > 0)
        {
          path->split = TRUE;
          path->end = ENLACE_PATH_END_MIXED;
          return;
        }
      hop_finish (cables);
      for (guint i = 0; i < cables->len; i++)
        if (path_has_node (path, ENLACE_NODE_CABLE, g_array_index (cables, EnlaceNode, i).id))
          {
            path->split = TRUE;
            path->end = ENLACE_PATH_END_LOOP;
            return;
          }

      /* the cables */
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

      /* far terminations */
      far = hop_new ();
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

              hop_add (far, n.kind, n.id);
            }
        }
      if (far->len == 0)
        {
          g_array_unref (far);
          path->end = ENLACE_PATH_END_OPEN;
          return;
        }
      hop_finish (far);
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
          g_array_unref (far);
          path->split = TRUE;
          path->end = ENLACE_PATH_END_MIXED;
          return;
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
                  g_array_unref (far);
                  path->split = TRUE;
                  path->end = ENLACE_PATH_END_MID_SPAN;
                  return;
                }
            }
        }
      g_ptr_array_add (path->hops, far);

      if (cls == T_PORT_INTERFACE)
        {
          path->complete = TRUE;
          path->end = ENLACE_PATH_END_ENDPOINT;
          return;
        }
      else if (cls == 3)
        {
          /* circuit terminations → the other side of each circuit */
          GArray *peers = hop_new ();
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
              hop_add (peers, ENLACE_NODE_TERMINATION, peer_id);
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
              return;
            }
          if (loop)
            {
              g_array_unref (peers);
              path->split = TRUE;
              path->end = ENLACE_PATH_END_LOOP;
              return;
            }
          path_add_length (path, c_any, c_all, c_longest);
          hop_finish (peers);
          g_ptr_array_add (path->hops, peers);
          if (all_uncabled)
            {
              GArray *spaces = hop_new ();
              gboolean provider = TRUE;

              /* far terminations with no space and no cable face the
               * provider's network: the path is complete there */
              for (guint i = 0; i < peers->len; i++)
                {
                  TTerm *t = t_graph_term (g, g_array_index (peers, EnlaceNode, i).id);

                  if (t == NULL || t->space_id != 0)
                    provider = FALSE;
                }
              if (provider)
                {
                  g_array_unref (spaces);
                  path->complete = TRUE;
                  path->end = ENLACE_PATH_END_ENDPOINT;
                  return;
                }

              for (guint i = 0; i < peers->len; i++)
                {
                  TTerm *t = t_graph_term (g, g_array_index (peers, EnlaceNode, i).id);

                  if (t && t->space_id)
                    hop_add (spaces, ENLACE_NODE_SPACE, t->space_id);
                }
              if (spaces->len)
                {
                  hop_finish (spaces);
                  g_ptr_array_add (path->hops, spaces);
                }
              else
                g_array_unref (spaces);
              path->end = ENLACE_PATH_END_CIRCUIT;
              return;
            }
          terms = peers;
          continue;
        }
      else
        {
          /* pass-through ports: follow the mappings */
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
              return;
            }
          next = follow_mappings (tr, far, multi_in ? &sel : NULL);
          g_free (sel.pos);
          if (next->len == 0)
            {
              g_array_unref (next);
              path->end = ENLACE_PATH_END_UNMAPPED;
              return;
            }
          for (guint i = 0; i < next->len; i++)
            if (path_has_node (path, ENLACE_NODE_PORT, g_array_index (next, EnlaceNode, i).id))
              {
                g_array_unref (next);
                path->split = TRUE;
                path->end = ENLACE_PATH_END_LOOP;
                return;
              }
          g_ptr_array_add (path->hops, next);
          terms = next;
        }
    }
}

static void
trace_finish (Trace *tr)
{
  g_array_unref (tr->stack);
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
static EnlacePath *
trace_from_origin (TGraph *g,
                   GArray *origin)
{
  Trace tr;
  GArray *hop = hop_new ();

  trace_init (&tr, g);
  g_array_append_vals (hop, origin->data, origin->len);
  hop_finish (hop);
  g_ptr_array_add (tr.path->hops, hop);
  trace_run (&tr, hop);
  trace_finish (&tr);
  return tr.path;
}

/* A path from a pass-through port or a circuit termination going the
 * other way: through the device's mappings or across the circuit. */
static EnlacePath *
trace_from_across (TGraph           *g,
                   const EnlaceNode *start)
{
  Trace tr;
  GArray *hop = hop_new ();

  trace_init (&tr, g);
  hop_add (hop, start->kind, start->id);
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
          GArray *next = hop_new ();

          if (!ckt->active)
            tr.path->active = FALSE;
          path_add_length (tr.path, TRUE, ckt->has_length, ckt->length);
          hop_add (next, ENLACE_NODE_TERMINATION, peer_id);
          g_ptr_array_add (tr.path->hops, next);
          trace_run (&tr, next);
        }
    }
  trace_finish (&tr);
  return tr.path;
}

/* The origin set of endpoint @port_id: every interface on the same end of
 * its cable.  NULL when it has no cable or is not an endpoint. */
static GArray *
origin_set (TGraph *g,
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
  set = hop_new ();
  for (guint i = 0; i < end->len; i++)
    {
      const EnlaceNode *n = &g_array_index (end, EnlaceNode, i);
      TPort *q;

      if (n->kind != ENLACE_NODE_PORT)
        continue;
      q = t_graph_port (g, n->id);
      if (q && q->kind == T_PORT_INTERFACE)
        hop_add (set, ENLACE_NODE_PORT, n->id);
    }
  hop_add (set, ENLACE_NODE_PORT, port_id);
  hop_finish (set);
  return set;
}

/* ------------------------------------------------------------------ */
/* The tracer                                                           */

struct _EnlaceTracer
{
  GObject      parent_instance;
  EnlaceStore *store;
  gulong       changed_id;
  TGraph       graph;
  gboolean     indexed;     /* every endpoint traced, index of paths kept */
};

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

static GPtrArray **
node_paths_slot (TGraph           *g,
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
          GPtrArray **slot = node_paths_slot (g, &g_array_index (hop, EnlaceNode, j));

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
          GPtrArray **slot = node_paths_slot (g, &g_array_index (hop, EnlaceNode, j));

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
  g_autoptr(GArray) origin = origin_set (g, port_id);
  EnlacePath *path;

  if (origin == NULL)
    return;
  path = trace_from_origin (g, origin);
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
  stmt = prepare (g, "SELECT cable_id, \"end\", port_id, termination_id FROM cable_end WHERE id = ?");
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
  stmt = prepare (g, "SELECT front_port_id, rear_port_id FROM port_mapping WHERE id = ?");
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
  sqlite3_stmt *stmt = prepare (g, "SELECT id FROM device WHERE rack_id = ?");
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
    load_device (g, g_array_index (ids, gint64, i));
}

static void
drop_all (EnlaceTracer *self)
{
  graph_clear (&self->graph);
  graph_init (&self->graph, self->store);
  self->indexed = FALSE;
}

/* Brings the graph and, when kept, the paths up to date after @set. */
static void
apply_changes (EnlaceTracer    *self,
               EnlaceChangeSet *set)
{
  TGraph *g = &self->graph;
  Touched t;
  g_autoptr(GArray) queue = NULL;
  g_autoptr(GHashTable) drop = NULL;

  if (set->bulk || set->changes == NULL)
    {
      drop_all (self);
      return;
    }

  t.ports = g_array_new (FALSE, FALSE, sizeof (gint64));
  t.terms = g_array_new (FALSE, FALSE, sizeof (gint64));
  t.cables = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* 1. cable ends and mappings first: they name the rows to reload */
  for (guint i = 0; i < set->changes->len; i++)
    {
      const EnlaceChange *ch = &g_array_index (set->changes, EnlaceChange, i);

      if (g_str_equal (ch->table, "cable_end"))
        reload_cable_end (g, ch->row_id, &t);
      else if (g_str_equal (ch->table, "port_mapping"))
        reload_mapping (g, ch->row_id, &t);
      else if (g_str_equal (ch->table, "port"))
        touched_add (t.ports, ch->row_id);
      else if (g_str_equal (ch->table, "cable"))
        touched_add (t.cables, ch->row_id);
      else if (g_str_equal (ch->table, "circuit_termination"))
        {
          TTerm *old = t_idtab_get (&g->terms, ch->row_id, FALSE);

          touched_add (t.terms, ch->row_id);
          if (old && old->state == T_PRESENT)
            reload_circuit_terms (g, old->circuit_id, &t);
          load_term (g, ch->row_id);
          old = t_idtab_get (&g->terms, ch->row_id, FALSE);
          if (old->state == T_PRESENT)
            reload_circuit_terms (g, old->circuit_id, &t);
        }
      else if (g_str_equal (ch->table, "circuit"))
        reload_circuit_terms (g, ch->row_id, &t);
      else if (g_str_equal (ch->table, "device"))
        load_device (g, ch->row_id);
      else if (g_str_equal (ch->table, "rack"))
        reload_all_in_rack (g, ch->row_id);
    }

  /* 2. reload the rows (ports keep their cached paths) */
  for (guint i = 0; i < t.ports->len; i++)
    {
      gint64 id = g_array_index (t.ports, gint64, i);
      TPort *p = t_idtab_get (&g->ports, id, FALSE);

      if (p != NULL || g->full)
        load_port (g, id);
    }
  for (guint i = 0; i < t.terms->len; i++)
    {
      gint64 id = g_array_index (t.terms, gint64, i);

      load_term (g, id);
    }
  for (guint i = 0; i < t.cables->len; i++)
    {
      gint64 id = g_array_index (t.cables, gint64, i);

      load_cable (g, id);
    }

  /* 3. redo the paths that crossed anything touched */
  if (self->indexed)
    {
      GHashTableIter iter;
      gpointer key;

      queue = g_array_new (FALSE, FALSE, sizeof (gint64));
      /* holds a reference: clearing an origin port must not free a path
       * still being walked */
      drop = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) enlace_path_unref, NULL);

#define COLLECT(arr, kind_) \
      for (guint i = 0; i < (arr)->len; i++) \
        { \
          EnlaceNode n = { kind_, g_array_index ((arr), gint64, i) }; \
          GPtrArray **slot = node_paths_slot (g, &n); \
          if (slot && *slot) \
            for (guint k = 0; k < (*slot)->len; k++) \
              if (!g_hash_table_contains (drop, g_ptr_array_index (*slot, k))) \
                g_hash_table_add (drop, enlace_path_ref (g_ptr_array_index (*slot, k))); \
        }
      COLLECT (t.ports, ENLACE_NODE_PORT);
      COLLECT (t.terms, ENLACE_NODE_TERMINATION);
      COLLECT (t.cables, ENLACE_NODE_CABLE);
#undef COLLECT

      /* endpoints touched directly, and those on touched cables */
      for (guint i = 0; i < t.ports->len; i++)
        {
          gint64 id = g_array_index (t.ports, gint64, i);
          TPort *p = t_idtab_get (&g->ports, id, FALSE);

          if (p && !p->queued)
            {
              p->queued = TRUE;
              g_array_append_val (queue, id);
            }
        }
      for (guint i = 0; i < t.cables->len; i++)
        {
          TCable *c = t_graph_cable (g, g_array_index (t.cables, gint64, i));

          if (c == NULL)
            continue;
          for (guint e = 0; e < 2; e++)
            for (guint k = 0; k < c->ends[e]->len; k++)
              {
                const EnlaceNode *n = &g_array_index (c->ends[e], EnlaceNode, k);
                TPort *p;

                if (n->kind != ENLACE_NODE_PORT)
                  continue;
                p = t_graph_port (g, n->id);
                if (p && !p->queued)
                  {
                    p->queued = TRUE;
                    g_array_append_val (queue, n->id);
                  }
              }
        }

      /* drop the old paths */
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
              if (!q->queued)
                {
                  q->queued = TRUE;
                  g_array_append_val (queue, oid);
                }
            }
        }
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

  g_array_unref (t.ports);
  g_array_unref (t.terms);
  g_array_unref (t.cables);
}

static void
on_store_changed (EnlaceStore     *store,
                  EnlaceChangeSet *set,
                  EnlaceTracer    *self)
{
  apply_changes (self, set);
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

  graph_clear (&self->graph);
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
  graph_init (&self->graph, self->store);
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

  return node_cmp (oa->data, ob->data);
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
  set = origin_set (g, origin->id);
  if (set == NULL)
    return NULL;
  return trace_from_origin (g, set);
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
  if (!_enlace_tracer_ensure_all (self, NULL))
    return paths;
  slot = node_paths_slot (&self->graph, node);
  if (slot && *slot)
    for (guint i = 0; i < (*slot)->len; i++)
      paths_add_unique (paths, g_ptr_array_index (*slot, i));
  g_ptr_array_sort (paths, path_cmp_origin);
  return paths;
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
      for (guint i = 0; i < PAGE_SIZE; i++)
        {
          TPort *p = &page[i];
          GArray *origin;

          if (p->path == NULL)
            continue;
          origin = g_ptr_array_index (p->path->hops, 0);
          if (g_array_index (origin, EnlaceNode, 0).id == ((gint64) pg << PAGE_BITS) + i)
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

/* Paths from a bare pass-through port or termination, both ways. */
static void
add_bare_traces (TGraph           *g,
                 const EnlaceNode *start,
                 GPtrArray        *paths)
{
  g_autoptr(GArray) origin = hop_new ();
  EnlacePath *out, *across;

  hop_add (origin, start->kind, start->id);
  out = trace_from_origin (g, origin);
  across = trace_from_across (g, start);
  if (out->hops->len > 1 || across->hops->len <= 1)
    g_ptr_array_add (paths, out);
  else
    enlace_path_unref (out);
  if (across->hops->len > 1)
    g_ptr_array_add (paths, across);
  else
    enlace_path_unref (across);
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
            g_autoptr(GArray) origin = hop_new ();

            g_array_append_vals (origin, c->ends[e]->data, c->ends[e]->len);
            hop_finish (origin);
            g_ptr_array_add (paths, trace_from_origin (g, origin));
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
