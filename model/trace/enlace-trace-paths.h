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

/* Why @path stopped where it did, for people: NULL for a complete path;
 * else a sentence naming the missing hop and its place, "no patch cord at
 * B-1A-PPA port 37 in rack B-1A-R1", "served up to jack B-1A-020:D in
 * B/1/020: nothing is recorded in front of it".  *@code (nullable)
 * receives a stable code (static string): "at-jack", "no-patch-cord",
 * "no-cable", "no-far-end", "no-mapping", "circuit-not-cabled",
 * "no-position", "mixed", "loop", "mid-span"; NULL when complete. */
char      *enlace_tracer_dup_stop_text     (EnlaceTracer      *tracer,
                                            const EnlacePath  *path,
                                            const char       **code);

/* Counts @paths by state into @counts (ENLACE_N_PATH_STATES entries)
 * and, when @active is not NULL, the active ones. */
void       enlace_paths_count_states       (GPtrArray         *paths,
                                            guint             *counts,
                                            guint             *active);
/* "3 paths: 1 complete, 2 up to the jack, 0 incomplete, 0 split; 3
 * active" — the count the trace page and `enlace-cli paths` print. */
char      *enlace_paths_dup_summary        (GPtrArray         *paths);

/* Removes from @paths every path that is an earlier one reversed (the
 * same hops in the opposite order), keeping the one found first.  Returns
 * @paths (NULL stays NULL). */
GPtrArray *enlace_paths_drop_reversed      (GPtrArray     *paths);

/* The paths for an object of @kind: "port", "circuit-termination",
 * "cable", "device" (enlace_tracer_trace_term / _cable / _device with
 * reversed duplicates dropped) or "extension" (the paths of the port the
 * extension rides on).  Each path runs from the object traced from: a
 * path met at its far end (a jack traced, the path coming from the
 * switch) is given reversed (enlace_path_reverse ()), so that its first
 * hop is the object, or the end nearer to it.  @title (nullable) receives a title for them,
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

/* From the tracer's graph (no SQL once the rows are loaded), for code that
 * walks many paths (the common causes of fault reports): the device of a
 * port, the circuit of a circuit termination, a device's role (interned
 * string) and the readable key of a "device", "port", "cable" or
 * "circuit" (enlace_store_dup_key () for other kinds).  0 / NULL when the
 * object does not exist. */
gint64      enlace_tracer_get_port_device   (EnlaceTracer  *tracer,
                                             gint64         port_id);
gint64      enlace_tracer_get_term_circuit  (EnlaceTracer  *tracer,
                                             gint64         term_id);
const char *enlace_tracer_get_device_role   (EnlaceTracer  *tracer,
                                             gint64         device_id);
char       *enlace_tracer_dup_object_key    (EnlaceTracer  *tracer,
                                             const char    *kind,
                                             gint64         id);

G_END_DECLS
