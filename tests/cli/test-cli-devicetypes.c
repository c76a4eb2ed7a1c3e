/* test-cli-devicetypes.c: enlace-cli import-device-types, run as a program
 *
 * ENLACE_CLI names the built enlace-cli (set by tests/meson.build). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "enlace-test-cli.h"

static char *tmp_dir;

static char *
new_project (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_auto(EnlaceCliRun) r = { 0 };

  g_unlink (path);
  enlace_test_cli_run (&r, tmp_dir, "new", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  return g_steal_pointer (&path);
}

static void
test_import (void)
{
  g_autofree char *db = new_project ("types.enlace");
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "devicetypes", NULL);
  g_autofree char *invalid = g_test_build_filename (G_TEST_DIST, "data", "devicetypes", "invalid", NULL);
  g_autofree char *one = g_test_build_filename (G_TEST_DIST, "data", "devicetypes", "Acme", "SW-48G-4X.yaml", NULL);
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 }, r5 = { 0 };

  /* A folder with valid, invalid and duplicate files: exit 0 */
  enlace_test_cli_run (&r1, tmp_dir, "import-device-types", db, folder, NULL);
  g_assert_cmpint (r1.status, ==, 0);
  g_assert_nonnull (strstr (r1.out, "Imported 11 device types"));
  g_assert_nonnull (strstr (r1.out, "Skipped 3 files:"));
  g_assert_nonnull (strstr (r1.out, "missing-rear.yaml:9:"));

  /* Everything already there: nothing imported, exit 1 */
  enlace_test_cli_run (&r2, tmp_dir, "import-device-types", db, one, NULL);
  g_assert_cmpint (r2.status, ==, 1);
  g_assert_nonnull (strstr (r2.out, "is already in the document"));

  /* Only invalid files: exit 1 */
  enlace_test_cli_run (&r3, tmp_dir, "import-device-types", db, invalid, "--json", NULL);
  g_assert_cmpint (r3.status, ==, 1);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *root;
    JsonArray *skipped;

    json_parser_load_from_data (parser, r3.out, -1, &error);
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (root, "files"), ==, 2);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "imported")), ==, 0);
    skipped = json_object_get_array_member (root, "skipped");
    g_assert_cmpuint (json_array_get_length (skipped), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (skipped, 0), "reason"), ==, "invalid");
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (skipped, 0), "line"), ==, 8);
  }

  /* Bad usage and a missing path */
  enlace_test_cli_run (&r4, tmp_dir, "import-device-types", db, NULL);
  g_assert_cmpint (r4.status, ==, 2);
  enlace_test_cli_run (&r5, tmp_dir, "import-device-types", db, "/nonexistent/device-types", NULL);
  g_assert_cmpint (r5.status, ==, 1);
  g_assert_nonnull (strstr (r5.err, "does not exist"));
}

static void
test_undo (void)
{
  g_autofree char *db = new_project ("undo.enlace");
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "devicetypes", "Acme", NULL);
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 };

  enlace_test_cli_run (&r1, tmp_dir, "import-device-types", db, folder, NULL);
  g_assert_cmpint (r1.status, ==, 0);
  g_assert_nonnull (strstr (r1.out, "Imported 3 device types"));
  enlace_test_cli_run (&r2, tmp_dir, "undo", db, NULL);
  g_assert_cmpint (r2.status, ==, 0);
  /* undone: the same files import again */
  enlace_test_cli_run (&r3, tmp_dir, "import-device-types", db, folder, NULL);
  g_assert_cmpint (r3.status, ==, 0);
  g_assert_nonnull (strstr (r3.out, "Imported 3 device types"));
}

static void
test_help (void)
{
  g_auto(EnlaceCliRun) r = { 0 };

  enlace_test_cli_run (&r, tmp_dir, "import-device-types", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--json"));
  g_assert_nonnull (strstr (r.out, "port-mappings"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmp_dir = enlace_test_cli_make_dir ("enlace-cli-devicetypes");

  g_test_add_func ("/cli/devicetypes/import", test_import);
  g_test_add_func ("/cli/devicetypes/undo", test_undo);
  g_test_add_func ("/cli/devicetypes/help", test_help);

  status = g_test_run ();

  enlace_test_cli_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
