/* enlace-store-undo-info.c: what undo would act on, said before it acts
 *
 * A front end shows the command undo would undo ("Undo “Connect” (today
 * 10:32)") and asks first when it is older than this session, large or a
 * bulk insert, so that a stray Ctrl+Z never removes a campus.  The undo
 * itself is in enlace-store-undo.c (enlace_store_undo_command).
 */
#define G_LOG_DOMAIN "enlace-store"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-store-private.h"

void
enlace_undo_info_free (EnlaceUndoInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->label);
  g_free (info->author);
  g_clear_pointer (&info->at, g_date_time_unref);
  g_free (info);
}

/* Rows a command wrote: one per change, except bulk ranges
 * ({"$range":[FIRST,LAST]}, see enlace_store_end_bulk) that count each
 * row of the range. */
static gboolean
count_rows (EnlaceStore    *store,
            EnlaceUndoInfo *info,
            GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (store,
                               "SELECT coalesce(sum(CASE WHEN before IS NULL AND after LIKE '{\"$range\"%' "
                               "  THEN json_extract(after, '$.\"$range\"[1]') - json_extract(after, '$.\"$range\"[0]') + 1 "
                               "  ELSE 1 END), 0), "
                               " coalesce(max(before IS NULL AND after LIKE '{\"$range\"%'), 0) "
                               "FROM change WHERE command_id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, info->command_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      enlace_store_set_sql_error (store, error, _("Reading the audit log"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  info->n_rows = (guint64) MAX (sqlite3_column_int64 (stmt, 0), 0);
  info->bulk = sqlite3_column_int (stmt, 1) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}

EnlaceUndoInfo *
enlace_store_get_command_info (EnlaceStore  *self,
                               gint64        command_id,
                               GError      **error)
{
  g_autoptr(EnlaceUndoInfo) info = NULL;
  g_autoptr(GDateTime) utc = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);

  stmt = enlace_store_prepare (self, "SELECT label, user, at FROM command WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, command_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("Command %lld is not in the audit log"), (long long) command_id);
      return NULL;
    }
  info = g_new0 (EnlaceUndoInfo, 1);
  info->command_id = command_id;
  info->label = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  info->author = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  utc = g_date_time_new_from_iso8601 ((const char *)sqlite3_column_text (stmt, 2), NULL);
  sqlite3_reset (stmt);
  if (utc == NULL)
    utc = g_date_time_new_from_unix_utc (0);
  info->at = g_date_time_to_local (utc);

  if (!count_rows (self, info, error))
    return NULL;
  info->before_session = command_id <= enlace_store_get_session_start (self);
  info->needs_confirmation = info->before_session || info->bulk ||
                             info->n_rows > ENLACE_UNDO_CONFIRM_ROWS;
  return g_steal_pointer (&info);
}

EnlaceUndoInfo *
enlace_store_get_undo_info (EnlaceStore *self)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);

  if (enlace_store_is_read_only (self))
    return NULL;
  stmt = enlace_store_prepare (self,
                               "SELECT id FROM command WHERE kind = 'do' AND undone = 0 "
                               "ORDER BY id DESC LIMIT 1",
                               NULL);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    return NULL;
  return enlace_store_get_command_info (self, id, NULL);
}

char *
enlace_format_when (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *hm = NULL;
  int y, m, d, ny, nm, nd;

  g_return_val_if_fail (when != NULL, NULL);

  local = g_date_time_to_local (when);
  now = g_date_time_new_now_local ();
  hm = g_date_time_format (local, "%H:%M");
  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_time_get_ymd (now, &ny, &nm, &nd);
  if (y == ny && m == nm && d == nd)
    /* Translators: when a command was done, "today 10:32" */
    return g_strdup_printf (_("today %s"), hm);
  {
    g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

    g_date_time_get_ymd (yesterday, &ny, &nm, &nd);
    if (y == ny && m == nm && d == nd)
      /* Translators: when a command was done, "yesterday 18:02" */
      return g_strdup_printf (_("yesterday %s"), hm);
  }
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

char *
enlace_undo_info_dup_action_label (const EnlaceUndoInfo *info)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  when = enlace_format_when (info->at);
  /* Translators: the undo button's tooltip, "Undo “Connect” (today 10:32)" */
  return g_strdup_printf (_("Undo “%s” (%s)"), info->label, when);
}

char *
enlace_undo_info_dup_warning (const EnlaceUndoInfo *info)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *when = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  when = enlace_format_when (info->at);
  if (info->before_session)
    /* Translators: "“Demo campus” was done before this file was opened
     * (yesterday 18:02, by Ana Gómez)." */
    g_string_printf (s, _("“%s” was done before this file was opened (%s, by %s)."),
                     info->label, when, info->author ? info->author : "?");
  else
    g_string_printf (s, _("“%s” was done %s by %s."),
                     info->label, when, info->author ? info->author : "?");
  g_string_append_c (s, ' ');
  if (info->bulk)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                            "It added %llu row at once (an import, the demo or the generator).",
                                            "It added %llu rows at once (an import, the demo or the generator).",
                                            (gulong) MIN (info->n_rows, G_MAXULONG)),
                            (unsigned long long) info->n_rows);
  else
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                            "It changed %llu row.",
                                            "It changed %llu rows.",
                                            (gulong) MIN (info->n_rows, G_MAXULONG)),
                            (unsigned long long) info->n_rows);
  return g_string_free (g_steal_pointer (&s), FALSE);
}
