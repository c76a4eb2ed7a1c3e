/* enlace-generate-faults.c: the generated fault reports, placed at outlets */
#define G_LOG_DOMAIN "enlace-generate"
#include "config.h"

#include "enlace-generate-faults.h"
#include "enlace-store-private.h"

static GArray *
ids_of (EnlaceStore  *store,
        const char   *sql,
        gint64        param,
        GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, "Placing generated faults");
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
enlace_generate_place_faults (EnlaceStore  *store,
                              gint64        after_case_id,
                              guint64       seed,
                              GError      **error)
{
  g_autoptr(GArray) outlets = NULL;
  g_autoptr(GArray) faults = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) (seed * 40503u + 91));
  sqlite3_stmt *ins;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  /* outlets with a cable on one of their ports: a path to trace */
  outlets = ids_of (store,
                    "SELECT d.id FROM device d WHERE d.role = 'outlet' AND d.id > ?1 AND EXISTS "
                    "(SELECT 1 FROM port p JOIN cable_end e ON e.port_id = p.id WHERE p.device_id = d.id) "
                    "ORDER BY d.id",
                    0, error);
  if (outlets == NULL)
    return FALSE;
  if (outlets->len == 0)
    return TRUE;
  faults = ids_of (store,
                   "SELECT c.id FROM case_file c JOIN procedure p ON p.id = c.procedure_id "
                   "WHERE c.id > ?1 AND p.kind = 'fault' ORDER BY c.id",
                   after_case_id, error);
  if (faults == NULL)
    return FALSE;
  ins = enlace_store_prepare (store, "INSERT INTO case_link (case_id, kind, object_id) VALUES (?1, 'outlet', ?2)", error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; i < faults->len; i++)
    {
      sqlite3_bind_int64 (ins, 1, g_array_index (faults, gint64, i));
      sqlite3_bind_int64 (ins, 2, g_array_index (outlets, gint64, g_rand_int_range (rand, 0, outlets->len)));
      if (sqlite3_step (ins) != SQLITE_DONE)
        {
          enlace_store_set_sql_error (store, error, "Placing generated faults");
          sqlite3_reset (ins);
          return FALSE;
        }
      sqlite3_reset (ins);
    }
  return TRUE;
}
