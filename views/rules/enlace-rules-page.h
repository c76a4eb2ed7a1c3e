/* enlace-rules-page.h: the checks of the cabling rules (issue 12)
 *
 * Kinds: "rules" (id 0: the whole campus), "rules/building" and
 * "rules/floor" (id: the building or floor).  Lists the failures of the
 * project's rule set (model/rules) with the rule, the figures and the
 * objects; activating one shows the plan of its floor with its objects
 * selected.  A floor or a building is checked again after every command
 * (the store's ::changed); the campus on demand ("Check the whole
 * campus"), and after a command only when its last check was quick.
 * "Rules…" opens the rule-set editor (enlace-rules-editor.c).
 */
#pragma once

#include "enlace-page.h"
#include "enlace-rules.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_RULES_PAGE (enlace_rules_page_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceRulesPage, enlace_rules_page, ENLACE, RULES_PAGE, EnlacePage)

/* The last check (NULL before one) and how long it took. */
EnlaceRuleReport *enlace_rules_page_get_report   (EnlaceRulesPage *self,
                                                  double          *check_ms);
/* Checks the whole campus now (the page's button). */
void              enlace_rules_page_check_campus (EnlaceRulesPage *self);
/* Selects the @index-th failure on the plan (activating its row). */
void              enlace_rules_page_show_failure (EnlaceRulesPage *self,
                                                  guint            index);
/* The rule-set editor over the window of the page. */
GtkWidget        *enlace_rules_page_open_editor  (EnlaceRulesPage *self);

G_END_DECLS
