/* enlace-render-labels.h: labels on paper — cairo, pango and libqrencode
 * only, so the same pages go to a PDF written by enlace-cli, to
 * GtkPrintOperation and to the labels dialog's preview.
 *
 * What a label says comes from model/labels (enlace-labels.h), where it
 * goes from enlace-label-layout.h: here each label is drawn into its
 * rectangle, the sheets are put together page by page (a sheet holds
 * rows × columns labels; on tape each label is a page as long as it
 * needs or as the layout says).
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "enlace-label-layout.h"
#include "enlace-labels.h"

G_BEGIN_DECLS

#define ENLACE_MM_TO_PT (72.0 / 25.4)

typedef struct
{
  EnlaceCableLabelStyle cable_style;
  gboolean              qr;         /* QR codes where a label has one */
  gboolean              outlines;   /* draw each label's outline (plain paper, preview) */
} EnlaceLabelStyle;

void                 enlace_label_style_init        (EnlaceLabelStyle        *style);

typedef struct _EnlaceLabelPages EnlaceLabelPages;

/* Lays @labels (EnlaceLabel; kept with a reference) out on @layout,
 * the first starting at cell @first_cell of the first sheet. */
EnlaceLabelPages    *enlace_label_pages_new         (GPtrArray               *labels,
                                                     const EnlaceLabelLayout *layout,
                                                     guint                    first_cell,
                                                     const EnlaceLabelStyle  *style);
void                 enlace_label_pages_free        (EnlaceLabelPages        *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceLabelPages, enlace_label_pages_free)
guint                enlace_label_pages_get_n_pages (EnlaceLabelPages        *self);
/* Size of page @page in points (on tape, pages differ). */
void                 enlace_label_pages_get_size    (EnlaceLabelPages        *self,
                                                     guint                    page,
                                                     double                  *width,
                                                     double                  *height);
/* Where label @index is: its page and rectangle in points from the
 * page's top-left corner. */
void                 enlace_label_pages_get_label_rect (EnlaceLabelPages     *self,
                                                     guint                    index,
                                                     guint                   *page,
                                                     EnlaceLabelRect         *rect);
/* Draws page @page, 1 user unit = 1 point, origin top-left. */
void                 enlace_label_pages_draw        (EnlaceLabelPages        *self,
                                                     cairo_t                 *cr,
                                                     guint                    page);

/* Draws @label into (0, 0, @width, @height), points. */
void                 enlace_render_label            (cairo_t                 *cr,
                                                     const EnlaceLabel       *label,
                                                     const EnlaceLabelStyle  *style,
                                                     double                   width,
                                                     double                   height);
/* The length in mm a label needs on tape @tape_width mm wide. */
double               enlace_render_label_length     (const EnlaceLabel       *label,
                                                     const EnlaceLabelStyle  *style,
                                                     double                   tape_width);

/* Writes the labels to a PDF at @path; the number of pages, 0 with
 * @error set (nothing to print, or the file cannot be written). */
guint                enlace_render_labels_pdf       (GPtrArray               *labels,
                                                     const EnlaceLabelLayout *layout,
                                                     guint                    first_cell,
                                                     const EnlaceLabelStyle  *style,
                                                     const char              *path,
                                                     GError                 **error);

/* The QR code of @text (byte mode, error correction M): @width × @width
 * modules, 1 for dark, row by row; its version (1–40).  NULL when the
 * text is too long for a QR code. */
guint8              *enlace_render_qr_matrix        (const char              *text,
                                                     int                     *width,
                                                     int                     *version);
/* Draws the QR code of @text in the square (x, y, size), with a quiet
 * zone of two modules inside it.  FALSE when it cannot be encoded. */
gboolean             enlace_render_qr               (cairo_t                 *cr,
                                                     const char              *text,
                                                     double                   x,
                                                     double                   y,
                                                     double                   size);

G_END_DECLS
