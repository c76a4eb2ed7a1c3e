/* test-devicetypes.c: NetBox device-type YAML parsing and import */
#define G_LOG_DOMAIN "test-devicetypes"
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "enlace-devicetype-yaml.h"
#include "enlace-store.h"

static char *
fixture (const char *first,
         ...)
{
  va_list args;
  GString *path = g_string_new (g_test_get_dir (G_TEST_DIST));

  g_string_append (path, G_DIR_SEPARATOR_S "data" G_DIR_SEPARATOR_S "devicetypes");
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      g_string_append_c (path, G_DIR_SEPARATOR);
      g_string_append (path, part);
    }
  va_end (args);
  return g_string_free (path, FALSE);
}

static EnlaceDeviceTypeDef *
parse_fixture (const char *dir,
               const char *name)
{
  g_autofree char *path = fixture (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  EnlaceDeviceTypeDef *def;

  def = enlace_device_type_def_parse_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (def);
  return def;
}

static EnlaceDeviceTypeDef *
parse_text (const char  *text,
            GError     **error)
{
  return enlace_device_type_def_parse ("inline.yaml", text, strlen (text), error);
}

static EnlaceDeviceTypePort *
port_named (EnlaceDeviceTypeDef *def,
            const char          *kind,
            const char          *name)
{
  for (guint i = 0; i < def->ports->len; i++)
    {
      EnlaceDeviceTypePort *port = g_ptr_array_index (def->ports, i);

      if (strcmp (port->kind, kind) == 0 && strcmp (port->name, name) == 0)
        return port;
    }
  return NULL;
}

static EnlaceStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gint64
lookup_type (EnlaceStore *store,
             const char  *key)
{
  g_autoptr(GError) error = NULL;
  gint64 id = enlace_store_lookup (store, "device-type", key, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static guint
count_children (EnlaceStore *store,
                const char  *kind,
                gint64       parent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = enlace_store_list (store, kind, parent, &error);

  g_assert_no_error (error);
  return rows->len;
}

static EnlaceDeviceTypeImport *
import_path (EnlaceStore *store,
             const char  *path)
{
  g_autoptr(GError) error = NULL;
  EnlaceDeviceTypeImport *summary = enlace_device_types_import (store, path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

/* ------------------------------------------------------------------ */

static void
test_types (void)
{
  const struct {
    const char *type;
    gboolean    interface;
    const char *medium;   /* NULL: not cabling */
    const char *connector;
  } cases[] = {
    { "8p8c", FALSE, "copper", "8P8C" },
    { "lc", FALSE, "fibre", "LC" },
    { "lc-apc", FALSE, "fibre", "LC" },
    { "lc-upc", FALSE, "fibre", "LC" },
    { "sc", FALSE, "fibre", "SC" },
    { "sc-apc", FALSE, "fibre", "SC" },
    { "st", FALSE, "fibre", "ST" },
    { "mpo", FALSE, "fibre", "MPO" },
    { "110-punch", FALSE, "voice", "110" },
    { "6p4c", FALSE, "voice", "other" },
    { "splice", FALSE, "fibre", "splice" },
    { "bnc", FALSE, "copper", "other" },
    { "1000base-t", TRUE, "copper", "8P8C" },
    { "10gbase-t", TRUE, "copper", "8P8C" },
    { "100base-tx", TRUE, "copper", "8P8C" },
    { "1000base-x-sfp", TRUE, "fibre", "LC" },
    { "10gbase-x-sfpp", TRUE, "fibre", "LC" },
    { "100gbase-x-qsfp28", TRUE, "fibre", "LC" },
    { "gpon", TRUE, "fibre", "SC" },
    { "virtual", TRUE, NULL, NULL },
    { "lag", TRUE, NULL, NULL },
    { "ieee802.11ax", TRUE, NULL, NULL },
    { "t1", TRUE, "copper", "other" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *medium = NULL, *connector = NULL;
      gboolean cabling = enlace_device_type_map_netbox_type (cases[i].type, cases[i].interface,
                                                             &medium, &connector);

      g_test_message ("%s", cases[i].type);
      g_assert_cmpint (cabling, ==, cases[i].medium != NULL);
      if (cabling)
        {
          g_assert_cmpstr (medium, ==, cases[i].medium);
          g_assert_cmpstr (connector, ==, cases[i].connector);
        }
    }
}

static void
test_legacy (void)
{
  g_autoptr(EnlaceDeviceTypeDef) def = parse_fixture ("Generic", "24-port-copper-patch-panel.yaml");
  g_autoptr(EnlaceDeviceTypeDef) lc = parse_fixture ("Generic", "LC-24-port-fibre-panel-rear-splice.yaml");
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceDeviceTypeImport) summary = NULL;
  g_autofree char *path = NULL;
  EnlaceDeviceTypeMapping *m;
  EnlaceDeviceTypePort *port;
  gint64 id;

  g_assert_cmpstr (def->manufacturer, ==, "Generic");
  g_assert_cmpstr (def->model, ==, "24-port Copper Patch Panel");
  g_assert_cmpfloat (def->u_height, ==, 1.0);
  g_assert_false (def->full_depth);
  g_assert_cmpstr (def->role, ==, "patch-panel");
  g_assert_cmpuint (enlace_device_type_def_count (def, "front"), ==, 24);
  g_assert_cmpuint (enlace_device_type_def_count (def, "rear"), ==, 24);
  g_assert_cmpuint (def->mappings->len, ==, 24);
  /* Front and rear share names in NetBox; port keys must be unique. */
  g_assert_cmpuint (def->n_renamed, ==, 24);
  port = port_named (def, "rear", "Port 7 (rear)");
  g_assert_nonnull (port);
  g_assert_cmpstr (port->medium, ==, "copper");
  g_assert_cmpstr (port->connector, ==, "8P8C");
  m = g_ptr_array_index (def->mappings, 6);
  g_assert_cmpstr (m->front_name, ==, "Port 7");
  g_assert_cmpstr (m->rear_name, ==, "Port 7 (rear)");
  g_assert_cmpint (m->rear_pos, ==, 1);

  /* Front LC ports onto positions of one splice rear port. */
  port = port_named (lc, "rear", "Splice 1");
  g_assert_nonnull (port);
  g_assert_cmpstr (port->medium, ==, "fibre");
  g_assert_cmpstr (port->connector, ==, "splice");
  g_assert_cmpint (port->positions, ==, 24);
  g_assert_cmpstr (port_named (lc, "front", "Port 3")->connector, ==, "LC");
  g_assert_cmpuint (lc->mappings->len, ==, 24);
  m = g_ptr_array_index (lc->mappings, 23);
  g_assert_cmpstr (m->front_name, ==, "Port 24");
  g_assert_cmpstr (m->rear_name, ==, "Splice 1");
  g_assert_cmpint (m->rear_pos, ==, 24);
  g_assert_cmpuint (lc->n_renamed, ==, 0);

  /* Into the store */
  path = fixture ("Generic", "24-port-copper-patch-panel.yaml", NULL);
  summary = import_path (store, path);
  g_assert_cmpuint (summary->imported->len, ==, 1);
  g_assert_cmpuint (summary->skipped->len, ==, 0);
  g_assert_cmpuint (summary->n_ports, ==, 48);
  g_assert_cmpuint (summary->n_mappings, ==, 24);
  id = lookup_type (store, "Generic/24-port Copper Patch Panel");
  g_assert_cmpint (((EnlaceDeviceTypeImported *) g_ptr_array_index (summary->imported, 0))->id, ==, id);
  g_assert_cmpuint (count_children (store, "port-template", id), ==, 48);
  g_assert_cmpuint (count_children (store, "mapping-template", id), ==, 24);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) row = enlace_store_get (store, "device-type", id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (row, "role"), ==, "patch-panel");
    g_assert_cmpfloat (json_object_get_double_member (row, "u_height"), ==, 1.0);
  }
}

static void
test_port_mappings (void)
{
  g_autoptr(EnlaceDeviceTypeDef) voice = parse_fixture ("Acme", "RV-24-voice-panel.yaml");
  g_autoptr(EnlaceDeviceTypeDef) mpo = parse_fixture ("Acme", "MPO-12-LC-cassette.yaml");
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceDeviceTypeImport) summary = NULL;
  g_autofree char *path = NULL;
  EnlaceDeviceTypeMapping *m;
  EnlaceDeviceTypePort *port;

  /* Non-indented lists, empty labels, the top-level port-mappings list */
  g_assert_cmpstr (voice->part_number, ==, "RV24V");
  g_assert_cmpuint (enlace_device_type_def_count (voice, "front"), ==, 24);
  g_assert_cmpuint (enlace_device_type_def_count (voice, "rear"), ==, 24);
  g_assert_cmpuint (voice->mappings->len, ==, 24);
  g_assert_cmpuint (voice->n_renamed, ==, 0);
  port = port_named (voice, "front", "F1");
  g_assert_null (port->label);
  port = port_named (voice, "rear", "R24");
  g_assert_cmpstr (port->medium, ==, "voice");
  g_assert_cmpstr (port->connector, ==, "110");
  m = g_ptr_array_index (voice->mappings, 11);
  g_assert_cmpstr (m->front_name, ==, "F12");
  g_assert_cmpstr (m->rear_name, ==, "R12");
  g_assert_cmpstr (voice->role, ==, "patch-panel");

  /* 12 LC fronts onto the 12 positions of an MPO rear, half a unit */
  g_assert_cmpfloat (mpo->u_height, ==, 0.5);
  port = port_named (mpo, "rear", "MPO");
  g_assert_cmpstr (port->connector, ==, "MPO");
  g_assert_cmpint (port->positions, ==, 12);
  g_assert_cmpuint (mpo->mappings->len, ==, 12);
  for (guint i = 0; i < 12; i++)
    {
      m = g_ptr_array_index (mpo->mappings, i);
      g_assert_cmpstr (m->rear_name, ==, "MPO");
      g_assert_cmpint (m->rear_pos, ==, (int) i + 1);
    }

  path = fixture ("Acme", "MPO-12-LC-cassette.yaml", NULL);
  summary = import_path (store, path);
  g_assert_cmpuint (summary->imported->len, ==, 1);
  g_assert_cmpuint (summary->n_ports, ==, 13);
  g_assert_cmpuint (summary->n_mappings, ==, 12);
  g_assert_cmpuint (count_children (store, "mapping-template",
                                    lookup_type (store, "Acme/MPO-12 LC Cassette")), ==, 12);
}

static void
test_folder (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceDeviceTypeImport) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autofree char *path = fixture (NULL);
  g_autofree char *text = NULL;
  gint64 panel_type, switch_type, panel, sw;

  summary = import_path (store, path);
  text = enlace_device_type_import_format (summary);
  g_test_message ("%s", text);

  /* 14 YAML files (README.md is not one), 11 imported, 3 skipped */
  g_assert_cmpuint (summary->n_files, ==, 14);
  g_assert_cmpuint (summary->imported->len, ==, 11);
  g_assert_cmpuint (summary->skipped->len, ==, 3);
  g_assert_cmpuint (enlace_store_count (store, "device-type"), ==, 11);
  g_assert_cmpuint (enlace_store_count (store, "port-template"), ==, summary->n_ports);
  g_assert_cmpuint (enlace_store_count (store, "mapping-template"), ==, summary->n_mappings);
  g_assert_nonnull (strstr (text, "Imported 11 device types"));
  g_assert_nonnull (strstr (text, "from 14 files"));
  g_assert_nonnull (strstr (text, "Skipped 3 files:"));
  g_assert_nonnull (strstr (text, "malformed.yaml:"));
  g_assert_nonnull (strstr (text, "missing-rear.yaml:"));
  g_assert_nonnull (strstr (text, "already defined by"));

  /* The switch: 48 copper, 2 SFP, 2 SFP+, 1 management; Vlan1 is virtual */
  switch_type = lookup_type (store, "Acme/SW-48G-4X");
  g_assert_cmpuint (count_children (store, "port-template", switch_type), ==, 53);
  {
    g_autoptr(JsonObject) row = enlace_store_get (store, "device-type", switch_type, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (row, "role"), ==, "switch");
    g_assert_true (json_object_get_boolean_member (row, "full_depth") ||
                   json_object_get_int_member (row, "full_depth") == 1);
  }

  /* A device created from an imported type gets its ports and mappings. */
  panel_type = lookup_type (store, "Generic/24-port Copper Patch Panel");
  json_object_set_int_member (values, "device_type_id", panel_type);
  json_object_set_string_member (values, "name", "PP-01");
  json_object_set_string_member (values, "role", "patch-panel");
  json_object_set_string_member (values, "status", "active");
  panel = enlace_store_create (store, "device", values, &error);
  g_assert_no_error (error);
  g_assert_cmpint (panel, >, 0);
  g_assert_cmpuint (count_children (store, "port", panel), ==, 48);
  g_assert_cmpuint (count_children (store, "port-mapping", panel), ==, 24);
  {
    g_autoptr(GError) local_error = NULL;
    EnlaceTerm term;

    g_assert_true (enlace_store_lookup_term (store, "PP-01:Port 5 (rear)", &term, &local_error));
    g_assert_no_error (local_error);
  }

  json_object_set_int_member (values, "device_type_id", switch_type);
  json_object_set_string_member (values, "name", "SW-01");
  json_object_set_string_member (values, "role", "switch");
  sw = enlace_store_create (store, "device", values, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_children (store, "port", sw), ==, 53);
  g_assert_cmpuint (count_children (store, "port-mapping", sw), ==, 0);
}

static void
test_invalid_skipped (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceDeviceTypeImport) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture ("invalid", NULL);
  g_autofree char *text = NULL;
  EnlaceDeviceTypeSkipped *s;

  summary = import_path (store, path);
  text = enlace_device_type_import_format (summary);
  g_test_message ("%s", text);

  g_assert_cmpuint (summary->n_files, ==, 2);
  g_assert_cmpuint (summary->imported->len, ==, 0);
  g_assert_cmpuint (summary->skipped->len, ==, 2);
  g_assert_cmpint (summary->command_id, ==, 0);
  /* Bad input changes nothing and leaves nothing to undo. */
  g_assert_cmpuint (enlace_store_count (store, "device-type"), ==, 0);
  g_assert_false (enlace_store_can_undo (store));

  s = g_ptr_array_index (summary->skipped, 0);
  g_assert_true (g_str_has_suffix (s->file, "malformed.yaml"));
  g_assert_cmpint (s->reason, ==, ENLACE_DEVICE_TYPE_SKIP_INVALID);
  g_assert_cmpuint (s->line, ==, 8);
  g_assert_nonnull (strstr (s->message, "malformed.yaml:8:"));
  g_assert_true (g_str_has_prefix (s->detail, "not valid YAML: "));

  s = g_ptr_array_index (summary->skipped, 1);
  g_assert_true (g_str_has_suffix (s->file, "missing-rear.yaml"));
  g_assert_cmpint (s->reason, ==, ENLACE_DEVICE_TYPE_SKIP_INVALID);
  g_assert_cmpuint (s->line, ==, 9);
  g_assert_nonnull (strstr (s->message, "missing-rear.yaml:9:"));
  g_assert_nonnull (strstr (s->message, "“Back 9”"));
  g_assert_cmpstr (s->detail, ==, "front port “Port 2” maps to rear port “Back 9”, which the file does not define");

  /* Inline: rules broken by otherwise well-formed YAML */
  {
    const struct { const char *yaml; const char *message; } bad[] = {
      { "model: X\nu_height: 1\n", "inline.yaml:1: the device type has no manufacturer" },
      { "manufacturer: A\nmodel: X\nu_height: 0.3\n", "inline.yaml:3: “u_height” must be a number of units in steps of 0.5" },
      { "manufacturer: A\nmodel: X\nu_height: -1\n", "inline.yaml:3:" },
      { "manufacturer: A\nmodel: X\nfront-ports: 3\n", "inline.yaml:3: “front-ports” must be a list" },
      { "manufacturer: A\nmodel: X\nrear-ports:\n  - name: R\n    positions: 0\n", "inline.yaml:5: “positions” must be a whole number" },
      { "manufacturer: A\nmodel: X\nrear-ports:\n  - type: 8p8c\n", "inline.yaml:4: a rear port has no name" },
      { "manufacturer: A\nmodel: X\nfront-ports:\n  - {name: F, type: lc, rear_port: R, rear_port_position: 3}\n"
        "rear-ports:\n  - {name: R, type: mpo, positions: 2}\n", "inline.yaml:4: front port “F” maps to position 3 of rear port “R”, which has 2" },
      { "manufacturer: A\nmodel: X\nfront-ports:\n  - {name: F, type: lc}\n  - {name: G, type: lc}\n"
        "rear-ports:\n  - {name: R, type: lc}\n"
        "port-mappings:\n  - {front_port: F, rear_port: R}\n  - {front_port: G, rear_port: R}\n",
        "inline.yaml:10: position 1 of rear port “R” is mapped twice" },
      { "manufacturer: A\nmodel: X\nport-mappings:\n  - {front_port: F, rear_port: R}\n",
        "inline.yaml:4: the mapping names front port “F”, which the file does not define" },
      { "- just\n- a list\n", "inline.yaml:1: a device type must be a mapping" },
      { "", "inline.yaml: the file holds no device type" },
      { "manufacturer: A\nmodel: [unclosed\n", "inline.yaml:3:1: not valid YAML" },
      { "manufacturer: A\nmodel: X\nis_full_depth: maybe\n", "inline.yaml:3: “is_full_depth” must be true or false" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) local_error = NULL;
        g_autoptr(EnlaceDeviceTypeDef) def = parse_text (bad[i].yaml, &local_error);
        int code = i == 11 ? ENLACE_DEVICE_TYPE_ERROR_PARSE : ENLACE_DEVICE_TYPE_ERROR_INVALID;

        g_assert_null (def);
        g_assert_error (local_error, ENLACE_DEVICE_TYPE_ERROR, code);
        g_test_message ("%s", local_error->message);
        g_assert_true (g_str_has_prefix (local_error->message, bad[i].message));
      }
  }

  /* A path that does not exist, a folder with no YAML */
  {
    g_autoptr(EnlaceDeviceTypeImport) none = enlace_device_types_import (store, "/nonexistent/devicetypes", NULL, &error);

    g_assert_null (none);
    g_assert_error (error, ENLACE_DEVICE_TYPE_ERROR, ENLACE_DEVICE_TYPE_ERROR_NO_FILES);
    g_clear_error (&error);
  }
  {
    g_autofree char *tmp = g_dir_make_tmp ("enlace-dt-XXXXXX", &error);
    g_autoptr(EnlaceDeviceTypeImport) none = NULL;

    g_assert_no_error (error);
    none = enlace_device_types_import (store, tmp, NULL, &error);
    g_assert_null (none);
    g_assert_error (error, ENLACE_DEVICE_TYPE_ERROR, ENLACE_DEVICE_TYPE_ERROR_NO_FILES);
    g_rmdir (tmp);
  }
}

static void
test_quirks (void)
{
  g_autoptr(EnlaceDeviceTypeDef) panduit = parse_fixture ("Panduit", "minicom-12.yaml");
  g_autoptr(EnlaceDeviceTypeDef) nomarker = parse_fixture ("Generic", "12-port-copper-patch-panel.yaml");
  g_autoptr(EnlaceDeviceTypeDef) keystone = parse_fixture ("Leviton", "keystone-24.yaml");
  g_autoptr(EnlaceDeviceTypeDef) converter = parse_fixture ("Generic", "media-converter.yml");
  g_autoptr(EnlaceDeviceTypeDef) sw = parse_fixture ("Acme", "SW-48G-4X.yaml");
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(EnlaceDeviceTypeImport) summary = NULL;
  EnlaceDeviceTypeImported *item;

  /* Unquoted 08 and 09 keep their text (they are not octal numbers) */
  g_assert_nonnull (port_named (panduit, "front", "08"));
  g_assert_nonnull (port_named (panduit, "front", "09"));
  g_assert_nonnull (port_named (panduit, "front", "01"));
  g_assert_nonnull (port_named (panduit, "rear", "08 (rear)"));
  g_assert_null (port_named (panduit, "front", "8"));
  g_assert_cmpuint (panduit->mappings->len, ==, 12);

  /* No '---', blank lines, comments, an underscore key */
  g_assert_cmpstr (nomarker->model, ==, "12-port Copper Patch Panel");
  g_assert_true (nomarker->full_depth);
  g_assert_cmpuint (enlace_device_type_def_count (nomarker, NULL), ==, 24);
  g_assert_cmpuint (nomarker->mappings->len, ==, 12);

  /* Only module bays: no ports, said in the summary */
  g_assert_cmpuint (enlace_device_type_def_count (keystone, NULL), ==, 0);
  g_assert_cmpuint (keystone->n_module_bays, ==, 24);
  g_assert_cmpstr (keystone->role, ==, "patch-panel");

  /* Zero units, a copper front onto an SC rear, powered: not a panel */
  g_assert_cmpfloat (converter->u_height, ==, 0.0);
  g_assert_cmpstr (port_named (converter, "rear", "LAN")->connector, ==, "SC");
  g_assert_cmpstr (converter->role, ==, "other");

  /* Switch: virtual interface, console and power ports are not cabling */
  g_assert_cmpuint (enlace_device_type_def_count (sw, "interface"), ==, 53);
  g_assert_null (port_named (sw, "interface", "Vlan1"));
  g_assert_true (port_named (sw, "interface", "GigabitEthernet0/0")->mgmt_only);
  g_assert_cmpstr (port_named (sw, "interface", "TenGigabitEthernet1/1/4")->connector, ==, "LC");
  g_assert_cmpuint (sw->n_ignored, ==, 3);

  /* Inline quirks: numbers, floats and booleans as raw text, keys with
   * underscores instead of hyphens, yes/no booleans, YAML anchors */
  {
    const char *yaml =
      "manufacturer: Acme\n"
      "model: 1.50\n"
      "is_full_depth: no\n"
      "front_ports:\n"
      "- &f {name: 010, type: LC}\n"
      "rear_ports:\n"
      "- name: 1e3\n"
      "  type: lc\n"
      "port_mappings:\n"
      "- front_port: 010\n"
      "  rear_port: 1e3\n"
      "unknown_section:\n"
      "  - whatever: [1, 2]\n";
    g_autoptr(EnlaceDeviceTypeDef) def = parse_text (yaml, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (def->model, ==, "1.50");
    g_assert_false (def->full_depth);
    g_assert_nonnull (port_named (def, "front", "010"));
    g_assert_cmpstr (port_named (def, "front", "010")->connector, ==, "LC");
    g_assert_nonnull (port_named (def, "rear", "1e3"));
    g_assert_cmpuint (def->mappings->len, ==, 1);
  }

  /* Renamed names that clash with names further down keep their mappings */
  {
    const char *yaml =
      "manufacturer: Acme\n"
      "model: Clash\n"
      "front-ports:\n"
      "  - {name: A, type: 8p8c, rear_port: A}\n"
      "  - {name: B, type: 8p8c, rear_port: A (rear)}\n"
      "rear-ports:\n"
      "  - {name: A, type: 8p8c}\n"
      "  - {name: A (rear), type: 8p8c}\n";
    g_autoptr(EnlaceDeviceTypeDef) def = parse_text (yaml, &error);
    EnlaceDeviceTypeMapping *m;

    g_assert_no_error (error);
    g_assert_cmpuint (def->n_renamed, ==, 2);
    m = g_ptr_array_index (def->mappings, 0);
    g_assert_cmpstr (m->front_name, ==, "A");
    g_assert_cmpstr (m->rear_name, ==, "A (rear)");
    m = g_ptr_array_index (def->mappings, 1);
    g_assert_cmpstr (m->front_name, ==, "B");
    g_assert_cmpstr (m->rear_name, ==, "A (rear) (rear)");
    g_assert_nonnull (port_named (def, "rear", "A (rear) (rear)"));
  }

  path = fixture ("Leviton", "keystone-24.yaml", NULL);
  summary = import_path (store, path);
  g_assert_cmpuint (summary->imported->len, ==, 1);
  item = g_ptr_array_index (summary->imported, 0);
  g_assert_cmpuint (item->n_module_bays, ==, 24);
  g_assert_cmpuint (summary->n_ports, ==, 0);
  text = enlace_device_type_import_format (summary);
  g_assert_nonnull (strstr (text, "it has only 24 module bays, which are not imported"));
  g_assert_nonnull (strstr (text, "Leviton 24 Port Keystone Patch Panel (Patch panel): no ports"));

  /* the unquoted names are stored as text */
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&summary, enlace_device_type_import_unref);
  path = fixture ("Panduit", "minicom-12.yaml", NULL);
  summary = import_path (store, path);
  {
    g_autoptr(GPtrArray) rows = enlace_store_list (store, "port-template",
                                                   lookup_type (store, "Panduit/Mini-Com Panel (12 Port, 1RU)"),
                                                   &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < rows->len; i++)
      if (g_strcmp0 (json_object_get_string_member (g_ptr_array_index (rows, i), "name"), "08") == 0)
        found = TRUE;
    g_assert_true (found);
  }
}

static void
test_duplicate (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceDeviceTypeImport) first = NULL;
  g_autoptr(EnlaceDeviceTypeImport) second = NULL;
  g_autoptr(EnlaceDeviceTypeImport) folder = NULL;
  g_autofree char *path = fixture ("Generic", "24-port-copper-patch-panel.yaml", NULL);
  g_autofree char *generic = fixture ("Generic", NULL);
  g_autofree char *text = NULL;
  EnlaceDeviceTypeSkipped *s;

  first = import_path (store, path);
  g_assert_cmpuint (first->imported->len, ==, 1);

  /* Again: skipped, reported, nothing written, no new command */
  second = import_path (store, path);
  g_assert_cmpuint (second->imported->len, ==, 0);
  g_assert_cmpuint (second->skipped->len, ==, 1);
  g_assert_cmpint (second->command_id, ==, 0);
  s = g_ptr_array_index (second->skipped, 0);
  g_assert_cmpint (s->reason, ==, ENLACE_DEVICE_TYPE_SKIP_DUPLICATE);
  g_assert_cmpstr (s->manufacturer, ==, "Generic");
  g_assert_cmpstr (s->model, ==, "24-port Copper Patch Panel");
  g_assert_nonnull (strstr (s->message, "is already in the document"));
  g_assert_cmpuint (enlace_store_count (store, "device-type"), ==, 1);
  g_assert_cmpuint (enlace_store_count (store, "port-template"), ==, 48);

  /* A folder holding it twice (Generic/copy/...) and once more in the
   * document: both copies are skipped, the rest is imported. */
  folder = import_path (store, generic);
  text = enlace_device_type_import_format (folder);
  g_test_message ("%s", text);
  g_assert_cmpuint (folder->n_files, ==, 7);
  g_assert_cmpuint (folder->imported->len, ==, 5);
  g_assert_cmpuint (folder->skipped->len, ==, 2);
  for (guint i = 0; i < folder->skipped->len; i++)
    {
      s = g_ptr_array_index (folder->skipped, i);
      g_assert_cmpint (s->reason, ==, ENLACE_DEVICE_TYPE_SKIP_DUPLICATE);
    }
  g_assert_nonnull (strstr (text, "is already in the document"));
  g_assert_null (strstr (text, "in this import"));
  g_assert_cmpuint (enlace_store_count (store, "device-type"), ==, 6);
}

static void
test_undo (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceDeviceTypeImport) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture (NULL);
  g_autofree char *label = NULL;
  guint n_ports;

  summary = import_path (store, path);
  g_assert_cmpuint (enlace_store_count (store, "device-type"), ==, 11);
  n_ports = enlace_store_count (store, "port-template");
  g_assert_cmpuint (n_ports, >, 0);
  g_assert_cmpint (summary->command_id, >, 0);

  /* One command */
  label = enlace_store_dup_undo_label (store);
  g_assert_cmpstr (label, ==, "Import device types");

  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "device-type"), ==, 0);
  g_assert_cmpuint (enlace_store_count (store, "port-template"), ==, 0);
  g_assert_cmpuint (enlace_store_count (store, "mapping-template"), ==, 0);
  g_assert_false (enlace_store_can_undo (store));

  g_assert_true (enlace_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "device-type"), ==, 11);
  g_assert_cmpuint (enlace_store_count (store, "port-template"), ==, n_ports);
  g_assert_cmpuint (enlace_store_count (store, "mapping-template"), ==, summary->n_mappings);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

static void
test_cancel (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture (NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(EnlaceDeviceTypeBatch) batch = NULL;
  g_autoptr(EnlaceDeviceTypeImport) summary = NULL;
  guint calls = 0;

  batch = enlace_device_type_batch_load (paths, progress_cb, &calls, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 14);
  g_assert_cmpuint (enlace_device_type_batch_get_n_files (batch), ==, 14);

  g_cancellable_cancel (cancellable);
  summary = enlace_device_types_import_batch (store, batch, cancellable, &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (enlace_store_count (store, "device-type"), ==, 0);
  g_assert_false (enlace_store_can_undo (store));
  g_clear_error (&error);

  g_clear_pointer (&batch, enlace_device_type_batch_free);
  batch = enlace_device_type_batch_load (paths, NULL, NULL, cancellable, &error);
  g_assert_null (batch);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_json (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceDeviceTypeImport) summary = NULL;
  g_autofree char *path = fixture (NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  JsonArray *imported, *skipped;

  summary = import_path (store, path);
  node = enlace_device_type_import_to_json (summary);
  root = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (root, "files"), ==, 14);
  imported = json_object_get_array_member (root, "imported");
  skipped = json_object_get_array_member (root, "skipped");
  g_assert_cmpuint (json_array_get_length (imported), ==, 11);
  g_assert_cmpuint (json_array_get_length (skipped), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (imported, 0), "manufacturer"), ==, "Acme");
  g_assert_cmpint (json_object_get_int_member (root, "ports"), ==, summary->n_ports);
}

/* libyaml's own message is given in Spanish too, not only the frame
 * around it (read from the catalogue built in BUILD_DIR/po). */
static void
test_yaml_message_spanish (void)
{
  g_autofree char *mo = g_build_filename (BUILD_DIR, "po", "es", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceDeviceTypeDef) def = NULL;
  const char *yaml = "manufacturer: A\nmodel: X\ninterfaces:\n  - name: a\n  name: b\n";

  if (!g_file_test (mo, G_FILE_TEST_EXISTS) || setlocale (LC_ALL, "C.UTF-8") == NULL)
    {
      g_test_skip ("no Spanish catalogue in the build, or no C.UTF-8 locale");
      return;
    }
  g_setenv ("LANGUAGE", "es", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_DIR "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  def = parse_text (yaml, &error);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");

  g_assert_null (def);
  g_assert_error (error, ENLACE_DEVICE_TYPE_ERROR, ENLACE_DEVICE_TYPE_ERROR_PARSE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "no es YAML válido"));
  g_assert_nonnull (strstr (error->message, "no se encontró el indicador «-» esperado"));
  g_assert_nonnull (strstr (error->message, "al leer una lista"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/devicetypes/types", test_types);
  g_test_add_func ("/model/devicetypes/legacy", test_legacy);
  g_test_add_func ("/model/devicetypes/port-mappings", test_port_mappings);
  g_test_add_func ("/model/devicetypes/folder", test_folder);
  g_test_add_func ("/model/devicetypes/invalid-skipped", test_invalid_skipped);
  g_test_add_func ("/model/devicetypes/quirks", test_quirks);
  g_test_add_func ("/model/devicetypes/duplicate", test_duplicate);
  g_test_add_func ("/model/devicetypes/undo", test_undo);
  g_test_add_func ("/model/devicetypes/yaml-message-es", test_yaml_message_spanish);
  g_test_add_func ("/model/devicetypes/cancel", test_cancel);
  g_test_add_func ("/model/devicetypes/json", test_json);

  return g_test_run ();
}
