/* bench-scale.c: ten times the campus (issue 14) — the command-line
 * programs on about 100,000 and about 1,000,000 ports
 *
 *   bench-scale [--cli PATH] [--dir DIR] [--sizes 100k,1m] [--keep]
 *
 * For each size a campus is generated with `enlace-cli generate` (100k:
 * 10 buildings × 5 floors × 200 outlets; 1m: 100 × 5 × 200; kept in DIR,
 * default /tmp/enlace-bench-scale, and reused unless removed), then each
 * figure is one fresh process of enlace-cli (or sqlite3), timed from
 * outside with its CPU time and peak RSS (wait4):
 *
 *   trace     `enlace-cli trace F --from KEY` of one outlet jack of the
 *             last building (a cold start: open, read what the path
 *             crosses, print);  goal: at 1m within 2× of 100k;
 *   check     `enlace-cli check F` against `sqlite3 F 'PRAGMA
 *             integrity_check'`;  goal: within 3×;
 *   paths     `enlace-cli paths --json F > /dev/null`;  goal: streams,
 *             memory flat in the number of paths;
 *   export    `enlace-cli export F F.xml`;
 *   import    `enlace-cli import NEW F.xml`;  goal at 1m: < 15 s, < 300 MB.
 *
 * The machine may be shared: the CPU time is printed beside the wall time,
 * and `uptime` before each size.  The files are large (1m: about 200 MB
 * each for the project, the XML and the import): --keep keeps them, else
 * they are removed at the end.  Build in release mode:
 *   meson setup build-release --buildtype=release -Dgui=false
 *   ninja -C build-release app/enlace-cli bench/bench-scale
 *   build-release/bench/bench-scale --cli build-release/app/enlace-cli
 */
#define G_LOG_DOMAIN "enlace-bench"
#include "config.h"

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  const char *name;
  guint       buildings;
  guint       floors;
  guint       outlets_per_floor;
} Size;

static const Size sizes[] = {
  { "100k", 10, 5, 200 },
  { "1m", 100, 5, 200 },
};

typedef struct
{
  gboolean ok;
  double   seconds;  /* wall */
  double   cpu;      /* user + system */
  double   peak_mb;
} Measure;

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Runs ARGV with stdout to OUT (NULL: /dev/null, "-": ours), stderr
 * inherited. */
static Measure
run (char      **argv,
     const char *out)
{
  Measure m = { 0 };
  struct rusage ru;
  double t0 = now_s ();
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    {
      if (out == NULL || strcmp (out, "-") != 0)
        {
          int fd = open (out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);

          if (fd >= 0)
            dup2 (fd, 1);
        }
      execvp (argv[0], argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &ru) < 0)
    return m;
  m.seconds = now_s () - t0;
  m.cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6
          + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
  m.peak_mb = ru.ru_maxrss / 1024.0;
  m.ok = WIFEXITED (status) && WEXITSTATUS (status) == 0;
  if (!m.ok)
    fprintf (stderr, "bench-scale: %s %s failed (status %d)\n", argv[0], argv[1], status);
  return m;
}

static double
file_mb (const char *path)
{
  struct stat st;

  return g_stat (path, &st) == 0 ? st.st_size / 1e6 : 0;
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

static void
print (const char    *what,
       const Measure *m,
       const char    *note)
{
  printf ("  %-34s %8.2f s wall %8.2f s CPU %8.1f MB peak%s%s%s\n", what,
          m->seconds, m->cpu, m->peak_mb, m->ok ? "" : "  FAILED",
          note ? "  " : "", note ? note : "");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cli = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *which = NULL;
  gboolean keep = FALSE;
  GOptionEntry entries[] = {
    { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli, "enlace-cli to run", "PATH" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "where the files go", "DIR" },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &which, "100k,1m", "LIST" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "keep the files", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("— enlace-cli on 100k and 1m ports");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) wanted = NULL;
  Measure trace[G_N_ELEMENTS (sizes)] = { 0 };

  setvbuf (stdout, NULL, _IOLBF, 0);
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-scale: %s\n", error->message);
      return 2;
    }
  if (cli == NULL)
    {
      g_autofree char *here = g_path_get_dirname (argv[0]);
      cli = g_build_filename (here, "..", "app", "enlace-cli", NULL);
    }
  if (dir == NULL)
    dir = g_strdup ("/tmp/enlace-bench-scale");
  wanted = g_strsplit (which ? which : "100k,1m", ",", -1);
  g_mkdir_with_parents (dir, 0755);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      const Size *z = &sizes[s];
      g_autofree char *file = NULL;
      g_autofree char *xml = NULL;
      g_autofree char *copy = NULL;
      g_autofree char *key = NULL;
      g_autofree char *nb = g_strdup_printf ("%u", z->buildings);
      g_autofree char *nf = g_strdup_printf ("%u", z->floors);
      g_autofree char *no = g_strdup_printf ("%u", z->outlets_per_floor);
      g_autofree char *last_building = NULL;
      Measure m, c, q;

      if (!g_strv_contains ((const char * const *) wanted, z->name))
        continue;
      file = g_strdup_printf ("%s/campus-%s.enlace", dir, z->name);
      xml = g_strdup_printf ("%s/campus-%s.xml", dir, z->name);
      copy = g_strdup_printf ("%s/imported-%s.enlace", dir, z->name);

      printf ("%s: %u buildings × %u floors × %u outlets; machine load:\n", z->name,
              z->buildings, z->floors, z->outlets_per_floor);
      {
        char *up[] = { (char *) "uptime", NULL };
        run (up, "-");
      }
      if (!g_file_test (file, G_FILE_TEST_EXISTS))
        {
          char *gen[] = { cli, (char *) "generate", file, (char *) "--buildings", nb,
                          (char *) "--floors", nf, (char *) "--outlets-per-floor", no, NULL };
          m = run (gen, NULL);
          print ("generate", &m, NULL);
          if (!m.ok)
            return 1;
        }
      printf ("  file %.1f MB\n", file_mb (file));

      /* the last outlet of the top floor (levels from 0) of the last
       * building: the generator names outlets BUILDING-LEVELA-NNN (see
       * enlace-generate.c); its two jacks are traced */
      {
        guint b = z->buildings - 1;
        char code[8] = { 0 };

        /* A … Z, AA, AB, … as enlace_generate_building_code () */
        if (b < 26)
          code[0] = 'A' + b;
        else
          {
            code[0] = 'A' + b / 26 - 1;
            code[1] = 'A' + b % 26;
          }
        last_building = g_strdup (code);
      }
      key = g_strdup_printf ("%s-%uA-%03u", last_building, z->floors - 1, z->outlets_per_floor);
      {
        char *tr[] = { cli, (char *) "trace", file, (char *) "--from", key, NULL };
        g_autofree char *note = g_strdup_printf ("(--from %s)", key);

        /* the first run reads the file into the page cache */
        run (tr, NULL);
        trace[s] = run (tr, NULL);
        print ("trace, one outlet, cold process", &trace[s], note);
      }
      {
        char *ck[] = { cli, (char *) "check", file, NULL };
        char *ic[] = { (char *) "sqlite3", file, (char *) "PRAGMA integrity_check", NULL };
        g_autofree char *note = NULL;

        c = run (ck, NULL);
        q = run (ic, NULL);
        note = g_strdup_printf ("(%.1f× sqlite3's integrity_check)", c.seconds / MAX (q.seconds, 1e-6));
        print ("check", &c, note);
        print ("sqlite3 PRAGMA integrity_check", &q, NULL);
      }
      {
        char *pj[] = { cli, (char *) "paths", (char *) "--json", file, NULL };

        m = run (pj, NULL);
        print ("paths --json > /dev/null", &m, NULL);
      }
      {
        char *ex[] = { cli, (char *) "export", file, xml, NULL };
        char *im[] = { cli, (char *) "import", copy, xml, NULL };
        g_autofree char *note = NULL;

        m = run (ex, NULL);
        print ("export XML", &m, NULL);
        remove_db (copy);
        m = run (im, NULL);
        note = g_strdup_printf ("(XML %.1f MB)", file_mb (xml));
        print ("import XML into a new file", &m, note);
      }
      if (!keep)
        {
          remove_db (copy);
          g_unlink (xml);
          remove_db (file);
        }
      fflush (stdout);
    }
  if (trace[0].ok && trace[1].ok)
    printf ("trace at 1m: %.2f× its time at 100k\n", trace[1].seconds / trace[0].seconds);
  return 0;
}
