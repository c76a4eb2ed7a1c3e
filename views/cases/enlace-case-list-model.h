/* enlace-case-list-model.h: a GListModel of inbox rows (EnlaceCaseRow)
 *
 * Loaded with a filter and its count (enlace_cases_counts): it has as many
 * items as the filter has cases but reads them in pages of
 * ENLACE_CASE_LIST_PAGE rows (keyset paging, enlace_cases_query with
 * @after), the next ones only when the view asks for an item beyond those
 * read; it makes an EnlaceRow (an id and its cells as text) only for the
 * items the view asks for.  So 100,000 cases cost one page and no objects
 * until the list is scrolled.
 */
#pragma once

#include <gio/gio.h>

#include "enlace-cases.h"
#include "enlace-row.h"

G_BEGIN_DECLS

/* The cells of the EnlaceRow items. */
typedef enum
{
  ENLACE_CASE_CELL_FOLIO,
  ENLACE_CASE_CELL_PROCEDURE,
  ENLACE_CASE_CELL_REQUESTER,
  ENLACE_CASE_CELL_AREA,
  ENLACE_CASE_CELL_STATUS,
  ENLACE_CASE_CELL_AGE,
  ENLACE_CASE_CELL_ASSIGNEE,
  ENLACE_CASE_CELL_DUE,       /* "", "on-time", "near", "overdue" */
  ENLACE_CASE_CELL_SUMMARY,
  ENLACE_CASE_CELL_PRIORITY,  /* translated */
  ENLACE_CASE_N_CELLS
} EnlaceCaseCell;

#define ENLACE_TYPE_CASE_LIST_MODEL (enlace_case_list_model_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceCaseListModel, enlace_case_list_model, ENLACE, CASE_LIST_MODEL, GObject)

/* A page: a little more than the rows a list view makes widgets for
 * before it knows their height (205 in GTK 4.8), so that the first frame
 * reads one page. */
#define ENLACE_CASE_LIST_PAGE 250

EnlaceCaseListModel *enlace_case_list_model_new      (void);
/* Takes @rows (of EnlaceCaseRow*, may be NULL: empty): all there is. */
void                 enlace_case_list_model_set_rows (EnlaceCaseListModel *self,
                                                      GPtrArray           *rows);
/* The cases of @filter (its limit and after are ignored), @n_items of
 * them (their count); reads the first page now, at least @min_rows rows
 * (e.g. to keep the selected row), the rest when asked for.  On error the
 * model is empty. */
gboolean             enlace_case_list_model_load     (EnlaceCaseListModel     *self,
                                                      EnlaceStore             *store,
                                                      const EnlaceCaseFilter  *filter,
                                                      guint                    n_items,
                                                      guint                    min_rows,
                                                      GError                 **error);
/* How many rows were read so far. */
guint                enlace_case_list_model_get_n_loaded (EnlaceCaseListModel *self);
/* Reads up to @position if needed; NULL past the end. */
const EnlaceCaseRow *enlace_case_list_model_get_row  (EnlaceCaseListModel *self,
                                                      guint                position);
/* Among the rows read so far; G_MAXUINT when not there. */
guint                enlace_case_list_model_find     (EnlaceCaseListModel *self,
                                                      gint64               case_id);

/* Display helpers shared by the case views. */
char                *enlace_case_format_age          (GDateTime           *from,
                                                      GDateTime           *to);
char                *enlace_case_format_date         (GDateTime           *at);
const char          *enlace_case_priority_label      (const char          *priority);
const char          *enlace_case_channel_label       (const char          *channel);
const char          *enlace_case_due_string          (EnlaceCaseDue        due);

G_END_DECLS
