/* enlace-person-page.h: the page of a person ("person"): how to reach
 * them, and what the department serves them — their extensions, the
 * outlets their lines reach and where those are, and the devices
 * recorded at those outlets (the outlet → person → extension view).
 * Each row opens its object; "Edit" opens the generic form. */
#pragma once

#include "enlace-page.h"
#include "enlace-person-lines.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_PERSON_PAGE (enlace_person_page_get_type ())
G_DECLARE_FINAL_TYPE (EnlacePersonPage, enlace_person_page, ENLACE, PERSON_PAGE, EnlacePage)

/* What the page shows (NULL when the person does not exist). */
const EnlacePersonServices *enlace_person_page_get_services (EnlacePersonPage *self);

G_END_DECLS
