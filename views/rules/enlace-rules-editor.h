/* enlace-rules-editor.h: the project's cabling rule set, edited
 *
 * The set's name and every rule's value, each an entry applied with
 * Enter or its apply button: one command of the model
 * (enlace_rules_set_value), undoable like any other.  A rule the project
 * changed shows Enlace's default and a button back to it; "Copy Enlace's
 * defaults" starts a named set from them (enlace_rules_copy_defaults),
 * "Reset" goes back to them (enlace_rules_reset).  Follows the store:
 * an undo in the window shows at once.
 */
#pragma once

#include <adwaita.h>

#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_RULES_EDITOR (enlace_rules_editor_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceRulesEditor, enlace_rules_editor, ENLACE, RULES_EDITOR, AdwPreferencesWindow)

GtkWidget *enlace_rules_editor_new       (GtkWindow         *parent,
                                          EnlaceStore       *store);
/* Test hooks: what typing @value in the row of rule @name and applying it
 * does; "Copy Enlace's defaults" as @name; "Reset". */
gboolean   enlace_rules_editor_apply     (EnlaceRulesEditor *self,
                                          const char        *name,
                                          const char        *value);
void       enlace_rules_editor_copy      (EnlaceRulesEditor *self,
                                          const char        *name);
void       enlace_rules_editor_reset     (EnlaceRulesEditor *self);
/* The text shown in the row of rule @name. */
const char *enlace_rules_editor_get_text (EnlaceRulesEditor *self,
                                          const char        *name);

G_END_DECLS
