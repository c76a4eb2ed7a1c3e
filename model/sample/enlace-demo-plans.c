/* enlace-demo-plans.c: walls, trays and risers of the demo campus
 *
 * Draws, for every floor whose spaces have outlines, the walls around the
 * rooms, a cable tray along the middle of the corridor with a spur into
 * the telecom room to its rack, and a riser beside the rack up to the
 * floor above, so that the demo's floor plans route their horizontal
 * links along real pathways.
 */
#define G_LOG_DOMAIN "enlace-demo"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "enlace-demo.h"
#include "enlace-geometry.h"
#include "enlace-store-private.h"

static gboolean
create (EnlaceStore  *store,
        const char   *kind,
        JsonObject   *values,
        GError      **error)
{
  g_autoptr(JsonObject) v = values;

  return enlace_store_create (store, kind, v, error) != 0;
}

static char *
points_json (const EnlacePoint *pts,
             guint              n)
{
  return enlace_points_to_json (pts, n);
}

static gboolean
plan_floor (EnlaceStore  *store,
            JsonObject   *floor,
            JsonObject   *floor_above,
            GError      **error)
{
  gint64 floor_id = json_object_get_int_member (floor, "id");
  g_autoptr(GPtrArray) spaces = enlace_store_list (store, "space", floor_id, error);
  EnlaceBox corridor = { 0 };
  gboolean have_corridor = FALSE;
  gint64 tr_space = 0;

  if (spaces == NULL)
    return FALSE;

  for (guint i = 0; i < spaces->len; i++)
    {
      JsonObject *space = g_ptr_array_index (spaces, i);
      JsonNode *outline = json_object_get_member (space, "outline");
      const char *kind = json_object_get_string_member (space, "kind");
      const char *name = json_object_get_null_member (space, "name") ? "" : json_object_get_string_member (space, "name");
      g_autoptr(GArray) pts = NULL;
      g_autofree char *json = NULL;
      JsonObject *wall;

      if (outline == NULL || JSON_NODE_HOLDS_NULL (outline))
        continue;
      pts = enlace_points_parse (json_node_get_string (outline), NULL);
      if (pts == NULL || pts->len < 3)
        continue;

      if (g_strcmp0 (kind, "telecom-room") == 0 || g_strcmp0 (kind, "equipment-room") == 0)
        tr_space = json_object_get_int_member (space, "id");
      if (g_strcmp0 (kind, "other") == 0 && g_str_has_prefix (name, "Pasillo"))
        {
          corridor = enlace_points_bounds ((EnlacePoint *)pts->data, pts->len);
          have_corridor = TRUE;
          continue; /* its walls are the rooms' */
        }

      /* The room's walls: its outline, closed. */
      {
        EnlacePoint first = g_array_index (pts, EnlacePoint, 0);
        g_array_append_val (pts, first);
      }
      json = points_json ((EnlacePoint *)pts->data, pts->len);
      wall = json_object_new ();
      json_object_set_int_member (wall, "floor_id", floor_id);
      json_object_set_string_member (wall, "points", json);
      json_object_set_double_member (wall, "thickness", 0.15);
      if (!create (store, "wall", wall, error))
        return FALSE;
    }

  if (have_corridor)
    {
      gboolean along_x = (corridor.x2 - corridor.x1) >= (corridor.y2 - corridor.y1);
      double cy = (corridor.y1 + corridor.y2) / 2, cx = (corridor.x1 + corridor.x2) / 2;
      EnlacePoint tray[2];
      g_autofree char *json = NULL;
      JsonObject *way = json_object_new ();

      if (along_x)
        {
          tray[0] = (EnlacePoint) { corridor.x1 + 0.5, cy };
          tray[1] = (EnlacePoint) { corridor.x2 - 0.5, cy };
        }
      else
        {
          tray[0] = (EnlacePoint) { cx, corridor.y1 + 0.5 };
          tray[1] = (EnlacePoint) { cx, corridor.y2 - 0.5 };
        }
      json = points_json (tray, 2);
      json_object_set_int_member (way, "floor_id", floor_id);
      json_object_set_string_member (way, "name", _("Corridor tray"));
      json_object_set_string_member (way, "kind", "tray");
      json_object_set_string_member (way, "points", json);
      json_object_set_double_member (way, "height", 2.8);
      json_object_set_double_member (way, "size_mm", 300);
      if (!create (store, "pathway", way, error))
        return FALSE;

      /* A spur from the corridor to each rack of the telecom room. */
      if (tr_space != 0)
        {
          g_autoptr(GPtrArray) racks = enlace_store_list (store, "rack", tr_space, error);

          if (racks == NULL)
            return FALSE;
          for (guint i = 0; i < racks->len; i++)
            {
              JsonObject *rack = g_ptr_array_index (racks, i);
              EnlacePoint r, spur[2];
              g_autofree char *spur_json = NULL;
              JsonObject *sw = json_object_new ();

              if (json_object_get_null_member (rack, "x"))
                {
                  json_object_unref (sw);
                  continue;
                }
              r.x = json_object_get_double_member (rack, "x");
              r.y = json_object_get_double_member (rack, "y");
              spur[0] = along_x ? (EnlacePoint) { r.x, cy } : (EnlacePoint) { cx, r.y };
              spur[1] = r;
              spur_json = points_json (spur, 2);
              json_object_set_int_member (sw, "floor_id", floor_id);
              json_object_set_string_member (sw, "name", _("Telecom room tray"));
              json_object_set_string_member (sw, "kind", "tray");
              json_object_set_string_member (sw, "points", spur_json);
              json_object_set_double_member (sw, "height", 2.8);
              json_object_set_double_member (sw, "size_mm", 200);
              if (!create (store, "pathway", sw, error))
                return FALSE;

              if (i == 0 && floor_above != NULL)
                {
                  EnlacePoint riser[2] = { { r.x + 0.8, r.y }, { r.x + 0.8, r.y + 0.01 } };
                  g_autofree char *riser_json = points_json (riser, 2);
                  JsonObject *up = json_object_new ();

                  json_object_set_int_member (up, "floor_id", floor_id);
                  json_object_set_string_member (up, "name", _("Backbone riser"));
                  json_object_set_string_member (up, "kind", "riser");
                  json_object_set_string_member (up, "points", riser_json);
                  json_object_set_double_member (up, "size_mm", 100);
                  json_object_set_int_member (up, "to_floor_id", json_object_get_int_member (floor_above, "id"));
                  if (!create (store, "pathway", up, error))
                    return FALSE;
                }
            }
        }
    }
  return TRUE;
}

gboolean
enlace_demo_add_plans (EnlaceStore  *store,
                       GError      **error)
{
  g_autoptr(GPtrArray) floors = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  floors = enlace_store_list (store, "floor", 0, error);
  if (floors == NULL)
    return FALSE;
  if (!enlace_store_begin (store, _("Draw the demo campus's floor plans"), error))
    return FALSE;
  /* Floors come ordered by building, then level. */
  for (guint i = 0; i < floors->len; i++)
    {
      JsonObject *floor = g_ptr_array_index (floors, i);
      JsonObject *next = i + 1 < floors->len ? g_ptr_array_index (floors, i + 1) : NULL;

      if (next && json_object_get_int_member (next, "building_id") != json_object_get_int_member (floor, "building_id"))
        next = NULL;
      if (!plan_floor (store, floor, next, error))
        {
          enlace_store_rollback (store);
          return FALSE;
        }
    }
  return enlace_store_commit (store, error);
}
