/* enlace-test-fixture.c: a small, known cabling plant for the view tests */
#define G_LOG_DOMAIN "enlace-test"
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "enlace-test-fixture.h"

gint64
enlace_test_create (EnlaceStore *store,
                    const char  *kind,
                    const char  *json_format,
                    ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  va_list args;
  gint64 id;

  va_start (args, json_format);
  text = g_strdup_vprintf (json_format, args);
  va_end (args);

  node = json_from_string (text, &error);
  g_assert_no_error (error);
  id = enlace_store_create (store, kind, json_node_get_object (node), &error);
  if (error)
    g_error ("creating %s %s: %s", kind, text, error->message);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
enlace_test_port (EnlaceStore *store,
                  const char  *key)
{
  g_autoptr(GError) error = NULL;
  gint64 id = enlace_store_lookup (store, "port", key, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
connect (EnlaceStore *store,
         gint64       a,
         gint64       b,
         const char  *cable_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (cable_json, &error);
  EnlaceTerm ta = { ENLACE_TERM_PORT, a };
  EnlaceTerm tb = { ENLACE_TERM_PORT, b };
  gint64 id;

  g_assert_no_error (error);
  id = enlace_store_connect (store, &ta, 1, &tb, 1, json_node_get_object (node), &error);
  g_assert_no_error (error);
  return id;
}

static void
port_templates (EnlaceStore *store,
                gint64       type,
                const char  *kind,
                const char  *prefix,
                guint        from,
                guint        to,
                const char  *medium,
                const char  *connector,
                guint        seq_base)
{
  for (guint i = from; i <= to; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%u", prefix, i);
      enlace_test_create (store, "port-template",
                          "{\"device_type_id\": %" G_GINT64_FORMAT ", \"kind\": \"%s\", \"name\": \"%s\","
                          " \"medium\": \"%s\", \"connector\": \"%s\", \"positions\": 1, \"seq\": %u}",
                          type, kind, name, medium, connector, seq_base + i);
    }
}

static void
mappings (EnlaceStore *store,
          gint64       type,
          const char  *front_prefix,
          const char  *rear_prefix,
          guint        n)
{
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *f = g_strdup_printf ("%s%u", front_prefix, i);
      g_autofree char *r = g_strdup_printf ("%s%u", rear_prefix, i);
      enlace_test_create (store, "mapping-template",
                          "{\"device_type_id\": %" G_GINT64_FORMAT ", \"front_name\": \"%s\", \"front_pos\": 1,"
                          " \"rear_name\": \"%s\", \"rear_pos\": 1}", type, f, r);
    }
}

EnlaceStore *
enlace_test_plant_new (EnlaceTestPlant *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  EnlaceTestPlant ids = { 0 };

  g_assert_no_error (error);
  enlace_store_set_user (store, "test");

  ids.site = enlace_test_create (store, "site", "{\"code\": \"UTV\", \"name\": \"Campus Valle\"}");
  ids.building = enlace_test_create (store, "building",
                                     "{\"site_id\": %" G_GINT64_FORMAT ", \"code\": \"B1\", \"name\": \"Rectoría\"}",
                                     ids.site);
  ids.floor = enlace_test_create (store, "floor",
                                  "{\"building_id\": %" G_GINT64_FORMAT ", \"level\": 1, \"name\": \"Planta 1\"}",
                                  ids.building);
  ids.tr = enlace_test_create (store, "space",
                               "{\"floor_id\": %" G_GINT64_FORMAT ", \"code\": \"TR-1\", \"name\": \"Cuarto de telecomunicaciones\", \"kind\": \"telecom-room\"}",
                               ids.floor);
  ids.office = enlace_test_create (store, "space",
                                   "{\"floor_id\": %" G_GINT64_FORMAT ", \"code\": \"101\", \"name\": \"Dirección\", \"kind\": \"office\"}",
                                   ids.floor);
  ids.rack = enlace_test_create (store, "rack",
                                 "{\"space_id\": %" G_GINT64_FORMAT ", \"name\": \"R1\", \"u_height\": 24, \"width\": \"19in\"}",
                                 ids.tr);

  ids.type_panel = enlace_test_create (store, "device-type",
                                       "{\"manufacturer\": \"Panduit\", \"model\": \"CP24BLY\", \"u_height\": 1, \"full_depth\": false, \"role\": \"patch-panel\"}");
  port_templates (store, ids.type_panel, "front", "", 1, 24, "copper", "8P8C", 0);
  port_templates (store, ids.type_panel, "rear", "R", 1, 24, "copper", "8P8C", 100);
  mappings (store, ids.type_panel, "", "R", 24);

  ids.type_switch = enlace_test_create (store, "device-type",
                                        "{\"manufacturer\": \"Cisco\", \"model\": \"C9200-24T\", \"u_height\": 1, \"full_depth\": false, \"role\": \"switch\"}");
  port_templates (store, ids.type_switch, "interface", "Gi1/0/", 1, 24, "copper", "8P8C", 0);
  port_templates (store, ids.type_switch, "interface", "Te1/1/", 1, 2, "fibre", "LC", 100);

  ids.type_server = enlace_test_create (store, "device-type",
                                        "{\"manufacturer\": \"Dell\", \"model\": \"PowerEdge R740\", \"u_height\": 2, \"full_depth\": true, \"role\": \"server\"}");
  port_templates (store, ids.type_server, "interface", "eno", 1, 4, "copper", "8P8C", 0);

  ids.type_pdu = enlace_test_create (store, "device-type",
                                     "{\"manufacturer\": \"APC\", \"model\": \"AP7900\", \"u_height\": 0, \"full_depth\": false, \"role\": \"other\"}");

  ids.type_outlet = enlace_test_create (store, "device-type",
                                        "{\"manufacturer\": \"Panduit\", \"model\": \"Doble RJ45\", \"u_height\": 0, \"full_depth\": false, \"role\": \"outlet\"}");
  port_templates (store, ids.type_outlet, "front", "J", 1, 2, "copper", "8P8C", 0);
  port_templates (store, ids.type_outlet, "rear", "R", 1, 2, "copper", "8P8C", 100);
  mappings (store, ids.type_outlet, "J", "R", 2);

  ids.type_pc = enlace_test_create (store, "device-type",
                                    "{\"manufacturer\": \"Lenovo\", \"model\": \"ThinkCentre M70\", \"u_height\": 0, \"full_depth\": false, \"role\": \"computer\"}");
  port_templates (store, ids.type_pc, "interface", "eth", 0, 0, "copper", "8P8C", 0);

#define RACKED(var, type, name, role, u, face, status) \
  ids.var = enlace_test_create (store, "device", \
      "{\"device_type_id\": %" G_GINT64_FORMAT ", \"name\": \"" name "\", \"role\": \"" role "\"," \
      " \"rack_id\": %" G_GINT64_FORMAT ", \"u_position\": " u ", \"face\": " face ", \"status\": \"" status "\"}", \
      ids.type, ids.rack)

  RACKED (pp1, type_panel, "PP-1", "patch-panel", "24", "\"front\"", "active");
  RACKED (sw1, type_switch, "SW-1", "switch", "22", "\"front\"", "active");
  RACKED (srv1, type_server, "SRV-1", "server", "18", "\"front\"", "active");
  RACKED (sw2, type_switch, "SW-2", "switch", "12", "\"front\"", "planned");
  RACKED (pdu1, type_pdu, "PDU-1", "other", "null", "null", "active");
#undef RACKED

  ids.outlet = enlace_test_create (store, "device",
                                   "{\"device_type_id\": %" G_GINT64_FORMAT ", \"name\": \"O-101\", \"role\": \"outlet\","
                                   " \"space_id\": %" G_GINT64_FORMAT ", \"status\": \"active\"}",
                                   ids.type_outlet, ids.office);
  ids.pc = enlace_test_create (store, "device",
                               "{\"device_type_id\": %" G_GINT64_FORMAT ", \"name\": \"PC-101\", \"role\": \"computer\","
                               " \"space_id\": %" G_GINT64_FORMAT ", \"status\": \"active\"}",
                               ids.type_pc, ids.office);

  ids.sw1_gi1 = enlace_test_port (store, "SW-1:Gi1/0/1");
  ids.sw1_gi2 = enlace_test_port (store, "SW-1:Gi1/0/2");
  ids.pp1_f1 = enlace_test_port (store, "PP-1:1");
  ids.pp1_r1 = enlace_test_port (store, "PP-1:R1");
  ids.outlet_j1 = enlace_test_port (store, "O-101:J1");
  ids.outlet_r1 = enlace_test_port (store, "O-101:R1");
  ids.pc_eth0 = enlace_test_port (store, "PC-101:eth0");

  ids.cable_patch = connect (store, ids.sw1_gi1, ids.pp1_f1,
                             "{\"label\": \"PC-0001\", \"kind\": \"patch-cord\", \"type\": \"cat6\", \"length_m\": 1, \"color\": \"blue\", \"status\": \"installed\"}");
  ids.cable_horizontal = connect (store, ids.pp1_r1, ids.outlet_r1,
                                  "{\"label\": \"H-101-1\", \"kind\": \"horizontal\", \"type\": \"cat6\", \"length_m\": 45, \"color\": \"white\", \"status\": \"installed\"}");
  ids.cable_desk = connect (store, ids.outlet_j1, ids.pc_eth0,
                            "{\"label\": \"PC-0002\", \"kind\": \"patch-cord\", \"type\": \"cat6\", \"length_m\": 3, \"color\": \"grey\", \"status\": \"installed\"}");
  ids.cable_planned = connect (store, ids.sw1_gi2, enlace_test_port (store, "PP-1:2"),
                               "{\"label\": \"PC-0003\", \"kind\": \"patch-cord\", \"type\": \"cat6\", \"status\": \"planned\"}");

  if (p)
    *p = ids;
  return g_steal_pointer (&store);
}

char *
enlace_test_screenshot_path (const char *name)
{
  g_autofree char *dir = g_build_filename (BUILD_DIR, "screenshots", NULL);

  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, name, NULL);
}

void
enlace_test_save_png (gpointer    cairo_surface,
                      const char *name)
{
  g_autofree char *path = enlace_test_screenshot_path (name);

  g_assert_cmpint (cairo_surface_write_to_png (cairo_surface, path), ==, CAIRO_STATUS_SUCCESS);
}
