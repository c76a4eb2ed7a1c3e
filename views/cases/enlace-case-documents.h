/* enlace-case-documents.h: the "Documentos" section of a case page
 *
 * Per document the case offers (the request form, the memo or notice of
 * its procedure, the answer): Print (GtkPrintOperation drawing the pages
 * of views/render), Export PDF (a file chooser) and Send by e-mail (the
 * desktop's mail program through a mailto:).  Exporting and sending are
 * recorded on the case's timeline ("document", "sent").
 */
#pragma once

#include <gtk/gtk.h>

#include "enlace-cases.h"

G_BEGIN_DECLS

/* Replaces the children of @box with the documents of @c (NULL: none). */
void enlace_case_documents_fill (GtkBox           *box,
                                 EnlaceStore      *store,
                                 const EnlaceCase *c);

G_END_DECLS
