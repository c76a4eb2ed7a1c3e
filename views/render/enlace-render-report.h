/* enlace-render-report.h: the reports on paper — one engine for the print
 * dialog (with its preview), PDF files and enlace-cli report.
 *
 * Every page has the project's header (logo, institution, department,
 * the report's title and date) and a foot ("Page N of M"); the first
 * page carries the title and the scope.  A tabular report repeats its
 * column headings on every page and starts a sub-heading where the group
 * changes (the space of an outlet, the panel of a port); its totals close
 * the last page.  Rack elevations are drawn side by side, front and rear,
 * as many on a page as fit; trace sheets draw one path a page.
 *
 * Streamed: laying the report out steps the model's cursor once and keeps
 * only where each page starts; drawing a page steps it again from there,
 * so a long schedule is never held in memory.  Drawing the pages in order
 * (a PDF, a printer) reads the rows once more; going back (a preview)
 * reads again from the first row.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "enlace-report.h"

G_BEGIN_DECLS

typedef struct
{
  const char *paper;        /* "A4" (default), "Letter", "A3"… */
  gboolean    landscape;
  GBytes     *logo;         /* nullable: PNG, JPEG or SVG */
  const char *institution;  /* nullable */
  const char *department;   /* nullable */
  const char *date;         /* nullable: today */
} EnlaceReportPageOptions;

/* The options of @store's identity (institution, department, logo) and
 * the report's usual orientation; the strings belong to @out, free them
 * with enlace_report_page_options_clear (). */
void enlace_report_page_options_init  (EnlaceReportPageOptions *out,
                                       EnlaceStore             *store,
                                       const EnlaceReportInfo  *info);
void enlace_report_page_options_clear (EnlaceReportPageOptions *options);

typedef struct _EnlaceReportPages EnlaceReportPages;

/* Called after each page written. */
typedef void (*EnlaceReportProgressFunc) (guint    page,
                                          guint    n_pages,
                                          gpointer user_data);

/* Lays out the report of @cursor (taken: freed with the pages).  Fails on
 * an unknown paper, a logo that cannot be read, an SQL error or when
 * @cancellable is cancelled. */
EnlaceReportPages *enlace_report_pages_new      (EnlaceReportCursor             *cursor,
                                                 const EnlaceReportPageOptions  *options,
                                                 GCancellable                   *cancellable,
                                                 GError                        **error);
void               enlace_report_pages_free     (EnlaceReportPages *self);
guint              enlace_report_pages_get_n_pages (EnlaceReportPages *self);
/* The page's size in points, as oriented. */
void               enlace_report_pages_get_size (EnlaceReportPages *self,
                                                 double            *width,
                                                 double            *height);
/* Draws page @index (0-based) at 1 unit = 1 point, origin top-left. */
gboolean           enlace_report_pages_draw     (EnlaceReportPages  *self,
                                                 cairo_t            *cr,
                                                 guint               index,
                                                 GError            **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceReportPages, enlace_report_pages_free)

/* Lays out and writes @cursor's report (taken) to a PDF at @path, page by
 * page.  Returns the number of pages, 0 with @error. */
guint              enlace_report_write_pdf      (EnlaceReportCursor             *cursor,
                                                 const EnlaceReportPageOptions  *options,
                                                 const char                     *path,
                                                 EnlaceReportProgressFunc        progress,
                                                 gpointer                        user_data,
                                                 GCancellable                   *cancellable,
                                                 GError                        **error);

G_END_DECLS
