/* bench-import.c: XML import of generated campuses against the bare
 * sqlite3 load of the same rows
 *
 *   bench-import [--runs N] [--dir DIR] [--sizes small,medium,large]
 *
 * For each size (about 10k, 50k and 100k ports) a campus is generated with
 * enlace_generate() and exported to XML (kept in DIR, default
 * /tmp/enlace-bench-import, and reused on the next run).  Then, N times
 * (default 3), in a fresh process each:
 *
 *   - Enlace: open a new .enlace file and enlace_xml_import() the XML;
 *     the wall time of the import call and the peak RSS of the process;
 *   - the floor: `sqlite3 new.db < dump.sql`, where dump.sql is
 *     `sqlite3 imported.enlace .dump` of Enlace's result (schema and rows);
 *     the wall time and peak RSS of the sqlite3 process.
 *
 * Prints one line per size with the medians.  Build in release mode:
 *   meson setup build-release --buildtype=release -Dgui=false
 *   ninja -C build-release bench/bench-import && build-release/bench/bench-import
 */
#define G_LOG_DOMAIN "enlace-bench"
#include "config.h"

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "enlace-generate.h"
#include "enlace-store.h"
#include "enlace-xml.h"

typedef struct
{
  const char *name;
  guint       buildings;
  guint       floors;
  guint       outlets_per_floor;
} Size;

/* about 11 ports per outlet (outlet jacks, panel fronts and rears,
 * switch ports, backbone) */
static const Size sizes[] = {
  { "10k", 2, 4, 100 },
  { "50k", 5, 4, 230 },
  { "100k", 10, 5, 182 },
};

typedef struct
{
  double seconds;  /* wall */
  double cpu;      /* user + system */
  double peak_mb;
} Measure;

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof (double), (int (*)(const void *, const void *)) cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
remove_db (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

/* Child mode: import XML into a new file DB, print the seconds. */
static int
child_import (const char *db,
              const char *xml)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double t0;

  remove_db (db);
  store = enlace_store_open (db, ENLACE_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  t0 = now_s ();
  if (!enlace_xml_import (store, xml, NULL, NULL, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%.6f\n", now_s () - t0);
  g_clear_object (&store);
  return 0;
}

/* Runs argv with stdin from @in (or not), stdout to @out (or /dev/null);
 * returns the wall time and peak RSS of that process. */
static gboolean
run_measured_env (char       **argv,
                  const char  *in,
                  const char  *out,
                  const char  *tunables,
                  Measure     *m,
                  char       **output)
{
  int pipefd[2] = { -1, -1 };
  struct rusage ru;
  double t0 = now_s ();
  int status = 0;
  pid_t pid;

  if (output != NULL && pipe (pipefd) != 0)
    return FALSE;
  pid = fork ();
  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      if (tunables != NULL)
        setenv ("GLIBC_TUNABLES", tunables, 1);
      if (in != NULL)
        {
          int fd = open (in, O_RDONLY);
          if (fd < 0 || dup2 (fd, 0) < 0)
            _exit (127);
        }
      if (output != NULL)
        {
          dup2 (pipefd[1], 1);
          close (pipefd[0]);
        }
      else
        {
          int fd = open (out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
          if (fd < 0 || dup2 (fd, 1) < 0)
            _exit (127);
        }
      execvp (argv[0], argv);
      _exit (127);
    }
  if (output != NULL)
    {
      GString *s = g_string_new (NULL);
      char buf[256];
      gssize n;

      close (pipefd[1]);
      while ((n = read (pipefd[0], buf, sizeof buf)) > 0)
        g_string_append_len (s, buf, n);
      close (pipefd[0]);
      *output = g_string_free (s, FALSE);
    }
  if (wait4 (pid, &status, 0, &ru) != pid)
    return FALSE;
  m->seconds = now_s () - t0;
  m->cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
  m->peak_mb = ru.ru_maxrss / 1024.0;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static gboolean
run_measured (char       **argv,
              const char  *in,
              const char  *out,
              Measure     *m,
              char       **output)
{
  return run_measured_env (argv, in, out, NULL, m, output);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

/* Generates and exports the campus of @size unless DIR has it already. */
static gboolean
prepare_xml (const Size  *size,
             const char  *xml,
             guint       *n_ports,
             guint       *n_objects)
{
  g_autofree char *db = g_strconcat (xml, ".enlace", NULL);
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  EnlaceGenerateOptions opts;
  double t0;

  if (g_file_test (xml, G_FILE_TEST_IS_REGULAR) && g_file_test (db, G_FILE_TEST_IS_REGULAR))
    store = enlace_store_open (db, ENLACE_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_clear_error (&error);
      remove_db (db);
      enlace_generate_options_init (&opts);
      opts.buildings = size->buildings;
      opts.floors = size->floors;
      opts.outlets_per_floor = size->outlets_per_floor;
      t0 = now_s ();
      store = enlace_store_open (db, ENLACE_STORE_OPEN_CREATE, &error);
      if (store == NULL || !enlace_generate (store, &opts, NULL, &error))
        {
          fprintf (stderr, "generate: %s\n", error->message);
          return FALSE;
        }
      if (!enlace_xml_export (store, xml, &error))
        {
          fprintf (stderr, "export: %s\n", error->message);
          return FALSE;
        }
      fprintf (stderr, "  generated and exported %s (%u buildings × %u floors × %u outlets) in %.1f s\n",
               size->name, size->buildings, size->floors, size->outlets_per_floor, now_s () - t0);
    }

  *n_ports = enlace_store_count (store, "port");
  *n_objects = 0;
  {
    static const char *kinds[] = {
      "site", "building", "floor", "space", "area", "person", "rack", "device-type",
      "port-template", "mapping-template", "device", "port", "port-mapping", "circuit",
      "circuit-termination", "cable", "extension",
    };
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      *n_objects += enlace_store_count (store, kinds[i]);
  }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_strdup ("/tmp/enlace-bench-import");
  g_autofree char *self = NULL;
  g_autofree char *only = NULL;
  int runs = 3;
  gboolean ok = TRUE;

#ifdef __GLIBC__
  /* as enlace_xml_import() does: the generator inserts rows the same way */
  mallopt (M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif

  if (argc == 4 && strcmp (argv[1], "--child-import") == 0)
    return child_import (argv[2], argv[3]);

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--runs") == 0 && i + 1 < argc)
        runs = atoi (argv[++i]);
      else if (strcmp (argv[i], "--dir") == 0 && i + 1 < argc)
        { g_free (dir); dir = g_strdup (argv[++i]); }
      else if (strcmp (argv[i], "--sizes") == 0 && i + 1 < argc)
        { g_free (only); only = g_strdup (argv[++i]); }
      else
        {
          fprintf (stderr, "usage: bench-import [--runs N] [--dir DIR] [--sizes 10k,50k,100k]\n");
          return 2;
        }
    }
  runs = MAX (runs, 1);
  g_mkdir_with_parents (dir, 0755);
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  {
    /* make sure the sqlite3 command-line tool is there */
    char *probe[] = { (char *) "sqlite3", (char *) "-version", NULL };
    Measure m;

    if (!run_measured (probe, NULL, NULL, &m, NULL))
      {
        fprintf (stderr, "bench-import: the sqlite3 command-line tool is needed\n");
        return 1;
      }
  }

  printf ("XML import of generated campuses (median of %d runs, each in a fresh process)\n\n", runs);
  printf ("%-5s %7s %8s %7s | %7s %7s %7s | %7s %7s %7s | %6s %6s\n",
          "size", "ports", "objects", "XML MB", "wall s", "CPU s", "peak MB",
          "wall s", "CPU s", "peak MB", "wall", "CPU");
  printf ("%-31s | %-23s | %-23s | %s\n", "", "Enlace import", "sqlite3 < dump.sql", "ratio");
  printf ("--------------------------------+-------------------------+-------------------------+--------------\n");
  fflush (stdout);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      const Size *size = &sizes[s];
      g_autofree char *xml = g_strdup_printf ("%s/campus-%ux%ux%u.xml", dir, size->buildings,
                                              size->floors, size->outlets_per_floor);
      g_autofree char *db = g_strdup_printf ("%s/imported-%s.enlace", dir, size->name);
      g_autofree char *dump = g_strdup_printf ("%s/dump-%s.sql", dir, size->name);
      g_autofree char *bare = g_strdup_printf ("%s/bare-%s.db", dir, size->name);
      g_autofree double *t_enlace = g_new0 (double, runs);
      g_autofree double *m_enlace = g_new0 (double, runs);
      g_autofree double *t_bare = g_new0 (double, runs);
      g_autofree double *m_bare = g_new0 (double, runs);
      g_autofree double *c_enlace = g_new0 (double, runs);
      g_autofree double *c_bare = g_new0 (double, runs);
      g_autofree double *t_tuned = g_new0 (double, runs);
      g_autofree double *c_tuned = g_new0 (double, runs);
      guint n_ports = 0, n_objects = 0;
      double te, tb, ce, cb;

      if (only != NULL)
        {
          g_auto(GStrv) names = g_strsplit (only, ",", -1);
          if (!g_strv_contains ((const char * const *) names, size->name))
            continue;
        }

      if (!prepare_xml (size, xml, &n_ports, &n_objects))
        return 1;

      for (int r = 0; r < runs; r++)
        {
          char *child[] = { self, (char *) "--child-import", db, xml, NULL };
          g_autofree char *out = NULL;
          Measure m;

          if (!run_measured (child, NULL, NULL, &m, &out))
            {
              fprintf (stderr, "bench-import: the import of %s failed\n", xml);
              return 1;
            }
          t_enlace[r] = g_ascii_strtod (out, NULL);
          c_enlace[r] = m.cpu;
          m_enlace[r] = m.peak_mb;

          if (r == 0)
            {
              /* the SQL dump of Enlace's result: the same rows, the same schema */
              char *dump_argv[] = { (char *) "sqlite3", db, (char *) ".dump", NULL };
              if (!run_measured (dump_argv, NULL, dump, &m, NULL))
                {
                  fprintf (stderr, "bench-import: sqlite3 .dump failed\n");
                  return 1;
                }
            }

          remove_db (bare);
          {
            char *load[] = { (char *) "sqlite3", bare, NULL };
            if (!run_measured (load, dump, NULL, &m, NULL))
              {
                fprintf (stderr, "bench-import: sqlite3 < %s failed\n", dump);
                ok = FALSE;
              }
            t_bare[r] = m.seconds;
            c_bare[r] = m.cpu;
            m_bare[r] = m.peak_mb;
          }

          /* the same with glibc's trim threshold raised as Enlace does it */
          remove_db (bare);
          {
            char *load[] = { (char *) "sqlite3", bare, NULL };
            if (!run_measured_env (load, dump, NULL, "glibc.malloc.trim_threshold=67108864", &m, NULL))
              ok = FALSE;
            t_tuned[r] = m.seconds;
            c_tuned[r] = m.cpu;
          }
        }

      te = median (t_enlace, runs);
      tb = median (t_bare, runs);
      ce = median (c_enlace, runs);
      cb = median (c_bare, runs);
      printf ("%-5s %7u %8u %7.1f | %7.2f %7.2f %7.0f | %7.2f %7.2f %7.0f | %5.2f× %5.2f×\n",
              size->name, n_ports, n_objects, file_size (xml) / 1e6,
              te, ce, median (m_enlace, runs), tb, cb, median (m_bare, runs), te / tb, ce / cb);
      printf ("%-5s %7s %8s %7s | %7s %7s %7s | %7.2f %7.2f %7s | %5.2f× %5.2f×   (sqlite3 with trim_threshold=64M)\n",
              "", "", "", "", "", "", "", median (t_tuned, runs), median (c_tuned, runs), "",
              te / median (t_tuned, runs), ce / median (c_tuned, runs));
      fflush (stdout);
      remove_db (bare);
    }

  printf ("\nEnlace: wall time of enlace_xml_import() into a new file (parse, validate, insert,\n"
          "commit); CPU time and peak RSS of the whole process (which also creates the file).\n"
          "sqlite3: `sqlite3 new.db < dump.sql` of the imported file (schema and rows), the\n"
          "whole process.  On a busy machine compare CPU times: wall times include waiting.\n"
          "Goal: at most 2× the bare load; 100k ports under 3 s and 300 MB.\n");
  return ok ? 0 : 1;
}
