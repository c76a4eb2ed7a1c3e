/* enlace-render-chart.h: bar charts (cairo and pango only), shared by the
 * statistics page on screen, its print-out and its PDF.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *label;   /* under the bar (vertical) or left of it (horizontal) */
  double      value;   /* ≥ 0 */
} EnlaceChartBar;

/* Vertical bars with their labels under them and their values above,
 * in the box (x, y, w, h); @title (may be NULL) on top. */
void enlace_render_bar_chart  (cairo_t              *cr,
                               const char           *title,
                               const EnlaceChartBar *bars,
                               guint                 n_bars,
                               double                x,
                               double                y,
                               double                w,
                               double                h);
/* Horizontal bars, one a row, the label on the left and the value at the
 * end of the bar. */
void enlace_render_hbar_chart (cairo_t              *cr,
                               const char           *title,
                               const EnlaceChartBar *bars,
                               guint                 n_bars,
                               double                x,
                               double                y,
                               double                w,
                               double                h);

G_END_DECLS

#include <json-glib/json-glib.h>

G_BEGIN_DECLS
/* The whole statistics of cases (enlace_case_stats()'s object) as one
 * sheet @w wide: summary, charts and tables.  Returns the height used;
 * with @cr NULL only measures. */
double enlace_render_case_stats (cairo_t    *cr,
                                 JsonObject *stats,
                                 double      w);
G_END_DECLS
