/* enlace-fault-resolve-dialog.h: closing a common cause
 *
 * Resolving a fault report whose cause others share offers to resolve
 * those cases too: a list of them, each with a check button and its note
 * ("Resolved with FOLIO: common cause KEY"), and Resolve, which calls
 * enlace_faults_resolve_cases () (one command, one undo).
 */
#pragma once

#include <adwaita.h>

#include "enlace-faults.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_FAULT_RESOLVE_DIALOG (enlace_fault_resolve_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceFaultResolveDialog, enlace_fault_resolve_dialog, ENLACE, FAULT_RESOLVE_DIALOG, AdwWindow)

/* @cause: the object and its open cases (copied); @case_id: the case
 * being resolved. */
EnlaceFaultResolveDialog *enlace_fault_resolve_dialog_new        (GtkWindow              *parent,
                                                                  EnlaceStore            *store,
                                                                  gint64                  case_id,
                                                                  const EnlaceFaultCause *cause);
/* The other cases offered (gint64), in the order listed. */
GArray   *enlace_fault_resolve_dialog_get_cases  (EnlaceFaultResolveDialog *self);
void      enlace_fault_resolve_dialog_set_active (EnlaceFaultResolveDialog *self,
                                                  guint                     index,
                                                  gboolean                  active);
void      enlace_fault_resolve_dialog_set_note   (EnlaceFaultResolveDialog *self,
                                                  guint                     index,
                                                  const char               *note);
/* Resolves as the Resolve button does: closes the dialog, or shows the
 * refusal and returns FALSE. */
gboolean  enlace_fault_resolve_dialog_confirm    (EnlaceFaultResolveDialog *self,
                                                  GError                  **error);

G_END_DECLS
