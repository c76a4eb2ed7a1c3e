/* enlace-case-quotes-section.h: the quotes of a technical opinion on its
 * case page — "Cotizaciones" (add, edit, remove), the side-by-side
 * comparison against the requirements of the request, and the resolution
 * (verdict, reasons, recommended quote).  Each action is one model
 * command (enlace-opinions.h); the page reloads on the store's ::changed
 * and gives the section the case again.  Hidden for other procedures. */
#pragma once

#include <adwaita.h>

#include "enlace-cases.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_CASE_QUOTES_SECTION (enlace_case_quotes_section_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceCaseQuotesSection, enlace_case_quotes_section, ENLACE, CASE_QUOTES_SECTION, GtkBox)

GtkWidget *enlace_case_quotes_section_new        (void);
/* Shows the quotes and resolution of @c (NULL, or not an opinion: hidden). */
void       enlace_case_quotes_section_set_case   (EnlaceCaseQuotesSection *self,
                                                  EnlaceStore             *store,
                                                  const EnlaceCase        *c);
/* For tests: the quotes shown, the comparison grid (cells are GtkLabels
 * at column, row), and the dialogs the buttons open (quote_id 0: add). */
guint      enlace_case_quotes_section_get_n_quotes (EnlaceCaseQuotesSection *self);
GtkGrid   *enlace_case_quotes_section_get_comparison (EnlaceCaseQuotesSection *self);
GtkWidget *enlace_case_quotes_section_quote_dialog   (EnlaceCaseQuotesSection *self,
                                                      gint64                   quote_id);
GtkWidget *enlace_case_quotes_section_resolve_dialog (EnlaceCaseQuotesSection *self);

G_END_DECLS
