/* enlace-connect.c: the new internet connection — proposing a free jack
 * and a free switch port (the trace engine's free-capacity query), and
 * making the connection (a patch cord in the telecom room) inside the
 * command that completes the step. */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-cases-private.h"
#include "enlace-propose.h"
#include "enlace-trace.h"

/* The patch-panel front port that an outlet jack is wired back to (the
 * horizontal link), 0 when none. */
static gint64
serving_panel_port (EnlaceStore *store,
                    gint64       jack_id)
{
  sqlite3_stmt *stmt;
  gint64 ret = 0;

  stmt = enlace_store_prepare (store,
                               "SELECT pm2.front_port_id FROM port j "
                               "LEFT JOIN port_mapping pm1 ON pm1.front_port_id = j.id "
                               "JOIN cable_end e1 ON e1.port_id = coalesce(pm1.rear_port_id, j.id) "
                               "JOIN cable_end e2 ON e2.cable_id = e1.cable_id AND e2.end <> e1.end "
                               "JOIN port_mapping pm2 ON pm2.rear_port_id = e2.port_id "
                               " AND pm2.rear_pos = coalesce(pm1.rear_pos, 1) "
                               "JOIN device d ON d.id = pm2.device_id AND d.role = 'patch-panel' "
                               "WHERE j.id = ?1 ORDER BY pm2.front_port_id LIMIT 1",
                               NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, jack_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ret = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return ret;
}

static gint64
port_space (EnlaceStore *store,
            gint64       port_id)
{
  sqlite3_stmt *stmt;
  gint64 ret = 0;

  stmt = enlace_store_prepare (store,
                               "SELECT coalesce(d.space_id, r.space_id) FROM port p JOIN device d ON d.id = p.device_id "
                               "LEFT JOIN rack r ON r.id = d.rack_id WHERE p.id = ?1",
                               NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, port_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ret = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return ret;
}

/* A port by "DEVICE:PORT" or by id. */
static gint64
lookup_port (EnlaceStore  *store,
             const char   *key,
             GError      **error)
{
  EnlaceTerm term;
  char *end = NULL;
  gint64 id = g_ascii_strtoll (key, &end, 10);

  if (end != key && *end == '\0' && id > 0)
    return id;
  if (!enlace_store_lookup_term (store, key, &term, error))
    return 0;
  if (term.kind != ENLACE_TERM_PORT)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("“%s” is a circuit termination, not a port"), key);
      return 0;
    }
  return term.id;
}

static gboolean
port_info (EnlaceStore *store,
           gint64       port_id,
           char       **kind,
           char       **role,
           gint64      *device_id)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = enlace_store_prepare (store,
                               "SELECT p.kind, d.role, d.id FROM port p JOIN device d ON d.id = p.device_id WHERE p.id = ?1",
                               NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, port_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *kind = enlace_cases_dup_column (stmt, 0);
      *role = enlace_cases_dup_column (stmt, 1);
      *device_id = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  return found;
}

gint64
enlace_cases_make_connection (EnlaceStore  *store,
                              const char   *outlet_port,
                              const char   *panel_port,
                              const char   *switch_port,
                              const char   *folio,
                              gint64       *outlet_device_id,
                              gint64       *outlet_port_id,
                              GError      **error)
{
  g_autofree char *jkind = NULL, *jrole = NULL, *skind = NULL, *srole = NULL;
  g_autofree char *panel_key = NULL;
  g_autoptr(JsonObject) cable = json_object_new ();
  gint64 jack, panel, sw, jdev = 0, sdev = 0, existing;
  EnlaceTerm a, b;

  jack = lookup_port (store, outlet_port, error);
  if (jack == 0)
    return 0;
  if (!port_info (store, jack, &jkind, &jrole, &jdev) || g_strcmp0 (jrole, "outlet") != 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("“%s” is not a jack of an outlet"), outlet_port);
      return 0;
    }
  if (panel_port != NULL)
    {
      panel = lookup_port (store, panel_port, error);
      if (panel == 0)
        return 0;
    }
  else
    {
      panel = serving_panel_port (store, jack);
      if (panel == 0)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("The jack %s is not wired back to a patch panel (no horizontal link)"), outlet_port);
          return 0;
        }
    }
  panel_key = enlace_store_dup_key (store, "port", panel);
  a.kind = ENLACE_TERM_PORT;
  a.id = panel;
  existing = enlace_store_cable_on (store, &a);
  if (existing != 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT,
                   _("The panel port %s that serves the jack %s already has a patch cord"),
                   panel_key ? panel_key : "?", outlet_port);
      return 0;
    }
  sw = lookup_port (store, switch_port, error);
  if (sw == 0)
    return 0;
  if (!port_info (store, sw, &skind, &srole, &sdev) || g_strcmp0 (skind, "interface") != 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("“%s” is not an interface of a switch"), switch_port);
      return 0;
    }
  b.kind = ENLACE_TERM_PORT;
  b.id = sw;
  if (enlace_store_cable_on (store, &b) != 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT,
                   _("The switch port %s is taken: it already has a cable"), switch_port);
      return 0;
    }
  if (port_space (store, panel) != 0 && port_space (store, sw) != 0 &&
      port_space (store, panel) != port_space (store, sw))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("The switch port %s is not in the telecom room of the panel port %s"),
                   switch_port, panel_key ? panel_key : "?");
      return 0;
    }
  /* The same proposal as the Connect dialog and enlace-cli connect: the
   * project's next patch-cord label, the type of the panel's cabling. */
  {
    EnlaceCableProposal p = { 0 };

    enlace_cable_propose (store, panel, sw, &p);
    if (p.label != NULL)
      json_object_set_string_member (cable, "label", p.label);
    if (p.type != NULL)
      json_object_set_string_member (cable, "type", p.type);
    enlace_cable_proposal_clear (&p);
  }
  json_object_set_string_member (cable, "kind", "patch-cord");
  json_object_set_string_member (cable, "status", "installed");
  (void) folio;
  *outlet_device_id = jdev;
  *outlet_port_id = jack;
  return enlace_store_connect (store, &a, 1, &b, 1, cable, error);
}

static gboolean
space_exists (EnlaceStore *store,
              gint64       space_id)
{
  sqlite3_stmt *s = enlace_store_prepare (store, "SELECT 1 FROM space WHERE id = ?1", NULL);
  gboolean ok = FALSE;

  if (s != NULL)
    {
      sqlite3_bind_int64 (s, 1, space_id);
      ok = sqlite3_step (s) == SQLITE_ROW;
      sqlite3_reset (s);
    }
  return ok;
}

JsonObject *
enlace_case_propose_connection (EnlaceStore  *store,
                                gint64        space_id,
                                guint         count,
                                GError      **error)
{
  g_autoptr(EnlaceTracer) tracer = NULL;
  g_autoptr(EnlaceFree) free_ = NULL;
  g_autoptr(JsonObject) ret = json_object_new ();
  g_autoptr(JsonArray) proposals = json_array_new ();
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *space_key = NULL;
  g_autofree char *reason = NULL;
  EnlaceFreeSpace *fs = NULL;
  guint found = 0, idle = 0, wired = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  if (count == 0)
    count = 1;
  if (space_id <= 0 || !space_exists (store, space_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("No space #%lld"), (long long) space_id);
      return NULL;
    }

  tracer = enlace_tracer_get_for_store (store);
  free_ = enlace_tracer_free (tracer, space_id, error);
  if (free_ == NULL)
    return NULL;
  space_key = enlace_tracer_dup_space_key (tracer, space_id);
  for (guint i = 0; i < free_->spaces->len; i++)
    {
      EnlaceFreeSpace *s = g_ptr_array_index (free_->spaces, i);
      if (s->space_id == space_id)
        fs = s;
    }

  for (guint i = 0; fs != NULL && fs->idle_jacks && i < fs->idle_jacks->len && found < count; i++)
    {
      gint64 jack = g_array_index (fs->idle_jacks, gint64, i);
      gint64 panel = serving_panel_port (store, jack);
      gint64 room, sw = 0;
      EnlaceTerm t;
      sqlite3_stmt *stmt;

      idle++;
      if (panel == 0)
        continue;
      t.kind = ENLACE_TERM_PORT;
      t.id = panel;
      if (enlace_store_cable_on (store, &t) != 0)
        continue;
      wired++;
      room = port_space (store, panel);
      stmt = enlace_store_prepare (store,
                                   "SELECT p.id FROM port p JOIN device d ON d.id = p.device_id "
                                   "LEFT JOIN rack r ON r.id = d.rack_id "
                                   "WHERE p.kind = 'interface' AND p.medium = 'copper' AND d.role = 'switch' "
                                   "AND d.status = 'active' AND coalesce(d.space_id, r.space_id) = ?1 "
                                   "AND NOT EXISTS (SELECT 1 FROM cable_end e WHERE e.port_id = p.id) "
                                   "ORDER BY d.name, p.seq, p.name",
                                   error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, room);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          if (!g_hash_table_contains (used, &id))
            {
              sw = id;
              break;
            }
        }
      sqlite3_reset (stmt);
      if (sw == 0)
        {
          g_autofree char *room_key = enlace_tracer_dup_space_key (tracer, room);
          if (reason == NULL)
            reason = g_strdup_printf (_("no free switch port in the telecom room %s that serves space %s"),
                                      room_key ? room_key : "?", space_key ? space_key : "?");
          continue;
        }
      {
        JsonObject *p = json_object_new ();
        g_autofree char *jk = enlace_store_dup_key (store, "port", jack);
        g_autofree char *pk = enlace_store_dup_key (store, "port", panel);
        g_autofree char *sk = enlace_store_dup_key (store, "port", sw);
        g_autofree char *rk = enlace_tracer_dup_space_key (tracer, room);
        gint64 *key = g_new (gint64, 1);

        *key = sw;
        g_hash_table_add (used, key);
        json_object_set_string_member (p, "outlet_port", jk);
        json_object_set_string_member (p, "panel_port", pk);
        json_object_set_string_member (p, "switch_port", sk);
        json_object_set_string_member (p, "telecom_room", rk);
        json_array_add_object_element (proposals, p);
        found++;
      }
    }

  if (found < count)
    {
      g_autofree char *why = NULL;

      if (fs == NULL || fs->idle_jacks == NULL || fs->idle_jacks->len == 0)
        why = g_strdup_printf (_("no free jack in space %s"), space_key ? space_key : "?");
      else if (wired == 0)
        why = g_strdup_printf (_("no free jack in space %s is wired to a free patch-panel port"),
                               space_key ? space_key : "?");
      else if (reason != NULL)
        why = g_steal_pointer (&reason);
      else
        why = g_strdup_printf (_("only %u of the %u connections asked for can be made in space %s"),
                               found, count, space_key ? space_key : "?");
      json_object_set_boolean_member (ret, "ok", FALSE);
      json_object_set_string_member (ret, "reason", why);
    }
  else
    json_object_set_boolean_member (ret, "ok", TRUE);
  json_object_set_array_member (ret, "proposals", g_steal_pointer (&proposals));
  (void) idle;
  return g_steal_pointer (&ret);
}
