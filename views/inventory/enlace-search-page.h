/* enlace-search-page.h: the global search (names, labels, codes,
 * extensions, serials, people) */
#pragma once

#include "enlace-page.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_SEARCH_PAGE (enlace_search_page_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceSearchPage, enlace_search_page, ENLACE, SEARCH_PAGE, EnlacePage)

GtkWidget *enlace_search_page_new             (void);
/* Searches at once (typing searches after a short delay). */
void       enlace_search_page_set_text        (EnlaceSearchPage *self,
                                               const char       *text);
guint      enlace_search_page_get_n_results   (EnlaceSearchPage *self);
/* Shows the object of result @index (emits ::object-activated). */
gboolean   enlace_search_page_activate_result (EnlaceSearchPage *self,
                                               guint             index);
/* The kind of result @index, and where it is ("Biblioteca (B) › Planta 1
 * › 020 Sala", for an extension or a person where their line reaches),
 * shown under its title; NULL when placed nowhere. */
const char *enlace_search_page_get_kind       (EnlaceSearchPage *self,
                                               guint             index);
const char *enlace_search_page_get_place      (EnlaceSearchPage *self,
                                               guint             index);

G_END_DECLS
