/* test-render-report.c: the reports on paper (PDF pages read back with
 * poppler): rows, totals, page count and size, repeated headings, scope
 * refusals and Cancel */
#define G_LOG_DOMAIN "test-render-report"
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>

#ifndef POPPLER_AUTOPTR
#define POPPLER_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif
#include <string.h>

#include "enlace-demo.h"
#include "enlace-render-report.h"
#include "enlace-report.h"
#include "enlace-test-fixture.h"

#define A4_W 595.3
#define A4_H 841.9

typedef struct
{
  char            *dir;
  char            *path;
  PopplerDocument *pdf;
} Out;

static void
out_clear (Out *o)
{
  g_clear_object (&o->pdf);
  if (o->path)
    g_unlink (o->path);
  if (o->dir)
    g_rmdir (o->dir);
  g_free (o->path);
  g_free (o->dir);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Out, out_clear)

/* Writes report @kind of @store to a PDF and opens it; returns its pages. */
static guint
write_report (Out                            *o,
              EnlaceStore                    *store,
              const char                     *kind,
              const EnlaceReportScope        *scope,
              const EnlaceReportPageOptions  *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  EnlaceReportCursor *cursor;
  guint n;

  o->dir = g_dir_make_tmp ("enlace-report-XXXXXX", &error);
  g_assert_no_error (error);
  o->path = g_build_filename (o->dir, "report.pdf", NULL);
  cursor = enlace_report_cursor_new (store, kind, scope, &error);
  g_assert_no_error (error);
  n = enlace_report_write_pdf (cursor, options, o->path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 0);
  uri = g_filename_to_uri (o->path, NULL, NULL);
  o->pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (o->pdf), ==, n);
  return n;
}

static char *
page_text (Out  *o,
           guint index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (o->pdf, index);

  return poppler_page_get_text (page);
}

static char *
all_text (Out *o)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (o->pdf); i++)
    {
      g_autofree char *t = page_text (o, i);

      g_string_append (s, t);
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

static void
assert_size (Out    *o,
             double  w,
             double  h)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (o->pdf, 0);
  double pw, ph;

  poppler_page_get_size (page, &pw, &ph);
  g_assert_cmpfloat_with_epsilon (pw, w, 1);
  g_assert_cmpfloat_with_epsilon (ph, h, 1);
}

static void
assert_has (const char *text,
            const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the text:\n%s", needle, text);
}

static void
test_cables (void)
{
  g_autoptr(EnlaceStore) store = enlace_test_plant_new (NULL);
  EnlaceReportPageOptions options = { "A4", TRUE, NULL, "Universidad de Prueba", "Redes", "2026-01-02" };
  g_auto(Out) o = { 0 };
  g_autofree char *text = NULL;

  g_assert_cmpuint (write_report (&o, store, "cables", NULL, &options), ==, 1);
  assert_size (&o, A4_H, A4_W);
  text = all_text (&o);
  assert_has (text, "Universidad de Prueba");
  assert_has (text, "Redes");
  assert_has (text, "2026-01-02");
  assert_has (text, "Cable schedule");
  assert_has (text, "Page 1 of 1");
  assert_has (text, "Label");
  assert_has (text, "PC-0001");
  assert_has (text, "SW-1:Gi1/0/1");
  assert_has (text, "H-101-1");
  assert_has (text, "O-101:R1");
  assert_has (text, "45.0");
  /* 1 + 45 + 3 m, and the planned cord if it has a length */
  assert_has (text, "4 cables");
}

static void
test_outlets_and_panels (void)
{
  g_autoptr(EnlaceStore) store = enlace_test_plant_new (NULL);
  EnlaceReportScope scope = { "B1", "1", NULL, NULL, NULL };
  g_auto(Out) o = { 0 };
  g_auto(Out) p = { 0 };
  g_autofree char *text = NULL, *panels = NULL;

  write_report (&o, store, "outlets", &scope, NULL);
  text = all_text (&o);
  assert_has (text, "Building B1, floor 1");
  assert_has (text, "O-101:J1");
  assert_has (text, "PP-1:1");
  assert_has (text, "SW-1:Gi1/0/1");
  assert_has (text, "2 jacks");

  write_report (&p, store, "panels", NULL, NULL);
  assert_size (&p, A4_W, A4_H);
  panels = all_text (&p);
  assert_has (panels, "PP-1");
  assert_has (panels, "SW-1:Gi1/0/1");
  assert_has (panels, "H-101-1");
  assert_has (panels, "O-101:R1");
  assert_has (panels, "B1/1/101");
}

static void
test_racks_traces (void)
{
  g_autoptr(EnlaceStore) store = enlace_test_plant_new (NULL);
  const char *objects[] = { "SW-1:Gi1/0/1", "PC-0002", NULL };
  EnlaceReportScope scope = { NULL, NULL, NULL, NULL, objects };
  g_auto(Out) r = { 0 };
  g_auto(Out) t = { 0 };
  g_autofree char *racks = NULL, *traces = NULL;

  g_assert_cmpuint (write_report (&r, store, "racks", NULL, NULL), ==, 1);
  racks = all_text (&r);
  assert_has (racks, "Rack elevations");
  assert_has (racks, "R1");
  assert_has (racks, "SW-1");

  g_assert_cmpuint (write_report (&t, store, "traces", &scope, NULL), >=, 2);
  traces = all_text (&t);
  assert_has (traces, "Trace sheets");
  assert_has (traces, "PC-101");
}

static void
test_summaries (void)
{
  g_autoptr(EnlaceStore) store = enlace_test_plant_new (NULL);
  EnlaceReportScope future = { NULL, NULL, "2999-01-01", NULL, NULL };
  g_auto(Out) c = { 0 };
  g_auto(Out) i = { 0 };
  g_auto(Out) a = { 0 };
  g_auto(Out) a2 = { 0 };
  g_auto(Out) d = { 0 };
  g_auto(Out) ci = { 0 };
  g_autofree char *capacity = NULL, *inventory = NULL, *audit = NULL, *none = NULL;
  g_autofree char *directory = NULL, *circuits = NULL;

  write_report (&c, store, "capacity", NULL, NULL);
  capacity = all_text (&c);
  assert_has (capacity, "B1/1/TR-1");
  assert_has (capacity, "1 room");
  assert_has (capacity, "Units: 24");

  write_report (&i, store, "inventory", NULL, NULL);
  inventory = all_text (&i);
  assert_has (inventory, "B1");
  assert_has (inventory, "1 building");
  assert_has (inventory, "Cables: 4");

  write_report (&a, store, "audit", NULL, NULL);
  audit = all_text (&a);
  assert_has (audit, "Audit log");
  g_assert_null (strstr (audit, " 0 commands"));
  write_report (&a2, store, "audit", &future, NULL);
  none = all_text (&a2);
  assert_has (none, "0 commands");
  assert_has (none, "since 2999-01-01");

  write_report (&d, store, "directory", NULL, NULL);
  directory = all_text (&d);
  assert_has (directory, "0 extensions");
  write_report (&ci, store, "circuits", NULL, NULL);
  circuits = all_text (&ci);
  assert_has (circuits, "0 circuits");
}

/* A long schedule: many pages, the headings on every page, N of M, the
 * totals after the last row, Letter and A3. */
static void
test_long_schedule (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(EnlaceReportCursor) cursor = NULL;
  EnlaceReportPageOptions letter = { "Letter", TRUE, NULL, NULL, NULL, NULL };
  EnlaceReportPageOptions a3 = { "A3", FALSE, NULL, NULL, NULL, NULL };
  g_auto(Out) o = { 0 };
  g_auto(Out) big = { 0 };
  g_autofree char *last = NULL, *first = NULL, *expected = NULL, *of = NULL;
  gint64 n_cables;
  guint n, n_a3;

  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);
  cursor = enlace_report_cursor_new (store, "cables", NULL, &error);
  g_assert_no_error (error);
  n_cables = enlace_report_cursor_count (cursor, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_cables, >, 500);

  n = write_report (&o, store, "cables", NULL, &letter);
  g_assert_cmpuint (n, >, 5);
  assert_size (&o, 792, 612);
  of = g_strdup_printf ("of %u", n);
  for (guint p = 0; p < n; p++)
    {
      g_autofree char *t = page_text (&o, p);
      g_autofree char *page = g_strdup_printf ("Page %u of %u", p + 1, n);

      assert_has (t, "Label");
      assert_has (t, "Length (m)");
      assert_has (t, page);
    }
  first = page_text (&o, 0);
  last = page_text (&o, n - 1);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " cables", n_cables);
  assert_has (last, expected);
  g_assert_null (strstr (first, expected));

  n_a3 = write_report (&big, store, "cables", NULL, &a3);
  assert_size (&big, 841.9, 1190.6);
  g_assert_cmpuint (n_a3, <, n);
}

static void
test_refusals (void)
{
  g_autoptr(EnlaceStore) store = enlace_test_plant_new (NULL);
  EnlaceReportScope no_building = { "ZZ", NULL, NULL, NULL, NULL };
  EnlaceReportScope no_floor = { "B1", "9", NULL, NULL, NULL };
  EnlaceReportScope floor_alone = { NULL, "1", NULL, NULL, NULL };
  EnlaceReportScope bad_date = { NULL, NULL, "2026-13-01", NULL, NULL };
  const char *unknown[] = { "NO-SUCH-THING", NULL };
  EnlaceReportScope bad_object = { NULL, NULL, NULL, NULL, unknown };
  EnlaceReportPageOptions bad_paper = { "B7", FALSE, NULL, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  EnlaceReportCursor *cursor;
  g_autofree char *dir = g_dir_make_tmp ("enlace-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "x.pdf", NULL);
  g_autoptr(GCancellable) cancel = g_cancellable_new ();

  g_assert_null (enlace_report_cursor_new (store, "nothing", NULL, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (enlace_report_cursor_new (store, "cables", &no_building, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "ZZ"));
  g_clear_error (&error);
  g_assert_null (enlace_report_cursor_new (store, "cables", &no_floor, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (enlace_report_cursor_new (store, "cables", &floor_alone, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (enlace_report_cursor_new (store, "audit", &bad_date, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (enlace_report_cursor_new (store, "traces", NULL, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  cursor = enlace_report_cursor_new (store, "traces", &bad_object, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_report_write_pdf (cursor, NULL, path, NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  cursor = enlace_report_cursor_new (store, "cables", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_report_write_pdf (cursor, &bad_paper, path, NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Cancel: nothing is left behind */
  g_cancellable_cancel (cancel);
  cursor = enlace_report_cursor_new (store, "cables", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_report_write_pdf (cursor, NULL, path, NULL, NULL, cancel, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/views/render/report/cables", test_cables);
  g_test_add_func ("/views/render/report/outlets-panels", test_outlets_and_panels);
  g_test_add_func ("/views/render/report/racks-traces", test_racks_traces);
  g_test_add_func ("/views/render/report/summaries", test_summaries);
  g_test_add_func ("/views/render/report/long-schedule", test_long_schedule);
  g_test_add_func ("/views/render/report/refusals", test_refusals);
  return g_test_run ();
}
