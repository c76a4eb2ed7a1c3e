/* enlace-bom-xml.c: label templates, prices and tests of runs in the
 * project's XML exchange.  See enlace-bom-xml.h and data/enlace.rng. */
#define G_LOG_DOMAIN "enlace-bom"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "enlace-bom-private.h"
#include "enlace-bom-xml.h"
#include "enlace-label-templates.h"
#include "enlace-cases-xml.h"
#include "enlace-store-private.h"
#include "enlace-xml.h"

static gboolean
write_failed (GError **error)
{
  if (error && *error)
    return FALSE;
  g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED,
               _("Cannot write the label templates, prices and tests to XML"));
  return FALSE;
}

/* @value as attribute @name of the element being written, when it is
 * not NULL; refused when XML cannot carry it. */
static gboolean
write_attr (xmlTextWriterPtr   w,
            const char        *what,
            const char        *name,
            const char        *value,
            GError           **error)
{
  if (value == NULL)
    return TRUE;
  if (!enlace_xml_text_is_safe (value))
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED,
                   _("Cannot export %s: attribute %s holds characters that XML cannot carry"), what, name);
      return FALSE;
    }
  if (xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST value) < 0)
    return write_failed (error);
  return TRUE;
}

static gboolean
write_real (xmlTextWriterPtr   w,
            const char        *name,
            double             value,
            GError           **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  enlace_xml_format_real (value, buf, sizeof buf);
  if (xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST buf) < 0)
    return write_failed (error);
  return TRUE;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

/* ------------------------------------------------------------ export */

static gboolean
export_templates (EnlaceStore       *store,
                  xmlTextWriterPtr   w,
                  GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt;
  int rc;

  stmt = enlace_store_prepare (store, "SELECT name, style, pattern FROM label_template ORDER BY name", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 4);

      for (int c = 0; c < 3; c++)
        row[c] = g_strdup ((const char *) sqlite3_column_text (stmt, c));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, "label_template");
      return FALSE;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_autofree char *what = g_strdup_printf (_("label template %s"), row[0]);
      g_autoptr(GError) why = NULL;

      /* the import checks it so: do not write a file it cannot read */
      if (!enlace_label_pattern_check (row[1], row[2], &why))
        {
          g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED,
                       _("Cannot export %s: %s"), what, why->message);
          return FALSE;
        }
      if (xmlTextWriterStartElement (w, BAD_CAST "label-template") < 0)
        return write_failed (error);
      if (!write_attr (w, what, "name", row[0], error) ||
          !write_attr (w, what, "style", row[1], error) ||
          !write_attr (w, what, "pattern", row[2], error))
        return FALSE;
      if (xmlTextWriterEndElement (w) < 0)
        return write_failed (error);
    }
  return TRUE;
}

static gboolean
export_prices (EnlaceStore       *store,
               xmlTextWriterPtr   w,
               GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = enlace_store_prepare (store, "SELECT item, price, description FROM bom_price ORDER BY item", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *item = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *what = g_strdup_printf (_("the price of %s"), item);
      g_autofree char *description = dup_column (stmt, 2);

      if (xmlTextWriterStartElement (w, BAD_CAST "bom-price") < 0)
        goto failed;
      if (!write_attr (w, what, "item", item, error) ||
          !write_real (w, "price", sqlite3_column_double (stmt, 1), error) ||
          !write_attr (w, what, "description", description, error))
        goto failed;
      if (xmlTextWriterEndElement (w) < 0)
        goto failed;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, "bom_price");
      return FALSE;
    }
  return TRUE;

failed:
  sqlite3_reset (stmt);
  return write_failed (error);
}

typedef struct
{
  gint64  cable_id;
  const char *attr; /* "cable", "port" or "circuit" */
  char   *key;
  double  length_m;
  gboolean has_length;
  char   *result;
  double  margin_db;
  gboolean has_margin;
  char   *tested_at;
  char   *source;
} Test;

static void
test_free (gpointer data)
{
  Test *t = data;

  g_free (t->key);
  g_free (t->result);
  g_free (t->tested_at);
  g_free (t->source);
  g_free (t);
}

/* The cables named by label first, by label; then the others by the
 * termination that names them. */
static int
test_compare (gconstpointer a,
              gconstpointer b)
{
  const Test *x = *(const Test * const *) a;
  const Test *y = *(const Test * const *) b;
  int c = strcmp (x->attr, y->attr);

  if (c != 0)
    return strcmp (x->attr, "cable") == 0 ? -1 : strcmp (y->attr, "cable") == 0 ? 1 : c;
  c = strcmp (x->key, y->key);
  if (c != 0)
    return c;
  return x->cable_id < y->cable_id ? -1 : x->cable_id > y->cable_id;
}

/* A cable without a label: the first port or circuit termination of its
 * ends, by its key in the file (as <laid-cable> names it). */
static gboolean
name_by_end (EnlaceStore      *store,
             EnlaceXmlKeyFunc  key_func,
             gpointer          data,
             Test             *t,
             GError          **error)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store,
                                             "SELECT port_id, termination_id FROM cable_end WHERE cable_id = ?1 "
                                             "ORDER BY \"end\", seq, id LIMIT 1",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->cable_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean is_port = sqlite3_column_type (stmt, 0) != SQLITE_NULL;
      const char *key = key_func (data, is_port ? "port" : "circuit-termination",
                                  sqlite3_column_int64 (stmt, is_port ? 0 : 1));

      t->attr = is_port ? "port" : "circuit";
      t->key = g_strdup (key);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
export_tests (EnlaceStore       *store,
              xmlTextWriterPtr   w,
              EnlaceXmlKeyFunc   key_func,
              gpointer           data,
              GError           **error)
{
  g_autoptr(GPtrArray) tests = g_ptr_array_new_with_free_func (test_free);
  g_autoptr(GPtrArray) named = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  /* rows first: naming a cable without a label runs another query */
  stmt = enlace_store_prepare (store,
                               "SELECT t.cable_id, c.label, t.length_m, t.result, t.margin_db, t.tested_at, t.source "
                               "FROM cable_test t JOIN cable c ON c.id = t.cable_id",
                               error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Test *t = g_new0 (Test, 1);
      const char *label = (const char *) sqlite3_column_text (stmt, 1);

      t->cable_id = sqlite3_column_int64 (stmt, 0);
      if (label != NULL && *label != '\0')
        {
          t->attr = "cable";
          t->key = g_strdup (label);
        }
      t->has_length = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      t->length_m = sqlite3_column_double (stmt, 2);
      t->result = dup_column (stmt, 3);
      t->has_margin = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      t->margin_db = sqlite3_column_double (stmt, 4);
      t->tested_at = dup_column (stmt, 5);
      t->source = dup_column (stmt, 6);
      g_ptr_array_add (tests, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, "cable_test");
      return FALSE;
    }

  for (guint i = 0; i < tests->len; i++)
    {
      Test *t = g_ptr_array_index (tests, i);

      if (t->key == NULL && !name_by_end (store, key_func, data, t, error))
        return FALSE;
      if (t->key != NULL)
        g_ptr_array_add (named, t);
      /* else a cable with no end: nothing names it in the file */
    }
  g_ptr_array_sort (named, test_compare);

  for (guint i = 0; i < named->len; i++)
    {
      Test *t = g_ptr_array_index (named, i);
      g_autofree char *what = g_strdup_printf (_("the test of cable %s"), t->key);

      if (xmlTextWriterStartElement (w, BAD_CAST "cable-test") < 0)
        return write_failed (error);
      if (!write_attr (w, what, t->attr, t->key, error) ||
          (t->has_length && !write_real (w, "length-m", t->length_m, error)) ||
          !write_attr (w, what, "result", t->result, error) ||
          (t->has_margin && !write_real (w, "margin-db", t->margin_db, error)) ||
          !write_attr (w, what, "tested-at", t->tested_at, error) ||
          !write_attr (w, what, "source", t->source, error))
        return FALSE;
      if (xmlTextWriterEndElement (w) < 0)
        return write_failed (error);
    }
  return TRUE;
}

gboolean
enlace_bom_xml_export (EnlaceStore       *store,
                       xmlTextWriterPtr   w,
                       EnlaceXmlKeyFunc   key_func,
                       gpointer           data,
                       GError           **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (key_func != NULL, FALSE);

  return export_templates (store, w, error) &&
         export_prices (store, w, error) &&
         export_tests (store, w, key_func, data, error);
}

/* ------------------------------------------------------------ import */

gboolean
enlace_bom_xml_handles (const char *element)
{
  return g_strcmp0 (element, "label-template") == 0 ||
         g_strcmp0 (element, "bom-price") == 0 ||
         g_strcmp0 (element, "cable-test") == 0;
}

/* Runs @stmt (its values bound); a failure is the one constraint the row
 * can break: its key is already in the file. */
static gboolean
insert (EnlaceStore   *store,
        sqlite3_stmt  *stmt,
        const char    *duplicate,
        GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  g_set_error_literal (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_DUPLICATE, duplicate);
  g_debug ("%s", sqlite3_errmsg (enlace_store_get_db (store)));
  return FALSE;
}

static gboolean
import_template (EnlaceStore  *store,
                 xmlNodePtr    node,
                 GError      **error)
{
  g_autofree char *name = enlace_cases_xml_prop (node, "name");
  g_autofree char *style = enlace_cases_xml_prop (node, "style");
  g_autofree char *pattern = enlace_cases_xml_prop (node, "pattern");
  g_autofree char *duplicate = NULL;
  g_autoptr(GError) why = NULL;
  sqlite3_stmt *stmt;

  if (name == NULL || *name == '\0' || style == NULL || pattern == NULL)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_INVALID,
                   _("label template: name, style and pattern are required"));
      return FALSE;
    }
  /* the label templates' own rules (enlace_label_template_set) */
  if (!enlace_label_pattern_check (style, pattern, &why))
    {
      g_autofree char *prefix = g_strdup_printf (_("Label template %s: "), name);

      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_RULE, "%s%s", prefix, why->message);
      return FALSE;
    }
  stmt = enlace_store_prepare (store, "INSERT INTO label_template (name, style, pattern) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, style, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, pattern, -1, SQLITE_TRANSIENT);
  duplicate = g_strdup_printf (_("duplicate label template %s: a template of that name is already defined earlier in the file"),
                               name);
  return insert (store, stmt, duplicate, error);
}

static gboolean
import_price (EnlaceStore  *store,
              xmlNodePtr    node,
              GError      **error)
{
  g_autofree char *item = enlace_cases_xml_prop (node, "item");
  g_autofree char *text = enlace_cases_xml_prop (node, "price");
  g_autofree char *description = enlace_cases_xml_prop (node, "description");
  g_autofree char *duplicate = NULL;
  g_autoptr(GError) why = NULL;
  double price = NAN;
  sqlite3_stmt *stmt;

  if (item == NULL || text == NULL)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_INVALID,
                   _("price: item and price are required"));
      return FALSE;
    }
  if (!enlace_xml_parse_real (text, &price))
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_INVALID,
                   _("price: the price of %s, “%s”, is not a number"), item, text);
      return FALSE;
    }
  /* the price list's own rule (enlace_bom_price_set) */
  if (!enlace_bom_price_check (_("Price"), item, price, &why))
    {
      g_set_error_literal (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_RULE, why->message);
      return FALSE;
    }
  stmt = enlace_store_prepare (store, "INSERT INTO bom_price (item, price, description) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, item, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 2, price);
  if (description != NULL)
    sqlite3_bind_text (stmt, 3, description, -1, SQLITE_TRANSIENT);
  duplicate = g_strdup_printf (_("duplicate price %s: the item already has a price earlier in the file"), item);
  return insert (store, stmt, duplicate, error);
}

/* The cable named by label, or by a port or circuit termination it ends
 * on; 0 with @error when there is none in the file. */
static gint64
test_cable (EnlaceStore      *store,
            xmlNodePtr        node,
            EnlaceXmlIdFunc   id_func,
            gpointer          data,
            char            **key,
            GError          **error)
{
  g_autofree char *cable = enlace_cases_xml_prop (node, "cable");
  g_autofree char *port = enlace_cases_xml_prop (node, "port");
  g_autofree char *circuit = enlace_cases_xml_prop (node, "circuit");
  gint64 id = 0;

  if (cable != NULL)
    {
      id = id_func (data, "cable", cable);
      if (id <= 0)
        g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_REFERENCE,
                     _("cable test: no cable %s in the file"), cable);
      *key = g_steal_pointer (&cable);
      return id > 0 ? id : 0;
    }
  if (port != NULL || circuit != NULL)
    {
      gint64 term = id_func (data, port ? "port" : "circuit-termination", port ? port : circuit);

      if (term > 0)
        {
          sqlite3_stmt *stmt = enlace_store_prepare (store,
                                                     port ? "SELECT cable_id FROM cable_end WHERE port_id = ?1"
                                                          : "SELECT cable_id FROM cable_end WHERE termination_id = ?1",
                                                     error);

          if (stmt == NULL)
            return 0;
          sqlite3_bind_int64 (stmt, 1, term);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
      if (id <= 0)
        g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_REFERENCE,
                     port ? _("cable test: no cable ends on port %s in the file")
                          : _("cable test: no cable ends on circuit termination %s in the file"),
                     port ? port : circuit);
      *key = g_strdup (port ? port : circuit);
      return id > 0 ? id : 0;
    }
  g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_INVALID,
               _("cable test: it names no cable (attribute cable, port or circuit)"));
  return 0;
}

static gboolean
import_test (EnlaceStore      *store,
             xmlNodePtr        node,
             EnlaceXmlIdFunc   id_func,
             gpointer          data,
             GError          **error)
{
  g_autofree char *key = NULL;
  g_autofree char *length = enlace_cases_xml_prop (node, "length-m");
  g_autofree char *result = enlace_cases_xml_prop (node, "result");
  g_autofree char *margin = enlace_cases_xml_prop (node, "margin-db");
  g_autofree char *tested_at = enlace_cases_xml_prop (node, "tested-at");
  g_autofree char *source = enlace_cases_xml_prop (node, "source");
  g_autofree char *duplicate = NULL;
  double length_m = 0, margin_db = 0;
  sqlite3_stmt *stmt;
  gint64 cable_id;

  cable_id = test_cable (store, node, id_func, data, &key, error);
  if (cable_id == 0)
    return FALSE;
  /* the schema checks these; the table's CHECKs are off during an import */
  if (length != NULL && (!enlace_xml_parse_real (length, &length_m) || length_m < 0))
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_RULE,
                   _("cable test of %s: the length “%s” is not a number of zero or more"), key, length);
      return FALSE;
    }
  if (margin != NULL && !enlace_xml_parse_real (margin, &margin_db))
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_RULE,
                   _("cable test of %s: the margin “%s” is not a number"), key, margin);
      return FALSE;
    }
  if (g_strcmp0 (result, "pass") != 0 && g_strcmp0 (result, "fail") != 0)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_RULE,
                   _("cable test of %s: the result must be pass or fail"), key);
      return FALSE;
    }
  if (source != NULL && strcmp (source, "manual") != 0 && strcmp (source, "certifier") != 0)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_RULE,
                   _("cable test of %s: the source must be manual or certifier"), key);
      return FALSE;
    }
  if (tested_at == NULL || *tested_at == '\0')
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_INVALID,
                   _("cable test of %s: tested-at is required"), key);
      return FALSE;
    }

  stmt = enlace_store_prepare (store,
                               "INSERT INTO cable_test (cable_id, length_m, result, margin_db, tested_at, source) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cable_id);
  if (length != NULL)
    sqlite3_bind_double (stmt, 2, length_m);
  sqlite3_bind_text (stmt, 3, result, -1, SQLITE_TRANSIENT);
  if (margin != NULL)
    sqlite3_bind_double (stmt, 4, margin_db);
  sqlite3_bind_text (stmt, 5, tested_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, source ? source : "manual", -1, SQLITE_TRANSIENT);
  duplicate = g_strdup_printf (_("duplicate cable test of %s: the cable is already tested earlier in the file"), key);
  return insert (store, stmt, duplicate, error);
}

gboolean
enlace_bom_xml_import (EnlaceStore       *store,
                       xmlNodePtr         node,
                       EnlaceXmlIdFunc    id_func,
                       gpointer           data,
                       GError           **error)
{
  const char *name;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (node != NULL && id_func != NULL, FALSE);

  name = (const char *) node->name;
  if (strcmp (name, "label-template") == 0)
    return import_template (store, node, error);
  if (strcmp (name, "bom-price") == 0)
    return import_price (store, node, error);
  if (strcmp (name, "cable-test") == 0)
    return import_test (store, node, id_func, data, error);
  return TRUE;
}
