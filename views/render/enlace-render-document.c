/* enlace-render-document.c: a case's document on paper */
#define G_LOG_DOMAIN "enlace-render-document"
#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <string.h>

#include "enlace-plan-sheet.h"
#include "enlace-render-document.h"
#include "enlace-render-util.h"

#define MM (72.0 / 25.4)
#define MARGIN_X (20 * MM)
#define MARGIN_TOP (15 * MM)
#define MARGIN_BOTTOM (15 * MM)
#define HEADER_H (24 * MM)
#define FOOTER_H (8 * MM)
#define LOGO_W (30 * MM)
#define LOGO_H (20 * MM)
#define PAD 4.0
#define GAP 8.0

#define SIZE_BODY 10.5
#define SIZE_SMALL 8.0
#define SIZE_TABLE 9.5

typedef enum
{
  BLOCK_TITLE,
  BLOCK_META,       /* "To:" line */
  BLOCK_PARAGRAPH,
  BLOCK_HEADING,
  BLOCK_ROW,
  BLOCK_TABLE_TITLE,   /* index: the table */
  BLOCK_TABLE_ROW,     /* index: the table, sub: its row (0: the heading) */
  BLOCK_CLOSING_HEADING,
  BLOCK_CLOSING,       /* index: the closing paragraph */
  BLOCK_SIGNATURES,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  guint      index;        /* paragraph, row, meta line, table */
  guint      sub;          /* a table's row */
  double     height;
  gboolean   keep_with_next;
  guint      page;
  double     y;
} Block;

typedef struct
{
  const char *label;
  const char *value;
} MetaLine;

struct _EnlaceDocumentPages
{
  const EnlaceCaseDocument *doc;
  double                    page_w, page_h;
  GArray                   *blocks;    /* of Block */
  MetaLine                  meta[3];
  guint                     n_meta;
  guint                     n_pages;
  /* the logo: an image or an SVG */
  cairo_surface_t          *logo_image;
  RsvgHandle               *logo_svg;
  double                    logo_w, logo_h;
};

/* ------------------------------------------------------------------ */
/* The logo                                                            */

typedef struct
{
  const guchar *data;
  gsize         len, pos;
} PngReader;

static cairo_status_t
png_read (void          *closure,
          unsigned char *out,
          unsigned int   n)
{
  PngReader *r = closure;

  if (r->pos + n > r->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, r->data + r->pos, n);
  r->pos += n;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf);
  int h = gdk_pixbuf_get_height (pixbuf);
  int n = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  int dst_stride = cairo_image_surface_get_stride (surface);
  guchar *dst;

  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *p = src + y * src_stride + x * n;
        guint32 a = n == 4 ? p[3] : 255;
        guint32 r = p[0] * a / 255, g = p[1] * a / 255, b = p[2] * a / 255;

        *(guint32 *) (dst + y * dst_stride + x * 4) = (a << 24) | (r << 16) | (g << 8) | b;
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static gboolean
load_logo (EnlaceDocumentPages  *self,
           GBytes               *data,
           GError              **error)
{
  gsize len;
  const guchar *p = g_bytes_get_data (data, &len);

  if (len >= 8 && memcmp (p, "\x89PNG\r\n\x1a\n", 8) == 0)
    {
      PngReader r = { p, len, 0 };

      self->logo_image = cairo_image_surface_create_from_png_stream (png_read, &r);
      if (cairo_surface_status (self->logo_image) != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The logo cannot be read: %s"),
                       cairo_status_to_string (cairo_surface_status (self->logo_image)));
          return FALSE;
        }
      self->logo_w = cairo_image_surface_get_width (self->logo_image);
      self->logo_h = cairo_image_surface_get_height (self->logo_image);
    }
  else if (len >= 3 && memcmp (p, "\xff\xd8\xff", 3) == 0)
    {
      g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (data);
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream (in, NULL, error);
      g_autoptr(GdkPixbuf) oriented = NULL;

      if (pixbuf == NULL)
        return FALSE;
      oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
      self->logo_image = surface_from_pixbuf (oriented);
      self->logo_w = gdk_pixbuf_get_width (oriented);
      self->logo_h = gdk_pixbuf_get_height (oriented);
    }
  else if (len > 0 && (g_strstr_len ((const char *) p, MIN (len, 1024), "<svg") != NULL
                       || g_strstr_len ((const char *) p, MIN (len, 256), "<?xml") != NULL))
    {
      gdouble w = 0, h = 0;

      self->logo_svg = rsvg_handle_new_from_data (p, len, error);
      if (self->logo_svg == NULL)
        return FALSE;
      if (!rsvg_handle_get_intrinsic_size_in_pixels (self->logo_svg, &w, &h))
        {
          RsvgRectangle ink, logical;

          if (rsvg_handle_get_geometry_for_element (self->logo_svg, NULL, &ink, &logical, NULL))
            {
              w = logical.width;
              h = logical.height;
            }
        }
      if (!(w > 0 && h > 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s", _("The SVG logo has no size"));
          return FALSE;
        }
      self->logo_w = w;
      self->logo_h = h;
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                   _("The logo must be a PNG, JPEG or SVG image"));
      return FALSE;
    }
  return TRUE;
}

static void
draw_logo (EnlaceDocumentPages *self,
           cairo_t             *cr,
           double               x,
           double               y,
           double               w,
           double               h)
{
  double k;

  if (self->logo_w <= 0 || self->logo_h <= 0)
    return;
  k = MIN (w / self->logo_w, h / self->logo_h);
  cairo_save (cr);
  cairo_translate (cr, x, y + (h - self->logo_h * k) / 2);
  if (self->logo_svg != NULL)
    {
      RsvgRectangle r = { 0, 0, self->logo_w * k, self->logo_h * k };

      rsvg_handle_render_document (self->logo_svg, cr, &r, NULL);
    }
  else if (self->logo_image != NULL)
    {
      cairo_scale (cr, k, k);
      cairo_set_source_surface (cr, self->logo_image, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
    }
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

static PangoLayout *
text_layout (cairo_t        *cr,
             const char     *text,
             double          size,
             gboolean        bold,
             double          width,
             PangoAlignment  align)
{
  PangoLayout *layout = enlace_render_layout (cr, size, bold);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* Draws @text in a column at (x, y); returns its height. */
static double
draw_text (cairo_t        *cr,
           const char     *text,
           double          size,
           gboolean        bold,
           double          x,
           double          y,
           double          width,
           PangoAlignment  align)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size, bold, width, align);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return layout_height (layout);
}

static double
text_height (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size, bold, width, PANGO_ALIGN_LEFT);

  return layout_height (layout);
}

/* ------------------------------------------------------------------ */
/* Blocks                                                              */

static double
content_width (EnlaceDocumentPages *self)
{
  return self->page_w - 2 * MARGIN_X;
}

static double
label_width (EnlaceDocumentPages *self)
{
  return content_width (self) * 0.36;
}

static double
signature_width (EnlaceDocumentPages *self)
{
  guint n = MAX (1, MIN (self->doc->signatures->len, 3));

  return (content_width (self) - (n - 1) * 12 * MM) / n;
}

/* Draws block @b at its y, or measures it (@draw FALSE).  Returns its height. */
static double
block_paint (EnlaceDocumentPages *self,
             cairo_t             *cr,
             const Block         *b,
             gboolean             draw)
{
  const EnlaceCaseDocument *doc = self->doc;
  double W = content_width (self);
  double x = MARGIN_X, y = b->y;

  switch (b->kind)
    {
    case BLOCK_TITLE:
      {
        double h;

        if (!draw)
          {
            h = text_height (cr, doc->title, 16, TRUE, W);
            if (doc->subtitle)
              h += 2 + text_height (cr, doc->subtitle, 11, FALSE, W);
            return h + 10;
          }
        cairo_set_source_rgb (cr, 0, 0, 0);
        h = draw_text (cr, doc->title, 16, TRUE, x, y, W, PANGO_ALIGN_CENTER);
        if (doc->subtitle)
          {
            cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
            h += 2 + draw_text (cr, doc->subtitle, 11, FALSE, x, y + h + 2, W, PANGO_ALIGN_CENTER);
          }
        return h + 10;
      }

    case BLOCK_META:
      {
        const MetaLine *m = &self->meta[b->index];
        double lw = 24 * MM;
        double h = text_height (cr, m->value, SIZE_BODY, FALSE, W - lw);

        if (draw)
          {
            cairo_set_source_rgb (cr, 0, 0, 0);
            draw_text (cr, m->label, SIZE_BODY, TRUE, x, y, lw, PANGO_ALIGN_LEFT);
            draw_text (cr, m->value, SIZE_BODY, FALSE, x + lw, y, W - lw, PANGO_ALIGN_LEFT);
          }
        return h + (b->index + 1 == self->n_meta ? 12 : 3);
      }

    case BLOCK_PARAGRAPH:
      {
        const char *text = g_ptr_array_index (doc->paragraphs, b->index);
        g_autoptr(PangoLayout) layout = text_layout (cr, text, SIZE_BODY, FALSE, W, PANGO_ALIGN_LEFT);

        pango_layout_set_justify (layout, TRUE);
        if (draw)
          {
            cairo_set_source_rgb (cr, 0, 0, 0);
            cairo_move_to (cr, x, y);
            pango_cairo_show_layout (cr, layout);
          }
        return layout_height (layout) + GAP;
      }

    case BLOCK_HEADING:
    case BLOCK_TABLE_TITLE:
    case BLOCK_CLOSING_HEADING:
      {
        const char *text = b->kind == BLOCK_HEADING
          ? (doc->rows_heading ? doc->rows_heading : _("Details"))
          : b->kind == BLOCK_CLOSING_HEADING ? doc->closing_heading
          : ((EnlaceDocumentTable *) g_ptr_array_index (doc->tables, b->index))->title;
        double h = text_height (cr, text ? text : "", 11, TRUE, W);

        if (draw)
          {
            cairo_set_source_rgb (cr, 0, 0, 0);
            draw_text (cr, text ? text : "", 11, TRUE, x, y + 4, W, PANGO_ALIGN_LEFT);
          }
        return h + 8;
      }

    case BLOCK_TABLE_ROW:
      {
        const EnlaceDocumentTable *t = g_ptr_array_index (doc->tables, b->index);
        char **cells = g_ptr_array_index (t->rows, b->sub);
        guint n = MAX (1, g_strv_length (g_ptr_array_index (t->rows, 0)));
        double first_w = n > 1 ? W * 0.2 : W;
        double cw = n > 1 ? (W - first_w) / (n - 1) : W;
        double h = 0;

        for (guint i = 0; cells[i] && i < n; i++)
          h = MAX (h, text_height (cr, cells[i], SIZE_TABLE - 1, b->sub == 0 || i == 0,
                                   (i == 0 ? first_w : cw) - 2 * PAD));
        h += 2 * PAD;
        if (draw)
          {
            double cx = x;

            cairo_set_source_rgb (cr, 0.93, 0.94, 0.96);
            if (b->sub == 0)
              cairo_rectangle (cr, x, y, W, h);
            else
              cairo_rectangle (cr, x, y, first_w, h);
            cairo_fill (cr);
            cairo_set_source_rgb (cr, 0.55, 0.57, 0.6);
            cairo_set_line_width (cr, 0.5);
            cairo_rectangle (cr, x, y, W, h);
            for (guint i = 1; i < n; i++)
              {
                double lx = x + first_w + (i - 1) * cw;

                cairo_move_to (cr, lx, y);
                cairo_line_to (cr, lx, y + h);
              }
            cairo_stroke (cr);
            cairo_set_source_rgb (cr, 0, 0, 0);
            for (guint i = 0; cells[i] && i < n; i++)
              {
                double w = i == 0 ? first_w : cw;

                draw_text (cr, cells[i], SIZE_TABLE - 1, b->sub == 0 || i == 0,
                           cx + PAD, y + PAD, w - 2 * PAD, PANGO_ALIGN_LEFT);
                cx += w;
              }
          }
        return h + (b->sub + 1 == t->rows->len ? GAP : 0);
      }

    case BLOCK_CLOSING:
      {
        const char *text = g_ptr_array_index (doc->closing, b->index);
        g_autoptr(PangoLayout) layout = text_layout (cr, text, SIZE_BODY, FALSE, W, PANGO_ALIGN_LEFT);

        pango_layout_set_justify (layout, TRUE);
        if (draw)
          {
            cairo_set_source_rgb (cr, 0, 0, 0);
            cairo_move_to (cr, x, y);
            pango_cairo_show_layout (cr, layout);
          }
        return layout_height (layout) + GAP;
      }

    case BLOCK_ROW:
      {
        const EnlaceDocumentRow *r = g_ptr_array_index (doc->rows, b->index);
        double lw = label_width (self);
        double h = MAX (text_height (cr, r->label, SIZE_TABLE, TRUE, lw - 2 * PAD),
                        text_height (cr, r->value, SIZE_TABLE, FALSE, W - lw - 2 * PAD)) + 2 * PAD;

        if (draw)
          {
            cairo_set_source_rgb (cr, 0.93, 0.94, 0.96);
            cairo_rectangle (cr, x, y, lw, h);
            cairo_fill (cr);
            cairo_set_source_rgb (cr, 0.55, 0.57, 0.6);
            cairo_set_line_width (cr, 0.5);
            cairo_rectangle (cr, x, y, W, h);
            cairo_move_to (cr, x + lw, y);
            cairo_line_to (cr, x + lw, y + h);
            cairo_stroke (cr);
            cairo_set_source_rgb (cr, 0, 0, 0);
            draw_text (cr, r->label, SIZE_TABLE, TRUE, x + PAD, y + PAD, lw - 2 * PAD, PANGO_ALIGN_LEFT);
            draw_text (cr, r->value, SIZE_TABLE, FALSE, x + lw + PAD, y + PAD, W - lw - 2 * PAD, PANGO_ALIGN_LEFT);
          }
        /* the last row leaves air before the signatures */
        return h + (b->index + 1 == doc->rows->len ? GAP : 0);
      }

    case BLOCK_SIGNATURES:
      {
        double sw = signature_width (self);
        double room = 20 * MM;   /* space to sign */
        double total = 0, row_h = 0, sy = y + 6 * MM;
        guint per_row = MIN (MAX (doc->signatures->len, 1), 3);

        for (guint i = 0; i < doc->signatures->len; i++)
          {
            const EnlaceDocumentSignature *s = g_ptr_array_index (doc->signatures, i);
            guint col = i % per_row;
            double sx = x + col * (sw + 12 * MM);
            double h;

            if (col == 0 && i > 0)
              {
                sy += row_h;
                total += row_h;
                row_h = 0;
              }
            h = room + 4 + text_height (cr, *s->name ? s->name : " ", SIZE_BODY, TRUE, sw)
                + text_height (cr, s->role, SIZE_SMALL + 1, FALSE, sw) + 6 * MM;
            row_h = MAX (row_h, h);
            if (draw)
              {
                double ty = sy + room + 4;

                cairo_set_source_rgb (cr, 0, 0, 0);
                cairo_set_line_width (cr, 0.75);
                cairo_move_to (cr, sx + 6, sy + room);
                cairo_line_to (cr, sx + sw - 6, sy + room);
                cairo_stroke (cr);
                ty += draw_text (cr, *s->name ? s->name : " ", SIZE_BODY, TRUE, sx, ty, sw, PANGO_ALIGN_CENTER);
                cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
                draw_text (cr, s->role, SIZE_SMALL + 1, FALSE, sx, ty, sw, PANGO_ALIGN_CENTER);
              }
          }
        return total + row_h + 6 * MM;
      }
    }
  return 0;
}

static void
add_block (EnlaceDocumentPages *self,
           BlockKind            kind,
           guint                index,
           gboolean             keep_with_next)
{
  Block b = { kind, index, 0, 0, keep_with_next, 0, 0 };

  g_array_append_val (self->blocks, b);
}

static double
body_top (void)
{
  return MARGIN_TOP + HEADER_H + 6 * MM;
}

static double
body_bottom (EnlaceDocumentPages *self)
{
  return self->page_h - MARGIN_BOTTOM - FOOTER_H;
}

static void
paginate (EnlaceDocumentPages *self)
{
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  cairo_font_options_t *fo = cairo_font_options_create ();
  double y = body_top (), bottom = body_bottom (self);
  guint page = 0;

  /* measure as a PDF lays text out: no hinting of metrics */
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options (cr, fo);
  cairo_font_options_destroy (fo);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = &g_array_index (self->blocks, Block, i);

      b->height = block_paint (self, cr, b, FALSE) + 1;  /* 1 pt of slack per block */
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = &g_array_index (self->blocks, Block, i);
      double need = b->height;

      /* a heading stays with what follows it */
      for (guint j = i; j + 1 < self->blocks->len && g_array_index (self->blocks, Block, j).keep_with_next; j++)
        need += g_array_index (self->blocks, Block, j + 1).height;
      /* a chain longer than a page (a long table) breaks where it must */
      if (need > bottom - body_top ())
        need = b->height;
      if (y + need > bottom && y > body_top ())
        {
          page++;
          y = body_top ();
          /* a table that goes on repeats its heading row */
          if (b->kind == BLOCK_TABLE_ROW && b->sub > 0)
            {
              Block h = *b;

              for (guint j = 0; j < i; j++)
                {
                  const Block *o = &g_array_index (self->blocks, Block, j);

                  if (o->kind == BLOCK_TABLE_ROW && o->index == b->index && o->sub == 0)
                    {
                      h = *o;
                      break;
                    }
                }
              h.page = page;
              h.y = y;
              h.keep_with_next = FALSE;
              y += h.height;
              g_array_insert_val (self->blocks, i, h);
              i++;
              b = &g_array_index (self->blocks, Block, i);
            }
        }
      b->page = page;
      b->y = y;
      y += b->height;
    }
  self->n_pages = page + 1;
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
}

EnlaceDocumentPages *
enlace_document_pages_new (const EnlaceCaseDocument        *doc,
                           const EnlaceDocumentPageOptions *options,
                           GError                         **error)
{
  g_autoptr(EnlaceDocumentPages) self = NULL;
  const char *paper = options && options->paper ? options->paper : "A4";

  g_return_val_if_fail (doc != NULL, NULL);

  self = g_new0 (EnlaceDocumentPages, 1);
  self->doc = doc;
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  if (!enlace_plan_paper_size (paper, &self->page_w, &self->page_h))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Unknown paper “%s” (A4 or Letter)"), paper);
      return NULL;
    }
  if (options && options->logo && !load_logo (self, options->logo, error))
    return NULL;

  if (doc->to)
    self->meta[self->n_meta++] = (MetaLine) { _("To:"), doc->to };
  if (doc->from)
    self->meta[self->n_meta++] = (MetaLine) { _("From:"), doc->from };
  if (doc->subject)
    self->meta[self->n_meta++] = (MetaLine) { _("Subject:"), doc->subject };

  add_block (self, BLOCK_TITLE, 0, TRUE);
  for (guint i = 0; i < self->n_meta; i++)
    add_block (self, BLOCK_META, i, FALSE);
  for (guint i = 0; i < doc->paragraphs->len; i++)
    add_block (self, BLOCK_PARAGRAPH, i, FALSE);
  if (doc->rows->len > 0)
    {
      add_block (self, BLOCK_HEADING, 0, TRUE);
      for (guint i = 0; i < doc->rows->len; i++)
        add_block (self, BLOCK_ROW, i, FALSE);
    }
  for (guint t = 0; doc->tables != NULL && t < doc->tables->len; t++)
    {
      const EnlaceDocumentTable *table = g_ptr_array_index (doc->tables, t);

      if (table->rows == NULL || table->rows->len == 0)
        continue;
      if (table->title)
        add_block (self, BLOCK_TABLE_TITLE, t, TRUE);
      for (guint r = 0; r < table->rows->len; r++)
        {
          add_block (self, BLOCK_TABLE_ROW, t, r == 0);
          g_array_index (self->blocks, Block, self->blocks->len - 1).sub = r;
        }
    }
  if (doc->closing != NULL && doc->closing->len > 0)
    {
      if (doc->closing_heading)
        add_block (self, BLOCK_CLOSING_HEADING, 0, TRUE);
      /* the resolution stays with the signatures under it */
      for (guint i = 0; i < doc->closing->len; i++)
        add_block (self, BLOCK_CLOSING, i, doc->signatures->len > 0);
    }
  if (doc->signatures->len > 0)
    add_block (self, BLOCK_SIGNATURES, 0, FALSE);

  paginate (self);
  return g_steal_pointer (&self);
}

void
enlace_document_pages_free (EnlaceDocumentPages *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->logo_image, cairo_surface_destroy);
  g_clear_object (&self->logo_svg);
  g_free (self);
}

guint
enlace_document_pages_get_n_pages (EnlaceDocumentPages *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

void
enlace_document_pages_get_size (EnlaceDocumentPages *self,
                                double              *width,
                                double              *height)
{
  g_return_if_fail (self != NULL);
  if (width)
    *width = self->page_w;
  if (height)
    *height = self->page_h;
}

/* The header band at (x, y), @W wide: the logo of @self (if loaded),
 * institution and department on the left; @reference (bold), @date and
 * @author (nullable) on the right; a rule under it, HEADER_H below @y. */
static void
header_paint (EnlaceDocumentPages *self,
              cairo_t             *cr,
              double               x,
              double               y,
              double               W,
              const char          *institution,
              const char          *department,
              const char          *reference,
              const char          *date,
              const char          *author)
{
  double right_w = 55 * MM, text_x = x, text_w;
  double ty;

  if (self->logo_image || self->logo_svg)
    {
      draw_logo (self, cr, x, y, LOGO_W, LOGO_H);
      text_x = x + LOGO_W + 4 * MM;
    }
  text_w = x + W - right_w - text_x - 4 * MM;

  ty = y + 2;
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (institution)
    ty += draw_text (cr, institution, 13, TRUE, text_x, ty, text_w, PANGO_ALIGN_LEFT) + 2;
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  if (department)
    draw_text (cr, department, institution ? 10.5 : 13, institution == NULL,
               text_x, ty, text_w, PANGO_ALIGN_LEFT);

  cairo_set_source_rgb (cr, 0, 0, 0);
  ty = y + 2;
  if (reference)
    ty += draw_text (cr, reference, 10.5, TRUE, x + W - right_w, ty, right_w, PANGO_ALIGN_RIGHT) + 2;
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  if (date)
    ty += draw_text (cr, date, 9.5, FALSE, x + W - right_w, ty, right_w, PANGO_ALIGN_RIGHT) + 1;
  if (author)
    draw_text (cr, author, 9.5, FALSE, x + W - right_w, ty, right_w, PANGO_ALIGN_RIGHT);

  cairo_set_source_rgb (cr, 0.1, 0.25, 0.45);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, x, y + HEADER_H);
  cairo_line_to (cr, x + W, y + HEADER_H);
  cairo_stroke (cr);
}

static void
draw_header (EnlaceDocumentPages *self,
             cairo_t             *cr)
{
  const EnlaceCaseDocument *doc = self->doc;
  g_autofree char *folio = g_strdup_printf ("%s %s", _("Folio"), doc->folio);

  header_paint (self, cr, MARGIN_X, MARGIN_TOP, content_width (self),
                doc->institution, doc->department, folio, doc->date, NULL);
}

static void
draw_footer (EnlaceDocumentPages *self,
             cairo_t             *cr,
             guint                index)
{
  double x = MARGIN_X, W = content_width (self);
  double y = self->page_h - MARGIN_BOTTOM - FOOTER_H + 3 * MM;
  g_autofree char *page = g_strdup_printf (_("Page %u of %u"), index + 1, self->n_pages);

  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x, y - 2 * MM);
  cairo_line_to (cr, x + W, y - 2 * MM);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  if (self->doc->footer)
    draw_text (cr, self->doc->footer, SIZE_SMALL, FALSE, x, y, W * 0.75, PANGO_ALIGN_LEFT);
  draw_text (cr, page, SIZE_SMALL, FALSE, x + W * 0.75, y, W * 0.25, PANGO_ALIGN_RIGHT);
}

void
enlace_document_pages_draw (EnlaceDocumentPages *self,
                            cairo_t             *cr,
                            guint                index)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->page_w, self->page_h);
  cairo_fill (cr);
  draw_header (self, cr);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *b = &g_array_index (self->blocks, Block, i);

      if (b->page == index)
        block_paint (self, cr, b, TRUE);
    }
  draw_footer (self, cr, index);
  cairo_restore (cr);
}

guint
enlace_render_document_pdf (const EnlaceCaseDocument        *doc,
                            const EnlaceDocumentPageOptions *options,
                            const char                      *path,
                            GError                         **error)
{
  g_autoptr(EnlaceDocumentPages) pages = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (doc != NULL, 0);
  g_return_val_if_fail (path != NULL, 0);

  pages = enlace_document_pages_new (doc, options, error);
  if (pages == NULL)
    return 0;
  surface = cairo_pdf_surface_create (path, pages->page_w, pages->page_h);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   path, cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return 0;
    }
  title = g_strdup_printf ("%s %s", doc->title, doc->folio);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Enlace");
  if (doc->subject)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, doc->subject);
  cr = cairo_create (surface);
  for (guint i = 0; i < pages->n_pages; i++)
    {
      enlace_document_pages_draw (pages, cr, i);
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
      return 0;
    }
  return pages->n_pages;
}

cairo_surface_t *
enlace_render_logo (GBytes  *logo,
                    int      width,
                    int      height,
                    GError **error)
{
  g_autoptr(EnlaceDocumentPages) pages = g_new0 (EnlaceDocumentPages, 1);
  cairo_surface_t *surface;
  cairo_t *cr;
  double k;

  g_return_val_if_fail (logo != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  if (!load_logo (pages, logo, error))
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  k = MIN (width / pages->logo_w, height / pages->logo_h);
  draw_logo (pages, cr, (width - pages->logo_w * k) / 2, 0, pages->logo_w * k, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* ------------------------------------------------------------------ */
/* The same header on other documents                                  */

struct _EnlaceDocumentHeader
{
  char                *institution;
  char                *department;
  char                *reference;
  char                *date;
  char                *author;
  EnlaceDocumentPages *logo;    /* only its logo fields are used */
};

EnlaceDocumentHeader *
enlace_document_header_new (EnlaceStore *store,
                            const char  *title)
{
  EnlaceDocumentHeader *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GBytes) logo = NULL;
  g_autofree char *date = NULL;
  g_autofree char *project = NULL;
  const char *path;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  self = g_new0 (EnlaceDocumentHeader, 1);
  self->institution = enlace_store_get_meta (store, "institution");
  self->department = enlace_store_get_meta (store, "department");
  if (self->institution && self->institution[0] == '\0')
    g_clear_pointer (&self->institution, g_free);
  if (self->department && self->department[0] == '\0')
    g_clear_pointer (&self->department, g_free);
  if (self->department == NULL)
    self->department = g_strdup (title);
  else if (title)
    {
      char *both = g_strdup_printf ("%s\n%s", self->department, title);
      g_free (self->department);
      self->department = both;
    }

  path = enlace_store_get_path (store);
  if (path && *path && g_strcmp0 (path, ":memory:") != 0)
    {
      g_autofree char *base = g_path_get_basename (path);
      char *dot = strrchr (base, '.');

      if (dot && dot != base)
        *dot = '\0';
      project = g_strdup (base);
    }
  /* TRANSLATORS: the project (file) a printed document comes from, "Project: campus" */
  self->reference = g_strdup_printf (_("Project: %s"), project ? project : _("Unsaved project"));
  date = g_date_time_format (now, "%Y-%m-%d %H:%M");
  /* TRANSLATORS: when a document was printed, "Printed 2026-12-06 10:30" */
  self->date = g_strdup_printf (_("Printed %s"), date);
  if (enlace_store_get_author (store) && *enlace_store_get_author (store))
    /* TRANSLATORS: who printed a document, "By: Ana Gómez" */
    self->author = g_strdup_printf (_("By: %s"), enlace_store_get_author (store));

  self->logo = g_new0 (EnlaceDocumentPages, 1);
  if ((logo = enlace_store_get_logo (store, NULL)))
    {
      g_autoptr(GError) error = NULL;

      if (!load_logo (self->logo, logo, &error))
        g_debug ("The logo is not drawn: %s", error->message);
    }
  return self;
}

void
enlace_document_header_free (EnlaceDocumentHeader *self)
{
  if (self == NULL)
    return;
  g_free (self->institution);
  g_free (self->department);
  g_free (self->reference);
  g_free (self->date);
  g_free (self->author);
  enlace_document_pages_free (self->logo);
  g_free (self);
}

double
enlace_document_header_get_height (void)
{
  return HEADER_H + 4 * MM;
}

double
enlace_document_header_draw (const EnlaceDocumentHeader *self,
                             cairo_t                    *cr,
                             double                      x,
                             double                      y,
                             double                      width)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  cairo_save (cr);
  header_paint (self->logo, cr, x, y, width, self->institution, self->department,
                self->reference, self->date, self->author);
  cairo_restore (cr);
  return enlace_document_header_get_height ();
}

/* A logo alone: the logo fields of a document's pages. */
struct _EnlaceRenderLogo
{
  EnlaceDocumentPages pages;
};

EnlaceRenderLogo *
enlace_render_logo_new (GBytes  *logo,
                        GError **error)
{
  EnlaceRenderLogo *self;

  g_return_val_if_fail (logo != NULL, NULL);

  self = g_new0 (EnlaceRenderLogo, 1);
  if (!load_logo (&self->pages, logo, error))
    {
      enlace_render_logo_free (self);
      return NULL;
    }
  return self;
}

void
enlace_render_logo_draw (EnlaceRenderLogo *self,
                         cairo_t          *cr,
                         double            x,
                         double            y,
                         double            width,
                         double            height)
{
  g_return_if_fail (self != NULL);
  draw_logo (&self->pages, cr, x, y, width, height);
}

void
enlace_render_logo_free (EnlaceRenderLogo *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pages.logo_image, cairo_surface_destroy);
  g_clear_object (&self->pages.logo_svg);
  g_free (self);
}
