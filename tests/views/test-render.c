/* test-render.c: the rack, port and trace drawings, with no display */
#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "enlace-demo.h"
#include "enlace-render-ports.h"
#include "enlace-render-util.h"
#include "enlace-rack-elevation.h"
#include "enlace-render-document.h"
#include "enlace-render-trace.h"
#include "enlace-test-fixture.h"

typedef struct { double r, g, b; } Px;

static Px
pixel (cairo_surface_t *s,
       double           x,
       double           y)
{
  unsigned char *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);
  guint32 v;

  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (s));
  g_assert_cmpfloat (y, <, cairo_image_surface_get_height (s));
  v = *(guint32 *) (data + (int) y * stride + (int) x * 4);
  return (Px) { ((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0, (v & 0xff) / 255.0 };
}

static gboolean
near (Px     p,
      double r,
      double g,
      double b)
{
  return fabs (p.r - r) < 0.06 && fabs (p.g - g) < 0.06 && fabs (p.b - b) < 0.06;
}

static gboolean
same (Px a,
      Px b)
{
  return near (a, b.r, b.g, b.b);
}

static cairo_surface_t *
surface_for (double w,
             double h)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w), (int) ceil (h));
  cairo_t *cr = cairo_create (s);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  return s;
}

/* Dark pixels (text) in a region. */
static guint
count_dark (cairo_surface_t *s,
            double x, double y, double w, double h)
{
  guint n = 0;

  cairo_surface_flush (s);
  for (double yy = y; yy < y + h; yy++)
    for (double xx = x; xx < x + w; xx++)
      {
        Px p = pixel (s, xx, yy);
        if (p.r + p.g + p.b < 1.5)
          n++;
      }
  return n;
}

/* Reads "/MediaBox [ 0 0 W H ]" of the first page. */
static void
pdf_page_size (const char *path,
               double     *w,
               double     *h)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  const char *box;
  gsize len;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  box = NULL;
  for (gsize i = 0; i + 9 < len && box == NULL; i++)
    if (memcmp (data + i, "/MediaBox", 9) == 0)
      box = data + i;
  g_assert_nonnull (box);
  g_assert_cmpint (sscanf (box, "/MediaBox [ 0 0 %lf %lf ]", w, h), ==, 2);
}

static void
test_rack_occupied_free (void)
{
  EnlaceTestPlant ids;
  g_autoptr(EnlaceStore) store = enlace_test_plant_new (&ids);
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceRackElevation) rack = enlace_rack_elevation_load (store, ids.rack, &error);
  cairo_surface_t *s;
  cairo_t *cr;
  double w, h, x, y, uw, uh;
  Px sw1, free_u, rear_ghost, rear_free, planned;

  g_assert_no_error (error);
  g_assert_cmpuint (enlace_rack_elevation_get_u_height (rack), ==, 24);
  g_assert_cmpuint (enlace_rack_elevation_get_n_devices (rack), ==, 5);
  /* PP-1 1 U, SW-1 1 U, SRV-1 2 U, SW-2 1 U; PDU-1 is 0 U */
  g_assert_cmpfloat (enlace_rack_elevation_get_used_units (rack), ==, 5);

  enlace_rack_elevation_get_size (rack, &w, &h);
  g_assert_cmpfloat (h, >, 24 * 15);
  s = surface_for (w, h);
  cr = cairo_create (s);
  enlace_rack_elevation_draw (rack, cr);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  enlace_test_save_png (s, "render-rack.png");

  /* SW-1 at U22 is drawn in the switch colour, a free unit is not */
  enlace_rack_elevation_get_span_rect (rack, ENLACE_RACK_FACE_FRONT, 22, 1, &x, &y, &uw, &uh);
  sw1 = pixel (s, x + uw - 10, y + 3);
  enlace_rack_elevation_get_span_rect (rack, ENLACE_RACK_FACE_FRONT, 20, 1, &x, &y, &uw, &uh);
  free_u = pixel (s, x + uw - 10, y + 3);
  g_assert_true (near (sw1, 0x1a / 255., 0x5f / 255., 0xb4 / 255.));
  g_assert_true (near (free_u, 0.975, 0.975, 0.97));
  g_assert_false (same (sw1, free_u));

  /* the full-depth server shows on the rear face; half-depth SW-1 does not */
  enlace_rack_elevation_get_span_rect (rack, ENLACE_RACK_FACE_REAR, 18, 2, &x, &y, &uw, &uh);
  rear_ghost = pixel (s, x + uw - 10, y + 3);
  g_assert_false (same (rear_ghost, free_u));
  enlace_rack_elevation_get_span_rect (rack, ENLACE_RACK_FACE_REAR, 22, 1, &x, &y, &uw, &uh);
  rear_free = pixel (s, x + uw - 10, y + 3);
  g_assert_true (same (rear_free, free_u));

  /* the planned switch is lighter than the active one */
  enlace_rack_elevation_get_span_rect (rack, ENLACE_RACK_FACE_FRONT, 12, 1, &x, &y, &uw, &uh);
  planned = pixel (s, x + uw - 10, y + 4);
  g_assert_false (same (planned, sw1));
  g_assert_false (same (planned, free_u));
  g_assert_cmpfloat (planned.r + planned.g + planned.b, >, sw1.r + sw1.g + sw1.b);

  /* the title is drawn (dark pixels in the header) */
  g_assert_cmpuint (count_dark (s, 0, 0, w, 40), >, 100);

  cairo_surface_destroy (s);
}

static void
test_rack_hit_and_fit (void)
{
  EnlaceTestPlant ids;
  g_autoptr(EnlaceStore) store = enlace_test_plant_new (&ids);
  g_autoptr(EnlaceRackElevation) rack = enlace_rack_elevation_load (store, ids.rack, NULL);
  double x, y, w, h;
  EnlaceRackFace face;
  gint64 blocker = -1;
  int unit = 0;

  /* hit test: the centre of U22 front is SW-1, of U23 nothing */
  enlace_rack_elevation_get_span_rect (rack, ENLACE_RACK_FACE_FRONT, 22, 1, &x, &y, &w, &h);
  g_assert_cmpint (enlace_rack_elevation_device_at (rack, x + w / 2, y + h / 2, &face), ==, ids.sw1);
  g_assert_cmpint (face, ==, ENLACE_RACK_FACE_FRONT);
  g_assert_true (enlace_rack_elevation_unit_at (rack, x + w / 2, y + h / 2, &face, &unit));
  g_assert_cmpint (unit, ==, 22);
  g_assert_cmpint (enlace_rack_elevation_device_at (rack, x + w / 2, y - h / 2, NULL), ==, 0);
  g_assert_cmpfloat (enlace_rack_elevation_position_for_top (rack, y, 1), ==, 22);
  /* the 2 U server: its top edge is U19's top */
  enlace_rack_elevation_get_span_rect (rack, ENLACE_RACK_FACE_REAR, 18, 2, &x, &y, &w, &h);
  g_assert_cmpint (enlace_rack_elevation_device_at (rack, x + 5, y + h - 2, &face), ==, ids.srv1);
  g_assert_cmpint (face, ==, ENLACE_RACK_FACE_REAR);
  g_assert_cmpfloat (enlace_rack_elevation_position_for_top (rack, y, 2), ==, 18);
  /* dragging above the top clamps into the rack */
  g_assert_cmpfloat (enlace_rack_elevation_position_for_top (rack, -500, 2), ==, 23);

  g_assert_true (enlace_rack_elevation_fits (rack, ENLACE_RACK_FACE_FRONT, 23, 1, FALSE, ids.sw1, &blocker));
  g_assert_false (enlace_rack_elevation_fits (rack, ENLACE_RACK_FACE_FRONT, 24, 1, FALSE, ids.sw1, &blocker));
  g_assert_cmpint (blocker, ==, ids.pp1);
  g_assert_false (enlace_rack_elevation_fits (rack, ENLACE_RACK_FACE_REAR, 19, 1, FALSE, 0, &blocker));
  g_assert_cmpint (blocker, ==, ids.srv1);
  g_assert_true (enlace_rack_elevation_fits (rack, ENLACE_RACK_FACE_REAR, 22, 1, FALSE, 0, &blocker));
  g_assert_false (enlace_rack_elevation_fits (rack, ENLACE_RACK_FACE_FRONT, 24, 2, FALSE, 0, &blocker));
  g_assert_cmpint (blocker, ==, 0);
}

static void
test_rack_pdf (void)
{
  EnlaceTestPlant ids;
  g_autoptr(EnlaceStore) store = enlace_test_plant_new (&ids);
  g_autoptr(EnlaceRackElevation) rack = enlace_rack_elevation_load (store, ids.rack, NULL);
  g_autofree char *path = enlace_test_screenshot_path ("render-rack.pdf");
  cairo_surface_t *s;
  cairo_t *cr;
  double w, h, pw, ph;

  enlace_rack_elevation_get_size (rack, &w, &h);
  s = cairo_pdf_surface_create (path, w, h);
  cr = cairo_create (s);
  enlace_rack_elevation_draw (rack, cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (s);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);

  pdf_page_size (path, &pw, &ph);
  g_assert_cmpfloat (fabs (pw - w), <, 1);
  g_assert_cmpfloat (fabs (ph - h), <, 1);
}

static void
test_ports_states (void)
{
  EnlaceTestPlant ids;
  g_autoptr(EnlaceStore) store = enlace_test_plant_new (&ids);
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlacePortPanel) panel = enlace_port_panel_load (store, ids.sw1, &error);
  gint64 gi3 = enlace_test_port (store, "SW-1:Gi1/0/3");
  cairo_surface_t *s;
  cairo_t *cr;
  double w, h, x, y, pw, ph;
  Px connected, planned, free_p;

  g_assert_no_error (error);
  g_assert_cmpuint (enlace_port_panel_get_n_ports (panel), ==, 26);
  g_assert_cmpuint (enlace_port_panel_count (panel, ENLACE_PORT_CONNECTED), ==, 1);
  g_assert_cmpuint (enlace_port_panel_count (panel, ENLACE_PORT_PLANNED), ==, 1);
  g_assert_cmpuint (enlace_port_panel_count (panel, ENLACE_PORT_FREE), ==, 24);
  g_assert_cmpint (enlace_port_panel_find_port (panel, ids.sw1_gi1)->cable_id, ==, ids.cable_patch);

  enlace_port_panel_get_size (panel, &w, &h);
  s = surface_for (w, h);
  cr = cairo_create (s);
  enlace_port_panel_draw (panel, cr);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  enlace_test_save_png (s, "render-ports-switch.png");

  g_assert_true (enlace_port_panel_get_port_rect (panel, ids.sw1_gi1, &x, &y, &pw, &ph));
  connected = pixel (s, x + 5, y + 2);
  g_assert_cmpint (enlace_port_panel_port_at (panel, x + pw / 2, y + ph / 2), ==, ids.sw1_gi1);
  g_assert_true (enlace_port_panel_get_port_rect (panel, ids.sw1_gi2, &x, &y, &pw, &ph));
  planned = pixel (s, x + 5, y + 2);
  /* switch style: port 2 below port 1 */
  g_assert_cmpint (enlace_port_panel_port_at (panel, x + pw / 2, y + ph / 2), ==, ids.sw1_gi2);
  g_assert_true (enlace_port_panel_get_port_rect (panel, gi3, &x, &y, &pw, &ph));
  free_p = pixel (s, x + 5, y + 2);

  g_assert_true (near (connected, 0.20, 0.82, 0.48));
  g_assert_true (near (planned, 0.96, 0.76, 0.07));
  g_assert_true (near (free_p, 0.87, 0.87, 0.85));
  g_assert_cmpint (enlace_port_panel_port_at (panel, 1, 1), ==, 0);
  cairo_surface_destroy (s);

  /* a patch panel: front and rear plates, 24 to a row */
  {
    g_autoptr(EnlacePortPanel) pp = enlace_port_panel_load (store, ids.pp1, &error);
    double x1, y1, x2, y2;

    g_assert_no_error (error);
    g_assert_cmpuint (enlace_port_panel_get_n_ports (pp), ==, 48);
    g_assert_true (enlace_port_panel_get_port_rect (pp, ids.pp1_f1, &x1, &y1, &pw, &ph));
    g_assert_true (enlace_port_panel_get_port_rect (pp, enlace_test_port (store, "PP-1:2"), &x2, &y2, &pw, &ph));
    g_assert_cmpfloat (y1, ==, y2);
    g_assert_cmpfloat (x2, >, x1);
    g_assert_true (enlace_port_panel_get_port_rect (pp, ids.pp1_r1, &x2, &y2, &pw, &ph));
    g_assert_cmpfloat (y2, >, y1 + ph);
    enlace_port_panel_get_size (pp, &w, &h);
    s = surface_for (w, h);
    cr = cairo_create (s);
    enlace_port_panel_draw (pp, cr);
    cairo_destroy (cr);
    enlace_test_save_png (s, "render-ports-panel.png");
    cairo_surface_destroy (s);
  }
}

static void
test_trace_fixture_path (void)
{
  EnlaceTestPlant ids;
  g_autoptr(EnlaceStore) store = enlace_test_plant_new (&ids);
  g_autoptr(EnlaceTracer) tracer = enlace_tracer_new (store);
  g_autoptr(GError) error = NULL;
  EnlaceTerm term = { ENLACE_TERM_PORT, ids.sw1_gi1 };
  g_autoptr(GPtrArray) paths = enlace_tracer_trace_term (tracer, &term, &error);
  g_autoptr(EnlaceTraceDrawing) drawing = NULL;
  g_autofree char *pdf = enlace_test_screenshot_path ("render-trace.pdf");
  g_autofree char *png = enlace_test_screenshot_path ("render-trace.png");
  const char *kind = NULL;
  gint64 id = 0;
  double w, h, pw, ph;
  gboolean found_cable = FALSE, found_port = FALSE;
  cairo_surface_t *s;

  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, 1);
  drawing = enlace_trace_drawing_new (store, "Trace from SW-1:Gi1/0/1", paths, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_trace_drawing_get_n_paths (drawing), ==, 1);
  /* SW-1, PP-1 (front and rear in one box), O-101, PC-101; three cables */
  g_assert_cmpuint (enlace_trace_drawing_get_n_boxes (drawing), ==, 4);
  g_assert_cmpuint (enlace_trace_drawing_get_n_cables (drawing), ==, 3);

  /* something clickable: scan the column for a cable and a port */
  enlace_trace_drawing_get_size (drawing, &w, &h);
  for (double y = 0; y < h; y += 4)
    if (enlace_trace_drawing_hit (drawing, 60, y, &kind, &id))
      {
        if (g_str_equal (kind, "cable") && id == ids.cable_horizontal)
          found_cable = TRUE;
        if (g_str_equal (kind, "port") && id == ids.sw1_gi1)
          found_port = TRUE;
      }
  g_assert_true (found_cable);
  g_assert_true (found_port);

  g_assert_true (enlace_trace_drawing_export (drawing, png, FALSE, 1, &error));
  g_assert_no_error (error);
  s = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, (int) ceil (w));
  g_assert_cmpint (cairo_image_surface_get_height (s), ==, (int) ceil (h));
  /* the title is there, and the white horizontal cable has its dark casing */
  g_assert_cmpuint (count_dark (s, 0, 0, w, 60), >, 100);
  cairo_surface_destroy (s);

  g_assert_true (enlace_trace_drawing_export (drawing, pdf, TRUE, 1, &error));
  g_assert_no_error (error);
  enlace_trace_drawing_get_path_size (drawing, 0, &w, &h);
  pdf_page_size (pdf, &pw, &ph);
  /* the path's size, with room for the project's header (project, date,
   * author) above it and a margin of 24 points around */
  g_assert_cmpfloat (fabs (pw - (MAX (w, 460) + 48)), <, 1);
  g_assert_cmpfloat (fabs (ph - (h + enlace_document_header_get_height () + 48)), <, 1);
}

static void
test_trace_nothing (void)
{
  EnlaceTestPlant ids;
  g_autoptr(EnlaceStore) store = enlace_test_plant_new (&ids);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(EnlaceTraceDrawing) drawing = enlace_trace_drawing_new (store, "Trace", paths, NULL);
  cairo_surface_t *s;
  cairo_t *cr;
  double w, h;

  g_assert_cmpuint (enlace_trace_drawing_get_n_paths (drawing), ==, 0);
  enlace_trace_drawing_get_size (drawing, &w, &h);
  s = surface_for (w, h);
  cr = cairo_create (s);
  enlace_trace_drawing_draw (drawing, cr);
  cairo_destroy (cr);
  /* the "nothing to trace" message is written */
  g_assert_cmpuint (count_dark (s, 0, 60, w, h - 60), >, 20);
  g_assert_false (enlace_trace_drawing_hit (drawing, 40, 80, NULL, NULL));
  cairo_surface_destroy (s);
}

static void
save_drawing (const char *name,
              double      w,
              double      h,
              void      (*draw) (gpointer, cairo_t *),
              gpointer    data)
{
  cairo_surface_t *s = surface_for (w, h);
  cairo_t *cr = cairo_create (s);

  draw (data, cr);
  cairo_destroy (cr);
  enlace_test_save_png (s, name);
  cairo_surface_destroy (s);
}

/* The demo campus drawn, for people to look at; and a sanity check that
 * real data lays out: every rack's devices are inside the drawing. */
static void
test_demo_campus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(GPtrArray) racks = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(EnlaceTracer) tracer = NULL;
  EnlaceRackElevation *best = NULL;
  g_autoptr(GPtrArray) elevations = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_rack_elevation_unref);
  gboolean saw_switch = FALSE, saw_panel = FALSE, saw_outlet = FALSE;

  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);

  racks = enlace_store_list (store, "rack", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (racks->len, >, 0);
  for (guint i = 0; i < racks->len; i++)
    {
      EnlaceRackElevation *e = enlace_rack_elevation_load (store, enlace_json_int (g_ptr_array_index (racks, i), "id", 0), &error);
      double w, h;

      g_assert_no_error (error);
      g_ptr_array_add (elevations, e);
      enlace_rack_elevation_get_size (e, &w, &h);
      for (guint k = 0; k < enlace_rack_elevation_get_n_devices (e); k++)
        {
          const EnlaceRackDevice *d = enlace_rack_elevation_get_device (e, k);
          double x, y, dw, dh;

          if (d->position <= 0 || d->height <= 0)
            continue;
          enlace_rack_elevation_get_span_rect (e, d->face, d->position, d->height, &x, &y, &dw, &dh);
          g_assert_cmpfloat (y, >=, 0);
          g_assert_cmpfloat (y + dh, <=, h);
        }
      if (best == NULL || enlace_rack_elevation_get_n_devices (e) > enlace_rack_elevation_get_n_devices (best))
        best = e;
    }
  {
    double w, h;
    enlace_rack_elevation_get_size (best, &w, &h);
    save_drawing ("demo-rack.png", w, h, (void (*) (gpointer, cairo_t *)) enlace_rack_elevation_draw, best);
  }

  tracer = enlace_tracer_new (store);
  devices = enlace_store_list (store, "device", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < devices->len; i++)
    {
      JsonObject *o = g_ptr_array_index (devices, i);
      const char *role = enlace_json_string (o, "role");
      gint64 id = enlace_json_int (o, "id", 0);
      gboolean *seen = NULL;
      const char *name = NULL;

      if (!saw_switch && g_strcmp0 (role, "switch") == 0)
        seen = &saw_switch, name = "demo-ports-switch.png";
      else if (!saw_panel && g_strcmp0 (role, "patch-panel") == 0)
        seen = &saw_panel, name = "demo-ports-panel.png";
      else if (!saw_outlet && g_strcmp0 (role, "outlet") == 0)
        seen = &saw_outlet, name = "demo-trace-outlet.png";
      if (seen == NULL)
        continue;
      if (seen == &saw_outlet)
        {
          g_autoptr(GPtrArray) paths = enlace_tracer_trace_device (tracer, id, &error);
          g_autoptr(EnlaceTraceDrawing) d = NULL;
          g_autofree char *path = enlace_test_screenshot_path (name);

          g_assert_no_error (error);
          if (paths->len == 0)
            continue;
          d = enlace_trace_drawing_new (store, enlace_json_string (o, "name"), paths, &error);
          g_assert_no_error (error);
          g_assert_true (enlace_trace_drawing_export (d, path, FALSE, 1, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_autoptr(EnlacePortPanel) panel = enlace_port_panel_load (store, id, &error);
          double w, h;

          g_assert_no_error (error);
          if (enlace_port_panel_get_n_ports (panel) == 0)
            continue;
          enlace_port_panel_get_size (panel, &w, &h);
          save_drawing (name, w, h, (void (*) (gpointer, cairo_t *)) enlace_port_panel_draw, panel);
        }
      *seen = TRUE;
    }
  g_assert_true (saw_switch);
  g_assert_true (saw_panel);
  g_assert_true (saw_outlet);

  /* a provider circuit: the trace crosses it between its two ends */
  {
    g_autoptr(GPtrArray) terms = enlace_store_list (store, "circuit-termination", 0, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < terms->len; i++)
      {
        EnlaceTerm term = { ENLACE_TERM_CIRCUIT, enlace_json_int (g_ptr_array_index (terms, i), "id", 0) };
        g_autoptr(GPtrArray) paths = enlace_tracer_trace_term (tracer, &term, &error);
        g_autoptr(EnlaceTraceDrawing) d = NULL;
        g_autofree char *path = enlace_test_screenshot_path ("demo-trace-circuit.png");

        g_assert_no_error (error);
        if (paths->len == 0)
          continue;
        d = enlace_trace_drawing_new (store, "circuit", paths, &error);
        g_assert_no_error (error);
        g_assert_true (enlace_trace_drawing_export (d, path, FALSE, 1, &error));
        break;
      }
  }
}

/* Run with LANGUAGE=es and ENLACE_LOCALEDIR (the "render-es" test): the
 * drawings in Spanish, saved for people to look at. */
static void
test_spanish (void)
{
  EnlaceTestPlant ids;
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceRackElevation) rack = NULL;
  g_autoptr(EnlacePortPanel) panel = NULL;
  g_autoptr(EnlaceTracer) tracer = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(EnlaceTraceDrawing) trace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  EnlaceTerm term = { ENLACE_TERM_PORT, 0 };
  double w, h;

  if (g_strcmp0 (g_getenv ("LANGUAGE"), "es") != 0 || g_getenv ("ENLACE_LOCALEDIR") == NULL)
    {
      g_test_skip ("only with LANGUAGE=es and ENLACE_LOCALEDIR");
      return;
    }
  /* the catalogue is really used */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Rack %s"), ==, "Rack %s");
  g_assert_cmpstr (_("Total length %s"), ==, "Longitud total %s");

  store = enlace_test_plant_new (&ids);
  rack = enlace_rack_elevation_load (store, ids.rack, &error);
  g_assert_no_error (error);
  enlace_rack_elevation_get_size (rack, &w, &h);
  save_drawing ("render-es-rack.png", w, h, (void (*) (gpointer, cairo_t *)) enlace_rack_elevation_draw, rack);
  /* the rack's width in the glossary's words, not the raw "19 in" */
  {
    g_autofree char *pdf = enlace_test_screenshot_path ("render-es-rack.pdf");
    g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
    g_autofree char *text = NULL;
    cairo_surface_t *surface = cairo_pdf_surface_create (pdf, w, h);
    cairo_t *cr = cairo_create (surface);
    PopplerDocument *doc;
    PopplerPage *page;

    enlace_rack_elevation_draw (rack, cr);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
    doc = poppler_document_new_from_file (uri, NULL, &error);
    g_assert_no_error (error);
    page = poppler_document_get_page (doc, 0);
    text = poppler_page_get_text (page);
    g_assert_nonnull (strstr (text, "19 pulgadas"));
    g_assert_null (strstr (text, "19 in"));
    g_object_unref (page);
    g_object_unref (doc);
  }
  panel = enlace_port_panel_load (store, ids.pp1, &error);
  g_assert_no_error (error);
  enlace_port_panel_get_size (panel, &w, &h);
  save_drawing ("render-es-ports.png", w, h, (void (*) (gpointer, cairo_t *)) enlace_port_panel_draw, panel);

  tracer = enlace_tracer_new (store);
  term.id = ids.sw1_gi1;
  paths = enlace_tracer_trace_term (tracer, &term, &error);
  g_assert_no_error (error);
  trace = enlace_trace_drawing_new (store, "Trayectoria desde SW-1:Gi1/0/1", paths, &error);
  g_assert_no_error (error);
  png = enlace_test_screenshot_path ("render-es-trace.png");
  g_assert_true (enlace_trace_drawing_export (trace, png, FALSE, 1, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ENLACE_LOCALEDIR");

  /* only C.UTF-8 exists on these machines; LANGUAGE picks the catalogue */
  setlocale (LC_ALL, "C.UTF-8");
  if (localedir)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/views/render/rack/occupied-free", test_rack_occupied_free);
  g_test_add_func ("/views/render/rack/hit-fit", test_rack_hit_and_fit);
  g_test_add_func ("/views/render/rack/pdf", test_rack_pdf);
  g_test_add_func ("/views/render/ports/states", test_ports_states);
  g_test_add_func ("/views/render/trace/fixture-path", test_trace_fixture_path);
  g_test_add_func ("/views/render/trace/nothing", test_trace_nothing);
  g_test_add_func ("/views/render/demo-campus", test_demo_campus);
  g_test_add_func ("/views/render/spanish", test_spanish);

  return g_test_run ();
}
