/* enlace-cases-tables.c: the tables of the cases area (procedures, cases,
 * e-mail accounts), declared to the registry of kinds (enlace-kinds.h) */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include "enlace-areas.h"
#include "enlace-cases-private.h"
#include "enlace-kinds.h"

/* Part of the document: every change to them is one command of the audit
 * log, undone like any other.  Their rules live in enlace-cases.c,
 * enlace-procedures.c and enlace-accounts.c, not in kinds. */
static const char * const cases_document_tables[] = {
  "procedure", "procedure_step", "case_file", "case_step", "case_event",
  "case_link", "email_account",
  /* opinions (enlace-opinions.c) */
  "case_quote", "case_opinion",
  /* orders (enlace-orders.c) */
  "order_change", "case_order",
  /* cables and ports marked faulty (model/inventory/enlace-faulty.c) */
  "faulty_mark", NULL
};

void
enlace_cases_register_tables (void)
{
  enlace_document_tables_declare (cases_document_tables);
  /* the search index (derived, outside the document) and its upkeep */
  enlace_cases_search_register ();
}
