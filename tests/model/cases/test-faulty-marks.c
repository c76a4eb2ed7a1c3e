/* test-faulty-marks.c: cables and ports marked faulty (by hand, and by a
 * fault report's detection step in the same command), shown by the trace's
 * JSON and the plan's jack states, cleared when the report is resolved;
 * the dictamen's resolution step and the opinion's resolution kept in
 * agreement both ways. */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "enlace-cases.h"
#include "enlace-demo.h"
#include "enlace-faults.h"
#include "enlace-faulty.h"
#include "enlace-i18n.h"
#include "enlace-opinions.h"
#include "enlace-plan.h"
#include "enlace-store.h"
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
open_fault (EnlaceStore *store,
            const char  *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonObject) form = json_object_new ();
  const char *kind = NULL;
  gint64 id = 0, case_id;

  g_assert_true (enlace_fault_resolve_location (store, where, &kind, &id, &error));
  g_assert_no_error (error);
  json_object_set_string_member (form, "symptom", "sin red");
  json_object_set_object_member (values, "form", json_object_ref (form));
  case_id = enlace_fault_open (store, "internet-falla", values, kind, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_id, >, 0);
  return case_id;
}

/* The step with field @field. */
static gint64
step_with (EnlaceStore *store,
           gint64       case_id,
           const char  *field,
           EnlaceStepResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCase) c = enlace_case_get (store, case_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < c->steps->len; i++)
    {
      EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);

      for (guint f = 0; s->def->fields && f < s->def->fields->len; f++)
        if (g_str_equal (((EnlaceFieldSpec *) g_ptr_array_index (s->def->fields, f))->name, field))
          {
            if (result)
              *result = s->result;
            return s->id;
          }
    }
  g_assert_not_reached ();
  return 0;
}

static gboolean
json_has_faulty (EnlaceTracer *tracer,
                 gint64        case_id,
                 const char   *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = enlace_fault_trace (tracer, case_id, NULL, &error);
  g_autoptr(JsonNode) node = NULL;
  JsonArray *arr;

  g_assert_no_error (error);
  node = enlace_tracer_paths_to_json (tracer, paths);
  arr = json_object_get_array_member (json_node_get_object (node), "paths");
  g_assert_cmpuint (json_array_get_length (arr), >, 0);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonArray *faulty = json_object_get_array_member (json_array_get_object_element (arr, i), "faulty");

      g_assert_nonnull (faulty);
      for (guint k = 0; k < json_array_get_length (faulty); k++)
        if (g_strcmp0 (json_array_get_string_element (faulty, k), key) == 0)
          return TRUE;
    }
  return FALSE;
}

static EnlaceJackState
outlet_state (EnlaceStore  *store,
              EnlaceTracer *tracer,
              const char   *outlet)
{
  g_autoptr(GError) error = NULL;
  gint64 device = enlace_store_lookup (store, "device", outlet, &error);
  g_autoptr(JsonObject) d = enlace_store_get (store, "device", device, &error);
  g_autoptr(JsonObject) space = enlace_store_get (store, "space", json_object_get_int_member (d, "space_id"), &error);
  g_autoptr(EnlacePlanScene) scene = NULL;
  EnlacePlanItem *item;

  g_assert_no_error (error);
  scene = enlace_plan_scene_load (store, json_object_get_int_member (space, "floor_id"), tracer, &error);
  g_assert_no_error (error);
  item = enlace_plan_scene_find (scene, ENLACE_PLAN_ITEM_DEVICE, device);
  g_assert_nonnull (item);
  g_assert_cmpuint (item->jacks->len, >, 0);
  for (guint i = 0; i < item->jacks->len; i++)
    if (((EnlacePlanJack *) g_ptr_array_index (item->jacks, i))->state == ENLACE_JACK_FAULTY)
      return ENLACE_JACK_FAULTY;
  return ((EnlacePlanJack *) g_ptr_array_index (item->jacks, 0))->state;
}

static void
test_by_hand (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  const char *kind = NULL;
  gint64 id = 0;

  g_assert_true (enlace_faulty_resolve (store, NULL, "PC-A-0A-A01", &kind, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kind, ==, "cable");
  g_assert_false (enlace_faulty_is_marked (store, kind, id));
  g_assert_true (enlace_faulty_mark (store, kind, id, 0, "cordón mordido", &error));
  g_assert_no_error (error);
  g_assert_true (enlace_faulty_is_marked (store, "cable", id));

  /* refusals name the object and change nothing */
  g_assert_false (enlace_faulty_mark (store, kind, id, 0, NULL, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "PC-A-0A-A01"));
  g_assert_nonnull (strstr (error->message, "already marked faulty"));
  g_clear_error (&error);
  g_assert_false (enlace_faulty_resolve (store, NULL, "NO-EXISTE", &kind, &id, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (enlace_faulty_mark (store, "device", 1, 0, NULL, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  marks = enlace_faulty_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 1);
  g_assert_cmpstr (((EnlaceFaultyMark *) g_ptr_array_index (marks, 0))->key, ==, "PC-A-0A-A01");
  g_assert_cmpstr (((EnlaceFaultyMark *) g_ptr_array_index (marks, 0))->note, ==, "cordón mordido");
  g_assert_null (((EnlaceFaultyMark *) g_ptr_array_index (marks, 0))->folio);

  /* a port too */
  g_assert_true (enlace_faulty_resolve (store, NULL, "A-0A-PPA:1", &kind, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kind, ==, "port");
  g_assert_true (enlace_faulty_mark (store, kind, id, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_faulty_clear (store, kind, id, &error));
  g_assert_no_error (error);
  g_assert_false (enlace_faulty_clear (store, kind, id, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* every change is a command: undo takes the mark back */
  g_assert_true (enlace_store_undo (store, &error));   /* the clear */
  g_assert_no_error (error);
  g_assert_true (enlace_faulty_is_marked (store, "port", id));
  g_assert_true (enlace_store_undo (store, &error));   /* the port's mark */
  g_assert_no_error (error);
  g_assert_false (enlace_faulty_is_marked (store, "port", id));
}

static void
test_detection (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(EnlaceTracer) tracer = enlace_tracer_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(EnlaceCaseRow) row = NULL;
  gint64 a = open_fault (store, "A-0A-001");
  gint64 detection, solution, cable;
  EnlaceStepResult result = ENLACE_STEP_PENDING;

  cable = enlace_store_lookup (store, "cable", "PC-A-0A-A01", &error);
  g_assert_no_error (error);
  detection = step_with (store, a, "failed_object", NULL);
  solution = step_with (store, a, "category", NULL);
  g_assert_false (json_has_faulty (tracer, a, "PC-A-0A-A01"));
  g_assert_cmpint (outlet_state (store, tracer, "A-0A-001"), !=, ENLACE_JACK_FAULTY);

  /* a device cannot be marked: refused, the step stays pending */
  {
    g_autoptr(JsonObject) v = json_object_new ();

    json_object_set_string_member (v, "cause", "switch apagado");
    json_object_set_string_member (v, "failed_kind", "Equipo");
    json_object_set_string_member (v, "failed_object", "A-0A-SW1");
    g_assert_false (enlace_fault_set_step_marking (store, a, detection, ENLACE_STEP_DONE, NULL, v, TRUE, &error));
    g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "only a cable or a port"));
    g_clear_error (&error);
    step_with (store, a, "failed_object", &result);
    g_assert_cmpint (result, ==, ENLACE_STEP_PENDING);
  }
  /* only the step that records the object that failed marks */
  {
    g_autoptr(JsonObject) v = json_object_new ();

    json_object_set_string_member (v, "solution", "x");
    g_assert_false (enlace_fault_set_step_marking (store, a, solution, ENLACE_STEP_DONE, NULL, v, TRUE, &error));
    g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* the detection step marks the patch cord in the same command */
  {
    g_autoptr(JsonObject) v = json_object_new ();

    json_object_set_string_member (v, "cause", "cordón dañado");
    json_object_set_string_member (v, "failed_kind", "Cable");
    json_object_set_string_member (v, "failed_object", "PC-A-0A-A01");
    g_assert_true (enlace_fault_set_step_marking (store, a, detection, ENLACE_STEP_DONE, NULL, v, TRUE, &error));
    g_assert_no_error (error);
    g_assert_false (json_object_has_member (v, "marked_faulty"));
  }
  g_assert_true (enlace_faulty_is_marked (store, "cable", cable));
  marks = enlace_faulty_list (store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 1);
  row = enlace_cases_get_row (store, a, &error);
  g_assert_cmpstr (((EnlaceFaultyMark *) g_ptr_array_index (marks, 0))->folio, ==, row->folio);
  /* visible on the trace and the plan */
  g_assert_true (json_has_faulty (tracer, a, "PC-A-0A-A01"));
  g_assert_cmpint (outlet_state (store, tracer, "A-0A-001"), ==, ENLACE_JACK_FAULTY);

  /* one command: one undo takes back the step and the mark */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_false (enlace_faulty_is_marked (store, "cable", cable));
  step_with (store, a, "failed_object", &result);
  g_assert_cmpint (result, ==, ENLACE_STEP_PENDING);
  g_assert_true (enlace_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_faulty_is_marked (store, "cable", cable));

  /* resolved with its solution: the mark is cleared */
  {
    g_autoptr(EnlaceCase) c = enlace_case_get (store, a, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < c->steps->len; i++)
      {
        EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);
        g_autoptr(JsonObject) v = json_object_new ();

        if (s->result != ENLACE_STEP_PENDING)
          continue;
        if (s->id == solution)
          {
            json_object_set_string_member (v, "solution", "se cambió el cordón");
            json_object_set_string_member (v, "category", "Cambio de cordón de parcheo");
          }
        g_assert_true (enlace_case_set_step (store, a, s->id,
                                             s->def->side == ENLACE_STEP_SIDE_REQUESTER ? ENLACE_STEP_NA : ENLACE_STEP_DONE,
                                             NULL, v, &error));
        g_assert_no_error (error);
      }
  }
  g_assert_true (enlace_case_set_status (store, a, ENLACE_CASE_RESOLVED, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (enlace_faulty_is_marked (store, "cable", cable));
  g_assert_false (json_has_faulty (tracer, a, "PC-A-0A-A01"));
}

static gint64
open_opinion (EnlaceStore *store,
              gboolean     with_quote)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  g_autoptr(JsonObject) form = json_object_new ();
  gint64 id;

  json_object_set_string_member (form, "equipment", "10 computadoras de escritorio");
  json_object_set_object_member (v, "form", g_steal_pointer (&form));
  id = enlace_case_open (store, "dictamen", v, &error);
  g_assert_no_error (error);
  if (with_quote)
    {
      g_autoptr(JsonObject) q = json_object_new ();

      json_object_set_string_member (q, "vendor", "Compucentro");
      json_object_set_string_member (q, "item", "Computadora de escritorio");
      json_object_set_double_member (q, "unit_price", 15000);
      json_object_set_int_member (q, "quantity", 10);
      json_object_set_string_member (q, "currency", "MXN");
      g_assert_cmpint (enlace_opinion_quote_add (store, id, q, &error), >, 0);
      g_assert_no_error (error);
    }
  return id;
}

static void
test_opinion_step (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  gint64 a = open_opinion (store, TRUE), b = open_opinion (store, TRUE), c = open_opinion (store, FALSE);

  /* resolving the opinion completes the dictamen's step 4 */
  {
    g_autoptr(GPtrArray) quotes = enlace_opinion_quotes (store, a, &error);
    g_autoptr(EnlaceCase) k = NULL;

    g_assert_true (enlace_opinion_resolve (store, a, ENLACE_OPINION_CONDITIONAL, "con garantía extendida",
                                           ((EnlaceQuote *) g_ptr_array_index (quotes, 0))->id, &error));
    g_assert_no_error (error);
    k = enlace_case_get (store, a, &error);
    for (guint i = 0; i < k->steps->len; i++)
      {
        EnlaceCaseStep *s = g_ptr_array_index (k->steps, i);

        if (g_strcmp0 (s->def->action, "opinion") != 0)
          continue;
        g_assert_cmpint (s->result, ==, ENLACE_STEP_DONE);
        g_assert_cmpstr (json_object_get_string_member (s->values, "verdict"), ==, "Procedente con observaciones");
        g_assert_cmpstr (json_object_get_string_member (s->values, "remarks"), ==, "con garantía extendida");
      }
    /* one command */
    g_assert_true (enlace_store_undo (store, &error));
    g_assert_no_error (error);
    {
      g_autoptr(EnlaceOpinion) o = enlace_opinion_get (store, a, &error);

      g_assert_no_error (error);
      g_assert_cmpint (o->result, ==, ENLACE_OPINION_NONE);
    }
  }

  /* and the step resolves the opinion */
  {
    g_autoptr(JsonObject) v = json_object_new ();
    g_autoptr(EnlaceOpinion) o = NULL;
    gint64 step;

    {
      g_autoptr(EnlaceCase) k = enlace_case_get (store, b, &error);

      step = 0;
      for (guint i = 0; i < k->steps->len; i++)
        if (g_strcmp0 (((EnlaceCaseStep *) g_ptr_array_index (k->steps, i))->def->action, "opinion") == 0)
          step = ((EnlaceCaseStep *) g_ptr_array_index (k->steps, i))->id;
    }
    json_object_set_string_member (v, "verdict", "Procedente");
    json_object_set_string_member (v, "remarks", "cumple y es la única");
    g_assert_true (enlace_case_set_step (store, b, step, ENLACE_STEP_DONE, NULL, v, &error));
    g_assert_no_error (error);
    o = enlace_opinion_get (store, b, &error);
    g_assert_cmpint (o->result, ==, ENLACE_OPINION_FAVOURABLE);
    g_assert_cmpstr (o->reasons, ==, "cumple y es la única");
    g_assert_cmpuint (o->quote_seq, ==, 1);
  }

  /* a favourable verdict with no quote to recommend leaves it to Resolución */
  {
    g_autoptr(JsonObject) v = json_object_new ();
    g_autoptr(EnlaceOpinion) o = NULL;
    g_autoptr(EnlaceCase) k = enlace_case_get (store, c, &error);
    gint64 step = 0;

    for (guint i = 0; i < k->steps->len; i++)
      if (g_strcmp0 (((EnlaceCaseStep *) g_ptr_array_index (k->steps, i))->def->action, "opinion") == 0)
        step = ((EnlaceCaseStep *) g_ptr_array_index (k->steps, i))->id;
    json_object_set_string_member (v, "verdict", "Procedente");
    g_assert_true (enlace_case_set_step (store, c, step, ENLACE_STEP_DONE, NULL, v, &error));
    g_assert_no_error (error);
    o = enlace_opinion_get (store, c, &error);
    g_assert_cmpint (o->result, ==, ENLACE_OPINION_NONE);
    /* unfavourable needs no quote */
    json_object_set_string_member (v, "verdict", "No procedente");
    json_object_set_string_member (v, "remarks", "sin cotizaciones");
    g_assert_true (enlace_case_set_step (store, c, step, ENLACE_STEP_DONE, NULL, v, &error));
    g_assert_no_error (error);
    g_clear_pointer (&o, enlace_opinion_free);
    o = enlace_opinion_get (store, c, &error);
    g_assert_cmpint (o->result, ==, ENLACE_OPINION_UNFAVOURABLE);
    g_assert_cmpstr (o->reasons, ==, "sin cotizaciones");
  }
}

static char *
export_xml (EnlaceStore *store)
{
  g_autoptr(GError) error = NULL;
  char *xml = NULL;

  g_assert_true (enlace_xml_export_to_memory (store, &xml, NULL, &error));
  g_assert_no_error (error);
  return xml;
}

/* The exchange carries the marks (by hand, by a case, of a cable without
 * a label): export → import → export gives the same bytes. */
static void
test_xml_round_trip (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(EnlaceStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(JsonObject) unlabel = json_object_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *kind = NULL;
  gint64 id = 0, cable = 0, case_id;

  g_assert_true (enlace_faulty_resolve (store, NULL, "PC-A-0A-A01", &kind, &id, &error));
  g_assert_true (enlace_faulty_mark (store, kind, id, 0, "cordón <mordido> & roto", &error));
  g_assert_no_error (error);
  case_id = open_fault (store, "A-0A-PPA:1");
  g_assert_true (enlace_faulty_resolve (store, "port", "A-0A-PPA:1", &kind, &id, &error));
  g_assert_true (enlace_faulty_mark (store, kind, id, case_id, NULL, &error));
  g_assert_no_error (error);
  /* a cable without a label is named by a port it ends on */
  g_assert_true (enlace_faulty_resolve (store, "cable", "PC-A-0A-A02", &kind, &cable, &error));
  g_assert_no_error (error);
  json_object_set_null_member (unlabel, "label");
  g_assert_true (enlace_store_update (store, "cable", cable, unlabel, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_faulty_mark (store, "cable", cable, 0, NULL, &error));
  g_assert_no_error (error);

  first = export_xml (store);
  g_assert_nonnull (strstr (first, "<faulty-mark kind=\"cable\" key=\"PC-A-0A-A01\" at=\""));
  g_assert_nonnull (strstr (first, "<note>cordón &lt;mordido&gt; &amp; roto</note>"));
  g_assert_nonnull (strstr (first, "<faulty-mark kind=\"port\" key=\"A-0A-PPA:1\" case=\""));
  g_assert_nonnull (strstr (first, "<faulty-mark kind=\"cable\" end=\""));

  copy = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  dir = g_dir_make_tmp ("enlace-faulty-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "x.xml", NULL);
  g_assert_true (g_file_set_contents (path, first, -1, &error));
  g_assert_true (enlace_xml_import (copy, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);

  marks = enlace_faulty_list (copy, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 3);
  second = export_xml (copy);
  g_assert_cmpstr (first, ==, second);

  /* the case's mark names the case in the copy too */
  {
    g_autoptr(EnlaceCaseRow) row = enlace_cases_get_row (store, case_id, NULL);
    g_autoptr(GPtrArray) by_case = enlace_faulty_list (copy, enlace_cases_lookup (copy, row->folio, NULL), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (by_case->len, ==, 1);
    g_assert_cmpstr (((EnlaceFaultyMark *) g_ptr_array_index (by_case, 0))->key, ==, "A-0A-PPA:1");
  }
}


/* The message of importing @xml into a new store (which must fail). */
static char *
import_error (const char *xml)
{
  g_autoptr(EnlaceStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  copy = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  dir = g_dir_make_tmp ("enlace-faulty-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "x.xml", NULL);
  g_assert_true (g_file_set_contents (path, xml, -1, &error));
  g_assert_false (enlace_xml_import (copy, path, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_unlink (path);
  g_rmdir (dir);
  g_test_message ("%s", error->message);
  return g_strdup (error->message);
}

/* @message names the object in the user's language: in Spanish no English
 * word is left in it (the kind's name was once put in as "port") */
static void
assert_language (const char *message,
                 const char *english,
                 const char *spanish)
{
  static const char *const words[] = { "port", "faulty", "mark", "names", "the", "file",
                                       "twice", "kind", "object", "only", "device", "attribute" };
  g_autofree char *lower = g_utf8_strdown (message, -1);
  g_auto(GStrv) parts = g_regex_split_simple ("[^[:alnum:]]+", lower, G_REGEX_RAW, 0);

  if (g_strcmp0 (g_getenv ("LANGUAGE"), "es") == 0)
    {
      g_assert_nonnull (strstr (message, spanish));
      for (guint i = 0; parts[i]; i++)
        for (guint w = 0; w < G_N_ELEMENTS (words); w++)
          if (g_str_equal (parts[i], words[w]))
            g_error ("English word “%s” in the Spanish message “%s”", words[w], message);
    }
  else
    g_assert_nonnull (strstr (message, english));
}

/* A file's faulty marks that name nothing, or twice the same: the import
 * says which, in whole sentences of the user's language */
static void
test_xml_errors (void)
{
  g_autoptr(EnlaceStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  const char *kind = NULL;
  gint64 id = 0;
  const char *port_mark = "<faulty-mark kind=\"port\" key=\"A-0A-PPA:1\"";
  const char *cable_mark = "<faulty-mark kind=\"cable\" key=\"PC-A-0A-A01\"";

  g_assert_true (enlace_faulty_resolve (store, "port", "A-0A-PPA:1", &kind, &id, &error));
  g_assert_true (enlace_faulty_mark (store, kind, id, 0, NULL, &error));
  g_assert_true (enlace_faulty_resolve (store, "cable", "PC-A-0A-A01", &kind, &id, &error));
  g_assert_true (enlace_faulty_mark (store, kind, id, 0, NULL, &error));
  g_assert_no_error (error);
  xml = export_xml (store);
  g_assert_nonnull (strstr (xml, port_mark));
  g_assert_nonnull (strstr (xml, cable_mark));

  /* a port that is not in the file */
  {
    g_autoptr(GString) bad = g_string_new (xml);
    g_autofree char *message = NULL;

    g_string_replace (bad, port_mark, "<faulty-mark kind=\"port\" key=\"A-0A-PPA:99\"", 1);
    message = import_error (bad->str);
    assert_language (message, "no port “A-0A-PPA:99” in the file",
                     "no hay ningún puerto «A-0A-PPA:99» en el archivo");
  }
  /* a cable that is not in the file */
  {
    g_autoptr(GString) bad = g_string_new (xml);
    g_autofree char *message = NULL;

    g_string_replace (bad, cable_mark, "<faulty-mark kind=\"cable\" key=\"PC-NADA\"", 1);
    message = import_error (bad->str);
    assert_language (message, "no cable “PC-NADA” in the file",
                     "no hay ningún cable «PC-NADA» en el archivo");
  }
  /* the same port marked twice */
  {
    g_autoptr(GString) bad = g_string_new (xml);
    g_autofree char *message = NULL;
    const char *start = strstr (xml, port_mark);
    const char *end = strstr (start, ">");
    g_autofree char *line = NULL;
    g_autofree char *twice = NULL;

    /* the mark is <faulty-mark …/> or <faulty-mark …>…</faulty-mark> */
    if (end[-1] != '/')
      end = strstr (start, "</faulty-mark>") + strlen ("</faulty-mark>") - 1;
    line = g_strndup (start, end - start + 1);
    twice = g_strconcat (line, line, NULL);
    g_string_replace (bad, line, twice, 1);
    message = import_error (bad->str);
    assert_language (message, "the port is marked faulty twice in the file",
                     "el puerto está marcado como averiado dos veces en el archivo");
  }
  /* only a cable or a port: the kind by its name in the user's language */
  {
    g_autoptr(GError) local = NULL;

    g_assert_false (enlace_faulty_mark (store, "device", 1, 0, NULL, &local));
    g_assert_nonnull (local);
    assert_language (local->message, "not an object of kind “Device”",
                     "no un objeto de tipo «Equipo»");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  enlace_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/cases/faulty/by-hand", test_by_hand);
  g_test_add_func ("/model/cases/faulty/detection", test_detection);
  g_test_add_func ("/model/cases/faulty/xml-round-trip", test_xml_round_trip);
  g_test_add_func ("/model/cases/faulty/xml-errors", test_xml_errors);
  g_test_add_func ("/model/cases/opinion/step-sync", test_opinion_step);
  return g_test_run ();
}
