/* enlace-case-stats.h: the department's statistics of cases (read only).
 *
 * For a period [from, to) (UTC):
 *  - cases opened per procedure per month, per area, per assignee;
 *  - the open cases (now) by age: < 1 day, 1–3 days, 3–7 days, 7–30 days,
 *    > 30 days;
 *  - time to resolve per procedure, of the cases resolved in the period:
 *    median and 90th percentile in hours, and how many were resolved
 *    within the procedure's target time;
 *  - the objects most linked to fault cases opened in the period (the
 *    procedures of kind "fault"), top 10.
 *
 * The median of an even count is the mean of the two middle values; the
 * 90th percentile is by nearest rank (the value at rank ⌈0.9 n⌉).
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "enlace-store.h"

G_BEGIN_DECLS

typedef enum
{
  ENLACE_STATS_THIS_MONTH,      /* "this-month" */
  ENLACE_STATS_LAST_3_MONTHS,   /* "last-3-months": this month and the two before */
  ENLACE_STATS_THIS_YEAR,       /* "this-year" */
  ENLACE_STATS_LAST_12_MONTHS,  /* "last-12-months": this month and the eleven before */
} EnlaceStatsPeriod;

#define ENLACE_STATS_N_AGES 5
#define ENLACE_STATS_TOP_OBJECTS 10

const char *enlace_stats_period_to_string   (EnlaceStatsPeriod  period);
gboolean    enlace_stats_period_from_string (const char        *s,
                                             EnlaceStatsPeriod *out);
/* Translated: "Este mes". */
const char *enlace_stats_period_label       (EnlaceStatsPeriod  period);
/* The bounds of @period around @now (UTC months): *from is the first day
 * of the first month, *to the first day of the month after @now. */
void        enlace_stats_period_bounds      (EnlaceStatsPeriod  period,
                                             GDateTime         *now,
                                             GDateTime        **from,
                                             GDateTime        **to);
/* "lt-1d", "1-3d", "3-7d", "7-30d", "gt-30d" and their labels. */
const char *enlace_stats_age_key            (guint              bucket);
const char *enlace_stats_age_label          (guint              bucket);

/* All of it as one object:
 *
 * { "from": ISO, "to": ISO, "now": ISO, "months": ["2026-01", …],
 *   "opened": n, "resolved": n, "open_now": n,
 *   "by_procedure": [{ "code", "name", "kind", "count", "months": [n…] }…],
 *   "by_area": [{ "id", "name", "count" }…],        (most first; id 0: none)
 *   "by_assignee": [{ "id", "name", "count", "open" }…],
 *   "open_by_age": [{ "key", "label", "count" }…],  (5 buckets)
 *   "resolution": [{ "code", "name", "target_hours", "resolved",
 *                    "median_hours", "p90_hours", "within_target" }…],
 *   "fault_objects": [{ "kind", "id", "key", "count", "open" }…] }
 *
 * @now NULL: the current time.  Refuses @to not after @from. */
JsonObject *enlace_case_stats               (EnlaceStore       *store,
                                             GDateTime         *from,
                                             GDateTime         *to,
                                             GDateTime         *now,
                                             GError           **error);

/* The median and nearest-rank percentile (0 < p ≤ 100) of @values,
 * which are sorted in place.  0 for an empty array. */
double      enlace_stats_median             (double            *values,
                                             guint              n);
double      enlace_stats_percentile         (double            *values,
                                             guint              n,
                                             double             p);

G_END_DECLS
