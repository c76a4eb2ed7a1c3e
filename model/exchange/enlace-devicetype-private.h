/* enlace-devicetype-private.h: what the files of the device-type reader
 * share:
 *
 *   enlace-devicetype-parse.c  YAML → EnlaceDeviceTypeDef, batches of files
 *   enlace-devicetype-map.c    NetBox types, names and roles → Enlace's
 *   enlace-devicetype-write.c  a batch → the store, and the summary
 *
 * Model-internal. */
#pragma once

#include "enlace-devicetype-yaml.h"
#include "enlace-store-private.h"

G_BEGIN_DECLS

struct _EnlaceDeviceTypeBatch
{
  guint      n_files;
  GPtrArray *defs;      /* of EnlaceDeviceTypeDef */
  GPtrArray *invalid;   /* of EnlaceDeviceTypeSkipped */
};

/* enlace-devicetype-map.c */
EnlaceDeviceTypePort    *dt_find_port         (EnlaceDeviceTypeDef        *def,
                                               const char                 *kind,
                                               const char                 *name);
/* Port keys are DEVICE:PORT, so names must be unique in a device: renames
 * rear ports (and, rarer, front ports) whose names are taken.  Every
 * mapping must name existing ports. */
void                     dt_make_names_unique (EnlaceDeviceTypeDef        *def);
const char              *dt_guess_role        (EnlaceDeviceTypeDef        *def,
                                               guint                       n_power);

/* enlace-devicetype-write.c */
EnlaceDeviceTypeSkipped *dt_skipped_new       (const char                 *file,
                                               guint                       line,
                                               const char                 *manufacturer,
                                               const char                 *model,
                                               EnlaceDeviceTypeSkipReason  reason,
                                               const char                 *message);
void                     dt_skipped_free      (gpointer                    data);

G_END_DECLS
