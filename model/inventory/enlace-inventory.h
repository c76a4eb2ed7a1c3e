/* enlace-inventory.h: read-only questions about the inventory that the
 * generic store API does not answer (cable ends, the audit log, warnings).
 * Used by enlace-cli and the GUI; the SQL stays in model/.
 */
#pragma once

#include "enlace-store.h"

G_BEGIN_DECLS

/* The terminations of a cable, end A and end B, each a GArray of
 * EnlaceTerm in order.  FALSE with ENLACE_STORE_ERROR_NOT_FOUND when there
 * is no such cable. */
gboolean   enlace_inventory_cable_ends   (EnlaceStore  *store,
                                          gint64        cable_id,
                                          GArray      **end_a,
                                          GArray      **end_b,
                                          GError      **error);

/* The audit log, newest command first, at most @limit commands (0: all).
 * A JSON array of objects:
 *   { "id", "at" (UTC, ISO 8601), "at_local" ("2024-05-01 10:32:05", the
 *     local time), "user" (the author: enlace_store_set_author()), "label",
 *     "kind" ("do" | "undo" | "redo"),
 *     "target" (the command undone or redone, or null),
 *     "undone" (true when this command is currently undone),
 *     "changes": [ { "table", "kind" (the object kind, or null),
 *                    "row_id", "op" ("insert" | "update" | "delete" | "bulk"),
 *                    "name" (a readable name from the row, or null),
 *                    "fields": { FIELD: [BEFORE, AFTER], ... } (updates),
 *                    "count" (bulk: number of rows) } ] } */
JsonArray *enlace_inventory_log          (EnlaceStore  *store,
                                          guint         limit,
                                          GError      **error);
/* Number of commands in the audit log. */
guint      enlace_inventory_log_length   (EnlaceStore  *store);

/* Warnings that are not errors: cables whose type does not match the
 * medium of the ports they join, or whose ends join different media.
 * @cable_id > 0 restricts to one cable.  A GPtrArray of strings. */
GPtrArray *enlace_inventory_warnings     (EnlaceStore  *store,
                                          gint64        cable_id,
                                          GError      **error);

G_END_DECLS
