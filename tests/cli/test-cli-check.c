/* test-cli-check.c: enlace-cli check on files changed behind Enlace's
 * back (issue 14): values out of range that add, set and the import
 * refuse, written with sqlite3, are each reported with the object's key
 * and the rule, in the text and in --json, with exit status 1; the demo
 * campus as generated has no finding. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "enlace-test-cli.h"

static char *dir;
static char *demo;   /* generated once, copied by each test */

typedef struct
{
  char *file;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  static guint n;

  f->file = g_strdup_printf ("%s/campus-%u.enlace", dir, ++n);
  g_assert_true (g_file_get_contents (demo, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (f->file, contents, len, NULL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->file, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->file, "-shm", NULL);

  g_unlink (f->file);
  g_unlink (wal);
  g_unlink (shm);
  g_free (f->file);
}

/* Changes the file as another program would. */
static void
sqlite_exec (const char *file,
             const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (file, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
  sqlite3_close (db);
}

static char *
sqlite_text (const char *file,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *ret;

  g_assert_cmpint (sqlite3_open (file, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  ret = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ret;
}

/* check reports exactly one problem holding each of the strings up to
 * NULL, in the text (exit 1) and in --json. */
static void
assert_problem (const char *file,
                ...)
{
  g_auto(EnlaceCliRun) text = { 0 };
  g_auto(EnlaceCliRun) json = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *o;
  JsonArray *problems;
  const char *problem;
  va_list ap;

  enlace_test_cli_run (&text, NULL, "check", file, NULL);
  g_test_message ("%s", text.out);
  g_assert_cmpint (text.status, ==, 1);
  g_assert_nonnull (strstr (text.out, "1 problem found."));

  enlace_test_cli_run (&json, NULL, "check", file, "--json", NULL);
  g_assert_cmpint (json.status, ==, 1);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_false (json_object_get_boolean_member (o, "ok"));
  problems = json_object_get_array_member (o, "problems");
  g_assert_cmpuint (json_array_get_length (problems), ==, 1);
  problem = json_array_get_string_element (problems, 0);

  va_start (ap, file);
  for (const char *s = va_arg (ap, const char *); s; s = va_arg (ap, const char *))
    {
      if (strstr (problem, s) == NULL)
        g_error ("“%s” is not in the problem “%s”", s, problem);
      g_assert_nonnull (strstr (text.out, s));
    }
  va_end (ap);
}

/* The demo campus as generated: nothing to report. */
static void
test_clean (Fixture       *f,
            gconstpointer  data)
{
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;

  enlace_test_cli_run (&r, NULL, "check", f->file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "No problems found"));
  g_assert_null (strstr (r.out, "Problem:"));

  enlace_test_cli_run (&r, NULL, "check", f->file, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (o, "ok"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "problems")), ==, 0);
}

/* A device placed above the top unit of its rack, and below unit 1. */
static void
test_rack_unit (Fixture       *f,
                gconstpointer  data)
{
  const char *pick = "(SELECT min(d.id) FROM device d JOIN device_type t ON t.id = d.device_type_id"
                     " WHERE d.rack_id IS NOT NULL AND t.u_height = 1)";
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  g_autofree char *rack = NULL;
  g_autofree char *high = NULL;

  name = sqlite_text (f->file, (sql = g_strdup_printf ("SELECT name FROM device WHERE id = %s", pick)));
  g_free (sql);
  rack = sqlite_text (f->file, (sql = g_strdup_printf ("SELECT r.name FROM device d JOIN rack r ON r.id = d.rack_id"
                                                        " WHERE d.id = %s", pick)));
  g_free (sql);
  high = sqlite_text (f->file, (sql = g_strdup_printf ("SELECT r.u_height + 3 FROM device d JOIN rack r ON r.id = d.rack_id"
                                                        " WHERE d.id = %s", pick)));
  g_free (sql);

  /* above the top: its own rule, and the rack's and the type's (they
   * would refuse a change that leaves it there) name it too */
  sql = g_strdup_printf ("UPDATE device SET u_position = %s WHERE id = %s", high, pick);
  sqlite_exec (f->file, sql);
  {
    g_auto(EnlaceCliRun) r = { 0 };
    g_autofree char *rule = g_strdup_printf ("Device “%s” does not fit in rack “%s”: unit %s exceeds its", name, rack, high);

    enlace_test_cli_run (&r, NULL, "check", f->file, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.out, rule));
    enlace_test_cli_run (&r, NULL, "check", f->file, "--json", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.out, rule));
  }

  g_free (sql);
  sql = g_strdup_printf ("UPDATE device SET u_position = 0 WHERE id = %s", pick);
  sqlite_exec (f->file, sql);
  {
    g_auto(EnlaceCliRun) r = { 0 };
    g_autofree char *rule = g_strdup_printf ("Device “%s” does not fit in rack “%s”: unit 0 is below unit 1", name, rack);

    enlace_test_cli_run (&r, NULL, "check", f->file, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.out, rule));
  }
}

/* A port mapping at a position beyond the count of its rear port (a
 * patch panel's rear of 12 positions), and at position 0. */
static void
test_port_position (Fixture       *f,
                    gconstpointer  data)
{
  const char *pick = "(SELECT min(m.id) FROM port_mapping m JOIN port r ON r.id = m.rear_port_id WHERE r.positions > 1)";
  g_autofree char *sql = NULL;
  g_autofree char *port = NULL;
  g_autofree char *device = NULL;
  g_autofree char *positions = NULL;
  g_autofree char *beyond = NULL;

  port = sqlite_text (f->file, (sql = g_strdup_printf ("SELECT r.name FROM port_mapping m JOIN port r ON r.id = m.rear_port_id"
                                                        " WHERE m.id = %s", pick)));
  g_free (sql);
  device = sqlite_text (f->file, (sql = g_strdup_printf ("SELECT d.name FROM port_mapping m JOIN device d ON d.id = m.device_id"
                                                          " WHERE m.id = %s", pick)));
  g_free (sql);
  positions = sqlite_text (f->file, (sql = g_strdup_printf ("SELECT r.positions FROM port_mapping m JOIN port r ON r.id = m.rear_port_id"
                                                             " WHERE m.id = %s", pick)));
  g_free (sql);
  beyond = g_strdup_printf ("%d", atoi (positions) + 1);

  /* the mapping's rule and the port's (it could not keep its positions) */
  sql = g_strdup_printf ("UPDATE port_mapping SET rear_pos = %s WHERE id = %s", beyond, pick);
  sqlite_exec (f->file, sql);
  {
    g_auto(EnlaceCliRun) r = { 0 };
    g_autofree char *rule = g_strdup_printf ("Port “%s” of “%s” has positions 1–%s: position %s does not exist",
                                             port, device, positions, beyond);
    g_autofree char *port_rule = g_strdup_printf ("Port “%s” of “%s” cannot have %s positions: a mapping uses position %s",
                                                  port, device, positions, beyond);

    enlace_test_cli_run (&r, NULL, "check", f->file, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.out, rule));
    g_assert_nonnull (strstr (r.out, port_rule));
    enlace_test_cli_run (&r, NULL, "check", f->file, "--json", NULL);
    g_assert_nonnull (strstr (r.out, rule));
  }

  g_free (sql);
  sql = g_strdup_printf ("UPDATE port_mapping SET rear_pos = 0 WHERE id = %s", pick);
  sqlite_exec (f->file, sql);
  {
    g_autofree char *rule = g_strdup_printf ("Port “%s” of “%s” has positions 1–%s: position 0 does not exist",
                                             port, device, positions);

    assert_problem (f->file, rule, NULL);
  }
}

/* A device and a rack more than 100 km from the floor's origin; a number
 * that is not finite; text in a number. */
static void
test_coordinates (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *device = sqlite_text (f->file, "SELECT name FROM device WHERE id = (SELECT min(id) FROM device)");
  g_autofree char *rack = sqlite_text (f->file, "SELECT name FROM rack WHERE id = (SELECT min(id) FROM rack)");
  g_autofree char *in_device = g_strdup_printf ("Device “%s”: Position X (m) 1e+09 is out of range: "
                                                "a position on a floor is at most 100000 m from its origin", device);
  g_autofree char *in_rack = g_strdup_printf ("Rack “%s”: Position Y (m) -200000 is out of range: "
                                              "a position on a floor is at most 100000 m from its origin", rack);
  g_autofree char *infinite = g_strdup_printf ("Device “%s”: Position X (m) inf is out of range: a number must be finite",
                                               device);
  g_autofree char *text = g_strdup_printf ("Device “%s”: “far” is not a valid value for Position X (m)", device);

  sqlite_exec (f->file, "UPDATE device SET x = 1e9 WHERE id = (SELECT min(id) FROM device)");
  assert_problem (f->file, in_device, NULL);
  sqlite_exec (f->file, "UPDATE device SET x = 1 WHERE id = (SELECT min(id) FROM device);"
                        "UPDATE rack SET y = -2e5 WHERE id = (SELECT min(id) FROM rack)");
  assert_problem (f->file, in_rack, NULL);
  sqlite_exec (f->file, "UPDATE rack SET y = 1 WHERE id = (SELECT min(id) FROM rack);"
                        "UPDATE device SET x = 9e999 WHERE id = (SELECT min(id) FROM device)");
  assert_problem (f->file, infinite, NULL);
  sqlite_exec (f->file, "UPDATE device SET x = 'far' WHERE id = (SELECT min(id) FROM device)");
  assert_problem (f->file, text, NULL);
}

/* A floor's plan whose origin lies 150 km away: named by its floor. */
static void
test_plan_origin (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *floor = sqlite_text (f->file, "SELECT b.code || '/' || f.level FROM floor f JOIN building b ON b.id = f.building_id"
                                                 " WHERE f.id = (SELECT min(id) FROM floor)");
  g_autofree char *rule = g_strdup_printf ("Floor plan “%s”: Origin X (m) 150000 is out of range: "
                                           "a position on a floor is at most 100000 m from its origin", floor);

  sqlite_exec (f->file, "INSERT INTO floor_plan (floor_id, scale, origin_x, origin_y)"
                        " VALUES ((SELECT min(id) FROM floor), 0.01, 150000, 0)");
  assert_problem (f->file, rule, NULL);
}

/* A point of an outline, of a wall and of a pathway beyond 100 km. */
static void
test_points (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *space = sqlite_text (f->file, "SELECT b.code || '/' || fl.level || '/' || s.code FROM space s"
                                                 " JOIN floor fl ON fl.id = s.floor_id JOIN building b ON b.id = fl.building_id"
                                                 " WHERE s.id = (SELECT min(id) FROM space WHERE outline IS NOT NULL)");
  g_autofree char *in_space = g_strdup_printf ("Space “%s”: Outline: point 3: a position on a floor is at most 100000 m from its origin",
                                               space);
  g_autofree char *wall = sqlite_text (f->file, "SELECT min(id) FROM wall");
  g_autofree char *in_wall = g_strdup_printf ("Wall “#%s”: Points: point 2: a position on a floor is at most 100000 m from its origin",
                                              wall);
  g_autofree char *pathway = sqlite_text (f->file, "SELECT min(id) FROM pathway");
  g_autofree char *in_pathway = g_strdup_printf ("Pathway “#%s”: Points: point 1: a position on a floor is at most 100000 m from its origin",
                                                 pathway);

  sqlite_exec (f->file, "UPDATE space SET outline = '[[0,0],[4,0],[4,300000],[0,3]]'"
                        " WHERE id = (SELECT min(id) FROM space WHERE outline IS NOT NULL)");
  assert_problem (f->file, in_space, NULL);
  sqlite_exec (f->file, "UPDATE space SET outline = '[[0,0],[4,0],[4,3],[0,3]]'"
                        " WHERE id = (SELECT min(id) FROM space WHERE outline IS NOT NULL);"
                        "UPDATE wall SET points = '[[0,0],[-1e6,0]]' WHERE id = (SELECT min(id) FROM wall)");
  assert_problem (f->file, in_wall, NULL);
  sqlite_exec (f->file, "UPDATE wall SET points = '[[0,0],[1,0]]' WHERE id = (SELECT min(id) FROM wall);"
                        "UPDATE pathway SET points = '[[0,2e5],[1,0]]' WHERE id = (SELECT min(id) FROM pathway)");
  assert_problem (f->file, in_pathway, NULL);
}

/* A cable 1,000,000 km long, and one of -4 m (the schema's CHECK
 * ignored): the file is reported damaged, and the cable named. */
static void
test_cable_length (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cable = sqlite_text (f->file, "SELECT label FROM cable WHERE id = (SELECT min(id) FROM cable)");
  g_autofree char *absurd = g_strdup_printf ("Cable “%s”: a length of 1e+09 m is more than the 100000 m a cable of a campus can have",
                                             cable);
  g_autofree char *negative = g_strdup_printf ("Cable “%s”: the length cannot be negative", cable);
  g_auto(EnlaceCliRun) r = { 0 };

  sqlite_exec (f->file, "UPDATE cable SET length_m = 1e9 WHERE id = (SELECT min(id) FROM cable)");
  assert_problem (f->file, absurd, NULL);

  sqlite_exec (f->file, "PRAGMA ignore_check_constraints = ON;"
                        "UPDATE cable SET length_m = -4 WHERE id = (SELECT min(id) FROM cable)");
  enlace_test_cli_run (&r, NULL, "check", f->file, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "is damaged (integrity check: CHECK constraint failed in cable)"));
  g_assert_nonnull (strstr (r.out, negative));
  g_assert_nonnull (strstr (r.out, "2 problems found."));

  /* and add refuses the absurd length as check reports it */
  enlace_test_cli_run (&r, NULL, "set", f->file, "cable", cable, "length_m=1e9", NULL);
  g_assert_cmpint (r.status, ==, 1);
}

/* A choice that is not one (the schema's CHECK ignored). */
static void
test_choice (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *device = sqlite_text (f->file, "SELECT name FROM device WHERE id = (SELECT min(id) FROM device)");
  g_autofree char *rule = g_strdup_printf ("Device “%s”: Role “router-ish” is not one of: switch, router,", device);
  g_auto(EnlaceCliRun) r = { 0 };

  sqlite_exec (f->file, "PRAGMA ignore_check_constraints = ON;"
                        "UPDATE device SET role = 'router-ish' WHERE id = (SELECT min(id) FROM device)");
  enlace_test_cli_run (&r, NULL, "check", f->file, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, rule));
}

/* In Spanish: the rule in the user's words. */
static void
test_spanish (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *device = sqlite_text (f->file, "SELECT name FROM device WHERE id = (SELECT min(id) FROM device)");
  g_autofree char *cable = sqlite_text (f->file, "SELECT label FROM cable WHERE id = (SELECT min(id) FROM cable)");
  g_autofree char *in_device = g_strdup_printf ("Equipo «%s»:", device);
  g_autofree char *in_cable = g_strdup_printf ("Cable «%s»:", cable);
  g_auto(EnlaceCliRun) r = { 0 };

  sqlite_exec (f->file, "UPDATE device SET x = 1e9 WHERE id = (SELECT min(id) FROM device);"
                        "UPDATE cable SET length_m = 1e9 WHERE id = (SELECT min(id) FROM cable)");
  g_setenv ("LANGUAGE", "es", TRUE);
  enlace_test_cli_run (&r, NULL, "check", f->file, NULL);
  g_unsetenv ("LANGUAGE");
  g_test_message ("%s", r.out);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, in_device));
  g_assert_nonnull (strstr (r.out, "100000 m"));
  g_assert_nonnull (strstr (r.out, in_cable));
  g_assert_nonnull (strstr (r.out, "2 problemas"));
  g_assert_null (strstr (r.out, "is out of range"));
  g_assert_null (strstr (r.out, "a cable of a campus"));
}

int
main (int    argc,
      char **argv)
{
  g_auto(EnlaceCliRun) r = { 0 };
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("ENLACE_CLI") == NULL)
    {
      g_test_skip ("ENLACE_CLI is not set");
      return 77;
    }
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");

  dir = enlace_test_cli_make_dir ("enlace-cli-check-XXXXXX");
  demo = g_build_filename (dir, "demo.enlace", NULL);
  enlace_test_cli_run (&r, dir, "generate", demo, "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);

#define ADD(path, func) g_test_add ("/cli/check/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("clean-demo", test_clean);
  ADD ("rack-unit", test_rack_unit);
  ADD ("port-position", test_port_position);
  ADD ("coordinates", test_coordinates);
  ADD ("plan-origin", test_plan_origin);
  ADD ("points", test_points);
  ADD ("cable-length", test_cable_length);
  ADD ("choice", test_choice);
  ADD ("spanish", test_spanish);
  ret = g_test_run ();

  enlace_test_cli_remove_dir (dir);
  g_free (demo);
  g_free (dir);
  return ret;
}
