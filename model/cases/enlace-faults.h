/* enlace-faults.h: fault reports (the procedures of kind "fault":
 * correo-falla, internet-falla, ftp-falla, telefono-falla) tied to the
 * cable they run on.
 *
 * Where the user is: a fault's "location" is its first link of kind
 * "outlet", "port" or "extension".  Its physical check is the traced path
 * of that object (enlace_tracer_trace_object ()).  When several open
 * faults share hops of their paths (a panel, a switch, a cable, a port, a
 * circuit), that object is a common cause: enlace_faults_common_causes ()
 * ranks the shared objects by the number of open faults through them.
 */
#pragma once

#include "enlace-cases.h"
#include "enlace-trace.h"

G_BEGIN_DECLS

/* Resolves where a user is from @key: a port ("DEVICE:PORT"), an outlet
 * (a device of role outlet, by name), an extension number, a space
 * ("B/1/020": its one outlet) or a person's name (their one extension),
 * into *@kind ("port", "outlet" or "extension"; static) and *@id.  FALSE
 * with ENLACE_STORE_ERROR_NOT_FOUND (nothing has that key) or _INVALID
 * (a room or person with several candidates: the message lists them). */
gboolean   enlace_fault_resolve_location (EnlaceStore  *store,
                                          const char   *key,
                                          const char  **kind,
                                          gint64       *id,
                                          GError      **error);

/* Opens a case of a fault procedure with its location link, in one
 * command (see enlace_case_open () for @values).  Refused when the
 * procedure is not of kind fault or the location kind is not "outlet",
 * "port" or "extension".  Returns the case id, 0 with @error. */
gint64     enlace_fault_open             (EnlaceStore  *store,
                                          const char   *procedure_code,
                                          JsonObject   *values,
                                          const char   *location_kind,
                                          gint64        location_id,
                                          GError      **error);

/* The location of a fault case: TRUE with *@kind (static) and *@id, FALSE
 * (no error) when it has none. */
gboolean   enlace_fault_get_location     (EnlaceStore  *store,
                                          gint64        case_id,
                                          const char  **kind,
                                          gint64       *id);

/* The traced paths of the case's location (EnlacePath*), empty when it has
 * no location; @title as enlace_tracer_trace_object (). */
GPtrArray *enlace_fault_trace            (EnlaceTracer *tracer,
                                          gint64        case_id,
                                          char        **title,
                                          GError      **error);

/* An object shared by the paths of several open faults. */
typedef struct
{
  char    *kind;       /* "device", "port", "cable", "circuit" */
  gint64   id;
  char    *key;        /* readable key */
  char    *role;       /* devices: their role ("patch-panel", "switch"); else NULL */
  guint    n_cases;
  GArray  *case_ids;   /* of gint64, oldest first */
  double   distance;   /* mean hop index from the users' ends (nearer first) */
} EnlaceFaultCause;

void       enlace_fault_cause_free       (EnlaceFaultCause *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceFaultCause, enlace_fault_cause_free)

/* "3 open reports pass through panel PP-B2-1" (translated). */
char      *enlace_fault_cause_dup_text   (const EnlaceFaultCause *cause);

/* The objects on the paths of two or more open fault cases, ranked by the
 * number of open faults through them (most first), then nearest to the
 * users first, then by key.  @case_id > 0: only the causes that case's
 * path passes through.  Array of EnlaceFaultCause* (possibly empty). */
GPtrArray *enlace_faults_common_causes   (EnlaceTracer *tracer,
                                          gint64        case_id,
                                          GError      **error);

/* The other open fault cases whose paths pass through the object
 * (@kind/@id), ranked as above; array of gint64. */
GArray    *enlace_faults_related         (EnlaceTracer *tracer,
                                          gint64        case_id,
                                          const char   *kind,
                                          gint64        object_id,
                                          GError      **error);

/* Closing the cause: resolves @case_id and every other open fault through
 * the object (@kind/@id; NULL: its top common cause), in one command.
 * Each related case gets its pending steps marked done with the note
 * "Resolved with FOLIO: common cause KEY" (or @note), then is resolved.
 * Returns the number of related cases resolved (>= 0), -1 with @error
 * (and nothing changed) when any of them cannot be resolved. */
int        enlace_faults_resolve_related (EnlaceTracer *tracer,
                                          gint64        case_id,
                                          const char   *kind,
                                          gint64        object_id,
                                          const char   *note,
                                          GError      **error);

/* Closing the cause, choosing: resolves @case_id and the cases of
 * @case_ids (gint64; each must be an open fault through @kind/@id, else
 * nothing changes), each with its note @notes[i] (NULL or "": the default
 * "Resolved with FOLIO: common cause KEY"), in one command.  @notes is
 * NULL or has @case_ids->len entries. */
gboolean   enlace_faults_resolve_cases   (EnlaceTracer       *tracer,
                                          gint64              case_id,
                                          const char         *kind,
                                          gint64              object_id,
                                          GArray             *case_ids,
                                          const char * const *notes,
                                          GError            **error);

/* The fault cases linked to @kind/@id (a circuit's outage history), newest
 * first (EnlaceCaseRow*). */
GPtrArray *enlace_faults_for_object      (EnlaceStore  *store,
                                          const char   *kind,
                                          gint64        object_id,
                                          GError      **error);

/* Marking a cable or a port faulty (enlace-fault-mark.c).  Whether @def
 * records the object that failed (a field "failed_object": the detection
 * step, or the solution step of correo-falla). */
gboolean   enlace_fault_step_can_mark    (const EnlaceProcedureStep *def);

/* Records step @case_step_id of fault case @case_id as
 * enlace_case_set_step () does and, with @mark_faulty, marks the object
 * its values name ("failed_object", a cable's label or DEVICE:PORT, of
 * kind "failed_kind" Cable or Puerto, or either when empty) faulty for the
 * case (model/inventory/enlace-faulty.h), links it to the case and
 * records "marked_faulty" in the step's values: one command, one undo.
 * Refused with nothing changed when the step records no object that
 * failed, @result is not done, the object is not a cable or a port or is
 * already marked.  The mark is cleared when the case is resolved. */
gboolean   enlace_fault_set_step_marking (EnlaceStore       *store,
                                          gint64             case_id,
                                          gint64             case_step_id,
                                          EnlaceStepResult   result,
                                          const char        *note,
                                          JsonObject        *values,
                                          gboolean           mark_faulty,
                                          GError           **error);

G_END_DECLS
