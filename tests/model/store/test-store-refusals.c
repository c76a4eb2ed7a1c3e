/* test-store-refusals.c: the store's refusals name the file and say what
 * a person can do (issue 14): another program holding the file, a full
 * disk, a file version Enlace never writes.  They said "database is
 * locked", "database or disk is full" and "is damaged: not an error". */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "enlace-store-private.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;

  f->dir = g_dir_make_tmp ("enlace-store-refusals-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "campus.enlace", NULL);
  store = enlace_store_open (f->path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (f->path, suffixes[i], NULL);
      g_remove (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
add_site (EnlaceStore *store,
          const char  *code,
          gsize        name_len,
          GError     **error)
{
  g_autoptr(JsonObject) v = json_object_new ();
  g_autofree char *name = g_strnfill (name_len, 'x');

  json_object_set_string_member (v, "code", code);
  json_object_set_string_member (v, "name", name);
  return enlace_store_create (store, "site", v, error);
}

#define ASSERT_HAS(text, needle) G_STMT_START {                            \
    if (strstr ((text), (needle)) == NULL)                                 \
      g_error ("“%s” not in: %s", (needle), (text));                       \
  } G_STMT_END

/* "Running a query: database is locked": which file, and what holds it. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_open (f->path, ENLACE_STORE_OPEN_DEFAULT, &error);
  sqlite3 *other = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE; UPDATE meta SET value = value WHERE 0",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (add_site (store, "A", 1, &error), ==, 0);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  ASSERT_HAS (error->message, f->path);
  ASSERT_HAS (error->message, "another program");
  g_assert_null (strstr (error->message, "database is locked"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_clear_error (&error);
  g_assert_cmpint (add_site (store, "A", 1, &error), >, 0);
  g_assert_no_error (error);
}

/* "database or disk is full": which file.  SQLite's max_page_count plays
 * the full disk. */
static void
test_full (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_open (f->path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_autofree char *pragma = NULL;
  sqlite3_stmt *stmt;
  gint64 pages = 0;
  guint added = 0;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (enlace_store_get_db (store), "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  pragma = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 2);
  g_assert_true (enlace_store_exec (store, pragma, &error));

  for (guint i = 0; i < 200 && error == NULL; i++)
    {
      g_autofree char *code = g_strdup_printf ("S%u", i);

      if (add_site (store, code, 2000, &error) > 0)
        added++;
    }
  g_assert_nonnull (error);
  g_test_message ("after %u sites: %s", added, error->message);
  ASSERT_HAS (error->message, f->path);
  ASSERT_HAS (error->message, "full");
  g_assert_null (strstr (error->message, "database or disk is full"));
}

/* A negative user_version read as a failed query: "is damaged: not an
 * error". */
static void
test_negative_version (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = -3", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = enlace_store_open (f->path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  ASSERT_HAS (error->message, f->path);
  ASSERT_HAS (error->message, "-3");
  g_assert_null (strstr (error->message, "not an error"));
  g_assert_null (strstr (error->message, "damaged"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_add ("/model/store/refusals/locked", Fixture, NULL, fixture_setup, test_locked, fixture_teardown);
  g_test_add ("/model/store/refusals/full", Fixture, NULL, fixture_setup, test_full, fixture_teardown);
  g_test_add ("/model/store/refusals/negative-version", Fixture, NULL, fixture_setup,
              test_negative_version, fixture_teardown);
  return g_test_run ();
}
