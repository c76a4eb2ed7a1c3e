/* enlace-inventory-kinds.c: the kinds of object of the inventory
 *
 * Each kind in one place: fields and defaults, readable key, rules and
 * hooks (enlace-validate.c, enlace-inventory-keys.c), the tables it owns,
 * its XML element and its list columns.  Registered, with the labels of
 * the choice values, by enlace_inventory_register_kinds().
 */
#define G_LOG_DOMAIN "enlace-kinds"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-areas.h"
#include "enlace-inventory-private.h"
#include "enlace-kinds.h"
#include "enlace-sql-paths.h"

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

static const EnlaceColumn site_columns[] = {
  { "code", N_("Code"), "t.code", NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "name", N_("Name"), "t.name", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "buildings", N_("Buildings"), "(SELECT count(*) FROM building b WHERE b.site_id = t.id)", NULL, ENLACE_COLUMN_NUMBER, FALSE, FALSE },
};
static const EnlaceColumn building_columns[] = {
  { "code", N_("Code"), "t.code", NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "name", N_("Name"), "t.name", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "address", N_("Address"), "t.address", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "floors", N_("Floors"), "(SELECT count(*) FROM floor f WHERE f.building_id = t.id)", NULL, ENLACE_COLUMN_NUMBER, FALSE, FALSE },
};
static const EnlaceColumn floor_columns[] = {
  { "building", N_("Building"), "(SELECT code FROM building b WHERE b.id = t.building_id)", NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "level", N_("Level"), "t.level", "t.level", ENLACE_COLUMN_NUMBER, TRUE, FALSE },
  { "name", N_("Name"), "t.name", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "spaces", N_("Spaces"), "(SELECT count(*) FROM space s WHERE s.floor_id = t.id)", NULL, ENLACE_COLUMN_NUMBER, FALSE, FALSE },
};
static const EnlaceColumn space_columns[] = {
  { "floor", N_("Floor"), FLOOR_PATH ("t.floor_id"), NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "code", N_("Code"), "t.code", NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "name", N_("Name"), "t.name", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "kind", N_("Kind"), "t.kind", NULL, ENLACE_COLUMN_CHOICE, FALSE, FALSE },
};
static const EnlaceColumn rack_columns[] = {
  { "name", N_("Name"), "t.name", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "space", N_("Space"), SPACE_PATH ("t.space_id"), NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "height", N_("Height (U)"), "t.u_height", "t.u_height", ENLACE_COLUMN_NUMBER, FALSE, FALSE },
  { "devices", N_("Devices"), "(SELECT count(*) FROM device d WHERE d.rack_id = t.id)", NULL, ENLACE_COLUMN_NUMBER, FALSE, FALSE },
};
static const EnlaceColumn device_columns[] = {
  { "name", N_("Name"), "t.name", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "role", N_("Role"), "t.role", NULL, ENLACE_COLUMN_CHOICE, FALSE, FALSE },
  { "type", N_("Device type"), "(SELECT dt.manufacturer || ' ' || dt.model FROM device_type dt WHERE dt.id = t.device_type_id)", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "where", N_("Location"), DEVICE_WHERE, NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "serial", N_("Serial number"), "t.serial", NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "status", N_("Status"), "t.status", NULL, ENLACE_COLUMN_CHOICE, FALSE, FALSE },
};
static const EnlaceColumn device_type_columns[] = {
  { "manufacturer", N_("Manufacturer"), "t.manufacturer", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "model", N_("Model"), "t.model", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "part", N_("Part number"), "t.part_number", NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "height", N_("Height (U)"), "t.u_height", "t.u_height", ENLACE_COLUMN_NUMBER, FALSE, FALSE },
  { "role", N_("Role"), "t.role", NULL, ENLACE_COLUMN_CHOICE, FALSE, FALSE },
  { "ports", N_("Ports"), "(SELECT count(*) FROM port_template pt WHERE pt.device_type_id = t.id)", NULL, ENLACE_COLUMN_NUMBER, FALSE, FALSE },
  { "devices", N_("Devices"), "(SELECT count(*) FROM device d WHERE d.device_type_id = t.id)", NULL, ENLACE_COLUMN_NUMBER, FALSE, FALSE },
};
static const EnlaceColumn port_columns[] = {
  { "device", N_("Device"), "(SELECT name FROM device d WHERE d.id = t.device_id)", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "name", N_("Name"), "t.name", NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "kind", N_("Kind"), "t.kind", NULL, ENLACE_COLUMN_CHOICE, FALSE, FALSE },
  { "medium", N_("Medium"), "t.medium", NULL, ENLACE_COLUMN_CHOICE, FALSE, FALSE },
  { "label", N_("Label"), "t.label", NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
};
static const EnlaceColumn cable_columns[] = {
  { "label", N_("Label"), "t.label", "t.label IS NULL, t.label", ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "kind", N_("Kind of cable"), "t.kind", NULL, ENLACE_COLUMN_CHOICE, FALSE, FALSE },
  { "type", N_("Type"), "t.type", NULL, ENLACE_COLUMN_CHOICE, FALSE, FALSE },
  { "status", N_("Status"), "t.status", NULL, ENLACE_COLUMN_CHOICE, FALSE, FALSE },
  { "a", N_("End A"), CABLE_END ("A"), NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "b", N_("End B"), CABLE_END ("B"), NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "length", N_("Length"), "t.length_m", "t.length_m", ENLACE_COLUMN_LENGTH, FALSE, FALSE },
};
static const EnlaceColumn circuit_columns[] = {
  { "cid", N_("Circuit ID"), "t.cid", NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "provider", N_("Provider"), "t.provider", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "kind", N_("Kind"), "t.kind", NULL, ENLACE_COLUMN_CHOICE, FALSE, FALSE },
  { "bandwidth", N_("Bandwidth (kbit/s)"), "t.bandwidth_kbps", "t.bandwidth_kbps", ENLACE_COLUMN_NUMBER, FALSE, FALSE },
  { "a", N_("Side A"), SPACE_PATH ("(SELECT space_id FROM circuit_termination ct WHERE ct.circuit_id = t.id AND ct.side = 'A')"), NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "z", N_("Side Z"), SPACE_PATH ("(SELECT space_id FROM circuit_termination ct WHERE ct.circuit_id = t.id AND ct.side = 'Z')"), NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "status", N_("Status"), "t.status", NULL, ENLACE_COLUMN_CHOICE, FALSE, FALSE },
};
static const EnlaceColumn circuit_termination_columns[] = {
  { "circuit", N_("Circuit"), "(SELECT cid FROM circuit c WHERE c.id = t.circuit_id)", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "side", N_("Side"), "t.side", NULL, ENLACE_COLUMN_TEXT, FALSE, FALSE },
  { "space", N_("Space"), SPACE_PATH ("t.space_id"), NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
};
static const EnlaceColumn extension_columns[] = {
  { "number", N_("Number"), "t.number", NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "holder", N_("Holder"), "COALESCE((SELECT name FROM person p WHERE p.id = t.person_id), t.holder)", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "area", N_("Area"), "(SELECT name FROM area a WHERE a.id = t.area_id)", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "status", N_("Status"), "t.status", NULL, ENLACE_COLUMN_CHOICE, FALSE, FALSE },
  { "port", N_("Rides on"), PORT_KEY ("t.port_id"), NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "space", N_("Space"), SPACE_PATH ("(SELECT COALESCE(d.space_id, r.space_id) FROM port p JOIN device d ON d.id = p.device_id LEFT JOIN rack r ON r.id = d.rack_id WHERE p.id = t.port_id)"), NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
};
static const EnlaceColumn area_columns[] = {
  { "code", N_("Code"), "t.code", NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "name", N_("Name"), "t.name", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "parent", N_("Parent area"), "(SELECT name FROM area p WHERE p.id = t.parent_id)", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "people", N_("People"), "(SELECT count(*) FROM person p WHERE p.area_id = t.id)", NULL, ENLACE_COLUMN_NUMBER, FALSE, FALSE },
  { "extensions", N_("Extensions"), "(SELECT count(*) FROM extension e WHERE e.area_id = t.id)", NULL, ENLACE_COLUMN_NUMBER, FALSE, FALSE },
};
static const EnlaceColumn person_columns[] = {
  /* by surname, as a directory: "Dra. María Elena Vázquez Ríos" under V */
  { "name", N_("Name"), "t.name", "enlace_surname_key(t.name), t.name", ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "position", N_("Position"), "t.position", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "area", N_("Area"), "(SELECT name FROM area a WHERE a.id = t.area_id)", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "email", N_("E-mail"), "t.email", NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "phone", N_("Phone"), "t.phone", NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "extensions", N_("Extensions"), "(SELECT group_concat(number, ', ') FROM extension e WHERE e.person_id = t.id)", NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
};


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
  { "kind", ENLACE_FIELD_CHOICE, NULL, space_kinds, TRUE, N_("Kind"), "office" },
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
  { "u_height", ENLACE_FIELD_INT, NULL, NULL, TRUE, N_("Height (U)"), "42" },
  { "width", ENLACE_FIELD_CHOICE, NULL, rack_widths, TRUE, N_("Width"), "19in" },
  { "desc_units", ENLACE_FIELD_BOOL, NULL, NULL, FALSE, N_("Units numbered from the top") },
  { "x", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Position X (m)") },
  { "y", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Position Y (m)") },
  { "rotation", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Rotation (°)") },
};
static const EnlaceField device_type_fields[] = {
  { "manufacturer", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Manufacturer") },
  { "model", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Model") },
  { "part_number", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Part number") },
  { "u_height", ENLACE_FIELD_REAL, NULL, NULL, TRUE, N_("Height (U)"), "1" },
  { "full_depth", ENLACE_FIELD_BOOL, NULL, NULL, FALSE, N_("Full depth") },
  { "role", ENLACE_FIELD_CHOICE, NULL, device_roles, TRUE, N_("Role"), "other" },
};
static const EnlaceField port_template_fields[] = {
  { "device_type_id", ENLACE_FIELD_REF, "device-type", NULL, TRUE, N_("Device type") },
  { "kind", ENLACE_FIELD_CHOICE, NULL, port_kinds, TRUE, N_("Kind") },
  { "name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Name") },
  { "medium", ENLACE_FIELD_CHOICE, NULL, media, TRUE, N_("Medium"), "copper" },
  { "connector", ENLACE_FIELD_CHOICE, NULL, connectors, TRUE, N_("Connector"), "8P8C" },
  { "positions", ENLACE_FIELD_INT, NULL, NULL, TRUE, N_("Positions"), "1" },
  { "label", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Label") },
  { "seq", ENLACE_FIELD_INT, NULL, NULL, FALSE, N_("Order") },
};
static const EnlaceField mapping_template_fields[] = {
  { "device_type_id", ENLACE_FIELD_REF, "device-type", NULL, TRUE, N_("Device type") },
  { "front_name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Front port") },
  { "front_pos", ENLACE_FIELD_INT, NULL, NULL, TRUE, N_("Front position"), "1" },
  { "rear_name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Rear port") },
  { "rear_pos", ENLACE_FIELD_INT, NULL, NULL, TRUE, N_("Rear position"), "1" },
};
static const EnlaceField device_fields[] = {
  { "device_type_id", ENLACE_FIELD_REF, "device-type", NULL, FALSE, N_("Device type") },
  { "name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Name") },
  { "role", ENLACE_FIELD_CHOICE, NULL, device_roles, TRUE, N_("Role"), "other" },
  { "rack_id", ENLACE_FIELD_REF, "rack", NULL, FALSE, N_("Rack") },
  { "u_position", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Unit") },
  { "face", ENLACE_FIELD_CHOICE, NULL, faces, FALSE, N_("Face") },
  { "space_id", ENLACE_FIELD_REF, "space", NULL, FALSE, N_("Space") },
  { "x", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Position X (m)") },
  { "y", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Position Y (m)") },
  { "rotation", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Rotation (°)") },
  { "serial", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Serial number") },
  { "asset_tag", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Asset tag") },
  { "status", ENLACE_FIELD_CHOICE, NULL, device_statuses, TRUE, N_("Status"), "active" },
  { "comments", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Comments") },
};
static const EnlaceField port_fields[] = {
  { "device_id", ENLACE_FIELD_REF, "device", NULL, TRUE, N_("Device") },
  { "kind", ENLACE_FIELD_CHOICE, NULL, port_kinds, TRUE, N_("Kind") },
  { "name", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Name") },
  { "medium", ENLACE_FIELD_CHOICE, NULL, media, TRUE, N_("Medium"), "copper" },
  { "connector", ENLACE_FIELD_CHOICE, NULL, connectors, TRUE, N_("Connector"), "8P8C" },
  { "positions", ENLACE_FIELD_INT, NULL, NULL, TRUE, N_("Positions"), "1" },
  { "label", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Label") },
  { "seq", ENLACE_FIELD_INT, NULL, NULL, FALSE, N_("Order") },
};
static const EnlaceField port_mapping_fields[] = {
  { "device_id", ENLACE_FIELD_REF, "device", NULL, TRUE, N_("Device") },
  { "front_port_id", ENLACE_FIELD_REF, "port", NULL, TRUE, N_("Front port") },
  { "front_pos", ENLACE_FIELD_INT, NULL, NULL, TRUE, N_("Front position"), "1" },
  { "rear_port_id", ENLACE_FIELD_REF, "port", NULL, TRUE, N_("Rear port") },
  { "rear_pos", ENLACE_FIELD_INT, NULL, NULL, TRUE, N_("Rear position"), "1" },
};
static const EnlaceField circuit_fields[] = {
  { "cid", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Circuit ID") },
  { "provider", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Provider") },
  { "kind", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Kind"), "internet" },
  { "bandwidth_kbps", ENLACE_FIELD_INT, NULL, NULL, FALSE, N_("Bandwidth (kbit/s)") },
  { "length_m", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Length (m)") },
  { "status", ENLACE_FIELD_CHOICE, NULL, device_statuses, TRUE, N_("Status"), "active" },
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
  { "kind", ENLACE_FIELD_CHOICE, NULL, cable_kinds, TRUE, N_("Kind"), "other" },
  { "type", ENLACE_FIELD_CHOICE, NULL, cable_types, FALSE, N_("Type") },
  { "pairs", ENLACE_FIELD_INT, NULL, NULL, FALSE, N_("Pairs") },
  { "length_m", ENLACE_FIELD_REAL, NULL, NULL, FALSE, N_("Length (m)") },
  { "color", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Colour") },
  { "status", ENLACE_FIELD_CHOICE, NULL, cable_statuses, TRUE, N_("Status"), "installed" },
};
static const EnlaceField extension_fields[] = {
  { "number", ENLACE_FIELD_TEXT, NULL, NULL, TRUE, N_("Number") },
  { "person_id", ENLACE_FIELD_REF, "person", NULL, FALSE, N_("Holder") },
  { "holder", ENLACE_FIELD_TEXT, NULL, NULL, FALSE, N_("Holder (text)") },
  { "area_id", ENLACE_FIELD_REF, "area", NULL, FALSE, N_("Area") },
  { "status", ENLACE_FIELD_CHOICE, NULL, ext_statuses, TRUE, N_("Status"), "active" },
  { "port_id", ENLACE_FIELD_REF, "port", NULL, FALSE, N_("Port") },
};

static const EnlaceListSpec site_list = {
  "site", "site", N_("Sites"), "site t", NULL, NULL, "t.code", site_columns, N (site_columns)
};
static const EnlaceListSpec building_list = {
  "building", "building", N_("Buildings"), "building t", NULL, "t.site_id", "t.code", building_columns, N (building_columns)
};
static const EnlaceListSpec floor_list = {
  "floor", "floor", N_("Floors"), "floor t", NULL, "t.building_id", "t.building_id, t.level", floor_columns, N (floor_columns)
};
static const EnlaceListSpec space_list = {
  "space", "space", N_("Spaces"), "space t", NULL, "t.floor_id", "t.floor_id, t.code", space_columns, N (space_columns)
};
static const EnlaceListSpec rack_list = {
  "rack", "rack", N_("Racks"), "rack t", NULL, "t.space_id", "t.name", rack_columns, N (rack_columns)
};
static const EnlaceListSpec device_list = {
  "device", "device", N_("Devices"), "device t", NULL, "t.rack_id", "t.name", device_columns, N (device_columns)
};
static const EnlaceListSpec device_type_list = {
  "device-type", "device-type", N_("Device types"), "device_type t", NULL, NULL, "t.manufacturer, t.model", device_type_columns, N (device_type_columns)
};
static const EnlaceListSpec port_list = {
  "port", "port", N_("Ports"), "port t", NULL, "t.device_id", "t.device_id, t.seq, t.id", port_columns, N (port_columns)
};
static const EnlaceListSpec cable_list = {
  "cable", "cable", N_("Cables"), "cable t", NULL, NULL, "t.label IS NULL, t.label, t.id", cable_columns, N (cable_columns)
};
static const EnlaceListSpec circuit_list = {
  "circuit", "circuit", N_("Circuits"), "circuit t", NULL, NULL, "t.cid", circuit_columns, N (circuit_columns)
};
static const EnlaceListSpec circuit_termination_list = {
  "circuit-termination", "circuit-termination", N_("Circuit terminations"), "circuit_termination t", NULL, "t.circuit_id", "t.circuit_id, t.side", circuit_termination_columns, N (circuit_termination_columns)
};
static const EnlaceListSpec extension_list = {
  "extension", "extension", N_("Extensions"), "extension t", NULL, NULL, "t.number", extension_columns, N (extension_columns)
};
static const EnlaceListSpec area_list = {
  "area", "area", N_("Areas"), "area t", NULL, "t.parent_id", "t.code", area_columns, N (area_columns)
};
static const EnlaceListSpec person_list = {
  "person", "person", N_("People"), "person t", NULL, "t.area_id", "enlace_surname_key(t.name), t.name, t.id", person_columns, N (person_columns)
};

static const char * const cable_tables[] = { "cable_end", NULL };
static const char * const extension_tables[] = { "extension_status", NULL };

/* In dependency order (parents first): the order of the XML document. */
static const EnlaceKind kinds[] = {
  {
    .name = "site", .table = "site", .label = N_("Site"), .plural = N_("Sites"),
    .fields = site_fields, .n_fields = N (site_fields),
    .parent_field = NULL, .order_by = "code",
    .key_sql = "SELECT code FROM site WHERE id = ?1",
    .lookup = enlace_lookup_site,
    .validate = enlace_validate_site,
    .before_delete = enlace_before_delete_site,
    .xml = { "site", "site t",
             "t.code" },
    .list = &site_list,
  },
  {
    .name = "building", .table = "building", .label = N_("Building"), .plural = N_("Buildings"),
    .fields = building_fields, .n_fields = N (building_fields),
    .parent_field = "site_id", .order_by = "code",
    .key_sql = "SELECT code FROM building WHERE id = ?1",
    .lookup = enlace_lookup_building,
    .validate = enlace_validate_building,
    .before_delete = enlace_before_delete_building,
    .xml = { "building", "building t",
             "t.code" },
    .list = &building_list,
  },
  {
    .name = "floor", .table = "floor", .label = N_("Floor"), .plural = N_("Floors"),
    .fields = floor_fields, .n_fields = N (floor_fields),
    .parent_field = "building_id", .order_by = "building_id, level",
    .key_sql = "SELECT building.code || '/' || floor.level FROM floor "
               "JOIN building ON building.id = floor.building_id WHERE floor.id = ?1",
    .lookup = enlace_lookup_floor,
    .validate = enlace_validate_floor,
    .before_delete = enlace_before_delete_floor,
    .xml = { "floor", "floor t JOIN building b ON b.id = t.building_id",
             "b.code, t.level" },
    .list = &floor_list,
  },
  {
    .name = "space", .table = "space", .label = N_("Space"), .plural = N_("Spaces"),
    .fields = space_fields, .n_fields = N (space_fields),
    .parent_field = "floor_id", .order_by = "floor_id, code",
    .key_sql = "SELECT building.code || '/' || floor.level || '/' || space.code FROM space "
               "JOIN floor ON floor.id = space.floor_id "
               "JOIN building ON building.id = floor.building_id WHERE space.id = ?1",
    .lookup = enlace_lookup_space,
    .validate = enlace_validate_space,
    .before_delete = enlace_before_delete_space,
    .xml = { "space", "space t JOIN floor f ON f.id = t.floor_id JOIN building b ON b.id = f.building_id",
             "b.code, f.level, t.code" },
    .list = &space_list,
  },
  {
    .name = "area", .table = "area", .label = N_("Area"), .plural = N_("Areas"),
    .fields = area_fields, .n_fields = N (area_fields),
    .parent_field = NULL, .order_by = "code",
    .key_sql = "SELECT code FROM area WHERE id = ?1",
    .lookup = enlace_lookup_area,
    .validate = enlace_validate_area,
    .xml = { "area", "area t",
             "t.code" },
    .list = &area_list,
  },
  {
    .name = "person", .table = "person", .label = N_("Person"), .plural = N_("People"),
    .fields = person_fields, .n_fields = N (person_fields),
    .parent_field = NULL, .order_by = "name, id",
    .key_sql = "SELECT name FROM person WHERE id = ?1",
    .lookup = enlace_lookup_person,
    .validate = enlace_validate_person,
    .xml = { "person", "person t",
             "t.name, t.id" },
    .list = &person_list,
  },
  {
    .name = "rack", .table = "rack", .label = N_("Rack"), .plural = N_("Racks"),
    .fields = rack_fields, .n_fields = N (rack_fields),
    .parent_field = "space_id", .order_by = "name",
    .key_sql = "SELECT name FROM rack WHERE id = ?1",
    .lookup = enlace_lookup_rack,
    .validate = enlace_validate_rack,
    .before_delete = enlace_before_delete_rack,
    .xml = { "rack", "rack t",
             "t.name" },
    .list = &rack_list,
  },
  {
    .name = "device-type", .table = "device_type", .label = N_("Device type"), .plural = N_("Device types"),
    .fields = device_type_fields, .n_fields = N (device_type_fields),
    .parent_field = NULL, .order_by = "manufacturer, model",
    .key_sql = "SELECT manufacturer || '/' || model FROM device_type WHERE id = ?1",
    .lookup = enlace_lookup_device_type,
    .validate = enlace_validate_device_type,
    .xml = { "device-type", "device_type t",
             "t.manufacturer, t.model" },
    .list = &device_type_list,
  },
  {
    .name = "port-template", .table = "port_template", .label = N_("Port template"), .plural = N_("Port templates"),
    .fields = port_template_fields, .n_fields = N (port_template_fields),
    .parent_field = "device_type_id", .order_by = "device_type_id, seq, id",
    .validate = enlace_validate_port_template,
    .xml = { "port-template", "port_template t",
             "t.seq, t.name, t.id", "device-type" },
  },
  {
    .name = "mapping-template", .table = "mapping_template", .label = N_("Mapping template"), .plural = N_("Mapping templates"),
    .fields = mapping_template_fields, .n_fields = N (mapping_template_fields),
    .parent_field = "device_type_id", .order_by = "device_type_id, id",
    .validate = enlace_validate_mapping_template,
    .xml = { "mapping-template", "mapping_template t",
             "t.front_name, t.front_pos, t.rear_name, t.rear_pos, t.id", "device-type" },
  },
  {
    .name = "device", .table = "device", .label = N_("Device"), .plural = N_("Devices"),
    .fields = device_fields, .n_fields = N (device_fields),
    .parent_field = NULL, .order_by = "name",
    .key_sql = "SELECT name FROM device WHERE id = ?1",
    .lookup = enlace_lookup_device,
    .validate = enlace_validate_device,
    .after_create = enlace_after_create_device,
    .before_delete = enlace_before_delete_device,
    .xml = { "device", "device t",
             "t.name" },
    .list = &device_list,
  },
  {
    .name = "port", .table = "port", .label = N_("Port"), .plural = N_("Ports"),
    .fields = port_fields, .n_fields = N (port_fields),
    .parent_field = "device_id", .order_by = "device_id, seq, id",
    .key_sql = "SELECT device.name || ':' || port.name FROM port "
               "JOIN device ON device.id = port.device_id WHERE port.id = ?1",
    .lookup = enlace_lookup_port,
    .validate = enlace_validate_port,
    .before_delete = enlace_before_delete_port,
    .xml = { "port", "port t JOIN device d ON d.id = t.device_id",
             "d.name, t.seq, t.name" },
    .list = &port_list,
  },
  {
    .name = "port-mapping", .table = "port_mapping", .label = N_("Port mapping"), .plural = N_("Port mappings"),
    .fields = port_mapping_fields, .n_fields = N (port_mapping_fields),
    .parent_field = "device_id", .order_by = "device_id, id",
    .validate = enlace_validate_port_mapping,
    .xml = { "port-mapping", "port_mapping t JOIN device d ON d.id = t.device_id"
             " JOIN port fp ON fp.id = t.front_port_id JOIN port rp ON rp.id = t.rear_port_id",
             "d.name, fp.name, t.front_pos, rp.name, t.rear_pos, t.id" },
  },
  {
    .name = "circuit", .table = "circuit", .label = N_("Circuit"), .plural = N_("Circuits"),
    .fields = circuit_fields, .n_fields = N (circuit_fields),
    .parent_field = NULL, .order_by = "cid",
    .key_sql = "SELECT cid FROM circuit WHERE id = ?1",
    .lookup = enlace_lookup_circuit,
    .validate = enlace_validate_circuit,
    .before_delete = enlace_before_delete_circuit,
    .xml = { "circuit", "circuit t",
             "t.cid" },
    .list = &circuit_list,
  },
  {
    .name = "circuit-termination", .table = "circuit_termination", .label = N_("Circuit termination"), .plural = N_("Circuit terminations"),
    .fields = circuit_termination_fields, .n_fields = N (circuit_termination_fields),
    .parent_field = "circuit_id", .order_by = "circuit_id, side",
    .key_sql = "SELECT circuit.cid || ':' || circuit_termination.side FROM circuit_termination "
               "JOIN circuit ON circuit.id = circuit_termination.circuit_id "
               "WHERE circuit_termination.id = ?1",
    .lookup = enlace_lookup_circuit_termination,
    .validate = enlace_validate_circuit_termination,
    .before_delete = enlace_before_delete_circuit_termination,
    .xml = { "circuit-termination", "circuit_termination t",
             "t.side", "circuit" },
    .list = &circuit_termination_list,
  },
  {
    .name = "cable", .table = "cable", .label = N_("Cable"), .plural = N_("Cables"),
    .fields = cable_fields, .n_fields = N (cable_fields),
    .parent_field = NULL, .order_by = "label, id",
    .key_sql = "SELECT label FROM cable WHERE id = ?1",
    .lookup = enlace_lookup_cable,
    .validate = enlace_validate_cable,
    .tables = cable_tables,
    .xml = { "cable", "cable t",
             "t.label, t.id" },
    .list = &cable_list,
  },
  {
    .name = "extension", .table = "extension", .label = N_("Extension"), .plural = N_("Extensions"),
    .fields = extension_fields, .n_fields = N (extension_fields),
    .parent_field = NULL, .order_by = "number",
    .key_sql = "SELECT number FROM extension WHERE id = ?1",
    .lookup = enlace_lookup_extension,
    .validate = enlace_validate_extension,
    .tables = extension_tables,
    .xml = { "extension", "extension t",
             "t.number" },
    .list = &extension_list,
  },
};

static const EnlaceChoiceLabel choice_labels[] = {
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
  /* cable types by the standards' own names (the same in every language) */
  { "cat3", "Cat 3" }, { "cat5e", "Cat 5e" }, { "cat6", "Cat 6" }, { "cat6a", "Cat 6A" },
  { "cat7", "Cat 7" }, { "cat8", "Cat 8" },
  { "om1", "OM1" }, { "om2", "OM2" }, { "om3", "OM3" }, { "om4", "OM4" }, { "om5", "OM5" },
  { "os1", "OS1" }, { "os2", "OS2" },
  /* rack widths */
  { "10in", N_("10-inch") }, { "19in", N_("19-inch") }, { "23in", N_("23-inch") },
  /* circuit kinds used by the demo and the generator */
  { "internet", N_("Internet link") },
  { "telephone-trunk", N_("Telephone trunk") },
};

void
enlace_inventory_register_kinds (void)
{
  enlace_kinds_register (kinds, N (kinds));
  enlace_choice_labels_register (choice_labels, N (choice_labels));
}
