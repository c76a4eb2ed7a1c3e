/* enlace-plan-sheet.c: floor plans on paper */
#define G_LOG_DOMAIN "enlace-plan-sheet"
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "enlace-plan-sheet.h"
#include "enlace-render-util.h"

#define MM (72.0 / 25.4)
#define MARGIN (10 * MM)
#define TITLE_H (24 * MM)
#define SIDE_W (38 * MM)
#define GAP (3 * MM)
#define AIR_M 0.5
#define MIN_AIR_M 0.1

static const struct { const char *name; double w_mm, h_mm; } papers[] = {
  { "A4", 210, 297 },
  { "A3", 297, 420 },
  { "A2", 420, 594 },
  { "A1", 594, 841 },
  { "A0", 841, 1189 },
  { "Letter", 215.9, 279.4 },
  { "Legal", 215.9, 355.6 },
  { "Tabloid", 279.4, 431.8 },
};

const char * const *
enlace_plan_papers (void)
{
  static const char *names[G_N_ELEMENTS (papers) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
      names[i] = papers[i].name;
  return names;
}

gboolean
enlace_plan_paper_size (const char *name,
                        double     *width_pt,
                        double     *height_pt)
{
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (name && g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        *width_pt = papers[i].w_mm * MM;
        *height_pt = papers[i].h_mm * MM;
        return TRUE;
      }
  return FALSE;
}

gboolean
enlace_plan_parse_scale (const char *text,
                         guint      *scale)
{
  const char *p = text;
  char *end = NULL;
  guint64 v;

  if (text == NULL || g_ascii_strcasecmp (text, "fit") == 0 || g_ascii_strcasecmp (text, "ajustar") == 0)
    {
      *scale = 0;
      return TRUE;
    }
  if (g_str_has_prefix (p, "1:"))
    p += 2;
  v = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != '\0' || v < 1 || v > 100000)
    return FALSE;
  *scale = (guint)v;
  return TRUE;
}

void
enlace_plan_sheet_options_init (EnlacePlanSheetOptions *options)
{
  memset (options, 0, sizeof *options);
  options->paper = "A3";
  options->landscape = TRUE;
  options->scale = 100;
  enlace_plan_style_init (&options->style);
  options->style.paper = TRUE;
}

/* How many sheets of @sheet_m metres a drawing of @length_m metres
 * (with AIR_M on both sides) needs.  The air is given up, down to
 * MIN_AIR_M, rather than spend a sheet on it. */
static guint
sheets_for (double length_m,
            double sheet_m)
{
  guint n = MAX (1, (guint)ceil (length_m / sheet_m - 1e-9));
  double bare = length_m - 2 * (AIR_M - MIN_AIR_M);

  if (n > 1 && bare <= (n - 1) * sheet_m)
    n--;
  return n;
}

gboolean
enlace_plan_sheet_layout (EnlacePlanScene              *scene,
                          const EnlacePlanSheetOptions *options,
                          double                        page_w,
                          double                        page_h,
                          EnlacePlanSheetLayout        *layout,
                          GError                      **error)
{
  double w_m, h_m;

  g_return_val_if_fail (scene != NULL, FALSE);

  memset (layout, 0, sizeof *layout);
  layout->page_w = page_w;
  layout->page_h = page_h;
  layout->area_x = MARGIN;
  layout->area_y = MARGIN;
  layout->area_w = page_w - 2 * MARGIN - SIDE_W - GAP;
  layout->area_h = page_h - 2 * MARGIN - TITLE_H - GAP;
  if (layout->area_w < 40 * MM || layout->area_h < 40 * MM)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The page is too small for a plan with its title block"));
      return FALSE;
    }

  layout->extent = scene->extent;
  w_m = layout->extent.x2 - layout->extent.x1 + 2 * AIR_M;
  h_m = layout->extent.y2 - layout->extent.y1 + 2 * AIR_M;

  if (options->scale == 0)
    {
      layout->points_per_m = MIN (layout->area_w / w_m, layout->area_h / h_m);
      layout->scale = (guint)round (1000.0 * MM / layout->points_per_m);
      layout->cols = layout->rows = 1;
    }
  else
    {
      layout->scale = options->scale;
      layout->points_per_m = 1000.0 * MM / options->scale;
      layout->cols = sheets_for (w_m, layout->area_w / layout->points_per_m);
      layout->rows = sheets_for (h_m, layout->area_h / layout->points_per_m);
      if (layout->cols * layout->rows > 500)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("At 1:%u the plan needs %u sheets of %s: choose a smaller scale or a larger paper"),
                       options->scale, layout->cols * layout->rows, options->paper);
          return FALSE;
        }
    }

  /* A little air around the drawing, and the drawing in the middle of
   * the sheets it needs. */
  {
    double span_x = layout->cols * layout->area_w / layout->points_per_m;
    double span_y = layout->rows * layout->area_h / layout->points_per_m;
    double cx = (scene->extent.x1 + scene->extent.x2) / 2;
    double cy = (scene->extent.y1 + scene->extent.y2) / 2;

    layout->extent.x1 = cx - span_x / 2;
    layout->extent.x2 = cx + span_x / 2;
    layout->extent.y1 = cy - span_y / 2;
    layout->extent.y2 = cy + span_y / 2;
  }
  return TRUE;
}

static void
cell (cairo_t    *cr,
      double      x,
      double      y,
      double      w,
      double      h,
      const char *caption,
      const char *value,
      double      size)
{
  cairo_rectangle (cr, x, y, w, h);
  cairo_set_source_rgb (cr, 0.16, 0.18, 0.21);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.45, 0.47, 0.50);
  enlace_render_text (cr, caption, 5.5, FALSE, ENLACE_ALIGN_LEFT, x + 2 * MM, y + 0.8 * MM, w - 4 * MM, 2.6 * MM);
  cairo_set_source_rgb (cr, 0.10, 0.11, 0.13);
  enlace_render_text (cr, value ? value : "", size, size > 9, ENLACE_ALIGN_LEFT,
                      x + 2 * MM, y + 3.4 * MM, w - 4 * MM, h - 4.2 * MM);
}

void
enlace_plan_sheet_draw (cairo_t                      *cr,
                        EnlacePlanScene              *scene,
                        const EnlacePlanSheetOptions *options,
                        const EnlacePlanSheetLayout  *layout,
                        guint                         index)
{
  guint n = layout->cols * layout->rows;
  guint col = index % layout->cols, row = index / layout->cols;
  EnlaceViewport vp;
  g_autofree char *floor_text = NULL;
  g_autofree char *scale_text = NULL;
  g_autofree char *sheet_text = NULL;
  g_autofree char *today = NULL;
  double side_x, tb_y, tb_w, y;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* The drawing, clipped to its area. */
  vp.width = layout->area_w;
  vp.height = layout->area_h;
  vp.pixels_per_m = layout->points_per_m;
  if (options->scale == 0)
    {
      vp.centre_x = (layout->extent.x1 + layout->extent.x2) / 2;
      vp.centre_y = (layout->extent.y1 + layout->extent.y2) / 2;
    }
  else
    {
      vp.centre_x = layout->extent.x1 + (col + 0.5) * layout->area_w / layout->points_per_m;
      vp.centre_y = layout->extent.y1 + (row + 0.5) * layout->area_h / layout->points_per_m;
    }
  cairo_save (cr);
  cairo_rectangle (cr, layout->area_x, layout->area_y, layout->area_w, layout->area_h);
  cairo_clip (cr);
  cairo_translate (cr, layout->area_x, layout->area_y);
  enlace_render_plan (cr, scene, &vp, &options->style);
  cairo_restore (cr);
  cairo_rectangle (cr, layout->area_x, layout->area_y, layout->area_w, layout->area_h);
  cairo_set_source_rgb (cr, 0.16, 0.18, 0.21);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  /* The side column: north, legend, scale bar, where this sheet lies. */
  side_x = layout->area_x + layout->area_w + GAP;
  cairo_rectangle (cr, side_x, layout->area_y, SIDE_W, layout->area_h);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
  enlace_render_north (cr, side_x + SIDE_W / 2, layout->area_y + 14 * MM, 16 * MM, scene->north);
  y = layout->area_y + 26 * MM;
  y += enlace_render_plan_legend (cr, &options->style, side_x + 3 * MM, y, SIDE_W - 6 * MM);
  enlace_render_scale_bar (cr, &vp, side_x + 3 * MM, layout->area_y + layout->area_h - 6 * MM, SIDE_W - 14 * MM);
  if (n > 1)
    {
      cairo_set_source_rgb (cr, 0.16, 0.18, 0.21);
      enlace_render_text (cr, _("Sheets"), 7, TRUE, ENLACE_ALIGN_LEFT, side_x + 3 * MM,
                          layout->area_y + layout->area_h - 16 * MM - 14 * MM * layout->area_h / layout->area_w - 5 * MM,
                          SIDE_W - 6 * MM, 4 * MM);
    }
  if (n > 1)
    {
      /* A key map: every sheet as a cell, this one filled. */
      double cw = MIN ((SIDE_W - 6 * MM) / layout->cols, 14 * MM / layout->rows);
      double ch = cw * layout->area_h / layout->area_w;
      double ky = layout->area_y + layout->area_h - 16 * MM - ch * layout->rows;

      if (ky > y + 4 * MM)
        for (guint r = 0; r < layout->rows; r++)
          for (guint c = 0; c < layout->cols; c++)
            {
              cairo_rectangle (cr, side_x + 3 * MM + c * cw, ky + r * ch, cw, ch);
              if (r == row && c == col)
                {
                  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
                  cairo_fill_preserve (cr);
                }
              cairo_set_source_rgb (cr, 0.16, 0.18, 0.21);
              cairo_set_line_width (cr, 0.4);
              cairo_stroke (cr);
            }
    }

  /* The title block. */
  tb_y = layout->page_h - MARGIN - TITLE_H;
  tb_w = layout->page_w - 2 * MARGIN;
  if (options->date)
    today = g_strdup (options->date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
    }
  floor_text = g_strdup_printf ("%s — %s (%s)", scene->building_name ? scene->building_name : "",
                                scene->floor_name ? scene->floor_name : "", scene->building_code ? scene->building_code : "");
  scale_text = options->scale == 0 ? g_strdup_printf (_("1:%u (fitted)"), layout->scale)
                                   : g_strdup_printf ("1:%u", layout->scale);
  if (n > 1)
    sheet_text = g_strdup_printf (_("%u of %u (column %u, row %u)"), index + 1, n, col + 1, row + 1);
  else
    sheet_text = g_strdup_printf (_("%u of %u"), index + 1, n);

  cell (cr, MARGIN, tb_y, tb_w * 0.36, TITLE_H / 2, _("Institution"),
        options->institution ? options->institution : _("Communications and links department"), 11);
  cell (cr, MARGIN, tb_y + TITLE_H / 2, tb_w * 0.36, TITLE_H / 2, _("Building and floor"), floor_text, 10);
  cell (cr, MARGIN + tb_w * 0.36, tb_y, tb_w * 0.24, TITLE_H / 2, _("Drawing"), _("Telecommunications floor plan"), 9);
  cell (cr, MARGIN + tb_w * 0.36, tb_y + TITLE_H / 2, tb_w * 0.24, TITLE_H / 2, _("Author"), options->author, 9);
  cell (cr, MARGIN + tb_w * 0.60, tb_y, tb_w * 0.14, TITLE_H / 2, _("Scale"), scale_text, 10);
  cell (cr, MARGIN + tb_w * 0.60, tb_y + TITLE_H / 2, tb_w * 0.14, TITLE_H / 2, _("Date"), today, 9);
  cell (cr, MARGIN + tb_w * 0.74, tb_y, tb_w * 0.26, TITLE_H / 2, _("Sheet"), sheet_text, 9);
  cell (cr, MARGIN + tb_w * 0.74, tb_y + TITLE_H / 2, tb_w * 0.26, TITLE_H / 2, _("Paper"),
        options->paper, 9);

  cairo_restore (cr);
}

static char *
nth_path (const char *path,
          guint       index,
          guint       n)
{
  const char *dot;

  if (n <= 1)
    return g_strdup (path);
  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return g_strdup_printf ("%s-%u", path, index + 1);
  return g_strdup_printf ("%.*s-%u%s", (int)(dot - path), path, index + 1, dot);
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

guint
enlace_plan_export (EnlacePlanScene              *scene,
                    const EnlacePlanSheetOptions *options,
                    const char                   *path,
                    const char                   *format,
                    double                        dpi,
                    GError                      **error)
{
  EnlacePlanSheetLayout layout;
  double w, h;
  guint n;

  g_return_val_if_fail (scene != NULL, 0);
  g_return_val_if_fail (path != NULL, 0);

  if (!enlace_plan_paper_size (options->paper, &w, &h))
    {
      g_autofree char *list = g_strjoinv (", ", (char **)enlace_plan_papers ());
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Unknown paper “%s” (one of %s)"), options->paper, list);
      return 0;
    }
  if (options->landscape)
    {
      double t = w;
      w = h;
      h = t;
    }
  if (!enlace_plan_sheet_layout (scene, options, w, h, &layout, error))
    return 0;
  n = layout.cols * layout.rows;

  if (format == NULL || g_ascii_strcasecmp (format, "pdf") == 0)
    {
      cairo_surface_t *surface = cairo_pdf_surface_create (path, w, h);
      cairo_t *cr;
      gboolean ok;

      if (!check_surface (surface, path, error))
        {
          cairo_surface_destroy (surface);
          return 0;
        }
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, scene->floor_name ? scene->floor_name : "");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Enlace");
      cr = cairo_create (surface);
      for (guint i = 0; i < n; i++)
        {
          enlace_plan_sheet_draw (cr, scene, options, &layout, i);
          cairo_show_page (cr);
        }
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      ok = check_surface (surface, path, error);
      cairo_surface_destroy (surface);
      return ok ? 1 : 0;
    }

  if (g_ascii_strcasecmp (format, "svg") == 0 || g_ascii_strcasecmp (format, "png") == 0)
    {
      gboolean svg = g_ascii_strcasecmp (format, "svg") == 0;
      double k = svg ? 1.0 : (dpi > 0 ? dpi : 150) / 72.0;

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *file = nth_path (path, i, n);
          cairo_surface_t *surface = svg ? cairo_svg_surface_create (file, w, h)
                                         : cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)ceil (w * k), (int)ceil (h * k));
          cairo_t *cr;
          gboolean ok;

          if (!check_surface (surface, file, error))
            {
              cairo_surface_destroy (surface);
              return 0;
            }
          cr = cairo_create (surface);
          cairo_scale (cr, k, k);
          enlace_plan_sheet_draw (cr, scene, options, &layout, i);
          cairo_destroy (cr);
          if (svg)
            cairo_surface_finish (surface);
          else if (cairo_surface_write_to_png (surface, file) != CAIRO_STATUS_SUCCESS)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”"), file);
              cairo_surface_destroy (surface);
              return 0;
            }
          ok = check_surface (surface, file, error);
          cairo_surface_destroy (surface);
          if (!ok)
            return 0;
        }
      return n;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("Unknown format “%s” (pdf, svg or png)"), format);
  return 0;
}

EnlacePlanBackground *
enlace_plan_background_load (EnlaceStore      *store,
                             EnlacePlanScene  *scene,
                             GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *mime = NULL;

  if (scene->attachment_id == 0)
    return NULL;
  bytes = enlace_store_get_attachment (store, scene->attachment_id, &mime, error);
  if (bytes == NULL)
    return NULL;
  return enlace_plan_background_new (bytes, mime, scene->page, error);
}
