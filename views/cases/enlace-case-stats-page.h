/* enlace-case-stats-page.h: the statistics of cases ("case-stats", the
 * "Estadísticas" entry of Atención): a period, the summary, the charts
 * and tables drawn by enlace_render_case_stats(), printable and exported
 * to PDF. */
#pragma once

#include "enlace-case-stats.h"
#include "enlace-page.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_CASE_STATS_PAGE (enlace_case_stats_page_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceCaseStatsPage, enlace_case_stats_page, ENLACE, CASE_STATS_PAGE, EnlacePage)

void        enlace_case_stats_page_set_period (EnlaceCaseStatsPage *self,
                                               EnlaceStatsPeriod    period);
/* What the page shows (NULL before a store is set). */
JsonObject *enlace_case_stats_page_get_stats  (EnlaceCaseStatsPage *self);
/* Writes the sheet as a one-page PDF. */
gboolean    enlace_case_stats_page_export_pdf (EnlaceCaseStatsPage *self,
                                               const char          *path,
                                               GError             **error);

G_END_DECLS
