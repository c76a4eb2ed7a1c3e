/* enlace-extension-history.c: an extension's status history and the
 * changes of status made through a case.  See enlace-extension-history.h. */
#define G_LOG_DOMAIN "enlace-extension-history"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-cases-private.h"
#include "enlace-cases-xml.h"
#include "enlace-extension-history.h"
#include "enlace-kinds.h"
#include "enlace-xml.h"

void
enlace_extension_change_free (EnlaceExtensionChange *self)
{
  if (self == NULL)
    return;
  g_free (self->at);
  g_free (self->status);
  g_free (self->reason);
  g_free (self->folio);
  g_free (self);
}

JsonObject *
enlace_extension_change_to_json (const EnlaceExtensionChange *self)
{
  JsonObject *o = json_object_new ();

  g_return_val_if_fail (self != NULL, o);

  json_object_set_string_member (o, "at", self->at);
  json_object_set_string_member (o, "status", self->status);
  json_object_set_string_member (o, "status_label", enlace_choice_label (self->status));
  if (self->reason)
    json_object_set_string_member (o, "reason", self->reason);
  else
    json_object_set_null_member (o, "reason");
  if (self->folio)
    json_object_set_string_member (o, "case", self->folio);
  else
    json_object_set_null_member (o, "case");
  return o;
}

GPtrArray *
enlace_extension_history (EnlaceStore  *store,
                          gint64        extension_id,
                          GError      **error)
{
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(JsonObject) ext = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  ext = enlace_store_get (store, "extension", extension_id, error);
  if (ext == NULL)
    return NULL;
  stmt = enlace_store_prepare (store,
                               "SELECT s.id, s.at, s.status, s.reason, s.case_id, c.folio "
                               "FROM extension_status s LEFT JOIN case_file c ON c.id = s.case_id "
                               "WHERE s.extension_id = ?1 ORDER BY s.at, s.id",
                               error);
  if (stmt == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_extension_change_free);
  sqlite3_bind_int64 (stmt, 1, extension_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EnlaceExtensionChange *c = g_new0 (EnlaceExtensionChange, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->at = enlace_cases_dup_column (stmt, 1);
      c->status = enlace_cases_dup_column (stmt, 2);
      c->reason = enlace_cases_dup_column (stmt, 3);
      c->case_id = sqlite3_column_int64 (stmt, 4);
      c->folio = enlace_cases_dup_column (stmt, 5);
      if (c->folio == NULL)
        c->case_id = 0;
      g_ptr_array_add (out, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, "extension_status");
      return NULL;
    }
  return g_steal_pointer (&out);
}

const char *
enlace_extension_status_parse (const char *text)
{
  static const struct { const char *status, *manual, *english; } statuses[] = {
    { "active", "Activa", "Active" },
    { "suspended", "Suspendida", "Suspended" },
    { "cancelled", "Cancelada", "Cancelled" },
  };

  if (text == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_ascii_strcasecmp (text, statuses[i].status) == 0 ||
        g_utf8_collate (text, statuses[i].manual) == 0 ||
        g_ascii_strcasecmp (text, statuses[i].english) == 0 ||
        g_strcmp0 (text, enlace_choice_label (statuses[i].status)) == 0)
      return statuses[i].status;
  return NULL;
}

gboolean
enlace_extension_change_status (EnlaceStore  *store,
                                gint64        extension_id,
                                const char   *status,
                                const char   *reason,
                                gint64        case_id,
                                GError      **error)
{
  g_autoptr(JsonObject) ext = NULL;
  g_autofree char *folio = NULL;
  g_autofree char *label = NULL;
  const char *number, *normal;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  ext = enlace_store_get (store, "extension", extension_id, error);
  if (ext == NULL)
    return FALSE;
  number = json_object_get_string_member_with_default (ext, "number", "?");
  folio = case_id > 0 ? enlace_cases_query_text (store, "SELECT folio FROM case_file WHERE id = ?1", case_id) : NULL;
  if (folio == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("Extension %s: a change of status through a case needs a case of the project"),
                   number);
      return FALSE;
    }
  normal = enlace_extension_status_parse (status);
  if (normal == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Extension %s: “%s” is not a status (active, suspended, cancelled)"),
                   number, status ? status : "");
      return FALSE;
    }
  if (g_strcmp0 (json_object_get_string_member_with_default (ext, "status", NULL), normal) == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Extension %s is already %s"), number, enlace_choice_label (normal));
      return FALSE;
    }

  /* TRANSLATORS: a command: the folio, the extension, its new status */
  label = g_strdup_printf (_("%s: extension %s %s"), folio, number, enlace_choice_label (normal));
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  if (!enlace_store_set_extension_status (store, extension_id, normal, reason, error))
    goto fail;
  stmt = enlace_store_prepare (store,
                               "UPDATE extension_status SET case_id = ?2 WHERE id = "
                               "(SELECT max(id) FROM extension_status WHERE extension_id = ?1)",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, extension_id);
  sqlite3_bind_int64 (stmt, 2, case_id);
  if (!enlace_cases_run (store, stmt, folio, error))
    goto fail;
  if (!enlace_cases_link_object (store, case_id, "extension", extension_id, FALSE, error))
    goto fail;
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}

gboolean
enlace_extension_status_step (EnlaceStore  *store,
                              gint64        case_id,
                              JsonObject   *values,
                              JsonObject   *data,
                              GError      **error)
{
  g_autofree char *number = enlace_cases_member_text (values, "extension");
  g_autofree char *status = enlace_cases_member_text (values, "status");
  g_autofree char *reason = enlace_cases_member_text (values, "reason");
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (number == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID, "%s",
                   _("which extension? (give its number)"));
      return FALSE;
    }
  id = enlace_store_lookup (store, "extension", number, error);
  if (id <= 0)
    return FALSE;
  if (!enlace_extension_change_status (store, id, status, reason, case_id, error))
    return FALSE;
  json_object_set_int_member (data, "extension_id", id);
  return TRUE;
}

/* ---- The exchange: <extension-change extension="N" at="…"/> in a <case> */

gboolean
enlace_extension_history_xml_export_case (EnlaceStore  *store,
                                          gpointer      writer,
                                          gint64        case_id,
                                          GError      **error)
{
  xmlTextWriterPtr w = writer;
  sqlite3_stmt *stmt;
  int rc;

  stmt = enlace_store_prepare (store,
                               "SELECT e.number, s.at FROM extension_status s JOIN extension e ON e.id = s.extension_id "
                               "WHERE s.case_id = ?1 ORDER BY s.at, s.id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (xmlTextWriterStartElement (w, BAD_CAST "extension-change") < 0 ||
        xmlTextWriterWriteAttribute (w, BAD_CAST "extension", sqlite3_column_text (stmt, 0)) < 0 ||
        xmlTextWriterWriteAttribute (w, BAD_CAST "at", sqlite3_column_text (stmt, 1)) < 0 ||
        xmlTextWriterEndElement (w) < 0)
      {
        sqlite3_reset (stmt);
        g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED, _("Cannot write the cases to XML"));
        return FALSE;
      }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, "extension_status");
      return FALSE;
    }
  return TRUE;
}

gboolean
enlace_extension_history_xml_import_node (EnlaceStore  *store,
                                          gpointer      xml_node,
                                          gint64        case_id,
                                          const char   *what,
                                          GError      **error)
{
  xmlNodePtr node = xml_node;
  g_autofree char *number = enlace_cases_xml_prop (node, "extension");
  g_autofree char *at = enlace_cases_xml_prop (node, "at");
  sqlite3_stmt *stmt;
  int rc;

  if (number == NULL || at == NULL)
    return TRUE; /* the schema reports it */
  stmt = enlace_store_prepare (store,
                               "UPDATE extension_status SET case_id = ?1 WHERE id = "
                               "(SELECT s.id FROM extension_status s JOIN extension e ON e.id = s.extension_id "
                               " WHERE e.number = ?2 AND s.at = ?3 ORDER BY s.id LIMIT 1)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, at, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, what);
      return FALSE;
    }
  if (sqlite3_changes (enlace_store_get_db (store)) != 1)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_REFERENCE,
                   _("%s: extension %s has no change of status at %s"), what, number, at);
      return FALSE;
    }
  return TRUE;
}
