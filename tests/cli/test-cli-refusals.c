/* test-cli-refusals.c: refusals a person can act on, and inputs that must
 * not take minutes (issue 14, "Slow inputs" and "Refusals a person can
 * act on").  Each case failed before its fix: the wrong exit status, a
 * message in SQLite's or libxml2's words, or an answer after minutes.
 * Large inputs are generated here, not stored in the tree. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "enlace-test-cli.h"

typedef struct
{
  char *dir;
  char *file;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_auto(EnlaceCliRun) r = { 0 };

  f->dir = enlace_test_cli_make_dir ("enlace-cli-refusals-XXXXXX");
  f->file = g_build_filename (f->dir, "campus.enlace", NULL);
  enlace_test_cli_run (&r, f->dir, "new", f->file, NULL);
  g_assert_cmpint (r.status, ==, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  enlace_test_cli_remove_dir (f->dir);
  g_free (f->file);
  g_free (f->dir);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *data,
            gssize      len)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return path;
}

#define ASSERT_HAS(text, needle) G_STMT_START {                            \
    if (strstr ((text), (needle)) == NULL)                                 \
      g_error ("“%s” not in: %s", (needle), (text));                       \
  } G_STMT_END
#define ASSERT_LACKS(text, needle) G_STMT_START {                          \
    if (strstr ((text), (needle)) != NULL)                                 \
      g_error ("“%s” should not be in: %s", (needle), (text));             \
  } G_STMT_END

/* ------------------------------------------------------------------ */
/* Exit statuses                                                        */

/* `add FILE site` with no fields is bad usage (2), not a refusal (1). */
static void
test_add_no_fields (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(EnlaceCliRun) r = { 0 };

  enlace_test_cli_run (&r, f->dir, "add", f->file, "site", NULL);
  g_assert_cmpint (r.status, ==, 2);
  ASSERT_HAS (r.err, "code");
}

/* `plan -o p.doc` wrote a PDF under a name no PDF reader opens. */
static void
test_plan_unknown_extension (Fixture       *f,
                             gconstpointer  data)
{
  g_auto(EnlaceCliRun) r = { 0 };
  g_autofree char *out = g_build_filename (f->dir, "p.doc", NULL);

  enlace_test_cli_run (&r, f->dir, "plan", f->file, "--floor", "A/0", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 2);
  ASSERT_HAS (r.err, "p.doc");
  ASSERT_HAS (r.err, ".pdf");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* --metres-per-unit -1 was ignored (exit 0); --opacity 2 gave SQL text. */
static void
test_plan_background_values (Fixture       *f,
                             gconstpointer  data)
{
  g_auto(EnlaceCliRun) r = { 0 };
  g_autofree char *img = write_file (f, "plan.svg",
                                     "<svg xmlns='http://www.w3.org/2000/svg' width='100' height='50'/>", -1);

  enlace_test_cli_run (&r, f->dir, "add", f->file, "site", "code=S", "name=S", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, f->dir, "add", f->file, "building", "site=S", "code=A", "name=A", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, f->dir, "add", f->file, "floor", "building=A", "level=0", "name=Ground", NULL);
  g_assert_cmpint (r.status, ==, 0);

  enlace_test_cli_run (&r, f->dir, "plan-background", f->file, "--floor", "A/0",
                       "--metres-per-unit", "-1", img, NULL);
  g_assert_cmpint (r.status, ==, 2);
  ASSERT_HAS (r.err, "--metres-per-unit");

  enlace_test_cli_run (&r, f->dir, "plan-background", f->file, "--floor", "A/0",
                       "--opacity", "2", img, NULL);
  g_assert_cmpint (r.status, ==, 2);
  ASSERT_HAS (r.err, "--opacity");
  ASSERT_LACKS (r.err, "CHECK");

  /* nothing was set by the refusals */
  enlace_test_cli_run (&r, f->dir, "list", f->file, "floor-plan", NULL);
  g_assert_cmpint (r.status, ==, 0);
  ASSERT_LACKS (r.out, "A/0");

  enlace_test_cli_run (&r, f->dir, "plan-background", f->file, "--floor", "A/0",
                       "--metres-per-unit", "0.05", "--opacity", "0.3", img, NULL);
  g_assert_cmpint (r.status, ==, 0);
}

/* `list` and `log --json` into a full disk exited 0. */
static void
test_output_full_disk (Fixture       *f,
                       gconstpointer  data)
{
  const char *cmds[][5] = {
    { "list", NULL, "kinds", NULL, NULL },
    { "log", NULL, "--json", NULL, NULL },
  };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cmds); i++)
    {
      g_autofree char *line = g_strdup_printf ("\"$ENLACE_CLI\" %s '%s' %s > /dev/full",
                                               cmds[i][0], f->file, cmds[i][2]);
      const char *argv[] = { "/bin/sh", "-c", line, NULL };
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (f->dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   NULL, &err, &status, &error));
      g_assert_false (g_spawn_check_wait_status (status, NULL));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      ASSERT_HAS (err, cmds[i][0]);
    }
}

/* positions=99999999999999999999 reported "-1 positions". */
static void
test_number_too_large (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(EnlaceCliRun) r = { 0 };

  enlace_test_cli_run (&r, f->dir, "add", f->file, "device", "name=PP", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, f->dir, "add", f->file, "port", "device=PP", "name=R1", "kind=rear",
                       "positions=99999999999999999999", NULL);
  g_assert_cmpint (r.status, ==, 1);
  ASSERT_HAS (r.err, "99999999999999999999");
  ASSERT_LACKS (r.err, "-1");
  enlace_test_cli_run (&r, f->dir, "add", f->file, "port", "device=PP", "name=R1", "kind=rear",
                       "positions=9999999999", NULL);
  g_assert_cmpint (r.status, ==, 1);
  ASSERT_HAS (r.err, "9999999999 ");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/cli/refusals/add-no-fields", test_add_no_fields);
  ADD ("/cli/refusals/plan-unknown-extension", test_plan_unknown_extension);
  ADD ("/cli/refusals/plan-background-values", test_plan_background_values);
  ADD ("/cli/refusals/output-full-disk", test_output_full_disk);
  ADD ("/cli/refusals/number-too-large", test_number_too_large);
#undef ADD

  return g_test_run ();
}
