/* test-install-gui.c: handing a design to installation in the GUI, under
 * Xvfb on the demo campus: the plan page's "Installation order…" makes
 * the order of Edificio C's ground floor and asks for its case; the
 * cable's page shows "Record a test…", whose dialog records a failed
 * test (the tested length becomes the cable's) and the page shows it; a
 * screenshot of the dialog (docs/screenshots/run-test-dialog-es.png when
 * run with LANGUAGE=es). */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "enlace-cable-test-view.h"
#include "enlace-demo.h"
#include "enlace-install.h"
#include "enlace-object-form.h"
#include "enlace-plan-page.h"
#include "enlace-run-test-dialog.h"
#include "enlace-test-gtk.h"

static void
on_activated (EnlacePage *page,
              const char *kind,
              gint64      id,
              gpointer    data)
{
  gint64 *case_id = data;

  if (g_strcmp0 (kind, "case") == 0)
    *case_id = id;
}

static void
test_install_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  AdwMessageDialog *dialog;
  GtkWidget *page, *window;
  gint64 floor_id, case_id = 0;

  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error) && enlace_demo_add_cases (store, &error) &&
                 enlace_demo_add_design (store, &error));
  floor_id = enlace_store_lookup (store, "floor", "C/0", &error);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (store, "device", "C-0A-001", NULL), >, 0);

  page = g_object_new (ENLACE_TYPE_PLAN_PAGE, NULL);
  g_signal_connect (page, "object-activated", G_CALLBACK (on_activated), &case_id);
  enlace_page_set_store (ENLACE_PAGE (page), store);
  enlace_page_set_object (ENLACE_PAGE (page), "plan/floor", floor_id);
  window = enlace_test_window (page, 1280, 800);
  enlace_test_spin (200);

  dialog = enlace_plan_page_install_order (ENLACE_PLAN_PAGE (page));
  g_assert_nonnull (dialog);
  enlace_test_spin (100);
  adw_message_dialog_response (dialog, "create");
  enlace_test_spin (200);
  /* the design moved into the order, whose case is shown */
  g_assert_cmpint (case_id, >, 0);
  g_assert_cmpint (enlace_store_lookup (store, "device", "C-0A-001", NULL), ==, 0);
  /* one command: undo brings the design back */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpint (enlace_store_lookup (store, "device", "C-0A-001", NULL), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  enlace_test_spin (50);
}

static void
test_record_test (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(JsonObject) cable = NULL;
  GtkWidget *form, *window, *view;
  GtkWindow *dialog;
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error) && enlace_demo_add_cases (store, &error) &&
                 enlace_demo_add_design (store, &error));
  id = enlace_store_lookup (store, "cable", "C-1A-001-D", &error);
  g_assert_no_error (error);

  form = g_object_new (ENLACE_TYPE_OBJECT_FORM, NULL);
  enlace_page_set_store (ENLACE_PAGE (form), store);
  enlace_page_set_object (ENLACE_PAGE (form), "cable", id);
  window = enlace_test_window (form, 900, 800);
  enlace_test_spin (200);
  view = enlace_object_form_get_cable_test (ENLACE_OBJECT_FORM (form));
  g_assert_true (gtk_widget_get_visible (view));
  g_assert_null (enlace_cable_test_view_get_text (ENLACE_CABLE_TEST_VIEW (view)));

  dialog = enlace_cable_test_view_record (ENLACE_CABLE_TEST_VIEW (view));
  g_assert_true (ENLACE_IS_RUN_TEST_DIALOG (dialog));
  /* a length that is not a number is refused and nothing changes */
  enlace_run_test_dialog_set (ENLACE_RUN_TEST_DIALOG (dialog), FALSE, "catorce", NULL);
  g_assert_false (enlace_run_test_dialog_apply (ENLACE_RUN_TEST_DIALOG (dialog), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (enlace_cable_test_get (store, id, NULL));

  enlace_run_test_dialog_set (ENLACE_RUN_TEST_DIALOG (dialog), FALSE, "14,0", "-2,5 dB");
  gtk_window_set_default_size (dialog, 560, 330);
  enlace_test_spin (300);
  enlace_test_screenshot (GTK_WIDGET (dialog), "run-test-dialog.png");
  g_assert_true (enlace_run_test_dialog_apply (ENLACE_RUN_TEST_DIALOG (dialog), &error));
  g_assert_no_error (error);
  gtk_window_destroy (dialog);
  enlace_test_spin (200);

  /* the model changed: the test, and the tested length is the cable's */
  cable = enlace_store_get (store, "cable", id, &error);
  g_assert_cmpfloat (json_object_get_double_member (cable, "length_m"), ==, 14.0);
  g_assert_cmpstr (json_object_get_string_member (cable, "status"), ==, "installed");
  /* the page shows it */
  g_assert_nonnull (enlace_cable_test_view_get_text (ENLACE_CABLE_TEST_VIEW (view)));
  g_assert_nonnull (strstr (enlace_cable_test_view_get_text (ENLACE_CABLE_TEST_VIEW (view)), "14"));
  enlace_test_screenshot (window, "cable-test-page.png");

  gtk_window_destroy (GTK_WINDOW (window));
  enlace_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ENLACE_LOCALEDIR");

  /* ENLACE_LOCALEDIR=BUILD/po LANGUAGE=es: the screenshot in Spanish */
  if (localedir)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  setlocale (LC_ALL, "");
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
  g_test_add_func ("/views/install/order", test_install_order);
  g_test_add_func ("/views/install/record-test", test_record_test);
  return g_test_run ();
}
