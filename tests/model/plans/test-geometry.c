/* test-geometry.c: polygons, snapping, calibration, viewport, hit index */
#include "config.h"

#include <math.h>

#include "enlace-geometry.h"
#include "enlace-store.h"

#define EPS 1e-9

static void
test_points_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pts = enlace_points_parse ("[[0,0],[4.5,0],[4.5,3.25]]", &error);
  g_autofree char *back = NULL;
  g_autoptr(GArray) bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (pts->len, ==, 3);
  g_assert_cmpfloat_with_epsilon (g_array_index (pts, EnlacePoint, 2).y, 3.25, EPS);
  back = enlace_points_to_json ((EnlacePoint *)pts->data, pts->len);
  g_assert_cmpstr (back, ==, "[[0.000,0.000],[4.500,0.000],[4.500,3.250]]");

  bad = enlace_points_parse ("[[0,0],[1]]", &error);
  g_assert_null (bad);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = enlace_points_parse ("{\"x\": 1}", &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
}

static void
test_polygon_area (void)
{
  /* A 6 × 4 office, an L-shaped lab (clockwise), a triangle. */
  EnlacePoint rect[] = { { 0, 0 }, { 6, 0 }, { 6, 4 }, { 0, 4 } };
  EnlacePoint ell[] = { { 0, 0 }, { 0, 10 }, { 4, 10 }, { 4, 4 }, { 10, 4 }, { 10, 0 } };
  EnlacePoint tri[] = { { 0, 0 }, { 3, 0 }, { 0, 4 } };
  EnlacePoint c;

  g_assert_cmpfloat_with_epsilon (enlace_polygon_area (rect, 4), 24, EPS);
  g_assert_cmpfloat_with_epsilon (enlace_polygon_area (ell, 6), 4 * 10 + 6 * 4, EPS);
  g_assert_cmpfloat_with_epsilon (enlace_polygon_area (tri, 3), 6, EPS);
  g_assert_cmpfloat_with_epsilon (enlace_polygon_area (tri, 2), 0, EPS);

  c = enlace_polygon_centroid (rect, 4);
  g_assert_cmpfloat_with_epsilon (c.x, 3, EPS);
  g_assert_cmpfloat_with_epsilon (c.y, 2, EPS);
  c = enlace_polygon_centroid (tri, 3);
  g_assert_cmpfloat_with_epsilon (c.x, 1, EPS);
  g_assert_cmpfloat_with_epsilon (c.y, 4.0 / 3, EPS);
}

static void
test_polygon_contains (void)
{
  EnlacePoint ell[] = { { 0, 0 }, { 0, 10 }, { 4, 10 }, { 4, 4 }, { 10, 4 }, { 10, 0 } };

  g_assert_true (enlace_polygon_contains (ell, 6, (EnlacePoint) { 2, 8 }));
  g_assert_true (enlace_polygon_contains (ell, 6, (EnlacePoint) { 8, 2 }));
  g_assert_false (enlace_polygon_contains (ell, 6, (EnlacePoint) { 8, 8 })); /* the notch */
  g_assert_false (enlace_polygon_contains (ell, 6, (EnlacePoint) { -1, 2 }));
  g_assert_false (enlace_polygon_contains (ell, 2, (EnlacePoint) { 0, 5 }));
}

static void
test_distances (void)
{
  EnlacePoint line[] = { { 0, 0 }, { 10, 0 }, { 10, 10 } };
  EnlacePoint c;
  guint seg = 99;
  double t;

  g_assert_cmpfloat_with_epsilon (enlace_polyline_length (line, 3), 20, EPS);
  g_assert_cmpfloat_with_epsilon (enlace_segment_distance (line[0], line[1], (EnlacePoint) { 5, 3 }, &c, &t), 3, EPS);
  g_assert_cmpfloat_with_epsilon (t, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (enlace_segment_distance (line[0], line[1], (EnlacePoint) { -3, 4 }, &c, &t), 5, EPS);
  g_assert_cmpfloat_with_epsilon (t, 0, EPS);
  g_assert_cmpfloat_with_epsilon (enlace_polyline_distance (line, 3, FALSE, (EnlacePoint) { 12, 6 }, &c, &seg), 2, EPS);
  g_assert_cmpuint (seg, ==, 1);
  g_assert_cmpfloat_with_epsilon (c.x, 10, EPS);
  g_assert_cmpfloat_with_epsilon (c.y, 6, EPS);
  /* Closing the polyline adds the segment back to the start. */
  g_assert_cmpfloat_with_epsilon (enlace_polyline_distance (line, 3, TRUE, (EnlacePoint) { 4, 6 }, NULL, &seg),
                                  sqrt (2), 1e-6);
  g_assert_cmpuint (seg, ==, 2);
}

static void
test_rotate (void)
{
  EnlacePoint p = enlace_point_rotate ((EnlacePoint) { 2, 1 }, (EnlacePoint) { 1, 1 }, 90);

  g_assert_cmpfloat_with_epsilon (p.x, 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.y, 2, 1e-9);
}

static void
test_snap (void)
{
  EnlacePoint wall[] = { { 0, 0 }, { 10, 0 }, { 10, 8 } };
  EnlacePoint out, p;

  p = enlace_snap_to_grid ((EnlacePoint) { 1.26, 3.74 }, 0.25);
  g_assert_cmpfloat_with_epsilon (p.x, 1.25, EPS);
  g_assert_cmpfloat_with_epsilon (p.y, 3.75, EPS);
  p = enlace_snap_to_grid ((EnlacePoint) { 1.26, 3.74 }, 0);
  g_assert_cmpfloat_with_epsilon (p.x, 1.26, EPS);

  g_assert_true (enlace_snap_to_vertices (wall, 3, (EnlacePoint) { 9.9, 0.15 }, 0.2, &out));
  g_assert_cmpfloat_with_epsilon (out.x, 10, EPS);
  g_assert_cmpfloat_with_epsilon (out.y, 0, EPS);
  g_assert_false (enlace_snap_to_vertices (wall, 3, (EnlacePoint) { 5, 0.15 }, 0.2, &out));
  g_assert_true (enlace_snap_to_polyline (wall, 3, FALSE, (EnlacePoint) { 5, 0.15 }, 0.2, &out));
  g_assert_cmpfloat_with_epsilon (out.x, 5, EPS);
  g_assert_cmpfloat_with_epsilon (out.y, 0, EPS);
  g_assert_false (enlace_snap_to_polyline (wall, 3, FALSE, (EnlacePoint) { 5, 1 }, 0.2, &out));
}

static void
test_calibrate (void)
{
  g_autoptr(GError) error = NULL;
  /* A 2000 px wide scan of a 40 m building: 0.02 m per pixel. */
  EnlaceMeasure across = { { 100, 500 }, { 2100, 500 }, 40 };
  EnlaceMeasure along = { { 300, 100 }, { 300, 1350 }, 25 };
  EnlaceMeasure stretched = { { 300, 100 }, { 300, 1350 }, 27 };
  EnlaceMeasure same = { { 300, 100 }, { 300, 100 }, 5 };
  EnlaceMeasure zero = { { 0, 0 }, { 10, 0 }, 0 };

  g_assert_cmpfloat_with_epsilon (enlace_calibrate (&across, &error), 0.02, EPS);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (enlace_calibrate (&along, &error), 0.02, EPS);
  g_assert_cmpfloat (enlace_calibration_stretch (&across, &along), <, ENLACE_STRETCH_TOLERANCE);
  g_assert_cmpfloat (enlace_calibration_stretch (&across, &stretched), >, ENLACE_STRETCH_TOLERANCE);

  g_assert_cmpfloat (enlace_calibrate (&same, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpfloat (enlace_calibrate (&zero, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
}

static void
test_viewport (void)
{
  EnlaceViewport vp = { 20, 12.5, 40, 1920, 1080 };
  EnlaceBox box = { 0, 0, 40, 25 };
  EnlacePoint px, m, before;
  double bar, bar_px;

  px = enlace_viewport_to_view (&vp, (EnlacePoint) { 20, 12.5 });
  g_assert_cmpfloat_with_epsilon (px.x, 960, EPS);
  g_assert_cmpfloat_with_epsilon (px.y, 540, EPS);
  m = enlace_viewport_to_plan (&vp, (EnlacePoint) { 0, 0 });
  g_assert_cmpfloat_with_epsilon (m.x, 20 - 960.0 / 40, EPS);

  /* Zooming keeps the point under the pointer still. */
  before = enlace_viewport_to_plan (&vp, (EnlacePoint) { 300, 200 });
  enlace_viewport_zoom_at (&vp, 2.5, (EnlacePoint) { 300, 200 });
  m = enlace_viewport_to_plan (&vp, (EnlacePoint) { 300, 200 });
  g_assert_cmpfloat_with_epsilon (m.x, before.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (m.y, before.y, 1e-9);
  g_assert_cmpfloat_with_epsilon (vp.pixels_per_m, 100, EPS);

  enlace_viewport_zoom_at (&vp, 1e9, (EnlacePoint) { 0, 0 });
  g_assert_cmpfloat (vp.pixels_per_m, ==, ENLACE_VIEWPORT_MAX_ZOOM);

  enlace_viewport_pan (&vp, 100, 0);
  enlace_viewport_fit (&vp, &box, 20);
  g_assert_cmpfloat_with_epsilon (vp.pixels_per_m, MIN (1880.0 / 40, 1040.0 / 25), EPS);
  g_assert_cmpfloat_with_epsilon (vp.centre_x, 20, EPS);
  box = enlace_viewport_visible (&vp);
  g_assert_cmpfloat (box.x1, <=, 0);
  g_assert_cmpfloat (box.x2, >=, 40);

  bar = enlace_viewport_scale_bar (&vp, 200, &bar_px);
  g_assert_cmpfloat (bar_px, <=, 200);
  g_assert_cmpfloat (bar_px, >, 80);
  g_assert_cmpfloat (bar, ==, 2); /* 41.6 px/m: 2 m = 83 px, 5 m = 208 px */
}

static gboolean
hit_exact (guint       item,
           EnlacePoint p,
           gpointer    data)
{
  const EnlacePoint *centres = data;

  return enlace_point_distance (centres[item], p) <= 0.2;
}

static void
test_grid_index (void)
{
  EnlaceBox extent = { 0, 0, 100, 50 };
  g_autoptr(EnlaceGridIndex) index = enlace_grid_index_new (&extent, 1.0);
  g_autofree EnlacePoint *centres = g_new (EnlacePoint, 5000);
  g_autoptr(GArray) found = NULL;
  EnlaceBox q = { 10, 10, 12, 12 };

  for (guint i = 0; i < 5000; i++)
    {
      EnlaceBox b;

      centres[i].x = (i % 100) + 0.5;
      centres[i].y = (i / 100) + 0.5;
      b.x1 = centres[i].x - 0.2;
      b.x2 = centres[i].x + 0.2;
      b.y1 = centres[i].y - 0.2;
      b.y2 = centres[i].y + 0.2;
      enlace_grid_index_insert (index, i, &b);
    }
  g_assert_cmpuint (enlace_grid_index_hit (index, (EnlacePoint) { 42.6, 17.4 }, hit_exact, centres), ==, 1742);
  g_assert_cmpuint (enlace_grid_index_hit (index, (EnlacePoint) { 42.0, 17.0 }, hit_exact, centres), ==, G_MAXUINT);
  g_assert_cmpuint (enlace_grid_index_hit (index, (EnlacePoint) { 500, 500 }, NULL, NULL), ==, G_MAXUINT);

  found = enlace_grid_index_query (index, &q);
  /* Centres 10.5 and 11.5 on each axis fall in; 12.5 - 0.2 > 12 does not. */
  g_assert_cmpuint (found->len, ==, 4);
}

/* The one check of a field of points, used by the store and the XML
 * import: numbers only, at least so many points, no empty text. */
static void
test_points_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pts = NULL;

  g_assert_true (enlace_points_valid ("[[0, 0], [1.5, 2], [3, 0]]", 3));
  g_assert_true (enlace_points_valid ("[]", 0));
  g_assert_false (enlace_points_valid ("[[0, 0], [1, 1]]", 3));
  g_assert_false (enlace_points_valid ("", 0));
  g_assert_false (enlace_points_valid (NULL, 0));
  g_assert_false (enlace_points_valid ("[[0, \"1\"], [1, 1]]", 2));
  g_assert_false (enlace_points_valid ("[[0, 1, 2], [1, 1]]", 2));
  g_assert_false (enlace_points_valid ("[[0, null], [1, 1]]", 2));
  g_assert_false (enlace_points_valid ("{\"x\": 1}", 0));

  pts = enlace_points_parse ("[[0, true]]", &error);
  g_assert_null (pts);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/geometry/points-json", test_points_json);
  g_test_add_func ("/model/geometry/points-valid", test_points_valid);
  g_test_add_func ("/model/geometry/polygon-area", test_polygon_area);
  g_test_add_func ("/model/geometry/polygon-contains", test_polygon_contains);
  g_test_add_func ("/model/geometry/distances", test_distances);
  g_test_add_func ("/model/geometry/rotate", test_rotate);
  g_test_add_func ("/model/geometry/snap", test_snap);
  g_test_add_func ("/model/geometry/calibrate", test_calibrate);
  g_test_add_func ("/model/geometry/viewport", test_viewport);
  g_test_add_func ("/model/geometry/grid-index", test_grid_index);

  return g_test_run ();
}
