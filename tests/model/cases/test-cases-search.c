/* test-cases-search.c: the inbox's search (the search index of cases) and
 * its pages: what is found, after undo and redo, after an XML import,
 * in a file of version 4 and in one whose index is stale; keyset pages
 * with no row twice and none left out */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "enlace-cases-private.h"
#include "enlace-xml.h"

static EnlaceStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  enlace_store_set_user (store, "tester");
  return store;
}

static gint64
add (EnlaceStore *store,
     const char  *kind,
     const char  *k1,
     const char  *v1,
     const char  *k2,
     const char  *v2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  gint64 id;

  json_object_set_string_member (v, k1, v1);
  if (k2 != NULL)
    json_object_set_string_member (v, k2, v2);
  id = enlace_store_create (store, kind, v, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
open_case (EnlaceStore *store,
           const char  *code,
           gint64       requester_id,
           const char  *summary,
           const char  *opened_at,
           const char  *form_field,
           const char  *form_value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  gint64 id;

  if (requester_id > 0)
    json_object_set_int_member (v, "requester_id", requester_id);
  if (summary != NULL)
    json_object_set_string_member (v, "summary", summary);
  if (opened_at != NULL)
    json_object_set_string_member (v, "opened_at", opened_at);
  if (form_field != NULL)
    {
      JsonObject *form = json_object_new ();

      json_object_set_string_member (form, form_field, form_value);
      json_object_set_object_member (v, "form", form);
    }
  id = enlace_case_open (store, code, v, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The ids found by @text (newest first), as "3 1". */
static char *
found (EnlaceStore *store,
       const char  *text)
{
  g_autoptr(GError) error = NULL;
  EnlaceCaseFilter f = { .text = text };
  g_autoptr(GPtrArray) rows = enlace_cases_query (store, &f, &error);
  g_autoptr(JsonObject) counts = NULL;
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i ? " " : "",
                            ((EnlaceCaseRow *) g_ptr_array_index (rows, i))->id);
  /* the counts agree with the rows */
  counts = enlace_cases_counts (store, &f, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (counts, "total"), ==, rows->len);
  return g_string_free (s, FALSE);
}

/* @text finds exactly the cases @x, @y, @z (0: none), newest first. */
static void
expect (EnlaceStore *store,
        const char  *text,
        gint64       x,
        gint64       y,
        gint64       z)
{
  g_autofree char *got = found (store, text);
  g_autoptr(GString) want = g_string_new (NULL);
  gint64 v[] = { x, y, z };

  for (guint i = 0; i < G_N_ELEMENTS (v); i++)
    if (v[i] > 0)
      g_string_append_printf (want, "%s%" G_GINT64_FORMAT, want->len ? " " : "", v[i]);
  g_test_message ("search “%s”: %s", text, got);
  g_assert_cmpstr (got, ==, want->str);
}

typedef struct
{
  gint64 area, ramon, lucia;
  gint64 a, b, c;          /* three cases, oldest first */
} World;

static void
make_world (EnlaceStore *store,
            World       *w)
{
  g_autoptr(GError) error = NULL;
  gint64 sid;

  w->area = add (store, "area", "code", "RH", "name", "Recursos Humanos");
  w->ramon = add (store, "person", "name", "Ramón Núñez", NULL, NULL);
  w->lucia = add (store, "person", "name", "Lucía Pérez", NULL, NULL);
  w->a = open_case (store, "correo-falla", w->ramon, "No recibe correos externos",
                    "2026-03-01T09:00:00Z", NULL, NULL);
  w->b = open_case (store, "internet-falla", w->lucia, "Sin red en la oficina 12",
                    "2026-03-02T09:00:00Z", NULL, NULL);
  w->c = open_case (store, "correo-alta", w->lucia, "Cuenta para la becaria",
                    "2026-03-03T09:00:00Z", "purpose", "Difusión del congreso anual");
  /* a step's note, a timeline note */
  sid = enlace_case_find_step (store, w->a, ENLACE_STEP_SIDE_ADMINISTRATOR, 1, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_case_set_step (store, w->a, sid, ENLACE_STEP_DONE, "Buzón lleno: se depuró la bandeja", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (enlace_case_add_note (store, w->b, "El cable del nodo está mordido por roedores",
                                         NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
}

/* By folio, name, summary, form, step note, timeline note; case and
 * accents ignored; each word in any order; short words too. */
static void
test_search_text (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autofree char *folio_b = NULL;
  World w;

  make_world (store, &w);
  {
    g_autoptr(EnlaceCaseRow) row = enlace_cases_get_row (store, w.b, NULL);
    folio_b = g_strdup (row->folio);
  }

  /* folio, whole and in part, any case */
  expect (store, folio_b, w.b, 0, 0);
  expect (store, "inet-2026", w.b, 0, 0);
  /* the requester's name, with or without accents */
  expect (store, "Lucía", w.c, w.b, 0);
  expect (store, "lucia", w.c, w.b, 0);
  expect (store, "NUÑEZ", w.a, 0, 0);
  expect (store, "nunez", w.a, 0, 0);
  /* the summary, the form, a step's note, a timeline note */
  expect (store, "correos externos", w.a, 0, 0);
  expect (store, "congreso", w.c, 0, 0);
  expect (store, "depuro la bandeja", w.a, 0, 0);
  expect (store, "roedores", w.b, 0, 0);
  /* words in any order; every word must be there */
  expect (store, "roedores cable", w.b, 0, 0);
  expect (store, "roedores becaria", 0, 0, 0);
  /* short words: alone, the folio and the requester's name only; with a
   * long one, anywhere */
  expect (store, "ez", w.c, w.b, w.a);
  expect (store, "12", 0, 0, 0);
  expect (store, "T-", w.b, 0, 0);
  expect (store, "red 12", w.b, 0, 0);
  expect (store, "becaria 12", 0, 0, 0);
  /* the LIKE characters are only characters */
  expect (store, "%", 0, 0, 0);
  expect (store, "_", 0, 0, 0);
  expect (store, "\"", 0, 0, 0);
  expect (store, "no such thing anywhere", 0, 0, 0);
  /* with the other filters */
  {
    g_autoptr(GError) error = NULL;
    EnlaceCaseFilter f = { .text = "lucia", .procedure_code = "correo-alta" };
    g_autoptr(GPtrArray) rows = enlace_cases_query (store, &f, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpint (((EnlaceCaseRow *) g_ptr_array_index (rows, 0))->id, ==, w.c);
  }
  /* the assignee's name is not the requester's */
  g_assert_true (enlace_case_assign (store, w.a, w.lucia, NULL));
  expect (store, "lucia", w.c, w.b, 0);
}

/* Undo and redo take the index with them; so do renames. */
static void
test_search_undo (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  World w;

  make_world (store, &w);

  /* the note was the last command */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  expect (store, "roedores", 0, 0, 0);
  g_assert_true (enlace_store_redo (store, &error));
  g_assert_no_error (error);
  expect (store, "roedores", w.b, 0, 0);

  /* a new note, undone */
  g_assert_cmpint (enlace_case_add_note (store, w.a, "Se cambió la contraseña", NULL, NULL, NULL, &error), >, 0);
  expect (store, "contraseña", w.a, 0, 0);
  g_assert_true (enlace_store_undo (store, &error));
  expect (store, "contrasena", 0, 0, 0);

  /* a summary changed through the store's own set */
  {
    g_autoptr(JsonObject) v = json_object_new ();

    json_object_set_string_member (v, "name", "Lucía Pérez Ortiz");
    g_assert_true (enlace_store_update (store, "person", w.lucia, v, &error));
    g_assert_no_error (error);
  }
  expect (store, "ortiz", w.c, w.b, 0);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  expect (store, "ortiz", 0, 0, 0);
  expect (store, "perez", w.c, w.b, 0);

  /* a case opened then undone */
  {
    gint64 d = open_case (store, "ftp-falla", w.ramon, "Servidor FTP caído", NULL, NULL, NULL);

    expect (store, "servidor ftp", d, 0, 0);
    g_assert_true (enlace_store_undo (store, &error));
    expect (store, "servidor ftp", 0, 0, 0);
    g_assert_true (enlace_store_redo (store, &error));
    expect (store, "servidor ftp", d, 0, 0);
  }

  /* the index follows the audit log */
  {
    sqlite3_stmt *stmt = enlace_store_prepare (store, "SELECT command_id FROM case_search_state", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, enlace_cases_search_last_command (store));
    sqlite3_reset (stmt);
  }
}

/* An XML import (a bulk command) is indexed; its undo too. */
static void
test_search_import (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceStore) copy = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *dir = g_dir_make_tmp ("enlace-search-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cases.xml", NULL);
  World w;

  make_world (store, &w);
  g_assert_true (enlace_xml_export (store, path, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_xml_import (copy, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* the copy's ids, by folio */
  {
    g_autoptr(EnlaceCaseRow) ra = enlace_cases_get_row (store, w.a, NULL);
    g_autoptr(EnlaceCaseRow) rb = enlace_cases_get_row (store, w.b, NULL);
    g_autoptr(EnlaceCaseRow) rc = enlace_cases_get_row (store, w.c, NULL);
    gint64 a = enlace_cases_lookup (copy, ra->folio, &error);
    gint64 b = enlace_cases_lookup (copy, rb->folio, &error);
    gint64 c = enlace_cases_lookup (copy, rc->folio, &error);

    g_assert_no_error (error);
    expect (copy, "roedores", b, 0, 0);
    expect (copy, "lucia", c, b, 0);
    expect (copy, "depuro", a, 0, 0);
    g_assert_true (enlace_store_undo (copy, &error));
    g_assert_no_error (error);
    expect (copy, "lucia", 0, 0, 0);
    g_assert_true (enlace_store_redo (copy, &error));
    g_assert_no_error (error);
    expect (copy, "lucia", c, b, 0);
  }
  g_unlink (path);
  g_rmdir (dir);
}

static char *
copy_fixture (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "cases-v4.enlace", NULL);
  char *path = g_build_filename (dir, "old.enlace", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (src, &contents, &len, &error));
  g_assert_true (g_file_set_contents (path, contents, len, &error));
  return path;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A file of version 4 (made by the previous release: three cases, a note
 * and a step's note) is indexed when it is upgraded; a file changed by a
 * program that does not keep the index is indexed again when opened, and
 * searched without it when open read-only. */
static void
test_search_upgrade (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("enlace-search-XXXXXX", NULL);
  g_autofree char *path = copy_fixture (dir);
  g_autoptr(EnlaceStore) store = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  gint64 inet, tel;

  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_get_schema_version (store), ==, ENLACE_SCHEMA_VERSION);
  inet = enlace_cases_lookup (store, "INET-2026-0001", &error);
  tel = enlace_cases_lookup (store, "TEL-2026-0001", &error);
  g_assert_no_error (error);
  expect (store, "roedores", inet, 0, 0);
  expect (store, "nunez", tel, enlace_cases_lookup (store, "FCORREO-2026-0001", NULL), 0);
  expect (store, "depuro", enlace_cases_lookup (store, "FCORREO-2026-0001", NULL), 0, 0);
  g_assert_true (enlace_cases_search_ready (store));
  g_clear_object (&store);

  /* another program writes (a command of its own) without the index */
  raw_exec (path,
            "INSERT INTO command (at, user, label, kind) VALUES ('2026-12-05T10:00:00Z', 'other', 'Edit', 'do');"
            "UPDATE case_file SET summary = 'Teléfono mudo en caseta' WHERE folio = 'TEL-2026-0001';");

  /* read-only: the index is stale, so the slow way finds it */
  store = enlace_store_open (path, ENLACE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (enlace_cases_search_ready (store));
  expect (store, "mudo en caseta", tel, 0, 0);
  g_clear_object (&store);

  /* for writing: indexed again */
  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_cases_search_ready (store));
  expect (store, "caseta", tel, 0, 0);
  expect (store, "telefono mudo", tel, 0, 0);
  expect (store, "sin tono", 0, 0, 0);
  g_clear_object (&store);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

/* Keyset pages: every row once, in the order of the whole query, also
 * with several cases opened at the same moment and with a filter. */
static void
test_paging (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 person = add (store, "person", "name", "Ana Gómez", NULL, NULL);
  const EnlaceCaseFilter filters[] = {
    { 0 },
    { .open_only = TRUE },
    { .procedure_code = "correo-falla" },
    { .text = "gomez" },
    { .text = "1" },
  };

  for (guint i = 0; i < 30; i++)
    {
      /* ten moments, three cases each */
      g_autofree char *at = g_strdup_printf ("2026-02-%02uT08:00:00Z", 1 + i / 3);
      g_autofree char *summary = g_strdup_printf ("Caso %u", i);
      gint64 id = open_case (store, i % 2 ? "correo-falla" : "internet-falla", person, summary, at, NULL, NULL);

      if (i % 5 == 0)
        g_assert_true (enlace_case_set_status (store, id, ENLACE_CASE_CANCELLED, "Duplicado", &error));
      g_assert_no_error (error);
    }

  for (guint k = 0; k < G_N_ELEMENTS (filters); k++)
    {
      g_autoptr(GPtrArray) all = enlace_cases_query (store, &filters[k], &error);
      g_autoptr(GPtrArray) paged = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_case_row_free);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

      g_assert_no_error (error);
      g_assert_cmpuint (all->len, >, 4);
      for (guint limit = 1; limit <= 7; limit += 3)
        {
          g_ptr_array_set_size (paged, 0);
          g_hash_table_remove_all (seen);
          for (;;)
            {
              EnlaceCaseFilter f = filters[k];
              g_autoptr(GPtrArray) page = NULL;

              f.limit = limit;
              f.after = paged->len ? g_ptr_array_index (paged, paged->len - 1) : NULL;
              page = enlace_cases_query (store, &f, &error);
              g_assert_no_error (error);
              g_assert_cmpuint (page->len, <=, limit);
              for (guint r = 0; r < page->len; r++)
                {
                  EnlaceCaseRow *row = g_ptr_array_index (page, r);

                  g_assert_false (g_hash_table_contains (seen, &row->id));
                  g_hash_table_add (seen, &row->id);
                }
              if (page->len == 0)
                break;
              g_ptr_array_extend_and_steal (paged, g_steal_pointer (&page));
            }
          g_assert_cmpuint (paged->len, ==, all->len);
          for (guint r = 0; r < all->len; r++)
            g_assert_cmpint (((EnlaceCaseRow *) g_ptr_array_index (paged, r))->id, ==,
                             ((EnlaceCaseRow *) g_ptr_array_index (all, r))->id);
        }
      /* and the counts count the whole filter, not a page */
      {
        EnlaceCaseFilter f = filters[k];
        g_autoptr(JsonObject) counts = NULL;

        f.limit = 2;
        f.after = g_ptr_array_index (all, 0);
        counts = enlace_cases_counts (store, &f, &error);
        g_assert_no_error (error);
        g_assert_cmpint (json_object_get_int_member (counts, filters[k].open_only ? "open" : "total"), ==, all->len);
      }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/cases/search/text", test_search_text);
  g_test_add_func ("/model/cases/search/undo", test_search_undo);
  g_test_add_func ("/model/cases/search/import", test_search_import);
  g_test_add_func ("/model/cases/search/upgrade", test_search_upgrade);
  g_test_add_func ("/model/cases/paging", test_paging);

  return g_test_run ();
}
