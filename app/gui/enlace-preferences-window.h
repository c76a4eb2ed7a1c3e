/* enlace-preferences-window.h: the preferences (GSettings org.example.Enlace) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ENLACE_TYPE_PREFERENCES_WINDOW (enlace_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (EnlacePreferencesWindow, enlace_preferences_window, ENLACE, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *enlace_preferences_window_new (GtkWindow *parent);

G_END_DECLS
