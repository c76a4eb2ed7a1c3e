/* enlace-report-fill.c: the cells of a report the tracer finds — where an
 * outlet's jack is patched (panel port, switch port, extension) and the
 * outlet of an extension */
#define G_LOG_DOMAIN "enlace-reports"
#include "config.h"

#include <string.h>

#include "enlace-report-private.h"
#include "enlace-trace-paths.h"
#include "enlace-trace.h"

/* Columns of the outlet schedule and of the phone directory. */
enum { OUT_JACK, OUT_PANEL, OUT_SWITCH, OUT_PERSON, OUT_EXTENSION };
enum { DIR_NUMBER, DIR_PERSON, DIR_AREA, DIR_OUTLET, DIR_STATUS };
#define DIR_PORT_COLUMN 7   /* the extension's port, after the columns */

static const char *
port_role (EnlaceTracer *tracer,
           gint64        port_id)
{
  gint64 device = enlace_tracer_get_port_device (tracer, port_id);

  return device > 0 ? enlace_tracer_get_device_role (tracer, device) : NULL;
}

/* The first path traced from port @port_id, NULL when none. */
static EnlacePath *
first_path (EnlaceTracer *tracer,
            gint64        port_id)
{
  g_autoptr(GPtrArray) paths = enlace_tracer_trace_object (tracer, "port", port_id, NULL, NULL);

  if (paths == NULL || paths->len == 0)
    return NULL;
  return enlace_path_ref (g_ptr_array_index (paths, 0));
}

gboolean
enlace_report_fill_outlet (EnlaceReportCursor  *cursor,
                           GError             **error)
{
  EnlaceStore *store = enlace_report_cursor_get_store (cursor);
  EnlaceTracer *tracer = enlace_report_cursor_get_tracer (cursor);
  g_autoptr(EnlacePath) path = first_path (tracer, enlace_report_cursor_get_id (cursor));
  gint64 panel_port = 0, panel_device = 0, far_port = 0;
  guint n;

  if (path == NULL)
    return TRUE;
  n = enlace_path_get_n_hops (path);
  for (guint h = 1; h < n; h++)
    {
      const GArray *hop = g_ptr_array_index (path->hops, h);

      for (guint k = 0; k < hop->len; k++)
        {
          const EnlaceNode *node = &g_array_index (hop, EnlaceNode, k);
          gint64 device;

          if (node->kind != ENLACE_NODE_PORT)
            continue;
          device = enlace_tracer_get_port_device (tracer, node->id);
          if (g_strcmp0 (enlace_tracer_get_device_role (tracer, device), "patch-panel") == 0
              && (panel_device == 0 || panel_device == device))
            {
              panel_device = device;
              panel_port = node->id;   /* the last of the panel: its front */
            }
          if (h + 1 == n && (path->complete || path->reversed))
            far_port = node->id;
        }
    }
  if (panel_port > 0)
    {
      EnlaceNode node = { ENLACE_NODE_PORT, panel_port };
      g_autofree char *key = enlace_tracer_dup_node_key (tracer, &node);

      enlace_report_cursor_set (cursor, OUT_PANEL, key);
    }
  if (far_port > 0 && g_strcmp0 (port_role (tracer, far_port), "outlet") != 0)
    {
      EnlaceNode node = { ENLACE_NODE_PORT, far_port };
      g_autofree char *key = enlace_tracer_dup_node_key (tracer, &node);
      sqlite3_stmt *st;

      enlace_report_cursor_set (cursor, OUT_SWITCH, key);
      st = enlace_store_prepare (store,
                                 "SELECT e.number, COALESCE(p.name, e.holder) FROM extension e"
                                 " LEFT JOIN person p ON p.id = e.person_id WHERE e.port_id = ?1"
                                 " ORDER BY e.status <> 'active', e.id LIMIT 1", error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, far_port);
      if (sqlite3_step (st) == SQLITE_ROW)
        {
          enlace_report_cursor_set (cursor, OUT_EXTENSION, (const char *) sqlite3_column_text (st, 0));
          enlace_report_cursor_set (cursor, OUT_PERSON, (const char *) sqlite3_column_text (st, 1));
        }
      sqlite3_reset (st);
    }
  return TRUE;
}

/* TRUE when port @port_id's device is in the scope. */
static gboolean
port_in_scope (EnlaceStore              *store,
               gint64                    port_id,
               const EnlaceReportScope  *scope,
               GError                  **error)
{
  sqlite3_stmt *st;
  gboolean ret;

  st = enlace_store_prepare (store,
                             "SELECT 1 FROM port p JOIN device d ON d.id = p.device_id"
                             " JOIN space s ON s.id = COALESCE(d.space_id,"
                             " (SELECT r.space_id FROM rack r WHERE r.id = d.rack_id))"
                             " JOIN floor f ON f.id = s.floor_id JOIN building b ON b.id = f.building_id"
                             " WHERE p.id = ?1 AND b.code = ?2"
                             " AND (?3 IS NULL OR CAST(f.level AS TEXT) = ?3 OR f.name = ?3)", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, port_id);
  sqlite3_bind_text (st, 2, scope->building, -1, SQLITE_TRANSIENT);
  if (scope->floor)
    sqlite3_bind_text (st, 3, scope->floor, -1, SQLITE_TRANSIENT);
  ret = sqlite3_step (st) == SQLITE_ROW;
  sqlite3_reset (st);
  return ret;
}

gboolean
enlace_report_fill_directory (EnlaceReportCursor  *cursor,
                              GError             **error)
{
  EnlaceStore *store = enlace_report_cursor_get_store (cursor);
  const EnlaceReportScope *scope = enlace_report_cursor_get_scope (cursor);
  sqlite3_stmt *row = enlace_report_cursor_get_stmt (cursor);
  EnlaceTracer *tracer;
  g_autoptr(EnlacePath) path = NULL;
  gint64 outlet_port = 0;

  if (sqlite3_column_type (row, DIR_PORT_COLUMN) == SQLITE_NULL)
    return scope->building == NULL;
  tracer = enlace_report_cursor_get_tracer (cursor);
  path = first_path (tracer, sqlite3_column_int64 (row, DIR_PORT_COLUMN));
  for (guint h = 0; path != NULL && h < enlace_path_get_n_hops (path); h++)
    {
      const GArray *hop = g_ptr_array_index (path->hops, h);

      for (guint k = 0; k < hop->len; k++)
        {
          const EnlaceNode *node = &g_array_index (hop, EnlaceNode, k);

          if (node->kind == ENLACE_NODE_PORT
              && g_strcmp0 (port_role (tracer, node->id), "outlet") == 0)
            outlet_port = node->id;
        }
    }
  if (outlet_port > 0)
    {
      EnlaceNode node = { ENLACE_NODE_PORT, outlet_port };
      g_autofree char *key = enlace_tracer_dup_node_key (tracer, &node);

      enlace_report_cursor_set (cursor, DIR_OUTLET, key);
    }
  if (scope->building == NULL)
    return TRUE;
  return outlet_port > 0 && port_in_scope (store, outlet_port, scope, error);
}
