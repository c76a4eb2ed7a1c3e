/* enlace-bom-page.h: the page "Bill of materials" (kind "bom", id 0): the
 * bill of a building, a floor or the whole campus, of the design or of
 * everything, costed with the price list; CSV and PDF export, the price
 * list's import, the label templates and the certifier's results. */
#pragma once

#include "enlace-bom.h"
#include "enlace-page.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_BOM_PAGE (enlace_bom_page_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceBomPage, enlace_bom_page, ENLACE, BOM_PAGE, EnlacePage)

/* Chooses the scope as the drop-downs do: @building (code, NULL: all),
 * @level (NULL: all floors), planned objects only or everything. */
void         enlace_bom_page_set_scope   (EnlaceBomPage *self,
                                          const char    *building,
                                          const char    *level,
                                          gboolean       planned_only);
/* The bill shown (NULL before a store is set). */
EnlaceBom   *enlace_bom_page_get_bom     (EnlaceBomPage *self);
/* The group drawn first: the floor, the building or the total. */
EnlaceBomGroup *enlace_bom_page_get_group (EnlaceBomPage *self);
gboolean     enlace_bom_page_export_csv  (EnlaceBomPage *self,
                                          const char    *path,
                                          GError       **error);
gboolean     enlace_bom_page_export_pdf  (EnlaceBomPage *self,
                                          const char    *path,
                                          GError       **error);

G_END_DECLS
