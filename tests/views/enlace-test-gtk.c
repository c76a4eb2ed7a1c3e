/* enlace-test-gtk.c: helpers for the widget tests (gui-views) */
#include "config.h"

#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
enlace_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
enlace_test_spin_until (gboolean *flag,
                        guint     ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (!*flag && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return *flag;
}

GtkWidget *
enlace_test_window (GtkWidget *child,
                    int        width,
                    int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  enlace_test_spin (100);
  /* on a busy machine the first layout can take a while */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while ((gtk_widget_get_width (child) <= 0 || !gtk_widget_get_mapped (child)) &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  return window;
}

void
enlace_test_screenshot (GtkWidget  *widget,
                        const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int w, h;

  while (gtk_widget_get_width (widget) <= 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);

  g_assert_cmpint (w, >, 0);
  g_assert_cmpint (h, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  if (node)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  enlace_test_save_png (surface, name);
  cairo_surface_destroy (surface);
}
