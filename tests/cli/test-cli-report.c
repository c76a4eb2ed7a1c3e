/* test-cli-report.c: enlace-cli report, run as a program
 *
 * ENLACE_CLI names the built enlace-cli (set by tests/meson.build).  The
 * demo campus is generated once; reports of it are written and read back
 * with poppler. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#ifndef POPPLER_AUTOPTR
#define POPPLER_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif
#include <string.h>

#include "enlace-test-cli.h"

static char *tmp_dir;
static char *demo;

static char *
tmp_path (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  g_unlink (path);
  return g_steal_pointer (&path);
}

static const char *
demo_file (void)
{
  if (demo == NULL)
    {
      g_auto(EnlaceCliRun) r = { 0 };

      demo = tmp_path ("demo.enlace");
      enlace_test_cli_run (&r, tmp_dir, "generate", demo, "--demo", NULL);
      g_assert_cmpint (r.status, ==, 0);
    }
  return demo;
}

/* The text of every page of @path; *@n_pages their number. */
static char *
pdf_text (const char *path,
          int        *n_pages,
          double     *width)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  *n_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < *n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *t = poppler_page_get_text (page);

      if (i == 0 && width)
        poppler_page_get_size (page, width, NULL);
      g_string_append (s, t);
    }
  return g_string_free (s, FALSE);
}

static void
test_help (void)
{
  g_auto(EnlaceCliRun) r = { 0 };
  const char *kinds[] = { "cables", "outlets", "panels", "racks", "traces", "circuits",
                          "directory", "capacity", "audit", "inventory" };

  enlace_test_cli_run (&r, NULL, "report", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_nonnull (strstr (r.out, kinds[i]));
}

static void
test_reports (void)
{
  struct { const char *kind; const char *extra; const char *needle; } cases[] = {
    { "cables", NULL, "cables" },
    { "outlets", "A", "A-0A-001:D" },
    { "panels", "A", "A-0A-PPA" },
    { "racks", "A", "A-0A-R1" },
    { "circuits", NULL, "circuit" },
    { "directory", NULL, "1001" },
    { "capacity", NULL, "rooms" },
    { "audit", NULL, "commands" },
    { "inventory", NULL, "buildings" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.pdf", cases[i].kind);
      g_autofree char *pdf = tmp_path (name);
      g_autofree char *text = NULL;
      g_auto(EnlaceCliRun) r = { 0 };
      int n;

      if (cases[i].extra)
        enlace_test_cli_run (&r, tmp_dir, "report", demo_file (), cases[i].kind,
                             "--building", cases[i].extra, "-o", pdf, NULL);
      else
        enlace_test_cli_run (&r, tmp_dir, "report", demo_file (), cases[i].kind, "-o", pdf, NULL);
      if (r.status != 0)
        g_error ("%s: %s", cases[i].kind, r.err);
      text = pdf_text (pdf, &n, NULL);
      g_assert_cmpint (n, >=, 1);
      if (strstr (text, cases[i].needle) == NULL)
        g_error ("%s: no “%s” in\n%s", cases[i].kind, cases[i].needle, text);
    }
}

static void
test_options (void)
{
  g_autofree char *pdf = tmp_path ("letter.pdf");
  g_autofree char *text = NULL;
  g_auto(EnlaceCliRun) r = { 0 };
  double width = 0;
  int n;

  enlace_test_cli_run (&r, tmp_dir, "report", demo_file (), "traces", "--object", "A-0A-001:D",
                       "--object", "1001", "--paper", "Letter", "--portrait", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  text = pdf_text (pdf, &n, &width);
  g_assert_cmpint (n, ==, 2);
  g_assert_cmpfloat_with_epsilon (width, 612, 1);
  g_assert_nonnull (strstr (text, "A-P0-SW1"));
}

static void
test_csv (void)
{
  g_autofree char *csv = tmp_path ("capacity.csv");
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(EnlaceCliRun) r = { 0 };

  enlace_test_cli_run (&r, tmp_dir, "report", demo_file (), "capacity", "--csv", "--semicolon",
                       "-o", csv, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &data, NULL, NULL));
  lines = g_strsplit (data, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "Telecom room;Racks;Units;"));
  /* the heading, the 11 rooms of the demo (building C in design has two), the empty string after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), ==, 13);
  g_assert_true (g_str_has_prefix (lines[1], "A/0/0A"));

  enlace_test_cli_run (&r, tmp_dir, "report", demo_file (), "racks", "--csv", "-o", csv, NULL);
  g_assert_cmpint (r.status, ==, 2);
}

static void
test_usage (void)
{
  g_autofree char *pdf = tmp_path ("x.pdf");
  g_auto(EnlaceCliRun) r = { 0 };

  enlace_test_cli_run (&r, tmp_dir, "report", demo_file (), "nothing", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, tmp_dir, "report", demo_file (), "cables", NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, tmp_dir, "report", demo_file (), "cables", "--building", "ZZ", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "ZZ"));
  enlace_test_cli_run (&r, tmp_dir, "report", demo_file (), "cables", "--landscape", "--portrait", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmp_dir = enlace_test_cli_make_dir ("enlace-cli-report");

  g_test_add_func ("/cli/report/help", test_help);
  g_test_add_func ("/cli/report/reports", test_reports);
  g_test_add_func ("/cli/report/options", test_options);
  g_test_add_func ("/cli/report/csv", test_csv);
  g_test_add_func ("/cli/report/usage", test_usage);

  ret = g_test_run ();

  enlace_test_cli_remove_dir (tmp_dir);
  g_free (tmp_dir);
  g_free (demo);
  return ret;
}
