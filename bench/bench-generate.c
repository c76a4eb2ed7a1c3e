/* bench-generate.c: enlace_generate() for campuses of about 10k, 50k,
 * 100k and 220k ports, each written into a new file.
 *
 *   bench-generate [DIR]
 *
 * Prints for each size the wall time, the CPU time of the process during
 * the generation and the rows written.  Build with --buildtype=release.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "enlace-generate.h"
#include "enlace-store.h"

static double
cpu_seconds (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6
         + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static void
remove_project (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

int
main (int    argc,
      char **argv)
{
  const struct { guint b, f, o; } sizes[] = {
    { 2, 5, 100 },    /* ~10k ports */
    { 5, 5, 200 },    /* ~55k ports */
    { 9, 5, 200 },    /* ~100k ports */
    { 20, 5, 200 },   /* ~220k ports */
  };
  const char *dir = argc > 1 ? argv[1] : g_get_tmp_dir ();

  printf ("enlace_generate() into a new file (seed 1)\n\n");
  printf ("%-16s %9s %9s %9s %9s %9s\n", "size", "ports", "cables", "devices", "wall s", "cpu s");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("enlace-bench-generate-%u.enlace", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *size = g_strdup_printf ("%u×%u×%u", sizes[i].b, sizes[i].f, sizes[i].o);
      g_autoptr(EnlaceStore) store = NULL;
      g_autoptr(GError) error = NULL;
      EnlaceGenerateOptions opts;
      gint64 t0;
      double c0, wall, cpu;

      remove_project (path);
      store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
      if (store == NULL)
        {
          fprintf (stderr, "%s: %s\n", path, error->message);
          return 1;
        }
      enlace_generate_options_init (&opts);
      opts.buildings = sizes[i].b;
      opts.floors = sizes[i].f;
      opts.outlets_per_floor = sizes[i].o;

      t0 = g_get_monotonic_time ();
      c0 = cpu_seconds ();
      if (!enlace_generate (store, &opts, NULL, &error))
        {
          fprintf (stderr, "generate %s: %s\n", size, error->message);
          return 1;
        }
      wall = (g_get_monotonic_time () - t0) / 1e6;
      cpu = cpu_seconds () - c0;
      printf ("%-16s %9u %9u %9u %9.2f %9.2f\n", size,
              enlace_store_count (store, "port"), enlace_store_count (store, "cable"),
              enlace_store_count (store, "device"), wall, cpu);
      fflush (stdout);
      g_clear_object (&store);
      remove_project (path);
    }
  return 0;
}
