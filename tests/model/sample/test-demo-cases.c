/* test-demo-cases.c: the demo campus's year of cases */
#include "config.h"

#include <string.h>

#include "enlace-cases.h"
#include "enlace-demo.h"
#include "enlace-generate-cases.h"
#include "enlace-xml.h"

static EnlaceStore *
demo_with_cases (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_demo_add_cases (store, &error));
  g_assert_no_error (error);
  return store;
}

static void
test_cases (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = demo_with_cases ();
  EnlaceCaseFilter all = { 0 };
  g_autoptr(GPtrArray) rows = enlace_cases_query (store, &all, &error);
  g_autoptr(GPtrArray) accounts = enlace_email_accounts_list (store, NULL, TRUE, &error);
  g_autoptr(GHashTable) procedures = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *department = enlace_store_get_meta (store, "department");
  guint open = 0, closed = 0, cancelled = 0, removed = 0, active = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >=, 30);
  for (guint i = 0; i < rows->len; i++)
    {
      EnlaceCaseRow *r = g_ptr_array_index (rows, i);
      g_autoptr(EnlaceCase) c = enlace_case_get (store, r->id, &error);

      g_assert_no_error (error);
      g_hash_table_add (procedures, (gpointer) g_intern_string (r->procedure_code));
      /* a year: 2026 */
      g_assert_cmpint (g_date_time_get_year (r->opened_at), ==, 2026);
      if (r->status == ENLACE_CASE_CLOSED)
        {
          closed++;
          g_assert_nonnull (r->closed_at);
          g_assert_cmpint (g_date_time_compare (r->closed_at, r->opened_at), >, 0);
        }
      else if (r->status == ENLACE_CASE_CANCELLED)
        cancelled++;
      else if (r->status != ENLACE_CASE_RESOLVED)
        open++;
      /* every event dated within the year, none in the future of 2026 */
      for (guint e = 0; e < c->events->len; e++)
        {
          EnlaceCaseEvent *ev = g_ptr_array_index (c->events, e);

          g_assert_cmpint (g_date_time_get_year (ev->at), ==, 2026);
          g_assert_cmpstr (ev->who, !=, g_get_user_name ());
        }
    }
  g_assert_cmpuint (open, >=, 5);
  g_assert_cmpuint (closed, >=, 15);
  g_assert_cmpuint (cancelled, >=, 1);
  /* every procedure of the issue, and the others */
  g_assert_true (g_hash_table_contains (procedures, "correo-alta"));
  g_assert_true (g_hash_table_contains (procedures, "correo-baja"));
  g_assert_true (g_hash_table_contains (procedures, "internet-alta"));
  g_assert_cmpuint (g_hash_table_size (procedures), >=, 7);

  for (guint i = 0; i < accounts->len; i++)
    {
      EnlaceEmailAccount *a = g_ptr_array_index (accounts, i);

      if (g_strcmp0 (a->status, "removed") == 0)
        {
          removed++;
          g_assert_nonnull (a->removed_folio);
        }
      else
        active++;
    }
  g_assert_cmpuint (removed, >=, 3);
  g_assert_cmpuint (active, >=, 50);
  g_assert_cmpstr (department, ==, "Departamento de Comunicaciones y Enlaces");
}

/* The same cases, dates and staff on every run. */
static void
test_deterministic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) a = demo_with_cases ();
  g_autoptr(EnlaceStore) b = demo_with_cases ();
  g_autofree char *xa = NULL;
  g_autofree char *xb = NULL;
  gsize la = 0, lb = 0;

  g_assert_true (enlace_xml_export_to_memory (a, &xa, &la, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_xml_export_to_memory (b, &xb, &lb, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xa, "CORREO-2026-0001"));
  g_assert_cmpuint (la, ==, lb);
  g_assert_true (memcmp (xa, xb, la) == 0);
}

/* enlace-cli generate --cases: synthetic cases in bulk, one undo */
static void
test_generate_cases (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(JsonObject) counts = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  EnlaceCaseFilter all = { 0 };
  EnlaceCaseFilter page = { .limit = 10 };

  g_assert_no_error (error);
  g_assert_true (enlace_generate_cases (store, 500, 1, &error));
  g_assert_no_error (error);
  counts = enlace_cases_counts (store, &all, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (counts, "total"), ==, 500);
  g_assert_cmpint (json_object_get_int_member (counts, "closed"), >, 0);
  g_assert_cmpint (json_object_get_int_member (counts, "open"), >, 0);
  rows = enlace_cases_query (store, &page, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 10);
  /* every case has its steps; the newest is the last generated */
  {
    g_autoptr(EnlaceCase) c = enlace_case_get (store, ((EnlaceCaseRow *) g_ptr_array_index (rows, 0))->id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (c->steps->len, ==, c->procedure->steps->len);
    g_assert_cmpuint (c->events->len, >=, 1);
  }
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  after = enlace_cases_counts (store, &all, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (after, "total"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/demo/cases", test_cases);
  g_test_add_func ("/model/demo/cases-deterministic", test_deterministic);
  g_test_add_func ("/model/generate/cases", test_generate_cases);
  return g_test_run ();
}
