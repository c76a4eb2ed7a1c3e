/* bench-rules.c: the check of the cabling rules (model/rules)
 *
 *   bench-rules [FILE]
 *
 * FILE (default /tmp/enlace-bench-rules.enlace) is generated when it does
 * not exist: 10 buildings × 5 floors × 180 outlets (about 100k ports), and
 * a second file of one floor with 500 outlets (FILE-floor500).  Measures,
 * 5 rounds each, medians: the check of the whole campus with the tracer
 * cold (first check after opening: the graph is read) and warm (the GUI's
 * case: the tracer lives with the window), and the check of one floor of
 * 500 outlets, warm (what runs after each command on that floor).  Prints
 * the work size and the load of the machine.  Goals: campus < 1 s, floor
 * < 100 ms.
 */
#define G_LOG_DOMAIN "bench-rules"
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "enlace-generate.h"
#include "enlace-rules.h"
#include "enlace-trace.h"

#define ROUNDS 5

static int
dcmp (const void *a,
      const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v)
{
  qsort (v, ROUNDS, sizeof (double), dcmp);
  return v[ROUNDS / 2];
}

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

/* CPU time of the process in ms: the machine may be shared. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gboolean
ensure (const char *path,
        guint       buildings,
        guint       floors,
        guint       outlets)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  EnlaceGenerateOptions opts;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  enlace_generate_options_init (&opts);
  opts.buildings = buildings;
  opts.floors = floors;
  opts.outlets_per_floor = outlets;
  store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  if (store == NULL || !enlace_generate (store, &opts, NULL, &error))
    {
      fprintf (stderr, "bench-rules: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static gint64
first_floor (EnlaceStore *store)
{
  g_autoptr(GPtrArray) floors = enlace_store_list (store, "floor", 0, NULL);

  return floors && floors->len ? json_object_get_int_member (g_ptr_array_index (floors, 0), "id") : 0;
}

int
main (int    argc,
      char **argv)
{
  const char *path = argc > 1 ? argv[1] : "/tmp/enlace-bench-rules.enlace";
  g_autofree char *floor_path = g_strdup_printf ("%s-floor500", path);
  double cold[ROUNDS], warm[ROUNDS], floor500[ROUNDS], warm_cpu[ROUNDS], floor_cpu[ROUNDS];
  guint failures = 0, outlets = 0, links = 0, floors = 0, f_outlets = 0, f_links = 0;
  double load[3] = { 0 };

  if (!ensure (path, 10, 5, 180) || !ensure (floor_path, 1, 1, 500))
    return 1;

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EnlaceStore) store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
      g_autoptr(EnlaceTracer) tracer = NULL;
      g_autoptr(EnlaceRuleReport) a = NULL;
      g_autoptr(EnlaceRuleReport) b = NULL;
      gint64 t0;
      double c0;

      if (store == NULL)
        {
          fprintf (stderr, "bench-rules: %s\n", error->message);
          return 1;
        }
      tracer = enlace_tracer_get_for_store (store);
      t0 = g_get_monotonic_time ();
      a = enlace_rules_check (store, NULL, 0, 0, &error);
      cold[r] = ms_since (t0);
      t0 = g_get_monotonic_time ();
      c0 = cpu_ms ();
      b = enlace_rules_check (store, NULL, 0, 0, &error);
      warm[r] = ms_since (t0);
      warm_cpu[r] = cpu_ms () - c0;
      if (b == NULL)
        {
          fprintf (stderr, "bench-rules: %s\n", error->message);
          return 1;
        }
      failures = b->failures->len;
      outlets = b->n_outlets;
      links = b->n_links;
      floors = b->n_floors;
    }

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EnlaceStore) store = enlace_store_open (floor_path, ENLACE_STORE_OPEN_DEFAULT, &error);
      g_autoptr(EnlaceTracer) tracer = NULL;
      g_autoptr(EnlaceRuleReport) a = NULL;
      g_autoptr(EnlaceRuleReport) b = NULL;
      gint64 floor_id, t0;
      double c0;

      if (store == NULL)
        {
          fprintf (stderr, "bench-rules: %s\n", error->message);
          return 1;
        }
      tracer = enlace_tracer_get_for_store (store);
      floor_id = first_floor (store);
      a = enlace_rules_check (store, NULL, 0, floor_id, &error);   /* warms the tracer */
      t0 = g_get_monotonic_time ();
      c0 = cpu_ms ();
      b = enlace_rules_check (store, NULL, 0, floor_id, &error);
      floor500[r] = ms_since (t0);
      floor_cpu[r] = cpu_ms () - c0;
      if (b == NULL)
        {
          fprintf (stderr, "bench-rules: %s\n", error->message);
          return 1;
        }
      f_outlets = b->n_outlets;
      f_links = b->n_links;
    }

  if (getloadavg (load, 3) < 0)
    load[0] = load[1] = load[2] = -1;
  printf ("campus: %u floors, %u outlets, %u links traced, %u failures\n", floors, outlets, links, failures);
  printf ("  check, tracer cold (first after opening): %.1f ms (median of %d)\n", median (cold), ROUNDS);
  printf ("  check, tracer warm: %.1f ms wall, %.1f ms CPU (goal < 1000 ms)\n", median (warm), median (warm_cpu));
  printf ("one floor: %u outlets, %u links traced\n", f_outlets, f_links);
  printf ("  check, tracer warm: %.1f ms wall, %.1f ms CPU (goal < 100 ms)\n", median (floor500), median (floor_cpu));
  printf ("machine load (1, 5, 15 min): %.2f %.2f %.2f on %u cores\n", load[0], load[1], load[2],
          g_get_num_processors ());
  return 0;
}
