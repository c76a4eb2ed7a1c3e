/* enlace-cases.h: the department's procedures (the manual as data) and the
 * cases (expedientes) that run them.  Part of model/: GLib only, the SQL
 * lives in model/cases/ (the .c files).
 *
 * The manual: procedures, each with a code ("correo-alta"), a version, a
 * folio prefix ("CORREO"), a kind (request, fault, modification, opinion),
 * a target time and ordered steps.  data/procedures.xml ships the nine
 * procedures of the department's manual; a project keeps its own copy (the
 * procedure and procedure_step tables).  Importing an edited manual adds a
 * new version of each procedure that changed; a case keeps the version it
 * was opened under.
 *
 * A case: folio PREFIX-YEAR-NNNN (per prefix and year), requester (a
 * person of an area), channel, priority, assignee, status, dates, one row
 * per step of its procedure version, a timeline (status changes, step
 * results, notes, attachments, documents, messages sent), links to
 * inventory objects.  Every change is a command (one transaction, audit
 * log, undoable).
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "enlace-store.h"

G_BEGIN_DECLS

/* ---- Procedures ------------------------------------------------------ */

typedef enum
{
  ENLACE_STEP_SIDE_REQUESTER,      /* "requester": the user's own steps */
  ENLACE_STEP_SIDE_ADMINISTRATOR,  /* "administrator" (and network administrator) */
} EnlaceStepSide;

typedef enum
{
  ENLACE_STEP_CHECK,      /* "check": a result (done/failed/n.a.) and a note */
  ENLACE_STEP_FORM,       /* "form": typed fields (see EnlaceFieldSpec) */
  ENLACE_STEP_DOCUMENT,   /* "document": generates a document (memo, notice, form) */
  ENLACE_STEP_INVENTORY,  /* "inventory": an action that changes the plant */
} EnlaceStepKind;

typedef enum
{
  ENLACE_STEP_PENDING,    /* "pending" */
  ENLACE_STEP_DONE,       /* "done" */
  ENLACE_STEP_FAILED,     /* "failed" */
  ENLACE_STEP_NA,         /* "na": not applicable */
} EnlaceStepResult;

typedef enum
{
  ENLACE_CASE_NEW,         /* "new" */
  ENLACE_CASE_IN_PROGRESS, /* "in-progress" */
  ENLACE_CASE_WAITING,     /* "waiting" */
  ENLACE_CASE_RESOLVED,    /* "resolved" */
  ENLACE_CASE_CLOSED,      /* "closed" */
  ENLACE_CASE_CANCELLED,   /* "cancelled" */
} EnlaceCaseStatus;

/* A typed field of a form step (or of a procedure's request form).
 * type: "text", "multiline", "int", "date", "choice", "bool", "person",
 * "area", "space", "outlet", "email". */
typedef struct
{
  char      *name;      /* stable key, e.g. "address" */
  char      *label;     /* as the manual words it (Spanish in the data) */
  char      *type;
  char     **choices;   /* for "choice": NULL-terminated, else NULL */
  gboolean   required;
} EnlaceFieldSpec;

typedef struct
{
  gint64          id;
  guint           position;     /* 1-based, as numbered in the manual */
  EnlaceStepSide  side;
  EnlaceStepKind  kind;
  char           *title;        /* "Creación de la cuenta." */
  char           *description;  /* may be NULL */
  gboolean        required;     /* must be done (or n.a.) before resolving */
  char           *action;       /* inventory: "create-account", "remove-account",
                                 * "make-connection"; document: "memo",
                                 * "notice", "form"; else NULL */
  GPtrArray      *fields;       /* of EnlaceFieldSpec*, for kind form (may be empty) */
} EnlaceProcedureStep;

typedef struct
{
  gint64     id;
  char      *code;          /* "correo-alta" */
  int        version;       /* 1, 2, ... */
  gboolean   current;       /* the version new cases use */
  char      *name;          /* "Creación de cuenta de correo electrónico" */
  char      *kind;          /* "request", "fault", "modification", "opinion" */
  char      *prefix;        /* folio prefix: "CORREO" */
  int        target_hours;  /* target time to resolve */
  char      *description;
  GPtrArray *steps;         /* of EnlaceProcedureStep*, in the manual's order */
} EnlaceProcedure;

void             enlace_procedure_free        (EnlaceProcedure *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceProcedure, enlace_procedure_free)

const char      *enlace_step_side_to_string   (EnlaceStepSide side);
const char      *enlace_step_kind_to_string   (EnlaceStepKind kind);
const char      *enlace_step_result_to_string (EnlaceStepResult result);
gboolean         enlace_step_result_from_string (const char *s, EnlaceStepResult *out);
const char      *enlace_case_status_to_string (EnlaceCaseStatus status);
gboolean         enlace_case_status_from_string (const char *s, EnlaceCaseStatus *out);
/* Translated, for display ("En proceso"). */
const char      *enlace_case_status_label     (EnlaceCaseStatus status);
const char      *enlace_step_result_label     (EnlaceStepResult result);

/* The current version of every procedure, by name (EnlaceProcedure*). */
GPtrArray       *enlace_procedures_list       (EnlaceStore  *store,
                                               GError      **error);
/* One procedure by code, current version (version 0) or a given one. */
EnlaceProcedure *enlace_procedures_get        (EnlaceStore  *store,
                                               const char   *code,
                                               int           version,
                                               GError      **error);
EnlaceProcedure *enlace_procedures_get_by_id  (EnlaceStore  *store,
                                               gint64        id,
                                               GError      **error);
/* Reads a procedures XML file (validated against the embedded
 * data/procedures.rng; error names the line), as one command: a procedure
 * that is new or differs from its current version gets a new version.
 * Returns the number of procedures added or changed. */
int              enlace_procedures_import     (EnlaceStore  *store,
                                               const char   *path,
                                               GError      **error);
int              enlace_procedures_import_data (EnlaceStore *store,
                                               const char   *xml,
                                               gsize         len,
                                               GError      **error);
/* The same, @name naming the data in errors ("manual.xml, line 12: …"). */
int              enlace_procedures_import_named (EnlaceStore *store,
                                               const char   *xml,
                                               gsize         len,
                                               const char   *name,
                                               GError      **error);
/* Writes the current versions as procedures XML (same format). */
gboolean         enlace_procedures_export     (EnlaceStore  *store,
                                               const char   *path,
                                               GError      **error);
char            *enlace_procedures_export_to_string (EnlaceStore *store,
                                               GError      **error);
/* Loads the built-in manual (data/procedures.xml, embedded) when the
 * project has no procedures yet; called when a document is created or
 * upgraded (by the store itself: outside a command it writes in a plain
 * transaction, not in the audit log; inside one it is part of it). */
gboolean         enlace_procedures_ensure_defaults (EnlaceStore *store,
                                               GError      **error);
/* Upgrading a file to version 4: remembers the readable key of every case
 * link that has none, where its object still exists (called by the store,
 * in a plain transaction, not in the audit log). */
gboolean         enlace_cases_fill_link_keys  (EnlaceStore  *store,
                                               GError      **error);

/* ---- Cases ------------------------------------------------------------ */

/* A row of the inbox: what the list shows, cheap to load for 100k cases. */
typedef struct
{
  gint64            id;
  char             *folio;          /* "CORREO-2026-0042" */
  char             *procedure_code;
  char             *procedure_name;
  char             *procedure_kind;
  char             *summary;        /* one line: e.g. the account asked for */
  gint64            requester_id;
  char             *requester;      /* person's name */
  gint64            area_id;
  char             *area;           /* area name */
  gint64            assignee_id;    /* 0: nobody */
  char             *assignee;
  EnlaceCaseStatus  status;
  char             *priority;       /* "low", "normal", "high", "urgent" */
  char             *channel;        /* "in-person", "phone", "email", "paper" */
  GDateTime        *opened_at;
  GDateTime        *due_at;         /* opened + target time */
  GDateTime        *resolved_at;    /* NULL when not resolved */
  GDateTime        *closed_at;
  char             *sort_key;       /* opened_at as stored: the order's key (paging) */
} EnlaceCaseRow;

void             enlace_case_row_free         (EnlaceCaseRow *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceCaseRow, enlace_case_row_free)

/* Due state relative to @now: on time, near (less than 25 % of the target
 * time left), overdue.  Resolved/closed/cancelled cases are never due. */
typedef enum
{
  ENLACE_CASE_DUE_NONE,
  ENLACE_CASE_DUE_ON_TIME,
  ENLACE_CASE_DUE_NEAR,
  ENLACE_CASE_DUE_OVERDUE,
} EnlaceCaseDue;
EnlaceCaseDue    enlace_case_row_due          (const EnlaceCaseRow *row,
                                               GDateTime           *now);

typedef struct
{
  gboolean     open_only;       /* new, in progress, waiting */
  gint64       assignee_id;     /* > 0: only these; "mine" */
  const char  *procedure_code;  /* NULL: any */
  const char  *status;          /* NULL: any; else a status string */
  gint64       area_id;         /* > 0: only this area */
  const char  *text;            /* any part of the folio, the requester's name,
                                 * the summary, the request form, the steps'
                                 * notes and values, the timeline's notes; each
                                 * word, in any order; case and accents ignored.
                                 * Words of one or two letters alone ("42")
                                 * look at the folio and the requester's name */
  guint        limit;           /* 0: no limit */
  const EnlaceCaseRow *after;   /* paging: only the rows after this one (the
                                 * last row of the previous page), NULL: from
                                 * the first */
} EnlaceCaseFilter;

/* Newest first (opened_at desc, id desc).  Array of EnlaceCaseRow*.
 * A page of the inbox: @limit rows; the next: the same filter with @after
 * the last row (keyset paging: no row twice, none left out). */
GPtrArray       *enlace_cases_query           (EnlaceStore            *store,
                                               const EnlaceCaseFilter *filter,
                                               GError                **error);
EnlaceCaseRow   *enlace_cases_get_row         (EnlaceStore  *store,
                                               gint64        case_id,
                                               GError      **error);
/* Counts by status for the filter (ignoring its status): JSON object
 * {"new":n,"in-progress":n,...,"open":n,"overdue":n,"near":n}. */
JsonObject      *enlace_cases_counts          (EnlaceStore            *store,
                                               const EnlaceCaseFilter *filter,
                                               GError                **error);
gint64           enlace_cases_lookup          (EnlaceStore  *store,
                                               const char   *folio,
                                               GError      **error);
/* Builds the search index of cases again (enlace-cases-search.c).  It is
 * kept by every command and built when a file is opened with it missing
 * or stale, so this is only for repairs and tests. */
gboolean         enlace_cases_search_rebuild  (EnlaceStore  *store,
                                               GError      **error);

/* Opens a case (a command).  @values: "requester_id" (or a new person:
 * "requester": {"name":…, "area_id":…, "position":…, "email":…, "phone":…}
 * created in the same command), "channel", "priority", "assignee_id",
 * "summary", "opened_at" (ISO 8601, default now), "form" (object: the
 * request form fields of the procedure's first form step).  Returns the
 * case id; the folio is assigned (PREFIX-YEAR-NNNN). */
gint64           enlace_case_open             (EnlaceStore  *store,
                                               const char   *procedure_code,
                                               JsonObject   *values,
                                               GError      **error);

/* A step of a case, with its procedure step's definition. */
typedef struct
{
  gint64                     id;        /* case_step id */
  const EnlaceProcedureStep *def;       /* owned by the EnlaceCase's procedure */
  EnlaceStepResult           result;
  char                      *note;
  JsonObject                *values;    /* form values (may be empty) */
  char                      *done_by;
  GDateTime                 *done_at;   /* NULL while pending */
} EnlaceCaseStep;

typedef struct
{
  gint64      id;
  GDateTime  *at;
  char       *who;
  char       *kind;        /* "status", "step", "note", "attachment", "link",
                            * "assign", "document", "sent", "field" */
  char       *text;        /* human text (already in the UI language where generated) */
  gint64      attachment_id;
  char       *attachment_name;
  char       *attachment_mime;
  gsize       attachment_size;
} EnlaceCaseEvent;

typedef struct
{
  char    *kind;   /* an inventory kind: "outlet", "port", "device",
                    * "extension", "circuit", "email_account", ... */
  gint64   id;
  char    *key;    /* readable key (enlace_store_dup_key); for an object
                    * removed since, the key it had when it was linked */
  gboolean exists; /* FALSE when the object was removed since */
} EnlaceCaseLink;

typedef struct
{
  EnlaceCaseRow    *row;
  EnlaceProcedure  *procedure;   /* the version the case was opened under */
  char             *cancel_reason;
  JsonObject       *form;        /* request form values */
  GPtrArray        *steps;       /* of EnlaceCaseStep*, in procedure order */
  GPtrArray        *events;      /* of EnlaceCaseEvent*, oldest first */
  GPtrArray        *links;       /* of EnlaceCaseLink* */
} EnlaceCase;

void             enlace_case_free             (EnlaceCase *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceCase, enlace_case_free)

EnlaceCase      *enlace_case_get              (EnlaceStore  *store,
                                               gint64        case_id,
                                               GError      **error);

/* Records a step's result, note and form values (a command; also a
 * timeline event).  Position is the step's position within its side
 * (as the manual numbers it) — or use the case_step id variant.  An
 * inventory step's action runs in the same command:
 *  - "create-account": @values "address" (unique, checked), "holder_id",
 *    "area_id", "delivered_to", "delivered_at"; creates the email_account
 *    and links it to the case.
 *  - "remove-account": @values "account_id" or "address", "motive";
 *    marks the account removed (kept in the registry).
 *  - "make-connection": @values "outlet_port" (DEVICE:PORT key or id) and
 *    "switch_port", optionally "panel_port"; creates the patch cord(s) and
 *    links the outlet; one undo takes both back.
 * A "done" result on an inventory step without what the action needs is
 * refused, naming the step and the missing value.  Setting a step moves a
 * new case to in progress. */
gboolean         enlace_case_set_step         (EnlaceStore      *store,
                                               gint64            case_id,
                                               gint64            case_step_id,
                                               EnlaceStepResult  result,
                                               const char       *note,
                                               JsonObject       *values,
                                               GError          **error);
/* Finds a case step by side and position ("administrator", 4). */
gint64           enlace_case_find_step        (EnlaceStore  *store,
                                               gint64        case_id,
                                               EnlaceStepSide side,
                                               guint         position,
                                               GError      **error);

/* Status transitions (a command each): new → in-progress ⇄ waiting →
 * resolved → closed; cancelled from any open status with a reason;
 * resolved → in-progress (reopen).  A refused transition names the rule:
 * "the case cannot be resolved: step 4 "Creación de la cuenta" is not
 * done". */
gboolean         enlace_case_set_status       (EnlaceStore      *store,
                                               gint64            case_id,
                                               EnlaceCaseStatus  status,
                                               const char       *reason,
                                               GError          **error);
/* Which transitions are allowed from @from (for menus). */
gboolean         enlace_case_status_allowed   (EnlaceCaseStatus  from,
                                               EnlaceCaseStatus  to);

gboolean         enlace_case_assign           (EnlaceStore  *store,
                                               gint64        case_id,
                                               gint64        person_id, /* 0: nobody */
                                               GError      **error);
gboolean         enlace_case_set_priority     (EnlaceStore  *store,
                                               gint64        case_id,
                                               const char   *priority,
                                               GError      **error);
/* A note on the timeline, with an optional attachment (stored in the file;
 * refused over ENLACE_CASE_ATTACHMENT_MAX bytes with a clear message). */
#define ENLACE_CASE_ATTACHMENT_MAX (20 * 1024 * 1024)
gint64           enlace_case_add_note         (EnlaceStore  *store,
                                               gint64        case_id,
                                               const char   *text,
                                               GBytes       *attachment, /* may be NULL */
                                               const char   *name,
                                               const char   *mime,
                                               GError      **error);
/* Records a fact on the timeline ("document", "sent"): e.g. that a memo
 * was generated or a notice sent by e-mail. */
gint64           enlace_case_add_event        (EnlaceStore  *store,
                                               gint64        case_id,
                                               const char   *kind,
                                               const char   *text,
                                               GError      **error);
gboolean         enlace_case_link             (EnlaceStore  *store,
                                               gint64        case_id,
                                               const char   *kind,
                                               gint64        object_id,
                                               GError      **error);
gboolean         enlace_case_unlink           (EnlaceStore  *store,
                                               gint64        case_id,
                                               const char   *kind,
                                               gint64        object_id,
                                               GError      **error);
/* The object a case is linked to by @kind and readable @key, also when
 * the object was removed since (by the key it had when linked); 0 with
 * @error when there is none. */
gint64           enlace_case_find_link        (EnlaceStore  *store,
                                               gint64        case_id,
                                               const char   *kind,
                                               const char   *key,
                                               GError      **error);
/* What a case can be linked to, matching @text: outlets (kind "outlet"),
 * devices, ports (also by DEVICE:PORT), extensions, circuits, cables,
 * spaces, racks, people, areas and e-mail accounts ("email_account"), at
 * most @limit per kind; GPtrArray of EnlaceSearchHit (enlace-query.h),
 * exact matches first.  The inventory part is enlace_query_search. */
GPtrArray       *enlace_case_link_candidates  (EnlaceStore  *store,
                                               const char   *text,
                                               guint         limit,
                                               GError      **error);
/* The cases linked to an object, open first then newest (EnlaceCaseRow*). */
GPtrArray       *enlace_cases_for_object      (EnlaceStore  *store,
                                               const char   *kind,
                                               gint64        object_id,
                                               GError      **error);

/* The department's staff (assignees): people of the area named by meta
 * "department.area" (an area code), or every person when unset.  Array of
 * JsonObject* (id, name, position, area_id). */
GPtrArray       *enlace_cases_staff           (EnlaceStore  *store,
                                               GError      **error);

/* ---- New internet connection: requirements check ---------------------- */

/* Proposes a free jack in @space_id and a free switch port in the telecom
 * room that serves it (via the trace engine's free-capacity query), for
 * @count connections.  Returns a JSON object: {"ok":true, "proposals":[
 * {"outlet_port":"B-1A-020:1","panel_port":"PP…:12","switch_port":"SW…:Gi1/0/14"}…]}
 * or {"ok":false, "reason":"no free jack in space B-1A-020"}. */
JsonObject      *enlace_case_propose_connection (EnlaceStore *store,
                                               gint64        space_id,
                                               guint         count,
                                               GError      **error);

/* ---- E-mail accounts (the registry) ----------------------------------- */

typedef struct
{
  gint64      id;
  char       *address;
  gint64      holder_id;
  char       *holder;
  gint64      area_id;
  char       *area;
  char       *status;        /* "active", "removed" */
  GDateTime  *created_at;
  GDateTime  *removed_at;    /* NULL while active */
  char       *removal_motive;
  char       *created_folio; /* the case that created it, may be NULL */
  char       *removed_folio;
  char       *delivered_to;  /* who received it (a fact; never a password) */
  char       *delivered_at;  /* when, as recorded (a date) */
} EnlaceEmailAccount;

void             enlace_email_account_free    (EnlaceEmailAccount *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceEmailAccount, enlace_email_account_free)

/* All accounts by address (EnlaceEmailAccount*); @text filters. */
GPtrArray       *enlace_email_accounts_list   (EnlaceStore  *store,
                                               const char   *text,
                                               gboolean      include_removed,
                                               GError      **error);
EnlaceEmailAccount *enlace_email_account_get  (EnlaceStore  *store,
                                               gint64        id,
                                               GError      **error);
gint64           enlace_email_account_lookup  (EnlaceStore  *store,
                                               const char   *address,
                                               GError      **error);
/* Checks an address: well formed and not taken (message names the rule). */
gboolean         enlace_email_address_check   (EnlaceStore  *store,
                                               const char   *address,
                                               GError      **error);

G_END_DECLS
