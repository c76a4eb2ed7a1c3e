/* test-faults.c: fault reports on built cases — the location, the traced
 * path, three faults through one panel as the common cause, refusals and
 * closing the cause in one undoable command. */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "enlace-cases.h"
#include "enlace-demo.h"
#include "enlace-faults.h"
#include "enlace-store.h"
#include "enlace-trace.h"

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
open_at (EnlaceStore *store,
         const char  *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonObject) form = json_object_new ();
  JsonObject *person = json_object_new ();
  const char *kind = NULL;
  gint64 id = 0, case_id;

  g_assert_true (enlace_fault_resolve_location (store, where, &kind, &id, &error));
  g_assert_no_error (error);
  json_object_set_string_member (person, "name", where);
  json_object_set_object_member (values, "requester", person);
  json_object_set_string_member (form, "symptom", "sin red");
  json_object_set_object_member (values, "form", json_object_ref (form));
  case_id = enlace_fault_open (store, "internet-falla", values, kind, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_id, >, 0);
  return case_id;
}

static void
test_common_cause (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(EnlaceTracer) tracer = enlace_tracer_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) causes = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GArray) related = NULL;
  g_autofree char *text = NULL;
  EnlaceFaultCause *top;
  const char *kind = NULL;
  gint64 a, b, c, lid = 0;

  a = open_at (store, "A-0A-001");
  b = open_at (store, "A-0A-003");
  c = open_at (store, "A-0A-005");
  g_assert_true (enlace_fault_get_location (store, a, &kind, &lid));
  g_assert_cmpstr (kind, ==, "outlet");

  /* the traced path of the outlet: up to the switch through the panel */
  paths = enlace_fault_trace (tracer, a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, >=, 1);

  causes = enlace_faults_common_causes (tracer, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (causes->len, >=, 1);
  top = g_ptr_array_index (causes, 0);
  g_assert_cmpstr (top->kind, ==, "device");
  g_assert_cmpstr (top->key, ==, "A-0A-PPA");
  g_assert_cmpuint (top->n_cases, ==, 3);
  text = enlace_fault_cause_dup_text (top);
  g_assert_cmpstr (text, ==, "3 open reports pass through panel A-0A-PPA");
  for (guint i = 1; i < causes->len; i++)
    g_assert_cmpuint (((EnlaceFaultCause *) g_ptr_array_index (causes, i))->n_cases, <=, top->n_cases);

  mine = enlace_faults_common_causes (tracer, b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, causes->len);

  related = enlace_faults_related (tracer, a, top->kind, top->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (related->len, ==, 2);

  /* closing the cause is refused while the case itself is not done */
  g_assert_cmpint (enlace_faults_resolve_related (tracer, a, NULL, 0, NULL, &error), ==, -1);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(EnlaceCase) ca = enlace_case_get (store, a, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < ca->steps->len; i++)
      {
        EnlaceCaseStep *s = g_ptr_array_index (ca->steps, i);
        g_autoptr(JsonObject) v = json_object_new ();

        if (s->def->side == ENLACE_STEP_SIDE_REQUESTER)
          continue;
        json_object_set_string_member (v, "cause", "latiguillo dañado");
        json_object_set_string_member (v, "solution", "cambio de latiguillo");
        g_assert_true (enlace_case_set_step (store, a, s->id, ENLACE_STEP_DONE, NULL, v, &error));
        g_assert_no_error (error);
      }
  }
  g_assert_cmpint (enlace_faults_resolve_related (tracer, a, NULL, 0, NULL, &error), ==, 2);
  g_assert_no_error (error);
  {
    g_autoptr(EnlaceCaseRow) rc = enlace_cases_get_row (store, c, &error);

    g_assert_cmpint (rc->status, ==, ENLACE_CASE_RESOLVED);
  }
  g_clear_pointer (&causes, g_ptr_array_unref);
  causes = enlace_faults_common_causes (tracer, 0, &error);
  g_assert_cmpuint (causes->len, ==, 0);

  /* one command: one undo takes the three resolutions back */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(EnlaceCaseRow) rb = enlace_cases_get_row (store, b, &error);

    g_assert_cmpint (rb->status, !=, ENLACE_CASE_RESOLVED);
  }
}

static void
test_refusals (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  const char *kind = NULL;
  gint64 id = 0;

  g_assert_false (enlace_fault_resolve_location (store, "A/0/001", &kind, &id, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "A-0A-001"));
  g_clear_error (&error);
  g_assert_false (enlace_fault_resolve_location (store, "NOWHERE-9", &kind, &id, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (enlace_fault_resolve_location (store, "A-0A-001:D", &kind, &id, &error));
  g_assert_cmpstr (kind, ==, "port");
  g_assert_cmpint (enlace_fault_open (store, "correo-alta", values, "port", id, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (enlace_fault_open (store, "internet-falla", values, "cable", 1, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/cases/faults/common-cause", test_common_cause);
  g_test_add_func ("/model/cases/faults/refusals", test_refusals);
  return g_test_run ();
}
