/* test-case-document.c: the content of a case's documents, the mailto: */
#include "config.h"

#include <string.h>

#include "enlace-case-document.h"
#include "enlace-cases.h"
#include "enlace-store.h"

/* ------------------------------------------------------------------ */
/* mailto:                                                             */

static void
test_mailto (void)
{
  g_autofree char *plain = enlace_case_document_mailto ("ana@utv.edu.mx", "Hola", "Uno dos");
  g_autofree char *utf8 = enlace_case_document_mailto ("ana@utv.edu.mx", "Aviso de baja: cuenta", "Línea 1\nñandú & ?=#%+");
  g_autofree char *no_to = enlace_case_document_mailto (NULL, "Asunto", NULL);
  g_autofree char *nothing = enlace_case_document_mailto ("", NULL, NULL);
  g_autofree char *crlf = enlace_case_document_mailto ("a@b.c", NULL, "a\r\nb");
  g_autofree char *odd_to = enlace_case_document_mailto ("jose perez@x.mx", NULL, NULL);
  g_autofree char *back = NULL;

  g_assert_cmpstr (plain, ==, "mailto:ana@utv.edu.mx?subject=Hola&body=Uno%20dos");
  /* every reserved byte and every UTF-8 byte is percent-encoded;
   * a line break is CR LF */
  g_assert_cmpstr (utf8, ==,
                   "mailto:ana@utv.edu.mx?subject=Aviso%20de%20baja%3A%20cuenta"
                   "&body=L%C3%ADnea%201%0D%0A%C3%B1and%C3%BA%20%26%20%3F%3D%23%25%2B");
  g_assert_cmpstr (no_to, ==, "mailto:?subject=Asunto");
  g_assert_cmpstr (nothing, ==, "mailto:");
  g_assert_cmpstr (crlf, ==, "mailto:a@b.c?body=a%0D%0Ab");
  g_assert_cmpstr (odd_to, ==, "mailto:jose%20perez@x.mx");

  /* the body decodes back to the text (as a mail program reads it) */
  back = g_uri_unescape_string (strstr (utf8, "body=") + 5, NULL);
  g_assert_cmpstr (back, ==, "Línea 1\r\nñandú & ?=#%+");
  g_assert_true (g_utf8_validate (back, -1, NULL));
}

static void
test_kind_names (void)
{
  EnlaceDocumentKind k;

  for (k = ENLACE_DOCUMENT_FORM; k <= ENLACE_DOCUMENT_ANSWER; k++)
    {
      EnlaceDocumentKind back;

      g_assert_true (enlace_document_kind_from_string (enlace_document_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
      g_assert_nonnull (enlace_document_kind_label (k));
    }
  g_assert_false (enlace_document_kind_from_string ("letter", &k));
  g_assert_false (enlace_document_kind_from_string (NULL, &k));
}

/* ------------------------------------------------------------------ */
/* Documents of a case built by hand (the structures of enlace-cases.h) */

static EnlaceFieldSpec *
spec (const char *name,
      const char *label,
      const char *type)
{
  EnlaceFieldSpec *f = g_new0 (EnlaceFieldSpec, 1);

  f->name = g_strdup (name);
  f->label = g_strdup (label);
  f->type = g_strdup (type);
  return f;
}

static void
spec_free (EnlaceFieldSpec *f)
{
  g_free (f->name);
  g_free (f->label);
  g_free (f->type);
  g_strfreev (f->choices);
  g_free (f);
}

static EnlaceProcedureStep *
pstep (guint           position,
       EnlaceStepSide  side,
       EnlaceStepKind  kind,
       const char     *title,
       const char     *action)
{
  EnlaceProcedureStep *s = g_new0 (EnlaceProcedureStep, 1);

  s->position = position;
  s->side = side;
  s->kind = kind;
  s->title = g_strdup (title);
  s->action = g_strdup (action);
  s->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) spec_free);
  return s;
}

static void
pstep_free (EnlaceProcedureStep *s)
{
  g_free (s->title);
  g_free (s->description);
  g_free (s->action);
  g_ptr_array_unref (s->fields);
  g_free (s);
}

/* What a case needs of its procedure here: the owner frees it. */
typedef struct
{
  EnlaceCase       c;
  EnlaceCaseRow    row;
  EnlaceProcedure  procedure;
} HandCase;

static void
case_step_free (EnlaceCaseStep *s)
{
  g_free (s->note);
  g_clear_pointer (&s->values, json_object_unref);
  g_free (s->done_by);
  g_clear_pointer (&s->done_at, g_date_time_unref);
  g_free (s);
}

static void
link_free (EnlaceCaseLink *l)
{
  g_free (l->kind);
  g_free (l->key);
  g_free (l);
}

static void
hand_case_free (HandCase *h)
{
  g_ptr_array_unref (h->procedure.steps);
  g_ptr_array_unref (h->c.steps);
  g_ptr_array_unref (h->c.links);
  json_object_unref (h->c.form);
  g_date_time_unref (h->row.opened_at);
  g_clear_pointer (&h->row.resolved_at, g_date_time_unref);
  g_free (h);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HandCase, hand_case_free)

static EnlaceCaseStep *
cstep (HandCase            *h,
       EnlaceProcedureStep *def,
       EnlaceStepResult     result,
       const char          *note)
{
  EnlaceCaseStep *s = g_new0 (EnlaceCaseStep, 1);

  s->def = def;
  s->result = result;
  s->note = g_strdup (note);
  s->values = json_object_new ();
  g_ptr_array_add (h->c.steps, s);
  return s;
}

/* A new internet connection for a person of the demo-like store. */
static HandCase *
connection_case (gint64 requester_id)
{
  HandCase *h = g_new0 (HandCase, 1);
  EnlaceProcedureStep *form, *analysis, *memo, *make;
  EnlaceCaseStep *s;
  EnlaceCaseLink *link;

  h->procedure.code = "conexion-nueva";
  h->procedure.name = "Conexión nueva a internet";
  h->procedure.kind = "request";
  h->procedure.prefix = "RED";
  h->procedure.steps = g_ptr_array_new_with_free_func ((GDestroyNotify) pstep_free);
  form = pstep (3, ENLACE_STEP_SIDE_REQUESTER, ENLACE_STEP_FORM, "Llenado del formato correspondiente.", NULL);
  g_ptr_array_add (form->fields, spec ("space", "Espacio", "text"));
  g_ptr_array_add (form->fields, spec ("count", "Número de conexiones", "int"));
  g_ptr_array_add (form->fields, spec ("purpose", "Uso", "multiline"));
  g_ptr_array_add (form->fields, spec ("wifi", "¿Requiere inalámbrico?", "bool"));
  g_ptr_array_add (h->procedure.steps, form);
  analysis = pstep (5, ENLACE_STEP_SIDE_ADMINISTRATOR, ENLACE_STEP_CHECK, "Analizar solicitud", NULL);
  g_ptr_array_add (h->procedure.steps, analysis);
  memo = pstep (7, ENLACE_STEP_SIDE_ADMINISTRATOR, ENLACE_STEP_DOCUMENT, "Enviar un memo", "memo");
  g_ptr_array_add (h->procedure.steps, memo);
  make = pstep (8, ENLACE_STEP_SIDE_ADMINISTRATOR, ENLACE_STEP_INVENTORY, "Realizar la conexión.", "make-connection");
  g_ptr_array_add (h->procedure.steps, make);

  h->row.id = 7;
  h->row.folio = "RED-2026-0007";
  h->row.procedure_code = "conexion-nueva";
  h->row.procedure_name = "Conexión nueva a internet";
  h->row.summary = "Dos nodos para el laboratorio de redes";
  h->row.requester_id = requester_id;
  h->row.requester = "Mtra. Laura Gómez Pérez";
  h->row.area = "Secretaría Académica";
  h->row.assignee = "Ing. Raúl Soto Lima";
  h->row.status = ENLACE_CASE_IN_PROGRESS;
  h->row.priority = "high";
  h->row.channel = "paper";
  h->row.opened_at = g_date_time_new_utc (2026, 3, 9, 10, 30, 0);

  h->c.row = &h->row;
  h->c.procedure = &h->procedure;
  h->c.form = json_object_new ();
  json_object_set_string_member (h->c.form, "space", "B-1A-020 Laboratorio de redes");
  json_object_set_int_member (h->c.form, "count", 2);
  json_object_set_string_member (h->c.form, "purpose", "Prácticas de configuración de equipos");
  json_object_set_boolean_member (h->c.form, "wifi", FALSE);
  h->c.steps = g_ptr_array_new_with_free_func ((GDestroyNotify) case_step_free);
  cstep (h, form, ENLACE_STEP_DONE, NULL);
  cstep (h, analysis, ENLACE_STEP_DONE, "Hay nodos libres en el espacio");
  cstep (h, memo, ENLACE_STEP_PENDING, NULL);
  s = cstep (h, make, ENLACE_STEP_PENDING, NULL);
  json_object_set_string_member (s->values, "outlet_port", "B-1A-020:1");
  json_object_set_string_member (s->values, "switch_port", "SW-B1-01:Gi1/0/14");
  h->c.links = g_ptr_array_new_with_free_func ((GDestroyNotify) link_free);
  link = g_new0 (EnlaceCaseLink, 1);
  link->kind = g_strdup ("outlet");
  link->key = g_strdup ("B-1A-020");
  g_ptr_array_add (h->c.links, link);
  return h;
}

static gboolean
has_row (EnlaceCaseDocument *doc,
         const char         *label,
         const char         *value)
{
  for (guint i = 0; i < doc->rows->len; i++)
    {
      EnlaceDocumentRow *r = g_ptr_array_index (doc->rows, i);

      if (g_strcmp0 (r->label, label) == 0 && (value == NULL || g_strcmp0 (r->value, value) == 0))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_paragraph (EnlaceCaseDocument *doc,
               const char         *part)
{
  for (guint i = 0; i < doc->paragraphs->len; i++)
    if (strstr (g_ptr_array_index (doc->paragraphs, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static EnlaceStore *
store_with_requester (gint64 *person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) area = json_object_new ();
  g_autoptr(JsonObject) person = json_object_new ();
  EnlaceStore *store = enlace_store_new_memory (&error);
  gint64 area_id;

  g_assert_no_error (error);
  json_object_set_string_member (area, "code", "SAC");
  json_object_set_string_member (area, "name", "Secretaría Académica");
  area_id = enlace_store_create (store, "area", area, &error);
  g_assert_no_error (error);
  json_object_set_string_member (person, "name", "Mtra. Laura Gómez Pérez");
  json_object_set_string_member (person, "position", "Coordinadora de laboratorios");
  json_object_set_int_member (person, "area_id", area_id);
  json_object_set_string_member (person, "email", "laura.gomez@utv.edu.mx");
  json_object_set_string_member (person, "phone", "2145");
  *person_id = enlace_store_create (store, "person", person, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_store_set_meta (store, "institution", "Universidad Tecnológica del Valle", &error));
  g_assert_no_error (error);
  return store;
}

static void
test_kinds (void)
{
  g_autoptr(HandCase) h = connection_case (0);
  g_autoptr(GArray) kinds = enlace_case_document_kinds (&h->c);

  /* the form first, the memo of step 7, the answer; no notice */
  g_assert_cmpuint (kinds->len, ==, 3);
  g_assert_cmpint (g_array_index (kinds, EnlaceDocumentKind, 0), ==, ENLACE_DOCUMENT_FORM);
  g_assert_cmpint (g_array_index (kinds, EnlaceDocumentKind, 1), ==, ENLACE_DOCUMENT_MEMO);
  g_assert_cmpint (g_array_index (kinds, EnlaceDocumentKind, 2), ==, ENLACE_DOCUMENT_ANSWER);
  g_assert_false (enlace_case_document_available (&h->c, ENLACE_DOCUMENT_NOTICE));
}

static void
test_form (void)
{
  g_autoptr(GError) error = NULL;
  gint64 person_id = 0;
  g_autoptr(EnlaceStore) store = store_with_requester (&person_id);
  g_autoptr(HandCase) h = connection_case (person_id);
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 3, 10, 9, 0, 0);
  g_autoptr(EnlaceCaseDocument) doc = enlace_case_document_build (store, &h->c, ENLACE_DOCUMENT_FORM, date, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr (doc->institution, ==, "Universidad Tecnológica del Valle");
  g_assert_cmpstr (doc->department, ==, "Communications and Links Department");
  g_assert_cmpstr (doc->folio, ==, "RED-2026-0007");
  g_assert_cmpstr (doc->date, ==, "March 10, 2026");
  g_assert_cmpstr (doc->title, ==, "Request form");
  g_assert_cmpstr (doc->subtitle, ==, "Conexión nueva a internet");
  g_assert_cmpstr (doc->to_email, ==, "laura.gomez@utv.edu.mx");
  g_assert_cmpint (doc->case_id, ==, 7);
  /* requester's data, then the form's fields in the form's order, typed */
  g_assert_true (has_row (doc, "Requester", "Mtra. Laura Gómez Pérez"));
  g_assert_true (has_row (doc, "Position", "Coordinadora de laboratorios"));
  g_assert_true (has_row (doc, "E-mail", "laura.gomez@utv.edu.mx"));
  g_assert_true (has_row (doc, "Channel", "Paper form"));
  g_assert_true (has_row (doc, "Priority", "High"));
  g_assert_true (has_row (doc, "Received", "March 9, 2026"));
  g_assert_true (has_row (doc, "Espacio", "B-1A-020 Laboratorio de redes"));
  g_assert_true (has_row (doc, "Número de conexiones", "2"));
  g_assert_true (has_row (doc, "¿Requiere inalámbrico?", "No"));
  /* the administrator's values are not part of the request form */
  g_assert_false (has_row (doc, "Switch port", NULL));
  g_assert_true (has_paragraph (doc, "Conexión nueva a internet"));
  g_assert_true (has_paragraph (doc, "Dos nodos para el laboratorio de redes"));
  /* the requester signs, the department receives */
  g_assert_cmpuint (doc->signatures->len, ==, 2);
  g_assert_cmpstr (((EnlaceDocumentSignature *) g_ptr_array_index (doc->signatures, 0))->name, ==, "Mtra. Laura Gómez Pérez");
  g_assert_cmpstr (((EnlaceDocumentSignature *) g_ptr_array_index (doc->signatures, 1))->name, ==, "Ing. Raúl Soto Lima");

  text = enlace_case_document_to_text (doc);
  g_assert_nonnull (strstr (text, "Folio: RED-2026-0007"));
  g_assert_true (g_regex_match_simple ("^Número de conexiones: +2$", text, G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (text, "Universidad Tecnológica del Valle"));
}

static void
test_memo (void)
{
  g_autoptr(GError) error = NULL;
  gint64 person_id = 0;
  g_autoptr(EnlaceStore) store = store_with_requester (&person_id);
  g_autoptr(HandCase) h = connection_case (person_id);
  g_autoptr(EnlaceCaseDocument) doc = NULL;
  g_autoptr(EnlaceCaseDocument) notice = NULL;
  g_autofree char *mailto = NULL;

  g_assert_true (enlace_store_set_meta (store, "department", "Departamento de Comunicaciones y Enlaces", &error));
  doc = enlace_case_document_build (store, &h->c, ENLACE_DOCUMENT_MEMO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->title, ==, "Memorandum");
  g_assert_cmpstr (doc->department, ==, "Departamento de Comunicaciones y Enlaces");
  g_assert_nonnull (strstr (doc->to, "Mtra. Laura Gómez Pérez"));
  g_assert_nonnull (strstr (doc->to, "Secretaría Académica"));
  g_assert_nonnull (strstr (doc->from, "Ing. Raúl Soto Lima"));
  g_assert_nonnull (strstr (doc->subject, "RED-2026-0007"));
  /* every value filled in, the administrator's too, and the links */
  g_assert_true (has_row (doc, "Outlet", "B-1A-020:1"));
  g_assert_true (has_row (doc, "Switch port", "SW-B1-01:Gi1/0/14"));
  g_assert_true (has_row (doc, "Uso", "Prácticas de configuración de equipos"));
  g_assert_true (has_row (doc, "Outlet or device", "B-1A-020"));
  g_assert_true (has_paragraph (doc, "switch port"));
  g_assert_cmpuint (doc->signatures->len, ==, 2);

  mailto = enlace_case_document_mailto_for (doc);
  g_assert_true (g_str_has_prefix (mailto, "mailto:laura.gomez@utv.edu.mx?subject=Memorandum%3A%20"));
  g_assert_nonnull (strstr (mailto, "RED-2026-0007"));
  g_assert_null (strchr (mailto, ' '));
  g_assert_null (strchr (mailto, '\n'));

  /* no notice in this procedure: refused, naming the case and the rule */
  notice = enlace_case_document_build (store, &h->c, ENLACE_DOCUMENT_NOTICE, NULL, &error);
  g_assert_null (notice);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "RED-2026-0007"));
  g_assert_nonnull (strstr (error->message, "Notice"));
}

static void
test_answer (void)
{
  g_autoptr(GError) error = NULL;
  gint64 person_id = 0;
  g_autoptr(EnlaceStore) store = store_with_requester (&person_id);
  g_autoptr(HandCase) h = connection_case (person_id);
  g_autoptr(EnlaceCaseDocument) open = NULL;
  g_autoptr(EnlaceCaseDocument) done = NULL;

  open = enlace_case_document_build (store, &h->c, ENLACE_DOCUMENT_ANSWER, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_paragraph (open, "being attended"));
  /* the administrator's steps with their results */
  g_assert_true (has_row (open, "5. Analizar solicitud", NULL));
  g_assert_true (has_row (open, "8. Realizar la conexión.", NULL));

  h->row.status = ENLACE_CASE_RESOLVED;
  h->row.resolved_at = g_date_time_new_utc (2026, 3, 12, 16, 0, 0);
  done = enlace_case_document_build (store, &h->c, ENLACE_DOCUMENT_ANSWER, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_paragraph (done, "resolved on March 12, 2026"));
  g_assert_true (has_paragraph (done, "RED-2026-0007"));
}

/* A real case, opened and worked through the engine: the answer names
 * the account created; generating and sending are on the timeline. */
static void
test_real_case (void)
{
  g_autoptr(GError) error = NULL;
  gint64 person_id = 0;
  g_autoptr(EnlaceStore) store = store_with_requester (&person_id);
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonObject) form = json_object_new ();
  g_autoptr(JsonObject) step = json_object_new ();
  g_autoptr(EnlaceCase) c = NULL;
  g_autoptr(EnlaceCase) again = NULL;
  g_autoptr(EnlaceCaseDocument) form_doc = NULL;
  g_autoptr(EnlaceCaseDocument) answer = NULL;
  gint64 id, sid;
  guint n_doc = 0, n_sent = 0;

  g_assert_true (enlace_procedures_ensure_defaults (store, &error));
  g_assert_no_error (error);
  json_object_set_int_member (values, "requester_id", person_id);
  json_object_set_string_member (values, "channel", "email");
  json_object_set_string_member (form, "requested_address", "laura.gomez@utv.edu.mx");
  json_object_set_string_member (form, "purpose", "Comunicación con los laboratorios");
  json_object_set_object_member (values, "form", json_object_ref (form));
  id = enlace_case_open (store, "correo-alta", values, &error);
  g_assert_no_error (error);
  sid = enlace_case_find_step (store, id, ENLACE_STEP_SIDE_ADMINISTRATOR, 4, &error);
  g_assert_no_error (error);
  json_object_set_string_member (step, "address", "laura.gomez@utv.edu.mx");
  g_assert_true (enlace_case_set_step (store, id, sid, ENLACE_STEP_DONE, NULL, step, &error));
  g_assert_no_error (error);

  c = enlace_case_get (store, id, &error);
  g_assert_no_error (error);
  form_doc = enlace_case_document_build (store, c, ENLACE_DOCUMENT_FORM, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_row (form_doc, "Cuenta solicitada", "laura.gomez@utv.edu.mx"));
  g_assert_true (has_row (form_doc, "Uso de la cuenta", "Comunicación con los laboratorios"));
  g_assert_true (has_row (form_doc, "Channel", "E-mail"));
  g_assert_true (g_str_has_prefix (form_doc->folio, "CORREO-"));

  answer = enlace_case_document_build (store, c, ENLACE_DOCUMENT_ANSWER, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_paragraph (answer, "Your e-mail account is laura.gomez@utv.edu.mx"));
  g_assert_true (has_row (answer, "4. Creación de la cuenta", "Done"));

  g_assert_cmpint (enlace_case_document_record (store, answer, "document", "respuesta.pdf", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_case_document_record (store, answer, "sent", "laura.gomez@utv.edu.mx", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_case_document_record (store, answer, "printed", NULL, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  again = enlace_case_get (store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < again->events->len; i++)
    {
      EnlaceCaseEvent *e = g_ptr_array_index (again->events, i);

      if (g_strcmp0 (e->kind, "document") == 0)
        {
          n_doc++;
          g_assert_cmpstr (e->text, ==, "Answer generated (respuesta.pdf)");
        }
      else if (g_strcmp0 (e->kind, "sent") == 0)
        {
          n_sent++;
          g_assert_cmpstr (e->text, ==, "Answer sent by e-mail to laura.gomez@utv.edu.mx");
        }
    }
  g_assert_cmpuint (n_doc, ==, 1);
  g_assert_cmpuint (n_sent, ==, 1);
  /* recording is a command: undo takes it back */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/cases/document/mailto", test_mailto);
  g_test_add_func ("/model/cases/document/kind-names", test_kind_names);
  g_test_add_func ("/model/cases/document/kinds", test_kinds);
  g_test_add_func ("/model/cases/document/form", test_form);
  g_test_add_func ("/model/cases/document/memo", test_memo);
  g_test_add_func ("/model/cases/document/answer", test_answer);
  g_test_add_func ("/model/cases/document/real-case", test_real_case);
  return g_test_run ();
}
