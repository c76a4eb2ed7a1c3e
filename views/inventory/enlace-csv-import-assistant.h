/* enlace-csv-import-assistant.h: importing a spreadsheet, step by step
 *
 * File (kind, separator, encoding) → mapping of the columns to fields
 * (remembered per header row in GSettings) → preview: a dry run, with the
 * rows refused, their line and rule → import, in a worker thread with a
 * connection of its own, with progress and Cancel; the good rows go in as
 * one undoable command, or none with "all or nothing".
 */
#pragma once

#include <adwaita.h>

#include "enlace-query.h"
#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_CSV_IMPORT_ASSISTANT (enlace_csv_import_assistant_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceCsvImportAssistant, enlace_csv_import_assistant, ENLACE, CSV_IMPORT_ASSISTANT, AdwWindow)

/* @kind: "cable", … or NULL to let the user choose. */
GtkWidget  *enlace_csv_import_assistant_new          (GtkWindow                *parent,
                                                      EnlaceStore              *store,
                                                      const char               *kind);
/* Chooses the file (as the file button would) and reads its header. */
gboolean    enlace_csv_import_assistant_set_file     (EnlaceCsvImportAssistant *self,
                                                      GFile                    *file,
                                                      GError                  **error);
/* The step shown: "file", "mapping", "preview", "progress", "done". */
const char *enlace_csv_import_assistant_get_step     (EnlaceCsvImportAssistant *self);
/* What the main button does (Next, Import, Close), as a click would. */
void        enlace_csv_import_assistant_next         (EnlaceCsvImportAssistant *self);
/* After the preview or the import: rows refused, rows imported. */
guint       enlace_csv_import_assistant_get_n_refused  (EnlaceCsvImportAssistant *self);
guint       enlace_csv_import_assistant_get_n_imported (EnlaceCsvImportAssistant *self);
void        enlace_csv_import_assistant_set_all_or_nothing (EnlaceCsvImportAssistant *self,
                                                            gboolean                  all);
/* Maps column @index of the header to @field ("" or NULL: aside). */
void        enlace_csv_import_assistant_map_column   (EnlaceCsvImportAssistant *self,
                                                      guint                     index,
                                                      const char               *field);

/* Exports a list to a CSV file the user chooses (separator and BOM as
 * choices of the file chooser, remembered in GSettings): @ids in order,
 * @columns of @spec (indices).  Reports the outcome in a dialog. */
void        enlace_csv_export_list_interactive       (GtkWindow                *parent,
                                                      EnlaceStore              *store,
                                                      const EnlaceListSpec     *spec,
                                                      GArray                   *ids,
                                                      const guint              *columns,
                                                      guint                     n_columns);

G_END_DECLS
