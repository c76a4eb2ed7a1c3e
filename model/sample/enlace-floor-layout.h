/* enlace-floor-layout.h: how the demo and the generator lay out a floor
 *
 * Rooms stand on both sides of a corridor along x: the south row at
 * y = 0, the corridor, the north row.  Outlets sit on the three walls of
 * a room away from the corridor, facing into it; horizontal cables run
 * from an outlet to the corridor, along it and to the rack.
 *
 * Model-internal (model/sample): enlace-demo.c and enlace-generate.c.
 */
#pragma once

#include "enlace-builder.h"

G_BEGIN_DECLS

typedef struct
{
  double depth;      /* of the rooms of both rows (m) */
  double corridor;   /* width of the corridor (m) */
} EnlaceFloorLayout;

/* The y of the rooms of the north or the south row. */
double  enlace_floor_layout_row_y     (const EnlaceFloorLayout *layout,
                                       gboolean                 north);
/* The y of the middle of the corridor. */
double  enlace_floor_layout_corridor_y (const EnlaceFloorLayout *layout);

/* Writes the room @code of @width at @x0 in a row. */
gint64  enlace_floor_layout_room      (const EnlaceFloorLayout *layout,
                                       EnlaceBuilder           *b,
                                       gint64                   floor_id,
                                       double                   x0,
                                       gboolean                 north,
                                       double                   width,
                                       const char              *code,
                                       const char              *name,
                                       const char              *kind);
/* Writes the corridor of level @level ("0PAS"), @length metres long. */
gint64  enlace_floor_layout_corridor  (const EnlaceFloorLayout *layout,
                                       EnlaceBuilder           *b,
                                       gint64                   floor_id,
                                       int                      level,
                                       double                   length);

/* Where outlet @i of the @n of the room of @width at @x0 goes: evenly
 * along its three walls away from the corridor, to the centimetre, with
 * its rotation (degrees). */
void    enlace_floor_layout_outlet    (const EnlaceFloorLayout *layout,
                                       double                   x0,
                                       gboolean                 north,
                                       double                   width,
                                       guint                    i,
                                       guint                    n,
                                       double                  *x,
                                       double                  *y,
                                       double                  *rotation);

/* The length of a horizontal cable from (@x, @y) to the rack at
 * (@rack_x, @rack_y) through the corridor, with a drop of 2.7 m at both
 * ends; the caller adds the slack. */
double  enlace_floor_layout_horizontal_length (const EnlaceFloorLayout *layout,
                                               double                   x,
                                               double                   y,
                                               double                   rack_x,
                                               double                   rack_y);

/* Letters of panels (and buildings): "A" … "Z", "AA", "AB", … */
char   *enlace_floor_layout_letter    (guint                    index);

G_END_DECLS
