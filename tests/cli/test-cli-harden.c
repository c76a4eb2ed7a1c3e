/* test-cli-harden.c: enlace-cli under hostile conditions (issue 14): two
 * processes on one file, files Enlace did not write, refusals a person
 * can act on.  Runs the binary named by ENLACE_CLI; this process plays the
 * other program with the model's own functions. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "enlace-store-private.h"
#include "enlace-test-cli.h"

typedef struct
{
  char *dir;
  char *file;
} Fixture;

static int
run_argv (char              **out,
          char              **err,
          const char * const *args)
{
  g_auto(EnlaceCliRun) r = { 0 };

  enlace_test_cli_runv (&r, NULL, args);
  if (out)
    *out = g_steal_pointer (&r.out);
  if (err)
    *err = g_steal_pointer (&r.err);
  return r.status;
}

/* run (&out, &err, "add", file, "site", "code=UNI", NULL) */
static int
run (char **out,
     char **err,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, err);
  for (const char *a = va_arg (ap, const char *); a; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run_argv (out, err, (const char * const *) args->pdata);
}

#define OK(...) G_STMT_START {                              \
    g_autofree char *err_ = NULL;                           \
    int rc_ = run (NULL, &err_, __VA_ARGS__, NULL);         \
    if (rc_ != 0)                                           \
      g_error ("exit %d: %s", rc_, err_);                   \
  } G_STMT_END

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = enlace_test_cli_make_dir ("enlace-cli-harden-XXXXXX");
  f->file = g_build_filename (f->dir, "campus.enlace", NULL);
  OK ("new", f->file);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  enlace_test_cli_remove_dir (f->dir);
  g_free (f->file);
  g_free (f->dir);
}

/* enlace-cli with @args, started and not waited for. */
static GSubprocess *
spawn_cli (const char *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *p;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("ENLACE_CLI"));
  g_ptr_array_add (argv, (gpointer) first);
  va_start (ap, first);
  for (const char *a = va_arg (ap, const char *); a; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  p = g_subprocess_newv ((const char * const *) argv->pdata,
                         G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  return p;
}

/* Waits for @p; returns its exit status and what it wrote to stderr. */
static int
wait_cli (GSubprocess  *p,
          char        **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_subprocess_communicate_utf8 (p, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (p));
  g_test_message ("exit %d; stdout: %s; stderr: %s", g_subprocess_get_exit_status (p), out, *err);
  return g_subprocess_get_exit_status (p);
}

static char *
site_name (Fixture *f)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_cmpint (run (&out, NULL, "show", f->file, "site", "UNI", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  return g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "name"));
}

/* The undo of issue 14: the `undo` process reads what it will undo, waits
 * for the write lock another program holds, and meanwhile that program
 * commits a `set`.  The undo must not overwrite the set: it refuses. */
static void
test_undo_race_set (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(EnlaceStore) other = NULL;
  g_autoptr(GSubprocess) undo = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  OK ("add", f->file, "site", "code=UNI", "name=A");
  OK ("set", f->file, "site", "UNI", "name=B");

  other = enlace_store_open (f->file, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  id = enlace_store_lookup (other, "site", "UNI", &error);
  g_assert_no_error (error);
  g_assert_true (enlace_store_begin (other, "Set", &error));   /* holds the write lock */
  undo = spawn_cli ("undo", f->file, NULL);
  g_usleep (3 * G_USEC_PER_SEC);  /* it reads, then waits (slow to start under ASan) */
  json_object_set_string_member (values, "name", "KEEP-ME");
  g_assert_true (enlace_store_update (other, "site", id, values, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_store_commit (other, &error));
  g_assert_no_error (error);

  g_assert_cmpint (wait_cli (undo, &err), !=, 0);
  g_assert_nonnull (strstr (err, "cannot be undone"));
  name = site_name (f);
  g_assert_cmpstr (name, ==, "KEEP-ME");
}

/* Two undos at once, both meaning the same command: one undoes it, the
 * other refuses (it does not go on to undo the command before). */
static void
test_undo_race_two (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(EnlaceStore) other = NULL;
  g_autoptr(GSubprocess) u1 = NULL;
  g_autoptr(GSubprocess) u2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *e1 = NULL;
  g_autofree char *e2 = NULL;
  g_autofree char *name = NULL;
  int s1, s2;

  OK ("add", f->file, "site", "code=UNI", "name=A");
  OK ("set", f->file, "site", "UNI", "name=B");
  OK ("set", f->file, "site", "UNI", "name=C");

  other = enlace_store_open (f->file, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_store_begin (other, "Hold", &error));
  u1 = spawn_cli ("undo", f->file, NULL);
  u2 = spawn_cli ("undo", f->file, NULL);
  g_usleep (3 * G_USEC_PER_SEC);  /* both read, then wait (slow to start under ASan) */
  enlace_store_rollback (other);

  s1 = wait_cli (u1, &e1);
  s2 = wait_cli (u2, &e2);
  g_assert_true ((s1 == 0) != (s2 == 0));
  g_assert_nonnull (strstr (s1 ? e1 : e2, "already undone"));
  name = site_name (f);
  g_assert_cmpstr (name, ==, "B");
}

/* Runs @sql on @file with SQLite itself, as another program would. */
static void
sqlite_exec (const char *file,
             const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (file, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
  sqlite3_close (db);
}

static gint64
sqlite_count (const char *file,
              const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open (file, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A trigger added with sqlite3 (issue 14: `AFTER INSERT ON site … DELETE
 * FROM cable` deleted every cable on `add site`, exit 0): the file is
 * refused, naming the trigger, and nothing runs; check reports it. */
static void
test_schema_trigger (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  OK ("add", f->file, "site", "code=UNI", "name=Universidad");
  OK ("add", f->file, "building", "site=UNI", "code=ED-A", "name=Edificio A");
  sqlite_exec (f->file, "CREATE TRIGGER wipe AFTER INSERT ON site BEGIN DELETE FROM building; END;");

  g_assert_cmpint (run (NULL, &err, "add", f->file, "site", "code=X", "name=X", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "trigger “wipe” on “site” was not created by Enlace"));
  g_assert_nonnull (strstr (err, f->file));
  g_assert_cmpint (sqlite_count (f->file, "SELECT count(*) FROM building"), ==, 1);
  g_assert_cmpint (sqlite_count (f->file, "SELECT count(*) FROM site"), ==, 1);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "list", f->file, "site", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "wipe"));

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "check", f->file, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Problem: Schema: trigger “wipe” on “site” was not created by Enlace"));
}

/* A view, a table and an index added: each is named. */
static void
test_schema_objects (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  sqlite_exec (f->file,
               "CREATE VIEW v_sites AS SELECT * FROM site;"
               "CREATE TABLE notes (x);"
               "CREATE INDEX site_name ON site(name);");
  g_assert_cmpint (run (NULL, &err, "stats", f->file, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "view “v_sites”"));
  g_assert_nonnull (strstr (err, "table “notes”"));
  g_assert_nonnull (strstr (err, "index “site_name” on “site”"));
  g_assert_cmpint (run (&out, NULL, "check", f->file, "--json", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "v_sites"));
  g_assert_nonnull (strstr (out, "\"ok\" : false"));
}

/* A CHECK constraint stripped with writable_schema, then a row that
 * breaks it: the open refuses the changed table, and check names the
 * table and the row (its export could not be imported). */
static void
test_schema_check_stripped (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  OK ("add", f->file, "site", "code=UNI", "name=Universidad");
  OK ("add", f->file, "building", "site=UNI", "code=ED-A", "name=Edificio A");
  OK ("add", f->file, "floor", "building=ED-A", "level=1", "name=Planta 1");
  OK ("add", f->file, "space", "floor=ED-A/1", "code=1A", "kind=telecom-room", "name=Site");
  OK ("add", f->file, "rack", "space=ED-A/1/1A", "name=R1", "u_height=42");
  sqlite_exec (f->file,
               "PRAGMA writable_schema = ON;"
               "UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (u_height BETWEEN 1 AND 100)', '') "
               "WHERE name = 'rack';");
  sqlite_exec (f->file, "UPDATE rack SET u_height = 500;");

  g_assert_cmpint (run (NULL, &err, "list", f->file, "rack", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "table “rack” is not defined as Enlace defines it"));
  g_assert_cmpint (run (&out, NULL, "check", f->file, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Table rack, row 1: breaks a rule of Enlace (CHECK constraint failed: u_height BETWEEN 1 AND 100)"));
}

/* A 0-byte file is not a project: only `new` makes one of it. */
static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (f->dir, "empty.enlace", NULL);
  const char *commands[] = { "check", "stats", "list", NULL };
  GStatBuf st;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  for (guint i = 0; commands[i]; i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run (NULL, &err, commands[i], empty, i == 2 ? "site" : NULL, NULL), ==, 1);
      g_assert_nonnull (strstr (err, "is an empty file, not an Enlace project"));
      g_assert_cmpint (g_stat (empty, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, 0);
    }
}

/* A file damaged behind Enlace's back with its modification time put back
 * (what `touch -d` does): the open still checks it and refuses. */
static void
test_damage_same_mtime (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *err = NULL;
  gint64 page_size, root;
  struct timespec times[2];
  GStatBuf st;
  FILE *fp;

  OK ("add", f->file, "site", "code=UNI", "name=Universidad");
  OK ("list", f->file, "site");   /* checked, closed, remembered */
  page_size = sqlite_count (f->file, "PRAGMA page_size");
  root = sqlite_count (f->file, "SELECT rootpage FROM sqlite_schema WHERE name = 'procedure_step'");
  g_assert_cmpint (root, >, 1);

  g_assert_cmpint (g_stat (f->file, &st), ==, 0);
  fp = g_fopen (f->file, "r+b");
  g_assert_nonnull (fp);
  g_assert_cmpint (fseek (fp, (root - 1) * page_size, SEEK_SET), ==, 0);
  fputc (0x42, fp);               /* not a b-tree page type */
  fclose (fp);
  times[0] = st.st_atim;
  times[1] = st.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, f->file, times, 0), ==, 0);

  g_assert_cmpint (run (NULL, &err, "add", f->file, "site", "code=X", "name=X", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is damaged"));
}

static char *
deep_json (guint levels)
{
  GString *s = g_string_sized_new (2 * levels);

  for (guint i = 0; i < levels; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < levels; i++)
    g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static void
add_space (Fixture *f)
{
  OK ("add", f->file, "site", "code=UNI", "name=Universidad");
  OK ("add", f->file, "building", "site=UNI", "code=ED-A", "name=Edificio A");
  OK ("add", f->file, "floor", "building=ED-A", "level=1", "name=Planta 1");
  OK ("add", f->file, "space", "floor=ED-A/1", "code=1A", "kind=telecom-room", "name=Site",
      "outline=[[0,0],[4,0],[4,3],[0,3]]");
}

/* An outline nested 80,000 deep (issue 14: a stack overflow in import,
 * check, plan and the import of the export): each refuses it cleanly. */
static void
test_deep_json (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *deep = deep_json (80000);
  g_autofree char *sql = NULL;
  g_autofree char *xml = g_build_filename (f->dir, "campus.xml", NULL);
  g_autofree char *bad_xml = g_build_filename (f->dir, "deep.xml", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.enlace", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "plan.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;
  int rc;

  add_space (f);
  OK ("export", f->file, xml);

  /* import of an XML file carrying it */
  g_assert_true (g_file_get_contents (xml, &text, NULL, NULL));
  parts = g_strsplit (text, "outline=\"[[0,0],[4,0],[4,3],[0,3]]\"", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  joined = g_strdup_printf ("%soutline=\"%s\"%s", parts[0], deep, parts[1]);
  g_assert_true (g_file_set_contents (bad_xml, joined, -1, NULL));
  g_assert_cmpint (run (NULL, &err, "import", fresh, bad_xml, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "nests deeper than the 32 levels"));
  g_assert_cmpuint (strlen (err), <, 1000);   /* not echoed in full */

  /* a project holding it: check reports it, plan and export refuse */
  sql = g_strdup_printf ("UPDATE space SET outline = '%s'", deep);
  sqlite_exec (f->file, sql);
  rc = run (&out, NULL, "check", f->file, NULL);
  g_assert_cmpint (rc, ==, 1);
  g_assert_nonnull (strstr (out, "Outline is not a list of points"));
  g_clear_pointer (&err, g_free);
  rc = run (NULL, &err, "plan", f->file, "--floor", "ED-A/1", "-o", pdf, NULL);
  g_assert_cmpint (rc, <=, 1);       /* an exit, not a crash */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "export", f->file, xml, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "nests deeper"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("ENLACE_CLI") == NULL)
    {
      g_test_skip ("ENLACE_CLI is not set");
      return 77;
    }

#define ADD(path, func) g_test_add ("/cli/harden/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("undo-race-set", test_undo_race_set);
  ADD ("undo-race-two", test_undo_race_two);
  ADD ("schema-trigger", test_schema_trigger);
  ADD ("schema-objects", test_schema_objects);
  ADD ("schema-check-stripped", test_schema_check_stripped);
  ADD ("empty-file", test_empty_file);
  ADD ("damage-same-mtime", test_damage_same_mtime);
  ADD ("deep-json", test_deep_json);
  return g_test_run ();
}
