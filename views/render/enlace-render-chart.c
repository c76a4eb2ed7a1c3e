/* enlace-render-chart.c: vertical and horizontal bar charts (cairo and
 * pango only)
 */
#define G_LOG_DOMAIN "enlace-render"
#include "config.h"

#include <math.h>

#include "enlace-render-chart.h"
#include "enlace-render-util.h"
#include "enlace-case-stats.h"

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

/* ------------------------------------------------------------------ */
/* The sheet of the statistics of cases                               */

#include <glib/gi18n.h>

static double
sheet_line (cairo_t    *cr,
            const char *text,
            double      size,
            gboolean    bold,
            double      x,
            double      y,
            double      w)
{
  double h = size * 1.9;

  if (cr)
    {
      enlace_render_set_rgb (cr, ink, 1);
      enlace_render_text (cr, text, size, bold, ENLACE_ALIGN_LEFT, x, y, w, h);
    }
  return h;
}

/* A table: @cols columns of widths relative to @w; the first row bold. */
static double
sheet_table (cairo_t     *cr,
             GPtrArray   *rows,   /* of GStrv */
             const double *widths,
             guint        cols,
             double       x,
             double       y,
             double       w)
{
  double rh = TEXT_PT * 2.0, yy = y;

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      double cx = x;

      for (guint c = 0; c < cols && cells[c]; c++)
        {
          if (cr)
            {
              enlace_render_set_rgb (cr, ink, 1);
              enlace_render_text (cr, cells[c], TEXT_PT, r == 0, c == 0 ? ENLACE_ALIGN_LEFT : ENLACE_ALIGN_RIGHT,
                                  cx, yy, widths[c] * w - 4, rh);
            }
          cx += widths[c] * w;
        }
      if (cr && r == 0)
        {
          enlace_render_set_rgb (cr, rule, 1);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, x, yy + rh);
          cairo_line_to (cr, x + w, yy + rh);
          cairo_stroke (cr);
        }
      yy += rh;
    }
  return yy - y + 6;
}

double
enlace_render_case_stats (cairo_t    *cr,
                          JsonObject *s,
                          double      w)
{
  JsonArray *months, *a;
  double y = 0, half = (w - 16) / 2;
  g_autofree EnlaceChartBar *mbars = NULL;
  g_autofree EnlaceChartBar *age = NULL;
  g_autofree EnlaceChartBar *areas = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  guint n_months, n_areas;

  g_return_val_if_fail (s != NULL, 0);

  if (cr)
    cairo_save (cr);
  {
    g_autofree char *head = g_strdup_printf (_("Statistics of cases, %.10s to %.10s"),
                                             json_object_get_string_member (s, "from"),
                                             json_object_get_string_member (s, "to"));
    g_autofree char *n1 = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (s, "opened"));
    g_autofree char *n2 = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (s, "resolved"));
    g_autofree char *n3 = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (s, "open_now"));
    g_autofree char *sum = g_strdup_printf (_("Opened: %s   Resolved: %s   Open now: %s"), n1, n2, n3);

    y += sheet_line (cr, head, 13, TRUE, 0, y, w);
    y += sheet_line (cr, sum, 10, FALSE, 0, y, w);
  }

  /* cases per month (all procedures) and open cases by age */
  months = json_object_get_array_member (s, "months");
  n_months = json_array_get_length (months);
  mbars = g_new0 (EnlaceChartBar, MAX (n_months, 1));
  a = json_object_get_array_member (s, "by_procedure");
  for (guint k = 0; k < n_months; k++)
    {
      /* "2026-03" → "03/26" */
      const char *m = json_array_get_string_element (months, k);
      char *label = g_strdup_printf ("%.2s/%.2s", m + 5, m + 2);

      g_ptr_array_add (strings, label);
      mbars[k].label = label;
      for (guint i = 0; i < json_array_get_length (a); i++)
        mbars[k].value += json_array_get_int_element (
          json_object_get_array_member (json_array_get_object_element (a, i), "months"), k);
    }
  age = g_new0 (EnlaceChartBar, ENLACE_STATS_N_AGES);
  for (guint i = 0; i < ENLACE_STATS_N_AGES; i++)
    {
      JsonObject *o = json_array_get_object_element (json_object_get_array_member (s, "open_by_age"), i);

      age[i].label = json_object_get_string_member (o, "label");
      age[i].value = json_object_get_int_member (o, "count");
    }
  if (cr)
    {
      enlace_render_bar_chart (cr, _("Cases opened per month"), mbars, n_months, 0, y, half, 170);
      enlace_render_bar_chart (cr, _("Open cases by age"), age, ENLACE_STATS_N_AGES, half + 16, y, half, 170);
    }
  y += 186;

  /* per area (top 8) */
  a = json_object_get_array_member (s, "by_area");
  n_areas = MIN (json_array_get_length (a), 8);
  areas = g_new0 (EnlaceChartBar, MAX (n_areas, 1));
  for (guint i = 0; i < n_areas; i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);

      areas[i].label = json_object_get_string_member (o, "name");
      areas[i].value = json_object_get_int_member (o, "count");
    }
  if (cr)
    enlace_render_hbar_chart (cr, _("Cases per area"), areas, n_areas, 0, y, w, 20 + 20 * n_areas);
  y += 30 + 20 * n_areas;

  /* per procedure: count, resolved, median, p90, on time */
  {
    static const double widths[] = { 0.40, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10 };
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    JsonArray *res = json_object_get_array_member (s, "resolution");

    a = json_object_get_array_member (s, "by_procedure");
    g_ptr_array_add (rows, g_strsplit (_("Procedure|Opened|Resolved|Target (h)|Median (h)|P90 (h)|On time"), "|", -1));
    for (guint i = 0; i < json_array_get_length (a); i++)
      {
        JsonObject *p = json_array_get_object_element (a, i);
        JsonObject *r = json_array_get_object_element (res, i);
        char **row = g_new0 (char *, 8);

        row[0] = g_strdup (json_object_get_string_member (p, "name"));
        row[1] = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (p, "count"));
        row[2] = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (r, "resolved"));
        row[3] = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (r, "target_hours"));
        row[4] = g_strdup_printf ("%.1f", json_object_get_double_member (r, "median_hours"));
        row[5] = g_strdup_printf ("%.1f", json_object_get_double_member (r, "p90_hours"));
        row[6] = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (r, "within_target"));
        g_ptr_array_add (rows, row);
      }
    y += sheet_line (cr, _("Time to resolve per procedure"), TITLE_PT, TRUE, 0, y, w);
    y += sheet_table (cr, rows, widths, 7, 0, y, w);
  }

  /* per assignee and the objects of fault reports */
  {
    static const double widths[] = { 0.6, 0.2, 0.2 };
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

    a = json_object_get_array_member (s, "by_assignee");
    g_ptr_array_add (rows, g_strsplit (_("Assignee|Cases|Still open"), "|", -1));
    for (guint i = 0; i < json_array_get_length (a) && i < 12; i++)
      {
        JsonObject *o = json_array_get_object_element (a, i);
        char **row = g_new0 (char *, 4);

        row[0] = g_strdup (json_object_get_string_member (o, "name"));
        row[1] = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (o, "count"));
        row[2] = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (o, "open"));
        g_ptr_array_add (rows, row);
      }
    y += sheet_line (cr, _("Cases per assignee"), TITLE_PT, TRUE, 0, y, w);
    y += sheet_table (cr, rows, widths, 3, 0, y, w);
  }
  {
    g_autofree EnlaceChartBar *objs = NULL;
    guint n;

    a = json_object_get_array_member (s, "fault_objects");
    n = json_array_get_length (a);
    objs = g_new0 (EnlaceChartBar, MAX (n, 1));
    for (guint i = 0; i < n; i++)
      {
        JsonObject *o = json_array_get_object_element (a, i);
        char *label = g_strdup_printf ("%s %s", json_object_get_string_member (o, "kind"),
                                       json_object_get_string_member (o, "key"));

        g_ptr_array_add (strings, label);
        objs[i].label = label;
        objs[i].value = json_object_get_int_member (o, "count");
      }
    if (n == 0)
      {
        y += sheet_line (cr, _("Objects most linked to fault reports"), TITLE_PT, TRUE, 0, y, w);
        y += sheet_line (cr, _("No fault report in the period is linked to an object."), TEXT_PT, FALSE, 0, y, w);
      }
    else
      {
        if (cr)
          enlace_render_hbar_chart (cr, _("Objects most linked to fault reports"), objs, n, 0, y, w, 20 + 20 * n);
        y += 30 + 20 * n;
      }
  }
  if (cr)
    cairo_restore (cr);
  return y;
}
