/* enlace-test-gtk.h: helpers for the widget tests (gui-views) */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop for @ms milliseconds. */
void       enlace_test_spin            (guint        ms);
/* Runs the main loop until *@flag is TRUE or @ms pass; returns *@flag. */
gboolean   enlace_test_spin_until      (gboolean    *flag,
                                        guint        ms);
/* A window of @width × @height holding @child, shown and laid out. */
GtkWidget *enlace_test_window          (GtkWidget   *child,
                                        int          width,
                                        int          height);
/* The grey a capture is painted on before the widget (0.98). */
#define ENLACE_TEST_CAPTURE_BACKGROUND 0.98
/* @widget as drawn in a frame painted for it (waits up to 10 s for the
 * frame), with the cairo renderer: an image surface of its size. */
cairo_surface_t *enlace_test_capture   (GtkWidget   *widget);
/* The pixels of @surface (a capture) inside @area (NULL: all) that are
 * not the capture's background: 0 for a blank capture. */
guint      enlace_test_count_drawn     (cairo_surface_t       *surface,
                                        const graphene_rect_t *area);
/* Renders @widget with the cairo renderer to BUILD_DIR/screenshots/@name. */
void       enlace_test_screenshot      (GtkWidget   *widget,
                                        const char  *name);

G_END_DECLS
