/* test-orders.c: physical modification orders on the demo campus — the
 * change set and its refusals, the diff and the impact, the execution in
 * one undoable command, the refusals when the plant changed under the
 * order, and the XML round trip */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "enlace-cases.h"
#include "enlace-demo.h"
#include "enlace-faults.h"
#include "enlace-inventory.h"
#include "enlace-orders.h"
#include "enlace-trace.h"
#include "enlace-xml.h"

static EnlaceStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  enlace_store_set_user (store, "tester");
  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);
  return store;
}

static gint64
open_order (EnlaceStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  gint64 id;

  json_object_set_string_member (v, "summary", "Cambio de puerto del nodo R-0A-010");
  id = enlace_case_open (store, "red-modificacion", v, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Adds a change from "name=value" pairs (NULL-terminated). */
static gint64
add (EnlaceStore  *store,
     gint64        case_id,
     const char   *kind,
     const char   *target,
     GError      **error,
     ...)
{
  g_autoptr(JsonObject) v = json_object_new ();
  const char *pair;
  va_list ap;

  va_start (ap, error);
  while ((pair = va_arg (ap, const char *)) != NULL)
    {
      const char *eq = strchr (pair, '=');
      g_autofree char *name = g_strndup (pair, eq - pair);

      json_object_set_string_member (v, name, eq + 1);
    }
  va_end (ap);
  return enlace_order_add_change (store, case_id, kind, target, v, NULL, error);
}

static gboolean
exists (EnlaceStore *store,
        const char  *kind,
        const char  *key)
{
  return enlace_store_lookup (store, kind, key, NULL) > 0;
}

/* The order of the tests: re-patch R-0A-010's panel port to a free switch
 * port, add a switch, move and add an outlet. */
static gint64
prepare (EnlaceStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 case_id = open_order (store);

  add (store, case_id, "disconnect", "PC-R-0A-A10", &error, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (add (store, case_id, "connect", "PC-9001", &error,
                        "a=R-0A-PPA:10", "b=R-P0-SW1:Gi1/0/40", NULL), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (add (store, case_id, "add-device", "SW-NUEVO", &error,
                        "role=switch", "rack=A-0A-R1", "u=20", "face=front", NULL), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (add (store, case_id, "move-device", "A-0A-001", &error, "x=4", "y=5", NULL), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (add (store, case_id, "add-outlet", "A-0A-099", &error,
                        "space=A/0/001", "x=1", "y=1", NULL), >, 0);
  g_assert_no_error (error);
  return case_id;
}

static void
test_prepare (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 case_id = prepare (store);
  gint64 other;
  EnlaceOrderChange *c;

  /* nothing touched the plant */
  g_assert_true (exists (store, "cable", "PC-R-0A-A10"));
  g_assert_false (exists (store, "cable", "PC-9001"));
  g_assert_false (exists (store, "device", "SW-NUEVO"));

  changes = enlace_order_changes (store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 5);
  c = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (c->kind, ==, "disconnect");
  g_assert_cmpstr (c->prepared, ==, "R-0A-PPA:10 ↔ R-P0-SW1:Gi1/0/9");
  c = g_ptr_array_index (changes, 1);
  g_assert_cmpuint (c->seq, ==, 2);
  g_assert_cmpstr (json_object_get_string_member (c->params, "b"), ==, "R-P0-SW1:Gi1/0/40");

  /* refusals name the order and the rule, and change nothing */
  g_assert_cmpint (add (store, case_id, "teleport", "X", &error, NULL), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "unknown kind of change"));
  g_clear_error (&error);
  g_assert_cmpint (add (store, case_id, "remove-device", "NO-EXISTE", &error, NULL), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NO-EXISTE"));
  g_clear_error (&error);
  g_assert_cmpint (add (store, case_id, "reroute", "PC-R-0A-A10", &error, "b=R-P0-SW1:Gi1/0/41", NULL), ==, 0);
  g_assert_nonnull (strstr (error->message, "already has change 1"));
  g_clear_error (&error);
  g_assert_cmpint (add (store, case_id, "connect", NULL, &error, "a=R-0A-PPA:99", "b=R-P0-SW1:Gi1/0/41", NULL), ==, 0);
  g_assert_nonnull (strstr (error->message, "R-0A-PPA:99"));
  g_clear_error (&error);
  g_assert_cmpint (add (store, case_id, "add-device", "A-0A-002", &error, NULL), ==, 0);
  g_assert_nonnull (strstr (error->message, "already exists"));
  g_clear_error (&error);
  g_assert_cmpint (add (store, case_id, "move-device", "A-0A-002", &error, "colour=red", NULL), ==, 0);
  g_assert_nonnull (strstr (error->message, "colour"));
  g_clear_error (&error);
  /* a port of a device the order adds may be named */
  g_assert_cmpint (add (store, case_id, "connect", NULL, &error, "a=SW-NUEVO:1", "b=R-P0-SW1:Gi1/0/41", NULL), >, 0);
  g_assert_no_error (error);
  /* …and then the device cannot leave the order first */
  g_assert_false (enlace_order_remove_change (store, enlace_order_change_lookup (store, case_id, 3, NULL), &error));
  g_assert_nonnull (strstr (error->message, "remove change 6 first"));
  g_clear_error (&error);
  g_assert_true (enlace_order_remove_change (store, enlace_order_change_lookup (store, case_id, 6, NULL), &error));
  g_assert_no_error (error);

  /* undo of an added change */
  g_assert_cmpint (add (store, case_id, "remove-device", "A-0A-002", &error, NULL), >, 0);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = enlace_order_changes (store, case_id, &error);
  g_assert_cmpuint (changes->len, ==, 5);

  /* only orders have changes */
  {
    g_autoptr(JsonObject) v = json_object_new ();
    g_autoptr(JsonObject) form = json_object_new ();

    json_object_set_string_member (form, "equipment", "switches");
    json_object_set_object_member (v, "form", json_object_ref (form));
    other = enlace_case_open (store, "dictamen", v, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (add (store, other, "remove-device", "A-0A-002", &error, NULL), ==, 0);
  g_assert_nonnull (strstr (error->message, "not a modification order"));
}

static gboolean
strv_has (GPtrArray  *a,
          const char *s)
{
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), s) == 0)
      return TRUE;
  return FALSE;
}

static void
test_diff_impact (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(EnlaceTracer) tracer = enlace_tracer_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) diff = NULL;
  g_autoptr(EnlaceOrderImpact) impact = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonObject) form = json_object_new ();
  JsonArray *rows;
  JsonObject *r;
  const char *kind = NULL;
  gint64 loc = 0, fault;
  gint64 case_id = prepare (store);
  gboolean found = FALSE;

  diff = enlace_order_diff (store, case_id, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_get_boolean_member (diff, "executed"));
  g_assert_cmpint (json_object_get_int_member (diff, "conflicts"), ==, 0);
  rows = json_object_get_array_member (diff, "changes");
  g_assert_cmpuint (json_array_get_length (rows), ==, 5);
  r = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (r, "before"), ==, "R-0A-PPA:10 ↔ R-P0-SW1:Gi1/0/9");
  g_assert_true (json_object_get_null_member (r, "after"));
  r = json_array_get_object_element (rows, 1);
  g_assert_true (json_object_get_null_member (r, "before"));
  g_assert_cmpstr (json_object_get_string_member (r, "after"), ==, "R-0A-PPA:10 ↔ R-P0-SW1:Gi1/0/40");
  r = json_array_get_object_element (rows, 3);
  g_assert_cmpstr (json_object_get_string_member (r, "before"), ==, "space A/0/001 (3.05, 5.13)");
  g_assert_cmpstr (json_object_get_string_member (r, "after"), ==, "space A/0/001 (4, 5)");

  /* an open fault at the outlet that loses service */
  g_assert_true (enlace_fault_resolve_location (store, "R-0A-010", &kind, &loc, &error));
  json_object_set_string_member (form, "symptom", "sin red");
  json_object_set_object_member (values, "form", json_object_ref (form));
  fault = enlace_fault_open (store, "internet-falla", values, kind, loc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fault, >, 0);

  impact = enlace_order_impact (tracer, case_id, &error);
  g_assert_no_error (error);
  /* change 2 connects the panel port again: a re-patch changes the path */
  g_assert_cmpuint (impact->paths_broken, ==, 0);
  g_assert_cmpuint (impact->paths_changed, >=, 1);
  g_assert_false (strv_has (impact->ends, "R-P0-SW1:Gi1/0/9"));
  g_assert_false (strv_has (impact->outlets, "R-0A-010"));
  for (guint i = 0; i < impact->cases->len; i++)
    {
      JsonObject *c = g_ptr_array_index (impact->cases, i);
      g_autoptr(EnlaceCaseRow) row = enlace_cases_get_row (store, fault, NULL);

      if (g_strcmp0 (json_object_get_string_member (c, "folio"), row->folio) == 0)
        found = TRUE;
    }
  g_assert_true (found);
  {
    g_autoptr(JsonObject) o = enlace_order_impact_to_json (impact);

    g_assert_cmpint (json_object_get_int_member (o, "paths_broken"), ==, 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "changes")), ==, 2);
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (json_object_get_array_member (o, "changes"), 0),
                                                   "repatched"));
  }

  /* without the connect, the disconnect breaks the outlet's path */
  {
    g_autoptr(GPtrArray) changes = enlace_order_changes (store, case_id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (((EnlaceOrderChange *) g_ptr_array_index (changes, 1))->seq, ==, 2);
    g_assert_true (enlace_order_remove_change (store, ((EnlaceOrderChange *) g_ptr_array_index (changes, 1))->id, &error));
  }
  g_assert_no_error (error);
  g_clear_pointer (&impact, enlace_order_impact_free);
  impact = enlace_order_impact (tracer, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (impact->paths_broken, ==, 1);
  g_assert_true (strv_has (impact->ends, "R-P0-SW1:Gi1/0/9"));
  g_assert_true (strv_has (impact->outlets, "R-0A-010"));
}

static guint
count (EnlaceStore *store,
       const char  *kind)
{
  return enlace_store_count (store, kind);
}

static void
test_execute (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) diff = NULL;
  g_autoptr(JsonArray) log = NULL;
  g_auto(EnlaceOrderState) state = { 0 };
  gint64 case_id = prepare (store);
  guint cables = count (store, "cable"), devices = count (store, "device");
  JsonObject *r;

  g_assert_true (enlace_order_execute (store, case_id, &error));
  g_assert_no_error (error);
  g_assert_false (exists (store, "cable", "PC-R-0A-A10"));
  g_assert_true (exists (store, "cable", "PC-9001"));
  g_assert_true (exists (store, "device", "SW-NUEVO"));
  g_assert_true (exists (store, "device", "A-0A-099"));
  g_assert_cmpuint (count (store, "cable"), ==, cables);
  g_assert_cmpuint (count (store, "device"), ==, devices + 2);

  /* who, when, which command of the audit log */
  g_assert_true (enlace_order_get_state (store, case_id, &state, &error));
  g_assert_true (state.executed);
  g_assert_cmpstr (state.executed_by, ==, enlace_store_get_author (store));
  log = enlace_inventory_log (store, 1, &error);
  g_assert_no_error (error);
  r = json_array_get_object_element (log, 0);
  g_assert_cmpint (json_object_get_int_member (r, "id"), ==, state.command_id);
  g_assert_nonnull (strstr (json_object_get_string_member (r, "label"), "Execute order"));

  /* the plant before and after stays readable */
  diff = enlace_order_diff (store, case_id, &error);
  g_assert_true (json_object_get_boolean_member (diff, "executed"));
  r = json_array_get_object_element (json_object_get_array_member (diff, "changes"), 0);
  g_assert_cmpstr (json_object_get_string_member (r, "before"), ==, "R-0A-PPA:10 ↔ R-P0-SW1:Gi1/0/9");
  r = json_array_get_object_element (json_object_get_array_member (diff, "changes"), 2);
  g_assert_cmpstr (json_object_get_string_member (r, "after"), ==, "rack A-0A-R1, U20, front");

  /* the step "Realizar la modificación" is done */
  {
    g_autoptr(EnlaceCase) c = enlace_case_get (store, case_id, &error);
    gboolean done = FALSE;

    for (guint i = 0; i < c->steps->len; i++)
      {
        EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);

        if (s->def->position == 4 && s->result == ENLACE_STEP_DONE)
          done = TRUE;
      }
    g_assert_true (done);
  }

  /* no second execution, no more changes */
  g_assert_false (enlace_order_execute (store, case_id, &error));
  g_assert_nonnull (strstr (error->message, "already executed"));
  g_clear_error (&error);
  g_assert_cmpint (add (store, case_id, "remove-device", "A-0A-002", &error, NULL), ==, 0);
  g_assert_nonnull (strstr (error->message, "already executed"));
  g_clear_error (&error);

  /* one undo takes the whole order back */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_true (exists (store, "cable", "PC-R-0A-A10"));
  g_assert_false (exists (store, "device", "SW-NUEVO"));
  enlace_order_state_clear (&state);
  g_assert_true (enlace_order_get_state (store, case_id, &state, &error));
  g_assert_false (state.executed);
  g_assert_true (enlace_store_redo (store, &error));
  g_assert_false (exists (store, "cable", "PC-R-0A-A10"));
}

static void
test_conflicts (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) diff = NULL;
  g_autoptr(JsonObject) cable = json_object_new ();
  gint64 case_id = open_order (store);
  gint64 second = open_order (store);
  gint64 third = open_order (store);
  EnlaceTerm a, b;
  guint cables;
  JsonObject *r;

  /* a port taken since the order was prepared */
  g_assert_cmpint (add (store, case_id, "connect", "PC-9002", &error,
                        "a=R-P0-SW1:Gi1/0/41", "b=R-P0-SW1:Gi1/0/42", NULL), >, 0);
  g_assert_no_error (error);
  g_assert_true (enlace_store_lookup_term (store, "R-P0-SW1:Gi1/0/41", &a, NULL));
  g_assert_true (enlace_store_lookup_term (store, "R-P0-SW1:Gi1/0/43", &b, NULL));
  json_object_set_string_member (cable, "label", "PC-INTRUSO");
  g_assert_cmpint (enlace_store_connect (store, &a, 1, &b, 1, cable, &error), >, 0);
  g_assert_no_error (error);
  cables = count (store, "cable");
  diff = enlace_order_diff (store, case_id, &error);
  r = json_array_get_object_element (json_object_get_array_member (diff, "changes"), 0);
  g_assert_cmpstr (json_object_get_string_member (r, "conflict"), ==,
                   "port Gi1/0/41 of R-P0-SW1 is taken by cable PC-INTRUSO");
  g_assert_false (enlace_order_execute (store, case_id, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "change 1"));
  g_assert_nonnull (strstr (error->message, "port Gi1/0/41 of R-P0-SW1 is taken by cable PC-INTRUSO"));
  g_clear_error (&error);
  g_assert_cmpuint (count (store, "cable"), ==, cables);
  g_assert_false (exists (store, "cable", "PC-9002"));

  /* a device gone, a cable gone */
  g_assert_cmpint (add (store, second, "remove-device", "A-0A-002", &error, NULL), >, 0);
  g_assert_cmpint (add (store, second, "disconnect", "PC-R-0A-A10", &error, NULL), >, 0);
  g_assert_true (enlace_store_delete (store, "device", enlace_store_lookup (store, "device", "A-0A-002", NULL), &error));
  g_assert_false (enlace_order_execute (store, second, &error));
  g_assert_nonnull (strstr (error->message, "device A-0A-002 no longer exists"));
  g_clear_error (&error);
  g_assert_true (exists (store, "cable", "PC-R-0A-A10"));

  /* a refusal of the inventory half-way takes back what went before */
  g_assert_cmpint (add (store, third, "move-device", "A-0A-003", &error, "x=7", NULL), >, 0);
  g_assert_cmpint (add (store, third, "add-device", "SW-CHOCA", &error,
                        "role=switch", "rack=A-0A-R1", "u=42", NULL), >, 0);
  g_assert_no_error (error);
  g_assert_false (enlace_order_execute (store, third, &error));
  g_assert_nonnull (strstr (error->message, "change 2"));
  g_clear_error (&error);
  g_assert_false (exists (store, "device", "SW-CHOCA"));
  {
    g_autoptr(JsonObject) d = enlace_order_diff (store, third, &error);

    r = json_array_get_object_element (json_object_get_array_member (d, "changes"), 0);
    g_assert_cmpstr (json_object_get_string_member (r, "before"), ==, "space A/0/001 (5.38, 0.05)");
  }
}

static void
test_xml (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(EnlaceStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 done = prepare (store);
  gint64 pending = open_order (store);

  g_assert_true (enlace_order_execute (store, done, &error));
  g_assert_cmpint (add (store, pending, "remove-device", "A-0A-002", &error, NULL), >, 0);
  g_assert_no_error (error);
  g_assert_true (enlace_xml_export_to_memory (store, &first, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (first, "<change n=\"1\" kind=\"disconnect\" target=\"PC-R-0A-A10\">"));
  g_assert_nonnull (strstr (first, "<execution executed-at="));

  copy = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  {
    g_autofree char *dir = g_dir_make_tmp ("enlace-orders-XXXXXX", &error);
    g_autofree char *path = g_build_filename (dir, "x.xml", NULL);

    g_assert_true (g_file_set_contents (path, first, -1, &error));
    g_assert_true (enlace_xml_import (copy, path, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_unlink (path);
    g_rmdir (dir);
  }
  g_assert_true (enlace_xml_export_to_memory (copy, &second, NULL, &error));
  g_assert_cmpstr (first, ==, second);
  {
    g_autoptr(EnlaceCaseRow) row = enlace_cases_get_row (store, done, NULL);

    changes = enlace_order_changes (copy, enlace_cases_lookup (copy, row->folio, NULL), &error);
  }
  g_assert_cmpuint (changes->len, ==, 5);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/cases/orders/prepare", test_prepare);
  g_test_add_func ("/model/cases/orders/diff-impact", test_diff_impact);
  g_test_add_func ("/model/cases/orders/execute", test_execute);
  g_test_add_func ("/model/cases/orders/conflicts", test_conflicts);
  g_test_add_func ("/model/cases/orders/xml", test_xml);
  return g_test_run ();
}
