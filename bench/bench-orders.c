/* bench-orders.c: a modification order of 500 changes on a generated
 * campus
 *
 *   bench-orders [FILE] [--buildings N --floors N --outlets-per-floor N]
 *
 * FILE (default /tmp/enlace-bench-orders.enlace) is generated first when
 * it does not exist (default 10 × 5 × 180 outlets: about 100k ports, as
 * bench-trace), then measured in a fresh process.  An order of 500 changes
 * is prepared (150 patch cords unplugged and 150 re-patched to the same
 * ports under a new label, 100 outlets moved, 50 removed, 50 devices
 * added), then, in each of 5 rounds: the preview — the diff and the impact
 * (enlace_order_diff, enlace_order_impact) with the tracer's graph already
 * in memory, as in the window; the first preview also with the graph
 * loaded — and the execution (enlace_order_execute, one command), undone
 * after each round, on a copy of FILE.  Goals (issue 10): preview under 500 ms, execution
 * under 1 s.  Prints medians, wall and CPU, the sizes and the machine's
 * load.  Build with --buildtype=release.
 */
#define G_LOG_DOMAIN "bench-orders"
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "enlace-cases.h"
#include "enlace-generate.h"
#include "enlace-inventory.h"
#include "enlace-orders.h"
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
  fprintf (stderr, "bench-orders: %s\n", error ? error->message : "failed");
  exit (1);
}

static void
add (EnlaceStore *store,
     gint64       case_id,
     const char  *kind,
     const char  *target,
     const char  *first,
     ...)
{
  g_autoptr(JsonObject) v = json_object_new ();
  g_autoptr(GError) error = NULL;
  va_list ap;

  va_start (ap, first);
  for (const char *name = first; name; name = va_arg (ap, const char *))
    json_object_set_string_member (v, name, va_arg (ap, const char *));
  va_end (ap);
  if (enlace_order_add_change (store, case_id, kind, target, v, NULL, &error) == 0)
    die (g_steal_pointer (&error));
}

static char *
end_key (EnlaceStore *store,
         GArray      *end)
{
  return end->len == 1 ? enlace_store_dup_term_key (store, &g_array_index (end, EnlaceTerm, 0)) : NULL;
}

/* The order: 500 changes spread over the campus. */
static gint64
prepare (EnlaceStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cables = enlace_store_list (store, "cable", 0, &error);
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GPtrArray) outlets = g_ptr_array_new ();
  g_autoptr(JsonObject) v = json_object_new ();
  guint cords = 0, step;
  gint64 case_id;

  if (cables == NULL || !enlace_procedures_ensure_defaults (store, &error))
    die (g_steal_pointer (&error));
  json_object_set_string_member (v, "summary", "bench: 500 cambios");
  case_id = enlace_case_open (store, "red-modificacion", v, &error);
  if (case_id == 0)
    die (g_steal_pointer (&error));

  /* 150 patch cords, every n-th: unplugged, then re-patched */
  for (guint i = 0; i < cables->len; i++)
    if (g_strcmp0 (json_object_get_string_member_with_default (g_ptr_array_index (cables, i), "kind", NULL),
                   "patch-cord") == 0)
      cords++;
  step = MAX (1, cords / 150);
  for (guint i = 0, seen = 0, done = 0; i < cables->len && done < 150; i++)
    {
      JsonObject *c = g_ptr_array_index (cables, i);
      g_autoptr(GArray) a = NULL;
      g_autoptr(GArray) b = NULL;
      g_autofree char *ka = NULL, *kb = NULL, *label = NULL;
      const char *old;

      if (g_strcmp0 (json_object_get_string_member_with_default (c, "kind", NULL), "patch-cord") != 0 ||
          seen++ % step != 0)
        continue;
      old = json_object_get_string_member_with_default (c, "label", NULL);
      if (old == NULL ||
          !enlace_inventory_cable_ends (store, json_object_get_int_member (c, "id"), &a, &b, NULL) ||
          !(ka = end_key (store, a)) || !(kb = end_key (store, b)))
        continue;
      label = g_strdup_printf ("%s-N", old);
      add (store, case_id, "disconnect", old, NULL);
      add (store, case_id, "connect", label, "a", ka, "b", kb, "kind", "patch-cord", NULL);
      done++;
    }

  devices = enlace_store_list (store, "device", 0, &error);
  if (devices == NULL)
    die (g_steal_pointer (&error));
  for (guint i = 0; i < devices->len; i++)
    if (g_strcmp0 (json_object_get_string_member_with_default (g_ptr_array_index (devices, i), "role", NULL),
                   "outlet") == 0)
      g_ptr_array_add (outlets, g_ptr_array_index (devices, i));
  if (outlets->len < 300)
    die (NULL);
  step = outlets->len / 150;
  for (guint k = 0; k < 150; k++)
    {
      JsonObject *d = g_ptr_array_index (outlets, k * step);
      const char *name = json_object_get_string_member (d, "name");

      if (k < 100)
        add (store, case_id, "move-device", name, "x", "1.5", "y", "0.05", NULL);
      else
        add (store, case_id, "remove-device", name, NULL);
    }
  for (guint k = 0; k < 50; k++)
    {
      JsonObject *d = g_ptr_array_index (outlets, k * step + 1);
      g_autofree char *space = enlace_store_dup_key (store, "space", json_object_get_int_member (d, "space_id"));
      g_autofree char *name = g_strdup_printf ("NUEVO-%03u", k + 1);

      add (store, case_id, "add-outlet", name, "space", space, "x", "2", "y", "0.05", NULL);
    }
  return case_id;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceTracer) tracer = NULL;
  const char *path = "/tmp/enlace-bench-orders.enlace";
  g_autofree char *work = NULL;
  EnlaceGenerateOptions opts;
  double w_prev[ROUNDS], c_prev[ROUNDS], w_exec[ROUNDS], c_exec[ROUNDS], w_cold, c_cold, w_prep;
  guint n_changes = 0, broken = 0, ends = 0, exts = 0, outs = 0;
  gint64 case_id, t0, c0;

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
      g_autoptr(EnlaceStore) gen = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);

      t0 = g_get_monotonic_time ();
      if (gen == NULL || !enlace_generate (gen, &opts, NULL, &error))
        die (g_steal_pointer (&error));
      printf ("generated %s (%u × %u × %u outlets) in %.1f s; measuring in a fresh process\n",
              path, opts.buildings, opts.floors, opts.outlets_per_floor,
              (g_get_monotonic_time () - t0) / 1e6);
      fflush (stdout);
      g_clear_object (&gen);
      {
        char *args[] = { argv[0], (char *) path, NULL };

        execv ("/proc/self/exe", args);
        perror ("execv");
        return 1;
      }
    }

  /* measured on a copy: the generated file stays as it was */
  {
    g_autoptr(GFile) from = g_file_new_for_path (path);
    g_autoptr(GFile) to = NULL;

    work = g_strconcat (path, ".work", NULL);
    to = g_file_new_for_path (work);
    if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
      die (g_steal_pointer (&error));
  }
  store = enlace_store_open (work, ENLACE_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    die (g_steal_pointer (&error));
  enlace_store_set_user (store, "bench");
  t0 = g_get_monotonic_time ();
  case_id = prepare (store);
  w_prep = (g_get_monotonic_time () - t0) / 1000.0;
  {
    g_autoptr(GPtrArray) changes = enlace_order_changes (store, case_id, &error);

    if (changes == NULL)
      die (g_steal_pointer (&error));
    n_changes = changes->len;
  }
  printf ("campus: %u ports, %u cables, %u devices; order of %u changes prepared in %.0f ms "
          "(%u commands)\n",
          enlace_store_count (store, "port"), enlace_store_count (store, "cable"),
          enlace_store_count (store, "device"), n_changes, w_prep, n_changes);

  tracer = enlace_tracer_new (store);
  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(JsonObject) diff = NULL;
      g_autoptr(EnlaceOrderImpact) impact = NULL;

      t0 = g_get_monotonic_time ();
      c0 = cpu_now ();
      diff = enlace_order_diff (store, case_id, &error);
      impact = diff ? enlace_order_impact (tracer, case_id, &error) : NULL;
      if (impact == NULL)
        die (g_steal_pointer (&error));
      if (json_object_get_int_member (diff, "conflicts") != 0)
        die (NULL);
      w_prev[r] = (g_get_monotonic_time () - t0) / 1000.0;
      c_prev[r] = (cpu_now () - c0) / 1000.0;
      if (r == 0)
        {
          /* the first also loaded the tracer's graph: measure again warm */
          w_cold = w_prev[0];
          c_cold = c_prev[0];
          g_clear_pointer (&impact, enlace_order_impact_free);
          g_clear_pointer (&diff, json_object_unref);
          t0 = g_get_monotonic_time ();
          c0 = cpu_now ();
          diff = enlace_order_diff (store, case_id, &error);
          impact = diff ? enlace_order_impact (tracer, case_id, &error) : NULL;
          if (impact == NULL)
            die (g_steal_pointer (&error));
          w_prev[0] = (g_get_monotonic_time () - t0) / 1000.0;
          c_prev[0] = (cpu_now () - c0) / 1000.0;
        }
      broken = impact->paths_broken;
      ends = impact->ends->len;
      exts = impact->extensions->len;
      outs = impact->outlets->len;

      t0 = g_get_monotonic_time ();
      c0 = cpu_now ();
      if (!enlace_order_execute (store, case_id, &error))
        die (g_steal_pointer (&error));
      w_exec[r] = (g_get_monotonic_time () - t0) / 1000.0;
      c_exec[r] = (cpu_now () - c0) / 1000.0;
      if (!enlace_store_undo (store, &error))
        die (g_steal_pointer (&error));
    }
  printf ("impact: %u paths broken, %u ends, %u extensions and %u outlets losing service\n",
          broken, ends, exts, outs);
  printf ("%-52s %8.1f ms wall %8.1f ms CPU\n", "first preview (loads the tracer's graph)", w_cold, c_cold);
  {
    double w = median (w_prev, ROUNDS), c = median (c_prev, ROUNDS);

    printf ("%-52s %8.1f ms wall %8.1f ms CPU  (goal < 500 ms) %s\n",
            "preview: diff + impact (median)", w, c, w < 500 ? "ok" : "SLOW");
    w = median (w_exec, ROUNDS);
    c = median (c_exec, ROUNDS);
    printf ("%-52s %8.1f ms wall %8.1f ms CPU  (goal < 1000 ms) %s\n",
            "execute: one command (median)", w, c, w < 1000 ? "ok" : "SLOW");
  }
  g_clear_object (&tracer);
  g_clear_object (&store);
  g_unlink (work);
  {
    g_autofree char *load = NULL;

    if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
      printf ("/proc/loadavg: %s", load);
    printf ("CPUs: %u\n", g_get_num_processors ());
  }
  return 0;
}
