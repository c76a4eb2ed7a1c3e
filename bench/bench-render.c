/* bench-render.c: the rack, port and trace drawings on a generated campus
 *
 *   bench-render [FILE]
 *
 * FILE (default /tmp/enlace-bench-render.enlace) is generated first when it
 * does not exist (10 buildings × 5 floors × 180 outlets: about 100k ports).
 * Each of 7 rounds opens the file and times, into a 1× image surface:
 * loading and drawing the busiest rack's elevation, loading and drawing
 * the front panel of a 48-port switch, and the first trace from one of
 * its ports (tracer created cold, paths, drawing) — what the rack page,
 * the device page and the trace page do when they are shown.  Prints the
 * medians; the page budget is one frame (16 ms) after the data is there.
 */
#define G_LOG_DOMAIN "bench-render"
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "enlace-generate.h"
#include "enlace-render-ports.h"
#include "enlace-rack-elevation.h"
#include "enlace-render-trace.h"
#include "enlace-store-private.h"
#include "enlace-trace.h"

#define ROUNDS 7

static int
dcmp (const void *a,
      const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof (double), dcmp);
  return v[n / 2];
}

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

/* CPU time of the process in ms: on a shared, busy machine the wall time
 * mostly measures the wait for a core. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gint64
query_id (EnlaceStore *store,
          const char  *sql)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, NULL);
  gint64 id = 0;

  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return id;
}

static void
draw_into (double   w,
           double   h,
           void   (*draw) (gpointer, cairo_t *),
           gpointer data)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w), (int) ceil (h));
  cairo_t *cr = cairo_create (s);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw (data, cr);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  cairo_surface_destroy (s);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *path = argc > 1 ? argv[1] : "/tmp/enlace-bench-render.enlace";
  double t_rack[ROUNDS], t_ports[ROUNDS], t_trace[ROUNDS], t_trace_warm[ROUNDS];
  double c_rack[ROUNDS], c_ports[ROUNDS], c_trace[ROUNDS], c_trace_warm[ROUNDS];
  guint n_ports = 0, n_devices = 0, n_hops = 0, n_switch_ports = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(EnlaceStore) store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
      EnlaceGenerateOptions opts;
      gint64 t0 = g_get_monotonic_time ();

      enlace_generate_options_init (&opts);
      opts.buildings = 10;
      opts.floors = 5;
      opts.outlets_per_floor = 180;
      if (store == NULL || !enlace_generate (store, &opts, NULL, &error))
        {
          fprintf (stderr, "bench-render: %s\n", error->message);
          return 1;
        }
      printf ("generated %s in %.1f s\n", path, ms_since (t0) / 1000);
    }

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(EnlaceStore) store = enlace_store_open (path, ENLACE_STORE_OPEN_READ_ONLY, &error);
      g_autoptr(EnlaceRackElevation) rack = NULL;
      g_autoptr(EnlacePortPanel) panel = NULL;
      g_autoptr(EnlaceTracer) tracer = NULL;
      gint64 rack_id, switch_id, port_id, t0;
      double c0;
      double w, h;

      if (store == NULL)
        {
          fprintf (stderr, "bench-render: %s\n", error->message);
          return 1;
        }
      if (r == 0)
        n_ports = enlace_store_count (store, "port");
      rack_id = query_id (store, "SELECT rack_id FROM device WHERE rack_id IS NOT NULL"
                                 " GROUP BY rack_id ORDER BY count(*) DESC, rack_id LIMIT 1");
      switch_id = query_id (store, "SELECT d.id FROM device d JOIN port p ON p.device_id = d.id"
                                   " WHERE d.role = 'switch' GROUP BY d.id ORDER BY count(*) DESC, d.id LIMIT 1");
      port_id = query_id (store, "SELECT p.id FROM port p JOIN cable_end ce ON ce.port_id = p.id"
                                 " WHERE p.device_id = (SELECT d.id FROM device d JOIN port p ON p.device_id = d.id"
                                 "   WHERE d.role = 'switch' GROUP BY d.id ORDER BY count(*) DESC, d.id LIMIT 1)"
                                 " ORDER BY p.seq, p.id LIMIT 1");

      t0 = g_get_monotonic_time ();
      c0 = cpu_ms ();
      rack = enlace_rack_elevation_load (store, rack_id, &error);
      g_assert_no_error (error);
      enlace_rack_elevation_get_size (rack, &w, &h);
      draw_into (w, h, (void (*) (gpointer, cairo_t *)) enlace_rack_elevation_draw, rack);
      t_rack[r] = ms_since (t0);
      c_rack[r] = cpu_ms () - c0;
      n_devices = enlace_rack_elevation_get_n_devices (rack);

      t0 = g_get_monotonic_time ();
      c0 = cpu_ms ();
      panel = enlace_port_panel_load (store, switch_id, &error);
      g_assert_no_error (error);
      enlace_port_panel_get_size (panel, &w, &h);
      draw_into (w, h, (void (*) (gpointer, cairo_t *)) enlace_port_panel_draw, panel);
      t_ports[r] = ms_since (t0);
      c_ports[r] = cpu_ms () - c0;
      n_switch_ports = enlace_port_panel_get_n_ports (panel);

      for (int warm = 0; warm < 2; warm++)
        {
          EnlaceTerm term = { ENLACE_TERM_PORT, port_id };
          g_autoptr(GPtrArray) paths = NULL;
          g_autoptr(EnlaceTraceDrawing) drawing = NULL;

          t0 = g_get_monotonic_time ();
          c0 = cpu_ms ();
          if (tracer == NULL)
            tracer = enlace_tracer_new (store);
          paths = enlace_tracer_trace_term (tracer, &term, &error);
          g_assert_no_error (error);
          drawing = enlace_trace_drawing_new (store, "bench", paths, &error);
          g_assert_no_error (error);
          enlace_trace_drawing_get_size (drawing, &w, &h);
          draw_into (w, h, (void (*) (gpointer, cairo_t *)) enlace_trace_drawing_draw, drawing);
          (warm ? t_trace_warm : t_trace)[r] = ms_since (t0);
          (warm ? c_trace_warm : c_trace)[r] = cpu_ms () - c0;
          n_hops = enlace_trace_drawing_get_n_boxes (drawing) + enlace_trace_drawing_get_n_cables (drawing);
        }
    }

  printf ("campus: %s, %u ports; medians of %d rounds, each after opening the file\n", path, n_ports, ROUNDS);
  printf ("%-44s %10s %10s\n", "", "wall ms", "cpu ms");
  printf ("rack elevation (%2u devices), load + draw    %10.2f %10.2f\n", n_devices, median (t_rack, ROUNDS), median (c_rack, ROUNDS));
  printf ("switch front panel (%2u ports), load + draw  %10.2f %10.2f\n", n_switch_ports, median (t_ports, ROUNDS), median (c_ports, ROUNDS));
  printf ("first trace after open (%u boxes+cables)     %10.2f %10.2f\n", n_hops, median (t_trace, ROUNDS), median (c_trace, ROUNDS));
  printf ("same trace again (warm tracer)              %10.2f %10.2f\n", median (t_trace_warm, ROUNDS), median (c_trace_warm, ROUNDS));
  return 0;
}
