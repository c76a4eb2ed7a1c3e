/* enlace-impact-view.h: "What breaks" ("impact/cable", "impact/port",
 * "impact/device", "impact/rack", "impact/circuit-termination"): the
 * services that would be cut if the object were removed, grouped by space,
 * with their area, phone extensions and circuits. */
#pragma once

#include "enlace-page.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_IMPACT_VIEW (enlace_impact_view_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceImpactView, enlace_impact_view, ENLACE, IMPACT_VIEW, EnlacePage)

/* Number of services listed (0 when nothing breaks). */
guint enlace_impact_view_get_n_items (EnlaceImpactView *self);

G_END_DECLS
