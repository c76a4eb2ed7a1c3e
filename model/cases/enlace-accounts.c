/* enlace-accounts.c: the registry of e-mail accounts
 *
 * An account is created by the "create-account" step of a case and
 * marked removed by a "remove-account" step: it stays in the registry
 * with the folios of both cases.  Enlace never stores a password.
 */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-cases-private.h"

void
enlace_email_account_free (EnlaceEmailAccount *self)
{
  if (self == NULL)
    return;
  g_free (self->address);
  g_free (self->holder);
  g_free (self->area);
  g_free (self->status);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->removed_at, g_date_time_unref);
  g_free (self->removal_motive);
  g_free (self->created_folio);
  g_free (self->removed_folio);
  g_free (self->delivered_to);
  g_free (self->delivered_at);
  g_free (self);
}

#define ACCOUNT_SELECT \
  "SELECT e.id, e.address, e.holder_id, p.name, e.area_id, a.name, e.status, e.created_at, e.removed_at, " \
  "e.removal_motive, cc.folio, rc.folio, e.delivered_to, e.delivered_at FROM email_account e " \
  "LEFT JOIN person p ON p.id = e.holder_id LEFT JOIN area a ON a.id = e.area_id " \
  "LEFT JOIN case_file cc ON cc.id = e.created_case_id LEFT JOIN case_file rc ON rc.id = e.removed_case_id "

static EnlaceEmailAccount *
account_from_stmt (sqlite3_stmt *stmt)
{
  EnlaceEmailAccount *a = g_new0 (EnlaceEmailAccount, 1);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->address = enlace_cases_dup_column (stmt, 1);
  a->holder_id = sqlite3_column_int64 (stmt, 2);
  a->holder = enlace_cases_dup_column (stmt, 3);
  a->area_id = sqlite3_column_int64 (stmt, 4);
  a->area = enlace_cases_dup_column (stmt, 5);
  a->status = enlace_cases_dup_column (stmt, 6);
  a->created_at = enlace_cases_parse_iso ((const char *) sqlite3_column_text (stmt, 7));
  a->removed_at = enlace_cases_parse_iso ((const char *) sqlite3_column_text (stmt, 8));
  a->removal_motive = enlace_cases_dup_column (stmt, 9);
  a->created_folio = enlace_cases_dup_column (stmt, 10);
  a->removed_folio = enlace_cases_dup_column (stmt, 11);
  a->delivered_to = enlace_cases_dup_column (stmt, 12);
  a->delivered_at = enlace_cases_dup_column (stmt, 13);
  return a;
}

GPtrArray *
enlace_email_accounts_list (EnlaceStore  *store,
                            const char   *text,
                            gboolean      include_removed,
                            GError      **error)
{
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_email_account_free);
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  stmt = enlace_store_prepare (store,
                               ACCOUNT_SELECT
                               "WHERE (?1 OR e.status = 'active') AND (?2 IS NULL OR e.address LIKE ?2 "
                               "OR p.name LIKE ?2 OR a.name LIKE ?2) ORDER BY lower(e.address), e.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_removed ? 1 : 0);
  if (text != NULL && *text != '\0')
    {
      pattern = g_strdup_printf ("%%%s%%", text);
      sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_TRANSIENT);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ret, account_from_stmt (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Listing e-mail accounts"));
      return NULL;
    }
  return g_steal_pointer (&ret);
}

EnlaceEmailAccount *
enlace_email_account_get (EnlaceStore  *store,
                          gint64        id,
                          GError      **error)
{
  EnlaceEmailAccount *a = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  stmt = enlace_store_prepare (store, ACCOUNT_SELECT "WHERE e.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    a = account_from_stmt (stmt);
  sqlite3_reset (stmt);
  if (a == NULL)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                 _("No e-mail account #%lld"), (long long) id);
  return a;
}

/* The active account with that address, else the newest removed one. */
gint64
enlace_email_account_lookup (EnlaceStore  *store,
                             const char   *address,
                             GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);
  g_return_val_if_fail (address != NULL, 0);

  stmt = enlace_store_prepare (store,
                               "SELECT id FROM email_account WHERE lower(address) = lower(?1) "
                               "ORDER BY status = 'active' DESC, id DESC LIMIT 1",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, address, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                 _("No e-mail account “%s” in the registry"), address);
  return id;
}

gboolean
enlace_email_address_check (EnlaceStore  *store,
                            const char   *address,
                            GError      **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *holder = NULL;
  g_autofree char *folio = NULL;
  gboolean taken = FALSE;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (address == NULL ||
      !g_regex_match_simple ("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$", address, 0, 0))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("“%s” is not a well-formed e-mail address (name@domain)"), address ? address : "");
      return FALSE;
    }
  stmt = enlace_store_prepare (store,
                               "SELECT p.name, c.folio FROM email_account e LEFT JOIN person p ON p.id = e.holder_id "
                               "LEFT JOIN case_file c ON c.id = e.created_case_id "
                               "WHERE lower(e.address) = lower(?1) AND e.status = 'active'",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, address, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      taken = TRUE;
      holder = enlace_cases_dup_column (stmt, 0);
      folio = enlace_cases_dup_column (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (taken)
    {
      if (folio != NULL)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT,
                     _("The address “%s” is taken: an active account of %s (case %s)"),
                     address, holder ? holder : "?", folio);
      else
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT,
                     _("The address “%s” is taken: an active account of %s"),
                     address, holder ? holder : "?");
      return FALSE;
    }
  return TRUE;
}

gint64
enlace_email_account_insert (EnlaceStore  *store,
                             const char   *address,
                             gint64        holder_id,
                             gint64        area_id,
                             gint64        case_id,
                             const char   *delivered_to,
                             const char   *delivered_at,
                             GError      **error)
{
  g_autofree char *now = enlace_cases_now_iso ();
  sqlite3_stmt *stmt;

  if (!enlace_email_address_check (store, address, error))
    return 0;
  stmt = enlace_store_prepare (store,
                               "INSERT INTO email_account (address, holder_id, area_id, status, created_at, "
                               "created_case_id, delivered_to, delivered_at) VALUES (?1, ?2, ?3, 'active', ?4, ?5, ?6, ?7)",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, address, -1, SQLITE_TRANSIENT);
  if (holder_id > 0)
    sqlite3_bind_int64 (stmt, 2, holder_id);
  if (area_id > 0)
    sqlite3_bind_int64 (stmt, 3, area_id);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (case_id > 0)
    sqlite3_bind_int64 (stmt, 5, case_id);
  if (delivered_to)
    sqlite3_bind_text (stmt, 6, delivered_to, -1, SQLITE_TRANSIENT);
  if (delivered_at)
    sqlite3_bind_text (stmt, 7, delivered_at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, address);
      sqlite3_reset (stmt);
      return 0;
    }
  sqlite3_reset (stmt);
  return sqlite3_last_insert_rowid (enlace_store_get_db (store));
}

gboolean
enlace_email_account_remove (EnlaceStore  *store,
                             gint64        account_id,
                             const char   *motive,
                             gint64        case_id,
                             GError      **error)
{
  g_autofree char *now = enlace_cases_now_iso ();
  g_autofree char *address = NULL;
  g_autofree char *status = NULL;
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (store, "SELECT address, status FROM email_account WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      address = enlace_cases_dup_column (stmt, 0);
      status = enlace_cases_dup_column (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (address == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("No e-mail account #%lld"), (long long) account_id);
      return FALSE;
    }
  if (g_strcmp0 (status, "active") != 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("The account “%s” is already removed"), address);
      return FALSE;
    }
  stmt = enlace_store_prepare (store,
                               "UPDATE email_account SET status = 'removed', removed_at = ?2, removal_motive = ?3, "
                               "removed_case_id = ?4 WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (motive)
    sqlite3_bind_text (stmt, 3, motive, -1, SQLITE_TRANSIENT);
  if (case_id > 0)
    sqlite3_bind_int64 (stmt, 4, case_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, address);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}
