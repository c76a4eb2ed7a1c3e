/* enlace-render-report.c: the reports on paper, page by page */
#define G_LOG_DOMAIN "enlace-render-report"
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "enlace-plan-sheet.h"
#include "enlace-rack-elevation.h"
#include "enlace-render-document.h"
#include "enlace-render-report.h"
#include "enlace-render-trace.h"
#include "enlace-render-util.h"
#include "enlace-trace-paths.h"

#define MM (72.0 / 25.4)
#define MARGIN_X (14 * MM)
#define MARGIN_TOP (12 * MM)
#define MARGIN_BOTTOM (12 * MM)
#define HEADER_H (16 * MM)
#define FOOTER_H (7 * MM)
#define LOGO_W (24 * MM)
#define TITLE_H (15 * MM)
#define ROW_H 13.0
#define HEAD_H 16.0
#define GROUP_H 18.0
#define TOTALS_H 22.0
#define SIZE_CELL 8.0
#define PAD 3.0

typedef struct
{
  gint64 position;   /* the cursor position of the page's first row */
  guint  sub;        /* traces: the path of that object */
} PageStart;

struct _EnlaceReportPages
{
  EnlaceReportCursor *cursor;
  const EnlaceReportInfo *info;
  EnlaceReportPageOptions options;   /* strings copied */
  EnlaceRenderLogo   *logo;
  double              page_w, page_h;
  GArray             *starts;        /* of PageStart */
  gint64              n_rows;
  /* the cursor's state */
  gboolean            pending;       /* its current row is not drawn yet */
  gboolean            ended;
  gboolean            totals_drawn;
  /* trace sheets: the drawing of the current object */
  EnlaceTraceDrawing *trace;
  gint64              trace_position;
};

void
enlace_report_page_options_init (EnlaceReportPageOptions *out,
                                 EnlaceStore             *store,
                                 const EnlaceReportInfo  *info)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (ENLACE_IS_STORE (store));

  memset (out, 0, sizeof *out);
  out->paper = enlace_store_get_meta (store, "paper");
  if (out->paper == NULL || !enlace_plan_paper_size (out->paper, NULL, NULL))
    {
      g_free ((char *) out->paper);
      out->paper = g_strdup ("A4");
    }
  out->landscape = info ? info->landscape : FALSE;
  out->institution = enlace_store_get_meta (store, "institution");
  out->department = enlace_store_get_meta (store, "department");
  out->logo = enlace_store_get_logo (store, NULL);
}

void
enlace_report_page_options_clear (EnlaceReportPageOptions *options)
{
  g_return_if_fail (options != NULL);
  g_clear_pointer ((char **) &options->paper, g_free);
  g_clear_pointer ((char **) &options->institution, g_free);
  g_clear_pointer ((char **) &options->department, g_free);
  g_clear_pointer ((char **) &options->date, g_free);
  g_clear_pointer (&options->logo, g_bytes_unref);
}

/* ------------------------------------------------------------------ */
/* The cursor                                                          */

static gboolean
step (EnlaceReportPages  *self,
      GError            **error)
{
  GError *local = NULL;

  self->pending = enlace_report_cursor_next (self->cursor, &local);
  if (!self->pending)
    {
      self->ended = TRUE;
      if (local)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
rewind_cursor (EnlaceReportPages  *self,
               GError            **error)
{
  enlace_report_cursor_rewind (self->cursor);
  self->pending = FALSE;
  self->ended = FALSE;
  return step (self, error);
}

/* Brings the cursor to the page's first row. */
static gboolean
seek (EnlaceReportPages  *self,
      gint64              position,
      GError            **error)
{
  gint64 here = enlace_report_cursor_get_position (self->cursor);

  if (self->pending && here == position)
    return TRUE;
  if (self->ended && position > self->n_rows)
    return TRUE;
  if (here >= position || self->ended || !self->pending)
    if (!rewind_cursor (self, error))
      return FALSE;
  while (self->pending && enlace_report_cursor_get_position (self->cursor) < position)
    if (!step (self, error))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Header, title and foot                                              */

static double
content_width (EnlaceReportPages *self)
{
  return self->page_w - 2 * MARGIN_X;
}

static double
body_top (EnlaceReportPages *self,
          guint              page)
{
  return MARGIN_TOP + HEADER_H + 4 * MM + (page == 0 ? TITLE_H : 0);
}

static double
body_bottom (EnlaceReportPages *self)
{
  return self->page_h - MARGIN_BOTTOM - FOOTER_H;
}

static const char *
title (EnlaceReportPages *self)
{
  return _(self->info->title);
}

static void
draw_header (EnlaceReportPages *self,
             cairo_t           *cr,
             guint              page)
{
  double x = MARGIN_X, y = MARGIN_TOP, W = content_width (self);
  double text_x = x, right_w = W * 0.35;
  const char *inst = self->options.institution, *dept = self->options.department;

  if (self->logo)
    {
      enlace_render_logo_draw (self->logo, cr, x, y, LOGO_W, HEADER_H - 2 * MM);
      text_x += LOGO_W + 3 * MM;
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (inst && *inst)
    {
      enlace_render_text (cr, inst, 12, TRUE, ENLACE_ALIGN_LEFT, text_x, y, x + W - right_w - text_x, 16);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      if (dept && *dept)
        enlace_render_text (cr, dept, 9.5, FALSE, ENLACE_ALIGN_LEFT, text_x, y + 17, x + W - right_w - text_x, 13);
    }
  else if (dept && *dept)
    enlace_render_text (cr, dept, 12, TRUE, ENLACE_ALIGN_LEFT, text_x, y, x + W - right_w - text_x, 16);

  cairo_set_source_rgb (cr, 0, 0, 0);
  enlace_render_text (cr, title (self), 10.5, TRUE, ENLACE_ALIGN_RIGHT, x + W - right_w, y, right_w, 15);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  enlace_render_text (cr, self->options.date, 9, FALSE, ENLACE_ALIGN_RIGHT, x + W - right_w, y + 16, right_w, 13);

  cairo_set_source_rgb (cr, 0.1, 0.25, 0.45);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, x, y + HEADER_H);
  cairo_line_to (cr, x + W, y + HEADER_H);
  cairo_stroke (cr);

  if (page == 0)
    {
      const char *scope = enlace_report_cursor_get_scope_text (self->cursor);
      double ty = y + HEADER_H + 3 * MM;

      cairo_set_source_rgb (cr, 0, 0, 0);
      enlace_render_text (cr, title (self), 15, TRUE, ENLACE_ALIGN_LEFT, x, ty, W, 22);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      enlace_render_text (cr, scope ? scope : _("Whole campus"), 10, FALSE, ENLACE_ALIGN_LEFT,
                          x, ty + 22, W, 14);
    }
}

static void
draw_footer (EnlaceReportPages *self,
             cairo_t           *cr,
             guint              index)
{
  double x = MARGIN_X, W = content_width (self);
  double y = self->page_h - MARGIN_BOTTOM - FOOTER_H + 2 * MM;
  g_autofree char *page = g_strdup_printf (_("Page %u of %u"), index + 1, self->starts->len);
  g_autofree char *left = g_strdup_printf ("Enlace — %s", title (self));

  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x, y - 1 * MM);
  cairo_line_to (cr, x + W, y - 1 * MM);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  enlace_render_text (cr, left, 7.5, FALSE, ENLACE_ALIGN_LEFT, x, y, W * 0.7, 12);
  enlace_render_text (cr, page, 7.5, FALSE, ENLACE_ALIGN_RIGHT, x + W * 0.7, y, W * 0.3, 12);
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */

static void
draw_columns (EnlaceReportPages *self,
              cairo_t           *cr,
              double             y,
              gboolean           heading,
              guint              row)
{
  guint n = enlace_report_cursor_get_n_columns (self->cursor);
  double x = MARGIN_X, W = content_width (self);
  double h = heading ? HEAD_H : ROW_H;

  if (heading)
    {
      cairo_set_source_rgb (cr, 0.1, 0.25, 0.45);
      cairo_rectangle (cr, x, y, W, h);
      cairo_fill (cr);
    }
  else if (row % 2 == 1)
    {
      cairo_set_source_rgb (cr, 0.94, 0.95, 0.97);
      cairo_rectangle (cr, x, y, W, h);
      cairo_fill (cr);
    }
  for (guint i = 0; i < n; i++)
    {
      double w = W * enlace_report_cursor_get_column_width (self->cursor, i);
      gboolean num = enlace_report_cursor_column_is_number (self->cursor, i);
      const char *text = heading ? enlace_report_cursor_get_column_title (self->cursor, i)
                                 : enlace_report_cursor_get (self->cursor, i);

      if (heading)
        cairo_set_source_rgb (cr, 1, 1, 1);
      else
        cairo_set_source_rgb (cr, 0, 0, 0);
      enlace_render_text (cr, text, SIZE_CELL, heading, num ? ENLACE_ALIGN_RIGHT : ENLACE_ALIGN_LEFT,
                          x + PAD, y, w - 2 * PAD, h);
      x += w;
    }
}

/* Lays out (@cr NULL) or draws page @page of a table from the cursor's
 * pending row. */
static gboolean
table_page (EnlaceReportPages  *self,
            cairo_t            *cr,
            guint               page,
            GError            **error)
{
  double y = body_top (self, page), bottom = body_bottom (self);
  g_autofree char *shown_group = NULL;
  guint rows = 0;

  if (cr)
    draw_columns (self, cr, y, TRUE, 0);
  y += HEAD_H;
  while (self->pending)
    {
      const char *group = enlace_report_cursor_get_group (self->cursor);
      gboolean new_group = group != NULL && g_strcmp0 (group, shown_group) != 0;
      double need = ROW_H + (new_group ? GROUP_H : 0);

      if (y + need > bottom && rows > 0)
        return TRUE;
      if (new_group)
        {
          if (cr)
            {
              cairo_set_source_rgb (cr, 0.1, 0.25, 0.45);
              enlace_render_text (cr, group, 9.5, TRUE, ENLACE_ALIGN_LEFT,
                                  MARGIN_X, y + 3, content_width (self), GROUP_H - 3);
            }
          g_free (shown_group);
          shown_group = g_strdup (group);
          y += GROUP_H;
        }
      if (cr)
        draw_columns (self, cr, y, FALSE, (guint) enlace_report_cursor_get_position (self->cursor));
      y += ROW_H;
      rows++;
      if (!step (self, error))
        return FALSE;
    }
  self->totals_drawn = FALSE;
  if (y + TOTALS_H <= bottom || rows == 0)
    {
      if (cr)
        {
          g_autofree char *totals = enlace_report_cursor_dup_totals (self->cursor);

          cairo_set_source_rgb (cr, 0.1, 0.25, 0.45);
          cairo_set_line_width (cr, 0.8);
          cairo_move_to (cr, MARGIN_X, y + 2);
          cairo_line_to (cr, MARGIN_X + content_width (self), y + 2);
          cairo_stroke (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          enlace_render_text (cr, totals, 9, TRUE, ENLACE_ALIGN_LEFT,
                              MARGIN_X + PAD, y + 5, content_width (self) - 2 * PAD, 14);
        }
      self->totals_drawn = TRUE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Rack elevations                                                     */

static gboolean
racks_page (EnlaceReportPages  *self,
            cairo_t            *cr,
            guint               page,
            GError            **error)
{
  double top = body_top (self, page), bottom = body_bottom (self);
  double x = MARGIN_X, right = MARGIN_X + content_width (self);
  double caption = 14, avail = bottom - top - caption;
  guint racks = 0;

  while (self->pending)
    {
      g_autoptr(EnlaceRackElevation) elev = NULL;
      double w, h, k;

      elev = enlace_rack_elevation_load (enlace_report_cursor_get_store (self->cursor),
                                         enlace_report_cursor_get_id (self->cursor), error);
      if (elev == NULL)
        return FALSE;
      enlace_rack_elevation_get_size (elev, &w, &h);
      k = MIN (1.0, MIN (avail / h, (right - MARGIN_X) / w));
      if (x + w * k > right + 0.01 && racks > 0)
        return TRUE;
      if (cr)
        {
          const char *group = enlace_report_cursor_get_group (self->cursor);

          cairo_set_source_rgb (cr, 0.1, 0.25, 0.45);
          enlace_render_text (cr, group ? group : "", 8.5, TRUE, ENLACE_ALIGN_LEFT, x, top, w * k, caption);
          cairo_save (cr);
          cairo_translate (cr, x, top + caption);
          cairo_scale (cr, k, k);
          enlace_rack_elevation_draw (elev, cr);
          cairo_restore (cr);
        }
      x += w * k + 6 * MM;
      racks++;
      if (!step (self, error))
        return FALSE;
    }
  self->totals_drawn = TRUE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Trace sheets                                                        */

static EnlaceTraceDrawing *
trace_drawing (EnlaceReportPages  *self,
               GError            **error)
{
  gint64 position = enlace_report_cursor_get_position (self->cursor);

  if (self->trace == NULL || self->trace_position != position)
    {
      EnlaceStore *store = enlace_report_cursor_get_store (self->cursor);
      EnlaceTracer *tracer = enlace_report_cursor_get_tracer (self->cursor);
      g_autofree char *heading = NULL;
      g_autoptr(GPtrArray) paths = NULL;

      g_clear_pointer (&self->trace, enlace_trace_drawing_unref);
      paths = enlace_tracer_trace_object_key (tracer, enlace_report_cursor_get (self->cursor, 0),
                                              &heading, error);
      if (paths == NULL)
        return NULL;
      self->trace = enlace_trace_drawing_new (store, heading, paths, error);
      if (self->trace == NULL)
        return NULL;
      self->trace_position = position;
    }
  return self->trace;
}

/* One path a page; @sub is the path; returns how many paths the object
 * has (at least 1: a sheet says when there is none). */
static gboolean
trace_page (EnlaceReportPages  *self,
            cairo_t            *cr,
            guint               page,
            guint               sub,
            guint              *n_paths,
            GError            **error)
{
  EnlaceTraceDrawing *drawing = trace_drawing (self, error);
  double top = body_top (self, page), bottom = body_bottom (self);
  double W = content_width (self);
  guint n;

  if (drawing == NULL)
    return FALSE;
  n = enlace_trace_drawing_get_n_paths (drawing);
  *n_paths = MAX (n, 1);
  if (cr == NULL)
    return TRUE;
  if (n == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No path from %s"),
                                               enlace_report_cursor_get (self->cursor, 0));

      cairo_set_source_rgb (cr, 0, 0, 0);
      enlace_render_text (cr, text, 11, TRUE, ENLACE_ALIGN_LEFT, MARGIN_X, top, W, 20);
    }
  else
    {
      double w, h, k;

      enlace_trace_drawing_get_path_size (drawing, sub, &w, &h);
      k = MIN (1.0, MIN (W / w, (bottom - top) / h));
      cairo_save (cr);
      cairo_translate (cr, MARGIN_X + (W - w * k) / 2, top);
      cairo_scale (cr, k, k);
      enlace_trace_drawing_draw_path (drawing, cr, sub);
      cairo_restore (cr);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Pages                                                               */

static gboolean
paginate (EnlaceReportPages  *self,
          GCancellable       *cancellable,
          GError            **error)
{
  if (!rewind_cursor (self, error))
    return FALSE;
  for (guint page = 0;; page++)
    {
      PageStart start = { self->pending ? enlace_report_cursor_get_position (self->cursor)
                                        : G_MAXINT64, 0 };

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (self->info->style == ENLACE_REPORT_TRACES)
        {
          guint n_paths = 1;

          if (!self->pending)
            break;
          if (!trace_page (self, NULL, page, 0, &n_paths, error))
            return FALSE;
          for (guint i = 0; i < n_paths; i++)
            {
              start.sub = i;
              g_array_append_val (self->starts, start);
            }
          if (!step (self, error))
            return FALSE;
          continue;
        }
      g_array_append_val (self->starts, start);
      if (self->info->style == ENLACE_REPORT_RACKS)
        {
          if (!racks_page (self, NULL, page, error))
            return FALSE;
        }
      else if (!table_page (self, NULL, page, error))
        return FALSE;
      if (self->ended && self->totals_drawn)
        break;
    }
  self->n_rows = enlace_report_cursor_get_position (self->cursor);
  if (self->starts->len == 0)
    {
      PageStart start = { G_MAXINT64, 0 };

      g_array_append_val (self->starts, start);
    }
  g_clear_pointer (&self->trace, enlace_trace_drawing_unref);
  return TRUE;
}

EnlaceReportPages *
enlace_report_pages_new (EnlaceReportCursor             *cursor,
                         const EnlaceReportPageOptions  *options,
                         GCancellable                   *cancellable,
                         GError                        **error)
{
  g_autoptr(EnlaceReportPages) self = NULL;
  static const EnlaceReportPageOptions defaults = { 0 };

  g_return_val_if_fail (cursor != NULL, NULL);

  if (options == NULL)
    options = &defaults;
  self = g_new0 (EnlaceReportPages, 1);
  self->cursor = cursor;
  self->info = enlace_report_cursor_get_info (cursor);
  self->starts = g_array_new (FALSE, FALSE, sizeof (PageStart));
  self->options.paper = g_strdup (options->paper ? options->paper : "A4");
  self->options.landscape = options->landscape;
  self->options.institution = g_strdup (options->institution);
  self->options.department = g_strdup (options->department);
  if (options->date)
    self->options.date = g_strdup (options->date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      self->options.date = g_date_time_format (now, "%Y-%m-%d");
    }
  if (!enlace_plan_paper_size (self->options.paper, &self->page_w, &self->page_h))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Unknown paper “%s” (A4, Letter or A3)"), self->options.paper);
      return NULL;
    }
  if (self->options.landscape)
    {
      double t = self->page_w;

      self->page_w = self->page_h;
      self->page_h = t;
    }
  if (options->logo)
    {
      self->logo = enlace_render_logo_new (options->logo, error);
      if (self->logo == NULL)
        return NULL;
    }
  if (!paginate (self, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
enlace_report_pages_free (EnlaceReportPages *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->cursor, enlace_report_cursor_free);
  g_clear_pointer (&self->logo, enlace_render_logo_free);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->trace, enlace_trace_drawing_unref);
  g_free ((char *) self->options.paper);
  g_free ((char *) self->options.institution);
  g_free ((char *) self->options.department);
  g_free ((char *) self->options.date);
  g_free (self);
}

guint
enlace_report_pages_get_n_pages (EnlaceReportPages *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->starts->len;
}

void
enlace_report_pages_get_size (EnlaceReportPages *self,
                              double            *width,
                              double            *height)
{
  g_return_if_fail (self != NULL);
  if (width)
    *width = self->page_w;
  if (height)
    *height = self->page_h;
}

gboolean
enlace_report_pages_draw (EnlaceReportPages  *self,
                          cairo_t            *cr,
                          guint               index,
                          GError            **error)
{
  const PageStart *start;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->starts->len, FALSE);

  start = &g_array_index (self->starts, PageStart, index);
  if (!seek (self, start->position, error))
    return FALSE;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->page_w, self->page_h);
  cairo_fill (cr);
  draw_header (self, cr, index);
  switch (self->info->style)
    {
    case ENLACE_REPORT_RACKS:
      ok = racks_page (self, cr, index, error);
      break;
    case ENLACE_REPORT_TRACES:
      {
        guint n_paths;

        ok = trace_page (self, cr, index, start->sub, &n_paths, error);
      }
      break;
    case ENLACE_REPORT_TABLE:
    default:
      ok = table_page (self, cr, index, error);
      break;
    }
  draw_footer (self, cr, index);
  cairo_restore (cr);
  return ok;
}

guint
enlace_report_write_pdf (EnlaceReportCursor             *cursor,
                         const EnlaceReportPageOptions  *options,
                         const char                     *path,
                         EnlaceReportProgressFunc        progress,
                         gpointer                        user_data,
                         GCancellable                   *cancellable,
                         GError                        **error)
{
  g_autoptr(EnlaceReportPages) pages = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n;

  g_return_val_if_fail (cursor != NULL, 0);
  g_return_val_if_fail (path != NULL, 0);

  pages = enlace_report_pages_new (cursor, options, cancellable, error);
  if (pages == NULL)
    return 0;
  n = pages->starts->len;
  surface = cairo_pdf_surface_create (path, pages->page_w, pages->page_h);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   path, cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return 0;
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title (pages));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Enlace");
  cr = cairo_create (surface);
  for (guint i = 0; i < n; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !enlace_report_pages_draw (pages, cr, i, error))
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          g_unlink (path);
          return 0;
        }
      cairo_show_page (cr);
      if (progress)
        progress (i + 1, n, user_data);
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
  return n;
}
