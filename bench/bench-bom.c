/* bench-bom.c: the bill of materials of a generated campus of about 100k
 * ports (model/bom).
 *
 *   bench-bom [FILE] [--buildings N] [--floors N] [--outlets-per-floor N]
 *
 * FILE (default /tmp/enlace-bench-bom.enlace) is generated first when it
 * does not exist (default 10 × 5 × 180 outlets, about 100k ports, as
 * bench-orders).  Prints the median of 5 computations of the whole
 * campus's bill (every floor, building and the total, with a price list),
 * wall and CPU, then one building and one floor, the work size and the
 * load of the machine.  Goal: < 200 ms.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "enlace-bom.h"
#include "enlace-generate.h"
#include "enlace-store.h"

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
  fprintf (stderr, "bench-bom: %s\n", error ? error->message : "failed");
  exit (1);
}

static void
measure (EnlaceStore *store,
         const char  *building,
         const char  *level,
         const char  *what)
{
  double w[ROUNDS], c[ROUNDS];
  g_autoptr(EnlaceBom) last = NULL;

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time (), c0 = cpu_now ();
      EnlaceBom *bom = enlace_bom_compute (store, building, level, FALSE, &error);

      if (bom == NULL)
        die (g_steal_pointer (&error));
      w[r] = (g_get_monotonic_time () - t0) / 1000.0;
      c[r] = (cpu_now () - c0) / 1000.0;
      g_clear_pointer (&last, enlace_bom_free);
      last = bom;
    }
  printf ("%-28s median %7.1f ms wall, %7.1f ms CPU; %u floors, %u buildings, "
          "%u total lines, cost %.2f\n", what, median (w, ROUNDS), median (c, ROUNDS),
          last->floors->len, last->buildings->len, last->total->lines->len, last->total->cost);
  if (building == NULL)
    printf ("work: %u runs, %u devices, %u outlet and panel ports read\n",
            last->n_runs, last->n_devices, last->n_ports);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  const char *path = "/tmp/enlace-bench-bom.enlace";
  const char *prices = "item,price\ncable:cat6,2450\ncable:om3,5200\njack:copper,85\nfaceplate:2,40\n"
                       "panel:copper:48,1900\nrack:42,18000\nlabel,1.5\npathway:tray,320\n";
  g_autofree char *load = NULL;
  EnlaceGenerateOptions opts;
  gint64 t0;

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
      if (enlace_bom_prices_import (gen, prices, strlen (prices), &error) == 0)
        die (g_steal_pointer (&error));
      printf ("generated %s (%u × %u × %u outlets) in %.1f s\n", path, opts.buildings, opts.floors,
              opts.outlets_per_floor, (g_get_monotonic_time () - t0) / 1e6);
    }
  t0 = g_get_monotonic_time ();
  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    die (g_steal_pointer (&error));
  printf ("opened in %.0f ms: %u ports, %u cables, %u devices\n", (g_get_monotonic_time () - t0) / 1000.0,
          enlace_store_count (store, "port"), enlace_store_count (store, "cable"),
          enlace_store_count (store, "device"));

  measure (store, NULL, NULL, "whole campus");
  measure (store, "A", NULL, "building A");
  measure (store, "A", "1", "building A, level 1");

  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    printf ("/proc/loadavg: %s", load);
  return 0;
}
