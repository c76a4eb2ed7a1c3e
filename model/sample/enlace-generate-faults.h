/* enlace-generate-faults.h: where the generated fault reports are */
#pragma once

#include "enlace-store.h"

G_BEGIN_DECLS

/* Places each fault report (procedure of kind fault) with an id above
 * @after_case_id at an outlet of the plant, drawn with @seed (the same
 * store and seed give the same outlets), by a "case_link" of kind outlet;
 * so that the open ones share panels, switches and cables as real ones
 * do.  Inside an open command (bulk or not); does nothing when the plant
 * has no outlet. */
gboolean enlace_generate_place_faults (EnlaceStore  *store,
                                       gint64        after_case_id,
                                       guint64       seed,
                                       GError      **error);

G_END_DECLS
