/* enlace-render-report.h: a plain report on paper — a title, paragraphs,
 * headings and items (a line in bold and its detail) flowing over A4 pages
 * under the project's header (enlace-render-document.h), with "page N of
 * M" at the foot.  Cairo and pango only: the same pages go to a PDF and to
 * GtkPrintOperation.  "What breaks" prints with it. */
#pragma once

#include <cairo.h>

#include "enlace-render-document.h"

G_BEGIN_DECLS

typedef struct _EnlaceReport EnlaceReport;

EnlaceReport *enlace_report_new            (const char   *title);
void          enlace_report_free           (EnlaceReport *self);
const char   *enlace_report_get_title      (EnlaceReport *self);
void          enlace_report_add_paragraph  (EnlaceReport *self,
                                            const char   *text);
void          enlace_report_add_heading    (EnlaceReport *self,
                                            const char   *text);
/* @detail nullable. */
void          enlace_report_add_item       (EnlaceReport *self,
                                            const char   *title,
                                            const char   *detail);
/* Every text of the report, one a line (for tests and the clipboard). */
char         *enlace_report_dup_text       (EnlaceReport *self);

/* Lays the report out on pages of @width × @height points (0 × 0: A4)
 * and returns their number. */
guint         enlace_report_paginate       (EnlaceReport *self,
                                            double        width,
                                            double        height);
/* Draws page @index (after paginate) with 1 unit = 1 point. */
void          enlace_report_draw_page      (EnlaceReport               *self,
                                            const EnlaceDocumentHeader *header,
                                            cairo_t                    *cr,
                                            guint                       index);
/* Writes the report to a PDF at @path (A4). */
gboolean      enlace_report_write_pdf      (EnlaceReport               *self,
                                            const EnlaceDocumentHeader *header,
                                            const char                 *path,
                                            GError                    **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceReport, enlace_report_free)

G_END_DECLS
