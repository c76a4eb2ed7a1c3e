/* enlace-cases-status.c: the status of a case (its allowed transitions),
 * its assignee and its priority
 */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-cases-private.h"
#include "enlace-faulty.h"

/* ------------------------------------------------------------------ */
/* Status                                                             */

gboolean
enlace_case_status_allowed (EnlaceCaseStatus from,
                            EnlaceCaseStatus to)
{
  switch (from)
    {
    case ENLACE_CASE_NEW:
      return to == ENLACE_CASE_IN_PROGRESS || to == ENLACE_CASE_CANCELLED;
    case ENLACE_CASE_IN_PROGRESS:
      return to == ENLACE_CASE_WAITING || to == ENLACE_CASE_RESOLVED || to == ENLACE_CASE_CANCELLED;
    case ENLACE_CASE_WAITING:
      return to == ENLACE_CASE_IN_PROGRESS || to == ENLACE_CASE_RESOLVED || to == ENLACE_CASE_CANCELLED;
    case ENLACE_CASE_RESOLVED:
      return to == ENLACE_CASE_CLOSED || to == ENLACE_CASE_IN_PROGRESS;
    case ENLACE_CASE_CLOSED:
    case ENLACE_CASE_CANCELLED:
    default:
      return FALSE;
    }
}

gboolean
enlace_cases_set_status_row (EnlaceStore       *store,
                             EnlaceCaseHead    *h,
                             EnlaceCaseStatus   to,
                             const char        *reason,
                             GError           **error)
{
  g_autofree char *now = enlace_cases_now_iso ();
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (store,
                               "UPDATE case_file SET status = ?2, "
                               "resolved_at = CASE WHEN ?2 = 'resolved' THEN ?3 WHEN ?2 IN ('closed','cancelled') THEN resolved_at ELSE NULL END, "
                               "closed_at = CASE WHEN ?2 IN ('closed','cancelled') THEN ?3 ELSE NULL END, "
                               "cancel_reason = CASE WHEN ?2 = 'cancelled' THEN ?4 ELSE cancel_reason END "
                               "WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, h->id);
  sqlite3_bind_text (stmt, 2, enlace_case_status_to_string (to), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  enlace_cases_bind_text (stmt, 4, reason);
  if (!enlace_cases_run (store, stmt, h->folio, error))
    return FALSE;
  if (reason != NULL && *reason != '\0')
    /* Translators: Status: OLD → NEW (REASON) */
    text = g_strdup_printf (_("Status: %s → %s (%s)"), enlace_case_status_label (h->status),
                            enlace_case_status_label (to), reason);
  else
    text = g_strdup_printf (_("Status: %s → %s"), enlace_case_status_label (h->status),
                            enlace_case_status_label (to));
  if (enlace_cases_write_event (store, h->id, "status", text, 0, NULL, NULL, error) == 0)
    return FALSE;
  /* resolved: the cables and ports it marked faulty are repaired */
  if (to == ENLACE_CASE_RESOLVED && enlace_faulty_clear_case (store, h->id, error) < 0)
    return FALSE;
  h->status = to;
  return TRUE;
}

static const char *
status_verb (EnlaceCaseStatus to)
{
  switch (to)
    {
    case ENLACE_CASE_IN_PROGRESS:
      return _("put in progress");
    case ENLACE_CASE_WAITING:
      return _("put on hold");
    case ENLACE_CASE_RESOLVED:
      return _("resolved");
    case ENLACE_CASE_CLOSED:
      return _("closed");
    case ENLACE_CASE_CANCELLED:
      return _("cancelled");
    case ENLACE_CASE_NEW:
    default:
      return _("made new again");
    }
}

gboolean
enlace_case_set_status (EnlaceStore       *store,
                        gint64             case_id,
                        EnlaceCaseStatus   status,
                        const char        *reason,
                        GError           **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autofree char *label = NULL;
  g_autofree char *why = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (status <= ENLACE_CASE_CANCELLED, FALSE);

  if (!enlace_case_head_load (store, case_id, &h, error))
    return FALSE;
  if (!enlace_cases_check_text (h.folio, enlace_cases_text_ok (reason), error))
    return FALSE;

  if (h.status == status)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the case is already %s"), h.folio, enlace_case_status_label (status));
      return FALSE;
    }
  if (!enlace_case_status_allowed (h.status, status))
    {
      if (h.status == ENLACE_CASE_CLOSED || h.status == ENLACE_CASE_CANCELLED)
        why = g_strdup_printf (_("a case that is %s does not change any more"),
                               enlace_case_status_label (h.status));
      else if (h.status == ENLACE_CASE_NEW && status == ENLACE_CASE_RESOLVED)
        why = g_strdup (_("it has not been started (put it in progress first)"));
      else if (status == ENLACE_CASE_CLOSED)
        why = g_strdup (_("only a resolved case can be closed"));
      else if (status == ENLACE_CASE_CANCELLED)
        why = g_strdup (_("only an open case can be cancelled"));
      else
        why = g_strdup_printf (_("a case that is %s cannot become %s"),
                               enlace_case_status_label (h.status), enlace_case_status_label (status));
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the case cannot be %s: %s"), h.folio, status_verb (status), why);
      return FALSE;
    }
  if (status == ENLACE_CASE_CANCELLED)
    {
      g_autofree char *stripped = reason ? g_strstrip (g_strdup (reason)) : NULL;

      if (stripped == NULL || *stripped == '\0')
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: the case cannot be cancelled without a reason"), h.folio);
          return FALSE;
        }
    }
  if (status == ENLACE_CASE_RESOLVED)
    {
      sqlite3_stmt *stmt = enlace_store_prepare (store,
                                                 "SELECT ps.position, ps.title, cs.result FROM case_step cs "
                                                 "JOIN procedure_step ps ON ps.id = cs.step_id "
                                                 "WHERE cs.case_id = ?1 AND ps.required = 1 "
                                                 "AND cs.result NOT IN ('done','na') ORDER BY ps.seq LIMIT 1",
                                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          guint position = sqlite3_column_int (stmt, 0);
          g_autofree char *title = enlace_cases_dup_column (stmt, 1);
          gboolean failed = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "failed") == 0;

          sqlite3_reset (stmt);
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       failed ? _("%s: the case cannot be resolved: step %u “%s” failed")
                              : _("%s: the case cannot be resolved: step %u “%s” is not done"),
                       h.folio, position, title);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  label = g_strdup_printf (_("%s: %s"), h.folio, enlace_case_status_label (status));
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  if (!enlace_cases_set_status_row (store, &h, status, reason, error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}

/* ------------------------------------------------------------------ */
/* Assignee, priority                                                 */

gboolean
enlace_case_assign (EnlaceStore  *store,
                    gint64        case_id,
                    gint64        person_id,
                    GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *old = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!enlace_case_head_load (store, case_id, &h, error))
    return FALSE;
  if (!enlace_cases_check_person (store, person_id, _("assignee"), error))
    return FALSE;
  old = enlace_cases_query_text (store, "SELECT assignee_id FROM case_file WHERE id = ?1", case_id);
  if ((old == NULL && person_id <= 0) || (old != NULL && g_ascii_strtoll (old, NULL, 10) == person_id))
    return TRUE;
  if (h.status == ENLACE_CASE_CLOSED || h.status == ENLACE_CASE_CANCELLED)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the case is %s: it cannot be assigned"), h.folio, enlace_case_status_label (h.status));
      return FALSE;
    }
  name = person_id > 0 ? enlace_cases_query_text (store, "SELECT name FROM person WHERE id = ?1", person_id) : NULL;
  text = name ? g_strdup_printf (_("Assigned to %s"), name) : g_strdup (_("Nobody is assigned"));
  label = g_strdup_printf (_("%s: %s"), h.folio, text);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  stmt = enlace_store_prepare (store, "UPDATE case_file SET assignee_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  enlace_cases_bind_id (stmt, 2, person_id);
  if (!enlace_cases_run (store, stmt, h.folio, error) ||
      enlace_cases_write_event (store, case_id, "assign", text, 0, NULL, NULL, error) == 0)
    goto fail;
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}

static const char *
priority_label (const char *p)
{
  if (g_strcmp0 (p, "low") == 0)
    return C_("priority", "Low");
  if (g_strcmp0 (p, "high") == 0)
    return C_("priority", "High");
  if (g_strcmp0 (p, "urgent") == 0)
    return C_("priority", "Urgent");
  return C_("priority", "Normal");
}

gboolean
enlace_case_set_priority (EnlaceStore  *store,
                          gint64        case_id,
                          const char   *priority,
                          GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autofree char *old = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!enlace_cases_in_list (enlace_cases_priorities, priority))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Unknown priority “%s” (one of: low, normal, high, urgent)"), priority ? priority : "");
      return FALSE;
    }
  if (!enlace_case_head_load (store, case_id, &h, error))
    return FALSE;
  old = enlace_cases_query_text (store, "SELECT priority FROM case_file WHERE id = ?1", case_id);
  if (g_strcmp0 (old, priority) == 0)
    return TRUE;
  text = g_strdup_printf (_("Priority: %s → %s"), priority_label (old), priority_label (priority));
  label = g_strdup_printf (_("%s: %s"), h.folio, text);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  stmt = enlace_store_prepare (store, "UPDATE case_file SET priority = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, priority, -1, SQLITE_TRANSIENT);
  if (!enlace_cases_run (store, stmt, h.folio, error) ||
      enlace_cases_write_event (store, case_id, "field", text, 0, NULL, NULL, error) == 0)
    goto fail;
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}
