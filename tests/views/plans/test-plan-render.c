/* test-plan-render.c: floor plans drawn to scale, backgrounds, sheets */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>
#include <unistd.h>

#include "enlace-demo.h"
#include "enlace-plan-sheet.h"
#include "enlace-render-plan.h"
#include "enlace-trace.h"

static JsonObject *
obj (const char *first,
     ...)
{
  JsonObject *o = json_object_new ();
  va_list args;

  va_start (args, first);
  for (const char *k = first; k; k = va_arg (args, const char *))
    json_object_set_string_member (o, k, va_arg (args, const char *));
  va_end (args);
  return o;
}

static gint64
add (EnlaceStore *store,
     const char  *kind,
     JsonObject  *values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = values;
  gint64 id = enlace_store_create (store, kind, v, &error);

  g_assert_no_error (error);
  return id;
}

/* A 20 × 10 m floor with one wall along y = 5 from x = 0 to x = 10 and an
 * office; nothing else. */
static EnlaceStore *
fixture (gint64 *floor_id)
{
  EnlaceStore *store = enlace_store_new_memory (NULL);

  add (store, "site", obj ("code", "UNI", "name", "Campus", NULL));
  add (store, "building", obj ("site_id", "UNI", "code", "A", "name", "Edificio A", NULL));
  *floor_id = add (store, "floor", obj ("building_id", "A", "level", "1", "name", "Planta baja", NULL));
  add (store, "space", obj ("floor_id", "A/1", "code", "101", "name", "Oficina", "kind", "office",
                            "outline", "[[0,0],[20,0],[20,10],[0,10]]", NULL));
  add (store, "wall", obj ("floor_id", "A/1", "points", "[[0,5],[10,5]]", "thickness", "0.3", NULL));
  return store;
}

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       double          *r,
       double          *g,
       double          *b)
{
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 px = *(guint32 *)(data + y * stride + x * 4);

  *r = ((px >> 16) & 0xff) / 255.0;
  *g = ((px >> 8) & 0xff) / 255.0;
  *b = (px & 0xff) / 255.0;
}

static gboolean
is_dark (cairo_surface_t *surface,
         int              x,
         int              y)
{
  double r, g, b;

  pixel (surface, x, y, &r, &g, &b);
  return r + g + b < 1.2;
}

static void
test_render_to_scale (void)
{
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(EnlacePlanScene) scene = enlace_plan_scene_load (store, floor_id, NULL, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 400);
  cairo_t *cr = cairo_create (surface);
  /* 40 px per metre, the plan's (10, 5) at the centre of the image. */
  EnlaceViewport vp = { 10, 5, 40, 800, 400 };
  EnlacePlanStyle style;

  enlace_plan_style_init (&style);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  enlace_render_plan (cr, scene, &vp, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The wall runs from x = 0 m (pixel 0) to 10 m (pixel 400) on row 200
   * and is 0.3 m = 12 px thick. */
  g_assert_true (is_dark (surface, 200, 200));
  g_assert_true (is_dark (surface, 390, 205));
  g_assert_false (is_dark (surface, 420, 200));
  g_assert_false (is_dark (surface, 200, 212));
  g_assert_false (is_dark (surface, 600, 200));
  cairo_surface_destroy (surface);
}

static void
test_layers_hide (void)
{
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(EnlacePlanScene) scene = enlace_plan_scene_load (store, floor_id, NULL, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 400);
  cairo_t *cr = cairo_create (surface);
  EnlaceViewport vp = { 10, 5, 40, 800, 400 };
  EnlacePlanStyle style;

  enlace_plan_style_init (&style);
  style.layers &= ~ENLACE_PLAN_LAYER_WALLS;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  enlace_render_plan (cr, scene, &vp, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_false (is_dark (surface, 200, 200));
  cairo_surface_destroy (surface);
}

static GBytes *
red_square_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 100);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = NULL;
  char *data = NULL;
  gsize len = 0;
  int fd;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 100, 0, 100, 100); /* the right half */
  cairo_fill (cr);
  cairo_destroy (cr);
  fd = g_file_open_tmp ("enlace-bg-XXXXXX.png", &path, NULL);
  close (fd);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_unlink (path);
  return g_bytes_new_take (data, len);
}

static void
test_background_png (void)
{
  gint64 floor_id;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GBytes) png = red_square_png ();
  g_autoptr(JsonObject) plan = json_object_new ();
  g_autoptr(EnlacePlanScene) scene = NULL;
  g_autoptr(EnlacePlanBackground) bg = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  EnlaceViewport vp = { 10, 5, 40, 800, 400 };
  EnlacePlanStyle style;
  double r, g, b;

  g_assert_cmpstr (enlace_plan_background_sniff (png), ==, "image/png");
  /* 200 px over 20 m: 0.1 m per pixel; the red half covers x 10–20 m. */
  json_object_set_double_member (plan, "scale", 0.1);
  json_object_set_double_member (plan, "opacity", 1.0);
  g_assert_cmpint (enlace_store_set_plan_background (store, floor_id, png, "image/png", "plano.png", 0, plan, &error), >, 0);
  g_assert_no_error (error);

  scene = enlace_plan_scene_load (store, floor_id, NULL, &error);
  g_assert_cmpfloat_with_epsilon (scene->scale, 0.1, 1e-9);
  bg = enlace_plan_background_load (store, scene, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bg);
  g_assert_cmpfloat (enlace_plan_background_get_width (bg), ==, 200);
  g_assert_cmpfloat (enlace_plan_background_get_height (bg), ==, 100);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 400);
  cr = cairo_create (surface);
  enlace_plan_style_init (&style);
  style.layers = ENLACE_PLAN_LAYER_BACKGROUND;
  style.background = bg;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  enlace_render_plan (cr, scene, &vp, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel (surface, 600, 100, &r, &g, &b); /* x = 15 m */
  g_assert_cmpfloat (r, >, 0.9);
  g_assert_cmpfloat (g, <, 0.1);
  pixel (surface, 200, 100, &r, &g, &b); /* x = 5 m */
  g_assert_cmpfloat (g, >, 0.9);
  cairo_surface_destroy (surface);

  /* Undo takes the background away again. */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpint (enlace_store_lookup (store, "floor-plan", "A/1", NULL), ==, 0);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
test_background_svg_pdf (void)
{
  g_autoptr(GError) error = NULL;
  const char *svg = "<svg xmlns='http://www.w3.org/2000/svg' width='400' height='300'>"
                    "<rect x='10' y='10' width='100' height='50' fill='blue'/></svg>";
  g_autoptr(GBytes) svg_bytes = g_bytes_new_static (svg, strlen (svg));
  g_autoptr(EnlacePlanBackground) a = NULL;
  g_autoptr(EnlacePlanBackground) b = NULL;
  g_autoptr(EnlacePlanBackground) c = NULL;
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GBytes) pdf_bytes = NULL;
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a plan", 10);
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpstr (enlace_plan_background_sniff (svg_bytes), ==, "image/svg+xml");
  a = enlace_plan_background_new (svg_bytes, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (enlace_plan_background_get_width (a), ==, 400);
  g_assert_cmpfloat (enlace_plan_background_get_height (a), ==, 300);

  /* A two-page PDF of A4 pages. */
  surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, 595, 842);
  cr = cairo_create (surface);
  cairo_show_page (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  pdf_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
  g_assert_cmpstr (enlace_plan_background_sniff (pdf_bytes), ==, "application/pdf");
  b = enlace_plan_background_new (pdf_bytes, NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_plan_background_get_n_pages (b), ==, 2);
  g_assert_cmpfloat_with_epsilon (enlace_plan_background_get_width (b), 595, 1e-6);
  c = enlace_plan_background_new (pdf_bytes, NULL, 5, &error);
  g_assert_null (c);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_null (enlace_plan_background_sniff (junk));
  g_assert_null (enlace_plan_background_new (junk, NULL, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

static void
test_sheet_layout (void)
{
  gint64 floor_id;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(EnlacePlanScene) scene = enlace_plan_scene_load (store, floor_id, NULL, NULL);
  EnlacePlanSheetOptions options;
  EnlacePlanSheetLayout layout;
  double w, h;
  guint scale;

  g_assert_true (enlace_plan_parse_scale ("1:100", &scale));
  g_assert_cmpuint (scale, ==, 100);
  g_assert_true (enlace_plan_parse_scale ("fit", &scale));
  g_assert_cmpuint (scale, ==, 0);
  g_assert_false (enlace_plan_parse_scale ("1:abc", &scale));
  g_assert_false (enlace_plan_paper_size ("B7", &w, &h));
  g_assert_true (enlace_plan_paper_size ("A3", &w, &h));
  g_assert_cmpfloat_with_epsilon (w, 297 * 72 / 25.4, 1e-6);

  enlace_plan_sheet_options_init (&options);
  options.scale = 100;
  g_assert_true (enlace_plan_sheet_layout (scene, &options, h, w, &layout, &error));
  /* 1:100: a metre is 10 mm on paper. */
  g_assert_cmpfloat_with_epsilon (layout.points_per_m, 10 * 72 / 25.4, 1e-9);
  g_assert_cmpuint (layout.cols * layout.rows, ==, 1);

  /* At 1:50 on A4 the 21 m floor needs several sheets. */
  options.scale = 50;
  g_assert_true (enlace_plan_paper_size ("A4", &w, &h));
  g_assert_true (enlace_plan_sheet_layout (scene, &options, h, w, &layout, &error));
  g_assert_cmpuint (layout.cols, >=, 2);

  /* Fitted: one sheet, the scale computed. */
  options.scale = 0;
  g_assert_true (enlace_plan_sheet_layout (scene, &options, h, w, &layout, &error));
  g_assert_cmpuint (layout.cols * layout.rows, ==, 1);
  g_assert_cmpuint (layout.scale, >, 50);
  g_assert_cmpuint (layout.scale, <, 200);
}

static void
test_export_pdf (void)
{
  gint64 floor_id;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(EnlacePlanScene) scene = enlace_plan_scene_load (store, floor_id, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("enlace-plan-XXXXXX", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *png_path = g_build_filename (dir, "plan.png", NULL);
  g_autofree char *png2_path = g_build_filename (dir, "plan-2.png", NULL);
  g_autofree char *uri = NULL;
  PopplerDocument *doc = NULL;
  PopplerPage *page = NULL;
  g_autofree char *text = NULL;
  EnlacePlanSheetOptions options;
  double w, h;

  enlace_plan_sheet_options_init (&options);
  options.paper = "A3";
  options.landscape = TRUE;
  options.scale = 100;
  options.institution = "Universidad Tecnológica del Valle";
  options.author = "Ing. Rosa Méndez";
  options.date = "2026-11-27";
  g_assert_cmpuint (enlace_plan_export (scene, &options, pdf_path, "pdf", 0, &error), ==, 1);
  g_assert_no_error (error);

  uri = g_filename_to_uri (pdf_path, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 420 * 72 / 25.4, 0.5);
  g_assert_cmpfloat_with_epsilon (h, 297 * 72 / 25.4, 0.5);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "1:100"));
  g_assert_nonnull (strstr (text, "Universidad Tecnológica del Valle"));
  g_assert_nonnull (strstr (text, "Ing. Rosa Méndez"));
  g_assert_nonnull (strstr (text, "2026-11-27"));
  g_assert_nonnull (strstr (text, "101"));
  g_object_unref (page);
  g_object_unref (doc);

  /* PNG: one file per sheet. */
  options.paper = "A4";
  options.scale = 50;
  g_assert_cmpuint (enlace_plan_export (scene, &options, png_path, "png", 72, &error), >=, 2);
  g_assert_true (g_file_test (png2_path, G_FILE_TEST_EXISTS));

  options.paper = "B9";
  g_assert_cmpuint (enlace_plan_export (scene, &options, pdf_path, "pdf", 0, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* The demo's floor A/1, with its jack states and runs. */
static EnlacePlanScene *
demo_scene (EnlaceStore **store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceTracer) tracer = NULL;
  EnlacePlanScene *scene;
  gint64 floor_id;

  *store = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (*store, &error));
  g_assert_no_error (error);
  floor_id = enlace_store_lookup (*store, "floor", "A/1", &error);
  g_assert_no_error (error);
  tracer = enlace_tracer_new (*store);
  scene = enlace_plan_scene_load (*store, floor_id, tracer, &error);
  g_assert_no_error (error);
  return scene;
}

/* The pixels of the runs' ink (blue: their lines and lengths). */
static guint
count_route_ink (EnlacePlanScene *scene,
                 guint            layers)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 500);
  cairo_t *cr = cairo_create (surface);
  EnlaceViewport vp = { 18, 8, 24, 900, 500 };
  EnlacePlanStyle style;
  guint n = 0;

  enlace_plan_style_init (&style);
  style.layers = layers;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  enlace_render_plan (cr, scene, &vp, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < 500; y++)
    for (int x = 0; x < 900; x++)
      {
        double r, g, b;

        pixel (surface, x, y, &r, &g, &b);
        if (fabs (r - 0.10) < 0.08 && fabs (g - 0.45) < 0.08 && fabs (b - 0.85) < 0.08)
          n++;
      }
  cairo_surface_destroy (surface);
  return n;
}

/* The runs and their lengths are the routes layer: off (the default, and
 * on printed plans) they are not drawn (issue 11: unexplained blue
 * lengths printed over the outlets' names). */
static void
test_routes_layer (void)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlacePlanScene) scene = demo_scene (&store);

  g_assert_cmpuint (count_route_ink (scene, ENLACE_PLAN_LAYERS_DEFAULT & ~ENLACE_PLAN_LAYER_ROUTES), ==, 0);
  g_assert_cmpuint (count_route_ink (scene, ENLACE_PLAN_LAYERS_DEFAULT | ENLACE_PLAN_LAYER_ROUTES), >, 100);
}

/* On a printed plan every outlet is named, and the names of two outlets
 * back to back on the two sides of a wall (A-1A-002 and A-1A-003, 10 cm
 * apart) do not print over each other: each goes into its own room. */
static void
test_outlet_names_apart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlacePlanScene) scene = demo_scene (&store);
  g_autofree char *dir = g_dir_make_tmp ("enlace-plan-XXXXXX", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "a1.pdf", NULL);
  g_autofree char *uri = NULL;
  static const char *pairs[][2] = {
    { "A-1A-002", "A-1A-003" }, { "A-1A-010", "A-1A-011" }, { "A-1A-016", "A-1A-017" },
  };
  EnlacePlanSheetOptions options;
  PopplerDocument *doc;
  PopplerPage *page;

  enlace_plan_sheet_options_init (&options);
  options.paper = "A3";
  options.landscape = TRUE;
  options.scale = 100;
  options.date = "2026-12-06";
  g_assert_cmpuint (enlace_plan_export (scene, &options, pdf_path, "pdf", 0, &error), ==, 1);
  g_assert_no_error (error);
  uri = g_filename_to_uri (pdf_path, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (doc, 0);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      GList *a = poppler_page_find_text (page, pairs[i][0]);
      GList *b = poppler_page_find_text (page, pairs[i][1]);
      PopplerRectangle *ra, *rb;

      g_assert_cmpuint (g_list_length (a), ==, 1);
      g_assert_cmpuint (g_list_length (b), ==, 1);
      ra = a->data;
      rb = b->data;
      g_test_message ("%s %.1f–%.1f, %s %.1f–%.1f", pairs[i][0], ra->x1, ra->x2, pairs[i][1], rb->x1, rb->x2);
      g_assert_true (ra->x2 <= rb->x1 || rb->x2 <= ra->x1 ||
                     MAX (ra->y1, ra->y2) <= MIN (rb->y1, rb->y2) ||
                     MAX (rb->y1, rb->y2) <= MIN (ra->y1, ra->y2));
      g_list_free_full (a, (GDestroyNotify) poppler_rectangle_free);
      g_list_free_full (b, (GDestroyNotify) poppler_rectangle_free);
    }
  g_object_unref (page);
  g_object_unref (doc);
  g_unlink (pdf_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/views/plan-render/to-scale", test_render_to_scale);
  g_test_add_func ("/views/plan-render/layers", test_layers_hide);
  g_test_add_func ("/views/plan-render/background-png", test_background_png);
  g_test_add_func ("/views/plan-render/background-svg-pdf", test_background_svg_pdf);
  g_test_add_func ("/views/plan-render/sheet-layout", test_sheet_layout);
  g_test_add_func ("/views/plan-render/export-pdf", test_export_pdf);
  g_test_add_func ("/views/plan-render/routes-layer", test_routes_layer);
  g_test_add_func ("/views/plan-render/outlet-names-apart", test_outlet_names_apart);

  return g_test_run ();
}
