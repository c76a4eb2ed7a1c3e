/* enlace-store-notify.h: telling a store that another connection to its
 * file committed a command (csv13: the CSV import runs in a worker thread
 * on a connection of its own, the window's store stays in the main
 * thread). */
#pragma once

#include "enlace-store.h"

G_BEGIN_DECLS

/* Emits ::changed with a bulk change set for command @command_id, so
 * that every listener reloads.  Main thread, no command open. */
void enlace_store_changed_elsewhere (EnlaceStore *self,
                                     gint64       command_id,
                                     const char  *label);

G_END_DECLS
