/* test-extension-history.c: changes of an extension's status through a
 * case (procedure extension-estado): the inventory step changes it, the
 * history names the case, the refusals, undo, the XML round trip */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "enlace-cases.h"
#include "enlace-extension-history.h"
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
add_extension (EnlaceStore *store,
               const char  *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  gint64 id;

  json_object_set_string_member (v, "number", number);
  json_object_set_string_member (v, "holder", "Rectoría");
  id = enlace_store_create (store, "extension", v, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
open_case (EnlaceStore *store,
           const char  *number,
           const char  *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  g_autoptr(JsonObject) form = json_object_new ();
  gint64 id;

  json_object_set_string_member (form, "extension", number);
  json_object_set_string_member (form, "status", status);
  json_object_set_string_member (form, "reason", "Adeudo de llamadas de larga distancia");
  json_object_set_object_member (v, "form", g_steal_pointer (&form));
  id = enlace_case_open (store, "extension-estado", v, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static const char *
status_of (EnlaceStore *store,
           gint64       ext)
{
  static char buf[32];
  g_autoptr(JsonObject) o = enlace_store_get (store, "extension", ext, NULL);

  g_assert_nonnull (o);
  g_strlcpy (buf, json_object_get_string_member (o, "status"), sizeof buf);
  return buf;
}

/* Does step 4 of the case: the inventory step that changes the status. */
static gboolean
do_change (EnlaceStore  *store,
           gint64        case_id,
           GError      **error)
{
  gint64 step = enlace_case_find_step (store, case_id, ENLACE_STEP_SIDE_ADMINISTRATOR, 4, error);

  if (step == 0)
    return FALSE;
  return enlace_case_set_step (store, case_id, step, ENLACE_STEP_DONE, NULL, NULL, error);
}

static void
test_change_through_case (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(EnlaceCase) c = NULL;
  gint64 ext = add_extension (store, "2001");
  gint64 case_id = open_case (store, "2001", "Suspendida");
  EnlaceExtensionChange *last;

  g_assert_cmpstr (status_of (store, ext), ==, "active");
  g_assert_true (do_change (store, case_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status_of (store, ext), ==, "suspended");

  history = enlace_extension_history (store, ext, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  last = g_ptr_array_index (history, 0);
  g_assert_cmpstr (last->status, ==, "suspended");
  g_assert_cmpstr (last->reason, ==, "Adeudo de llamadas de larga distancia");
  g_assert_cmpint (last->case_id, ==, case_id);
  g_assert_true (g_str_has_prefix (last->folio, "EXT-"));
  {
    g_autoptr(JsonObject) o = enlace_extension_change_to_json (last);

    g_assert_cmpstr (json_object_get_string_member (o, "case"), ==, last->folio);
  }

  /* the case is linked to the extension */
  c = enlace_case_get (store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->links->len, ==, 1);
  g_assert_cmpstr (((EnlaceCaseLink *) g_ptr_array_index (c->links, 0))->kind, ==, "extension");

  /* one command: undo puts the status and the history back */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status_of (store, ext), ==, "active");
  g_clear_pointer (&history, g_ptr_array_unref);
  history = enlace_extension_history (store, ext, &error);
  g_assert_cmpuint (history->len, ==, 0);
  g_assert_true (enlace_store_redo (store, &error));
  g_assert_cmpstr (status_of (store, ext), ==, "suspended");
}

static void
test_refusals (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 ext = add_extension (store, "2002");
  gint64 same = open_case (store, "2002", "Activa");
  gint64 missing = open_case (store, "2999", "Cancelada");
  gint64 rows_before;

  /* already active: refused, nothing changes */
  g_assert_false (do_change (store, same, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is already"));
  g_assert_nonnull (strstr (error->message, "2002"));
  g_clear_error (&error);
  g_assert_cmpstr (status_of (store, ext), ==, "active");

  /* no such extension */
  g_assert_false (do_change (store, missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "2999"));
  g_clear_error (&error);

  /* the command function: unknown status, empty reason, no case */
  g_assert_false (enlace_extension_change_status (store, ext, "retired", "x", same, &error));
  g_assert_nonnull (strstr (error->message, "not a status"));
  g_clear_error (&error);
  g_assert_false (enlace_extension_change_status (store, ext, "suspended", "", same, &error));
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);
  g_assert_false (enlace_extension_change_status (store, ext, "suspended", "x", 0, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) h = enlace_extension_history (store, ext, &error);

    rows_before = h->len;
  }
  g_assert_cmpint (rows_before, ==, 0);
  g_assert_cmpstr (status_of (store, ext), ==, "active");

  /* the manual's words and the status names both work */
  g_assert_cmpstr (enlace_extension_status_parse ("Suspendida"), ==, "suspended");
  g_assert_cmpstr (enlace_extension_status_parse ("cancelled"), ==, "cancelled");
  g_assert_null (enlace_extension_status_parse ("Retirada"));
  g_assert_null (enlace_extension_history (store, 999999, &error));
  g_assert_nonnull (error);
}

static void
test_xml_round_trip (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceStore) copy = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  g_autofree char *dir = g_dir_make_tmp ("enlace-ext-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "p.xml", NULL);
  gsize len = 0, len2 = 0;
  gint64 ext, case_id;

  add_extension (store, "2003");
  case_id = open_case (store, "2003", "Cancelada");
  g_assert_true (do_change (store, case_id, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_xml_export_to_memory (store, &xml, &len, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "<extension-change extension=\"2003\""));
  g_assert_true (g_file_set_contents (path, xml, len, &error));
  g_assert_true (enlace_xml_import (copy, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_xml_export_to_memory (copy, &xml2, &len2, &error));
  g_assert_cmpstr (xml, ==, xml2);

  ext = enlace_store_lookup (copy, "extension", "2003", &error);
  history = enlace_extension_history (copy, ext, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_true (g_str_has_prefix (((EnlaceExtensionChange *) g_ptr_array_index (history, 0))->folio, "EXT-"));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/cases/extension-history/change-through-case", test_change_through_case);
  g_test_add_func ("/model/cases/extension-history/refusals", test_refusals);
  g_test_add_func ("/model/cases/extension-history/xml-round-trip", test_xml_round_trip);
  return g_test_run ();
}
