/* enlace-window.h: the main window */
#pragma once

#include <adwaita.h>

#include "enlace-page.h"
#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_WINDOW (enlace_window_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceWindow, enlace_window, ENLACE, WINDOW, AdwApplicationWindow)

EnlaceWindow *enlace_window_new              (GtkApplication *application);
EnlaceStore  *enlace_window_get_store        (EnlaceWindow   *self);
/* Shows @store (NULL: nothing); @path names it in the title. */
void          enlace_window_set_store        (EnlaceWindow   *self,
                                              EnlaceStore    *store);
/* Opens @path.  On failure the open document is kept and @error says why. */
gboolean      enlace_window_open_path        (EnlaceWindow   *self,
                                              const char     *path,
                                              GError        **error);
/* Opens @file; on failure shows a dialog saying why (keeps the document). */
void          enlace_window_open_file        (EnlaceWindow   *self,
                                              GFile          *file);
/* Shows the page of an object: @kind as in enlace-page.h ("rack",
 * "trace/port", "list/cable"), "edit/KIND" for the generic form. */
void          enlace_window_show_object      (EnlaceWindow   *self,
                                              const char     *kind,
                                              gint64          id);
EnlacePage   *enlace_window_get_visible_page (EnlaceWindow   *self);

G_END_DECLS
