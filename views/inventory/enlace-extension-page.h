/* enlace-extension-page.h: the page of a phone extension ("extension"):
 * its number, holder, area and status in full, its line — the port of the
 * conmutador it rides on, the outlet jack it reaches and where that is —
 * with its trace drawn, its status history and its cases; "Edit" opens
 * the generic form. */
#pragma once

#include "enlace-page.h"
#include "enlace-person-lines.h"
#include "enlace-render-trace.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_EXTENSION_PAGE (enlace_extension_page_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceExtensionPage, enlace_extension_page, ENLACE, EXTENSION_PAGE, EnlacePage)

/* The line shown (NULL when the extension does not exist). */
const EnlaceExtensionLine *enlace_extension_page_get_line  (EnlaceExtensionPage *self);
/* The trace drawn on the page, or NULL when the line rides on no port. */
EnlaceTraceDrawing        *enlace_extension_page_get_trace (EnlaceExtensionPage *self);

G_END_DECLS
