/* enlace-inventory.c: cable ends, the audit log and warnings */
#define G_LOG_DOMAIN "enlace-inventory"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-json-bounds.h"
#include "enlace-inventory.h"
#include "enlace-store-private.h"

static char *
col_dup (sqlite3_stmt *stmt,
         int           col)
{
  const unsigned char *t = sqlite3_column_text (stmt, col);

  return t ? g_strdup ((const char *) t) : NULL;
}

gboolean
enlace_inventory_cable_ends (EnlaceStore  *store,
                             gint64        cable_id,
                             GArray      **end_a,
                             GArray      **end_b,
                             GError      **error)
{
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (EnlaceTerm));
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (EnlaceTerm));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  stmt = enlace_store_prepare (store, "SELECT 1 FROM cable WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cable_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     _("There is no cable #%lld"), (long long) cable_id);
      else
        enlace_store_set_sql_error (store, error, _("Reading the ends of a cable"));
      return FALSE;
    }

  stmt = enlace_store_prepare (store,
                               "SELECT \"end\", port_id, termination_id FROM cable_end"
                               " WHERE cable_id = ?1 ORDER BY \"end\", seq, id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cable_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *end = (const char *) sqlite3_column_text (stmt, 0);
      EnlaceTerm t;

      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          t.kind = ENLACE_TERM_PORT;
          t.id = sqlite3_column_int64 (stmt, 1);
        }
      else
        {
          t.kind = ENLACE_TERM_CIRCUIT;
          t.id = sqlite3_column_int64 (stmt, 2);
        }
      g_array_append_val (g_strcmp0 (end, "B") == 0 ? b : a, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Reading the ends of a cable"));
      return FALSE;
    }
  if (end_a)
    *end_a = g_steal_pointer (&a);
  if (end_b)
    *end_b = g_steal_pointer (&b);
  return TRUE;
}

guint
enlace_inventory_log_length (EnlaceStore *store)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);

  stmt = enlace_store_prepare (store, "SELECT count(*) FROM command", NULL);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static JsonObject *
parse_image (const char *text)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (text == NULL || !enlace_json_within_bounds (text, -1, NULL))
    return NULL;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

static const char *
image_name (JsonObject *img)
{
  static const char * const key_fields[] = { "name", "code", "label", "number", "cid", "model", NULL };

  if (img == NULL)
    return NULL;
  for (guint i = 0; key_fields[i]; i++)
    if (json_object_has_member (img, key_fields[i]))
      {
        JsonNode *n = json_object_get_member (img, key_fields[i]);
        if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
          return json_node_get_string (n);
      }
  return NULL;
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static JsonObject *
change_to_json (const char *table,
                gint64      row_id,
                const char *before_text,
                const char *after_text)
{
  g_autoptr(JsonObject) before = parse_image (before_text);
  g_autoptr(JsonObject) after = parse_image (after_text);
  const EnlaceKind *kind = enlace_kind_for_table (table);
  JsonObject *o = json_object_new ();
  const char *name;

  json_object_set_string_member (o, "table", table);
  if (kind)
    json_object_set_string_member (o, "kind", kind->name);
  else
    json_object_set_null_member (o, "kind");
  json_object_set_int_member (o, "row_id", row_id);

  if (before == NULL && after && json_object_has_member (after, "$range"))
    {
      JsonArray *range = json_object_get_array_member (after, "$range");
      gint64 lo = json_array_get_int_element (range, 0);
      gint64 hi = json_array_get_int_element (range, 1);

      json_object_set_string_member (o, "op", "bulk");
      json_object_set_int_member (o, "count", hi - lo + 1);
      json_object_set_null_member (o, "name");
      return o;
    }

  json_object_set_string_member (o, "op",
                                 before == NULL ? "insert" : after == NULL ? "delete" : "update");
  name = image_name (after ? after : before);
  if (name)
    json_object_set_string_member (o, "name", name);
  else
    json_object_set_null_member (o, "name");

  if (before && after)
    {
      JsonObject *fields = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (after);

      for (GList *l = members; l; l = l->next)
        {
          const char *f = l->data;
          JsonNode *bn = json_object_get_member (before, f);
          JsonNode *an = json_object_get_member (after, f);

          if (!nodes_equal (bn, an))
            {
              JsonArray *pair = json_array_new ();
              json_array_add_element (pair, bn ? json_node_copy (bn) : json_node_new (JSON_NODE_NULL));
              json_array_add_element (pair, json_node_copy (an));
              json_object_set_array_member (fields, f, pair);
            }
        }
      json_object_set_object_member (o, "fields", fields);
    }
  return o;
}

JsonArray *
enlace_inventory_log (EnlaceStore  *store,
                      guint         limit,
                      GError      **error)
{
  g_autoptr(JsonArray) log = json_array_new ();
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  stmt = enlace_store_prepare (store,
                               "SELECT id, at, user, label, kind, target, undone FROM command"
                               " ORDER BY id DESC LIMIT ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *o = json_object_new ();
      g_autofree char *at = col_dup (stmt, 1);
      g_autofree char *user = col_dup (stmt, 2);
      g_autofree char *label = col_dup (stmt, 3);
      g_autofree char *kind = col_dup (stmt, 4);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      json_object_set_int_member (o, "id", id);
      json_object_set_string_member (o, "at", at ? at : "");
      {
        g_autoptr(GDateTime) utc = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
        g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
        g_autofree char *text = local ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S") : NULL;

        json_object_set_string_member (o, "at_local", text ? text : (at ? at : ""));
      }
      json_object_set_string_member (o, "user", user ? user : "");
      json_object_set_string_member (o, "label", label ? label : "");
      json_object_set_string_member (o, "kind", kind ? kind : "do");
      if (sqlite3_column_type (stmt, 5) == SQLITE_NULL)
        json_object_set_null_member (o, "target");
      else
        json_object_set_int_member (o, "target", sqlite3_column_int64 (stmt, 5));
      json_object_set_boolean_member (o, "undone", sqlite3_column_int (stmt, 6) != 0);
      json_array_add_object_element (log, o);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Reading the audit log"));
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      JsonObject *o = json_array_get_object_element (log, i);
      JsonArray *changes = json_array_new ();

      json_object_set_array_member (o, "changes", changes);
      stmt = enlace_store_prepare (store,
                                   "SELECT tbl, row_id, before, after FROM change"
                                   " WHERE command_id = ?1 ORDER BY seq",
                                   error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        json_array_add_object_element (changes,
                                       change_to_json ((const char *) sqlite3_column_text (stmt, 0),
                                                       sqlite3_column_int64 (stmt, 1),
                                                       (const char *) sqlite3_column_text (stmt, 2),
                                                       (const char *) sqlite3_column_text (stmt, 3)));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          enlace_store_set_sql_error (store, error, _("Reading the audit log"));
          return NULL;
        }
    }
  return g_steal_pointer (&log);
}

typedef struct
{
  gint64  id;
  char   *label;
  char   *type;
  guint   media_a;  /* bit set of media at end A */
  guint   media_b;
  gint64  odd_port; /* a port whose medium does not match the type */
  char   *odd_medium;
} CableMedia;

enum { MEDIUM_COPPER = 1, MEDIUM_FIBRE = 2, MEDIUM_VOICE = 4 };

static guint
medium_bit (const char *m)
{
  if (g_strcmp0 (m, "fibre") == 0)
    return MEDIUM_FIBRE;
  if (g_strcmp0 (m, "voice") == 0)
    return MEDIUM_VOICE;
  return MEDIUM_COPPER;
}

static gboolean
type_is_fibre (const char *type)
{
  return type && (g_str_has_prefix (type, "om") || g_str_has_prefix (type, "os"));
}

static gboolean
type_is_copper (const char *type)
{
  return type && (g_str_has_prefix (type, "cat") || strcmp (type, "multipair") == 0);
}

static void
flush_cable (EnlaceStore *store,
             CableMedia  *c,
             GPtrArray   *out)
{
  g_autofree char *name = NULL;

  if (c->id == 0)
    return;
  name = c->label && *c->label ? g_strdup (c->label) : g_strdup_printf ("#%" G_GINT64_FORMAT, c->id);
  if (c->odd_port)
    {
      g_autofree char *port = enlace_store_dup_key (store, "port", c->odd_port);
      g_autofree char *medium = g_utf8_strdown (enlace_choice_label (c->odd_medium), -1);
      g_ptr_array_add (out,
                       g_strdup_printf (_("Cable “%s” is of type %s but port “%s” is a %s port"),
                                        name, c->type, port ? port : "?", medium));
    }
  else if (((c->media_a & MEDIUM_FIBRE) && (c->media_b & ~MEDIUM_FIBRE)) ||
           ((c->media_b & MEDIUM_FIBRE) && (c->media_a & ~MEDIUM_FIBRE)))
    g_ptr_array_add (out,
                     g_strdup_printf (_("Cable “%s” joins fibre ports to copper ports"), name));
  g_clear_pointer (&c->label, g_free);
  g_clear_pointer (&c->type, g_free);
  g_clear_pointer (&c->odd_medium, g_free);
  memset (c, 0, sizeof *c);
}

GPtrArray *
enlace_inventory_warnings (EnlaceStore  *store,
                           gint64        cable_id,
                           GError      **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  CableMedia cur = { 0, };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  stmt = enlace_store_prepare (store,
                               "SELECT c.id, c.label, c.type, e.\"end\", p.medium, p.id"
                               " FROM cable c JOIN cable_end e ON e.cable_id = c.id"
                               " JOIN port p ON p.id = e.port_id"
                               " WHERE ?1 = 0 OR c.id = ?1 ORDER BY c.id, e.\"end\", e.seq",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cable_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *end = (const char *) sqlite3_column_text (stmt, 3);
      const char *medium = (const char *) sqlite3_column_text (stmt, 4);
      guint bit = medium_bit (medium);

      if (id != cur.id)
        {
          flush_cable (store, &cur, out);
          cur.id = id;
          cur.label = col_dup (stmt, 1);
          cur.type = col_dup (stmt, 2);
        }
      if (g_strcmp0 (end, "B") == 0)
        cur.media_b |= bit;
      else
        cur.media_a |= bit;
      if (cur.odd_port == 0 &&
          ((type_is_fibre (cur.type) && bit != MEDIUM_FIBRE) ||
           (type_is_copper (cur.type) && bit == MEDIUM_FIBRE)))
        {
          cur.odd_port = sqlite3_column_int64 (stmt, 5);
          cur.odd_medium = g_strdup (medium);
        }
    }
  sqlite3_reset (stmt);
  flush_cable (store, &cur, out);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Checking cable media"));
      return NULL;
    }
  return g_steal_pointer (&out);
}
