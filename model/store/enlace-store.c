/* enlace-store.c: the .enlace document (an SQLite file)
 *
 * Undo works on row images.  While a command is open, temporary triggers
 * on every document table append the before and after image of each row
 * written (as JSON) to the `change` table, under the command's id.  Undo
 * replays the images of a command backwards inside a new command (whose
 * own images are recorded the same way); redo replays the images of that
 * undo backwards.  Foreign keys are deferred, so replay order is free.
 * Undo and redo themselves are in enlace-store-undo.c.
 */
#define G_LOG_DOMAIN "enlace-store"
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "enlace-cases.h"
#include "enlace-schema-sql.h"
#include "enlace-store-internal.h"
#include "enlace-store-notify.h"

struct _EnlaceStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *author;       /* recorded in command.user: the person working */
  gint64      session_start; /* newest command when the file was opened */
  GHashTable *stmts;        /* sql text → sqlite3_stmt */
  /* In front of stmts: by the address of the caller's text (most are
   * literals), checked with strcmp, which is faster than hashing a long
   * query for every row of a check (issue 14).  Valid because no entry
   * of stmts is removed before finalize. */
  struct {
    const char   *sql;        /* the caller's pointer */
    const char   *text;       /* the key in stmts */
    sqlite3_stmt *stmt;
  } recent[64];
  GHashTable *columns;      /* table → GStrv of columns (document tables) */

  guint       depth;        /* nesting of begin() */
  guint       try_base;     /* depth of the innermost enlace_store_try, 0: none */
  gboolean    try_failed;   /* a rollback happened inside it */
  gint64      command_id;
  char       *command_kind; /* "do", "undo", "redo" */
  gint64      command_target;
  gboolean    bulk;
  gboolean    bulk_used;
  GHashTable *bulk_marks;   /* table → max rowid before bulk (gint64*) */

  guint       check_generation;  /* enlace_store_check_generation() */

  guint       read_only : 1;
  guint       folder_read_only : 1;  /* a writable file in a folder we cannot write */
  guint       trusted : 1;  /* checked at open: remember its state at close */
  guint       registered : 1;  /* counted in open_files */
  guint       shared_open : 1; /* another store of this process had it open */
  char       *open_stamp;   /* file_stamp() before it was opened; NULL when
                             * another store of this process had it open */
};

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EnlaceStore, enlace_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (enlace-store-error-quark, enlace_store_error)

/* The document tables (recorded by the audit triggers, replayed by undo)
 * are those of the kinds and those the areas declare: see
 * enlace_document_tables() (enlace-kinds.h). */

/* ---------------------------------------------------------------- change set */

static EnlaceChangeSet *
enlace_change_set_new (void)
{
  EnlaceChangeSet *self = g_atomic_rc_box_new0 (EnlaceChangeSet);

  self->changes = g_array_new (FALSE, FALSE, sizeof (EnlaceChange));
  return self;
}

EnlaceChangeSet *
enlace_change_set_ref (EnlaceChangeSet *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
change_set_clear (gpointer data)
{
  EnlaceChangeSet *self = data;

  g_free (self->label);
  g_array_unref (self->changes);
}

void
enlace_change_set_unref (EnlaceChangeSet *self)
{
  g_atomic_rc_box_release_full (self, change_set_clear);
}

G_DEFINE_BOXED_TYPE (EnlaceChangeSet, enlace_change_set,
                     enlace_change_set_ref, enlace_change_set_unref)

gboolean
enlace_change_set_touches (EnlaceChangeSet *self,
                           const char      *table)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (self->bulk)
    return TRUE;
  for (guint i = 0; i < self->changes->len; i++)
    if (strcmp (g_array_index (self->changes, EnlaceChange, i).table, table) == 0)
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------- basics */

/* ---------------------------------------------------------------- checks
 *
 * PRAGMA quick_check reads the whole file: half a second for a campus of
 * 100k ports.  A file is checked the first time it is opened, and again
 * whenever it changed behind Enlace's back: what Enlace itself wrote and
 * closed is remembered in $XDG_CACHE_HOME/enlace/checked.ini by its inode,
 * size, modification time, *status-change time* and a digest of its
 * 100-byte SQLite header (page size, page count, change counter, schema
 * cookie).  The modification time can be set back with `touch -d`; the
 * status-change time cannot (any write or touch sets it to now), so a file
 * damaged with its times restored is checked again.  A file with a
 * non-empty -wal beside it (a program was killed, or another has it open)
 * and a file of at most ENLACE_ALWAYS_CHECK_BYTES are always checked.
 */

#define ENLACE_ALWAYS_CHECK_BYTES (4 * 1024 * 1024)

static char *
file_stamp (const char *path)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guchar header[100] = { 0 };
  GStatBuf st;
  FILE *f;
  size_t n;

  if (g_stat (path, &st) != 0)
    return NULL;
  f = g_fopen (path, "rb");
  if (f == NULL)
    return NULL;
  n = fread (header, 1, sizeof header, f);
  fclose (f);
  g_checksum_update (sum, header, n);
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT ".%09ld:"
                          "%" G_GINT64_FORMAT ".%09ld:%s",
                          (guint64)st.st_ino, (guint64)st.st_size,
                          (gint64)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec,
                          (gint64)st.st_ctim.tv_sec, (long)st.st_ctim.tv_nsec,
                          g_checksum_get_string (sum));
}

/* A -wal beside @path holding frames: the file alone is not the document. */
static gboolean
has_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

static char *
checked_cache_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "enlace", "checked.ini", NULL);
}

/* The files the stores of this process hold open, path → count.  POSIX
 * locks belong to the process: closing *any* descriptor of a file drops
 * every lock the process holds on it, the SQLite connection's included.
 * A WAL connection that lost its shared lock no longer stops another
 * program, closing the file, from taking it for the last connection:
 * that program checkpoints and deletes the -wal, and what this process
 * writes afterwards goes into the deleted file and is lost.  So Enlace
 * reads a project's file through its own descriptors (the header, the
 * stamp) only while no store of this process has it open. */
G_LOCK_DEFINE_STATIC (open_files);
static GHashTable *open_files;

/* With G_LOCK (open_files) held */
static guint
open_files_count (const char *path)
{
  return open_files ? GPOINTER_TO_UINT (g_hash_table_lookup (open_files, path)) : 0;
}

static void
open_files_add (const char *path,
                int         delta)
{
  guint n;

  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = open_files_count (path) + delta;
  if (n == 0)
    g_hash_table_remove (open_files, path);
  else
    g_hash_table_insert (open_files, g_strdup (path), GUINT_TO_POINTER (n));
}

/* @stamp: file_stamp() of @path, taken before it was opened */
static gboolean
already_checked (const char *path,
                 const char *stamp)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *cache = checked_cache_path ();
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA1, path, -1);
  g_autofree char *known = NULL;
  GStatBuf st;

  if (stamp == NULL || has_wal (path) ||
      g_stat (path, &st) != 0 || st.st_size <= ENLACE_ALWAYS_CHECK_BYTES ||
      !g_key_file_load_from_file (kf, cache, G_KEY_FILE_NONE, NULL))
    return FALSE;
  known = g_key_file_get_string (kf, "checked", key, NULL);
  return g_strcmp0 (known, stamp) == 0;
}

static void
remember_stamp (const char *path,
                const char *stamp)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *cache = checked_cache_path ();
  g_autofree char *dir = g_path_get_dirname (cache);
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA1, path, -1);

  if (stamp == NULL)
    return;
  g_key_file_load_from_file (kf, cache, G_KEY_FILE_NONE, NULL);
  g_key_file_set_string (kf, "checked", key, stamp);
  if (g_mkdir_with_parents (dir, 0700) == 0)
    g_key_file_save_to_file (kf, cache, NULL);
}

/* Closes the connection; then, when no other store of this process has
 * the file open, remembers its state if it was checked. */
static void
close_db (EnlaceStore *self)
{
  gboolean remember;

  if (self->db == NULL)
    return;
  G_LOCK (open_files);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
  if (self->registered)
    {
      open_files_add (self->path, -1);
      self->registered = FALSE;
    }
  remember = self->trusted && self->path != NULL && !self->read_only &&
             open_files_count (self->path) == 0;
  if (remember)
    {
      g_autofree char *stamp = file_stamp (self->path);

      remember_stamp (self->path, stamp);
    }
  G_UNLOCK (open_files);
}

static void
enlace_store_finalize (GObject *object)
{
  EnlaceStore *self = (EnlaceStore *)object;

  g_clear_pointer (&self->stmts, g_hash_table_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_clear_pointer (&self->bulk_marks, g_hash_table_unref);
  close_db (self);
  g_free (self->open_stamp);
  g_free (self->path);
  g_free (self->author);
  g_free (self->command_kind);

  G_OBJECT_CLASS (enlace_store_parent_class)->finalize (object);
}

static void
enlace_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EnlaceStore *self = ENLACE_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enlace_store_class_init (EnlaceStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = enlace_store_finalize;
  object_class->get_property = enlace_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EnlaceStore::changed:
   * @changes: an #EnlaceChangeSet
   *
   * Emitted once per committed command (including undo and redo).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ENLACE_TYPE_CHANGE_SET | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
finalize_stmt (gpointer data)
{
  sqlite3_finalize (data);
}

/* The account's full name, else its login name. */
char *
enlace_store_default_author (void)
{
  const char *real = g_get_real_name ();

  if (real != NULL && real[0] != '\0' && strcmp (real, "Unknown") != 0)
    return g_strdup (real);
  return g_strdup (g_get_user_name ());
}

static void
enlace_store_init (EnlaceStore *self)
{
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_strfreev);
  self->bulk_marks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->author = enlace_store_default_author ();
}

sqlite3 *
enlace_store_get_db (EnlaceStore *self)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);
  return self->db;
}

void
enlace_store_set_sql_error (EnlaceStore  *self,
                            GError      **error,
                            const char   *what)
{
  int code = sqlite3_extended_errcode (self->db);
  int primary = code & 0xff;

  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_DAMAGED,
                 _("%s: the file is damaged (%s)"), what, sqlite3_errmsg (self->db));
  else if (primary == SQLITE_READONLY)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_READ_ONLY,
                 _("%s: the file is read-only"), what);
  else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                 _("%s: “%s” is held by another program (it kept the file locked for more than 5 seconds); try again when it is done"),
                 what, self->path ? self->path : ":memory:");
  else if (primary == SQLITE_FULL || (primary == SQLITE_IOERR && sqlite3_system_errno (self->db) == ENOSPC))
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                 _("%s: the disk that holds “%s” is full; nothing was changed"),
                 what, self->path ? self->path : ":memory:");
  else if (primary == SQLITE_CONSTRAINT)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT,
                 _("%s: %s"), what, sqlite3_errmsg (self->db));
  else if (primary == SQLITE_INTERRUPT)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CANCELLED,
                 _("%s: cancelled"), what);
  else
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                 _("%s: %s"), what, sqlite3_errmsg (self->db));
}

guint
enlace_store_check_generation (EnlaceStore *self)
{
  return self->check_generation;
}

void
enlace_store_set_checking (EnlaceStore *self,
                           gboolean     checking)
{
  static guint generation;

  self->check_generation = checking ? ++generation : 0;
}

sqlite3_stmt *
enlace_store_prepare (EnlaceStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt;
  const char *text;
  guint slot;

  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  slot = ((guintptr) sql >> 3) % G_N_ELEMENTS (self->recent);
  if (self->recent[slot].sql == sql && strcmp (self->recent[slot].text, sql) == 0)
    {
      stmt = self->recent[slot].stmt;
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (g_hash_table_lookup_extended (self->stmts, sql, (gpointer *) &text, (gpointer *) &stmt))
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  else
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        {
          enlace_store_set_sql_error (self, error, _("Preparing a query"));
          g_debug ("failed SQL: %s", sql);
          return NULL;
        }
      char *copy = g_strdup (sql);

      g_hash_table_insert (self->stmts, copy, stmt);
      text = copy;
    }
  self->recent[slot].sql = sql;
  self->recent[slot].text = text;
  self->recent[slot].stmt = stmt;
  return stmt;
}

gboolean
enlace_store_exec (EnlaceStore  *self,
                   const char   *sql,
                   GError      **error)
{
  char *errmsg = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      enlace_store_set_sql_error (self, error, _("Running a query"));
      g_debug ("failed SQL (%s): %s", errmsg ? errmsg : "", sql);
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

static gint64
query_int (EnlaceStore *self,
           const char  *sql,
           gint64       fallback)
{
  sqlite3_stmt *stmt = enlace_store_prepare (self, sql, NULL);
  gint64 ret = fallback;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    ret = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return ret;
}

const char * const *
enlace_store_table_columns (EnlaceStore *self,
                            const char  *table)
{
  return g_hash_table_lookup (self->columns, table);
}

/* ---------------------------------------------------------------- open */

static const char *
schema_step (int version)
{
  switch (version)
    {
    case 1:
      return ENLACE_SQL_SCHEMA_V1;
    case 2:
      return ENLACE_SQL_SCHEMA_V2;
    case 3:
      return ENLACE_SQL_SCHEMA_V3;
    case 4:
      return ENLACE_SQL_SCHEMA_V4;
    case 5:
      return ENLACE_SQL_SCHEMA_V5;
    case 6:
      return ENLACE_SQL_SCHEMA_V6;
    case 7:
      return ENLACE_SQL_SCHEMA_V7;
    default:
      return NULL;
    }
}

const char *
enlace_store_schema_step_sql (int version)
{
  return schema_step (version);
}

static gboolean
migrate (EnlaceStore  *self,
         int           from,
         GError      **error)
{
  for (int v = from + 1; v <= ENLACE_SCHEMA_VERSION; v++)
    {
      g_autofree char *pragma = NULL;
      const char *sql = schema_step (v);

      g_assert (sql != NULL);
      if (!enlace_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      pragma = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                ENLACE_APPLICATION_ID, v);
      if (!enlace_store_exec (self, sql, error) ||
          !enlace_store_exec (self, pragma, error))
        {
          g_prefix_error (error, _("Upgrading the file to version %d: "), v);
          enlace_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      if (!enlace_store_exec (self, "COMMIT", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_columns (EnlaceStore  *self,
              GError      **error)
{
  const char * const *document_tables = enlace_document_tables ();

  for (guint i = 0; document_tables[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)", document_tables[i]);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      sqlite3_stmt *stmt;

      if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          enlace_store_set_sql_error (self, error, _("Reading the schema"));
          return FALSE;
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 1));
      sqlite3_finalize (stmt);
      g_hash_table_insert (self->columns, (gpointer)document_tables[i],
                           g_strv_builder_end (builder));
    }
  return TRUE;
}

static char *
json_image (const char         *prefix,
            const char * const *cols)
{
  GString *s = g_string_new ("json_object(");

  for (guint i = 0; cols[i]; i++)
    g_string_append_printf (s, "%s'%s', %s.\"%s\"", i ? ", " : "", cols[i], prefix, cols[i]);
  g_string_append (s, ")");
  return g_string_free (s, FALSE);
}

/* The recording triggers of every document table: "CREATE TEMP TRIGGER
 * IF NOT EXISTS …" when @create, else "DROP TRIGGER IF EXISTS …". */
static char *
recording_triggers_sql (EnlaceStore *self,
                        gboolean     create)
{
  const char * const *document_tables = enlace_document_tables ();
  GString *sql = g_string_new (NULL);

  for (guint i = 0; document_tables[i]; i++)
    {
      const char *t = document_tables[i];
      const char * const *cols = g_hash_table_lookup (self->columns, t);
      g_autofree char *new_img = NULL;
      g_autofree char *old_img = NULL;
      g_autofree char *ins = NULL;
      g_autofree char *upd = NULL;
      g_autofree char *del = NULL;

      if (!create)
        {
          g_string_append_printf (sql,
                                  "DROP TRIGGER IF EXISTS temp.enlace_rec_%s_i;"
                                  "DROP TRIGGER IF EXISTS temp.enlace_rec_%s_u;"
                                  "DROP TRIGGER IF EXISTS temp.enlace_rec_%s_d;",
                                  t, t, t);
          continue;
        }
      new_img = json_image ("NEW", cols);
      old_img = json_image ("OLD", cols);
      /* A literal, so that -Wformat=2 (-Werror in CI) can check it */
#define ENLACE_REC_SQL \
        "UPDATE enlace_rec SET seq = seq + 1;" \
        "INSERT INTO change (command_id, seq, tbl, row_id, before, after) " \
        "SELECT cmd, seq, '%s', %s, %s, %s FROM enlace_rec;"
      ins = g_strdup_printf (ENLACE_REC_SQL, t, "NEW.rowid", "NULL", new_img);
      upd = g_strdup_printf (ENLACE_REC_SQL, t, "NEW.rowid", old_img, new_img);
      del = g_strdup_printf (ENLACE_REC_SQL, t, "OLD.rowid", old_img, "NULL");
#undef ENLACE_REC_SQL

      g_string_append_printf (sql,
                              "CREATE TEMP TRIGGER IF NOT EXISTS enlace_rec_%s_i AFTER INSERT ON main.%s "
                              "WHEN (SELECT on_ FROM enlace_rec) BEGIN %s END;"
                              "CREATE TEMP TRIGGER IF NOT EXISTS enlace_rec_%s_u AFTER UPDATE ON main.%s "
                              "WHEN (SELECT on_ FROM enlace_rec) BEGIN %s END;"
                              "CREATE TEMP TRIGGER IF NOT EXISTS enlace_rec_%s_d AFTER DELETE ON main.%s "
                              "WHEN (SELECT on_ FROM enlace_rec) BEGIN %s END;",
                              t, t, ins, t, t, upd, t, t, del);
    }
  return g_string_free (sql, FALSE);
}

static gboolean
create_triggers (EnlaceStore  *self,
                 GError      **error)
{
  g_autofree char *triggers = recording_triggers_sql (self, TRUE);
  g_autofree char *sql = g_strconcat ("CREATE TEMP TABLE enlace_rec (on_ INTEGER NOT NULL, cmd INTEGER NOT NULL, seq INTEGER NOT NULL);"
                                      "INSERT INTO enlace_rec VALUES (0, 0, 0);",
                                      triggers, NULL);

  return enlace_store_exec (self, sql, error);
}

static gboolean
check_header (const char  *path,
              gboolean    *exists_nonempty,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  char header[16] = { 0 };
  gsize n = 0;

  *exists_nonempty = FALSE;
  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Cannot open “%s”: "), path);
      return FALSE;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &n, NULL, error))
    return FALSE;
  if (n == 0)
    return TRUE;
  *exists_nonempty = TRUE;
  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not an Enlace file: it is not an SQLite database"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
folder_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (dir, W_OK) == 0;
}

/* The SQLite flags to open @path with (and self->read_only); @uri is set
 * to an immutable URI for a read-only file in a folder we cannot write. */
static int
open_flags (EnlaceStore           *self,
            const char            *path,
            EnlaceStoreOpenFlags   flags,
            gboolean               existed,
            char                 **uri)
{
  int oflags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  gboolean memory = (path == NULL);

  if (memory)
    oflags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY;
  else if (flags & ENLACE_STORE_OPEN_READ_ONLY)
    oflags |= SQLITE_OPEN_READONLY;
  else if (existed && g_access (path, W_OK) != 0)
    {
      oflags |= SQLITE_OPEN_READONLY;
      self->read_only = TRUE;
    }
  else if (existed && !folder_writable (path))
    {
      /* SQLite writes its journal (-wal, -shm) beside the file: with a
       * folder it cannot write, every statement failed with "attempt to
       * write a readonly database", even a list.  Read it; refuse changes
       * saying why. */
      oflags |= SQLITE_OPEN_READONLY;
      self->read_only = TRUE;
      self->folder_read_only = TRUE;
    }
  else
    {
      oflags |= SQLITE_OPEN_READWRITE;
      if (flags & ENLACE_STORE_OPEN_CREATE)
        oflags |= SQLITE_OPEN_CREATE;
    }
  if (flags & ENLACE_STORE_OPEN_READ_ONLY)
    self->read_only = TRUE;

  /* A read-only file in a folder we cannot write: SQLite could not make
   * the WAL index beside it, so open it as immutable (nobody can be
   * writing it either: that needs the folder). */
  if (!memory && self->read_only)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_access (dir, W_OK) != 0)
        {
          g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

          *uri = g_strdup_printf ("file:%s?immutable=1", escaped);
        }
    }
  return oflags;
}

/* Opens self->db on @path (NULL: in memory), not trusting its schema. */
static gboolean
open_connection (EnlaceStore           *self,
                 const char            *path,
                 EnlaceStoreOpenFlags   flags,
                 gboolean               existed,
                 GError               **error)
{
  g_autofree char *uri = NULL;
  int oflags = open_flags (self, path, flags, existed, &uri);

  if (sqlite3_open_v2 (path == NULL ? ":memory:" : uri ? uri : path, &self->db, oflags, NULL) != SQLITE_OK)
    {
      if (self->db == NULL)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                     _("Cannot open “%s”: out of memory"), path);
      else if (!existed && !(flags & ENLACE_STORE_OPEN_CREATE))
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     _("Cannot open “%s”: no such file"), path);
      else if (!existed && !folder_writable (path))
        {
          /* SQLite says only "unable to open database file" */
          int saved = errno;
          g_autofree char *dir = g_path_get_dirname (path);

          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_READ_ONLY,
                       _("Cannot create “%s”: its folder “%s” cannot be written (%s)"),
                       path, dir, g_strerror (saved ? saved : EACCES));
        }
      else
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                     _("Cannot open “%s”: %s"), path, sqlite3_errmsg (self->db));
      return FALSE;
    }

  /* Files come from elsewhere: do not trust their schema. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  return TRUE;
}

/* PRAGMA quick_check of a file not checked yet (another store of this
 * process that has it open checked it). */
static gboolean
check_integrity (EnlaceStore  *self,
                 const char   *path,
                 gboolean      shared,
                 GError      **error)
{
  sqlite3_stmt *stmt;
  const char *res = NULL;

  if (shared || already_checked (path, self->open_stamp))
    return TRUE;
  stmt = enlace_store_prepare (self, "PRAGMA quick_check", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    res = (const char *)sqlite3_column_text (stmt, 0);
  if (res == NULL || strcmp (res, "ok") != 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged (integrity check: %s)"),
                   path, res ? res : sqlite3_errmsg (self->db));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  /* the state it was opened in (a store that writes remembers the state
   * it leaves when it closes) */
  remember_stamp (path, self->open_stamp);
  return TRUE;
}

/* Read-only probes, so that a refusal does not change the file: is it an
 * Enlace file this program can open?  @version: its schema version. */
static gboolean
check_file (EnlaceStore           *self,
            const char            *path,
            EnlaceStoreOpenFlags   flags,
            gboolean               existed,
            gint64                *version,
            GError               **error)
{
  gint64 app_id, n_tables;

  app_id = query_int (self, "PRAGMA application_id", G_MININT64);
  *version = query_int (self, "PRAGMA user_version", G_MININT64);
  n_tables = query_int (self, "SELECT count(*) FROM sqlite_schema", -1);
  if (app_id == G_MININT64 || *version == G_MININT64 || n_tables < 0)
    {
      int primary = sqlite3_errcode (self->db) & 0xff;

      /* not damage: another program's lock, a full disk, a folder we
       * cannot write */
      if (primary == SQLITE_FULL || sqlite3_system_errno (self->db) == ENOSPC)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                     _("Cannot open “%s”: the disk that holds it is full (Enlace needs room for its journal beside the file)"),
                     path);
      else if (primary == SQLITE_IOERR)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                     _("Cannot open “%s”: the system could not read or write it (%s)"),
                     path, sqlite3_system_errno (self->db) ? g_strerror (sqlite3_system_errno (self->db))
                                                           : sqlite3_errmsg (self->db));
      else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                     _("“%s” is held by another program (it kept the file locked for more than 5 seconds); try again when it is done"),
                     path);
      else if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_READ_ONLY,
                     _("Cannot open “%s”: Enlace cannot write its journal beside it (is its folder read-only?)"),
                     path);
      else
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_DAMAGED,
                     _("“%s” is damaged: %s"), path ? path : ":memory:", sqlite3_errmsg (self->db));
      return FALSE;
    }
  if (*version < 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_ENLACE,
                   _("“%s” is not an Enlace file Enlace can read: its file version is %lld, and versions count from 1"),
                   path ? path : ":memory:", (long long) *version);
      return FALSE;
    }

  if (n_tables > 0 || app_id != 0)
    {
      if (app_id != ENLACE_APPLICATION_ID)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_ENLACE,
                       _("“%s” is an SQLite database but not an Enlace file"), path);
          return FALSE;
        }
      if (*version > ENLACE_SCHEMA_VERSION)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_TOO_NEW,
                       _("“%s” was written by a newer version of Enlace (file version %d, this program reads up to %d)"),
                       path, (int)*version, ENLACE_SCHEMA_VERSION);
          return FALSE;
        }
      /* enlace_store_check() runs PRAGMA integrity_check itself and
       * reports what it finds, row by row after it */
      if (path != NULL && !(flags & ENLACE_STORE_OPEN_INSPECT) && !check_integrity (self, path, self->shared_open, error))
        return FALSE;
      /* Before anything runs on it (a migration, a command): a trigger
       * or view someone added would run on every command. */
      if (!(flags & ENLACE_STORE_OPEN_INSPECT) &&
          !enlace_store_verify_schema (self, (int)*version, error))
        return FALSE;
      if (*version < ENLACE_SCHEMA_VERSION && self->read_only)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_READ_ONLY,
                       _("“%s” was written by an older version of Enlace and must be upgraded, but it is read-only"),
                       path);
          return FALSE;
        }
    }
  else if (self->read_only)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_ENLACE,
                   _("“%s” is an empty SQLite database, not an Enlace file"), path);
      return FALSE;
    }
  else if (existed && !(flags & ENLACE_STORE_OPEN_CREATE))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_ENLACE,
                   _("“%s” is an empty SQLite database, not an Enlace file"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_db (EnlaceStore           *self,
         const char            *path,
         EnlaceStoreOpenFlags   flags,
         gboolean               existed,
         GError               **error)
{
  gint64 version;

  if (!open_connection (self, path, flags, existed, error) ||
      !check_file (self, path, flags, existed, &version, error))
    return FALSE;

  if (!self->read_only)
    {
      if (path != NULL && !enlace_store_exec (self, "PRAGMA journal_mode = WAL", error))
        return FALSE;
      if (!enlace_store_exec (self, "PRAGMA synchronous = NORMAL", error))
        return FALSE;
    }
  /* Before the TEMP triggers exist (changing it later drops them): with
   * the temp database on file, every statement that fires a trigger
   * rebuilds its page cache, and bulk writes spend their time in brk and
   * page faults (an import of 1500 device types took 80 s instead of 2). */
  if (!enlace_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return FALSE;
  if (!enlace_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (version < ENLACE_SCHEMA_VERSION && !migrate (self, (int)version, error))
    return FALSE;
  /* Version 3 brought the procedures manual: a new or upgraded file gets
   * the built-in one (part of creating the file, not an undoable command). */
  if (version < 3 && !enlace_procedures_ensure_defaults (self, error))
    return FALSE;
  /* Version 4 remembers the key of each case link (cases9). */
  if (version < 4 && !enlace_cases_fill_link_keys (self, error))
    return FALSE;

  if (!load_columns (self, error))
    return FALSE;
  if (!self->read_only && !create_triggers (self, error))
    return FALSE;
  self->session_start = query_int (self, "SELECT coalesce(max(id), 0) FROM command", 0);
  /* The areas' derived data (the search index of cases), rebuilt when
   * missing or stale (search9). */
  if (!self->read_only)
    for (const EnlaceStoreHooks * const *h = enlace_store_hooks (); *h; h++)
      if ((*h)->opened != NULL && !(*h)->opened (self, error))
        return FALSE;
  return TRUE;
}

EnlaceStore *
enlace_store_open (const char            *path,
                   EnlaceStoreOpenFlags   flags,
                   GError               **error)
{
  g_autoptr(EnlaceStore) self = NULL;
  gboolean existed = FALSE;

  g_autofree char *canonical = NULL;
  gboolean shared;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  canonical = g_canonicalize_filename (path, NULL);
  /* The header and the stamp are read through descriptors of our own
   * only when no store of this process has the file open (see
   * open_files); one that has it knows it is an Enlace file. */
  G_LOCK (open_files);
  shared = open_files_count (canonical) > 0;
  if (shared)
    existed = TRUE;
  else if (!check_header (path, &existed, error))
    {
      G_UNLOCK (open_files);
      return NULL;
    }

  if (!existed && !(flags & ENLACE_STORE_OPEN_CREATE))
    {
      G_UNLOCK (open_files);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     _("Cannot open “%s”: no such file"), path);
      else
        /* Only a command that creates a project (`new`) makes one of an
         * empty file; check, list or stats would write a schema into it. */
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_ENLACE,
                     _("“%s” is an empty file, not an Enlace project (“enlace-cli new” makes one)"), path);
      return NULL;
    }

  if (flags & ENLACE_STORE_OPEN_INSPECT)
    flags |= ENLACE_STORE_OPEN_READ_ONLY;
  self = g_object_new (ENLACE_TYPE_STORE, NULL);
  self->path = g_steal_pointer (&canonical);
  self->shared_open = shared;
  if (!shared && existed)
    self->open_stamp = file_stamp (self->path);
  open_files_add (self->path, 1);
  self->registered = TRUE;
  G_UNLOCK (open_files);

  if (!open_db (self, self->path, flags, existed, error))
    return NULL;
  self->trusted = !(flags & ENLACE_STORE_OPEN_INSPECT);
  return g_steal_pointer (&self);
}

EnlaceStore *
enlace_store_new_memory (GError **error)
{
  g_autoptr(EnlaceStore) self = g_object_new (ENLACE_TYPE_STORE, NULL);

  if (!open_db (self, NULL, ENLACE_STORE_OPEN_CREATE, FALSE, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
enlace_store_get_path (EnlaceStore *self)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);
  return self->path;
}

gboolean
enlace_store_is_read_only (EnlaceStore *self)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), TRUE);
  return self->read_only;
}

int
enlace_store_get_schema_version (EnlaceStore *self)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), 0);
  return (int)query_int (self, "PRAGMA user_version", 0);
}

void
enlace_store_set_author (EnlaceStore *self,
                         const char  *author)
{
  g_return_if_fail (ENLACE_IS_STORE (self));

  g_free (self->author);
  self->author = author != NULL && author[0] != '\0' ? g_strdup (author)
                                                     : enlace_store_default_author ();
}

const char *
enlace_store_get_author (EnlaceStore *self)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);
  return self->author;
}

void
enlace_store_set_user (EnlaceStore *self,
                       const char  *user)
{
  g_return_if_fail (ENLACE_IS_STORE (self));
  g_return_if_fail (user != NULL);

  enlace_store_set_author (self, user);
}

const char *
enlace_store_get_user (EnlaceStore *self)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);
  return self->author;
}

gint64
enlace_store_get_session_start (EnlaceStore *self)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), 0);
  return self->session_start;
}

gboolean
enlace_store_save_copy (EnlaceStore  *self,
                        const char   *path,
                        GError      **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->path != NULL && g_strcmp0 (self->path, path) == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Cannot save a copy over the open file itself"));
      return FALSE;
    }
  if (sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), path, dest ? sqlite3_errmsg (dest) : "");
      sqlite3_close (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), path, sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }
  sqlite3_close (dest);
  return TRUE;
}

/* ---------------------------------------------------------------- commands */

gboolean
enlace_store_in_command (EnlaceStore *self)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);
  return self->depth > 0;
}

/* One read transaction around many queries: outside it, SQLite takes and
 * releases the file's read lock (fcntl, fstat) for every statement. */
gboolean
enlace_store_begin_read (EnlaceStore *self)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);

  if (!sqlite3_get_autocommit (self->db))
    return FALSE;  /* in a command or another read: it already holds one */
  return sqlite3_exec (self->db, "BEGIN DEFERRED", NULL, NULL, NULL) == SQLITE_OK;
}

void
enlace_store_end_read (EnlaceStore *self,
                       gboolean     began)
{
  g_return_if_fail (ENLACE_IS_STORE (self));

  if (!began || sqlite3_get_autocommit (self->db))
    return;
  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gint64
enlace_store_current_command (EnlaceStore *self)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), 0);
  return self->depth > 0 ? self->command_id : 0;
}

static gboolean
set_recording (EnlaceStore  *self,
               gboolean      on,
               GError      **error)
{
  /* The sequence number goes on across bulk mode (begin resets it). */
  sqlite3_stmt *stmt = enlace_store_prepare (self, "UPDATE enlace_rec SET on_ = ?1, cmd = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, on);
  sqlite3_bind_int64 (stmt, 2, self->command_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (self, error, _("Recording a change"));
      return FALSE;
    }
  return TRUE;
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
enlace_store_begin_full (EnlaceStore  *self,
                         const char   *label,
                         const char   *kind,
                         gint64        target,
                         GError      **error)
{
  g_autofree char *at = NULL;
  sqlite3_stmt *stmt;

  if (self->depth > 0)
    {
      self->depth++;
      return TRUE;
    }
  if (self->read_only)
    {
      if (self->folder_read_only)
        {
          g_autofree char *dir = g_path_get_dirname (self->path);

          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_READ_ONLY,
                       _("“%s” cannot be changed: its folder “%s” is read-only, and Enlace writes its journal beside the file: cannot %s"),
                       self->path, dir, label);
        }
      else
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_READ_ONLY,
                     _("“%s” is open read-only: cannot %s"),
                     self->path ? self->path : ":memory:", label);
      return FALSE;
    }
  if (!enlace_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  at = now_iso8601 ();
  stmt = enlace_store_prepare (self,
                               "INSERT INTO command (at, user, label, kind, target) VALUES (?1, ?2, ?3, ?4, ?5)",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->author, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_STATIC);
  if (target > 0)
    sqlite3_bind_int64 (stmt, 5, target);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (self, error, _("Writing the audit log"));
      goto fail;
    }
  self->command_id = sqlite3_last_insert_rowid (self->db);
  g_free (self->command_kind);
  self->command_kind = g_strdup (kind);
  self->command_target = target;
  self->bulk = FALSE;
  self->bulk_used = FALSE;
  self->depth = 1;
  if (!enlace_store_exec (self, "UPDATE enlace_rec SET seq = 0", error) ||
      !set_recording (self, TRUE, error))
    {
      self->depth = 0;
      goto fail;
    }
  return TRUE;

fail:
  enlace_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

gboolean
enlace_store_begin (EnlaceStore  *self,
                    const char   *label,
                    GError      **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  return enlace_store_begin_full (self, label, "do", 0, error);
}

void
enlace_store_rollback (EnlaceStore *self)
{
  g_return_if_fail (ENLACE_IS_STORE (self));

  if (self->depth == 0)
    return;
  if (self->try_base > 0)
    {
      /* Inside enlace_store_try: only the unit being tried is undone
       * (by its savepoint); the command stays open. */
      self->depth = self->try_base;
      self->try_failed = TRUE;
      return;
    }
  self->depth = 0;
  self->bulk = FALSE;
  g_hash_table_remove_all (self->bulk_marks);
  if (!sqlite3_get_autocommit (self->db))
    enlace_store_exec (self, "ROLLBACK", NULL);
  set_recording (self, FALSE, NULL);
}

static EnlaceChangeSet *
collect_changes (EnlaceStore *self)
{
  EnlaceChangeSet *set = enlace_change_set_new ();
  sqlite3_stmt *stmt;

  set->command_id = self->command_id;
  set->label = g_strdup ((const char *)NULL);
  set->bulk = self->bulk_used;

  stmt = enlace_store_prepare (self, "SELECT label FROM command WHERE id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, self->command_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        set->label = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  if (set->bulk)
    return set;

  stmt = enlace_store_prepare (self,
                               "SELECT tbl, row_id, before IS NULL, after IS NULL FROM change "
                               "WHERE command_id = ?1 ORDER BY seq",
                               NULL);
  if (stmt == NULL)
    return set;
  sqlite3_bind_int64 (stmt, 1, self->command_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EnlaceChange change;

      change.table = g_intern_string ((const char *)sqlite3_column_text (stmt, 0));
      change.row_id = sqlite3_column_int64 (stmt, 1);
      if (sqlite3_column_int (stmt, 2))
        change.op = ENLACE_CHANGE_INSERT;
      else if (sqlite3_column_int (stmt, 3))
        change.op = ENLACE_CHANGE_DELETE;
      else
        change.op = ENLACE_CHANGE_UPDATE;
      g_array_append_val (set->changes, change);
    }
  sqlite3_reset (stmt);
  return set;
}

gboolean
enlace_store_commit (EnlaceStore  *self,
                     GError      **error)
{
  g_autoptr(EnlaceChangeSet) set = NULL;
  sqlite3_stmt *stmt;
  gint64 n_changes;

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                   _("The command was already cancelled"));
      return FALSE;
    }
  if (--self->depth > 0)
    return TRUE;

  if (self->bulk && !enlace_store_end_bulk (self, error))
    goto fail;
  /* The areas' derived data follows the command, in its transaction
   * (search9), still recorded: what a hook writes to document tables (the
   * lengths of planned runs, design12) is undone with the command. */
  for (const EnlaceStoreHooks * const *h = enlace_store_hooks (); *h; h++)
    if ((*h)->committing != NULL && !(*h)->committing (self, self->command_id, error))
      goto fail;
  if (!set_recording (self, FALSE, error))
    goto fail;

  stmt = enlace_store_prepare (self, "SELECT count(*) FROM change WHERE command_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, self->command_id);
  sqlite3_step (stmt);
  n_changes = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (n_changes == 0)
    {
      /* A command that changed nothing leaves no trace. */
      enlace_store_exec (self, "ROLLBACK", NULL);
      return TRUE;
    }

  if (g_strcmp0 (self->command_kind, "do") == 0 &&
      !enlace_store_exec (self, "UPDATE command SET undone = 2 WHERE undone = 1", error))
    goto fail;

  set = collect_changes (self);

  if (!enlace_store_exec (self, "COMMIT", error))
    goto fail;

  g_signal_emit (self, signals[CHANGED], 0, set);
  return TRUE;

fail:
  self->depth = 1;
  enlace_store_rollback (self);
  return FALSE;
}

void
enlace_store_changed_elsewhere (EnlaceStore *self,
                                gint64       command_id,
                                const char  *label)
{
  g_autoptr(EnlaceChangeSet) set = NULL;

  g_return_if_fail (ENLACE_IS_STORE (self));
  g_return_if_fail (self->depth == 0);

  set = enlace_change_set_new ();
  set->command_id = command_id;
  set->label = g_strdup (label);
  set->bulk = TRUE;
  g_signal_emit (self, signals[CHANGED], 0, set);
}

gboolean
enlace_store_try (EnlaceStore        *self,
                  EnlaceStoreTryFunc  func,
                  gpointer            data,
                  GError            **error)
{
  guint depth, saved_base;
  gboolean saved_failed, ok;
  GError *local = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->depth == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                   "enlace_store_try needs an open command");
      return FALSE;
    }
  if (!enlace_store_exec (self, "SAVEPOINT enlace_try", error))
    return FALSE;
  depth = self->depth;
  saved_base = self->try_base;
  saved_failed = self->try_failed;
  self->try_base = depth;
  self->try_failed = FALSE;

  ok = func (self, data, &local);
  ok = ok && !self->try_failed && self->depth == depth;

  self->try_base = saved_base;
  self->try_failed = saved_failed;
  self->depth = depth;
  if (ok)
    return enlace_store_exec (self, "RELEASE enlace_try", error);

  enlace_store_exec (self, "ROLLBACK TO enlace_try", NULL);
  enlace_store_exec (self, "RELEASE enlace_try", NULL);
  if (local == NULL)
    g_set_error (&local, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                 "the change was refused");
  g_propagate_error (error, local);
  return FALSE;
}

static gint64
table_max_rowid (EnlaceStore *self,
                 const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(rowid), 0) FROM %s", table);
  return query_int (self, sql, 0);
}

gboolean
enlace_store_begin_bulk (EnlaceStore  *self,
                         GError      **error)
{
  const char * const *document_tables;

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                   "bulk mode needs an open command");
      return FALSE;
    }
  if (self->bulk)
    return TRUE;
  document_tables = enlace_document_tables ();
  for (guint i = 0; document_tables[i]; i++)
    {
      gint64 *mark = g_new (gint64, 1);

      *mark = table_max_rowid (self, document_tables[i]);
      g_hash_table_insert (self->bulk_marks, (gpointer)document_tables[i], mark);
    }
  self->bulk = TRUE;
  self->bulk_used = TRUE;
  if (!set_recording (self, FALSE, error))
    return FALSE;
  /* Rows written in bulk are not recorded one by one: without the
   * recording triggers an INSERT is one write (no trigger program, no
   * statement journal); it made an XML import of 100k ports 28 % faster
   * (import15).  end_bulk creates them again, and a rollback restores
   * them with the rest of the temp schema.  Best effort: with them in
   * place, bulk mode only is slower. */
  {
    g_autofree char *drop = recording_triggers_sql (self, FALSE);

    if (!enlace_store_exec (self, drop, NULL))
      g_debug ("bulk mode: the recording triggers stay");
  }
  return TRUE;
}

gboolean
enlace_store_end_bulk (EnlaceStore  *self,
                       GError      **error)
{
  const char * const *document_tables = enlace_document_tables ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);

  if (!self->bulk)
    return TRUE;
  self->bulk = FALSE;
  {
    g_autofree char *create = recording_triggers_sql (self, TRUE);

    if (!enlace_store_exec (self, create, error))
      return FALSE;
  }
  if (!set_recording (self, TRUE, error))
    return FALSE;

  for (guint i = 0; document_tables[i]; i++)
    {
      const char *t = document_tables[i];
      gint64 *mark = g_hash_table_lookup (self->bulk_marks, t);
      gint64 max = table_max_rowid (self, t);
      g_autofree char *range = NULL;
      gint64 seq;

      if (mark == NULL || max <= *mark)
        continue;
      seq = query_int (self, "SELECT seq + 1 FROM enlace_rec", 1);
      enlace_store_exec (self, "UPDATE enlace_rec SET seq = seq + 1", NULL);
      range = g_strdup_printf ("{\"$range\":[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]}", *mark + 1, max);
      stmt = enlace_store_prepare (self,
                                   "INSERT INTO change (command_id, seq, tbl, row_id, before, after) "
                                   "VALUES (?1, ?2, ?3, ?4, NULL, ?5)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, self->command_id);
      sqlite3_bind_int64 (stmt, 2, seq);
      sqlite3_bind_text (stmt, 3, t, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, *mark + 1);
      sqlite3_bind_text (stmt, 5, range, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          enlace_store_set_sql_error (self, error, _("Recording a change"));
          return FALSE;
        }
    }
  g_hash_table_remove_all (self->bulk_marks);
  return TRUE;
}

/* Names the open undo/redo command once its target is known (the target
 * is chosen inside the write transaction, see enlace_store_undo). */
gboolean
enlace_store_set_command_target (EnlaceStore  *self,
                                 const char   *label,
                                 gint64        target,
                                 GError      **error)
{
  sqlite3_stmt *stmt = enlace_store_prepare (self,
                                             "UPDATE command SET label = ?2, target = ?3 WHERE id = ?1",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->command_id);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, target);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (self, error, _("Writing the audit log"));
      return FALSE;
    }
  self->command_target = target;
  return TRUE;
}
