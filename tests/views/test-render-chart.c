/* test-render-chart.c: the bar charts of the statistics page drawn into an
 * image: the tallest bar is the largest value, an empty chart draws no bar */
#include "config.h"

#include "enlace-render-chart.h"

/* Does the pixel at (x, y) look like a bar (blue)? */
static gboolean
is_bar (cairo_surface_t *s,
        int              x,
        int              y)
{
  unsigned char *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);
  guint32 px = *(guint32 *) (data + y * stride + x * 4);
  int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

  return b > 180 && r < 100 && g > 100 && g < 160;
}

static int
bar_top (cairo_surface_t *s,
         int              x,
         int              h)
{
  for (int y = 0; y < h; y++)
    if (is_bar (s, x, y))
      return y;
  return h;
}

static void
test_vertical (void)
{
  const EnlaceChartBar bars[] = { { "ene", 2 }, { "feb", 8 }, { "mar", 4 } };
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 200);
  cairo_t *cr = cairo_create (s);
  int t0, t1, t2;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  enlace_render_bar_chart (cr, "Expedientes", bars, G_N_ELEMENTS (bars), 0, 0, 300, 200);
  cairo_surface_flush (s);
  t0 = bar_top (s, 50, 200);
  t1 = bar_top (s, 150, 200);
  t2 = bar_top (s, 250, 200);
  g_assert_cmpint (t1, <, t2);
  g_assert_cmpint (t2, <, t0);
  g_assert_cmpint (t0, <, 200);
  /* the largest bar is about four times the smallest */
  g_assert_cmpint (ABS ((200 - t1) - 4 * (200 - t0)), <, 60);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

static void
test_horizontal_and_empty (void)
{
  const EnlaceChartBar bars[] = { { "SW-B2", 5 }, { "PP-B2-1", 1 } };
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 100);
  cairo_t *cr = cairo_create (s);
  int long_end = 0, short_end = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  enlace_render_hbar_chart (cr, NULL, bars, G_N_ELEMENTS (bars), 0, 0, 300, 100);
  cairo_surface_flush (s);
  for (int x = 0; x < 300; x++)
    {
      if (is_bar (s, x, 11))
        long_end = x;
      if (is_bar (s, x, 33))
        short_end = x;
    }
  g_assert_cmpint (long_end, >, short_end);
  g_assert_cmpint (short_end, >, 0);

  /* nothing to draw: no bar anywhere */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  enlace_render_bar_chart (cr, "Vacío", NULL, 0, 0, 0, 300, 100);
  cairo_surface_flush (s);
  for (int x = 0; x < 300; x += 7)
    g_assert_cmpint (bar_top (s, x, 100), ==, 100);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/views/render/chart/vertical", test_vertical);
  g_test_add_func ("/views/render/chart/horizontal-and-empty", test_horizontal_and_empty);
  return g_test_run ();
}
