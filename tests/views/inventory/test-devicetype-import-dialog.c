/* test-devicetype-import-dialog.c: the device-type import dialog, under Xvfb */
#define G_LOG_DOMAIN "test-devicetype-import-dialog"
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "enlace-devicetype-import-dialog.h"

static char *
fixture (const char *sub)
{
  return g_build_filename (g_test_get_dir (G_TEST_DIST), "data", "devicetypes", sub, NULL);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until the import is over (with a deadline). */
static void
wait_until_done (EnlaceDevicetypeImportDialog *dialog)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (enlace_devicetype_import_dialog_get_running (dialog) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
spin (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

/* A visible label under @widget whose text is @text (or starts with it). */
static gboolean
has_label (GtkWidget  *widget,
           const char *text,
           gboolean    prefix)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_text (GTK_LABEL (widget));

      if (prefix ? g_str_has_prefix (label, text) : g_strcmp0 (label, text) == 0)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text, prefix))
      return TRUE;
  return FALSE;
}

static EnlaceStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  return store;
}

static void
test_import_folder (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autofree char *path = fixture (NULL);
  EnlaceDevicetypeImportDialog *dialog;
  EnlaceDeviceTypeImport *result;
  const char *text;
  guint changed = 0;

  g_signal_connect_swapped (store, "changed", G_CALLBACK (g_atomic_int_inc), &changed);

  dialog = enlace_devicetype_import_dialog_new (NULL, store);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (50);
  g_assert_cmpstr (enlace_devicetype_import_dialog_get_summary_text (dialog), ==, "");

  /* Nothing chosen: Import does nothing */
  enlace_devicetype_import_dialog_start (dialog);
  g_assert_false (enlace_devicetype_import_dialog_get_running (dialog));

  enlace_devicetype_import_dialog_set_path (dialog, path);
  g_assert_cmpstr (enlace_devicetype_import_dialog_get_path (dialog), ==, path);
  enlace_devicetype_import_dialog_start (dialog);
  g_assert_true (enlace_devicetype_import_dialog_get_running (dialog));
  wait_until_done (dialog);

  text = enlace_devicetype_import_dialog_get_summary_text (dialog);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Imported 11 device types"));
  g_assert_nonnull (strstr (text, "Skipped 3 files:"));
  g_assert_nonnull (strstr (text, "malformed.yaml:8:"));
  g_assert_nonnull (strstr (text, "it has only 24 module bays"));
  /* Shown as rows: the skipped files (relative to the folder, with the
   * line) and the imported types (with role and counts) */
  g_assert_true (has_label (GTK_WIDGET (dialog), "Imported 11 device types", TRUE));
  g_assert_true (has_label (GTK_WIDGET (dialog), "3 files skipped", FALSE));
  g_assert_true (has_label (GTK_WIDGET (dialog), "invalid/malformed.yaml", FALSE));
  g_assert_true (has_label (GTK_WIDGET (dialog), "Line 9: front port “Port 2” maps to rear port “Back 9”, which the file does not define", FALSE));
  g_assert_true (has_label (GTK_WIDGET (dialog),
                            "“Generic 24-port Copper Patch Panel” is already defined by Generic/24-port-copper-patch-panel.yaml in this import",
                            FALSE));
  g_assert_true (has_label (GTK_WIDGET (dialog), "Acme SW-48G-4X", FALSE));
  g_assert_true (has_label (GTK_WIDGET (dialog), "Switch · 53 interfaces", FALSE));

  result = enlace_devicetype_import_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->imported->len, ==, 11);
  g_assert_cmpuint (enlace_store_count (store, "device-type"), ==, 11);
  /* one command, one ::changed, on the main thread */
  g_assert_cmpuint (changed, ==, 1);

  /* Again: everything is a duplicate now */
  enlace_devicetype_import_dialog_start (dialog);
  wait_until_done (dialog);
  text = enlace_devicetype_import_dialog_get_summary_text (dialog);
  g_assert_nonnull (strstr (text, "Imported 0 device types"));
  g_assert_nonnull (strstr (text, "is already in the document"));
  g_assert_cmpuint (changed, ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_cancel (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autofree char *path = fixture (NULL);
  EnlaceDevicetypeImportDialog *dialog;

  dialog = enlace_devicetype_import_dialog_new (NULL, store);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  enlace_devicetype_import_dialog_set_path (dialog, path);
  enlace_devicetype_import_dialog_start (dialog);
  enlace_devicetype_import_dialog_cancel (dialog);
  wait_until_done (dialog);

  g_assert_cmpstr (enlace_devicetype_import_dialog_get_summary_text (dialog), ==,
                   "Import cancelled; nothing was changed.");
  g_assert_null (enlace_devicetype_import_dialog_get_result (dialog));
  g_assert_cmpuint (enlace_store_count (store, "device-type"), ==, 0);

  /* Closing while reading cancels and closes when the worker returns. */
  enlace_devicetype_import_dialog_start (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until_done (dialog);
  spin (20);
  g_assert_cmpuint (enlace_store_count (store, "device-type"), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  g_object_unref (dialog);
}

static void
test_missing_path (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  EnlaceDevicetypeImportDialog *dialog;

  dialog = enlace_devicetype_import_dialog_new (NULL, store);
  g_object_ref_sink (dialog);
  enlace_devicetype_import_dialog_set_path (dialog, "/nonexistent/device-types");
  enlace_devicetype_import_dialog_start (dialog);
  wait_until_done (dialog);
  g_assert_true (g_str_has_prefix (enlace_devicetype_import_dialog_get_summary_text (dialog),
                                   "Could not import: "));
  g_assert_nonnull (strstr (enlace_devicetype_import_dialog_get_summary_text (dialog), "does not exist"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/views/devicetype-import-dialog/import-folder", test_import_folder);
  g_test_add_func ("/views/devicetype-import-dialog/cancel", test_cancel);
  g_test_add_func ("/views/devicetype-import-dialog/missing-path", test_missing_path);

  return g_test_run ();
}
