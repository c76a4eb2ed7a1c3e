/* enlace-render-plaindoc.h: a plain document on paper (EnlacePlainDoc) — a title, paragraphs,
 * headings and items (a line in bold and its detail) flowing over A4 pages
 * under the project's header (enlace-render-document.h), with "page N of
 * M" at the foot.  Cairo and pango only: the same pages go to a PDF and to
 * GtkPrintOperation.  "What breaks" prints with it. */
#pragma once

#include <cairo.h>

#include "enlace-render-document.h"

G_BEGIN_DECLS

typedef struct _EnlacePlainDoc EnlacePlainDoc;

EnlacePlainDoc *enlace_plain_doc_new            (const char   *title);
void          enlace_plain_doc_free           (EnlacePlainDoc *self);
const char   *enlace_plain_doc_get_title      (EnlacePlainDoc *self);
void          enlace_plain_doc_add_paragraph  (EnlacePlainDoc *self,
                                            const char   *text);
void          enlace_plain_doc_add_heading    (EnlacePlainDoc *self,
                                            const char   *text);
/* @detail nullable. */
void          enlace_plain_doc_add_item       (EnlacePlainDoc *self,
                                            const char   *title,
                                            const char   *detail);
/* Every text of the report, one a line (for tests and the clipboard). */
char         *enlace_plain_doc_dup_text       (EnlacePlainDoc *self);

/* Lays the report out on pages of @width × @height points (0 × 0: A4)
 * and returns their number. */
guint         enlace_plain_doc_paginate       (EnlacePlainDoc *self,
                                            double        width,
                                            double        height);
/* Draws page @index (after paginate) with 1 unit = 1 point. */
void          enlace_plain_doc_draw_page      (EnlacePlainDoc               *self,
                                            const EnlaceDocumentHeader *header,
                                            cairo_t                    *cr,
                                            guint                       index);
/* Writes the report to a PDF at @path (A4). */
gboolean      enlace_plain_doc_write_pdf      (EnlacePlainDoc               *self,
                                            const EnlaceDocumentHeader *header,
                                            const char                 *path,
                                            GError                    **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlacePlainDoc, enlace_plain_doc_free)

G_END_DECLS
