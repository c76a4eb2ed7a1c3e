/* enlace-render-plaindoc.c: a plain document on paper (EnlacePlainDoc) */
#define G_LOG_DOMAIN "enlace-render-plaindoc"
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "enlace-render-plaindoc.h"
#include "enlace-render-util.h"

#define MM (72.0 / 25.4)
#define MARGIN_X (20 * MM)
#define MARGIN_TOP (15 * MM)
#define MARGIN_BOTTOM (15 * MM)
#define FOOTER_H (8 * MM)
#define INDENT (6 * MM)
#define A4_W (210 * MM)
#define A4_H (297 * MM)

typedef enum
{
  BLOCK_TITLE,
  BLOCK_PARAGRAPH,
  BLOCK_HEADING,
  BLOCK_ITEM,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *text;
  char      *detail;
  double     height;
  guint      page;
  double     y;
} Block;

struct _EnlacePlainDoc
{
  char    *title;
  GArray  *blocks;   /* of Block */
  double   page_w, page_h;
  guint    n_pages;
};

static void enlace_plain_doc_add (EnlacePlainDoc *self, int kind, const char *text, const char *detail);

static void
block_clear (gpointer data)
{
  Block *b = data;

  g_free (b->text);
  g_free (b->detail);
}

EnlacePlainDoc *
enlace_plain_doc_new (const char *title)
{
  EnlacePlainDoc *self = g_new0 (EnlacePlainDoc, 1);

  self->title = g_strdup (title ? title : "");
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->page_w = A4_W;
  self->page_h = A4_H;
  enlace_plain_doc_add (self, BLOCK_TITLE, self->title, NULL);
  return self;
}

void
enlace_plain_doc_free (EnlacePlainDoc *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_array_unref (self->blocks);
  g_free (self);
}

const char *
enlace_plain_doc_get_title (EnlacePlainDoc *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

static void
enlace_plain_doc_add (EnlacePlainDoc *self,
                   int           kind,
                   const char   *text,
                   const char   *detail)
{
  Block b = { kind, g_strdup (text ? text : ""), g_strdup (detail), 0, 0, 0 };

  g_array_append_val (self->blocks, b);
  self->n_pages = 0;
}

void
enlace_plain_doc_add_paragraph (EnlacePlainDoc *self,
                             const char   *text)
{
  g_return_if_fail (self != NULL);
  enlace_plain_doc_add (self, BLOCK_PARAGRAPH, text, NULL);
}

void
enlace_plain_doc_add_heading (EnlacePlainDoc *self,
                           const char   *text)
{
  g_return_if_fail (self != NULL);
  enlace_plain_doc_add (self, BLOCK_HEADING, text, NULL);
}

void
enlace_plain_doc_add_item (EnlacePlainDoc *self,
                        const char   *title,
                        const char   *detail)
{
  g_return_if_fail (self != NULL);
  enlace_plain_doc_add (self, BLOCK_ITEM, title, detail);
}

char *
enlace_plain_doc_dup_text (EnlacePlainDoc *self)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *b = &g_array_index (self->blocks, Block, i);

      g_string_append_printf (s, "%s\n", b->text);
      if (b->detail)
        g_string_append_printf (s, "%s\n", b->detail);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Draws (or with @draw FALSE only measures) @text at (x, y) in a column
 * @w wide; returns its height. */
static double
text (cairo_t    *cr,
      const char *str,
      double      size,
      gboolean    bold,
      double      x,
      double      y,
      double      w,
      gboolean    draw)
{
  g_autoptr(PangoLayout) layout = enlace_render_layout (cr, size, bold);
  int lw, lh;

  pango_layout_set_width (layout, (int) (w * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, str, -1);
  if (draw)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  pango_layout_get_size (layout, &lw, &lh);
  return (double) lh / PANGO_SCALE;
}

/* Paints (or measures) block @b with its top at @y; returns its height. */
static double
block_paint (EnlacePlainDoc *self,
             cairo_t      *cr,
             const Block  *b,
             double        y,
             gboolean      draw)
{
  double x = MARGIN_X, w = self->page_w - 2 * MARGIN_X, h = 0;

  switch (b->kind)
    {
    case BLOCK_TITLE:
      cairo_set_source_rgb (cr, 0, 0, 0);
      h = text (cr, b->text, 15, TRUE, x, y, w, draw) + 8;
      break;
    case BLOCK_PARAGRAPH:
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      h = text (cr, b->text, 10.5, FALSE, x, y, w, draw) + 6;
      break;
    case BLOCK_HEADING:
      cairo_set_source_rgb (cr, 0.1, 0.25, 0.45);
      h = 6 + text (cr, b->text, 12, TRUE, x, y + 6, w, draw) + 4;
      break;
    case BLOCK_ITEM:
      cairo_set_source_rgb (cr, 0, 0, 0);
      h = text (cr, b->text, 10, TRUE, x + INDENT, y, w - INDENT, draw);
      if (b->detail)
        {
          cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
          h += text (cr, b->detail, 9.5, FALSE, x + INDENT, y + h, w - INDENT, draw);
        }
      h += 4;
      break;
    default:
      break;
    }
  return h;
}

guint
enlace_plain_doc_paginate (EnlacePlainDoc *self,
                        double        width,
                        double        height)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double top, bottom, y;
  guint page = 0;

  g_return_val_if_fail (self != NULL, 0);

  self->page_w = width > 0 ? width : A4_W;
  self->page_h = height > 0 ? height : A4_H;
  top = MARGIN_TOP + enlace_document_header_get_height ();
  bottom = self->page_h - MARGIN_BOTTOM - FOOTER_H;

  /* measured on a PDF surface, as it is drawn */
  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, self->page_w, self->page_h);
  cr = cairo_create (surface);
  for (guint i = 0; i < self->blocks->len; i++)
    g_array_index (self->blocks, Block, i).height =
      block_paint (self, cr, &g_array_index (self->blocks, Block, i), 0, FALSE);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  y = top;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = &g_array_index (self->blocks, Block, i);
      double need = b->height;

      /* a heading stays with the item under it */
      if (b->kind == BLOCK_HEADING && i + 1 < self->blocks->len)
        need += g_array_index (self->blocks, Block, i + 1).height;
      if (y + need > bottom && y > top)
        {
          page++;
          y = top;
        }
      b->page = page;
      b->y = y;
      y += b->height;
    }
  self->n_pages = page + 1;
  return self->n_pages;
}

void
enlace_plain_doc_draw_page (EnlacePlainDoc               *self,
                         const EnlaceDocumentHeader *header,
                         cairo_t                    *cr,
                         guint                       index)
{
  g_autofree char *foot = NULL;
  double fy;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (self->n_pages == 0)
    enlace_plain_doc_paginate (self, self->page_w, self->page_h);
  g_return_if_fail (index < self->n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->page_w, self->page_h);
  cairo_fill (cr);
  if (header)
    enlace_document_header_draw (header, cr, MARGIN_X, MARGIN_TOP, self->page_w - 2 * MARGIN_X);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *b = &g_array_index (self->blocks, Block, i);

      if (b->page == index)
        block_paint (self, cr, b, b->y, TRUE);
    }

  fy = self->page_h - MARGIN_BOTTOM - FOOTER_H + 3 * MM;
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, fy - 2 * MM);
  cairo_line_to (cr, self->page_w - MARGIN_X, fy - 2 * MM);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  text (cr, self->title, 8, FALSE, MARGIN_X, fy, (self->page_w - 2 * MARGIN_X) * 0.75, TRUE);
  foot = g_strdup_printf (_("Page %u of %u"), index + 1, self->n_pages);
  {
    g_autoptr(PangoLayout) layout = enlace_render_layout (cr, 8, FALSE);
    int lw, lh;

    pango_layout_set_text (layout, foot, -1);
    pango_layout_get_size (layout, &lw, &lh);
    cairo_move_to (cr, self->page_w - MARGIN_X - (double) lw / PANGO_SCALE, fy);
    pango_cairo_show_layout (cr, layout);
  }
  cairo_restore (cr);
}

gboolean
enlace_plain_doc_write_pdf (EnlacePlainDoc               *self,
                         const EnlaceDocumentHeader *header,
                         const char                 *path,
                         GError                    **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n = enlace_plain_doc_paginate (self, A4_W, A4_H);
  surface = cairo_pdf_surface_create (path, self->page_w, self->page_h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Enlace");
  cr = cairo_create (surface);
  for (guint i = 0; i < n; i++)
    {
      enlace_plain_doc_draw_page (self, header, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
