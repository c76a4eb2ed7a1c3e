/* test-trace-view.c: the trace and "what breaks" pages under Xvfb */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "enlace-device-page.h"
#include "enlace-impact-view.h"
#include "enlace-object-form.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"
#include "enlace-trace-view.h"

typedef struct
{
  EnlaceTestPlant  ids;
  EnlaceStore     *store;
  GtkWidget       *window;
  GtkWidget       *stack;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->store = enlace_test_plant_new (&f->ids);
  f->stack = gtk_stack_new ();
  f->window = enlace_test_window (f->stack, 1000, 800);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
}

static EnlacePage *
show (Fixture    *f,
      GType       type,
      const char *kind,
      gint64      id)
{
  GtkWidget *page = g_object_new (type, NULL);
  GtkWidget *old;

  while ((old = gtk_widget_get_first_child (f->stack)))
    gtk_stack_remove (GTK_STACK (f->stack), old);
  enlace_page_set_store (ENLACE_PAGE (page), f->store);
  enlace_page_set_object (ENLACE_PAGE (page), kind, id);
  gtk_stack_add_child (GTK_STACK (f->stack), page);
  enlace_test_spin (150);
  return ENLACE_PAGE (page);
}

static void
message_cb (EnlacePage *page,
            const char *message,
            gboolean   *flag)
{
  *flag = TRUE;
}

static gboolean
is_pdf (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  return g_file_get_contents (path, &data, &len, NULL) && len > 1000 && g_str_has_prefix (data, "%PDF-");
}

static void
test_port_trace (Fixture       *f,
                 gconstpointer  data)
{
  EnlacePage *page = show (f, ENLACE_TYPE_TRACE_VIEW, "trace/port", f->ids.sw1_gi1);
  EnlaceTraceDrawing *d = enlace_trace_view_get_drawing (ENLACE_TRACE_VIEW (page));
  g_autofree char *pdf = enlace_test_screenshot_path ("trace-view.pdf");
  g_autofree char *png = enlace_test_screenshot_path ("trace-view-export.png");
  g_autofree char *printed = enlace_test_screenshot_path ("trace-view-print.pdf");
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (enlace_page_get_title (page), ==, "Trace from SW-1:Gi1/0/1");
  g_assert_nonnull (d);
  g_assert_cmpuint (enlace_trace_drawing_get_n_paths (d), ==, 1);
  g_assert_cmpuint (enlace_trace_drawing_get_n_boxes (d), ==, 4);
  g_assert_cmpuint (enlace_trace_drawing_get_n_cables (d), ==, 3);
  g_assert_nonnull (strstr (enlace_page_get_subtitle (page), "1 complete"));
  enlace_test_screenshot (GTK_WIDGET (page), "trace-view.png");

  /* export */
  g_assert_true (enlace_trace_view_export (ENLACE_TRACE_VIEW (page), pdf, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (is_pdf (pdf));
  g_assert_true (enlace_trace_view_export (ENLACE_TRACE_VIEW (page), png, FALSE, &error));
  g_assert_no_error (error);
  {
    cairo_surface_t *s = cairo_image_surface_create_from_png (png);
    double w, h;

    enlace_trace_drawing_get_size (d, &w, &h);
    g_assert_cmpint (cairo_image_surface_get_width (s), ==, (int) ceil (w * 2));
    cairo_surface_destroy (s);
  }

  /* printing goes through GtkPrintOperation */
  g_assert_true (enlace_page_can_print (page));
  op = enlace_page_create_print_operation (page);
  g_assert_nonnull (op);
  gtk_print_operation_set_export_filename (op, printed);
  g_assert_cmpint (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (is_pdf (printed));

  /* an edit shows at once: without the horizontal link the path stops at PP-1 */
  g_assert_true (enlace_store_delete (f->store, "cable", f->ids.cable_horizontal, &error));
  g_assert_no_error (error);
  enlace_test_spin (50);
  d = enlace_trace_view_get_drawing (ENLACE_TRACE_VIEW (page));
  g_assert_cmpuint (enlace_trace_drawing_get_n_cables (d), ==, 1);
  g_assert_nonnull (strstr (enlace_page_get_subtitle (page), "0 complete"));
  enlace_test_screenshot (GTK_WIDGET (page), "trace-view-incomplete.png");

  /* the traced object goes away (SW-1 deleted): the page says so, no toast */
  {
    gboolean toasted = FALSE;
    gulong id = g_signal_connect (page, "show-message", G_CALLBACK (message_cb), &toasted);

    g_assert_true (enlace_store_delete (f->store, "device", f->ids.sw1, &error));
    g_assert_no_error (error);
    enlace_test_spin (50);
    g_assert_false (toasted);
    g_assert_nonnull (strstr (enlace_page_get_title (page), "no longer exists"));
    g_signal_handler_disconnect (page, id);
  }
}

static void
test_other_origins (Fixture       *f,
                    gconstpointer  data)
{
  EnlacePage *page;
  gint64 ext;

  /* a cable: the path through it */
  page = show (f, ENLACE_TYPE_TRACE_VIEW, "trace/cable", f->ids.cable_horizontal);
  g_assert_cmpstr (enlace_page_get_title (page), ==, "Trace through cable H-101-1");
  g_assert_cmpuint (enlace_trace_drawing_get_n_cables (enlace_trace_view_get_drawing (ENLACE_TRACE_VIEW (page))), ==, 3);

  /* an outlet jack */
  page = show (f, ENLACE_TYPE_TRACE_VIEW, "trace/port", f->ids.outlet_j1);
  g_assert_cmpuint (enlace_trace_drawing_get_n_paths (enlace_trace_view_get_drawing (ENLACE_TRACE_VIEW (page))), >=, 1);

  /* an extension riding on a port */
  ext = enlace_test_create (f->store, "extension",
                            "{\"number\": \"2001\", \"status\": \"active\", \"port_id\": %" G_GINT64_FORMAT "}",
                            f->ids.pc_eth0);
  page = show (f, ENLACE_TYPE_TRACE_VIEW, "trace/extension", ext);
  g_assert_nonnull (strstr (enlace_page_get_title (page), "2001"));
  g_assert_cmpuint (enlace_trace_drawing_get_n_cables (enlace_trace_view_get_drawing (ENLACE_TRACE_VIEW (page))), ==, 3);

  /* a device: every port's path */
  page = show (f, ENLACE_TYPE_TRACE_VIEW, "trace/device", f->ids.sw1);
  g_assert_cmpuint (enlace_trace_drawing_get_n_paths (enlace_trace_view_get_drawing (ENLACE_TRACE_VIEW (page))), ==, 2);
  enlace_test_screenshot (GTK_WIDGET (page), "trace-view-device.png");

  /* nothing to trace */
  page = show (f, ENLACE_TYPE_TRACE_VIEW, "trace/port", enlace_test_port (f->store, "SW-1:Gi1/0/9"));
  g_assert_cmpuint (enlace_trace_drawing_get_n_paths (enlace_trace_view_get_drawing (ENLACE_TRACE_VIEW (page))), ==, 0);
}

static void
test_impact (Fixture       *f,
             gconstpointer  data)
{
  EnlacePage *page;

  page = show (f, ENLACE_TYPE_IMPACT_VIEW, "impact/cable", f->ids.cable_horizontal);
  g_assert_nonnull (strstr (enlace_page_get_title (page), "H-101-1"));
  g_assert_cmpuint (enlace_impact_view_get_n_items (ENLACE_IMPACT_VIEW (page)), >=, 1);
  enlace_test_screenshot (GTK_WIDGET (page), "impact-view.png");

  page = show (f, ENLACE_TYPE_IMPACT_VIEW, "impact/rack", f->ids.rack);
  g_assert_cmpuint (enlace_impact_view_get_n_items (ENLACE_IMPACT_VIEW (page)), >=, 1);

  /* a power strip with no ports: nothing breaks */
  page = show (f, ENLACE_TYPE_IMPACT_VIEW, "impact/device", f->ids.pdu1);
  g_assert_cmpuint (enlace_impact_view_get_n_items (ENLACE_IMPACT_VIEW (page)), ==, 0);
  enlace_test_screenshot (GTK_WIDGET (page), "impact-view-nothing.png");
}

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

static void
activated_cb (EnlacePage *page,
              const char *kind,
              gint64      id,
              char      **out)
{
  g_free (*out);
  *out = g_strdup_printf ("%s %" G_GINT64_FORMAT, kind, id);
}

/* The generic form of a cable, port or extension leads to its trace and
 * to what breaks. */
static void
test_reachable_from_forms (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *activated = NULL;
  g_autofree char *expected = NULL;
  EnlacePage *page;
  GtkWidget *trace, *impact;

  page = show (f, ENLACE_TYPE_OBJECT_FORM, "cable", f->ids.cable_horizontal);
  g_signal_connect (page, "object-activated", G_CALLBACK (activated_cb), &activated);
  trace = find_button (GTK_WIDGET (page), "_Trace");
  impact = find_button (GTK_WIDGET (page), "What _breaks…");
  g_assert_nonnull (trace);
  g_assert_nonnull (impact);
  g_assert_true (gtk_widget_get_visible (trace));
  g_signal_emit_by_name (trace, "clicked");
  expected = g_strdup_printf ("trace/cable %" G_GINT64_FORMAT, f->ids.cable_horizontal);
  g_assert_cmpstr (activated, ==, expected);
  g_signal_emit_by_name (impact, "clicked");
  g_free (expected);
  expected = g_strdup_printf ("impact/cable %" G_GINT64_FORMAT, f->ids.cable_horizontal);
  g_assert_cmpstr (activated, ==, expected);

  /* a building has neither */
  page = show (f, ENLACE_TYPE_OBJECT_FORM, "site", f->ids.site);
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (page), "_Trace")));
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (page), "What _breaks…")));
}

/* Issue 11, on the trace page of a jack whose link reaches it from the
 * switch over a planned patch cord: the path is served up to the jack
 * (not incomplete), drawn from the jack the user traced, and the planned
 * cable's status is whole; once the cord is gone the page names the
 * missing patch cord and its place. */
static void
test_jack_trace (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  EnlaceTerm a = { ENLACE_TERM_PORT, enlace_test_port (f->store, "PP-1:R2") };
  EnlaceTerm b = { ENLACE_TERM_PORT, enlace_test_port (f->store, "O-101:R2") };
  gint64 jack = enlace_test_port (f->store, "O-101:J2");
  EnlacePage *page;
  EnlaceTraceDrawing *d;
  EnlacePath *path;
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  const EnlaceNode *first;
  guint n = 0;

  json_object_set_string_member (values, "label", "H-101-2");
  g_assert_cmpint (enlace_store_connect (f->store, &a, 1, &b, 1, values, &error), >, 0);
  g_assert_no_error (error);

  page = show (f, ENLACE_TYPE_TRACE_VIEW, "trace/port", jack);
  d = enlace_trace_view_get_drawing (ENLACE_TRACE_VIEW (page));
  g_assert_nonnull (d);
  g_assert_cmpstr (enlace_page_get_title (page), ==, "Trace from O-101:J2");
  g_assert_cmpuint (enlace_trace_drawing_get_n_paths (d), ==, 1);

  /* 1: served up to the jack, not incomplete */
  g_assert_nonnull (strstr (enlace_page_get_subtitle (page), "1 up to the jack, 0 incomplete"));
  path = g_ptr_array_index (enlace_trace_drawing_get_paths (d), 0);
  g_assert_cmpint (path->state, ==, ENLACE_PATH_STATE_TO_JACK);
  text = enlace_trace_drawing_dup_text (d);
  g_assert_nonnull (strstr (text, "Served up to jack O-101:J2"));

  /* 5: drawn from where the user started, the jack */
  first = enlace_path_get_hop (path, 0, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (first[0].id, ==, jack);
  g_assert_true (g_str_has_prefix (text, "Served up to jack") && strstr (text, "\nO-101\n") != NULL);
  g_assert_true (strstr (text, "\nO-101\n") < strstr (text, "\nSW-1\n"));

  /* 6: the planned cord's status is whole, and no line is cut */
  g_assert_nonnull (strstr (text, "Planned"));
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t *cr = cairo_create (surface);

    g_assert_cmpuint (enlace_trace_drawing_count_cut_lines (d, cr), ==, 0);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  enlace_test_screenshot (GTK_WIDGET (page), "trace-view-jack.png");

  /* 3: without the cord, the missing hop is named with its place */
  g_assert_true (enlace_store_delete (f->store, "cable", f->ids.cable_planned, &error));
  g_assert_no_error (error);
  enlace_test_spin (50);
  d = enlace_trace_view_get_drawing (ENLACE_TRACE_VIEW (page));
  g_assert_nonnull (strstr (enlace_page_get_subtitle (page), "0 up to the jack, 1 incomplete"));
  after = enlace_trace_drawing_dup_text (d);
  g_assert_true (g_str_has_prefix (after, "No patch cord at PP-1 port 2 in rack R1."));
}

/* Issue 11, point 4: a retired outlet whose link is decommissioned has
 * no free port and none connected (its jacks are retired with it), and
 * its comment is on its page. */
static void
test_retired_outlet (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) device = json_object_new ();
  g_autoptr(JsonObject) cable = json_object_new ();
  EnlacePage *page;
  EnlacePortPanel *panel;

  json_object_set_string_member (device, "status", "retired");
  json_object_set_string_member (device, "comments", "Office turned into a store room in 2024; link left in the wall");
  g_assert_true (enlace_store_update (f->store, "device", f->ids.outlet, device, &error));
  g_assert_no_error (error);
  json_object_set_string_member (cable, "status", "decommissioned");
  g_assert_true (enlace_store_update (f->store, "cable", f->ids.cable_horizontal, cable, &error));
  g_assert_no_error (error);

  page = show (f, ENLACE_TYPE_DEVICE_PAGE, "device", f->ids.outlet);
  panel = enlace_device_page_get_panel (ENLACE_DEVICE_PAGE (page));
  g_assert_nonnull (panel);
  g_assert_cmpuint (enlace_port_panel_get_n_ports (panel), ==, 4);
  g_assert_cmpuint (enlace_port_panel_count (panel, ENLACE_PORT_CONNECTED), ==, 0);
  g_assert_cmpuint (enlace_port_panel_count (panel, ENLACE_PORT_FREE), ==, 0);
  g_assert_cmpuint (enlace_port_panel_count (panel, ENLACE_PORT_RETIRED), ==, 4);
  g_assert_cmpstr (enlace_device_page_get_comments (ENLACE_DEVICE_PAGE (page)), ==,
                   "Office turned into a store room in 2024; link left in the wall");
  enlace_test_screenshot (GTK_WIDGET (page), "device-page-retired-outlet.png");

  /* an active device with no comment shows none; a decommissioned cable
   * alone makes its port retired, not free */
  page = show (f, ENLACE_TYPE_DEVICE_PAGE, "device", f->ids.pp1);
  g_assert_null (enlace_device_page_get_comments (ENLACE_DEVICE_PAGE (page)));
  panel = enlace_device_page_get_panel (ENLACE_DEVICE_PAGE (page));
  g_assert_cmpint (enlace_port_panel_find_port (panel, f->ids.pp1_r1)->state, ==, ENLACE_PORT_RETIRED);
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

  g_test_add ("/views/trace-view/port", Fixture, NULL, setup, test_port_trace, teardown);
  g_test_add ("/views/trace-view/other-origins", Fixture, NULL, setup, test_other_origins, teardown);
  g_test_add ("/views/impact-view/what-breaks", Fixture, NULL, setup, test_impact, teardown);
  g_test_add ("/views/trace-view/reachable-from-forms", Fixture, NULL, setup, test_reachable_from_forms, teardown);
  g_test_add ("/views/trace-view/jack-trace", Fixture, NULL, setup, test_jack_trace, teardown);
  g_test_add ("/views/trace-view/retired-outlet", Fixture, NULL, setup, test_retired_outlet, teardown);

  return g_test_run ();
}
