/* bench-trace.c: the trace engine on a generated campus
 *
 *   bench-trace [FILE] [--buildings N --floors N --outlets-per-floor N]
 *
 * FILE (default /tmp/enlace-bench-trace.enlace) is generated first when it
 * does not exist (default 10 × 5 × 180 outlets: about 100k ports), then the
 * benchmark runs again in a fresh process so that the peak memory is that
 * of tracing.  Each of 5 rounds opens the file, traces one endpoint right
 * after opening, then traces every path from every endpoint.  Then 21
 * cable edits (status and re-termination, each undone) measure the time
 * the tracer takes to bring every answer up to date.  Prints the medians.
 */
#define G_LOG_DOMAIN "bench-trace"
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "enlace-generate.h"
#include "enlace-trace.h"

#define ROUNDS 5
#define EDITS 21

static gint64 t_store_changed;
static gint64 t_tracer_done;

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

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

/* CPU time of the process in µs: the machine may be shared. */
static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double
cpu_ms_since (gint64 t0)
{
  return (cpu_now () - t0) / 1000.0;
}

static void
on_store_changed (EnlaceStore     *store,
                  EnlaceChangeSet *set,
                  gpointer         data)
{
  t_store_changed = g_get_monotonic_time ();
}

static void
on_tracer_changed (EnlaceTracer *tracer,
                   gpointer      data)
{
  t_tracer_done = g_get_monotonic_time ();
}

/* Terminations of a hop as EnlaceTerms. */
static GArray *
hop_terms (EnlacePath *path,
           guint       hop)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (EnlaceTerm));
  guint n;
  const EnlaceNode *nodes = enlace_path_get_hop (path, hop, &n);

  for (guint i = 0; i < n; i++)
    {
      EnlaceTerm t = { nodes[i].kind == ENLACE_NODE_PORT ? ENLACE_TERM_PORT : ENLACE_TERM_CIRCUIT, nodes[i].id };

      g_array_append_val (out, t);
    }
  return out;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *path = "/tmp/enlace-bench-trace.enlace";
  EnlaceGenerateOptions opts;
  double t_open[ROUNDS], t_store[ROUNDS], t_first[ROUNDS], t_all[ROUNDS], c_open[ROUNDS], c_store[ROUNDS], c_first[ROUNDS], c_all[ROUNDS], t_edit[EDITS * 4], t_cmd[EDITS * 4];
  guint n_paths = 0, n_complete = 0;
  gint64 n_ports = 0, n_cables = 0;
  struct rusage ru;

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
      else
        path = argv[i];
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(EnlaceStore) store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
      gint64 t0 = g_get_monotonic_time ();

      if (store == NULL || !enlace_generate (store, &opts, NULL, &error))
        {
          fprintf (stderr, "bench-trace: %s\n", error->message);
          return 1;
        }
      printf ("generated %s (%u × %u × %u outlets) in %.1f s; measuring in a fresh process\n",
              path, opts.buildings, opts.floors, opts.outlets_per_floor, ms_since (t0) / 1000);
      fflush (stdout);
      g_clear_object (&store);
      {
        char *args[] = { argv[0], (char *) path, NULL };

        execv ("/proc/self/exe", args);
        perror ("execv");
        return 1;
      }
    }

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(EnlaceStore) store = NULL;
      g_autoptr(EnlaceTracer) tracer = NULL;
      g_autoptr(GPtrArray) one = NULL;
      g_autoptr(GPtrArray) all = NULL;
      EnlaceTerm origin = { ENLACE_TERM_PORT, 0 };
      gint64 t0, c0;

      /* the endpoint is chosen beforehand: the time is open + trace */
      {
        g_autoptr(EnlaceStore) peek = enlace_store_open (path, ENLACE_STORE_OPEN_READ_ONLY, &error);

        if (peek == NULL)
          {
            fprintf (stderr, "bench-trace: %s\n", error->message);
            return 1;
          }
        g_autoptr(EnlaceTracer) look = enlace_tracer_new (peek);
        g_autoptr(GPtrArray) paths = enlace_tracer_all_paths (look, &error);
        guint n;

        if (paths == NULL || paths->len == 0)
          {
            fprintf (stderr, "bench-trace: no path in %s\n", path);
            return 1;
          }
        /* the last endpoint in id order: an access switch port */
        origin.id = enlace_path_get_hop (g_ptr_array_index (paths, paths->len - 1), 0, &n)[0].id;
        n_ports = enlace_store_count (peek, "port");
        n_cables = enlace_store_count (peek, "cable");
      }

      t0 = g_get_monotonic_time ();
      c0 = cpu_now ();
      store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
      if (store == NULL)
        {
          fprintf (stderr, "bench-trace: %s\n", error->message);
          return 1;
        }
      t_store[r] = ms_since (t0);
      c_store[r] = cpu_ms_since (c0);
      {
        gint64 t1 = g_get_monotonic_time ();
        gint64 c1 = cpu_now ();

        tracer = enlace_tracer_new (store);
        one = enlace_tracer_trace_term (tracer, &origin, &error);
        t_first[r] = ms_since (t1);
        c_first[r] = cpu_ms_since (c1);
      }
      t_open[r] = ms_since (t0);
      c_open[r] = cpu_ms_since (c0);
      if (one == NULL || one->len != 1)
        {
          fprintf (stderr, "bench-trace: no path from the first endpoint\n");
          return 1;
        }

      t0 = g_get_monotonic_time ();
      c0 = cpu_now ();
      all = enlace_tracer_all_paths (tracer, &error);
      t_all[r] = ms_since (t0);
      c_all[r] = cpu_ms_since (c0);
      if (all == NULL)
        {
          fprintf (stderr, "bench-trace: %s\n", error->message);
          return 1;
        }
      n_paths = all->len;
      n_complete = 0;
      for (guint i = 0; i < all->len; i++)
        n_complete += ((EnlacePath *) g_ptr_array_index (all, i))->complete;
    }

  /* edits on the first cable of paths spread over the campus: its
   * status, then its two ends swapped (a re-termination); each undone */
  {
    g_autoptr(EnlaceStore) store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
    g_autoptr(EnlaceTracer) tracer = NULL;
    g_autoptr(GPtrArray) all = NULL;
    guint n = 0;

    g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), NULL);
    tracer = enlace_tracer_new (store);
    g_signal_connect (tracer, "changed", G_CALLBACK (on_tracer_changed), NULL);
    all = enlace_tracer_all_paths (tracer, &error);
    if (all == NULL || all->len < EDITS)
      {
        fprintf (stderr, "bench-trace: too few paths to edit\n");
        return 1;
      }

    for (guint e = 0; e < EDITS; e++)
      {
        EnlacePath *p = g_ptr_array_index (all, e * (all->len / EDITS));
        guint nc;
        gint64 cable = enlace_path_get_hop (p, 1, &nc)[0].id;
        g_autoptr(GArray) near = hop_terms (p, 0);
        g_autoptr(GArray) far = hop_terms (p, 2);
        g_autoptr(JsonObject) v = json_object_new ();

        for (guint k = 0; k < 4; k++)
          {
            gint64 t0 = g_get_monotonic_time ();
            gboolean ok;

            if (k == 0)
              {
                json_object_set_string_member (v, "status", "planned");
                ok = enlace_store_update (store, "cable", cable, v, &error);
              }
            else if (k == 2)
              ok = enlace_store_set_cable_ends (store, cable,
                                                (EnlaceTerm *) (gpointer) far->data, far->len,
                                                (EnlaceTerm *) (gpointer) near->data, near->len, &error);
            else
              ok = enlace_store_undo (store, &error);
            if (!ok)
              {
                fprintf (stderr, "bench-trace: %s\n", error->message);
                return 1;
              }
            t_cmd[n] = ms_since (t0);
            t_edit[n++] = (t_tracer_done - t_store_changed) / 1000.0;
          }
        (void) nc;
      }

    printf ("trace benchmark on %s: %" G_GINT64_FORMAT " ports, %" G_GINT64_FORMAT " cables, %u paths (%u complete)\n",
            path, n_ports, n_cables, n_paths, n_complete);
    printf ("  medians of %d rounds                       wall ms     CPU ms\n", ROUNDS);
    printf ("  open the file and trace one endpoint:   %9.2f  %9.2f\n", median (t_open, ROUNDS), median (c_open, ROUNDS));
    printf ("    of which enlace_store_open ():        %9.2f  %9.2f\n", median (t_store, ROUNDS), median (c_store, ROUNDS));
    printf ("    of which the first trace:             %9.2f  %9.2f\n", median (t_first, ROUNDS), median (c_first, ROUNDS));
    printf ("  every path from every endpoint:         %9.2f  %9.2f  (%.2f µs CPU per path)\n",
            median (t_all, ROUNDS), median (c_all, ROUNDS), median (c_all, ROUNDS) * 1000.0 / MAX (n_paths, 1));
    printf ("  answers up to date after a cable edit:  %9.3f             (tracer only, median of %u edits and undos:\n"
            "                                                             status, re-termination)\n",
            median (t_edit, n), n);
    printf ("  the whole edit command, store included: %9.3f\n", median (t_cmd, n));
  }

  getrusage (RUSAGE_SELF, &ru);
  printf ("  peak memory (max RSS):                   %8.1f MB\n", ru.ru_maxrss / 1024.0);
  return 0;
}
