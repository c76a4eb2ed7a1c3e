/* test-propose.c: what the model proposes and shows for the front ends:
 * cable and device proposals, the rack scene and an object's details, on a
 * small generated campus (1 building, 1 floor, 4 outlets, seed 1: the one
 * the CLI tests use). */
#include "config.h"

#include <json-glib/json-glib.h>

#include "enlace-details.h"
#include "enlace-generate.h"
#include "enlace-kinds.h"
#include "enlace-propose.h"
#include "enlace-rack-scene.h"
#include "enlace-store.h"

typedef struct
{
  EnlaceStore *store;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EnlaceGenerateOptions opts;

  f->store = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  enlace_generate_options_init (&opts);
  opts.buildings = 1;
  opts.floors = 1;
  opts.outlets_per_floor = 4;
  opts.seed = 1;
  g_assert_true (enlace_generate (f->store, &opts, NULL, &error));
  g_assert_no_error (error);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->store);
}

static gint64
port (Fixture    *f,
      const char *key)
{
  EnlaceTerm t = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (enlace_store_lookup_term (f->store, key, &t, &error));
  g_assert_no_error (error);
  g_assert_cmpint (t.kind, ==, ENLACE_TERM_PORT);
  return t.id;
}

static void
test_cable (Fixture       *f,
            gconstpointer  data)
{
  EnlaceCableProposal p = { 0 };
  g_autofree char *label = NULL;

  /* a switch to a panel in the same rack: a 1 m patch cord */
  enlace_cable_propose (f->store, port (f, "A-P0-SW1:Gi1/0/4"), port (f, "A-0A-PPA:4"), &p);
  g_assert_cmpstr (p.kind, ==, "patch-cord");
  g_assert_cmpstr (p.type, ==, "cat6");
  g_assert_cmpstr (p.label, ==, "PC-0001");
  g_assert_cmpfloat (p.length_m, ==, 1);

  /* two active ports of one room, fibre: an equipment cord */
  enlace_cable_propose (f->store, port (f, "A-SITE-CORE1:Te1/0/3"), port (f, "A-SITE-RTR1:Gi0/0/1"), &p);
  g_assert_cmpstr (p.kind, ==, "equipment-cord");
  g_assert_cmpstr (p.type, ==, "om4");
  g_assert_cmpstr (p.label, ==, "EC-0001");
  g_assert_cmpfloat (p.length_m, ==, 1);

  /* a panel's rear to an outlet's rear: the horizontal link */
  enlace_cable_propose (f->store, port (f, "A-0A-PPA:R5"), port (f, "A-0A-004:D-R"), &p);
  g_assert_cmpstr (p.kind, ==, "horizontal");
  g_assert_cmpstr (p.label, ==, "H-0001");
  g_assert_cmpfloat (p.length_m, <, 0);

  /* panel to panel between two rooms of one building: a backbone, OM4 */
  enlace_cable_propose (f->store, port (f, "A-0A-FO1:R1"), port (f, "A-SITE-FO1:R2"), &p);
  g_assert_cmpstr (p.kind, ==, "backbone");
  g_assert_cmpstr (p.type, ==, "om4");
  g_assert_cmpstr (p.label, ==, "BB-0001");
  enlace_cable_proposal_clear (&p);
  g_assert_null (p.kind);
  g_assert_null (p.label);

  /* labels skip the ones taken */
  label = enlace_cable_propose_label (f->store, "other");
  g_assert_cmpstr (label, ==, "C-0001");
}

static void
test_label_taken (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) cable = json_object_new ();
  EnlaceTerm a = { ENLACE_TERM_PORT, port (f, "A-P0-SW1:Gi1/0/4") };
  EnlaceTerm b = { ENLACE_TERM_PORT, port (f, "A-0A-PPA:4") };
  g_autofree char *label = NULL;

  json_object_set_string_member (cable, "kind", "patch-cord");
  json_object_set_string_member (cable, "label", "PC-0001");
  g_assert_cmpint (enlace_store_connect (f->store, &a, 1, &b, 1, cable, &error), >, 0);
  g_assert_no_error (error);
  label = enlace_cable_propose_label (f->store, "patch-cord");
  g_assert_cmpstr (label, ==, "PC-0002");
}

static void
test_device_name (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *sw = enlace_device_propose_name (f->store, "switch");
  g_autofree char *pp = enlace_device_propose_name (f->store, "patch-panel");
  g_autofree char *other = enlace_device_propose_name (f->store, "computer");
  g_autofree char *next = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();

  g_assert_cmpstr (sw, ==, "SW-1");
  g_assert_cmpstr (pp, ==, "PP-1");
  g_assert_cmpstr (other, ==, "EQ-1");

  json_object_set_string_member (values, "name", "SW-1");
  json_object_set_string_member (values, "role", "switch");
  json_object_set_int_member (values, "space_id", enlace_store_lookup (f->store, "space", "A/0/SITE", NULL));
  g_assert_cmpint (enlace_store_create (f->store, "device", values, &error), >, 0);
  g_assert_no_error (error);
  next = enlace_device_propose_name (f->store, "switch");
  g_assert_cmpstr (next, ==, "SW-2");
}

static void
test_rack_scene (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 rack = enlace_store_lookup (f->store, "rack", "A-SITE-R1", &error);
  g_autoptr(EnlaceRackScene) scene = NULL;
  const EnlaceRackDevice *core;
  gint64 blocker = -1;

  g_assert_no_error (error);
  scene = enlace_rack_scene_load (f->store, rack, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scene);
  g_assert_cmpstr (scene->name, ==, "A-SITE-R1");
  g_assert_cmpuint (scene->u_height, ==, 42);
  g_assert_nonnull (scene->place);
  g_assert_true (g_str_has_prefix (scene->place, "A/0/SITE"));
  /* every device of the rack, the top one first */
  g_assert_cmpuint (scene->devices->len, ==, 5);
  core = &g_array_index (scene->devices, EnlaceRackDevice, 0);
  g_assert_cmpstr (core->name, ==, "A-SITE-CORE1");
  g_assert_cmpfloat (core->position, ==, 42);
  g_assert_cmpstr (core->type_label, ==, "Cisco C9500-48X");
  g_assert_true (enlace_rack_device_is_mounted (core));
  g_assert_true (enlace_rack_scene_find_device (scene, core->device_id) == core);
  for (guint i = 1; i < scene->devices->len; i++)
    g_assert_cmpfloat (g_array_index (scene->devices, EnlaceRackDevice, i - 1).position, >=,
                       g_array_index (scene->devices, EnlaceRackDevice, i).position);
  g_assert_cmpfloat (enlace_rack_scene_get_used_units (scene), >, 0);

  /* U42 is taken by the core switch, so a new 1 U device goes lower */
  g_assert_false (enlace_rack_scene_fits (scene, ENLACE_RACK_FACE_FRONT, 42, 1, TRUE, 0, &blocker));
  g_assert_cmpint (blocker, ==, core->device_id);
  g_assert_true (enlace_rack_scene_fits (scene, ENLACE_RACK_FACE_FRONT, 42, 1, TRUE, core->device_id, NULL));
  {
    double u = enlace_rack_scene_propose_unit (scene, 1, TRUE, ENLACE_RACK_FACE_FRONT);

    /* the highest free unit: it fits there and nowhere higher */
    g_assert_cmpfloat (u, <, 42);
    g_assert_true (enlace_rack_scene_fits (scene, ENLACE_RACK_FACE_FRONT, u, 1, TRUE, 0, NULL));
    for (double above = u + 1; above <= 42; above++)
      g_assert_false (enlace_rack_scene_fits (scene, ENLACE_RACK_FACE_FRONT, above, 1, TRUE, 0, NULL));
  }
  g_assert_false (enlace_rack_scene_fits (scene, ENLACE_RACK_FACE_FRONT, 42, 2, TRUE, 0, &blocker));

  /* no such rack */
  g_assert_null (enlace_rack_scene_load (f->store, 999999, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
}

static JsonObject *
details (Fixture    *f,
         const char *kind,
         const char *key)
{
  g_autoptr(GError) error = NULL;
  gint64 id = enlace_store_lookup (f->store, kind, key, &error);
  JsonObject *o = json_object_new ();

  g_assert_no_error (error);
  g_assert_true (enlace_inventory_add_details (f->store, enlace_kind_lookup (kind), id, o, &error));
  g_assert_no_error (error);
  return o;
}

static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonObject) dev = details (f, "device", "A-SITE-CORE1");
  g_autoptr(JsonObject) rack = details (f, "rack", "A-SITE-R1");
  g_autoptr(JsonObject) cable = details (f, "cable", "A-SITE-RTR1-CORE1");
  g_autoptr(JsonObject) building = details (f, "building", "A");
  JsonArray *ports = json_object_get_array_member (dev, "ports");
  JsonObject *te1 = json_array_get_object_element (ports, 0);
  JsonObject *c;

  /* a device: its ports and what each is cabled to */
  g_assert_cmpuint (json_array_get_length (ports), ==, 52);
  g_assert_cmpstr (json_object_get_string_member (te1, "name"), ==, "Te1/0/1");
  c = json_object_get_object_member (te1, "cable");
  g_assert_cmpstr (json_object_get_string_member (c, "label"), ==, "A-SITE-RTR1-CORE1");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (c, "far_end"), 0), ==,
                   "A-SITE-RTR1:Gi0/0/2");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_array_get_object_element (ports, 2), "cable")));

  /* a rack: its devices */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (rack, "devices")), ==, 5);

  /* a cable: its ends */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cable, "end_a")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cable, "end_b")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cable, "warnings")), ==, 0);

  /* a building: its floors, by parent field */
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_object_get_object_member (building, "children"),
                                                                                "floor"), 0), ==, "A/0");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, fn) g_test_add ("/model/inventory/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("propose/cable", test_cable);
  ADD ("propose/label-taken", test_label_taken);
  ADD ("propose/device-name", test_device_name);
  ADD ("rack-scene", test_rack_scene);
  ADD ("details", test_details);
  return g_test_run ();
}
