/* test-case-quotes.c: the quotes section of a technical opinion's case
 * page and the status history of an extension's page, in the window under
 * Xvfb: a quote added and edited through its dialog, a refused one, the
 * comparison against the requirements, the resolution dialog, undo; the
 * history row of a change made through a case names the case. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "enlace-application.h"
#include "enlace-case-new-dialog.h"
#include "enlace-case-page.h"
#include "enlace-case-quotes-section.h"
#include "enlace-extension-history-view.h"
#include "enlace-opinions.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"
#include "enlace-window-private.h"

static EnlaceApplication *app;

typedef struct
{
  EnlaceStore     *store;
  EnlaceWindow    *window;
  EnlaceTestPlant  ids;
  gint64           case_id;
  gint64           person;
} Fixture;

static void
fixture_setup (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonObject) form = json_object_new ();
  gint64 area, person;

  f->store = enlace_test_plant_new (&f->ids);
  area = enlace_test_create (f->store, "area", "{\"code\": \"LAB\", \"name\": \"Laboratorios\"}");
  person = enlace_test_create (f->store, "person", "{\"name\": \"Luis Ortega\", \"area_id\": %" G_GINT64_FORMAT "}", area);
  f->person = person;
  json_object_set_int_member (values, "requester_id", person);
  json_object_set_string_member (form, "equipment", "Proyectores para aulas");
  json_object_set_int_member (form, "quantity", 4);
  json_object_set_string_member (form, "requirements", "4000 lúmenes, HDMI");
  json_object_set_object_member (values, "form", g_steal_pointer (&form));
  f->case_id = enlace_case_open (f->store, "dictamen", values, &error);
  g_assert_no_error (error);

  f->window = enlace_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  enlace_window_set_store (f->window, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  enlace_test_spin (100);
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

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found)
        return found;
    }
  return NULL;
}

static void
set_entry (GtkWidget  *dialog,
           const char *name,
           const char *text)
{
  GtkWidget *w = find_named (dialog, name);

  g_assert_nonnull (w);
  gtk_editable_set_text (GTK_EDITABLE (w), text);
}

static const char *
cell (GtkGrid *grid,
      int      column,
      int      row)
{
  GtkWidget *w = gtk_grid_get_child_at (grid, column, row);

  g_assert_true (GTK_IS_LABEL (w));
  return gtk_label_get_text (GTK_LABEL (w));
}

/* The row of the comparison whose first cell is @label. */
static int
grid_row (GtkGrid    *grid,
          const char *label)
{
  for (int r = 0; r < 20; r++)
    {
      GtkWidget *w = gtk_grid_get_child_at (grid, 0, r);

      if (w && g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), label) == 0)
        return r;
    }
  g_assert_not_reached ();
  return -1;
}

static EnlaceCaseQuotesSection *
section_of (Fixture *f)
{
  EnlacePage *page;

  enlace_window_show_object (f->window, "case", f->case_id);
  enlace_test_spin (30);
  page = enlace_window_get_visible_page (f->window);
  g_assert_true (ENLACE_IS_CASE_PAGE (page));
  return ENLACE_CASE_QUOTES_SECTION (enlace_case_page_get_quotes_section (ENLACE_CASE_PAGE (page)));
}

static void
test_quotes (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(EnlaceOpinion) op = NULL;
  EnlaceCaseQuotesSection *section;
  GtkWidget *dialog;
  GtkGrid *grid;
  int r;

  fixture_setup (&f);
  section = section_of (&f);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section)));
  g_assert_cmpuint (enlace_case_quotes_section_get_n_quotes (section), ==, 0);

  /* add through the dialog: one command */
  dialog = enlace_case_quotes_section_quote_dialog (section, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  set_entry (dialog, "vendor", "Audiovisual del Centro");
  set_entry (dialog, "item", "Proyector");
  set_entry (dialog, "brand", "Epson");
  set_entry (dialog, "model", "PowerLite E20");
  set_entry (dialog, "specification", "3400 lúmenes, HDMI");
  set_entry (dialog, "unit_price", "12,500.00");
  set_entry (dialog, "quantity", "4");
  set_entry (dialog, "delivery_days", "8");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (dialog, "meets")), 2); /* no */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  enlace_test_spin (50);
  g_assert_cmpuint (enlace_case_quotes_section_get_n_quotes (section), ==, 1);

  /* a refused one: the price is not a number; nothing is added */
  dialog = enlace_case_quotes_section_quote_dialog (section, 0);
  set_entry (dialog, "vendor", "X");
  set_entry (dialog, "item", "Proyector");
  set_entry (dialog, "unit_price", "mucho");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  enlace_test_spin (50);
  g_assert_cmpuint (enlace_case_quotes_section_get_n_quotes (section), ==, 1);

  dialog = enlace_case_quotes_section_quote_dialog (section, 0);
  set_entry (dialog, "vendor", "Proyecta");
  set_entry (dialog, "item", "Proyector");
  set_entry (dialog, "brand", "BenQ");
  set_entry (dialog, "model", "MW560");
  set_entry (dialog, "specification", "4000 lúmenes, HDMI");
  set_entry (dialog, "unit_price", "13100");
  set_entry (dialog, "quantity", "4");
  set_entry (dialog, "warranty_months", "24");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (dialog, "meets")), 1); /* yes */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  enlace_test_spin (50);
  g_assert_cmpuint (enlace_case_quotes_section_get_n_quotes (section), ==, 2);

  /* the comparison: the requirement, then one column per quote */
  grid = enlace_case_quotes_section_get_comparison (section);
  g_assert_cmpstr (cell (grid, 2, 0), ==, "1. Audiovisual del Centro");
  g_assert_cmpstr (cell (grid, 3, 0), ==, "2. Proyecta");
  r = grid_row (grid, "Specification");
  g_assert_cmpstr (cell (grid, 1, r), ==, "4000 lúmenes, HDMI");
  r = grid_row (grid, "Quantity");
  g_assert_cmpstr (cell (grid, 1, r), ==, "4");
  r = grid_row (grid, "Total");
  g_assert_cmpstr (cell (grid, 2, r), ==, "50,000.00 MXN");
  g_assert_cmpstr (cell (grid, 3, r), ==, "52,400.00 MXN");
  r = grid_row (grid, "Meets the requirements");
  g_assert_cmpstr (cell (grid, 2, r), ==, "No");
  g_assert_cmpstr (cell (grid, 3, r), ==, "Yes");

  /* edit the first: the price changes, the rest stays */
  quotes = enlace_opinion_quotes (f.store, f.case_id, &error);
  dialog = enlace_case_quotes_section_quote_dialog (section, ((EnlaceQuote *) g_ptr_array_index (quotes, 0))->id);
  set_entry (dialog, "unit_price", "12000");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  enlace_test_spin (50);
  grid = enlace_case_quotes_section_get_comparison (section);
  g_assert_cmpstr (cell (grid, 2, grid_row (grid, "Total")), ==, "48,000.00 MXN");
  g_assert_cmpstr (cell (grid, 2, grid_row (grid, "Brand and model")), ==, "Epson PowerLite E20");

  /* the resolution: favourable, recommending quote 2 */
  dialog = enlace_case_quotes_section_resolve_dialog (section);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (dialog, "verdict")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (dialog, "recommended")), 2);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (dialog, "reasons"))),
                            "La única que cumple los 4000 lúmenes", -1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "resolve");
  enlace_test_spin (50);
  op = enlace_opinion_get (f.store, f.case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (op->result, ==, ENLACE_OPINION_FAVOURABLE);
  g_assert_cmpuint (op->quote_seq, ==, 2);
  g_assert_cmpstr (op->reasons, ==, "La única que cumple los 4000 lúmenes");
  grid = enlace_case_quotes_section_get_comparison (section);
  g_assert_cmpstr (cell (grid, 3, grid_row (grid, "Recommended")), ==, "Recommended");

  /* each action is one command: undo takes the resolution back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  enlace_test_spin (50);
  g_clear_pointer (&op, enlace_opinion_free);
  op = enlace_opinion_get (f.store, f.case_id, &error);
  g_assert_cmpint (op->result, ==, ENLACE_OPINION_NONE);
  g_assert_cmpuint (enlace_case_quotes_section_get_n_quotes (section), ==, 2);

  fixture_teardown (&f);
}

static void
test_extension_history (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonObject) form = json_object_new ();
  GtkWidget *view;
  EnlacePage *page;
  gint64 ext, case_id, step;

  fixture_setup (&f);
  ext = enlace_test_create (f.store, "extension", "{\"number\": \"3101\", \"holder\": \"Caseta\"}");
  json_object_set_string_member (form, "extension", "3101");
  json_object_set_string_member (form, "status", "Suspendida");
  json_object_set_string_member (form, "reason", "Caseta cerrada por obra");
  json_object_set_object_member (values, "form", g_steal_pointer (&form));
  case_id = enlace_case_open (f.store, "extension-estado", values, &error);
  g_assert_no_error (error);

  enlace_window_show_object (f.window, "extension", ext);
  enlace_test_spin (30);
  page = enlace_window_get_visible_page (f.window);
  view = NULL;
  /* the history view is in the page */
  {
    GtkWidget *stack = GTK_WIDGET (page);
    GQueue queue = G_QUEUE_INIT;

    g_queue_push_tail (&queue, stack);
    while (!g_queue_is_empty (&queue) && view == NULL)
      {
        GtkWidget *w = g_queue_pop_head (&queue);

        if (ENLACE_IS_EXTENSION_HISTORY_VIEW (w))
          view = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_queue_push_tail (&queue, c);
      }
    g_queue_clear (&queue);
  }
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_visible (view));
  g_assert_cmpuint (enlace_extension_history_view_get_n_changes (ENLACE_EXTENSION_HISTORY_VIEW (view)), ==, 0);

  step = enlace_case_find_step (f.store, case_id, ENLACE_STEP_SIDE_ADMINISTRATOR, 4, &error);
  g_assert_true (enlace_case_set_step (f.store, case_id, step, ENLACE_STEP_DONE, NULL, NULL, &error));
  g_assert_no_error (error);
  enlace_test_spin (50);
  g_assert_cmpuint (enlace_extension_history_view_get_n_changes (ENLACE_EXTENSION_HISTORY_VIEW (view)), ==, 1);
  g_assert_cmpuint (enlace_extension_history_view_get_n_cases (ENLACE_EXTENSION_HISTORY_VIEW (view)), ==, 1);

  /* "Change status…": a new case of extension-estado for this extension */
  {
    GtkWidget *dialog = enlace_extension_history_view_new_case (ENLACE_EXTENSION_HISTORY_VIEW (view));
    EnlaceCaseForm *new_form;
    g_autoptr(EnlaceCase) opened = NULL;
    gint64 new_id;

    g_assert_nonnull (dialog);
    new_form = enlace_case_new_dialog_get_form (ENLACE_CASE_NEW_DIALOG (dialog));
    g_assert_nonnull (new_form);
    g_assert_true (enlace_case_form_set_text (new_form, "status", "Activa"));
    g_assert_true (enlace_case_form_set_text (new_form, "reason", "Reapertura de la caseta"));
    enlace_case_new_dialog_set_requester (ENLACE_CASE_NEW_DIALOG (dialog), f.person);
    new_id = enlace_case_new_dialog_confirm (ENLACE_CASE_NEW_DIALOG (dialog), &error);
    g_assert_no_error (error);
    g_assert_cmpint (new_id, >, 0);
    opened = enlace_case_get (f.store, new_id, &error);
    g_assert_cmpstr (opened->procedure->code, ==, "extension-estado");
    g_assert_cmpstr (json_object_get_string_member (opened->form, "extension"), ==, "3101");
    enlace_test_spin (30);
    g_assert_true (ENLACE_IS_CASE_PAGE (enlace_window_get_visible_page (f.window)));
  }

  /* another kind of object: no history shown (the extension's page,
   * which holds it, is not on screen) */
  enlace_window_show_object (f.window, "area", enlace_test_create (f.store, "area", "{\"code\": \"X\", \"name\": \"X\"}"));
  enlace_test_spin (30);
  g_assert_false (gtk_widget_get_mapped (view));

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

  g_test_add_func ("/views/cases/quotes/quotes", test_quotes);
  g_test_add_func ("/views/cases/quotes/extension-history", test_extension_history);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
