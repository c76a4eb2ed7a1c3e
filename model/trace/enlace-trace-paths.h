/* enlace-trace-paths.h: the paths shown for an object, in every front end
 *
 * What the trace page, the device page and `enlace-cli trace` list for an
 * object: the tracer's paths (enlace-trace.h) with a trace through a cable
 * or a pass-through port given once, not once from each end, and phone
 * extensions traced from the port they ride on.
 */
#pragma once

#include "enlace-trace.h"

G_BEGIN_DECLS

/* Removes from @paths every path that is an earlier one reversed (the
 * same hops in the opposite order), keeping the one found first.  Returns
 * @paths (NULL stays NULL). */
GPtrArray *enlace_paths_drop_reversed      (GPtrArray     *paths);

/* The paths for an object of @kind: "port", "circuit-termination",
 * "cable", "device" (enlace_tracer_trace_term / _cable / _device with
 * reversed duplicates dropped) or "extension" (the paths of the port the
 * extension rides on).  @title (nullable) receives a title for them,
 * "Trace from SW-1:Gi1/0/1".  A new GPtrArray of EnlacePath*, possibly
 * empty, or NULL with @error: ENLACE_STORE_ERROR_NOT_FOUND when the object
 * does not exist or an extension rides on no port, _INVALID for a kind
 * that cannot be traced. */
GPtrArray *enlace_tracer_trace_object      (EnlaceTracer  *tracer,
                                            const char    *kind,
                                            gint64         id,
                                            char         **title,
                                            GError       **error);

/* Resolves @key as a port (DEVICE:PORT), a circuit termination
 * (CIRCUIT:A), a cable label, a device name or an extension number, in
 * that order, into *@kind (static string) and *@id.  FALSE with
 * ENLACE_STORE_ERROR_NOT_FOUND when nothing has that key. */
gboolean   enlace_tracer_resolve_key       (EnlaceTracer  *tracer,
                                            const char    *key,
                                            const char   **kind,
                                            gint64        *id,
                                            GError       **error);

/* enlace_tracer_resolve_key () and enlace_tracer_trace_object (). */
GPtrArray *enlace_tracer_trace_object_key  (EnlaceTracer  *tracer,
                                            const char    *key,
                                            char         **title,
                                            GError       **error);

G_END_DECLS
