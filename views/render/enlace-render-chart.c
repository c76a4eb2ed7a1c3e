/* enlace-render-chart.c: vertical and horizontal bar charts (cairo and
 * pango only)
 */
#define G_LOG_DOMAIN "enlace-render"
#include "config.h"

#include <math.h>

#include "enlace-render-chart.h"
#include "enlace-render-util.h"

#define TEXT_PT 8.0
#define TITLE_PT 10.0

static const EnlaceRgb bar_color = { 0.21, 0.52, 0.89 };
static const EnlaceRgb ink = { 0.15, 0.15, 0.15 };
static const EnlaceRgb rule = { 0.75, 0.75, 0.75 };

static double
max_value (const EnlaceChartBar *bars,
           guint                 n)
{
  double m = 0;

  for (guint i = 0; i < n; i++)
    m = MAX (m, bars[i].value);
  return m;
}

static char *
format_value (double v)
{
  if (fabs (v - round (v)) < 1e-9)
    return g_strdup_printf ("%.0f", v);
  return g_strdup_printf ("%.1f", v);
}

/* Draws the title; returns its height. */
static double
draw_title (cairo_t    *cr,
            const char *title,
            double      x,
            double      y,
            double      w)
{
  double tw, th;

  if (title == NULL || *title == '\0')
    return 0;
  enlace_render_text_size (cr, title, TITLE_PT, TRUE, &tw, &th);
  enlace_render_set_rgb (cr, ink, 1);
  enlace_render_text (cr, title, TITLE_PT, TRUE, ENLACE_ALIGN_LEFT, x, y, w, th);
  return th + 6;
}

void
enlace_render_bar_chart (cairo_t              *cr,
                         const char           *title,
                         const EnlaceChartBar *bars,
                         guint                 n_bars,
                         double                x,
                         double                y,
                         double                w,
                         double                h)
{
  double top, line_h, tw, plot_h, slot, m;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (bars != NULL || n_bars == 0);

  cairo_save (cr);
  top = y + draw_title (cr, title, x, y, w);
  enlace_render_text_size (cr, "0", TEXT_PT, FALSE, &tw, &line_h);
  plot_h = (y + h) - top - 2 * line_h - 6;
  m = max_value (bars, n_bars);
  if (n_bars == 0 || plot_h <= 4)
    {
      cairo_restore (cr);
      return;
    }
  slot = w / n_bars;
  /* the baseline */
  enlace_render_set_rgb (cr, rule, 1);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, top + line_h + plot_h + 0.5);
  cairo_line_to (cr, x + w, top + line_h + plot_h + 0.5);
  cairo_stroke (cr);
  for (guint i = 0; i < n_bars; i++)
    {
      double bh = m > 0 ? plot_h * bars[i].value / m : 0;
      double bx = x + i * slot + slot * 0.15, bw = slot * 0.7;
      double by = top + line_h + plot_h - bh;
      g_autofree char *value = format_value (bars[i].value);

      enlace_render_set_rgb (cr, bar_color, 1);
      cairo_rectangle (cr, bx, by, bw, bh);
      cairo_fill (cr);
      enlace_render_set_rgb (cr, ink, 1);
      enlace_render_text (cr, value, TEXT_PT, FALSE, ENLACE_ALIGN_CENTER, x + i * slot, by - line_h - 1, slot, line_h);
      if (bars[i].label)
        enlace_render_text (cr, bars[i].label, TEXT_PT, FALSE, ENLACE_ALIGN_CENTER,
                            x + i * slot, top + line_h + plot_h + 3, slot, line_h);
    }
  cairo_restore (cr);
}

void
enlace_render_hbar_chart (cairo_t              *cr,
                          const char           *title,
                          const EnlaceChartBar *bars,
                          guint                 n_bars,
                          double                x,
                          double                y,
                          double                w,
                          double                h)
{
  double top, label_w = 0, value_w = 0, row_h, m, plot_w;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (bars != NULL || n_bars == 0);

  cairo_save (cr);
  top = y + draw_title (cr, title, x, y, w);
  if (n_bars == 0)
    {
      cairo_restore (cr);
      return;
    }
  m = max_value (bars, n_bars);
  for (guint i = 0; i < n_bars; i++)
    {
      double tw, th;
      g_autofree char *value = format_value (bars[i].value);

      enlace_render_text_size (cr, bars[i].label ? bars[i].label : "", TEXT_PT, FALSE, &tw, &th);
      label_w = MAX (label_w, tw);
      enlace_render_text_size (cr, value, TEXT_PT, FALSE, &tw, &th);
      value_w = MAX (value_w, tw);
    }
  label_w = MIN (label_w + 8, w * 0.4);
  plot_w = w - label_w - value_w - 6;
  row_h = MIN ((y + h - top) / n_bars, 22);
  for (guint i = 0; i < n_bars; i++)
    {
      double ry = top + i * row_h;
      double bw = m > 0 && plot_w > 0 ? plot_w * bars[i].value / m : 0;
      g_autofree char *value = format_value (bars[i].value);

      enlace_render_set_rgb (cr, ink, 1);
      enlace_render_text (cr, bars[i].label ? bars[i].label : "", TEXT_PT, FALSE, ENLACE_ALIGN_LEFT,
                          x, ry, label_w - 6, row_h);
      enlace_render_set_rgb (cr, bar_color, 1);
      cairo_rectangle (cr, x + label_w, ry + row_h * 0.15, bw, row_h * 0.7);
      cairo_fill (cr);
      enlace_render_set_rgb (cr, ink, 1);
      enlace_render_text (cr, value, TEXT_PT, FALSE, ENLACE_ALIGN_LEFT, x + label_w + bw + 4, ry, value_w + 2, row_h);
    }
  cairo_restore (cr);
}
