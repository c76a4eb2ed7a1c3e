/* enlace-building-page.h: the page of a site, building, floor or space */
#pragma once

#include "enlace-page.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_BUILDING_PAGE (enlace_building_page_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceBuildingPage, enlace_building_page, ENLACE, BUILDING_PAGE, EnlacePage)

GtkWidget *enlace_building_page_new (void);

G_END_DECLS
