/* enlace-row.h: one row of a list (an id and its cells, as text) */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ENLACE_TYPE_ROW (enlace_row_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceRow, enlace_row, ENLACE, ROW, GObject)

/* Takes @cells (may be NULL when the row could not be read). */
EnlaceRow   *enlace_row_new       (gint64       id,
                                   char       **cells);
gint64       enlace_row_get_id    (EnlaceRow   *self);
/* "" when the row has no such cell. */
const char  *enlace_row_get_cell  (EnlaceRow   *self,
                                   guint        column);

G_END_DECLS
