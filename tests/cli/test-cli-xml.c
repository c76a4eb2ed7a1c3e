/* test-cli-xml.c: enlace-cli import and export, run as a program
 *
 * ENLACE_CLI names the built enlace-cli (set by tests/meson.build). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

static char *tmp_dir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *r,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ENLACE_CLI");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (tmp_dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", r->status, r->out, r->err);
}

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
  g_auto(Run) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 };

  g_assert_true (g_file_get_contents (xml, &fixture, NULL, NULL));

  run_cli (&r1, "import", db, xml, NULL);
  g_assert_cmpint (r1.status, ==, 0);
  g_assert_nonnull (strstr (r1.out, "Imported"));
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));

  run_cli (&r2, "export", db, "-", NULL);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_cmpstr (r2.out, ==, fixture);

  run_cli (&r3, "export", db, out, "--json", NULL);
  g_assert_cmpint (r3.status, ==, 0);
  g_assert_nonnull (strstr (r3.out, "\"bytes\""));
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, fixture);

  /* a second import into the same (now full) project is refused */
  run_cli (&r4, "import", db, xml, NULL);
  g_assert_cmpint (r4.status, ==, 1);
  g_assert_nonnull (strstr (r4.err, "empty"));
}

static void
test_import_json (void)
{
  g_autofree char *xml = fixture_path ();
  g_autofree char *db = tmp_path ("json.enlace");
  g_auto(Run) r = { 0 };

  run_cli (&r, "import", db, xml, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"counts\""));
  g_assert_nonnull (strstr (r.out, "\"port\" : 11"));
}

static void
test_usage (void)
{
  g_autofree char *db = tmp_path ("usage.enlace");
  g_auto(Run) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 }, r5 = { 0 };

  run_cli (&r1, "import", db, NULL);
  g_assert_cmpint (r1.status, ==, 2);
  g_assert_nonnull (strstr (r1.err, "--help"));

  run_cli (&r2, "export", NULL);
  g_assert_cmpint (r2.status, ==, 2);

  run_cli (&r3, "import", db, "a.xml", "--bogus", NULL);
  g_assert_cmpint (r3.status, ==, 2);

  run_cli (&r4, "import", "--help", NULL);
  g_assert_cmpint (r4.status, ==, 0);
  g_assert_nonnull (strstr (r4.out, "FILE XML"));

  run_cli (&r5, "export", "--help", NULL);
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
  g_auto(Run) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 };

  g_assert_true (g_file_set_contents (xml,
                                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<enlace version=\"1\">\n"
                                      "  <site code=\"A\" name=\"A\">\n"
                                      "</enlace>\n", -1, NULL));
  run_cli (&r1, "import", db, xml, NULL);
  g_assert_cmpint (r1.status, ==, 1);
  g_assert_nonnull (strstr (r1.err, "line 4"));
  g_assert_cmpstr (r1.out, ==, "");
  /* a failed import into a new file leaves no file */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  run_cli (&r2, "import", db, missing, NULL);
  g_assert_cmpint (r2.status, ==, 1);
  g_assert_nonnull (strstr (r2.err, "missing.xml"));

  run_cli (&r3, "export", nodb, "-", NULL);
  g_assert_cmpint (r3.status, ==, 1);
  g_assert_nonnull (strstr (r3.err, "missing.enlace"));
  g_assert_false (g_file_test (nodb, G_FILE_TEST_EXISTS));

  /* not an Enlace file */
  run_cli (&r4, "export", xml, "-", NULL);
  g_assert_cmpint (r4.status, ==, 1);
  g_assert_cmpstr (r4.out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmp_dir = g_dir_make_tmp ("enlace-cli-xml-XXXXXX", NULL);

  g_test_add_func ("/cli/xml/import-export", test_import_export);
  g_test_add_func ("/cli/xml/import-json", test_import_json);
  g_test_add_func ("/cli/xml/usage", test_usage);
  g_test_add_func ("/cli/xml/bad-file", test_bad_file);

  ret = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (tmp_dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmp_dir);
    g_free (tmp_dir);
  }
  return ret;
}
