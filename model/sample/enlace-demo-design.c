/* enlace-demo-design.c: the demo's building in design, "Edificio C —
 * Biblioteca"
 *
 * Two floors drawn (rooms along a corridor, walls, a tray along the
 * corridor with a spur to the telecom room's rack, a riser between the
 * telecom rooms), then designed the way a planner would: outlets placed
 * by rule in the rooms, routed to the telecom room of their floor along
 * the tray, patch-panel ports assigned (panels added as they fill) and
 * the planned horizontal cables made.  The guard's booth at the far end
 * of the ground floor is beyond 90 m on purpose, so that the checks show
 * how a failure reads.
 */
#define G_LOG_DOMAIN "enlace-demo"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-demo.h"
#include "enlace-design.h"
#include "enlace-store-private.h"

/* Rooms 4.5 m deep either side of a 2.5 m corridor: each floor under the
 * 1,000 m² one telecom room serves (84 × 11.5 = 966 m²), so that the one
 * failure of the checks is the one meant: the guard's booth at the far end
 * of the ground floor beyond 90 m. */
#define ROW_DEPTH  4.5
#define CORRIDOR   2.5
#define TRAY_Y     (ROW_DEPTH + CORRIDOR / 2)

typedef struct
{
  char        row;       /* 'S' south (y = 0), 'N' north */
  double      x0, x1;
  const char *code;
  const char *name;
  const char *kind;
} Room;

static const Room ground[] = {
  { 'S', 0, 4, "0A", "Cuarto de telecomunicaciones 0A", "telecom-room" },
  { 'S', 4, 20, "001", "Vestíbulo y préstamo", "office" },
  { 'S', 20, 50, "002", "Sala de lectura general", "classroom" },
  { 'S', 50, 84, "003", "Acervo general", "other" },
  { 'N', 0, 16, "004", "Sala de cómputo", "laboratory" },
  { 'N', 16, 36, "005", "Cubículos de estudio", "office" },
  { 'N', 36, 60, "006", "Hemeroteca", "classroom" },
  { 'N', 60, 78, "007", "Sanitarios", "other" },
  { 'N', 78, 84, "008", "Caseta de vigilancia", "office" },
};

static const Room first[] = {
  { 'S', 0, 4, "1A", "Cuarto de telecomunicaciones 1A", "telecom-room" },
  { 'S', 4, 24, "101", "Sala de investigadores", "office" },
  { 'S', 24, 44, "102", "Cubículos de estudio", "office" },
  { 'N', 0, 20, "103", "Sala de consulta digital", "laboratory" },
  { 'N', 20, 32, "104", "Dirección de la biblioteca", "office" },
  { 'N', 32, 56, "105", "Sala de lectura silenciosa", "classroom" },
};

static gint64
create (EnlaceStore  *store,
        const char   *kind,
        JsonObject   *values,
        GError      **error)
{
  g_autoptr(JsonObject) v = values;

  return enlace_store_create (store, kind, v, error);
}

static gint64
pathway (EnlaceStore       *store,
         gint64             floor_id,
         const char        *name,
         const char        *kind,
         const EnlacePoint *pts,
         guint              n,
         gint64             to_floor_id,
         GError           **error)
{
  JsonObject *way = json_object_new ();
  g_autofree char *json = enlace_points_to_json (pts, n);

  json_object_set_int_member (way, "floor_id", floor_id);
  json_object_set_string_member (way, "name", name);
  json_object_set_string_member (way, "kind", kind);
  json_object_set_string_member (way, "points", json);
  if (to_floor_id)
    json_object_set_int_member (way, "to_floor_id", to_floor_id);
  else
    {
      json_object_set_double_member (way, "height", 2.8);
      json_object_set_double_member (way, "size_mm", 300);
    }
  return create (store, "pathway", way, error);
}

/* The rooms, walls, rack and pathways of one floor; returns the floor. */
static gint64
draw_floor (EnlaceStore  *store,
            gint64        building_id,
            int           level,
            const char   *floor_name,
            const Room   *rooms,
            guint         n_rooms,
            double        length,
            GError      **error)
{
  JsonObject *floor = json_object_new ();
  gint64 floor_id, tr = 0;
  g_autofree char *rack_name = NULL;

  json_object_set_int_member (floor, "building_id", building_id);
  json_object_set_int_member (floor, "level", level);
  json_object_set_string_member (floor, "name", floor_name);
  json_object_set_double_member (floor, "height", 3.6);
  if ((floor_id = create (store, "floor", floor, error)) == 0)
    return 0;

  for (guint i = 0; i < n_rooms; i++)
    {
      const Room *r = &rooms[i];
      double y0 = r->row == 'S' ? 0 : ROW_DEPTH + CORRIDOR;
      EnlacePoint pts[5] = { { r->x0, y0 }, { r->x1, y0 }, { r->x1, y0 + ROW_DEPTH }, { r->x0, y0 + ROW_DEPTH }, { r->x0, y0 } };
      g_autofree char *outline = enlace_points_to_json (pts, 4);
      g_autofree char *wall_pts = enlace_points_to_json (pts, 5);
      JsonObject *space = json_object_new ();
      JsonObject *wall = json_object_new ();
      gint64 id;

      json_object_set_int_member (space, "floor_id", floor_id);
      json_object_set_string_member (space, "code", r->code);
      json_object_set_string_member (space, "name", r->name);
      json_object_set_string_member (space, "kind", r->kind);
      json_object_set_string_member (space, "outline", outline);
      if ((id = create (store, "space", space, error)) == 0)
        {
          json_object_unref (wall);
          return 0;
        }
      if (g_strcmp0 (r->kind, "telecom-room") == 0)
        tr = id;
      json_object_set_int_member (wall, "floor_id", floor_id);
      json_object_set_string_member (wall, "points", wall_pts);
      json_object_set_double_member (wall, "thickness", 0.15);
      if (create (store, "wall", wall, error) == 0)
        return 0;
    }

  /* The corridor, its tray and the spur to the telecom room's rack. */
  {
    JsonObject *space = json_object_new ();
    JsonObject *rack = json_object_new ();
    EnlacePoint c[4] = { { 0, ROW_DEPTH }, { length, ROW_DEPTH }, { length, ROW_DEPTH + CORRIDOR }, { 0, ROW_DEPTH + CORRIDOR } };
    EnlacePoint tray[2] = { { 0.5, TRAY_Y }, { length - 0.5, TRAY_Y } };
    EnlacePoint spur[2] = { { 2.0, TRAY_Y }, { 2.0, 4.0 } };
    g_autofree char *outline = enlace_points_to_json (c, 4);
    g_autofree char *code = g_strdup_printf ("%dPAS", level);

    json_object_set_int_member (space, "floor_id", floor_id);
    json_object_set_string_member (space, "code", code);
    json_object_set_string_member (space, "name", "Pasillo");
    json_object_set_string_member (space, "kind", "other");
    json_object_set_string_member (space, "outline", outline);
    if (create (store, "space", space, error) == 0)
      {
        json_object_unref (rack);
        return 0;
      }
    rack_name = g_strdup_printf ("R-C-%dA", level);
    json_object_set_int_member (rack, "space_id", tr);
    json_object_set_string_member (rack, "name", rack_name);
    json_object_set_int_member (rack, "u_height", 42);
    json_object_set_double_member (rack, "x", 2.0);
    json_object_set_double_member (rack, "y", 4.0);
    if (create (store, "rack", rack, error) == 0)
      return 0;
    if (pathway (store, floor_id, _("Corridor tray"), "tray", tray, 2, 0, error) == 0 ||
        pathway (store, floor_id, _("Telecom room tray"), "tray", spur, 2, 0, error) == 0)
      return 0;
  }
  return floor_id;
}

static gboolean
design_floor (EnlaceStore         *store,
              gint64               floor_id,
              const char * const  *codes,
              guint                n_data,
              guint                n_voice,
              double               m2_per_workstation,
              guint                walls,
              GError             **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) outlets = NULL;
  EnlaceDesignRule rule;
  EnlaceDesignOptions opts;

  for (guint i = 0; codes[i]; i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *floor_key = enlace_store_dup_key (store, "floor", floor_id);
      gint64 id;

      key = g_strdup_printf ("%s/%s", floor_key, codes[i]);
      if ((id = enlace_store_lookup (store, "space", key, error)) == 0)
        return FALSE;
      g_array_append_val (ids, id);
    }
  enlace_design_rule_init (&rule);
  rule.n_data = n_data;
  rule.n_voice = n_voice;
  rule.m2_per_workstation = m2_per_workstation;
  rule.walls = walls;
  if (!enlace_design_options_load (store, &opts, error))
    return FALSE;
  outlets = enlace_design_place_preview (store, floor_id, (gint64 *)ids->data, ids->len, &rule, error);
  return outlets != NULL && enlace_design_apply (store, outlets, &opts, NULL, error);
}

gboolean
enlace_demo_add_design (EnlaceStore  *store,
                        GError      **error)
{
  static const char *ground_rooms[] = { "001", "002", "004", "005", "006", NULL };
  static const char *booth[] = { "008", NULL };
  static const char *first_rooms[] = { "101", "102", "103", "104", "105", NULL };
  JsonObject *building;
  gint64 site_id, building_id, f0, f1;
  EnlacePoint riser[2] = { { 3.0, 6.0 }, { 3.0, 6.01 } };

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!enlace_store_begin (store, _("Design the library building of the demo"), error))
    return FALSE;
  site_id = enlace_store_lookup (store, "site", "CC", error);
  if (site_id == 0)
    goto fail;
  building = json_object_new ();
  json_object_set_int_member (building, "site_id", site_id);
  json_object_set_string_member (building, "code", "C");
  json_object_set_string_member (building, "name", "Edificio C — Biblioteca");
  json_object_set_string_member (building, "address", "Av. Universidad 1000, edificio C (en obra), Valle de Santiago, Gto., C.P. 38400");
  if ((building_id = create (store, "building", building, error)) == 0)
    goto fail;

  f0 = draw_floor (store, building_id, 0, "Planta baja", ground, G_N_ELEMENTS (ground), 84, error);
  if (f0 == 0)
    goto fail;
  f1 = draw_floor (store, building_id, 1, "Primer piso", first, G_N_ELEMENTS (first), 56, error);
  if (f1 == 0)
    goto fail;
  if (pathway (store, f0, _("Backbone riser"), "riser", riser, 2, f1, error) == 0)
    goto fail;

  /* Outlets by rule: one per 15 m² with a data and a voice jack in the
   * rooms; one outlet on the far (south) wall of the guard's booth, whose
   * run is beyond 90 m. */
  if (!design_floor (store, f0, ground_rooms, 1, 1, 15, ENLACE_DESIGN_WALL_ALL, error) ||
      !design_floor (store, f0, booth, 1, 1, 0, ENLACE_DESIGN_WALL_SOUTH, error) ||
      !design_floor (store, f1, first_rooms, 1, 1, 15, ENLACE_DESIGN_WALL_ALL, error))
    goto fail;
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}
