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

typedef struct
{
  GtkWidget    *widget;
  GdkPaintable *image;
} Capture;

/* Right after a frame is painted every widget holds its render node: take
 * the widget's image then, before anything queues another draw (which
 * drops the nodes). */
static void
after_paint_cb (GdkFrameClock *clock,
                Capture       *capture)
{
  g_autoptr(GdkPaintable) paintable = NULL;

  if (capture->image != NULL)
    return;
  paintable = gtk_widget_paintable_new (capture->widget);
  capture->image = gdk_paintable_get_current_image (paintable);
}

/* A GtkWidgetPaintable shows the render node of the last frame drawn, and
 * none at all while a draw is queued (an animation, a canvas redrawing,
 * a page just shown): a capture taken then comes out blank.  So draw a
 * frame and take the image in it. */
cairo_surface_t *
enlace_test_capture (GtkWidget *widget)
{
  Capture capture = { widget, NULL };
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  GdkFrameClock *clock;
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int w, h;

  while ((gtk_widget_get_width (widget) <= 0 || !gtk_widget_get_mapped (widget)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  if (clock != NULL)
    {
      gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &capture);

      gtk_widget_queue_draw (widget);
      while (capture.image == NULL && g_get_monotonic_time () < deadline)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
      g_signal_handler_disconnect (clock, handler);
    }
  if (capture.image == NULL)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);

      capture.image = gdk_paintable_get_current_image (paintable);
    }
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);

  g_assert_cmpint (w, >, 0);
  g_assert_cmpint (h, >, 0);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (capture.image, snapshot, w, h);
  g_object_unref (capture.image);
  node = gtk_snapshot_free_to_node (snapshot);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, ENLACE_TEST_CAPTURE_BACKGROUND, ENLACE_TEST_CAPTURE_BACKGROUND,
                        ENLACE_TEST_CAPTURE_BACKGROUND);
  cairo_paint (cr);
  if (node)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

guint
enlace_test_count_drawn (cairo_surface_t       *surface,
                         const graphene_rect_t *area)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int x0 = 0, y0 = 0, x1 = w, y1 = h;
  guint32 background = 0xff000000u | 0x010101u * (guint32) (ENLACE_TEST_CAPTURE_BACKGROUND * 255 + 0.5);
  guint n = 0;

  if (area != NULL)
    {
      x0 = CLAMP ((int) area->origin.x, 0, w);
      y0 = CLAMP ((int) area->origin.y, 0, h);
      x1 = CLAMP ((int) (area->origin.x + area->size.width), 0, w);
      y1 = CLAMP ((int) (area->origin.y + area->size.height), 0, h);
    }
  for (int y = y0; y < y1; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = x0; x < x1; x++)
        if (row[x] != background)
          n++;
    }
  return n;
}

void
enlace_test_screenshot (GtkWidget  *widget,
                        const char *name)
{
  cairo_surface_t *surface = enlace_test_capture (widget);

  enlace_test_save_png (surface, name);
  cairo_surface_destroy (surface);
}
