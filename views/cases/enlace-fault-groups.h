/* enlace-fault-groups.h: the open fault reports grouped by the object
 * they share ("fault-causes", Atención → Causas comunes)
 *
 * One row per common cause (enlace_faults_common_causes ()), the object
 * with the most open faults first, each expandable to its cases; a row
 * opens the object, a case row opens the case.
 */
#pragma once

#include "enlace-page.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_FAULT_GROUPS (enlace_fault_groups_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceFaultGroups, enlace_fault_groups, ENLACE, FAULT_GROUPS, EnlacePage)

/* The causes shown (EnlaceFaultCause*, owned by the page). */
GPtrArray  *enlace_fault_groups_get_causes    (EnlaceFaultGroups *self);
/* The title of group @index, or NULL. */
const char *enlace_fault_groups_get_title     (EnlaceFaultGroups *self,
                                               guint              index);
/* The number of case rows under group @index. */
guint       enlace_fault_groups_get_n_cases   (EnlaceFaultGroups *self,
                                               guint              index);

G_END_DECLS
