/* test-cli-stats.c: enlace-cli stats FILE --cases, run as a program, on
 * cases built with known dates.  ENLACE_CLI names the built enlace-cli. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "enlace-test-cli.h"

static char *tmp_dir;

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static JsonObject *
find (JsonArray  *a,
      const char *code)
{
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);

      if (g_strcmp0 (json_object_get_string_member (o, "code"), code) == 0)
        return o;
    }
  return NULL;
}

static void
test_cases_stats (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "stats.enlace", NULL);
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  JsonObject *s, *o;
  JsonArray *a;
  static const char * const jan[] = { "2026-01-05T08:00:00Z", "2026-01-20T08:00:00Z", "2026-02-03T08:00:00Z" };

  g_unlink (db);
  enlace_test_cli_run (&r, tmp_dir, "new", db, NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "add", db, "area", "code=RH", "name=Recursos Humanos", NULL);
  g_assert_cmpint (r.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (jan); i++)
    {
      enlace_test_cli_run (&r, tmp_dir, "case", "new", db, i < 2 ? "correo-falla" : "correo-alta",
                           "--new-requester", "Jorge García", "--area", "RH", "--opened-at", jan[i], NULL);
      g_assert_cmpint (r.status, ==, 0);
    }
  /* two open cases of known ages: 2 hours and 5 days */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (now, i == 0 ? -2 : -5 * 24);
      g_autofree char *iso = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");

      enlace_test_cli_run (&r, tmp_dir, "case", "new", db, "internet-falla", "--opened-at", iso, NULL);
      g_assert_cmpint (r.status, ==, 0);
    }

  enlace_test_cli_run (&r, tmp_dir, "stats", db, "--cases", "--from", "2026-01-01", "--to", "2026-03-01", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  node = parse (r.out);
  s = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (s, "from"), ==, "2026-01-01T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (s, "to"), ==, "2026-03-01T00:00:00Z");
  g_assert_cmpint (json_object_get_int_member (s, "opened"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (s, "open_now"), ==, 5);
  a = json_object_get_array_member (s, "by_procedure");
  o = find (a, "correo-falla");
  g_assert_cmpint (json_object_get_int_member (o, "count"), ==, 2);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (o, "months"), 0), ==, 2);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (o, "months"), 1), ==, 0);
  o = find (a, "correo-alta");
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (o, "months"), 1), ==, 1);
  a = json_object_get_array_member (s, "by_area");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 0), "name"), ==,
                   "Recursos Humanos");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (a, 0), "count"), ==, 3);
  /* ages: 2 h, 5 d and the three old ones */
  a = json_object_get_array_member (s, "open_by_age");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (a, 0), "count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (a, 2), "count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (a, 4), "count"), ==, 3);

  /* the text form names the sections and the figures */
  enlace_test_cli_run (&r, tmp_dir, "stats", db, "--cases", "--from", "2026-01-01", "--to", "2026-03-01", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Recursos Humanos"));
  g_assert_nonnull (strstr (r.out, "2026-02"));
  g_assert_nonnull (strstr (r.out, "Time to resolve"));

  /* a named period */
  enlace_test_cli_run (&r, tmp_dir, "stats", db, "--cases", "--period", "this-month", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"months\""));

  /* refusals: bad dates, an empty period, an unknown period, no file */
  enlace_test_cli_run (&r, tmp_dir, "stats", db, "--cases", "--from", "yesterday", NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, tmp_dir, "stats", db, "--cases", "--from", "2026-03-01", "--to", "2026-01-01", NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, tmp_dir, "stats", db, "--cases", "--period", "next-year", NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, tmp_dir, "stats", "missing.enlace", "--cases", NULL);
  g_assert_cmpint (r.status, ==, 1);
  /* without --cases, stats counts the objects as before */
  enlace_test_cli_run (&r, tmp_dir, "stats", db, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"paths\""));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = enlace_test_cli_make_dir ("enlace-test-cli-stats");
  g_test_add_func ("/cli/stats/cases", test_cases_stats);
  status = g_test_run ();
  enlace_test_cli_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
