/* test-csv-import-assistant.c: the CSV import assistant under Xvfb: file →
 * mapping → preview with the refused rows → import in a worker thread (a
 * connection of its own), one undoable command seen by the window's
 * store; Cancel during an import leaves the project as it was.  Saves the
 * preview as BUILD_DIR/screenshots/csv-import-LANG.png (the README's). */
#define G_LOG_DOMAIN "test-csv-import-assistant"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "enlace-csv-import-assistant.h"
#include "enlace-demo.h"
#include "enlace-i18n.h"
#include "enlace-test-gtk.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins until the assistant shows @step (with a deadline). */
static void
wait_for_step (EnlaceCsvImportAssistant *a,
               const char               *step)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (strcmp (enlace_csv_import_assistant_get_step (a), step) != 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
changed_cb (EnlaceStore     *store,
            EnlaceChangeSet *set,
            gpointer         user_data)
{
  guint *n = user_data;

  /* the import, committed by the worker's connection: reload everything */
  if (set->bulk)
    (*n)++;
}

static EnlaceStore *
demo_file (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "demo.enlace", NULL);
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);
  return store;
}

static void
test_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("enlace-csv-assistant-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "areas.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(EnlaceStore) store = demo_file (dir);
  g_autoptr(GError) error = NULL;
  EnlaceCsvImportAssistant *a;
  guint n_areas = enlace_store_count (store, "area");
  guint changed = 0;
  g_autofree char *shot = g_strdup_printf ("csv-import-%s.png",
                                           g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "es") ? "es" : "en");

  /* a department's sheet: ';', its own headers, a duplicate and an empty name */
  g_assert_true (g_file_set_contents (csv,
                                      "Clave;Nombre del área;Depende de;Responsable\r\n"
                                      "CSV-SIS;Sistemas;;Ing. Pérez\r\n"
                                      "CSV-RED;Redes;CSV-SIS;Ing. Gómez\r\n"
                                      "CSV-SIS;Sistemas otra vez;;\r\n"
                                      "CSV-SOP;;CSV-SIS;Lic. Ruiz\r\n"
                                      "CSV-TEL;Telefonía;CSV-SIS;\r\n", -1, NULL));
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changed);

  a = ENLACE_CSV_IMPORT_ASSISTANT (enlace_csv_import_assistant_new (NULL, store, "area"));
  gtk_window_present (GTK_WINDOW (a));
  g_assert_cmpstr (enlace_csv_import_assistant_get_step (a), ==, "file");
  g_assert_true (enlace_csv_import_assistant_set_file (a, file, &error));
  g_assert_no_error (error);

  enlace_csv_import_assistant_next (a);
  g_assert_cmpstr (enlace_csv_import_assistant_get_step (a), ==, "mapping");
  enlace_csv_import_assistant_map_column (a, 0, "code");
  enlace_csv_import_assistant_map_column (a, 1, "name");
  enlace_csv_import_assistant_map_column (a, 2, "parent_id");
  enlace_csv_import_assistant_map_column (a, 3, NULL);
  {
    g_autofree char *mapping_shot = g_strdup_printf ("csv-import-mapping-%s", shot + strlen ("csv-import-"));

    enlace_test_spin (300);
    enlace_test_screenshot (GTK_WIDGET (a), mapping_shot);
  }

  /* the preview: a dry run in the worker, nothing written */
  enlace_csv_import_assistant_next (a);
  wait_for_step (a, "preview");
  g_assert_cmpuint (enlace_csv_import_assistant_get_n_refused (a), ==, 2);
  g_assert_cmpuint (enlace_store_count (store, "area"), ==, n_areas);
  g_assert_cmpuint (changed, ==, 0);
  enlace_test_spin (300);
  enlace_test_screenshot (GTK_WIDGET (a), shot);

  /* the import: the good rows, one command, seen by the window's store */
  enlace_csv_import_assistant_next (a);
  wait_for_step (a, "done");
  g_assert_cmpuint (enlace_csv_import_assistant_get_n_imported (a), ==, 3);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (enlace_store_count (store, "area"), ==, n_areas + 3);
  g_assert_cmpint (enlace_store_lookup (store, "area", "CSV-RED", NULL), >, 0);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "area"), ==, n_areas);

  enlace_csv_import_assistant_next (a);  /* Close */
  enlace_test_spin (50);

  /* the mapping is remembered for the same header row */
  a = ENLACE_CSV_IMPORT_ASSISTANT (enlace_csv_import_assistant_new (NULL, store, "area"));
  g_assert_true (enlace_csv_import_assistant_set_file (a, file, &error));
  enlace_csv_import_assistant_next (a);
  enlace_csv_import_assistant_set_all_or_nothing (a, TRUE);
  enlace_csv_import_assistant_next (a);
  wait_for_step (a, "preview");
  g_assert_cmpuint (enlace_csv_import_assistant_get_n_refused (a), ==, 2);
  /* all or nothing: nothing */
  enlace_csv_import_assistant_next (a);
  wait_for_step (a, "done");
  g_assert_cmpuint (enlace_csv_import_assistant_get_n_imported (a), ==, 0);
  g_assert_cmpuint (enlace_store_count (store, "area"), ==, n_areas);
  gtk_window_destroy (GTK_WINDOW (a));

  g_unlink (csv);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (dir);
}

static void
test_cancel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("enlace-csv-assistant-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "people.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(EnlaceStore) store = demo_file (dir);
  g_autoptr(GError) error = NULL;
  GString *s = g_string_new ("name,email\n");
  EnlaceCsvImportAssistant *a;
  guint n = enlace_store_count (store, "person");

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (s, "Persona %05u,p%u@example.org\n", i, i);
  g_assert_true (g_file_set_contents (csv, s->str, (gssize) s->len, NULL));
  g_string_free (s, TRUE);

  a = ENLACE_CSV_IMPORT_ASSISTANT (enlace_csv_import_assistant_new (NULL, store, "person"));
  gtk_window_present (GTK_WINDOW (a));
  g_assert_true (enlace_csv_import_assistant_set_file (a, file, &error));
  enlace_csv_import_assistant_next (a);
  enlace_csv_import_assistant_next (a);
  wait_for_step (a, "preview");
  g_assert_cmpuint (enlace_csv_import_assistant_get_n_refused (a), ==, 0);
  enlace_csv_import_assistant_next (a);
  g_assert_cmpstr (enlace_csv_import_assistant_get_step (a), ==, "progress");
  /* Cancel, as the window's close button does while it runs */
  gtk_window_close (GTK_WINDOW (a));
  wait_for_step (a, "done");
  g_assert_cmpuint (enlace_csv_import_assistant_get_n_imported (a), ==, 0);
  g_assert_cmpuint (enlace_store_count (store, "person"), ==, n);
  gtk_window_destroy (GTK_WINDOW (a));
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  enlace_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/views/csv-import-assistant/import", test_import);
  g_test_add_func ("/views/csv-import-assistant/cancel", test_cancel);

  return g_test_run ();
}
