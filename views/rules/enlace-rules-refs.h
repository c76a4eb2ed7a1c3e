/* enlace-rules-refs.h: the objects of a rule failure as items of a plan
 *
 * A failure names its objects by kind and id (model/rules); the floor
 * plan draws devices (outlets, consolidation points), racks, spaces and
 * pathways.  These turn one into the other, for the live marks of the
 * plan page and for "select on the plan" of the rules page.
 */
#pragma once

#include "enlace-plan.h"
#include "enlace-rules.h"

G_BEGIN_DECLS

/* EnlacePlanRef of the objects of @failure the plan can draw (devices,
 * racks, spaces, pathways), the subject first. */
GArray *enlace_rules_failure_plan_refs (const EnlaceRuleFailure *failure);
/* The same for every failure of @report on @floor_id (0: every floor). */
GArray *enlace_rules_report_plan_refs  (EnlaceRuleReport        *report,
                                        gint64                   floor_id);

G_END_DECLS
