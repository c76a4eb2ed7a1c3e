/* enlace-orders.h: physical modification orders (procedure of kind
 * "modification", "Modificación física de la red"): the change set of a
 * case, its diff and impact before execution, and its execution.
 * Part of model/: GLib only; the SQL is in enlace-orders*.c.
 *
 * A change belongs to a case of a procedure of kind "modification" and
 * has a number within the order (1, 2, …: the "N" of `enlace-cli order`).
 * While the order is in preparation its changes do not touch the plant;
 * they name objects by the readable keys the CLI uses (device name, cable
 * label, DEVICE:PORT, BUILDING/LEVEL/CODE, rack name, device type
 * MANUFACTURER/MODEL).  Adding or removing a change is one command each;
 * executing the order applies every change, in order, in one command (one
 * undo), or refuses, naming the change and the conflict, and changes
 * nothing.
 *
 * Kinds of change and their values (members of @values, all text):
 *  - "add-device": target = the new device's name; "role" (default
 *    other), "type", "rack", "u", "face", "space", "x", "y", "status",
 *    "serial".
 *  - "add-outlet": a device of role outlet; target = its name; "space"
 *    (required), "type", "x", "y".
 *  - "move-device": target = the device; "rack", "u", "face", "space",
 *    "x", "y" (at least one; "rack" = "" takes it out of its rack).
 *  - "remove-device": target = the device (its cables go with it).
 *  - "connect": target = the new cable's label (proposed when not given);
 *    "a", "b" (terminations, comma-separated: "SW-B2:Gi1/0/3"), "kind",
 *    "type", "length_m", "color", "status".
 *  - "disconnect": target = the cable (by label, or by a port it ends on).
 *  - "reroute": target = the cable; "a" and/or "b": its new ends.
 * Objects that an earlier change of the same order creates (a device
 * added, its ports, a cable connected) may be named by later changes.
 * Each object is the target of at most one change of an order.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "enlace-store.h"
#include "enlace-trace.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      id;
  guint       seq;          /* number within the order */
  char       *kind;         /* "add-device", … (see above) */
  char       *target;       /* device name or cable label */
  JsonObject *params;       /* the change's values (never NULL) */
  char       *prepared;     /* the object when the change was added; NULL for additions */
  char       *before_text;  /* executed orders: the plant before the change */
  char       *after_text;   /* executed orders: the plant after it */
} EnlaceOrderChange;

void         enlace_order_change_free      (EnlaceOrderChange *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceOrderChange, enlace_order_change_free)

/* The kinds of change, NULL-terminated; their translated label
 * ("Connect" → "Conectar"). */
const char * const *enlace_order_change_kinds     (void);
const char  *enlace_order_change_kind_label       (const char *kind);
/* "Connect SW-B2:Gi1/0/3 → PP-B2-1:14 (cable C-0042)", translated. */
char        *enlace_order_change_dup_text         (const EnlaceOrderChange *self);
/* {"n","kind","target","params",...,"text"}, for --json */
JsonObject  *enlace_order_change_to_json          (const EnlaceOrderChange *self);

/* Is the case an order (a case of a procedure of kind "modification")? */
gboolean     enlace_order_is_order         (EnlaceStore  *store,
                                            gint64        case_id);
/* The changes of an order, by number (EnlaceOrderChange*). */
GPtrArray   *enlace_order_changes          (EnlaceStore  *store,
                                            gint64        case_id,
                                            GError      **error);
/* The id of change number @n of the order (error names the case). */
gint64       enlace_order_change_lookup    (EnlaceStore  *store,
                                            gint64        case_id,
                                            guint         n,
                                            GError      **error);

/* Adds a change (one command; an event on the timeline).  Refused, naming
 * the order and the rule, when the case is not an order, is closed,
 * cancelled or already executed, the kind is unknown, a value is missing
 * or malformed, an object it names does not exist (and no earlier change
 * of the order creates it), or the object already has a change in the
 * order.  Returns the change's id; *@seq (may be NULL) its number. */
gint64       enlace_order_add_change       (EnlaceStore  *store,
                                            gint64        case_id,
                                            const char   *kind,
                                            const char   *target,
                                            JsonObject   *values,
                                            guint        *seq,
                                            GError      **error);
/* Removes a change (one command); refused once the order is executed. */
gboolean     enlace_order_remove_change    (EnlaceStore  *store,
                                            gint64        change_id,
                                            GError      **error);

/* The execution of an order. */
typedef struct
{
  gboolean  executed;
  char     *executed_at;   /* ISO 8601, UTC */
  char     *executed_by;
  gint64    command_id;    /* the audit log's command, 0 when unknown (imported) */
} EnlaceOrderState;

void         enlace_order_state_clear      (EnlaceOrderState *self);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EnlaceOrderState, enlace_order_state_clear)
gboolean     enlace_order_get_state        (EnlaceStore       *store,
                                            gint64             case_id,
                                            EnlaceOrderState  *out,
                                            GError           **error);

/* The diff: one row per change, before → after.  For an order in
 * preparation, "before" is the plant now and "after" what the change makes
 * of it; for an executed order, the rows stored at execution.  JSON:
 * {"folio","executed", "changes": [{"n","kind","target","text",
 *   "before" (text or null), "after" (text or null),
 *   "conflict" (text or null: why it could not be applied now)}]} */
JsonObject  *enlace_order_diff             (EnlaceStore  *store,
                                            gint64        case_id,
                                            GError      **error);

/* The impact, from the tracer (enlace_tracer_impact () of every object
 * the order removes, unplugs, moves or re-routes): which paths break or
 * change, which ends, extensions and outlets lose service, and which open
 * cases (other than the order) are linked to an affected object. */
typedef struct
{
  guint        paths_broken;   /* paths through removed or unplugged objects */
  guint        paths_changed;  /* through moved devices or re-routed cables only */
  GPtrArray   *ends;           /* of char*: ends losing service ("SW-B2:Gi1/0/3") */
  GPtrArray   *extensions;     /* of char*: extension numbers, sorted */
  GPtrArray   *outlets;        /* of char*: outlet devices losing service, sorted */
  GPtrArray   *cases;          /* of JsonObject*: {"folio","status","summary","object"} */
  GPtrArray   *per_change;     /* of JsonObject*: {"n","effect","paths","impact" (impact --json)} */
} EnlaceOrderImpact;

void         enlace_order_impact_free      (EnlaceOrderImpact *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceOrderImpact, enlace_order_impact_free)
/* Refused for an executed order (its plant has changed: see the diff). */
EnlaceOrderImpact *enlace_order_impact     (EnlaceTracer *tracer,
                                            gint64        case_id,
                                            GError      **error);
JsonObject  *enlace_order_impact_to_json   (EnlaceOrderImpact *impact);

/* Executes the order: every change, in order, through the inventory's
 * command functions, in one command labelled "Execute order FOLIO" (one
 * undo); stores each change's before and after, the execution (who, when,
 * the command) and completes the step "Realizar la modificación".  When
 * the plant changed under the order since it was prepared, refuses with
 * the conflict — "change 3 (connect): port Gi1/0/3 of SW-B2 is taken by
 * cable C-0042", "change 1: device SW-X no longer exists" — and changes
 * nothing.  Refused for an order already executed, closed or cancelled,
 * or with no change. */
gboolean     enlace_order_execute          (EnlaceStore  *store,
                                            gint64        case_id,
                                            GError      **error);

/* The exchange (enlace-cases-xml.c): writes an order's <change> elements
 * and its <execution>; reads one of them back for @case_id. */
gboolean     enlace_orders_xml_export_case (EnlaceStore *store,
                                            gpointer     writer,   /* xmlTextWriterPtr */
                                            gint64       case_id,
                                            GError     **error);
gboolean     enlace_orders_xml_import_node (EnlaceStore *store,
                                            gpointer     node,     /* xmlNodePtr */
                                            gint64       case_id,
                                            const char  *what,
                                            GError     **error);

G_END_DECLS
