/* enlace-cases-links.c: the links of a case to inventory objects and to
 * e-mail accounts
 */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-cases-private.h"

/* "outlet" is a device (the outlet itself); "email-account" the registry. */
static const char *
link_table (const char *kind)
{
  static const struct { const char *kind; const char *table; } map[] = {
    { "outlet", "device" }, { "device", "device" }, { "port", "port" },
    { "extension", "extension" }, { "circuit", "circuit" }, { "cable", "cable" },
    { "space", "space" }, { "rack", "rack" }, { "email_account", "email_account" },
    { "person", "person" }, { "area", "area" }, { "building", "building" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (kind, map[i].kind) == 0)
      return map[i].table;
  return NULL;
}

const char *
enlace_cases_normal_kind (const char *kind)
{
  if (g_strcmp0 (kind, "email-account") == 0)
    return "email_account";
  return kind;
}

/* The readable key of a linked object. */
char *
enlace_cases_link_key (EnlaceStore *store,
                       const char  *kind,
                       gint64       id)
{
  if (g_strcmp0 (kind, "email_account") == 0 || g_strcmp0 (kind, "email-account") == 0)
    return enlace_cases_query_text (store, "SELECT address FROM email_account WHERE id = ?1", id);
  if (g_strcmp0 (kind, "outlet") == 0)
    return enlace_store_dup_key (store, "device", id);
  if (g_strcmp0 (kind, "space") == 0)
    return enlace_cases_query_text (store,
                                    "SELECT b.code || '/' || f.level || '/' || s.code FROM space s "
                                    "JOIN floor f ON f.id = s.floor_id JOIN building b ON b.id = f.building_id WHERE s.id = ?1",
                                    id);
  return enlace_store_dup_key (store, kind, id);
}

gboolean
enlace_cases_link_object (EnlaceStore  *store,
                          gint64        case_id,
                          const char   *kind,
                          gint64        object_id,
                          gboolean      with_event,
                          GError      **error)
{
  const char *table = link_table (kind);
  g_autofree char *sql = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;

  if (table == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("A case cannot be linked to a “%s” (outlet, port, device, extension, circuit, cable, space, rack, email_account)"),
                   kind);
      return FALSE;
    }
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  if (!enlace_cases_exists (store, sql, object_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("No %s #%lld to link the case to"), kind, (long long) object_id);
      return FALSE;
    }
  stmt = enlace_store_prepare (store,
                               "INSERT INTO case_link (case_id, kind, object_id) VALUES (?1, ?2, ?3) "
                               "ON CONFLICT DO NOTHING",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, object_id);
  if (!enlace_cases_run (store, stmt, _("Linking a case"), error))
    return FALSE;
  if (with_event && sqlite3_changes (enlace_store_get_db (store)) > 0)
    {
      g_autofree char *text = NULL;

      key = enlace_cases_link_key (store, kind, object_id);
      text = g_strdup_printf (_("Linked to %s %s"), kind, key ? key : "?");
      if (enlace_cases_write_event (store, case_id, "link", text, 0, NULL, NULL, error) == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
enlace_case_link (EnlaceStore  *store,
                  gint64        case_id,
                  const char   *kind,
                  gint64        object_id,
                  GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autofree char *label = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  kind = enlace_cases_normal_kind (kind);
  if (!enlace_case_head_load (store, case_id, &h, error))
    return FALSE;
  label = g_strdup_printf (_("%s: link to %s #%lld"), h.folio, kind, (long long) object_id);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  if (!enlace_cases_link_object (store, case_id, kind, object_id, TRUE, error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}

gboolean
enlace_case_unlink (EnlaceStore  *store,
                    gint64        case_id,
                    const char   *kind,
                    gint64        object_id,
                    GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autofree char *label = NULL;
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  kind = enlace_cases_normal_kind (kind);
  if (!enlace_case_head_load (store, case_id, &h, error))
    return FALSE;
  label = g_strdup_printf (_("%s: unlink %s #%lld"), h.folio, kind, (long long) object_id);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  stmt = enlace_store_prepare (store, "DELETE FROM case_link WHERE case_id = ?1 AND kind = ?2 AND object_id = ?3",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, object_id);
  if (!enlace_cases_run (store, stmt, label, error))
    goto fail;
  if (sqlite3_changes (enlace_store_get_db (store)) == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("%s is not linked to %s #%lld"), h.folio, kind, (long long) object_id);
      goto fail;
    }
  key = enlace_cases_link_key (store, kind, object_id);
  text = g_strdup_printf (_("Unlinked from %s %s"), kind, key ? key : "?");
  if (enlace_cases_write_event (store, case_id, "link", text, 0, NULL, NULL, error) == 0)
    goto fail;
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}
