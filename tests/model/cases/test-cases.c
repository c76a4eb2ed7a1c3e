/* test-cases.c: procedures, cases, transitions and refusals, folios, undo
 * of every command, accounts, make-connection, the three procedures of
 * issue 9 end to end */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "enlace-cases-private.h"
#include "enlace-demo.h"
#include "enlace-trace.h"
#include "enlace-xml.h"

static EnlaceStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  enlace_store_set_user (store, "tester");
  return store;
}

static gint64
add_person (EnlaceStore *store,
            const char  *name,
            gint64       area_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  gint64 id;

  json_object_set_string_member (v, "name", name);
  if (area_id > 0)
    json_object_set_int_member (v, "area_id", area_id);
  id = enlace_store_create (store, "person", v, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_area (EnlaceStore *store,
          const char  *code,
          const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  gint64 id;

  json_object_set_string_member (v, "code", code);
  json_object_set_string_member (v, "name", name);
  id = enlace_store_create (store, "area", v, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
open_case (EnlaceStore *store,
           const char  *code,
           gint64       requester_id,
           const char  *opened_at,
           JsonObject  *form)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  gint64 id;

  if (requester_id > 0)
    json_object_set_int_member (v, "requester_id", requester_id);
  if (opened_at)
    json_object_set_string_member (v, "opened_at", opened_at);
  if (form)
    json_object_set_object_member (v, "form", json_object_ref (form));
  id = enlace_case_open (store, code, v, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
folio_of (EnlaceStore *store,
          gint64       case_id)
{
  g_autoptr(EnlaceCaseRow) row = enlace_cases_get_row (store, case_id, NULL);

  g_assert_nonnull (row);
  return g_strdup (row->folio);
}

static EnlaceCaseStatus
status_of (EnlaceStore *store,
           gint64       case_id)
{
  g_autoptr(EnlaceCaseRow) row = enlace_cases_get_row (store, case_id, NULL);

  g_assert_nonnull (row);
  return row->status;
}

static void
step (EnlaceStore      *store,
      gint64            case_id,
      EnlaceStepSide    side,
      guint             position,
      EnlaceStepResult  result,
      JsonObject       *values)
{
  g_autoptr(GError) error = NULL;
  gint64 sid = enlace_case_find_step (store, case_id, side, position, &error);

  g_assert_no_error (error);
  enlace_case_set_step (store, case_id, sid, result, NULL, values, &error);
  g_assert_no_error (error);
}

static gboolean
step_fails (EnlaceStore      *store,
            gint64            case_id,
            EnlaceStepSide    side,
            guint             position,
            EnlaceStepResult  result,
            JsonObject       *values,
            const char       *expect)
{
  g_autoptr(GError) error = NULL;
  gint64 sid = enlace_case_find_step (store, case_id, side, position, &error);

  g_assert_no_error (error);
  if (enlace_case_set_step (store, case_id, sid, result, NULL, values, &error))
    return FALSE;
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, expect));
  return TRUE;
}

static JsonObject *
values (const char *first,
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

/* ------------------------------------------------------------------ */

static void
test_procedures_builtin (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) procs = enlace_procedures_list (store, &error);
  g_autoptr(EnlaceProcedure) alta = NULL;
  const EnlaceProcedureStep *s4 = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (procs->len, ==, 10);
  g_assert_false (enlace_store_can_undo (store)); /* the manual is part of the new file */
  g_assert_true (enlace_procedures_are_builtin (store));

  alta = enlace_procedures_get (store, "correo-alta", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (alta->prefix, ==, "CORREO");
  g_assert_cmpstr (alta->name, ==, "Creación de cuenta de correo electrónico");
  g_assert_cmpuint (alta->steps->len, ==, 9);
  for (guint i = 0; i < alta->steps->len; i++)
    {
      const EnlaceProcedureStep *s = g_ptr_array_index (alta->steps, i);
      if (s->side == ENLACE_STEP_SIDE_ADMINISTRATOR && s->position == 4)
        s4 = s;
    }
  g_assert_nonnull (s4);
  g_assert_cmpstr (s4->title, ==, "Creación de la cuenta");
  g_assert_cmpint (s4->kind, ==, ENLACE_STEP_INVENTORY);
  g_assert_cmpstr (s4->action, ==, "create-account");

  /* every prefix distinct */
  {
    g_autoptr(GHashTable) prefixes = g_hash_table_new (g_str_hash, g_str_equal);
    for (guint i = 0; i < procs->len; i++)
      {
        EnlaceProcedure *p = g_ptr_array_index (procs, i);
        g_assert_false (g_hash_table_contains (prefixes, p->prefix));
        g_hash_table_add (prefixes, p->prefix);
      }
  }

  /* export → import: nothing changes */
  {
    g_autofree char *xml = enlace_procedures_export_to_string (store, &error);
    int n;

    g_assert_no_error (error);
    n = enlace_procedures_import_data (store, xml, strlen (xml), &error);
    g_assert_no_error (error);
    g_assert_cmpint (n, ==, 0);
  }
}

static void
test_procedures_versioning (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = enlace_procedures_export_to_string (store, &error);
  g_autofree char *edited = NULL;
  g_autoptr(EnlaceProcedure) v1 = NULL;
  g_autoptr(EnlaceProcedure) v2 = NULL;
  g_autoptr(EnlaceCase) old = NULL;
  g_autoptr(EnlaceCase) fresh = NULL;
  gint64 old_case, new_case;
  int n;

  g_assert_no_error (error);
  old_case = open_case (store, "correo-baja", 0, NULL, NULL);

  /* an institution rewords a step */
  g_assert_nonnull (strstr (xml, "<title>Baja</title>"));
  {
    g_autoptr(GString) s = g_string_new (xml);
    g_string_replace (s, "<title>Baja</title>", "<title>Baja de la cuenta en el servidor</title>", 1);
    edited = g_string_free (g_steal_pointer (&s), FALSE);
  }
  n = enlace_procedures_import_data (store, edited, strlen (edited), &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);

  v2 = enlace_procedures_get (store, "correo-baja", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (v2->version, ==, 2);
  g_assert_true (v2->current);
  v1 = enlace_procedures_get (store, "correo-baja", 1, &error);
  g_assert_no_error (error);
  g_assert_false (v1->current);

  new_case = open_case (store, "correo-baja", 0, NULL, NULL);
  old = enlace_case_get (store, old_case, &error);
  g_assert_no_error (error);
  fresh = enlace_case_get (store, new_case, &error);
  g_assert_no_error (error);
  g_assert_cmpint (old->procedure->version, ==, 1);
  g_assert_cmpint (fresh->procedure->version, ==, 2);
  g_assert_cmpstr (((EnlaceCaseStep *) g_ptr_array_index (old->steps, 2))->def->title, ==, "Baja");
  g_assert_cmpstr (((EnlaceCaseStep *) g_ptr_array_index (fresh->steps, 2))->def->title, ==,
                   "Baja de la cuenta en el servidor");

  /* a broken file is refused with its line, and changes nothing */
  n = enlace_procedures_import_data (store, "<procedures version=\"1\">\n<procedure code=\"x\"/>\n</procedures>", 60, &error);
  g_assert_cmpint (n, ==, -1);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line"));
  g_clear_error (&error);

  /* undo of the import: version 1 is current again */
  g_assert_true (enlace_store_undo (store, &error)); /* the new case */
  g_assert_true (enlace_store_undo (store, &error)); /* the import */
  g_assert_no_error (error);
  {
    g_autoptr(EnlaceProcedure) cur = enlace_procedures_get (store, "correo-baja", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cur->version, ==, 1);
  }
  g_assert_true (enlace_store_redo (store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(EnlaceProcedure) cur = enlace_procedures_get (store, "correo-baja", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cur->version, ==, 2);
  }
}

static void
test_folio (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 a, b, c, d, e;
  g_autofree char *fa = NULL, *fb = NULL, *fc = NULL, *fd = NULL, *fe = NULL;

  a = open_case (store, "correo-alta", 0, "2025-12-30T10:00:00Z", NULL);
  b = open_case (store, "correo-alta", 0, "2025-12-31T10:00:00Z", NULL);
  c = open_case (store, "correo-alta", 0, "2026-01-02T10:00:00Z", NULL);
  d = open_case (store, "correo-baja", 0, "2026-01-03T10:00:00Z", NULL);
  e = open_case (store, "correo-alta", 0, "2026-01-04T10:00:00Z", NULL);
  fa = folio_of (store, a);
  fb = folio_of (store, b);
  fc = folio_of (store, c);
  fd = folio_of (store, d);
  fe = folio_of (store, e);
  g_assert_cmpstr (fa, ==, "CORREO-2025-0001");
  g_assert_cmpstr (fb, ==, "CORREO-2025-0002");
  g_assert_cmpstr (fc, ==, "CORREO-2026-0001");
  g_assert_cmpstr (fd, ==, "BAJA-2026-0001");
  g_assert_cmpstr (fe, ==, "CORREO-2026-0002");
  g_assert_cmpint (enlace_cases_lookup (store, "CORREO-2026-0002", &error), ==, e);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_cases_lookup (store, "CORREO-2026-0099", &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* undo of an opening frees its number; the case, its steps and its
   * timeline go with it */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (enlace_cases_lookup (store, "CORREO-2026-0002", NULL), ==, 0);
  e = open_case (store, "correo-alta", 0, "2026-01-05T10:00:00Z", NULL);
  g_free (fe);
  fe = folio_of (store, e);
  g_assert_cmpstr (fe, ==, "CORREO-2026-0002");

  /* unknown procedure, bad channel, bad date */
  {
    g_autoptr(JsonObject) v = values ("channel", "pigeon", NULL);
    g_assert_cmpint (enlace_case_open (store, "nope", NULL, &error), ==, 0);
    g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpint (enlace_case_open (store, "correo-alta", v, &error), ==, 0);
    g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(JsonObject) v = values ("opened_at", "yesterday", NULL);
    g_assert_cmpint (enlace_case_open (store, "correo-alta", v, &error), ==, 0);
    g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
}

static void
test_transitions (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 c = open_case (store, "correo-falla", 0, NULL, NULL);

  /* the matrix */
  g_assert_true (enlace_case_status_allowed (ENLACE_CASE_NEW, ENLACE_CASE_IN_PROGRESS));
  g_assert_false (enlace_case_status_allowed (ENLACE_CASE_NEW, ENLACE_CASE_RESOLVED));
  g_assert_true (enlace_case_status_allowed (ENLACE_CASE_IN_PROGRESS, ENLACE_CASE_WAITING));
  g_assert_true (enlace_case_status_allowed (ENLACE_CASE_WAITING, ENLACE_CASE_IN_PROGRESS));
  g_assert_true (enlace_case_status_allowed (ENLACE_CASE_RESOLVED, ENLACE_CASE_IN_PROGRESS));
  g_assert_false (enlace_case_status_allowed (ENLACE_CASE_CLOSED, ENLACE_CASE_IN_PROGRESS));
  g_assert_false (enlace_case_status_allowed (ENLACE_CASE_RESOLVED, ENLACE_CASE_CANCELLED));

  /* new → resolved: refused, naming the rule */
  g_assert_false (enlace_case_set_status (store, c, ENLACE_CASE_RESOLVED, NULL, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cannot be resolved"));
  g_clear_error (&error);
  /* new → closed */
  g_assert_false (enlace_case_set_status (store, c, ENLACE_CASE_CLOSED, NULL, &error));
  g_assert_nonnull (strstr (error->message, "only a resolved case can be closed"));
  g_clear_error (&error);

  g_assert_true (enlace_case_set_status (store, c, ENLACE_CASE_IN_PROGRESS, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (enlace_case_set_status (store, c, ENLACE_CASE_IN_PROGRESS, NULL, &error));
  g_assert_nonnull (strstr (error->message, "already"));
  g_clear_error (&error);
  g_assert_true (enlace_case_set_status (store, c, ENLACE_CASE_WAITING, NULL, &error));
  g_assert_true (enlace_case_set_status (store, c, ENLACE_CASE_IN_PROGRESS, NULL, &error));
  g_assert_no_error (error);

  /* resolved needs every required step */
  g_assert_false (enlace_case_set_status (store, c, ENLACE_CASE_RESOLVED, NULL, &error));
  g_assert_nonnull (strstr (error->message,
                            "the case cannot be resolved: step 1 “Recepción de reporte por parte del usuario” is not done"));
  g_clear_error (&error);
  step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 1, ENLACE_STEP_DONE, NULL);
  step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 2, ENLACE_STEP_FAILED, NULL);
  g_assert_false (enlace_case_set_status (store, c, ENLACE_CASE_RESOLVED, NULL, &error));
  g_assert_nonnull (strstr (error->message, "step 2 “Verificación de usuario y contraseña” failed"));
  g_clear_error (&error);
  step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 2, ENLACE_STEP_DONE, NULL);
  step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 3, ENLACE_STEP_NA, NULL);
  step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 4, ENLACE_STEP_DONE, NULL);
  /* a form step needs its required fields */
  g_assert_true (step_fails (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 5, ENLACE_STEP_DONE, NULL,
                             "“Solución” is required"));
  {
    g_autoptr(JsonObject) v = values ("solution", "Buzón lleno: se depuró", NULL);
    step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 5, ENLACE_STEP_DONE, v);
  }
  g_assert_true (enlace_case_set_status (store, c, ENLACE_CASE_RESOLVED, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(EnlaceCaseRow) row = enlace_cases_get_row (store, c, NULL);
    g_assert_nonnull (row->resolved_at);
    g_assert_null (row->closed_at);
  }
  /* a resolved case's steps do not change */
  g_assert_true (step_fails (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 1, ENLACE_STEP_PENDING, NULL,
                             "reopen it first"));
  /* reopen, resolve again, close */
  g_assert_true (enlace_case_set_status (store, c, ENLACE_CASE_IN_PROGRESS, NULL, &error));
  {
    g_autoptr(EnlaceCaseRow) row = enlace_cases_get_row (store, c, NULL);
    g_assert_null (row->resolved_at);
  }
  g_assert_true (enlace_case_set_status (store, c, ENLACE_CASE_RESOLVED, NULL, &error));
  g_assert_true (enlace_case_set_status (store, c, ENLACE_CASE_CLOSED, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (enlace_case_set_status (store, c, ENLACE_CASE_IN_PROGRESS, NULL, &error));
  g_assert_nonnull (strstr (error->message, "does not change any more"));
  g_clear_error (&error);

  /* undo of the close */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpint (status_of (store, c), ==, ENLACE_CASE_RESOLVED);

  /* cancel: only open cases, only with a reason */
  {
    gint64 d = open_case (store, "dictamen", 0, NULL, NULL);

    g_assert_false (enlace_case_set_status (store, d, ENLACE_CASE_CANCELLED, "  ", &error));
    g_assert_nonnull (strstr (error->message, "without a reason"));
    g_clear_error (&error);
    g_assert_true (enlace_case_set_status (store, d, ENLACE_CASE_CANCELLED, "Duplicado", &error));
    g_assert_no_error (error);
    g_assert_false (enlace_case_set_status (store, c, ENLACE_CASE_CANCELLED, "x", &error));
    g_assert_nonnull (strstr (error->message, "only an open case can be cancelled"));
    g_clear_error (&error);
    {
      g_autoptr(EnlaceCase) cs = enlace_case_get (store, d, &error);
      g_assert_cmpstr (cs->cancel_reason, ==, "Duplicado");
      g_assert_true (step_fails (store, d, ENLACE_STEP_SIDE_ADMINISTRATOR, 2, ENLACE_STEP_DONE, NULL,
                                 "cannot be changed"));
    }
  }
}

static void
test_timeline_and_undo (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 area = add_area (store, "DC", "Dirección de Cómputo");
  gint64 staff = add_person (store, "Ana Ruiz", area);
  gint64 c = open_case (store, "internet-falla", 0, NULL, NULL);
  g_autoptr(EnlaceCase) cs = NULL;
  g_autoptr(GBytes) small = g_bytes_new_static ("%PDF-1.4 fake", 13);
  g_autoptr(GBytes) big = NULL;
  gint64 ev;

  /* staff: everybody without department.area, then its people */
  add_person (store, "Luis Mora", 0);
  {
    g_autoptr(GPtrArray) all = enlace_cases_staff (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 2);
  }
  g_assert_true (enlace_store_set_meta (store, "department.area", "DC", &error));
  {
    g_autoptr(GPtrArray) dept = enlace_cases_staff (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (dept->len, ==, 1);
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (dept, 0), "name"), ==, "Ana Ruiz");
  }
  g_assert_true (enlace_store_undo (store, &error)); /* the meta */
  g_assert_true (enlace_store_undo (store, &error)); /* Luis Mora */
  g_assert_no_error (error);

  g_assert_true (enlace_case_assign (store, c, staff, &error));
  g_assert_no_error (error);
  g_assert_false (enlace_case_assign (store, c, 9999, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (enlace_case_set_priority (store, c, "urgent", &error));
  g_assert_false (enlace_case_set_priority (store, c, "whenever", &error));
  g_clear_error (&error);
  ev = enlace_case_add_note (store, c, "Llamó otra vez", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ev, >, 0);
  ev = enlace_case_add_note (store, c, "Formato escaneado", small, "formato.pdf", "application/pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ev, >, 0);

  /* over the size limit: refused clearly */
  {
    gsize n = ENLACE_CASE_ATTACHMENT_MAX + 1;
    big = g_bytes_new_take (g_malloc0 (n), n);
  }
  g_assert_cmpint (enlace_case_add_note (store, c, NULL, big, "foto.jpg", "image/jpeg", &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "larger than the limit"));
  g_assert_nonnull (strstr (error->message, "foto.jpg"));
  g_clear_error (&error);
  g_assert_cmpint (enlace_case_add_note (store, c, NULL, NULL, NULL, NULL, &error), ==, 0);
  g_clear_error (&error);
  /* XML could not carry it: refused */
  g_assert_cmpint (enlace_case_add_note (store, c, "bell\a", NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (enlace_case_add_event (store, c, "document", "Memorándum generado", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_case_add_event (store, c, "bogus", "x", &error), ==, 0);
  g_clear_error (&error);

  cs = enlace_case_get (store, c, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs->row->assignee, ==, "Ana Ruiz");
  g_assert_cmpstr (cs->row->priority, ==, "urgent");
  /* opened, assigned, priority, note, attachment, document */
  g_assert_cmpuint (cs->events->len, ==, 6);
  {
    EnlaceCaseEvent *att = g_ptr_array_index (cs->events, 4);
    g_autofree char *mime = NULL;
    g_autoptr(GBytes) back = NULL;

    g_assert_cmpstr (att->kind, ==, "attachment");
    g_assert_cmpstr (att->attachment_name, ==, "formato.pdf");
    g_assert_cmpuint (att->attachment_size, ==, 13);
    back = enlace_store_get_attachment (store, att->attachment_id, &mime, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (back, small));
  }
  for (guint i = 0; i < cs->events->len; i++)
    g_assert_cmpstr (((EnlaceCaseEvent *) g_ptr_array_index (cs->events, i))->who, ==, "tester");

  /* undo each command back to the opening */
  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (enlace_store_undo (store, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(EnlaceCase) back = enlace_case_get (store, c, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (back->events->len, ==, 1);
    g_assert_cmpint (back->row->assignee_id, ==, 0);
    g_assert_cmpstr (back->row->priority, ==, "normal");
  }
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpint (enlace_cases_lookup (store, "INET-2026-0001", NULL), ==, 0);
  g_assert_null (enlace_cases_get_row (store, c, NULL));
}

static void
test_query (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 area = add_area (store, "FIN", "Finanzas");
  gint64 p1 = add_person (store, "Luis Pérez", area);
  gint64 p2 = add_person (store, "María López", 0);
  gint64 a, b, c;
  EnlaceCaseFilter f = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonObject) counts = NULL;
  g_autoptr(JsonObject) form = values ("symptom", "No envía correos a Gmail", NULL);

  a = open_case (store, "correo-falla", p1, "2026-01-01T08:00:00Z", form);
  b = open_case (store, "dictamen", p2, "2026-02-01T08:00:00Z", NULL);
  c = open_case (store, "correo-falla", p2, "2026-03-01T08:00:00Z", NULL);
  g_assert_true (enlace_case_assign (store, b, p1, &error));
  g_assert_true (enlace_case_set_status (store, c, ENLACE_CASE_CANCELLED, "Error", &error));
  g_assert_no_error (error);

  rows = enlace_cases_query (store, &f, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (((EnlaceCaseRow *) g_ptr_array_index (rows, 0))->id, ==, c); /* newest first */
  g_clear_pointer (&rows, g_ptr_array_unref);

  f.open_only = TRUE;
  rows = enlace_cases_query (store, &f, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  f.procedure_code = "correo-falla";
  rows = enlace_cases_query (store, &f, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((EnlaceCaseRow *) g_ptr_array_index (rows, 0))->id, ==, a);
  g_assert_cmpstr (((EnlaceCaseRow *) g_ptr_array_index (rows, 0))->area, ==, "Finanzas");
  g_assert_cmpstr (((EnlaceCaseRow *) g_ptr_array_index (rows, 0))->summary, ==, "No envía correos a Gmail");
  g_clear_pointer (&rows, g_ptr_array_unref);

  memset (&f, 0, sizeof f);
  f.assignee_id = p1;
  rows = enlace_cases_query (store, &f, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  memset (&f, 0, sizeof f);
  f.text = "gmail";
  rows = enlace_cases_query (store, &f, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  f.text = "María";
  rows = enlace_cases_query (store, &f, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  f.text = "DICT-2026";
  rows = enlace_cases_query (store, &f, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  memset (&f, 0, sizeof f);
  f.area_id = area;
  rows = enlace_cases_query (store, &f, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  memset (&f, 0, sizeof f);
  f.status = "cancelled";
  f.limit = 5;
  rows = enlace_cases_query (store, &f, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  f.status = "bogus";
  g_assert_null (enlace_cases_query (store, &f, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* counts (opened in 2026 with targets of hours: both open ones are overdue) */
  memset (&f, 0, sizeof f);
  counts = enlace_cases_counts (store, &f, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (counts, "new"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (counts, "cancelled"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "open"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (counts, "overdue"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (counts, "total"), ==, 3);

  /* due state */
  {
    g_autoptr(EnlaceCaseRow) row = enlace_cases_get_row (store, a, NULL);
    g_autoptr(GDateTime) early = g_date_time_new_utc (2026, 1, 1, 9, 0, 0);
    g_autoptr(GDateTime) near = g_date_time_new_utc (2026, 1, 2, 3, 0, 0);
    g_autoptr(GDateTime) late = g_date_time_new_utc (2026, 1, 3, 0, 0, 0);

    g_assert_cmpint (enlace_case_row_due (row, early), ==, ENLACE_CASE_DUE_ON_TIME);
    g_assert_cmpint (enlace_case_row_due (row, near), ==, ENLACE_CASE_DUE_NEAR);
    g_assert_cmpint (enlace_case_row_due (row, late), ==, ENLACE_CASE_DUE_OVERDUE);
  }
}

/* E-mail account creation (correo-alta), end to end. */
static void
test_email_creation (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 area = add_area (store, "RH", "Recursos Humanos");
  g_autoptr(JsonObject) v = json_object_new ();
  g_autoptr(JsonObject) person = json_object_new ();
  g_autoptr(JsonObject) form = values ("position", "Analista", "requested_address", "jgarcia@utv.edu.mx", NULL);
  g_autoptr(EnlaceCase) cs = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  gint64 c, account;

  /* a new requester in the same command */
  json_object_set_string_member (person, "name", "Jorge García");
  json_object_set_int_member (person, "area_id", area);
  json_object_set_object_member (v, "requester", g_steal_pointer (&person));
  json_object_set_string_member (v, "channel", "paper");
  json_object_set_object_member (v, "form", json_object_ref (form));
  c = enlace_case_open (store, "correo-alta", v, &error);
  g_assert_no_error (error);
  /* one command: undo takes the case and the new person back */
  g_assert_cmpuint (enlace_store_count (store, "person"), ==, 1);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpuint (enlace_store_count (store, "person"), ==, 0);
  g_assert_true (enlace_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "person"), ==, 1);
  cs = enlace_case_get (store, c, &error);
  g_assert_cmpstr (cs->row->requester, ==, "Jorge García");
  g_assert_cmpstr (cs->row->area, ==, "Recursos Humanos");
  g_assert_cmpstr (cs->row->summary, ==, "Analista");
  /* the request form fills the requester's first step */
  g_assert_cmpint (((EnlaceCaseStep *) g_ptr_array_index (cs->steps, 0))->result, ==, ENLACE_STEP_DONE);
  g_assert_cmpint (cs->row->status, ==, ENLACE_CASE_NEW);

  {
    g_autoptr(JsonObject) s1 = values ("full_name", "Jorge García Soto", NULL);
    g_autoptr(JsonObject) s2 = json_object_new ();
    g_autoptr(JsonObject) s3bad = values ("identity", "Me lo dijo", NULL);
    g_autoptr(JsonObject) s3 = values ("identity", "Credencial institucional", NULL);

    step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 1, ENLACE_STEP_DONE, s1);
    g_assert_cmpint (status_of (store, c), ==, ENLACE_CASE_IN_PROGRESS);
    json_object_set_string_member (s2, "position", "Analista");
    json_object_set_int_member (s2, "area", area);
    step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 2, ENLACE_STEP_DONE, s2);
    g_assert_true (step_fails (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 3, ENLACE_STEP_DONE, s3bad,
                               "is not one of the choices"));
    step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 3, ENLACE_STEP_DONE, s3);
  }

  /* the case cannot be resolved before the account exists */
  g_assert_false (enlace_case_set_status (store, c, ENLACE_CASE_RESOLVED, NULL, &error));
  g_assert_nonnull (strstr (error->message, "step 4 “Creación de la cuenta” is not done"));
  g_clear_error (&error);

  /* a malformed address, then a taken one */
  {
    g_autoptr(JsonObject) bad = values ("address", "jgarcia(at)utv", NULL);
    g_assert_true (step_fails (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 4, ENLACE_STEP_DONE, bad,
                               "not a well-formed e-mail address"));
  }
  g_assert_true (step_fails (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 4, ENLACE_STEP_DONE, NULL,
                             "“Dirección de correo” is required"));
  {
    g_autoptr(JsonObject) ok = values ("address", "jgarcia@utv.edu.mx", NULL);
    step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 4, ENLACE_STEP_DONE, ok);
  }
  account = enlace_email_account_lookup (store, "JGarcia@utv.edu.mx", &error);
  g_assert_no_error (error);
  g_assert_cmpint (account, >, 0);
  {
    g_autoptr(EnlaceEmailAccount) acc = enlace_email_account_get (store, account, &error);
    g_autofree char *folio = folio_of (store, c);
    g_assert_no_error (error);
    g_assert_cmpstr (acc->status, ==, "active");
    g_assert_cmpstr (acc->holder, ==, "Jorge García");
    g_assert_cmpstr (acc->area, ==, "Recursos Humanos");
    g_assert_cmpstr (acc->created_folio, ==, folio);
  }
  /* done inventory steps do not change; uniqueness */
  g_assert_true (step_fails (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 4, ENLACE_STEP_PENDING, NULL,
                             "undo that command"));
  g_assert_false (enlace_email_address_check (store, "JGARCIA@utv.edu.mx", &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "is taken"));
  g_clear_error (&error);
  {
    gint64 c2 = open_case (store, "correo-alta", 0, NULL, NULL);
    g_autoptr(JsonObject) dup = values ("address", "jgarcia@utv.edu.mx", NULL);
    g_assert_true (step_fails (store, c2, ENLACE_STEP_SIDE_ADMINISTRATOR, 4, ENLACE_STEP_DONE, dup, "is taken"));
    g_assert_true (enlace_store_undo (store, &error)); /* c2 */
  }

  /* the account is linked; the account's cases list it */
  {
    g_autoptr(GPtrArray) linked = enlace_cases_for_object (store, "email_account", account, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (linked->len, ==, 1);
    g_assert_cmpint (((EnlaceCaseRow *) g_ptr_array_index (linked, 0))->id, ==, c);
  }

  /* undo the step: the account goes with it, one command */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (enlace_email_account_lookup (store, "jgarcia@utv.edu.mx", NULL), ==, 0);
  g_assert_true (enlace_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (enlace_email_account_lookup (store, "jgarcia@utv.edu.mx", NULL), ==, account);

  {
    g_autoptr(JsonObject) s5 = values ("delivered_to", "Jorge García Soto", "delivered_at", "2026-12-05", NULL);
    step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 5, ENLACE_STEP_DONE, s5);
  }
  {
    g_autoptr(EnlaceEmailAccount) acc = enlace_email_account_get (store, account, &error);
    g_assert_cmpstr (acc->delivered_to, ==, "Jorge García Soto");
    g_assert_cmpstr (acc->delivered_at, ==, "2026-12-05");
  }
  g_assert_true (enlace_case_set_status (store, c, ENLACE_CASE_RESOLVED, NULL, &error));
  g_assert_true (enlace_case_set_status (store, c, ENLACE_CASE_CLOSED, NULL, &error));
  g_assert_no_error (error);

  accounts = enlace_email_accounts_list (store, "garcia", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
}

/* E-mail account removal (correo-baja), end to end. */
static void
test_email_removal (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 holder = add_person (store, "Rosa Díaz", 0);
  gint64 alta = open_case (store, "correo-alta", holder, NULL, NULL);
  gint64 baja, account;
  g_autoptr(JsonObject) create = values ("address", "rdiaz@utv.edu.mx", NULL);
  g_autoptr(JsonObject) motive = values ("address", "rdiaz@utv.edu.mx", "motive", "Baja del usuario en la institución",
                                         "motive_detail", "Jubilación", NULL);
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GPtrArray) all = NULL;

  step (store, alta, ENLACE_STEP_SIDE_ADMINISTRATOR, 4, ENLACE_STEP_DONE, create);
  account = enlace_email_account_lookup (store, "rdiaz@utv.edu.mx", &error);
  g_assert_no_error (error);

  baja = open_case (store, "correo-baja", holder, NULL, NULL);
  /* the removal needs to know which account: from step 1 */
  g_assert_true (step_fails (store, baja, ENLACE_STEP_SIDE_ADMINISTRATOR, 1, ENLACE_STEP_DONE,
                             NULL, "is required"));
  step (store, baja, ENLACE_STEP_SIDE_ADMINISTRATOR, 1, ENLACE_STEP_DONE, motive);
  g_assert_cmpint (enlace_case_add_event (store, baja, "document", "Aviso de baja generado", &error), >, 0);
  step (store, baja, ENLACE_STEP_SIDE_ADMINISTRATOR, 2, ENLACE_STEP_DONE, NULL);
  step (store, baja, ENLACE_STEP_SIDE_ADMINISTRATOR, 3, ENLACE_STEP_DONE, NULL);
  {
    g_autoptr(EnlaceEmailAccount) acc = enlace_email_account_get (store, account, &error);
    g_autofree char *folio = folio_of (store, baja);
    g_assert_cmpstr (acc->status, ==, "removed");
    g_assert_nonnull (acc->removed_at);
    g_assert_cmpstr (acc->removal_motive, ==, "Baja del usuario en la institución — Jubilación");
    g_assert_cmpstr (acc->removed_folio, ==, folio);
  }
  /* kept in the registry's history */
  active = enlace_email_accounts_list (store, NULL, FALSE, &error);
  all = enlace_email_accounts_list (store, NULL, TRUE, &error);
  g_assert_cmpuint (active->len, ==, 0);
  g_assert_cmpuint (all->len, ==, 1);
  /* the address is free again */
  g_assert_true (enlace_email_address_check (store, "rdiaz@utv.edu.mx", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) linked = enlace_cases_for_object (store, "email_account", account, &error);
    g_assert_cmpuint (linked->len, ==, 2);
  }
  g_assert_true (enlace_case_set_status (store, baja, ENLACE_CASE_RESOLVED, NULL, &error));
  g_assert_no_error (error);

  /* undo the resolution, then the removal: active again */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(EnlaceEmailAccount) acc = enlace_email_account_get (store, account, &error);
    g_assert_cmpstr (acc->status, ==, "active");
    g_assert_null (acc->removed_at);
  }

  /* removing an account that does not exist */
  {
    gint64 other = open_case (store, "correo-baja", 0, NULL, NULL);
    g_autoptr(JsonObject) m = values ("address", "nadie@utv.edu.mx", "motive", "Otro", NULL);
    step (store, other, ENLACE_STEP_SIDE_ADMINISTRATOR, 1, ENLACE_STEP_DONE, m);
    g_assert_true (step_fails (store, other, ENLACE_STEP_SIDE_ADMINISTRATOR, 3, ENLACE_STEP_DONE, NULL,
                               "no active account “nadie@utv.edu.mx”"));
  }
}

/* New internet connection (internet-alta) on the demo campus. */
static void
test_new_connection (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) proposal = NULL;
  g_autoptr(JsonObject) form = json_object_new ();
  gint64 space_id = 0, c;
  JsonArray *props;
  JsonObject *p0;
  const char *outlet_port, *switch_port;
  guint cables_before;

  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);

  /* a space with an idle jack wired to a free panel port */
  {
    g_autoptr(GPtrArray) spaces = enlace_store_list (store, "space", 0, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < spaces->len && space_id == 0; i++)
      {
        JsonObject *s = g_ptr_array_index (spaces, i);
        gint64 id = json_object_get_int_member (s, "id");
        g_autoptr(JsonObject) pr = enlace_case_propose_connection (store, id, 1, &error);

        g_assert_no_error (error);
        if (json_object_get_boolean_member (pr, "ok"))
          {
            space_id = id;
            proposal = g_steal_pointer (&pr);
          }
      }
  }
  g_assert_cmpint (space_id, >, 0);
  props = json_object_get_array_member (proposal, "proposals");
  g_assert_cmpuint (json_array_get_length (props), ==, 1);
  p0 = json_array_get_object_element (props, 0);
  outlet_port = json_object_get_string_member (p0, "outlet_port");
  switch_port = json_object_get_string_member (p0, "switch_port");
  g_test_message ("proposal: %s → %s → %s", outlet_port,
                  json_object_get_string_member (p0, "panel_port"), switch_port);

  /* a space with no outlet says why */
  {
    g_autoptr(GPtrArray) spaces = enlace_store_list (store, "space", 0, &error);
    gboolean said = FALSE;

    for (guint i = 0; i < spaces->len && !said; i++)
      {
        gint64 id = json_object_get_int_member (g_ptr_array_index (spaces, i), "id");
        g_autoptr(JsonObject) pr = enlace_case_propose_connection (store, id, 1, &error);

        g_assert_no_error (error);
        if (!json_object_get_boolean_member (pr, "ok") &&
            g_str_has_prefix (json_object_get_string_member (pr, "reason"), "no free jack in space"))
          said = TRUE;
      }
    g_assert_true (said);
  }
  g_assert_null (enlace_case_propose_connection (store, 987654, 1, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* asking for far too many says why */
  {
    g_autoptr(JsonObject) pr = enlace_case_propose_connection (store, space_id, 500, &error);
    g_assert_no_error (error);
    g_assert_false (json_object_get_boolean_member (pr, "ok"));
    g_assert_nonnull (json_object_get_string_member (pr, "reason"));
  }

  json_object_set_int_member (form, "space", space_id);
  json_object_set_int_member (form, "count", 1);
  json_object_set_string_member (form, "purpose", "Equipo nuevo de la secretaría");
  c = open_case (store, "internet-alta", 0, NULL, form);
  step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 5, ENLACE_STEP_DONE, NULL);
  {
    g_autoptr(JsonObject) req = values ("outlet_port", outlet_port, "switch_port", switch_port, NULL);
    step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 6, ENLACE_STEP_DONE, req);
  }
  step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 7, ENLACE_STEP_DONE, NULL);

  /* a wrong switch port is refused and changes nothing */
  cables_before = enlace_store_count (store, "cable");
  {
    g_autoptr(JsonObject) bad = values ("switch_port", outlet_port, NULL);
    g_assert_true (step_fails (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 8, ENLACE_STEP_DONE, bad,
                               "is not an interface of a switch"));
  }
  g_assert_cmpuint (enlace_store_count (store, "cable"), ==, cables_before);

  /* make the connection: values from step 6 */
  {
    g_autoptr(JsonObject) fix = json_object_new ();
    json_object_set_null_member (fix, "switch_port");
    step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 8, ENLACE_STEP_DONE, fix);
  }
  g_assert_cmpuint (enlace_store_count (store, "cable"), ==, cables_before + 1);
  {
    g_autoptr(EnlaceTracer) tracer = enlace_tracer_get_for_store (store);
    g_autoptr(GPtrArray) paths = enlace_tracer_trace_key (tracer, outlet_port, &error);
    gboolean reaches = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < paths->len; i++)
      {
        EnlacePath *path = g_ptr_array_index (paths, i);
        EnlaceTerm sw;
        g_assert_true (enlace_store_lookup_term (store, switch_port, &sw, NULL));
        if (enlace_path_contains (path, ENLACE_NODE_PORT, sw.id))
          reaches = TRUE;
      }
    g_assert_true (reaches);
  }
  /* the outlet lists the case */
  {
    g_autoptr(EnlaceCase) cs = enlace_case_get (store, c, &error);
    gint64 outlet_dev = 0;
    g_autoptr(GPtrArray) linked = NULL;

    for (guint i = 0; i < cs->links->len; i++)
      {
        EnlaceCaseLink *l = g_ptr_array_index (cs->links, i);
        if (g_strcmp0 (l->kind, "outlet") == 0)
          outlet_dev = l->id;
      }
    g_assert_cmpint (outlet_dev, >, 0);
    linked = enlace_cases_for_object (store, "device", outlet_dev, &error);
    g_assert_cmpuint (linked->len, ==, 1);
  }
  g_assert_true (enlace_case_set_status (store, c, ENLACE_CASE_RESOLVED, NULL, &error));
  g_assert_no_error (error);

  /* one undo takes back the step and the patch cord */
  g_assert_true (enlace_store_undo (store, &error)); /* resolved */
  g_assert_true (enlace_store_undo (store, &error)); /* the connection */
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "cable"), ==, cables_before);
  {
    gint64 sid = enlace_case_find_step (store, c, ENLACE_STEP_SIDE_ADMINISTRATOR, 8, &error);
    g_autoptr(EnlaceCase) cs = enlace_case_get (store, c, &error);
    for (guint i = 0; i < cs->steps->len; i++)
      {
        EnlaceCaseStep *s = g_ptr_array_index (cs->steps, i);
        if (s->id == sid)
          g_assert_cmpint (s->result, ==, ENLACE_STEP_PENDING);
      }
  }
  /* the same jack is free again */
  {
    g_autoptr(JsonObject) pr = enlace_case_propose_connection (store, space_id, 1, &error);
    JsonObject *again = json_array_get_object_element (json_object_get_array_member (pr, "proposals"), 0);
    g_assert_cmpstr (json_object_get_string_member (again, "outlet_port"), ==, outlet_port);
  }
}

static void
test_links (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 area = add_area (store, "X", "X");
  gint64 c = open_case (store, "red-modificacion", 0, NULL, NULL);

  g_assert_true (enlace_case_link (store, c, "area", area, &error));
  g_assert_no_error (error);
  g_assert_false (enlace_case_link (store, c, "device", 424242, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (enlace_case_link (store, c, "unicorn", 1, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(EnlaceCase) cs = enlace_case_get (store, c, &error);
    g_assert_cmpuint (cs->links->len, ==, 1);
    g_assert_cmpstr (((EnlaceCaseLink *) g_ptr_array_index (cs->links, 0))->key, ==, "X");
  }
  g_assert_true (enlace_case_unlink (store, c, "area", area, &error));
  g_assert_false (enlace_case_unlink (store, c, "area", area, &error));
  g_clear_error (&error);
  g_assert_true (enlace_store_undo (store, &error));
  {
    g_autoptr(GPtrArray) rows = enlace_cases_for_object (store, "area", area, &error);
    g_assert_cmpuint (rows->len, ==, 1);
  }
}

/* export → import → export gives the same bytes, with cases of the three
 * procedures, an attachment, accounts and an edited manual; undo of the
 * import puts the new project's built-in manual back. */
static void
test_xml_roundtrip (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) scan = g_bytes_new_static ("\x89PNG fake scan", 14);
  g_autofree char *dir = g_dir_make_tmp ("enlace-cases-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.xml", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gint64 holder, alta, baja;

  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);
  holder = add_person (store, "Rosa Díaz", 0);
  add_person (store, "Rosa Díaz", 0); /* a namesake: keys differ */
  alta = open_case (store, "correo-alta", holder, "2026-03-01T10:00:00Z", NULL);
  {
    g_autoptr(JsonObject) v = values ("address", "rdiaz@utv.edu.mx", NULL);
    step (store, alta, ENLACE_STEP_SIDE_ADMINISTRATOR, 4, ENLACE_STEP_DONE, v);
  }
  g_assert_cmpint (enlace_case_add_note (store, alta, "Formato", scan, "formato.png", "image/png", &error), >, 0);
  baja = open_case (store, "correo-baja", holder, "2026-04-01T10:00:00Z", NULL);
  {
    g_autoptr(JsonObject) v = values ("address", "rdiaz@utv.edu.mx", "motive", "Otro", NULL);
    step (store, baja, ENLACE_STEP_SIDE_ADMINISTRATOR, 1, ENLACE_STEP_DONE, v);
    step (store, baja, ENLACE_STEP_SIDE_ADMINISTRATOR, 3, ENLACE_STEP_DONE, NULL);
  }
  g_assert_true (enlace_case_set_status (store, baja, ENLACE_CASE_CANCELLED, "Ya no aplica", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) spaces = enlace_store_list (store, "space", 0, &error);
    gint64 c = open_case (store, "internet-alta", 0, NULL, NULL);
    g_assert_true (enlace_case_link (store, c, "space",
                                     json_object_get_int_member (g_ptr_array_index (spaces, 0), "id"), &error));
    g_assert_no_error (error);
  }
  /* an edited manual: version 2 of one procedure */
  {
    g_autofree char *xml = enlace_procedures_export_to_string (store, &error);
    g_autoptr(GString) s = g_string_new (xml);
    g_string_replace (s, "target-hours=\"240\"", "target-hours=\"200\"", 1);
    g_assert_cmpint (enlace_procedures_import_data (store, s->str, s->len, &error), ==, 1);
    open_case (store, "dictamen", 0, NULL, NULL);
  }

  g_assert_true (enlace_xml_export (store, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &first, NULL, &error));
  g_assert_nonnull (strstr (first, "<case folio=\"CORREO-2026-0001\""));
  g_assert_nonnull (strstr (first, "<email-account id=\"1\" address=\"rdiaz@utv.edu.mx\""));

  copy = new_store ();
  g_assert_true (enlace_xml_import (copy, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_xml_export_to_memory (copy, &second, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);
  {
    gint64 id = enlace_cases_lookup (copy, "CORREO-2026-0001", &error);
    g_autoptr(EnlaceCase) c = enlace_case_get (copy, id, &error);
    g_autoptr(EnlaceEmailAccount) acc = enlace_email_account_get (copy, enlace_email_account_lookup (copy, "rdiaz@utv.edu.mx", NULL), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (acc->created_folio, ==, "CORREO-2026-0001");
    g_assert_cmpstr (acc->removed_folio, ==, "BAJA-2026-0001");
    g_assert_cmpuint (c->links->len, ==, 1);
  }
  /* importing into a project with cases is refused */
  g_assert_false (enlace_xml_import (copy, path, NULL, NULL, NULL, &error));
  g_assert_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  /* undo of the import: the built-in manual again */
  g_assert_true (enlace_store_undo (copy, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_procedures_are_builtin (copy));
  g_assert_cmpint (enlace_cases_lookup (copy, "CORREO-2026-0001", NULL), ==, 0);

  g_unlink (path);
  g_rmdir (dir);
}

/* A version-2 file (no procedures tables) opens, is upgraded and gets the
 * built-in manual. */
static void
test_upgrade (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "campus-v1.enlace", NULL);
  g_autofree char *dir = g_dir_make_tmp ("enlace-cases-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.enlace", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GPtrArray) procs = NULL;

  g_assert_true (g_file_get_contents (src, &contents, &len, &error));
  g_assert_true (g_file_set_contents (path, contents, len, &error));
  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_get_schema_version (store), ==, ENLACE_SCHEMA_VERSION);
  procs = enlace_procedures_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (procs->len, ==, 10);
  open_case (store, "ftp-falla", 0, NULL, NULL);
  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/cases/procedures/builtin", test_procedures_builtin);
  g_test_add_func ("/model/cases/procedures/versioning", test_procedures_versioning);
  g_test_add_func ("/model/cases/folio", test_folio);
  g_test_add_func ("/model/cases/transitions", test_transitions);
  g_test_add_func ("/model/cases/timeline-undo", test_timeline_and_undo);
  g_test_add_func ("/model/cases/query", test_query);
  g_test_add_func ("/model/cases/links", test_links);
  g_test_add_func ("/model/cases/email-creation", test_email_creation);
  g_test_add_func ("/model/cases/email-removal", test_email_removal);
  g_test_add_func ("/model/cases/new-connection", test_new_connection);
  g_test_add_func ("/model/cases/upgrade", test_upgrade);
  g_test_add_func ("/model/cases/xml-roundtrip", test_xml_roundtrip);

  return g_test_run ();
}
