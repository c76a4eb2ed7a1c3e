/* enlace-faulty.c: cables and ports marked faulty.  See enlace-faulty.h. */
#define G_LOG_DOMAIN "enlace-faulty"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-faulty.h"
#include "enlace-kinds.h"
#include "enlace-store-private.h"

void
enlace_faulty_mark_free (EnlaceFaultyMark *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_free (self->key);
  g_free (self->folio);
  g_free (self->at);
  g_free (self->note);
  g_free (self);
}

JsonObject *
enlace_faulty_mark_to_json (const EnlaceFaultyMark *self)
{
  JsonObject *o = json_object_new ();

  g_return_val_if_fail (self != NULL, o);

  json_object_set_string_member (o, "kind", self->kind);
  json_object_set_string_member (o, "key", self->key);
  if (self->folio)
    json_object_set_string_member (o, "case", self->folio);
  else
    json_object_set_null_member (o, "case");
  json_object_set_string_member (o, "at", self->at);
  if (self->note)
    json_object_set_string_member (o, "note", self->note);
  else
    json_object_set_null_member (o, "note");
  return o;
}

/* The name of @kind as the user reads it ("Dispositivo"), for messages */
static const char *
kind_label (const char *kind)
{
  const EnlaceKind *k = kind ? enlace_kind_lookup (kind) : NULL;

  if (k != NULL)
    return _(k->label);
  return kind ? kind : "?";
}

static gboolean
kind_ok (const char *kind)
{
  return g_strcmp0 (kind, "cable") == 0 || g_strcmp0 (kind, "port") == 0;
}

/* "cable C-12" / "port SW-1:Gi1/0/3", for messages */
static char *
object_text (EnlaceStore *store,
             const char  *kind,
             gint64       id)
{
  g_autofree char *key = enlace_store_dup_key (store, kind, id);

  if (g_strcmp0 (kind, "cable") == 0)
    return g_strdup_printf (_("cable %s"), key ? key : "?");
  return g_strdup_printf (_("port %s"), key ? key : "?");
}

gboolean
enlace_faulty_resolve (EnlaceStore  *store,
                       const char   *kind_hint,
                       const char   *key,
                       const char  **kind,
                       gint64       *id,
                       GError      **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL && id != NULL, FALSE);

  if (key == NULL || *key == '\0')
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Name the cable (its label) or the port (DEVICE:PORT) to mark faulty"));
      return FALSE;
    }
  if (kind_hint == NULL || g_strcmp0 (kind_hint, "port") == 0)
    {
      EnlaceTerm t;

      if (enlace_store_lookup_term (store, key, &t, NULL) && t.kind == ENLACE_TERM_PORT)
        {
          *kind = "port";
          *id = t.id;
          return TRUE;
        }
    }
  if (kind_hint == NULL || g_strcmp0 (kind_hint, "cable") == 0)
    {
      gint64 cable = enlace_store_lookup (store, "cable", key, NULL);

      if (cable > 0)
        {
          *kind = "cable";
          *id = cable;
          return TRUE;
        }
    }
  if (g_strcmp0 (kind_hint, "port") == 0)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                 _("No port “%s” (DEVICE:PORT) to mark faulty"), key);
  else if (g_strcmp0 (kind_hint, "cable") == 0)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                 _("No cable labelled “%s” to mark faulty"), key);
  else
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                 _("No cable or port “%s” to mark faulty (a cable's label or DEVICE:PORT)"), key);
  return FALSE;
}

EnlaceFaultyMark *
enlace_faulty_get (EnlaceStore *store,
                   const char  *kind,
                   gint64       id)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  if (!kind_ok (kind))
    return NULL;
  all = enlace_faulty_list (store, 0, NULL);
  for (guint i = 0; all && i < all->len; i++)
    {
      EnlaceFaultyMark *m = g_ptr_array_index (all, i);

      if (m->id == id && g_str_equal (m->kind, kind))
        return g_ptr_array_steal_index (all, i);
    }
  return NULL;
}

gboolean
enlace_faulty_is_marked (EnlaceStore *store,
                         const char  *kind,
                         gint64       id)
{
  sqlite3_stmt *stmt;
  gboolean ret = FALSE;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!kind_ok (kind))
    return FALSE;
  stmt = enlace_store_prepare (store,
                               g_str_equal (kind, "cable")
                                 ? "SELECT 1 FROM faulty_mark WHERE cable_id = ?1"
                                 : "SELECT 1 FROM faulty_mark WHERE port_id = ?1",
                               NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ret = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return ret;
}

gboolean
enlace_faulty_mark (EnlaceStore  *store,
                    const char   *kind,
                    gint64        id,
                    gint64        case_id,
                    const char   *note,
                    GError      **error)
{
  g_autoptr(EnlaceFaultyMark) old = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *what = NULL;
  g_autofree char *label = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!kind_ok (kind))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Only a cable or a port can be marked faulty, not an object of kind “%s”"),
                   kind_label (kind));
      return FALSE;
    }
  key = enlace_store_dup_key (store, kind, id);
  if (key == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   g_str_equal (kind, "cable") ? _("No cable #%lld to mark faulty")
                                               : _("No port #%lld to mark faulty"),
                   (long long) id);
      return FALSE;
    }
  what = object_text (store, kind, id);
  old = enlace_faulty_get (store, kind, id);
  if (old != NULL)
    {
      if (old->folio)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                     _("The %s is already marked faulty (by %s)"), what, old->folio);
      else
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                     _("The %s is already marked faulty"), what);
      return FALSE;
    }

  label = g_strdup_printf (_("Mark %s faulty"), what);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  stmt = enlace_store_prepare (store,
                               "INSERT INTO faulty_mark (cable_id, port_id, case_id, marked_at, note) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)",
                               error);
  if (stmt == NULL)
    goto fail;
  if (g_str_equal (kind, "cable"))
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_int64 (stmt, 2, id);
  if (case_id > 0)
    sqlite3_bind_int64 (stmt, 3, case_id);
  sqlite3_bind_text (stmt, 4, at, -1, SQLITE_TRANSIENT);
  if (note != NULL && *note != '\0')
    sqlite3_bind_text (stmt, 5, note, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, label);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}

gboolean
enlace_faulty_clear (EnlaceStore  *store,
                     const char   *kind,
                     gint64        id,
                     GError      **error)
{
  g_autofree char *what = NULL;
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!kind_ok (kind))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Only a cable or a port can be marked faulty, not an object of kind “%s”"),
                   kind_label (kind));
      return FALSE;
    }
  what = object_text (store, kind, id);
  if (!enlace_faulty_is_marked (store, kind, id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("The %s is not marked faulty"), what);
      return FALSE;
    }
  label = g_strdup_printf (_("Clear the faulty mark of %s"), what);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  stmt = enlace_store_prepare (store,
                               g_str_equal (kind, "cable")
                                 ? "DELETE FROM faulty_mark WHERE cable_id = ?1"
                                 : "DELETE FROM faulty_mark WHERE port_id = ?1",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, label);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}

int
enlace_faulty_clear_case (EnlaceStore  *store,
                          gint64        case_id,
                          GError      **error)
{
  sqlite3_stmt *stmt;
  int n;

  g_return_val_if_fail (ENLACE_IS_STORE (store), -1);
  g_return_val_if_fail (enlace_store_in_command (store), -1);

  stmt = enlace_store_prepare (store, "DELETE FROM faulty_mark WHERE case_id = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Clearing the faulty marks of a case"));
      sqlite3_reset (stmt);
      return -1;
    }
  sqlite3_reset (stmt);
  n = sqlite3_changes (enlace_store_get_db (store));
  return n;
}

GPtrArray *
enlace_faulty_list (EnlaceStore  *store,
                    gint64        case_id,
                    GError      **error)
{
  g_autoptr(GPtrArray) out = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  stmt = enlace_store_prepare (store,
                               "SELECT m.cable_id, m.port_id, m.case_id, c.folio, m.marked_at, m.note "
                               "FROM faulty_mark m LEFT JOIN case_file c ON c.id = m.case_id "
                               "WHERE ?1 = 0 OR m.case_id = ?1 "
                               "ORDER BY m.cable_id IS NULL, m.id",
                               error);
  if (stmt == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_faulty_mark_free);
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EnlaceFaultyMark *m = g_new0 (EnlaceFaultyMark, 1);

      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          m->kind = g_strdup ("cable");
          m->id = sqlite3_column_int64 (stmt, 0);
        }
      else
        {
          m->kind = g_strdup ("port");
          m->id = sqlite3_column_int64 (stmt, 1);
        }
      m->case_id = sqlite3_column_int64 (stmt, 2);
      m->folio = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      m->at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      m->note = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (out, m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, "faulty_mark");
      return NULL;
    }
  /* keys after the statement is reset (dup_key runs its own queries) */
  for (guint i = 0; i < out->len; i++)
    {
      EnlaceFaultyMark *m = g_ptr_array_index (out, i);

      m->key = enlace_store_dup_key (store, m->kind, m->id);
      if (m->key == NULL)
        m->key = g_strdup_printf ("#%lld", (long long) m->id);
    }
  return g_steal_pointer (&out);
}

static gint64
set_key (const char *kind,
         gint64      id)
{
  return id * 2 + (g_strcmp0 (kind, "port") == 0 ? 1 : 0);
}

GHashTable *
enlace_faulty_set_load (EnlaceStore *store)
{
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), set);

  stmt = enlace_store_prepare (store, "SELECT cable_id, port_id FROM faulty_mark", NULL);
  if (stmt == NULL)
    return set;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *k = g_new (gint64, 1);

      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        *k = set_key ("cable", sqlite3_column_int64 (stmt, 0));
      else
        *k = set_key ("port", sqlite3_column_int64 (stmt, 1));
      g_hash_table_add (set, k);
    }
  sqlite3_reset (stmt);
  return set;
}

gboolean
enlace_faulty_set_contains (GHashTable *set,
                            const char *kind,
                            gint64      id)
{
  gint64 k;

  if (set == NULL || g_hash_table_size (set) == 0 || !kind_ok (kind))
    return FALSE;
  k = set_key (kind, id);
  return g_hash_table_contains (set, &k);
}
