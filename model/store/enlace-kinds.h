/* enlace-kinds.h: the kinds of object of the document, described as data,
 * and the registry where each area declares its kinds and tables.
 *
 * A kind is the one place that says what an object needs: its fields and
 * their defaults, its readable key, its rules (validate) and hooks (after
 * create, before delete), the tables it owns (audited and undone with
 * it), its XML element and its list columns.  The store, the XML
 * exchange, the CLI (add/set/list/show) and the GUI forms and lists are
 * driven by these descriptions; nothing else lists the kinds.
 *
 * Registration: every area has one function that registers its kinds and
 * declares its other tables, e.g. enlace_inventory_register_kinds(); all
 * are called once, in document order, from enlace_areas_register()
 * (model/enlace-areas.c), the first time the registry is read.
 *
 * Readable keys of the inventory:
 *   site: code                 building: code
 *   floor: BUILDING/LEVEL      space: BUILDING/LEVEL/CODE
 *   rack: name                 device: name
 *   device-type: MANUFACTURER/MODEL
 *   port: DEVICE:PORT          port-mapping: #ID
 *   circuit: cid               circuit-termination: CID:A | CID:Z
 *   cable: label (or #ID)      extension: number
 *   area: code                 person: name (or #ID)
 *   floor-plan: BUILDING/LEVEL wall, pathway: #ID
 * Any kind also accepts #ID.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _EnlaceStore EnlaceStore;

typedef enum
{
  ENLACE_FIELD_TEXT,
  ENLACE_FIELD_INT,
  ENLACE_FIELD_REAL,
  ENLACE_FIELD_BOOL,
  ENLACE_FIELD_CHOICE,    /* text, one of choices */
  ENLACE_FIELD_REF,       /* id of an object of ref_kind */
  ENLACE_FIELD_POLYGON,   /* JSON text [[x,y],...], closed, ≥ 3 points or empty */
  ENLACE_FIELD_POLYLINE,  /* JSON text [[x,y],...], ≥ 2 points */
} EnlaceFieldType;

typedef struct
{
  const char          *name;       /* column */
  EnlaceFieldType      type;
  const char          *ref_kind;   /* for REF */
  const char * const  *choices;    /* for CHOICE, NULL-terminated */
  gboolean             required;
  const char          *label;      /* N_() translatable */
  /* Value given on create when the field is absent, as text read by the
   * field's type ("42", "1", "copper"); NULL for none. */
  const char          *default_value;
} EnlaceField;

/* ---------------------------------------------------------------- lists */

typedef enum
{
  ENLACE_COLUMN_TEXT,
  ENLACE_COLUMN_CHOICE,   /* a choice value: show enlace_choice_label() */
  ENLACE_COLUMN_NUMBER,   /* right-aligned */
  ENLACE_COLUMN_LENGTH,   /* metres, right-aligned, "—" when unknown */
} EnlaceColumnFormat;

typedef struct
{
  const char         *name;      /* stable id of the column */
  const char         *label;     /* N_() translatable header */
  const char         *expr;      /* SQL over alias t giving the cell */
  const char         *sort;      /* SQL to sort by, NULL: expr */
  EnlaceColumnFormat  format;
  gboolean            searchable;
  gboolean            expand;
} EnlaceColumn;

/* A list of the GUI (see enlace-query.h). */
typedef struct
{
  const char          *name;        /* "cable", "outlet", "audit", ... */
  const char          *kind;        /* kind of the rows, NULL for the audit log */
  const char          *title;       /* N_() "Cables" */
  const char          *from;        /* "cable t" */
  const char          *where;       /* fixed condition or NULL */
  const char          *parent;      /* SQL for the parent id, or NULL */
  const char          *order_by;    /* default order */
  const EnlaceColumn  *columns;
  guint                n_columns;
} EnlaceListSpec;

/* ---------------------------------------------------------------- kinds */

/* Rules of a kind, run inside the open command of a create or an update:
 * @values are the complete new values (for update: the stored row merged
 * with the change, with "id"); @id is 0 on create.  Returns FALSE with an
 * ENLACE_STORE_ERROR_INVALID / _CONFLICT error naming the object and the
 * rule.  It may write (e.g. a rack that moves takes its devices along). */
typedef gboolean (*EnlaceKindValidateFunc)     (EnlaceStore  *store,
                                                gint64        id,
                                                JsonObject   *values,
                                                GError      **error);
/* After the row of a new object is written (e.g. a device copies its
 * type's ports).  Inside the command. */
typedef gboolean (*EnlaceKindAfterCreateFunc)  (EnlaceStore  *store,
                                                gint64        id,
                                                JsonObject   *values,
                                                GError      **error);
/* Before the row is deleted (e.g. removing a device removes the cables
 * left without an end).  Inside the command. */
typedef gboolean (*EnlaceKindBeforeDeleteFunc) (EnlaceStore  *store,
                                                gint64        id,
                                                GError      **error);
/* The id of the object whose readable key is @key (not "#ID": the store
 * handles those), 0 when none; sets *@ambiguous when several match. */
typedef gint64   (*EnlaceKindLookupFunc)       (EnlaceStore  *store,
                                                const char   *key,
                                                gboolean     *ambiguous);

/* How a kind is written to and read from the XML exchange format
 * (data/enlace.rng must describe the element too). */
typedef struct
{
  const char *element;           /* NULL: the kind is not exchanged */
  const char *from;              /* export: FROM clause, the kind's table aliased t */
  const char *order;             /* export: ORDER BY, so that the output is stable */
  const char *nested_in;         /* kind whose element holds ours, NULL: top level */
  gboolean    after_attachments; /* written after the <attachment> elements */
} EnlaceKindXml;

typedef struct
{
  const char          *name;         /* "building" */
  const char          *table;        /* "building" */
  const char          *label;        /* N_("Building") */
  const char          *plural;       /* N_("Buildings") */
  const EnlaceField   *fields;
  guint                n_fields;
  const char          *parent_field; /* NULL or a REF field */
  const char          *order_by;     /* SQL ORDER BY for lists */

  /* Readable key: the SQL giving the key of row ?1 (one column, its
   * table named in full), and the reverse lookup.  NULL: "#ID" only. */
  const char                 *key_sql;
  EnlaceKindLookupFunc        lookup;

  /* Rules and hooks, all may be NULL. */
  EnlaceKindValidateFunc      validate;
  EnlaceKindAfterCreateFunc   after_create;
  EnlaceKindBeforeDeleteFunc  before_delete;

  /* Document tables the kind owns besides its own table (NULL-terminated,
   * or NULL): audited and undone like it, e.g. "cable_end". */
  const char * const         *tables;

  EnlaceKindXml               xml;

  /* The columns of its list in the GUI; NULL: one column per field. */
  const EnlaceListSpec       *list;
} EnlaceKind;

typedef struct
{
  const char *value;  /* "telecom-room" */
  const char *label;  /* N_("Telecom room") */
} EnlaceChoiceLabel;

const EnlaceKind  *enlace_kind_lookup      (const char        *name);
const EnlaceKind  *enlace_kind_for_table   (const char        *table);
/* NULL-terminated, in dependency order (parents first). */
const EnlaceKind **enlace_kinds_all        (void);
const EnlaceField *enlace_kind_get_field   (const EnlaceKind  *kind,
                                            const char        *field);
/* Translated label of a choice value ("telecom-room" → "Telecom room"). */
const char        *enlace_choice_label     (const char        *value);
/* The choice values (of every kind) whose label, as shown (translated),
 * or raw value contains @folded_word (see enlace_text_fold): for a filter
 * that finds "Planeado" although the rows hold "planned".  Sorted. */
GPtrArray         *enlace_choice_values_matching (const char *folded_word);

/* ---------------------------------------------------------------- registry
 *
 * Called only from an area's registration function (itself called from
 * enlace_areas_register()); the arrays and strings must be static. */

/* Registers @n_kinds kinds, in dependency order.  Their tables (and the
 * tables each owns) become document tables: audited and undoable. */
void                enlace_kinds_register            (const EnlaceKind   *kinds,
                                                      guint               n_kinds);
/* Declares document tables that no kind owns (NULL-terminated): they are
 * audited and undone with every command, e.g. "meta". */
void                enlace_document_tables_declare   (const char * const *tables);
/* Declares tables of the file that are NOT part of the document
 * (NULL-terminated): never audited nor undone, e.g. the audit log itself. */
void                enlace_outside_tables_declare    (const char * const *tables);
/* Registers the translated labels of choice values (labels N_() marked). */
void                enlace_choice_labels_register    (const EnlaceChoiceLabel *labels,
                                                      guint               n_labels);

/* Data an area derives from the document and keeps in the file outside
 * it (e.g. the search index of cases, in outside tables): the store calls
 * @opened once a file is open for writing (after any upgrade; rebuild it
 * when missing or stale) and @committing inside every command's
 * transaction, just before COMMIT, with the command's id (its rows are in
 * the `change` table: update what the command touched).  While it runs
 * the command is still recorded: what it writes to document tables is
 * part of the command and undone with it (the design's planned lengths,
 * model/design/enlace-design-live.c).  Either may be NULL; a failure
 * refuses the open or cancels the command. */
typedef gboolean (*EnlaceStoreOpenedFunc)     (EnlaceStore  *store,
                                               GError      **error);
typedef gboolean (*EnlaceStoreCommittingFunc) (EnlaceStore  *store,
                                               gint64        command_id,
                                               GError      **error);
typedef struct
{
  const char                *name;        /* for messages: "case search" */
  EnlaceStoreOpenedFunc      opened;
  EnlaceStoreCommittingFunc  committing;
  /* tables the hooks create and keep (with their FTS shadow tables),
   * NULL-terminated or NULL: the schema check at open accepts them */
  const char * const        *derived_tables;
} EnlaceStoreHooks;

/* Registers @hooks (static), from an area's registration function. */
void                enlace_store_hooks_register      (const EnlaceStoreHooks *hooks);
/* Every registered EnlaceStoreHooks, in registration order (NULL-terminated). */
const EnlaceStoreHooks * const *enlace_store_hooks   (void);

/* Every document table, in registration order (NULL-terminated). */
const char * const *enlace_document_tables           (void);
gboolean            enlace_table_is_document         (const char         *table);
gboolean            enlace_table_is_outside          (const char         *table);

G_END_DECLS
