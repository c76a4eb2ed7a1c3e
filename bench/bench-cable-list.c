/* bench-cable-list.c: open a generated campus in the window and show an
 * object list (the cable list by default) of at least 100,000 rows; time
 * to the first frame, then frame times while scrolling to the end.
 *
 *   bench-cable-list [FILE] [--buildings N --floors N --outlets-per-floor N]
 *                    [--list cable|outlet|device|port|…] [--frames N]
 *
 * FILE (default /tmp/enlace-bench-100k-cables.enlace) is generated when it
 * does not exist.  The default campus, 28 buildings × 5 floors × 200
 * outlets (about 305,000 ports), is the one whose cable list — the list a
 * user scrolls, in the sidebar — has 100,000 rows (about 101,000 cables);
 * the 100k-port campus of the other benchmarks (10 × 5 × 180) has only
 * about 32,600 cables.  The bench prints the number of rows it scrolled.
 *
 * Needs a display (xvfb-run) and GSK_RENDERER=cairo for figures comparable
 * to CI.  "Frame time" is the work of one frame: the scroll (where the
 * list reads and binds its new rows, in the adjustment's value-changed)
 * and the frame clock's update phase to the end of its paint — not the
 * wait for the frame clock between them — in wall time and in CPU time of
 * the thread that draws (CLOCK_THREAD_CPUTIME_ID: getrusage's
 * RUSAGE_THREAD only counts up at the scheduler's ticks, too coarse for
 * the phases of a frame): on a shared machine the
 * wall time includes waiting for a CPU, the CPU time does not.
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "enlace-generate.h"
#include "enlace-object-list.h"
#include "enlace-window.h"

typedef struct
{
  gint64   frame_start;
  double   frame_cpu_start;
  double   scroll_ms;   /* the scroll that asked for this frame */
  double   scroll_cpu;
  GArray  *durations;   /* of double, ms */
  GArray  *cpu;         /* of double, ms: CPU of the drawing thread */
  gboolean painted;
  /* where a frame's CPU goes: the scroll, GTK's layout, the list's filling
   * of the rows seen (after the layout), the paint (snapshot and render),
   * the rest to after-paint; sums of ms over the frames */
  double   mark;        /* thread CPU at the last phase's end */
  gboolean phased;
  double   phase[5];
} Frames;

enum { PHASE_SCROLL, PHASE_LAYOUT, PHASE_FILL, PHASE_PAINT, PHASE_REST };

/* CPU time of the calling thread (the one that lays out and draws), ms */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
update_cb (GdkFrameClock *clock,
           Frames        *f)
{
  f->frame_start = g_get_monotonic_time ();
  f->frame_cpu_start = thread_cpu_ms ();
  f->mark = f->frame_cpu_start;
}

/* Marks the end of @phase: connected to the frame clock's "layout" (after
 * GTK's own layout, which was connected first), "layout" again after the
 * list's filling (connected after it), "paint" (after GDK's, which
 * snapshots and renders) */
static void
phase_end (Frames *f,
           int     phase)
{
  double now = thread_cpu_ms ();

  if (f->frame_start == 0 || !f->phased)
    return;
  f->phase[phase] += now - f->mark;
  f->mark = now;
}

static void
layout_end_cb (GdkFrameClock *clock,
               Frames        *f)
{
  phase_end (f, PHASE_LAYOUT);
}

static void
fill_end_cb (GdkFrameClock *clock,
             Frames        *f)
{
  phase_end (f, PHASE_FILL);
}

static void
paint_end_cb (GdkFrameClock *clock,
              Frames        *f)
{
  phase_end (f, PHASE_PAINT);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *f)
{
  double ms, cpu;

  if (f->frame_start == 0)
    return;
  ms = (g_get_monotonic_time () - f->frame_start) / 1000.0 + f->scroll_ms;
  cpu = thread_cpu_ms () - f->frame_cpu_start + f->scroll_cpu;
  if (f->phased)
    {
      phase_end (f, PHASE_REST);
      f->phase[PHASE_SCROLL] += f->scroll_cpu;
    }
  f->scroll_ms = f->scroll_cpu = 0;
  g_array_append_val (f->durations, ms);
  g_array_append_val (f->cpu, cpu);
  f->frame_start = 0;
  f->painted = TRUE;
}

static void
print_loadavg (const char *when)
{
  g_autofree char *load = NULL;

  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    printf ("  load average %s: %s", when, load);
}

static void
wait_paint (Frames *f)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  f->painted = FALSE;
  while (!f->painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

/* CPU time of this process in ms (the machine may be busy: wall time
 * includes waiting for the CPU and for the X server) */
static double
cpu_ms (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec * 1000.0 + ru.ru_utime.tv_usec / 1000.0 +
         ru.ru_stime.tv_sec * 1000.0 + ru.ru_stime.tv_usec / 1000.0;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The cells (GtkInscription) of @view's rows on screen, and how many of
 * them show no text: a cell is filled when its row is seen, before the
 * frame is painted, so none should be empty but those of empty fields. */
static void
count_cells (GtkWidget *widget,
             GtkWidget *view,
             guint     *n,
             guint     *empty)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget))
    {
      graphene_rect_t b;
      const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

      if (gtk_widget_compute_bounds (widget, view, &b) &&
          b.origin.y >= 0 && b.origin.y + b.size.height <= gtk_widget_get_height (view))
        {
          (*n)++;
          if (text == NULL || text[0] == '\0')
            (*empty)++;
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    count_cells (c, view, n, empty);
}

static GtkScrolledWindow *
find_scroller (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      return GTK_SCROLLED_WINDOW (w);
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  EnlaceGenerateOptions opts;
  const char *path = "/tmp/enlace-bench-100k-cables.enlace";
  const char *list = "cable";
  g_autofree char *page_kind = NULL;
  guint n_frames = 300;
  EnlaceWindow *window;
  EnlacePage *page;
  GtkColumnView *view;
  GtkAdjustment *adj;
  GdkFrameClock *clock;
  Frames f = { 0 };
  gint64 t0;
  double first_frame_ms, open_ms, show_ms;
  double c0, open_cpu, show_cpu, first_frame_cpu, scroll_cpu;
  guint n_rows, over = 0, cpu_over = 0, n_cells = 0, n_empty = 0;
  double sum = 0, cpu_sum = 0;

  enlace_generate_options_init (&opts);
  opts.buildings = 28;
  opts.floors = 5;
  opts.outlets_per_floor = 200;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--buildings") && i + 1 < argc)
        opts.buildings = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--floors") && i + 1 < argc)
        opts.floors = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--outlets-per-floor") && i + 1 < argc)
        opts.outlets_per_floor = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--frames") && i + 1 < argc)
        n_frames = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--list") && i + 1 < argc)
        list = argv[++i];
      else
        path = argv[i];
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(EnlaceStore) store = NULL;

      fprintf (stderr, "generating %s (%u buildings × %u floors × %u outlets)…\n",
               path, opts.buildings, opts.floors, opts.outlets_per_floor);
      if (!(store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error)) ||
          !enlace_generate (store, &opts, NULL, &error))
        {
          fprintf (stderr, "cannot generate %s: %s\n", path, error->message);
          return 1;
        }
    }

  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-cable-list needs a display (run it under xvfb-run)\n");
      return 1;
    }
  adw_init ();
  f.durations = g_array_new (FALSE, FALSE, sizeof (double));
  f.cpu = g_array_new (FALSE, FALSE, sizeof (double));
  page_kind = g_strconcat ("list/", list, NULL);
  print_loadavg ("before");

  window = enlace_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), &f);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &f);
  wait_paint (&f);
  g_array_set_size (f.durations, 0);
  g_array_set_size (f.cpu, 0);

  /* open the file and show the cable list, until its first frame */
  t0 = g_get_monotonic_time ();
  c0 = cpu_ms ();
  if (!enlace_window_open_path (window, path, &error))
    {
      fprintf (stderr, "cannot open %s: %s\n", path, error->message);
      return 1;
    }
  open_ms = (g_get_monotonic_time () - t0) / 1000.0;
  open_cpu = cpu_ms () - c0;
  {
    gint64 t1 = g_get_monotonic_time ();
    double c1 = cpu_ms ();
    enlace_window_show_object (window, page_kind, 0);
    show_ms = (g_get_monotonic_time () - t1) / 1000.0;
    show_cpu = cpu_ms () - c1;
  }
  wait_paint (&f);
  first_frame_ms = (g_get_monotonic_time () - t0) / 1000.0;
  first_frame_cpu = cpu_ms () - c0;

  page = enlace_window_get_visible_page (window);
  g_assert (ENLACE_IS_OBJECT_LIST (page));
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (enlace_object_list_get_model (ENLACE_OBJECT_LIST (page))));
  view = enlace_object_list_get_column_view (ENLACE_OBJECT_LIST (page));
  adj = gtk_scrolled_window_get_vadjustment (find_scroller (GTK_WIDGET (view)));

  /* the phases of a frame: the list has connected its filling after the
   * frame clock's "layout" when it was realized; these come after it */
  g_signal_connect (clock, "layout", G_CALLBACK (layout_end_cb), &f);
  g_signal_connect_after (clock, "layout", G_CALLBACK (fill_end_cb), &f);
  g_signal_connect (clock, "paint", G_CALLBACK (paint_end_cb), &f);
  f.phased = TRUE;

  /* scroll to the end in n_frames equal steps: every frame shows new rows */
  g_array_set_size (f.durations, 0);
  g_array_set_size (f.cpu, 0);
  scroll_cpu = cpu_ms ();
  for (guint i = 1; i <= n_frames; i++)
    {
      double upper = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

      gint64 t1 = g_get_monotonic_time ();
      double c1 = thread_cpu_ms ();

      /* the list reads and binds its new rows in the scroll itself (the
       * adjustment's value-changed), before the frame clock's update: a
       * frame is that and the frame's layout and paint, not the wait for
       * the frame clock in between */
      gtk_adjustment_set_value (adj, upper * i / n_frames);
      f.scroll_ms = (g_get_monotonic_time () - t1) / 1000.0;
      f.scroll_cpu = thread_cpu_ms () - c1;
      wait_paint (&f);
    }

  scroll_cpu = cpu_ms () - scroll_cpu;
  count_cells (GTK_WIDGET (view), GTK_WIDGET (view), &n_cells, &n_empty);
  g_array_sort (f.durations, cmp_double);
  g_array_sort (f.cpu, cmp_double);
  for (guint i = 0; i < f.durations->len; i++)
    {
      double d = g_array_index (f.durations, double, i);
      double c = g_array_index (f.cpu, double, i);
      sum += d;
      cpu_sum += c;
      if (d > 16.0)
        over++;
      if (c > 16.0)
        cpu_over++;
    }

  printf ("%s list of %s: %u rows%s\n", list, path, n_rows,
          n_rows < 100000 ? " (fewer than the 100,000 of the goal: generate a bigger campus)" : "");
  printf ("                                  wall      CPU of enlace\n");
  printf ("  open the file (site page):   %8.1f ms %8.1f ms\n", open_ms, open_cpu);
  printf ("  show the list (sync):        %8.1f ms %8.1f ms\n", show_ms, show_cpu);
  printf ("  first frame of the list:     %8.1f ms %8.1f ms (from opening; goal < 1500 ms)\n",
          first_frame_ms, first_frame_cpu);
  if (f.durations->len > 0)
    {
      printf ("  scroll to the end:           %u frames\n", f.durations->len);
      printf ("    frame time mean / p50 / p95 / max: %.1f / %.1f / %.1f / %.1f ms (goal: max ≤ 16 ms)\n",
              sum / f.durations->len,
              g_array_index (f.durations, double, f.durations->len / 2),
              g_array_index (f.durations, double, (guint)(f.durations->len * 0.95)),
              g_array_index (f.durations, double, f.durations->len - 1));
      printf ("    frames over 16 ms:         %u\n", over);
      printf ("    CPU of the drawing thread per frame, mean / p50 / p95 / max: %.1f / %.1f / %.1f / %.1f ms\n",
              cpu_sum / f.cpu->len,
              g_array_index (f.cpu, double, f.cpu->len / 2),
              g_array_index (f.cpu, double, (guint)(f.cpu->len * 0.95)),
              g_array_index (f.cpu, double, f.cpu->len - 1));
      printf ("    frames over 16 ms of CPU:  %u\n", cpu_over);
      printf ("    CPU per frame by phase: scroll %.1f, layout %.1f, filling the rows seen %.1f, "
              "paint %.1f, rest %.1f ms\n",
              f.phase[PHASE_SCROLL] / f.durations->len, f.phase[PHASE_LAYOUT] / f.durations->len,
              f.phase[PHASE_FILL] / f.durations->len, f.phase[PHASE_PAINT] / f.durations->len,
              f.phase[PHASE_REST] / f.durations->len);
      printf ("    CPU of enlace per frame:   %.1f ms (every thread, between frames too)\n",
              scroll_cpu / f.durations->len);
    }
  printf ("  cells on screen at the end: %u, without text: %u (empty fields included)\n", n_cells, n_empty);
  printf ("  last row reached: %s\n",
          gtk_adjustment_get_value (adj) >= gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) - 1 ? "yes" : "no");

  print_loadavg ("after");

  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (f.durations);
  g_array_unref (f.cpu);
  return 0;
}
