/* enlace-kinds.c: the object kinds of the inventory, described as data */
#define G_LOG_DOMAIN "enlace-kinds"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-kinds.h"

#define N(a) G_N_ELEMENTS (a)

static const char * const space_kinds[] = {
  "office", "classroom", "laboratory", "telecom-room", "equipment-room",
  "entrance-facility", "other", NULL
};
static const char * const rack_widths[] = { "10in", "19in", "23in", NULL };
static const char * const device_roles[] = {
  "switch", "router", "firewall", "server", "pbx", "patch-panel", "outlet",
  "consolidation-point", "phone", "access-point", "computer", "other", NULL
};
static const char * const faces[] = { "front", "rear", NULL };
static const char * const device_statuses[] = { "planned", "active", "retired", NULL };
static const char * const port_kinds[] = { "interface", "front", "rear", NULL };
static const char * const media[] = { "copper", "fibre", "voice", NULL };
static const char * const connectors[] = { "8P8C", "LC", "SC", "ST", "MPO", "110", "splice", "other", NULL };
static const char * const sides[] = { "A", "Z", NULL };
static const char * const cable_kinds[] = {
  "horizontal", "backbone", "patch-cord", "equipment-cord", "other", NULL
};
static const char * const cable_types[] = {
  "cat3", "cat5e", "cat6", "cat6a", "cat7", "cat8", "om1", "om2", "om3",
  "om4", "om5", "os1", "os2", "coax", "multipair", NULL
};
static const char * const cable_statuses[] = { "planned", "installed", "decommissioned", NULL };
static const char * const ext_statuses[] = { "active", "suspended", "cancelled", NULL };

static const EnlaceField site_fields[] = {
  { "code", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Code") },
  { "name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Name") },
  { "description", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Description") },
};
static const EnlaceField building_fields[] = {
  { "site_id", ENLACE_FIELD_REF, "site", NULL, TRUE, N_("Site") },
  { "code", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Code") },
  { "name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Name") },
  { "address", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Address") },
};
static const EnlaceField floor_fields[] = {
  { "building_id", ENLACE_FIELD_REF, "building", NULL, TRUE, N_("Building") },
  { "level", ENLACE_FIELD_INT, NULL, NULL, TRUE, N_("Level") },
  { "name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Name") },
  { "height", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Height (m)") },
};
static const EnlaceField space_fields[] = {
  { "floor_id", ENLACE_FIELD_REF, "floor", NULL, TRUE, N_("Floor") },
  { "code", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Code") },
  { "name", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Name") },
  { "kind", ENLACE_FIELD_CHOICE, NULL, space_kinds, TRUE, N_("Kind") },
  { "outline", ENLACE_FIELD_POLYGON, NULL, NULL, FALSE, N_("Outline") },
};
static const EnlaceField area_fields[] = {
  { "code", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Code") },
  { "name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Name") },
  { "parent_id", ENLACE_FIELD_REF, "area", NULL, FALSE, N_("Parent area") },
};
static const EnlaceField person_fields[] = {
  { "name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Name") },
  { "position", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Position") },
  { "area_id", ENLACE_FIELD_REF, "area", NULL, FALSE, N_("Area") },
  { "email", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("E-mail") },
  { "phone", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Phone") },
};
static const EnlaceField rack_fields[] = {
  { "space_id", ENLACE_FIELD_REF, "space", NULL, TRUE, N_("Space") },
  { "name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Name") },
  { "u_height", ENLACE_FIELD_INT, NULL, NULL, TRUE, N_("Height (U)") },
  { "width", ENLACE_FIELD_CHOICE, NULL, rack_widths, TRUE, N_("Width") },
  { "desc_units", ENLACE_FIELD_BOOL, NULL, NULL, FALSE, N_("Units numbered from the top") },
  { "x", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Position X (m)") },
  { "y", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Position Y (m)") },
  { "rotation", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Rotation (°)") },
};
static const EnlaceField device_type_fields[] = {
  { "manufacturer", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Manufacturer") },
  { "model", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Model") },
  { "part_number", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Part number") },
  { "u_height", ENLACE_FIELD_REAL, NULL, NULL, TRUE, N_("Height (U)") },
  { "full_depth", ENLACE_FIELD_BOOL, NULL, NULL, FALSE, N_("Full depth") },
  { "role", ENLACE_FIELD_CHOICE, NULL, device_roles, TRUE, N_("Role") },
};
static const EnlaceField port_template_fields[] = {
  { "device_type_id", ENLACE_FIELD_REF, "device-type", NULL, TRUE, N_("Device type") },
  { "kind", ENLACE_FIELD_CHOICE, NULL, port_kinds, TRUE, N_("Kind") },
  { "name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Name") },
  { "medium", ENLACE_FIELD_CHOICE, NULL, media, TRUE, N_("Medium") },
  { "connector", ENLACE_FIELD_CHOICE, NULL, connectors, TRUE, N_("Connector") },
  { "positions", ENLACE_FIELD_INT, NULL, NULL, TRUE, N_("Positions") },
  { "label", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Label") },
  { "seq", ENLACE_FIELD_INT, NULL, NULL, FALSE, N_("Order") },
};
static const EnlaceField mapping_template_fields[] = {
  { "device_type_id", ENLACE_FIELD_REF, "device-type", NULL, TRUE, N_("Device type") },
  { "front_name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Front port") },
  { "front_pos", ENLACE_FIELD_INT, NULL, NULL, TRUE, N_("Front position") },
  { "rear_name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Rear port") },
  { "rear_pos", ENLACE_FIELD_INT, NULL, NULL, TRUE, N_("Rear position") },
};
static const EnlaceField device_fields[] = {
  { "device_type_id", ENLACE_FIELD_REF, "device-type", NULL, FALSE, N_("Device type") },
  { "name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Name") },
  { "role", ENLACE_FIELD_CHOICE, NULL, device_roles, TRUE, N_("Role") },
  { "rack_id", ENLACE_FIELD_REF, "rack", NULL, FALSE, N_("Rack") },
  { "u_position", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Unit") },
  { "face", ENLACE_FIELD_CHOICE, NULL, faces, FALSE, N_("Face") },
  { "space_id", ENLACE_FIELD_REF, "space", NULL, FALSE, N_("Space") },
  { "x", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Position X (m)") },
  { "y", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Position Y (m)") },
  { "rotation", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Rotation (°)") },
  { "serial", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Serial number") },
  { "asset_tag", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Asset tag") },
  { "status", ENLACE_FIELD_CHOICE, NULL, device_statuses, TRUE, N_("Status") },
  { "comments", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Comments") },
};
static const EnlaceField port_fields[] = {
  { "device_id", ENLACE_FIELD_REF, "device", NULL, TRUE, N_("Device") },
  { "kind", ENLACE_FIELD_CHOICE, NULL, port_kinds, TRUE, N_("Kind") },
  { "name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Name") },
  { "medium", ENLACE_FIELD_CHOICE, NULL, media, TRUE, N_("Medium") },
  { "connector", ENLACE_FIELD_CHOICE, NULL, connectors, TRUE, N_("Connector") },
  { "positions", ENLACE_FIELD_INT, NULL, NULL, TRUE, N_("Positions") },
  { "label", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Label") },
  { "seq", ENLACE_FIELD_INT, NULL, NULL, FALSE, N_("Order") },
};
static const EnlaceField port_mapping_fields[] = {
  { "device_id", ENLACE_FIELD_REF, "device", NULL, TRUE, N_("Device") },
  { "front_port_id", ENLACE_FIELD_REF, "port", NULL, TRUE, N_("Front port") },
  { "front_pos", ENLACE_FIELD_INT, NULL, NULL, TRUE, N_("Front position") },
  { "rear_port_id", ENLACE_FIELD_REF, "port", NULL, TRUE, N_("Rear port") },
  { "rear_pos", ENLACE_FIELD_INT, NULL, NULL, TRUE, N_("Rear position") },
};
static const EnlaceField circuit_fields[] = {
  { "cid", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Circuit ID") },
  { "provider", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Provider") },
  { "kind", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Kind") },
  { "bandwidth_kbps", ENLACE_FIELD_INT, NULL, NULL, FALSE, N_("Bandwidth (kbit/s)") },
  { "length_m", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Length (m)") },
  { "status", ENLACE_FIELD_CHOICE, NULL, device_statuses, TRUE, N_("Status") },
  { "description", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Description") },
};
static const EnlaceField circuit_termination_fields[] = {
  { "circuit_id", ENLACE_FIELD_REF, "circuit", NULL, TRUE, N_("Circuit") },
  { "side", ENLACE_FIELD_CHOICE, NULL, sides, TRUE, N_("Side") },
  { "space_id", ENLACE_FIELD_REF, "space", NULL, FALSE, N_("Space") },
  { "description", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Description") },
};
static const EnlaceField cable_fields[] = {
  { "label", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Label") },
  { "kind", ENLACE_FIELD_CHOICE, NULL, cable_kinds, TRUE, N_("Kind") },
  { "type", ENLACE_FIELD_CHOICE, NULL, cable_types, FALSE, N_("Type") },
  { "pairs", ENLACE_FIELD_INT, NULL, NULL, FALSE, N_("Pairs") },
  { "length_m", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Length (m)") },
  { "color", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Colour") },
  { "status", ENLACE_FIELD_CHOICE, NULL, cable_statuses, TRUE, N_("Status") },
};
static const EnlaceField extension_fields[] = {
  { "number", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Number") },
  { "person_id", ENLACE_FIELD_REF, "person", NULL, FALSE, N_("Holder") },
  { "holder", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Holder (text)") },
  { "area_id", ENLACE_FIELD_REF, "area", NULL, FALSE, N_("Area") },
  { "status", ENLACE_FIELD_CHOICE, NULL, ext_statuses, TRUE, N_("Status") },
  { "port_id", ENLACE_FIELD_REF, "port", NULL, FALSE, N_("Port") },
};

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

static const EnlaceKind kinds[] = {
  { "site", "site", N_("Site"), N_("Sites"), site_fields, N (site_fields), NULL, "code" },
  { "building", "building", N_("Building"), N_("Buildings"), building_fields, N (building_fields), "site_id", "code" },
  { "floor", "floor", N_("Floor"), N_("Floors"), floor_fields, N (floor_fields), "building_id", "building_id, level" },
  { "space", "space", N_("Space"), N_("Spaces"), space_fields, N (space_fields), "floor_id", "floor_id, code" },
  { "area", "area", N_("Area"), N_("Areas"), area_fields, N (area_fields), NULL, "code" },
  { "person", "person", N_("Person"), N_("People"), person_fields, N (person_fields), NULL, "name, id" },
  { "rack", "rack", N_("Rack"), N_("Racks"), rack_fields, N (rack_fields), "space_id", "name" },
  { "device-type", "device_type", N_("Device type"), N_("Device types"), device_type_fields, N (device_type_fields), NULL, "manufacturer, model" },
  { "port-template", "port_template", N_("Port template"), N_("Port templates"), port_template_fields, N (port_template_fields), "device_type_id", "device_type_id, seq, id" },
  { "mapping-template", "mapping_template", N_("Mapping template"), N_("Mapping templates"), mapping_template_fields, N (mapping_template_fields), "device_type_id", "device_type_id, id" },
  { "device", "device", N_("Device"), N_("Devices"), device_fields, N (device_fields), NULL, "name" },
  { "port", "port", N_("Port"), N_("Ports"), port_fields, N (port_fields), "device_id", "device_id, seq, id" },
  { "port-mapping", "port_mapping", N_("Port mapping"), N_("Port mappings"), port_mapping_fields, N (port_mapping_fields), "device_id", "device_id, id" },
  { "circuit", "circuit", N_("Circuit"), N_("Circuits"), circuit_fields, N (circuit_fields), NULL, "cid" },
  { "circuit-termination", "circuit_termination", N_("Circuit termination"), N_("Circuit terminations"), circuit_termination_fields, N (circuit_termination_fields), "circuit_id", "circuit_id, side" },
  { "cable", "cable", N_("Cable"), N_("Cables"), cable_fields, N (cable_fields), NULL, "label, id" },
  { "extension", "extension", N_("Extension"), N_("Extensions"), extension_fields, N (extension_fields), NULL, "number" },
  { "floor-plan", "floor_plan", N_("Floor plan"), N_("Floor plans"), floor_plan_fields, N (floor_plan_fields), "floor_id", "floor_id" },
  { "wall", "wall", N_("Wall"), N_("Walls"), wall_fields, N (wall_fields), "floor_id", "floor_id, id" },
  { "pathway", "pathway", N_("Pathway"), N_("Pathways"), pathway_fields, N (pathway_fields), "floor_id", "floor_id, id" },
};

static const EnlaceKind *all_kinds[G_N_ELEMENTS (kinds) + 1];

const EnlaceKind **
enlace_kinds_all (void)
{
  if (all_kinds[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      all_kinds[i] = &kinds[i];
  return all_kinds;
}

const EnlaceKind *
enlace_kind_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i].name, name) == 0)
      return &kinds[i];
  return NULL;
}

const EnlaceKind *
enlace_kind_for_table (const char *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i].table, table) == 0)
      return &kinds[i];
  return NULL;
}

const EnlaceField *
enlace_kind_get_field (const EnlaceKind *kind,
                       const char       *field)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    if (strcmp (kind->fields[i].name, field) == 0)
      return &kind->fields[i];
  return NULL;
}

static const struct { const char *value; const char *label; } choice_labels[] = {
  { "office", N_("Office") },
  { "classroom", N_("Classroom") },
  { "laboratory", N_("Laboratory") },
  { "telecom-room", N_("Telecom room") },
  { "equipment-room", N_("Equipment room") },
  { "entrance-facility", N_("Entrance facility") },
  { "other", N_("Other") },
  { "switch", N_("Switch") },
  { "router", N_("Router") },
  { "firewall", N_("Firewall") },
  { "server", N_("Server") },
  { "pbx", N_("PBX") },
  { "patch-panel", N_("Patch panel") },
  { "outlet", N_("Outlet") },
  { "consolidation-point", N_("Consolidation point") },
  { "phone", N_("Phone") },
  { "access-point", N_("Access point") },
  { "computer", N_("Computer") },
  { "front", N_("Front") },
  { "rear", N_("Rear") },
  { "interface", N_("Interface") },
  { "planned", N_("Planned") },
  /* "In service" rather than "Active": one word for devices, circuits
   * and extensions alike (Spanish "Activo/Activa" would need a gender). */
  { "active", N_("In service") },
  { "retired", N_("Retired") },
  { "installed", N_("Installed") },
  { "decommissioned", N_("Decommissioned") },
  { "suspended", N_("Suspended") },
  { "cancelled", N_("Cancelled") },
  { "copper", N_("Copper") },
  { "fibre", N_("Fibre") },
  { "voice", N_("Voice") },
  { "horizontal", N_("Horizontal link") },
  { "backbone", N_("Backbone") },
  { "patch-cord", N_("Patch cord") },
  { "equipment-cord", N_("Equipment cord") },
  { "multipair", N_("Voice multipair") },
  { "coax", N_("Coaxial") },
  /* audit log: what kind of command */
  { "do", N_("Change") },
  { "undo", N_("Undo") },
  { "redo", N_("Redo") },
  /* circuit kinds used by the demo and the generator */
  { "internet", N_("Internet link") },
  { "telephone-trunk", N_("Telephone trunk") },
  { "tray", N_("Cable tray") },
  { "conduit", N_("Conduit") },
  { "raceway", N_("Raceway") },
  { "riser", N_("Riser") },
};

const char *
enlace_choice_label (const char *value)
{
  if (value == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (choice_labels); i++)
    if (strcmp (choice_labels[i].value, value) == 0)
      return _(choice_labels[i].label);
  return value;
}
