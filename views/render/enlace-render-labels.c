/* enlace-render-labels.c: labels on sheets and tape */
#define G_LOG_DOMAIN "enlace-render-labels"
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <string.h>

#include "enlace-render-labels.h"

#define MM ENLACE_MM_TO_PT
#define QUIET 2          /* modules of quiet zone around a QR code */
#define MIN_PT 3.0       /* the smallest type a label gets */

struct _EnlaceLabelPages
{
  GPtrArray         *labels;
  EnlaceLabelLayout  layout;
  EnlaceLabelStyle   style;
  guint              first_cell;
  guint              n_pages;
  double            *lengths;    /* tape: mm per label */
};

void
enlace_label_style_init (EnlaceLabelStyle *style)
{
  g_return_if_fail (style != NULL);

  style->cable_style = ENLACE_CABLE_LABEL_WRAP;
  style->qr = TRUE;
  style->outlines = FALSE;
}

/* --- QR codes ------------------------------------------------------- */

guint8 *
enlace_render_qr_matrix (const char *text,
                         int        *width,
                         int        *version)
{
  QRcode *code;
  guint8 *modules;

  g_return_val_if_fail (text != NULL, NULL);

  code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    return NULL;
  modules = g_malloc ((gsize) code->width * code->width);
  for (int i = 0; i < code->width * code->width; i++)
    modules[i] = code->data[i] & 1;
  if (width)
    *width = code->width;
  if (version)
    *version = code->version;
  QRcode_free (code);
  return modules;
}

gboolean
enlace_render_qr (cairo_t    *cr,
                  const char *text,
                  double      x,
                  double      y,
                  double      size)
{
  g_autofree guint8 *modules = NULL;
  int width = 0;
  double m;

  g_return_val_if_fail (cr != NULL, FALSE);

  if (text == NULL || text[0] == '\0' || size <= 0)
    return FALSE;
  modules = enlace_render_qr_matrix (text, &width, NULL);
  if (modules == NULL)
    return FALSE;
  m = size / (width + 2 * QUIET);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (int r = 0; r < width; r++)
    for (int c = 0; c < width; c++)
      if (modules[r * width + c])
        {
          /* runs of dark modules as one rectangle: smaller PDFs */
          int end = c;

          while (end + 1 < width && modules[r * width + end + 1])
            end++;
          cairo_rectangle (cr, x + (QUIET + c) * m, y + (QUIET + r) * m, (end - c + 1) * m, m);
          c = end;
        }
  cairo_fill (cr);
  cairo_restore (cr);
  return TRUE;
}

/* --- text ------------------------------------------------------------ */

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  cairo_font_options_t *options = cairo_font_options_create ();

  /* the same metrics on screen, paper and PDF */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
text_extent (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double     *w,
             double     *h)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, size, bold);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *w = (double) logical.width / PANGO_SCALE;
  *h = (double) logical.height / PANGO_SCALE;
}

/* The size @text can have (at most @max_size points) in w × h. */
static double
fit_size (cairo_t    *cr,
          const char *text,
          gboolean    bold,
          double      max_size,
          double      w,
          double      h)
{
  double tw, th, size = max_size;

  if (text == NULL || text[0] == '\0' || w <= 0 || h <= 0)
    return max_size;
  text_extent (cr, text, max_size, bold, &tw, &th);
  /* a little under the exact fit: sizes do not scale quite linearly */
  if (tw > w * 0.98)
    size = MIN (size, max_size * w * 0.98 / tw);
  if (th > h)
    size = MIN (size, max_size * h / th);
  return MAX (size, MIN_PT);
}

/* Draws @text at @size in the box, centred vertically; aligned left (0),
 * centre (0.5) or right (1); ellipsized if it still does not fit. */
static void
draw_text (cairo_t    *cr,
           const char *text,
           gboolean    bold,
           double      size,
           double      align,
           double      x,
           double      y,
           double      w,
           double      h)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double tw, th;

  if (text == NULL || text[0] == '\0' || w <= 0 || h <= 0)
    return;
  /* sizes do not scale quite linearly: shrink until it fits */
  for (guint i = 0; i < 4; i++)
    {
      text_extent (cr, text, size, bold, &tw, &th);
      if (tw <= w || size <= MIN_PT)
        break;
      size = MAX (size * w / tw * 0.97, MIN_PT);
    }
  layout = make_layout (cr, text, size, bold);
  pango_layout_set_width (layout, (int) (w * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_extents (layout, NULL, &logical);
  tw = (double) logical.width / PANGO_SCALE;
  th = (double) logical.height / PANGO_SCALE;
  cairo_move_to (cr, x + (w - tw) * align - logical.x / (double) PANGO_SCALE, y + (h - th) / 2);
  pango_cairo_show_layout (cr, layout);
}

/* Draws @text as large as fits (at most @max_size points) in the box. */
static void
fit_text (cairo_t    *cr,
          const char *text,
          gboolean    bold,
          double      max_size,
          double      align,
          double      x,
          double      y,
          double      w,
          double      h)
{
  draw_text (cr, text, bold, fit_size (cr, text, bold, max_size, w, h), align, x, y, w, h);
}

/* --- one label -------------------------------------------------------- */

/* QR square on the left and the text to its right. */
static void
draw_titled (cairo_t                *cr,
             const EnlaceLabel      *label,
             const EnlaceLabelStyle *style,
             double                  x,
             double                  y,
             double                  w,
             double                  h,
             guint                   repeats)
{
  double pad = MIN (h * 0.08, 2 * MM);
  double tx = x + pad, tw = w - 2 * pad;
  double band;

  if (style->qr && label->qr && h - 2 * pad > 6 * MM * 0.5)
    {
      double q = MIN (h - 2 * pad, w * 0.45);

      if (enlace_render_qr (cr, label->qr, x + pad, y + (h - q) / 2, q))
        {
          tx += q + pad;
          tw -= q + pad;
        }
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  repeats = MAX (repeats, 1);
  band = (h - 2 * pad) / repeats;
  for (guint i = 0; i < repeats; i++)
    {
      double by = y + pad + i * band;

      if (i == 0 && label->detail && label->detail[0])
        {
          fit_text (cr, label->text, TRUE, band * 0.55, 0, tx, by, tw, band * 0.6);
          fit_text (cr, label->detail, FALSE, band * 0.3, 0, tx, by + band * 0.6, tw, band * 0.4);
        }
      else
        fit_text (cr, label->text, TRUE, band * 0.6, 0, tx, by, tw, band);
    }
}

/* A strip of cells (panel ports, faceplate jacks) under a title line;
 * at most 24 cells a row (a 48-port panel has two rows of 24), all
 * names at one size and all details at another. */
#define CELLS_PER_ROW 24

static void
draw_cells (cairo_t           *cr,
            const EnlaceLabel *label,
            double             x,
            double             y,
            double             w,
            double             h)
{
  guint n = label->cells ? label->cells->len : 0;
  guint per_row = MIN (MAX (n, 1), CELLS_PER_ROW);
  guint rows = n > 0 ? (n + per_row - 1) / per_row : 0;
  double pad = MIN (h * 0.06, 1.5 * MM);
  double title_h = n > 0 ? (h - 2 * pad) * (rows > 1 ? 0.2 : 0.3) : h - 2 * pad;
  double ch = rows > 0 ? (h - 2 * pad - title_h) / rows : 0;
  double cw = (w - 2 * pad) / per_row;
  double name_size = ch * 0.45, detail_size = ch * 0.3;
  gboolean details = FALSE;
  g_autofree char *title = NULL;

  title = label->detail && label->detail[0]
    ? g_strdup_printf ("%s  ·  %s", label->text, label->detail) : g_strdup (label->text);
  cairo_set_source_rgb (cr, 0, 0, 0);
  fit_text (cr, title, TRUE, title_h * 0.75, 0, x + pad, y + pad, w - 2 * pad, title_h);
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      const EnlaceLabelCell *cell = g_ptr_array_index (label->cells, i);

      details |= cell->detail && cell->detail[0];
    }
  for (guint i = 0; i < n; i++)
    {
      const EnlaceLabelCell *cell = g_ptr_array_index (label->cells, i);

      name_size = MIN (name_size, fit_size (cr, cell->name, TRUE, name_size, cw - 1, ch * (details ? 0.5 : 1)));
      if (cell->detail && cell->detail[0])
        detail_size = MIN (detail_size, fit_size (cr, cell->detail, FALSE, detail_size, cw - 1, ch * 0.45));
    }

  cairo_set_line_width (cr, 0.4);
  for (guint i = 0; i < n; i++)
    {
      const EnlaceLabelCell *cell = g_ptr_array_index (label->cells, i);
      double cx = x + pad + (i % per_row) * cw;
      double cy = y + pad + title_h + (i / per_row) * ch;

      cairo_rectangle (cr, cx, cy, cw, ch);
      cairo_stroke (cr);
      if (details)
        {
          draw_text (cr, cell->name, TRUE, name_size, 0.5, cx + 0.5, cy, cw - 1, ch * 0.5);
          draw_text (cr, cell->detail, FALSE, detail_size, 0.5, cx + 0.5, cy + ch * 0.5, cw - 1, ch * 0.45);
        }
      else
        draw_text (cr, cell->name, TRUE, name_size, 0.5, cx + 0.5, cy, cw - 1, ch);
    }
}

void
enlace_render_label (cairo_t                *cr,
                     const EnlaceLabel      *label,
                     const EnlaceLabelStyle *style,
                     double                  width,
                     double                  height)
{
  EnlaceLabelStyle defaults;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (label != NULL);

  if (style == NULL)
    {
      enlace_label_style_init (&defaults);
      style = &defaults;
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  switch (label->kind)
    {
    case ENLACE_LABEL_KIND_CABLE:
      if (style->cable_style == ENLACE_CABLE_LABEL_FLAG)
        {
          /* two equal halves; the cable goes at the dashed fold */
          double dashes[] = { 2.0, 2.0 };

          draw_titled (cr, label, style, 0, 0, width / 2, height, 1);
          draw_titled (cr, label, style, width / 2, 0, width / 2, height, 1);
          cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
          cairo_set_line_width (cr, 0.5);
          cairo_set_dash (cr, dashes, 2, 0);
          cairo_move_to (cr, width / 2, 0);
          cairo_line_to (cr, width / 2, height);
          cairo_stroke (cr);
        }
      else
        {
          /* wrap-around: the text again in every band, readable all round */
          guint bands = height > 30 * MM ? 3 : height > 16 * MM ? 2 : 1;

          draw_titled (cr, label, style, 0, 0, width, height, bands);
        }
      break;
    case ENLACE_LABEL_KIND_PANEL:
    case ENLACE_LABEL_KIND_FACEPLATE:
      draw_cells (cr, label, 0, 0, width, height);
      break;
    case ENLACE_LABEL_KIND_RACK:
    case ENLACE_LABEL_KIND_DEVICE:
    default:
      draw_titled (cr, label, style, 0, 0, width, height, 1);
      break;
    }
  cairo_restore (cr);
}

double
enlace_render_label_length (const EnlaceLabel      *label,
                            const EnlaceLabelStyle *style,
                            double                  tape_width)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double h = tape_width * MM, pad = MIN (h * 0.08, 2 * MM);
  double tw, th, dw = 0, length;
  gboolean qr;

  g_return_val_if_fail (label != NULL, 0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  if (label->cells && label->cells->len > 0)
    {
      /* 10 mm per port or jack, at least the title */
      text_extent (cr, label->text, h * 0.3 * 0.75, TRUE, &tw, &th);
      length = MAX (MIN (label->cells->len, CELLS_PER_ROW) * 10 * MM, tw * 1.6) + 2 * pad;
    }
  else
    {
      qr = (!style || style->qr) && label->qr;
      text_extent (cr, label->text, h * 0.55, TRUE, &tw, &th);
      if (label->detail && label->detail[0])
        text_extent (cr, label->detail, h * 0.3, FALSE, &dw, &th);
      length = MAX (tw, dw) + 3 * pad + (qr ? h - 2 * pad : 0);
      if (label->kind == ENLACE_LABEL_KIND_CABLE && style && style->cable_style == ENLACE_CABLE_LABEL_FLAG)
        length *= 2;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return MAX (length / MM, 20.0);
}

/* --- pages ------------------------------------------------------------ */

EnlaceLabelPages *
enlace_label_pages_new (GPtrArray               *labels,
                        const EnlaceLabelLayout *layout,
                        guint                    first_cell,
                        const EnlaceLabelStyle  *style)
{
  EnlaceLabelPages *self;

  g_return_val_if_fail (labels != NULL, NULL);
  g_return_val_if_fail (layout != NULL, NULL);

  self = g_new0 (EnlaceLabelPages, 1);
  self->labels = g_ptr_array_ref (labels);
  enlace_label_layout_copy (&self->layout, layout);
  if (style)
    self->style = *style;
  else
    enlace_label_style_init (&self->style);
  self->first_cell = first_cell < enlace_label_layout_per_page (layout) ? first_cell : 0;
  self->n_pages = enlace_label_layout_n_pages (layout, self->first_cell, labels->len);
  if (layout->media == ENLACE_LABEL_MEDIA_TAPE)
    {
      self->first_cell = 0;
      self->lengths = g_new0 (double, MAX (labels->len, 1));
      for (guint i = 0; i < labels->len; i++)
        self->lengths[i] = layout->tape_length > 0
          ? layout->tape_length
          : enlace_render_label_length (g_ptr_array_index (labels, i), &self->style, layout->tape_width);
    }
  return self;
}

void
enlace_label_pages_free (EnlaceLabelPages *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->labels);
  enlace_label_layout_clear (&self->layout);
  g_free (self->lengths);
  g_free (self);
}

guint
enlace_label_pages_get_n_pages (EnlaceLabelPages *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

void
enlace_label_pages_get_size (EnlaceLabelPages *self,
                             guint             page,
                             double           *width,
                             double           *height)
{
  double w, h;

  g_return_if_fail (self != NULL);

  if (self->layout.media == ENLACE_LABEL_MEDIA_TAPE)
    {
      w = (page < self->labels->len ? self->lengths[page] : 20) * MM;
      h = self->layout.tape_width * MM;
    }
  else
    {
      w = self->layout.page_width * MM;
      h = self->layout.page_height * MM;
    }
  if (width)
    *width = w;
  if (height)
    *height = h;
}

void
enlace_label_pages_get_label_rect (EnlaceLabelPages *self,
                                   guint             index,
                                   guint            *page,
                                   EnlaceLabelRect  *rect)
{
  guint p, cell;
  EnlaceLabelRect r;

  g_return_if_fail (self != NULL);

  enlace_label_layout_place (&self->layout, self->first_cell, index, &p, &cell);
  enlace_label_layout_cell_rect (&self->layout, cell, &r);
  if (self->layout.media == ENLACE_LABEL_MEDIA_TAPE && index < self->labels->len)
    r.width = self->lengths[index];
  if (page)
    *page = p;
  if (rect)
    {
      rect->x = r.x * MM;
      rect->y = r.y * MM;
      rect->width = r.width * MM;
      rect->height = r.height * MM;
    }
}

void
enlace_label_pages_draw (EnlaceLabelPages *self,
                         cairo_t          *cr,
                         guint             page)
{
  guint per;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  per = enlace_label_layout_per_page (&self->layout);
  for (guint cell = 0; cell < per; cell++)
    {
      guint slot = page * per + cell;
      guint index;
      EnlaceLabelRect r;

      if (slot < self->first_cell)
        continue;
      index = slot - self->first_cell;
      if (index >= self->labels->len)
        break;
      enlace_label_pages_get_label_rect (self, index, NULL, &r);
      cairo_save (cr);
      cairo_translate (cr, r.x, r.y);
      if (self->style.outlines)
        {
          cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
          cairo_set_line_width (cr, 0.3);
          cairo_rectangle (cr, 0, 0, r.width, r.height);
          cairo_stroke (cr);
        }
      enlace_render_label (cr, g_ptr_array_index (self->labels, index), &self->style, r.width, r.height);
      cairo_restore (cr);
    }
}

guint
enlace_render_labels_pdf (GPtrArray               *labels,
                          const EnlaceLabelLayout *layout,
                          guint                    first_cell,
                          const EnlaceLabelStyle  *style,
                          const char              *path,
                          GError                 **error)
{
  g_autoptr(EnlaceLabelPages) pages = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n;
  double w, h;

  g_return_val_if_fail (labels != NULL, 0);
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (path != NULL, 0);

  if (!enlace_label_layout_check (layout, error))
    return 0;
  if (labels->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s", _("No labels to print: nothing of that kind in the selection"));
      return 0;
    }
  pages = enlace_label_pages_new (labels, layout, first_cell, style);
  n = enlace_label_pages_get_n_pages (pages);
  enlace_label_pages_get_size (pages, 0, &w, &h);
  surface = cairo_pdf_surface_create (path, w, h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Labels"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Enlace");
  cr = cairo_create (surface);
  for (guint i = 0; i < n; i++)
    {
      enlace_label_pages_get_size (pages, i, &w, &h);
      cairo_pdf_surface_set_size (surface, w, h);
      enlace_label_pages_draw (pages, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return 0;
    }
  return n;
}
