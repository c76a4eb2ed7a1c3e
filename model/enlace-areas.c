/* enlace-areas.c: the one registration point of the areas of the model */
#define G_LOG_DOMAIN "enlace-areas"
#include "config.h"

#include "enlace-areas.h"

void
enlace_areas_register (void)
{
  enlace_store_register_tables ();     /* meta; the audit log, undo, attachments */
  enlace_inventory_register_kinds ();  /* sites … extensions */
  enlace_plans_register_kinds ();      /* floor plans, walls, pathways */
  enlace_cases_register_tables ();     /* procedures, cases, e-mail accounts */
  enlace_rules_register_tables ();     /* cabling rules, cables in pathways */
  enlace_bom_register_tables ();       /* label templates, prices, cable tests */
  enlace_design_register_hooks ();     /* planned runs follow moved rooms and pathways */
}
