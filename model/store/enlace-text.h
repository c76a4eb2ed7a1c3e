/* enlace-text.h: text as people search it — case- and accent-blind */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text without case and accents ("Rectoría" → "rectoria", "PÁNEL" →
 * "panel"): NFD, combining marks dropped, case folded.  Invalid UTF-8 is
 * folded as ASCII.  NULL gives NULL. */
char  *enlace_text_fold        (const char *text);

/* The words of a search, folded, empty ones left out (NULL-terminated;
 * an empty array for NULL or blank @search). */
char **enlace_text_fold_words  (const char *search);

/* Whether @haystack, folded, contains the already folded @needle. */
gboolean enlace_text_matches   (const char *haystack,
                                const char *folded_needle);

/* The key that sorts a person's @name by surname, as a directory does:
 * the titles in front ("Dr.", "Ing.", "Lic.": words ending in a period)
 * left out, then the surnames — the last two words of three or more (the
 * paternal and maternal surnames of Spanish names), the last of two —
 * then the given names; folded.  "Dra. María Elena Vázquez Ríos" →
 * "vazquez rios maria elena". */
char  *enlace_text_surname_key (const char *name);

/* Orders two people's names as the people list does: by
 * enlace_text_surname_key() (surnames, then given names; titles left
 * out), then by the whole name.  NULL sorts first. */
int    enlace_text_compare_people (const char *a,
                                   const char *b);

G_END_DECLS
