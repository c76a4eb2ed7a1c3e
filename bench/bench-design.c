/* bench-design.c: placing and routing 2,000 outlets on 5 floors
 *
 * A building of 5 floors, each 100 × 19 m: a telecom room with a rack at
 * the west end, 40 rooms of 5 × 8 m along a corridor with a tray and a
 * spur to the rack, risers between the telecom rooms.  On each floor the
 * rule places 10 outlets of 2 data jacks per room (one per 4 m²); each
 * floor is then designed by one command (place, route, assign ports with
 * 24-port panels added as they fill, make the planned cables).  Then the
 * ground floor's rack is moved: the command routes the building's planned
 * cables again (what if).  Prints
 * the time (wall and CPU), the work done and the machine's load.
 *
 *   ninja -C build bench/bench-design && build/bench/bench-design
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "enlace-design.h"

#define FLOORS 5
#define ROOMS  20   /* per row */

static gint64
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
add (EnlaceStore *store,
     const char  *kind,
     JsonObject  *values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = values;
  gint64 id = enlace_store_create (store, kind, v, &error);

  if (id == 0)
    g_error ("%s", error->message);
  return id;
}

static char *
rect (double x0,
      double y0,
      double x1,
      double y1)
{
  EnlacePoint p[4] = { { x0, y0 }, { x1, y0 }, { x1, y1 }, { x0, y1 } };

  return enlace_points_to_json (p, 4);
}

static gint64
build_floor (EnlaceStore *store,
             gint64       building,
             int          level,
             gint64      *floor_ids)
{
  JsonObject *o = json_object_new ();
  gint64 floor_id, tr;
  g_autofree char *outline = NULL;
  g_autofree char *code = NULL;
  g_autofree char *rack = g_strdup_printf ("R-%d", level);
  EnlacePoint tray[2] = { { 0.5, 9.5 }, { 99.5, 9.5 } };
  EnlacePoint spur[2] = { { 2, 9.5 }, { 2, 4 } };
  g_autofree char *tray_json = enlace_points_to_json (tray, 2);
  g_autofree char *spur_json = enlace_points_to_json (spur, 2);

  json_object_set_int_member (o, "building_id", building);
  json_object_set_int_member (o, "level", level);
  json_object_set_string_member (o, "name", "Piso");
  floor_id = floor_ids[level] = add (store, "floor", o);

  o = json_object_new ();
  outline = rect (0, 0, 4, 8);
  g_free (code);
  code = g_strdup_printf ("%dTR", level);
  json_object_set_int_member (o, "floor_id", floor_id);
  json_object_set_string_member (o, "code", code);
  json_object_set_string_member (o, "kind", "telecom-room");
  json_object_set_string_member (o, "outline", outline);
  tr = add (store, "space", o);
  for (int row = 0; row < 2; row++)
    for (int i = 0; i < ROOMS; i++)
      {
        double x0 = 4 + i * 4.8, y0 = row == 0 ? 0 : 11;
        g_autofree char *room = g_strdup_printf ("%d%d%02d", level, row, i);
        g_autofree char *r = rect (x0, y0, x0 + 4.8, y0 + 8);

        o = json_object_new ();
        json_object_set_int_member (o, "floor_id", floor_id);
        json_object_set_string_member (o, "code", room);
        json_object_set_string_member (o, "kind", "office");
        json_object_set_string_member (o, "outline", r);
        add (store, "space", o);
      }
  o = json_object_new ();
  json_object_set_int_member (o, "space_id", tr);
  json_object_set_string_member (o, "name", rack);
  json_object_set_double_member (o, "x", 2);
  json_object_set_double_member (o, "y", 4);
  add (store, "rack", o);
  for (int k = 0; k < 2; k++)
    {
      o = json_object_new ();
      json_object_set_int_member (o, "floor_id", floor_id);
      json_object_set_string_member (o, "kind", "tray");
      json_object_set_string_member (o, "points", k == 0 ? tray_json : spur_json);
      json_object_set_double_member (o, "height", 2.8);
      add (store, "pathway", o);
    }
  return floor_id;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  gint64 floors[FLOORS];
  gint64 building, t0, c0, wall, cpu;
  guint outlets = 0, runs = 0, over = 0;
  double load[3] = { 0, 0, 0 };
  EnlaceDesignRule rule;
  EnlaceDesignOptions opts;
  JsonObject *o;
  FILE *f;

  store = enlace_store_new_memory (&error);
  if (store == NULL)
    g_error ("%s", error->message);
  o = json_object_new ();
  json_object_set_string_member (o, "code", "B");
  json_object_set_string_member (o, "name", "Campus");
  add (store, "site", o);
  o = json_object_new ();
  json_object_set_string_member (o, "site_id", "B");
  json_object_set_string_member (o, "code", "D");
  json_object_set_string_member (o, "name", "Edificio de prueba");
  building = add (store, "building", o);
  for (int level = 0; level < FLOORS; level++)
    build_floor (store, building, level, floors);
  for (int level = 0; level + 1 < FLOORS; level++)
    {
      EnlacePoint riser[2] = { { 3, 6 }, { 3, 6.01 } };
      g_autofree char *json = enlace_points_to_json (riser, 2);

      o = json_object_new ();
      json_object_set_int_member (o, "floor_id", floors[level]);
      json_object_set_string_member (o, "kind", "riser");
      json_object_set_string_member (o, "points", json);
      json_object_set_int_member (o, "to_floor_id", floors[level + 1]);
      add (store, "pathway", o);
    }

  enlace_design_rule_init (&rule);
  rule.m2_per_workstation = 4;
  rule.n_data = 2;
  enlace_design_options_init (&opts);

  t0 = g_get_monotonic_time ();
  c0 = cpu_us ();
  for (int level = 0; level < FLOORS; level++)
    {
      g_autoptr(GPtrArray) placed = enlace_design_place_preview (store, floors[level], NULL, 0, &rule, &error);
      g_autoptr(GPtrArray) made = NULL;

      if (placed == NULL || !enlace_design_apply (store, placed, &opts, &made, &error))
        g_error ("%s", error->message);
      outlets += placed->len;
      runs += made->len;
      for (guint i = 0; i < made->len; i++)
        over += ((EnlaceDesignRun *) g_ptr_array_index (made, i))->over_limit;
    }
  wall = g_get_monotonic_time () - t0;
  cpu = cpu_us () - c0;

  if ((f = fopen ("/proc/loadavg", "r")) != NULL)
    {
      if (fscanf (f, "%lf %lf %lf", &load[0], &load[1], &load[2]) != 3)
        load[0] = load[1] = load[2] = 0;
      fclose (f);
    }
  printf ("design: %u outlets (%u jacks) on %d floors placed, routed and cabled: "
          "%u runs (%u beyond 90 m), %u cables, %u patch panels\n",
          outlets, outlets * 2, FLOORS, runs, over,
          enlace_store_count (store, "cable"),
          enlace_store_count (store, "device") - outlets);
  printf ("time: %.3f s wall, %.3f s CPU (goal < 2 s); %.3f ms per outlet\n",
          wall / 1e6, cpu / 1e6, wall / 1e3 / MAX (outlets, 1));

  /* What if: the ground floor's rack 0.5 m along its spur; the command
   * routes every planned cable of the building again (enlace-design-live.c). */
  {
    g_autoptr(GPtrArray) racks = enlace_store_list (store, "rack", 0, NULL);
    g_autoptr(JsonObject) moved = json_object_new ();
    JsonObject *rack = g_ptr_array_index (racks, 0);

    g_autoptr(GPtrArray) before = enlace_store_list (store, "cable", 0, NULL);
    g_autoptr(GPtrArray) after = NULL;
    guint changed = 0;

    json_object_set_double_member (moved, "y", json_object_get_double_member (rack, "y") + 0.5);
    t0 = g_get_monotonic_time ();
    c0 = cpu_us ();
    if (!enlace_store_update (store, "rack", json_object_get_int_member (rack, "id"), moved, &error))
      g_error ("%s", error->message);
    wall = g_get_monotonic_time () - t0;
    cpu = cpu_us () - c0;
    after = enlace_store_list (store, "cable", 0, NULL);
    for (guint i = 0; i < before->len && i < after->len; i++)
      changed += json_object_get_double_member_with_default (g_ptr_array_index (before, i), "length_m", 0) !=
                 json_object_get_double_member_with_default (g_ptr_array_index (after, i), "length_m", 0);
    printf ("what if: rack %s moved 0.5 m, the building's %u planned cables routed again in the same command "
            "(%u lengths changed): %.1f ms wall, %.1f ms CPU\n", json_object_get_string_member (rack, "name"),
            enlace_store_count (store, "cable"), changed, wall / 1e3, cpu / 1e3);
  }
  printf ("load: %.2f %.2f %.2f on %u cores\n", load[0], load[1], load[2], g_get_num_processors ());
  return 0;
}
