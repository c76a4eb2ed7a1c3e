/* test-case-stats.c: the statistics of cases on built cases: per month,
 * per area and assignee, open cases by age, median and 90th percentile of
 * the time to resolve, the objects of fault reports */
#include "config.h"

#include <string.h>

#include "enlace-case-stats.h"
#include "enlace-cases-private.h"
#include "enlace-demo.h"

static EnlaceStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  enlace_store_set_user (store, "tester");
  return store;
}

static gint64
add_named (EnlaceStore *store,
           const char  *kind,
           const char  *code,
           const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  gint64 id;

  if (code)
    json_object_set_string_member (v, "code", code);
  json_object_set_string_member (v, "name", name);
  id = enlace_store_create (store, kind, v, &error);
  g_assert_no_error (error);
  return id;
}

static GDateTime *
at (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *dt = g_date_time_new_from_iso8601 (iso, utc);

  g_assert_nonnull (dt);
  return dt;
}

/* "2026-03-31T12:00:00Z" minus @hours */
static char *
before (GDateTime *now,
        double     hours)
{
  g_autoptr(GDateTime) dt = g_date_time_add_seconds (now, -hours * 3600);

  return enlace_cases_format_iso (dt);
}

static gint64
open_case (EnlaceStore *store,
           const char  *code,
           const char  *opened_at,
           gint64       area_id,
           gint64       assignee_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  gint64 id;

  json_object_set_string_member (v, "opened_at", opened_at);
  if (area_id > 0)
    json_object_set_int_member (v, "area_id", area_id);
  if (assignee_id > 0)
    json_object_set_int_member (v, "assignee_id", assignee_id);
  id = enlace_case_open (store, code, v, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Marks a case resolved @hours after it was opened (a fixture: straight
 * to the row, as an import would write it). */
static void
resolve_after (EnlaceStore *store,
               gint64       case_id,
               double       hours)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = enlace_store_prepare (store,
                                             "UPDATE case_file SET status = 'resolved', "
                                             "resolved_at = strftime('%Y-%m-%dT%H:%M:%SZ', opened_at, ?2 || ' seconds') "
                                             "WHERE id = ?1",
                                             &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, (gint64) (hours * 3600));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

static JsonObject *
find (JsonArray  *a,
      const char *member,
      const char *value)
{
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (o, member, NULL), value) == 0)
        return o;
    }
  return NULL;
}

static void
test_percentiles (void)
{
  double a[] = { 9, 1, 30, 2, 8, 3, 7, 4, 6, 5 };
  double b[] = { 100, 10, 20 };
  double c[] = { 4 };

  g_assert_cmpfloat (enlace_stats_median (a, 10), ==, 5.5);
  g_assert_cmpfloat (enlace_stats_percentile (a, 10, 90), ==, 9);
  g_assert_cmpfloat (enlace_stats_percentile (a, 10, 100), ==, 30);
  g_assert_cmpfloat (enlace_stats_percentile (a, 10, 10), ==, 1);
  g_assert_cmpfloat (enlace_stats_median (b, 3), ==, 20);
  g_assert_cmpfloat (enlace_stats_percentile (b, 3, 90), ==, 100);
  g_assert_cmpfloat (enlace_stats_median (c, 1), ==, 4);
  g_assert_cmpfloat (enlace_stats_percentile (c, 1, 90), ==, 4);
  g_assert_cmpfloat (enlace_stats_median (NULL, 0), ==, 0);
  g_assert_cmpfloat (enlace_stats_percentile (NULL, 0, 90), ==, 0);
}

static void
test_periods (void)
{
  g_autoptr(GDateTime) now = at ("2026-03-15T10:00:00Z");
  static const struct { EnlaceStatsPeriod p; const char *from; } expect[] = {
    { ENLACE_STATS_THIS_MONTH, "2026-03-01T00:00:00Z" },
    { ENLACE_STATS_LAST_3_MONTHS, "2026-01-01T00:00:00Z" },
    { ENLACE_STATS_THIS_YEAR, "2026-01-01T00:00:00Z" },
    { ENLACE_STATS_LAST_12_MONTHS, "2025-04-01T00:00:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      g_autoptr(GDateTime) from = NULL;
      g_autoptr(GDateTime) to = NULL;
      g_autofree char *f = NULL;
      g_autofree char *t = NULL;
      EnlaceStatsPeriod back;

      enlace_stats_period_bounds (expect[i].p, now, &from, &to);
      f = enlace_cases_format_iso (from);
      t = enlace_cases_format_iso (to);
      g_assert_cmpstr (f, ==, expect[i].from);
      g_assert_cmpstr (t, ==, "2026-04-01T00:00:00Z");
      g_assert_true (enlace_stats_period_from_string (enlace_stats_period_to_string (expect[i].p), &back));
      g_assert_cmpint (back, ==, expect[i].p);
    }
  {
    EnlaceStatsPeriod p;

    g_assert_false (enlace_stats_period_from_string ("next-year", &p));
  }
}

static void
test_built_cases (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = at ("2026-03-31T12:00:00Z");
  g_autoptr(GDateTime) from = at ("2026-01-01T00:00:00Z");
  g_autoptr(GDateTime) to = at ("2026-04-01T00:00:00Z");
  g_autoptr(JsonObject) s = NULL;
  static const double fault_hours[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 30 };
  static const double request_hours[] = { 10, 20, 100 };
  static const double open_hours[] = { 2, 30, 50, 4 * 24, 10 * 24, 40 * 24 };
  gint64 rh, ti, ana, luis, dev[2] = { 0 }, cable = 0;
  gint64 fault_ids[10];
  JsonObject *o;
  JsonArray *a;

  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);
  rh = add_named (store, "area", "RHX", "Recursos Humanos X");
  ti = add_named (store, "area", "TIX", "Tecnologías X");
  ana = add_named (store, "person", NULL, "Ana Estadística");
  luis = add_named (store, "person", NULL, "Luis Estadística");
  {
    sqlite3_stmt *stmt = enlace_store_prepare (store, "SELECT id FROM device ORDER BY id LIMIT 2", &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 2; i++)
      {
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        dev[i] = sqlite3_column_int64 (stmt, 0);
      }
    sqlite3_reset (stmt);
    stmt = enlace_store_prepare (store, "SELECT id FROM cable ORDER BY id LIMIT 1", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    cable = sqlite3_column_int64 (stmt, 0);
    sqlite3_reset (stmt);
  }

  /* ten fault reports in January, resolved after 1 … 9 and 30 hours */
  for (guint i = 0; i < G_N_ELEMENTS (fault_hours); i++)
    {
      g_autofree char *opened = g_strdup_printf ("2026-01-%02uT08:00:00Z", i + 2);

      fault_ids[i] = open_case (store, "correo-falla", opened, rh, ana);
      resolve_after (store, fault_ids[i], fault_hours[i]);
    }
  /* three requests in February, resolved after 10, 20 and 100 hours */
  for (guint i = 0; i < G_N_ELEMENTS (request_hours); i++)
    {
      g_autofree char *opened = g_strdup_printf ("2026-02-%02uT08:00:00Z", i + 2);
      gint64 c = open_case (store, "correo-alta", opened, ti, luis);

      resolve_after (store, c, request_hours[i]);
    }
  /* open cases of every age, in March (the oldest in February) */
  for (guint i = 0; i < G_N_ELEMENTS (open_hours); i++)
    {
      g_autofree char *opened = before (now, open_hours[i]);

      open_case (store, "internet-falla", opened, 0, i % 2 ? luis : 0);
    }
  /* before the period: counted only among the open cases by age */
  open_case (store, "correo-alta", "2025-11-20T08:00:00Z", rh, ana);
  /* links of the fault reports: device 0 in 5, device 1 in 2, the cable in 1 */
  for (guint i = 0; i < 5; i++)
    g_assert_true (enlace_case_link (store, fault_ids[i], "device", dev[0], &error));
  for (guint i = 5; i < 7; i++)
    g_assert_true (enlace_case_link (store, fault_ids[i], "device", dev[1], &error));
  g_assert_true (enlace_case_link (store, fault_ids[7], "cable", cable, &error));
  g_assert_no_error (error);

  s = enlace_case_stats (store, from, to, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s);

  a = json_object_get_array_member (s, "months");
  g_assert_cmpuint (json_array_get_length (a), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (a, 0), ==, "2026-01");
  g_assert_cmpstr (json_array_get_string_element (a, 2), ==, "2026-03");
  g_assert_cmpint (json_object_get_int_member (s, "opened"), ==, 10 + 3 + 6);
  g_assert_cmpint (json_object_get_int_member (s, "resolved"), ==, 13);
  g_assert_cmpint (json_object_get_int_member (s, "open_now"), ==, 7);

  /* per procedure per month */
  a = json_object_get_array_member (s, "by_procedure");
  o = find (a, "code", "correo-falla");
  g_assert_nonnull (o);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "fault");
  g_assert_cmpint (json_object_get_int_member (o, "count"), ==, 10);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (o, "months"), 0), ==, 10);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (o, "months"), 1), ==, 0);
  o = find (a, "code", "correo-alta");
  g_assert_cmpint (json_object_get_int_member (o, "count"), ==, 3);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (o, "months"), 1), ==, 3);
  o = find (a, "code", "internet-falla");
  g_assert_cmpint (json_object_get_int_member (o, "count"), ==, 6);
  /* 40 days before March 31 is February 19 */
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (o, "months"), 1), ==, 1);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (o, "months"), 2), ==, 5);
  o = find (a, "code", "dictamen");
  g_assert_cmpint (json_object_get_int_member (o, "count"), ==, 0);

  /* per area and assignee, most first */
  a = json_object_get_array_member (s, "by_area");
  o = json_array_get_object_element (a, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Recursos Humanos X");
  g_assert_cmpint (json_object_get_int_member (o, "count"), ==, 10);
  o = find (a, "name", "Tecnologías X");
  g_assert_cmpint (json_object_get_int_member (o, "count"), ==, 3);
  o = find (a, "name", "(none)");
  g_assert_nonnull (o);
  g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "count"), ==, 6);
  a = json_object_get_array_member (s, "by_assignee");
  o = find (a, "name", "Ana Estadística");
  g_assert_cmpint (json_object_get_int_member (o, "count"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (o, "open"), ==, 0);
  o = find (a, "name", "Luis Estadística");
  g_assert_cmpint (json_object_get_int_member (o, "count"), ==, 3 + 3);
  g_assert_cmpint (json_object_get_int_member (o, "open"), ==, 3);

  /* open cases by age: 2 h | 30 h, 50 h | 4 d | 10 d | 40 d and the old one */
  a = json_object_get_array_member (s, "open_by_age");
  g_assert_cmpuint (json_array_get_length (a), ==, ENLACE_STATS_N_AGES);
  {
    static const gint64 expect[ENLACE_STATS_N_AGES] = { 1, 2, 1, 1, 2 };

    for (guint i = 0; i < ENLACE_STATS_N_AGES; i++)
      {
        o = json_array_get_object_element (a, i);
        g_assert_cmpstr (json_object_get_string_member (o, "key"), ==, enlace_stats_age_key (i));
        g_assert_cmpint (json_object_get_int_member (o, "count"), ==, expect[i]);
      }
  }

  /* time to resolve: exact median and 90th percentile */
  a = json_object_get_array_member (s, "resolution");
  o = find (a, "code", "correo-falla");
  g_assert_cmpint (json_object_get_int_member (o, "resolved"), ==, 10);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "median_hours"), 5.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "p90_hours"), 9, 1e-9);
  g_assert_cmpint (json_object_get_int_member (o, "target_hours"), ==, 24);
  g_assert_cmpint (json_object_get_int_member (o, "within_target"), ==, 9);
  o = find (a, "code", "correo-alta");
  g_assert_cmpint (json_object_get_int_member (o, "resolved"), ==, 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "median_hours"), 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "p90_hours"), 100, 1e-9);
  g_assert_cmpint (json_object_get_int_member (o, "within_target"), ==, 2);
  o = find (a, "code", "internet-falla");
  g_assert_cmpint (json_object_get_int_member (o, "resolved"), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (o, "median_hours"), ==, 0);

  /* the objects of fault reports, most first */
  a = json_object_get_array_member (s, "fault_objects");
  g_assert_cmpuint (json_array_get_length (a), ==, 3);
  o = json_array_get_object_element (a, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "device");
  g_assert_cmpint (json_object_get_int_member (o, "id"), ==, dev[0]);
  g_assert_cmpint (json_object_get_int_member (o, "count"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (o, "open"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "key"), !=, "?");
  o = json_array_get_object_element (a, 1);
  g_assert_cmpint (json_object_get_int_member (o, "count"), ==, 2);
  o = json_array_get_object_element (a, 2);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "cable");

  /* a period of February only: the January faults and their links drop out */
  {
    g_autoptr(GDateTime) f2 = at ("2026-02-01T00:00:00Z");
    g_autoptr(GDateTime) t2 = at ("2026-03-01T00:00:00Z");
    g_autoptr(JsonObject) s2 = enlace_case_stats (store, f2, t2, now, &error);

    g_assert_no_error (error);
    g_assert_cmpint (json_object_get_int_member (s2, "opened"), ==, 3 + 1);
    g_assert_cmpint (json_array_get_length (json_object_get_array_member (s2, "months")), ==, 1);
    g_assert_cmpint (json_array_get_length (json_object_get_array_member (s2, "fault_objects")), ==, 0);
    /* the 100-hour request was resolved on February 6 */
    o = find (json_object_get_array_member (s2, "resolution"), "code", "correo-alta");
    g_assert_cmpint (json_object_get_int_member (o, "resolved"), ==, 3);
    o = find (json_object_get_array_member (s2, "resolution"), "code", "correo-falla");
    g_assert_cmpint (json_object_get_int_member (o, "resolved"), ==, 0);
  }

  /* an empty period is refused and names the rule */
  g_assert_null (enlace_case_stats (store, to, from, now, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/cases/stats/percentiles", test_percentiles);
  g_test_add_func ("/model/cases/stats/periods", test_periods);
  g_test_add_func ("/model/cases/stats/built-cases", test_built_cases);
  return g_test_run ();
}
