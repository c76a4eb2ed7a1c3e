/* enlace-areas.h: the one registration point of the areas of the model.
 *
 * Each area of model/ declares what it adds to the document in one
 * function: its kinds (enlace_kinds_register()), the document tables no
 * kind owns (enlace_document_tables_declare()) and the tables kept
 * outside the document (enlace_outside_tables_declare()).  A new area
 * adds one line to enlace_areas_register(), in document order (an area
 * after the areas its kinds refer to).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called once by the registry (enlace-kinds.c); not to be called directly. */
void enlace_areas_register           (void);

/* The registration functions of the areas. */
void enlace_store_register_tables    (void);
void enlace_inventory_register_kinds (void);
void enlace_plans_register_kinds     (void);
void enlace_cases_register_tables    (void);
void enlace_rules_register_tables    (void);
void enlace_bom_register_tables      (void);
void enlace_design_register_hooks    (void);

G_END_DECLS
