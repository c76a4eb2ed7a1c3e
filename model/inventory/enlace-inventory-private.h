/* enlace-inventory-private.h: the rules, hooks and key lookups of the
 * kinds of the inventory (model/inventory only), named in the kinds of
 * enlace-inventory-kinds.c. */
#pragma once

#include "enlace-kinds.h"

G_BEGIN_DECLS

#define ENLACE_INVENTORY_VALIDATE(kind) \
  gboolean enlace_validate_##kind (EnlaceStore *store, gint64 id, JsonObject *values, GError **error)
#define ENLACE_INVENTORY_BEFORE_DELETE(kind) \
  gboolean enlace_before_delete_##kind (EnlaceStore *store, gint64 id, GError **error)
#define ENLACE_INVENTORY_LOOKUP(kind) \
  gint64 enlace_lookup_##kind (EnlaceStore *store, const char *key, gboolean *ambiguous)

/* enlace-validate.c */
ENLACE_INVENTORY_VALIDATE (site);
ENLACE_INVENTORY_VALIDATE (building);
ENLACE_INVENTORY_VALIDATE (floor);
ENLACE_INVENTORY_VALIDATE (space);
ENLACE_INVENTORY_VALIDATE (area);
ENLACE_INVENTORY_VALIDATE (person);
ENLACE_INVENTORY_VALIDATE (rack);
ENLACE_INVENTORY_VALIDATE (device_type);
ENLACE_INVENTORY_VALIDATE (port_template);
ENLACE_INVENTORY_VALIDATE (mapping_template);
ENLACE_INVENTORY_VALIDATE (device);
ENLACE_INVENTORY_VALIDATE (port);
ENLACE_INVENTORY_VALIDATE (port_mapping);
ENLACE_INVENTORY_VALIDATE (circuit);
ENLACE_INVENTORY_VALIDATE (circuit_termination);
ENLACE_INVENTORY_VALIDATE (cable);
ENLACE_INVENTORY_VALIDATE (extension);

gboolean enlace_after_create_device (EnlaceStore *store, gint64 id, JsonObject *values, GError **error);

ENLACE_INVENTORY_BEFORE_DELETE (site);
ENLACE_INVENTORY_BEFORE_DELETE (building);
ENLACE_INVENTORY_BEFORE_DELETE (floor);
ENLACE_INVENTORY_BEFORE_DELETE (space);
ENLACE_INVENTORY_BEFORE_DELETE (rack);
ENLACE_INVENTORY_BEFORE_DELETE (device);
ENLACE_INVENTORY_BEFORE_DELETE (port);
ENLACE_INVENTORY_BEFORE_DELETE (circuit);
ENLACE_INVENTORY_BEFORE_DELETE (circuit_termination);

/* enlace-inventory-keys.c */
ENLACE_INVENTORY_LOOKUP (site);
ENLACE_INVENTORY_LOOKUP (building);
ENLACE_INVENTORY_LOOKUP (area);
ENLACE_INVENTORY_LOOKUP (rack);
ENLACE_INVENTORY_LOOKUP (device);
ENLACE_INVENTORY_LOOKUP (person);
ENLACE_INVENTORY_LOOKUP (circuit);
ENLACE_INVENTORY_LOOKUP (cable);
ENLACE_INVENTORY_LOOKUP (extension);
ENLACE_INVENTORY_LOOKUP (port);
ENLACE_INVENTORY_LOOKUP (circuit_termination);
ENLACE_INVENTORY_LOOKUP (device_type);
ENLACE_INVENTORY_LOOKUP (floor);
ENLACE_INVENTORY_LOOKUP (space);

G_END_DECLS
