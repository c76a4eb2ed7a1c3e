/* enlace-orders-xml.c: the change set and the execution of a modification
 * order in the project's XML exchange (<change> and <execution> inside
 * <case>; see data/enlace.rng).  Called by enlace-cases-xml.c.  The audit
 * log's command of an execution belongs to the file, not to the exchange. */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-cases-xml.h"
#include "enlace-orders-private.h"
#include "enlace-xml.h"

static gboolean
failed (GError **error)
{
  if (error && *error)
    return FALSE;
  g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED, _("Cannot write the cases to XML"));
  return FALSE;
}

static gboolean
w_attr (xmlTextWriterPtr  w,
        const char       *name,
        const char       *value)
{
  if (value == NULL)
    return TRUE;
  return xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST value) >= 0;
}

static gboolean
w_element (xmlTextWriterPtr  w,
           const char       *name,
           const char       *value)
{
  if (value == NULL)
    return TRUE;
  return xmlTextWriterWriteElement (w, BAD_CAST name, BAD_CAST value) >= 0;
}

gboolean
enlace_orders_xml_export_case (EnlaceStore  *store,
                               gpointer      writer,
                               gint64        case_id,
                               GError      **error)
{
  xmlTextWriterPtr w = writer;
  g_autoptr(GPtrArray) changes = NULL;
  g_auto(EnlaceOrderState) state = { 0 };

  changes = enlace_order_changes (store, case_id, error);
  if (changes == NULL || !enlace_order_get_state (store, case_id, &state, error))
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      EnlaceOrderChange *c = g_ptr_array_index (changes, i);
      g_autofree char *n = g_strdup_printf ("%u", c->seq);
      GList *members = json_object_get_members (c->params);
      gboolean ok;

      ok = xmlTextWriterStartElement (w, BAD_CAST "change") >= 0 &&
           w_attr (w, "n", n) && w_attr (w, "kind", c->kind) && w_attr (w, "target", c->target);
      for (GList *l = members; ok && l; l = l->next)
        ok = xmlTextWriterStartElement (w, BAD_CAST "value") >= 0 &&
             w_attr (w, "name", l->data) &&
             xmlTextWriterWriteString (w, BAD_CAST enlace_orders_param (c, l->data) ?
                                       BAD_CAST enlace_orders_param (c, l->data) : BAD_CAST "") >= 0 &&
             xmlTextWriterEndElement (w) >= 0;
      g_list_free (members);
      ok = ok && w_element (w, "prepared", c->prepared) && w_element (w, "before", c->before_text) &&
           w_element (w, "after", c->after_text) && xmlTextWriterEndElement (w) >= 0;
      if (!ok)
        return failed (error);
    }
  if (state.executed)
    {
      if (xmlTextWriterStartElement (w, BAD_CAST "execution") < 0 ||
          !w_attr (w, "executed-at", state.executed_at) || !w_attr (w, "executed-by", state.executed_by) ||
          xmlTextWriterEndElement (w) < 0)
        return failed (error);
    }
  return TRUE;
}

static gboolean
run (EnlaceStore   *store,
     sqlite3_stmt  *stmt,
     const char    *what,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_INVALID, "%s: %s",
                   what, sqlite3_errmsg (enlace_store_get_db (store)));
      return FALSE;
    }
  return TRUE;
}

gboolean
enlace_orders_xml_import_node (EnlaceStore  *store,
                               gpointer      xml_node,
                               gint64        case_id,
                               const char   *what,
                               GError      **error)
{
  xmlNodePtr node = xml_node;
  sqlite3_stmt *stmt;

  if (strcmp ((const char *) node->name, "change") == 0)
    {
      g_autofree char *n = enlace_cases_xml_prop (node, "n");
      g_autofree char *kind = enlace_cases_xml_prop (node, "kind");
      g_autofree char *target = enlace_cases_xml_prop (node, "target");
      g_autofree char *prepared = enlace_cases_xml_child_text (node, "prepared");
      g_autofree char *before = enlace_cases_xml_child_text (node, "before");
      g_autofree char *after = enlace_cases_xml_child_text (node, "after");
      g_autoptr(JsonObject) params = json_object_new ();
      g_autofree char *params_text = NULL;

      for (xmlNodePtr v = node->children; v; v = v->next)
        {
          g_autofree char *name = NULL;
          xmlChar *text;

          if (v->type != XML_ELEMENT_NODE || strcmp ((const char *) v->name, "value") != 0)
            continue;
          name = enlace_cases_xml_prop (v, "name");
          text = xmlNodeGetContent (v);
          json_object_set_string_member (params, name ? name : "", text ? (const char *) text : "");
          xmlFree (text);
        }
      params_text = enlace_cases_json_to_text (params);
      stmt = enlace_store_prepare (store,
                                   "INSERT INTO order_change (case_id, seq, kind, target, params, prepared, "
                                   "before_text, after_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_int64 (stmt, 2, n ? g_ascii_strtoll (n, NULL, 10) : 0);
      enlace_cases_bind_text (stmt, 3, kind);
      enlace_cases_bind_text (stmt, 4, target);
      enlace_cases_bind_text (stmt, 5, params_text);
      enlace_cases_bind_text (stmt, 6, prepared);
      enlace_cases_bind_text (stmt, 7, before);
      enlace_cases_bind_text (stmt, 8, after);
      return run (store, stmt, what, error);
    }
  if (strcmp ((const char *) node->name, "execution") == 0)
    {
      g_autofree char *at = enlace_cases_xml_prop (node, "executed-at");
      g_autofree char *by = enlace_cases_xml_prop (node, "executed-by");

      stmt = enlace_store_prepare (store,
                                   "INSERT INTO case_order (case_id, executed_at, executed_by) VALUES (?1, ?2, ?3)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      enlace_cases_bind_text (stmt, 2, at);
      enlace_cases_bind_text (stmt, 3, by);
      return run (store, stmt, what, error);
    }
  return TRUE;
}
