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
/* Renders @widget with the cairo renderer to BUILD_DIR/screenshots/@name. */
void       enlace_test_screenshot      (GtkWidget   *widget,
                                        const char  *name);

G_END_DECLS
