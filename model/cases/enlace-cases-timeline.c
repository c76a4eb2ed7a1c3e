/* enlace-cases-timeline.c: the timeline of a case: its events, notes and
 * attachments
 */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-cases-private.h"

gint64
enlace_cases_write_event (EnlaceStore  *store,
                          gint64        case_id,
                          const char   *kind,
                          const char   *text,
                          gint64        attachment_id,
                          const char   *attachment_name,
                          const char   *attachment_mime,
                          GError      **error)
{
  g_autofree char *now = enlace_cases_now_iso ();
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (store,
                               "INSERT INTO case_event (case_id, at, who, kind, text, attachment_id, "
                               "attachment_name, attachment_mime) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  enlace_cases_bind_text (stmt, 3, enlace_store_get_user (store));
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_TRANSIENT);
  enlace_cases_bind_text (stmt, 5, text);
  enlace_cases_bind_id (stmt, 6, attachment_id);
  enlace_cases_bind_text (stmt, 7, attachment_name);
  enlace_cases_bind_text (stmt, 8, attachment_mime);
  if (!enlace_cases_run (store, stmt, _("Writing the case's timeline"), error))
    return 0;
  return sqlite3_last_insert_rowid (enlace_store_get_db (store));
}

gint64
enlace_case_add_note (EnlaceStore  *store,
                      gint64        case_id,
                      const char   *text,
                      GBytes       *attachment,
                      const char   *name,
                      const char   *mime,
                      GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autofree char *label = NULL;
  gint64 attachment_id = 0, event_id;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);

  if (!enlace_case_head_load (store, case_id, &h, error))
    return 0;
  if (!enlace_cases_check_text (h.folio, enlace_cases_text_ok (text) && enlace_cases_text_ok (name) && enlace_cases_text_ok (mime), error))
    return 0;
  if ((text == NULL || *text == '\0') && attachment == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: a note needs a text or an attachment"), h.folio);
      return 0;
    }
  if (attachment != NULL && g_bytes_get_size (attachment) > ENLACE_CASE_ATTACHMENT_MAX)
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (attachment));
      g_autofree char *max = g_format_size (ENLACE_CASE_ATTACHMENT_MAX);

      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the attachment “%s” is %s, larger than the limit of %s"),
                   h.folio, name ? name : "", size, max);
      return 0;
    }
  if (attachment != NULL && g_bytes_get_size (attachment) == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the attachment “%s” is empty"), h.folio, name ? name : "");
      return 0;
    }
  if (attachment != NULL && mime == NULL)
    mime = "application/octet-stream";

  label = attachment ? g_strdup_printf (_("%s: attach “%s”"), h.folio, name ? name : "")
                     : g_strdup_printf (_("%s: add a note"), h.folio);
  if (!enlace_store_begin (store, label, error))
    return 0;
  if (attachment != NULL)
    {
      attachment_id = enlace_store_add_attachment (store, attachment, mime, name, error);
      if (attachment_id == 0)
        goto fail;
    }
  event_id = enlace_cases_write_event (store, case_id, attachment ? "attachment" : "note",
                                       text && *text ? text : NULL, attachment_id, attachment ? name : NULL,
                                       attachment ? mime : NULL, error);
  if (event_id == 0)
    goto fail;
  if (!enlace_store_commit (store, error))
    return 0;
  return event_id;

fail:
  enlace_store_rollback (store);
  return 0;
}

gint64
enlace_case_add_event (EnlaceStore  *store,
                       gint64        case_id,
                       const char   *kind,
                       const char   *text,
                       GError      **error)
{
  static const char * const kinds[] = { "document", "sent", "note", "field", NULL };
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autofree char *label = NULL;
  gint64 event_id;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);
  g_return_val_if_fail (kind != NULL, 0);

  if (!enlace_cases_in_list (kinds, kind))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Unknown kind of timeline event “%s” (one of: document, sent, note, field)"), kind);
      return 0;
    }
  if (!enlace_case_head_load (store, case_id, &h, error))
    return 0;
  if (!enlace_cases_check_text (h.folio, enlace_cases_text_ok (text), error))
    return 0;
  label = g_strdup_printf (_("%s: %s"), h.folio, text ? text : kind);
  if (!enlace_store_begin (store, label, error))
    return 0;
  event_id = enlace_cases_write_event (store, case_id, kind, text, 0, NULL, NULL, error);
  if (event_id == 0)
    {
      enlace_store_rollback (store);
      return 0;
    }
  if (!enlace_store_commit (store, error))
    return 0;
  return event_id;
}
