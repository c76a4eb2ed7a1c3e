/* enlace-store-schema.c: is the schema of a file the one Enlace creates?
 *
 * A file comes from elsewhere: anyone with sqlite3 can add a trigger that
 * deletes every cable on the next `add site`, a view, a table, or strip a
 * CHECK constraint so that rows the import refuses get in.  At open, the
 * objects of the file's sqlite_schema (type, name, table, SQL text) are
 * compared with those Enlace itself creates for the file's version: the
 * schema steps (schema-vN.sql, see schema_step() in enlace-store.c) run in
 * an in-memory database, so the expected schema is always the one this
 * build writes, whatever the steps hold (FTS5 shadow tables included).
 * A migration runs the same statements as a new file, so a file upgraded
 * step by step has the same text as one created at its version.
 */
#define G_LOG_DOMAIN "enlace-store"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-store-internal.h"
#include "enlace-kinds.h"

typedef struct
{
  char *type;
  char *name;
  char *tbl;
  char *sql;
} SchemaObject;

static void
schema_object_free (gpointer data)
{
  SchemaObject *o = data;

  g_free (o->type);
  g_free (o->name);
  g_free (o->tbl);
  g_free (o->sql);
  g_free (o);
}

/* Tables SQLite makes by itself (ANALYZE, PRAGMA optimize). */
static gboolean
ignored_object (const char *type,
                const char *name)
{
  return g_strcmp0 (type, "table") == 0 && g_str_has_prefix (name, "sqlite_stat");
}

/* type/name → SchemaObject of the "main" schema of @db. */
static GHashTable *
read_schema (sqlite3  *db,
             GError  **error)
{
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, schema_object_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_DAMAGED,
                   _("Reading the schema: %s"), sqlite3_errmsg (db));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SchemaObject *o = g_new0 (SchemaObject, 1);

      o->type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      o->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      o->tbl = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      o->sql = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      if (o->type == NULL || o->name == NULL || ignored_object (o->type, o->name))
        {
          schema_object_free (o);
          continue;
        }
      g_hash_table_replace (objects, g_strdup_printf ("%s/%s", o->type, o->name), o);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_DAMAGED,
                   _("Reading the schema: %s"), sqlite3_errmsg (db));
      return NULL;
    }
  return g_steal_pointer (&objects);
}

/* A new in-memory database holding the schema Enlace creates at @version. */
static sqlite3 *
build_expected (int      version,
                GError **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                   _("Building the expected schema: out of memory"));
      sqlite3_close (db);
      return NULL;
    }
  for (int v = 1; v <= version; v++)
    {
      const char *sql = enlace_store_schema_step_sql (v);
      char *errmsg = NULL;

      if (sql == NULL || sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                       _("Building the expected schema of version %d: %s"), v,
                       errmsg ? errmsg : "no such version");
          sqlite3_free (errmsg);
          sqlite3_close (db);
          return NULL;
        }
    }
  return db;
}

G_LOCK_DEFINE_STATIC (expected_lock);
static GHashTable *expected_by_version; /* version → GHashTable (read_schema) */

/* The objects Enlace creates at @version (cached; do not free). */
static GHashTable *
expected_schema (int      version,
                 GError **error)
{
  GHashTable *objects;

  G_LOCK (expected_lock);
  if (expected_by_version == NULL)
    expected_by_version = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  objects = g_hash_table_lookup (expected_by_version, GINT_TO_POINTER (version));
  if (objects == NULL)
    {
      sqlite3 *db = build_expected (version, error);

      if (db != NULL)
        {
          objects = read_schema (db, error);
          sqlite3_close (db);
        }
      if (objects != NULL)
        g_hash_table_insert (expected_by_version, GINT_TO_POINTER (version), objects);
    }
  G_UNLOCK (expected_lock);
  return objects;
}

static const char *
type_label (const char *type)
{
  if (g_strcmp0 (type, "table") == 0)
    return _("table");
  if (g_strcmp0 (type, "index") == 0)
    return _("index");
  if (g_strcmp0 (type, "trigger") == 0)
    return _("trigger");
  if (g_strcmp0 (type, "view") == 0)
    return _("view");
  return type;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A table one of the registered store hooks keeps (a search index): it
 * holds only what the hook derives from Enlace's own tables.  A trigger or
 * a view on it is still foreign. */
static gboolean
is_derived_table (const SchemaObject *o)
{
  const EnlaceStoreHooks * const *hooks = enlace_store_hooks ();

  if (g_strcmp0 (o->type, "table") != 0)
    return FALSE;
  for (guint i = 0; hooks[i] != NULL; i++)
    if (hooks[i]->derived_tables != NULL &&
        g_strv_contains ((const char * const *) hooks[i]->derived_tables, o->name))
      return TRUE;
  return FALSE;
}

GPtrArray *
enlace_store_schema_differences (EnlaceStore  *self,
                                 int           version,
                                 GPtrArray   **changed_tables,
                                 GError      **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) actual = NULL;
  GHashTable *expected;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);

  expected = expected_schema (version, error);
  if (expected == NULL)
    return NULL;
  actual = read_schema (enlace_store_get_db (self), error);
  if (actual == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SchemaObject *o = value;
      SchemaObject *e = g_hash_table_lookup (expected, key);

      if (e == NULL && is_derived_table (o))
        continue;
      if (e == NULL)
        {
          if (g_strcmp0 (o->tbl, o->name) != 0 && o->tbl != NULL)
            g_ptr_array_add (problems,
                             /* Translators: "trigger “wipe” on table “site” was not created by Enlace" */
                             g_strdup_printf (_("%s “%s” on “%s” was not created by Enlace"),
                                              type_label (o->type), o->name, o->tbl));
          else
            g_ptr_array_add (problems,
                             g_strdup_printf (_("%s “%s” was not created by Enlace"),
                                              type_label (o->type), o->name));
        }
      else if (g_strcmp0 (o->sql, e->sql) != 0 || g_strcmp0 (o->tbl, e->tbl) != 0)
        {
          g_ptr_array_add (problems,
                           g_strdup_printf (_("%s “%s” is not defined as Enlace defines it "
                                              "(a column or a constraint was changed)"),
                                            type_label (o->type), o->name));
          if (g_strcmp0 (o->type, "table") == 0)
            g_ptr_array_add (tables, g_strdup (o->name));
        }
    }
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SchemaObject *e = value;

      if (!g_hash_table_contains (actual, key))
        g_ptr_array_add (problems,
                         g_strdup_printf (_("%s “%s” of Enlace is missing"), type_label (e->type), e->name));
    }
  g_ptr_array_sort (problems, compare_strings);
  g_ptr_array_sort (tables, compare_strings);
  if (changed_tables)
    *changed_tables = g_steal_pointer (&tables);
  return g_steal_pointer (&problems);
}

gboolean
enlace_store_verify_schema (EnlaceStore  *self,
                            int           version,
                            GError      **error)
{
  g_autoptr(GPtrArray) problems = enlace_store_schema_differences (self, version, NULL, error);
  g_autoptr(GString) list = g_string_new (NULL);
  const char *path;

  if (problems == NULL)
    return FALSE;
  if (problems->len == 0)
    return TRUE;
  for (guint i = 0; i < problems->len && i < 5; i++)
    g_string_append_printf (list, "%s%s", i ? "; " : "", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 5)
    g_string_append_printf (list, _("; and %u more"), problems->len - 5);
  path = enlace_store_get_path (self);
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FOREIGN_SCHEMA,
               _("“%s” was changed by another program and Enlace does not open it: %s. "
                 "Such objects could run hidden changes on every command. "
                 "“enlace-cli check” lists them; open a copy saved before the change, "
                 "or remove them with sqlite3"),
               path ? path : ":memory:", list->str);
  return FALSE;
}

/* Rows of @table (whose definition was changed) that break the rules of
 * Enlace's own definition: each row is written into a database that has
 * Enlace's schema, and what SQLite refuses there is reported. */
static gboolean
check_rows (EnlaceStore  *self,
            sqlite3      *expected_db,
            const char   *table,
            GPtrArray    *problems,
            GError      **error)
{
  g_autoptr(GString) cols = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new (NULL);
  g_autofree char *info_sql = g_strdup_printf ("PRAGMA main.table_info(\"%s\")", table);
  g_autofree char *select_sql = NULL;
  g_autofree char *insert_sql = NULL;
  sqlite3 *db = enlace_store_get_db (self);
  sqlite3_stmt *info = NULL, *sel = NULL, *ins = NULL;
  guint n_cols = 0, n_bad = 0;
  int rc;

  if (sqlite3_prepare_v2 (expected_db, info_sql, -1, &info, NULL) != SQLITE_OK)
    return TRUE;
  while (sqlite3_step (info) == SQLITE_ROW)
    {
      g_string_append_printf (cols, "%s\"%s\"", n_cols ? ", " : "", sqlite3_column_text (info, 1));
      g_string_append_printf (marks, "%s?%u", n_cols ? ", " : "", n_cols + 2);
      n_cols++;
    }
  sqlite3_finalize (info);
  if (n_cols == 0)
    return TRUE;

  select_sql = g_strdup_printf ("SELECT rowid, %s FROM main.\"%s\"", cols->str, table);
  insert_sql = g_strdup_printf ("INSERT INTO main.\"%s\" (rowid, %s) VALUES (?1, %s)", table, cols->str, marks->str);
  if (sqlite3_prepare_v2 (db, select_sql, -1, &sel, NULL) != SQLITE_OK)
    {
      /* A column Enlace defines is gone: already said by the schema. */
      return TRUE;
    }
  if (sqlite3_prepare_v2 (expected_db, insert_sql, -1, &ins, NULL) != SQLITE_OK)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                   _("Checking table %s: %s"), table, sqlite3_errmsg (expected_db));
      sqlite3_finalize (sel);
      return FALSE;
    }
  while ((rc = sqlite3_step (sel)) == SQLITE_ROW)
    {
      sqlite3_bind_value (ins, 1, sqlite3_column_value (sel, 0));
      for (guint c = 0; c < n_cols; c++)
        sqlite3_bind_value (ins, c + 2, sqlite3_column_value (sel, c + 1));
      if (sqlite3_step (ins) != SQLITE_DONE)
        {
          if (n_bad < 20)
            g_ptr_array_add (problems,
                             g_strdup_printf (_("Table %s, row %lld: breaks a rule of Enlace (%s); "
                                                "an export of this file cannot be imported"),
                                              table, (long long) sqlite3_column_int64 (sel, 0),
                                              sqlite3_errmsg (expected_db)));
          n_bad++;
        }
      sqlite3_reset (ins);
      sqlite3_clear_bindings (ins);
    }
  if (n_bad > 20)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Table %s: %u more rows break a rule of Enlace"), table, n_bad - 20));
  sqlite3_finalize (ins);
  sqlite3_finalize (sel);
  return TRUE;
}

gboolean
enlace_store_check_schema (EnlaceStore  *self,
                           GPtrArray    *problems,
                           GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  int version;
  sqlite3 *expected_db;

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  version = enlace_store_get_schema_version (self);
  if (version < 1 || version > ENLACE_SCHEMA_VERSION)
    return TRUE;
  found = enlace_store_schema_differences (self, version, &tables, error);
  if (found == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (problems, g_strdup_printf (_("Schema: %s"), (const char *) g_ptr_array_index (found, i)));
  if (tables->len == 0)
    return TRUE;

  expected_db = build_expected (version, error);
  if (expected_db == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    if (!check_rows (self, expected_db, g_ptr_array_index (tables, i), problems, error))
      {
        sqlite3_close (expected_db);
        return FALSE;
      }
  sqlite3_close (expected_db);
  return TRUE;
}
