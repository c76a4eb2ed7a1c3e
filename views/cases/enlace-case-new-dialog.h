/* enlace-case-new-dialog.h: opens a case of a procedure: requester (one
 * of the people, or a new person added in the same command), channel,
 * priority, assignee and the procedure's request form. */
#pragma once

#include <adwaita.h>

#include "enlace-case-form.h"
#include "enlace-cases.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_CASE_NEW_DIALOG (enlace_case_new_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceCaseNewDialog, enlace_case_new_dialog, ENLACE, CASE_NEW_DIALOG, AdwWindow)

/* @procedure_code: preselected, or NULL for the first procedure. */
EnlaceCaseNewDialog *enlace_case_new_dialog_new           (GtkWindow           *parent,
                                                           EnlaceStore         *store,
                                                           const char          *procedure_code);
const char          *enlace_case_new_dialog_get_procedure (EnlaceCaseNewDialog *self);
void                 enlace_case_new_dialog_set_procedure (EnlaceCaseNewDialog *self,
                                                           const char          *code);
void                 enlace_case_new_dialog_set_requester (EnlaceCaseNewDialog *self,
                                                           gint64               person_id);
/* Switches to "a new person" with these data. */
void                 enlace_case_new_dialog_set_new_person (EnlaceCaseNewDialog *self,
                                                           const char          *name,
                                                           gint64               area_id);
/* The request form (NULL when the procedure has none). */
EnlaceCaseForm      *enlace_case_new_dialog_get_form      (EnlaceCaseNewDialog *self);
/* A fault procedure's location picker (EnlaceFaultLocationPicker), shown
 * only for the procedures of kind fault. */
GtkWidget           *enlace_case_new_dialog_get_location_picker (EnlaceCaseNewDialog *self);
/* Opens the case as the Open button does: emits ::case-opened and closes
 * the dialog, or shows the refusal in the dialog and returns 0. */
gint64               enlace_case_new_dialog_confirm       (EnlaceCaseNewDialog *self,
                                                           GError             **error);

G_END_DECLS
