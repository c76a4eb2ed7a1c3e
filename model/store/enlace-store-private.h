/* enlace-store-private.h: for code inside model/ only (it speaks SQL). */
#pragma once

#include <sqlite3.h>

#include "enlace-store.h"
#include "enlace-kinds.h"

G_BEGIN_DECLS

sqlite3      *enlace_store_get_db          (EnlaceStore  *self);

/* A prepared statement cached on the store by its SQL text; it is reset
 * and its bindings cleared before it is returned.  Do not finalize it. */
sqlite3_stmt *enlace_store_prepare         (EnlaceStore  *self,
                                            const char   *sql,
                                            GError      **error);
/* Runs SQL with no result rows. */
gboolean      enlace_store_exec            (EnlaceStore  *self,
                                            const char   *sql,
                                            GError      **error);
/* Sets @error from the connection's last error, prefixed by @what. */
void          enlace_store_set_sql_error   (EnlaceStore  *self,
                                            GError      **error,
                                            const char   *what);

/* Command framework.  A command function does:
 *
 *   if (!enlace_store_begin (self, _("Add building"), error))
 *     return 0;
 *   ... validate and write through SQL; on failure:
 *         enlace_store_rollback (self); return 0;
 *   if (!enlace_store_commit (self, error))
 *     return 0;
 *
 * begin() runs BEGIN IMMEDIATE and creates the audit-log row; every row
 * written to a document table while the command is open is recorded with
 * its before and after image (by temporary triggers).  Nested begin()
 * calls join the outer command.  commit() emits ::changed once. */
gboolean      enlace_store_begin           (EnlaceStore  *self,
                                            const char   *label,
                                            GError      **error);
gboolean      enlace_store_commit          (EnlaceStore  *self,
                                            GError      **error);
void          enlace_store_rollback        (EnlaceStore  *self);
gboolean      enlace_store_in_command      (EnlaceStore  *self);
gint64        enlace_store_current_command (EnlaceStore  *self);

/* Bulk mode (import, generate): inside an open command, stops recording
 * row images; enlace_store_end_bulk() records the id range each table grew
 * by, so that undo deletes those rows.  Only for inserts. */
gboolean      enlace_store_begin_bulk      (EnlaceStore  *self,
                                            GError      **error);
gboolean      enlace_store_end_bulk        (EnlaceStore  *self,
                                            GError      **error);

/* Per-kind hooks, called inside an open command (see enlace-validate.c).
 * validate: @values are the complete new values (for update: the stored
 * row merged with the change, with "id"); @id is 0 on create.  It returns
 * FALSE with an ENLACE_STORE_ERROR_INVALID / _CONFLICT error naming the
 * object and the rule. */
gboolean      enlace_validate_object       (EnlaceStore      *self,
                                            const EnlaceKind *kind,
                                            gint64            id,
                                            JsonObject       *values,
                                            GError          **error);
/* after_create: e.g. a device copies its type's port templates. */
gboolean      enlace_after_create          (EnlaceStore      *self,
                                            const EnlaceKind *kind,
                                            gint64            id,
                                            JsonObject       *values,
                                            GError          **error);
/* before_delete: e.g. removing a device removes the cables left without
 * an end. */
gboolean      enlace_before_delete         (EnlaceStore      *self,
                                            const EnlaceKind *kind,
                                            gint64            id,
                                            GError          **error);

G_END_DECLS
