/* test-design-dialog.c: "Design the cabling…" (views/design) */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "enlace-design-dialog.h"
#include "enlace-test-gtk.h"
#include "enlace-page.h"

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

static void
add (EnlaceStore *store,
     const char  *kind,
     JsonObject  *values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = values;

  g_assert_cmpint (enlace_store_create (store, kind, v, &error), >, 0);
  g_assert_no_error (error);
}

/* A floor with a telecom room (rack R1), an office 101 of 60 m², a
 * classroom 102 of 120 m², a corridor and its tray with a spur. */
static EnlaceStore *
fixture (gint64 *floor_id)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  add (store, "site", obj ("code", "UNI", "name", "Campus", NULL));
  add (store, "building", obj ("site_id", "UNI", "code", "B", "name", "Edificio B", NULL));
  add (store, "floor", obj ("building_id", "B", "level", "1", "name", "Primer piso", NULL));
  *floor_id = enlace_store_lookup (store, "floor", "B/1", NULL);
  add (store, "space", obj ("floor_id", "B/1", "code", "1A", "name", "Telecom", "kind", "telecom-room",
                            "outline", "[[0,0],[4,0],[4,6],[0,6]]", NULL));
  add (store, "space", obj ("floor_id", "B/1", "code", "101", "name", "Oficina", "kind", "office",
                            "outline", "[[10,0],[20,0],[20,6],[10,6]]", NULL));
  add (store, "space", obj ("floor_id", "B/1", "code", "102", "name", "Aula", "kind", "classroom",
                            "outline", "[[20,0],[40,0],[40,6],[20,6]]", NULL));
  add (store, "space", obj ("floor_id", "B/1", "code", "1PAS", "name", "Pasillo", "kind", "other",
                            "outline", "[[0,6],[40,6],[40,10],[0,10]]", NULL));
  add (store, "pathway", obj ("floor_id", "B/1", "name", "Charola", "kind", "tray",
                              "points", "[[1,8],[39,8]]", "height", "2.8", NULL));
  add (store, "pathway", obj ("floor_id", "B/1", "name", "Derivación", "kind", "tray",
                              "points", "[[2,8],[2,2]]", "height", "2.8", NULL));
  add (store, "rack", obj ("space_id", "B/1/1A", "name", "R1", "x", "2", "y", "2", NULL));
  return store;
}

static void
on_destroy (GtkWidget *widget,
            gboolean  *flag)
{
  *flag = TRUE;
}

static void
test_preview_apply_undo (void)
{
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  EnlaceDesignDialog *dialog = enlace_design_dialog_new (NULL, store, floor_id, NULL, 0);
  gboolean closed = FALSE;
  guint devices = enlace_store_count (store, "device");

  g_signal_connect (dialog, "destroy", G_CALLBACK (on_destroy), &closed);
  gtk_window_present (GTK_WINDOW (dialog));
  enlace_test_spin (100);
  g_assert_null (enlace_design_dialog_get_outlets (dialog));

  /* Both rooms are chosen by default (not the telecom room, not the
   * corridor): one outlet per 10 m² with two data jacks. */
  enlace_design_dialog_set_rule (dialog, 10, 1, 2, 0);
  g_assert_true (enlace_design_dialog_preview (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_design_dialog_get_outlets (dialog)->len, ==, 18);
  g_assert_cmpuint (enlace_design_dialog_get_runs (dialog)->len, ==, 18);
  g_assert_nonnull (strstr (enlace_design_dialog_get_summary (dialog), "18"));
  g_assert_cmpuint (enlace_store_count (store, "device"), ==, devices);  /* nothing made yet */
  enlace_test_spin (100);
  enlace_test_screenshot (GTK_WIDGET (dialog), "design-dialog.png");

  /* Only the office. */
  g_assert_true (enlace_design_dialog_set_space_active (dialog, enlace_store_lookup (store, "space", "B/1/102", NULL), FALSE));
  g_assert_null (enlace_design_dialog_get_outlets (dialog));  /* a change drops the preview */
  g_assert_true (enlace_design_dialog_preview (dialog, &error));
  g_assert_cmpuint (enlace_design_dialog_get_outlets (dialog)->len, ==, 6);

  /* Apply: one command makes outlets, a panel and the planned cables,
   * and closes the dialog. */
  g_assert_true (enlace_design_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  enlace_test_spin_until (&closed, 2000);
  g_assert_true (closed);
  g_assert_cmpuint (enlace_store_count (store, "device"), ==, devices + 6 + 1);
  g_assert_cmpuint (enlace_store_count (store, "cable"), ==, 12);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "device"), ==, devices);
  g_assert_cmpuint (enlace_store_count (store, "cable"), ==, 0);
}

static void
test_refusal (void)
{
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  gint64 office = enlace_store_lookup (store, "space", "B/1/101", NULL);
  EnlaceDesignDialog *dialog = enlace_design_dialog_new (NULL, store, floor_id, &office, 1);

  gtk_window_present (GTK_WINDOW (dialog));
  enlace_test_spin (50);
  g_assert_true (enlace_design_dialog_set_space_active (dialog, office, FALSE));
  g_assert_false (enlace_design_dialog_preview (dialog, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (enlace_design_dialog_apply (dialog, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (enlace_store_count (store, "device"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  enlace_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ENLACE_LOCALEDIR");

  if (localedir)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  enlace_views_init ();
  g_test_add_func ("/views/design/dialog/preview-apply-undo", test_preview_apply_undo);
  g_test_add_func ("/views/design/dialog/refusal", test_refusal);
  return g_test_run ();
}
