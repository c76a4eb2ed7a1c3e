/* enlace-impact-view.h: "What breaks" ("impact/cable", "impact/port",
 * "impact/device", "impact/rack", "impact/circuit-termination"): the
 * services that would be cut if the object were removed, grouped by space,
 * with their area, phone extensions and circuits; what "N services (M
 * paths)" means in words; the people and extensions affected.  It prints
 * (Ctrl+P) and exports a PDF under the project's header
 * (enlace-render-impact.h). */
#pragma once

#include "enlace-page.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_IMPACT_VIEW (enlace_impact_view_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceImpactView, enlace_impact_view, ENLACE, IMPACT_VIEW, EnlacePage)

/* Number of services listed (0 when nothing breaks). */
guint       enlace_impact_view_get_n_items     (EnlaceImpactView *self);
/* Rows of "People and extensions affected". */
guint       enlace_impact_view_get_n_people    (EnlaceImpactView *self);
/* The sentence that says what a service and a path are. */
const char *enlace_impact_view_get_explanation (EnlaceImpactView *self);
/* Writes the report (what the page shows) to a PDF at @path. */
gboolean    enlace_impact_view_export_pdf      (EnlaceImpactView  *self,
                                                const char        *path,
                                                GError           **error);

G_END_DECLS
