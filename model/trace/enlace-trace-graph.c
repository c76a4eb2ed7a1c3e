/* enlace-trace-graph.c: the cabling graph in memory
 *
 * A set of tables indexed by row id, filled on demand (one trace right
 * after opening a file reads only the rows it crosses) or all at once when
 * every path is asked for.  The walk over it is in enlace-trace-walk.c,
 * keeping it up to date with the store in enlace-trace-update.c.
 */
#define G_LOG_DOMAIN "enlace-trace"
#include "config.h"

#include <string.h>

#include "enlace-trace-private.h"

/* ------------------------------------------------------------------ */
/* Id tables                                                           */

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
        for (guint i = 0; i < T_PAGE_SIZE; i++)
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

  if (id < (gint64) T_MAX_PAGES * T_PAGE_SIZE)
    {
      guint p = (guint) (id >> T_PAGE_BITS);
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
          page = g_malloc0 (t->elem_size * T_PAGE_SIZE);
          g_ptr_array_index (t->pages, p) = page;
        }
      return page + (id & (T_PAGE_SIZE - 1)) * t->elem_size;
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
      for (guint i = 0; i < T_PAGE_SIZE; i++)
        {
          guint8 *elem = page + i * t->elem_size;

          if (*elem != T_UNKNOWN)
            func (elem, ((gint64) p << T_PAGE_BITS) + i, data);
        }
    }
  g_hash_table_iter_init (&iter, t->big);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(guint8 *) value != T_UNKNOWN)
      func (value, *(gint64 *) key, data);
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

void
t_graph_init (TGraph      *g,
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

void
t_graph_clear (TGraph *g)
{
  t_idtab_clear (&g->ports, port_clear);
  t_idtab_clear (&g->devices, device_clear);
  t_idtab_clear (&g->cables, cable_clear);
  t_idtab_clear (&g->terms, term_clear);
  t_idtab_clear (&g->circuits, circuit_clear);
  t_idtab_clear (&g->cable_ends, NULL);
  t_idtab_clear (&g->mappings, NULL);
}

sqlite3_stmt *
t_graph_prepare (TGraph     *g,
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
void
t_graph_load_port (TGraph *g,
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

  stmt = t_graph_prepare (g, "SELECT device_id, kind, medium, positions, name FROM port WHERE id = ?");
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

  stmt = t_graph_prepare (g, "SELECT id, cable_id, \"end\" FROM cable_end WHERE port_id = ?");
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

  stmt = t_graph_prepare (g, "SELECT id, front_pos, rear_port_id, rear_pos, front_port_id FROM port_mapping "
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

void
t_graph_load_device (TGraph *g,
                     gint64  id)
{
  TDevice *d = t_idtab_get (&g->devices, id, TRUE);
  sqlite3_stmt *stmt;

  g_clear_pointer (&d->name, g_free);
  d->state = T_ABSENT;
  stmt = t_graph_prepare (g, "SELECT d.name, d.role, d.status, COALESCE (d.space_id, r.space_id), d.rack_id "
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

void
t_graph_load_cable (TGraph *g,
                    gint64  id)
{
  TCable *c = t_idtab_get (&g->cables, id, TRUE);
  sqlite3_stmt *stmt;

  g_clear_pointer (&c->label, g_free);
  cable_reset_ends (c);
  c->state = T_ABSENT;
  stmt = t_graph_prepare (g, "SELECT label, status, length_m, kind, type FROM cable WHERE id = ?");
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
      c->kind = g_intern_string ((const char *) sqlite3_column_text (stmt, 3));
      c->type = g_intern_string ((const char *) sqlite3_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);
  if (c->state != T_PRESENT)
    return;

  stmt = t_graph_prepare (g, "SELECT id, \"end\", port_id, termination_id FROM cable_end "
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

void
t_graph_load_term (TGraph *g,
                   gint64  id)
{
  TTerm *t = t_idtab_get (&g->terms, id, TRUE);
  sqlite3_stmt *stmt;

  t->state = T_ABSENT;
  t->cable_id = 0;
  t->cable_end_id = 0;
  t->cable_side = 0;
  stmt = t_graph_prepare (g, "SELECT circuit_id, side, space_id FROM circuit_termination WHERE id = ?");
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

  stmt = t_graph_prepare (g, "SELECT id, cable_id, \"end\" FROM cable_end WHERE termination_id = ?");
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
  stmt = t_graph_prepare (g, "SELECT cid, status, length_m FROM circuit WHERE id = ?");
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

  stmt = t_graph_prepare (g, "SELECT id, side FROM circuit_termination WHERE circuit_id = ?");
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
      t_graph_load_port (g, id);
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
      t_graph_load_device (g, id);
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
      t_graph_load_cable (g, id);
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
      t_graph_load_term (g, id);
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

/* Devices, with the space of their rack. */
static gboolean
load_all_devices (TGraph  *g,
                  GError **error)
{
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (g->store,
                               "SELECT d.id, d.name, d.role, d.status, COALESCE (d.space_id, r.space_id), d.rack_id "
                               "FROM device d LEFT JOIN rack r ON r.id = d.rack_id", error);
  if (stmt == NULL)
    return FALSE;
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
  return TRUE;
}

/* Ports (their cable ends and mappings come later). */
static gboolean
load_all_ports (TGraph  *g,
                GError **error)
{
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (g->store,
                               "SELECT id, device_id, kind, medium, positions, name FROM port", error);
  if (stmt == NULL)
    return FALSE;
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
  return TRUE;
}

/* Circuits (their terminations come next). */
static gboolean
load_all_circuits (TGraph  *g,
                   GError **error)
{
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (g->store,
                               "SELECT id, cid, status, length_m FROM circuit", error);
  if (stmt == NULL)
    return FALSE;
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
  return TRUE;
}

/* Circuit terminations, on their circuits. */
static gboolean
load_all_terms (TGraph  *g,
                GError **error)
{
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (g->store,
                               "SELECT id, circuit_id, side, space_id FROM circuit_termination", error);
  if (stmt == NULL)
    return FALSE;
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
  return TRUE;
}

/* Cables (their ends come next). */
static gboolean
load_all_cables (TGraph  *g,
                 GError **error)
{
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (g->store,
                               "SELECT id, label, status, length_m, kind, type FROM cable", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TCable *c = t_idtab_get (&g->cables, sqlite3_column_int64 (stmt, 0), TRUE);

      g_free (c->label);
      c->state = T_PRESENT;
      c->label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      c->installed = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "installed") == 0;
      c->has_length = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      c->length = c->has_length ? sqlite3_column_double (stmt, 3) : 0;
      c->kind = g_intern_string ((const char *) sqlite3_column_text (stmt, 4));
      c->type = g_intern_string ((const char *) sqlite3_column_text (stmt, 5));
      cable_reset_ends (c);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Cable ends, on their cables, ports and terminations. */
static gboolean
load_all_cable_ends (TGraph  *g,
                     GError **error)
{
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (g->store,
                               "SELECT id, cable_id, \"end\", port_id, termination_id FROM cable_end", error);
  if (stmt == NULL)
    return FALSE;
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
  return TRUE;
}

/* Port mappings, on both of their ports. */
static gboolean
load_all_mappings (TGraph  *g,
                   GError **error)
{
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (g->store,
                               "SELECT id, front_port_id, front_pos, rear_port_id, rear_pos FROM port_mapping", error);
  if (stmt == NULL)
    return FALSE;
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
  return TRUE;
}

/* Reads every row at once (much faster than row by row). */
gboolean
t_graph_load_all (TGraph  *g,
                  GError **error)
{
  if (g->full)
    return TRUE;
  if (!load_all_devices (g, error) ||
      !load_all_ports (g, error) ||
      !load_all_circuits (g, error) ||
      !load_all_terms (g, error) ||
      !load_all_cables (g, error) ||
      !load_all_cable_ends (g, error) ||
      !load_all_mappings (g, error))
    return FALSE;
  g->full = TRUE;
  return TRUE;
}

