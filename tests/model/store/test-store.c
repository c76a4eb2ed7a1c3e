/* test-store.c: opening, refusals, commands, audit log, undo and redo */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "enlace-store-private.h"

static char *
tmp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("enlace-store-XXXXXX", NULL);
  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static JsonObject *
obj (const char *first,
     ...)
{
  JsonObject *o = json_object_new ();
  va_list args;

  va_start (args, first);
  for (const char *k = first; k; k = va_arg (args, const char *))
    json_object_set_string_member (o, k, va_arg (args, const char *));
  va_end (args);
  return o;
}

static gint64
add (EnlaceStore *store,
     const char  *kind,
     JsonObject  *values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = values;
  gint64 id = enlace_store_create (store, kind, v, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static EnlaceStore *
new_campus (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  add (store, "site", obj ("code", "UNI", "name", "Campus Central", NULL));
  add (store, "building", obj ("site_id", "UNI", "code", "A", "name", "Edificio A", NULL));
  add (store, "floor", obj ("building_id", "A", "level", "1", "name", "Planta baja", NULL));
  return store;
}

static guint
count_rows (EnlaceStore *store,
            const char  *sql)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, NULL);
  guint n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
write_bytes (const char *path,
             const char *data,
             gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static char *
file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data, len);
}

/* ---------------------------------------------------------------- open */

static void
test_create_and_reopen (void)
{
  g_autofree char *path = tmp_path ("campus.enlace");
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceStore) again = NULL;

  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);
  g_clear_error (&error);

  store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_get_schema_version (store), ==, ENLACE_SCHEMA_VERSION);
  g_assert_false (enlace_store_is_read_only (store));
  add (store, "site", obj ("code", "UNI", "name", "Campus", NULL));
  g_clear_object (&store);

  again = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (again, "site"), ==, 1);
  g_assert_cmpint (count_rows (again, "PRAGMA application_id"), ==, ENLACE_APPLICATION_ID);
  g_assert_cmpint (count_rows (again, "PRAGMA foreign_keys"), ==, 1);
}

static void
test_refuse_not_sqlite (void)
{
  g_autofree char *path = tmp_path ("notes.enlace");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;

  write_bytes (path, "these are notes, not a database\n", -1);
  before = file_digest (path);
  store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_SQLITE);
  g_assert_nonnull (strstr (error->message, "notes.enlace"));
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_foreign_sqlite (void)
{
  g_autofree char *path = tmp_path ("other.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = file_digest (path);
  store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_ENLACE);
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_newer (void)
{
  g_autofree char *path = tmp_path ("future.enlace");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;

  store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d;", ENLACE_SCHEMA_VERSION + 1);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = file_digest (path);
  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer"));
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_damaged (void)
{
  g_autofree char *path = tmp_path ("damaged.enlace");
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  sqlite3 *db;

  store = new_campus ();
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *code = g_strdup_printf ("B%03d", i);
      add (store, "building", obj ("site_id", "UNI", "code", code, "name", "Edificio con un nombre largo para llenar páginas", NULL));
    }
  g_assert_true (enlace_store_save_copy (store, path, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* Scribble over every page after the first two, keeping the header. */
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 4096 * 4);
  for (gsize i = 4096 * 2; i < len; i += 7)
    data[i] = (char)(i * 31);
  write_bytes (path, data, len);

  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_DAMAGED);
}

/* A file Enlace wrote and closed is not checked again at open, but one
 * that changed since is. */
static void
test_check_cache (void)
{
  g_autofree char *path = tmp_path ("cached.enlace");
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  gsize len = 0;

  store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 300; i++)
    {
      g_autofree char *code = g_strdup_printf ("AR%03d", i);
      add (store, "area", obj ("code", code, "name", "Un área con un nombre largo para llenar páginas", NULL));
    }
  g_clear_object (&store);

  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 4096 * 4);
  for (gsize i = 4096 * 2; i < len; i += 7)
    data[i] = (char)(i * 31);
  write_bytes (path, data, len);
  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_DAMAGED);
}

static void
test_read_only (void)
{
  g_autofree char *path = tmp_path ("ro.enlace");
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(JsonObject) v = NULL;
  sqlite3 *db;

  store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  add (store, "site", obj ("code", "UNI", "name", "Campus", NULL));
  g_clear_object (&store);
  /* A read-only file cannot use WAL: hand it over in rollback mode. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = enlace_store_open (path, ENLACE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_store_is_read_only (store));
  g_assert_cmpuint (enlace_store_count (store, "site"), ==, 1);
  v = obj ("code", "X", "name", "X", NULL);
  g_assert_cmpint (enlace_store_create (store, "site", v, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_READ_ONLY);
  g_assert_false (enlace_store_can_undo (store));
  g_clear_error (&error);
  g_clear_object (&store);

  if (getuid () != 0)
    {
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (enlace_store_is_read_only (store));
    }
}

/* ---------------------------------------------------------------- commands */

static void
on_changed (EnlaceStore     *store,
            EnlaceChangeSet *set,
            GPtrArray       *log)
{
  g_ptr_array_add (log, enlace_change_set_ref (set));
}

static void
test_create_update_delete (void)
{
  g_autoptr(EnlaceStore) store = new_campus ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func ((GDestroyNotify)enlace_change_set_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) got = NULL;
  g_autoptr(JsonObject) change = NULL;
  EnlaceChangeSet *set;
  gint64 id;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), log);
  id = add (store, "space", obj ("floor_id", "A/1", "code", "1A", "name", "Cuarto de telecom", "kind", "telecom-room",
                                 "outline", "[[0,0],[4,0],[4,3],[0,3]]", NULL));
  g_assert_cmpuint (log->len, ==, 1);
  set = g_ptr_array_index (log, 0);
  g_assert_cmpuint (set->changes->len, ==, 1);
  g_assert_cmpstr (g_array_index (set->changes, EnlaceChange, 0).table, ==, "space");
  g_assert_cmpint (g_array_index (set->changes, EnlaceChange, 0).op, ==, ENLACE_CHANGE_INSERT);
  g_assert_true (enlace_change_set_touches (set, "space"));
  g_assert_false (enlace_change_set_touches (set, "cable"));

  g_assert_cmpint (enlace_store_lookup (store, "space", "A/1/1A", &error), ==, id);
  g_assert_cmpint (enlace_store_lookup (store, "space", "#1", &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (store, "space", "A/1/9Z", &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  change = obj ("name", "SITE", NULL);
  g_assert_true (enlace_store_update (store, "space", id, change, &error));
  g_assert_no_error (error);
  got = enlace_store_get (store, "space", id, &error);
  g_assert_cmpstr (json_object_get_string_member (got, "name"), ==, "SITE");
  g_assert_cmpstr (json_object_get_string_member (got, "kind"), ==, "telecom-room");
  g_assert_cmpuint (log->len, ==, 2);
  set = g_ptr_array_index (log, 1);
  g_assert_cmpint (g_array_index (set->changes, EnlaceChange, 0).op, ==, ENLACE_CHANGE_UPDATE);

  g_assert_true (enlace_store_delete (store, "space", id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "space"), ==, 0);
  g_assert_cmpuint (log->len, ==, 3);
}

static void
test_refusals_change_nothing (void)
{
  g_autoptr(EnlaceStore) store = new_campus ();
  g_autoptr(GError) error = NULL;
  guint commands = count_rows (store, "SELECT count(*) FROM command");
  JsonObject *v;

  /* unknown field */
  v = obj ("code", "B", "name", "B", "site_id", "UNI", "colour", "red", NULL);
  g_assert_cmpint (enlace_store_create (store, "building", v, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "colour"));
  g_clear_error (&error);
  json_object_unref (v);

  /* missing required field */
  v = obj ("code", "B", "site_id", "UNI", NULL);
  g_assert_cmpint (enlace_store_create (store, "building", v, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Name"));
  g_clear_error (&error);
  json_object_unref (v);

  /* bad choice */
  v = obj ("floor_id", "A/1", "code", "1B", "kind", "kitchen", NULL);
  g_assert_cmpint (enlace_store_create (store, "space", v, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "kitchen"));
  g_clear_error (&error);
  json_object_unref (v);

  /* dangling reference */
  v = obj ("site_id", "NOPE", "code", "C", "name", "C", NULL);
  g_assert_cmpint (enlace_store_create (store, "building", v, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NOPE"));
  g_clear_error (&error);
  json_object_unref (v);

  /* duplicate key */
  v = obj ("site_id", "UNI", "code", "A", "name", "Otro A", NULL);
  g_assert_cmpint (enlace_store_create (store, "building", v, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“A”"));
  g_clear_error (&error);
  json_object_unref (v);

  /* bad polygon */
  v = obj ("floor_id", "A/1", "code", "1C", "outline", "[[0,0],[1]]", NULL);
  g_assert_cmpint (enlace_store_create (store, "space", v, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  json_object_unref (v);

  g_assert_cmpuint (enlace_store_count (store, "building"), ==, 1);
  g_assert_cmpuint (enlace_store_count (store, "space"), ==, 0);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM command"), ==, commands);
  g_assert_false (enlace_store_in_command (store));
}

/* ---------------------------------------------------------------- undo */

static char *
dump (EnlaceStore *store)
{
  GString *s = g_string_new (NULL);
  const EnlaceKind **kinds = enlace_kinds_all ();

  for (guint k = 0; kinds[k]; k++)
    {
      g_autoptr(GPtrArray) rows = enlace_store_list (store, kinds[k]->name, 0, NULL);

      for (guint i = 0; i < rows->len; i++)
        {
          g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), g_ptr_array_index (rows, i));
          g_autofree char *text = json_to_string (node, FALSE);
          g_string_append_printf (s, "%s %s\n", kinds[k]->name, text);
        }
    }
  return g_string_free (s, FALSE);
}

static void
test_undo_redo (void)
{
  g_autoptr(EnlaceStore) store = new_campus ();
  g_autoptr(GError) error = NULL;
  g_autofree char *s0 = dump (store);
  g_autofree char *s1 = NULL;
  g_autofree char *s2 = NULL;
  g_autofree char *now = NULL;
  g_autofree char *label = NULL;
  JsonObject *v;
  gint64 b;

  b = add (store, "building", obj ("site_id", "UNI", "code", "B", "name", "Edificio B", NULL));
  add (store, "floor", obj ("building_id", "B", "level", "2", "name", "Segundo piso", NULL));
  s1 = dump (store);
  v = obj ("name", "Laboratorios", NULL);
  g_assert_true (enlace_store_update (store, "building", b, v, &error));
  json_object_unref (v);
  g_assert_true (enlace_store_delete (store, "building", b, &error)); /* cascades to its floor */
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "floor"), ==, 1);

  label = enlace_store_dup_undo_label (store);
  g_assert_nonnull (strstr (label, "Laboratorios"));
  g_assert_true (enlace_store_undo (store, &error)); /* the delete */
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "floor"), ==, 2);
  g_assert_true (enlace_store_undo (store, &error)); /* the rename */
  now = dump (store);
  g_assert_cmpstr (now, ==, s1);
  g_clear_pointer (&now, g_free);

  g_assert_true (enlace_store_undo (store, &error));
  g_assert_true (enlace_store_undo (store, &error));
  now = dump (store);
  g_assert_cmpstr (now, ==, s0);
  g_clear_pointer (&now, g_free);

  g_assert_true (enlace_store_can_redo (store));
  g_assert_true (enlace_store_redo (store, &error));
  g_assert_true (enlace_store_redo (store, &error));
  now = dump (store);
  g_assert_cmpstr (now, ==, s1);
  g_clear_pointer (&now, g_free);

  /* A new command drops what is left to redo. */
  add (store, "area", obj ("code", "SIS", "name", "Coordinación de Sistemas", NULL));
  g_assert_false (enlace_store_can_redo (store));
  g_assert_false (enlace_store_redo (store, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOTHING);
  g_clear_error (&error);

  /* Undo all the way to the start. */
  while (enlace_store_can_undo (store))
    g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  s2 = dump (store);
  g_assert_cmpstr (s2, ==, "");
  g_assert_false (enlace_store_undo (store, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOTHING);
}

static void
test_undo_survives_reopen (void)
{
  g_autofree char *path = tmp_path ("undo.enlace");
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;

  store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  add (store, "site", obj ("code", "UNI", "name", "Campus", NULL));
  add (store, "site", obj ("code", "HOS", "name", "Hospital", NULL));
  g_clear_object (&store);

  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpuint (enlace_store_count (store, "site"), ==, 1);
  g_clear_object (&store);

  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_store_redo (store, &error));
  g_assert_cmpuint (enlace_store_count (store, "site"), ==, 2);
}

static gpointer
undo_in_thread (gpointer data)
{
  EnlaceStore *store = data;
  GError *error = NULL;

  if (!enlace_store_undo (store, &error))
    return error;
  return NULL;
}

/* Two connections to one file (as two processes): an undo that waits for
 * the write lock while another command commits must undo that newer
 * command, and the audit log must say so.  It used to pick its target
 * before taking the lock and undo the older one (issue 14). */
static void
test_undo_race (void)
{
  g_autofree char *path = tmp_path ("race.enlace");
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) a = NULL;
  g_autoptr(EnlaceStore) b = NULL;
  g_autoptr(JsonObject) rename = NULL;
  g_autoptr(JsonObject) site = NULL;
  GError *thread_error;
  GThread *thread;
  gint64 id;

  a = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  id = add (a, "site", obj ("code", "UNI", "name", "Campus", NULL));
  b = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* b holds the write lock while a's undo starts and waits for it. */
  g_assert_true (enlace_store_begin (b, "Rename", &error));
  thread = g_thread_new ("undo", undo_in_thread, a);
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  rename = obj ("name", "Campus Norte", NULL);
  g_assert_true (enlace_store_update (b, "site", id, rename, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_store_commit (b, &error));
  thread_error = g_thread_join (thread);
  g_assert_no_error (thread_error);

  /* The rename was undone, not the creation of the site. */
  site = enlace_store_get (b, "site", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (site, "name"), ==, "Campus");
  g_assert_cmpuint (count_rows (b, "SELECT count(*) FROM command WHERE label = 'Rename' AND undone = 1"), ==, 1);
  g_assert_cmpuint (count_rows (b, "SELECT count(*) FROM command WHERE kind = 'do' AND undone = 0"), ==, 1);
  g_assert_cmpuint (count_rows (b, "SELECT count(*) FROM command WHERE kind = 'undo' AND label = 'Undo: Rename'"), ==, 1);
}

static void
test_audit_log (void)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  JsonObject *v;
  gint64 id;

  store = enlace_store_new_memory (&error);
  enlace_store_set_user (store, "mgarcia");
  id = add (store, "area", obj ("code", "BIB", "name", "Biblioteca", NULL));
  v = obj ("name", "Biblioteca Central", NULL);
  g_assert_true (enlace_store_update (store, "area", id, v, &error));
  json_object_unref (v);

  stmt = enlace_store_prepare (store,
                               "SELECT command.user, command.label, change.tbl, change.row_id, "
                               "json_extract(change.before, '$.name'), json_extract(change.after, '$.name') "
                               "FROM command JOIN change ON change.command_id = command.id ORDER BY command.id, seq",
                               &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "mgarcia");
  g_assert_nonnull (strstr ((const char *)sqlite3_column_text (stmt, 1), "Biblioteca"));
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 2), ==, "area");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 3), ==, id);
  g_assert_cmpint (sqlite3_column_type (stmt, 4), ==, SQLITE_NULL);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 5), ==, "Biblioteca");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 4), ==, "Biblioteca");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 5), ==, "Biblioteca Central");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);

  /* An undo is itself in the log. */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM command WHERE kind = 'undo'"), ==, 1);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM command WHERE undone = 1"), ==, 1);
}

static void
test_nested_commands (void)
{
  g_autoptr(EnlaceStore) store = new_campus ();
  g_autoptr(GError) error = NULL;
  guint commands = count_rows (store, "SELECT count(*) FROM command");

  g_assert_true (enlace_store_begin (store, "Two buildings", &error));
  add (store, "building", obj ("site_id", "UNI", "code", "B", "name", "B", NULL));
  add (store, "building", obj ("site_id", "UNI", "code", "C", "name", "C", NULL));
  g_assert_true (enlace_store_commit (store, &error));
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM command"), ==, commands + 1);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpuint (enlace_store_count (store, "building"), ==, 1);

  /* An inner failure cancels the whole command. */
  g_assert_true (enlace_store_begin (store, "Half done", &error));
  add (store, "building", obj ("site_id", "UNI", "code", "D", "name", "D", NULL));
  {
    g_autoptr(JsonObject) v = obj ("site_id", "UNI", "code", "A", "name", "dup", NULL);
    g_assert_cmpint (enlace_store_create (store, "building", v, &error), ==, 0);
    g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
  }
  g_assert_false (enlace_store_in_command (store));
  g_assert_false (enlace_store_commit (store, &error));
  g_clear_error (&error);
  g_assert_cmpuint (enlace_store_count (store, "building"), ==, 1);
}

static void
test_bulk_undo (void)
{
  g_autoptr(EnlaceStore) store = new_campus ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func ((GDestroyNotify)enlace_change_set_unref);
  sqlite3_stmt *stmt;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), log);
  g_assert_true (enlace_store_begin (store, "Bulk", &error));
  g_assert_true (enlace_store_begin_bulk (store, &error));
  stmt = enlace_store_prepare (store, "INSERT INTO area (code, name) VALUES (?1, ?2)", &error);
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *code = g_strdup_printf ("AR%04d", i);
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }
  sqlite3_reset (stmt);
  g_assert_true (enlace_store_end_bulk (store, &error));
  g_assert_true (enlace_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_true (((EnlaceChangeSet *)g_ptr_array_index (log, 0))->bulk);
  g_assert_cmpuint (enlace_store_count (store, "area"), ==, 1000);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM change WHERE tbl = 'area'"), ==, 1);

  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpuint (enlace_store_count (store, "area"), ==, 0);
  g_assert_true (enlace_store_redo (store, &error));
  g_assert_cmpuint (enlace_store_count (store, "area"), ==, 1000);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpuint (enlace_store_count (store, "area"), ==, 0);
  g_assert_cmpuint (enlace_store_count (store, "building"), ==, 1);
}

/* A command may record changes, then write in bulk, then record more. */
static void
test_bulk_after_changes (void)
{
  g_autoptr(EnlaceStore) store = new_campus ();
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_assert_true (enlace_store_begin (store, "Mixed", &error));
  add (store, "area", obj ("code", "A1", "name", "Antes", NULL));
  g_assert_true (enlace_store_begin_bulk (store, &error));
  stmt = enlace_store_prepare (store, "INSERT INTO area (code, name) VALUES ('B1', 'En bloque')", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  g_assert_true (enlace_store_end_bulk (store, &error));
  g_assert_no_error (error);
  add (store, "area", obj ("code", "C1", "name", "Después", NULL));
  g_assert_true (enlace_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "area"), ==, 3);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpuint (enlace_store_count (store, "area"), ==, 0);
}

static void
test_meta_and_copy (void)
{
  g_autoptr(EnlaceStore) store = new_campus ();
  g_autoptr(EnlaceStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("copy.enlace");
  g_autofree char *value = NULL;
  g_autofree char *copied = NULL;

  g_assert_true (enlace_store_set_meta (store, "institution", "Universidad Tecnológica del Valle", &error));
  value = enlace_store_get_meta (store, "institution");
  g_assert_cmpstr (value, ==, "Universidad Tecnológica del Valle");
  g_assert_true (enlace_store_save_copy (store, path, &error));
  g_assert_no_error (error);

  copy = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  copied = enlace_store_get_meta (copy, "institution");
  g_assert_cmpstr (copied, ==, "Universidad Tecnológica del Valle");
  g_assert_cmpuint (enlace_store_count (copy, "building"), ==, 1);

  g_assert_true (enlace_store_undo (store, &error));
  g_clear_pointer (&value, g_free);
  value = enlace_store_get_meta (store, "institution");
  g_assert_null (value);
}

static void
test_migrate_v1 (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "campus-v1.enlace", NULL);
  g_autofree char *path = tmp_path ("old.enlace");
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(JsonObject) got = NULL;
  gsize len;
  EnlaceTerm term;
  gint64 plan;

  g_assert_true (g_file_get_contents (fixture, &data, &len, &error));
  write_bytes (path, data, len);

  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_get_schema_version (store), ==, ENLACE_SCHEMA_VERSION);
  g_assert_cmpint (ENLACE_SCHEMA_VERSION, >=, 2);

  /* What version 1 held is still there. */
  got = enlace_store_get (store, "space", enlace_store_lookup (store, "space", "A/1/1A", &error), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (got, "kind"), ==, "telecom-room");
  g_assert_true (enlace_store_lookup_term (store, "A-1A-SW1:Gi1/0/1", &term, &error));
  g_assert_cmpint (enlace_store_cable_on (store, &term), ==, enlace_store_lookup (store, "cable", "A-1A-PC001", NULL));

  /* And version 2's floor plans work, with undo. */
  plan = add (store, "floor-plan", obj ("floor_id", "A/1", "scale", "0.02", NULL));
  g_assert_cmpint (enlace_store_lookup (store, "floor-plan", "A/1", &error), ==, plan);
  add (store, "pathway", obj ("floor_id", "A/1", "name", "Charola principal", "kind", "tray",
                              "points", "[[0,2],[30,2]]", "height", "2.8", NULL));
  g_assert_cmpuint (enlace_store_count (store, "pathway"), ==, 1);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_cmpuint (enlace_store_count (store, "pathway"), ==, 0);
  g_clear_object (&store);

  /* Reopening does not migrate again. */
  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "floor-plan"), ==, 1);
}

static void
test_attachment (void)
{
  g_autoptr(EnlaceStore) store = new_campus ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("<svg xmlns='http://www.w3.org/2000/svg'/>", 41);
  g_autoptr(GBytes) back = NULL;
  g_autofree char *mime = NULL;
  gint64 a, b;

  a = enlace_store_add_attachment (store, bytes, "image/svg+xml", "plano.svg", &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, >, 0);
  b = enlace_store_add_attachment (store, bytes, "image/svg+xml", "copia.svg", &error);
  g_assert_cmpint (a, ==, b);
  back = enlace_store_get_attachment (store, a, &mime, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));
  g_assert_cmpstr (mime, ==, "image/svg+xml");
  g_assert_null (enlace_store_get_attachment (store, a + 100, NULL, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
}

static void
test_polyline (void)
{
  g_autoptr(EnlaceStore) store = new_campus ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = obj ("floor_id", "A/1", "points", "[[0,0]]", NULL);

  g_assert_cmpint (enlace_store_create (store, "wall", v, &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "two points"));
  g_clear_error (&error);
  add (store, "wall", obj ("floor_id", "A/1", "points", "[[0,0],[10,0],[10,8]]", NULL));
}

/* Another store of this process (a report's worker) and another program
 * (enlace-cli, sqlite3) open and close a file this store has open: the
 * -wal stays (the store still holds its lock on the file) and what the
 * store writes afterwards is kept.  Enlace used to read the file's stamp
 * through a descriptor of its own while the connection was open, which
 * dropped the connection's lock: the other program, closing, took itself
 * for the last one and deleted the -wal, and every later edit was lost. */
static void
test_wal_kept_for_others (void)
{
  g_autofree char *path = tmp_path ("shared.enlace");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *sqlite = g_find_program_in_path ("sqlite3");
  g_autoptr(GError) error = NULL;
  EnlaceStore *store, *other;
  int status = -1;

  if (sqlite == NULL)
    {
      g_test_skip ("needs the sqlite3 program");
      return;
    }
  store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  add (store, "site", obj ("code", "UNI", "name", "Campus Central", NULL));
  g_object_unref (store);

  store = enlace_store_open (path, 0, &error);
  g_assert_no_error (error);
  add (store, "site", obj ("code", "S1", "name", "Uno", NULL));

  other = enlace_store_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (other, "SELECT count(*) FROM site"), ==, 2);
  g_object_unref (other);

  {
    const char *argv[] = { sqlite, path, "SELECT count(*) FROM site;", NULL };
    g_autofree char *out = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_cmpstr (g_strstrip (out), ==, "2");
  }
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  add (store, "site", obj ("code", "S2", "name", "Dos", NULL));
  g_object_unref (store);

  store = enlace_store_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM site"), ==, 3);
  g_object_unref (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/store/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/model/store/refuse/not-sqlite", test_refuse_not_sqlite);
  g_test_add_func ("/model/store/refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  g_test_add_func ("/model/store/refuse/newer", test_refuse_newer);
  g_test_add_func ("/model/store/refuse/damaged", test_refuse_damaged);
  g_test_add_func ("/model/store/refuse/damaged-after-close", test_check_cache);
  g_test_add_func ("/model/store/read-only", test_read_only);
  g_test_add_func ("/model/store/wal-kept-for-others", test_wal_kept_for_others);
  g_test_add_func ("/model/store/crud", test_create_update_delete);
  g_test_add_func ("/model/store/refusals-change-nothing", test_refusals_change_nothing);
  g_test_add_func ("/model/store/undo-redo", test_undo_redo);
  g_test_add_func ("/model/store/undo-survives-reopen", test_undo_survives_reopen);
  g_test_add_func ("/model/store/undo-race", test_undo_race);
  g_test_add_func ("/model/store/audit-log", test_audit_log);
  g_test_add_func ("/model/store/nested", test_nested_commands);
  g_test_add_func ("/model/store/bulk-undo", test_bulk_undo);
  g_test_add_func ("/model/store/bulk-after-changes", test_bulk_after_changes);
  g_test_add_func ("/model/store/meta-and-copy", test_meta_and_copy);
  g_test_add_func ("/model/store/migrate/v1", test_migrate_v1);
  g_test_add_func ("/model/store/attachment", test_attachment);
  g_test_add_func ("/model/store/polyline", test_polyline);

  return g_test_run ();
}
