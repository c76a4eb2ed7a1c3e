/* test-preferences.c: the "Project Identity" group of the preferences —
 * the open project's institution, department and logo, edited through
 * the rows as one command each — and the interface language, under Xvfb. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "enlace-application.h"
#include "enlace-preferences-window.h"
#include "enlace-store.h"
#include "enlace-test-gtk.h"
#include "enlace-window.h"

static EnlaceApplication *app;

/* A 1×1 PNG. */
static const guchar tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
  0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
  0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
  0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static gpointer
child (GtkWidget  *prefs,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (prefs, ENLACE_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

static GtkWidget *
show_prefs (EnlaceStore *store)
{
  GtkWidget *prefs = g_object_new (ENLACE_TYPE_PREFERENCES_WINDOW, "store", store, NULL);

  gtk_window_present (GTK_WINDOW (prefs));
  enlace_test_spin (100);
  return prefs;
}

/* Runs the main loop until meta @key is @value (NULL: unset), 3 s at most. */
static void
wait_meta (EnlaceStore *store,
           const char  *key,
           const char  *value)
{
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autofree char *now = enlace_store_get_meta (store, key);

      if ((value == NULL && now == NULL) || (value != NULL && now != NULL && g_str_has_prefix (now, value)))
        return;
      if (g_get_monotonic_time () > end)
        g_error ("meta %s is “%s”, not “%s”", key, now, value);
      enlace_test_spin (20);
    }
}

static void
test_no_project (void)
{
  GtkWidget *prefs = show_prefs (NULL);
  const char *description = adw_preferences_group_get_description (child (prefs, "identity_group"));

  g_assert_false (gtk_widget_get_sensitive (child (prefs, "institution_row")));
  g_assert_false (gtk_widget_get_sensitive (child (prefs, "department_row")));
  g_assert_false (gtk_widget_get_sensitive (child (prefs, "logo_row")));
  g_assert_nonnull (strstr (description, "No project is open"));
  gtk_window_destroy (GTK_WINDOW (prefs));
  enlace_test_spin (20);
}

/* The interface language: a preference kept in GSettings, shown as
 * chosen, applied at the next start */
static void
test_language (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *prefs;
  AdwComboRow *row;
  g_autofree char *chosen = NULL;

  g_settings_set_string (settings, "language", "en");
  prefs = show_prefs (NULL);
  row = child (prefs, "language_row");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);

  adw_combo_row_set_selected (row, 1);
  chosen = g_settings_get_string (settings, "language");
  g_assert_cmpstr (chosen, ==, "es");
  g_clear_pointer (&chosen, g_free);
  adw_combo_row_set_selected (row, 0);
  chosen = g_settings_get_string (settings, "language");
  g_assert_cmpstr (chosen, ==, "auto");

  gtk_window_destroy (GTK_WINDOW (prefs));
  enlace_test_spin (20);
}

static void
test_institution (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  GtkWidget *prefs;
  AdwEntryRow *institution, *department;
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  g_assert_true (enlace_store_set_meta (store, "department", "Departamento de Comunicaciones y Enlaces", &error));
  prefs = show_prefs (store);
  institution = child (prefs, "institution_row");
  department = child (prefs, "department_row");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (institution)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (institution)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (department)), ==, "Departamento de Comunicaciones y Enlaces");

  /* typed, then applied: one command */
  gtk_editable_set_text (GTK_EDITABLE (institution), "Universidad Tecnológica del Valle ");
  value = enlace_store_get_meta (store, "institution");
  g_assert_null (value);
  g_signal_emit_by_name (institution, "apply");
  value = enlace_store_get_meta (store, "institution");
  g_assert_cmpstr (value, ==, "Universidad Tecnológica del Valle");
  label = enlace_store_dup_undo_label (store);
  g_assert_cmpstr (label, ==, "Set document property “institution”");

  /* Enter in the entry applies too */
  gtk_editable_set_text (GTK_EDITABLE (department), "Depto. de Redes");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (department)), "activate");
  wait_meta (store, "department", "Depto. de Redes");

  /* undo elsewhere: the row shows the project again */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (department)), ==, "Departamento de Comunicaciones y Enlaces");

  /* emptied: the property is removed */
  gtk_editable_set_text (GTK_EDITABLE (institution), "");
  g_signal_emit_by_name (institution, "apply");
  g_clear_pointer (&value, g_free);
  value = enlace_store_get_meta (store, "institution");
  g_assert_null (value);

  gtk_window_destroy (GTK_WINDOW (prefs));
  enlace_test_spin (20);
}

static void
test_logo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autofree char *dir = g_dir_make_tmp ("enlace-prefs-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "escudo.png", NULL);
  g_autofree char *text = g_build_filename (dir, "notas.txt", NULL);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) text_file = g_file_new_for_path (text);
  g_autoptr(GBytes) logo = NULL;
  GtkWidget *prefs;
  AdwActionRow *row;
  GtkWidget *remove;
  gboolean never = FALSE;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (png, (const char *) tiny_png, sizeof tiny_png, &error));
  g_assert_true (g_file_set_contents (text, "no soy una imagen\n", -1, &error));
  prefs = show_prefs (store);
  row = child (prefs, "logo_row");
  remove = child (prefs, "logo_remove_button");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "None"));
  g_assert_false (gtk_widget_get_sensitive (remove));

  /* a chosen image is kept in the file, the row shows it */
  enlace_preferences_window_set_logo_file (ENLACE_PREFERENCES_WINDOW (prefs), png_file);
  wait_meta (store, "logo", "attachment:");
  logo = enlace_store_get_logo (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (logo), ==, sizeof tiny_png);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "PNG image, 70 bytes");
  g_assert_true (gtk_widget_get_sensitive (remove));
  g_assert_cmpint (gtk_image_get_storage_type (child (prefs, "logo_image")), ==, GTK_IMAGE_PAINTABLE);

  /* not an image: refused, the logo stays */
  enlace_preferences_window_set_logo_file (ENLACE_PREFERENCES_WINDOW (prefs), text_file);
  enlace_test_spin_until (&never, 300);
  g_clear_pointer (&logo, g_bytes_unref);
  logo = enlace_store_get_logo (store, &error);
  g_assert_cmpuint (g_bytes_get_size (logo), ==, sizeof tiny_png);

  /* "Remove" */
  gtk_widget_activate (remove);
  wait_meta (store, "logo", NULL);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "None"));
  g_assert_false (gtk_widget_get_sensitive (remove));

  gtk_window_destroy (GTK_WINDOW (prefs));
  enlace_test_spin (20);
  g_unlink (png);
  g_unlink (text);
  g_rmdir (dir);
}

/* From the main window: the preferences edit the window's project. */
static void
test_from_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  EnlaceWindow *window = enlace_window_new (GTK_APPLICATION (app));
  GtkWidget *prefs;
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  g_assert_true (enlace_store_set_meta (store, "institution", "UTV", &error));
  enlace_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  prefs = enlace_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  enlace_test_spin (100);

  g_assert_cmpstr (gtk_editable_get_text (child (prefs, "institution_row")), ==, "UTV");
  gtk_editable_set_text (child (prefs, "institution_row"), "Universidad Tecnológica del Valle");
  g_signal_emit_by_name (child (prefs, "institution_row"), "apply");
  value = enlace_store_get_meta (store, "institution");
  g_assert_cmpstr (value, ==, "Universidad Tecnológica del Valle");

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  enlace_test_spin (20);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  app = enlace_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/views/preferences/identity/no-project", test_no_project);
  g_test_add_func ("/views/preferences/identity/institution", test_institution);
  g_test_add_func ("/views/preferences/language", test_language);
  g_test_add_func ("/views/preferences/identity/logo", test_logo);
  g_test_add_func ("/views/preferences/identity/from-window", test_from_window);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
