/* enlace-opinions-xml.c: the quotes and the resolution of a technical
 * opinion in the project's XML exchange (<quote> and <opinion> inside
 * <case>; see data/enlace.rng).  Called by enlace-cases-xml.c. */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-cases-private.h"
#include "enlace-cases-xml.h"
#include "enlace-opinions.h"
#include "enlace-xml.h"

static gboolean
col_attr (xmlTextWriterPtr  w,
          const char       *name,
          sqlite3_stmt     *stmt,
          int               col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return TRUE;
  return xmlTextWriterWriteAttribute (w, BAD_CAST name, sqlite3_column_text (stmt, col)) >= 0;
}

static gboolean
col_element (xmlTextWriterPtr  w,
             const char       *name,
             sqlite3_stmt     *stmt,
             int               col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return TRUE;
  return xmlTextWriterWriteElement (w, BAD_CAST name, sqlite3_column_text (stmt, col)) >= 0;
}

static gboolean
failed (GError **error)
{
  if (error && *error)
    return FALSE;
  g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED, _("Cannot write the cases to XML"));
  return FALSE;
}

gboolean
enlace_opinions_xml_export_case (EnlaceStore  *store,
                                 gpointer      writer,
                                 gint64        case_id,
                                 GError      **error)
{
  xmlTextWriterPtr w = writer;
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (store,
                               "SELECT seq, vendor, item, brand, model, unit_price, quantity, currency, "
                               "delivery_days, warranty_months, meets, specification, notes "
                               "FROM case_quote WHERE case_id = ?1 ORDER BY seq",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (xmlTextWriterStartElement (w, BAD_CAST "quote") < 0 ||
          !col_attr (w, "n", stmt, 0) || !col_attr (w, "vendor", stmt, 1) ||
          !col_attr (w, "item", stmt, 2) || !col_attr (w, "brand", stmt, 3) ||
          !col_attr (w, "model", stmt, 4) || !col_attr (w, "unit-price", stmt, 5) ||
          !col_attr (w, "quantity", stmt, 6) || !col_attr (w, "currency", stmt, 7) ||
          !col_attr (w, "delivery-days", stmt, 8) || !col_attr (w, "warranty-months", stmt, 9) ||
          !col_attr (w, "meets", stmt, 10) || !col_element (w, "specification", stmt, 11) ||
          !col_element (w, "notes", stmt, 12) || xmlTextWriterEndElement (w) < 0)
        {
          sqlite3_reset (stmt);
          return failed (error);
        }
    }
  sqlite3_reset (stmt);

  stmt = enlace_store_prepare (store,
                               "SELECT o.result, q.seq, o.resolved_by, o.resolved_at, o.reasons "
                               "FROM case_opinion o LEFT JOIN case_quote q ON q.id = o.quote_id WHERE o.case_id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (xmlTextWriterStartElement (w, BAD_CAST "opinion") < 0 ||
          !col_attr (w, "result", stmt, 0) || !col_attr (w, "quote", stmt, 1) ||
          !col_attr (w, "resolved-by", stmt, 2) || !col_attr (w, "resolved-at", stmt, 3) ||
          !col_element (w, "reasons", stmt, 4) || xmlTextWriterEndElement (w) < 0)
        {
          sqlite3_reset (stmt);
          return failed (error);
        }
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static void
bind_prop_text (sqlite3_stmt *stmt,
                int           i,
                xmlNodePtr    node,
                const char   *name)
{
  g_autofree char *v = enlace_cases_xml_prop (node, name);

  enlace_cases_bind_text (stmt, i, v);
}

static void
bind_prop_int (sqlite3_stmt *stmt,
               int           i,
               xmlNodePtr    node,
               const char   *name)
{
  g_autofree char *v = enlace_cases_xml_prop (node, name);

  if (v)
    sqlite3_bind_int64 (stmt, i, g_ascii_strtoll (v, NULL, 10));
  else
    sqlite3_bind_null (stmt, i);
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
enlace_opinions_xml_import_node (EnlaceStore  *store,
                                 gpointer      xml_node,
                                 gint64        case_id,
                                 const char   *what,
                                 GError      **error)
{
  xmlNodePtr node = xml_node;
  sqlite3_stmt *stmt;

  if (strcmp ((const char *) node->name, "quote") == 0)
    {
      g_autofree char *spec = enlace_cases_xml_child_text (node, "specification");
      g_autofree char *notes = enlace_cases_xml_child_text (node, "notes");
      g_autofree char *price = enlace_cases_xml_prop (node, "unit-price");

      stmt = enlace_store_prepare (store,
                                   "INSERT INTO case_quote (case_id, seq, vendor, item, brand, model, unit_price, "
                                   "quantity, currency, delivery_days, warranty_months, meets, specification, notes) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      bind_prop_int (stmt, 2, node, "n");
      bind_prop_text (stmt, 3, node, "vendor");
      bind_prop_text (stmt, 4, node, "item");
      bind_prop_text (stmt, 5, node, "brand");
      bind_prop_text (stmt, 6, node, "model");
      sqlite3_bind_double (stmt, 7, price ? g_ascii_strtod (price, NULL) : 0);
      bind_prop_int (stmt, 8, node, "quantity");
      bind_prop_text (stmt, 9, node, "currency");
      bind_prop_int (stmt, 10, node, "delivery-days");
      bind_prop_int (stmt, 11, node, "warranty-months");
      bind_prop_int (stmt, 12, node, "meets");
      enlace_cases_bind_text (stmt, 13, spec);
      enlace_cases_bind_text (stmt, 14, notes);
      return run (store, stmt, what, error);
    }
  if (strcmp ((const char *) node->name, "opinion") == 0)
    {
      g_autofree char *reasons = enlace_cases_xml_child_text (node, "reasons");
      g_autofree char *n = enlace_cases_xml_prop (node, "quote");
      gint64 quote_id = 0;

      if (n != NULL)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT id FROM case_quote WHERE case_id = ?1 AND seq = %" G_GINT64_FORMAT,
                                                  g_ascii_strtoll (n, NULL, 10));
          g_autofree char *id = enlace_cases_query_text (store, sql, case_id);

          if (id == NULL)
            {
              g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_REFERENCE,
                           _("%s: the opinion recommends quote %s, which the case does not have"), what, n);
              return FALSE;
            }
          quote_id = g_ascii_strtoll (id, NULL, 10);
        }
      stmt = enlace_store_prepare (store,
                                   "INSERT INTO case_opinion (case_id, result, reasons, quote_id, resolved_by, resolved_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      bind_prop_text (stmt, 2, node, "result");
      enlace_cases_bind_text (stmt, 3, reasons);
      enlace_cases_bind_id (stmt, 4, quote_id);
      bind_prop_text (stmt, 5, node, "resolved-by");
      bind_prop_text (stmt, 6, node, "resolved-at");
      return run (store, stmt, what, error);
    }
  return TRUE;
}
