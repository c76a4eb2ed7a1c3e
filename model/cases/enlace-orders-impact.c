/* enlace-orders-impact.c: what an order breaks or changes, from the
 * tracer's impact of every object it removes, unplugs, moves or
 * re-routes.  See enlace-orders.h. */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-orders-private.h"

void
enlace_order_impact_free (EnlaceOrderImpact *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->ends, g_ptr_array_unref);
  g_clear_pointer (&self->extensions, g_ptr_array_unref);
  g_clear_pointer (&self->outlets, g_ptr_array_unref);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->per_change, g_ptr_array_unref);
  g_free (self);
}

typedef struct
{
  EnlaceStore       *store;
  EnlaceTracer      *tracer;
  gint64             case_id;
  EnlaceOrderImpact *impact;
  GHashTable        *removed_devices;  /* device ids the order removes */
  GHashTable        *broken_paths;     /* EnlacePath* */
  GHashTable        *changed_paths;    /* EnlacePath* */
  GHashTable        *ends;             /* end key → TRUE */
  GHashTable        *extensions;       /* number → TRUE */
  GHashTable        *outlets;          /* device name → TRUE */
  GHashTable        *cases;            /* case id → TRUE */
  GHashTable        *objects;          /* "kind:id" looked at for cases */
  GPtrArray         *keep;             /* EnlaceImpact*: their paths stay valid */
  GHashTable        *patched;          /* "p:ID" / "t:ID" → last seq of a connect or
                                        * reroute naming that termination */
} ImpactCtx;

static char *
term_id_key (const EnlaceTerm *t)
{
  return g_strdup_printf ("%c:%" G_GINT64_FORMAT, t->kind == ENLACE_TERM_PORT ? 'p' : 't', t->id);
}

/* The terminations later connects and reroutes name: a disconnect
 * followed by a connect of the same end is a re-patch. */
static void
collect_patched (EnlaceStore *store,
                 GPtrArray   *changes,
                 GHashTable  *patched)
{
  for (guint i = 0; i < changes->len; i++)
    {
      EnlaceOrderChange *c = g_ptr_array_index (changes, i);

      if (g_strcmp0 (c->kind, "connect") != 0 && g_strcmp0 (c->kind, "reroute") != 0)
        continue;
      for (guint side = 0; side < 2; side++)
        {
          const char *terms = enlace_orders_param (c, side == 0 ? "a" : "b");
          g_auto(GStrv) parts = terms ? g_strsplit (terms, ",", -1) : NULL;

          for (guint k = 0; parts && parts[k]; k++)
            {
              EnlaceTerm t;
              char *key;

              g_strstrip (parts[k]);
              if (*parts[k] == '\0' || !enlace_store_lookup_term (store, parts[k], &t, NULL))
                continue;
              key = term_id_key (&t);
              if (GPOINTER_TO_UINT (g_hash_table_lookup (patched, key)) < c->seq)
                g_hash_table_insert (patched, key, GUINT_TO_POINTER (c->seq));
              else
                g_free (key);
            }
        }
    }
}

/* Whether a later change of the order connects again an end of cable
 * @cable_id (disconnected by change @seq). */
static gboolean
is_repatched (ImpactCtx *ctx,
              gint64     cable_id,
              guint      seq)
{
  sqlite3_stmt *stmt;
  gboolean ret = FALSE;

  if (g_hash_table_size (ctx->patched) == 0)
    return FALSE;
  stmt = enlace_store_prepare (ctx->store,
                               "SELECT port_id, termination_id FROM cable_end WHERE cable_id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cable_id);
  while (!ret && sqlite3_step (stmt) == SQLITE_ROW)
    {
      EnlaceTerm t;
      g_autofree char *key = NULL;

      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        t = (EnlaceTerm) { ENLACE_TERM_PORT, sqlite3_column_int64 (stmt, 0) };
      else
        t = (EnlaceTerm) { ENLACE_TERM_CIRCUIT, sqlite3_column_int64 (stmt, 1) };
      key = term_id_key (&t);
      ret = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->patched, key)) > seq;
    }
  sqlite3_reset (stmt);
  return ret;
}

static void
add_cases_of (ImpactCtx  *ctx,
              const char *kind,
              gint64      id,
              const char *object_key)
{
  g_autofree char *k = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);
  sqlite3_stmt *stmt;

  if (id <= 0 || g_hash_table_contains (ctx->objects, k))
    return;
  g_hash_table_add (ctx->objects, g_steal_pointer (&k));
  stmt = enlace_store_prepare (ctx->store,
                               "SELECT c.id, c.folio, c.status, c.summary FROM case_link l "
                               "JOIN case_file c ON c.id = l.case_id "
                               "WHERE l.kind = ?1 AND l.object_id = ?2 AND c.id <> ?3 "
                               "AND c.status IN ('new','in-progress','waiting') ORDER BY c.folio",
                               NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, ctx->case_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 cid = sqlite3_column_int64 (stmt, 0);
      JsonObject *o;

      if (g_hash_table_contains (ctx->cases, &cid))
        continue;
      {
        gint64 *key = g_new (gint64, 1);

        *key = cid;
        g_hash_table_add (ctx->cases, key);
      }
      o = json_object_new ();
      json_object_set_string_member (o, "folio", (const char *) sqlite3_column_text (stmt, 1));
      json_object_set_string_member (o, "status", (const char *) sqlite3_column_text (stmt, 2));
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        json_object_set_string_member (o, "summary", (const char *) sqlite3_column_text (stmt, 3));
      else
        json_object_set_null_member (o, "summary");
      json_object_set_string_member (o, "object", object_key);
      g_ptr_array_add (ctx->impact->cases, o);
    }
  sqlite3_reset (stmt);
}

static void
add_device_cases (ImpactCtx *ctx,
                  gint64     device_id)
{
  g_autofree char *key = enlace_store_dup_key (ctx->store, "device", device_id);

  add_cases_of (ctx, "device", device_id, key);
  add_cases_of (ctx, "outlet", device_id, key);
}

/* The outlets on a path (devices of role outlet or consolidation point). */
static void
path_outlets (ImpactCtx  *ctx,
              EnlacePath *path)
{
  sqlite3_stmt *stmt = enlace_store_prepare (ctx->store,
                                             "SELECT d.id, d.name FROM port p JOIN device d ON d.id = p.device_id "
                                             "WHERE p.id = ?1 AND d.role IN ('outlet','consolidation-point')",
                                             NULL);

  if (stmt == NULL)
    return;
  for (guint i = 0; i < enlace_path_get_n_hops (path); i++)
    {
      guint n = 0;
      const EnlaceNode *hop = enlace_path_get_hop (path, i, &n);

      for (guint j = 0; j < n; j++)
        {
          if (hop[j].kind != ENLACE_NODE_PORT)
            continue;
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, hop[j].id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              gint64 did = sqlite3_column_int64 (stmt, 0);
              const char *name = (const char *) sqlite3_column_text (stmt, 1);

              if (!g_hash_table_contains (ctx->removed_devices, &did) &&
                  !g_hash_table_contains (ctx->outlets, name))
                {
                  g_hash_table_add (ctx->outlets, g_strdup (name));
                  add_cases_of (ctx, "outlet", did, name);
                  add_cases_of (ctx, "device", did, name);
                }
            }
        }
    }
  sqlite3_reset (stmt);
}

static void
add_extension_cases (ImpactCtx  *ctx,
                     const char *number)
{
  gint64 id = enlace_store_lookup (ctx->store, "extension", number, NULL);

  add_cases_of (ctx, "extension", id, number);
}

static gboolean
one_change (ImpactCtx               *ctx,
            const EnlaceOrderChange *c,
            GError                 **error)
{
  gboolean breaks, repatched = FALSE;
  const char *kind;
  gint64 id;
  g_autoptr(EnlaceImpact) impact = NULL;
  JsonObject *row;
  guint paths = 0;
  guint ends = 0;

  if (g_strcmp0 (c->kind, "remove-device") == 0)
    kind = "device", breaks = TRUE;
  else if (g_strcmp0 (c->kind, "move-device") == 0)
    kind = "device", breaks = FALSE;
  else if (g_strcmp0 (c->kind, "disconnect") == 0)
    kind = "cable", breaks = TRUE;
  else if (g_strcmp0 (c->kind, "reroute") == 0)
    kind = "cable", breaks = FALSE;
  else
    return TRUE;   /* additions break nothing */

  id = enlace_orders_target_id (ctx->store, c);
  if (id <= 0)
    return TRUE;   /* gone already: the diff shows the conflict */
  /* a re-patch: the cord comes off and an end is connected again later
   * in the same order, so its paths change rather than break */
  if (g_strcmp0 (c->kind, "disconnect") == 0 && is_repatched (ctx, id, c->seq))
    repatched = TRUE, breaks = FALSE;
  impact = enlace_tracer_impact (ctx->tracer, kind, id, error);
  if (impact == NULL)
    return FALSE;

  if (g_str_equal (kind, "device"))
    add_device_cases (ctx, id);
  else
    add_cases_of (ctx, "cable", id, c->target);

  for (guint i = 0; i < impact->items->len; i++)
    {
      EnlaceImpactItem *item = g_ptr_array_index (impact->items, i);
      g_autofree char *key = NULL;

      if (item->device_id && g_hash_table_contains (ctx->removed_devices, &item->device_id))
        continue;
      if (item->path)
        {
          if (breaks && !g_hash_table_contains (ctx->broken_paths, item->path))
            {
              g_hash_table_add (ctx->broken_paths, item->path);
              g_hash_table_remove (ctx->changed_paths, item->path);
              paths++;
            }
          else if (!breaks && !g_hash_table_contains (ctx->broken_paths, item->path) &&
                   !g_hash_table_contains (ctx->changed_paths, item->path))
            {
              g_hash_table_add (ctx->changed_paths, item->path);
              paths++;
            }
        }
      ends++;
      key = enlace_tracer_dup_node_key (ctx->tracer, &item->node);
      if (item->node.kind == ENLACE_NODE_PORT)
        {
          add_cases_of (ctx, "port", item->node.id, key);
          add_device_cases (ctx, item->device_id);
        }
      if (!breaks)
        continue;
      if (key && !g_hash_table_contains (ctx->ends, key))
        g_hash_table_add (ctx->ends, g_strdup (key));
      for (guint k = 0; item->extensions && item->extensions[k]; k++)
        if (!g_hash_table_contains (ctx->extensions, item->extensions[k]))
          {
            g_hash_table_add (ctx->extensions, g_strdup (item->extensions[k]));
            add_extension_cases (ctx, item->extensions[k]);
          }
      if (item->path)
        path_outlets (ctx, item->path);
    }

  row = json_object_new ();
  json_object_set_int_member (row, "n", c->seq);
  json_object_set_string_member (row, "kind", c->kind);
  json_object_set_string_member (row, "target", c->target);
  json_object_set_string_member (row, "effect", breaks ? "breaks" : "changes");
  json_object_set_boolean_member (row, "repatched", repatched);
  json_object_set_int_member (row, "paths", impact->n_paths);
  json_object_set_int_member (row, "ends", ends);
  json_object_set_member (row, "impact", enlace_tracer_impact_to_json (ctx->tracer, impact));
  g_ptr_array_add (ctx->impact->per_change, row);
  g_ptr_array_add (ctx->keep, g_steal_pointer (&impact));
  return TRUE;
}

static int
str_cmp (gconstpointer a,
         gconstpointer b)
{
  return g_strcmp0 (*(char **) a, *(char **) b);
}

static GPtrArray *
sorted_keys (GHashTable *set)
{
  GPtrArray *ret = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter it;
  gpointer key;

  g_hash_table_iter_init (&it, set);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_ptr_array_add (ret, g_strdup (key));
  g_ptr_array_sort (ret, str_cmp);
  return ret;
}

static int
case_cmp (gconstpointer a,
          gconstpointer b)
{
  JsonObject *x = *(JsonObject **) a, *y = *(JsonObject **) b;

  return g_strcmp0 (json_object_get_string_member (x, "folio"), json_object_get_string_member (y, "folio"));
}

EnlaceOrderImpact *
enlace_order_impact (EnlaceTracer  *tracer,
                     gint64         case_id,
                     GError       **error)
{
  EnlaceStore *store;
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(EnlaceOrderImpact) impact = NULL;
  g_autoptr(GHashTable) removed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) broken = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) changed = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) ends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) extensions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) outlets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) cases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_impact_unref);
  g_autoptr(GHashTable) patched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ImpactCtx ctx = { 0 };

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);
  store = enlace_tracer_get_store (tracer);

  if (!enlace_case_head_load (store, case_id, &h, error))
    return NULL;
  if (!enlace_order_is_order (store, case_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s is not a modification order: only orders have changes"), h.folio);
      return NULL;
    }
  if (enlace_cases_exists (store, "SELECT 1 FROM case_order WHERE case_id = ?1", case_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s was already executed: its diff shows the plant before and after"), h.folio);
      return NULL;
    }
  changes = enlace_order_changes (store, case_id, error);
  if (changes == NULL)
    return NULL;

  impact = g_new0 (EnlaceOrderImpact, 1);
  impact->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  impact->per_change = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  for (guint i = 0; i < changes->len; i++)
    {
      EnlaceOrderChange *c = g_ptr_array_index (changes, i);
      gint64 id;

      if (g_strcmp0 (c->kind, "remove-device") == 0 && (id = enlace_orders_target_id (store, c)) > 0)
        {
          gint64 *k = g_new (gint64, 1);

          *k = id;
          g_hash_table_add (removed, k);
        }
    }

  ctx.store = store;
  ctx.tracer = tracer;
  ctx.case_id = case_id;
  ctx.impact = impact;
  ctx.removed_devices = removed;
  ctx.broken_paths = broken;
  ctx.changed_paths = changed;
  ctx.ends = ends;
  ctx.extensions = extensions;
  ctx.outlets = outlets;
  ctx.cases = cases;
  ctx.objects = objects;
  ctx.keep = keep;
  ctx.patched = patched;
  collect_patched (store, changes, patched);
  for (guint i = 0; i < changes->len; i++)
    if (!one_change (&ctx, g_ptr_array_index (changes, i), error))
      return NULL;

  impact->paths_broken = g_hash_table_size (broken);
  impact->paths_changed = g_hash_table_size (changed);
  impact->ends = sorted_keys (ends);
  impact->extensions = sorted_keys (extensions);
  impact->outlets = sorted_keys (outlets);
  g_ptr_array_sort (impact->cases, case_cmp);
  return g_steal_pointer (&impact);
}

static JsonArray *
strings_array (GPtrArray *a)
{
  JsonArray *ret = json_array_new ();

  for (guint i = 0; a && i < a->len; i++)
    json_array_add_string_element (ret, g_ptr_array_index (a, i));
  return ret;
}

JsonObject *
enlace_order_impact_to_json (EnlaceOrderImpact *impact)
{
  JsonObject *o = json_object_new ();
  JsonArray *cases = json_array_new ();
  JsonArray *per = json_array_new ();

  g_return_val_if_fail (impact != NULL, o);
  json_object_set_int_member (o, "paths_broken", impact->paths_broken);
  json_object_set_int_member (o, "paths_changed", impact->paths_changed);
  json_object_set_array_member (o, "ends", strings_array (impact->ends));
  json_object_set_array_member (o, "extensions", strings_array (impact->extensions));
  json_object_set_array_member (o, "outlets", strings_array (impact->outlets));
  for (guint i = 0; i < impact->cases->len; i++)
    json_array_add_object_element (cases, json_object_ref (g_ptr_array_index (impact->cases, i)));
  json_object_set_array_member (o, "cases", cases);
  for (guint i = 0; i < impact->per_change->len; i++)
    json_array_add_object_element (per, json_object_ref (g_ptr_array_index (impact->per_change, i)));
  json_object_set_array_member (o, "changes", per);
  return o;
}
