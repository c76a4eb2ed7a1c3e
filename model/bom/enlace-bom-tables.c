/* enlace-bom-tables.c: the tables of the bom area (label templates, the
 * price list, the tests of installed runs), declared to the registry of
 * kinds (enlace-kinds.h) */
#define G_LOG_DOMAIN "enlace-bom"
#include "config.h"

#include "enlace-areas.h"
#include "enlace-kinds.h"

/* Part of the document: every change to them is one command of the audit
 * log, undone like any other. */
static const char * const bom_document_tables[] = {
  "label_template", "bom_price", "cable_test", NULL
};

void
enlace_bom_register_tables (void)
{
  enlace_document_tables_declare (bom_document_tables);
}
