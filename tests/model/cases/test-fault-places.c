/* test-fault-places.c: what the fault report's GUI asks the model — the
 * places a user's words may name, the physical check hop by hop, and
 * closing a common cause with a chosen subset of its cases, each with its
 * note. */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "enlace-cases.h"
#include "enlace-demo.h"
#include "enlace-fault-check.h"
#include "enlace-fault-places.h"
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

static gboolean
has_place (GPtrArray  *places,
           const char *kind,
           const char *title,
           const char *via)
{
  for (guint i = 0; i < places->len; i++)
    {
      EnlaceFaultPlace *p = g_ptr_array_index (places, i);

      if (g_strcmp0 (p->kind, kind) == 0 && g_strcmp0 (p->title, title) == 0 && g_strcmp0 (p->via, via) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_places (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(EnlaceFaultPlace) described = NULL;
  EnlaceFaultPlace *first;
  const char *kind = NULL;
  gint64 id = 0;

  /* an outlet's label */
  places = enlace_fault_places_search (store, "A-0A-001", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, >=, 1);
  first = g_ptr_array_index (places, 0);
  g_assert_cmpstr (first->kind, ==, "outlet");
  g_assert_cmpstr (first->title, ==, "Outlet A-0A-001");
  g_assert_true (g_str_has_prefix (first->subtitle, "Room A/0/"));
  /* the same place as the CLI's --at */
  g_assert_true (enlace_fault_resolve_location (store, "A-0A-001", &kind, &id, &error));
  g_assert_cmpstr (kind, ==, first->kind);
  g_assert_cmpint (id, ==, first->id);
  g_clear_pointer (&places, g_ptr_array_unref);

  /* a room: its outlets, each once */
  places = enlace_fault_places_search (store, "A/0/", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, >=, 2);
  for (guint i = 0; i < places->len; i++)
    {
      EnlaceFaultPlace *p = g_ptr_array_index (places, i);

      g_assert_cmpstr (p->kind, ==, "outlet");
      for (guint j = i + 1; j < places->len; j++)
        g_assert_false (((EnlaceFaultPlace *) g_ptr_array_index (places, j))->id == p->id);
    }
  g_assert_cmpuint (places->len, <=, 50);
  g_clear_pointer (&places, g_ptr_array_unref);

  /* the limit */
  places = enlace_fault_places_search (store, "A-", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, ==, 3);
  g_clear_pointer (&places, g_ptr_array_unref);

  /* a port DEVICE:PORT */
  places = enlace_fault_places_search (store, "A-0A-001:", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, >=, 1);
  g_assert_cmpstr (((EnlaceFaultPlace *) g_ptr_array_index (places, 0))->kind, ==, "port");
  g_clear_pointer (&places, g_ptr_array_unref);

  /* nothing, and wildcards are taken literally */
  places = enlace_fault_places_search (store, "   ", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, ==, 0);
  g_clear_pointer (&places, g_ptr_array_unref);
  places = enlace_fault_places_search (store, "%", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, ==, 0);
  g_clear_pointer (&places, g_ptr_array_unref);

  described = enlace_fault_place_describe (store, "outlet", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (described->title, ==, "Outlet A-0A-001");
  g_assert_null (enlace_fault_place_describe (store, "rack", 1, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (enlace_fault_place_describe (store, "extension", 999999, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
}

static void
test_people_and_extensions (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(JsonObject) ext = NULL;
  g_autoptr(JsonObject) person = NULL;
  g_autofree char *title = NULL;
  const char *number, *name;
  gint64 ext_id;

  /* the demo's first extension with a person */
  ext_id = enlace_store_lookup (store, "extension", "1001", NULL);
  if (ext_id <= 0)
    {
      g_test_skip ("the demo has no extension 1001");
      return;
    }
  ext = enlace_store_get (store, "extension", ext_id, &error);
  g_assert_no_error (error);
  number = json_object_get_string_member (ext, "number");
  title = g_strdup_printf ("Phone extension %s", number);
  places = enlace_fault_places_search (store, number, 10, &error);
  g_assert_no_error (error);
  g_assert_true (has_place (places, "extension", title, "extension"));
  g_clear_pointer (&places, g_ptr_array_unref);

  if (json_object_has_member (ext, "person_id") && !json_object_get_null_member (ext, "person_id"))
    {
      person = enlace_store_get (store, "person", json_object_get_int_member (ext, "person_id"), &error);
      g_assert_no_error (error);
      name = json_object_get_string_member (person, "name");
      places = enlace_fault_places_search (store, name, 50, &error);
      g_assert_no_error (error);
      g_assert_true (has_place (places, "extension", title, "person"));
    }
}

static void
test_check_hops (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(EnlaceTracer) tracer = enlace_tracer_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) hops = NULL;
  gboolean has_cable = FALSE;
  gint64 a = open_at (store, "A-0A-001");

  paths = enlace_fault_trace (tracer, a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, >=, 1);
  hops = enlace_fault_check_hops (tracer, g_ptr_array_index (paths, 0));
  g_assert_cmpuint (hops->len, >=, 3);
  /* from the user's jack outwards */
  g_assert_true (g_str_has_prefix (((EnlaceFaultHop *) g_ptr_array_index (hops, 0))->key, "A-0A-001:"));
  for (guint i = 0; i < hops->len; i++)
    {
      EnlaceFaultHop *hop = g_ptr_array_index (hops, i);

      g_assert_nonnull (hop->key);
      if (g_strcmp0 (hop->kind, "cable") == 0)
        has_cable = TRUE;
      g_assert_cmpstr (enlace_hop_status_to_string (hop->status), !=, NULL);
    }
  g_assert_true (has_cable);

  /* a planned cable shows as planned, and counts as not complete */
  for (guint i = 0; i < hops->len; i++)
    {
      EnlaceFaultHop *hop = g_ptr_array_index (hops, i);

      if (g_strcmp0 (hop->kind, "cable") == 0)
        {
          g_autoptr(JsonObject) values = json_object_new ();
          g_autoptr(GPtrArray) again = NULL;
          g_autoptr(GPtrArray) hops2 = NULL;
          gboolean planned = FALSE;
          gint64 cable = hop->id;

          json_object_set_string_member (values, "status", "planned");
          g_assert_true (enlace_store_update (store, "cable", cable, values, &error));
          g_assert_no_error (error);
          again = enlace_fault_trace (tracer, a, NULL, &error);
          g_assert_no_error (error);
          hops2 = enlace_fault_check_hops (tracer, g_ptr_array_index (again, 0));
          for (guint j = 0; j < hops2->len; j++)
            {
              EnlaceFaultHop *h2 = g_ptr_array_index (hops2, j);

              if (g_strcmp0 (h2->kind, "cable") == 0 && h2->id == cable)
                planned = h2->status == ENLACE_HOP_PLANNED;
            }
          g_assert_true (planned);
          g_assert_cmpuint (enlace_fault_check_n_problems (hops2), >=, 1);
          break;
        }
    }
  g_assert_cmpstr (enlace_hop_status_to_string (ENLACE_HOP_MISSING), ==, "missing");
}

static void
finish_steps (EnlaceStore *store,
              gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCase) c = enlace_case_get (store, id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < c->steps->len; i++)
    {
      EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);
      g_autoptr(JsonObject) v = json_object_new ();

      if (s->def->side == ENLACE_STEP_SIDE_REQUESTER)
        continue;
      json_object_set_string_member (v, "cause", "latiguillo dañado");
      json_object_set_string_member (v, "solution", "cambio de latiguillo");
      g_assert_true (enlace_case_set_step (store, id, s->id, ENLACE_STEP_DONE, NULL, v, &error));
      g_assert_no_error (error);
    }
}

static void
test_resolve_chosen (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(EnlaceTracer) tracer = enlace_tracer_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) causes = NULL;
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) wrong = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(EnlaceCaseRow) rb = NULL;
  g_autoptr(EnlaceCaseRow) rc = NULL;
  g_autoptr(EnlaceCase) cb = NULL;
  const char *notes[] = { "cambio de latiguillo en el panel", NULL };
  EnlaceFaultCause *top;
  gboolean noted = FALSE;
  gint64 a, b, c, other;

  a = open_at (store, "A-0A-001");
  b = open_at (store, "A-0A-003");
  c = open_at (store, "A-0A-005");
  causes = enlace_faults_common_causes (tracer, a, &error);
  g_assert_no_error (error);
  top = g_ptr_array_index (causes, 0);
  finish_steps (store, a);

  /* a case that does not hang on the cause is refused, nothing changes */
  other = enlace_store_lookup (store, "case", "nothing", NULL);
  g_array_append_val (wrong, a);
  g_assert_false (enlace_faults_resolve_cases (tracer, a, top->kind, top->id, wrong, NULL, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  (void) other;

  /* only b, with its own note; c stays open */
  g_array_append_val (chosen, b);
  g_assert_true (enlace_faults_resolve_cases (tracer, a, top->kind, top->id, chosen, notes, &error));
  g_assert_no_error (error);
  rb = enlace_cases_get_row (store, b, &error);
  rc = enlace_cases_get_row (store, c, &error);
  g_assert_cmpint (rb->status, ==, ENLACE_CASE_RESOLVED);
  g_assert_cmpint (rc->status, !=, ENLACE_CASE_RESOLVED);
  cb = enlace_case_get (store, b, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cb->steps->len; i++)
    {
      EnlaceCaseStep *s = g_ptr_array_index (cb->steps, i);

      noted |= g_strcmp0 (s->note, notes[0]) == 0;
    }
  g_assert_true (noted);

  /* one command: one undo brings both back */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rb, enlace_case_row_free);
  rb = enlace_cases_get_row (store, b, &error);
  g_assert_cmpint (rb->status, !=, ENLACE_CASE_RESOLVED);
}

/* Detection records what failed and the solution its category: optional
 * fields of the fault procedures' detection and solution steps, checked
 * against their choices. */
static void
test_detection_fields (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCase) c = NULL;
  g_autoptr(EnlaceCase) again = NULL;
  gint64 a = open_at (store, "A-0A-001");
  EnlaceCaseStep *detection = NULL, *solution = NULL;

  c = enlace_case_get (store, a, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < c->steps->len; i++)
    {
      EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);

      for (guint f = 0; s->def->fields && f < s->def->fields->len; f++)
        {
          EnlaceFieldSpec *spec = g_ptr_array_index (s->def->fields, f);

          if (g_str_equal (spec->name, "failed_kind"))
            detection = s;
          if (g_str_equal (spec->name, "category"))
            solution = s;
        }
    }
  g_assert_nonnull (detection);
  g_assert_nonnull (solution);

  {
    g_autoptr(JsonObject) v = json_object_new ();

    json_object_set_string_member (v, "cause", "cordón dañado");
    json_object_set_string_member (v, "failed_kind", "Algo");
    g_assert_false (enlace_case_set_step (store, a, detection->id, ENLACE_STEP_DONE, NULL, v, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    json_object_set_string_member (v, "failed_kind", "Cable");
    json_object_set_string_member (v, "failed_object", "PC-A-0A-A01");
    g_assert_true (enlace_case_set_step (store, a, detection->id, ENLACE_STEP_DONE, NULL, v, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(JsonObject) v = json_object_new ();

    json_object_set_string_member (v, "solution", "se cambió el cordón");
    json_object_set_string_member (v, "category", "Cambio de cordón de parcheo");
    g_assert_true (enlace_case_set_step (store, a, solution->id, ENLACE_STEP_DONE, NULL, v, &error));
    g_assert_no_error (error);
  }
  again = enlace_case_get (store, a, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < again->steps->len; i++)
    {
      EnlaceCaseStep *s = g_ptr_array_index (again->steps, i);

      if (s->id == detection->id)
        g_assert_cmpstr (json_object_get_string_member (s->values, "failed_object"), ==, "PC-A-0A-A01");
      if (s->id == solution->id)
        g_assert_cmpstr (json_object_get_string_member (s->values, "category"), ==, "Cambio de cordón de parcheo");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/cases/fault-places/search", test_places);
  g_test_add_func ("/model/cases/fault-places/people", test_people_and_extensions);
  g_test_add_func ("/model/cases/fault-places/check-hops", test_check_hops);
  g_test_add_func ("/model/cases/fault-places/resolve-chosen", test_resolve_chosen);
  g_test_add_func ("/model/cases/fault-places/detection-fields", test_detection_fields);
  return g_test_run ();
}
