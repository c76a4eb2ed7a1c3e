/* test-cli-xml.c: enlace-cli import and export, run as a program
 *
 * ENLACE_CLI names the built enlace-cli (set by tests/meson.build). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "enlace-test-cli.h"

static char *tmp_dir;

static char *
fixture_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "xml", "campus.xml", NULL);
}

static char *
tmp_path (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  g_unlink (path);
  return g_steal_pointer (&path);
}

static void
test_import_export (void)
{
  g_autofree char *xml = fixture_path ();
  g_autofree char *fixture = NULL;
  g_autofree char *db = tmp_path ("campus.enlace");
  g_autofree char *out = tmp_path ("out.xml");
  g_autofree char *written = NULL;
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 };

  g_assert_true (g_file_get_contents (xml, &fixture, NULL, NULL));

  enlace_test_cli_run (&r1, tmp_dir, "import", db, xml, NULL);
  g_assert_cmpint (r1.status, ==, 0);
  g_assert_nonnull (strstr (r1.out, "Imported"));
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));

  enlace_test_cli_run (&r2, tmp_dir, "export", db, "-", NULL);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_cmpstr (r2.out, ==, fixture);

  enlace_test_cli_run (&r3, tmp_dir, "export", db, out, "--json", NULL);
  g_assert_cmpint (r3.status, ==, 0);
  g_assert_nonnull (strstr (r3.out, "\"bytes\""));
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, fixture);

  /* a second import into the same (now full) project is refused */
  enlace_test_cli_run (&r4, tmp_dir, "import", db, xml, NULL);
  g_assert_cmpint (r4.status, ==, 1);
  g_assert_nonnull (strstr (r4.err, "empty"));
}

static void
test_import_json (void)
{
  g_autofree char *xml = fixture_path ();
  g_autofree char *db = tmp_path ("json.enlace");
  g_auto(EnlaceCliRun) r = { 0 };

  enlace_test_cli_run (&r, tmp_dir, "import", db, xml, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"counts\""));
  g_assert_nonnull (strstr (r.out, "\"port\" : 11"));
}

static void
test_usage (void)
{
  g_autofree char *db = tmp_path ("usage.enlace");
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 }, r5 = { 0 };

  enlace_test_cli_run (&r1, tmp_dir, "import", db, NULL);
  g_assert_cmpint (r1.status, ==, 2);
  g_assert_nonnull (strstr (r1.err, "--help"));

  enlace_test_cli_run (&r2, tmp_dir, "export", NULL);
  g_assert_cmpint (r2.status, ==, 2);

  enlace_test_cli_run (&r3, tmp_dir, "import", db, "a.xml", "--bogus", NULL);
  g_assert_cmpint (r3.status, ==, 2);

  enlace_test_cli_run (&r4, tmp_dir, "import", "--help", NULL);
  g_assert_cmpint (r4.status, ==, 0);
  g_assert_nonnull (strstr (r4.out, "FILE XML"));

  enlace_test_cli_run (&r5, tmp_dir, "export", "--help", NULL);
  g_assert_cmpint (r5.status, ==, 0);
  g_assert_nonnull (strstr (r5.out, "OUT.xml"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

static void
test_bad_file (void)
{
  g_autofree char *db = tmp_path ("bad.enlace");
  g_autofree char *xml = tmp_path ("bad.xml");
  g_autofree char *missing = tmp_path ("missing.xml");
  g_autofree char *nodb = tmp_path ("missing.enlace");
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 };

  g_assert_true (g_file_set_contents (xml,
                                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<enlace version=\"1\">\n"
                                      "  <site code=\"A\" name=\"A\">\n"
                                      "</enlace>\n", -1, NULL));
  enlace_test_cli_run (&r1, tmp_dir, "import", db, xml, NULL);
  g_assert_cmpint (r1.status, ==, 1);
  g_assert_nonnull (strstr (r1.err, "line 4"));
  g_assert_cmpstr (r1.out, ==, "");
  /* a failed import into a new file leaves no file */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  enlace_test_cli_run (&r2, tmp_dir, "import", db, missing, NULL);
  g_assert_cmpint (r2.status, ==, 1);
  g_assert_nonnull (strstr (r2.err, "missing.xml"));

  enlace_test_cli_run (&r3, tmp_dir, "export", nodb, "-", NULL);
  g_assert_cmpint (r3.status, ==, 1);
  g_assert_nonnull (strstr (r3.err, "missing.enlace"));
  g_assert_false (g_file_test (nodb, G_FILE_TEST_EXISTS));

  /* not an Enlace file */
  enlace_test_cli_run (&r4, tmp_dir, "export", xml, "-", NULL);
  g_assert_cmpint (r4.status, ==, 1);
  g_assert_cmpstr (r4.out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmp_dir = enlace_test_cli_make_dir ("enlace-cli-xml");

  g_test_add_func ("/cli/xml/import-export", test_import_export);
  g_test_add_func ("/cli/xml/import-json", test_import_json);
  g_test_add_func ("/cli/xml/usage", test_usage);
  g_test_add_func ("/cli/xml/bad-file", test_bad_file);

  ret = g_test_run ();

  enlace_test_cli_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
