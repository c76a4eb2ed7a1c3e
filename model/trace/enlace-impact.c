/* enlace-impact.c: what breaks when an object goes, spare capacity, and
 * the JSON forms of traces */
#define G_LOG_DOMAIN "enlace-impact"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "enlace-faulty.h"
#include "enlace-trace-private.h"
#include "enlace-trace-paths.h"

/* ------------------------------------------------------------------ */
/* Boxed results                                                        */

static void
impact_item_free (EnlaceImpactItem *item)
{
  g_strfreev (item->extensions);
  g_free (item->circuits);
  g_clear_pointer (&item->path, enlace_path_unref);
  g_free (item);
}

static EnlaceImpact *
impact_new (void)
{
  EnlaceImpact *self = g_new0 (EnlaceImpact, 1);

  self->ref_count = 1;
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_item_free);
  return self;
}

EnlaceImpact *
enlace_impact_ref (EnlaceImpact *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
enlace_impact_unref (EnlaceImpact *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_int_dec_and_test (&self->ref_count))
    {
      g_ptr_array_unref (self->items);
      g_free (self);
    }
}

G_DEFINE_BOXED_TYPE (EnlaceImpact, enlace_impact, enlace_impact_ref, enlace_impact_unref)

static void
free_space_free (EnlaceFreeSpace *fs)
{
  g_array_unref (fs->idle_jacks);
  g_free (fs);
}

static EnlaceFree *
free_new (void)
{
  EnlaceFree *self = g_new0 (EnlaceFree, 1);

  self->ref_count = 1;
  self->spaces = g_ptr_array_new_with_free_func ((GDestroyNotify) free_space_free);
  return self;
}

EnlaceFree *
enlace_free_ref (EnlaceFree *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
enlace_free_unref (EnlaceFree *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_int_dec_and_test (&self->ref_count))
    {
      g_ptr_array_unref (self->spaces);
      g_free (self);
    }
}

G_DEFINE_BOXED_TYPE (EnlaceFree, enlace_free, enlace_free_ref, enlace_free_unref)

/* ------------------------------------------------------------------ */
/* Impact                                                               */

static void
add_ids (EnlaceStore *store,
         const char  *sql,
         gint64       id,
         GArray      *out)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 v = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (out, v);
    }
  sqlite3_reset (stmt);
}

static gint64
node_key64 (const EnlaceNode *n)
{
  return ((gint64) n->kind << 56) | n->id;
}

typedef struct
{
  EnlaceTracer *tracer;
  TGraph       *g;
  GHashTable   *removed;   /* node_key64 → TRUE */
  GHashTable   *items;     /* node_key64 → EnlaceImpactItem* (in impact->items) */
  EnlaceImpact *impact;
} ImpactCtx;

static gboolean
is_outlet_port (TGraph           *g,
                const EnlaceNode *n)
{
  TPort *p;
  TDevice *d;

  if (n->kind != ENLACE_NODE_PORT)
    return FALSE;
  p = t_graph_port (g, n->id);
  d = p ? t_graph_device (g, p->device_id) : NULL;
  return d && (g_strcmp0 (d->role, "outlet") == 0 ||
               g_strcmp0 (d->role, "consolidation-point") == 0);
}

/* Extensions and circuits riding on a path. */
static void
path_services (ImpactCtx   *ctx,
               EnlacePath  *path,
               GPtrArray   *numbers,
               gint64      *area_id,
               GArray      *circuits)
{
  sqlite3_stmt *stmt = enlace_store_prepare (ctx->g->store,
                                             "SELECT number, area_id FROM extension "
                                             "WHERE port_id = ? AND status <> 'cancelled' ORDER BY number",
                                             NULL);

  for (guint i = 0; i < path->hops->len; i++)
    {
      GArray *hop = g_ptr_array_index (path->hops, i);

      for (guint j = 0; j < hop->len; j++)
        {
          const EnlaceNode *n = &g_array_index (hop, EnlaceNode, j);

          if (n->kind == ENLACE_NODE_PORT && stmt)
            {
              sqlite3_reset (stmt);
              sqlite3_bind_int64 (stmt, 1, n->id);
              while (sqlite3_step (stmt) == SQLITE_ROW)
                {
                  const char *num = (const char *) sqlite3_column_text (stmt, 0);
                  gboolean seen = FALSE;

                  for (guint k = 0; k < numbers->len; k++)
                    if (g_strcmp0 (g_ptr_array_index (numbers, k), num) == 0)
                      seen = TRUE;
                  if (!seen)
                    g_ptr_array_add (numbers, g_strdup (num));
                  if (*area_id == 0)
                    *area_id = sqlite3_column_int64 (stmt, 1);
                }
            }
          else if (n->kind == ENLACE_NODE_TERMINATION)
            {
              TTerm *t = t_graph_term (ctx->g, n->id);
              gboolean seen = FALSE;

              if (t == NULL)
                continue;
              for (guint k = 0; k < circuits->len; k++)
                if (g_array_index (circuits, gint64, k) == t->circuit_id)
                  seen = TRUE;
              if (!seen)
                g_array_append_val (circuits, t->circuit_id);
            }
        }
    }
  if (stmt)
    sqlite3_reset (stmt);
}

static void
add_end (ImpactCtx        *ctx,
         const EnlaceNode *end,
         EnlacePath       *path,
         GPtrArray        *numbers,
         gint64            area_id,
         GArray           *circuits)
{
  gint64 key = node_key64 (end);
  EnlaceImpactItem *item;

  if (g_hash_table_contains (ctx->removed, &key))
    return;
  item = g_hash_table_lookup (ctx->items, &key);
  if (item == NULL)
    {
      gint64 *k = g_new (gint64, 1);

      item = g_new0 (EnlaceImpactItem, 1);
      item->node = *end;
      if (end->kind == ENLACE_NODE_PORT)
        {
          TPort *p = t_graph_port (ctx->g, end->id);
          TDevice *d = p ? t_graph_device (ctx->g, p->device_id) : NULL;

          item->device_id = p ? p->device_id : 0;
          item->space_id = d ? d->space_id : 0;
          /* the path as seen from this end when it is an endpoint */
          if (p && p->path)
            item->path = enlace_path_ref (p->path);
        }
      else if (end->kind == ENLACE_NODE_TERMINATION)
        {
          TTerm *t = t_graph_term (ctx->g, end->id);

          item->space_id = t ? t->space_id : 0;
        }
      if (item->path == NULL)
        item->path = enlace_path_ref (path);
      item->extensions = g_new0 (char *, 1);
      *k = key;
      g_hash_table_insert (ctx->items, k, item);
      g_ptr_array_add (ctx->impact->items, item);
    }

  if (item->area_id == 0)
    item->area_id = area_id;
  for (guint i = 0; i < numbers->len; i++)
    {
      const char *num = g_ptr_array_index (numbers, i);

      if (!g_strv_contains ((const char * const *) item->extensions, num))
        {
          guint n = g_strv_length (item->extensions);

          item->extensions = g_renew (char *, item->extensions, n + 2);
          item->extensions[n] = g_strdup (num);
          item->extensions[n + 1] = NULL;
        }
    }
  for (guint i = 0; i < circuits->len; i++)
    {
      gint64 cid = g_array_index (circuits, gint64, i);
      gboolean seen = FALSE;

      for (guint k = 0; k < item->n_circuits; k++)
        if (item->circuits[k] == cid)
          seen = TRUE;
      if (!seen)
        {
          item->circuits = g_renew (gint64, item->circuits, item->n_circuits + 1);
          item->circuits[item->n_circuits++] = cid;
        }
    }
}

static void
impact_path (ImpactCtx  *ctx,
             EnlacePath *path)
{
  GArray *origin = g_ptr_array_index (path->hops, 0);
  GArray *last = g_ptr_array_index (path->hops, path->hops->len - 1);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) circuits = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean serves = path->complete;
  gint64 area_id = 0;

  if (!serves && path->hops->len > 1)
    for (guint i = 0; i < last->len; i++)
      {
        const EnlaceNode *n = &g_array_index (last, EnlaceNode, i);

        if (is_outlet_port (ctx->g, n) || n->kind == ENLACE_NODE_TERMINATION ||
            n->kind == ENLACE_NODE_SPACE)
          serves = TRUE;
      }
  if (!serves)
    return;

  path_services (ctx, path, numbers, &area_id, circuits);
  for (guint i = 0; i < origin->len; i++)
    add_end (ctx, &g_array_index (origin, EnlaceNode, i), path, numbers, area_id, circuits);
  if (path->hops->len > 1)
    for (guint i = 0; i < last->len; i++)
      {
        const EnlaceNode *n = &g_array_index (last, EnlaceNode, i);

        if (n->kind == ENLACE_NODE_PORT || n->kind == ENLACE_NODE_TERMINATION)
          add_end (ctx, n, path, numbers, area_id, circuits);
      }
}

typedef struct
{
  char             *space;
  char             *area;
  char             *end;
  EnlaceImpactItem *item;
} SortRow;

static int
sort_row_cmp (gconstpointer a,
              gconstpointer b)
{
  const SortRow *ra = a, *rb = b;
  int c;

  if ((c = g_strcmp0 (ra->space, rb->space)) != 0)
    return c;
  if ((c = g_strcmp0 (ra->area, rb->area)) != 0)
    return c;
  return g_strcmp0 (ra->end, rb->end);
}

static char *
dup_area_code (EnlaceStore *store,
               gint64       area_id)
{
  sqlite3_stmt *stmt;
  char *code = NULL;

  if (area_id <= 0)
    return NULL;
  stmt = enlace_store_prepare (store, "SELECT code FROM area WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, area_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return code;
}

EnlaceImpact *
enlace_tracer_impact (EnlaceTracer  *self,
                      const char    *kind,
                      gint64         id,
                      GError       **error)
{
  TGraph *g;
  EnlaceStore *store;
  g_autoptr(GArray) ports = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (EnlaceNode));
  g_autoptr(GHashTable) removed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_paths = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) rows = NULL;
  ImpactCtx ctx;
  EnlaceImpact *impact;

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (!_enlace_tracer_ensure_all (self, error))
    return NULL;
  g = _enlace_tracer_get_graph (self);
  store = enlace_tracer_get_store (self);

  if (g_str_equal (kind, "cable"))
    {
      EnlaceNode n = { ENLACE_NODE_CABLE, id };

      if (t_graph_cable (g, id) == NULL)
        goto not_found;
      g_array_append_val (nodes, n);
    }
  else if (g_str_equal (kind, "port"))
    {
      if (t_graph_port (g, id) == NULL)
        goto not_found;
      g_array_append_val (ports, id);
    }
  else if (g_str_equal (kind, "circuit-termination"))
    {
      EnlaceNode n = { ENLACE_NODE_TERMINATION, id };

      if (t_graph_term (g, id) == NULL)
        goto not_found;
      g_array_append_val (nodes, n);
    }
  else if (g_str_equal (kind, "device"))
    {
      if (t_graph_device (g, id) == NULL)
        goto not_found;
      add_ids (store, "SELECT id FROM port WHERE device_id = ?", id, ports);
    }
  else if (g_str_equal (kind, "rack"))
    {
      sqlite3_stmt *stmt = enlace_store_prepare (store, "SELECT 1 FROM rack WHERE id = ?", error);
      gboolean found;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!found)
        goto not_found;
      add_ids (store, "SELECT p.id FROM port p JOIN device d ON d.id = p.device_id WHERE d.rack_id = ?",
               id, ports);
    }
  else
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Cannot tell the impact of a %s: give a cable, port, circuit termination, device or rack"),
                   kind);
      return NULL;
    }

  for (guint i = 0; i < ports->len; i++)
    {
      EnlaceNode n = { ENLACE_NODE_PORT, g_array_index (ports, gint64, i) };

      g_array_append_val (nodes, n);
    }
  for (guint i = 0; i < nodes->len; i++)
    {
      gint64 *k = g_new (gint64, 1);

      *k = node_key64 (&g_array_index (nodes, EnlaceNode, i));
      g_hash_table_add (removed, k);
    }

  impact = impact_new ();
  ctx.tracer = self;
  ctx.g = g;
  ctx.removed = removed;
  ctx.items = items;
  ctx.impact = impact;

  for (guint i = 0; i < nodes->len; i++)
    {
      g_autoptr(GPtrArray) paths = enlace_tracer_paths_through (self, &g_array_index (nodes, EnlaceNode, i));

      for (guint k = 0; k < paths->len; k++)
        {
          EnlacePath *path = g_ptr_array_index (paths, k);

          if (g_hash_table_contains (seen_paths, path))
            continue;
          g_hash_table_add (seen_paths, path);
          impact->n_paths++;
          impact_path (&ctx, path);
        }
    }

  /* sort by space key, area code, end key */
  rows = g_array_new (FALSE, TRUE, sizeof (SortRow));
  g_array_set_size (rows, impact->items->len);
  for (guint i = 0; i < impact->items->len; i++)
    {
      EnlaceImpactItem *item = g_ptr_array_index (impact->items, i);
      SortRow *r = &g_array_index (rows, SortRow, i);

      r->item = item;
      r->space = item->space_id ? enlace_tracer_dup_space_key (self, item->space_id) : NULL;
      r->area = dup_area_code (store, item->area_id);
      r->end = enlace_tracer_dup_node_key (self, &item->node);
    }
  g_array_sort (rows, sort_row_cmp);
  g_ptr_array_set_free_func (impact->items, NULL);
  g_ptr_array_set_size (impact->items, 0);
  g_ptr_array_set_free_func (impact->items, (GDestroyNotify) impact_item_free);
  for (guint i = 0; i < rows->len; i++)
    {
      SortRow *r = &g_array_index (rows, SortRow, i);

      g_ptr_array_add (impact->items, r->item);
      g_free (r->space);
      g_free (r->area);
      g_free (r->end);
    }
  return impact;

not_found:
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
               _("There is no %s with id %lld"), kind, (long long) id);
  return NULL;
}

EnlaceImpact *
enlace_tracer_impact_key (EnlaceTracer  *self,
                          const char    *key,
                          GError       **error)
{
  EnlaceStore *store;
  EnlaceTerm term;
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  store = enlace_tracer_get_store (self);
  if (strchr (key, ':') && enlace_store_lookup_term (store, key, &term, NULL))
    return enlace_tracer_impact (self, term.kind == ENLACE_TERM_PORT ? "port" : "circuit-termination",
                                 term.id, error);
  if ((id = enlace_store_lookup (store, "cable", key, NULL)) > 0)
    return enlace_tracer_impact (self, "cable", id, error);
  if ((id = enlace_store_lookup (store, "device", key, NULL)) > 0)
    return enlace_tracer_impact (self, "device", id, error);
  if ((id = enlace_store_lookup (store, "rack", key, NULL)) > 0)
    return enlace_tracer_impact (self, "rack", id, error);
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
               _("“%s” is not a cable label, a port (DEVICE:PORT), a circuit termination, a device or a rack"),
               key);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Spare capacity                                                       */

typedef struct
{
  gint64   id;
  gboolean tr;
  char    *key;
} SpaceInfo;

typedef struct
{
  TGraph     *g;
  GHashTable *by_space;   /* space id → EnlaceFreeSpace* */
  gint64      only;
} FreeCtx;

static gboolean
jack_in_service (TPort  *p,
                 gint64  port_id)
{
  if (p->paths == NULL)
    return FALSE;
  for (guint i = 0; i < p->paths->len; i++)
    {
      EnlacePath *path = g_ptr_array_index (p->paths, i);
      GArray *last = g_ptr_array_index (path->hops, path->hops->len - 1);

      if (!path->active)
        continue;
      if (path->complete)
        return TRUE;
      for (guint k = 0; k < last->len; k++)
        if (g_array_index (last, EnlaceNode, k).kind == ENLACE_NODE_PORT &&
            g_array_index (last, EnlaceNode, k).id == port_id)
          return TRUE;
    }
  return FALSE;
}

static void
free_port_cb (gpointer elem,
              gint64   id,
              gpointer data)
{
  TPort *p = elem;
  FreeCtx *ctx = data;
  TDevice *d;
  EnlaceFreeSpace *fs;

  if (p->state != T_PRESENT)
    return;
  d = t_graph_device (ctx->g, p->device_id);
  if (d == NULL || d->space_id == 0)
    return;
  if (ctx->only && d->space_id != ctx->only)
    return;
  fs = g_hash_table_lookup (ctx->by_space, &d->space_id);
  if (fs == NULL)
    return;

  if (g_strcmp0 (d->role, "patch-panel") == 0 && p->kind == T_PORT_FRONT)
    {
      fs->panel_ports[p->medium]++;
      if (p->cable_id == 0)
        fs->free_panel_ports[p->medium]++;
    }
  else if ((g_strcmp0 (d->role, "switch") == 0 || g_strcmp0 (d->role, "router") == 0 ||
            g_strcmp0 (d->role, "pbx") == 0) && p->kind == T_PORT_INTERFACE)
    {
      fs->switch_ports[p->medium]++;
      if (p->cable_id == 0)
        fs->free_switch_ports[p->medium]++;
    }
  else if (g_strcmp0 (d->role, "outlet") == 0 && p->kind == T_PORT_FRONT)
    {
      fs->jacks++;
      if (!jack_in_service (p, id))
        g_array_append_val (fs->idle_jacks, id);
    }
}

static int
gint64_cmp (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

EnlaceFree *
enlace_tracer_free (EnlaceTracer  *self,
                    gint64         space_id,
                    GError       **error)
{
  TGraph *g;
  EnlaceStore *store;
  sqlite3_stmt *stmt;
  g_autoptr(GHashTable) by_space = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  EnlaceFree *result;
  FreeCtx ctx;
  gboolean found = (space_id == 0);

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);

  if (!_enlace_tracer_ensure_all (self, error))
    return NULL;
  g = _enlace_tracer_get_graph (self);
  store = enlace_tracer_get_store (self);

  stmt = enlace_store_prepare (store,
                               "SELECT s.id, s.kind FROM space s "
                               "JOIN floor f ON f.id = s.floor_id "
                               "JOIN building b ON b.id = f.building_id "
                               "ORDER BY b.code, f.level, s.code",
                               error);
  if (stmt == NULL)
    return NULL;

  result = free_new ();
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      EnlaceFreeSpace *fs;

      if (space_id && id != space_id)
        continue;
      found = TRUE;
      fs = g_new0 (EnlaceFreeSpace, 1);
      fs->space_id = id;
      fs->telecom_room = g_strcmp0 (kind, "telecom-room") == 0 ||
                         g_strcmp0 (kind, "equipment-room") == 0;
      fs->idle_jacks = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_ptr_array_add (order, fs);
      g_hash_table_insert (by_space, &fs->space_id, fs);
    }
  sqlite3_reset (stmt);

  if (!found)
    {
      for (guint i = 0; i < order->len; i++)
        free_space_free (g_ptr_array_index (order, i));
      enlace_free_unref (result);
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no space with id %lld"), (long long) space_id);
      return NULL;
    }

  ctx.g = g;
  ctx.by_space = by_space;
  ctx.only = space_id;
  t_idtab_foreach (&g->ports, free_port_cb, &ctx);

  for (guint i = 0; i < order->len; i++)
    {
      EnlaceFreeSpace *fs = g_ptr_array_index (order, i);
      guint ports = 0;

      for (guint m = 0; m < ENLACE_N_MEDIA; m++)
        ports += fs->panel_ports[m] + fs->switch_ports[m];
      if (space_id == 0 && ports == 0 && fs->jacks == 0)
        {
          free_space_free (fs);
          continue;
        }
      g_array_sort (fs->idle_jacks, gint64_cmp);
      g_ptr_array_add (result->spaces, fs);
    }
  return result;
}

/* ------------------------------------------------------------------ */
/* JSON                                                                 */

static JsonNode *
hop_to_json (EnlaceTracer *self,
             GArray       *hop)
{
  JsonArray *arr = json_array_sized_new (hop->len);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < hop->len; i++)
    {
      char *key = enlace_tracer_dup_node_key (self, &g_array_index (hop, EnlaceNode, i));

      json_array_add_string_element (arr, key);
      g_free (key);
    }
  json_node_take_array (node, arr);
  return node;
}

static JsonObject *
path_to_json (EnlaceTracer *self,
              EnlacePath   *path,
              GHashTable   *faulty)
{
  JsonObject *obj = json_object_new ();
  JsonArray *hops = json_array_sized_new (path->hops->len);
  JsonArray *marked = json_array_new ();

  json_object_set_member (obj, "origin", hop_to_json (self, g_ptr_array_index (path->hops, 0)));
  for (guint i = 0; i < path->hops->len; i++)
    json_array_add_element (hops, hop_to_json (self, g_ptr_array_index (path->hops, i)));
  json_object_set_array_member (obj, "hops", hops);
  if (path->complete)
    json_object_set_member (obj, "destination",
                            hop_to_json (self, g_ptr_array_index (path->hops, path->hops->len - 1)));
  else
    json_object_set_null_member (obj, "destination");
  json_object_set_boolean_member (obj, "complete", path->complete);
  json_object_set_boolean_member (obj, "active", path->active);
  json_object_set_boolean_member (obj, "split", path->split);
  json_object_set_string_member (obj, "state", enlace_path_state_to_string (path->state));
  {
    const char *code = NULL;
    g_autofree char *message = enlace_tracer_dup_stop_text (self, path, &code);
    guint n = 0;
    const EnlaceNode *at = enlace_path_get_stop_hop (path, &n);

    if (message && at)
      {
        JsonObject *stop = json_object_new ();
        g_autoptr(GArray) hop = g_array_sized_new (FALSE, FALSE, sizeof (EnlaceNode), n);

        g_array_append_vals (hop, at, n);
        json_object_set_string_member (stop, "code", code);
        json_object_set_member (stop, "at", hop_to_json (self, hop));
        json_object_set_string_member (stop, "message", message);
        json_object_set_object_member (obj, "stop", stop);
      }
    else
      json_object_set_null_member (obj, "stop");
  }
  if (path->has_length)
    json_object_set_double_member (obj, "length_m", path->length_m);
  else
    json_object_set_null_member (obj, "length_m");
  json_object_set_boolean_member (obj, "length_known", path->length_known && path->has_length);
  /* the cables and ports on it marked faulty (enlace-faulty.h) */
  for (guint i = 0; faulty != NULL && g_hash_table_size (faulty) > 0 && i < path->hops->len; i++)
    {
      GArray *hop = g_ptr_array_index (path->hops, i);

      for (guint k = 0; k < hop->len; k++)
        {
          const EnlaceNode *n = &g_array_index (hop, EnlaceNode, k);
          const char *kind = n->kind == ENLACE_NODE_CABLE ? "cable"
                             : n->kind == ENLACE_NODE_PORT ? "port" : NULL;

          if (kind != NULL && enlace_faulty_set_contains (faulty, kind, n->id))
            {
              g_autofree char *key = enlace_tracer_dup_node_key (self, n);

              json_array_add_string_element (marked, key);
            }
        }
    }
  json_object_set_array_member (obj, "faulty", marked);
  return obj;
}

JsonNode *
enlace_tracer_path_to_json (EnlaceTracer *self,
                            EnlacePath   *path,
                            GHashTable   *faulty)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  json_node_take_object (node, path_to_json (self, path, faulty));
  return node;
}

JsonNode *
enlace_tracer_paths_to_json (EnlaceTracer *self,
                             GPtrArray    *paths)
{
  JsonObject *root = json_object_new ();
  JsonArray *arr = json_array_sized_new (paths ? paths->len : 0);
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GHashTable) faulty = NULL;

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);

  faulty = enlace_faulty_set_load (enlace_tracer_get_store (self));
  for (guint i = 0; paths && i < paths->len; i++)
    json_array_add_object_element (arr, path_to_json (self, g_ptr_array_index (paths, i), faulty));
  json_object_set_array_member (root, "paths", arr);
  json_node_take_object (node, root);
  return node;
}

JsonNode *
enlace_tracer_impact_to_json (EnlaceTracer *self,
                              EnlaceImpact *impact)
{
  JsonObject *root = json_object_new ();
  JsonArray *spaces = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  EnlaceStore *store;
  JsonArray *cur_areas = NULL, *cur_ends = NULL;
  gint64 cur_space = -1, cur_area = -1;

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);
  store = enlace_tracer_get_store (self);

  json_object_set_int_member (root, "paths", impact->n_paths);
  json_object_set_int_member (root, "ends", impact->items->len);
  for (guint i = 0; i < impact->items->len; i++)
    {
      EnlaceImpactItem *item = g_ptr_array_index (impact->items, i);
      JsonObject *end = json_object_new ();
      JsonArray *exts = json_array_new ();
      JsonArray *ckts = json_array_new ();
      g_autofree char *key = enlace_tracer_dup_node_key (self, &item->node);

      if (item->space_id != cur_space)
        {
          JsonObject *sp = json_object_new ();

          if (item->space_id)
            {
              g_autofree char *skey = enlace_tracer_dup_space_key (self, item->space_id);

              json_object_set_string_member (sp, "space", skey);
            }
          else
            json_object_set_null_member (sp, "space");
          cur_areas = json_array_new ();
          json_object_set_array_member (sp, "areas", cur_areas);
          json_array_add_object_element (spaces, sp);
          cur_space = item->space_id;
          cur_area = -1;
        }
      if (item->area_id != cur_area)
        {
          JsonObject *ar = json_object_new ();
          g_autofree char *code = dup_area_code (store, item->area_id);

          if (code)
            json_object_set_string_member (ar, "area", code);
          else
            json_object_set_null_member (ar, "area");
          cur_ends = json_array_new ();
          json_object_set_array_member (ar, "ends", cur_ends);
          json_array_add_object_element (cur_areas, ar);
          cur_area = item->area_id;
        }

      json_object_set_string_member (end, "end", key);
      json_object_set_string_member (end, "kind",
                                     item->node.kind == ENLACE_NODE_TERMINATION ? "circuit-termination" : "port");
      for (guint k = 0; item->extensions && item->extensions[k]; k++)
        json_array_add_string_element (exts, item->extensions[k]);
      json_object_set_array_member (end, "extensions", exts);
      for (guint k = 0; k < item->n_circuits; k++)
        {
          TCircuit *c = t_graph_circuit (_enlace_tracer_get_graph (self), item->circuits[k]);

          if (c)
            json_array_add_string_element (ckts, c->cid);
        }
      json_object_set_array_member (end, "circuits", ckts);
      json_object_set_boolean_member (end, "complete", item->path ? item->path->complete : FALSE);
      json_object_set_string_member (end, "state",
                                     enlace_path_state_to_string (item->path ? item->path->state
                                                                             : ENLACE_PATH_STATE_INCOMPLETE));
      if (item->path)
        {
          /* the other end of the path, as seen from this end */
          GArray *origin = g_ptr_array_index (item->path->hops, 0);
          GArray *last = g_ptr_array_index (item->path->hops, item->path->hops->len - 1);
          gboolean from_here = FALSE;

          for (guint k = 0; k < origin->len; k++)
            if (g_array_index (origin, EnlaceNode, k).kind == item->node.kind &&
                g_array_index (origin, EnlaceNode, k).id == item->node.id)
              from_here = TRUE;
          json_object_set_member (end, "far", hop_to_json (self, from_here ? last : origin));
        }
      else
        json_object_set_null_member (end, "far");
      json_array_add_object_element (cur_ends, end);
    }
  json_object_set_array_member (root, "spaces", spaces);
  json_node_take_object (node, root);
  return node;
}

static const char *media_names[ENLACE_N_MEDIA] = { "copper", "fibre", "voice" };

static JsonObject *
counts_to_json (const guint *free_, const guint *total)
{
  JsonObject *obj = json_object_new ();

  for (guint m = 0; m < ENLACE_N_MEDIA; m++)
    {
      JsonObject *c;

      if (total[m] == 0)
        continue;
      c = json_object_new ();
      json_object_set_int_member (c, "free", free_[m]);
      json_object_set_int_member (c, "total", total[m]);
      json_object_set_object_member (obj, media_names[m], c);
    }
  return obj;
}

JsonNode *
enlace_tracer_free_to_json (EnlaceTracer *self,
                            EnlaceFree   *free_)
{
  JsonObject *root = json_object_new ();
  JsonArray *spaces = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (ENLACE_IS_TRACER (self), NULL);

  for (guint i = 0; i < free_->spaces->len; i++)
    {
      EnlaceFreeSpace *fs = g_ptr_array_index (free_->spaces, i);
      JsonObject *sp = json_object_new ();
      JsonArray *idle = json_array_new ();
      g_autofree char *skey = enlace_tracer_dup_space_key (self, fs->space_id);

      json_object_set_string_member (sp, "space", skey);
      json_object_set_boolean_member (sp, "telecom_room", fs->telecom_room);
      json_object_set_object_member (sp, "panel_ports", counts_to_json (fs->free_panel_ports, fs->panel_ports));
      json_object_set_object_member (sp, "switch_ports", counts_to_json (fs->free_switch_ports, fs->switch_ports));
      json_object_set_int_member (sp, "jacks", fs->jacks);
      for (guint k = 0; k < fs->idle_jacks->len; k++)
        {
          EnlaceNode n = { ENLACE_NODE_PORT, g_array_index (fs->idle_jacks, gint64, k) };
          g_autofree char *key = enlace_tracer_dup_node_key (self, &n);

          json_array_add_string_element (idle, key);
        }
      json_object_set_array_member (sp, "idle_jacks", idle);
      json_array_add_object_element (spaces, sp);
    }
  json_object_set_array_member (root, "spaces", spaces);
  json_node_take_object (node, root);
  return node;
}
