/* enlace-report-dialog.h: the "Reports" dialog — choose a report, its
 * scope, the paper and orientation, then print it (the print dialog has
 * the preview) or export it as PDF.  The pages are laid out and written
 * in a thread, on a read-only connection of its own, with a progress bar
 * and Cancel.
 */
#pragma once

#include <adwaita.h>

#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_REPORT_DIALOG (enlace_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceReportDialog, enlace_report_dialog, ENLACE, REPORT_DIALOG, AdwWindow)

EnlaceReportDialog *enlace_report_dialog_new          (GtkWindow          *parent,
                                                       EnlaceStore        *store);
/* Chooses the report by name ("cables"); FALSE when there is none. */
gboolean            enlace_report_dialog_set_kind     (EnlaceReportDialog *self,
                                                       const char         *name);
const char         *enlace_report_dialog_get_kind     (EnlaceReportDialog *self);
/* Chooses the building by code (NULL: the whole campus). */
gboolean            enlace_report_dialog_set_building (EnlaceReportDialog *self,
                                                       const char         *code);
/* The keys of the objects whose trace sheets the "traces" report prints,
 * separated by commas ("A-0A-001:D, 1001"), as typed in its entry. */
void                enlace_report_dialog_set_objects  (EnlaceReportDialog *self,
                                                       const char         *keys);
/* Writes the report to @file in a thread; emits ::finished (a message:
 * NULL on success) when done, failed or cancelled. */
void                enlace_report_dialog_export_pdf   (EnlaceReportDialog *self,
                                                       GFile              *file);
/* Lays the report out in a thread, then opens the print dialog. */
void                enlace_report_dialog_print        (EnlaceReportDialog *self);
gboolean            enlace_report_dialog_is_busy      (EnlaceReportDialog *self);
void                enlace_report_dialog_cancel       (EnlaceReportDialog *self);

/* "Labels…": opens the labels dialog for the objects of the chosen
 * report in its scope (the cables of the cable schedule, the outlets of
 * the outlet schedule, the patch panels of the patch-panel schedule, the
 * racks of the rack elevations) and returns it (transfer none); NULL
 * with @error for a report without labels.  The button shows only for
 * those reports. */
GtkWidget          *enlace_report_dialog_open_labels  (EnlaceReportDialog  *self,
                                                       GError             **error);
GtkWidget          *enlace_report_dialog_get_labels_button (EnlaceReportDialog *self);

G_END_DECLS
