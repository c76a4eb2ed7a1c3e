/* enlace-row.h: one row of a list (an id and its cells, as text) */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ENLACE_TYPE_ROW (enlace_row_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceRow, enlace_row, ENLACE, ROW, GObject)

/* Reads the cells of @row (and may read others with them), giving them
 * with enlace_row_set_cells().  @loader is the object that made the row. */
typedef void (*EnlaceRowLoadFunc) (GObject   *loader,
                                   EnlaceRow *row);

/* Where pending rows read their cells: a loader and its function, shared
 * by the rows (each keeps a reference) and detached by the loader when it
 * goes, so that the rows do not keep it alive. */
typedef struct _EnlaceRowSource EnlaceRowSource;

EnlaceRowSource *enlace_row_source_new    (GObject           *loader,
                                           EnlaceRowLoadFunc  load);
EnlaceRowSource *enlace_row_source_ref    (EnlaceRowSource   *source);
void             enlace_row_source_unref  (EnlaceRowSource   *source);
/* The loader is gone: its rows that are still pending stay empty. */
void             enlace_row_source_detach (EnlaceRowSource   *source);

/* Takes @cells (may be NULL when the row could not be read). */
EnlaceRow   *enlace_row_new       (gint64       id,
                                   char       **cells);
/* A row whose cells are not read yet: @source reads them when they are
 * first asked for.  @index is the row's place in its loader's list when
 * it was made. */
EnlaceRow   *enlace_row_new_pending (gint64            id,
                                     guint             index,
                                     EnlaceRowSource  *source);
/* Whether @self is pending on @source. */
gboolean     enlace_row_is_from   (EnlaceRow       *self,
                                   EnlaceRowSource *source);
/* Whether the cells have been read (enlace_row_get_cell() reads them). */
gboolean     enlace_row_is_loaded (EnlaceRow   *self);
/* Gives a pending row its cells (takes @cells; NULL: the row is gone). */
void         enlace_row_set_cells (EnlaceRow   *self,
                                   char       **cells);
gint64       enlace_row_get_id    (EnlaceRow   *self);
guint        enlace_row_get_index (EnlaceRow   *self);
/* "" when the row has no such cell. */
const char  *enlace_row_get_cell  (EnlaceRow   *self,
                                   guint        column);

G_END_DECLS
