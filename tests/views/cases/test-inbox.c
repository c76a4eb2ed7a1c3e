/* test-inbox.c: the inbox of cases (views/cases) under Xvfb: filters,
 * counts, search by folio and name, opening a case, following undo, pages
 * read as the list is scrolled. */
#include "config.h"

#include <string.h>

#include "enlace-cases-inbox.h"
#include "enlace-cases.h"
#include "enlace-generate-cases.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"

typedef struct
{
  EnlaceStore     *store;
  EnlaceTestPlant  ids;
  gint64           area, other_area, ana, luis, staff;
  gint64           c1, c2, c3;
  GtkWidget       *window;
  EnlaceCasesInbox *inbox;
  char            *activated_kind;
  gint64           activated_id;
} Fixture;

static gint64
open_case (EnlaceStore *store,
           const char  *code,
           gint64       requester,
           const char  *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  gint64 id;

  json_object_set_int_member (values, "requester_id", requester);
  json_object_set_string_member (values, "channel", "phone");
  json_object_set_string_member (values, "summary", summary);
  id = enlace_case_open (store, code, values, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
activated_cb (EnlacePage *page,
              const char *kind,
              gint64      id,
              Fixture    *f)
{
  g_free (f->activated_kind);
  f->activated_kind = g_strdup (kind);
  f->activated_id = id;
}

static void
fixture_setup (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = enlace_test_plant_new (&f->ids);
  f->area = enlace_test_create (f->store, "area", "{\"code\": \"REC\", \"name\": \"Rectoría\"}");
  f->other_area = enlace_test_create (f->store, "area", "{\"code\": \"BIB\", \"name\": \"Biblioteca\"}");
  f->ana = enlace_test_create (f->store, "person", "{\"name\": \"Ana Gómez\", \"area_id\": %" G_GINT64_FORMAT "}", f->area);
  f->luis = enlace_test_create (f->store, "person", "{\"name\": \"Luis Pérez\", \"area_id\": %" G_GINT64_FORMAT "}", f->other_area);

  f->c1 = open_case (f->store, "correo-alta", f->ana, "Cuenta para la rectora");
  f->c2 = open_case (f->store, "correo-alta", f->luis, "Cuenta del catálogo");
  f->c3 = open_case (f->store, "internet-falla", f->luis, "Sin red en la sala de lectura");
  g_assert_true (enlace_case_set_status (f->store, f->c3, ENLACE_CASE_IN_PROGRESS, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_case_set_status (f->store, f->c3, ENLACE_CASE_WAITING, NULL, &error));
  g_assert_no_error (error);

  f->inbox = g_object_new (ENLACE_TYPE_CASES_INBOX, NULL);
  g_signal_connect (f->inbox, "object-activated", G_CALLBACK (activated_cb), f);
  enlace_page_set_store (ENLACE_PAGE (f->inbox), f->store);
  f->window = enlace_test_window (GTK_WIDGET (f->inbox), 1024, 700);
  enlace_page_set_object (ENLACE_PAGE (f->inbox), "cases", 0);
  enlace_test_spin (30);
}

static void
fixture_teardown (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  enlace_test_spin (20);
  g_clear_object (&f->store);
  g_clear_pointer (&f->activated_kind, g_free);
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (enlace_cases_inbox_get_model (f->inbox)));
}

static void
test_filters (void)
{
  Fixture f = { 0 };
  const EnlaceCaseRow *row;

  fixture_setup (&f);

  /* open cases, newest first, and the counts */
  g_assert_cmpuint (n_rows (&f), ==, 3);
  row = enlace_case_list_model_get_row (enlace_cases_inbox_get_model (f.inbox), 0);
  g_assert_cmpint (row->id, ==, f.c3);
  g_assert_nonnull (strstr (enlace_cases_inbox_get_counts_text (f.inbox), "3 open"));

  enlace_cases_inbox_set_status_filter (f.inbox, "waiting");
  g_assert_cmpuint (n_rows (&f), ==, 1);
  enlace_cases_inbox_set_status_filter (f.inbox, "new");
  g_assert_cmpuint (n_rows (&f), ==, 2);
  enlace_cases_inbox_set_status_filter (f.inbox, "closed");
  g_assert_cmpuint (n_rows (&f), ==, 0);
  enlace_cases_inbox_set_status_filter (f.inbox, "all");
  g_assert_cmpuint (n_rows (&f), ==, 3);

  enlace_cases_inbox_set_procedure_filter (f.inbox, "internet-falla");
  g_assert_cmpstr (enlace_cases_inbox_get_procedure_filter (f.inbox), ==, "internet-falla");
  g_assert_cmpuint (n_rows (&f), ==, 1);
  enlace_cases_inbox_set_procedure_filter (f.inbox, NULL);
  g_assert_cmpuint (n_rows (&f), ==, 3);

  enlace_cases_inbox_set_area_filter (f.inbox, f.other_area);
  g_assert_cmpuint (n_rows (&f), ==, 2);
  enlace_cases_inbox_set_area_filter (f.inbox, 0);

  /* "mine": nobody on the staff is named like the user */
  g_assert_false (enlace_cases_inbox_set_mine (f.inbox, TRUE));
  g_assert_cmpuint (n_rows (&f), ==, 3);

  /* search by folio, by the requester's name, by text */
  row = enlace_case_list_model_get_row (enlace_cases_inbox_get_model (f.inbox), 2);
  {
    g_autofree char *folio = g_strdup (row->folio);
    enlace_cases_inbox_set_search (f.inbox, folio);
    g_assert_cmpuint (n_rows (&f), ==, 1);
    g_assert_cmpstr (enlace_case_list_model_get_row (enlace_cases_inbox_get_model (f.inbox), 0)->folio, ==, folio);
  }
  enlace_cases_inbox_set_search (f.inbox, "Luis");
  g_assert_cmpuint (n_rows (&f), ==, 2);
  enlace_cases_inbox_set_search (f.inbox, "no such case anywhere");
  g_assert_cmpuint (n_rows (&f), ==, 0);
  enlace_cases_inbox_set_search (f.inbox, NULL);
  g_assert_cmpuint (n_rows (&f), ==, 3);
  g_assert_cmpint (enlace_cases_inbox_get_last_load_us (f.inbox), <, 5 * G_USEC_PER_SEC);

  fixture_teardown (&f);
}

static void
test_open_and_undo (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;

  fixture_setup (&f);

  /* Enter on a row opens its case */
  enlace_cases_inbox_activate (f.inbox, 1);
  g_assert_cmpstr (f.activated_kind, ==, "case");
  g_assert_cmpint (f.activated_id, ==, enlace_case_list_model_get_row (enlace_cases_inbox_get_model (f.inbox), 1)->id);

  /* the list follows the store: a new case, then its undo */
  open_case (f.store, "correo-baja", f.ana, "Baja por jubilación");
  enlace_test_spin (20);
  g_assert_cmpuint (n_rows (&f), ==, 4);
  g_assert_true (enlace_store_undo (f.store, &error));
  g_assert_no_error (error);
  enlace_test_spin (20);
  g_assert_cmpuint (n_rows (&f), ==, 3);

  fixture_teardown (&f);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  EnlaceCasesInbox *inbox;
  GtkWidget *window;

  g_assert_no_error (error);
  inbox = g_object_new (ENLACE_TYPE_CASES_INBOX, NULL);
  enlace_page_set_store (ENLACE_PAGE (inbox), store);
  window = enlace_test_window (GTK_WIDGET (inbox), 1024, 700);
  enlace_page_set_object (ENLACE_PAGE (inbox), "cases", 0);
  enlace_test_spin (30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (enlace_cases_inbox_get_model (inbox))), ==, 0);
  g_assert_nonnull (strstr (enlace_cases_inbox_get_counts_text (inbox), "0 cases shown"));
  enlace_test_screenshot (GTK_WIDGET (inbox), "cases-inbox-empty.png");
  gtk_window_destroy (GTK_WINDOW (window));
  enlace_test_spin (20);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* 700 cases: the list has them all but reads them a page at a time, in
 * order, none twice; a selected row deep in the list stays selected when
 * the store changes. */
static void
test_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(GPtrArray) all = NULL;
  EnlaceCasesInbox *inbox;
  EnlaceCaseListModel *model;
  GtkWidget *window;
  gint64 deep_id;

  g_assert_no_error (error);
  g_assert_true (enlace_generate_cases (store, 700, 7, &error));
  g_assert_no_error (error);
  all = enlace_cases_query (store, &(EnlaceCaseFilter) { 0 }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 700);

  inbox = g_object_new (ENLACE_TYPE_CASES_INBOX, NULL);
  enlace_page_set_store (ENLACE_PAGE (inbox), store);
  window = enlace_test_window (GTK_WIDGET (inbox), 1024, 700);
  enlace_page_set_object (ENLACE_PAGE (inbox), "cases", 0);
  enlace_cases_inbox_set_status_filter (inbox, "all");
  enlace_test_spin (30);
  model = enlace_cases_inbox_get_model (inbox);

  /* every case counted, one page read */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 700);
  g_assert_cmpuint (enlace_case_list_model_get_n_loaded (model), ==, ENLACE_CASE_LIST_PAGE);
  g_assert_nonnull (strstr (enlace_cases_inbox_get_counts_text (inbox), "700 cases shown"));

  /* a row further down reads the pages up to it; the same rows, in the
   * same order, as one query of them all */
  g_assert_cmpint (enlace_case_list_model_get_row (model, 450)->id, ==,
                   ((EnlaceCaseRow *) g_ptr_array_index (all, 450))->id);
  g_assert_cmpuint (enlace_case_list_model_get_n_loaded (model), >, 450);
  g_assert_cmpuint (enlace_case_list_model_get_n_loaded (model), <, 700);
  for (guint i = 0; i < 700; i++)
    {
      g_autoptr(EnlaceRow) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (enlace_row_get_id (item), ==, ((EnlaceCaseRow *) g_ptr_array_index (all, i))->id);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 700));

  /* selected deep in the list, then the store changes: still selected */
  deep_id = ((EnlaceCaseRow *) g_ptr_array_index (all, 650))->id;
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                                       GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (inbox), GTK_TYPE_COLUMN_VIEW)))),
                                     650);
  g_assert_cmpint (enlace_case_add_note (store, ((EnlaceCaseRow *) g_ptr_array_index (all, 3))->id,
                                         "Nota", NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  enlace_test_spin (20);
  {
    GtkSelectionModel *sel = gtk_column_view_get_model (
      GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (inbox), GTK_TYPE_COLUMN_VIEW)));
    guint pos = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (sel));

    g_assert_cmpuint (pos, ==, 650);
    g_assert_cmpint (enlace_case_list_model_get_row (model, pos)->id, ==, deep_id);
  }

  /* a search: its own count and pages */
  enlace_cases_inbox_set_search (inbox, "2026");
  enlace_test_spin (10);
  {
    g_autoptr(JsonObject) counts = enlace_cases_counts (store, &(EnlaceCaseFilter) { .text = "2026" }, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                      json_object_get_int_member (counts, "total"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  enlace_test_spin (20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  enlace_views_init ();

  g_test_add_func ("/views/cases/inbox/filters", test_filters);
  g_test_add_func ("/views/cases/inbox/open-and-undo", test_open_and_undo);
  g_test_add_func ("/views/cases/inbox/empty", test_empty);
  g_test_add_func ("/views/cases/inbox/pages", test_pages);

  return g_test_run ();
}
