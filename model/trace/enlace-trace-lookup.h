/* enlace-trace-lookup.h: what the tracer's graph knows of a port (its
 * device) and of a cable, for the areas of the model that walk the
 * tracer's paths and need those facts about every hop (the rules check):
 * read from the graph, which reads the rows it lacks, so that a warm
 * tracer answers without a query.  Model-internal.
 *
 * The strings belong to the tracer: interned, or valid until the store
 * changes. */
#pragma once

#include "enlace-trace.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      device_id;
  const char *kind;          /* "interface", "front", "rear" */
  const char *device_role;   /* interned */
  const char *device_name;
} EnlaceTracerPort;

typedef struct
{
  const char *label;         /* NULL when the cable has none */
  const char *kind;          /* interned */
  const char *type;          /* interned, NULL when unknown */
  double      length;        /* 0 when unknown */
  gboolean    has_length;
} EnlaceTracerCable;

/* FALSE when there is no such port, or its device is missing. */
gboolean _enlace_tracer_lookup_port  (EnlaceTracer      *self,
                                      gint64             port_id,
                                      EnlaceTracerPort  *out);
/* FALSE when there is no such cable. */
gboolean _enlace_tracer_lookup_cable (EnlaceTracer      *self,
                                      gint64             cable_id,
                                      EnlaceTracerCable *out);

G_END_DECLS
