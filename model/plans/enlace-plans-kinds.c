/* enlace-plans-kinds.c: the kinds of object of the floor plans
 *
 * Floor plans, walls and pathways: fields, key, XML element (written
 * after the attachments, which hold the architect's drawings the plans
 * refer to).  Registered by enlace_plans_register_kinds().
 */
#define G_LOG_DOMAIN "enlace-kinds"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-areas.h"
#include "enlace-kinds.h"
#include "enlace-store-private.h"

#define N(a) G_N_ELEMENTS (a)

static const char * const pathway_kinds[] = { "tray", "conduit", "raceway", "riser", NULL };

static const EnlaceField floor_plan_fields[] = {
  { "floor_id", ENLACE_FIELD_REF, "floor", NULL, TRUE, N_("Floor") },
  { "attachment_id", ENLACE_FIELD_INT, NULL, NULL, FALSE, N_("Background") },
  { "page", ENLACE_FIELD_INT, NULL, NULL, FALSE, N_("Page") },
  { "scale", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Scale (m per unit)") },
  { "origin_x", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Origin X (m)") },
  { "origin_y", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Origin Y (m)") },
  { "rotation", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Rotation (°)") },
  { "opacity", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Opacity") },
  { "locked", ENLACE_FIELD_BOOL, NULL, NULL, FALSE, N_("Locked") },
  { "width_m", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Width (m)") },
  { "height_m", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Depth (m)") },
  { "north", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("North (°)") },
};
static const EnlaceField wall_fields[] = {
  { "floor_id", ENLACE_FIELD_REF, "floor", NULL, TRUE, N_("Floor") },
  { "points", ENLACE_FIELD_POLYLINE, NULL, NULL, TRUE, N_("Points") },
  { "thickness", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Thickness (m)") },
};
static const EnlaceField pathway_fields[] = {
  { "floor_id", ENLACE_FIELD_REF, "floor", NULL, TRUE, N_("Floor") },
  { "name", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Name") },
  { "kind", ENLACE_FIELD_CHOICE, NULL, pathway_kinds, TRUE, N_("Kind") },
  { "points", ENLACE_FIELD_POLYLINE, NULL, NULL, TRUE, N_("Points") },
  { "height", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Height above floor (m)") },
  { "size_mm", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Size (mm)") },
  { "to_floor_id", ENLACE_FIELD_REF, "floor", NULL, FALSE, N_("Riser to floor") },
};

/* A floor plan is named by its floor: BUILDING/LEVEL. */
static gint64
lookup_floor_plan (EnlaceStore *store,
                   const char  *key,
                   gboolean    *ambiguous)
{
  gint64 floor_id = enlace_store_lookup (store, "floor", key, NULL);
  g_autofree char *fid = g_strdup_printf ("%" G_GINT64_FORMAT, floor_id);

  if (floor_id == 0)
    return 0;
  return enlace_store_lookup_one (store, "SELECT id FROM floor_plan WHERE floor_id = CAST(?1 AS INTEGER)",
                                  fid, NULL, NULL, NULL);
}

#define FLOOR_JOIN " JOIN floor f ON f.id = t.floor_id JOIN building b ON b.id = f.building_id"

static const EnlaceKind kinds[] = {
  {
    .name = "floor-plan", .table = "floor_plan", .label = N_("Floor plan"), .plural = N_("Floor plans"),
    .fields = floor_plan_fields, .n_fields = N (floor_plan_fields),
    .parent_field = "floor_id", .order_by = "floor_id",
    .key_sql = "SELECT building.code || '/' || floor.level FROM floor_plan "
               "JOIN floor ON floor.id = floor_plan.floor_id "
               "JOIN building ON building.id = floor.building_id WHERE floor_plan.id = ?1",
    .lookup = lookup_floor_plan,
    .xml = { "floor-plan", "floor_plan t" FLOOR_JOIN, "b.code, f.level", NULL, TRUE },
  },
  {
    .name = "wall", .table = "wall", .label = N_("Wall"), .plural = N_("Walls"),
    .fields = wall_fields, .n_fields = N (wall_fields),
    .parent_field = "floor_id", .order_by = "floor_id, id",
    .xml = { "wall", "wall t" FLOOR_JOIN, "b.code, f.level, t.points, t.id", NULL, TRUE },
  },
  {
    .name = "pathway", .table = "pathway", .label = N_("Pathway"), .plural = N_("Pathways"),
    .fields = pathway_fields, .n_fields = N (pathway_fields),
    .parent_field = "floor_id", .order_by = "floor_id, id",
    .xml = { "pathway", "pathway t" FLOOR_JOIN, "b.code, f.level, t.kind, t.points, t.id", NULL, TRUE },
  },
};

static const EnlaceChoiceLabel choice_labels[] = {
  { "tray", N_("Cable tray") },
  { "conduit", N_("Conduit") },
  { "raceway", N_("Raceway") },
  { "riser", N_("Riser") },
};

void
enlace_plans_register_kinds (void)
{
  enlace_kinds_register (kinds, N (kinds));
  enlace_choice_labels_register (choice_labels, N (choice_labels));
}
