/* enlace-case-document-private.h: for the builders of case documents in
 * model/cases (enlace-case-document.c and the kinds built in their own
 * files, e.g. the dictamen in enlace-case-dictamen.c). */
#pragma once

#include "enlace-case-document.h"

G_BEGIN_DECLS

/* A label/value row; nothing when @value is NULL or empty. */
void     enlace_case_document_add_row       (EnlaceCaseDocument *doc,
                                             const char         *label,
                                             const char         *value);
void     enlace_case_document_add_signature (EnlaceCaseDocument *doc,
                                             const char         *name,
                                             const char         *role);
/* "5 de diciembre de 2026" */
char    *enlace_case_document_format_date   (GDateTime          *dt);
/* The rows of a step's values, the spec'd fields first. */
void     enlace_case_document_add_values    (EnlaceCaseDocument *doc,
                                             EnlaceStore        *store,
                                             GPtrArray          *fields,
                                             JsonObject         *values);

/* The dictamen técnico (enlace-case-dictamen.c): fills @doc (its head,
 * folio and date already set) from case @c, its quotes and resolution.
 * @requester: the requester's person object, may be NULL. */
gboolean enlace_case_document_build_dictamen (EnlaceCaseDocument *doc,
                                              EnlaceStore        *store,
                                              const EnlaceCase   *c,
                                              JsonObject         *requester,
                                              const char         *signer,
                                              GError            **error);

G_END_DECLS
