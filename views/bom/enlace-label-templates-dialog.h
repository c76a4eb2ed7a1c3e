/* enlace-label-templates-dialog.h: the label templates of the project and their
 * application: choose or edit a template, preview every label that
 * changes (old → new), apply them in one command (one undo). */
#pragma once

#include <adwaita.h>

#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_LABEL_TEMPLATES_DIALOG (enlace_label_templates_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceLabelTemplatesDialog, enlace_label_templates_dialog, ENLACE, LABEL_TEMPLATES_DIALOG, AdwWindow)

/* For the runs of @building (code, NULL: all) and @level (NULL: all). */
GtkWindow   *enlace_label_templates_dialog_new          (EnlaceStore        *store,
                                                const char         *building,
                                                const char         *level);
/* The number of label changes the preview lists (for tests). */
guint        enlace_label_templates_dialog_get_n_changes (EnlaceLabelTemplatesDialog *self);
/* Applies the preview (as the Apply button does). */
gboolean     enlace_label_templates_dialog_apply        (EnlaceLabelTemplatesDialog *self,
                                                GError            **error);

G_END_DECLS
