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
/* Starts (a new generation) or ends enlace_store_check_generation(). */
void                 enlace_store_set_checking       (EnlaceStore  *self,
                                                      gboolean      checking);
/* The columns of a document table (NULL for any other table). */
const char * const  *enlace_store_table_columns      (EnlaceStore  *self,
                                                      const char   *table);

/* The SQL of schema step @version (schema-vN.sql), NULL past the last. */
const char          *enlace_store_schema_step_sql    (int           version);
/* enlace-store-schema.c: the objects of the file's schema that are not
 * as Enlace creates them at @version, as sentences ("trigger “x” on “site”
 * was not created by Enlace"); @changed_tables: the tables whose
 * definition differs. */
GPtrArray           *enlace_store_schema_differences (EnlaceStore  *self,
                                                      int           version,
                                                      GPtrArray   **changed_tables,
                                                      GError      **error);
/* Fails with ENLACE_STORE_ERROR_FOREIGN_SCHEMA naming the objects. */
gboolean             enlace_store_verify_schema      (EnlaceStore  *self,
                                                      int           version,
                                                      GError      **error);
/* Appends to @problems what enlace_store_check() says of the schema:
 * foreign objects, and the rows of changed tables that break Enlace's
 * own definition of them. */
gboolean             enlace_store_check_schema       (EnlaceStore  *self,
                                                      GPtrArray    *problems,
                                                      GError      **error);

G_END_DECLS
