/* enlace-label-layout.c: sheets of labels and label-printer tape */
#define G_LOG_DOMAIN "enlace-labels"
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "enlace-label-layout.h"

#define EPS 0.01

/* The figures of the manufacturers' templates, in mm (Letter layouts are
 * given in inches by Avery: 5160 is 2⅝″ × 1″ at 2¾″ × 1″ pitch, ½″ top
 * and 3⁄16″ side margins, and so on). */
static const EnlaceLabelPreset presets[] = {
  /* A4, 210 × 297 mm */
  { "L7160", N_("Avery L7160 (A4): 21 labels, 63.5 × 38.1 mm"), "A4", 7, 3, 15.15, 7.21, 63.5, 38.1, 66.04, 38.1, 0 },
  { "L7161", N_("Avery L7161 (A4): 18 labels, 63.5 × 46.6 mm"), "A4", 6, 3, 8.7, 7.21, 63.5, 46.6, 66.04, 46.6, 0 },
  { "L7162", N_("Avery L7162 (A4): 16 labels, 99.1 × 33.9 mm"), "A4", 8, 2, 12.9, 4.65, 99.1, 33.9, 101.6, 33.9, 0 },
  { "L7163", N_("Avery L7163 (A4): 14 labels, 99.1 × 38.1 mm"), "A4", 7, 2, 15.15, 4.65, 99.1, 38.1, 101.6, 38.1, 0 },
  { "L7165", N_("Avery L7165 (A4): 8 labels, 99.1 × 67.7 mm"), "A4", 4, 2, 13.1, 4.65, 99.1, 67.7, 101.6, 67.7, 0 },
  { "L7173", N_("Avery L7173 (A4): 10 labels, 99.1 × 57 mm"), "A4", 5, 2, 6.0, 4.65, 99.1, 57.0, 101.6, 57.0, 0 },
  { "L7651", N_("Avery L7651 (A4): 65 labels, 38.1 × 21.2 mm"), "A4", 13, 5, 10.7, 4.67, 38.1, 21.2, 40.64, 21.2, 0 },
  /* Letter, 215.9 × 279.4 mm */
  { "5160", N_("Avery 5160 (Letter): 30 labels, 2⅝ × 1 in"), "Letter", 10, 3, 12.7, 4.7625, 66.675, 25.4, 69.85, 25.4, 0 },
  { "5161", N_("Avery 5161 (Letter): 20 labels, 4 × 1 in"), "Letter", 10, 2, 12.7, 3.96875, 101.6, 25.4, 106.3625, 25.4, 0 },
  { "5163", N_("Avery 5163 (Letter): 10 labels, 4 × 2 in"), "Letter", 5, 2, 12.7, 3.96875, 101.6, 50.8, 106.3625, 50.8, 0 },
  { "5167", N_("Avery 5167 (Letter): 80 labels, 1¾ × ½ in"), "Letter", 20, 4, 12.7, 7.62, 44.45, 12.7, 52.07, 12.7, 0 },
  /* label printers: continuous tape (Brother TZe widths, QL 62 mm roll) */
  { "tape-9", N_("Tape 9 mm (label printer)"), NULL, 1, 1, 0, 0, 0, 0, 0, 0, 9 },
  { "tape-12", N_("Tape 12 mm (label printer)"), NULL, 1, 1, 0, 0, 0, 0, 0, 0, 12 },
  { "tape-18", N_("Tape 18 mm (label printer)"), NULL, 1, 1, 0, 0, 0, 0, 0, 0, 18 },
  { "tape-24", N_("Tape 24 mm (label printer)"), NULL, 1, 1, 0, 0, 0, 0, 0, 0, 24 },
  { "tape-36", N_("Tape 36 mm (label printer)"), NULL, 1, 1, 0, 0, 0, 0, 0, 0, 36 },
  { "tape-62", N_("Continuous roll 62 mm (label printer)"), NULL, 1, 1, 0, 0, 0, 0, 0, 0, 62 },
};

const EnlaceLabelPreset *
enlace_label_presets (guint *n_presets)
{
  if (n_presets)
    *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

gboolean
enlace_label_paper_size (const char *paper,
                         double     *width,
                         double     *height)
{
  double w, h;

  if (paper == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (paper, "A4") == 0)
    w = 210, h = 297;
  else if (g_ascii_strcasecmp (paper, "Letter") == 0)
    w = 215.9, h = 279.4;
  else
    return FALSE;
  if (width)
    *width = w;
  if (height)
    *height = h;
  return TRUE;
}

void
enlace_label_layout_clear (EnlaceLabelLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_clear_pointer (&layout->name, g_free);
  g_clear_pointer (&layout->paper, g_free);
  memset (layout, 0, sizeof *layout);
}

void
enlace_label_layout_copy (EnlaceLabelLayout       *dest,
                          const EnlaceLabelLayout *src)
{
  g_return_if_fail (dest != NULL && src != NULL);

  if (dest == src)
    return;
  enlace_label_layout_clear (dest);
  *dest = *src;
  dest->name = g_strdup (src->name);
  dest->paper = g_strdup (src->paper);
}

gboolean
enlace_label_layout_check (const EnlaceLabelLayout *layout,
                           GError                 **error)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  if (layout->media == ENLACE_LABEL_MEDIA_TAPE)
    {
      if (!(layout->tape_width >= 6 && layout->tape_width <= 120))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Tape width %.1f mm: it must be between 6 and 120 mm"), layout->tape_width);
          return FALSE;
        }
      if (layout->tape_length != 0 && !(layout->tape_length >= 10 && layout->tape_length <= 1000))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Tape label length %.1f mm: it must be between 10 and 1000 mm"), layout->tape_length);
          return FALSE;
        }
      return TRUE;
    }

  if (layout->rows < 1 || layout->columns < 1 || layout->rows > 100 || layout->columns > 100)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Label sheet “%s”: %u × %u labels; rows and columns must be between 1 and 100"),
                   layout->name ? layout->name : "", layout->rows, layout->columns);
      return FALSE;
    }
  if (!(layout->label_width >= 5 && layout->label_height >= 5))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Label sheet “%s”: labels of %.1f × %.1f mm; they must be at least 5 × 5 mm"),
                   layout->name ? layout->name : "", layout->label_width, layout->label_height);
      return FALSE;
    }
  if ((layout->columns > 1 && layout->pitch_x + EPS < layout->label_width) ||
      (layout->rows > 1 && layout->pitch_y + EPS < layout->label_height))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Label sheet “%s”: the pitch (%.2f × %.2f mm) is smaller than a label (%.2f × %.2f mm), labels would overlap"),
                   layout->name ? layout->name : "", layout->pitch_x, layout->pitch_y,
                   layout->label_width, layout->label_height);
      return FALSE;
    }
  if (layout->margin_top < 0 || layout->margin_left < 0 ||
      layout->margin_left + (layout->columns - 1) * layout->pitch_x + layout->label_width > layout->page_width + EPS ||
      layout->margin_top + (layout->rows - 1) * layout->pitch_y + layout->label_height > layout->page_height + EPS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Label sheet “%s”: the grid does not fit on the paper (%.1f × %.1f mm)"),
                   layout->name ? layout->name : "", layout->page_width, layout->page_height);
      return FALSE;
    }
  return TRUE;
}

gboolean
enlace_label_layout_init_preset (EnlaceLabelLayout  *layout,
                                 const char         *name,
                                 GError            **error)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      const EnlaceLabelPreset *p = &presets[i];
      /* "7160" finds "L7160" */
      if (g_ascii_strcasecmp (name, p->name) != 0 &&
          !(p->name[0] == 'L' && g_ascii_strcasecmp (name, p->name + 1) == 0))
        continue;

      enlace_label_layout_clear (layout);
      layout->name = g_strdup (p->name);
      if (p->tape_width > 0)
        {
          layout->media = ENLACE_LABEL_MEDIA_TAPE;
          layout->tape_width = p->tape_width;
          layout->rows = layout->columns = 1;
          return TRUE;
        }
      layout->media = ENLACE_LABEL_MEDIA_SHEET;
      layout->paper = g_strdup (p->paper);
      enlace_label_paper_size (p->paper, &layout->page_width, &layout->page_height);
      layout->rows = p->rows;
      layout->columns = p->columns;
      layout->margin_top = p->margin_top;
      layout->margin_left = p->margin_left;
      layout->label_width = p->label_width;
      layout->label_height = p->label_height;
      layout->pitch_x = p->pitch_x;
      layout->pitch_y = p->pitch_y;
      return TRUE;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("Unknown label layout “%s”"), name);
  return FALSE;
}

gboolean
enlace_label_layout_init_grid (EnlaceLabelLayout  *layout,
                               const char         *paper,
                               guint               rows,
                               guint               columns,
                               double              margin_top,
                               double              margin_left,
                               double              pitch_x,
                               double              pitch_y,
                               double              label_width,
                               double              label_height,
                               GError            **error)
{
  EnlaceLabelLayout l = { 0 };

  g_return_val_if_fail (layout != NULL, FALSE);

  if (paper == NULL)
    paper = "A4";
  if (!enlace_label_paper_size (paper, &l.page_width, &l.page_height))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Unknown paper “%s” for labels (A4 or Letter)"), paper);
      return FALSE;
    }
  if (rows < 1 || columns < 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Label sheet: %u × %u labels; rows and columns must be between 1 and 100"),
                   rows, columns);
      return FALSE;
    }
  l.media = ENLACE_LABEL_MEDIA_SHEET;
  l.rows = rows;
  l.columns = columns;
  l.margin_top = margin_top >= 0 ? margin_top : 10;
  l.margin_left = margin_left >= 0 ? margin_left : 10;
  l.pitch_x = pitch_x > 0 ? pitch_x : (l.page_width - 2 * l.margin_left) / columns;
  l.pitch_y = pitch_y > 0 ? pitch_y : (l.page_height - 2 * l.margin_top) / rows;
  l.label_width = label_width > 0 ? label_width : l.pitch_x;
  l.label_height = label_height > 0 ? label_height : l.pitch_y;
  l.name = (char *) "custom";
  l.paper = (char *) paper;
  if (!enlace_label_layout_check (&l, error))
    return FALSE;
  enlace_label_layout_clear (layout);
  *layout = l;
  layout->name = g_strdup ("custom");
  layout->paper = g_ascii_strcasecmp (paper, "Letter") == 0 ? g_strdup ("Letter") : g_strdup ("A4");
  return TRUE;
}

gboolean
enlace_label_layout_init_tape (EnlaceLabelLayout  *layout,
                               double              width,
                               double              length,
                               GError            **error)
{
  EnlaceLabelLayout l = { 0 };

  g_return_val_if_fail (layout != NULL, FALSE);

  l.media = ENLACE_LABEL_MEDIA_TAPE;
  l.rows = l.columns = 1;
  l.tape_width = width;
  l.tape_length = length;
  if (!enlace_label_layout_check (&l, error))
    return FALSE;
  enlace_label_layout_clear (layout);
  *layout = l;
  layout->name = g_strdup_printf ("tape-%g", width);
  return TRUE;
}

guint
enlace_label_layout_per_page (const EnlaceLabelLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 1);

  if (layout->media == ENLACE_LABEL_MEDIA_TAPE)
    return 1;
  return MAX (1, layout->rows * layout->columns);
}

void
enlace_label_layout_cell_rect (const EnlaceLabelLayout *layout,
                               guint                    cell,
                               EnlaceLabelRect         *rect)
{
  guint row, column;

  g_return_if_fail (layout != NULL && rect != NULL);

  if (layout->media == ENLACE_LABEL_MEDIA_TAPE)
    {
      rect->x = rect->y = 0;
      rect->width = layout->tape_length;
      rect->height = layout->tape_width;
      return;
    }
  cell %= enlace_label_layout_per_page (layout);
  row = cell / layout->columns;
  column = cell % layout->columns;
  rect->x = layout->margin_left + column * layout->pitch_x;
  rect->y = layout->margin_top + row * layout->pitch_y;
  rect->width = layout->label_width;
  rect->height = layout->label_height;
}

void
enlace_label_layout_place (const EnlaceLabelLayout *layout,
                           guint                    first_cell,
                           guint                    index,
                           guint                   *page,
                           guint                   *cell)
{
  guint per = enlace_label_layout_per_page (layout);
  guint slot;

  first_cell = first_cell < per ? first_cell : 0;
  slot = first_cell + index;
  if (page)
    *page = slot / per;
  if (cell)
    *cell = slot % per;
}

guint
enlace_label_layout_n_pages (const EnlaceLabelLayout *layout,
                             guint                    first_cell,
                             guint                    n_labels)
{
  guint page;

  if (n_labels == 0)
    return 0;
  enlace_label_layout_place (layout, first_cell, n_labels - 1, &page, NULL);
  return page + 1;
}
