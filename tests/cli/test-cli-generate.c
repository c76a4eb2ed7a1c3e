/* test-cli-generate.c: enlace-cli generate, run as a program
 *
 * ENLACE_CLI names the built enlace-cli (set by tests/meson.build). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "enlace-test-cli.h"

static char *tmp_dir;

static void
remove_project (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

static void
test_generate (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "gen.enlace", NULL);
  g_auto(EnlaceCliRun) r = { 0 };
  g_auto(EnlaceCliRun) again = { 0 };
  g_auto(EnlaceCliRun) forced = { 0 };
  g_auto(EnlaceCliRun) check = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *counts;

  remove_project (path);
  enlace_test_cli_run (&r, tmp_dir, "generate", path, "--buildings", "2", "--floors", "2",
                       "--outlets-per-floor", "12", "--seed", "5", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "seed"), ==, 5);
  counts = json_object_get_object_member (root, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "building"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (counts, "floor"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (counts, "port"), >, 2 * 2 * 12 * 8);

  /* an existing project is not overwritten without --force */
  enlace_test_cli_run (&again, tmp_dir, "generate", path, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "--force"));

  enlace_test_cli_run (&forced, tmp_dir, "generate", path, "--force", "--buildings", "1", "--floors", "1",
                       "--outlets-per-floor", "3", NULL);
  g_assert_cmpint (forced.status, ==, 0);
  g_assert_nonnull (strstr (forced.out, "1 buildings"));

  enlace_test_cli_run (&check, tmp_dir, "check", path, NULL);
  g_assert_cmpint (check.status, ==, 0);
  remove_project (path);
}

static void
test_demo (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "demo.enlace", NULL);
  g_auto(EnlaceCliRun) r = { 0 };
  g_auto(EnlaceCliRun) show = { 0 };

  remove_project (path);
  enlace_test_cli_run (&r, tmp_dir, "generate", path, "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "demo"));

  enlace_test_cli_run (&show, tmp_dir, "show", path, "device", "R-SITE-PBX1", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "IP Office"));
  remove_project (path);
}

static void
test_usage (void)
{
  g_auto(EnlaceCliRun) help = { 0 };
  g_auto(EnlaceCliRun) none = { 0 };
  g_auto(EnlaceCliRun) bad = { 0 };
  g_auto(EnlaceCliRun) unknown = { 0 };
  g_autofree char *path = g_build_filename (tmp_dir, "never.enlace", NULL);

  enlace_test_cli_run (&help, tmp_dir, "generate", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--outlets-per-floor"));

  enlace_test_cli_run (&none, tmp_dir, "generate", NULL);
  g_assert_cmpint (none.status, ==, 2);

  enlace_test_cli_run (&bad, tmp_dir, "generate", path, "--floors", "0", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  enlace_test_cli_run (&unknown, tmp_dir, "generate", path, "--bogus", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmp_dir = enlace_test_cli_make_dir ("enlace-cli-generate");

  g_test_add_func ("/cli/generate/synthetic", test_generate);
  g_test_add_func ("/cli/generate/demo", test_demo);
  g_test_add_func ("/cli/generate/usage", test_usage);

  ret = g_test_run ();

  enlace_test_cli_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
