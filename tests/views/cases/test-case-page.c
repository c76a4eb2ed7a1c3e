/* test-case-page.c: the case page in the window (views/cases, app/gui)
 * under Xvfb: open a case from the inbox, record a step, a refused
 * transition shows its message, undo restores, the new-case dialog.
 *
 * With ENLACE_CASES_SHOTS=FILE.enlace, /views/cases/page/screenshots
 * saves the inbox and the first case of FILE at 1280×800 and 1024×700 to
 * BUILD_DIR/screenshots/cases-*.png (run it with LANGUAGE=es and
 * ENLACE_LOCALEDIR set for the Spanish pictures). */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "enlace-application.h"
#include "enlace-case-new-dialog.h"
#include "enlace-case-page.h"
#include "enlace-fault-location-picker.h"
#include "enlace-cases-inbox.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"
#include "enlace-window-private.h"

static EnlaceApplication *app;

typedef struct
{
  EnlaceStore     *store;
  EnlaceWindow    *window;
  EnlaceTestPlant  ids;
  gint64           area, ana;
} Fixture;

static void
fixture_setup (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonObject) form = json_object_new ();

  f->store = enlace_test_plant_new (&f->ids);
  f->area = enlace_test_create (f->store, "area", "{\"code\": \"REC\", \"name\": \"Rectoría\"}");
  f->ana = enlace_test_create (f->store, "person", "{\"name\": \"Ana Gómez\", \"area_id\": %" G_GINT64_FORMAT "}", f->area);

  json_object_set_int_member (values, "requester_id", f->ana);
  json_object_set_string_member (values, "channel", "in-person");
  json_object_set_string_member (form, "requested_address", "agomez@example.edu");
  json_object_set_object_member (values, "form", g_steal_pointer (&form));
  g_assert_cmpint (enlace_case_open (f->store, "correo-alta", values, &error), >, 0);
  g_assert_no_error (error);

  f->window = enlace_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  enlace_window_set_store (f->window, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  enlace_test_spin (150);
}

static void
fixture_teardown (Fixture *f)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (l->data != f->window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
  gtk_window_destroy (GTK_WINDOW (f->window));
  enlace_test_spin (20);
  g_clear_object (&f->store);
}

static EnlaceCaseStep *
step_at (const EnlaceCase *kase,
         EnlaceStepSide    side,
         guint             position)
{
  for (guint i = 0; i < kase->steps->len; i++)
    {
      EnlaceCaseStep *step = g_ptr_array_index (kase->steps, i);
      if (step->def->side == side && step->def->position == position)
        return step;
    }
  g_assert_not_reached ();
  return NULL;
}

static EnlaceCasePage *
open_from_inbox (Fixture *f)
{
  EnlacePage *page;

  enlace_window_show_object (f->window, "cases", 0);
  enlace_test_spin (30);
  page = enlace_window_get_visible_page (f->window);
  g_assert_true (ENLACE_IS_CASES_INBOX (page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (enlace_cases_inbox_get_model (ENLACE_CASES_INBOX (page)))), ==, 1);

  /* Enter on the first row */
  enlace_cases_inbox_activate (ENLACE_CASES_INBOX (page), 0);
  enlace_test_spin (30);
  page = enlace_window_get_visible_page (f->window);
  g_assert_true (ENLACE_IS_CASE_PAGE (page));
  g_assert_nonnull (enlace_case_page_get_case (ENLACE_CASE_PAGE (page)));
  return ENLACE_CASE_PAGE (page);
}

static void
test_step_refusal_undo (void)
{
  Fixture f = { 0 };
  EnlaceCasePage *page;
  const EnlaceCase *kase;
  EnlaceCaseStep *step;
  EnlaceCaseForm *form;
  gint64 step_id;
  guint n_events;

  fixture_setup (&f);
  page = open_from_inbox (&f);
  kase = enlace_case_page_get_case (page);
  g_assert_cmpint (kase->row->status, ==, ENLACE_CASE_NEW);
  g_assert_nonnull (enlace_case_page_get_documents_box (page));
  /* new: start, wait?, cancel are offered */
  g_assert_cmpuint (enlace_case_page_list_transitions (page)->len, >=, 2);

  /* a form step refused without its required field, named in the bar */
  step_id = step_at (kase, ENLACE_STEP_SIDE_ADMINISTRATOR, 1)->id;
  g_assert_false (enlace_case_page_record_step (page, step_id, ENLACE_STEP_DONE));
  g_assert_nonnull (enlace_case_page_get_message (page));

  /* recorded with the field and a note */
  form = enlace_case_page_get_step_form (page, step_id);
  g_assert_nonnull (form);
  g_assert_true (enlace_case_form_set_text (form, "full_name", "Ana Gómez Ruiz"));
  enlace_case_page_set_step_note (page, step_id, "Datos tomados en ventanilla");
  n_events = kase->events->len;
  g_assert_true (enlace_case_page_record_step (page, step_id, ENLACE_STEP_DONE));
  g_assert_null (enlace_case_page_get_message (page));
  enlace_test_spin (30);
  kase = enlace_case_page_get_case (page);
  step = step_at (kase, ENLACE_STEP_SIDE_ADMINISTRATOR, 1);
  g_assert_cmpint (step->result, ==, ENLACE_STEP_DONE);
  g_assert_cmpstr (step->note, ==, "Datos tomados en ventanilla");
  g_assert_cmpuint (kase->events->len, >, n_events);
  /* setting a step starts the case */
  g_assert_cmpint (kase->row->status, ==, ENLACE_CASE_IN_PROGRESS);

  /* resolving is refused while "Creación de la cuenta" is pending: the
   * bar names the rule and nothing changes */
  g_assert_false (enlace_case_page_set_status (page, ENLACE_CASE_RESOLVED, NULL));
  g_assert_nonnull (enlace_case_page_get_message (page));
  g_test_message ("refused: %s", enlace_case_page_get_message (page));
  g_assert_nonnull (strstr (enlace_case_page_get_message (page), "step 2"));
  enlace_test_spin (20);
  g_assert_cmpint (enlace_case_page_get_case (page)->row->status, ==, ENLACE_CASE_IN_PROGRESS);

  /* cancelling needs a reason */
  g_assert_false (enlace_case_page_set_status (page, ENLACE_CASE_CANCELLED, NULL));

  /* a note on the timeline */
  n_events = enlace_case_page_get_case (page)->events->len;
  g_assert_true (enlace_case_page_add_note (page, "Llamó para preguntar", NULL, NULL, NULL));
  enlace_test_spin (20);
  g_assert_cmpuint (enlace_case_page_get_case (page)->events->len, ==, n_events + 1);

  /* the window's undo (Ctrl+Z) takes the note back, then the step */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  enlace_test_spin (30);
  g_assert_cmpuint (enlace_case_page_get_case (page)->events->len, ==, n_events);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  enlace_test_spin (30);
  kase = enlace_case_page_get_case (page);
  g_assert_cmpint (step_at (kase, ENLACE_STEP_SIDE_ADMINISTRATOR, 1)->result, ==, ENLACE_STEP_PENDING);
  g_assert_cmpint (kase->row->status, ==, ENLACE_CASE_NEW);

  fixture_teardown (&f);
}

static void
test_new_case_dialog (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  EnlaceCaseNewDialog *dialog;
  EnlacePage *page;
  gint64 id;

  fixture_setup (&f);
  enlace_window_show_object (f.window, "cases", 0);
  enlace_test_spin (30);

  dialog = ENLACE_CASE_NEW_DIALOG (_enlace_window_new_case (f.window, "internet-falla"));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (enlace_case_new_dialog_get_procedure (dialog), ==, "internet-falla");
  g_assert_nonnull (enlace_case_new_dialog_get_form (dialog));

  /* refused without a requester, and without the form's required field */
  g_assert_cmpint (enlace_case_new_dialog_confirm (dialog, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  enlace_case_new_dialog_set_new_person (dialog, "Jorge García", f.area);
  g_assert_cmpint (enlace_case_new_dialog_confirm (dialog, &error), ==, 0);
  g_clear_error (&error);
  g_assert_true (enlace_case_form_set_text (enlace_case_new_dialog_get_form (dialog), "symptom", "No hay red"));
  /* a fault report says where the user is */
  g_assert_cmpint (enlace_case_new_dialog_confirm (dialog, &error), ==, 0);
  g_clear_error (&error);
  enlace_fault_location_picker_set_location (ENLACE_FAULT_LOCATION_PICKER (enlace_case_new_dialog_get_location_picker (dialog)),
                                             "outlet", f.ids.outlet);

  /* opened with the new person, in one command; the window shows it */
  id = enlace_case_new_dialog_confirm (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  enlace_test_spin (30);
  page = enlace_window_get_visible_page (f.window);
  g_assert_true (ENLACE_IS_CASE_PAGE (page));
  g_assert_cmpint (enlace_page_get_object_id (page), ==, id);
  g_assert_cmpstr (enlace_case_page_get_case (ENLACE_CASE_PAGE (page))->row->requester, ==, "Jorge García");

  /* one undo takes the case and the new person back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  enlace_test_spin (30);
  g_assert_cmpint (enlace_store_lookup (f.store, "person", "Jorge García", NULL), ==, 0);
  g_assert_null (enlace_case_page_get_case (ENLACE_CASE_PAGE (page)));

  fixture_teardown (&f);
}

static void
shot (GtkWidget  *widget,
      const char *name)
{
  enlace_test_spin (300);
  gtk_widget_queue_draw (widget);
  enlace_test_spin (200);
  enlace_test_screenshot (widget, name);
}

static void
test_screenshots (void)
{
  const char *file = g_getenv ("ENLACE_CASES_SHOTS");
  const char *lang = g_getenv ("LANGUAGE");
  const char *folio = g_getenv ("ENLACE_CASES_SHOTS_FOLIO");
  g_autoptr(GError) error = NULL;
  static const int sizes[][2] = { { 1280, 800 }, { 1024, 700 } };

  if (file == NULL)
    {
      g_test_skip ("set ENLACE_CASES_SHOTS=FILE.enlace to take the screenshots");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      EnlaceWindow *window = enlace_window_new (GTK_APPLICATION (app));
      g_autofree char *inbox = g_strdup_printf ("cases-inbox-%s-%dx%d.png", lang ? lang : "en", sizes[i][0], sizes[i][1]);
      g_autofree char *kase = g_strdup_printf ("case-page-%s-%dx%d.png", lang ? lang : "en", sizes[i][0], sizes[i][1]);
      EnlacePage *page;
      gint64 id;

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i][0], sizes[i][1]);
      g_assert_true (enlace_window_open_path (window, file, &error));
      g_assert_no_error (error);
      gtk_window_present (GTK_WINDOW (window));
      enlace_window_show_object (window, "cases", 0);
      page = enlace_window_get_visible_page (window);
      enlace_cases_inbox_set_status_filter (ENLACE_CASES_INBOX (page), "all");
      shot (GTK_WIDGET (window), inbox);

      id = folio ? enlace_cases_lookup (enlace_window_get_store (window), folio, NULL)
                 : enlace_case_list_model_get_row (enlace_cases_inbox_get_model (ENLACE_CASES_INBOX (page)), 0)->id;
      enlace_window_show_object (window, "case", id);
      shot (GTK_WIDGET (window), kase);
      /* and its steps, further down */
      {
        GtkWidget *w = GTK_WIDGET (enlace_window_get_visible_page (window));
        g_autofree char *steps = g_strdup_printf ("case-page-steps-%s-%dx%d.png", lang ? lang : "en", sizes[i][0], sizes[i][1]);

        while (w && !GTK_IS_SCROLLED_WINDOW (w))
          {
            GtkWidget *next = gtk_widget_get_first_child (w);
            /* the page's box: message bar first, then the stack */
            if (GTK_IS_BOX (w))
              next = gtk_widget_get_last_child (w);
            if (GTK_IS_STACK (w))
              next = gtk_stack_get_visible_child (GTK_STACK (w));
            w = next;
          }
        g_assert_nonnull (w);
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (w)), 420);
        shot (GTK_WIDGET (window), steps);
      }
      gtk_window_destroy (GTK_WINDOW (window));
      enlace_test_spin (50);
    }
}

/* "Link…" on the case page: search, pick an outlet, it shows with its
 * trace; the row's remove button unlinks; a link to an object removed
 * since reads "KEY (removed)". */
static void
test_links (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  EnlaceCasePage *page;
  EnlaceCaseLinkDialog *dialog;
  g_autofree char *outlet = NULL;
  g_autofree char *removed = NULL;
  const char *kind = NULL;
  guint n, pick = G_MAXUINT;
  gint64 area;

  fixture_setup (&f);
  page = open_from_inbox (&f);
  g_assert_cmpuint (enlace_case_page_get_case (page)->links->len, ==, 0);

  outlet = enlace_store_dup_key (f.store, "device", f.ids.outlet);
  dialog = enlace_case_page_open_link_dialog (page);
  g_assert_nonnull (dialog);
  enlace_test_spin (20);
  enlace_case_link_dialog_set_text (dialog, outlet);
  n = enlace_case_link_dialog_get_n_results (dialog);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n && pick == G_MAXUINT; i++)
    if (g_strcmp0 (enlace_case_link_dialog_get_result (dialog, i, &kind), outlet) == 0 &&
        g_strcmp0 (kind, "outlet") == 0)
      pick = i;
  g_assert_cmpuint (pick, <, n);
  g_assert_true (enlace_case_link_dialog_choose (dialog, pick, &error));
  g_assert_no_error (error);
  enlace_test_spin (30);
  g_assert_cmpuint (enlace_case_page_get_case (page)->links->len, ==, 1);
  g_assert_cmpstr (enlace_case_page_get_link_title (page, 0), ==, outlet);

  /* the remove button of the row */
  g_assert_true (enlace_case_page_unlink (page, 0));
  enlace_test_spin (30);
  g_assert_cmpuint (enlace_case_page_get_case (page)->links->len, ==, 0);
  g_assert_null (enlace_case_page_get_link_title (page, 0));

  /* an object removed after it was linked */
  area = enlace_test_create (f.store, "area", "{\"code\": \"SW-B2\", \"name\": \"Sala B2\"}");
  g_assert_true (enlace_case_link (f.store, enlace_case_page_get_case (page)->row->id, "area", area, &error));
  g_assert_true (enlace_store_delete (f.store, "area", area, &error));
  g_assert_no_error (error);
  enlace_test_spin (30);
  removed = g_strdup_printf (_("%s (removed)"), "SW-B2");
  g_assert_cmpstr (enlace_case_page_get_link_title (page, 0), ==, removed);
  fixture_teardown (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("ENLACE_LOCALEDIR");
  int ret;

  setlocale (LC_ALL, "");
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

  app = enlace_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/views/cases/page/step-refusal-undo", test_step_refusal_undo);
  g_test_add_func ("/views/cases/page/new-case-dialog", test_new_case_dialog);
  g_test_add_func ("/views/cases/page/links", test_links);
  g_test_add_func ("/views/cases/page/screenshots", test_screenshots);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
