/* enlace-render-plan.h: draws a floor plan to scale into any cairo_t
 *
 * The same code draws the plan widget (through gtk_snapshot_append_cairo),
 * the printed sheets and the PDF, SVG and PNG exports of enlace-cli.
 * Cairo units are device units: pixels on screen, points on paper; the
 * viewport maps metres to them.
 */
#pragma once

#include <cairo.h>

#include "enlace-geometry.h"
#include "enlace-plan.h"

G_BEGIN_DECLS

typedef enum
{
  ENLACE_PLAN_LAYER_BACKGROUND    = 1 << 0,
  ENLACE_PLAN_LAYER_SPACES        = 1 << 1,
  ENLACE_PLAN_LAYER_WALLS         = 1 << 2,
  ENLACE_PLAN_LAYER_PATHWAYS      = 1 << 3,
  ENLACE_PLAN_LAYER_OUTLETS_DATA  = 1 << 4,
  ENLACE_PLAN_LAYER_OUTLETS_VOICE = 1 << 5,
  ENLACE_PLAN_LAYER_RACKS         = 1 << 6,
  ENLACE_PLAN_LAYER_DEVICES       = 1 << 7,  /* access points, wall-mounted */
  ENLACE_PLAN_LAYER_LABELS        = 1 << 8,
  ENLACE_PLAN_LAYER_ROUTES        = 1 << 9,
  ENLACE_PLAN_LAYER_ALL           = (1 << 10) - 1,
} EnlacePlanLayers;

#define ENLACE_PLAN_LAYERS_DEFAULT (ENLACE_PLAN_LAYER_ALL & ~ENLACE_PLAN_LAYER_ROUTES)

typedef enum
{
  ENLACE_PLAN_COLOR_STATE,   /* jacks: in service, free, planned, faulty */
  ENLACE_PLAN_COLOR_STATUS,  /* devices: planned, active, retired */
} EnlacePlanColoring;

/* A background image, decoded once: PNG or JPEG (gdk-pixbuf), SVG
 * (librsvg) or a page of a PDF (poppler).  Sizes are in its own units:
 * pixels, CSS pixels or PDF points. */
typedef struct _EnlacePlanBackground EnlacePlanBackground;

EnlacePlanBackground *enlace_plan_background_new   (GBytes               *data,
                                                    const char           *mime,
                                                    int                   page,
                                                    GError              **error);
void                  enlace_plan_background_free  (EnlacePlanBackground *self);
double                enlace_plan_background_get_width  (EnlacePlanBackground *self);
double                enlace_plan_background_get_height (EnlacePlanBackground *self);
int                   enlace_plan_background_get_n_pages (EnlacePlanBackground *self);
/* Guesses the MIME type from the first bytes; NULL when not supported. */
const char           *enlace_plan_background_sniff (GBytes               *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlacePlanBackground, enlace_plan_background_free)

typedef struct
{
  guint                  layers;      /* EnlacePlanLayers */
  EnlacePlanColoring     coloring;
  EnlacePlanBackground  *background;  /* nullable */
  GPtrArray             *selection;   /* of EnlacePlanItem*, nullable */
  const EnlacePlanItem  *highlight;   /* found by a search, nullable */
  const EnlacePlanItem  *hover;       /* nullable */
  gboolean               paper;       /* white page, no selection decorations */
  double                 grid;        /* metres between grid lines, 0: none (screen only) */
  GPtrArray             *marks;       /* of EnlacePlanItem*: failing a cabling rule
                                       * (views/rules), outlined red; nullable */
} EnlacePlanStyle;

void enlace_plan_style_init   (EnlacePlanStyle *style);

/* On paper (@paper in the style) every outlet is named under its symbol,
 * at least this size in points, whatever the scale. */
#define ENLACE_PLAN_PAPER_LABEL_SIZE 6.0

/* Draws the plan of @scene as seen through @vp into @cr (whose origin is
 * the top-left corner of the view).  Only what is visible is drawn. */
void enlace_render_plan       (cairo_t               *cr,
                               EnlacePlanScene       *scene,
                               const EnlaceViewport  *vp,
                               const EnlacePlanStyle *style);
/* Only what enlace_render_plan() draws over the plan: the outline of the
 * selected items, of the item under the pointer, of the item found by
 * a search and of the items failing a rule (red, with a ring).  A widget that keeps the drawn plan (the plan canvas) draws
 * the plan with none of the three in @style, then these over it. */
void enlace_render_plan_decorations (cairo_t               *cr,
                                     const EnlaceViewport  *vp,
                                     const EnlacePlanStyle *style);
/* A scale bar about @max_len units long with its bottom-left at (x, y). */
void enlace_render_scale_bar  (cairo_t               *cr,
                               const EnlaceViewport  *vp,
                               double                 x,
                               double                 y,
                               double                 max_len);
/* A north arrow of size @size centred at (x, y); @north in degrees. */
void enlace_render_north      (cairo_t               *cr,
                               double                 x,
                               double                 y,
                               double                 size,
                               double                 north);
/* The legend of what @style shows, in the box (x, y, w, h); returns the
 * height used. */
double enlace_render_plan_legend (cairo_t               *cr,
                                  const EnlacePlanStyle *style,
                                  double                 x,
                                  double                 y,
                                  double                 w);

/* Colours, shared with the widget's tooltips and lists. */
void enlace_render_jack_state_rgb (EnlaceJackState state,
                                   double         *r,
                                   double         *g,
                                   double         *b);

G_END_DECLS
