/* test-design.c: placing outlets by rule, routing runs on the pathway
 * graph, assigning patch-panel ports (model/design) */
#include "config.h"

#include <math.h>
#include <string.h>

#include "enlace-design.h"
#include "enlace-install.h"
#include "enlace-orders.h"
#include "enlace-plan.h"
#include "enlace-rules.h"
#include "enlace-store-private.h"

static JsonObject *
obj (const char *first,
     ...)
{
  JsonObject *o = json_object_new ();
  va_list args;

  va_start (args, first);
  for (const char *k = first; k; k = va_arg (args, const char *))
    json_object_set_string_member (o, k, va_arg (args, const char *));
  va_end (args);
  return o;
}

static gint64
add (EnlaceStore *store,
     const char  *kind,
     JsonObject  *values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = values;
  gint64 id = enlace_store_create (store, kind, v, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
count (EnlaceStore *store,
       const char  *sql)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* ------------------------------------------------------------ graph */

/*
 * A ladder on floor 1: trays H1 (0,0)–(40,0) and H2 (0,10)–(40,10), rungs
 * V1 at x = 5 and V2 at x = 35; an isolated tray far away; a riser at
 * (1, 1) to floor 2 (3.5 m), where a tray runs (0,0)–(20,0).
 */
static EnlaceRouteGraph *
ladder (void)
{
  EnlaceRouteGraph *g = enlace_route_graph_new ();
  EnlacePoint h1[] = { { 0, 0 }, { 40, 0 } };
  EnlacePoint h2[] = { { 0, 10 }, { 40, 10 } };
  EnlacePoint v1[] = { { 5, 0 }, { 5, 10 } };
  EnlacePoint v2[] = { { 35, 0 }, { 35, 10 } };
  EnlacePoint far[] = { { 100, 100 }, { 110, 100 } };
  EnlacePoint up[] = { { 0, 0 }, { 20, 0 } };

  enlace_route_graph_add_pathway (g, 1, h1, 2, 2.8);
  enlace_route_graph_add_pathway (g, 1, h2, 2, 3.0);
  enlace_route_graph_add_pathway (g, 1, v1, 2, 2.8);
  enlace_route_graph_add_pathway (g, 1, v2, 2, 2.8);
  enlace_route_graph_add_pathway (g, 1, far, 2, 2.8);
  enlace_route_graph_add_pathway (g, 2, up, 2, 2.6);
  enlace_route_graph_add_riser (g, 1, (EnlacePoint) { 1, 1 }, 2, 3.5);
  enlace_route_graph_finish (g);
  return g;
}

static void
test_graph_shortest (void)
{
  g_autoptr(EnlaceRouteGraph) g = ladder ();
  g_autoptr(EnlaceRouteTree) t = enlace_route_graph_tree (g, 1, (EnlacePoint) { 0, -1 });
  EnlaceRoutePath path;
  EnlaceDesignPoint *pts;

  g_assert_nonnull (t);

  /* Through the near rung: 5 + 10 + 25 = 40 (the far rung gives 50). */
  g_assert_true (enlace_route_tree_path (t, 1, (EnlacePoint) { 30, 11 }, &path));
  g_assert_cmpfloat_with_epsilon (path.along_m, 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (path.access_m, 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (path.height_to, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (path.height_from, 2.8, 1e-9);
  pts = (EnlaceDesignPoint *)path.points->data;
  g_assert_cmpfloat (pts[0].p.x, ==, 30);     /* starts at the outlet */
  g_assert_cmpfloat (pts[path.points->len - 1].p.y, ==, -1); /* ends at the rack */
  {
    gboolean via_near_rung = FALSE;

    for (guint i = 0; i < path.points->len; i++)
      if (pts[i].p.x == 5 && pts[i].p.y == 10)
        via_near_rung = TRUE;
    g_assert_true (via_near_rung);
  }
  enlace_route_path_clear (&path);

  /* Along the source's own tray: straight. */
  g_assert_true (enlace_route_tree_path (t, 1, (EnlacePoint) { 20, -2 }, &path));
  g_assert_cmpfloat_with_epsilon (path.along_m, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (path.access_m, 3, 1e-9);
  enlace_route_path_clear (&path);

  /* Up the riser: 1 across, 1 + 3.5 + 1 up, 14 along floor 2. */
  g_assert_true (enlace_route_tree_path (t, 2, (EnlacePoint) { 15, 1 }, &path));
  g_assert_cmpfloat_with_epsilon (path.along_m, 20.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (path.height_to, 2.6, 1e-9);
  pts = (EnlaceDesignPoint *)path.points->data;
  g_assert_cmpint (pts[0].floor_id, ==, 2);
  g_assert_cmpint (pts[path.points->len - 1].floor_id, ==, 1);
  enlace_route_path_clear (&path);

  /* The isolated tray is not reached; a floor with no pathway neither. */
  g_assert_false (enlace_route_tree_path (t, 1, (EnlacePoint) { 105, 101 }, &path));
  g_assert_false (enlace_route_tree_path (t, 3, (EnlacePoint) { 0, 0 }, &path));
  g_assert_null (enlace_route_graph_tree (g, 3, (EnlacePoint) { 0, 0 }));
}

/* A grid of 20 × 20 trays 5 m apart: the shortest way between opposite
 * corners is the Manhattan distance. */
static void
test_graph_grid (void)
{
  g_autoptr(EnlaceRouteGraph) g = enlace_route_graph_new ();
  g_autoptr(EnlaceRouteTree) t = NULL;
  EnlaceRoutePath path;

  for (int i = 0; i < 20; i++)
    {
      EnlacePoint row[] = { { 0, i * 5.0 }, { 95, i * 5.0 } };
      EnlacePoint col[] = { { i * 5.0, 0 }, { i * 5.0, 95 } };

      enlace_route_graph_add_pathway (g, 7, row, 2, 2.7);
      enlace_route_graph_add_pathway (g, 7, col, 2, 2.7);
    }
  enlace_route_graph_finish (g);
  t = enlace_route_graph_tree (g, 7, (EnlacePoint) { 0, 0 });
  g_assert_true (enlace_route_tree_path (t, 7, (EnlacePoint) { 95, 95 }, &path));
  g_assert_cmpfloat_with_epsilon (path.along_m, 190, 1e-6);
  enlace_route_path_clear (&path);
  g_assert_true (enlace_route_tree_path (t, 7, (EnlacePoint) { 47.5, 21 }, &path));
  g_assert_cmpfloat_with_epsilon (path.along_m, 47.5 + 20, 1e-6);
  g_assert_cmpfloat_with_epsilon (path.access_m, 1, 1e-6);
  enlace_route_path_clear (&path);
}

/* ---------------------------------------------------------- fixture */

/*
 * Floor B/1, 40 × 16 m: telecom room 1A (0..4 × 0..6) with rack R1 at
 * (2, 2), rooms 101 (10 × 6 = 60 m², office) and 102 (20 × 6, classroom)
 * south of a corridor (y 6..10, kind other), a tray along y = 8 at 2.8 m
 * from x = 1 to 39 and a spur from (2, 8) to the rack.
 */
static EnlaceStore *
fixture (gint64 *floor_id)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  add (store, "site", obj ("code", "UNI", "name", "Campus", NULL));
  add (store, "building", obj ("site_id", "UNI", "code", "B", "name", "Edificio B", NULL));
  *floor_id = add (store, "floor", obj ("building_id", "B", "level", "1", "name", "Primer piso", NULL));
  add (store, "space", obj ("floor_id", "B/1", "code", "1A", "name", "Telecom", "kind", "telecom-room",
                            "outline", "[[0,0],[4,0],[4,6],[0,6]]", NULL));
  add (store, "space", obj ("floor_id", "B/1", "code", "101", "name", "Oficina", "kind", "office",
                            "outline", "[[10,0],[20,0],[20,6],[10,6]]", NULL));
  add (store, "space", obj ("floor_id", "B/1", "code", "102", "name", "Aula", "kind", "classroom",
                            "outline", "[[20,0],[40,0],[40,6],[20,6]]", NULL));
  add (store, "space", obj ("floor_id", "B/1", "code", "1PAS", "name", "Pasillo", "kind", "other",
                            "outline", "[[0,6],[40,6],[40,10],[0,10]]", NULL));
  add (store, "pathway", obj ("floor_id", "B/1", "name", "Charola", "kind", "tray",
                              "points", "[[1,8],[39,8]]", "height", "2.8", NULL));
  add (store, "pathway", obj ("floor_id", "B/1", "name", "Derivación", "kind", "tray",
                              "points", "[[2,8],[2,2]]", "height", "2.8", NULL));
  add (store, "rack", obj ("space_id", "B/1/1A", "name", "R1", "x", "2", "y", "2", NULL));
  return store;
}

static gint64
space_id (EnlaceStore *store,
          const char  *key)
{
  return enlace_store_lookup (store, "space", key, NULL);
}

/* ------------------------------------------------------------ place */

static void
test_place_rule (void)
{
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) north = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_auto(GStrv) kinds = g_strsplit ("classroom", ",", -1);
  EnlaceDesignRule rule;
  EnlacePoint room101[] = { { 10, 0 }, { 20, 0 }, { 20, 6 }, { 10, 6 } };
  gint64 r101 = space_id (store, "B/1/101");

  /* One workstation per 10 m², one outlet each: 6 in 101, 12 in 102; the
   * telecom room and the corridor get none. */
  enlace_design_rule_init (&rule);
  all = enlace_design_place_preview (store, floor_id, NULL, 0, &rule, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 18);
  for (guint i = 0; i < all->len; i++)
    {
      EnlaceDesignOutlet *o = g_ptr_array_index (all, i);
      g_autofree char *name = g_strdup_printf ("B-1A-%03u", i + 1);

      g_assert_cmpstr (o->name, ==, name);
      g_assert_cmpuint (o->n_data, ==, 2);
      g_assert_cmpuint (o->n_voice, ==, 0);
      g_assert_cmpint (o->outlet_id, ==, 0);
      g_assert_cmpstr (o->space_code, ==, i < 6 ? "101" : "102");
      if (i < 6)
        g_assert_true (enlace_polygon_contains (room101, 4, o->p));
    }
  g_assert_cmpint (count (store, "SELECT count(*) FROM device"), ==, 0);  /* a preview writes nothing */

  /* Only the north wall (y = 0 on the plan) of 101, three per
   * workstation, a data and a voice jack: facing south (90°). */
  rule.walls = enlace_design_walls_parse ("north", &error);
  g_assert_no_error (error);
  rule.outlets_per_workstation = 3;
  rule.n_data = 1;
  rule.n_voice = 1;
  north = enlace_design_place_preview (store, floor_id, &r101, 1, &rule, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (north->len, ==, 18);
  for (guint i = 0; i < north->len; i++)
    {
      EnlaceDesignOutlet *o = g_ptr_array_index (north, i);

      g_assert_cmpfloat_with_epsilon (o->p.y, 0.05, 1e-9);
      g_assert_cmpfloat (o->p.x, >=, 10.3);
      g_assert_cmpfloat (o->p.x, <=, 19.7);
      g_assert_cmpfloat (o->rotation, ==, 90);
    }

  /* A rule for classrooms only leaves the office out. */
  enlace_design_rule_init (&rule);
  rule.kinds = kinds;
  none = enlace_design_place_preview (store, floor_id, NULL, 0, &rule, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 12);

  /* Bad rules change nothing and say why. */
  enlace_design_rule_init (&rule);
  rule.n_data = 0;
  g_assert_null (enlace_design_place_preview (store, floor_id, NULL, 0, &rule, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (enlace_design_walls_parse ("up", &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
}

static void
test_place_undo (void)
{
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = NULL;
  EnlaceDesignRule rule;
  gint64 commands;

  enlace_design_rule_init (&rule);
  rule.n_voice = 1;
  outlets = enlace_design_place_preview (store, floor_id, NULL, 0, &rule, &error);
  g_assert_no_error (error);
  commands = count (store, "SELECT count(*) FROM command");
  g_assert_true (enlace_design_place_apply (store, outlets, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM command"), ==, commands + 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device WHERE role = 'outlet' AND status = 'planned'"), ==, 18);
  g_assert_cmpint (count (store, "SELECT count(*) FROM port WHERE kind = 'front'"), ==, 18 * 3);
  for (guint i = 0; i < outlets->len; i++)
    g_assert_cmpint (((EnlaceDesignOutlet *) g_ptr_array_index (outlets, i))->outlet_id, >, 0);

  /* One undo takes all of them away. */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM port"), ==, 0);
}

/* The outlets the design makes have a device type: a faceplate of their
 * jacks, made once and reused, taken back with the outlets by one undo. */
static void
test_place_type (void)
{
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GPtrArray) more = NULL;
  EnlaceDesignRule rule;
  gint64 r101 = space_id (store, "B/1/101");

  enlace_design_rule_init (&rule);
  rule.n_voice = 1;
  outlets = enlace_design_place_preview (store, floor_id, NULL, 0, &rule, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_design_place_apply (store, outlets, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device WHERE role = 'outlet' AND device_type_id IS NULL"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT device_type_id) FROM device WHERE role = 'outlet'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device_type WHERE role = 'outlet' AND u_height = 0"), ==, 1);
  /* two data jacks and a voice jack, front and rear, mapped */
  g_assert_cmpint (count (store, "SELECT count(*) FROM port_template WHERE kind = 'front' AND medium = 'copper'"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM port_template WHERE kind = 'front' AND medium = 'voice'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM port_template WHERE kind = 'rear'"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM mapping_template"), ==, 3);

  /* the same jacks again: the same type */
  rule.outlets_per_workstation = 1;
  rule.min_outlets = 1;
  more = enlace_design_place_preview (store, floor_id, &r101, 1, &rule, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_design_place_apply (store, more, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device_type"), ==, 1);

  /* other jacks: another type */
  g_assert_cmpint (enlace_plan_add_outlet_in_space (store, r101, NULL, 1, 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device_type WHERE role = 'outlet'"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device WHERE device_type_id IS NULL"), ==, 0);

  /* undo takes the types back with the outlets */
  for (int i = 0; i < 3; i++)
    g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device_type"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device"), ==, 0);
}

/* A designed floor becomes an installation order: every planned outlet,
 * panel and run a change, the design leaves the plant; executed, the
 * order makes them again, installed, with their types and lengths. */
static void
test_order_from_design (void)
{
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonObject) cable = NULL;
  EnlaceDesignRule rule;
  EnlaceDesignOptions opts;
  gint64 planned_devices, planned_cables, ports, case_id;
  guint n = 0;

  enlace_design_rule_init (&rule);
  outlets = enlace_design_place_preview (store, floor_id, NULL, 0, &rule, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_design_options_load (store, &opts, &error));
  g_assert_true (enlace_design_apply (store, outlets, &opts, NULL, &error));
  g_assert_no_error (error);
  planned_devices = count (store, "SELECT count(*) FROM device WHERE status = 'planned'");
  planned_cables = count (store, "SELECT count(*) FROM cable WHERE status = 'planned'");
  ports = count (store, "SELECT count(*) FROM port");
  g_assert_cmpint (planned_devices, ==, 18 + 2);   /* 18 outlets, 2 panels for 36 runs */
  g_assert_cmpint (planned_cables, ==, 36);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device WHERE device_type_id IS NULL"), ==, 0);

  case_id = enlace_install_floor_order (store, "B", "1", NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_id, >, 0);
  g_assert_cmpuint (n, ==, planned_devices + planned_cables);
  changes = enlace_order_changes (store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, n);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM cable"), ==, 0);

  g_assert_true (enlace_order_execute (store, case_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device WHERE device_type_id IS NULL"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device WHERE role = 'outlet'"), ==, 18);
  g_assert_cmpint (count (store, "SELECT count(*) FROM port"), ==, ports);
  g_assert_cmpint (count (store, "SELECT count(*) FROM cable WHERE status = 'installed'"), ==, 36);
  cable = enlace_store_get (store, "cable", count (store, "SELECT id FROM cable ORDER BY label LIMIT 1"), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (json_object_get_double_member (cable, "length_m"), >, 0);

  /* undo, twice: the design is back, planned */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM cable WHERE status = 'planned'"), ==, 36);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device WHERE status = 'planned'"), ==, planned_devices);
}

/* ------------------------------------------------------------ route */

static void
test_route_length (void)
{
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = g_ptr_array_new_with_free_func ((GDestroyNotify)enlace_design_outlet_free);
  g_autoptr(GPtrArray) runs = NULL;
  EnlaceDesignOutlet *o = g_new0 (EnlaceDesignOutlet, 1);
  EnlaceDesignOptions opts;
  EnlaceDesignRun *run;

  /* An outlet at (30, 0.05) in 102, 0.3 m high: 7.95 across to the tray,
   * 28 along it, 6 down the spur to the rack; up 2.5 and down 0.8;
   * slack 3 + 0.3.  70.3 … rounded up to the decimetre: 48.6 m. */
  o->floor_id = floor_id;
  o->space_id = space_id (store, "B/1/102");
  o->space_code = g_strdup ("102");
  o->name = g_strdup ("X");
  o->p = (EnlacePoint) { 30, 0.05 };
  o->n_data = 1;
  o->height = 0.3;
  g_ptr_array_add (outlets, o);
  enlace_design_options_init (&opts);
  runs = enlace_design_route (store, outlets, &opts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  run = g_ptr_array_index (runs, 0);
  g_assert_cmpint (run->room_id, ==, space_id (store, "B/1/1A"));
  g_assert_cmpstr (run->rack_name, ==, "R1");
  g_assert_cmpfloat_with_epsilon (run->route_m, 7.95 + 28 + 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (run->vertical_m, 2.5 + 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (run->slack_m, 3.3, 1e-9);
  g_assert_cmpfloat_with_epsilon (run->length_m, 48.6, 1e-9);
  g_assert_false (run->over_limit);

  /* An institution that allows 40 m sees it beyond the limit. */
  opts.max_length = 40;
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = enlace_design_route (store, outlets, &opts, &error);
  g_assert_true (((EnlaceDesignRun *) g_ptr_array_index (runs, 0))->over_limit);

  /* A room that is not a telecom room cannot serve. */
  opts.room_id = space_id (store, "B/1/101");
  g_clear_pointer (&runs, g_ptr_array_unref);
  g_assert_null (enlace_design_route (store, outlets, &opts, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
}

/* The nearest reachable room: a second telecom room at the east end,
 * whose rack no pathway reaches on another floor, is not chosen for what
 * it cannot reach; one on the same tray is, for the outlets near it. */
static void
test_route_nearest (void)
{
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  EnlaceDesignRule rule;
  gint64 east;

  east = add (store, "space", obj ("floor_id", "B/1", "code", "1B", "name", "Telecom este", "kind", "telecom-room",
                                   "outline", "[[40,0],[44,0],[44,6],[40,6]]", NULL));
  add (store, "rack", obj ("space_id", "B/1/1B", "name", "R2", "x", "42", "y", "2", NULL));
  add (store, "pathway", obj ("floor_id", "B/1", "name", "Derivación este", "kind", "tray",
                              "points", "[[39,8],[42,8],[42,2]]", "height", "2.8", NULL));
  enlace_design_rule_init (&rule);
  outlets = enlace_design_place_preview (store, floor_id, NULL, 0, &rule, &error);
  g_assert_no_error (error);
  runs = enlace_design_route (store, outlets, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < runs->len; i++)
    {
      EnlaceDesignRun *run = g_ptr_array_index (runs, i);
      gint64 expected = run->outlet->p.x < 21 ? space_id (store, "B/1/1A") : run->outlet->p.x > 23 ? east : 0;

      if (expected != 0)
        g_assert_cmpint (run->room_id, ==, expected);
    }
}

static void
test_route_ports_overflow (void)
{
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  EnlaceDesignRule rule;
  EnlaceDesignOptions opts;
  gint64 commands;
  sqlite3_stmt *stmt;

  /* A 12-port panel already in the rack (u 40) with its first port taken
   * by someone else's cable; 18 outlets of 2 jacks = 36 jacks: the 11
   * free ports, then new 24-port panels (two) below. */
  add (store, "device", obj ("name", "PP-OLD", "role", "patch-panel", "rack_id", "R1", "u_position", "40",
                             "face", "front", NULL));
  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *f = g_strdup_printf ("%u", i);
      g_autofree char *r = g_strdup_printf ("R%u", i);

      add (store, "port", obj ("device_id", "PP-OLD", "kind", "front", "name", f, NULL));
      add (store, "port", obj ("device_id", "PP-OLD", "kind", "rear", "name", r, NULL));
    }
  add (store, "device", obj ("name", "X", "role", "other", "space_id", "B/1/1A", NULL));
  add (store, "port", obj ("device_id", "X", "kind", "interface", "name", "eth0", NULL));
  {
    EnlaceTerm a, b;
    g_autoptr(JsonObject) cable = obj ("kind", "other", NULL);

    g_assert_true (enlace_store_lookup_term (store, "PP-OLD:R1", &a, &error));
    g_assert_true (enlace_store_lookup_term (store, "X:eth0", &b, &error));
    g_assert_cmpint (enlace_store_connect (store, &a, 1, &b, 1, cable, &error), >, 0);
  }

  enlace_design_rule_init (&rule);
  enlace_design_options_init (&opts);
  outlets = enlace_design_place_preview (store, floor_id, NULL, 0, &rule, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outlets->len, ==, 18);
  commands = count (store, "SELECT count(*) FROM command");
  g_assert_true (enlace_design_apply (store, outlets, &opts, &runs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM command"), ==, commands + 1);
  g_assert_cmpuint (runs->len, ==, 18);

  g_assert_cmpint (count (store, "SELECT count(*) FROM cable WHERE kind = 'horizontal' AND status = 'planned' "
                                 "AND type = 'cat6a' AND length_m > 0"), ==, 36);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device WHERE role = 'patch-panel'"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device WHERE role = 'patch-panel' AND status = 'planned' "
                                 "AND u_position IN (42, 41)"), ==, 2);
  /* 11 + 24 + 1 ports used. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM cable_end ce JOIN port p ON p.id = ce.port_id "
                                 "JOIN device d ON d.id = p.device_id WHERE d.name = 'R1-PP01'"), ==, 24);
  g_assert_cmpint (count (store, "SELECT count(*) FROM cable_end ce JOIN port p ON p.id = ce.port_id "
                                 "JOIN device d ON d.id = p.device_id WHERE d.name = 'R1-PP02'"), ==, 1);

  /* In the order of the spaces: the first outlet of 101 takes the old
   * panel's first free port, R2; the last outlet of 102 the new panel. */
  stmt = enlace_store_prepare (store,
                               "SELECT d.name || ':' || p.name FROM cable c "
                               "JOIN cable_end e ON e.cable_id = c.id JOIN port p ON p.id = e.port_id "
                               "JOIN device d ON d.id = p.device_id WHERE c.label = ?1 AND d.role = 'patch-panel'",
                               NULL);
  sqlite3_bind_text (stmt, 1, "B-1A-001-D1", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "PP-OLD:R2");
  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, "B-1A-018-D2", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "R1-PP02:R1");
  sqlite3_reset (stmt);

  /* The stored length is the run's. */
  {
    EnlaceDesignRun *first = NULL;
    g_autofree char *sql = NULL;

    for (guint i = 0; i < runs->len; i++)
      if (g_strcmp0 (((EnlaceDesignRun *) g_ptr_array_index (runs, i))->outlet->name, "B-1A-001") == 0)
        first = g_ptr_array_index (runs, i);
    g_assert_nonnull (first);
    sql = g_strdup_printf ("SELECT count(*) FROM cable WHERE label = 'B-1A-001-D1' AND abs(length_m - %.1f) < 1e-6",
                           first->length_m);
    g_assert_cmpint (count (store, sql), ==, 1);
  }

  /* The floor's runs read back with their lengths. */
  {
    g_autoptr(GPtrArray) drawn = enlace_design_floor_runs (store, floor_id, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (drawn->len, ==, 18);
  }

  /* Routing the floor again finds nothing left to cable. */
  {
    g_autoptr(GPtrArray) left = enlace_design_floor_outlets (store, floor_id, TRUE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (left->len, ==, 0);
  }

  /* One undo: outlets, panels and cables go. */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device WHERE role IN ('outlet', 'patch-panel')"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM cable"), ==, 1);
}

static double
cable_length (EnlaceStore *store,
              const char  *label)
{
  g_autofree char *sql = g_strdup_printf ("SELECT CAST(round(length_m * 10) AS INTEGER) FROM cable WHERE label = '%s'", label);

  return count (store, sql) / 10.0;
}

/* The floor of the fixture designed: 18 outlets, 36 planned cables. */
static void
design_floor (EnlaceStore *store,
              gint64       floor_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = NULL;
  EnlaceDesignRule rule;

  enlace_design_rule_init (&rule);
  outlets = enlace_design_place_preview (store, floor_id, NULL, 0, &rule, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_design_apply (store, outlets, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Routing records the pathways of each cable (table pathway_cable): every
 * run goes along the tray and down the spur; the fill check sees them. */
static void
test_route_pathway_cable (void)
{
  gint64 floor_id, tray, spur;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceRuleReport) report = NULL;
  g_autoptr(JsonObject) conduit = json_object_new ();
  EnlaceRuleFailure *fill = NULL;

  tray = count (store, "SELECT id FROM pathway WHERE name = 'Charola'");
  spur = count (store, "SELECT id FROM pathway WHERE name = 'Derivación'");
  g_assert_cmpint (tray, >, 0);
  g_assert_cmpint (spur, >, 0);
  design_floor (store, floor_id);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pathway_cable"), ==, 72);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT cable_id) FROM pathway_cable"), ==, 36);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pathway_cable pc JOIN pathway p ON p.id = pc.pathway_id "
                                 "WHERE p.name = 'Derivación'"), ==, 36);

  /* The spur as a 25 mm conduit: 36 cables of 7.5 mm do not fit, and the
   * failure names the conduit and the design's cables. */
  json_object_set_string_member (conduit, "kind", "conduit");
  json_object_set_double_member (conduit, "size_mm", 25);
  g_assert_true (enlace_store_update (store, "pathway", spur, conduit, &error));
  g_assert_no_error (error);
  report = enlace_rules_check (store, NULL, 0, floor_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->failures->len; i++)
    {
      EnlaceRuleFailure *f = g_ptr_array_index (report->failures, i);

      if (g_strcmp0 (f->rule, "conduit-fill") == 0)
        fill = f;
    }
  g_assert_nonnull (fill);
  g_assert_cmpint (g_array_index (fill->objects, EnlaceRuleObject, 0).id, ==, spur);
  g_assert_cmpuint (fill->objects->len, ==, 1 + 36);
  g_assert_nonnull (strstr (fill->message, "36 cables"));

  /* One undo of the design takes its rows away too. */
  g_assert_true (enlace_store_undo (store, &error));  /* the conduit */
  g_assert_true (enlace_store_undo (store, &error));  /* the design */
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pathway_cable"), ==, 0);
}

/* The outlets already in a space count toward the rule; one placed by
 * hand without a run is routed with the new ones (its name kept); a floor
 * whose spaces have their outlets, each with its run, gets none. */
static void
test_place_existing (void)
{
  gint64 floor_id, mine;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GPtrArray) again = NULL;
  EnlaceDesignRule rule;
  guint in101 = 0, kept = 0;

  /* one outlet by hand on 101's north wall */
  mine = enlace_plan_add_outlet (store, floor_id, (EnlacePoint) { 15, 0 }, 0, "MIA", 2, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine, >, 0);

  enlace_design_rule_init (&rule);
  preview = enlace_design_place_preview (store, floor_id, NULL, 0, &rule, &error);
  g_assert_no_error (error);
  /* 6 in 101 (one of them the hand-placed one) and 12 in 102 */
  g_assert_cmpuint (preview->len, ==, 18);
  for (guint i = 0; i < preview->len; i++)
    {
      EnlaceDesignOutlet *o = g_ptr_array_index (preview, i);

      if (g_strcmp0 (o->space_code, "101") == 0)
        in101++;
      if (o->outlet_id == mine)
        {
          kept++;
          g_assert_cmpstr (o->name, ==, "MIA");
        }
    }
  g_assert_cmpuint (in101, ==, 6);
  g_assert_cmpuint (kept, ==, 1);

  /* applied: 17 new outlets, and the hand-placed one has its run */
  g_assert_true (enlace_design_apply (store, preview, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM device WHERE role = 'outlet'"), ==, 18);
  g_assert_cmpint (count (store, "SELECT count(*) FROM port p JOIN cable_end e ON e.port_id = p.id "
                                 "JOIN device d ON d.id = p.device_id WHERE d.name = 'MIA'"), ==, 2);

  /* the same rule again: nothing to place */
  again = enlace_design_place_preview (store, floor_id, NULL, 0, &rule, &error);
  g_assert_null (again);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already"));
}

/* What if: moving the telecom room's rack or a pathway recomputes the
 * planned runs in the same command; undo restores both. */
static void
test_route_live (void)
{
  gint64 floor_id, rack, tray, commands;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) moved = json_object_new ();
  g_autoptr(JsonObject) lower = json_object_new ();
  g_autoptr(JsonObject) renamed = json_object_new ();
  double before, after;
  guint n_changed = 99;

  design_floor (store, floor_id);
  rack = count (store, "SELECT id FROM rack WHERE name = 'R1'");
  tray = count (store, "SELECT id FROM pathway WHERE name = 'Charola'");
  g_assert_cmpint (rack, >, 0);
  before = cable_length (store, "B-1A-001-D1");
  g_assert_cmpfloat (before, >, 10);

  /* The rack 3 m up the spur: every run 3 m shorter, one command. */
  commands = count (store, "SELECT count(*) FROM command");
  json_object_set_double_member (moved, "y", 5);
  g_assert_true (enlace_store_update (store, "rack", rack, moved, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM command"), ==, commands + 1);
  after = cable_length (store, "B-1A-001-D1");
  g_assert_cmpfloat_with_epsilon (after, before - 3, 0.11);
  g_assert_cmpint (count (store, "SELECT count(*) FROM change WHERE command_id = (SELECT max(id) FROM command) "
                                 "AND tbl = 'cable'"), ==, 36);

  /* The tray half a metre further from the outlets (y 8 → 8.5): 0.5 m
   * more across to it and 0.5 m from it to the spur's end. */
  json_object_set_string_member (lower, "points", "[[1,8.5],[39,8.5]]");
  g_assert_true (enlace_store_update (store, "pathway", tray, lower, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (cable_length (store, "B-1A-001-D1"), after + 1, 0.11);

  /* A change that moves nothing recomputes nothing. */
  json_object_set_string_member (renamed, "name", "Charola principal");
  g_assert_true (enlace_store_update (store, "pathway", tray, renamed, &error));
  g_assert_cmpint (count (store, "SELECT count(*) FROM change WHERE command_id = (SELECT max(id) FROM command) "
                                 "AND tbl = 'cable'"), ==, 0);

  /* Undo restores the lengths with the geometry. */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (cable_length (store, "B-1A-001-D1"), after, 1e-9);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpfloat_with_epsilon (cable_length (store, "B-1A-001-D1"), before, 1e-9);

  /* Recompute on demand changes nothing when the design is current. */
  g_assert_true (enlace_design_recompute (store, enlace_store_lookup (store, "building", "B", NULL),
                                          &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);
}

/* Every planned cable of @floor_id has the length of its run routed now
 * with @opts; returns how many cables were compared. */
static guint
assert_lengths_routed_with (EnlaceStore               *store,
                            gint64                     floor_id,
                            const EnlaceDesignOptions *opts,
                            gboolean                   equal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = enlace_design_floor_outlets (store, floor_id, FALSE, &error);
  g_autoptr(GPtrArray) runs = NULL;
  guint n = 0;

  g_assert_no_error (error);
  runs = enlace_design_route (store, outlets, opts, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < runs->len; i++)
    {
      EnlaceDesignRun *run = g_ptr_array_index (runs, i);
      sqlite3_stmt *stmt = enlace_store_prepare (store,
                                                 "SELECT c.length_m FROM port po JOIN cable_end e ON e.port_id = po.id "
                                                 "JOIN cable c ON c.id = e.cable_id WHERE po.device_id = ?1 "
                                                 "AND c.status = 'planned'", NULL);

      sqlite3_bind_int64 (stmt, 1, run->outlet->outlet_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          double stored = sqlite3_column_double (stmt, 0);

          if (equal)
            g_assert_cmpfloat_with_epsilon (stored, run->length_m, 1e-6);
          else
            g_assert_cmpfloat (fabs (stored - run->length_m), >, 1);
          n++;
        }
      sqlite3_reset (stmt);
    }
  return n;
}

/* What if with the project's own rule set (80 m, more slack): the runs
 * routed again after the telecom room's rack moves have the figures the
 * design was made with, not Enlace's defaults; each cable keeps its type. */
static void
test_route_live_rules (void)
{
  gint64 floor_id, rack;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(JsonObject) moved = json_object_new ();
  EnlaceDesignOptions project, defaults;
  EnlaceDesignRule rule;
  double before, after;
  guint over = 0, within = 0;

  g_assert_true (enlace_rules_set_value (store, "name", "Universidad: 80 m", &error));
  g_assert_true (enlace_rules_set_value (store, "permanent-link.max-m", "80", &error));
  g_assert_true (enlace_rules_set_value (store, "slack.room-m", "5", &error));
  g_assert_true (enlace_rules_set_value (store, "slack.outlet-m", "1", &error));
  g_assert_no_error (error);
  g_assert_true (enlace_design_options_load (store, &project, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (project.max_length, ==, 80);
  g_assert_cmpfloat (project.slack_room, ==, 5);
  g_assert_cmpfloat (project.slack_outlet, ==, 1);
  enlace_design_options_init (&defaults);

  /* designed as the dialog and enlace-cli design do (the project's
   * options), with Cat6 cables */
  project.cable_type = "cat6";
  enlace_design_rule_init (&rule);
  outlets = enlace_design_place_preview (store, floor_id, NULL, 0, &rule, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_design_apply (store, outlets, &project, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (assert_lengths_routed_with (store, floor_id, &project, TRUE), ==, 36);
  before = cable_length (store, "B-1A-001-D1");

  /* The rack 3 m up the spur: every run 3 m shorter, still with 6 m of
   * slack (Enlace's defaults would give 3.3 m: 2.7 m less). */
  rack = count (store, "SELECT id FROM rack WHERE name = 'R1'");
  json_object_set_double_member (moved, "y", 5);
  g_assert_true (enlace_store_update (store, "rack", rack, moved, &error));
  g_assert_no_error (error);
  after = cable_length (store, "B-1A-001-D1");
  g_assert_cmpfloat_with_epsilon (after, before - 3, 0.11);
  g_assert_cmpuint (assert_lengths_routed_with (store, floor_id, &project, TRUE), ==, 36);
  g_assert_cmpuint (assert_lengths_routed_with (store, floor_id, &defaults, FALSE), ==, 36);
  g_assert_cmpint (count (store, "SELECT count(*) FROM cable WHERE status = 'planned' AND type = 'cat6'"), ==, 36);

  /* The runs drawn on the plan (no options: the project's) are over the
   * project's 80 m where they are, not over 90 m. */
  runs = enlace_design_floor_runs (store, floor_id, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < runs->len; i++)
    {
      EnlaceDesignRun *run = g_ptr_array_index (runs, i);

      g_assert_cmpint (run->over_limit, ==, run->length_m > 80);
      if (run->over_limit)
        over++;
      else
        within++;
    }
  g_assert_cmpuint (within, >, 0);

  /* A stricter set: the same runs, now over it. */
  g_assert_true (enlace_rules_set_value (store, "permanent-link.max-m", "30", &error));
  g_assert_no_error (error);
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = enlace_design_floor_runs (store, floor_id, NULL, &error);
  g_assert_no_error (error);
  over = 0;
  for (guint i = 0; i < runs->len; i++)
    if (((EnlaceDesignRun *) g_ptr_array_index (runs, i))->over_limit)
      over++;
  g_assert_cmpuint (over, >, 0);
  g_assert_cmpuint (over, <, runs->len);
}

/* More slack in the rule set lengthens every planned run in the same
 * command (the cables installed keep their measured lengths); one undo
 * takes both back; a rule that is not slack recomputes nothing. */
static void
test_route_live_slack (void)
{
  gint64 floor_id, commands;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  EnlaceDesignOptions opts;
  double before;

  design_floor (store, floor_id);
  before = cable_length (store, "B-1A-001-D1");
  commands = count (store, "SELECT count(*) FROM command");

  /* 3 m at the room by default: 5 m now, every run 2 m longer */
  g_assert_true (enlace_rules_set_value (store, "slack.room-m", "5", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM command"), ==, commands + 1);
  g_assert_cmpfloat_with_epsilon (cable_length (store, "B-1A-001-D1"), before + 2, 1e-6);
  g_assert_cmpint (count (store, "SELECT count(*) FROM change WHERE command_id = (SELECT max(id) FROM command) "
                                 "AND tbl = 'cable'"), ==, 36);
  g_assert_true (enlace_design_options_load (store, &opts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (assert_lengths_routed_with (store, floor_id, &opts, TRUE), ==, 36);

  /* back to the default: the rule's row goes, the lengths follow */
  g_assert_true (enlace_rules_set_value (store, "slack.room-m", "3", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (cable_length (store, "B-1A-001-D1"), before, 1e-6);

  /* another rule: nothing recomputed */
  g_assert_true (enlace_rules_set_value (store, "permanent-link.max-m", "80", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM change WHERE command_id = (SELECT max(id) FROM command) "
                                 "AND tbl = 'cable'"), ==, 0);

  /* undo the default and the 80 m: 5 m again; undo that: as designed */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (cable_length (store, "B-1A-001-D1"), before + 2, 1e-6);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (cable_length (store, "B-1A-001-D1"), before, 1e-6);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/design/graph/shortest", test_graph_shortest);
  g_test_add_func ("/model/design/graph/grid", test_graph_grid);
  g_test_add_func ("/model/design/place/rule", test_place_rule);
  g_test_add_func ("/model/design/place/undo", test_place_undo);
  g_test_add_func ("/model/design/place/existing", test_place_existing);
  g_test_add_func ("/model/design/place/type", test_place_type);
  g_test_add_func ("/model/design/install-order", test_order_from_design);
  g_test_add_func ("/model/design/route/length", test_route_length);
  g_test_add_func ("/model/design/route/nearest", test_route_nearest);
  g_test_add_func ("/model/design/route/ports-overflow", test_route_ports_overflow);
  g_test_add_func ("/model/design/route/pathway-cable", test_route_pathway_cable);
  g_test_add_func ("/model/design/route/live", test_route_live);
  g_test_add_func ("/model/design/route/live-rules", test_route_live_rules);
  g_test_add_func ("/model/design/route/live-slack", test_route_live_slack);
  return g_test_run ();
}
