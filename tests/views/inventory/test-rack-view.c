/* test-rack-view.c: the rack page under Xvfb: drag, refusal, add */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "enlace-rack-view.h"
#include "enlace-render-util.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"

typedef struct
{
  EnlaceTestPlant  ids;
  EnlaceStore     *store;
  GtkWidget       *page;
  GtkWidget       *window;
  char            *shown;     /* last ::show-message */
} Fixture;

static void
show_message_cb (EnlacePage *page,
                 const char *message,
                 Fixture    *f)
{
  g_free (f->shown);
  f->shown = g_strdup (message);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->store = enlace_test_plant_new (&f->ids);
  f->page = g_object_new (ENLACE_TYPE_RACK_VIEW, NULL);
  g_signal_connect (f->page, "show-message", G_CALLBACK (show_message_cb), f);
  enlace_page_set_store (ENLACE_PAGE (f->page), f->store);
  enlace_page_set_object (ENLACE_PAGE (f->page), "rack", f->ids.rack);
  f->window = enlace_test_window (f->page, 900, 800);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  g_clear_pointer (&f->shown, g_free);
}

static double
stored_position (Fixture *f,
                 gint64   device)
{
  g_autoptr(JsonObject) o = enlace_store_get (f->store, "device", device, NULL);

  g_assert_nonnull (o);
  return enlace_json_double (o, "u_position", 0);
}

/* Drags the device at unit @from (front) so that it lands on unit @to. */
static void
drag (Fixture *f,
      double   from,
      double   to,
      EnlaceRackFace to_face)
{
  EnlaceRackCanvas *canvas = enlace_rack_view_get_canvas (ENLACE_RACK_VIEW (f->page));
  EnlaceRackElevation *e = enlace_rack_canvas_get_elevation (canvas);
  double x, y, w, h, tx, ty, tw, th;

  enlace_rack_elevation_get_span_rect (e, ENLACE_RACK_FACE_FRONT, from, 1, &x, &y, &w, &h);
  enlace_rack_elevation_get_span_rect (e, to_face, to, 1, &tx, &ty, &tw, &th);
  g_assert_true (enlace_rack_canvas_drag_begin (canvas, x + w / 2, y + h / 2));
  enlace_rack_canvas_drag_update (canvas, (tx - x) / 2, (ty - y) / 2);
  enlace_rack_canvas_drag_end (canvas, tx - x, ty - y);
  enlace_test_spin (50);
}

static void
test_drag_to_free_unit (Fixture       *f,
                        gconstpointer  data)
{
  EnlaceRackCanvas *canvas = enlace_rack_view_get_canvas (ENLACE_RACK_VIEW (f->page));

  g_assert_cmpstr (enlace_page_get_title (ENLACE_PAGE (f->page)), ==, "Rack R1");
  enlace_test_screenshot (f->page, "rack-view.png");

  /* SW-1 from U22 to the free U20 */
  drag (f, 22, 20, ENLACE_RACK_FACE_FRONT);
  g_assert_cmpfloat (stored_position (f, f->ids.sw1), ==, 20);
  /* the page redrew from the store */
  g_assert_cmpfloat (enlace_rack_elevation_find_device (enlace_rack_canvas_get_elevation (canvas),
                                                        f->ids.sw1)->position, ==, 20);
  g_assert_null (enlace_rack_view_get_message (ENLACE_RACK_VIEW (f->page)));
  g_assert_null (f->shown);

  /* across to the rear face */
  drag (f, 20, 6, ENLACE_RACK_FACE_REAR);
  {
    g_autoptr(JsonObject) o = enlace_store_get (f->store, "device", f->ids.sw1, NULL);
    g_assert_cmpfloat (enlace_json_double (o, "u_position", 0), ==, 6);
    g_assert_cmpstr (enlace_json_string (o, "face"), ==, "rear");
  }

  /* and it is one undoable command each */
  g_assert_true (enlace_store_undo (f->store, NULL));
  g_assert_cmpfloat (stored_position (f, f->ids.sw1), ==, 20);
  enlace_test_spin (50);
  g_assert_cmpfloat (enlace_rack_elevation_find_device (enlace_rack_canvas_get_elevation (canvas),
                                                        f->ids.sw1)->position, ==, 20);
}

static void
test_refused_move (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = NULL;
  const char *message;

  g_assert_true (enlace_store_can_undo (f->store));
  before = enlace_store_dup_undo_label (f->store);

  /* SW-1 onto PP-1's unit: the model refuses, nothing changes */
  drag (f, 22, 24, ENLACE_RACK_FACE_FRONT);
  message = enlace_rack_view_get_message (ENLACE_RACK_VIEW (f->page));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "PP-1"));
  g_assert_cmpstr (f->shown, ==, message);
  g_assert_cmpfloat (stored_position (f, f->ids.sw1), ==, 22);
  {
    g_autofree char *after = enlace_store_dup_undo_label (f->store);
    g_assert_cmpstr (after, ==, before);
  }
  enlace_test_spin (400);   /* the message slides in */
  enlace_test_screenshot (f->page, "rack-view-refused.png");

  /* the next good move clears the message */
  drag (f, 22, 23, ENLACE_RACK_FACE_FRONT);
  g_assert_cmpfloat (stored_position (f, f->ids.sw1), ==, 23);
  g_assert_null (enlace_rack_view_get_message (ENLACE_RACK_VIEW (f->page)));
}

static void
test_add_device (Fixture       *f,
                 gconstpointer  data)
{
  EnlaceRackCanvas *canvas = enlace_rack_view_get_canvas (ENLACE_RACK_VIEW (f->page));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) o = NULL;
  guint n_before = enlace_rack_elevation_get_n_devices (enlace_rack_canvas_get_elevation (canvas));
  gint64 id;

  id = enlace_rack_view_add_device (ENLACE_RACK_VIEW (f->page), f->ids.type_switch, "SW-9", "front", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  o = enlace_store_get (f->store, "device", id, NULL);
  g_assert_cmpint (enlace_json_int (o, "rack_id", 0), ==, f->ids.rack);
  g_assert_cmpstr (enlace_json_string (o, "role"), ==, "switch");
  /* the type's 26 ports came with it */
  {
    g_autoptr(GPtrArray) ports = enlace_store_list (f->store, "port", id, NULL);
    g_assert_cmpuint (ports->len, ==, 26);
  }
  enlace_test_spin (50);
  g_assert_cmpuint (enlace_rack_elevation_get_n_devices (enlace_rack_canvas_get_elevation (canvas)), ==, n_before + 1);
  g_assert_cmpint (enlace_rack_canvas_get_selected (canvas), ==, id);

  /* a taken unit is refused with the model's message */
  id = enlace_rack_view_add_device (ENLACE_RACK_VIEW (f->page), f->ids.type_server, "SRV-9", "rear", 18, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT);
  g_assert_nonnull (f->shown);
  g_assert_cmpint (enlace_store_lookup (f->store, "device", "SRV-9", NULL), ==, 0);
  enlace_test_screenshot (f->page, "rack-view-added.png");
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type,
             guint      nth)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint seen = 0;

  g_ptr_array_add (stack, widget);
  /* breadth first, in order */
  for (guint i = 0; i < stack->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (stack, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && seen++ == nth)
        return w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return NULL;
}

/* Double-clicking a free unit opens the Add popover at that unit. */
static void
test_add_at_free_unit (Fixture       *f,
                       gconstpointer  data)
{
  EnlaceRackCanvas *canvas = enlace_rack_view_get_canvas (ENLACE_RACK_VIEW (f->page));
  GtkWidget *menu_button = find_widget (f->page, GTK_TYPE_MENU_BUTTON, 0);
  GtkWidget *popover, *spin, *type_dropdown, *add = NULL;
  gint64 id;

  g_assert_nonnull (menu_button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  g_signal_emit_by_name (canvas, "unit-activated", "front", 5);
  enlace_test_spin (300);
  g_assert_true (gtk_widget_get_visible (popover));

  spin = find_widget (popover, GTK_TYPE_SPIN_BUTTON, 0);
  type_dropdown = find_widget (popover, GTK_TYPE_DROP_DOWN, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 5);
  /* APC, Cisco, Dell, Lenovo, Panduit ×2: pick the Cisco switch */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (type_dropdown), 1);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 5);

  for (guint i = 0; (add = find_widget (popover, GTK_TYPE_BUTTON, i)); i++)
    if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (add)), "_Add") == 0)
      break;
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  enlace_test_spin (300);

  id = enlace_store_lookup (f->store, "device", "SW-3", NULL);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpfloat (stored_position (f, id), ==, 5);
  g_assert_false (gtk_widget_get_visible (popover));
}

/* The first click gives the rack the focus: the view must not scroll to
 * "show" it (it scrolled to the bottom, and the double-click to open then
 * landed on another unit). */
static void
test_focus_keeps_scroll (Fixture       *f,
                         gconstpointer  data)
{
  EnlaceRackCanvas *canvas = enlace_rack_view_get_canvas (ENLACE_RACK_VIEW (f->page));
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (canvas), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadj;

  g_assert_nonnull (scroller);
  /* a window shorter than the rack */
  g_object_ref (f->page);
  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = enlace_test_window (f->page, 900, 360);
  g_object_unref (f->page);
  vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, gtk_adjustment_get_page_size (vadj));
  gtk_adjustment_set_value (vadj, 40);
  enlace_test_spin (50);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (canvas)));
  enlace_test_spin (100);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadj), 40, 0.5);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);

      if (found)
        return found;
    }
  return NULL;
}

/* The device types offered after typing @text in the search */
static guint
types_found (GtkWidget  *drop,
             const char *text)
{
  GtkWidget *list = find_descendant (drop, GTK_TYPE_LIST_VIEW);
  GtkWidget *entry = find_descendant (drop, GTK_TYPE_SEARCH_ENTRY);
  GListModel *shown;

  g_assert_nonnull (list);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  enlace_test_spin (400);   /* search-changed waits a little */
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  return g_list_model_get_n_items (shown);
}

/* The add-device search finds words anywhere, blind to case and accents,
 * and offers no wall outlet, phone or computer for a rack */
static void
test_type_search (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *add = find_descendant (f->page, GTK_TYPE_MENU_BUTTON);
  GtkWidget *drop;
  GListModel *all;

  g_assert_nonnull (add);
  gtk_menu_button_popup (GTK_MENU_BUTTON (add));
  enlace_test_spin (100);
  drop = find_descendant (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add))), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (drop);
  all = gtk_drop_down_get_model (GTK_DROP_DOWN (drop));
  /* panel, switch, server, PDU; not the outlet nor the computer */
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(GtkStringObject) s = g_list_model_get_item (all, i);

      g_assert_null (strstr (gtk_string_object_get_string (s), "Doble RJ45"));
      g_assert_null (strstr (gtk_string_object_get_string (s), "ThinkCentre"));
    }

  g_assert_cmpuint (types_found (drop, "cp24"), ==, 1);
  g_assert_cmpuint (types_found (drop, "CP24"), ==, 1);
  g_assert_cmpuint (types_found (drop, "panel"), ==, 1);
  g_assert_cmpuint (types_found (drop, "poweredge"), ==, 1);
  g_assert_cmpuint (types_found (drop, ""), ==, 4);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (add));
}

int
main (int   argc,
      char *argv[])
{
  /* no G_TEST_OPTION_ISOLATE_DIRS: GTK finds the MIME database (for its
   * SVG icons) through XDG_DATA_DIRS; the test environment sets the XDG
   * home directories */
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add ("/views/rack-view/drag-to-free-unit", Fixture, NULL, setup, test_drag_to_free_unit, teardown);
  g_test_add ("/views/rack-view/refused-move", Fixture, NULL, setup, test_refused_move, teardown);
  g_test_add ("/views/rack-view/add-device", Fixture, NULL, setup, test_add_device, teardown);
  g_test_add ("/views/rack-view/add-at-free-unit", Fixture, NULL, setup, test_add_at_free_unit, teardown);
  g_test_add ("/views/rack-view/type-search", Fixture, NULL, setup, test_type_search, teardown);
  g_test_add ("/views/rack-view/focus-keeps-scroll", Fixture, NULL, setup, test_focus_keeps_scroll, teardown);

  return g_test_run ();
}
