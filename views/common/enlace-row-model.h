/* enlace-row-model.h: a GListModel of the rows of a list spec, loaded lazily
 *
 * Only the ids are loaded (in order, filtered in SQL); an EnlaceRow is
 * made when the view asks for an item, and its cells are read when first
 * asked for (enlace_row_get_cell, with a page of its neighbours) or by
 * enlace_row_model_load() for the rows a view shows.  Sorting and
 * filtering re-run the id query: nothing is sorted in memory, so 100k rows
 * cost one query and no objects.
 */
#pragma once

#include <gio/gio.h>

#include "enlace-query.h"
#include "enlace-row.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_ROW_MODEL (enlace_row_model_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceRowModel, enlace_row_model, ENLACE, ROW_MODEL, GObject)

EnlaceRowModel       *enlace_row_model_new        (EnlaceStore          *store,
                                                   const EnlaceListSpec *spec);
const EnlaceListSpec *enlace_row_model_get_spec   (EnlaceRowModel       *self);
EnlaceStore          *enlace_row_model_get_store  (EnlaceRowModel       *self);
void                  enlace_row_model_set_search (EnlaceRowModel       *self,
                                                   const char           *search);
void                  enlace_row_model_set_parent (EnlaceRowModel       *self,
                                                   gint64                parent_id);
/* @column -1: the spec's default order. */
void                  enlace_row_model_set_sort   (EnlaceRowModel       *self,
                                                   int                   column,
                                                   gboolean              descending);
/* Re-runs the query (the store reloads lists by itself on ::changed). */
void                  enlace_row_model_reload     (EnlaceRowModel       *self);
gint64                enlace_row_model_get_id     (EnlaceRowModel       *self,
                                                   guint                 position);
/* Reads the cells of those of @rows (items of this model) that are not
 * read yet, in one statement for each ENLACE_LIST_PAGE_ROWS of them. */
void                  enlace_row_model_load       (EnlaceRowModel       *self,
                                                   EnlaceRow           **rows,
                                                   guint                 n_rows);
/* G_MAXUINT when @id is not in the list. */
guint                 enlace_row_model_find       (EnlaceRowModel       *self,
                                                   gint64                id);

G_END_DECLS
