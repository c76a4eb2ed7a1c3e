/* test-generate.c: the synthetic campus generator */
#include "config.h"

#include <string.h>

#include "enlace-generate.h"
#include "enlace-store.h"
#include "enlace-xml.h"

static EnlaceStore *
generate (guint   buildings,
          guint   floors,
          guint   outlets,
          guint64 seed)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);
  EnlaceGenerateOptions opts;

  g_assert_no_error (error);
  enlace_generate_options_init (&opts);
  opts.buildings = buildings;
  opts.floors = floors;
  opts.outlets_per_floor = outlets;
  opts.seed = seed;
  g_assert_true (enlace_generate (store, &opts, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static char *
export (EnlaceStore *store)
{
  g_autoptr(GError) error = NULL;
  char *xml = NULL;
  gsize len = 0;

  g_assert_true (enlace_xml_export_to_memory (store, &xml, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 0);
  return xml;
}

static void
assert_clean (EnlaceStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = enlace_store_check (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static guint
count_role (EnlaceStore *store,
            const char  *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = enlace_store_list (store, "device", 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < devices->len; i++)
    if (g_strcmp0 (json_object_get_string_member (g_ptr_array_index (devices, i), "role"), role) == 0)
      n++;
  return n;
}

static void
test_deterministic (void)
{
  g_autoptr(EnlaceStore) a = generate (2, 2, 16, 7);
  g_autoptr(EnlaceStore) b = generate (2, 2, 16, 7);
  g_autoptr(EnlaceStore) c = generate (2, 2, 16, 8);
  g_autofree char *xa = export (a);
  g_autofree char *xb = export (b);
  g_autofree char *xc = export (c);

  g_assert_cmpstr (xa, ==, xb);
  g_assert_cmpstr (xa, !=, xc);
  /* same shape, other choices */
  g_assert_cmpuint (enlace_store_count (a, "device"), >, 0);
  g_assert_cmpuint (count_role (a, "outlet"), ==, count_role (c, "outlet"));
}

static void
test_counts (void)
{
  g_autoptr(EnlaceStore) store = generate (3, 2, 12, 1);
  g_autoptr(GError) error = NULL;
  guint ports = enlace_store_count (store, "port");

  g_assert_cmpuint (enlace_store_count (store, "site"), ==, 1);
  g_assert_cmpuint (enlace_store_count (store, "building"), ==, 3);
  g_assert_cmpuint (enlace_store_count (store, "floor"), ==, 6);
  g_assert_cmpuint (count_role (store, "outlet"), ==, 3 * 2 * 12);
  g_assert_cmpuint (count_role (store, "pbx"), ==, 1);
  g_assert_cmpuint (enlace_store_count (store, "circuit"), ==, 2);
  /* every outlet: 2 jacks + 2 rear ports, and as many panel ports */
  g_assert_cmpuint (ports, >, 3 * 2 * 12 * 8);
  /* two horizontal links per outlet and more */
  g_assert_cmpuint (enlace_store_count (store, "cable"), >, 3 * 2 * 12 * 2);
  g_assert_cmpuint (enlace_store_count (store, "extension"), >, 0);

  /* readable TIA-606 names */
  g_assert_cmpint (enlace_store_lookup (store, "device", "A-0A-001", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (store, "device", "C-1A-012", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (store, "device", "C-1A-013", &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (enlace_store_lookup (store, "device", "B-P1-SW1", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (store, "port", "A-0A-001:D", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (store, "cable", "A-0A-A01", &error), >, 0);
  g_assert_no_error (error);

  assert_clean (store);
}

static void
test_undo (void)
{
  g_autoptr(EnlaceStore) store = generate (1, 2, 10, 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = enlace_store_dup_undo_label (store);
  guint ports = enlace_store_count (store, "port");

  g_assert_nonnull (label);
  g_assert_cmpuint (ports, >, 0);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "building"), ==, 0);
  g_assert_cmpuint (enlace_store_count (store, "device"), ==, 0);
  g_assert_cmpuint (enlace_store_count (store, "device-type"), ==, 0);
  g_assert_cmpuint (enlace_store_count (store, "port"), ==, 0);
  g_assert_cmpuint (enlace_store_count (store, "cable"), ==, 0);
  g_assert_cmpuint (enlace_store_count (store, "extension"), ==, 0);

  g_assert_true (enlace_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "port"), ==, ports);
  assert_clean (store);
}

static void
test_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  EnlaceGenerateOptions opts;

  g_assert_no_error (error);
  enlace_generate_options_init (&opts);
  opts.buildings = 0;
  g_assert_false (enlace_generate (store, &opts, NULL, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  enlace_generate_options_init (&opts);
  opts.outlets_per_floor = 20000;
  g_assert_false (enlace_generate (store, &opts, NULL, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (enlace_store_count (store, "site"), ==, 0);
  g_assert_false (enlace_store_can_undo (store));
}

static void
test_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  EnlaceGenerateOptions opts;

  g_assert_no_error (error);
  enlace_generate_options_init (&opts);
  g_cancellable_cancel (cancellable);
  g_assert_false (enlace_generate (store, &opts, cancellable, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CANCELLED);
  g_assert_cmpuint (enlace_store_count (store, "site"), ==, 0);
  g_assert_cmpuint (enlace_store_count (store, "device-type"), ==, 0);
  g_assert_false (enlace_store_can_undo (store));
}

static void
test_building_codes (void)
{
  const struct { guint i; const char *code; } cases[] = {
    { 0, "A" }, { 25, "Z" }, { 26, "AA" }, { 27, "AB" }, { 51, "AZ" }, { 52, "BA" }, { 701, "ZZ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = enlace_generate_building_code (cases[i].i);
      g_assert_cmpstr (code, ==, cases[i].code);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/generate/deterministic", test_deterministic);
  g_test_add_func ("/model/generate/counts", test_counts);
  g_test_add_func ("/model/generate/undo", test_undo);
  g_test_add_func ("/model/generate/invalid", test_invalid);
  g_test_add_func ("/model/generate/cancel", test_cancel);
  g_test_add_func ("/model/generate/building-codes", test_building_codes);

  return g_test_run ();
}
