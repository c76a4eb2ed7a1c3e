/* enlace-drop-down.h: a drop-down's search that finds words anywhere */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes the search of @drop (a GtkDropDown over GtkStringObjects) find
 * the typed text anywhere in an item, blind to case and accents: "cp24"
 * finds "Panduit CP24BLY", "rectoria" finds "Rectoría".  GTK 4.8's own
 * search matches from the start only.  Turns the search on; call it
 * after the model is set. */
void enlace_drop_down_search_anywhere (GtkDropDown *drop);

G_END_DECLS
