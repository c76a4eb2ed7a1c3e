/* enlace-render-trace.h: cable paths drawn hop by hop
 *
 * Each path is a column read from top to bottom: one box per hop (the
 * device, its port or ports — a panel's front and rear port share a box —
 * the space and the rack), and between boxes the cable(s) drawn in their
 * colour with label, type, kind and length (dashed when planned, crossed
 * when decommissioned).  A circuit is drawn as a provider link between
 * its two terminations.  Above each column: the flags of the path
 * (complete, active, split and why) and its total length.
 *
 * Loaded once from the store and a list of paths (model/enlace-trace.h),
 * then drawn into any cairo_t: all columns side by side
 * (enlace_trace_drawing_draw()) or one path per page
 * (enlace_trace_drawing_draw_path()).
 */
#pragma once

#include <cairo.h>

#include "enlace-store.h"
#include "enlace-trace.h"

G_BEGIN_DECLS

typedef struct _EnlaceTraceDrawing EnlaceTraceDrawing;

#define ENLACE_TYPE_TRACE_DRAWING (enlace_trace_drawing_get_type ())
GType               enlace_trace_drawing_get_type  (void) G_GNUC_CONST;

/* @paths: EnlacePath*; @title: shown on top ("Trace from SW-1:Gi1/0/5"). */
EnlaceTraceDrawing *enlace_trace_drawing_new       (EnlaceStore         *store,
                                                    const char          *title,
                                                    GPtrArray           *paths,
                                                    GError             **error);
EnlaceTraceDrawing *enlace_trace_drawing_ref       (EnlaceTraceDrawing  *self);
void                enlace_trace_drawing_unref     (EnlaceTraceDrawing  *self);

guint               enlace_trace_drawing_get_n_paths (EnlaceTraceDrawing *self);
/* The paths drawn (EnlacePath*), as given to _new (). */
GPtrArray          *enlace_trace_drawing_get_paths (EnlaceTraceDrawing *self);
/* Number of boxes (devices, terminations) and cable segments drawn. */
guint               enlace_trace_drawing_get_n_boxes (EnlaceTraceDrawing *self);
guint               enlace_trace_drawing_get_n_cables (EnlaceTraceDrawing *self);

/* Every column side by side. */
void                enlace_trace_drawing_get_size  (EnlaceTraceDrawing  *self,
                                                    double              *width,
                                                    double              *height);
void                enlace_trace_drawing_draw      (EnlaceTraceDrawing  *self,
                                                    cairo_t             *cr);
/* One path with the title, for a printed page. */
void                enlace_trace_drawing_get_path_size (EnlaceTraceDrawing *self,
                                                    guint                i,
                                                    double              *width,
                                                    double              *height);
void                enlace_trace_drawing_draw_path (EnlaceTraceDrawing  *self,
                                                    cairo_t             *cr,
                                                    guint                i);

/* Page @i of a print of @page_w × @page_h points: the project's header
 * (enlace-render-document.h: project, date, author) and path @i under it,
 * scaled down to fit. */
void                enlace_trace_drawing_print_page (EnlaceTraceDrawing *self,
                                                    cairo_t             *cr,
                                                    guint                i,
                                                    double               page_w,
                                                    double               page_h);
/* The object drawn at (x, y) in the side-by-side drawing: *@kind is
 * "port", "cable", "circuit-termination" or "space" (static strings).  FALSE when
 * nothing is there. */
gboolean            enlace_trace_drawing_hit       (EnlaceTraceDrawing  *self,
                                                    double               x,
                                                    double               y,
                                                    const char         **kind,
                                                    gint64              *id);
/* Highlights an object (NULL kind: none). */
void                enlace_trace_drawing_set_hover (EnlaceTraceDrawing  *self,
                                                    const char          *kind,
                                                    gint64               id);
/* Text for a tooltip about the object at (x, y), or NULL. */
char               *enlace_trace_drawing_dup_tooltip (EnlaceTraceDrawing *self,
                                                    double               x,
                                                    double               y);

/* Every text of the drawing, one a line: per path its stop reason, then
 * per box or cable its title and lines (for tests and assistive text). */
char               *enlace_trace_drawing_dup_text  (EnlaceTraceDrawing  *self);
/* How many lines of boxes, cables and stop reasons are wider than the
 * room they are drawn in (and would be cut with an ellipsis) when drawn
 * with @cr. */
guint               enlace_trace_drawing_count_cut_lines (EnlaceTraceDrawing *self,
                                                          cairo_t            *cr);
/* Writes the side-by-side drawing to a PDF (@pdf TRUE, one page per path,
 * each under the project's header: project, date of printing, author)
 * or a PNG at @scale (1 = 96 dpi). */
gboolean            enlace_trace_drawing_export    (EnlaceTraceDrawing  *self,
                                                    const char          *path,
                                                    gboolean             pdf,
                                                    double               scale,
                                                    GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceTraceDrawing, enlace_trace_drawing_unref)

G_END_DECLS
