/* test-cli-plan.c: enlace-cli plan and plan-background, run as a program
 *
 * ENLACE_CLI names the built enlace-cli (set by tests/meson.build).  The
 * demo campus is generated once; its floor A/1 (35 × 16.4 m) is printed
 * to PDF, SVG and PNG, given an architect's plan made here, and printed
 * again. */
#include "config.h"

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>
#include <stdlib.h>
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

/* The demo campus, generated once for every test. */
static const char *
demo_file (void)
{
  if (demo == NULL)
    {
      g_auto(EnlaceCliRun) r = { 0 };

      demo = tmp_path ("demo.enlace");
      enlace_test_cli_run (&r, tmp_dir, "generate", demo, "--demo", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_file_test (demo, G_FILE_TEST_IS_REGULAR));
    }
  return demo;
}

static void
test_pdf (void)
{
  g_autofree char *pdf = tmp_path ("a1.pdf");
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc;
  g_auto(EnlaceCliRun) r = { 0 };
  int n;

  enlace_test_cli_run (&r, tmp_dir, "plan", demo_file (), "--floor", "A/1", "-o", pdf, "--scale", "1:100", "--paper", "A3",
                       "--date", "2026-11-27", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "A3"));
  g_assert_nonnull (strstr (r.out, "1:100"));

  uri = g_filename_to_uri (pdf, NULL, &error);
  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  n = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n, >=, 1);
  /* A 35 m floor fits one landscape A3 sheet at 1:100 (its drawing area
   * is 35.3 m wide): no sheet is spent on the air around it. */
  g_assert_cmpint (n, ==, 1);
  for (int i = 0; i < n; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *text = NULL;
      double w, h;

      poppler_page_get_size (page, &w, &h);
      /* A3 landscape: 420 × 297 mm in points */
      g_assert_cmpfloat_with_epsilon (w, 420 * 72 / 25.4, 0.5);
      g_assert_cmpfloat_with_epsilon (h, 297 * 72 / 25.4, 0.5);
      text = poppler_page_get_text (page);
      g_assert_nonnull (strstr (text, "1:100"));
      g_assert_nonnull (strstr (text, "2026-11-27"));
      /* the rooms are drawn with their codes and names */
      g_assert_nonnull (strstr (text, "Aula A-101"));
      g_object_unref (page);
    }
  g_object_unref (doc);

  /* 1:50 needs more sheets, one PDF page each */
  {
    g_auto(EnlaceCliRun) r2 = { 0 };
    PopplerDocument *doc50;

    enlace_test_cli_run (&r2, tmp_dir, "plan", demo_file (), "--floor", "A/1", "-o", pdf, "--scale", "1:50", "--paper", "A3", NULL);
    g_assert_cmpint (r2.status, ==, 0);
    doc50 = poppler_document_new_from_file (uri, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (doc50), >, 1);
    g_object_unref (doc50);
  }
}

static void
test_svg_png (void)
{
  g_autofree char *svg = tmp_path ("a1.svg");
  g_autofree char *png = tmp_path ("a1.png");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 };
  cairo_surface_t *surface;

  enlace_test_cli_run (&r1, tmp_dir, "plan", demo_file (), "--floor", "A/1", "-o", svg, "--scale", "fit", "--paper", "A4", NULL);
  g_assert_cmpint (r1.status, ==, 0);
  g_file_get_contents (svg, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "<svg"));
  /* A4 landscape in points */
  g_assert_nonnull (strstr (text, "width=\"841"));

  enlace_test_cli_run (&r2, tmp_dir, "plan", demo_file (), "--floor", "A/1", "-o", png, "--scale", "fit", "--paper", "A4",
                       "--dpi", "50", NULL);
  g_assert_cmpint (r2.status, ==, 0);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  /* 297 × 210 mm at 50 dpi */
  g_assert_cmpint (abs (cairo_image_surface_get_width (surface) - 585), <=, 2);
  g_assert_cmpint (abs (cairo_image_surface_get_height (surface) - 413), <=, 2);
  cairo_surface_destroy (surface);
}

static void
test_json (void)
{
  g_autofree char *pdf = tmp_path ("json.pdf");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(EnlaceCliRun) r = { 0 };
  JsonObject *o;

  enlace_test_cli_run (&r, tmp_dir, "plan", demo_file (), "--floor", "A/1", "-o", pdf, "--scale", "1:100", "--paper", "A3",
                       "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "output"), ==, pdf);
  g_assert_cmpint (json_object_get_int_member (o, "files"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "sheets"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "scale"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (o, "paper"), ==, "A3");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "page_width_mm"), 420, 0.1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "page_height_mm"), 297, 0.1);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
}

static void
test_usage (void)
{
  g_autofree char *pdf = tmp_path ("bad.pdf");
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 }, r5 = { 0 }, r6 = { 0 };

  /* unknown paper */
  enlace_test_cli_run (&r1, tmp_dir, "plan", demo_file (), "--floor", "A/1", "-o", pdf, "--paper", "B7", NULL);
  g_assert_cmpint (r1.status, ==, 2);
  g_assert_nonnull (strstr (r1.err, "B7"));
  /* bad scale */
  enlace_test_cli_run (&r2, tmp_dir, "plan", demo_file (), "--floor", "A/1", "-o", pdf, "--scale", "1:abc", NULL);
  g_assert_cmpint (r2.status, ==, 2);
  g_assert_nonnull (strstr (r2.err, "1:abc"));
  /* missing --floor */
  enlace_test_cli_run (&r3, tmp_dir, "plan", demo_file (), "-o", pdf, NULL);
  g_assert_cmpint (r3.status, ==, 2);
  g_assert_nonnull (strstr (r3.err, "--floor"));
  /* unknown layer */
  enlace_test_cli_run (&r4, tmp_dir, "plan", demo_file (), "--floor", "A/1", "-o", pdf, "--layers", "spaces,furniture", NULL);
  g_assert_cmpint (r4.status, ==, 2);
  g_assert_nonnull (strstr (r4.err, "furniture"));
  /* a floor that does not exist is an error of the data, not of usage */
  enlace_test_cli_run (&r5, tmp_dir, "plan", demo_file (), "--floor", "Z/9", "-o", pdf, NULL);
  g_assert_cmpint (r5.status, ==, 1);
  g_assert_nonnull (strstr (r5.err, "Z/9"));
  /* plan-background: a bad measure */
  enlace_test_cli_run (&r6, tmp_dir, "plan-background", demo_file (), "--floor", "A/1", "x.png", "--calibrate", "0,0,10", NULL);
  g_assert_cmpint (r6.status, ==, 2);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* Pixels of pure magenta in a PNG: the architect's plan made below. */
static guint
count_magenta (const char *png)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
  guint count = 0;
  int w, h, stride;
  guchar *data;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(guint32 *) (data + y * stride + x * 4);
        guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        if (r > 200 && g < 60 && b > 200)
          count++;
      }
  cairo_surface_destroy (surface);
  return count;
}

static void
test_background (void)
{
  g_autofree char *image = tmp_path ("plano.png");
  g_autofree char *before = tmp_path ("before.png");
  g_autofree char *after = tmp_path ("after.png");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 }, r5 = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  JsonObject *o;

  /* The architect's plan: 1750 × 820 px at 2 cm a pixel (35 × 16.4 m),
   * magenta with a black 10 m dimension line from (100,800) to (600,800). */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1750, 820);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, 100, 798, 500, 4);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, image), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* Printed with the background layer only, before there is one. */
  enlace_test_cli_run (&r1, tmp_dir, "plan", demo_file (), "--floor", "A/1", "-o", before, "--scale", "fit", "--paper", "A4",
                       "--dpi", "40", "--layers", "background", NULL);
  g_assert_cmpint (r1.status, ==, 0);
  g_assert_cmpuint (count_magenta (before), ==, 0);

  enlace_test_cli_run (&r2, tmp_dir, "plan-background", demo_file (), "--floor", "A/1", image,
                       "--calibrate", "100,800,600,800,10", "--opacity", "1", "--json", NULL);
  g_assert_cmpint (r2.status, ==, 0);
  json_parser_load_from_data (parser, r2.out, -1, &error);
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "floor"), ==, "A/1");
  g_assert_cmpstr (json_object_get_string_member (o, "mime"), ==, "image/png");
  g_assert_cmpfloat (json_object_get_double_member (o, "width"), ==, 1750);
  g_assert_cmpfloat (json_object_get_double_member (o, "height"), ==, 820);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "metres_per_unit"), 0.02, 1e-9);

  /* The same without --json says the size in metres */
  enlace_test_cli_run (&r3, tmp_dir, "plan-background", demo_file (), "--floor", "A/1", image,
                       "--metres-per-unit", "0.02", "--opacity", "1", NULL);
  g_assert_cmpint (r3.status, ==, 0);
  g_assert_nonnull (strstr (r3.out, "35.0"));
  g_assert_nonnull (strstr (r3.out, "16.4"));

  /* Not an image */
  enlace_test_cli_run (&r4, tmp_dir, "plan-background", demo_file (), "--floor", "A/1", demo_file (), NULL);
  g_assert_cmpint (r4.status, ==, 1);

  /* Printed again: the plan is under the floor, a large part of the sheet. */
  enlace_test_cli_run (&r5, tmp_dir, "plan", demo_file (), "--floor", "A/1", "-o", after, "--scale", "fit", "--paper", "A4",
                       "--dpi", "40", "--layers", "background", NULL);
  g_assert_cmpint (r5.status, ==, 0);
  g_assert_cmpuint (count_magenta (after), >, 20000);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmp_dir = enlace_test_cli_make_dir ("enlace-cli-plan");

  g_test_add_func ("/cli/plan/pdf", test_pdf);
  g_test_add_func ("/cli/plan/svg-png", test_svg_png);
  g_test_add_func ("/cli/plan/json", test_json);
  g_test_add_func ("/cli/plan/usage", test_usage);
  g_test_add_func ("/cli/plan/background", test_background);

  ret = g_test_run ();

  enlace_test_cli_remove_dir (tmp_dir);
  g_free (tmp_dir);
  g_free (demo);
  return ret;
}
