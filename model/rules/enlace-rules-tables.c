/* enlace-rules-tables.c: the tables of the rules area, declared to the
 * registry of kinds (enlace-kinds.h) */
#define G_LOG_DOMAIN "enlace-rules"
#include "config.h"

#include "enlace-areas.h"
#include "enlace-kinds.h"

/* Part of the document: the project's rule values and the cables laid in
 * each pathway are changed by commands (enlace-rules-set.c) and undone
 * like any other row. */
static const char * const rules_document_tables[] = {
  "cabling_rule", "pathway_cable", NULL
};

void
enlace_rules_register_tables (void)
{
  enlace_document_tables_declare (rules_document_tables);
}
