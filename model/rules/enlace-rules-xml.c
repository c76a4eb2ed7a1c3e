/* enlace-rules-xml.c: the cabling rule set in the project's XML exchange.
 * See enlace-rules-xml.h and data/enlace.rng. */
#define G_LOG_DOMAIN "enlace-rules"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "enlace-rules-private.h"
#include "enlace-rules-xml.h"
#include "enlace-cases-xml.h"
#include "enlace-store-private.h"
#include "enlace-xml.h"

typedef struct
{
  char *name;
  char *value;
} Row;

static void
row_free (gpointer data)
{
  Row *r = data;

  g_free (r->name);
  g_free (r->value);
  g_free (r);
}

gboolean
enlace_rules_xml_export (EnlaceStore       *store,
                         xmlTextWriterPtr   w,
                         GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  g_autoptr(EnlaceRuleSet) defaults = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  stmt = enlace_store_prepare (store, "SELECT name, value FROM cabling_rule ORDER BY name", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *r = g_new0 (Row, 1);

      r->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      r->value = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (rows, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, "cabling_rule");
      return FALSE;
    }
  if (rows->len == 0)
    return TRUE;

  defaults = enlace_rule_set_new_defaults ();
  for (guint i = 0; i < rows->len; i++)
    {
      Row *r = g_ptr_array_index (rows, i);
      g_autoptr(GError) why = NULL;
      g_autofree char *value = enlace_rules_normalize (defaults, r->name, r->value, &why);

      if (value == NULL)
        {
          g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED,
                       _("Cannot export cabling rule %s: %s"), r->name, why->message);
          return FALSE;
        }
      if (!enlace_xml_text_is_safe (value))
        {
          g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED,
                       _("Cannot export cabling rule %s: its value holds characters that XML cannot carry"),
                       r->name);
          return FALSE;
        }
      if (xmlTextWriterStartElement (w, BAD_CAST "cabling-rule") < 0 ||
          xmlTextWriterWriteAttribute (w, BAD_CAST "name", BAD_CAST r->name) < 0 ||
          xmlTextWriterWriteAttribute (w, BAD_CAST "value", BAD_CAST value) < 0 ||
          xmlTextWriterEndElement (w) < 0)
        {
          g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED,
                       _("Cannot write the cabling rules to XML"));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
enlace_rules_xml_import (EnlaceStore       *store,
                         xmlNodePtr         node,
                         GError           **error)
{
  g_autofree char *name = enlace_cases_xml_prop (node, "name");
  g_autofree char *value = enlace_cases_xml_prop (node, "value");
  g_autofree char *text = NULL;
  g_autoptr(EnlaceRuleSet) defaults = NULL;
  g_autoptr(GError) why = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (name == NULL || value == NULL)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_INVALID,
                   _("cabling rule: name and value are required"));
      return FALSE;
    }
  /* the rules API's own check: an unknown rule, a value it refuses */
  defaults = enlace_rule_set_new_defaults ();
  text = enlace_rules_normalize (defaults, name, value, &why);
  if (text == NULL)
    {
      g_set_error_literal (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_RULE, why->message);
      return FALSE;
    }

  stmt = enlace_store_prepare (store, "INSERT INTO cabling_rule (name, value) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      /* the one constraint a rule can break: one row a rule */
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_DUPLICATE,
                   _("duplicate cabling rule %s: the rule is already set earlier in the file"), name);
      g_debug ("cabling rule: %s", sqlite3_errmsg (enlace_store_get_db (store)));
      return FALSE;
    }
  return TRUE;
}
