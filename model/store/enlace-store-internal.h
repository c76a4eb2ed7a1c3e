/* enlace-store-internal.h: what the files of EnlaceStore share
 * (model/store/enlace-store*.c only; other code uses enlace-store-private.h) */
#pragma once

#include "enlace-store-private.h"

G_BEGIN_DECLS

/* enlace_store_begin() with the command's kind ("do", "undo", "redo")
 * and target (the command an undo or redo replays; 0: none). */
gboolean             enlace_store_begin_full         (EnlaceStore  *self,
                                                      const char   *label,
                                                      const char   *kind,
                                                      gint64        target,
                                                      GError      **error);
/* Names the open undo/redo command once its target is known (the target
 * is chosen inside the write transaction, see enlace_store_undo). */
gboolean             enlace_store_set_command_target (EnlaceStore  *self,
                                                      const char   *label,
                                                      gint64        target,
                                                      GError      **error);
/* The columns of a document table (NULL for any other table). */
const char * const  *enlace_store_table_columns      (EnlaceStore  *self,
                                                      const char   *table);

G_END_DECLS
