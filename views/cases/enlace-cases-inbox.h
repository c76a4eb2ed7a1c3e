/* enlace-cases-inbox.h: the inbox of cases ("cases"), the "Atención"
 * section of the window: every case with filters (open, mine, procedure,
 * status, area), counts and a search by folio, name or text. */
#pragma once

#include "enlace-case-list-model.h"
#include "enlace-page.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_CASES_INBOX (enlace_cases_inbox_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceCasesInbox, enlace_cases_inbox, ENLACE, CASES_INBOX, EnlacePage)

/* Status filter: "open", "all" or a status string ("waiting"). */
void                 enlace_cases_inbox_set_status_filter    (EnlaceCasesInbox *self,
                                                              const char       *status);
/* NULL: every procedure. */
void                 enlace_cases_inbox_set_procedure_filter (EnlaceCasesInbox *self,
                                                              const char       *code);
/* 0: every area. */
void                 enlace_cases_inbox_set_area_filter      (EnlaceCasesInbox *self,
                                                              gint64            area_id);
/* Only the cases assigned to the person whose name is the document's user
 * (enlace_store_get_user()); FALSE when nobody matches. */
gboolean             enlace_cases_inbox_set_mine             (EnlaceCasesInbox *self,
                                                              gboolean          mine);
/* Searches at once (no typing delay). */
void                 enlace_cases_inbox_set_search           (EnlaceCasesInbox *self,
                                                              const char       *text);
EnlaceCaseListModel *enlace_cases_inbox_get_model            (EnlaceCasesInbox *self);
/* Opens the case at @position (as Enter or a double click does). */
void                 enlace_cases_inbox_activate             (EnlaceCasesInbox *self,
                                                              guint             position);
/* The counts line shown above the list. */
const char          *enlace_cases_inbox_get_counts_text      (EnlaceCasesInbox *self);
/* Microseconds the last query and fill took. */
gint64               enlace_cases_inbox_get_last_load_us     (EnlaceCasesInbox *self);
/* The procedure chosen in the procedure filter, or NULL. */
const char          *enlace_cases_inbox_get_procedure_filter (EnlaceCasesInbox *self);

G_END_DECLS
