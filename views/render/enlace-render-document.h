/* enlace-render-document.h: a case's document (form, memo, notice,
 * answer) on paper — cairo and pango only, so the same pages go to a PDF
 * written by enlace-cli, to GtkPrintOperation and to the screen.
 *
 * Each page has a header (logo, institution, department, folio, date) and
 * a foot (the document's footer, "page N of M"); the first page carries
 * the title, addressee, sender and subject; paragraphs, the table of
 * filled fields and the signature lines flow over as many pages as they
 * need (a paragraph, a row or the signatures are never split).
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "enlace-case-document.h"
#include "enlace-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *paper;   /* "A4" or "Letter" (any name enlace_plan_paper_size knows) */
  GBytes     *logo;    /* nullable: a PNG, JPEG or SVG image */
} EnlaceDocumentPageOptions;

typedef struct _EnlaceDocumentPages EnlaceDocumentPages;

/* Lays @doc out on pages (it must outlive the pages).  Fails on an
 * unknown paper or a logo that cannot be read. */
EnlaceDocumentPages *enlace_document_pages_new      (const EnlaceCaseDocument        *doc,
                                                     const EnlaceDocumentPageOptions *options,
                                                     GError                         **error);
void                 enlace_document_pages_free     (EnlaceDocumentPages *self);
guint                enlace_document_pages_get_n_pages (EnlaceDocumentPages *self);
/* Paper size in points, portrait. */
void                 enlace_document_pages_get_size (EnlaceDocumentPages *self,
                                                     double              *width,
                                                     double              *height);
/* Draws page @index (0-based) with 1 user unit = 1 point, origin at the
 * page's top-left corner. */
void                 enlace_document_pages_draw     (EnlaceDocumentPages *self,
                                                     cairo_t             *cr,
                                                     guint                index);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceDocumentPages, enlace_document_pages_free)

/* Writes @doc to a PDF file at @path.  Returns the number of pages, 0
 * with @error set. */
guint                enlace_render_document_pdf     (const EnlaceCaseDocument        *doc,
                                                     const EnlaceDocumentPageOptions *options,
                                                     const char                      *path,
                                                     GError                         **error);

/* @logo (PNG, JPEG or SVG) drawn to fit a @width × @height ARGB32 image,
 * centred, transparent around it (a thumbnail); NULL with @error when it
 * cannot be read. */
cairo_surface_t     *enlace_render_logo             (GBytes                          *logo,
                                                     int                              width,
                                                     int                              height,
                                                     GError                         **error);

/* The header of these documents on other printed pages (the trace, what
 * breaks): the project's logo, institution and department (and @title
 * under it) on the left; the project (its file's name), the date and time
 * of printing and the person working (enlace_store_get_author ()) on the
 * right. */
typedef struct _EnlaceDocumentHeader EnlaceDocumentHeader;

EnlaceDocumentHeader *enlace_document_header_new   (EnlaceStore                *store,
                                                    const char                 *title);
void                  enlace_document_header_free  (EnlaceDocumentHeader       *self);
/* The height it takes, rule and gap below included (points). */
double                enlace_document_header_get_height (void);
/* Draws it at (x, y), @width wide; returns its height. */
double                enlace_document_header_draw  (const EnlaceDocumentHeader *self,
                                                    cairo_t                    *cr,
                                                    double                      x,
                                                    double                      y,
                                                    double                      width);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceDocumentHeader, enlace_document_header_free)
/* A logo ready to draw (PNG, JPEG or SVG), for the headers of other
 * documents (the reports: enlace-render-report.c). */
typedef struct _EnlaceRenderLogo EnlaceRenderLogo;
EnlaceRenderLogo    *enlace_render_logo_new         (GBytes                          *logo,
                                                     GError                         **error);
/* Draws the logo fitted into the box, left-aligned, centred vertically. */
void                 enlace_render_logo_draw        (EnlaceRenderLogo                *self,
                                                     cairo_t                         *cr,
                                                     double                           x,
                                                     double                           y,
                                                     double                           width,
                                                     double                           height);
void                 enlace_render_logo_free        (EnlaceRenderLogo                *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceRenderLogo, enlace_render_logo_free)

G_END_DECLS
