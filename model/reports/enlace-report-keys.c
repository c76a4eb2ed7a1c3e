/* enlace-report-keys.c: the objects a report's rows stand for — what
 * "Labels…" in the Reports dialog and `enlace-cli labels --from-report`
 * print labels for */
#define G_LOG_DOMAIN "enlace-reports"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-report-private.h"

typedef struct
{
  const char *report;       /* the report kind */
  const char *object_kind;  /* what its rows' objects are */
  gboolean    port_rows;    /* its rows are ports: the object is the port's device */
  const char *label_kind;   /* the labels that suit them */
} ReportObjects;

static const ReportObjects report_objects[] = {
  { "cables", "cable", FALSE, "cable" },
  { "outlets", "device", TRUE, "faceplate" },
  { "panels", "device", TRUE, "panel" },
  { "racks", "rack", FALSE, "rack" },
};

static const ReportObjects *
objects_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (report_objects); i++)
    if (g_strcmp0 (report_objects[i].report, name) == 0)
      return &report_objects[i];
  return NULL;
}

const char *
enlace_report_label_kind (const char *name)
{
  const ReportObjects *o = objects_lookup (name);

  return o ? o->label_kind : NULL;
}

gboolean
enlace_report_collect_keys (EnlaceStore              *store,
                            const char               *name,
                            const EnlaceReportScope  *scope,
                            const char              **object_kind,
                            GArray                  **ids,
                            GPtrArray               **keys,
                            GError                  **error)
{
  g_autoptr(EnlaceReportCursor) cursor = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GHashTable) seen = NULL;
  const ReportObjects *o;
  GError *local = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  o = objects_lookup (name);
  if (o == NULL)
    {
      if (enlace_report_lookup (name) == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("Unknown report “%s”"), name);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("The rows of the report “%s” are not objects with labels"
                       " (cables, outlets, panels and racks are)"), name);
      return FALSE;
    }
  cursor = enlace_report_cursor_new (store, name, scope, error);
  if (cursor == NULL)
    return FALSE;

  found = g_array_new (FALSE, FALSE, sizeof (gint64));
  names = g_ptr_array_new_with_free_func (g_free);
  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while (enlace_report_cursor_next (cursor, &local))
    {
      gint64 id = enlace_report_cursor_get_id (cursor);

      if (o->port_rows)
        {
          sqlite3_stmt *st = enlace_store_prepare (store, "SELECT device_id FROM port WHERE id = ?1", error);

          if (st == NULL)
            return FALSE;
          sqlite3_bind_int64 (st, 1, id);
          id = sqlite3_step (st) == SQLITE_ROW ? sqlite3_column_int64 (st, 0) : 0;
          sqlite3_reset (st);
          if (id == 0)
            continue;
        }
      if (g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_array_append_val (found, id);
      if (keys)
        g_ptr_array_add (names, enlace_store_dup_key (store, o->object_kind, id));
    }
  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (object_kind)
    *object_kind = o->object_kind;
  *ids = g_steal_pointer (&found);
  if (keys)
    *keys = g_steal_pointer (&names);
  return TRUE;
}
