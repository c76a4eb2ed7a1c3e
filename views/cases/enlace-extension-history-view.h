/* enlace-extension-history-view.h: the status history of a phone
 * extension on its page, oldest first, each change with the case that
 * made it (a link that opens the case, win.show-object), and "Change
 * status…" that opens the new-case dialog of the procedure
 * "extension-estado" with the extension (and its holder) filled in; the
 * case opened is shown.  Hidden when the page shows no extension. */
#pragma once

#include <adwaita.h>

#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_EXTENSION_HISTORY_VIEW (enlace_extension_history_view_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceExtensionHistoryView, enlace_extension_history_view, ENLACE, EXTENSION_HISTORY_VIEW, GtkBox)

GtkWidget *enlace_extension_history_view_new           (void);
/* @extension_id 0: hides it. */
void       enlace_extension_history_view_set_extension (EnlaceExtensionHistoryView *self,
                                                        EnlaceStore                *store,
                                                        gint64                      extension_id);
/* The new-case dialog "Change status…" presents (not yet shown). */
GtkWidget *enlace_extension_history_view_new_case      (EnlaceExtensionHistoryView *self);
/* For tests: the rows shown, and how many name a case. */
guint      enlace_extension_history_view_get_n_changes (EnlaceExtensionHistoryView *self);
guint      enlace_extension_history_view_get_n_cases   (EnlaceExtensionHistoryView *self);

G_END_DECLS
