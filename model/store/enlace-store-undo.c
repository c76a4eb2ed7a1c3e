/* enlace-store-undo.c: undo and redo of the commands of an EnlaceStore
 *
 * Undo replays the row images a command recorded in the `change` table
 * backwards, inside a new command of kind "undo" (whose own images are
 * recorded the same way); redo replays the images of that undo backwards.
 * Bulk commands recorded id ranges instead: undo deletes those rows.
 */
#define G_LOG_DOMAIN "enlace-store"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-json-bounds.h"
#include "enlace-store-internal.h"

/* Applies the inverse of one recorded change. */
static gboolean
apply_inverse (EnlaceStore  *self,
               const char   *table,
               gint64        row_id,
               const char   *before,
               const char   *after,
               GError      **error)
{
  const char * const *cols = enlace_store_table_columns (self, table);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  if (cols == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                   "unknown table %s in the audit log", table);
      return FALSE;
    }

  if (before == NULL && after != NULL && g_str_has_prefix (after, "{\"$range\""))
    {
      g_autoptr(JsonNode) node = enlace_json_within_bounds (after, -1, NULL) ? json_from_string (after, NULL) : NULL;
      JsonArray *range;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
          (range = json_object_get_array_member (json_node_get_object (node), "$range")) == NULL ||
          json_array_get_length (range) != 2)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_DAMAGED,
                       _("The audit log is damaged"));
          return FALSE;
        }
      g_string_printf (sql, "DELETE FROM %s WHERE rowid BETWEEN ?1 AND ?2", table);
      stmt = enlace_store_prepare (self, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, json_array_get_int_element (range, 0));
      sqlite3_bind_int64 (stmt, 2, json_array_get_int_element (range, 1));
    }
  else if (before == NULL)
    {
      g_string_printf (sql, "DELETE FROM %s WHERE rowid = ?1", table);
      stmt = enlace_store_prepare (self, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row_id);
    }
  else if (after == NULL)
    {
      g_string_printf (sql, "INSERT INTO %s (rowid", table);
      for (guint i = 0; cols[i]; i++)
        g_string_append_printf (sql, ", \"%s\"", cols[i]);
      g_string_append (sql, ") SELECT ?1");
      for (guint i = 0; cols[i]; i++)
        g_string_append_printf (sql, ", json_extract(?2, '$.%s')", cols[i]);
      stmt = enlace_store_prepare (self, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row_id);
      sqlite3_bind_text (stmt, 2, before, -1, SQLITE_TRANSIENT);
    }
  else
    {
      g_string_printf (sql, "UPDATE %s SET ", table);
      for (guint i = 0; cols[i]; i++)
        g_string_append_printf (sql, "%s\"%s\" = json_extract(?2, '$.%s')", i ? ", " : "", cols[i], cols[i]);
      g_string_append (sql, " WHERE rowid = ?1");
      stmt = enlace_store_prepare (self, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row_id);
      sqlite3_bind_text (stmt, 2, before, -1, SQLITE_TRANSIENT);
    }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (self, error, _("Undoing a change"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

typedef struct
{
  char   *table;
  gint64  row_id;
  char   *before;
  char   *after;
} Image;

static void
image_clear (gpointer data)
{
  Image *img = data;

  g_free (img->table);
  g_free (img->before);
  g_free (img->after);
}

static gboolean
replay_backwards (EnlaceStore  *self,
                  gint64        command_id,
                  GError      **error)
{
  g_autoptr(GArray) images = g_array_new (FALSE, FALSE, sizeof (Image));
  sqlite3_stmt *stmt;

  g_array_set_clear_func (images, image_clear);

  stmt = enlace_store_prepare (self,
                               "SELECT tbl, row_id, before, after FROM change "
                               "WHERE command_id = ?1 ORDER BY seq DESC",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, command_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Image img;

      img.table = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      img.row_id = sqlite3_column_int64 (stmt, 1);
      img.before = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      img.after = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      g_array_append_val (images, img);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < images->len; i++)
    {
      Image *img = &g_array_index (images, Image, i);

      if (!apply_inverse (self, img->table, img->row_id, img->before, img->after, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
undo_target (EnlaceStore  *self,
             char        **label)
{
  sqlite3_stmt *stmt = enlace_store_prepare (self,
                                             "SELECT id, label FROM command WHERE kind = 'do' AND undone = 0 "
                                             "ORDER BY id DESC LIMIT 1",
                                             NULL);
  gint64 id = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (label)
        *label = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  if (stmt)
    sqlite3_reset (stmt);
  return id;
}

static gint64
redo_target (EnlaceStore  *self,
             char        **label)
{
  sqlite3_stmt *stmt = enlace_store_prepare (self,
                                             "SELECT id, label FROM command WHERE kind = 'do' AND undone = 1 "
                                             "ORDER BY id ASC LIMIT 1",
                                             NULL);
  gint64 id = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (label)
        *label = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  if (stmt)
    sqlite3_reset (stmt);
  return id;
}

gboolean
enlace_store_can_undo (EnlaceStore *self)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);
  return !enlace_store_is_read_only (self) && undo_target (self, NULL) > 0;
}

gboolean
enlace_store_can_redo (EnlaceStore *self)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);
  return !enlace_store_is_read_only (self) && redo_target (self, NULL) > 0;
}

char *
enlace_store_dup_undo_label (EnlaceStore *self)
{
  char *label = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);
  undo_target (self, &label);
  return label;
}

char *
enlace_store_dup_redo_label (EnlaceStore *self)
{
  char *label = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);
  redo_target (self, &label);
  return label;
}

static gboolean
mark_undone (EnlaceStore  *self,
             gint64        id,
             int           undone,
             GError      **error)
{
  sqlite3_stmt *stmt = enlace_store_prepare (self, "UPDATE command SET undone = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, undone);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (self, error, _("Writing the audit log"));
      return FALSE;
    }
  return TRUE;
}

/* The label of command @id, NULL when there is none. */
static char *
command_label (EnlaceStore *self,
               gint64       id,
               gboolean    *undone)
{
  sqlite3_stmt *stmt = enlace_store_prepare (self, "SELECT label, undone <> 0 OR kind <> 'do' FROM command WHERE id = ?1", NULL);
  char *label = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      label = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      *undone = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  return label;
}

/* Undoes the newest command not undone; when @expected > 0, only if that
 * is command @expected (an undo bound to its command refuses otherwise). */
static gboolean
undo_full (EnlaceStore  *self,
           gint64        expected,
           GError      **error)
{
  g_autofree char *label = NULL;
  g_autofree char *undo_label = NULL;
  gint64 target;

  if (!enlace_store_begin_full (self, _("Undo"), "undo", 0, error))
    return FALSE;
  target = undo_target (self, &label);
  if (target == 0)
    {
      enlace_store_rollback (self);
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOTHING,
                   _("There is nothing to undo"));
      return FALSE;
    }
  if (expected > 0 && target != expected)
    {
      gboolean undone = FALSE;
      g_autofree char *wanted = command_label (self, expected, &undone);

      enlace_store_rollback (self);
      if (wanted == NULL)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     _("Command %lld is not in the audit log"), (long long) expected);
      else if (undone)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT,
                     _("“%s” cannot be undone: it is already undone, or is itself an undo or a redo"), wanted);
      else
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT,
                     _("“%s” cannot be undone: “%s” was done after it; undo that first"),
                     wanted, label);
      return FALSE;
    }
  undo_label = g_strdup_printf (_("Undo: %s"), label);
  if (!enlace_store_set_command_target (self, undo_label, target, error) ||
      !replay_backwards (self, target, error) ||
      !mark_undone (self, target, 1, error))
    {
      enlace_store_rollback (self);
      return FALSE;
    }
  return enlace_store_commit (self, error);
}

/* Undo and redo choose their target after BEGIN IMMEDIATE: another
 * process may have committed a command between the moment a caller
 * looked (can_undo, the menu's label) and the moment the write lock is
 * held, and that newer command is the one to undo. */
gboolean
enlace_store_undo (EnlaceStore  *self,
                   GError      **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);
  g_return_val_if_fail (!enlace_store_in_command (self), FALSE);

  return undo_full (self, 0, error);
}

gboolean
enlace_store_undo_command (EnlaceStore  *self,
                           gint64        command_id,
                           GError      **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);
  g_return_val_if_fail (!enlace_store_in_command (self), FALSE);
  g_return_val_if_fail (command_id > 0, FALSE);

  return undo_full (self, command_id, error);
}

/* Redoes the oldest undone command; when @expected > 0, only if that is
 * command @expected. */
static gboolean
redo_full (EnlaceStore  *self,
           gint64        expected,
           GError      **error)
{
  g_autofree char *label = NULL;
  g_autofree char *redo_label = NULL;
  sqlite3_stmt *stmt;
  gint64 target, undo_id = 0;

  if (!enlace_store_begin_full (self, _("Redo"), "redo", 0, error))
    return FALSE;
  target = redo_target (self, &label);
  if (target == 0)
    {
      enlace_store_rollback (self);
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOTHING,
                   _("There is nothing to redo"));
      return FALSE;
    }
  if (expected > 0 && target != expected)
    {
      gboolean undone = FALSE;
      g_autofree char *wanted = command_label (self, expected, &undone);

      enlace_store_rollback (self);
      if (wanted == NULL)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     _("Command %lld is not in the audit log"), (long long) expected);
      else
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT,
                     _("“%s” cannot be redone: the file changed in the meantime (another program redid it, "
                       "or a newer command made it impossible to redo)"), wanted);
      return FALSE;
    }
  stmt = enlace_store_prepare (self,
                               "SELECT id FROM command WHERE kind = 'undo' AND target = ?1 ORDER BY id DESC LIMIT 1",
                               error);
  if (stmt == NULL)
    {
      enlace_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, target);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    undo_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (undo_id == 0)
    {
      enlace_store_rollback (self);
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_DAMAGED,
                   _("The audit log is damaged: the undo of “%s” is missing"), label);
      return FALSE;
    }

  redo_label = g_strdup_printf (_("Redo: %s"), label);
  if (!enlace_store_set_command_target (self, redo_label, target, error) ||
      !replay_backwards (self, undo_id, error) ||
      !mark_undone (self, target, 0, error))
    {
      enlace_store_rollback (self);
      return FALSE;
    }
  return enlace_store_commit (self, error);
}

gboolean
enlace_store_redo (EnlaceStore  *self,
                   GError      **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);
  g_return_val_if_fail (!enlace_store_in_command (self), FALSE);

  return redo_full (self, 0, error);
}

gboolean
enlace_store_redo_command (EnlaceStore  *self,
                           gint64        command_id,
                           GError      **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);
  g_return_val_if_fail (!enlace_store_in_command (self), FALSE);
  g_return_val_if_fail (command_id > 0, FALSE);

  return redo_full (self, command_id, error);
}

gint64
enlace_store_peek_undo (EnlaceStore  *self,
                        char        **label)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), 0);
  return undo_target (self, label);
}

gint64
enlace_store_peek_redo (EnlaceStore  *self,
                        char        **label)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), 0);
  return redo_target (self, label);
}
