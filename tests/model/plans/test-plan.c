/* test-plan.c: the floor-plan scene read from the store */
#include "config.h"

#include <math.h>
#include <string.h>

#include "enlace-plan.h"
#include "enlace-trace.h"

static JsonObject *
obj (const char *first,
     ...)
{
  JsonObject *o = json_object_new ();
  va_list args;

  va_start (args, first);
  for (const char *k = first; k; k = va_arg (args, const char *))
    json_object_set_string_member (o, k, va_arg (args, const char *));
  va_end (args);
  return o;
}

static gint64
add (EnlaceStore *store,
     const char  *kind,
     JsonObject  *values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = values;
  gint64 id = enlace_store_create (store, kind, v, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
connect (EnlaceStore *store,
         const char  *a,
         const char  *b,
         JsonObject  *cable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) c = cable;
  EnlaceTerm ta, tb;

  g_assert_true (enlace_store_lookup_term (store, a, &ta, &error));
  g_assert_true (enlace_store_lookup_term (store, b, &tb, &error));
  g_assert_cmpint (enlace_store_connect (store, &ta, 1, &tb, 1, c, &error), >, 0);
  g_assert_no_error (error);
}

/*
 * One floor, 30 × 12 m: a telecom room 1A at the west end with rack R1 at
 * (2, 2), an office 1B, a tray along y = 6 from x = 1 to x = 29 at 2.8 m,
 * and an outlet 1B-001 at (20, 11) whose data jack is patched to a switch
 * and whose voice jack is cabled with a planned link.
 */
static EnlaceStore *
floor_fixture (gint64 *floor_id)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  add (store, "site", obj ("code", "UNI", "name", "Campus", NULL));
  add (store, "building", obj ("site_id", "UNI", "code", "A", "name", "Edificio A", NULL));
  *floor_id = add (store, "floor", obj ("building_id", "A", "level", "1", "name", "Planta baja", NULL));
  add (store, "space", obj ("floor_id", "A/1", "code", "1A", "name", "Telecom", "kind", "telecom-room",
                            "outline", "[[0,0],[4,0],[4,5],[0,5]]", NULL));
  add (store, "space", obj ("floor_id", "A/1", "code", "1B", "name", "Oficina", "kind", "office",
                            "outline", "[[10,7],[30,7],[30,12],[10,12]]", NULL));
  add (store, "wall", obj ("floor_id", "A/1", "points", "[[0,0],[30,0]]", "thickness", "0.2", NULL));
  add (store, "pathway", obj ("floor_id", "A/1", "name", "Charola", "kind", "tray",
                              "points", "[[1,6],[29,6]]", "height", "2.8", "size_mm", "300", NULL));
  add (store, "rack", obj ("space_id", "A/1/1A", "name", "R1", "x", "2", "y", "2", NULL));
  add (store, "device", obj ("name", "SW1", "role", "switch", "rack_id", "R1", "u_position", "40", "face", "front", NULL));
  add (store, "device", obj ("name", "PP1", "role", "patch-panel", "rack_id", "R1", "u_position", "38", "face", "front", NULL));
  add (store, "device", obj ("name", "PBX", "role", "pbx", "space_id", "A/1/1A", NULL));
  add (store, "device", obj ("name", "1B-001", "role", "outlet", "space_id", "A/1/1B", "x", "20", "y", "11", NULL));
  add (store, "port", obj ("device_id", "SW1", "kind", "interface", "name", "Gi1", NULL));
  add (store, "port", obj ("device_id", "PBX", "kind", "interface", "name", "E1", "medium", "voice", NULL));
  add (store, "port", obj ("device_id", "PP1", "kind", "front", "name", "1", NULL));
  add (store, "port", obj ("device_id", "PP1", "kind", "rear", "name", "R1", NULL));
  add (store, "port", obj ("device_id", "PP1", "kind", "front", "name", "2", NULL));
  add (store, "port", obj ("device_id", "PP1", "kind", "rear", "name", "R2", NULL));
  add (store, "port", obj ("device_id", "1B-001", "kind", "front", "name", "D", NULL));
  add (store, "port", obj ("device_id", "1B-001", "kind", "rear", "name", "DR", NULL));
  add (store, "port", obj ("device_id", "1B-001", "kind", "front", "name", "V", "medium", "voice", NULL));
  add (store, "port", obj ("device_id", "1B-001", "kind", "rear", "name", "VR", "medium", "voice", NULL));
  add (store, "port-mapping", obj ("device_id", "PP1", "front_port_id", "PP1:1", "rear_port_id", "PP1:R1", NULL));
  add (store, "port-mapping", obj ("device_id", "PP1", "front_port_id", "PP1:2", "rear_port_id", "PP1:R2", NULL));
  add (store, "port-mapping", obj ("device_id", "1B-001", "front_port_id", "1B-001:D", "rear_port_id", "1B-001:DR", NULL));
  add (store, "port-mapping", obj ("device_id", "1B-001", "front_port_id", "1B-001:V", "rear_port_id", "1B-001:VR", NULL));
  connect (store, "SW1:Gi1", "PP1:1", obj ("label", "PC-1", "kind", "patch-cord", NULL));
  connect (store, "PP1:R1", "1B-001:DR", obj ("label", "A-1A-A01", "kind", "horizontal", "length_m", "40", NULL));
  connect (store, "PBX:E1", "PP1:2", obj ("label", "PC-2", "kind", "patch-cord", NULL));
  connect (store, "PP1:R2", "1B-001:VR", obj ("label", "A-1A-A02", "kind", "horizontal", "status", "planned", NULL));
  add (store, "extension", obj ("number", "2101", "port_id", "PBX:E1", NULL));
  return store;
}

static void
test_scene_items (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlacePlanScene) scene = NULL;
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = floor_fixture (&floor_id);
  guint kinds[5] = { 0 };

  scene = enlace_plan_scene_load (store, floor_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scene->building_code, ==, "A");
  g_assert_cmpint (scene->level, ==, 1);
  for (guint i = 0; i < scene->items->len; i++)
    kinds[((EnlacePlanItem *)g_ptr_array_index (scene->items, i))->kind]++;
  g_assert_cmpuint (kinds[ENLACE_PLAN_ITEM_SPACE], ==, 2);
  g_assert_cmpuint (kinds[ENLACE_PLAN_ITEM_WALL], ==, 1);
  g_assert_cmpuint (kinds[ENLACE_PLAN_ITEM_PATHWAY], ==, 1);
  g_assert_cmpuint (kinds[ENLACE_PLAN_ITEM_RACK], ==, 1);
  /* The PBX has no position: it is not drawn. */
  g_assert_cmpuint (kinds[ENLACE_PLAN_ITEM_DEVICE], ==, 1);
  g_assert_cmpfloat (scene->extent.x2, >=, 30);

  g_assert_null (enlace_plan_scene_load (store, floor_id + 100, NULL, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
}

static void
test_scene_hit (void)
{
  g_autoptr(EnlacePlanScene) scene = NULL;
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = floor_fixture (&floor_id);
  EnlacePlanItem *item;

  scene = enlace_plan_scene_load (store, floor_id, NULL, NULL);
  item = enlace_plan_scene_hit (scene, (EnlacePoint) { 20.05, 11.02 }, 0.05);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, ENLACE_PLAN_ITEM_DEVICE);
  g_assert_cmpstr (item->name, ==, "1B-001");

  /* Inside the office, away from the outlet: the space. */
  item = enlace_plan_scene_hit (scene, (EnlacePoint) { 15, 9 }, 0.05);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, ENLACE_PLAN_ITEM_SPACE);
  g_assert_cmpstr (item->name, ==, "1B");

  /* Near the tray, within the tolerance. */
  item = enlace_plan_scene_hit (scene, (EnlacePoint) { 15, 6.3 }, 0.2);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, ENLACE_PLAN_ITEM_PATHWAY);

  item = enlace_plan_scene_hit (scene, (EnlacePoint) { 2.1, 2.3 }, 0.05);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, ENLACE_PLAN_ITEM_RACK);

  g_assert_null (enlace_plan_scene_hit (scene, (EnlacePoint) { 7, 3 }, 0.05));
}

static void
test_scene_query_and_snap (void)
{
  g_autoptr(EnlacePlanScene) scene = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = floor_fixture (&floor_id);
  EnlaceBox box = { 9, 6.5, 31, 13 };
  EnlacePoint out;

  scene = enlace_plan_scene_load (store, floor_id, NULL, NULL);
  found = enlace_plan_scene_query (scene, &box);
  /* The office (wholly inside) and its outlet; not the tray at y = 6. */
  g_assert_cmpuint (found->len, ==, 2);

  g_assert_true (enlace_plan_scene_snap (scene, (EnlacePoint) { 28.9, 6.1 }, 0.3, &out));
  g_assert_cmpfloat_with_epsilon (out.x, 29, 1e-9);
  g_assert_cmpfloat_with_epsilon (out.y, 6, 1e-9);
  g_assert_true (enlace_plan_scene_snap (scene, (EnlacePoint) { 15, 6.2 }, 0.3, &out));
  g_assert_cmpfloat_with_epsilon (out.x, 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (out.y, 6, 1e-9);
  g_assert_false (enlace_plan_scene_snap (scene, (EnlacePoint) { 15, 3 }, 0.3, &out));
}

static void
test_scene_routes (void)
{
  g_autoptr(EnlacePlanScene) scene = NULL;
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = floor_fixture (&floor_id);
  EnlacePlanRoute *route;
  double expected;

  scene = enlace_plan_scene_load (store, floor_id, NULL, NULL);
  g_assert_cmpuint (scene->routes->len, ==, 2);
  route = g_ptr_array_index (scene->routes, 0);
  g_assert_cmpstr (route->label, ==, "A-1A-A01");
  g_assert_true (route->along_pathways);
  /* Outlet (20, 11) down to the tray at (20, 6): 5 m; along the tray to
   * (2, 6): 18 m; to the rack (2, 2): 4 m; vertical legs 2.5 + 0.8. */
  expected = 5 + 18 + 4 + (2.8 - 0.3) + (2.8 - 2.0);
  g_assert_cmpfloat_with_epsilon (route->length_m, expected, 1e-6);
  g_assert_cmpuint (route->points->len, >=, 4);
}

static void
test_scene_jack_states (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlacePlanScene) scene = NULL;
  g_autoptr(EnlacePlanScene) after = NULL;
  g_autoptr(EnlaceTracer) tracer = NULL;
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = floor_fixture (&floor_id);
  g_autoptr(JsonObject) status = NULL;
  EnlacePlanItem *outlet;
  EnlacePlanJack *data, *voice;

  tracer = enlace_tracer_new (store);
  scene = enlace_plan_scene_load (store, floor_id, tracer, &error);
  g_assert_no_error (error);
  outlet = enlace_plan_scene_find (scene, ENLACE_PLAN_ITEM_DEVICE,
                                   enlace_store_lookup (store, "device", "1B-001", NULL));
  g_assert_nonnull (outlet);
  g_assert_cmpuint (outlet->jacks->len, ==, 2);
  data = g_ptr_array_index (outlet->jacks, 0);
  voice = g_ptr_array_index (outlet->jacks, 1);
  g_assert_cmpstr (data->name, ==, "D");
  /* the link reaches the jack, nothing is plugged in: served up to the jack */
  g_assert_cmpint (data->state, ==, ENLACE_JACK_SERVED);
  g_assert_cmpstr (data->far, ==, "SW1:Gi1");
  g_assert_cmpint (voice->state, ==, ENLACE_JACK_PLANNED);
  g_assert_cmpstr (voice->extension, ==, "2101");

  /* Decommissioning the data link marks the jack faulty. */
  status = obj ("status", "decommissioned", NULL);
  g_assert_true (enlace_store_update (store, "cable", enlace_store_lookup (store, "cable", "A-1A-A01", NULL),
                                      status, &error));
  after = enlace_plan_scene_load (store, floor_id, tracer, &error);
  outlet = enlace_plan_scene_find (after, ENLACE_PLAN_ITEM_DEVICE,
                                   enlace_store_lookup (store, "device", "1B-001", NULL));
  data = g_ptr_array_index (outlet->jacks, 0);
  g_assert_cmpint (data->state, ==, ENLACE_JACK_FAULTY);
}

static char *
points_of (EnlaceStore *store,
           const char  *kind,
           gint64       id,
           const char  *field)
{
  g_autoptr(JsonObject) row = enlace_store_get (store, kind, id, NULL);
  JsonNode *n = json_object_get_member (row, field);

  return JSON_NODE_HOLDS_NULL (n) ? NULL : g_strdup (json_node_get_string (n));
}

static void
test_edit_move_rotate_undo (void)
{
  g_autoptr(GError) error = NULL;
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = floor_fixture (&floor_id);
  gint64 outlet = enlace_store_lookup (store, "device", "1B-001", NULL);
  gint64 tray = enlace_store_lookup (store, "pathway", "#1", NULL);
  gint64 office = enlace_store_lookup (store, "space", "A/1/1B", NULL);
  gint64 telecom = enlace_store_lookup (store, "space", "A/1/1A", NULL);
  EnlacePlanRef refs[] = { { ENLACE_PLAN_ITEM_DEVICE, outlet }, { ENLACE_PLAN_ITEM_PATHWAY, tray } };
  g_autoptr(JsonObject) dev = NULL;
  g_autofree char *tray_before = points_of (store, "pathway", tray, "points");
  g_autofree char *tray_after = NULL;
  g_autofree char *tray_undone = NULL;

  g_assert_true (enlace_plan_move (store, refs, 2, 1.5, -0.5, &error));
  g_assert_no_error (error);
  dev = enlace_store_get (store, "device", outlet, NULL);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (dev, "x"), 21.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (dev, "y"), 10.5, 1e-9);
  tray_after = points_of (store, "pathway", tray, "points");
  g_assert_cmpstr (tray_after, ==, "[[2.500,5.500],[30.500,5.500]]");

  /* One command: one undo puts both back. */
  g_assert_true (enlace_store_undo (store, &error));
  g_clear_pointer (&dev, json_object_unref);
  dev = enlace_store_get (store, "device", outlet, NULL);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (dev, "x"), 20, 1e-9);
  tray_undone = points_of (store, "pathway", tray, "points");
  g_assert_cmpstr (tray_undone, ==, tray_before);

  /* Moving the outlet into the telecom room moves it there in the inventory. */
  g_assert_true (enlace_plan_move (store, refs, 1, -18, -8, &error));
  g_clear_pointer (&dev, json_object_unref);
  dev = enlace_store_get (store, "device", outlet, NULL);
  g_assert_cmpint (json_object_get_int_member (dev, "space_id"), ==, telecom);
  g_assert_true (enlace_store_undo (store, &error));
  g_clear_pointer (&dev, json_object_unref);
  dev = enlace_store_get (store, "device", outlet, NULL);
  g_assert_cmpint (json_object_get_int_member (dev, "space_id"), ==, office);

  /* Rotating a quarter turn around the outlet itself. */
  g_assert_true (enlace_plan_rotate (store, refs, 1, (EnlacePoint) { 20, 11 }, 90, &error));
  g_clear_pointer (&dev, json_object_unref);
  dev = enlace_store_get (store, "device", outlet, NULL);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (dev, "rotation"), 90, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (dev, "x"), 20, 1e-9);
  g_assert_true (enlace_store_undo (store, &error));
  g_clear_pointer (&dev, json_object_unref);
  dev = enlace_store_get (store, "device", outlet, NULL);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (dev, "rotation"), 0, 1e-9);
}

static void
test_edit_vertex_delete_undo (void)
{
  g_autoptr(GError) error = NULL;
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = floor_fixture (&floor_id);
  gint64 office = enlace_store_lookup (store, "space", "A/1/1B", NULL);
  gint64 wall = enlace_store_lookup (store, "wall", "#1", NULL);
  EnlacePlanRef space_ref = { ENLACE_PLAN_ITEM_SPACE, office };
  EnlacePlanRef refs[] = { { ENLACE_PLAN_ITEM_WALL, wall }, { ENLACE_PLAN_ITEM_SPACE, office } };
  g_autofree char *outline = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *back = NULL;

  g_assert_true (enlace_plan_set_vertex (store, space_ref, 2, (EnlacePoint) { 31, 13 }, &error));
  outline = points_of (store, "space", office, "outline");
  g_assert_cmpstr (outline, ==, "[[10.000,7.000],[30.000,7.000],[31.000,13.000],[10.000,12.000]]");
  g_assert_false (enlace_plan_set_vertex (store, space_ref, 9, (EnlacePoint) { 0, 0 }, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Deleting from the plan removes the wall; the space keeps its place in
   * the inventory without an outline. */
  g_assert_true (enlace_plan_delete (store, refs, 2, &error));
  g_assert_cmpuint (enlace_store_count (store, "wall"), ==, 0);
  g_assert_cmpint (enlace_store_lookup (store, "space", "A/1/1B", NULL), ==, office);
  gone = points_of (store, "space", office, "outline");
  g_assert_null (gone);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpuint (enlace_store_count (store, "wall"), ==, 1);
  back = points_of (store, "space", office, "outline");
  g_assert_cmpstr (back, ==, outline);
}

static void
test_edit_outlets (void)
{
  g_autoptr(GError) error = NULL;
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = floor_fixture (&floor_id);
  g_autoptr(JsonObject) dev = NULL;
  g_autoptr(GPtrArray) ports = NULL;
  g_autoptr(GArray) copies = NULL;
  EnlacePlanRef ref;
  gint64 id;

  /* Outside any space: refused, nothing changes. */
  g_assert_cmpint (enlace_plan_add_outlet (store, floor_id, (EnlacePoint) { 7, 3 }, 0, NULL, 1, 1, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  id = enlace_plan_add_outlet (store, floor_id, (EnlacePoint) { 12, 11.9 }, 180, NULL, 2, 1, &error);
  g_assert_no_error (error);
  dev = enlace_store_get (store, "device", id, NULL);
  g_assert_cmpstr (json_object_get_string_member (dev, "name"), ==, "A-1A-001");
  g_assert_cmpstr (json_object_get_string_member (dev, "status"), ==, "planned");
  g_assert_cmpint (json_object_get_int_member (dev, "space_id"), ==, enlace_store_lookup (store, "space", "A/1/1B", NULL));
  ports = enlace_store_list (store, "port", id, NULL);
  g_assert_cmpuint (ports->len, ==, 6);
  g_assert_cmpuint (enlace_store_count (store, "port-mapping"), ==, 4 + 3);

  /* Copy and paste: a new label, the same jacks. */
  ref.kind = ENLACE_PLAN_ITEM_DEVICE;
  ref.id = id;
  copies = enlace_plan_duplicate (store, &ref, 1, 2, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (copies->len, ==, 1);
  g_clear_pointer (&dev, json_object_unref);
  dev = enlace_store_get (store, "device", g_array_index (copies, EnlacePlanRef, 0).id, NULL);
  g_assert_cmpstr (json_object_get_string_member (dev, "name"), ==, "A-1A-002");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (dev, "x"), 14, 1e-9);

  /* Undo the paste, then the placement: back to where it started. */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpint (enlace_store_lookup (store, "device", "A-1A-001", NULL), ==, 0);
  g_clear_error (&error);
  g_assert_cmpuint (enlace_store_count (store, "port-mapping"), ==, 4);
}

/* From a space's page: the next label, at the centre of its outline */
static void
test_edit_outlet_in_space (void)
{
  g_autoptr(GError) error = NULL;
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = floor_fixture (&floor_id);
  gint64 space = enlace_store_lookup (store, "space", "A/1/1B", NULL);
  g_autofree char *next = NULL;
  g_autoptr(JsonObject) dev = NULL;
  g_autoptr(GPtrArray) ports = NULL;
  gint64 id;

  g_assert_cmpint (space, >, 0);
  next = enlace_plan_next_outlet_name (store, space);
  g_assert_cmpstr (next, ==, "A-1A-001");
  id = enlace_plan_add_outlet_in_space (store, space, NULL, 1, 1, &error);
  g_assert_no_error (error);
  dev = enlace_store_get (store, "device", id, NULL);
  g_assert_cmpstr (json_object_get_string_member (dev, "name"), ==, "A-1A-001");
  g_assert_cmpstr (json_object_get_string_member (dev, "role"), ==, "outlet");
  g_assert_cmpint (json_object_get_int_member (dev, "space_id"), ==, space);
  g_assert_true (json_object_has_member (dev, "x"));
  ports = enlace_store_list (store, "port", id, NULL);
  g_assert_cmpuint (ports->len, ==, 4);

  /* a label of its own; no jacks is refused and changes nothing */
  g_assert_cmpint (enlace_plan_add_outlet_in_space (store, space, "A-1A-900", 0, 0, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (enlace_plan_add_outlet_in_space (store, space, "A-1A-900", 2, 0, &error), >, 0);
  g_assert_no_error (error);

  /* one command each */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpint (enlace_store_lookup (store, "device", "A-1A-001", NULL), ==, 0);
}

static void
test_edit_access_point (void)
{
  g_autoptr(GError) error = NULL;
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = floor_fixture (&floor_id);
  g_autoptr(GPtrArray) ports = NULL;
  g_autoptr(JsonObject) dev = NULL;
  guint devices = enlace_store_count (store, "device");
  gint64 id;

  g_assert_cmpint (enlace_plan_add_access_point (store, floor_id, (EnlacePoint) { 7, 3 }, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (enlace_store_count (store, "device"), ==, devices);

  id = enlace_plan_add_access_point (store, floor_id, (EnlacePoint) { 15, 9 }, &error);
  g_assert_no_error (error);
  dev = enlace_store_get (store, "device", id, NULL);
  g_assert_cmpstr (json_object_get_string_member (dev, "name"), ==, "A-AP01");
  g_assert_cmpstr (json_object_get_string_member (dev, "role"), ==, "access-point");
  ports = enlace_store_list (store, "port", id, NULL);
  g_assert_cmpuint (ports->len, ==, 1);

  /* The device and its uplink are one command: one undo removes both. */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpuint (enlace_store_count (store, "device"), ==, devices);
  g_assert_cmpint (enlace_store_lookup (store, "port", "A-AP01:eth0", NULL), ==, 0);
}

static void
test_find (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceTracer) tracer = NULL;
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = floor_fixture (&floor_id);
  gint64 outlet = enlace_store_lookup (store, "device", "1B-001", NULL);
  EnlacePlanRef ref;

  tracer = enlace_tracer_new (store);
  g_assert_true (enlace_plan_find (store, tracer, floor_id, "1B-001", &ref, &error));
  g_assert_cmpint (ref.kind, ==, ENLACE_PLAN_ITEM_DEVICE);
  g_assert_cmpint (ref.id, ==, outlet);
  /* Extension 2101 rides the PBX port whose line reaches the outlet. */
  g_assert_true (enlace_plan_find (store, tracer, floor_id, "2101", &ref, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ref.id, ==, outlet);
  g_assert_true (enlace_plan_find (store, tracer, floor_id, " 1B ", &ref, &error));
  g_assert_cmpint (ref.kind, ==, ENLACE_PLAN_ITEM_SPACE);
  g_assert_true (enlace_plan_find (store, tracer, floor_id, "R1", &ref, &error));
  g_assert_cmpint (ref.kind, ==, ENLACE_PLAN_ITEM_RACK);
  g_assert_true (enlace_plan_find (store, tracer, floor_id, "B-0", &ref, &error));
  g_assert_cmpint (ref.id, ==, outlet);
  g_assert_false (enlace_plan_find (store, tracer, floor_id, "9999", &ref, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
}

/* An outlet clicked on a wall line, or near a wall, goes on the wall of
 * its space, facing into it; one clicked in the middle of a room stays
 * where it was clicked. */
static void
test_edit_outlet_on_wall (void)
{
  g_autoptr(GError) error = NULL;
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = floor_fixture (&floor_id);
  gint64 office = enlace_store_lookup (store, "space", "A/1/1B", NULL);
  const struct
  {
    EnlacePoint click, at;
    double      rotation;
  } cases[] = {
    { { 20, 7 }, { 20, 7 }, 90 },        /* on the south wall's line */
    { { 29.7, 9.5 }, { 30, 9.5 }, 180 }, /* 0.3 m from the east wall */
    { { 20, 6.5 }, { 20, 7 }, 90 },      /* just outside, by the wall */
    { { 20, 9.5 }, { 20, 9.5 }, 0 },     /* the middle of the room */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) dev = NULL;
      gint64 id = enlace_plan_add_outlet (store, floor_id, cases[i].click, 0, NULL, 1, 0, &error);

      g_assert_no_error (error);
      dev = enlace_store_get (store, "device", id, NULL);
      g_assert_cmpint (json_object_get_int_member (dev, "space_id"), ==, office);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (dev, "x"), cases[i].at.x, 1e-9);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (dev, "y"), cases[i].at.y, 1e-9);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (dev, "rotation"), cases[i].rotation, 1e-9);
    }
  /* 0.7 m from any wall and in no space: refused */
  g_assert_cmpint (enlace_plan_add_outlet (store, floor_id, (EnlacePoint) { 20, 6.3 }, 0, NULL, 1, 0, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/plan/items", test_scene_items);
  g_test_add_func ("/model/plan/hit", test_scene_hit);
  g_test_add_func ("/model/plan/query-and-snap", test_scene_query_and_snap);
  g_test_add_func ("/model/plan/routes", test_scene_routes);
  g_test_add_func ("/model/plan/jack-states", test_scene_jack_states);
  g_test_add_func ("/model/plan/edit/move-rotate-undo", test_edit_move_rotate_undo);
  g_test_add_func ("/model/plan/edit/vertex-delete-undo", test_edit_vertex_delete_undo);
  g_test_add_func ("/model/plan/edit/outlets", test_edit_outlets);
  g_test_add_func ("/model/plan/edit/outlet-in-space", test_edit_outlet_in_space);
  g_test_add_func ("/model/plan/edit/outlet-on-wall", test_edit_outlet_on_wall);
  g_test_add_func ("/model/plan/find", test_find);
  g_test_add_func ("/model/plan/edit/access-point", test_edit_access_point);

  return g_test_run ();
}
