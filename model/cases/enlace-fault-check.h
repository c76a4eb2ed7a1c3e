/* enlace-fault-check.h: the physical check of a fault report
 *
 * The traced path of where the user is (enlace_fault_trace ()), hop by
 * hop, each hop with its status, and what is not complete: what the case
 * page's physical check lists and `enlace-cli case show` prints.
 */
#pragma once

#include "enlace-trace.h"

G_BEGIN_DECLS

typedef enum
{
  ENLACE_HOP_CONNECTED,       /* installed cable, active device or circuit */
  ENLACE_HOP_PLANNED,         /* a planned cable, device or circuit */
  ENLACE_HOP_DECOMMISSIONED,  /* a decommissioned cable, a retired device or circuit */
  ENLACE_HOP_MISSING,         /* where the path stops short: what is not there */
} EnlaceHopStatus;

typedef struct
{
  guint           hop;        /* index in the path (the missing row: n_hops) */
  const char     *kind;       /* "port", "cable", "circuit-termination", "space"; NULL for missing */
  gint64          id;
  char           *key;        /* readable key; for missing: the stop sentence */
  EnlaceHopStatus status;
} EnlaceFaultHop;

void        enlace_fault_hop_free         (EnlaceFaultHop *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceFaultHop, enlace_fault_hop_free)

/* "connected", "planned", "decommissioned", "missing" (static). */
const char *enlace_hop_status_to_string   (EnlaceHopStatus status);
/* Translated: "Connected", "Planned", … */
const char *enlace_hop_status_label       (EnlaceHopStatus status);

/* The nodes of @path in order, each with its status, then, when the path
 * stops short (incomplete or split), one row of status missing whose key
 * says what is missing and where (enlace_tracer_dup_stop_text ()).
 * Array of EnlaceFaultHop*. */
GPtrArray  *enlace_fault_check_hops       (EnlaceTracer     *tracer,
                                           const EnlacePath *path);

/* How many hops of @hops are not connected (planned, decommissioned or
 * missing). */
guint       enlace_fault_check_n_problems (GPtrArray        *hops);

G_END_DECLS
