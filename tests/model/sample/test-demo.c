/* test-demo.c: the demo campus */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "enlace-demo.h"
#include "enlace-design.h"
#include "enlace-store.h"
#include "enlace-xml.h"

/* Written once, shared by the tests that only read it. */
static EnlaceStore *shared;

static EnlaceStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);
  return store;
}

static guint
count_devices (EnlaceStore *store,
               const char  *role,
               const char  *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = enlace_store_list (store, "device", 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < devices->len; i++)
    {
      JsonObject *o = g_ptr_array_index (devices, i);

      if (g_strcmp0 (json_object_get_string_member (o, "role"), role) == 0
          && (status == NULL || g_strcmp0 (json_object_get_string_member (o, "status"), status) == 0))
        n++;
    }
  return n;
}

static guint
count_field (EnlaceStore *store,
             const char  *kind,
             const char  *field,
             const char  *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = enlace_store_list (store, kind, 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      JsonObject *o = g_ptr_array_index (rows, i);

      if (json_object_has_member (o, field) && !json_object_get_null_member (o, field)
          && g_strcmp0 (json_object_get_string_member (o, field), value) == 0)
        n++;
    }
  return n;
}

static void
test_populate (void)
{
  EnlaceStore *store = shared;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *institution = enlace_store_get_meta (store, "institution");
  g_autofree char *author = enlace_store_get_meta (store, "author");
  guint outlets = count_devices (store, "outlet", NULL);
  guint extensions = enlace_store_count (store, "extension");
  g_autoptr(GBytes) logo = enlace_store_get_logo (store, &error);

  g_assert_cmpstr (institution, ==, "Universidad Tecnológica del Valle");
  g_assert_nonnull (author);
  /* the university's emblem, an SVG kept in the file */
  g_assert_no_error (error);
  g_assert_nonnull (logo);
  g_assert_cmpstr (enlace_logo_check (logo, &error), ==, "image/svg+xml");
  g_assert_cmpuint (enlace_store_count (store, "site"), ==, 1);
  g_assert_cmpuint (enlace_store_count (store, "building"), ==, 3);
  g_assert_cmpuint (enlace_store_count (store, "floor"), ==, 7);
  g_test_message ("%u outlets, %u extensions", outlets, extensions);
  g_assert_cmpuint (outlets, >=, 180);
  g_assert_cmpuint (outlets, <=, 220);
  g_assert_cmpuint (extensions, >=, 55);
  g_assert_cmpuint (extensions, <=, 65);
  g_assert_cmpuint (count_devices (store, "pbx", NULL), ==, 1);
  g_assert_cmpuint (count_devices (store, "outlet", "planned"), >, 0);
  g_assert_cmpuint (count_devices (store, "outlet", "retired"), ==, 1);
  g_assert_cmpuint (enlace_store_count (store, "circuit"), ==, 3);
  g_assert_cmpuint (enlace_store_count (store, "area"), >=, 8);
  g_assert_cmpuint (enlace_store_count (store, "person"), >=, 40);

  /* a telecom room per floor, an equipment room */
  g_assert_cmpuint (count_field (store, "space", "kind", "telecom-room"), ==, 7);
  g_assert_cmpuint (count_field (store, "space", "kind", "equipment-room"), ==, 1);
  g_assert_cmpuint (count_field (store, "cable", "status", "planned"), >, 0);
  g_assert_cmpuint (count_field (store, "cable", "status", "decommissioned"), >, 0);
  g_assert_cmpuint (count_field (store, "cable", "type", "multipair"), ==, 7);
  g_assert_cmpuint (count_field (store, "cable", "type", "os2"), >, 0);
  g_assert_cmpuint (count_field (store, "cable", "type", "om3"), >, 0);
  g_assert_cmpuint (count_field (store, "extension", "status", "suspended"), ==, 2);
  g_assert_cmpuint (count_field (store, "extension", "status", "cancelled"), ==, 1);

  /* readable names */
  g_assert_cmpint (enlace_store_lookup (store, "device", "R-SITE-PBX1", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (store, "device", "A-P2-SW1", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (store, "device", "B-1A-001", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (store, "space", "R/0/SITE", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (store, "circuit", "TMX-INT-0457892", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (store, "extension", "1001", &error), >, 0);
  g_assert_no_error (error);

  problems = enlace_store_check (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_undo (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(GError) error = NULL;

  g_assert_true (enlace_store_can_undo (store));
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "building"), ==, 0);
  g_assert_cmpuint (enlace_store_count (store, "person"), ==, 0);
  g_assert_cmpuint (enlace_store_count (store, "cable"), ==, 0);
}

static void
test_ensure_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = enlace_demo_ensure_file (&error);
  g_autofree char *again = NULL;
  g_autoptr(EnlaceStore) store = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  again = enlace_demo_ensure_file (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, path);

  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* The campus's three buildings and the library in design. */
  g_assert_cmpuint (enlace_store_count (store, "building"), ==, 4);
  g_assert_cmpint (enlace_store_lookup (store, "building", "C", &error), >, 0);
  {
    g_autoptr(GPtrArray) runs = enlace_design_floor_runs (store, enlace_store_lookup (store, "floor", "C/0", NULL),
                                                          NULL, &error);
    guint over = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (runs->len, >, 30);
    for (guint i = 0; i < runs->len; i++)
      over += ((EnlaceDesignRun *) g_ptr_array_index (runs, i))->over_limit;
    g_assert_cmpuint (over, ==, 1);  /* the guard's booth, on purpose */
  }
}

/* data/demo/demo-campus.xml is the demo campus as XML: importing it gives
 * the same project as enlace_demo_populate().  When this fails after a
 * change to enlace-demo.c, regenerate the file:
 *   enlace-cli generate /tmp/demo.enlace --demo --force
 *   enlace-cli export /tmp/demo.enlace data/demo/demo-campus.xml */
static void
test_xml (void)
{
  EnlaceStore *built = shared;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) imported = enlace_store_new_memory (&error);
  g_autofree char *path = g_build_filename (SOURCE_DIR, "data", "demo", "demo-campus.xml", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize la = 0, lb = 0;

  g_assert_no_error (error);
  g_assert_true (enlace_xml_import (imported, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_xml_export_to_memory (built, &a, &la, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_xml_export_to_memory (imported, &b, &lb, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (la, ==, lb);
  g_assert_true (memcmp (a, b, la) == 0);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  shared = demo_store ();

  g_test_add_func ("/model/demo/populate", test_populate);
  g_test_add_func ("/model/demo/undo", test_undo);
  g_test_add_func ("/model/demo/ensure-file", test_ensure_file);
  g_test_add_func ("/model/demo/xml", test_xml);

  ret = g_test_run ();
  g_clear_object (&shared);
  return ret;
}
