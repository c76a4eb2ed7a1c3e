/* enlace-fault-places.c: finding where a user is, for a fault report */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-cases-private.h"
#include "enlace-fault-places.h"

#define SPACE_KEY "(b.code || '/' || f.level || '/' || s.code)"
#define SPACE_JOIN "LEFT JOIN space s ON s.id = d.space_id LEFT JOIN floor f ON f.id = s.floor_id " \
                   "LEFT JOIN building b ON b.id = f.building_id "
#define PORT_KEY(e) "(SELECT pd.name || ':' || pp.name FROM port pp JOIN device pd ON pd.id = pp.device_id " \
                    "WHERE pp.id = " e ")"

/* Each query gives: id, name (outlet, port key or extension number), the
 * room's key, the room's name or the person; ?1 the pattern (or the id),
 * ?2 the limit. */
#define EXT_SELECT "SELECT e.id, e.number, NULL, COALESCE (p.name, e.holder), " PORT_KEY ("e.port_id") " " \
                   "FROM extension e LEFT JOIN person p ON p.id = e.person_id "
#define DEV_SELECT "SELECT d.id, d.name, " SPACE_KEY ", s.name, NULL FROM device d " SPACE_JOIN
#define PORT_SELECT "SELECT pt.id, d.name || ':' || pt.name, " SPACE_KEY ", s.name, NULL " \
                    "FROM port pt JOIN device d ON d.id = pt.device_id " SPACE_JOIN

static const char q_extension[] =
  EXT_SELECT "WHERE e.number LIKE ?1 ESCAPE '\\' AND e.status <> 'cancelled' ORDER BY e.number LIMIT ?2";
static const char q_outlet[] =
  DEV_SELECT "WHERE d.role = 'outlet' AND d.name LIKE ?1 ESCAPE '\\' ORDER BY d.name LIMIT ?2";
static const char q_port[] =
  PORT_SELECT "WHERE d.name LIKE ?3 ESCAPE '\\' AND d.name || ':' || pt.name LIKE ?1 ESCAPE '\\' "
  "ORDER BY d.name, pt.seq, pt.name LIMIT ?2";
static const char q_room[] =
  "SELECT d.id, d.name, " SPACE_KEY ", s.name, NULL FROM space s JOIN floor f ON f.id = s.floor_id "
  "JOIN building b ON b.id = f.building_id JOIN device d ON d.space_id = s.id AND d.role = 'outlet' "
  "WHERE " SPACE_KEY " LIKE ?1 ESCAPE '\\' OR s.name LIKE ?1 ESCAPE '\\' "
  "ORDER BY " SPACE_KEY ", d.name LIMIT ?2";
static const char q_person[] =
  EXT_SELECT "WHERE p.name LIKE ?1 ESCAPE '\\' AND e.status <> 'cancelled' ORDER BY p.name, e.number LIMIT ?2";

static const char q_one_extension[] = EXT_SELECT "WHERE e.id = ?1";
static const char q_one_outlet[] = DEV_SELECT "WHERE d.id = ?1";
static const char q_one_port[] = PORT_SELECT "WHERE pt.id = ?1";

void
enlace_fault_place_free (EnlaceFaultPlace *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self);
}

/* "%abc%" or "abc%", with the LIKE wildcards of @text escaped. */
static char *
like_pattern (const char *text,
              gboolean    anywhere)
{
  GString *s = g_string_new (anywhere ? "%" : NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

static EnlaceFaultPlace *
place_from_row (sqlite3_stmt *stmt,
                const char   *kind,
                const char   *via)
{
  EnlaceFaultPlace *place = g_new0 (EnlaceFaultPlace, 1);
  const char *name = (const char *) sqlite3_column_text (stmt, 1);
  const char *room = (const char *) sqlite3_column_text (stmt, 2);
  const char *room_name = (const char *) sqlite3_column_text (stmt, 3);
  const char *port = (const char *) sqlite3_column_text (stmt, 4);
  GString *sub = g_string_new (NULL);

  place->kind = kind;
  place->via = via;
  place->id = sqlite3_column_int64 (stmt, 0);
  if (strcmp (kind, "extension") == 0)
    {
      place->title = g_strdup_printf (_("Phone extension %s"), name ? name : "?");
      if (room_name)   /* the person */
        g_string_append (sub, room_name);
      if (port)
        g_string_append_printf (sub, "%s%s", sub->len ? " · " : "", port);
      else
        g_string_append_printf (sub, "%s%s", sub->len ? " · " : "", _("on no port"));
    }
  else
    {
      place->title = strcmp (kind, "outlet") == 0 ? g_strdup_printf (_("Outlet %s"), name ? name : "?")
                                                  : g_strdup_printf (_("Port %s"), name ? name : "?");
      if (room)
        {
          g_string_append_printf (sub, _("Room %s"), room);
          if (room_name && *room_name)
            g_string_append_printf (sub, " · %s", room_name);
        }
      else
        g_string_append (sub, _("not placed in a room"));
    }
  place->subtitle = g_string_free (sub, FALSE);
  return place;
}

static gboolean
run (EnlaceStore  *store,
     const char   *sql,
     const char   *pattern,
     const char   *device_pattern,
     const char   *kind,
     const char   *via,
     guint         limit,
     GHashTable   *seen,
     GPtrArray    *out,
     GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (out->len >= limit)
    return TRUE;
  stmt = enlace_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  if (device_pattern)
    sqlite3_bind_text (stmt, 3, device_pattern, -1, SQLITE_TRANSIENT);
  while (out->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, (gint64) sqlite3_column_int64 (stmt, 0));

      if (g_hash_table_contains (seen, key))
        continue;
      g_ptr_array_add (out, place_from_row (stmt, kind, via));
      g_hash_table_add (seen, g_steal_pointer (&key));
    }
  if (out->len < limit && rc != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      enlace_store_set_sql_error (store, error, _("Searching the places of a fault"));
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

GPtrArray *
enlace_fault_places_search (EnlaceStore  *store,
                            const char   *text,
                            guint         limit,
                            GError      **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_fault_place_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *trimmed = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *anywhere = NULL;
  const char *colon;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (limit == 0)
    limit = 50;
  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0')
    return g_steal_pointer (&out);
  prefix = like_pattern (trimmed, FALSE);
  anywhere = like_pattern (trimmed, TRUE);

  if (!run (store, q_extension, prefix, NULL, "extension", "extension", limit, seen, out, error) ||
      !run (store, q_outlet, anywhere, NULL, "outlet", "outlet", limit, seen, out, error))
    return NULL;
  if ((colon = strchr (trimmed, ':')) != NULL && colon > trimmed)
    {
      g_autofree char *device = g_strndup (trimmed, colon - trimmed);
      g_autofree char *device_pattern = like_pattern (device, FALSE);

      if (!run (store, q_port, prefix, device_pattern, "port", "port", limit, seen, out, error))
        return NULL;
    }
  if (!run (store, q_room, anywhere, NULL, "outlet", "room", limit, seen, out, error) ||
      !run (store, q_person, anywhere, NULL, "extension", "person", limit, seen, out, error))
    return NULL;
  return g_steal_pointer (&out);
}

EnlaceFaultPlace *
enlace_fault_place_describe (EnlaceStore  *store,
                             const char   *kind,
                             gint64        id,
                             GError      **error)
{
  const char *sql, *k;
  sqlite3_stmt *stmt;
  EnlaceFaultPlace *place = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  if (g_strcmp0 (kind, "outlet") == 0)
    sql = q_one_outlet, k = "outlet";
  else if (g_strcmp0 (kind, "port") == 0)
    sql = q_one_port, k = "port";
  else if (g_strcmp0 (kind, "extension") == 0)
    sql = q_one_extension, k = "extension";
  else
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("A fault is placed at an outlet, a port or an extension, not at a “%s”"),
                   kind ? kind : "");
      return NULL;
    }
  stmt = enlace_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    place = place_from_row (stmt, k, k);
  sqlite3_reset (stmt);
  if (place == NULL)
    {
      g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no %s with id %s to place the fault at"), k, sid);
    }
  return place;
}
