/* enlace-store.h: the .enlace document (an SQLite file)
 *
 * Every change goes through a command: one transaction that validates,
 * writes, appends to the audit log and records row images so that it can
 * be undone.  The store emits EnlaceStore::changed once per committed
 * command.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ENLACE_STORE_ERROR (enlace_store_error_quark ())

typedef enum
{
  ENLACE_STORE_ERROR_NOT_SQLITE,   /* the file is not an SQLite database */
  ENLACE_STORE_ERROR_NOT_ENLACE,   /* an SQLite file that is not Enlace's */
  ENLACE_STORE_ERROR_TOO_NEW,      /* written by a newer Enlace */
  ENLACE_STORE_ERROR_DAMAGED,      /* quick_check failed */
  ENLACE_STORE_ERROR_READ_ONLY,    /* a change was attempted on a read-only file */
  ENLACE_STORE_ERROR_INVALID,      /* a value breaks a rule (message names object and rule) */
  ENLACE_STORE_ERROR_CONFLICT,     /* taken, duplicate, occupied, does not fit */
  ENLACE_STORE_ERROR_NOT_FOUND,    /* no object with that key or id */
  ENLACE_STORE_ERROR_NOTHING,      /* nothing to undo / redo */
  ENLACE_STORE_ERROR_CANCELLED,
  ENLACE_STORE_ERROR_FAILED,       /* an SQLite error */
  ENLACE_STORE_ERROR_FOREIGN_SCHEMA, /* holds triggers, views, tables… Enlace did not create */
} EnlaceStoreError;

typedef enum
{
  ENLACE_STORE_OPEN_DEFAULT   = 0,
  ENLACE_STORE_OPEN_CREATE    = 1 << 0, /* create the file when missing */
  ENLACE_STORE_OPEN_READ_ONLY = 1 << 1,
  /* Read-only, even when the schema holds objects Enlace did not create
   * or the file fails its integrity check (which an open refuses
   * otherwise): for enlace_store_check(), which reports both. */
  ENLACE_STORE_OPEN_INSPECT   = 1 << 2,
} EnlaceStoreOpenFlags;

#define ENLACE_SCHEMA_VERSION 7
#define ENLACE_APPLICATION_ID 0x454e4c43 /* "ENLC" */

/* One change of a committed command. */
typedef enum
{
  ENLACE_CHANGE_INSERT,
  ENLACE_CHANGE_UPDATE,
  ENLACE_CHANGE_DELETE,
} EnlaceChangeOp;

typedef struct
{
  const char     *table;  /* interned */
  gint64          row_id;
  EnlaceChangeOp  op;
} EnlaceChange;

/* What one committed command changed.  When @bulk is TRUE the command
 * touched too many rows to list (an import): listeners reload everything. */
typedef struct _EnlaceChangeSet EnlaceChangeSet;
struct _EnlaceChangeSet
{
  gint64      command_id;
  char       *label;
  gboolean    bulk;
  GArray     *changes; /* of EnlaceChange */
};

#define ENLACE_TYPE_CHANGE_SET (enlace_change_set_get_type ())
GType            enlace_change_set_get_type (void) G_GNUC_CONST;
EnlaceChangeSet *enlace_change_set_ref      (EnlaceChangeSet *self);
void             enlace_change_set_unref    (EnlaceChangeSet *self);
/* TRUE when the set touches @table (interned or not) */
gboolean         enlace_change_set_touches  (EnlaceChangeSet *self,
                                             const char      *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceChangeSet, enlace_change_set_unref)

#define ENLACE_TYPE_STORE (enlace_store_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceStore, enlace_store, ENLACE, STORE, GObject)

GQuark       enlace_store_error_quark      (void);

EnlaceStore *enlace_store_open             (const char            *path,
                                            EnlaceStoreOpenFlags   flags,
                                            GError               **error);
/* A new empty document in memory (tests, scratch). */
EnlaceStore *enlace_store_new_memory       (GError               **error);
const char  *enlace_store_get_path         (EnlaceStore           *self);
gboolean     enlace_store_is_read_only     (EnlaceStore           *self);
int          enlace_store_get_schema_version (EnlaceStore         *self);
/* The person working, recorded with every command in the audit log
 * (column command.user).  Default: the account's full name
 * (g_get_real_name()), else its login name; NULL or "" restores it.  The
 * GUI sets it from the preference "author-name", enlace-cli from
 * $ENLACE_AUTHOR. */
void         enlace_store_set_author       (EnlaceStore           *self,
                                            const char            *author);
const char  *enlace_store_get_author       (EnlaceStore           *self);
/* The same as set_author / get_author (older names). */
void         enlace_store_set_user         (EnlaceStore           *self,
                                            const char            *user);
const char  *enlace_store_get_user         (EnlaceStore           *self);
/* The account's full name, else its login name (newly allocated). */
char        *enlace_store_default_author   (void);
/* The id of the newest command of the audit log when the file was opened
 * (0 for a new file): commands up to it are older than this session. */
gint64       enlace_store_get_session_start (EnlaceStore          *self);
/* Writes a consistent copy with SQLite's backup API. */
gboolean     enlace_store_save_copy        (EnlaceStore           *self,
                                            const char            *path,
                                            GError               **error);
/* Document metadata (institution name, author, ...), stored in `meta`.
 * Setting is a command. */
char        *enlace_store_get_meta         (EnlaceStore           *self,
                                            const char            *key);
gboolean     enlace_store_set_meta         (EnlaceStore           *self,
                                            const char            *key,
                                            const char            *value,
                                            GError               **error);
/* Every key of `meta`, sorted (NULL-terminated; g_strfreev). */
GStrv        enlace_store_list_meta        (EnlaceStore           *self);

/* The project's identity on its documents (enlace-store-identity.c): meta
 * "institution" and "department" (set with enlace_store_set_meta) and the
 * logo, an image kept in the file as an attachment that meta "logo" names
 * as "attachment:ID" (an older value, a path relative to the project
 * file's folder, still works). */
#define ENLACE_LOGO_MAX_SIZE (2 * 1000 * 1000)  /* 2 MB */
/* The logo's image; NULL without @error when the project has none. */
GBytes      *enlace_store_get_logo         (EnlaceStore           *self,
                                            GError               **error);
/* Stores @image (PNG, JPEG or SVG by content, at most
 * ENLACE_LOGO_MAX_SIZE bytes) as the logo, or removes it when NULL; one
 * undoable command. */
gboolean     enlace_store_set_logo         (EnlaceStore           *self,
                                            GBytes                *image,
                                            GError               **error);
/* The MIME type of @image if it may be a logo, else NULL with @error
 * naming the rule it breaks. */
const char  *enlace_logo_check             (GBytes                *image,
                                            GError               **error);

/* Undo and redo replay row images; each is itself a command in the log. */
gboolean     enlace_store_can_undo         (EnlaceStore           *self);
gboolean     enlace_store_can_redo         (EnlaceStore           *self);
/* Label of the command that undo / redo would act on, or NULL. */
char        *enlace_store_dup_undo_label   (EnlaceStore           *self);
char        *enlace_store_dup_redo_label   (EnlaceStore           *self);
gboolean     enlace_store_undo             (EnlaceStore           *self,
                                            GError               **error);
/* Undoes command @command_id if it is still the newest command that undo
 * would act on; otherwise changes nothing and fails with
 * ENLACE_STORE_ERROR_CONFLICT, naming the newer command (an Undo toast
 * undoes its own command or nothing). */
gboolean     enlace_store_undo_command     (EnlaceStore           *self,
                                            gint64                 command_id,
                                            GError               **error);

/* What undo would act on, for a front end to say it and to ask first.
 * Undo asks before undoing a command older than this session, one that
 * changed more than ENLACE_UNDO_CONFIRM_ROWS rows, or a bulk command (the
 * demo, an import, the generator). */
#define ENLACE_UNDO_CONFIRM_ROWS 200

typedef struct
{
  gint64     command_id;
  char      *label;          /* "Connect" */
  char      *author;         /* who did it */
  GDateTime *at;             /* when it was committed, local time */
  guint64    n_rows;         /* rows it wrote (each row of a bulk range) */
  gboolean   bulk;           /* a bulk insert: demo, import, generator */
  gboolean   before_session; /* committed before the file was opened here */
  gboolean   needs_confirmation;
} EnlaceUndoInfo;

void             enlace_undo_info_free     (EnlaceUndoInfo        *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceUndoInfo, enlace_undo_info_free)
/* The command undo would act on now, or NULL when there is nothing to
 * undo (or the file is read-only). */
EnlaceUndoInfo  *enlace_store_get_undo_info (EnlaceStore          *self);
/* The same for any command of the log; NULL with @error when unknown. */
EnlaceUndoInfo  *enlace_store_get_command_info (EnlaceStore       *self,
                                            gint64                 command_id,
                                            GError               **error);
/* "Undo “Connect” (today 10:32)": the label of the undo button or menu. */
char            *enlace_undo_info_dup_action_label (const EnlaceUndoInfo *info);
/* Why undo asks first, as a sentence: "“Demo campus” was done before this
 * file was opened (yesterday 18:02, by Ana Gómez) and changed 12,345
 * rows." */
char            *enlace_undo_info_dup_warning (const EnlaceUndoInfo *info);
/* A time for people, in local time: "today 10:32", "yesterday 18:02",
 * "2024-05-01 10:32". */
char            *enlace_format_when        (GDateTime             *when);
gboolean     enlace_store_redo             (EnlaceStore           *self,
                                            GError               **error);
/* Redoes command @command_id if it is still the command redo would act
 * on; otherwise changes nothing (ENLACE_STORE_ERROR_CONFLICT). */
gboolean     enlace_store_redo_command     (EnlaceStore           *self,
                                            gint64                 command_id,
                                            GError               **error);
/* The command undo / redo would act on now (0: none) and its label.  A
 * front end that says what it will undo binds its undo to that id
 * (enlace_store_undo_command): another process may commit or undo in
 * between, and the undo then refuses instead of acting on another
 * command. */
gint64       enlace_store_peek_undo        (EnlaceStore           *self,
                                            char                 **label);
gint64       enlace_store_peek_redo        (EnlaceStore           *self,
                                            char                 **label);

/* Generic commands on objects of a kind (see enlace-kinds.h).  @values is a
 * JSON object of field name → value (strings, numbers, booleans, null;
 * references as ids).  Each call is one command: validated, written,
 * logged and undoable.  Returns the new id, or 0 with @error set. */
gint64       enlace_store_create           (EnlaceStore           *self,
                                            const char            *kind,
                                            JsonObject            *values,
                                            GError               **error);
gboolean     enlace_store_update           (EnlaceStore           *self,
                                            const char            *kind,
                                            gint64                 id,
                                            JsonObject            *values,
                                            GError               **error);
/* Deletes the object and everything that belongs to it. */
gboolean     enlace_store_delete           (EnlaceStore           *self,
                                            const char            *kind,
                                            gint64                 id,
                                            GError               **error);
/* The stored fields of an object as a new JSON object (with "id"), or
 * NULL with @error set. */
JsonObject  *enlace_store_get              (EnlaceStore           *self,
                                            const char            *kind,
                                            gint64                 id,
                                            GError               **error);
/* Every object of a kind, in key order, as JSON objects.  @parent_id > 0
 * restricts to children of that parent (see EnlaceKind.parent_field). */
GPtrArray   *enlace_store_list             (EnlaceStore           *self,
                                            const char            *kind,
                                            gint64                 parent_id,
                                            GError               **error);
guint        enlace_store_count            (EnlaceStore           *self,
                                            const char            *kind);
/* Readable keys: see enlace-kinds.h.  Returns 0 with @error when unknown. */
gint64       enlace_store_lookup           (EnlaceStore           *self,
                                            const char            *kind,
                                            const char            *key,
                                            GError               **error);
char        *enlace_store_dup_key          (EnlaceStore           *self,
                                            const char            *kind,
                                            gint64                 id);

/* Terminations of a cable end: a port or a circuit termination. */
typedef enum
{
  ENLACE_TERM_PORT,
  ENLACE_TERM_CIRCUIT,
} EnlaceTermKind;

typedef struct
{
  EnlaceTermKind kind;
  gint64         id;
} EnlaceTerm;

/* Resolves "DEVICE:PORT" or "CIRCUIT:A" / "CIRCUIT:Z". */
gboolean     enlace_store_lookup_term      (EnlaceStore           *self,
                                            const char            *key,
                                            EnlaceTerm            *out,
                                            GError               **error);
char        *enlace_store_dup_term_key     (EnlaceStore           *self,
                                            const EnlaceTerm      *term);

/* Creates a cable between two sets of terminations (a command).
 * @cable holds cable fields (label, kind, type, pairs, length_m, color,
 * status), may be NULL.  Rules: ends disjoint and not empty, one kind of
 * termination per end, a termination carries at most one cable. */
gint64       enlace_store_connect          (EnlaceStore           *self,
                                            const EnlaceTerm      *a,
                                            guint                  n_a,
                                            const EnlaceTerm      *b,
                                            guint                  n_b,
                                            JsonObject            *cable,
                                            GError               **error);
/* Replaces the terminations of a cable (a command). */
gboolean     enlace_store_set_cable_ends   (EnlaceStore           *self,
                                            gint64                 cable_id,
                                            const EnlaceTerm      *a,
                                            guint                  n_a,
                                            const EnlaceTerm      *b,
                                            guint                  n_b,
                                            GError               **error);
/* The cable on a termination, 0 when none. */
gint64       enlace_store_cable_on         (EnlaceStore           *self,
                                            const EnlaceTerm      *term);

/* Changes the status of a phone extension and records date and reason. */
gboolean     enlace_store_set_extension_status (EnlaceStore       *self,
                                            gint64                 extension_id,
                                            const char            *status,
                                            const char            *reason,
                                            GError               **error);

/* Stores a file's contents once (by SHA-256) for a floor plan's
 * background; returns the attachment id, or 0 with @error set.  Must be
 * called inside a command (see enlace-store-private.h) or on its own;
 * attachments never change and are not part of undo. */
gint64       enlace_store_add_attachment   (EnlaceStore           *self,
                                            GBytes                *data,
                                            const char            *mime,
                                            const char            *name,
                                            GError               **error);
/* The contents of an attachment, or NULL with @error set. */
GBytes      *enlace_store_get_attachment   (EnlaceStore           *self,
                                            gint64                 id,
                                            char                 **mime,
                                            GError               **error);

/* Puts an image (PNG, JPEG, SVG) or a PDF page under a floor's plan and
 * sets the plan's fields in @plan (scale, origin_x, … : may be NULL), as
 * one command.  Creates the floor's plan when it has none.  Returns the
 * plan's id, or 0 with @error. */
gint64       enlace_store_set_plan_background (EnlaceStore        *self,
                                            gint64                 floor_id,
                                            GBytes                *data,
                                            const char            *mime,
                                            const char            *name,
                                            int                    page,
                                            JsonObject            *plan,
                                            GError               **error);

/* Checks the whole document: SQLite integrity, foreign keys and every
 * validation rule.  Returns the problems found as strings (empty array
 * when clean). */
GPtrArray   *enlace_store_check            (EnlaceStore           *self,
                                            GError               **error);

G_END_DECLS
