/* enlace-propose.h: what a new object should be, proposed from the inventory
 *
 * The same proposals for every front end: the Connect dialog and
 * `enlace-cli connect` propose a cable's kind and label (and the dialog
 * its type and length) from what its two ends are; the rack page proposes
 * a new device's name from its role.  A proposal writes nothing.
 */
#pragma once

#include "enlace-store.h"

G_BEGIN_DECLS

typedef struct
{
  char   *kind;      /* horizontal | backbone | patch-cord | equipment-cord | other */
  char   *type;      /* cat6, om4, ... or NULL */
  char   *label;
  double  length_m;  /* < 0: unknown */
} EnlaceCableProposal;

void   enlace_cable_proposal_clear      (EnlaceCableProposal *proposal);

/* What a cable between ports @port_a and @port_b should be:
 *  - kind: horizontal from a rear panel port to an outlet, backbone between
 *    panels of different rooms, equipment-cord between active ports of one
 *    room, else patch-cord;
 *  - type: fibre om4 (os2 for a backbone between buildings), voice cat3
 *    (multipair for a backbone), else cat6;
 *  - label: the first free "H-0001" (H horizontal, BB backbone, PC patch
 *    cord, EC equipment cord, C other);
 *  - length: cords 1 m within a rack, 3 m otherwise; unknown for the rest. */
void   enlace_cable_propose             (EnlaceStore         *store,
                                         gint64               port_a,
                                         gint64               port_b,
                                         EnlaceCableProposal *out);
/* The first free label for a cable of @kind ("H-0001"…), newly allocated. */
char  *enlace_cable_propose_label       (EnlaceStore         *store,
                                         const char          *kind);

/* The first free name for a device of @role: "SW-1", "PP-3", "EQ-2"… */
char  *enlace_device_propose_name       (EnlaceStore         *store,
                                         const char          *role);

G_END_DECLS
