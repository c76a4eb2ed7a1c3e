/* bench-csv-import.c: importing a 50,000-row CSV (csv13)
 *
 * Writes a CSV of N people (name, position, area by name, e-mail,
 * phone; default N = 50000) and of N extensions (number, holder, area by
 * code, status), and imports each into a copy of the demo campus kept in
 * a file (WAL, as the window has it): first the dry run the assistant's
 * preview makes, then the import itself, one undoable command.  Prints
 * wall time, CPU time, CPU load (CPU / wall), rows per second and the
 * peak resident memory of the process.
 *
 *   ninja -C build bench/bench-csv-import && build/bench/bench-csv-import [N]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#include "enlace-csv-import.h"
#include "enlace-demo.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
cpu (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static long
peak_rss_kib (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

static void
run (EnlaceStore *store,
     const char  *kind,
     const char  *csv,
     gboolean     dry_run,
     guint        expect)
{
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GInputStream) in = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCsvReader) reader = enlace_csv_reader_new (in, 0, NULL, &error);
  g_autoptr(EnlaceCsvImport) imp = enlace_csv_import_new (store, kind, &error);
  double t0 = now (), c0 = cpu ();
  double wall, used;

  enlace_csv_import_set_dry_run (imp, dry_run);
  if (!enlace_csv_import_run (imp, reader, NULL, &error))
    g_error ("%s: %s", kind, error->message);
  wall = now () - t0;
  used = cpu () - c0;
  if (enlace_csv_import_get_n_good (imp) != expect)
    g_error ("%s: %u good rows, %u expected (%u refused)", kind, enlace_csv_import_get_n_good (imp),
             expect, enlace_csv_import_get_refusals (imp)->len);
  g_print ("%-10s %-8s %6u rows  %6.2f s wall  %6.2f s CPU  load %3.0f %%  %7.0f rows/s  peak RSS %ld MiB\n",
           kind, dry_run ? "dry-run" : "import", enlace_csv_import_get_n_rows (imp), wall, used,
           100 * used / wall, enlace_csv_import_get_n_rows (imp) / wall, peak_rss_kib () / 1024);
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 50000;
  g_autofree char *dir = g_dir_make_tmp ("enlace-bench-csv-XXXXXX", NULL);
  g_autofree char *doc = g_build_filename (dir, "demo.enlace", NULL);
  g_autofree char *people = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *exts = g_build_filename (dir, "extensions.csv", NULL);
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  GString *s;
  double t0;

  store = enlace_store_open (doc, ENLACE_STORE_OPEN_CREATE, &error);
  if (store == NULL || !enlace_demo_populate (store, &error))
    g_error ("%s", error->message);
  areas = enlace_store_list (store, "area", 0, &error);

  t0 = now ();
  s = g_string_new ("name,position,area,email,phone\r\n");
  for (guint i = 0; i < n; i++)
    {
      JsonObject *a = g_ptr_array_index (areas, i % areas->len);
      g_string_append_printf (s, "\"Persona %06u, de prueba\",Analista %u,%s,p%u@example.org,55 %08u\r\n",
                              i, i % 7, json_object_get_string_member (a, "name"), i, i);
    }
  g_file_set_contents (people, s->str, (gssize) s->len, NULL);
  g_string_free (s, TRUE);
  s = g_string_new ("number;holder;area;status\r\n");
  for (guint i = 0; i < n; i++)
    {
      JsonObject *a = g_ptr_array_index (areas, i % areas->len);
      g_string_append_printf (s, "9%06u;Titular %u;%s;%s\r\n", i, i,
                              json_object_get_string_member (a, "code"), i % 10 ? "Active" : "suspended");
    }
  g_file_set_contents (exts, s->str, (gssize) s->len, NULL);
  g_string_free (s, TRUE);
  g_print ("%u rows per file written in %.2f s; %u areas to refer to\n", n, now () - t0, areas->len);

  run (store, "person", people, TRUE, n);
  run (store, "person", people, FALSE, n);
  run (store, "extension", exts, TRUE, n);
  run (store, "extension", exts, FALSE, n);

  t0 = now ();
  if (!enlace_store_undo (store, &error))
    g_error ("%s", error->message);
  g_print ("undo of the extension import: %.2f s\n", now () - t0);

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (dir);
  return 0;
}
