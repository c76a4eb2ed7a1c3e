/* bench-generated-cases.c: the inbox and a case on 100,000 generated cases
 *
 *   bench-generated-cases [FILE] [--cases N]
 *
 * FILE (default /tmp/enlace-bench-cases.enlace) is generated first when it
 * does not exist (a 3 × 3 × 48 campus and N = 100,000 cases with their
 * steps and timelines: `enlace-cli generate FILE --cases 100000` makes the
 * same), then measured in a fresh process.  Goals (issue 9): the inbox's
 * first page (open the file, the first page of rows and the counts) under
 * 1 s; a filter or a text search (a page of rows and the counts, as the
 * inbox asks) under 100 ms; opening a case under 50 ms; adding a step
 * result under 5 ms; the statistics of cases (issue 10: the last 12
 * months and all years) under 300 ms.  Prints medians of 11 rounds, wall
 * and CPU, the sizes and the machine's load (/proc/loadavg).
 * Filters: open, mine, procedure, status, area, all, and the next page
 * of "all" deep in the list; searches: a whole folio, a folio fragment, a
 * requester's name (also without its accent), a word of the form, a word
 * of a timeline note (added by the bench, undone at the end).
 * --rebuild also times building the search index of cases again.
 */
#define G_LOG_DOMAIN "bench-generated-cases"
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "enlace-case-stats.h"
#include "enlace-cases.h"
#include "enlace-generate.h"
#include "enlace-generate-cases.h"

#define ROUNDS 11
#define PAGE 250   /* ENLACE_CASE_LIST_PAGE: the inbox's page */

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
  fprintf (stderr, "bench-generated-cases: %s\n", error ? error->message : "failed");
  exit (1);
}

typedef struct
{
  double wall[ROUNDS], cpu[ROUNDS];
  guint  rows;
} Timing;

static void
report (const char *what,
        Timing     *t,
        double      goal_ms)
{
  double w = median (t->wall, ROUNDS), c = median (t->cpu, ROUNDS);

  printf ("%-44s %8.2f ms wall %8.2f ms CPU  (goal < %g ms) %s  [%u rows]\n",
          what, w, c, goal_ms, w < goal_ms ? "ok" : "SLOW", t->rows);
}

static void
print_load (const char *when)
{
  g_autofree char *loadavg = NULL;

  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    printf ("machine load %s: %s", when, loadavg);
  else
    {
      double load[3];

      if (getloadavg (load, 3) == 3)
        printf ("machine load %s: %.2f %.2f %.2f\n", when, load[0], load[1], load[2]);
    }
  printf ("  (%u CPUs)\n", g_get_num_processors ());
}

static void
time_query (EnlaceStore            *store,
            const EnlaceCaseFilter *filter,
            const char             *what,
            double                  goal_ms)
{
  Timing t = { 0 };

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time (), c0 = cpu_now ();
      g_autoptr(GPtrArray) rows = enlace_cases_query (store, filter, &error);
      g_autoptr(JsonObject) counts = NULL;

      if (rows == NULL)
        die (error);
      counts = enlace_cases_counts (store, filter, &error);
      if (counts == NULL)
        die (error);
      t.wall[r] = (g_get_monotonic_time () - t0) / 1000.0;
      t.cpu[r] = (cpu_now () - c0) / 1000.0;
      t.rows = rows->len;
    }
  report (what, &t, goal_ms);
}

static gint64
count (EnlaceStore *store,
       const char  *status)
{
  g_autoptr(GError) error = NULL;
  EnlaceCaseFilter f = { 0 };
  g_autoptr(JsonObject) counts = enlace_cases_counts (store, &f, &error);
  gint64 n = 0;

  if (counts == NULL)
    die (error);
  if (status)
    return json_object_get_int_member_with_default (counts, status, 0);
  for (GList *l = json_object_get_members (counts), *m = l; m; m = m->next)
    {
      const char *k = m->data;

      if (g_str_equal (k, "new") || g_str_equal (k, "in-progress") || g_str_equal (k, "waiting")
          || g_str_equal (k, "resolved") || g_str_equal (k, "closed") || g_str_equal (k, "cancelled"))
        n += json_object_get_int_member (counts, k);
      if (m->next == NULL)
        g_list_free (l);
    }
  return n;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *path = "/tmp/enlace-bench-cases.enlace";
  guint n_cases = 100000;
  gboolean rebuild = FALSE;
  GStatBuf st;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--cases") && i + 1 < argc)
        n_cases = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--rebuild"))
        rebuild = TRUE;
      else
        path = argv[i];
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(EnlaceStore) store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
      EnlaceGenerateOptions opts;
      gint64 t0 = g_get_monotonic_time ();

      enlace_generate_options_init (&opts);
      if (store == NULL || !enlace_generate (store, &opts, NULL, &error)
          || !enlace_generate_cases (store, n_cases, 1, &error))
        die (error);
      printf ("generated %s (%u cases) in %.1f s; measuring in a fresh process\n",
              path, n_cases, (g_get_monotonic_time () - t0) / 1e6);
      fflush (stdout);
      g_clear_object (&store);
      {
        char *args[] = { argv[0], (char *) path, rebuild ? (char *) "--rebuild" : NULL, NULL };

        execv ("/proc/self/exe", args);
        perror ("execv");
        return 1;
      }
    }

  print_load ("before");

  /* the inbox's first page: open the file, the newest open cases and the
   * counts (the window's default filter, "Open") */
  {
    Timing t = { 0 };

    for (guint r = 0; r < ROUNDS; r++)
      {
        gint64 t0 = g_get_monotonic_time (), c0 = cpu_now ();
        g_autoptr(EnlaceStore) store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
        EnlaceCaseFilter f = { .open_only = TRUE, .limit = PAGE };
        g_autoptr(GPtrArray) rows = NULL;
        g_autoptr(JsonObject) counts = NULL;

        if (store == NULL)
          die (error);
        rows = enlace_cases_query (store, &f, &error);
        if (rows == NULL)
          die (error);
        counts = enlace_cases_counts (store, &f, &error);
        if (counts == NULL)
          die (error);
        t.wall[r] = (g_get_monotonic_time () - t0) / 1000.0;
        t.cpu[r] = (cpu_now () - c0) / 1000.0;
        t.rows = rows->len;
      }
    report ("inbox first page (open file + 250 rows + counts)", &t, 1000);
  }

  {
    g_autoptr(EnlaceStore) store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
    g_autoptr(GPtrArray) staff = NULL;
    g_autoptr(GPtrArray) open_rows = NULL;
    gint64 staff_id, n_total, n_open;
    EnlaceCaseFilter open_f = { .open_only = TRUE, .limit = PAGE };
    gint64 note_case = 0;

    if (store == NULL)
      die (error);
    staff = enlace_cases_staff (store, &error);
    if (staff == NULL || staff->len == 0)
      die (error);
    staff_id = json_object_get_int_member (g_ptr_array_index (staff, 0), "id");
    {
      /* "mine": the assignee of the newest open case */
      g_autoptr(GPtrArray) one = enlace_cases_query (store, &(EnlaceCaseFilter) { .open_only = TRUE, .limit = 1 }, &error);

      if (one && one->len && ((EnlaceCaseRow *) g_ptr_array_index (one, 0))->assignee_id > 0)
        staff_id = ((EnlaceCaseRow *) g_ptr_array_index (one, 0))->assignee_id;
    }
    n_total = count (store, NULL);
    {
      g_autoptr(JsonObject) c = enlace_cases_counts (store, &(EnlaceCaseFilter) { 0 }, &error);

      n_open = json_object_get_int_member_with_default (c, "open", 0);
    }
    stat (path, &st);
    printf ("file: %s, %.0f MB, %" G_GINT64_FORMAT " cases (%" G_GINT64_FORMAT " open), %u staff\n",
            path, st.st_size / 1e6, n_total, n_open, staff->len);

    /* a timeline note on an old case, to find it by a word of it */
    {
      g_autoptr(GPtrArray) old = enlace_cases_query (store, &(EnlaceCaseFilter) { .status = "closed", .limit = 5000 }, &error);

      if (old == NULL || old->len == 0)
        die (error);
      note_case = ((EnlaceCaseRow *) g_ptr_array_index (old, old->len - 1))->id;
      if (enlace_case_add_note (store, note_case, "El usuario reporta parpadeo intermitente del enlace (bench)",
                                NULL, NULL, NULL, &error) == 0)
        die (error);
    }

    /* filters, each a page of rows with its counts (what the inbox asks) */
    time_query (store, &open_f, "filter: open", 100);
    time_query (store, &(EnlaceCaseFilter) { .open_only = TRUE, .assignee_id = staff_id, .limit = PAGE },
                "filter: open and mine", 100);
    time_query (store, &(EnlaceCaseFilter) { .assignee_id = staff_id, .limit = PAGE },
                "filter: mine, every status", 100);
    time_query (store, &(EnlaceCaseFilter) { .procedure_code = "correo-alta", .limit = PAGE },
                "filter: procedure correo-alta", 100);
    time_query (store, &(EnlaceCaseFilter) { .open_only = TRUE, .procedure_code = "internet-falla", .limit = PAGE },
                "filter: open, procedure internet-falla", 100);
    time_query (store, &(EnlaceCaseFilter) { .status = "waiting", .limit = PAGE },
                "filter: status waiting", 100);
    time_query (store, &(EnlaceCaseFilter) { .status = "closed", .limit = PAGE },
                "filter: status closed", 100);
    {
      /* the area of the newest case */
      g_autoptr(GPtrArray) one = enlace_cases_query (store, &(EnlaceCaseFilter) { .limit = 1 }, &error);
      gint64 area_id = one && one->len ? ((EnlaceCaseRow *) g_ptr_array_index (one, 0))->area_id : 0;

      if (area_id > 0)
        time_query (store, &(EnlaceCaseFilter) { .area_id = area_id, .limit = PAGE },
                    "filter: area (of the newest case)", 100);
    }
    time_query (store, &(EnlaceCaseFilter) { .limit = PAGE },
                "filter: all (first page)", 100);
    {
      /* a page deep in "all": after the 50,000th row (keyset) */
      g_autoptr(GPtrArray) deep = enlace_cases_query (store, &(EnlaceCaseFilter) { .limit = 50000 }, &error);
      Timing t = { 0 };

      if (deep == NULL || deep->len == 0)
        die (error);
      for (guint r = 0; r < ROUNDS; r++)
        {
          gint64 t0 = g_get_monotonic_time (), c0 = cpu_now ();
          g_autoptr(GPtrArray) rows = enlace_cases_query (store, &(EnlaceCaseFilter) {
                                                            .limit = PAGE,
                                                            .after = g_ptr_array_index (deep, deep->len - 1) },
                                                          &error);
          if (rows == NULL)
            die (error);
          t.wall[r] = (g_get_monotonic_time () - t0) / 1000.0;
          t.cpu[r] = (cpu_now () - c0) / 1000.0;
          t.rows = rows->len;
        }
      report ("next page of all, after row 50,000", &t, 100);
    }

    /* searches (every status), each a page of rows with its counts */
    time_query (store, &(EnlaceCaseFilter) { .text = "CORREO-2025-0042", .limit = PAGE },
                "search: folio CORREO-2025-0042", 100);
    time_query (store, &(EnlaceCaseFilter) { .text = "2025-004", .limit = PAGE },
                "search: folio fragment 2025-004", 100);
    time_query (store, &(EnlaceCaseFilter) { .text = "42", .limit = PAGE },
                "search: two digits “42”", 100);
    time_query (store, &(EnlaceCaseFilter) { .text = "Gabriela", .limit = PAGE },
                "search: requester “Gabriela”", 100);
    time_query (store, &(EnlaceCaseFilter) { .text = "Gómez", .limit = PAGE },
                "search: requester “Gómez”", 100);
    time_query (store, &(EnlaceCaseFilter) { .text = "gomez", .limit = PAGE },
                "search: requester “gomez” (no accent)", 100);
    time_query (store, &(EnlaceCaseFilter) { .text = "sintética 77777", .limit = PAGE },
                "search: form text “sintética 77777”", 100);
    {
      Timing t = { 0 };
      EnlaceCaseFilter f = { .text = "parpadeo intermitente", .limit = PAGE };

      for (guint r = 0; r < ROUNDS; r++)
        {
          gint64 t0 = g_get_monotonic_time (), c0 = cpu_now ();
          g_autoptr(GPtrArray) rows = enlace_cases_query (store, &f, &error);
          g_autoptr(JsonObject) counts = NULL;

          if (rows == NULL || (counts = enlace_cases_counts (store, &f, &error)) == NULL)
            die (error);
          t.wall[r] = (g_get_monotonic_time () - t0) / 1000.0;
          t.cpu[r] = (cpu_now () - c0) / 1000.0;
          t.rows = rows->len;
          if (rows->len != 1 || ((EnlaceCaseRow *) g_ptr_array_index (rows, 0))->id != note_case)
            {
              fprintf (stderr, "bench-generated-cases: the note was not found\n");
              return 1;
            }
        }
      report ("search: note text “parpadeo intermitente”", &t, 100);
    }
    time_query (store, &(EnlaceCaseFilter) { .open_only = TRUE, .text = "Gabriela", .limit = PAGE },
                "search: “Gabriela” among the open cases", 100);

    /* the statistics of cases: the last 12 months, and every year */
    for (guint k = 0; k < 2; k++)
      {
        Timing t = { 0 };
        g_autoptr(GDateTime) from = NULL;
        g_autoptr(GDateTime) to = NULL;

        enlace_stats_period_bounds (ENLACE_STATS_LAST_12_MONTHS, NULL, &from, &to);
        if (k == 1)
          {
            g_date_time_unref (from);
            from = g_date_time_new_utc (1970, 1, 1, 0, 0, 0);
          }
        for (guint r = 0; r < ROUNDS; r++)
          {
            gint64 t0 = g_get_monotonic_time (), c0 = cpu_now ();
            g_autoptr(JsonObject) s = enlace_case_stats (store, from, to, NULL, &error);

            if (s == NULL)
              die (error);
            t.wall[r] = (g_get_monotonic_time () - t0) / 1000.0;
            t.cpu[r] = (cpu_now () - c0) / 1000.0;
            t.rows = json_object_get_int_member (s, "opened");
          }
        report (k == 0 ? "statistics of cases: last 12 months" : "statistics of cases: every year", &t, 300);
      }

    open_rows = enlace_cases_query (store, &open_f, &error);
    if (open_rows == NULL || open_rows->len < ROUNDS)
      die (error);

    /* opening a case: the row, its procedure, steps, timeline, links */
    {
      Timing t = { 0 };

      for (guint r = 0; r < ROUNDS; r++)
        {
          EnlaceCaseRow *row = g_ptr_array_index (open_rows, r * 7 % open_rows->len);
          gint64 t0 = g_get_monotonic_time (), c0 = cpu_now ();
          g_autoptr(EnlaceCase) c = enlace_case_get (store, row->id, &error);

          if (c == NULL)
            die (error);
          t.wall[r] = (g_get_monotonic_time () - t0) / 1000.0;
          t.cpu[r] = (cpu_now () - c0) / 1000.0;
          t.rows = c->steps->len + c->events->len;
        }
      report ("open a case (enlace_case_get)", &t, 50);
    }

    /* adding a step result: one command each (audit log, undoable) */
    {
      Timing t = { 0 };
      guint done = 0;

      for (guint i = 0; i < open_rows->len && done < ROUNDS; i++)
        {
          EnlaceCaseRow *row = g_ptr_array_index (open_rows, i);
          g_autoptr(EnlaceCase) c = enlace_case_get (store, row->id, &error);
          gint64 t0, c0;
          EnlaceCaseStep *s = NULL;

          if (c == NULL)
            die (error);
          for (guint k = 0; k < c->steps->len && s == NULL; k++)
            {
              EnlaceCaseStep *cs = g_ptr_array_index (c->steps, k);

              if (cs->result == ENLACE_STEP_PENDING && cs->def->kind == ENLACE_STEP_CHECK)
                s = cs;
            }
          if (s == NULL)
            continue;
          t0 = g_get_monotonic_time ();
          c0 = cpu_now ();
          if (!enlace_case_set_step (store, row->id, s->id, ENLACE_STEP_DONE, "Revisado (bench)", NULL, &error))
            die (error);
          t.wall[done] = (g_get_monotonic_time () - t0) / 1000.0;
          t.cpu[done] = (cpu_now () - c0) / 1000.0;
          t.rows = 1;
          done++;
        }
      if (done < ROUNDS)
        die (NULL);
      report ("add a step result (enlace_case_set_step)", &t, 5);
      /* leave the file as it was (and take the note back) */
      for (guint i = 0; i < done + 1; i++)
        if (!enlace_store_undo (store, &error))
          die (error);
    }

    if (rebuild)
      {
        gint64 t0 = g_get_monotonic_time (), c0 = cpu_now ();

        if (!enlace_cases_search_rebuild (store, &error))
          die (error);
        printf ("%-44s %8.2f ms wall %8.2f ms CPU  (once)\n", "build the search index of cases again",
                (g_get_monotonic_time () - t0) / 1000.0, (cpu_now () - c0) / 1000.0);
      }
  }
  print_load ("after");
  return 0;
}
