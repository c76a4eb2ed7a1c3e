/* enlace-store-private.h: for code inside model/ only (it speaks SQL). */
#pragma once

#include <sqlite3.h>

#include "enlace-store.h"
#include "enlace-kinds.h"

G_BEGIN_DECLS

sqlite3      *enlace_store_get_db          (EnlaceStore  *self);

/* While enlace_store_check() reads the rows of a table (one statement:
 * one read transaction, no write), a number that is new for each table
 * of each run; 0 otherwise.  The kinds' rules may keep what they read
 * for the rows that follow while it stays the same. */
guint         enlace_store_check_generation (EnlaceStore *self);

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

/* A read transaction around a long read-only walk (the rules check):
 * begin_read() runs BEGIN when no transaction is open and returns whether
 * it did; end_read() ends the one it began.  Only reads in between. */
gboolean      enlace_store_begin_read      (EnlaceStore  *self);
void          enlace_store_end_read        (EnlaceStore  *self,
                                            gboolean      began);

/* Bulk mode (import, generate): inside an open command, stops recording
 * row images; enlace_store_end_bulk() records the id range each table grew
 * by, so that undo deletes those rows.  Only for inserts. */
gboolean      enlace_store_begin_bulk      (EnlaceStore  *self,
                                            GError      **error);
gboolean      enlace_store_end_bulk        (EnlaceStore  *self,
                                            GError      **error);

/* Inside an open command, runs @func as one unit of it: when @func fails
 * (a command function it calls refuses and rolls back), only what @func
 * wrote is undone, by a savepoint, and the command stays open for the
 * next unit; on success its writes stay in the command.  For imports that
 * refuse some rows and keep the others in one command (csv13). */
typedef gboolean (*EnlaceStoreTryFunc) (EnlaceStore  *store,
                                        gpointer      data,
                                        GError      **error);
gboolean      enlace_store_try             (EnlaceStore        *self,
                                            EnlaceStoreTryFunc  func,
                                            gpointer            data,
                                            GError            **error);

/* The rules and hooks of the kinds (validate, after_create, before_delete)
 * are in the kinds themselves: see enlace-kinds.h. */

/* For the lookup functions of the kinds: the id of the one row of @sql
 * (text parameters ?1 @a, ?2 @b, ?3 @c, each may be NULL); 0 when there
 * is none, or more than one (then *@ambiguous is set, if given). */
gint64        enlace_store_lookup_one      (EnlaceStore  *self,
                                            const char   *sql,
                                            const char   *a,
                                            const char   *b,
                                            const char   *c,
                                            gboolean     *ambiguous);

G_END_DECLS
