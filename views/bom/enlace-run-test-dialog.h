/* enlace-run-test-dialog.h: "Record a test…" of a run: its result, tested
 * length and margin, recorded with enlace_install_run (one command: the
 * test, the cable installed, the tested length its length). */
#pragma once

#include <adwaita.h>

#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_RUN_TEST_DIALOG (enlace_run_test_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceRunTestDialog, enlace_run_test_dialog, ENLACE, RUN_TEST_DIALOG, AdwWindow)

/* For cable @cable_id, filled with its recorded test if it has one. */
GtkWindow   *enlace_run_test_dialog_new    (GtkWindow    *parent,
                                            EnlaceStore  *store,
                                            gint64        cable_id);
/* Sets the fields as a user would (for tests): @length and @margin as
 * typed ("" or NULL: not given). */
void         enlace_run_test_dialog_set    (EnlaceRunTestDialog *self,
                                            gboolean             passed,
                                            const char          *length,
                                            const char          *margin);
/* Records the test (as the Record button does; the dialog stays open). */
gboolean     enlace_run_test_dialog_apply  (EnlaceRunTestDialog  *self,
                                            GError              **error);

G_END_DECLS
