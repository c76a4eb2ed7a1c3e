/* test-device-page.c: the device page under Xvfb: ports, trace, connect */
#include "config.h"

#include <adwaita.h>

#include "enlace-device-page.h"
#include "enlace-render-util.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"

typedef struct
{
  EnlaceTestPlant  ids;
  EnlaceStore     *store;
  GtkWidget       *page;
  GtkWidget       *window;
  char            *activated;
} Fixture;

static void
activated_cb (EnlacePage *page,
              const char *kind,
              gint64      id,
              Fixture    *f)
{
  g_free (f->activated);
  f->activated = g_strdup_printf ("%s %" G_GINT64_FORMAT, kind, id);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->store = enlace_test_plant_new (&f->ids);
  f->page = g_object_new (ENLACE_TYPE_DEVICE_PAGE, NULL);
  g_signal_connect (f->page, "object-activated", G_CALLBACK (activated_cb), f);
  enlace_page_set_store (ENLACE_PAGE (f->page), f->store);
  enlace_page_set_object (ENLACE_PAGE (f->page), "device", f->ids.sw1);
  f->window = enlace_test_window (f->page, 1000, 760);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  g_clear_pointer (&f->activated, g_free);
}

static void
test_ports_and_trace (Fixture       *f,
                      gconstpointer  data)
{
  EnlaceDevicePage *page = ENLACE_DEVICE_PAGE (f->page);
  EnlaceTraceDrawing *trace;

  g_assert_cmpstr (enlace_page_get_title (ENLACE_PAGE (page)), ==, "SW-1");
  g_assert_cmpuint (enlace_port_panel_get_n_ports (enlace_device_page_get_panel (page)), ==, 26);
  g_assert_null (enlace_device_page_get_trace (page));

  enlace_device_page_select_port (page, f->ids.sw1_gi1);
  trace = enlace_device_page_get_trace (page);
  g_assert_nonnull (trace);
  g_assert_cmpuint (enlace_trace_drawing_get_n_paths (trace), ==, 1);
  g_assert_cmpuint (enlace_trace_drawing_get_n_boxes (trace), ==, 4);
  g_assert_cmpuint (enlace_trace_drawing_get_n_cables (trace), ==, 3);
  enlace_test_spin (100);
  enlace_test_screenshot (f->page, "device-page.png");

  /* a connected port has no Connect dialog */
  g_assert_null (enlace_device_page_connect (page));

  /* a patch panel: front and rear ports */
  enlace_page_set_object (ENLACE_PAGE (page), "device", f->ids.pp1);
  g_assert_cmpuint (enlace_port_panel_get_n_ports (enlace_device_page_get_panel (page)), ==, 48);
  g_assert_cmpint (enlace_device_page_get_selected_port (page), ==, 0);
  enlace_device_page_select_port (page, f->ids.pp1_r1);
  g_assert_cmpuint (enlace_trace_drawing_get_n_paths (enlace_device_page_get_trace (page)), ==, 1);
  enlace_test_spin (100);
  enlace_test_screenshot (f->page, "device-page-panel.png");
}

static void
test_connect_dialog (Fixture       *f,
                     gconstpointer  data)
{
  EnlaceDevicePage *page = ENLACE_DEVICE_PAGE (f->page);
  gint64 gi3 = enlace_test_port (f->store, "SW-1:Gi1/0/3");
  gint64 pp3 = enlace_test_port (f->store, "PP-1:3");
  EnlaceConnectDialog *dialog;
  EnlaceCableProposal p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) cable = NULL;
  guint n_cables = enlace_store_count (f->store, "cable");
  EnlaceTerm term = { ENLACE_TERM_PORT, gi3 };
  gint64 cable_id;

  enlace_device_page_select_port (page, gi3);
  g_assert_cmpint (enlace_port_panel_find_port (enlace_device_page_get_panel (page), gi3)->state, ==, ENLACE_PORT_FREE);
  dialog = enlace_device_page_connect (page);
  g_assert_nonnull (dialog);
  g_object_ref (dialog);

  /* nothing typed: the free copper ports of the rack's other devices
   * (PP-1 45, SRV-1 4, SW-2 24), at most 60 */
  g_assert_cmpuint (enlace_connect_dialog_search (dialog, ""), ==, 60);

  /* search: by device, then device:port; ports with a cable are not offered */
  g_assert_cmpuint (enlace_connect_dialog_search (dialog, "PP-1"), ==, 48 - 3);
  g_assert_cmpuint (enlace_connect_dialog_search (dialog, "PP-1:3"), ==, 1);
  g_assert_cmpuint (enlace_connect_dialog_search (dialog, "PP-1:1"), ==, 10); /* 10..19, not 1 */
  g_assert_cmpuint (enlace_connect_dialog_search (dialog, "no such thing"), ==, 0);
  g_assert_cmpuint (enlace_connect_dialog_search (dialog, "PP-1:3"), ==, 1);
  g_assert_false (enlace_connect_dialog_connect (dialog, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* the proposal: a patch cord in the same rack */
  g_assert_true (enlace_connect_dialog_select (dialog, pp3));
  enlace_connect_dialog_get_cable (dialog, &p);
  g_assert_cmpstr (p.kind, ==, "patch-cord");
  g_assert_cmpstr (p.type, ==, "cat6");
  g_assert_cmpstr (p.label, ==, "PC-0004");
  g_assert_cmpfloat (p.length_m, ==, 1);
  enlace_cable_proposal_clear (&p);
  enlace_test_spin (150);
  enlace_test_screenshot (GTK_WIDGET (dialog), "connect-dialog.png");

  cable_id = enlace_connect_dialog_connect (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cable_id, >, 0);
  g_assert_cmpuint (enlace_store_count (f->store, "cable"), ==, n_cables + 1);
  g_assert_cmpint (enlace_store_cable_on (f->store, &term), ==, cable_id);
  cable = enlace_store_get (f->store, "cable", cable_id, NULL);
  g_assert_cmpstr (enlace_json_string (cable, "label"), ==, "PC-0004");
  g_assert_cmpstr (enlace_json_string (cable, "kind"), ==, "patch-cord");
  g_assert_cmpfloat (enlace_json_double (cable, "length_m", 0), ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  /* the page shows the new cable and its trace (to the open rear of PP-1:R3) */
  enlace_test_spin (50);
  g_assert_cmpint (enlace_port_panel_find_port (enlace_device_page_get_panel (page), gi3)->state, ==, ENLACE_PORT_CONNECTED);
  g_assert_cmpint (enlace_device_page_get_selected_port (page), ==, gi3);
  g_assert_cmpuint (enlace_trace_drawing_get_n_cables (enlace_device_page_get_trace (page)), ==, 1);

  /* undo takes it away again */
  g_assert_true (enlace_store_undo (f->store, &error));
  g_assert_no_error (error);
  enlace_test_spin (50);
  g_assert_cmpint (enlace_store_cable_on (f->store, &term), ==, 0);
  g_assert_cmpint (enlace_port_panel_find_port (enlace_device_page_get_panel (page), gi3)->state, ==, ENLACE_PORT_FREE);
}

static void
test_proposals (Fixture       *f,
                gconstpointer  data)
{
  EnlaceCableProposal p = { 0 };

  /* panel rear to a wall outlet's rear: a horizontal link, length unknown */
  enlace_cable_propose (f->store, enlace_test_port (f->store, "PP-1:R2"), enlace_test_port (f->store, "O-101:R2"), &p);
  g_assert_cmpstr (p.kind, ==, "horizontal");
  g_assert_cmpstr (p.type, ==, "cat6");
  g_assert_cmpstr (p.label, ==, "H-0001");
  g_assert_cmpfloat (p.length_m, <, 0);
  /* desk computer to a jack: a patch cord, 3 m */
  enlace_cable_propose (f->store, enlace_test_port (f->store, "O-101:J2"), enlace_test_port (f->store, "SRV-1:eno1"), &p);
  g_assert_cmpstr (p.kind, ==, "patch-cord");
  g_assert_cmpfloat (p.length_m, ==, 3);
  /* fibre uplink */
  enlace_cable_propose (f->store, enlace_test_port (f->store, "SW-1:Te1/1/1"), enlace_test_port (f->store, "SW-2:Te1/1/1"), &p);
  g_assert_cmpstr (p.type, ==, "om4");
  g_assert_cmpstr (p.kind, ==, "equipment-cord");
  enlace_cable_proposal_clear (&p);
}

/* The drawings sit on a light sheet under the dark style (run last: the
 * style change stays with the process). */
static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  enlace_device_page_select_port (ENLACE_DEVICE_PAGE (f->page), f->ids.sw1_gi1);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  enlace_test_spin (150);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  enlace_test_screenshot (f->page, "device-page-dark.png");
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

  g_test_add ("/views/device-page/ports-and-trace", Fixture, NULL, setup, test_ports_and_trace, teardown);
  g_test_add ("/views/device-page/connect-dialog", Fixture, NULL, setup, test_connect_dialog, teardown);
  g_test_add ("/views/device-page/proposals", Fixture, NULL, setup, test_proposals, teardown);
  g_test_add ("/views/device-page/dark", Fixture, NULL, setup, test_dark, teardown);

  return g_test_run ();
}
