/* enlace-details.h: an object and what belongs to it
 *
 * What `enlace-cli show` (and `connect --json`) print after an object's
 * fields, for any front end that shows an object with its parts.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "enlace-kinds.h"
#include "enlace-store.h"

G_BEGIN_DECLS

/* Adds to @o what belongs to object @id of @kind:
 *  - a device: "ports": [{ "id", "name", "kind", "medium", "connector",
 *    "positions", "label", "cable": { "id", "label", "end" ("A" | "B"),
 *    "far_end": [KEY…] } | null, "mappings": ["POS ↔ DEVICE:PORT/POS"…] }];
 *  - a port or circuit termination: "cable" as above, or null;
 *  - a cable: "end_a", "end_b": [KEY…], "warnings": [TEXT…];
 *  - a rack or a space: "devices": [{ "name", "role", "u_position", "face" }];
 *  - any kind: "children": { KIND: [KEY…] } for the kinds whose parent
 *    field refers to @kind (ports and port mappings excepted), when any.
 * FALSE with @error when the object or its parts cannot be read. */
gboolean enlace_inventory_add_details (EnlaceStore       *store,
                                       const EnlaceKind  *kind,
                                       gint64             id,
                                       JsonObject        *o,
                                       GError           **error);

G_END_DECLS
