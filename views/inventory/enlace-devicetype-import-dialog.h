/* enlace-devicetype-import-dialog.h: import NetBox device types (GUI) */
#pragma once

#include <adwaita.h>

#include "enlace-devicetype-yaml.h"
#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_DEVICETYPE_IMPORT_DIALOG (enlace_devicetype_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceDevicetypeImportDialog, enlace_devicetype_import_dialog,
                      ENLACE, DEVICETYPE_IMPORT_DIALOG, AdwWindow)

/* Opens the dialog, modal over @parent: the user picks a file or a folder,
 * the files are read in a worker thread (progress bar, Cancel) and written
 * as one command; the summary is shown. */
void                          enlace_devicetype_import_dialog_present   (GtkWindow                    *parent,
                                                                         EnlaceStore                  *store);

EnlaceDevicetypeImportDialog *enlace_devicetype_import_dialog_new       (GtkWindow                    *parent,
                                                                         EnlaceStore                  *store);
/* What the file chooser would set; enables Import. */
void                          enlace_devicetype_import_dialog_set_path  (EnlaceDevicetypeImportDialog *self,
                                                                         const char                   *path);
const char                   *enlace_devicetype_import_dialog_get_path  (EnlaceDevicetypeImportDialog *self);
/* Same as the Import button. */
void                          enlace_devicetype_import_dialog_start     (EnlaceDevicetypeImportDialog *self);
/* Same as the Cancel button while an import runs. */
void                          enlace_devicetype_import_dialog_cancel    (EnlaceDevicetypeImportDialog *self);
gboolean                      enlace_devicetype_import_dialog_get_running (EnlaceDevicetypeImportDialog *self);
/* The summary shown (empty before an import). */
const char                   *enlace_devicetype_import_dialog_get_summary_text (EnlaceDevicetypeImportDialog *self);
/* The summary of the last import, or NULL (cancelled, failed, none yet). */
EnlaceDeviceTypeImport       *enlace_devicetype_import_dialog_get_result (EnlaceDevicetypeImportDialog *self);

G_END_DECLS
