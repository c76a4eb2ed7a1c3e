/* enlace-case-page.h: the page of a case ("case", id = case id)
 *
 * Header (folio, procedure, status with the allowed transitions, due),
 * the case's data (requester, assignee, priority, dates), the request
 * form, the steps as the manual words them grouped by side, each with
 * result and note (form steps and inventory steps with their fields), the
 * linked objects (an outlet or a port with its trace), a box for the
 * documents (documents_box, filled by views/render's documents code) and
 * the timeline with notes and attachments.  Every action is a model
 * command (undoable with the window's Undo); a refusal is shown in a bar
 * on top of the page, naming the rule.
 */
#pragma once

#include "enlace-case-form.h"
#include "enlace-case-link-dialog.h"
#include "enlace-cases.h"
#include "enlace-page.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_CASE_PAGE (enlace_case_page_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceCasePage, enlace_case_page, ENLACE, CASE_PAGE, EnlacePage)

/* The case shown, or NULL. */
const EnlaceCase *enlace_case_page_get_case        (EnlaceCasePage   *self);
/* The "Documentos" box: empty, for the documents code to fill. */
GtkBox           *enlace_case_page_get_documents_box (EnlaceCasePage *self);
/* The quotes, comparison and resolution of an opinion
 * (EnlaceCaseQuotesSection, hidden for other procedures). */
GtkWidget        *enlace_case_page_get_quotes_section (EnlaceCasePage *self);
/* Records a step as its buttons do, with the note and the values entered
 * on the page.  FALSE when refused (the message is shown). */
gboolean          enlace_case_page_record_step     (EnlaceCasePage   *self,
                                                    gint64            case_step_id,
                                                    EnlaceStepResult  result);
/* The note entry and the fields of a step on the page (tests). */
void              enlace_case_page_set_step_note   (EnlaceCasePage   *self,
                                                    gint64            case_step_id,
                                                    const char       *note);
EnlaceCaseForm   *enlace_case_page_get_step_form   (EnlaceCasePage   *self,
                                                    gint64            case_step_id);
/* The "Mark as faulty" switch of a fault report's detection step (shown
 * when the step records the object that failed): recording the step done
 * with it on marks that cable or port faulty in the same command. */
void              enlace_case_page_set_step_mark_faulty (EnlaceCasePage *self,
                                                    gint64            case_step_id,
                                                    gboolean          mark);
gboolean          enlace_case_page_has_step_mark   (EnlaceCasePage   *self,
                                                    gint64            case_step_id);
/* A transition as its button does (cancelling needs @reason). */
gboolean          enlace_case_page_set_status      (EnlaceCasePage   *self,
                                                    EnlaceCaseStatus  status,
                                                    const char       *reason);
gboolean          enlace_case_page_add_note        (EnlaceCasePage   *self,
                                                    const char       *text,
                                                    GBytes           *attachment,
                                                    const char       *name,
                                                    const char       *mime);
/* The refusal shown on top of the page, or NULL. */
const char       *enlace_case_page_get_message     (EnlaceCasePage   *self);
/* The labels of the transition buttons shown, in order (tests). */
GPtrArray        *enlace_case_page_list_transitions (EnlaceCasePage  *self);
/* Opens the "Link…" dialog as its button does (NULL when no case). */
EnlaceCaseLinkDialog *enlace_case_page_open_link_dialog (EnlaceCasePage *self);
/* Removes link @index (in the case's order) as its row's button does. */
gboolean          enlace_case_page_unlink          (EnlaceCasePage   *self,
                                                    guint             index);
/* The title shown for link @index, e.g. "SW-B2 (removed)" (tests). */
const char       *enlace_case_page_get_link_title  (EnlaceCasePage   *self,
                                                    guint             index);
/* The connection proposal shown on the page (JSON), or NULL. */
JsonObject       *enlace_case_page_get_proposal    (EnlaceCasePage   *self);
/* The fault report's section (EnlaceCaseFaultSection), hidden for other
 * cases. */
GtkWidget        *enlace_case_page_get_fault_section (EnlaceCasePage *self);

G_END_DECLS
