/* enlace-case-link-dialog.h: links a case to an object, picked by
 * searching (outlet, device, port DEVICE:PORT, extension, circuit, cable,
 * space, rack, person, area, e-mail address): the model's
 * enlace_case_link_candidates, then the command enlace_case_link. */
#pragma once

#include <adwaita.h>

#include "enlace-cases.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_CASE_LINK_DIALOG (enlace_case_link_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceCaseLinkDialog, enlace_case_link_dialog, ENLACE, CASE_LINK_DIALOG, AdwWindow)

EnlaceCaseLinkDialog *enlace_case_link_dialog_new         (GtkWindow            *parent,
                                                           EnlaceStore          *store,
                                                           gint64                case_id);
/* Types @text in the search entry and searches at once (tests). */
void                  enlace_case_link_dialog_set_text    (EnlaceCaseLinkDialog *self,
                                                           const char           *text);
/* The results shown: kind and title of result @index. */
guint                 enlace_case_link_dialog_get_n_results (EnlaceCaseLinkDialog *self);
const char           *enlace_case_link_dialog_get_result  (EnlaceCaseLinkDialog *self,
                                                           guint                 index,
                                                           const char          **kind);
/* Links result @index as activating its row does: closes the dialog, or
 * shows the refusal in it and returns FALSE. */
gboolean              enlace_case_link_dialog_choose      (EnlaceCaseLinkDialog *self,
                                                           guint                 index,
                                                           GError              **error);

G_END_DECLS
