/* bench-labels.c: 1,000 QR cable labels to PDF
 *
 *   bench-labels [LAYOUT]
 *
 * Generates a campus in memory with at least 500 cables, takes the first
 * 500 (both ends: 1,000 labels with a QR code each) and, in each of 5
 * rounds, times collecting the labels (model/labels) and writing the PDF
 * (views/render, LAYOUT: a preset, default L7160; "tape-12" for a label
 * printer).  Prints the medians, the PDF's pages and size, the CPU time
 * against the wall time, the peak memory and the machine's load average.
 */
#define G_LOG_DOMAIN "bench-labels"
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "enlace-generate.h"
#include "enlace-label-layout.h"
#include "enlace-labels.h"
#include "enlace-render-labels.h"

#define ROUNDS 5
#define N_CABLES 500

static int
dcmp (const void *a,
      const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
cpu_seconds (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(GPtrArray) cables = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "enlace-bench-labels.pdf", NULL);
  const char *preset = argc > 1 ? argv[1] : "L7160";
  EnlaceLabelLayout layout = { 0 };
  EnlaceLabelScope scope = { 0 };
  EnlaceGenerateOptions opts;
  double collect[ROUNDS], render[ROUNDS], render_cpu[ROUNDS], cpu0, wall0;
  guint pages = 0, n_labels = 0;
  GStatBuf st;
  struct rusage ru;
  g_autofree char *loadavg = NULL;

  if (store == NULL || !enlace_label_layout_init_preset (&layout, preset, &error))
    {
      g_printerr ("bench-labels: %s\n", error->message);
      return 1;
    }
  enlace_generate_options_init (&opts);
  opts.buildings = 1;
  opts.floors = 3;
  opts.outlets_per_floor = 120;
  opts.seed = 1;
  if (!enlace_generate (store, &opts, NULL, &error))
    {
      g_printerr ("bench-labels: %s\n", error->message);
      return 1;
    }
  cables = enlace_store_list (store, "cable", 0, &error);
  if (cables == NULL || cables->len < N_CABLES)
    {
      g_printerr ("bench-labels: the campus has only %u cables\n", cables ? cables->len : 0);
      return 1;
    }
  for (guint i = 0; i < N_CABLES; i++)
    {
      gint64 id = json_object_get_int_member (g_ptr_array_index (cables, i), "id");
      g_array_append_val (ids, id);
    }
  scope.ids = ids;

  cpu0 = cpu_seconds ();
  wall0 = g_get_monotonic_time () / 1e6;
  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(GPtrArray) labels = NULL;
      gint64 t0 = g_get_monotonic_time ();

      labels = enlace_labels_collect (store, ENLACE_LABEL_KIND_CABLE, &scope, &error);
      if (labels == NULL)
        {
          g_printerr ("bench-labels: %s\n", error->message);
          return 1;
        }
      collect[r] = (g_get_monotonic_time () - t0) / 1000.0;
      n_labels = labels->len;
      t0 = g_get_monotonic_time ();
      render_cpu[r] = cpu_seconds ();
      pages = enlace_render_labels_pdf (labels, &layout, 0, NULL, path, &error);
      if (pages == 0)
        {
          g_printerr ("bench-labels: %s\n", error->message);
          return 1;
        }
      render[r] = (g_get_monotonic_time () - t0) / 1000.0;
      render_cpu[r] = (cpu_seconds () - render_cpu[r]) * 1000.0;
    }
  qsort (collect, ROUNDS, sizeof (double), dcmp);
  qsort (render, ROUNDS, sizeof (double), dcmp);
  qsort (render_cpu, ROUNDS, sizeof (double), dcmp);
  g_stat (path, &st);
  getrusage (RUSAGE_SELF, &ru);
  g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL);

  printf ("labels: %u QR cable labels (%d cables, both ends), layout %s\n", n_labels, N_CABLES, layout.name);
  printf ("collect: %.1f ms (median of %d)\n", collect[ROUNDS / 2], ROUNDS);
  printf ("pdf:     %.1f ms wall, %.1f ms CPU (medians of %d), %.0f labels/s of CPU\n",
          render[ROUNDS / 2], render_cpu[ROUNDS / 2], ROUNDS, n_labels / (render_cpu[ROUNDS / 2] / 1000.0));
  printf ("file:    %u pages, %.1f KiB (%.2f KiB per label): %s\n", pages, st.st_size / 1024.0,
          st.st_size / 1024.0 / n_labels, path);
  printf ("cpu:     %.2f s CPU in %.2f s wall over the rounds (%.0f%% of one core)\n",
          cpu_seconds () - cpu0, g_get_monotonic_time () / 1e6 - wall0,
          100 * (cpu_seconds () - cpu0) / (g_get_monotonic_time () / 1e6 - wall0));
  printf ("memory:  %ld MiB peak RSS\n", ru.ru_maxrss / 1024);
  printf ("load:    %s", loadavg ? loadavg : "?\n");
  enlace_label_layout_clear (&layout);
  return 0;
}
