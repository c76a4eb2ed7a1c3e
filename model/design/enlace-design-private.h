/* enlace-design-private.h: shared by the files of model/design */
#pragma once

#include "enlace-design.h"

G_BEGIN_DECLS

/* enlace-design-route.c: enlace_design_recompute() inside the open
 * command (the committing hook of enlace-design-live.c). */
gboolean _enlace_design_recompute_in_command (EnlaceStore  *store,
                                              gint64        building_id,
                                              guint        *n_changed,
                                              GError      **error);

G_END_DECLS
