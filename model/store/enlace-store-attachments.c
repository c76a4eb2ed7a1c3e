/* enlace-store-attachments.c: the files kept in a document (the
 * architect's plans under the floor plans), stored once by content */
#define G_LOG_DOMAIN "enlace-store"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "enlace-store-private.h"

gint64
enlace_store_add_attachment (EnlaceStore  *self,
                             GBytes       *data,
                             const char   *mime,
                             const char   *name,
                             GError      **error)
{
  g_autofree char *sha = NULL;
  sqlite3_stmt *stmt;
  gconstpointer bytes;
  gsize len;
  gint64 id = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (self), 0);
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (mime != NULL, 0);

  if (enlace_store_is_read_only (self))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_READ_ONLY,
                   _("The file is open read-only"));
      return 0;
    }
  bytes = g_bytes_get_data (data, &len);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes, len);

  stmt = enlace_store_prepare (self, "SELECT id FROM attachment WHERE sha256 = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id != 0)
    return id;

  stmt = enlace_store_prepare (self,
                               "INSERT INTO attachment (sha256, mime, name, data) VALUES (?1, ?2, ?3, ?4)",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, mime, -1, SQLITE_TRANSIENT);
  if (name)
    sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob64 (stmt, 4, bytes, len, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (self, error, _("Storing a plan"));
      sqlite3_reset (stmt);
      return 0;
    }
  sqlite3_reset (stmt);
  return sqlite3_last_insert_rowid (enlace_store_get_db (self));
}

GBytes *
enlace_store_get_attachment (EnlaceStore  *self,
                             gint64        id,
                             char        **mime,
                             GError      **error)
{
  sqlite3_stmt *stmt;
  GBytes *ret = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);

  stmt = enlace_store_prepare (self, "SELECT mime, data FROM attachment WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (mime)
        *mime = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      ret = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
    }
  else
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                 _("There is no plan image with id %lld"), (long long)id);
  sqlite3_reset (stmt);
  return ret;
}

static gboolean
floor_exists (EnlaceStore *self,
              gint64       floor_id)
{
  sqlite3_stmt *stmt = enlace_store_prepare (self, "SELECT 1 FROM floor WHERE id = ?1", NULL);
  gboolean ret;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, floor_id);
  ret = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return ret;
}

/* The rules of the file's floor_plan table, in the user's words (the
 * CHECK constraint's text is no message for a person). */
static gboolean
plan_values_valid (JsonObject  *plan,
                   const char  *floor_key,
                   GError     **error)
{
  JsonNode *node;

  if (plan == NULL)
    return TRUE;
  node = json_object_get_member (plan, "opacity");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      double v = json_node_get_double (node);

      if (!(v >= 0 && v <= 1))
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Plan of floor %s: the opacity goes from 0 (invisible) to 1 (opaque), not %g"),
                       floor_key, v);
          return FALSE;
        }
    }
  node = json_object_get_member (plan, "scale");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      double v = json_node_get_double (node);

      if (!(v > 0 && isfinite (v)))
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Plan of floor %s: the scale must be more than 0 metres per unit, not %g"),
                       floor_key, v);
          return FALSE;
        }
    }
  return TRUE;
}

gint64
enlace_store_set_plan_background (EnlaceStore  *self,
                                  gint64        floor_id,
                                  GBytes       *data,
                                  const char   *mime,
                                  const char   *name,
                                  int           page,
                                  JsonObject   *plan,
                                  GError      **error)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autofree char *floor_key = NULL;
  g_autofree char *label = NULL;
  gint64 attachment_id, plan_id = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (self), 0);
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (mime != NULL, 0);

  if (!floor_exists (self, floor_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no floor with id %lld"), (long long)floor_id);
      return 0;
    }
  if (page < 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Page numbers start at 1"));
      return 0;
    }
  floor_key = enlace_store_dup_key (self, "floor", floor_id);
  if (!plan_values_valid (plan, floor_key, error))
    return 0;
  label = g_strdup_printf (_("Set the plan of floor %s"), floor_key);
  if (!enlace_store_begin (self, label, error))
    return 0;

  attachment_id = enlace_store_add_attachment (self, data, mime, name, error);
  if (attachment_id == 0)
    goto fail;

  if (plan != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (plan);

      for (GList *l = members; l; l = l->next)
        if (strcmp (l->data, "floor_id") != 0 && strcmp (l->data, "id") != 0)
          json_object_set_member (values, l->data, json_node_copy (json_object_get_member (plan, l->data)));
    }
  json_object_set_int_member (values, "attachment_id", attachment_id);
  json_object_set_int_member (values, "page", page);

  stmt = enlace_store_prepare (self, "SELECT id FROM floor_plan WHERE floor_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, floor_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    plan_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (plan_id != 0)
    {
      if (!enlace_store_update (self, "floor-plan", plan_id, values, error))
        goto fail;
    }
  else
    {
      json_object_set_int_member (values, "floor_id", floor_id);
      plan_id = enlace_store_create (self, "floor-plan", values, error);
      if (plan_id == 0)
        goto fail;
    }
  if (!enlace_store_commit (self, error))
    return 0;
  return plan_id;

fail:
  enlace_store_rollback (self);
  return 0;
}
