/* test-cli-generate.c: enlace-cli generate, run as a program
 *
 * ENLACE_CLI names the built enlace-cli (set by tests/meson.build). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
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
  g_auto(Run) r = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) forced = { 0 };
  g_auto(Run) check = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *counts;

  remove_project (path);
  run_cli (&r, "generate", path, "--buildings", "2", "--floors", "2",
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
  run_cli (&again, "generate", path, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "--force"));

  run_cli (&forced, "generate", path, "--force", "--buildings", "1", "--floors", "1",
           "--outlets-per-floor", "3", NULL);
  g_assert_cmpint (forced.status, ==, 0);
  g_assert_nonnull (strstr (forced.out, "1 buildings"));

  run_cli (&check, "check", path, NULL);
  g_assert_cmpint (check.status, ==, 0);
  remove_project (path);
}

static void
test_demo (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "demo.enlace", NULL);
  g_auto(Run) r = { 0 };
  g_auto(Run) show = { 0 };

  remove_project (path);
  run_cli (&r, "generate", path, "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "demo"));

  run_cli (&show, "show", path, "device", "R-SITE-PBX1", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "IP Office"));
  remove_project (path);
}

static void
test_usage (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) unknown = { 0 };
  g_autofree char *path = g_build_filename (tmp_dir, "never.enlace", NULL);

  run_cli (&help, "generate", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--outlets-per-floor"));

  run_cli (&none, "generate", NULL);
  g_assert_cmpint (none.status, ==, 2);

  run_cli (&bad, "generate", path, "--floors", "0", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  run_cli (&unknown, "generate", path, "--bogus", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmp_dir = g_dir_make_tmp ("enlace-cli-generate-XXXXXX", NULL);

  g_test_add_func ("/cli/generate/synthetic", test_generate);
  g_test_add_func ("/cli/generate/demo", test_demo);
  g_test_add_func ("/cli/generate/usage", test_usage);

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
