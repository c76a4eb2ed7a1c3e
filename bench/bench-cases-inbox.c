/* bench-cases-inbox.c: the window's inbox of cases on 100,000 generated
 * cases: time to its first frame from opening the file, a filter and a
 * search with their frames, scrolling "all statuses" (rows read a page
 * at a time) and a jump to its end.
 *
 *   bench-cases-inbox [FILE] [--size WxH] [--shot PREFIX] [--frames N]
 *
 * FILE (default /tmp/enlace-bench-cases.enlace, the file of
 * bench-generated-cases, which makes it) must exist.  Needs a display
 * (xvfb-run) and GSK_RENDERER=cairo for figures comparable to CI.
 * --shot saves PREFIX-open.png, PREFIX-all.png and PREFIX-search.png.
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "enlace-cases-inbox.h"
#include "enlace-window.h"

typedef struct
{
  gint64   frame_start;
  GArray  *durations;   /* of double, ms */
  gboolean painted;
} Frames;

static void
update_cb (GdkFrameClock *clock,
           Frames        *f)
{
  f->frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *f)
{
  double ms;

  if (f->frame_start == 0)
    return;
  ms = (g_get_monotonic_time () - f->frame_start) / 1000.0;
  g_array_append_val (f->durations, ms);
  f->frame_start = 0;
  f->painted = TRUE;
}

static void
wait_paint (Frames *f)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  f->painted = FALSE;
  while (!f->painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

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

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found)
        return found;
    }
  return NULL;
}

static void
shot (GtkWidget  *window,
      const char *prefix,
      const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int w = gtk_widget_get_width (window), h = gtk_widget_get_height (window);

  if (prefix == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_strdup_printf ("%s-%s.png", prefix, name);
  if (gdk_texture_save_to_png (texture, path))
    printf ("  saved %s\n", path);
}

static void
print_load (void)
{
  g_autofree char *loadavg = NULL;

  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    printf ("machine load: %s", loadavg);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *path = "/tmp/enlace-bench-cases.enlace";
  const char *prefix = NULL;
  int width = 1280, height = 800;
  guint n_frames = 150;
  EnlaceWindow *window;
  EnlaceCasesInbox *inbox;
  EnlaceCaseListModel *model;
  GtkAdjustment *adj;
  GdkFrameClock *clock;
  Frames f = { 0 };
  gint64 t0;
  double c0, sum = 0;
  guint over = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--size") && i + 1 < argc)
        sscanf (argv[++i], "%dx%d", &width, &height);
      else if (g_str_equal (argv[i], "--shot") && i + 1 < argc)
        prefix = argv[++i];
      else if (g_str_equal (argv[i], "--frames") && i + 1 < argc)
        n_frames = atoi (argv[++i]);
      else
        path = argv[i];
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "%s does not exist: make it with bench-generated-cases %s\n", path, path);
      return 1;
    }
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-cases-inbox needs a display (run it under xvfb-run)\n");
      return 1;
    }
  adw_init ();
  print_load ();
  f.durations = g_array_new (FALSE, FALSE, sizeof (double));

  window = enlace_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), &f);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &f);
  wait_paint (&f);

  /* open the file and show the inbox (open cases), until its first frame */
  t0 = g_get_monotonic_time ();
  c0 = cpu_ms ();
  if (!enlace_window_open_path (window, path, &error))
    {
      fprintf (stderr, "cannot open %s: %s\n", path, error->message);
      return 1;
    }
  enlace_window_show_object (window, "cases", 0);
  wait_paint (&f);
  inbox = ENLACE_CASES_INBOX (enlace_window_get_visible_page (window));
  model = enlace_cases_inbox_get_model (inbox);
  printf ("inbox of %s at %dx%d\n", path, width, height);
  printf ("  first frame of the inbox (open): %8.1f ms wall %8.1f ms CPU (from opening; goal < 1000 ms); %u cases, %u read\n",
          (g_get_monotonic_time () - t0) / 1000.0, cpu_ms () - c0,
          g_list_model_get_n_items (G_LIST_MODEL (model)), enlace_case_list_model_get_n_loaded (model));
  printf ("  counts: %s\n", enlace_cases_inbox_get_counts_text (inbox));
  shot (GTK_WIDGET (window), prefix, "open");

  /* all statuses */
  t0 = g_get_monotonic_time ();
  c0 = cpu_ms ();
  enlace_cases_inbox_set_status_filter (inbox, "all");
  wait_paint (&f);
  printf ("  filter “all statuses”, to its frame: %8.1f ms wall %8.1f ms CPU; %u cases, %u read\n",
          (g_get_monotonic_time () - t0) / 1000.0, cpu_ms () - c0,
          g_list_model_get_n_items (G_LIST_MODEL (model)), enlace_case_list_model_get_n_loaded (model));
  shot (GTK_WIDGET (window), prefix, "all");

  /* scroll through the first 2 % of the list, a frame each step */
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (find_widget (GTK_WIDGET (inbox), GTK_TYPE_SCROLLED_WINDOW)));
  g_array_set_size (f.durations, 0);
  c0 = cpu_ms ();
  for (guint i = 1; i <= n_frames; i++)
    {
      double upper = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

      gtk_adjustment_set_value (adj, upper * 0.02 * i / n_frames);
      wait_paint (&f);
    }
  g_array_sort (f.durations, cmp_double);
  for (guint i = 0; i < f.durations->len; i++)
    {
      double d = g_array_index (f.durations, double, i);

      sum += d;
      if (d > 16.0)
        over++;
    }
  if (f.durations->len > 0)
    printf ("  scroll 2 %% of “all” in %u frames: mean / p50 / p95 / max %.1f / %.1f / %.1f / %.1f ms, %u over 16 ms; "
            "%.1f ms CPU per frame; %u rows read\n",
            f.durations->len, sum / f.durations->len,
            g_array_index (f.durations, double, f.durations->len / 2),
            g_array_index (f.durations, double, (guint) (f.durations->len * 0.95)),
            g_array_index (f.durations, double, f.durations->len - 1), over,
            (cpu_ms () - c0) / f.durations->len, enlace_case_list_model_get_n_loaded (model));

  /* a jump to the end: every row read, once */
  t0 = g_get_monotonic_time ();
  c0 = cpu_ms ();
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  wait_paint (&f);
  printf ("  jump to the end of “all”:        %8.1f ms wall %8.1f ms CPU; %u read\n",
          (g_get_monotonic_time () - t0) / 1000.0, cpu_ms () - c0, enlace_case_list_model_get_n_loaded (model));

  /* a search, to its frame */
  t0 = g_get_monotonic_time ();
  c0 = cpu_ms ();
  enlace_cases_inbox_set_search (inbox, "gabriela");
  wait_paint (&f);
  printf ("  search “gabriela”, to its frame: %8.1f ms wall %8.1f ms CPU; %u cases\n",
          (g_get_monotonic_time () - t0) / 1000.0, cpu_ms () - c0,
          g_list_model_get_n_items (G_LIST_MODEL (model)));
  shot (GTK_WIDGET (window), prefix, "search");

  print_load ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (f.durations);
  return 0;
}
