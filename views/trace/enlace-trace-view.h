/* enlace-trace-view.h: the page of a trace ("trace/port", "trace/cable",
 * "trace/device", "trace/circuit-termination", "trace/extension"): the
 * paths drawn hop by hop, printable and exportable to PDF and PNG. */
#pragma once

#include "enlace-page.h"
#include "enlace-render-trace.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_TRACE_VIEW (enlace_trace_view_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceTraceView, enlace_trace_view, ENLACE, TRACE_VIEW, EnlacePage)

/* The drawing shown, or NULL before an object is set. */
EnlaceTraceDrawing *enlace_trace_view_get_drawing (EnlaceTraceView  *self);
/* Writes what is shown to @path (PDF: one page per path; PNG). */
gboolean            enlace_trace_view_export      (EnlaceTraceView  *self,
                                                   const char       *path,
                                                   gboolean          pdf,
                                                   GError          **error);

G_END_DECLS
