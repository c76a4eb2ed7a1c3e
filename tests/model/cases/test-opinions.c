/* test-opinions.c: technical opinions (dictamen): quotes and their rules,
 * undo of each command, the resolution and its refusals, the comparison,
 * the XML round trip */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "enlace-case-document.h"
#include "enlace-cases.h"
#include "enlace-opinions.h"
#include "enlace-xml.h"

static EnlaceStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  enlace_store_set_user (store, "tester");
  return store;
}

static gint64
open_case (EnlaceStore *store,
           const char  *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  g_autoptr(JsonObject) form = json_object_new ();
  gint64 id;

  json_object_set_string_member (form, "equipment", "10 computadoras de escritorio");
  json_object_set_object_member (v, "form", g_steal_pointer (&form));
  id = enlace_case_open (store, code, v, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static JsonObject *
quote_values (const char *vendor,
              double      price,
              int         quantity,
              const char *currency)
{
  JsonObject *v = json_object_new ();

  json_object_set_string_member (v, "vendor", vendor);
  json_object_set_string_member (v, "item", "Computadora de escritorio");
  json_object_set_string_member (v, "brand", "Dell");
  json_object_set_string_member (v, "model", "OptiPlex 7010");
  json_object_set_string_member (v, "specification", "Core i5, 16 GB, SSD 512 GB");
  json_object_set_double_member (v, "unit_price", price);
  json_object_set_int_member (v, "quantity", quantity);
  json_object_set_string_member (v, "currency", currency);
  json_object_set_int_member (v, "delivery_days", 15);
  json_object_set_int_member (v, "warranty_months", 36);
  json_object_set_boolean_member (v, "meets", TRUE);
  return v;
}

static guint
n_quotes (EnlaceStore *store,
          gint64       case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotes = enlace_opinion_quotes (store, case_id, &error);

  g_assert_no_error (error);
  return quotes->len;
}

static void
test_quotes (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(JsonObject) change = json_object_new ();
  gint64 case_id = open_case (store, "dictamen");
  gint64 q1, q2;

  {
    g_autoptr(JsonObject) v = quote_values ("Compucentro", 15250.5, 10, "mxn");
    q1 = enlace_opinion_quote_add (store, case_id, v, &error);
    g_assert_no_error (error);
    g_assert_cmpint (q1, >, 0);
  }
  {
    g_autoptr(JsonObject) v = quote_values ("TecnoSur", 900, 10, "USD");
    q2 = enlace_opinion_quote_add (store, case_id, v, &error);
    g_assert_no_error (error);
  }
  quotes = enlace_opinion_quotes (store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quotes->len, ==, 2);
  {
    EnlaceQuote *q = g_ptr_array_index (quotes, 0);
    g_assert_cmpuint (q->seq, ==, 1);
    g_assert_cmpstr (q->currency, ==, "MXN");
    g_assert_cmpfloat_with_epsilon (enlace_quote_total (q), 152505.0, 1e-6);
    g_assert_cmpint (q->meets, ==, 1);
  }
  g_assert_cmpint (enlace_opinion_quote_lookup (store, case_id, 2, &error), ==, q2);

  /* refusals name the rule and change nothing */
  {
    g_autoptr(JsonObject) v = quote_values ("X", -1, 1, "MXN");
    g_assert_cmpint (enlace_opinion_quote_add (store, case_id, v, &error), ==, 0);
    g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "unit price must be 0 or more"));
    g_clear_error (&error);
  }
  {
    g_autoptr(JsonObject) v = quote_values ("X", 1, 0, "MXN");
    g_assert_cmpint (enlace_opinion_quote_add (store, case_id, v, &error), ==, 0);
    g_assert_nonnull (strstr (error->message, "quantity must be a whole number, 1 or more"));
    g_clear_error (&error);
  }
  {
    g_autoptr(JsonObject) v = quote_values ("X", 1, 1, "PESOS");
    g_assert_cmpint (enlace_opinion_quote_add (store, case_id, v, &error), ==, 0);
    g_assert_nonnull (strstr (error->message, "three-letter code"));
    g_clear_error (&error);
  }
  g_assert_cmpuint (n_quotes (store, case_id), ==, 2);

  /* not an opinion */
  {
    gint64 other = open_case (store, "correo-alta");
    g_autoptr(JsonObject) v = quote_values ("X", 1, 1, "MXN");
    g_assert_cmpint (enlace_opinion_quote_add (store, other, v, &error), ==, 0);
    g_assert_nonnull (strstr (error->message, "not a technical opinion"));
    g_clear_error (&error);
  }

  /* change, then undo it */
  json_object_set_int_member (change, "quantity", 12);
  g_assert_true (enlace_opinion_quote_set (store, q1, change, &error));
  g_assert_no_error (error);
  g_clear_pointer (&quotes, g_ptr_array_unref);
  quotes = enlace_opinion_quotes (store, case_id, NULL);
  g_assert_cmpint (((EnlaceQuote *) g_ptr_array_index (quotes, 0))->quantity, ==, 12);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&quotes, g_ptr_array_unref);
  quotes = enlace_opinion_quotes (store, case_id, NULL);
  g_assert_cmpint (((EnlaceQuote *) g_ptr_array_index (quotes, 0))->quantity, ==, 10);

  /* remove, undo */
  g_assert_true (enlace_opinion_quote_remove (store, q2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_quotes (store, case_id), ==, 1);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpuint (n_quotes (store, case_id), ==, 2);
  /* add, undo */
  {
    g_autoptr(JsonObject) v = quote_values ("Tercero", 5, 1, "MXN");
    g_assert_cmpint (enlace_opinion_quote_add (store, case_id, v, &error), >, 0);
    g_assert_cmpuint (n_quotes (store, case_id), ==, 3);
    g_assert_true (enlace_store_undo (store, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_quotes (store, case_id), ==, 2);
  }
}

static void
test_resolve (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceOpinion) none = NULL;
  g_autoptr(EnlaceOpinion) op = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) table = NULL;
  gint64 case_id = open_case (store, "dictamen");
  gint64 other_case = open_case (store, "dictamen");
  g_autoptr(JsonObject) v1 = quote_values ("Compucentro", 15250.5, 10, "MXN");
  g_autoptr(JsonObject) v2 = quote_values ("Otra", 1, 1, "MXN");
  gint64 q1 = enlace_opinion_quote_add (store, case_id, v1, &error);
  gint64 foreign = enlace_opinion_quote_add (store, other_case, v2, &error);

  g_assert_no_error (error);
  none = enlace_opinion_get (store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (none->result, ==, ENLACE_OPINION_NONE);

  /* the recommended quote must be one of the case's */
  g_assert_false (enlace_opinion_resolve (store, case_id, ENLACE_OPINION_FAVOURABLE, "Cumple", foreign, &error));
  g_assert_nonnull (strstr (error->message, "must be one of the case's quotes"));
  g_clear_error (&error);
  g_assert_false (enlace_opinion_resolve (store, case_id, ENLACE_OPINION_FAVOURABLE, "  ", q1, &error));
  g_assert_nonnull (strstr (error->message, "reasons"));
  g_clear_error (&error);
  g_assert_false (enlace_opinion_resolve (store, case_id, ENLACE_OPINION_FAVOURABLE, "Cumple", 0, &error));
  g_assert_nonnull (strstr (error->message, "must recommend"));
  g_clear_error (&error);

  g_assert_true (enlace_opinion_resolve (store, case_id, ENLACE_OPINION_CONDITIONAL,
                                         "Cumple; entrega en 15 días", q1, &error));
  g_assert_no_error (error);
  op = enlace_opinion_get (store, case_id, &error);
  g_assert_cmpint (op->result, ==, ENLACE_OPINION_CONDITIONAL);
  g_assert_cmpuint (op->quote_seq, ==, 1);
  g_assert_cmpstr (op->reasons, ==, "Cumple; entrega en 15 días");

  /* the recommended quote cannot be removed */
  g_assert_false (enlace_opinion_quote_remove (store, q1, &error));
  g_assert_nonnull (strstr (error->message, "recommended quote"));
  g_clear_error (&error);

  /* comparison */
  quotes = enlace_opinion_quotes (store, case_id, NULL);
  table = enlace_opinion_comparison (quotes);
  g_assert_cmpuint (table->len, ==, 9);
  g_assert_cmpstr (((char **) g_ptr_array_index (table, 0))[1], ==, "1. Compucentro");
  g_assert_cmpstr (((char **) g_ptr_array_index (table, 3))[1], ==, "152,505.00 MXN");

  /* undo the resolution */
  g_assert_true (enlace_store_undo (store, &error));
  g_clear_pointer (&op, enlace_opinion_free);
  op = enlace_opinion_get (store, case_id, &error);
  g_assert_cmpint (op->result, ==, ENLACE_OPINION_NONE);
}

static void
test_xml (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceStore) copy = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *dir = g_dir_make_tmp ("enlace-opinions-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "x.xml", NULL);
  gint64 case_id = open_case (store, "dictamen");
  g_autoptr(JsonObject) v1 = quote_values ("Compucentro", 15250.5, 10, "MXN");
  g_autoptr(JsonObject) v2 = quote_values ("TecnoSur & Cía", 0.1, 3, "USD");
  gint64 q1 = enlace_opinion_quote_add (store, case_id, v1, &error);

  g_assert_cmpint (enlace_opinion_quote_add (store, case_id, v2, &error), >, 0);
  g_assert_true (enlace_opinion_resolve (store, case_id, ENLACE_OPINION_FAVOURABLE, "Mejor precio", q1, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_xml_export (store, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));
  g_assert_nonnull (strstr (first, "<quote n=\"1\" vendor=\"Compucentro\""));
  g_assert_nonnull (strstr (first, "<opinion result=\"favourable\" quote=\"1\""));
  g_assert_true (enlace_xml_import (copy, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_xml_export_to_memory (copy, &second, NULL, &error));
  g_assert_cmpstr (first, ==, second);
  g_unlink (path);
  g_rmdir (dir);
}

/* The dictamen document: one table per four quotes, the requirement
 * column, the resolution paragraphs and the two signatures. */
static void
test_dictamen_document (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCase) c = NULL;
  g_autoptr(EnlaceCaseDocument) doc = NULL;
  g_autoptr(GArray) kinds = NULL;
  g_autofree char *text = NULL;
  gint64 case_id = open_case (store, "dictamen");
  gint64 first = 0;
  EnlaceDocumentTable *t;
  char **head;
  gboolean has_dictamen = FALSE;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *vendor = g_strdup_printf ("Proveedor %u", i + 1);
      g_autoptr(JsonObject) v = quote_values (vendor, 1000.0 * (i + 1), 2, "MXN");
      gint64 id = enlace_opinion_quote_add (store, case_id, v, &error);

      g_assert_no_error (error);
      if (first == 0)
        first = id;
    }
  c = enlace_case_get (store, case_id, &error);
  g_assert_no_error (error);
  kinds = enlace_case_document_kinds (c);
  for (guint i = 0; i < kinds->len; i++)
    has_dictamen |= g_array_index (kinds, EnlaceDocumentKind, i) == ENLACE_DOCUMENT_DICTAMEN;
  g_assert_true (has_dictamen);

  doc = enlace_case_document_build (store, c, ENLACE_DOCUMENT_DICTAMEN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->tables->len, ==, 2);
  t = g_ptr_array_index (doc->tables, 0);
  head = g_ptr_array_index (t->rows, 0);
  g_assert_cmpuint (g_strv_length (head), ==, 2 + 4);
  g_assert_cmpstr (head[1], ==, "Requested");
  g_assert_cmpstr (head[2], ==, "1. Proveedor 1");
  t = g_ptr_array_index (doc->tables, 1);
  head = g_ptr_array_index (t->rows, 0);
  g_assert_cmpuint (g_strv_length (head), ==, 2 + 1);
  g_assert_cmpstr (head[2], ==, "5. Proveedor 5");
  g_assert_cmpuint (doc->signatures->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (doc->closing, 0), ==, "This opinion has not been resolved yet.");
  text = enlace_case_document_to_text (doc);
  g_assert_nonnull (strstr (text, "Total | — | 2,000.00 MXN | 4,000.00 MXN"));
  g_assert_nonnull (strstr (text, "Item | 10 computadoras de escritorio | Computadora de escritorio"));
  g_clear_pointer (&doc, enlace_case_document_free);
  g_clear_pointer (&text, g_free);

  g_assert_true (enlace_opinion_resolve (store, case_id, ENLACE_OPINION_UNFAVOURABLE,
                                         "Ninguna cumple la garantía", 0, &error));
  g_assert_no_error (error);
  doc = enlace_case_document_build (store, c, ENLACE_DOCUMENT_DICTAMEN, NULL, &error);
  g_assert_no_error (error);
  text = enlace_case_document_to_text (doc);
  g_assert_nonnull (strstr (text, "Verdict: Not favourable."));
  g_assert_nonnull (strstr (text, "Reasons: Ninguna cumple la garantía"));
  g_assert_null (strstr (text, "Recommended quote"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/cases/opinions/quotes", test_quotes);
  g_test_add_func ("/model/cases/opinions/resolve", test_resolve);
  g_test_add_func ("/model/cases/opinions/xml", test_xml);
  g_test_add_func ("/model/cases/opinions/dictamen-document", test_dictamen_document);
  return g_test_run ();
}
