/* enlace-case-list-model.h: a GListModel of inbox rows (EnlaceCaseRow)
 *
 * Holds the rows of one enlace_cases_query() and makes an EnlaceRow (an
 * id and its cells as text) only when the view asks for an item, so that
 * 100,000 cases cost one query and no objects.
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

EnlaceCaseListModel *enlace_case_list_model_new      (void);
/* Takes @rows (of EnlaceCaseRow*, may be NULL: empty). */
void                 enlace_case_list_model_set_rows (EnlaceCaseListModel *self,
                                                      GPtrArray           *rows);
const EnlaceCaseRow *enlace_case_list_model_get_row  (EnlaceCaseListModel *self,
                                                      guint                position);
/* G_MAXUINT when not in the list. */
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
