/* enlace-rules-private.h: shared by the files of model/rules */
#pragma once

#include "enlace-rules.h"

G_BEGIN_DECLS

/* "Cat6", "OM3" for a cable type of the file ("cat6", "om3"). */

/* enlace-rules-set.c: the value to store for rule @name (trimmed; a
 * number in its shortest form, an application in lower case), or NULL
 * with @error (ENLACE_STORE_ERROR_NOT_FOUND: no such rule; _INVALID: the
 * value breaks the rule), the message naming the rule.  @defaults:
 * enlace_rule_set_new_defaults().  enlace_rules_set_value() and the XML
 * import both check values with it. */
char *enlace_rules_normalize (EnlaceRuleSet  *defaults,
                              const char     *name,
                              const char     *value,
                              GError        **error);

/* enlace-rules-json.c */
void  enlace_rule_failure_free (gpointer failure);

G_END_DECLS
