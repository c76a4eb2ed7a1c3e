/* bench-report.c: the cable schedule of a generated 100k-port campus as a
 * PDF — layout (the counting pass), pages per second, peak memory, the
 * size of the file, and the machine's load.
 *
 *   bench-report [FILE] [--buildings N --floors N --outlets-per-floor N]
 *                [--kind KIND] [--paper A4] [--out OUT.pdf]
 *
 * FILE (default /tmp/enlace-bench-100k.enlace, shared with bench-cable-list)
 * is generated when it does not exist (10 × 5 × 180 outlets: about 100k
 * ports).  Peak memory is getrusage's maximum resident set size: the
 * report is streamed, so it should not grow with the number of cables.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "enlace-generate.h"
#include "enlace-render-report.h"
#include "enlace-report.h"

typedef struct
{
  gint64 t0;
  gint64 first;   /* when the first page was written (the layout is over) */
  guint  n;
} Progress;

static void
on_page (guint    page,
         guint    n_pages,
         gpointer user_data)
{
  Progress *p = user_data;

  if (page == 1)
    p->first = g_get_monotonic_time ();
  p->n = n_pages;
}

static double
cpu_s (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static long
max_rss_kb (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

static void
print_load (const char *when)
{
  g_autofree char *load = NULL;

  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    printf ("load average %s: %s", when, load);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  EnlaceGenerateOptions opts;
  EnlaceReportPageOptions options;
  EnlaceReportCursor *cursor;
  const char *path = "/tmp/enlace-bench-100k.enlace";
  const char *kind = "cables", *paper = NULL, *out = "/tmp/enlace-bench-report.pdf";
  Progress p = { 0 };
  gint64 n_rows, t_open, t_count, t_end;
  double c0, c1;
  long rss_open;
  guint n;
  GStatBuf st;

  enlace_generate_options_init (&opts);
  opts.buildings = 10;
  opts.floors = 5;
  opts.outlets_per_floor = 180;
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--buildings") && i + 1 < argc)
        opts.buildings = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--floors") && i + 1 < argc)
        opts.floors = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--outlets-per-floor") && i + 1 < argc)
        opts.outlets_per_floor = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--kind") && i + 1 < argc)
        kind = argv[++i];
      else if (g_str_equal (argv[i], "--paper") && i + 1 < argc)
        paper = argv[++i];
      else if (g_str_equal (argv[i], "--out") && i + 1 < argc)
        out = argv[++i];
      else
        path = argv[i];
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(EnlaceStore) gen = NULL;

      fprintf (stderr, "generating %s (%u buildings × %u floors × %u outlets)…\n",
               path, opts.buildings, opts.floors, opts.outlets_per_floor);
      if (!(gen = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error)) ||
          !enlace_generate (gen, &opts, NULL, &error))
        {
          fprintf (stderr, "cannot generate %s: %s\n", path, error->message);
          return 1;
        }
    }

  print_load ("before");
  t_open = g_get_monotonic_time ();
  store = enlace_store_open (path, ENLACE_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      fprintf (stderr, "cannot open %s: %s\n", path, error->message);
      return 1;
    }
  rss_open = max_rss_kb ();

  cursor = enlace_report_cursor_new (store, kind, NULL, &error);
  if (cursor == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  c0 = cpu_s ();
  t_count = g_get_monotonic_time ();
  n_rows = enlace_report_cursor_count (cursor, &error);
  t_count = g_get_monotonic_time () - t_count;

  enlace_report_page_options_init (&options, store, enlace_report_lookup (kind));
  if (paper)
    {
      g_free ((char *) options.paper);
      options.paper = g_strdup (paper);
    }
  p.t0 = g_get_monotonic_time ();
  n = enlace_report_write_pdf (cursor, &options, out, on_page, &p, NULL, &error);
  t_end = g_get_monotonic_time ();
  c1 = cpu_s ();
  enlace_report_page_options_clear (&options);
  if (n == 0)
    {
      fprintf (stderr, "cannot write %s: %s\n", out, error->message);
      return 1;
    }
  if (g_stat (out, &st) != 0)
    st.st_size = 0;

  printf ("report %s of %s: %" G_GINT64_FORMAT " rows, %u pages (%s%s)\n", kind, path, n_rows, n,
          paper ? paper : "A4", enlace_report_lookup (kind)->landscape ? ", landscape" : "");
  printf ("counting pass (rows only):   %8.2f s\n", t_count / 1e6);
  printf ("layout (first pass):         %8.2f s\n", (p.first - p.t0) / 1e6);
  printf ("drawing and writing pages:   %8.2f s  (%.1f pages/s)\n", (t_end - p.first) / 1e6,
          n / ((t_end - p.first) / 1e6));
  printf ("whole PDF:                   %8.2f s  (%.1f pages/s, CPU %.2f s)\n", (t_end - p.t0) / 1e6,
          n / ((t_end - p.t0) / 1e6), c1 - c0);
  printf ("PDF size:                    %8.1f MB  (%.1f kB/page)\n", st.st_size / 1e6, st.st_size / 1e3 / n);
  printf ("peak memory (max RSS):       %8.1f MB  (after opening the file: %.1f MB)\n",
          max_rss_kb () / 1024.0, rss_open / 1024.0);
  printf ("open to end:                 %8.2f s\n", (t_end - t_open) / 1e6);
  print_load ("after");
  return 0;
}
