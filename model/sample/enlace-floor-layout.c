/* enlace-floor-layout.c: the floor layout shared by the demo campus and
 * the generator (see enlace-floor-layout.h)
 */
#define G_LOG_DOMAIN "enlace-sample"
#include "config.h"

#include <math.h>

#include "enlace-floor-layout.h"

#define DROP_M 2.7   /* from the ceiling down to an outlet or a rack */

double
enlace_floor_layout_row_y (const EnlaceFloorLayout *layout,
                           gboolean                 north)
{
  g_return_val_if_fail (layout != NULL, 0);
  return north ? layout->depth + layout->corridor : 0.0;
}

double
enlace_floor_layout_corridor_y (const EnlaceFloorLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->depth + layout->corridor / 2;
}

gint64
enlace_floor_layout_room (const EnlaceFloorLayout *layout,
                          EnlaceBuilder           *b,
                          gint64                   floor_id,
                          double                   x0,
                          gboolean                 north,
                          double                   width,
                          const char              *code,
                          const char              *name,
                          const char              *kind)
{
  g_autofree char *outline = NULL;

  g_return_val_if_fail (layout != NULL, 0);
  outline = enlace_builder_rect (x0, enlace_floor_layout_row_y (layout, north), width, layout->depth);
  return enlace_builder_space (b, floor_id, code, name, kind, outline);
}

gint64
enlace_floor_layout_corridor (const EnlaceFloorLayout *layout,
                              EnlaceBuilder           *b,
                              gint64                   floor_id,
                              int                      level,
                              double                   length)
{
  g_autofree char *outline = NULL;
  g_autofree char *code = NULL;

  g_return_val_if_fail (layout != NULL, 0);
  outline = enlace_builder_rect (0, layout->depth, length, layout->corridor);
  code = g_strdup_printf ("%dPAS", level);
  return enlace_builder_space (b, floor_id, code, "Pasillo", "other", outline);
}

static double
round2 (double v)
{
  return floor (v * 100.0 + 0.5) / 100.0;
}

void
enlace_floor_layout_outlet (const EnlaceFloorLayout *layout,
                            double                   x0,
                            gboolean                 north,
                            double                   width,
                            guint                    i,
                            guint                    n,
                            double                  *x,
                            double                  *y,
                            double                  *rotation)
{
  const double inset = 0.05;
  double depth, y0, t;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (n > 0);

  /* walk the three walls away from the corridor: side, back, side */
  depth = layout->depth;
  y0 = enlace_floor_layout_row_y (layout, north);
  t = (i + 0.5) * (2 * depth + width) / n;
  if (t < depth)
    {
      *x = x0 + inset;
      *y = north ? y0 + t : y0 + depth - t;
      *rotation = 0;
    }
  else if (t < depth + width)
    {
      *x = x0 + (t - depth);
      *y = north ? y0 + depth - inset : y0 + inset;
      *rotation = north ? 270 : 90;
    }
  else
    {
      double u = t - depth - width;

      *x = x0 + width - inset;
      *y = north ? y0 + depth - u : y0 + u;
      *rotation = 180;
    }
  *x = round2 (*x);
  *y = round2 (*y);
}

double
enlace_floor_layout_horizontal_length (const EnlaceFloorLayout *layout,
                                       double                   x,
                                       double                   y,
                                       double                   rack_x,
                                       double                   rack_y)
{
  double corridor_y;

  g_return_val_if_fail (layout != NULL, 0);
  corridor_y = enlace_floor_layout_corridor_y (layout);
  return fabs (x - rack_x) + fabs (y - corridor_y) + fabs (rack_y - corridor_y) + 2 * DROP_M;
}

char *
enlace_floor_layout_letter (guint index)
{
  char buf[8];
  int i = G_N_ELEMENTS (buf) - 1;

  buf[i] = '\0';
  index++;
  while (index > 0 && i > 0)
    {
      index--;
      buf[--i] = 'A' + (index % 26);
      index /= 26;
    }
  return g_strdup (buf + i);
}
