/* bench-fault-causes.c: the common cause of every open fault report on the
 * 100,000-port campus with 100,000 cases
 *
 *   bench-fault-causes [FILE] [--cases N]
 *
 * FILE (default /tmp/enlace-bench-faults.enlace) is generated first when
 * it does not exist (10 buildings × 5 floors × 180 outlets, about 100k
 * ports, and N = 100,000 cases: the fault reports placed at outlets,
 * enlace_generate_place_faults ()), then measured in a fresh process.
 * Goal (issue 10): the grouping of all open faults by the object they
 * share (enlace_faults_common_causes (), what Atención → Causas comunes
 * shows) under 200 ms, with the tracer's graph loaded (as in the window,
 * where the trace pages share it).  Also: loading the graph, one case's
 * causes (its page), and the outage history of the internet circuit.
 * Prints medians, wall and CPU, the sizes and the machine's load.
 */
#define G_LOG_DOMAIN "bench-fault-causes"
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "enlace-cases.h"
#include "enlace-faults.h"
#include "enlace-generate.h"
#include "enlace-generate-cases.h"
#include "enlace-trace.h"

#define ROUNDS 11

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
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
die (GError *error)
{
  fprintf (stderr, "bench-fault-causes: %s\n", error ? error->message : "failed");
  exit (1);
}

static void
report (const char *what,
        double     *wall,
        double     *cpu,
        guint       n,
        double      goal_ms,
        const char *size)
{
  double w = median (wall, n), c = median (cpu, n);

  if (goal_ms > 0)
    printf ("%-46s %9.2f ms wall %9.2f ms CPU  (goal < %g ms) %s  [%s]\n",
            what, w, c, goal_ms, w < goal_ms ? "ok" : "SLOW", size);
  else
    printf ("%-46s %9.2f ms wall %9.2f ms CPU  [%s]\n", what, w, c, size);
}

/* The open fault reports placed somewhere, and the first of them. */
static guint
open_faults (EnlaceStore *store,
             gint64      *first)
{
  static const char *const codes[] = { "correo-falla", "internet-falla", "ftp-falla", "telefono-falla" };
  g_autoptr(GError) error = NULL;
  guint n = 0;

  *first = 0;
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      EnlaceCaseFilter f = { .open_only = TRUE, .procedure_code = codes[i] };
      g_autoptr(GPtrArray) rows = enlace_cases_query (store, &f, &error);

      if (rows == NULL)
        die (g_steal_pointer (&error));
      for (guint r = 0; r < rows->len; r++)
        {
          EnlaceCaseRow *row = g_ptr_array_index (rows, r);
          const char *kind;
          gint64 id;

          if (!enlace_fault_get_location (store, row->id, &kind, &id))
            continue;
          n++;
          if (*first == 0 || row->id < *first)
            *first = row->id;
        }
    }
  return n;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceTracer) tracer = NULL;
  g_autofree char *load = NULL;
  const char *path = "/tmp/enlace-bench-faults.enlace";
  guint n_cases = 100000, n_causes = 0, n_grouped = 0;
  double wall[ROUNDS], cpu[ROUNDS];
  gint64 first_open = 0, circuit = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--cases") && i + 1 < argc)
        n_cases = atoi (argv[++i]);
      else
        path = argv[i];
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(EnlaceStore) gen = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
      EnlaceGenerateOptions opts;
      gint64 t0 = g_get_monotonic_time ();

      enlace_generate_options_init (&opts);
      opts.buildings = 10;
      opts.floors = 5;
      opts.outlets_per_floor = 180;
      if (gen == NULL || !enlace_generate (gen, &opts, NULL, &error)
          || !enlace_generate_cases (gen, n_cases, 1, &error))
        die (error);
      printf ("generated %s (%u cases) in %.1f s; measuring in a fresh process\n",
              path, n_cases, (g_get_monotonic_time () - t0) / 1e6);
      fflush (stdout);
      g_clear_object (&gen);
      {
        char *args[] = { argv[0], (char *) path, NULL };

        execv ("/proc/self/exe", args);
        perror ("execv");
        return 1;
      }
    }

  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    die (error);
  {
    EnlaceCaseFilter all = { 0 };
    g_autoptr(JsonObject) counts = enlace_cases_counts (store, &all, &error);
    g_autoptr(GPtrArray) circuits = enlace_store_list (store, "circuit", 0, &error);
    guint n_open = open_faults (store, &first_open);

    if (counts == NULL || circuits == NULL)
      die (g_steal_pointer (&error));
    if (circuits->len > 0)
      circuit = json_object_get_int_member (g_ptr_array_index (circuits, 0), "id");
    printf ("%s: %u ports, %u cables, %" G_GINT64_FORMAT " cases, %u open fault reports placed at outlets\n",
            path, enlace_store_count (store, "port"), enlace_store_count (store, "cable"),
            json_object_get_int_member_with_default (counts, "total", 0), n_open);
  }

  /* the tracer's graph, once per open file */
  {
    gint64 t0 = g_get_monotonic_time (), c0 = cpu_now ();
    g_autoptr(GPtrArray) warm = NULL;

    tracer = enlace_tracer_new (store);
    warm = enlace_faults_common_causes (tracer, first_open, &error);
    if (warm == NULL)
      die (error);
    wall[0] = (g_get_monotonic_time () - t0) / 1000.0;
    cpu[0] = (cpu_now () - c0) / 1000.0;
    report ("tracer graph load + first case's causes", wall, cpu, 1, 0, "once per open file");
  }

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 t0 = g_get_monotonic_time (), c0 = cpu_now ();
      g_autoptr(GPtrArray) causes = enlace_faults_common_causes (tracer, 0, &error);

      if (causes == NULL)
        die (error);
      wall[r] = (g_get_monotonic_time () - t0) / 1000.0;
      cpu[r] = (cpu_now () - c0) / 1000.0;
      n_causes = causes->len;
      n_grouped = 0;
      for (guint i = 0; i < causes->len; i++)
        n_grouped += ((EnlaceFaultCause *) g_ptr_array_index (causes, i))->n_cases;
    }
  {
    g_autofree char *size = g_strdup_printf ("%u shared objects, %u case rows", n_causes, n_grouped);
    report ("common causes of all open faults (grouping)", wall, cpu, ROUNDS, 200, size);
  }

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 t0 = g_get_monotonic_time (), c0 = cpu_now ();
      g_autoptr(GPtrArray) causes = enlace_faults_common_causes (tracer, first_open, &error);

      if (causes == NULL)
        die (error);
      wall[r] = (g_get_monotonic_time () - t0) / 1000.0;
      cpu[r] = (cpu_now () - c0) / 1000.0;
      n_causes = causes->len;
    }
  {
    g_autofree char *size = g_strdup_printf ("%u causes", n_causes);
    report ("one case's common causes (its page)", wall, cpu, ROUNDS, 200, size);
  }

  if (circuit > 0)
    {
      guint rows = 0;

      for (guint r = 0; r < ROUNDS; r++)
        {
          gint64 t0 = g_get_monotonic_time (), c0 = cpu_now ();
          g_autoptr(GPtrArray) history = enlace_faults_for_object (store, "circuit", circuit, &error);

          if (history == NULL)
            die (error);
          wall[r] = (g_get_monotonic_time () - t0) / 1000.0;
          cpu[r] = (cpu_now () - c0) / 1000.0;
          rows = history->len;
        }
      {
        g_autofree char *size = g_strdup_printf ("%u cases", rows);
        report ("a circuit's outage history", wall, cpu, ROUNDS, 0, size);
      }
    }

  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    printf ("load average (/proc/loadavg): %s", load);
  return 0;
}
