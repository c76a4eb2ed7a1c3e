/* test-fault-report.c: fault reports in the window (views/cases) under
 * Xvfb, on the demo campus: the new-case dialog's location picker, the
 * case page's physical check (the traced path hop by hop) and common
 * cause, closing the cause with a chosen case and its note, and the
 * open faults grouped by the object they share (Causas comunes). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-application.h"
#include "enlace-case-fault-section.h"
#include "enlace-case-new-dialog.h"
#include "enlace-case-page.h"
#include "enlace-demo.h"
#include "enlace-fault-groups.h"
#include "enlace-fault-location-picker.h"
#include "enlace-object-cases.h"
#include "enlace-object-form.h"
#include "enlace-faults.h"
#include "enlace-faulty.h"
#include "enlace-test-gtk.h"
#include "enlace-window-private.h"

static EnlaceApplication *app;

typedef struct
{
  EnlaceStore  *store;
  EnlaceWindow *window;
} Fixture;

static void
fixture_setup (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  enlace_store_set_user (f->store, "tester");
  g_assert_true (enlace_demo_populate (f->store, &error));
  g_assert_no_error (error);

  f->window = enlace_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
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

/* Opens a fault report at @where through the dialog's location picker. */
static gint64
report_at (Fixture    *f,
           const char *where,
           const char *who)
{
  g_autoptr(GError) error = NULL;
  EnlaceCaseNewDialog *dialog;
  EnlaceFaultLocationPicker *picker;
  GPtrArray *matches;
  gint64 id;

  dialog = ENLACE_CASE_NEW_DIALOG (_enlace_window_new_case (f->window, "internet-falla"));
  g_assert_nonnull (dialog);
  picker = ENLACE_FAULT_LOCATION_PICKER (enlace_case_new_dialog_get_location_picker (dialog));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (picker)));
  enlace_case_new_dialog_set_new_person (dialog, who, 0);
  g_assert_true (enlace_case_form_set_text (enlace_case_new_dialog_get_form (dialog), "symptom", "Sin red"));

  /* by the outlet's label: one match, picked */
  enlace_fault_location_picker_search (picker, where);
  matches = enlace_fault_location_picker_get_matches (picker);
  g_assert_cmpuint (matches->len, >=, 1);
  g_assert_true (enlace_fault_location_picker_select (picker, 0));
  g_assert_true (enlace_fault_location_picker_get_location (picker, NULL, NULL));
  id = enlace_case_new_dialog_confirm (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  enlace_test_spin (30);
  return id;
}

static void
test_location_picker (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  EnlaceCaseNewDialog *dialog;
  EnlaceFaultLocationPicker *picker;
  GPtrArray *matches;
  const char *kind = NULL;
  gint64 id, lid = 0, outlet;

  fixture_setup (&f);
  dialog = ENLACE_CASE_NEW_DIALOG (_enlace_window_new_case (f.window, "internet-falla"));
  picker = ENLACE_FAULT_LOCATION_PICKER (enlace_case_new_dialog_get_location_picker (dialog));
  enlace_case_new_dialog_set_new_person (dialog, "Jorge García", 0);
  g_assert_true (enlace_case_form_set_text (enlace_case_new_dialog_get_form (dialog), "symptom", "Sin red"));

  /* refused while nobody said where the user is */
  g_assert_cmpint (enlace_case_new_dialog_confirm (dialog, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (enlace_fault_location_picker_get_location (picker, NULL, NULL));

  /* a room gives its outlets; picking one places the fault there */
  enlace_fault_location_picker_search (picker, "A/0/");
  matches = enlace_fault_location_picker_get_matches (picker);
  g_assert_cmpuint (matches->len, >, 1);
  g_assert_cmpstr (((EnlaceFaultPlace *) g_ptr_array_index (matches, 0))->via, ==, "room");
  g_assert_false (enlace_fault_location_picker_select (picker, 999));
  enlace_test_spin (100);
  enlace_test_screenshot (GTK_WIDGET (dialog), "fault-new-dialog-room.png");
  /* an outlet's label: exactly one match is picked at once */
  enlace_fault_location_picker_search (picker, "A-0A-007");
  matches = enlace_fault_location_picker_get_matches (picker);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_true (enlace_fault_location_picker_get_location (picker, &kind, &lid));
  g_assert_cmpstr (kind, ==, "outlet");
  g_assert_cmpstr (enlace_fault_location_picker_get_title (picker), ==, "Outlet A-0A-007");
  outlet = enlace_store_lookup (f.store, "device", "A-0A-007", NULL);
  g_assert_cmpint (lid, ==, outlet);

  /* stored as the model stores it: the case's location link */
  id = enlace_case_new_dialog_confirm (dialog, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_fault_get_location (f.store, id, &kind, &lid));
  g_assert_cmpstr (kind, ==, "outlet");
  g_assert_cmpint (lid, ==, outlet);

  /* other procedures have no location picker */
  dialog = ENLACE_CASE_NEW_DIALOG (_enlace_window_new_case (f.window, "correo-alta"));
  g_assert_false (gtk_widget_is_visible (enlace_case_new_dialog_get_location_picker (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_teardown (&f);
}

static void
finish_steps (EnlaceStore *store,
              gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCase) c = enlace_case_get (store, id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < c->steps->len; i++)
    {
      EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);
      g_autoptr(JsonObject) v = json_object_new ();

      if (s->def->side == ENLACE_STEP_SIDE_REQUESTER)
        continue;
      json_object_set_string_member (v, "cause", "cordón de parcheo dañado");
      json_object_set_string_member (v, "solution", "cambio del cordón");
      g_assert_true (enlace_case_set_step (store, id, s->id, ENLACE_STEP_DONE, NULL, v, &error));
      g_assert_no_error (error);
    }
}

static void
test_case_page (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCaseRow) rb = NULL;
  g_autoptr(EnlaceCaseRow) rc = NULL;
  g_autofree char *check = NULL;
  EnlaceCaseFaultSection *section;
  EnlaceFaultResolveDialog *dialog;
  EnlaceFaultCause *top;
  GArray *offered;
  EnlacePage *page;
  gint64 a, b, c;

  fixture_setup (&f);
  a = report_at (&f, "A-0A-001", "Ana Ruiz");
  b = report_at (&f, "A-0A-003", "Beto Díaz");
  c = report_at (&f, "A-0A-005", "Carla Soto");

  enlace_window_show_object (f.window, "case", a);
  enlace_test_spin (50);
  page = enlace_window_get_visible_page (f.window);
  g_assert_true (ENLACE_IS_CASE_PAGE (page));
  section = ENLACE_CASE_FAULT_SECTION (enlace_case_page_get_fault_section (ENLACE_CASE_PAGE (page)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section)));

  /* the physical check: from the user's jack, hop by hop, with statuses */
  check = enlace_case_fault_section_dup_check_text (section);
  g_assert_true (g_str_has_prefix (check, "A-0A-001:"));
  g_assert_nonnull (strstr (check, "\tconnected\n"));
  g_assert_nonnull (strstr (check, "A-0A-PPA:"));

  /* the common cause: the panel, with the most open reports first */
  g_assert_cmpuint (enlace_case_fault_section_get_causes (section)->len, >=, 1);
  top = g_ptr_array_index (enlace_case_fault_section_get_causes (section), 0);
  g_assert_cmpuint (top->n_cases, ==, 3);
  g_assert_cmpstr (enlace_case_fault_section_get_cause_title (section, 0), ==,
                   "3 open reports pass through panel A-0A-PPA");

  /* closing the cause: the other two offered, each with its note */
  dialog = enlace_case_fault_section_open_resolve (section, 0);
  g_assert_nonnull (dialog);
  offered = enlace_fault_resolve_dialog_get_cases (dialog);
  g_assert_cmpuint (offered->len, ==, 2);
  /* refused while the case itself has steps to do: nothing changes */
  g_assert_false (enlace_fault_resolve_dialog_confirm (dialog, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  finish_steps (f.store, a);
  for (guint i = 0; i < offered->len; i++)
    {
      gint64 other = g_array_index (offered, gint64, i);

      if (other == c)
        enlace_fault_resolve_dialog_set_active (dialog, i, FALSE);
      else
        enlace_fault_resolve_dialog_set_note (dialog, i, "Se cambió el cordón del panel");
    }
  g_assert_true (enlace_fault_resolve_dialog_confirm (dialog, &error));
  g_assert_no_error (error);
  enlace_test_spin (50);
  rb = enlace_cases_get_row (f.store, b, &error);
  rc = enlace_cases_get_row (f.store, c, &error);
  g_assert_cmpint (rb->status, ==, ENLACE_CASE_RESOLVED);
  g_assert_cmpint (rc->status, !=, ENLACE_CASE_RESOLVED);

  /* the page follows: only c is still open, no cause is shared */
  g_assert_cmpuint (enlace_case_fault_section_get_causes (section)->len, ==, 0);

  /* one undo brings a and b back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  enlace_test_spin (50);
  g_clear_pointer (&rb, enlace_case_row_free);
  rb = enlace_cases_get_row (f.store, b, &error);
  g_assert_cmpint (rb->status, !=, ENLACE_CASE_RESOLVED);
  g_assert_cmpuint (enlace_case_fault_section_get_causes (section)->len, >=, 1);

  fixture_teardown (&f);
}

static void
test_groups (void)
{
  Fixture f = { 0 };
  EnlacePage *page;

  fixture_setup (&f);
  enlace_window_show_object (f.window, "fault-causes", 0);
  enlace_test_spin (30);
  page = enlace_window_get_visible_page (f.window);
  g_assert_true (ENLACE_IS_FAULT_GROUPS (page));
  g_assert_cmpuint (enlace_fault_groups_get_causes (ENLACE_FAULT_GROUPS (page))->len, ==, 0);

  report_at (&f, "A-0A-001", "Ana Ruiz");
  report_at (&f, "A-0A-003", "Beto Díaz");
  enlace_window_show_object (f.window, "fault-causes", 0);
  enlace_test_spin (30);
  page = enlace_window_get_visible_page (f.window);
  g_assert_true (ENLACE_IS_FAULT_GROUPS (page));
  g_assert_cmpuint (enlace_fault_groups_get_causes (ENLACE_FAULT_GROUPS (page))->len, >=, 1);
  g_assert_cmpstr (enlace_fault_groups_get_title (ENLACE_FAULT_GROUPS (page), 0), ==,
                   "2 open reports pass through panel A-0A-PPA");
  g_assert_cmpuint (enlace_fault_groups_get_n_cases (ENLACE_FAULT_GROUPS (page), 0), ==, 2);

  /* a third report joins the group as it is opened */
  report_at (&f, "A-0A-005", "Carla Soto");
  enlace_window_show_object (f.window, "fault-causes", 0);
  enlace_test_spin (30);
  page = enlace_window_get_visible_page (f.window);
  g_assert_cmpstr (enlace_fault_groups_get_title (ENLACE_FAULT_GROUPS (page), 0), ==,
                   "3 open reports pass through panel A-0A-PPA");
  g_assert_cmpuint (enlace_fault_groups_get_n_cases (ENLACE_FAULT_GROUPS (page), 0), ==, 3);
  fixture_teardown (&f);
}

/* The provider circuit's page: the fault reports that pointed at it. */
static void
test_circuit_outages (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  EnlaceObjectCases *outages;
  EnlacePage *page;
  gint64 circuit, a;

  fixture_setup (&f);
  circuit = enlace_store_lookup (f.store, "circuit", "TMX-INT-0457892", &error);
  g_assert_no_error (error);
  enlace_window_show_object (f.window, "circuit", circuit);
  enlace_test_spin (30);
  page = enlace_window_get_visible_page (f.window);
  g_assert_true (ENLACE_IS_OBJECT_FORM (page));
  outages = ENLACE_OBJECT_CASES (enlace_object_form_get_outages (ENLACE_OBJECT_FORM (page)));
  g_assert_cmpuint (enlace_object_cases_get_n_cases (outages), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (outages)));

  a = report_at (&f, "A-0A-001", "Ana Ruiz");
  g_assert_true (enlace_case_link (f.store, a, "circuit", circuit, &error));
  g_assert_no_error (error);
  enlace_window_show_object (f.window, "circuit", circuit);
  enlace_test_spin (30);
  page = enlace_window_get_visible_page (f.window);
  outages = ENLACE_OBJECT_CASES (enlace_object_form_get_outages (ENLACE_OBJECT_FORM (page)));
  g_assert_cmpuint (enlace_object_cases_get_n_cases (outages), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (outages)));

  /* another kind's form shows none */
  enlace_window_show_object (f.window, "building", enlace_store_lookup (f.store, "building", "A", NULL));
  enlace_window_show_object (f.window, "site", enlace_store_lookup (f.store, "site", "CC", NULL));
  fixture_teardown (&f);
}

/* "Marcar como averiado" on the detection step: recording the step done
 * with it on marks the patch cord in the same command; the extension's
 * status on its page is read-only with "Cambiar estado…". */
static void
test_mark_faulty (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCase) c = NULL;
  EnlaceCaseForm *form;
  EnlacePage *page;
  GtkWidget *button;
  gint64 a, detection = 0, other = 0, cable, ext;

  fixture_setup (&f);
  a = report_at (&f, "A-0A-001", "Ana Ruiz");
  c = enlace_case_get (f.store, a, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < c->steps->len; i++)
    {
      EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);

      if (enlace_fault_step_can_mark (s->def))
        detection = s->id;
      else if (other == 0)
        other = s->id;
    }
  g_assert_cmpint (detection, >, 0);
  enlace_window_show_object (f.window, "case", a);
  enlace_test_spin (50);
  page = enlace_window_get_visible_page (f.window);
  g_assert_true (ENLACE_IS_CASE_PAGE (page));
  g_assert_true (enlace_case_page_has_step_mark (ENLACE_CASE_PAGE (page), detection));
  g_assert_false (enlace_case_page_has_step_mark (ENLACE_CASE_PAGE (page), other));

  form = enlace_case_page_get_step_form (ENLACE_CASE_PAGE (page), detection);
  g_assert_nonnull (form);
  g_assert_true (enlace_case_form_set_text (form, "cause", "Cordón dañado"));
  g_assert_true (enlace_case_form_set_text (form, "failed_kind", "Cable"));
  g_assert_true (enlace_case_form_set_text (form, "failed_object", "PC-A-0A-A01"));
  enlace_case_page_set_step_mark_faulty (ENLACE_CASE_PAGE (page), detection, TRUE);
  g_assert_true (enlace_case_page_record_step (ENLACE_CASE_PAGE (page), detection, ENLACE_STEP_DONE));
  enlace_test_spin (50);
  cable = enlace_store_lookup (f.store, "cable", "PC-A-0A-A01", &error);
  g_assert_no_error (error);
  g_assert_true (enlace_faulty_is_marked (f.store, "cable", cable));
  /* one undo takes back the step and the mark */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  enlace_test_spin (50);
  g_assert_false (enlace_faulty_is_marked (f.store, "cable", cable));

  /* an extension's status: read-only, changed through a case */
  ext = enlace_store_lookup (f.store, "extension", "1001", &error);
  g_assert_no_error (error);
  /* the extension's page edits in the object form (win.edit-object) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.edit-object", "(sx)", "extension", ext));
  enlace_test_spin (30);
  page = enlace_window_get_visible_page (f.window);
  g_assert_true (ENLACE_IS_OBJECT_FORM (page));
  button = enlace_object_form_get_change_status_button (ENLACE_OBJECT_FORM (page));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  enlace_test_spin (30);
  {
    GList *toplevels = gtk_window_list_toplevels ();
    gboolean found = FALSE;

    for (GList *l = toplevels; l; l = l->next)
      if (ENLACE_IS_CASE_NEW_DIALOG (l->data))
        {
          found = TRUE;
          g_assert_cmpstr (enlace_case_new_dialog_get_procedure (l->data), ==, "extension-estado");
        }
    g_list_free (toplevels);
    g_assert_true (found);
  }
  fixture_teardown (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

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

  g_test_add_func ("/views/cases/fault/location-picker", test_location_picker);
  g_test_add_func ("/views/cases/fault/case-page", test_case_page);
  g_test_add_func ("/views/cases/fault/groups", test_groups);
  g_test_add_func ("/views/cases/fault/circuit-outages", test_circuit_outages);
  g_test_add_func ("/views/cases/fault/mark-faulty", test_mark_faulty);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
