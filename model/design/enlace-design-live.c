/* enlace-design-live.c: what if — the planned runs follow the plan
 *
 * A command that moves a rack (a telecom room), draws, moves or deletes a
 * pathway, or moves an outlet changes the way of the planned horizontal
 * cables of its building (a command that makes cables, such as an import,
 * gives them their lengths and is left alone).  The store calls design_committing() inside
 * every command, just before COMMIT: when the command touched that
 * geometry, the planned runs of each building it touched are routed again
 * on the pathway graph as it now is (enlace-design-route.c) and their
 * lengths (cable.length_m) and pathways (pathway_cable) are written where
 * they differ, in the same command.  One undo takes back the move and the
 * lengths together; undo and redo themselves are left alone (they write
 * the recorded images back).  A command that changes the slack of the
 * project's rule set (slack.room-m, slack.outlet-m) recomputes, the same
 * way, every building with planned runs.  The rules check that follows the command
 * sees the new lengths and fills.
 */
#define G_LOG_DOMAIN "enlace-design"
#include "config.h"

#include <string.h>

#include "enlace-areas.h"
#include "enlace-design.h"
#include "enlace-design-private.h"
#include "enlace-kinds.h"
#include "enlace-store-private.h"

static void
add_id (GArray *ids,
        gint64  id)
{
  if (id <= 0)
    return;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;
  g_array_append_val (ids, id);
}

static gboolean
design_committing (EnlaceStore  *store,
                   gint64        command_id,
                   GError      **error)
{
  g_autoptr(GArray) buildings = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean is_do = FALSE;

  stmt = enlace_store_prepare (store, "SELECT kind = 'do' FROM command WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, command_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    is_do = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (!is_do)
    return TRUE;

  /* A command that makes cables (an import, the demo, the design itself)
   * gives them their lengths: left as they are. */
  stmt = enlace_store_prepare (store,
                               "SELECT 1 FROM change WHERE command_id = ?1 AND tbl = 'cable' "
                               "AND before IS NULL LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, command_id);
  is_do = sqlite3_step (stmt) != SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!is_do)
    return TRUE;

  /* The buildings whose geometry the command changed: racks and pathways
   * added, moved or deleted; outlets moved.  Bulk ranges (imports, the
   * generator) are left out: they make their cables with their lengths. */
  stmt = enlace_store_prepare (store,
                               "WITH g AS ("
                               " SELECT (SELECT f.building_id FROM space s JOIN floor f ON f.id = s.floor_id "
                               "         WHERE s.id = json_extract(c.before, '$.space_id')) AS b1, "
                               "        (SELECT f.building_id FROM space s JOIN floor f ON f.id = s.floor_id "
                               "         WHERE s.id = json_extract(c.after, '$.space_id')) AS b2 "
                               " FROM change c WHERE c.command_id = ?1 AND c.tbl = 'rack' "
                               " AND (c.before IS NULL OR c.after IS NULL "
                               "      OR json_extract(c.before, '$.x') IS NOT json_extract(c.after, '$.x') "
                               "      OR json_extract(c.before, '$.y') IS NOT json_extract(c.after, '$.y') "
                               "      OR json_extract(c.before, '$.space_id') IS NOT json_extract(c.after, '$.space_id')) "
                               " AND (c.after IS NULL OR c.after NOT LIKE '{\"$range\"%') "
                               " UNION ALL "
                               " SELECT (SELECT building_id FROM floor WHERE id = json_extract(c.before, '$.floor_id')), "
                               "        (SELECT building_id FROM floor WHERE id = json_extract(c.after, '$.floor_id')) "
                               " FROM change c WHERE c.command_id = ?1 AND c.tbl = 'pathway' "
                               " AND (c.before IS NULL OR c.after IS NULL "
                               "      OR json_extract(c.before, '$.points') IS NOT json_extract(c.after, '$.points') "
                               "      OR json_extract(c.before, '$.height') IS NOT json_extract(c.after, '$.height') "
                               "      OR json_extract(c.before, '$.kind') IS NOT json_extract(c.after, '$.kind') "
                               "      OR json_extract(c.before, '$.to_floor_id') IS NOT json_extract(c.after, '$.to_floor_id') "
                               "      OR json_extract(c.before, '$.floor_id') IS NOT json_extract(c.after, '$.floor_id')) "
                               " AND (c.after IS NULL OR c.after NOT LIKE '{\"$range\"%') "
                               " UNION ALL "
                               " SELECT (SELECT f.building_id FROM space s JOIN floor f ON f.id = s.floor_id "
                               "         WHERE s.id = json_extract(c.before, '$.space_id')), "
                               "        (SELECT f.building_id FROM space s JOIN floor f ON f.id = s.floor_id "
                               "         WHERE s.id = json_extract(c.after, '$.space_id')) "
                               " FROM change c WHERE c.command_id = ?1 AND c.tbl = 'device' "
                               " AND c.before IS NOT NULL AND c.after IS NOT NULL "
                               " AND json_extract(c.after, '$.role') = 'outlet' "
                               " AND (json_extract(c.before, '$.x') IS NOT json_extract(c.after, '$.x') "
                               "      OR json_extract(c.before, '$.y') IS NOT json_extract(c.after, '$.y') "
                               "      OR json_extract(c.before, '$.space_id') IS NOT json_extract(c.after, '$.space_id'))"
                               ") SELECT b1, b2 FROM g",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, command_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      add_id (buildings, sqlite3_column_int64 (stmt, 0));
      add_id (buildings, sqlite3_column_int64 (stmt, 1));
    }
  sqlite3_reset (stmt);

  /* The slack of the rules: every building with planned runs */
  stmt = enlace_store_prepare (store,
                               "SELECT DISTINCT f.building_id FROM cable c "
                               "JOIN cable_end e ON e.cable_id = c.id JOIN port p ON p.id = e.port_id "
                               "JOIN device d ON d.id = p.device_id JOIN space s ON s.id = d.space_id "
                               "JOIN floor f ON f.id = s.floor_id "
                               "WHERE c.kind = 'horizontal' AND c.status = 'planned' "
                               "AND EXISTS (SELECT 1 FROM change WHERE command_id = ?1 AND tbl = 'cabling_rule' "
                               "            AND (json_extract(before, '$.name') IN ('slack.room-m', 'slack.outlet-m') "
                               "                 OR json_extract(after, '$.name') IN ('slack.room-m', 'slack.outlet-m'))) "
                               "ORDER BY f.building_id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, command_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_id (buildings, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);

  for (guint i = 0; i < buildings->len; i++)
    if (!_enlace_design_recompute_in_command (store, g_array_index (buildings, gint64, i), NULL, error))
      return FALSE;
  return TRUE;
}

static const EnlaceStoreHooks design_hooks = {
  "design lengths", NULL, design_committing, NULL,
};

void
enlace_design_register_hooks (void)
{
  enlace_store_hooks_register (&design_hooks);
}
