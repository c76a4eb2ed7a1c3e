/* enlace-store-meta.c: document properties (the meta table), read and
 * set as an undoable command
 */
#define G_LOG_DOMAIN "enlace-store"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-store-private.h"

char *
enlace_store_get_meta (EnlaceStore *self,
                       const char  *key)
{
  sqlite3_stmt *stmt;
  char *ret = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = enlace_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ret = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return ret;
}

gboolean
enlace_store_set_meta (EnlaceStore  *self,
                       const char   *key,
                       const char   *value,
                       GError      **error)
{
  g_autofree char *label = NULL;
  g_autofree char *old = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  old = enlace_store_get_meta (self, key);
  if (g_strcmp0 (old, value) == 0)
    return TRUE;

  label = g_strdup_printf (_("Set document property “%s”"), key);
  if (!enlace_store_begin (self, label, error))
    return FALSE;
  if (value == NULL)
    stmt = enlace_store_prepare (self, "DELETE FROM meta WHERE key = ?1", error);
  else
    stmt = enlace_store_prepare (self,
                                 "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (self, error, label);
      goto fail;
    }
  return enlace_store_commit (self, error);

fail:
  enlace_store_rollback (self);
  return FALSE;
}

GStrv
enlace_store_list_meta (EnlaceStore *self)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);

  stmt = enlace_store_prepare (self, "SELECT key FROM meta ORDER BY key", NULL);
  if (stmt != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (keys, (const char *)sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (keys);
}
