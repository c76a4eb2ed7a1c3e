/* enlace-plan-edit.c: editing a floor plan, each edit one command */
#define G_LOG_DOMAIN "enlace-plan"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "enlace-device-type-adopt.h"
#include "enlace-plan.h"
#include "enlace-store-private.h"
#include "enlace-trace.h"

static const char *
kind_name (EnlacePlanItemKind kind)
{
  switch (kind)
    {
    case ENLACE_PLAN_ITEM_SPACE:
      return "space";
    case ENLACE_PLAN_ITEM_WALL:
      return "wall";
    case ENLACE_PLAN_ITEM_PATHWAY:
      return "pathway";
    case ENLACE_PLAN_ITEM_RACK:
      return "rack";
    case ENLACE_PLAN_ITEM_DEVICE:
      return "device";
    default:
      g_assert_not_reached ();
    }
}

static const char *
points_field (EnlacePlanItemKind kind)
{
  return kind == ENLACE_PLAN_ITEM_SPACE ? "outline" : "points";
}

static gboolean
is_placed (EnlacePlanItemKind kind)
{
  return kind == ENLACE_PLAN_ITEM_RACK || kind == ENLACE_PLAN_ITEM_DEVICE;
}

gint64
enlace_plan_space_at (EnlaceStore *store,
                      gint64       floor_id,
                      EnlacePoint  p)
{
  sqlite3_stmt *stmt;
  gint64 found = 0;
  double best_area = G_MAXDOUBLE;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);

  stmt = enlace_store_prepare (store, "SELECT id, outline FROM space WHERE floor_id = ?1 AND outline IS NOT NULL", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GArray) pts = enlace_points_parse ((const char *)sqlite3_column_text (stmt, 1), NULL);
      double area;

      if (pts == NULL || pts->len < 3 || !enlace_polygon_contains ((EnlacePoint *)pts->data, pts->len, p))
        continue;
      /* Nested outlines: the smallest one holds the point. */
      area = enlace_polygon_area ((EnlacePoint *)pts->data, pts->len);
      if (area < best_area)
        {
          best_area = area;
          found = sqlite3_column_int64 (stmt, 0);
        }
    }
  sqlite3_reset (stmt);
  return found;
}

static gint64
floor_of_space (EnlaceStore *store,
                gint64       space_id)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, "SELECT floor_id FROM space WHERE id = ?1", NULL);
  gint64 ret = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, space_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ret = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return ret;
}

static double
json_number (JsonObject *o,
             const char *member)
{
  JsonNode *n = json_object_get_member (o, member);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return 0;
  return json_node_get_double (n);
}

static GArray *
item_points (JsonObject         *row,
             EnlacePlanItemKind  kind,
             GError            **error)
{
  const char *field = points_field (kind);
  JsonNode *n = json_object_get_member (row, field);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return g_array_new (FALSE, FALSE, sizeof (EnlacePoint));
  return enlace_points_parse (json_node_get_string (n), error);
}

/* Writes new points (or a new position) for one item, inside a command. */
static gboolean
update_points (EnlaceStore         *store,
               EnlacePlanItemKind   kind,
               gint64               id,
               GArray              *pts,
               GError             **error)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autofree char *json = enlace_points_to_json ((EnlacePoint *)pts->data, pts->len);

  json_object_set_string_member (values, points_field (kind), json);
  return enlace_store_update (store, kind_name (kind), id, values, error);
}

static gboolean
update_position (EnlaceStore         *store,
                 EnlacePlanItemKind   kind,
                 gint64               id,
                 JsonObject          *row,
                 EnlacePoint          p,
                 double               rotation,
                 GError             **error)
{
  g_autoptr(JsonObject) values = json_object_new ();
  gint64 space_id = json_object_get_int_member (row, "space_id");
  gint64 floor_id = space_id ? floor_of_space (store, space_id) : 0;

  json_object_set_double_member (values, "x", round (p.x * 1000) / 1000);
  json_object_set_double_member (values, "y", round (p.y * 1000) / 1000);
  json_object_set_double_member (values, "rotation", fmod (fmod (rotation, 360) + 360, 360));
  if (floor_id != 0)
    {
      gint64 now_in = enlace_plan_space_at (store, floor_id, p);

      if (now_in != 0 && now_in != space_id)
        json_object_set_int_member (values, "space_id", now_in);
    }
  return enlace_store_update (store, kind_name (kind), id, values, error);
}

static JsonObject *
get_row (EnlaceStore    *store,
         EnlacePlanRef   ref,
         GError        **error)
{
  return enlace_store_get (store, kind_name (ref.kind), ref.id, error);
}

gboolean
enlace_plan_move (EnlaceStore          *store,
                  const EnlacePlanRef  *refs,
                  guint                 n,
                  double                dx,
                  double                dy,
                  GError              **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (n == 0 || (dx == 0 && dy == 0))
    return TRUE;
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u item on the plan", "Move %u items on the plan", n), n);
  if (!enlace_store_begin (store, label, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonObject) row = get_row (store, refs[i], error);

      if (row == NULL)
        goto fail;
      if (is_placed (refs[i].kind))
        {
          EnlacePoint p = { json_number (row, "x") + dx, json_number (row, "y") + dy };

          if (!update_position (store, refs[i].kind, refs[i].id, row, p, json_number (row, "rotation"), error))
            goto fail;
        }
      else
        {
          g_autoptr(GArray) pts = item_points (row, refs[i].kind, error);

          if (pts == NULL)
            goto fail;
          for (guint k = 0; k < pts->len; k++)
            {
              g_array_index (pts, EnlacePoint, k).x += dx;
              g_array_index (pts, EnlacePoint, k).y += dy;
            }
          if (!update_points (store, refs[i].kind, refs[i].id, pts, error))
            goto fail;
        }
    }
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}

gboolean
enlace_plan_rotate (EnlaceStore          *store,
                    const EnlacePlanRef  *refs,
                    guint                 n,
                    EnlacePoint           centre,
                    double                degrees,
                    GError              **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (n == 0 || fmod (degrees, 360) == 0)
    return TRUE;
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Rotate %u item on the plan", "Rotate %u items on the plan", n), n);
  if (!enlace_store_begin (store, label, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonObject) row = get_row (store, refs[i], error);

      if (row == NULL)
        goto fail;
      if (is_placed (refs[i].kind))
        {
          EnlacePoint p = { json_number (row, "x"), json_number (row, "y") };

          p = enlace_point_rotate (p, centre, degrees);
          if (!update_position (store, refs[i].kind, refs[i].id, row, p,
                                json_number (row, "rotation") + degrees, error))
            goto fail;
        }
      else
        {
          g_autoptr(GArray) pts = item_points (row, refs[i].kind, error);

          if (pts == NULL)
            goto fail;
          for (guint k = 0; k < pts->len; k++)
            g_array_index (pts, EnlacePoint, k) = enlace_point_rotate (g_array_index (pts, EnlacePoint, k), centre, degrees);
          if (!update_points (store, refs[i].kind, refs[i].id, pts, error))
            goto fail;
        }
    }
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}

gboolean
enlace_plan_delete (EnlaceStore          *store,
                    const EnlacePlanRef  *refs,
                    guint                 n,
                    GError              **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (n == 0)
    return TRUE;
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u item from the plan", "Delete %u items from the plan", n), n);
  if (!enlace_store_begin (store, label, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (refs[i].kind == ENLACE_PLAN_ITEM_SPACE)
        {
          g_autoptr(JsonObject) values = json_object_new ();

          json_object_set_null_member (values, "outline");
          if (!enlace_store_update (store, "space", refs[i].id, values, error))
            goto fail;
        }
      else if (refs[i].kind == ENLACE_PLAN_ITEM_RACK)
        {
          /* The rack stays in the inventory; it leaves the drawing. */
          g_autoptr(JsonObject) values = json_object_new ();

          json_object_set_null_member (values, "x");
          json_object_set_null_member (values, "y");
          if (!enlace_store_update (store, "rack", refs[i].id, values, error))
            goto fail;
        }
      else if (!enlace_store_delete (store, kind_name (refs[i].kind), refs[i].id, error))
        goto fail;
    }
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}

gboolean
enlace_plan_set_vertex (EnlaceStore    *store,
                        EnlacePlanRef   ref,
                        guint           index,
                        EnlacePoint     p,
                        GError        **error)
{
  g_autoptr(JsonObject) row = NULL;
  g_autoptr(GArray) pts = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (!is_placed (ref.kind), FALSE);

  row = get_row (store, ref, error);
  if (row == NULL)
    return FALSE;
  pts = item_points (row, ref.kind, error);
  if (pts == NULL)
    return FALSE;
  if (index >= pts->len)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("That line has %u points: there is no point %u"), pts->len, index + 1);
      return FALSE;
    }
  g_array_index (pts, EnlacePoint, index) = p;
  return update_points (store, ref.kind, ref.id, pts, error);
}

/* The next free outlet label of a floor: BUILDING-LEVELA-NNN. */
static char *
next_outlet_name (EnlaceStore *store,
                  gint64       floor_id)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store,
                                             "SELECT building.code, floor.level FROM floor "
                                             "JOIN building ON building.id = floor.building_id WHERE floor.id = ?1",
                                             NULL);
  g_autofree char *prefix = NULL;
  int best = 0;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, floor_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    prefix = g_strdup_printf ("%s-%dA-", sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 1));
  sqlite3_reset (stmt);
  if (prefix == NULL)
    return NULL;

  stmt = enlace_store_prepare (store, "SELECT name FROM device WHERE substr(name, 1, length(?1)) = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *rest = (const char *)sqlite3_column_text (stmt, 0) + strlen (prefix);
      char *end = NULL;
      long v = strtol (rest, &end, 10);

      if (end != rest && *end == '\0' && v > best)
        best = (int)v;
    }
  sqlite3_reset (stmt);
  return g_strdup_printf ("%s%03d", prefix, best + 1);
}

static gboolean
add_jack (EnlaceStore  *store,
          gint64        device_id,
          const char   *name,
          const char   *medium,
          int           seq,
          GError      **error)
{
  g_autoptr(JsonObject) front = json_object_new ();
  g_autoptr(JsonObject) rear = json_object_new ();
  g_autoptr(JsonObject) map = json_object_new ();
  g_autofree char *rear_name = g_strdup_printf ("%s-R", name);
  gint64 front_id, rear_id;

  json_object_set_int_member (front, "device_id", device_id);
  json_object_set_string_member (front, "kind", "front");
  json_object_set_string_member (front, "name", name);
  json_object_set_string_member (front, "medium", medium);
  json_object_set_int_member (front, "seq", seq);
  front_id = enlace_store_create (store, "port", front, error);
  if (front_id == 0)
    return FALSE;
  json_object_set_int_member (rear, "device_id", device_id);
  json_object_set_string_member (rear, "kind", "rear");
  json_object_set_string_member (rear, "name", rear_name);
  json_object_set_string_member (rear, "medium", medium);
  json_object_set_int_member (rear, "seq", seq + 100);
  rear_id = enlace_store_create (store, "port", rear, error);
  if (rear_id == 0)
    return FALSE;
  json_object_set_int_member (map, "device_id", device_id);
  json_object_set_int_member (map, "front_port_id", front_id);
  json_object_set_int_member (map, "rear_port_id", rear_id);
  return enlace_store_create (store, "port-mapping", map, error) != 0;
}

/* The outlet of enlace_plan_add_outlet and _in_space: one command.
 * @p NULL: no position (drawn at its space's centre by nobody). */
static gint64
create_outlet (EnlaceStore        *store,
               gint64              floor_id,
               gint64              space_id,
               const EnlacePoint  *p,
               double              rotation,
               const char         *name,
               guint               n_data,
               guint               n_voice,
               GError            **error)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autofree char *auto_name = NULL;
  g_autofree char *label = NULL;
  gint64 device_id;

  if (n_data + n_voice == 0 || n_data + n_voice > 24)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("An outlet has from 1 to 24 jacks"));
      return 0;
    }
  if (name == NULL || name[0] == '\0')
    name = auto_name = next_outlet_name (store, floor_id);

  label = g_strdup_printf (_("Place outlet %s"), name);
  if (!enlace_store_begin (store, label, error))
    return 0;

  json_object_set_string_member (values, "name", name);
  json_object_set_string_member (values, "role", "outlet");
  json_object_set_string_member (values, "status", "planned");
  json_object_set_int_member (values, "space_id", space_id);
  if (p)
    {
      json_object_set_double_member (values, "x", round (p->x * 1000) / 1000);
      json_object_set_double_member (values, "y", round (p->y * 1000) / 1000);
      json_object_set_double_member (values, "rotation", rotation);
    }
  device_id = enlace_store_create (store, "device", values, error);
  if (device_id == 0)
    goto fail;

  for (guint i = 0; i < n_data; i++)
    {
      g_autofree char *jack = n_data == 1 ? g_strdup ("D") : g_strdup_printf ("D%u", i + 1);

      if (!add_jack (store, device_id, jack, "copper", i, error))
        goto fail;
    }
  for (guint i = 0; i < n_voice; i++)
    {
      g_autofree char *jack = n_voice == 1 ? g_strdup ("V") : g_strdup_printf ("V%u", i + 1);

      if (!add_jack (store, device_id, jack, "voice", n_data + i, error))
        goto fail;
    }
  /* its jacks as a faceplate type of the file (made the first time) */
  if (enlace_device_adopt_type (store, device_id, error) == 0)
    goto fail;
  if (!enlace_store_commit (store, error))
    return 0;
  return device_id;

fail:
  enlace_store_rollback (store);
  return 0;
}

/* How close to a wall a click puts an outlet on it (metres). */
#define OUTLET_WALL_SNAP_M 0.6

/* The space an outlet clicked at @p goes in, and the wall it goes on:
 * the smallest space that holds @p, or else the space whose outline
 * passes within OUTLET_WALL_SNAP_M of it (a click on the wall line itself
 * falls on neither side); @p moves onto that space's nearest wall when it
 * is that close, and @rotation, when 0, faces into the space (as the
 * design's outlets do).  0: no space. */
static gint64
wall_at (EnlaceStore *store,
         gint64       floor_id,
         EnlacePoint *p,
         double      *rotation)
{
  gint64 inside = enlace_plan_space_at (store, floor_id, *p);
  gint64 found = inside;
  double best = OUTLET_WALL_SNAP_M;
  EnlacePoint on_wall = *p, inward = { 0 };
  gboolean snapped = FALSE;
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (store, "SELECT id, outline FROM space WHERE floor_id = ?1 AND outline IS NOT NULL", NULL);
  if (stmt == NULL)
    return inside;
  sqlite3_bind_int64 (stmt, 1, floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autoptr(GArray) pts = enlace_points_parse ((const char *)sqlite3_column_text (stmt, 1), NULL);
      EnlacePoint closest;
      guint segment = 0;
      double d;

      /* inside a space, only its own walls */
      if (pts == NULL || pts->len < 3 || (inside != 0 && id != inside))
        continue;
      d = enlace_polyline_distance ((EnlacePoint *)pts->data, pts->len, TRUE, *p, &closest, &segment);
      if (d < best)
        {
          EnlacePoint a = g_array_index (pts, EnlacePoint, segment);
          EnlacePoint b = g_array_index (pts, EnlacePoint, (segment + 1) % pts->len);
          double len = enlace_point_distance (a, b);
          EnlacePoint n = { 0, 0 };

          if (len > 0)
            {
              /* the wall's normal that points into the space */
              n = (EnlacePoint) { -(b.y - a.y) / len, (b.x - a.x) / len };
              if (!enlace_polygon_contains ((EnlacePoint *)pts->data, pts->len,
                                            (EnlacePoint) { closest.x + 0.05 * n.x, closest.y + 0.05 * n.y }))
                n = (EnlacePoint) { -n.x, -n.y };
            }
          best = d;
          found = id;
          on_wall = closest;
          inward = n;
          snapped = TRUE;
        }
    }
  sqlite3_reset (stmt);
  if (snapped)
    {
      *p = on_wall;
      /* facing into the room, as the design places them */
      if (*rotation == 0 && (inward.x != 0 || inward.y != 0))
        *rotation = fmod (round (atan2 (inward.y, inward.x) * 180 / G_PI) + 360, 360);
    }
  return found;
}

gint64
enlace_plan_add_outlet (EnlaceStore  *store,
                        gint64        floor_id,
                        EnlacePoint   p,
                        double        rotation,
                        const char   *name,
                        guint         n_data,
                        guint         n_voice,
                        GError      **error)
{
  gint64 space_id;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);

  space_id = wall_at (store, floor_id, &p, &rotation);
  if (space_id == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("An outlet goes inside a space: draw the space at (%.2f, %.2f) m first"), p.x, p.y);
      return 0;
    }
  return create_outlet (store, floor_id, space_id, &p, rotation, name, n_data, n_voice, error);
}

gint64
enlace_plan_add_outlet_in_space (EnlaceStore  *store,
                                 gint64        space_id,
                                 const char   *name,
                                 guint         n_data,
                                 guint         n_voice,
                                 GError      **error)
{
  g_autoptr(JsonObject) space = NULL;
  g_autoptr(GArray) outline = NULL;
  EnlacePoint centre;
  const char *points;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);

  if (!(space = enlace_store_get (store, "space", space_id, error)))
    return 0;
  points = json_object_get_string_member_with_default (space, "outline", NULL);
  if (points && (outline = enlace_points_parse (points, NULL)) && outline->len >= 3)
    centre = enlace_polygon_centroid ((EnlacePoint *) outline->data, outline->len);
  return create_outlet (store, json_object_get_int_member (space, "floor_id"), space_id,
                        outline && outline->len >= 3 ? &centre : NULL, 0,
                        name, n_data, n_voice, error);
}

gint64
enlace_plan_add_outlet_at (EnlaceStore  *store,
                           gint64        space_id,
                           EnlacePoint   p,
                           double        rotation,
                           const char   *name,
                           guint         n_data,
                           guint         n_voice,
                           GError      **error)
{
  gint64 floor_id;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);

  floor_id = floor_of_space (store, space_id);
  if (floor_id == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no space %lld to place an outlet in"), (long long) space_id);
      return 0;
    }
  return create_outlet (store, floor_id, space_id, &p, rotation, name, n_data, n_voice, error);
}

/* The label the next outlet of @space_id gets (enlace_plan_add_outlet_in_space). */
char *
enlace_plan_next_outlet_name (EnlaceStore *store,
                              gint64       space_id)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  return next_outlet_name (store, floor_of_space (store, space_id));
}

gint64
enlace_plan_add_access_point (EnlaceStore  *store,
                              gint64        floor_id,
                              EnlacePoint   p,
                              GError      **error)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonObject) port = json_object_new ();
  g_autofree char *building = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autofree char *floor_key = NULL;
  gint64 space_id, id;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);

  space_id = enlace_plan_space_at (store, floor_id, p);
  if (space_id == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("An access point goes inside a space: draw the space at (%.2f, %.2f) m first"), p.x, p.y);
      return 0;
    }
  floor_key = enlace_store_dup_key (store, "floor", floor_id);
  building = g_strndup (floor_key, strcspn (floor_key, "/"));
  for (guint i = 1; i < 10000; i++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-AP%02u", building, i);
      if (enlace_store_lookup (store, "device", name, NULL) == 0)
        break;
    }

  label = g_strdup_printf (_("Place access point %s"), name);
  if (!enlace_store_begin (store, label, error))
    return 0;
  json_object_set_string_member (values, "name", name);
  json_object_set_string_member (values, "role", "access-point");
  json_object_set_string_member (values, "status", "planned");
  json_object_set_int_member (values, "space_id", space_id);
  json_object_set_double_member (values, "x", round (p.x * 1000) / 1000);
  json_object_set_double_member (values, "y", round (p.y * 1000) / 1000);
  id = enlace_store_create (store, "device", values, error);
  if (id == 0)
    goto fail;
  json_object_set_int_member (port, "device_id", id);
  json_object_set_string_member (port, "kind", "interface");
  json_object_set_string_member (port, "name", "eth0");
  if (enlace_store_create (store, "port", port, error) == 0)
    goto fail;
  if (!enlace_store_commit (store, error))
    return 0;
  return id;

fail:
  enlace_store_rollback (store);
  return 0;
}

GArray *
enlace_plan_duplicate (EnlaceStore          *store,
                       const EnlacePlanRef  *refs,
                       guint                 n,
                       double                dx,
                       double                dy,
                       GError              **error)
{
  g_autoptr(GArray) copies = g_array_new (FALSE, FALSE, sizeof (EnlacePlanRef));
  g_autofree char *label = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Paste %u item on the plan", "Paste %u items on the plan", n), n);
  if (!enlace_store_begin (store, label, error))
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonObject) row = NULL;
      EnlacePlanRef copy = { refs[i].kind, 0 };

      if (refs[i].kind == ENLACE_PLAN_ITEM_SPACE || refs[i].kind == ENLACE_PLAN_ITEM_RACK)
        continue;
      row = get_row (store, refs[i], error);
      if (row == NULL)
        goto fail;

      if (refs[i].kind == ENLACE_PLAN_ITEM_DEVICE)
        {
          gint64 space_id = json_object_get_int_member (row, "space_id");
          gint64 floor_id = floor_of_space (store, space_id);
          EnlacePoint p = { json_number (row, "x") + dx, json_number (row, "y") + dy };
          sqlite3_stmt *stmt;
          guint n_data = 0, n_voice = 0;

          if (g_strcmp0 (json_object_get_string_member (row, "role"), "outlet") != 0)
            continue;
          stmt = enlace_store_prepare (store,
                                       "SELECT medium = 'voice', count(*) FROM port WHERE device_id = ?1 AND kind = 'front' "
                                       "GROUP BY medium = 'voice'",
                                       error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, refs[i].id);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            {
              if (sqlite3_column_int (stmt, 0))
                n_voice = sqlite3_column_int (stmt, 1);
              else
                n_data = sqlite3_column_int (stmt, 1);
            }
          sqlite3_reset (stmt);
          if (n_data + n_voice == 0)
            n_data = 1;
          copy.id = enlace_plan_add_outlet (store, floor_id, p, json_number (row, "rotation"), NULL,
                                            n_data, n_voice, error);
        }
      else
        {
          g_autoptr(GArray) pts = item_points (row, refs[i].kind, error);
          g_autoptr(JsonObject) values = json_object_new ();
          g_autofree char *json = NULL;
          g_autoptr(GList) members = json_object_get_members (row);

          if (pts == NULL)
            goto fail;
          for (guint k = 0; k < pts->len; k++)
            {
              g_array_index (pts, EnlacePoint, k).x += dx;
              g_array_index (pts, EnlacePoint, k).y += dy;
            }
          for (GList *l = members; l; l = l->next)
            if (strcmp (l->data, "id") != 0)
              json_object_set_member (values, l->data, json_node_copy (json_object_get_member (row, l->data)));
          json = enlace_points_to_json ((EnlacePoint *)pts->data, pts->len);
          json_object_set_string_member (values, "points", json);
          copy.id = enlace_store_create (store, kind_name (refs[i].kind), values, error);
        }
      if (copy.id == 0)
        goto fail;
      g_array_append_val (copies, copy);
    }
  if (!enlace_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&copies);

fail:
  enlace_store_rollback (store);
  return NULL;
}

/* ---------------------------------------------------------------- find */

static gint64
placed_device_on_floor (EnlaceStore *store,
                        gint64       floor_id,
                        const char  *sql,
                        const char  *text)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, floor_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* The device placed on the floor that a port's paths reach. */
static gint64
outlet_of_port (EnlaceStore  *store,
                EnlaceTracer *tracer,
                gint64        floor_id,
                gint64        port_id)
{
  EnlaceTerm term = { ENLACE_TERM_PORT, port_id };
  g_autoptr(GPtrArray) paths = NULL;
  sqlite3_stmt *stmt;

  if (tracer == NULL)
    return 0;
  paths = enlace_tracer_trace_term (tracer, &term, NULL);
  if (paths == NULL)
    return 0;
  stmt = enlace_store_prepare (store,
                               "SELECT device.id FROM port JOIN device ON device.id = port.device_id "
                               "JOIN space ON space.id = device.space_id "
                               "WHERE port.id = ?1 AND space.floor_id = ?2 AND device.x IS NOT NULL",
                               NULL);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; i < paths->len; i++)
    {
      EnlacePath *path = g_ptr_array_index (paths, i);

      for (guint h = enlace_path_get_n_hops (path); h > 0; h--)
        {
          guint n = 0;
          const EnlaceNode *nodes = enlace_path_get_hop (path, h - 1, &n);

          for (guint k = 0; k < n; k++)
            {
              gint64 id = 0;

              if (nodes[k].kind != ENLACE_NODE_PORT)
                continue;
              sqlite3_reset (stmt);
              sqlite3_bind_int64 (stmt, 1, nodes[k].id);
              sqlite3_bind_int64 (stmt, 2, floor_id);
              if (sqlite3_step (stmt) == SQLITE_ROW)
                id = sqlite3_column_int64 (stmt, 0);
              if (id)
                {
                  sqlite3_reset (stmt);
                  return id;
                }
            }
        }
    }
  sqlite3_reset (stmt);
  return 0;
}

gboolean
enlace_plan_find (EnlaceStore    *store,
                  gpointer        tracer,
                  gint64          floor_id,
                  const char     *text,
                  EnlacePlanRef  *out,
                  GError        **error)
{
  g_autofree char *like = NULL;
  g_autoptr(GArray) ports = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  text = g_strstrip (g_strdup (text));
  like = g_strdup_printf ("%%%s%%", text);

  /* A device drawn on the floor, by its exact name. */
  id = placed_device_on_floor (store, floor_id,
                               "SELECT device.id FROM device JOIN space ON space.id = device.space_id "
                               "WHERE space.floor_id = ?1 AND device.x IS NOT NULL AND device.name = ?2",
                               text);
  if (id)
    goto device;

  /* A space or a rack. */
  stmt = enlace_store_prepare (store, "SELECT id FROM space WHERE floor_id = ?1 AND code = ?2 AND outline IS NOT NULL", NULL);
  if (stmt)
    {
      sqlite3_bind_int64 (stmt, 1, floor_id);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
      id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (id)
        {
          out->kind = ENLACE_PLAN_ITEM_SPACE;
          out->id = id;
          g_free ((char *)text);
          return TRUE;
        }
    }
  stmt = enlace_store_prepare (store,
                               "SELECT rack.id FROM rack JOIN space ON space.id = rack.space_id "
                               "WHERE space.floor_id = ?1 AND rack.name = ?2 AND rack.x IS NOT NULL", NULL);
  if (stmt)
    {
      sqlite3_bind_int64 (stmt, 1, floor_id);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
      id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (id)
        {
          out->kind = ENLACE_PLAN_ITEM_RACK;
          out->id = id;
          g_free ((char *)text);
          return TRUE;
        }
    }

  /* An extension by number, or a person's extensions: follow the line. */
  stmt = enlace_store_prepare (store,
                               "SELECT extension.port_id FROM extension LEFT JOIN person ON person.id = extension.person_id "
                               "WHERE extension.port_id IS NOT NULL AND (extension.number = ?1 "
                               "OR person.name LIKE ?2 OR extension.holder LIKE ?2) ORDER BY extension.number = ?1 DESC",
                               NULL);
  if (stmt)
    {
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, like, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 port = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ports, port);
        }
      sqlite3_reset (stmt);
    }
  for (guint i = 0; i < ports->len; i++)
    if ((id = outlet_of_port (store, tracer, floor_id, g_array_index (ports, gint64, i))) != 0)
      goto device;

  /* Part of a device name. */
  id = placed_device_on_floor (store, floor_id,
                               "SELECT device.id FROM device JOIN space ON space.id = device.space_id "
                               "WHERE space.floor_id = ?1 AND device.x IS NOT NULL AND device.name LIKE ?2 "
                               "ORDER BY device.name",
                               like);
  if (id)
    goto device;

  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
               _("Nothing called “%s” is drawn on this floor"), text);
  g_free ((char *)text);
  return FALSE;

device:
  out->kind = ENLACE_PLAN_ITEM_DEVICE;
  out->id = id;
  g_free ((char *)text);
  return TRUE;
}
