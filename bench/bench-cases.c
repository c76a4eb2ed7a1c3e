/* bench-cases.c: the inbox on 100,000 cases with their steps and timelines.
 *
 *   bench-cases [N]      (default 100000)
 *
 * Opens a few hundred cases through the API (timing enlace_case_open), then
 * fills the rest with SQL in one transaction (same rows as the API writes:
 * case_file, one case_step per procedure step, three events), and times
 * the inbox's first page, each filter and the search, the counts, opening
 * a case and adding a step result.  Prints the sizes and the machine load. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "enlace-cases.h"
#include "enlace-store-private.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
time_query (EnlaceStore            *store,
            const EnlaceCaseFilter *f,
            guint                  *n)
{
  g_autoptr(GError) error = NULL;
  double t0 = now_ms ();
  g_autoptr(GPtrArray) rows = enlace_cases_query (store, f, &error);

  g_assert_no_error (error);
  *n = rows->len;
  return now_ms () - t0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-cases-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cases.enlace", NULL);
  g_autoptr(EnlaceStore) store = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *load = NULL;
  gint64 n = argc > 1 ? g_ascii_strtoll (argv[1], NULL, 10) : 100000;
  gint64 staff_id, some_case;
  double t0, t_open;
  guint rows;
  EnlaceCaseFilter f = { 0 };

  store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JsonObject) area = json_object_new ();
    g_autoptr(JsonObject) p = json_object_new ();

    json_object_set_string_member (area, "code", "DC");
    json_object_set_string_member (area, "name", "Comunicaciones y Enlaces");
    json_object_set_int_member (p, "area_id", enlace_store_create (store, "area", area, &error));
    json_object_set_string_member (p, "name", "Ana Ruiz");
    staff_id = enlace_store_create (store, "person", p, &error);
    g_assert_no_error (error);
  }

  /* 200 through the API */
  t0 = now_ms ();
  for (int i = 0; i < 200; i++)
    {
      g_autoptr(JsonObject) v = json_object_new ();
      static const char * const codes[] = { "correo-alta", "correo-baja", "internet-alta", "internet-falla" };

      json_object_set_int_member (v, "assignee_id", staff_id);
      g_assert_cmpint (enlace_case_open (store, codes[i % 4], v, &error), >, 0);
    }
  t_open = (now_ms () - t0) / 200;

  /* the rest with SQL, as the API writes them */
  t0 = now_ms ();
  g_assert_true (enlace_store_exec (store, "BEGIN", &error));
  for (int i = 0; i < 100; i++)
    {
      g_autofree char *pi = g_strdup_printf ("INSERT INTO person (name, area_id) VALUES ('Persona %d', 1)", i);
      g_assert_true (enlace_store_exec (store, pi, &error));
    }
  sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %" G_GINT64_FORMAT "), "
    "p AS (SELECT id, prefix, target_hours, row_number() OVER (ORDER BY id) - 1 AS k FROM procedure), "
    "np AS (SELECT count(*) AS c FROM procedure) "
    "INSERT INTO case_file (folio, procedure_id, prefix, year, seq, requester_id, area_id, channel, priority, "
    " assignee_id, status, summary, form, opened_at, due_at, near_at, resolved_at, closed_at) "
    "SELECT p.prefix || '-' || (2020 + n.i %% 7) || '-' || printf('%%06d', n.i + 1000), p.id, p.prefix, 2020 + n.i %% 7, "
    " n.i + 1000, 2 + n.i %% 100, 1, 'phone', 'normal', CASE WHEN n.i %% 3 = 0 THEN %" G_GINT64_FORMAT " END, "
    " CASE WHEN n.i %% 10 < 7 THEN 'closed' WHEN n.i %% 10 = 7 THEN 'in-progress' WHEN n.i %% 10 = 8 THEN 'new' ELSE 'waiting' END, "
    " 'Solicitud número ' || n.i, '{\"purpose\":\"texto ' || n.i || '\"}', "
    " strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', '2020-01-01', '+' || (n.i * 30) || ' minutes'), "
    " strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', '2020-01-01', '+' || (n.i * 30 + p.target_hours * 60) || ' minutes'), "
    " strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', '2020-01-01', '+' || (n.i * 30 + p.target_hours * 45) || ' minutes'), "
    " NULL, NULL "
    "FROM n, np JOIN p ON p.k = n.i %% np.c",
    n - 200, staff_id);
  if (!enlace_store_exec (store, sql, &error)) g_error ("%s\n%s", error->message, sql);
  g_assert_true (enlace_store_exec (store,
                                    "INSERT INTO case_step (case_id, step_id, result) "
                                    "SELECT c.id, s.id, CASE WHEN c.status = 'closed' THEN 'done' ELSE 'pending' END "
                                    "FROM case_file c JOIN procedure_step s ON s.procedure_id = c.procedure_id "
                                    "WHERE c.id > 200;"
                                    "INSERT INTO case_event (case_id, at, who, kind, text) "
                                    "SELECT c.id, c.opened_at, 'bench', 'status', 'Expediente abierto' FROM case_file c WHERE c.id > 200;"
                                    "INSERT INTO case_event (case_id, at, who, kind, text) "
                                    "SELECT c.id, c.opened_at, 'bench', 'step', 'Paso 1: hecho' FROM case_file c WHERE c.id > 200;"
                                    "INSERT INTO case_event (case_id, at, who, kind, text) "
                                    "SELECT c.id, c.opened_at, 'bench', 'note', 'Llamó el usuario' FROM case_file c WHERE c.id > 200;"
                                    "COMMIT; ANALYZE;",
                                    &error));
  g_assert_no_error (error);
  printf ("filled %" G_GINT64_FORMAT " cases in %.0f ms\n", n, now_ms () - t0);
  {
    GStatBuf s;
    sqlite3_stmt *q;

    if (g_stat (path, &s) == 0)
      printf ("file: %.1f MB\n", s.st_size / 1e6);
    q = enlace_store_prepare (store, "SELECT (SELECT count(*) FROM case_file), (SELECT count(*) FROM case_step), "
                                     "(SELECT count(*) FROM case_event)", NULL);
    sqlite3_step (q);
    printf ("cases %lld, steps %lld, events %lld\n", (long long) sqlite3_column_int64 (q, 0),
            (long long) sqlite3_column_int64 (q, 1), (long long) sqlite3_column_int64 (q, 2));
    sqlite3_reset (q);
  }
  g_clear_object (&store);
  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  printf ("enlace_case_open: %.2f ms per case\n", t_open);
  f.limit = 200;
  { double ms = time_query (store, &f, &rows); printf ("first page (200, no filter):  %7.2f ms\n", ms); }
  f.open_only = TRUE;
  { double ms = time_query (store, &f, &rows); printf ("open:                         %7.2f ms (%u)\n", ms, rows); }
  f.assignee_id = staff_id;
  { double ms = time_query (store, &f, &rows); printf ("open, mine:                   %7.2f ms (%u)\n", ms, rows); }
  memset (&f, 0, sizeof f);
  f.limit = 200;
  f.procedure_code = "correo-baja";
  { double ms = time_query (store, &f, &rows); printf ("procedure:                    %7.2f ms (%u)\n", ms, rows); }
  f.procedure_code = NULL;
  f.status = "waiting";
  { double ms = time_query (store, &f, &rows); printf ("status waiting:               %7.2f ms (%u)\n", ms, rows); }
  f.status = NULL;
  f.area_id = 1;
  { double ms = time_query (store, &f, &rows); printf ("area:                         %7.2f ms (%u)\n", ms, rows); }
  f.area_id = 0;
  f.text = "CONEX-2023-0";
  { double ms = time_query (store, &f, &rows); printf ("search folio:                 %7.2f ms (%u)\n", ms, rows); }
  f.text = "Persona 42";
  { double ms = time_query (store, &f, &rows); printf ("search requester:             %7.2f ms (%u)\n", ms, rows); }
  f.text = "no such text anywhere";
  { double ms = time_query (store, &f, &rows); printf ("search, no match (full scan): %7.2f ms (%u)\n", ms, rows); }
  memset (&f, 0, sizeof f);
  { double ms = time_query (store, &f, &rows); printf ("every case (no limit):        %7.2f ms (%u)\n", ms, rows); }
  {
    double t = now_ms ();
    g_autoptr(JsonObject) counts = enlace_cases_counts (store, &f, &error);
    printf ("counts:                       %7.2f ms (open %lld, overdue %lld)\n", now_ms () - t,
            (long long) json_object_get_int_member (counts, "open"),
            (long long) json_object_get_int_member (counts, "overdue"));
  }
  some_case = n / 2;
  {
    double t = now_ms ();
    g_autoptr(EnlaceCase) c = enlace_case_get (store, some_case, &error);
    g_assert_no_error (error);
    printf ("open a case:                  %7.2f ms (%u steps, %u events)\n", now_ms () - t,
            c->steps->len, c->events->len);
  }
  {
    gint64 sid;
    double t;
    gint64 open_id = 0;
    sqlite3_stmt *q = enlace_store_prepare (store, "SELECT id FROM case_file WHERE status = 'in-progress' LIMIT 1", NULL);

    sqlite3_step (q);
    open_id = sqlite3_column_int64 (q, 0);
    sqlite3_reset (q);
    sid = enlace_case_find_step (store, open_id, ENLACE_STEP_SIDE_ADMINISTRATOR, 1, &error);
    if (sid == 0)
      {
        g_clear_error (&error);
        sid = enlace_case_find_step (store, open_id, ENLACE_STEP_SIDE_REQUESTER, 1, &error);
      }
    t = now_ms ();
    if (sid != 0 && enlace_case_set_step (store, open_id, sid, ENLACE_STEP_NA, "bench", NULL, &error))
      printf ("add a step result:            %7.2f ms\n", now_ms () - t);
    else
      printf ("add a step result: %s\n", error ? error->message : "no step");
  }
  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    printf ("load: %s", load);

  g_clear_object (&store);
  if (g_getenv ("BENCH_CASES_KEEP") != NULL)
    {
      printf ("kept: %s\n", path);
      return 0;
    }
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
