/* enlace-render-impact.h: "What breaks" in words — the title, the
 * headline and what it means, each service cut, and the people and
 * extensions affected — shared by the impact page and its printed and PDF
 * report, so that paper says what the screen says. */
#pragma once

#include "enlace-person-lines.h"
#include "enlace-render-plaindoc.h"
#include "enlace-trace.h"

G_BEGIN_DECLS

/* "What breaks if rack R1 is removed" (@kind: "cable", "port", "rack",
 * "circuit-termination" or "device"). */
char         *enlace_impact_dup_title       (EnlaceStore            *store,
                                             const char             *kind,
                                             gint64                  id);
/* "50 services would be cut (25 paths run through it)." */
char         *enlace_impact_dup_headline    (EnlaceImpact           *impact);
/* What a service and a path are, and why there are about twice as many
 * services as paths. */
char         *enlace_impact_dup_explanation (EnlaceImpact           *impact);
/* The detail of one service: "Area: Rectoría · Extension 2001 · now
 * reaches SW-1:Gi1/0/3" (empty when nothing to say). */
char         *enlace_impact_dup_item_detail (EnlaceTracer           *tracer,
                                             const EnlaceImpactItem *item);
/* "B/1/020 — Sala de lectura", or "Not placed in a space". */
char         *enlace_impact_dup_space_title (EnlaceTracer           *tracer,
                                             gint64                  space_id);
/* One line per person affected ("Ana Gómez": "Extensions 2001, 2002"),
 * then per extension held by no person on record; @extensions from
 * enlace_tracer_impact_extensions ().  Calls @add for each. */
typedef void (*EnlaceImpactLineFunc) (const char *title,
                                      const char *detail,
                                      gint64      person_id,
                                      gint64      extension_id,
                                      gpointer    data);
void          enlace_impact_foreach_person  (GPtrArray              *extensions,
                                             EnlaceImpactLineFunc    add,
                                             gpointer                data);

/* The whole report of what breaks if object @id of @kind goes. */
EnlacePlainDoc *enlace_impact_report_new      (EnlaceTracer           *tracer,
                                             const char             *kind,
                                             gint64                  id,
                                             GError                **error);

G_END_DECLS
