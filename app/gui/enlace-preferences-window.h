/* enlace-preferences-window.h: the preferences — the open project's
 * identity on its documents (institution, department, logo) and the
 * user's settings (GSettings org.example.Enlace) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ENLACE_TYPE_PREFERENCES_WINDOW (enlace_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (EnlacePreferencesWindow, enlace_preferences_window, ENLACE, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The project edited is @parent's (an EnlaceWindow), if any; the "store"
 * property sets it otherwise. */
GtkWidget *enlace_preferences_window_new           (GtkWindow               *parent);
/* Reads @file and makes it the project's logo (what "Choose…" does once a
 * file is chosen); a refusal is shown as a toast. */
void       enlace_preferences_window_set_logo_file (EnlacePreferencesWindow *self,
                                                    GFile                   *file);

G_END_DECLS
