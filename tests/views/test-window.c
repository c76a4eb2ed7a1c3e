/* test-window.c: the main window, its pages and its actions (under Xvfb) */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "enlace-application.h"
#include "enlace-building-page.h"
#include "enlace-campus-tree.h"
#include "enlace-demo.h"
#include "enlace-device-page.h"
#include "enlace-extension-page.h"
#include "enlace-generate.h"
#include "enlace-object-form.h"
#include "enlace-person-page.h"
#include "enlace-plan-page.h"
#include "enlace-object-list.h"
#include "enlace-rack-view.h"
#include "enlace-search-page.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"
#include "enlace-trace-view.h"
#include "enlace-tree-node.h"
#include "enlace-window-private.h"
#include "enlace-xml.h"

static EnlaceApplication *app;

typedef struct
{
  EnlaceStore     *store;
  EnlaceWindow    *window;
  EnlaceTestPlant  ids;
  gint64           area, person, extension;
} Fixture;

/* The plant of enlace-test-fixture.c, plus an area, a person and
 * extension 2001 on the outlet's jack. */
static EnlaceStore *
plant_with_people (Fixture *f)
{
  EnlaceStore *store = enlace_test_plant_new (&f->ids);

  f->area = enlace_test_create (store, "area", "{\"code\": \"REC\", \"name\": \"Rectoría\"}");
  f->person = enlace_test_create (store, "person",
                                  "{\"name\": \"Ana Gómez\", \"position\": \"Rectora\", \"area_id\": %" G_GINT64_FORMAT "}",
                                  f->area);
  f->extension = enlace_test_create (store, "extension",
                                     "{\"number\": \"2001\", \"person_id\": %" G_GINT64_FORMAT
                                     ", \"area_id\": %" G_GINT64_FORMAT ", \"status\": \"active\", \"port_id\": %" G_GINT64_FORMAT "}",
                                     f->person, f->area, f->ids.outlet_j1);
  return store;
}

static void
fixture_window (Fixture     *f,
                EnlaceStore *store)
{
  f->store = store;
  f->window = enlace_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  enlace_window_set_store (f->window, store);
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

static void
activate (Fixture    *f,
          const char *action,
          const char *format,
          ...)
{
  GVariant *param = NULL;
  va_list args;

  if (format)
    {
      va_start (args, format);
      param = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, param));
  enlace_test_spin (30);
}

static EnlacePage *
show (Fixture    *f,
      const char *kind,
      gint64      id)
{
  EnlacePage *page;

  enlace_window_show_object (f->window, kind, id);
  enlace_test_spin (30);
  page = enlace_window_get_visible_page (f->window);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_nonnull (enlace_page_get_title (page));
  g_assert_cmpstr (enlace_page_get_title (page), !=, "");
  return page;
}

static guint
list_rows (Fixture    *f,
           const char *kind)
{
  EnlacePage *page = show (f, kind, 0);

  g_assert_true (ENLACE_IS_OBJECT_LIST (page));
  return g_list_model_get_n_items (G_LIST_MODEL (enlace_object_list_get_model (ENLACE_OBJECT_LIST (page))));
}

static const char *lists[] = {
  "list/cable", "list/outlet", "list/device", "list/circuit", "list/extension",
  "list/person", "list/area", "list/device-type", "list/audit", "list/rack",
  "list/building", "list/space", "list/port",
};

static void
test_pages_empty (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };

  fixture_window (&f, enlace_store_new_memory (&error));
  g_assert_no_error (error);

  /* an empty project greets with the "add a site" page */
  g_assert_null (enlace_window_get_visible_page (f.window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f.window->content_stack), ==, "empty");

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_assert_cmpuint (list_rows (&f, lists[i]), ==, 0);

  show (&f, "search", 0);
  enlace_search_page_set_text (ENLACE_SEARCH_PAGE (enlace_window_get_visible_page (f.window)), "x");
  g_assert_cmpuint (enlace_search_page_get_n_results (ENLACE_SEARCH_PAGE (enlace_window_get_visible_page (f.window))), ==, 0);

  /* nothing to undo in a new project; the first site leaves the welcome page */
  g_assert_false (_enlace_window_action_enabled (f.window, "win.undo"));
  activate (&f, "win.new-object", "(sx)", "site", (gint64)0);
  g_assert_nonnull (_enlace_window_get_create_form (f.window));
  g_assert_true (enlace_object_form_set_value (_enlace_window_get_create_form (f.window), "code", "CU"));
  g_assert_true (enlace_object_form_set_value (_enlace_window_get_create_form (f.window), "name", "Ciudad Universitaria"));
  g_assert_cmpint (_enlace_window_confirm_create (f.window, &error), >, 0);
  g_assert_no_error (error);
  enlace_test_spin (30);
  g_assert_true (ENLACE_IS_BUILDING_PAGE (enlace_window_get_visible_page (f.window)));
  g_assert_true (_enlace_window_action_enabled (f.window, "win.undo"));

  fixture_teardown (&f);
}

static void
test_pages_plant (void)
{
  Fixture f = { 0 };
  EnlacePage *page;

  fixture_window (&f, plant_with_people (&f));

  /* opens on the site */
  page = enlace_window_get_visible_page (f.window);
  g_assert_true (ENLACE_IS_BUILDING_PAGE (page));
  g_assert_cmpint (enlace_page_get_object_id (page), ==, f.ids.site);

  g_assert_true (ENLACE_IS_BUILDING_PAGE (show (&f, "building", f.ids.building)));
  g_assert_true (ENLACE_IS_BUILDING_PAGE (show (&f, "floor", f.ids.floor)));
  g_assert_true (ENLACE_IS_BUILDING_PAGE (show (&f, "space", f.ids.tr)));
  g_assert_true (ENLACE_IS_BUILDING_PAGE (show (&f, "space", f.ids.office)));
  show (&f, "rack", f.ids.rack);
  show (&f, "device", f.ids.sw1);
  show (&f, "cable", f.ids.cable_patch);
  show (&f, "person", f.person);
  show (&f, "area", f.area);
  page = show (&f, "extension", f.extension);
  g_assert_true (ENLACE_IS_EXTENSION_PAGE (page));
  g_assert_true (ENLACE_IS_PERSON_PAGE (show (&f, "person", f.person)));
  g_assert_true (ENLACE_IS_OBJECT_FORM (show (&f, "edit/building", f.ids.building)));
  g_assert_false (enlace_object_form_is_create (ENLACE_OBJECT_FORM (enlace_window_get_visible_page (f.window))));

  g_assert_cmpuint (list_rows (&f, "list/cable"), ==, 4);
  g_assert_cmpuint (list_rows (&f, "list/outlet"), ==, 1);
  g_assert_cmpuint (list_rows (&f, "list/extension"), ==, 1);
  g_assert_cmpuint (list_rows (&f, "list/person"), ==, 1);
  g_assert_cmpuint (list_rows (&f, "list/area"), ==, 1);
  g_assert_cmpuint (list_rows (&f, "list/device-type"), ==, 6);
  g_assert_cmpuint (list_rows (&f, "list/circuit"), ==, 0);
  g_assert_cmpuint (list_rows (&f, "list/audit"), >, 10);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    list_rows (&f, lists[i]);

  /* back goes through the history */
  g_assert_true (_enlace_window_action_enabled (f.window, "win.go-back"));

  fixture_teardown (&f);
}

static void
test_pages_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) buildings = NULL;
  g_autoptr(GPtrArray) floors = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);
  Fixture f = { 0 };

  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);
  fixture_window (&f, store);

  buildings = enlace_store_list (store, "building", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (buildings->len, >=, 3);
  for (guint i = 0; i < buildings->len; i++)
    show (&f, "building", json_object_get_int_member (g_ptr_array_index (buildings, i), "id"));

  floors = enlace_store_list (store, "floor", 0, &error);
  for (guint i = 0; i < floors->len; i++)
    show (&f, "floor", json_object_get_int_member (g_ptr_array_index (floors, i), "id"));

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (strcmp (lists[i], "list/circuit") != 0)
      g_assert_cmpuint (list_rows (&f, lists[i]), >, 0);
  g_assert_cmpuint (list_rows (&f, "list/outlet"), >=, 150);

  /* The library in design: its ground floor opens with its runs drawn */
  {
    EnlacePage *plan;

    g_assert_true (enlace_demo_add_plans (store, &error));
    g_assert_true (enlace_demo_add_design (store, &error));
    g_assert_no_error (error);
    enlace_test_spin (50);
    plan = show (&f, "plan", enlace_store_lookup (store, "floor", "C/0", NULL));

    g_assert_true (enlace_plan_canvas_get_layers (enlace_plan_page_get_canvas (ENLACE_PLAN_PAGE (plan)))
                   & ENLACE_PLAN_LAYER_ROUTES);
    enlace_test_spin (200);
    enlace_test_screenshot (GTK_WIDGET (f.window), "design-runs.png");
  }

  fixture_teardown (&f);
}

static gboolean
tree_has (EnlaceWindow *window,
          const char   *kind,
          gint64        id)
{
  GListModel *model = enlace_campus_tree_get_model (window->campus_tree);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(EnlaceTreeNode) node = gtk_tree_list_row_get_item (row);

      if (enlace_tree_node_get_id (node) == id && strcmp (enlace_tree_node_get_kind (node), kind) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_tree_reflects_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  Fixture f = { 0 };
  gint64 id;

  fixture_window (&f, plant_with_people (&f));
  g_assert_true (tree_has (f.window, "site", f.ids.site));
  g_assert_true (tree_has (f.window, "building", f.ids.building));

  json_object_set_int_member (values, "site_id", f.ids.site);
  json_object_set_string_member (values, "code", "B2");
  json_object_set_string_member (values, "name", "Biblioteca");
  id = enlace_store_create (f.store, "building", values, &error);
  g_assert_no_error (error);

  /* at once: no main loop iteration */
  g_assert_true (tree_has (f.window, "building", id));

  g_assert_true (enlace_store_undo (f.store, &error));
  g_assert_no_error (error);
  g_assert_false (tree_has (f.window, "building", id));
  g_assert_true (tree_has (f.window, "building", f.ids.building));

  fixture_teardown (&f);
}

static void
test_undo_redo_actions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  Fixture f = { 0 };
  guint before;

  fixture_window (&f, plant_with_people (&f));
  before = enlace_store_count (f.store, "area");
  g_assert_true (_enlace_window_action_enabled (f.window, "win.undo"));
  g_assert_false (_enlace_window_action_enabled (f.window, "win.redo"));

  json_object_set_string_member (values, "code", "TIC");
  json_object_set_string_member (values, "name", "Tecnologías de la información");
  g_assert_cmpint (enlace_store_create (f.store, "area", values, &error), >, 0);
  g_assert_cmpuint (enlace_store_count (f.store, "area"), ==, before + 1);

  activate (&f, "win.undo", NULL);
  g_assert_cmpuint (enlace_store_count (f.store, "area"), ==, before);
  g_assert_true (_enlace_window_action_enabled (f.window, "win.redo"));

  activate (&f, "win.redo", NULL);
  g_assert_cmpuint (enlace_store_count (f.store, "area"), ==, before + 1);
  g_assert_false (_enlace_window_action_enabled (f.window, "win.redo"));

  /* delete through the window: gone, then back with Undo */
  activate (&f, "win.delete-object", "(sx)", "cable", f.ids.cable_desk);
  g_assert_cmpuint (enlace_store_count (f.store, "cable"), ==, 3);
  activate (&f, "win.undo", NULL);
  g_assert_cmpuint (enlace_store_count (f.store, "cable"), ==, 4);

  fixture_teardown (&f);
}

static void
test_search_extension (void)
{
  Fixture f = { 0 };
  EnlaceSearchPage *search;
  EnlacePage *page;

  fixture_window (&f, plant_with_people (&f));

  activate (&f, "win.search", NULL);
  search = ENLACE_SEARCH_PAGE (enlace_window_get_visible_page (f.window));
  g_assert_true (ENLACE_IS_SEARCH_PAGE (search));

  enlace_search_page_set_text (search, "2001");
  g_assert_cmpuint (enlace_search_page_get_n_results (search), >=, 1);
  g_assert_true (enlace_search_page_activate_result (search, 0));
  enlace_test_spin (30);

  page = enlace_window_get_visible_page (f.window);
  g_assert_cmpstr (enlace_page_get_kind (page), ==, "extension");
  g_assert_cmpint (enlace_page_get_object_id (page), ==, f.extension);

  /* people, serial-less device names and cable labels are found too */
  activate (&f, "win.search", NULL);
  enlace_search_page_set_text (search, "gómez");
  g_assert_cmpuint (enlace_search_page_get_n_results (search), >=, 1);
  enlace_search_page_set_text (search, "H-101-1");
  g_assert_cmpuint (enlace_search_page_get_n_results (search), >=, 1);
  g_assert_true (enlace_search_page_activate_result (search, 0));
  enlace_test_spin (30);
  g_assert_cmpint (enlace_page_get_object_id (enlace_window_get_visible_page (f.window)), ==,
                   f.ids.cable_horizontal);

  fixture_teardown (&f);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static void
test_open_not_enlace (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("enlace-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "notes.enlace", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Fixture f = { 0 };
  AdwMessageDialog *dialog;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "These are not the cables you are looking for.\n", -1, &error));

  fixture_window (&f, plant_with_people (&f));
  show (&f, "building", f.ids.building);

  enlace_window_open_file (f.window, file);
  enlace_test_spin (50);

  /* the document is kept, and a dialog says why */
  g_assert_true (enlace_window_get_store (f.window) == f.store);
  g_assert_cmpint (enlace_page_get_object_id (enlace_window_get_visible_page (f.window)), ==, f.ids.building);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "notes.enlace"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");

  fixture_teardown (&f);
  g_unlink (path);
  g_rmdir (dir);
}

static gint64
create_through_window (Fixture    *f,
                       const char *kind,
                       gint64      parent,
                       ...)
{
  g_autoptr(GError) error = NULL;
  EnlaceObjectForm *form;
  const char *field;
  va_list args;
  gint64 id;

  activate (f, "win.new-object", "(sx)", kind, parent);
  form = _enlace_window_get_create_form (f->window);
  g_assert_nonnull (form);

  va_start (args, parent);
  while ((field = va_arg (args, const char *)))
    {
      const char *value = va_arg (args, const char *);
      g_assert_true (enlace_object_form_set_value (form, field, value));
    }
  va_end (args);

  id = _enlace_window_confirm_create (f->window, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  enlace_test_spin (30);

  /* the dialog is gone and the new object is shown */
  g_assert_null (_enlace_window_get_create_form (f->window));
  g_assert_cmpint (enlace_page_get_object_id (enlace_window_get_visible_page (f->window)), ==, id);
  return id;
}

static void
test_flow (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  gint64 building, floor, room, rack;
  guint n_commands;

  fixture_window (&f, plant_with_people (&f));
  n_commands = enlace_store_count (f.store, "building");

  building = create_through_window (&f, "building", f.ids.site,
                                    "code", "B7", "name", "Ingeniería", NULL);
  g_assert_true (tree_has (f.window, "building", building));
  floor = create_through_window (&f, "floor", building,
                                 "level", "0", "name", "Planta baja", NULL);
  room = create_through_window (&f, "space", floor,
                                "code", "TR-B7-0", "name", "Cuarto de telecomunicaciones",
                                "kind", "telecom-room", NULL);
  rack = create_through_window (&f, "rack", room,
                                "name", "R-B7-1", "u_height", "42", NULL);

  {
    g_autoptr(JsonObject) obj = enlace_store_get (f.store, "rack", rack, &error);
    g_assert_no_error (error);
    g_assert_cmpint (json_object_get_int_member (obj, "space_id"), ==, room);
    g_assert_cmpint (json_object_get_int_member (obj, "u_height"), ==, 42);
  }
  {
    g_autoptr(JsonObject) obj = enlace_store_get (f.store, "space", room, &error);
    g_assert_cmpstr (json_object_get_string_member (obj, "kind"), ==, "telecom-room");
  }

  /* the floor's page counts the new room and its rack */
  show (&f, "floor", floor);

  /* gui-views: a panel and a switch from device types on the rack page,
   * connected from the switch's page through the Connect dialog, traced */
  {
    EnlacePage *page = show (&f, "rack", rack);
    EnlaceConnectDialog *dialog;
    EnlaceTraceDrawing *drawing;
    gint64 panel, sw, cable, sw_port, panel_port;

    g_assert_true (ENLACE_IS_RACK_VIEW (page));
    panel = enlace_rack_view_add_device (ENLACE_RACK_VIEW (page), f.ids.type_panel, "PP-B7-1", "front", 42, &error);
    g_assert_no_error (error);
    sw = enlace_rack_view_add_device (ENLACE_RACK_VIEW (page), f.ids.type_switch, "SW-B7-1", "front", 40, &error);
    g_assert_no_error (error);
    enlace_test_spin (30);
    g_assert_cmpuint (enlace_rack_elevation_get_n_devices (enlace_rack_canvas_get_elevation (enlace_rack_view_get_canvas (ENLACE_RACK_VIEW (page)))), ==, 2);
    g_assert_cmpint (panel, >, 0);

    page = show (&f, "device", sw);
    g_assert_true (ENLACE_IS_DEVICE_PAGE (page));
    sw_port = enlace_test_port (f.store, "SW-B7-1:Gi1/0/1");
    panel_port = enlace_test_port (f.store, "PP-B7-1:1");
    enlace_device_page_select_port (ENLACE_DEVICE_PAGE (page), sw_port);
    dialog = enlace_device_page_connect (ENLACE_DEVICE_PAGE (page));
    g_assert_nonnull (dialog);
    g_assert_cmpuint (enlace_connect_dialog_search (dialog, "PP-B7-1:1"), >=, 1);
    g_assert_true (enlace_connect_dialog_select (dialog, panel_port));
    cable = enlace_connect_dialog_connect (dialog, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cable, >, 0);
    enlace_test_spin (30);

    page = show (&f, "trace/port", sw_port);
    g_assert_true (ENLACE_IS_TRACE_VIEW (page));
    drawing = enlace_trace_view_get_drawing (ENLACE_TRACE_VIEW (page));
    g_assert_cmpuint (enlace_trace_drawing_get_n_paths (drawing), ==, 1);
    g_assert_cmpuint (enlace_trace_drawing_get_n_boxes (drawing), ==, 2);
    g_assert_cmpuint (enlace_trace_drawing_get_n_cables (drawing), ==, 1);

    /* undo the cable and both devices, then the rest below */
    for (int i = 0; i < 3; i++)
      activate (&f, "win.undo", NULL);
    g_assert_cmpint (enlace_store_lookup (f.store, "device", "SW-B7-1", NULL), ==, 0);
    g_assert_cmpint (enlace_store_lookup (f.store, "device", "PP-B7-1", NULL), ==, 0);
    g_assert_null (enlace_store_get (f.store, "cable", cable, NULL));
  }

  /* undo everything through the window */
  for (int i = 0; i < 4; i++)
    activate (&f, "win.undo", NULL);
  g_assert_cmpuint (enlace_store_count (f.store, "building"), ==, n_commands);
  g_assert_false (tree_has (f.window, "building", building));
  g_assert_true (_enlace_window_action_enabled (f.window, "win.redo"));

  fixture_teardown (&f);
}

static void
test_form_refusal_at_field (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  EnlaceObjectForm *form;
  const char *field = NULL;
  const char *message;

  fixture_window (&f, plant_with_people (&f));

  activate (&f, "win.new-object", "(sx)", "building", f.ids.site);
  form = _enlace_window_get_create_form (f.window);
  enlace_object_form_set_value (form, "code", "B1");
  enlace_object_form_set_value (form, "name", "Otro edificio");
  g_assert_cmpint (_enlace_window_confirm_create (f.window, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT);

  /* the dialog stays open and the refusal sits under the code */
  g_assert_true (_enlace_window_get_create_form (f.window) == form);
  message = enlace_object_form_get_error (form, &field);
  g_assert_nonnull (message);
  g_assert_cmpstr (field, ==, "code");

  /* a new floor proposes the level above the highest one taken */
  g_clear_error (&error);
  activate (&f, "win.new-object", "(sx)", "floor", f.ids.building);
  form = _enlace_window_get_create_form (f.window);
  enlace_object_form_set_value (form, "name", "Planta alta");
  {
    gint64 id = _enlace_window_confirm_create (f.window, &error);
    g_autoptr(JsonObject) floor = NULL;
    g_autoptr(JsonObject) first = enlace_store_get (f.store, "floor", f.ids.floor, NULL);

    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    floor = enlace_store_get (f.store, "floor", id, NULL);
    g_assert_cmpint (json_object_get_int_member (floor, "level"), ==,
                     json_object_get_int_member (first, "level") + 1);
  }

  /* a number that is not one */
  activate (&f, "win.new-object", "(sx)", "floor", f.ids.building);
  form = _enlace_window_get_create_form (f.window);
  enlace_object_form_set_value (form, "level", "dos");
  enlace_object_form_set_value (form, "name", "Planta 2");
  g_assert_cmpint (_enlace_window_confirm_create (f.window, &error), ==, 0);
  g_assert_nonnull (enlace_object_form_get_error (form, &field));
  g_assert_cmpstr (field, ==, "level");

  /* editing: change a name through the form page */
  g_clear_error (&error);
  show (&f, "edit/area", f.area);
  form = ENLACE_OBJECT_FORM (enlace_window_get_visible_page (f.window));
  g_assert_true (enlace_object_form_set_value (form, "name", "Rectoría General"));
  g_assert_cmpint (enlace_object_form_save (form, &error), ==, f.area);
  g_assert_no_error (error);
  {
    g_autoptr(JsonObject) obj = enlace_store_get (f.store, "area", f.area, &error);
    g_assert_cmpstr (json_object_get_string_member (obj, "name"), ==, "Rectoría General");
  }

  fixture_teardown (&f);
}

static void
test_list_sort_filter (void)
{
  Fixture f = { 0 };
  EnlaceObjectList *list;
  EnlaceRowModel *model;
  GtkColumnView *view;
  g_autoptr(GtkColumnViewColumn) label_column = NULL;

  fixture_window (&f, plant_with_people (&f));
  list = ENLACE_OBJECT_LIST (show (&f, "list/cable", 0));
  model = enlace_object_list_get_model (list);
  view = enlace_object_list_get_column_view (list);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  /* default order: by label */
  g_assert_cmpint (enlace_row_model_get_id (model, 0), ==, f.ids.cable_horizontal);

  enlace_object_list_set_search (list, "PC-");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  enlace_object_list_set_search (list, "o-101");   /* an end, any case */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  enlace_object_list_set_search (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);

  /* the column header sorts in SQL */
  label_column = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  gtk_column_view_sort_by_column (view, label_column, GTK_SORT_DESCENDING);
  g_assert_cmpint (enlace_row_model_get_id (model, 0), ==, f.ids.cable_planned);
  gtk_column_view_sort_by_column (view, label_column, GTK_SORT_ASCENDING);
  g_assert_cmpint (enlace_row_model_get_id (model, 0), ==, f.ids.cable_horizontal);

  /* a row's cells */
  {
    g_autoptr(EnlaceRow) row = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpstr (enlace_row_get_cell (row, 0), ==, "H-101-1");
    g_assert_cmpstr (enlace_row_get_cell (row, 4), ==, "PP-1:R1");
    g_assert_cmpstr (enlace_row_get_cell (row, 5), ==, "O-101:R1");
  }

  /* a status by its label, as shown; words in any order */
  enlace_object_list_set_search (list, "PLANNED");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpint (enlace_row_model_get_id (model, 0), ==, f.ids.cable_planned);

  /* the filter does not follow into the next list opened, and a hidden
   * column (the chooser keeps it in the settings) stays hidden */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    const char *hidden[] = { "cable:length", NULL };
    GListModel *columns;
    guint n_visible = 0;

    g_settings_set_strv (settings, "hidden-list-columns", hidden);
    list = ENLACE_OBJECT_LIST (show (&f, "list/outlet", 0));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (enlace_object_list_get_model (list))), >, 0);
    list = ENLACE_OBJECT_LIST (show (&f, "list/cable", 0));
    model = enlace_object_list_get_model (list);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
    columns = gtk_column_view_get_columns (enlace_object_list_get_column_view (list));
    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        if (gtk_column_view_column_get_visible (column))
          n_visible++;
      }
    g_assert_cmpuint (n_visible, ==, g_list_model_get_n_items (columns) - 1);
    g_settings_reset (settings, "hidden-list-columns");
  }

  /* a change in the store shows at once */
  enlace_store_delete (f.store, "cable", f.ids.cable_planned, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  fixture_teardown (&f);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* A list of thousands of rows reads a row's cells only when the row is
 * seen: after every jump of the scroll bar, each row on screen shows its
 * own label when the frame is painted (a rebound cell keeps its last
 * row's text until it is filled, so a cell missed would show a stale
 * label, not an empty one). */
static void
test_list_jumps_fill_cells (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  EnlaceGenerateOptions opts;
  EnlaceStore *store = enlace_store_new_memory (&error);
  EnlaceObjectList *list;
  GtkWidget *view, *list_view = NULL;
  GtkAdjustment *adj;
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong painted_id;
  guint n_rows, checked = 0;

  g_assert_no_error (error);
  enlace_generate_options_init (&opts);
  opts.buildings = 2;
  opts.floors = 3;
  opts.outlets_per_floor = 60;
  g_assert_true (enlace_generate (store, &opts, NULL, &error));
  g_assert_no_error (error);
  fixture_window (&f, store);
  list = ENLACE_OBJECT_LIST (show (&f, "list/cable", 0));
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (enlace_object_list_get_model (list)));
  g_assert_cmpuint (n_rows, >, 600);
  view = GTK_WIDGET (enlace_object_list_get_column_view (list));
  for (GtkWidget *c = gtk_widget_get_first_child (view); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_VIEW (c))
      list_view = c;
  g_assert_nonnull (list_view);
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  clock = gtk_widget_get_frame_clock (view);
  painted_id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);

  for (guint jump = 1; jump <= 12; jump++)
    {
      double upper = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
      gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      int height = gtk_widget_get_height (view);

      /* forwards and backwards, by hundreds of rows */
      gtk_adjustment_set_value (adj, upper * ((jump * 7) % 12) / 11.0);
      painted = FALSE;
      while (!painted && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (painted);

      for (GtkWidget *rw = gtk_widget_get_first_child (list_view); rw; rw = gtk_widget_get_next_sibling (rw))
        {
          graphene_rect_t b;
          GtkWidget *cell;
          GtkListItem *item;
          EnlaceRow *row;

          if (!gtk_widget_get_mapped (rw) || !gtk_widget_compute_bounds (rw, view, &b) ||
              b.origin.y + b.size.height <= 0 || b.origin.y >= height)
            continue;
          cell = gtk_widget_get_first_child (gtk_widget_get_first_child (rw));
          g_assert_true (GTK_IS_INSCRIPTION (cell));
          item = g_object_get_data (G_OBJECT (cell), "enlace-list-item");
          g_assert_nonnull (item);
          row = gtk_list_item_get_item (item);
          g_assert_true (enlace_row_is_loaded (row));
          /* column 0 is the label */
          g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (cell)), ==, enlace_row_get_cell (row, 0));
          checked++;
        }
    }
  g_signal_handler_disconnect (clock, painted_id);
  /* some 30 rows on screen after each of the 12 jumps */
  g_assert_cmpuint (checked, >=, 12 * 10);
  fixture_teardown (&f);
}

/* A button of @page whose label is @label (with its mnemonic) */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found)
        return found;
    }
  return NULL;
}

/* The device page has an Edit button like the other pages */
static void
test_device_edit (void)
{
  Fixture f = { 0 };
  EnlacePage *page;
  GtkWidget *edit;

  fixture_window (&f, plant_with_people (&f));
  page = show (&f, "device", f.ids.sw1);
  edit = find_button (GTK_WIDGET (page), "_Edit");
  g_assert_nonnull (edit);
  g_signal_emit_by_name (edit, "clicked");
  enlace_test_spin (30);
  page = enlace_window_get_visible_page (f.window);
  g_assert_true (ENLACE_IS_OBJECT_FORM (page));
  g_assert_cmpstr (enlace_object_form_get_kind (ENLACE_OBJECT_FORM (page)), ==, "device");
  g_assert_false (enlace_object_form_is_create (ENLACE_OBJECT_FORM (page)));
  g_assert_cmpint (enlace_page_get_object_id (page), ==, f.ids.sw1);

  fixture_teardown (&f);
}

/* The button whose AdwButtonContent reads @label */
static GtkWidget *
find_content_button (GtkWidget  *widget,
                     const char *label)
{
  if (ADW_IS_BUTTON_CONTENT (widget) &&
      g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)), label) == 0)
    return gtk_widget_get_parent (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_content_button (c, label);

      if (found)
        return found;
    }
  return NULL;
}

/* A space's page adds an outlet: a proposed label, the jacks, one command */
static void
test_space_add_outlet (void)
{
  Fixture f = { 0 };
  EnlacePage *page;
  GtkWidget *add;
  AdwMessageDialog *dialog = NULL;
  GListModel *toplevels;
  g_autofree char *label = NULL;
  guint before;

  fixture_window (&f, plant_with_people (&f));
  before = enlace_store_count (f.store, "device");
  page = show (&f, "space", f.ids.office);
  add = find_content_button (GTK_WIDGET (page), "Add outlet");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  enlace_test_spin (50);

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) t = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (t))
        dialog = ADW_MESSAGE_DIALOG (t);
    }
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "add");
  enlace_test_spin (50);

  g_assert_cmpuint (enlace_store_count (f.store, "device"), ==, before + 1);
  label = enlace_store_dup_undo_label (f.store);
  g_assert_nonnull (strstr (label, "Place outlet"));

  fixture_teardown (&f);
}

/* The sidebar follows the page: the campus tree unfolds to the object
 * shown, or the nearest one it holds */
static void
test_sidebar_follows (void)
{
  Fixture f = { 0 };
  const char *kind = NULL;
  gint64 id = 0;

  fixture_window (&f, plant_with_people (&f));
  show (&f, "device", f.ids.sw1);
  g_assert_true (enlace_campus_tree_get_selected (f.window->campus_tree, &kind, &id));
  g_assert_cmpstr (kind, ==, "rack");
  g_assert_cmpint (id, ==, f.ids.rack);

  show (&f, "space", f.ids.office);
  g_assert_true (enlace_campus_tree_get_selected (f.window->campus_tree, &kind, &id));
  g_assert_cmpstr (kind, ==, "space");
  g_assert_cmpint (id, ==, f.ids.office);

  show (&f, "list/cable", 0);
  g_assert_false (enlace_campus_tree_get_selected (f.window->campus_tree, NULL, NULL));

  fixture_teardown (&f);
}

static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("enlace-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "campus.enlace", NULL);
  g_autoptr(EnlaceStore) plant = NULL;
  EnlaceStore *store;
  Fixture f = { 0 };

  plant = plant_with_people (&f);
  g_assert_true (enlace_store_save_copy (plant, path, &error));
  g_assert_no_error (error);

  store = enlace_store_open (path, ENLACE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  fixture_window (&f, store);

  /* a banner says so, the title too, and nothing can change */
  g_assert_true (gtk_revealer_get_reveal_child (f.window->read_only_revealer));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (f.window)), "campus.enlace"));
  g_assert_false (_enlace_window_action_enabled (f.window, "win.undo"));
  g_assert_false (_enlace_window_action_enabled (f.window, "win.new-object"));
  g_assert_false (_enlace_window_action_enabled (f.window, "win.delete-object"));
  g_assert_false (_enlace_window_action_enabled (f.window, "win.import-xml"));
  g_assert_true (_enlace_window_action_enabled (f.window, "win.save-copy"));
  g_assert_true (_enlace_window_action_enabled (f.window, "win.export-xml"));
  show (&f, "list/cable", 0);

  fixture_teardown (&f);
  g_unlink (path);
  g_rmdir (dir);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (_enlace_window_import_xml_finish (ENLACE_WINDOW (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_import_xml (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("enlace-test-XXXXXX", &error);
  g_autofree char *xml = g_build_filename (dir, "plant.xml", NULL);
  g_autofree char *path = g_build_filename (dir, "new.enlace", NULL);
  g_autoptr(EnlaceStore) plant = NULL;
  g_autoptr(EnlaceStore) fresh = NULL;
  gboolean done = FALSE;
  Fixture f = { 0 };

  plant = plant_with_people (&f);
  g_assert_true (enlace_xml_export (plant, xml, &error));
  g_assert_no_error (error);

  fresh = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&fresh);

  f.window = enlace_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (f.window));
  g_assert_true (enlace_window_open_path (f.window, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f.window->content_stack), ==, "empty");
  /* remembered for the next start */
  if (f.window->settings)
    {
      g_autofree char *last = g_settings_get_string (f.window->settings, "last-file");
      g_assert_cmpstr (last, ==, path);
    }

  /* in a thread, with the progress bar shown and actions held */
  _enlace_window_import_xml (f.window, xml, import_done_cb, &done);
  g_assert_false (_enlace_window_action_enabled (f.window, "win.import-xml"));
  g_assert_false (_enlace_window_action_enabled (f.window, "win.new-object"));
  g_assert_true (enlace_test_spin_until (&done, 20000));

  /* the window reopened the file and shows what was imported */
  f.store = g_object_ref (enlace_window_get_store (f.window));
  g_assert_cmpuint (enlace_store_count (f.store, "cable"), ==, 4);
  g_assert_cmpuint (enlace_store_count (f.store, "extension"), ==, 1);
  g_assert_nonnull (enlace_window_get_visible_page (f.window));
  g_assert_true (tree_has (f.window, "building", enlace_store_lookup (f.store, "building", "B1", NULL)));
  g_assert_true (_enlace_window_action_enabled (f.window, "win.undo"));
  g_assert_false (gtk_revealer_get_reveal_child (f.window->progress_revealer));

  fixture_teardown (&f);
  g_unlink (xml);
  g_unlink (path);
  g_rmdir (dir);
}

/* The primary menu's "Import Device Types…" opens the import dialog. */
static void
test_import_device_types_dialog (void)
{
  Fixture f = { 0 };
  g_autoptr(GListModel) toplevels = NULL;
  gboolean found = FALSE;

  fixture_window (&f, plant_with_people (&f));
  activate (&f, "win.import-device-types", NULL);
  enlace_test_spin (100);
  toplevels = gtk_window_get_toplevels ();
  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (w) == GTK_WINDOW (f.window) &&
          g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "EnlaceDevicetypeImport"))
        {
          found = TRUE;
          gtk_window_destroy (w);
        }
    }
  g_assert_true (found);
  fixture_teardown (&f);
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

  g_test_add_func ("/views/window/pages-empty", test_pages_empty);
  g_test_add_func ("/views/window/pages-plant", test_pages_plant);
  g_test_add_func ("/views/window/pages-demo", test_pages_demo);
  g_test_add_func ("/views/window/tree-reflects-create", test_tree_reflects_create);
  g_test_add_func ("/views/window/undo-redo", test_undo_redo_actions);
  g_test_add_func ("/views/window/search-extension", test_search_extension);
  g_test_add_func ("/views/window/open-not-enlace", test_open_not_enlace);
  g_test_add_func ("/views/window/flow", test_flow);
  g_test_add_func ("/views/form/refusal-at-field", test_form_refusal_at_field);
  g_test_add_func ("/views/list/sort-filter", test_list_sort_filter);
  g_test_add_func ("/views/list/jumps-fill-cells", test_list_jumps_fill_cells);
  g_test_add_func ("/views/window/read-only", test_read_only);
  g_test_add_func ("/views/window/device-edit", test_device_edit);
  g_test_add_func ("/views/window/space-add-outlet", test_space_add_outlet);
  g_test_add_func ("/views/window/sidebar-follows", test_sidebar_follows);
  g_test_add_func ("/views/window/import-xml", test_import_xml);
  g_test_add_func ("/views/window/import-device-types", test_import_device_types_dialog);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
