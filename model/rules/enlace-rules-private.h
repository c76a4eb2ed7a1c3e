/* enlace-rules-private.h: shared by the files of model/rules */
#pragma once

#include "enlace-rules.h"

G_BEGIN_DECLS

/* "Cat6", "OM3" for a cable type of the file ("cat6", "om3"). */
char *enlace_rules_type_label (const char *type);

/* enlace-rules-json.c */
void  enlace_rule_failure_free (gpointer failure);

G_END_DECLS
