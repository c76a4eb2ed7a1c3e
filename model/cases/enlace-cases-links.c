/* enlace-cases-links.c: the links of a case to inventory objects and to
 * e-mail accounts
 */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "enlace-cases-private.h"
#include "enlace-query.h"

/* "outlet" is a device (the outlet itself); "email-account" the registry. */
static const char *
link_table (const char *kind)
{
  static const struct { const char *kind; const char *table; } map[] = {
    { "outlet", "device" }, { "device", "device" }, { "port", "port" },
    { "extension", "extension" }, { "circuit", "circuit" }, { "cable", "cable" },
    { "space", "space" }, { "rack", "rack" }, { "email_account", "email_account" },
    { "person", "person" }, { "area", "area" }, { "building", "building" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (kind, map[i].kind) == 0)
      return map[i].table;
  return NULL;
}

const char *
enlace_cases_normal_kind (const char *kind)
{
  if (g_strcmp0 (kind, "email-account") == 0)
    return "email_account";
  return kind;
}

/* The readable key of a linked object. */
char *
enlace_cases_link_key (EnlaceStore *store,
                       const char  *kind,
                       gint64       id)
{
  if (g_strcmp0 (kind, "email_account") == 0 || g_strcmp0 (kind, "email-account") == 0)
    return enlace_cases_query_text (store, "SELECT address FROM email_account WHERE id = ?1", id);
  if (g_strcmp0 (kind, "outlet") == 0)
    return enlace_store_dup_key (store, "device", id);
  if (g_strcmp0 (kind, "space") == 0)
    return enlace_cases_query_text (store,
                                    "SELECT b.code || '/' || f.level || '/' || s.code FROM space s "
                                    "JOIN floor f ON f.id = s.floor_id JOIN building b ON b.id = f.building_id WHERE s.id = ?1",
                                    id);
  return enlace_store_dup_key (store, kind, id);
}

/* Does the linked object still exist? */
gboolean
enlace_cases_link_exists (EnlaceStore *store,
                          const char  *kind,
                          gint64       id)
{
  const char *table = link_table (enlace_cases_normal_kind (kind));
  g_autofree char *sql = NULL;

  if (table == NULL)
    return FALSE;
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  return enlace_cases_exists (store, sql, id);
}

/* The key a link remembers: the one it was made with, once the object is
 * gone. */
static char *
remembered_key (EnlaceStore *store,
                gint64       case_id,
                const char  *kind,
                gint64       object_id)
{
  sqlite3_stmt *stmt;
  char *key = NULL;

  stmt = enlace_store_prepare (store, "SELECT key_text FROM case_link WHERE case_id = ?1 AND kind = ?2 AND object_id = ?3",
                               NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, object_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    key = enlace_cases_dup_column (stmt, 0);
  sqlite3_reset (stmt);
  return key;
}

gboolean
enlace_cases_link_object (EnlaceStore  *store,
                          gint64        case_id,
                          const char   *kind,
                          gint64        object_id,
                          gboolean      with_event,
                          GError      **error)
{
  const char *table = link_table (kind);
  g_autofree char *sql = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;

  if (table == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("A case cannot be linked to a “%s” (outlet, port, device, extension, circuit, cable, space, rack, email_account)"),
                   kind);
      return FALSE;
    }
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  if (!enlace_cases_exists (store, sql, object_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("No %s #%lld to link the case to"), kind, (long long) object_id);
      return FALSE;
    }
  key = enlace_cases_link_key (store, kind, object_id);
  stmt = enlace_store_prepare (store,
                               "INSERT INTO case_link (case_id, kind, object_id, key_text) VALUES (?1, ?2, ?3, ?4) "
                               "ON CONFLICT DO NOTHING",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, object_id);
  if (key != NULL)
    sqlite3_bind_text (stmt, 4, key, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 4);
  if (!enlace_cases_run (store, stmt, _("Linking a case"), error))
    return FALSE;
  if (with_event && sqlite3_changes (enlace_store_get_db (store)) > 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("Linked to %s %s"), kind, key ? key : "?");
      if (enlace_cases_write_event (store, case_id, "link", text, 0, NULL, NULL, error) == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
enlace_case_link (EnlaceStore  *store,
                  gint64        case_id,
                  const char   *kind,
                  gint64        object_id,
                  GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autofree char *label = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  kind = enlace_cases_normal_kind (kind);
  if (!enlace_case_head_load (store, case_id, &h, error))
    return FALSE;
  label = g_strdup_printf (_("%s: link to %s #%lld"), h.folio, kind, (long long) object_id);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  if (!enlace_cases_link_object (store, case_id, kind, object_id, TRUE, error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}

gboolean
enlace_case_unlink (EnlaceStore  *store,
                    gint64        case_id,
                    const char   *kind,
                    gint64        object_id,
                    GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autofree char *label = NULL;
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  kind = enlace_cases_normal_kind (kind);
  if (!enlace_case_head_load (store, case_id, &h, error))
    return FALSE;
  label = g_strdup_printf (_("%s: unlink %s #%lld"), h.folio, kind, (long long) object_id);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  if (enlace_cases_link_exists (store, kind, object_id))
    key = enlace_cases_link_key (store, kind, object_id);
  else
    key = remembered_key (store, case_id, kind, object_id);
  stmt = enlace_store_prepare (store, "DELETE FROM case_link WHERE case_id = ?1 AND kind = ?2 AND object_id = ?3",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, object_id);
  if (!enlace_cases_run (store, stmt, label, error))
    goto fail;
  if (sqlite3_changes (enlace_store_get_db (store)) == 0)
    {
      if (key != NULL)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     _("%s is not linked to %s “%s”"), h.folio, kind, key);
      else
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     _("%s is not linked to %s #%lld"), h.folio, kind, (long long) object_id);
      goto fail;
    }
  text = g_strdup_printf (_("Unlinked from %s %s"), kind, key ? key : "?");
  if (enlace_cases_write_event (store, case_id, "link", text, 0, NULL, NULL, error) == 0)
    goto fail;
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}

gint64
enlace_case_find_link (EnlaceStore  *store,
                       gint64        case_id,
                       const char   *kind,
                       const char   *key,
                       GError      **error)
{
  g_autoptr(EnlaceCase) c = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);
  g_return_val_if_fail (kind != NULL, 0);
  g_return_val_if_fail (key != NULL, 0);

  kind = enlace_cases_normal_kind (kind);
  if (g_strcmp0 (kind, "account") == 0)
    kind = "email_account";
  if (!(c = enlace_case_get (store, case_id, error)))
    return 0;
  for (guint i = 0; i < c->links->len; i++)
    {
      const EnlaceCaseLink *l = g_ptr_array_index (c->links, i);

      if (g_strcmp0 (l->kind, kind) == 0 && l->key != NULL && g_ascii_strcasecmp (l->key, key) == 0)
        return l->id;
    }
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
               _("%s is not linked to %s “%s”"), c->row->folio, kind, key);
  return 0;
}

gboolean
enlace_cases_fill_link_keys (EnlaceStore  *store,
                             GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) objects = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean own_tx;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (enlace_store_is_read_only (store))
    return TRUE;
  stmt = enlace_store_prepare (store, "SELECT id, kind, object_id FROM case_link WHERE key_text IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0), object = sqlite3_column_int64 (stmt, 2);

      g_array_append_val (ids, id);
      g_ptr_array_add (kinds, enlace_cases_dup_column (stmt, 1));
      g_array_append_val (objects, object);
    }
  sqlite3_reset (stmt);
  if (ids->len == 0)
    return TRUE;

  own_tx = !enlace_store_in_command (store);
  if (own_tx && !enlace_store_exec (store, "SAVEPOINT enlace_link_keys", error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      const char *kind = g_ptr_array_index (kinds, i);
      gint64 object = g_array_index (objects, gint64, i);
      g_autofree char *key = NULL;

      if (!enlace_cases_link_exists (store, kind, object) ||
          !(key = enlace_cases_link_key (store, kind, object)))
        continue;
      stmt = enlace_store_prepare (store, "UPDATE case_link SET key_text = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      if (!enlace_cases_run (store, stmt, _("Upgrading the file"), error))
        goto fail;
    }
  if (own_tx && !enlace_store_exec (store, "RELEASE enlace_link_keys", error))
    return FALSE;
  return TRUE;

fail:
  if (own_tx)
    enlace_store_exec (store, "ROLLBACK TO enlace_link_keys; RELEASE enlace_link_keys", NULL);
  return FALSE;
}

/* ---- What a case can be linked to ------------------------------------ */

static gboolean
hit_seen (GPtrArray  *hits,
          const char *kind,
          gint64      id)
{
  for (guint i = 0; i < hits->len; i++)
    {
      const EnlaceSearchHit *h = g_ptr_array_index (hits, i);

      if (h->id == id && g_strcmp0 (h->kind, kind) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_hit (GPtrArray  *hits,
         const char *kind,
         gint64      id,
         const char *title,
         const char *subtitle)
{
  EnlaceSearchHit *h;

  if (hit_seen (hits, kind, id))
    return;
  h = g_new0 (EnlaceSearchHit, 1);
  h->kind = g_strdup (kind);
  h->id = id;
  h->title = g_strdup (title ? title : "");
  h->subtitle = g_strdup (subtitle ? subtitle : "");
  g_ptr_array_add (hits, h);
}

GPtrArray *
enlace_case_link_candidates (EnlaceStore  *store,
                             const char   *text,
                             guint         limit,
                             GError      **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *stripped = NULL;
  g_autoptr(GString) pattern = g_string_new ("%");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_search_hit_free);
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return g_steal_pointer (&hits);

  /* a port by its key, DEVICE:PORT; a space by BUILDING/LEVEL/CODE */
  if (strchr (stripped, ':') != NULL || strchr (stripped, '/') != NULL)
    {
      const char *kind = strchr (stripped, ':') ? "port" : "space";
      gint64 id = enlace_store_lookup (store, kind, stripped, NULL);

      if (id > 0)
        {
          g_autofree char *key = enlace_cases_link_key (store, kind, id);
          add_hit (hits, kind, id, key ? key : stripped, kind);
        }
    }

  if (!(found = enlace_query_search (store, stripped, limit, error)))
    return NULL;
  for (guint i = 0; i < found->len; i++)
    {
      const EnlaceSearchHit *h = g_ptr_array_index (found, i);
      const char *kind = h->kind;

      if (link_table (kind) == NULL)
        continue;
      if (g_strcmp0 (kind, "device") == 0)
        {
          g_autofree char *role = enlace_cases_query_text (store, "SELECT role FROM device WHERE id = ?1", h->id);

          if (g_strcmp0 (role, "outlet") == 0)
            kind = "outlet";
        }
      add_hit (hits, kind, h->id, h->title, h->subtitle);
    }

  /* e-mail accounts by address */
  for (const char *p = stripped; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  stmt = enlace_store_prepare (store,
                               "SELECT id, address, status FROM email_account WHERE address LIKE ?1 ESCAPE '\\' "
                               "ORDER BY lower(address) = lower(?2) DESC, status = 'active' DESC, address LIMIT ?3",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, pattern->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (int) limit);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_hit (hits, "email_account", sqlite3_column_int64 (stmt, 0),
             (const char *) sqlite3_column_text (stmt, 1), (const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);
  return g_steal_pointer (&hits);
}
