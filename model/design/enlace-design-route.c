/* enlace-design-route.c: runs from outlets to telecom rooms, patch-panel
 * ports and the planned horizontal cables */
#define G_LOG_DOMAIN "enlace-design"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "enlace-design.h"
#include "enlace-design-private.h"
#include "enlace-device-type-adopt.h"
#include "enlace-rules.h"
#include "enlace-store-private.h"

void
enlace_design_options_init (EnlaceDesignOptions *opts)
{
  g_return_if_fail (opts != NULL);

  memset (opts, 0, sizeof *opts);
  opts->outlet_height = 0.3;
  opts->rack_top = 2.0;
  opts->slack_room = 3.0;
  opts->slack_outlet = 0.3;
  opts->max_length = 90.0;
  opts->floor_height = 3.5;
  opts->cable_type = "cat6a";
  opts->panel_ports = 24;
}

gboolean
enlace_design_options_load (EnlaceStore          *store,
                            EnlaceDesignOptions  *opts,
                            GError              **error)
{
  g_autoptr(EnlaceRuleSet) rules = NULL;
  double v;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (opts != NULL, FALSE);

  enlace_design_options_init (opts);
  rules = enlace_rule_set_load (store, error);
  if (rules == NULL)
    return FALSE;
  v = enlace_rule_set_get_number (rules, "permanent-link.max-m");
  if (!isnan (v))
    opts->max_length = v;
  v = enlace_rule_set_get_number (rules, "slack.room-m");
  if (!isnan (v))
    opts->slack_room = v;
  v = enlace_rule_set_get_number (rules, "slack.outlet-m");
  if (!isnan (v))
    opts->slack_outlet = v;
  return TRUE;
}

void
enlace_design_run_free (EnlaceDesignRun *run)
{
  if (run == NULL)
    return;
  enlace_design_outlet_free (run->outlet);
  g_free (run->room_code);
  g_free (run->rack_name);
  g_clear_pointer (&run->points, g_array_unref);
  g_clear_pointer (&run->pathways, g_array_unref);
  g_free (run);
}

static EnlaceDesignOutlet *
outlet_copy (const EnlaceDesignOutlet *o)
{
  EnlaceDesignOutlet *c = g_memdup2 (o, sizeof *o);

  c->space_code = g_strdup (o->space_code);
  c->name = g_strdup (o->name);
  return c;
}

/* ------------------------------------------------- a building's network */

typedef struct
{
  gint64       space_id;
  char        *code;
  gint64       floor_id;
  gint64       rack_id;
  char        *rack_name;
  EnlacePoint  p;
  EnlaceRouteTree *tree;   /* lazily */
  gboolean     tried;
} Room;

typedef struct
{
  gint64            building_id;
  EnlaceRouteGraph *graph;
  GArray           *rooms;  /* Room */
} Building;

static void
building_free (Building *b)
{
  for (guint i = 0; i < b->rooms->len; i++)
    {
      Room *r = &g_array_index (b->rooms, Room, i);

      g_free (r->code);
      g_free (r->rack_name);
      enlace_route_tree_free (r->tree);
    }
  g_array_unref (b->rooms);
  enlace_route_graph_free (b->graph);
  g_free (b);
}

static gint64
building_of_floor (EnlaceStore *store,
                   gint64       floor_id)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, "SELECT building_id FROM floor WHERE id = ?1", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, floor_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static Building *
building_load (EnlaceStore                *store,
               gint64                      building_id,
               const EnlaceDesignOptions  *opts,
               GError                    **error)
{
  Building *b = g_new0 (Building, 1);
  sqlite3_stmt *stmt;

  b->building_id = building_id;
  b->graph = enlace_route_graph_new ();
  b->rooms = g_array_new (FALSE, TRUE, sizeof (Room));

  stmt = enlace_store_prepare (store,
                               "SELECT p.floor_id, p.kind, p.points, p.height, p.to_floor_id, f.level, f.height, "
                               " (SELECT level FROM floor WHERE id = p.to_floor_id), p.id "
                               "FROM pathway p JOIN floor f ON f.id = p.floor_id "
                               "WHERE f.building_id = ?1 ORDER BY p.id",
                               error);
  if (stmt == NULL)
    {
      building_free (b);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, building_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 floor_id = sqlite3_column_int64 (stmt, 0);
      const char *kind = (const char *)sqlite3_column_text (stmt, 1);
      g_autoptr(GArray) pts = enlace_points_parse ((const char *)sqlite3_column_text (stmt, 2), NULL);

      if (pts == NULL || pts->len == 0)
        continue;
      if (g_strcmp0 (kind, "riser") == 0)
        {
          double per_floor = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? opts->floor_height
                             : sqlite3_column_double (stmt, 6);
          int levels;

          if (sqlite3_column_type (stmt, 4) == SQLITE_NULL || sqlite3_column_type (stmt, 7) == SQLITE_NULL)
            continue;
          levels = ABS (sqlite3_column_int (stmt, 7) - sqlite3_column_int (stmt, 5));
          enlace_route_graph_add_riser_id (b->graph, floor_id, g_array_index (pts, EnlacePoint, 0),
                                           sqlite3_column_int64 (stmt, 4), MAX (levels, 1) * per_floor,
                                           sqlite3_column_int64 (stmt, 8));
        }
      else
        enlace_route_graph_add_pathway_id (b->graph, floor_id, (EnlacePoint *)pts->data, pts->len,
                                           sqlite3_column_double (stmt, 3), sqlite3_column_int64 (stmt, 8));
    }
  sqlite3_reset (stmt);
  enlace_route_graph_finish (b->graph);

  stmt = enlace_store_prepare (store,
                               "SELECT s.id, s.code, s.floor_id, r.id, r.name, r.x, r.y "
                               "FROM space s JOIN floor f ON f.id = s.floor_id JOIN rack r ON r.space_id = s.id "
                               "WHERE f.building_id = ?1 AND s.kind IN ('telecom-room', 'equipment-room') "
                               "AND r.x IS NOT NULL AND r.y IS NOT NULL "
                               "ORDER BY f.level, s.code, r.name",
                               error);
  if (stmt == NULL)
    {
      building_free (b);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, building_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Room r = { 0 };
      gboolean seen = FALSE;

      r.space_id = sqlite3_column_int64 (stmt, 0);
      for (guint i = 0; i < b->rooms->len; i++)
        if (g_array_index (b->rooms, Room, i).space_id == r.space_id)
          seen = TRUE;  /* the room's first rack serves it */
      if (seen)
        continue;
      r.code = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      r.floor_id = sqlite3_column_int64 (stmt, 2);
      r.rack_id = sqlite3_column_int64 (stmt, 3);
      r.rack_name = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      r.p.x = sqlite3_column_double (stmt, 5);
      r.p.y = sqlite3_column_double (stmt, 6);
      g_array_append_val (b->rooms, r);
    }
  sqlite3_reset (stmt);
  return b;
}

static EnlaceRouteTree *
room_tree (Building *b,
           Room     *r)
{
  if (!r->tried)
    {
      r->tree = enlace_route_graph_tree (b->graph, r->floor_id, r->p);
      r->tried = TRUE;
    }
  return r->tree;
}

/* The run of @o to room @r, FALSE when its pathways do not reach it. */
static gboolean
run_to (Building                   *b,
        Room                       *r,
        const EnlaceDesignOutlet   *o,
        const EnlaceDesignOptions  *opts,
        EnlaceDesignRun            *run)
{
  EnlaceRouteTree *tree = room_tree (b, r);
  EnlaceRoutePath path;
  double height = o->height > 0 ? o->height : opts->outlet_height;

  if (tree == NULL || !enlace_route_tree_path (tree, o->floor_id, o->p, &path))
    return FALSE;
  g_clear_pointer (&run->points, g_array_unref);
  run->points = g_steal_pointer (&path.points);
  g_clear_pointer (&run->pathways, g_array_unref);
  run->pathways = g_steal_pointer (&path.pathways);
  run->room_id = r->space_id;
  g_free (run->room_code);
  run->room_code = g_strdup (r->code);
  run->rack_id = r->rack_id;
  g_free (run->rack_name);
  run->rack_name = g_strdup (r->rack_name);
  run->route_m = path.along_m + path.access_m;
  run->vertical_m = fabs (path.height_to - height) + fabs (path.height_from - opts->rack_top);
  run->slack_m = opts->slack_room + opts->slack_outlet;
  run->length_m = ceil ((run->route_m + run->vertical_m + run->slack_m) * 10 - 1e-6) / 10;
  run->over_limit = run->length_m > opts->max_length;
  return TRUE;
}

static Building *
building_for (EnlaceStore                *store,
              GHashTable                 *buildings,
              gint64                      floor_id,
              const EnlaceDesignOptions  *opts,
              GError                    **error)
{
  gint64 building_id = building_of_floor (store, floor_id);
  Building *b;

  if (building_id == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no floor %lld to route outlets on"), (long long) floor_id);
      return NULL;
    }
  b = g_hash_table_lookup (buildings, &building_id);
  if (b == NULL)
    {
      b = building_load (store, building_id, opts, error);
      if (b == NULL)
        return NULL;
      g_hash_table_insert (buildings, g_memdup2 (&building_id, sizeof building_id), b);
    }
  return b;
}

GPtrArray *
enlace_design_route (EnlaceStore                *store,
                     GPtrArray                  *outlets,
                     const EnlaceDesignOptions  *opts,
                     GError                    **error)
{
  g_autoptr(GHashTable) buildings = NULL;
  g_autoptr(GHashTable) floor_building = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  EnlaceDesignOptions project;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (outlets != NULL, NULL);

  if (opts == NULL)
    {
      if (!enlace_design_options_load (store, &project, error))
        return NULL;
      opts = &project;
    }
  buildings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)building_free);
  floor_building = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  runs = g_ptr_array_new_with_free_func ((GDestroyNotify)enlace_design_run_free);

  for (guint i = 0; i < outlets->len; i++)
    {
      const EnlaceDesignOutlet *o = g_ptr_array_index (outlets, i);
      EnlaceDesignRun *run = g_new0 (EnlaceDesignRun, 1);
      Building *b = g_hash_table_lookup (floor_building, &o->floor_id);
      gboolean found_room = FALSE;

      run->outlet = outlet_copy (o);
      g_ptr_array_add (runs, run);
      if (b == NULL)
        {
          b = building_for (store, buildings, o->floor_id, opts, error);
          if (b == NULL)
            return NULL;
          g_hash_table_insert (floor_building, g_memdup2 (&o->floor_id, sizeof (gint64)), b);
        }

      if (opts->room_id != 0)
        {
          for (guint k = 0; k < b->rooms->len; k++)
            {
              Room *r = &g_array_index (b->rooms, Room, k);

              if (r->space_id != opts->room_id)
                continue;
              found_room = TRUE;
              run_to (b, r, o, opts, run);
            }
          if (!found_room)
            {
              g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                           _("Space %lld cannot serve outlet %s: it is not a telecom room "
                             "with a rack drawn in the outlet's building"),
                           (long long) opts->room_id, o->name ? o->name : "");
              return NULL;
            }
          continue;
        }

      /* The nearest reachable room: the shortest run. */
      {
        EnlaceDesignRun best = { 0 };

        for (guint k = 0; k < b->rooms->len; k++)
          {
            EnlaceDesignRun trial = { 0 };

            if (run_to (b, &g_array_index (b->rooms, Room, k), o, opts, &trial) &&
                (best.room_id == 0 || trial.length_m < best.length_m))
              {
                g_free (best.room_code);
                g_free (best.rack_name);
                g_clear_pointer (&best.points, g_array_unref);
                g_clear_pointer (&best.pathways, g_array_unref);
                best = trial;
              }
            else
              {
                g_free (trial.room_code);
                g_free (trial.rack_name);
                g_clear_pointer (&trial.points, g_array_unref);
                g_clear_pointer (&trial.pathways, g_array_unref);
              }
          }
        best.outlet = run->outlet;
        *run = best;
      }
    }
  return g_steal_pointer (&runs);
}

/* ------------------------------------------------------------- apply */

typedef struct
{
  gint64  rack_id;
  char   *rack_name;
  GArray *free_ports;   /* gint64: rear ports of its panels not cabled, in order */
  guint   next;
  GArray *panel_names;  /* per free port: index into names */
  GPtrArray *names;
} RackPorts;

static void
rack_ports_free (RackPorts *r)
{
  g_free (r->rack_name);
  g_array_unref (r->free_ports);
  g_ptr_array_unref (r->names);
  g_free (r);
}

static gboolean
load_free_ports (EnlaceStore  *store,
                 RackPorts    *r,
                 gint64        device_id,
                 GError      **error)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store,
                                             "SELECT p.id FROM port p JOIN device d ON d.id = p.device_id "
                                             "WHERE (d.rack_id = ?1 AND ?2 = 0 OR d.id = ?2) AND d.role = 'patch-panel' "
                                             "AND d.status <> 'retired' AND p.kind = 'rear' AND p.positions = 1 "
                                             "AND p.medium IN ('copper', 'voice') "
                                             "AND NOT EXISTS (SELECT 1 FROM cable_end ce WHERE ce.port_id = p.id) "
                                             "ORDER BY d.u_position DESC, d.name, p.seq, p.id",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->rack_id);
  sqlite3_bind_int64 (stmt, 2, device_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (r->free_ports, id);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Adds a patch panel of @ports ports at the highest free unit of the
 * rack; returns its id. */
static gint64
add_panel (EnlaceStore                *store,
           RackPorts                  *r,
           const EnlaceDesignOptions  *opts,
           GError                    **error)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autofree char *name = NULL;
  g_autofree guint8 *used = NULL;
  sqlite3_stmt *stmt;
  int u_height = 42, unit = 0;
  gint64 type = 0, id;
  guint ports = opts->panel_ports > 0 ? opts->panel_ports : 24;

  stmt = enlace_store_prepare (store, "SELECT u_height FROM rack WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, r->rack_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    u_height = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  used = g_new0 (guint8, u_height + 2);
  stmt = enlace_store_prepare (store,
                               "SELECT d.u_position, COALESCE(t.u_height, 1) FROM device d "
                               "LEFT JOIN device_type t ON t.id = d.device_type_id "
                               "WHERE d.rack_id = ?1 AND d.u_position IS NOT NULL",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, r->rack_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int lo = (int) floor (sqlite3_column_double (stmt, 0));
      int h = MAX ((int) ceil (sqlite3_column_double (stmt, 1)), 1);

      for (int u = lo; u < lo + h; u++)
        if (u >= 1 && u <= u_height)
          used[u] = 1;
    }
  sqlite3_reset (stmt);
  for (int u = u_height; u >= 1 && unit == 0; u--)
    if (!used[u])
      unit = u;
  if (unit == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT,
                   _("Rack %s has no free unit for another patch panel"), r->rack_name);
      return 0;
    }

  for (guint n = 1; n < 1000; n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-PP%02u", r->rack_name, n);
      if (enlace_store_lookup (store, "device", name, NULL) == 0)
        break;
    }

  /* A panel type of the file with that many copper ports, if any. */
  stmt = enlace_store_prepare (store,
                               "SELECT t.id FROM device_type t WHERE t.role = 'patch-panel' AND t.u_height = 1 "
                               "AND (SELECT count(*) FROM port_template p WHERE p.device_type_id = t.id AND p.kind = 'rear' "
                               "     AND p.medium = 'copper' AND p.positions = 1) = ?1 "
                               "AND (SELECT count(*) FROM port_template p WHERE p.device_type_id = t.id AND p.kind = 'front') = ?1 "
                               "AND (SELECT count(*) FROM mapping_template m WHERE m.device_type_id = t.id) = ?1 "
                               "ORDER BY t.id LIMIT 1",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, ports);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    type = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  json_object_set_string_member (values, "name", name);
  json_object_set_string_member (values, "role", "patch-panel");
  json_object_set_int_member (values, "rack_id", r->rack_id);
  json_object_set_int_member (values, "u_position", unit);
  json_object_set_string_member (values, "face", "front");
  json_object_set_string_member (values, "status", "planned");
  if (type != 0)
    json_object_set_int_member (values, "device_type_id", type);
  id = enlace_store_create (store, "device", values, error);
  if (id == 0)
    return 0;
  if (type == 0)
    for (guint i = 1; i <= ports; i++)
      {
        g_autoptr(JsonObject) front = json_object_new ();
        g_autoptr(JsonObject) rear = json_object_new ();
        g_autoptr(JsonObject) map = json_object_new ();
        g_autofree char *fname = g_strdup_printf ("%u", i);
        g_autofree char *rname = g_strdup_printf ("R%u", i);
        gint64 f, rr;

        json_object_set_int_member (front, "device_id", id);
        json_object_set_string_member (front, "kind", "front");
        json_object_set_string_member (front, "name", fname);
        json_object_set_int_member (front, "seq", i);
        if ((f = enlace_store_create (store, "port", front, error)) == 0)
          return 0;
        json_object_set_int_member (rear, "device_id", id);
        json_object_set_string_member (rear, "kind", "rear");
        json_object_set_string_member (rear, "name", rname);
        json_object_set_int_member (rear, "seq", 100 + i);
        if ((rr = enlace_store_create (store, "port", rear, error)) == 0)
          return 0;
        json_object_set_int_member (map, "device_id", id);
        json_object_set_int_member (map, "front_port_id", f);
        json_object_set_int_member (map, "rear_port_id", rr);
        if (enlace_store_create (store, "port-mapping", map, error) == 0)
          return 0;
      }
  /* a panel type of its ports, for the next panel and the order */
  if (type == 0 && enlace_device_adopt_type (store, id, error) == 0)
    return 0;
  return id;
}

static gint64
next_panel_port (EnlaceStore                *store,
                 RackPorts                  *r,
                 const EnlaceDesignOptions  *opts,
                 GError                    **error)
{
  if (r->next >= r->free_ports->len)
    {
      gint64 panel = add_panel (store, r, opts, error);

      if (panel == 0 || !load_free_ports (store, r, panel, error))
        return 0;
      if (r->next >= r->free_ports->len)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT,
                       _("The new patch panel of rack %s has no free port"), r->rack_name);
          return 0;
        }
    }
  return g_array_index (r->free_ports, gint64, r->next++);
}

static int
run_order (gconstpointer a,
           gconstpointer b)
{
  const EnlaceDesignRun *x = *(EnlaceDesignRun * const *)a;
  const EnlaceDesignRun *y = *(EnlaceDesignRun * const *)b;
  int c;

  if (x->outlet->floor_id != y->outlet->floor_id)
    return x->outlet->floor_id < y->outlet->floor_id ? -1 : 1;
  if ((c = g_strcmp0 (x->outlet->space_code, y->outlet->space_code)) != 0)
    return c;
  return g_strcmp0 (x->outlet->name, y->outlet->name);
}

static gboolean
apply_runs (EnlaceStore                *store,
            GPtrArray                  *runs,
            const EnlaceDesignOptions  *opts,
            GError                    **error)
{
  g_autoptr(GHashTable) racks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify)rack_ports_free);
  g_autoptr(GPtrArray) order = g_ptr_array_sized_new (runs->len);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < runs->len; i++)
    g_ptr_array_add (order, g_ptr_array_index (runs, i));
  g_ptr_array_sort (order, run_order);
  for (guint i = 0; i < order->len; i++)
    {
      EnlaceDesignRun *run = g_ptr_array_index (order, i);
      g_autoptr(GArray) jacks = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) jack_names = g_ptr_array_new_with_free_func (g_free);
      RackPorts *r;

      if (run->room_id == 0 || run->outlet->outlet_id == 0)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Outlet %s has no run: no telecom room of its building is reached by its pathways"),
                       run->outlet->name ? run->outlet->name : "?");
          return FALSE;
        }
      r = g_hash_table_lookup (racks, &run->rack_id);
      if (r == NULL)
        {
          r = g_new0 (RackPorts, 1);
          r->rack_id = run->rack_id;
          r->rack_name = g_strdup (run->rack_name);
          r->free_ports = g_array_new (FALSE, FALSE, sizeof (gint64));
          r->names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (racks, g_memdup2 (&run->rack_id, sizeof (gint64)), r);
          if (!load_free_ports (store, r, 0, error))
            return FALSE;
        }

      stmt = enlace_store_prepare (store,
                                   "SELECT p.id, p.name FROM port p WHERE p.device_id = ?1 AND p.kind = 'rear' "
                                   "AND NOT EXISTS (SELECT 1 FROM cable_end ce WHERE ce.port_id = p.id) "
                                   "ORDER BY p.seq, p.id",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, run->outlet->outlet_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          const char *name = (const char *)sqlite3_column_text (stmt, 1);

          g_array_append_val (jacks, id);
          g_ptr_array_add (jack_names, g_str_has_suffix (name, "-R") ? g_strndup (name, strlen (name) - 2)
                                                                      : g_strdup (name));
        }
      sqlite3_reset (stmt);

      for (guint k = 0; k < jacks->len; k++)
        {
          g_autoptr(JsonObject) cable = json_object_new ();
          g_autofree char *label = g_strdup_printf ("%s-%s", run->outlet->name,
                                                    (char *) g_ptr_array_index (jack_names, k));
          EnlaceTerm a = { ENLACE_TERM_PORT, g_array_index (jacks, gint64, k) };
          EnlaceTerm b = { ENLACE_TERM_PORT, next_panel_port (store, r, opts, error) };
          gint64 cable_id;

          if (b.id == 0)
            return FALSE;
          json_object_set_string_member (cable, "label", label);
          json_object_set_string_member (cable, "kind", "horizontal");
          if (opts->cable_type)
            json_object_set_string_member (cable, "type", opts->cable_type);
          json_object_set_double_member (cable, "length_m", run->length_m);
          json_object_set_string_member (cable, "status", "planned");
          cable_id = enlace_store_connect (store, &a, 1, &b, 1, cable, error);
          if (cable_id == 0 || !enlace_design_lay_run (store, cable_id, run->pathways, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
enlace_design_route_apply (EnlaceStore                *store,
                           GPtrArray                  *runs,
                           const EnlaceDesignOptions  *opts,
                           GError                    **error)
{
  g_autofree char *label = NULL;
  EnlaceDesignOptions project;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (runs != NULL, FALSE);

  if (opts == NULL)
    {
      if (!enlace_design_options_load (store, &project, error))
        return FALSE;
      opts = &project;
    }
  if (runs->len == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID, _("There are no runs to make"));
      return FALSE;
    }
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Route %u outlet to its telecom room",
                                        "Route %u outlets to their telecom rooms", runs->len), runs->len);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  if (!apply_runs (store, runs, opts, error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}

gboolean
enlace_design_apply (EnlaceStore                *store,
                     GPtrArray                  *outlets,
                     const EnlaceDesignOptions  *opts,
                     GPtrArray                 **runs_out,
                     GError                    **error)
{
  g_autofree char *label = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  EnlaceDesignOptions project;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (outlets != NULL, FALSE);

  if (opts == NULL)
    {
      if (!enlace_design_options_load (store, &project, error))
        return FALSE;
      opts = &project;
    }
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Design the cabling of %u outlet",
                                        "Design the cabling of %u outlets", outlets->len), outlets->len);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  if (!enlace_design_place_apply (store, outlets, error) ||
      !(runs = enlace_design_route (store, outlets, opts, error)) ||
      !apply_runs (store, runs, opts, error))
    {
      enlace_store_rollback (store);
      for (guint k = 0; k < outlets->len; k++)
        ((EnlaceDesignOutlet *) g_ptr_array_index (outlets, k))->outlet_id = 0;
      return FALSE;
    }
  if (!enlace_store_commit (store, error))
    return FALSE;
  if (runs_out)
    *runs_out = g_steal_pointer (&runs);
  return TRUE;
}

GPtrArray *
enlace_design_floor_runs (EnlaceStore                *store,
                          gint64                      floor_id,
                          const EnlaceDesignOptions  *opts,
                          GError                    **error)
{
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GHashTable) buildings = NULL;
  EnlaceDesignOptions project;
  sqlite3_stmt *stmt;
  Building *b;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  if (opts == NULL)
    {
      if (!enlace_design_options_load (store, &project, error))
        return NULL;
      opts = &project;
    }
  outlets = enlace_design_floor_outlets (store, floor_id, FALSE, error);
  if (outlets == NULL)
    return NULL;
  buildings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)building_free);
  b = building_for (store, buildings, floor_id, opts, error);
  if (b == NULL)
    return NULL;
  runs = g_ptr_array_new_with_free_func ((GDestroyNotify)enlace_design_run_free);
  stmt = enlace_store_prepare (store,
                               "SELECT pd.rack_id, max(c.length_m) FROM port po "
                               "JOIN cable_end ea ON ea.port_id = po.id JOIN cable c ON c.id = ea.cable_id "
                               "JOIN cable_end eb ON eb.cable_id = c.id AND eb.end <> ea.end "
                               "JOIN port pb ON pb.id = eb.port_id JOIN device pd ON pd.id = pb.device_id "
                               "WHERE po.device_id = ?1 AND po.kind = 'rear' AND c.kind = 'horizontal' "
                               "AND pd.rack_id IS NOT NULL GROUP BY pd.rack_id ORDER BY count(*) DESC LIMIT 1",
                               error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < outlets->len; i++)
    {
      EnlaceDesignOutlet *o = g_ptr_array_index (outlets, i);
      gint64 rack_id = 0;
      double length = -1;
      Room *room = NULL;
      EnlaceDesignRun *run;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, o->outlet_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          rack_id = sqlite3_column_int64 (stmt, 0);
          if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
            length = sqlite3_column_double (stmt, 1);
        }
      for (guint k = 0; rack_id && k < b->rooms->len; k++)
        if (g_array_index (b->rooms, Room, k).rack_id == rack_id)
          room = &g_array_index (b->rooms, Room, k);
      if (room == NULL)
        continue;
      run = g_new0 (EnlaceDesignRun, 1);
      run->outlet = outlet_copy (o);
      if (!run_to (b, room, o, opts, run))
        {
          enlace_design_run_free (run);
          continue;
        }
      if (length >= 0)
        {
          run->length_m = length;
          run->over_limit = length > opts->max_length;
        }
      g_ptr_array_add (runs, run);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&runs);
}

/* ------------------------------------------------- what if: recompute */

/* Inside a command: the pathways of cable @cable_id become @pathways. */
gboolean
enlace_design_lay_run (EnlaceStore  *store,
                       gint64        cable_id,
                       GArray       *pathways,
                       GError      **error)
{
  g_autoptr(GArray) had = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  guint n = pathways ? pathways->len : 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  stmt = enlace_store_prepare (store, "SELECT pathway_id FROM pathway_cable WHERE cable_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cable_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (had, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < had->len; i++)
    {
      gint64 id = g_array_index (had, gint64, i);
      gboolean keep = FALSE;

      for (guint k = 0; k < n && !keep; k++)
        keep = g_array_index (pathways, gint64, k) == id;
      if (keep)
        continue;
      stmt = enlace_store_prepare (store, "DELETE FROM pathway_cable WHERE pathway_id = ?1 AND cable_id = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, cable_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          enlace_store_set_sql_error (store, error, "pathway_cable");
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  for (guint k = 0; k < n; k++)
    {
      gint64 id = g_array_index (pathways, gint64, k);
      gboolean known = FALSE;

      for (guint i = 0; i < had->len && !known; i++)
        known = g_array_index (had, gint64, i) == id;
      if (known)
        continue;
      stmt = enlace_store_prepare (store, "INSERT OR IGNORE INTO pathway_cable (pathway_id, cable_id) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, cable_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          enlace_store_set_sql_error (store, error, "pathway_cable");
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

typedef struct
{
  gint64 cable_id;
  gint64 rack_id;
  double length;
  gboolean has_length;
  const char *type;   /* interned, NULL when the cable has none */
} PlannedCable;

gboolean
_enlace_design_recompute_in_command (EnlaceStore  *store,
                                     gint64        building_id,
                                     guint        *n_changed,
                                     GError      **error)
{
  g_autoptr(GArray) floors = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) buildings = NULL;
  EnlaceDesignOptions opts;
  sqlite3_stmt *stmt;
  Building *b = NULL;
  guint changed = 0;

  /* the figures the design was made with: the project's rule set (its
   * permanent link, its slack), not Enlace's defaults */
  if (!enlace_design_options_load (store, &opts, error))
    return FALSE;
  stmt = enlace_store_prepare (store, "SELECT id FROM floor WHERE building_id = ?1 ORDER BY level", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, building_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (floors, id);
    }
  sqlite3_reset (stmt);

  buildings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)building_free);
  for (guint f = 0; f < floors->len; f++)
    {
      gint64 floor_id = g_array_index (floors, gint64, f);
      g_autoptr(GPtrArray) outlets = enlace_design_floor_outlets (store, floor_id, FALSE, error);

      if (outlets == NULL)
        return FALSE;
      for (guint i = 0; i < outlets->len; i++)
        {
          EnlaceDesignOutlet *o = g_ptr_array_index (outlets, i);
          g_autoptr(GArray) cables = g_array_new (FALSE, FALSE, sizeof (PlannedCable));

          stmt = enlace_store_prepare (store,
                                       "SELECT c.id, pd.rack_id, c.length_m, c.type FROM port po "
                                       "JOIN cable_end ea ON ea.port_id = po.id JOIN cable c ON c.id = ea.cable_id "
                                       "JOIN cable_end eb ON eb.cable_id = c.id AND eb.end <> ea.end "
                                       "JOIN port pb ON pb.id = eb.port_id JOIN device pd ON pd.id = pb.device_id "
                                       "WHERE po.device_id = ?1 AND po.kind = 'rear' AND c.kind = 'horizontal' "
                                       "AND c.status = 'planned' AND pd.rack_id IS NOT NULL ORDER BY c.id",
                                       error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, o->outlet_id);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            {
              PlannedCable c = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                 sqlite3_column_double (stmt, 2), sqlite3_column_type (stmt, 2) != SQLITE_NULL,
                                 g_intern_string ((const char *) sqlite3_column_text (stmt, 3)) };
              g_array_append_val (cables, c);
            }
          sqlite3_reset (stmt);
          if (cables->len == 0)
            continue;
          if (b == NULL && (b = building_for (store, buildings, floor_id, &opts, error)) == NULL)
            return FALSE;

          for (guint k = 0; k < cables->len; k++)
            {
              PlannedCable *c = &g_array_index (cables, PlannedCable, k);
              EnlaceDesignRun run = { 0 };
              EnlaceDesignOptions cable_opts = opts;
              Room *room = NULL;

              /* each cable keeps its own type (the design's may have been
               * another than the default) */
              if (c->type != NULL)
                cable_opts.cable_type = c->type;
              for (guint r = 0; r < b->rooms->len; r++)
                if (g_array_index (b->rooms, Room, r).rack_id == c->rack_id)
                  room = &g_array_index (b->rooms, Room, r);
              /* not a room's first rack, or no way there any more: left as it is */
              if (room == NULL || !run_to (b, room, o, &cable_opts, &run))
                continue;
              if (!c->has_length || fabs (c->length - run.length_m) > 1e-6)
                {
                  stmt = enlace_store_prepare (store, "UPDATE cable SET length_m = ?2 WHERE id = ?1", error);
                  if (stmt == NULL)
                    return FALSE;
                  sqlite3_bind_int64 (stmt, 1, c->cable_id);
                  sqlite3_bind_double (stmt, 2, run.length_m);
                  if (sqlite3_step (stmt) != SQLITE_DONE)
                    {
                      enlace_store_set_sql_error (store, error, "cable");
                      sqlite3_reset (stmt);
                      return FALSE;
                    }
                  sqlite3_reset (stmt);
                  changed++;
                }
              if (!enlace_design_lay_run (store, c->cable_id, run.pathways, error))
                {
                  g_free (run.room_code);
                  g_free (run.rack_name);
                  g_clear_pointer (&run.points, g_array_unref);
                  g_clear_pointer (&run.pathways, g_array_unref);
                  return FALSE;
                }
              g_free (run.room_code);
              g_free (run.rack_name);
              g_clear_pointer (&run.points, g_array_unref);
              g_clear_pointer (&run.pathways, g_array_unref);
            }
        }
    }
  if (n_changed)
    *n_changed += changed;
  return TRUE;
}

gboolean
enlace_design_recompute (EnlaceStore  *store,
                         gint64        building_id,
                         guint        *n_changed,
                         GError      **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (building_id > 0, FALSE);

  if (n_changed)
    *n_changed = 0;
  if (!enlace_store_begin (store, _("Recompute the lengths of the planned runs"), error))
    return FALSE;
  if (!_enlace_design_recompute_in_command (store, building_id, n_changed, error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}
