/* enlace-cases-private.h: for model/cases only (it speaks SQL). */
#pragma once

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "enlace-cases.h"
#include "enlace-store-private.h"

G_BEGIN_DECLS

/* The built-in manual, data/procedures.xml (embedded). */
const char      *enlace_procedures_builtin_xml  (gsize         *len);

/* Parses and validates a procedures document (data/procedures.rng):
 * EnlaceProcedure* with id 0 (version and current as written, default 1
 * and TRUE).  @name names the file in errors ("line 12: …"). */
GPtrArray       *enlace_procedures_parse        (const char    *xml,
                                                 gsize          len,
                                                 const char    *name,
                                                 GError       **error);
/* One <procedure> element (already validated). */
EnlaceProcedure *enlace_procedure_from_node     (xmlNodePtr     node);
/* Writes one <procedure> element; @with_version adds version and current. */
gboolean         enlace_procedure_write         (xmlTextWriterPtr        w,
                                                 const EnlaceProcedure  *p,
                                                 gboolean                with_version);
/* Same content (name, kind, prefix, target, description, steps)? */
gboolean         enlace_procedure_same          (const EnlaceProcedure *a,
                                                 const EnlaceProcedure *b);
/* Inserts @p with its version and current flag (inside a command or a
 * transaction); returns the id. */
gint64           enlace_procedure_insert        (EnlaceStore            *store,
                                                 const EnlaceProcedure  *p,
                                                 GError                **error);
/* Every version of every procedure, by code then version. */
GPtrArray       *enlace_procedures_list_all     (EnlaceStore   *store,
                                                 GError       **error);
/* TRUE when the project's procedures are exactly the built-in manual
 * (one version of each, current). */
gboolean         enlace_procedures_are_builtin  (EnlaceStore   *store);

/* "2026-12-05T09:10:00Z" */
char            *enlace_cases_now_iso           (void);
char            *enlace_cases_format_iso        (GDateTime     *dt);
GDateTime       *enlace_cases_parse_iso         (const char    *text);
char            *enlace_cases_dup_column        (sqlite3_stmt  *stmt,
                                                 int            col);

/* E-mail accounts (enlace-accounts.c), inside an open command. */
gint64           enlace_email_account_insert    (EnlaceStore   *store,
                                                 const char    *address,
                                                 gint64         holder_id,
                                                 gint64         area_id,
                                                 gint64         case_id,
                                                 const char    *delivered_to,
                                                 const char    *delivered_at,
                                                 GError       **error);
gboolean         enlace_email_account_remove    (EnlaceStore   *store,
                                                 gint64         account_id,
                                                 const char    *motive,
                                                 gint64         case_id,
                                                 GError       **error);

/* make-connection (enlace-connect.c), inside an open command: creates the
 * patch cord between the panel front port that serves @outlet_port and
 * @switch_port.  Returns the cable id; *outlet_device_id gets the outlet. */
gint64           enlace_cases_make_connection   (EnlaceStore   *store,
                                                 const char    *outlet_port,
                                                 const char    *panel_port,
                                                 const char    *switch_port,
                                                 const char    *folio,
                                                 gint64        *outlet_device_id,
                                                 gint64        *outlet_port_id,
                                                 GError       **error);

/* Internals of the cases, shared by enlace-cases*.c (enlace-cases.c
 * unless said otherwise). */

/* Binds @s, or NULL when @s is NULL. */
void             enlace_cases_bind_text         (sqlite3_stmt  *stmt,
                                                 int            i,
                                                 const char    *s);
/* Binds @id, or NULL when it is not > 0. */
void             enlace_cases_bind_id           (sqlite3_stmt  *stmt,
                                                 int            i,
                                                 gint64         id);
/* NULL for NULL or an empty object. */
char            *enlace_cases_json_to_text      (JsonObject    *o);
/* Never NULL: an empty object when @text is not an object. */
JsonObject      *enlace_cases_json_from_text    (const char    *text);
/* Text that XML can carry (the exchange): valid UTF-8, no control
 * characters but tab and line breaks; in every member of @o. */
gboolean         enlace_cases_text_ok           (const char    *s);
gboolean         enlace_cases_object_text_ok    (JsonObject    *o);
/* Sets @error naming @folio unless @ok. */
gboolean         enlace_cases_check_text        (const char    *folio,
                                                 gboolean       ok,
                                                 GError       **error);
/* A member as an id (a number or a string of digits): 0 when absent, -1
 * when not an id. */
gint64           enlace_cases_member_id         (JsonObject    *o,
                                                 const char    *name);
/* A member as text (numbers printed); NULL when absent, null or empty. */
char            *enlace_cases_member_text       (JsonObject    *o,
                                                 const char    *name);
/* Does @sql (with ?1 = @id) give a row?  Its first column, as text? */
gboolean         enlace_cases_exists            (EnlaceStore   *store,
                                                 const char    *sql,
                                                 gint64         id);
char            *enlace_cases_query_text        (EnlaceStore   *store,
                                                 const char    *sql,
                                                 gint64         id);
/* Steps @stmt and resets it; on failure sets @error prefixed by @what. */
gboolean         enlace_cases_run               (EnlaceStore   *store,
                                                 sqlite3_stmt  *stmt,
                                                 const char    *what,
                                                 GError       **error);
gboolean         enlace_cases_in_list           (const char * const *list,
                                                 const char         *s);
/* low, normal, high, urgent */
extern const char * const enlace_cases_priorities[];
/* Sets @error unless @id is 0 or a person of the project. */
gboolean         enlace_cases_check_person      (EnlaceStore   *store,
                                                 gint64         id,
                                                 const char    *what,
                                                 GError       **error);

/* What the commands on a case read first: its row of case_file. */
typedef struct
{
  gint64            id;
  char             *folio;
  EnlaceCaseStatus  status;
  gint64            procedure_id;
  gint64            requester_id;
  gint64            area_id;
  JsonObject       *form;
} EnlaceCaseHead;

void             enlace_case_head_clear         (EnlaceCaseHead *h);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EnlaceCaseHead, enlace_case_head_clear)
gboolean         enlace_case_head_load          (EnlaceStore    *store,
                                                 gint64          case_id,
                                                 EnlaceCaseHead *h,
                                                 GError        **error);

/* Steps (enlace-cases-steps.c).  Checks the values of a step's fields;
 * with @complete, every required field must have a value. */
gboolean         enlace_cases_check_step_values (const EnlaceProcedureStep *def,
                                                 JsonObject                *values,
                                                 gboolean                   complete,
                                                 GError                   **error);
/* Writes the result, note and values of a step (inside a command). */
gboolean         enlace_cases_write_step        (EnlaceStore       *store,
                                                 gint64             case_step_id,
                                                 EnlaceStepResult   result,
                                                 const char        *note,
                                                 JsonObject        *data,
                                                 GError           **error);
/* "Step 2 “Title”: Done — note", for the timeline. */
char            *enlace_cases_step_event_text   (const EnlaceProcedureStep *def,
                                                 EnlaceStepResult           result,
                                                 const char                *note);

/* Status (enlace-cases-status.c): sets the status and records it in the
 * timeline (inside a command; the transition is not checked). */
gboolean         enlace_cases_set_status_row    (EnlaceStore       *store,
                                                 EnlaceCaseHead    *h,
                                                 EnlaceCaseStatus   to,
                                                 const char        *reason,
                                                 GError           **error);

/* Timeline (enlace-cases-timeline.c): appends an event (inside a
 * command); returns its id, 0 on failure. */
gint64           enlace_cases_write_event       (EnlaceStore   *store,
                                                 gint64         case_id,
                                                 const char    *kind,
                                                 const char    *text,
                                                 gint64         attachment_id,
                                                 const char    *attachment_name,
                                                 const char    *attachment_mime,
                                                 GError       **error);

/* Links (enlace-cases-links.c).  "email-account" is "email_account". */
const char      *enlace_cases_normal_kind       (const char    *kind);
/* The readable key of a linked object. */
char            *enlace_cases_link_key          (EnlaceStore   *store,
                                                 const char    *kind,
                                                 gint64         id);
/* Does a linked object still exist? */
gboolean         enlace_cases_link_exists       (EnlaceStore   *store,
                                                 const char    *kind,
                                                 gint64         id);
/* Links the case to an object (inside a command), once; @with_event
 * records it in the timeline. */
gboolean         enlace_cases_link_object       (EnlaceStore   *store,
                                                 gint64         case_id,
                                                 const char    *kind,
                                                 gint64         object_id,
                                                 gboolean       with_event,
                                                 GError       **error);

/* The search index of cases (enlace-cases-search.c). */
/* Declares its tables (outside the document) and the store's hooks that
 * keep it; from enlace_cases_register_tables(). */
void             enlace_cases_search_register   (void);
/* Lower case, without accents ("Gómez" → "gomez"): both the index's text
 * and what is searched. */
char            *enlace_cases_search_fold       (const char    *text);
/* Can the index be used (built and current)?  FALSE for a file open
 * read-only whose index is stale: search it the slow way. */
gboolean         enlace_cases_search_ready      (EnlaceStore   *store);
/* The newest command of the audit log (0: none). */
gint64           enlace_cases_search_last_command (EnlaceStore *store);

/* A search text made into an FTS5 MATCH of its words of three letters or
 * more (NULL when none) and LIKE patterns of its shorter words. */
#define ENLACE_CASE_SEARCH_MAX_SHORT 4
typedef struct
{
  char      *match;   /* '"gomez" "0042"', or NULL */
  GPtrArray *likes;   /* of char*: "%12%" (escaped with \) */
  gboolean   any;     /* something to search */
} EnlaceCaseSearch;

void             enlace_case_search_init        (EnlaceCaseSearch *self,
                                                 const char       *text);
void             enlace_case_search_clear       (EnlaceCaseSearch *self);

G_END_DECLS
