/* enlace-render-bom.h: the bill of materials as a small table (cairo +
 * pango), on screen or in a PDF of A4 pages. */
#pragma once

#include <cairo.h>

#include "enlace-bom.h"
#include "enlace-store.h"

G_BEGIN_DECLS

/* The table is laid out in points for the PDF's A4 page (text of 8 pt);
 * on screen it is drawn ENLACE_RENDER_BOM_SCREEN_SCALE times larger so
 * that its text reads like the window's (about 11 pt at 100 %). */
#define ENLACE_RENDER_BOM_SCREEN_SCALE 1.4
/* The narrowest the table is drawn (its columns of quantity, unit price
 * and cost, and room for the item), in the table's own units. */
#define ENLACE_RENDER_BOM_MIN_WIDTH 450.0

/* Draws the lines of @group from @y, @width wide; returns the y below. */
double       enlace_render_bom_group    (cairo_t        *cr,
                                         EnlaceBomGroup *group,
                                         double          x,
                                         double          y,
                                         double          width);
/* The height enlace_render_bom_group () takes for @group. */
double       enlace_render_bom_group_height (EnlaceBomGroup *group);
/* Writes the bill (each floor, each building, the total) as a PDF of A4
 * pages at @path. */
gboolean     enlace_render_bom_pdf      (EnlaceStore    *store,
                                         EnlaceBom      *bom,
                                         const char     *path,
                                         GError        **error);

G_END_DECLS
