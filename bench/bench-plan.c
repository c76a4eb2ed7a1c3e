/* bench-plan.c: drawing and hit-testing a big floor plan
 *
 * A generated floor of 120 × 80 m with 300 spaces, 5,000 outlets (two
 * jacks each are not needed to draw them: they are plain outlets), 500
 * pathway segments and a 4000 × 2700 px architect's plan underneath,
 * drawn into a 1920 × 1080 cairo image surface at full view and zoomed
 * in, and 100,000 clicks hit-tested.  Prints the medians.
 *
 *   ninja -C build-release bench/bench-plan && build-release/bench/bench-plan
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "enlace-plan-sheet.h"
#include "enlace-plan.h"
#include "enlace-render-plan.h"
#include "enlace-store-private.h"

#define W 120.0
#define D 80.0

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double
median (double *v,
        int     n)
{
  qsort (v, n, sizeof *v, cmp_double);
  return v[n / 2];
}

/* CPU time of this thread in µs: on a shared, loaded machine the wall
 * time says more about the neighbours than about the drawing. */
static gint64
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
add (EnlaceStore *store,
     const char  *kind,
     JsonObject  *values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = values;
  gint64 id = enlace_store_create (store, kind, v, &error);

  if (id == 0)
    g_error ("%s", error->message);
  return id;
}

static GBytes *
background_png (int w,
                int h)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "enlace-bench-plan.png", NULL);
  char *data = NULL;
  gsize len = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (cr, 3);
  for (int x = 0; x < w; x += 133)
    {
      cairo_move_to (cr, x, 0);
      cairo_line_to (cr, x, h);
    }
  for (int y = 0; y < h; y += 180)
    {
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, w, y);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  g_file_get_contents (path, &data, &len, NULL);
  return g_bytes_new_take (data, len);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(EnlacePlanScene) scene = NULL;
  g_autoptr(EnlacePlanBackground) background = NULL;
  g_autoptr(GBytes) png = background_png (4000, 2700);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(JsonObject) plan = json_object_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  EnlacePlanStyle style;
  EnlaceViewport vp = { W / 2, D / 2, 1, 1920, 1080 };
  gint64 floor_id, t0, c0;
  double full[21], full_cold[5], zoomed[21], hit_total, hit_cpu;
  double full_cpu[21], full_cold_cpu[5], zoomed_cpu[21];
  guint n_outlets = 0, n_segments = 0, n_spaces = 0, hits = 0;
  const int rooms_x = 20, rooms_y = 15;

  /* ---- the floor ---- */
  t0 = g_get_monotonic_time ();
  enlace_store_begin (store, "bench", NULL);
  enlace_store_begin_bulk (store, NULL);
  {
    JsonObject *o = json_object_new ();

    json_object_set_string_member (o, "code", "S");
    json_object_set_string_member (o, "name", "Sede");
    add (store, "site", o);
  }
  {
    JsonObject *b = json_object_new ();
    json_object_set_int_member (b, "site_id", 1);
    json_object_set_string_member (b, "code", "X");
    json_object_set_string_member (b, "name", "Edificio de prueba");
    add (store, "building", b);
  }
  {
    JsonObject *f = json_object_new ();
    json_object_set_int_member (f, "building_id", 1);
    json_object_set_int_member (f, "level", 1);
    json_object_set_string_member (f, "name", "Planta 1");
    floor_id = add (store, "floor", f);
  }
  for (int j = 0; j < rooms_y; j++)
    for (int i = 0; i < rooms_x; i++)
      {
        double x0 = i * (W / rooms_x), y0 = j * (D / rooms_y), w = W / rooms_x - 0.2, d = D / rooms_y - 0.2;
        EnlacePoint pts[4] = { { x0, y0 }, { x0 + w, y0 }, { x0 + w, y0 + d }, { x0, y0 + d } };
        g_autofree char *outline = enlace_points_to_json (pts, 4);
        g_autofree char *code = g_strdup_printf ("%d%c%02d", j, 'A' + (i % 26), i);
        g_autofree char *name = g_strdup_printf ("Oficina %d-%d", j, i);
        JsonObject *s = json_object_new ();
        gint64 space;

        json_object_set_int_member (s, "floor_id", floor_id);
        json_object_set_string_member (s, "code", code);
        json_object_set_string_member (s, "name", name);
        json_object_set_string_member (s, "kind", (i + j) % 5 == 0 ? "classroom" : "office");
        json_object_set_string_member (s, "outline", outline);
        space = add (store, "space", s);
        n_spaces++;

        /* 5000 outlets over 300 rooms: 16 or 17 each, along the walls. */
        for (int k = 0; k < 17 && n_outlets < 5000; k++)
          {
            g_autofree char *dev = g_strdup_printf ("X-%s-%03d", code, k);
            JsonObject *o = json_object_new ();
            double t = (k + 0.5) / 17.0;

            json_object_set_string_member (o, "name", dev);
            json_object_set_string_member (o, "role", "outlet");
            json_object_set_int_member (o, "space_id", space);
            json_object_set_double_member (o, "x", x0 + 0.2 + t * (w - 0.4));
            json_object_set_double_member (o, "y", k % 2 ? y0 + 0.1 : y0 + d - 0.1);
            add (store, "device", o);
            n_outlets++;
          }
      }
  /* 50 trays of 10 segments each, meandering along the rooms' edges as
   * trays do (a right angle at every corner). */
  for (int p = 0; p < 50; p++)
    {
      EnlacePoint pts[11];
      g_autofree char *json = NULL;
      JsonObject *o = json_object_new ();

      pts[0] = (EnlacePoint) { g_rand_double_range (rand, 0, W), g_rand_double_range (rand, 0, D) };
      for (int k = 1; k <= 10; k++)
        {
          double len = g_rand_double_range (rand, 3, 12) * (g_rand_boolean (rand) ? 1 : -1);

          pts[k] = pts[k - 1];
          if (k % 2)
            pts[k].x = CLAMP (pts[k].x + len, 0, W);
          else
            pts[k].y = CLAMP (pts[k].y + len, 0, D);
        }
      json = enlace_points_to_json (pts, 11);
      json_object_set_int_member (o, "floor_id", floor_id);
      json_object_set_string_member (o, "kind", p % 3 == 0 ? "conduit" : "tray");
      json_object_set_string_member (o, "points", json);
      add (store, "pathway", o);
      n_segments += 10;
    }
  enlace_store_end_bulk (store, NULL);
  enlace_store_commit (store, NULL);
  json_object_set_double_member (plan, "scale", W / 4000);
  json_object_set_double_member (plan, "opacity", 0.4);
  enlace_store_set_plan_background (store, floor_id, png, "image/png", "plano.png", 0, plan, &error);
  g_assert_no_error (error);
  printf ("floor: %u spaces, %u outlets, %u pathway segments, 4000×2700 px background (built in %.0f ms)\n",
          n_spaces, n_outlets, n_segments, (g_get_monotonic_time () - t0) / 1000.0);

  t0 = g_get_monotonic_time ();
  scene = enlace_plan_scene_load (store, floor_id, NULL, &error);
  g_assert_no_error (error);
  background = enlace_plan_background_load (store, scene, &error);
  g_assert_no_error (error);
  printf ("load scene and decode background: %.1f ms\n", (g_get_monotonic_time () - t0) / 1000.0);

  enlace_plan_style_init (&style);
  style.background = background;
  if (g_getenv ("BENCH_LAYERS"))
    style.layers = (guint)g_ascii_strtoull (g_getenv ("BENCH_LAYERS"), NULL, 0);
  enlace_viewport_fit (&vp, &scene->extent, 20);

  /* ---- full view ---- */
  for (int i = 0; i < 21; i++)
    {
      cairo_t *cr = cairo_create (surface);

      t0 = g_get_monotonic_time ();
      c0 = cpu_us ();
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      enlace_render_plan (cr, scene, &vp, &style);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      full[i] = (g_get_monotonic_time () - t0) / 1000.0;
      full_cpu[i] = (cpu_us () - c0) / 1000.0;
    }
  /* The same with the background's view cache cold (a pan or zoom). */
  for (int i = 0; i < 5; i++)
    {
      cairo_t *cr = cairo_create (surface);

      vp.centre_x += 0.01;
      t0 = g_get_monotonic_time ();
      c0 = cpu_us ();
      enlace_render_plan (cr, scene, &vp, &style);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      full_cold[i] = (g_get_monotonic_time () - t0) / 1000.0;
      full_cold_cpu[i] = (cpu_us () - c0) / 1000.0;
    }
  cairo_surface_write_to_png (surface, "bench-plan-full.png");

  /* ---- zoomed in: about 10 m across ---- */
  vp.pixels_per_m = 1920 / 10.0;
  vp.centre_x = W / 2;
  vp.centre_y = D / 2;
  for (int i = 0; i < 21; i++)
    {
      cairo_t *cr = cairo_create (surface);

      t0 = g_get_monotonic_time ();
      c0 = cpu_us ();
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      enlace_render_plan (cr, scene, &vp, &style);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      zoomed[i] = (g_get_monotonic_time () - t0) / 1000.0;
      zoomed_cpu[i] = (cpu_us () - c0) / 1000.0;
    }

  /* ---- hit tests ---- */
  t0 = g_get_monotonic_time ();
  c0 = cpu_us ();
  for (int i = 0; i < 100000; i++)
    {
      EnlacePoint p = { g_rand_double_range (rand, 0, W), g_rand_double_range (rand, 0, D) };

      hits += enlace_plan_scene_hit (scene, p, 0.05) != NULL;
    }
  hit_total = (g_get_monotonic_time () - t0) / 1000.0;
  hit_cpu = (cpu_us () - c0) / 1000.0;

  {
    double m = median (full_cpu, 21);  /* sorts: full_cpu[0] is the fastest */

    printf ("full view redraw, 1920×1080:        median %.2f ms CPU, %.2f ms wall (goal < 8 ms); fastest %.2f ms CPU\n",
            m, median (full, 21), full_cpu[0]);
  }
  printf ("full view, background re-rendered:  median %.2f ms CPU, %.2f ms wall\n",
          median (full_cold_cpu, 5), median (full_cold, 5));
  printf ("zoomed in (10 m across), 1920×1080:  median %.2f ms CPU, %.2f ms wall\n",
          median (zoomed_cpu, 21), median (zoomed, 21));
  printf ("hit test: 100000 clicks, %.1f ms CPU (%.1f ms wall): %.4f ms CPU per click (goal < 0.1 ms), %u hits\n",
          hit_cpu, hit_total, hit_cpu / 100000, hits);
  {
    double load[3];

    if (getloadavg (load, 3) == 3)
      printf ("load average while measured: %.2f %.2f %.2f on %u CPUs\n",
              load[0], load[1], load[2], g_get_num_processors ());
  }

  cairo_surface_destroy (surface);
  return 0;
}
