/* test-cli-labels.c: enlace-cli labels on the demo campus, run as a
 * program (ENLACE_CLI names the built enlace-cli); the PDFs are read back
 * with poppler. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>
#include <string.h>

#include "enlace-test-cli.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static char *tmp_dir;
static char *db;

static JsonObject *
run_json (EnlaceCliRun *r,
          JsonNode    **node)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (r->status, ==, 0);
  *node = json_from_string (r->out, &error);
  g_assert_no_error (error);
  return json_node_get_object (*node);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return pdf;
}

static char *
page_text (PopplerDocument *pdf,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, index);

  return poppler_page_get_text (page);
}

static void
test_sheets (void)
{
  g_autofree char *out = g_build_filename (tmp_dir, "cables.pdf", NULL);
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;
  JsonObject *o;

  /* two cables, both ends: 4 labels on one L7160 sheet */
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "cable", "--objects", "A-0A-A01,A-0A-A02",
                       "-o", out, "--json", NULL);
  o = run_json (&r, &node);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "cable");
  g_assert_cmpint (json_object_get_int_member (o, "labels"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (o, "pages"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "layout"), ==, "L7160");
  g_assert_cmpint (json_object_get_int_member (o, "per_page"), ==, 21);
  pdf = open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  text = page_text (pdf, 0);
  g_assert_nonnull (strstr (text, "A-0A-A01"));
  g_assert_nonnull (strstr (text, "A-0A-A02"));
  g_clear_object (&pdf);
  g_clear_pointer (&node, json_node_unref);

  /* from label 20 of a half-used sheet: the third and fourth go on a second sheet */
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "cable", "--objects", "A-0A-A01,A-0A-A02",
                       "--start", "20", "-o", out, "--json", NULL);
  o = run_json (&r, &node);
  g_assert_cmpint (json_object_get_int_member (o, "pages"), ==, 2);
  pdf = open_pdf (out);
  g_free (text);
  text = page_text (pdf, 1);
  g_assert_nonnull (strstr (text, "A-0A-A02"));
  g_assert_null (strstr (text, "A-0A-A01"));
  g_clear_object (&pdf);
  g_clear_pointer (&node, json_node_unref);

  /* a custom grid on Letter */
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "cable", "--objects", "A-0A-A01,A-0A-A02",
                       "--grid", "2x1", "--paper", "Letter", "--margins", "20,20", "-o", out, "--json", NULL);
  o = run_json (&r, &node);
  g_assert_cmpint (json_object_get_int_member (o, "per_page"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "pages"), ==, 2);
  pdf = open_pdf (out);
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, 0);
    double w, h;

    poppler_page_get_size (page, &w, &h);
    g_assert_cmpfloat (w, >, 611);   /* 8.5 in = 612 pt */
    g_assert_cmpfloat (w, <, 613);
  }
  g_clear_object (&pdf);
  g_clear_pointer (&node, json_node_unref);

  /* a floor's faceplates, a rack's panel strips */
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "faceplate", "--floor", "A/1", "--layout", "L7163",
                       "-o", out, "--json", NULL);
  o = run_json (&r, &node);
  g_assert_cmpint (json_object_get_int_member (o, "labels"), >, 0);
  g_clear_pointer (&node, json_node_unref);
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "panel", "--rack", "A-0A-R1", "--layout", "L7163",
                       "-o", out, "--json", NULL);
  o = run_json (&r, &node);
  g_assert_cmpint (json_object_get_int_member (o, "labels"), >, 0);
  g_clear_pointer (&node, json_node_unref);
  g_unlink (out);
}

static void
test_tape (void)
{
  g_autofree char *out = g_build_filename (tmp_dir, "tape.pdf", NULL);
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  JsonObject *o;
  gint64 n;

  enlace_test_cli_run (&r, tmp_dir, "labels", db, "device", "--rack", "A-0A-R1", "--tape", "12mm",
                       "-o", out, "--json", NULL);
  o = run_json (&r, &node);
  n = json_object_get_int_member (o, "labels");
  g_assert_cmpint (n, >, 1);
  g_assert_cmpint (json_object_get_int_member (o, "pages"), ==, n);
  g_assert_cmpint (json_object_get_int_member (o, "per_page"), ==, 1);
  pdf = open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, n);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat (h, >, 12 * 72 / 25.4 - 0.5);
      g_assert_cmpfloat (h, <, 12 * 72 / 25.4 + 0.5);
    }
  g_unlink (out);
}

static void
test_refusals (void)
{
  g_autofree char *out = g_build_filename (tmp_dir, "bad.pdf", NULL);
  g_auto(EnlaceCliRun) r = { 0 };

  enlace_test_cli_run (&r, tmp_dir, "labels", db, "sticker", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "sticker"));
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "cable", "--start", "22", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "1 to 21"));
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "cable", "--layout", "L0000", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "L0000"));
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "cable", "--objects", "NO-SUCH-CABLE", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "NO-SUCH-CABLE"));
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "cable", "--grid", "2x2", "--pitch", "20,20",
                       "--size", "50,50", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "overlap"));
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "panel", "--objects", "A-0A-R1", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "cable", "--tape", "12", "--layout", "L7160", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "cable", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* the presets and the kinds are listed */
  enlace_test_cli_run (&r, tmp_dir, "labels", "--layouts", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "L7160"));
  g_assert_nonnull (strstr (r.out, "5160"));
  g_assert_nonnull (strstr (r.out, "tape-12"));
  enlace_test_cli_run (&r, tmp_dir, "labels", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "faceplate"));
}

/* --from-report: the labels of the objects of a report in the scope of
 * `enlace-cli report`.  On tape (one label a page) the PDF's labels are
 * counted: two per row of building A's cable schedule (one per end),
 * every cable of the schedule among them. */
static void
test_from_report (void)
{
  g_autofree char *csv = g_build_filename (tmp_dir, "cables-a.csv", NULL);
  g_autofree char *out = g_build_filename (tmp_dir, "from-report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GPtrArray) cables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  JsonObject *o;
  gint64 racks_a, racks_all;

  enlace_test_cli_run (&r, tmp_dir, "report", db, "cables", "--building", "A", "--csv", "-o", csv, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i]; i++)   /* after the header */
    {
      g_auto(GStrv) fields = NULL;

      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], ",", 2);
      g_ptr_array_add (cables, g_strdup (fields[0]));
    }
  g_assert_cmpuint (cables->len, >, 0);

  enlace_test_cli_run (&r, tmp_dir, "labels", db, "--from-report", "cables", "--building", "A",
                       "--tape", "12", "-o", out, "--json", NULL);
  o = run_json (&r, &node);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "cable");
  g_assert_cmpint (json_object_get_int_member (o, "labels"), ==, 2 * cables->len);
  pdf = open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2 * cables->len);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *page = page_text (pdf, i);

      g_string_append (text, page);
      g_string_append_c (text, '\n');
    }
  for (guint i = 0; i < cables->len; i++)
    g_assert_nonnull (strstr (text->str, g_ptr_array_index (cables, i)));
  g_clear_pointer (&node, json_node_unref);

  /* rack elevations: one label a rack, fewer in building A than on the campus */
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "--from-report", "racks", "--building", "A",
                       "-o", out, "--json", NULL);
  o = run_json (&r, &node);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "rack");
  racks_a = json_object_get_int_member (o, "labels");
  g_clear_pointer (&node, json_node_unref);
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "--from-report", "racks", "-o", out, "--json", NULL);
  o = run_json (&r, &node);
  racks_all = json_object_get_int_member (o, "labels");
  g_assert_cmpint (racks_a, >, 0);
  g_assert_cmpint (racks_a, <, racks_all);
  g_clear_pointer (&node, json_node_unref);

  /* another kind of labels for the same objects: the devices in those racks */
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "device", "--from-report", "racks", "--building", "A",
                       "-o", out, "--json", NULL);
  o = run_json (&r, &node);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "device");
  g_assert_cmpint (json_object_get_int_member (o, "labels"), >, 0);
  g_clear_pointer (&node, json_node_unref);

  /* faceplates of a floor's outlet schedule (--floor as in enlace-cli report) */
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "--from-report", "outlets", "--building", "A",
                       "--floor", "0", "-o", out, "--json", NULL);
  o = run_json (&r, &node);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "faceplate");
  g_assert_cmpint (json_object_get_int_member (o, "labels"), >, 0);

  /* refusals: a report without labels, objects given twice, an unknown building */
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "--from-report", "audit", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "audit"));
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "--from-report", "cables", "--objects", "A-0A-A01",
                       "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, tmp_dir, "labels", db, "--from-report", "cables", "--building", "ZZ",
                       "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "ZZ"));
  enlace_test_cli_run (&r, tmp_dir, "labels", "--help", NULL);
  g_assert_nonnull (strstr (r.out, "--from-report"));
  g_unlink (csv);
  g_unlink (out);
}

int
main (int    argc,
      char **argv)
{
  g_auto(EnlaceCliRun) r = { 0 };
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = enlace_test_cli_make_dir ("enlace-cli-labels");
  db = g_build_filename (tmp_dir, "demo.enlace", NULL);
  enlace_test_cli_run (&r, tmp_dir, "generate", db, "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);

  g_test_add_func ("/cli/labels/sheets", test_sheets);
  g_test_add_func ("/cli/labels/tape", test_tape);
  g_test_add_func ("/cli/labels/refusals", test_refusals);
  g_test_add_func ("/cli/labels/from-report", test_from_report);

  status = g_test_run ();
  enlace_test_cli_remove_dir (tmp_dir);
  g_free (tmp_dir);
  g_free (db);
  return status;
}
