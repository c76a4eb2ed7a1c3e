/* test-cli-refusals.c: refusals a person can act on, and inputs that must
 * not take minutes (issue 14, "Slow inputs" and "Refusals a person can
 * act on").  Each case failed before its fix: the wrong exit status, a
 * message in SQLite's or libxml2's words, or an answer after minutes.
 * Large inputs are generated here, not stored in the tree. */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
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


/* ------------------------------------------------------------------ */
/* Device-type YAML                                                     */

/* Imports @yaml (written as @name) and expects it skipped with @needle
 * in the message, and the project left without device types. */
static void
expect_yaml_refused (Fixture    *f,
                     const char *name,
                     const char *yaml,
                     gssize      len,
                     const char *needle)
{
  g_auto(EnlaceCliRun) r = { 0 };
  g_autofree char *path = write_file (f, name, yaml, len);
  g_autoptr(GTimer) timer = g_timer_new ();

  g_autofree char *both = NULL;

  enlace_test_cli_run (&r, f->dir, "import-device-types", f->file, path, NULL);
  both = g_strconcat (r.out, r.err, NULL);   /* the skipped files are in the summary */
  if (r.status != 1 || strstr (both, needle) == NULL)
    g_error ("%s: exit %d, “%s” expected in: %s", name, r.status, needle, both);
  g_test_message ("%s refused in %.2f s", name, g_timer_elapsed (timer, NULL));
  enlace_test_cli_run (&r, f->dir, "list", f->file, "device-type", NULL);
  g_assert_cmpint (r.status, ==, 0);
  ASSERT_LACKS (r.out, "Acme");
  g_remove (path);
}

/* 200,000 interfaces took 273 s; nesting 100,000 deep took 27 s. */
static void
test_devicetype_limits (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) s = g_string_new ("manufacturer: Acme\nmodel: Big\ninterfaces:\n");
  g_auto(EnlaceCliRun) r = { 0 };
  g_autofree char *ok_path = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (s, "  - {name: e%u, type: 1000base-t}\n", i);
  expect_yaml_refused (f, "many.yaml", s->str, s->len, "more than 4096 entries");

  for (guint i = 100000; i < 200000; i++)
    g_string_append_printf (s, "  - {name: e%u, type: 1000base-t}\n", i);
  expect_yaml_refused (f, "huge.yaml", s->str, s->len, "larger than 4 MB");

  g_string_assign (s, "manufacturer: Acme\nmodel: Deep\nslug: ");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '\n');
  expect_yaml_refused (f, "deep.yaml", s->str, s->len, "deep.yaml:3: lists and mappings are nested more than 32");

  g_string_assign (s, "manufacturer: Acme\nmodel: Deep\nslug: ");
  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "{a: ");
  g_string_append_c (s, '\n');
  expect_yaml_refused (f, "open.yaml", s->str, s->len, "nested more than 32");

  /* at the limit: imported */
  g_string_assign (s, "manufacturer: Acme\nmodel: Limit\ninterfaces:\n");
  for (guint i = 0; i < 4096; i++)
    g_string_append_printf (s, "  - {name: e%u, type: 1000base-t}\n", i);
  ok_path = write_file (f, "limit.yaml", s->str, s->len);
  enlace_test_cli_run (&r, f->dir, "import-device-types", f->file, ok_path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  ASSERT_HAS (r.out, "4096");
}

/* Duplicate keys, a second document, !!binary and NUL were accepted. */
static void
test_devicetype_yaml (Fixture       *f,
                      gconstpointer  data)
{
  static const char nul[] = "manufacturer: Acme\nmodel: \"A\\0B\"\n";
  static const char nul_raw[] = "manufacturer: Acme\nmodel: A\0B\n";

  expect_yaml_refused (f, "dup.yaml", "manufacturer: Acme\nmodel: A\nmodel: B\n", -1,
                       "dup.yaml:3: the key “model” appears twice");
  expect_yaml_refused (f, "dashes.yaml",
                       "manufacturer: Acme\nmodel: A\nfront-ports: []\nfront_ports: []\n", -1,
                       "dashes.yaml:4: the key “front_ports” appears twice");
  expect_yaml_refused (f, "port.yaml",
                       "manufacturer: Acme\nmodel: A\ninterfaces:\n  - name: e1\n    name: e2\n", -1,
                       "port.yaml:5: the key “name” appears twice");
  expect_yaml_refused (f, "two.yaml", "manufacturer: Acme\nmodel: A\n---\nmanufacturer: Acme\nmodel: B\n", -1,
                       "two.yaml:3: a second YAML document");
  expect_yaml_refused (f, "binary.yaml", "manufacturer: Acme\nmodel: !!binary QUJD\n", -1,
                       "binary.yaml:2: a value tagged “!!binary”");
  expect_yaml_refused (f, "nul.yaml", nul, -1, "nul.yaml:2: “model” holds a control character (U+0000)");
  expect_yaml_refused (f, "nulraw.yaml", nul_raw, sizeof nul_raw - 1, "nulraw.yaml:");
}


/* ------------------------------------------------------------------ */
/* XML import                                                           */

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<enlace version=\"1\">\n" \
                 "  <site code=\"CC\" name=\"Campus\"/>\n"

/* Imports @xml (written as @name): refused, @needle in the message, the
 * libxml2 words @not_needle not, and nothing imported. */
static void
expect_xml_refused (Fixture    *f,
                    const char *name,
                    const char *xml,
                    gssize      len,
                    const char *needle,
                    const char *not_needle)
{
  g_auto(EnlaceCliRun) r = { 0 };
  g_autofree char *path = write_file (f, name, xml, len);
  g_autoptr(GTimer) timer = g_timer_new ();

  enlace_test_cli_run (&r, f->dir, "import", f->file, path, NULL);
  if (r.status != 1 || strstr (r.err, needle) == NULL)
    g_error ("%s: exit %d, “%s” expected in: %s", name, r.status, needle, r.err);
  ASSERT_HAS (r.err, name);
  if (not_needle != NULL)
    ASSERT_LACKS (r.err, not_needle);
  g_test_message ("%s refused in %.2f s", name, g_timer_elapsed (timer, NULL));
  enlace_test_cli_run (&r, f->dir, "list", f->file, "site", NULL);
  g_assert_cmpint (r.status, ==, 0);
  ASSERT_LACKS (r.out, "Campus");
  g_remove (path);
}

/* 100,000 attributes on one element took libxml2 16 s before the schema
 * refused them; a 20 MB attribute gave "internal error: Huge input lookup". */
static void
test_xml_limits (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) s = g_string_new (XML_HEAD "  <site code=\"X\"");

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (s, " a%u=\"1\"", i);
  g_string_append (s, "/>\n</enlace>\n");
  expect_xml_refused (f, "attrs.xml", s->str, s->len,
                      "line 4: an element has more than 256 attributes", NULL);

  g_string_assign (s, XML_HEAD "  <site code=\"X\" name=\"");
  for (guint i = 0; i < 12 * 1024 * 1024; i += 16)
    g_string_append (s, "aaaaaaaaaaaaaaaa");
  g_string_append (s, "\"/>\n</enlace>\n");
  expect_xml_refused (f, "long.xml", s->str, s->len,
                      "line 4: an attribute value is longer than", "Huge input");

  /* attributes look-alikes in comments and values are not counted */
  g_string_assign (s, XML_HEAD "  <!-- <x ");
  for (guint i = 0; i < 300; i++)
    g_string_append (s, "a=1 ");
  g_string_append (s, "> -->\n  <site code=\"Y\" name=\"");
  for (guint i = 0; i < 300; i++)
    g_string_append (s, "b=2 ");
  g_string_append (s, "\"/>\n</enlace>\n");
  {
    g_auto(EnlaceCliRun) r = { 0 };
    g_autofree char *path = write_file (f, "lookalike.xml", s->str, s->len);

    enlace_test_cli_run (&r, f->dir, "import", f->file, path, NULL);
    if (r.status != 0)
      g_error ("lookalike.xml: exit %d: %s", r.status, r.err);
  }
}

/* libxml2's own words reached the user. */
static void
test_xml_words (Fixture       *f,
                gconstpointer  data)
{
  expect_xml_refused (f, "charref.xml", XML_HEAD "  <site code=\"Y\" name=\"a&#0;b\"/>\n</enlace>\n", -1,
                      "line 4: a character XML cannot hold", "xmlParseCharRef");
  expect_xml_refused (f, "text.xml", XML_HEAD "  TODO content\n</enlace>\n", -1,
                      "text where only elements may be", "Did not expect");
  expect_xml_refused (f, "attr.xml", XML_HEAD "  <building site=\"CC\" code=\"B\" name=\"B\" frob=\"1\"/>\n</enlace>\n", -1,
                      "line 4: element building: attribute “frob” is not part of the Enlace format for <building>",
                      "Invalid attribute");
  expect_xml_refused (f, "order.xml", XML_HEAD "  <building site=\"CC\" code=\"B\" name=\"B\"/>\n  <site code=\"D\" name=\"D\"/>\n</enlace>\n", -1,
                      "line 5: element site: a <site> element is not allowed at this place", "Did not expect");
  expect_xml_refused (f, "lt.xml", XML_HEAD "  <site code=\"D\" name=\"a<b\"/>\n</enlace>\n", -1,
                      "line 4: a “<” that starts no element", NULL);
  expect_xml_refused (f, "unclosed.xml", XML_HEAD "  <site code=\"D\" name=\"ab\">\n</enlace>\n", -1,
                      "an element is not closed", "mismatch");
  expect_xml_refused (f, "tail.xml", XML_HEAD "</enlace>\n<x/>\n", -1,
                      "line 5: something follows the end of the <enlace> element", "Extra content");
}



/* x=1e308 was accepted, then printed "at 1:0". */
static void
test_coordinates (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(EnlaceCliRun) r = { 0 };

  enlace_test_cli_run (&r, f->dir, "add", f->file, "device", "name=SW", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, f->dir, "set", f->file, "device", "SW", "x=1e308", NULL);
  g_assert_cmpint (r.status, ==, 1);
  ASSERT_HAS (r.err, "SW");
  ASSERT_HAS (r.err, "100000 m");
  enlace_test_cli_run (&r, f->dir, "set", f->file, "device", "SW", "y=-250000", NULL);
  g_assert_cmpint (r.status, ==, 1);
  enlace_test_cli_run (&r, f->dir, "set", f->file, "device", "SW", "x=12.5", "y=-3", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, f->dir, "remove", f->file, "device", "SW", NULL);
  g_assert_cmpint (r.status, ==, 0);

  expect_xml_refused (f, "far.xml",
                      XML_HEAD "  <building site=\"CC\" code=\"B\" name=\"B\"/>\n"
                      "  <floor building=\"B\" level=\"0\" name=\"G\"/>\n"
                      "  <space floor=\"B/0\" code=\"1\" name=\"R\" kind=\"office\"/>\n"
                      "  <rack space=\"B/0/1\" name=\"R1\" u-height=\"42\" width=\"19in\" x=\"1e308\" y=\"0\"/>\n"
                      "</enlace>\n", -1,
                      "line 7: rack R1: x=“1e308” is out of range: a position on a floor is at most 100000 m", NULL);
  expect_xml_refused (f, "outline.xml",
                      XML_HEAD "  <building site=\"CC\" code=\"B\" name=\"B\"/>\n"
                      "  <floor building=\"B\" level=\"0\" name=\"G\"/>\n"
                      "  <space floor=\"B/0\" code=\"1\" name=\"R\" kind=\"office\" outline=\"[[0,0],[1e9,0],[0,1]]\"/>\n"
                      "</enlace>\n", -1,
                      "line 6: space B/0/1: outline: point 2: a position on a floor is at most 100000 m", NULL);
}

/* ------------------------------------------------------------------ */
/* Files                                                                */

/* Runs enlace-cli as a user who cannot write @dir (root writes anything:
 * then as nobody, through setpriv). */
static int
run_unprivileged (const char  *dir,
                  char       **err,
                  const char  *cmd,
                  const char  *file,
                  const char  *a1,
                  const char  *a2,
                  const char  *a3)
{
  const char *argv[12];
  guint n = 0;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (geteuid () == 0)
    {
      argv[n++] = "setpriv";
      argv[n++] = "--reuid=65534";
      argv[n++] = "--regid=65534";
      argv[n++] = "--clear-groups";
    }
  argv[n++] = g_getenv ("ENLACE_CLI");
  argv[n++] = cmd;
  argv[n++] = file;
  argv[n++] = a1;
  argv[n++] = a2;
  argv[n++] = a3;
  argv[n] = NULL;
  g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, err, &status, &error));
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* A writable file in a read-only folder: "damaged: attempt to write a
 * readonly database" for every command, even list. */
static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *ro = g_build_filename (f->dir, "ro", NULL);
  g_autofree char *file = g_build_filename (ro, "campus.enlace", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  gsize len = 0;
  g_auto(EnlaceCliRun) r = { 0 };
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");

  if (geteuid () == 0 && setpriv == NULL)
    {
      g_test_skip ("running as root without setpriv");
      return;
    }
  enlace_test_cli_run (&r, f->dir, "add", f->file, "site", "code=S", "name=Campus", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (g_mkdir (ro, 0755), ==, 0);
  g_assert_true (g_file_get_contents (f->file, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (file, contents, len, NULL));
  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (ro, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (file, 65534, 65534), ==, 0);
      g_assert_cmpint (chmod (f->dir, 0755), ==, 0);   /* nobody reaches ro */
    }
  g_assert_cmpint (chmod (file, 0644), ==, 0);
  g_assert_cmpint (chmod (ro, 0555), ==, 0);

  g_assert_cmpint (run_unprivileged (ro, &err, "list", file, "site", NULL, NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_unprivileged (ro, &err, "add", file, "site", "code=T", "name=T"), ==, 1);
  ASSERT_HAS (err, "read-only");
  ASSERT_HAS (err, ro);
  ASSERT_LACKS (err, "damaged");
  ASSERT_LACKS (err, "attempt to write");

  /* "new" there: "unable to open database file" */
  {
    g_autofree char *other = g_build_filename (ro, "new.enlace", NULL);

    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_unprivileged (ro, &err, "new", other, NULL, NULL, NULL), ==, 1);
    ASSERT_HAS (err, ro);
    ASSERT_LACKS (err, "unable to open database file");
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }

  g_assert_cmpint (chmod (ro, 0755), ==, 0);
  g_remove (file);
  g_rmdir (ro);
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
  ADD ("/cli/refusals/devicetype-limits", test_devicetype_limits);
  ADD ("/cli/refusals/devicetype-yaml", test_devicetype_yaml);
  ADD ("/cli/refusals/xml-limits", test_xml_limits);
  ADD ("/cli/refusals/xml-words", test_xml_words);
  ADD ("/cli/refusals/read-only-folder", test_read_only_folder);
  ADD ("/cli/refusals/coordinates", test_coordinates);
#undef ADD

  return g_test_run ();
}
