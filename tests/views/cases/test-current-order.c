/* test-current-order.c: the window's current order (win.current-order,
 * views/cases/enlace-current-order.h) under Xvfb: while an order in
 * preparation is current, the Connect dialog, a port's Disconnect, the
 * rack view and the plan's outlet tool add their change to the order — one
 * command each, undoable —
 * and the plant does not change; the banner says so; leaving the order,
 * or executing it, gives the editors back to the plant; a case that is
 * not an order in preparation is refused. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "enlace-application.h"
#include "enlace-cases.h"
#include "enlace-connect-dialog.h"
#include "enlace-current-order.h"
#include "enlace-demo.h"
#include "enlace-device-page.h"
#include "enlace-orders.h"
#include "enlace-plan-canvas.h"
#include "enlace-plan-page.h"
#include "enlace-plan.h"
#include "enlace-rack-view.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"
#include "enlace-window-private.h"

static EnlaceApplication *app;

typedef struct
{
  EnlaceStore  *store;
  EnlaceWindow *window;
  gint64        order;
  char         *folio;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(EnlaceCaseRow) row = NULL;

  f->store = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  enlace_store_set_user (f->store, "tester");
  g_assert_true (enlace_demo_populate (f->store, &error));
  g_assert_no_error (error);
  json_object_set_string_member (values, "summary", "Re-parcheo del piso 0");
  f->order = enlace_case_open (f->store, "red-modificacion", values, &error);
  g_assert_no_error (error);
  row = enlace_cases_get_row (f->store, f->order, &error);
  g_assert_no_error (error);
  f->folio = g_strdup (row->folio);

  f->window = enlace_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  enlace_window_set_store (f->window, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  enlace_test_spin (100);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (l->data != f->window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
  gtk_window_destroy (GTK_WINDOW (f->window));
  enlace_test_spin (20);
  g_clear_object (&f->store);
  g_free (f->folio);
}

static guint
n_changes (Fixture *f)
{
  g_autoptr(GPtrArray) changes = enlace_order_changes (f->store, f->order, NULL);

  g_assert_nonnull (changes);
  return changes->len;
}

static EnlaceOrderChange *
change (Fixture   *f,
        guint      n,
        GPtrArray **keep)
{
  *keep = enlace_order_changes (f->store, f->order, NULL);
  g_assert_cmpuint ((*keep)->len, >=, n);
  return g_ptr_array_index (*keep, n - 1);
}

static gint64
port (Fixture    *f,
      const char *key)
{
  EnlaceTerm t;

  g_assert_true (enlace_store_lookup_term (f->store, key, &t, NULL));
  return t.id;
}

/* The id of the cable on port @key, 0 when it is free. */
static gint64
cable_on (Fixture    *f,
          const char *key)
{
  EnlaceTerm t = { ENLACE_TERM_PORT, port (f, key) };

  return enlace_store_cable_on (f->store, &t);
}

static void
activate (Fixture    *f,
          const char *folio)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.current-order", "s", folio));
  enlace_test_spin (50);
}

static gboolean
banner_shown (Fixture *f)
{
  return gtk_revealer_get_reveal_child (f->window->order_revealer);
}

static GtkWidget *
find_button (GtkWidget  *w,
             const char *prefix)
{
  if (GTK_IS_BUTTON (w) && gtk_widget_get_mapped (w) && gtk_button_get_label (GTK_BUTTON (w)) &&
      g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (w)), prefix))
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, prefix);
      if (found)
        return found;
    }
  return NULL;
}

static EnlaceDevicePage *
show_device (Fixture    *f,
             const char *name)
{
  gint64 id = enlace_store_lookup (f->store, "device", name, NULL);
  EnlacePage *page;

  g_assert_cmpint (id, >, 0);
  enlace_window_show_object (f->window, "device", id);
  enlace_test_spin (100);
  page = enlace_window_get_visible_page (f->window);
  g_assert_true (ENLACE_IS_DEVICE_PAGE (page));
  return ENLACE_DEVICE_PAGE (page);
}

/* Connect and Disconnect while an order is current: the changes go to the
 * order, the plant stays as it was. */
static void
test_connect (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keep = NULL;
  EnlaceDevicePage *page;
  EnlaceConnectDialog *dialog;
  EnlaceOrderChange *c;
  GtkWidget *button;
  gint64 a = port (f, "R-P0-SW1:Gi1/0/40"), b = port (f, "R-P0-SW1:Gi1/0/41");
  gint64 cord = cable_on (f, "R-P0-SW1:Gi1/0/9");
  g_autofree char *label = NULL;
  gint64 seq;

  g_assert_cmpint (cable_on (f, "R-P0-SW1:Gi1/0/40"), ==, 0);
  g_assert_cmpint (cord, >, 0);
  g_assert_false (banner_shown (f));

  /* from the order's page, the window's action */
  enlace_window_show_object (f->window, "case", f->order);
  enlace_test_spin (100);
  activate (f, f->folio);
  g_assert_cmpstr (_enlace_window_get_current_order (f->window), ==, f->folio);
  g_assert_true (banner_shown (f));
  g_assert_nonnull (strstr (gtk_label_get_label (f->window->order_label), f->folio));
  g_assert_true (_enlace_window_toasted (f->window, f->folio));
  enlace_test_spin (300);
  enlace_test_screenshot (GTK_WIDGET (f->window), "current-order-case.png");

  /* Connect: the dialog offers to add to the order */
  page = show_device (f, "R-P0-SW1");
  enlace_device_page_select_port (page, a);
  enlace_test_spin (20);
  dialog = enlace_device_page_connect (page);
  g_assert_nonnull (dialog);
  enlace_test_spin (50);
  label = g_strdup_printf (_("Add to order %s"), f->folio);
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), label));
  g_assert_cmpuint (enlace_connect_dialog_search (dialog, "R-P0-SW1:Gi1/0/41"), >, 0);
  g_assert_true (enlace_connect_dialog_select (dialog, b));
  seq = enlace_connect_dialog_connect (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seq, ==, 1);
  enlace_test_spin (50);
  /* the plant did not change; the order has the change */
  g_assert_cmpint (cable_on (f, "R-P0-SW1:Gi1/0/40"), ==, 0);
  g_assert_cmpint (cable_on (f, "R-P0-SW1:Gi1/0/41"), ==, 0);
  g_assert_cmpuint (n_changes (f), ==, 1);
  c = change (f, 1, &keep);
  g_assert_cmpstr (c->kind, ==, "connect");
  g_assert_cmpstr (json_object_get_string_member (c->params, "a"), ==, "R-P0-SW1:Gi1/0/40");
  g_assert_cmpstr (json_object_get_string_member (c->params, "b"), ==, "R-P0-SW1:Gi1/0/41");
  {
    g_autofree char *toast = g_strdup_printf (_("Change %u added to %s"), 1, f->folio);

    g_assert_true (_enlace_window_toasted (f->window, toast));
  }
  g_clear_pointer (&keep, g_ptr_array_unref);

  /* one command: undo takes the change out of the order */
  g_assert_true (enlace_store_undo (f->store, &error));
  g_assert_no_error (error);
  enlace_test_spin (50);
  g_assert_cmpuint (n_changes (f), ==, 0);
  g_assert_true (enlace_store_redo (f->store, &error));
  g_assert_no_error (error);
  enlace_test_spin (50);
  g_assert_cmpuint (n_changes (f), ==, 1);

  /* Disconnect: the port's button says where it goes */
  page = show_device (f, "R-P0-SW1");
  enlace_device_page_select_port (page, port (f, "R-P0-SW1:Gi1/0/9"));
  enlace_test_spin (50);
  g_clear_pointer (&label, g_free);
  label = g_strdup_printf (_("Disconnect in order %s"), f->folio);
  button = find_button (GTK_WIDGET (page), label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  enlace_test_spin (50);
  g_assert_cmpint (cable_on (f, "R-P0-SW1:Gi1/0/9"), ==, cord);
  g_assert_cmpuint (n_changes (f), ==, 2);
  c = change (f, 2, &keep);
  g_assert_cmpstr (c->kind, ==, "disconnect");
  g_clear_pointer (&keep, g_ptr_array_unref);

  /* leaving the order gives Connect back to the plant */
  activate (f, "");
  g_assert_null (_enlace_window_get_current_order (f->window));
  g_assert_false (banner_shown (f));
  page = show_device (f, "R-P0-SW1");
  enlace_device_page_select_port (page, a);
  enlace_test_spin (20);
  dialog = enlace_device_page_connect (page);
  g_clear_pointer (&label, g_free);
  label = g_strdup_printf (_("Add to order %s"), f->folio);
  g_assert_null (find_button (GTK_WIDGET (dialog), label));
  g_assert_cmpuint (enlace_connect_dialog_search (dialog, "R-P0-SW1:Gi1/0/41"), >, 0);
  g_assert_true (enlace_connect_dialog_select (dialog, b));
  g_assert_cmpint (enlace_connect_dialog_connect (dialog, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (cable_on (f, "R-P0-SW1:Gi1/0/40"), >, 0);
  g_assert_cmpuint (n_changes (f), ==, 2);
}

/* The rack view adds and moves devices into the order; executing the
 * order leaves it. */
static void
test_rack (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keep = NULL;
  g_autoptr(JsonObject) sw = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  EnlaceOrderChange *c;
  EnlacePage *page;
  gint64 sw_id = enlace_store_lookup (f->store, "device", "R-P0-SW1", NULL);
  gint64 other;

  sw = enlace_store_get (f->store, "device", sw_id, &error);
  g_assert_no_error (error);

  /* refused: a case that is not an order */
  json_object_set_string_member (values, "summary", "Alta de correo");
  other = enlace_case_open (f->store, "correo-alta", values, &error);
  g_assert_no_error (error);
  {
    g_autoptr(EnlaceCaseRow) row = enlace_cases_get_row (f->store, other, NULL);

    g_assert_false (_enlace_window_set_current_order (f->window, row->folio, &error));
    g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, row->folio));
    g_clear_error (&error);
    g_assert_null (_enlace_window_get_current_order (f->window));
  }

  g_assert_true (_enlace_window_set_current_order (f->window, f->folio, &error));
  g_assert_no_error (error);
  enlace_window_show_object (f->window, "rack", json_object_get_int_member (sw, "rack_id"));
  enlace_test_spin (100);
  page = enlace_window_get_visible_page (f->window);
  g_assert_true (ENLACE_IS_RACK_VIEW (page));

  /* add: a change, no device */
  g_assert_cmpint (enlace_rack_view_add_device (ENLACE_RACK_VIEW (page), json_object_get_int_member (sw, "device_type_id"),
                                                "R-P0-SW9", "front", 10, &error), ==, -1);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (f->store, "device", "R-P0-SW9", NULL), <=, 0);
  /* move: a change, the switch stays */
  g_assert_true (enlace_rack_view_move_device (ENLACE_RACK_VIEW (page), sw_id, "rear", 20, &error));
  g_assert_no_error (error);
  after = enlace_store_get (f->store, "device", sw_id, &error);
  g_assert_cmpfloat (json_object_get_double_member (after, "u_position"), ==,
                     json_object_get_double_member (sw, "u_position"));
  g_assert_cmpstr (json_object_get_string_member (after, "face"), ==, json_object_get_string_member (sw, "face"));
  g_assert_cmpuint (n_changes (f), ==, 2);
  /* for the README (docs/screenshots/current-order-es.png, LANGUAGE=es) */
  enlace_test_spin (300);
  enlace_test_screenshot (GTK_WIDGET (f->window), "current-order.png");
  c = change (f, 1, &keep);
  g_assert_cmpstr (c->kind, ==, "add-device");
  g_assert_cmpstr (c->target, ==, "R-P0-SW9");
  g_assert_cmpstr (json_object_get_string_member (c->params, "u"), ==, "10");
  c = g_ptr_array_index (keep, 1);
  g_assert_cmpstr (c->kind, ==, "move-device");
  g_assert_cmpstr (json_object_get_string_member (c->params, "face"), ==, "rear");
  g_assert_cmpstr (json_object_get_string_member (c->params, "u"), ==, "20");

  /* a refusal of the order is shown and adds nothing */
  g_assert_false (enlace_rack_view_move_device (ENLACE_RACK_VIEW (page), sw_id, "front", 30, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_nonnull (enlace_rack_view_get_message (ENLACE_RACK_VIEW (page)));
  g_assert_cmpuint (n_changes (f), ==, 2);

  /* deleting a device adds its removal to the order; the device stays */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-object", "(sx)", "device",
                                             enlace_store_lookup (f->store, "device", "R-0A-PPB", NULL)));
  enlace_test_spin (50);
  g_assert_cmpint (enlace_store_lookup (f->store, "device", "R-0A-PPB", NULL), >, 0);
  g_assert_cmpuint (n_changes (f), ==, 3);
  g_clear_pointer (&keep, g_ptr_array_unref);
  c = change (f, 3, &keep);
  g_assert_cmpstr (c->kind, ==, "remove-device");
  g_assert_cmpstr (c->target, ==, "R-0A-PPB");

  /* executed, the order is no longer current */
  g_assert_true (enlace_order_execute (f->store, f->order, &error));
  g_assert_no_error (error);
  enlace_test_spin (50);
  g_assert_null (_enlace_window_get_current_order (f->window));
  g_assert_false (banner_shown (f));
  g_assert_cmpint (enlace_store_lookup (f->store, "device", "R-P0-SW9", NULL), >, 0);
  g_assert_cmpint (enlace_store_lookup (f->store, "device", "R-0A-PPB", NULL), <=, 0);
  g_assert_false (_enlace_window_set_current_order (f->window, f->folio, &error));
  g_assert_nonnull (strstr (error->message, f->folio));
}

/* The plan's outlet tool adds outlets to the order, each with a name of
 * its own; without the order it places them in the plant again. */
static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keep = NULL;
  g_autoptr(JsonObject) rack = NULL;
  g_autoptr(JsonObject) space = NULL;
  g_autofree char *space_key = NULL;
  EnlaceOrderChange *c;
  EnlacePlanCanvas *canvas;
  EnlacePage *page;
  EnlacePoint p;
  gint64 floor_id;
  guint devices = enlace_store_count (f->store, "device");

  rack = enlace_store_get (f->store, "rack", enlace_store_lookup (f->store, "rack", "R-0A-R1", NULL), &error);
  g_assert_no_error (error);
  space = enlace_store_get (f->store, "space", json_object_get_int_member (rack, "space_id"), &error);
  g_assert_no_error (error);
  floor_id = json_object_get_int_member (space, "floor_id");
  space_key = enlace_store_dup_key (f->store, "space", json_object_get_int_member (space, "id"));
  p = (EnlacePoint) { json_object_get_double_member (rack, "x"), json_object_get_double_member (rack, "y") };
  g_assert_cmpint (enlace_plan_space_at (f->store, floor_id, p), ==, json_object_get_int_member (space, "id"));

  activate (f, f->folio);
  enlace_window_show_object (f->window, "plan", floor_id);
  enlace_test_spin (100);
  page = enlace_window_get_visible_page (f->window);
  g_assert_true (ENLACE_IS_PLAN_PAGE (page));
  canvas = enlace_plan_page_get_canvas (ENLACE_PLAN_PAGE (page));
  enlace_plan_canvas_set_tool (canvas, ENLACE_PLAN_TOOL_OUTLET);
  enlace_plan_canvas_click_at (canvas, p, 0, 1);
  enlace_test_spin (50);
  enlace_plan_canvas_click_at (canvas, (EnlacePoint) { p.x, p.y + 0.5 }, 0, 1);
  enlace_test_spin (50);
  g_assert_cmpuint (enlace_store_count (f->store, "device"), ==, devices);
  g_assert_cmpuint (n_changes (f), ==, 2);
  c = change (f, 1, &keep);
  g_assert_cmpstr (c->kind, ==, "add-outlet");
  g_assert_cmpstr (json_object_get_string_member (c->params, "space"), ==, space_key);
  g_assert_nonnull (c->target);
  g_assert_cmpstr (((EnlaceOrderChange *) g_ptr_array_index (keep, 1))->kind, ==, "add-outlet");
  g_assert_cmpstr (((EnlaceOrderChange *) g_ptr_array_index (keep, 1))->target, !=, c->target);

  /* without the order the tool places an outlet in the plant */
  activate (f, "");
  page = enlace_window_get_visible_page (f->window);
  canvas = enlace_plan_page_get_canvas (ENLACE_PLAN_PAGE (page));
  enlace_plan_canvas_set_tool (canvas, ENLACE_PLAN_TOOL_OUTLET);
  enlace_plan_canvas_click_at (canvas, (EnlacePoint) { p.x, p.y + 1 }, 0, 1);
  enlace_test_spin (50);
  g_assert_cmpuint (enlace_store_count (f->store, "device"), ==, devices + 1);
  g_assert_cmpuint (n_changes (f), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("ENLACE_LOCALEDIR");
  int ret;

  /* ENLACE_LOCALEDIR=BUILD/po LANGUAGE=es: the README's picture in Spanish */
  setlocale (LC_ALL, "");
  if (localedir)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
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

  g_test_add ("/views/cases/current-order/connect", Fixture, NULL, fixture_setup, test_connect, fixture_teardown);
  g_test_add ("/views/cases/current-order/rack", Fixture, NULL, fixture_setup, test_rack, fixture_teardown);
  g_test_add ("/views/cases/current-order/plan", Fixture, NULL, fixture_setup, test_plan, fixture_teardown);
  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
