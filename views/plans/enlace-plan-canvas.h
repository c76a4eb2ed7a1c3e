/* enlace-plan-canvas.h: the floor-plan editor's drawing area
 *
 * Draws one floor (views/render/enlace-render-plan.c) and edits it through
 * the model's plan commands (model/enlace-plan.h): select, rubber-band,
 * move, rotate, delete, copy and paste, vertex editing; drawing walls,
 * spaces and pathways; placing outlets, racks and access points; zoom,
 * pan, grid and snapping, rulers, a scale bar and a measure tool.
 * What needs a question to the user (which space a polygon is, the real
 * length of a calibration line, which rack goes here) is asked by the
 * page through signals.
 */
#pragma once

#include <gtk/gtk.h>

#include "enlace-plan.h"
#include "enlace-render-plan.h"
#include "enlace-store.h"

G_BEGIN_DECLS

typedef enum
{
  ENLACE_PLAN_TOOL_SELECT,
  ENLACE_PLAN_TOOL_PAN,
  ENLACE_PLAN_TOOL_MEASURE,
  ENLACE_PLAN_TOOL_CALIBRATE,
  ENLACE_PLAN_TOOL_WALL,
  ENLACE_PLAN_TOOL_SPACE,
  ENLACE_PLAN_TOOL_PATHWAY,
  ENLACE_PLAN_TOOL_OUTLET,
  ENLACE_PLAN_TOOL_RACK,
  ENLACE_PLAN_TOOL_ACCESS_POINT,
} EnlacePlanTool;

#define ENLACE_TYPE_PLAN_CANVAS (enlace_plan_canvas_get_type ())
G_DECLARE_FINAL_TYPE (EnlacePlanCanvas, enlace_plan_canvas, ENLACE, PLAN_CANVAS, GtkWidget)

GtkWidget        *enlace_plan_canvas_new            (void);
void              enlace_plan_canvas_set_store      (EnlacePlanCanvas *self,
                                                     EnlaceStore      *store,
                                                     gpointer          tracer);
void              enlace_plan_canvas_set_floor      (EnlacePlanCanvas *self,
                                                     gint64            floor_id);
gint64            enlace_plan_canvas_get_floor      (EnlacePlanCanvas *self);
EnlacePlanScene  *enlace_plan_canvas_get_scene      (EnlacePlanCanvas *self);
/* Reloads the scene (and the background when @background). */
void              enlace_plan_canvas_reload         (EnlacePlanCanvas *self,
                                                     gboolean          background);

void              enlace_plan_canvas_set_tool       (EnlacePlanCanvas *self,
                                                     EnlacePlanTool    tool);
EnlacePlanTool    enlace_plan_canvas_get_tool       (EnlacePlanCanvas *self);
void              enlace_plan_canvas_set_layers     (EnlacePlanCanvas *self,
                                                     guint             layers);
guint             enlace_plan_canvas_get_layers     (EnlacePlanCanvas *self);
void              enlace_plan_canvas_set_coloring   (EnlacePlanCanvas *self,
                                                     EnlacePlanColoring coloring);
const EnlacePlanStyle *enlace_plan_canvas_get_style (EnlacePlanCanvas *self);
/* Grid spacing in metres (0: no grid) and snapping. */
void              enlace_plan_canvas_set_grid       (EnlacePlanCanvas *self,
                                                     double            metres);
void              enlace_plan_canvas_set_snap       (EnlacePlanCanvas *self,
                                                     gboolean          snap);
/* What the drawing tools create. */
void              enlace_plan_canvas_set_pathway_kind (EnlacePlanCanvas *self,
                                                     const char       *kind,
                                                     double            height);
void              enlace_plan_canvas_set_outlet_jacks (EnlacePlanCanvas *self,
                                                     guint             n_data,
                                                     guint             n_voice);

void              enlace_plan_canvas_zoom           (EnlacePlanCanvas *self,
                                                     double            factor);
void              enlace_plan_canvas_zoom_fit       (EnlacePlanCanvas *self);
const EnlaceViewport *enlace_plan_canvas_get_viewport (EnlacePlanCanvas *self);
GtkAdjustment    *enlace_plan_canvas_get_hadjustment (EnlacePlanCanvas *self);
GtkAdjustment    *enlace_plan_canvas_get_vadjustment (EnlacePlanCanvas *self);

/* Centres the view on an object of the floor and highlights it; FALSE
 * when it is not drawn on this floor. */
gboolean          enlace_plan_canvas_show_item      (EnlacePlanCanvas  *self,
                                                     EnlacePlanItemKind kind,
                                                     gint64             id);
/* The selected items (EnlacePlanItem*, owned by the scene). */
GPtrArray        *enlace_plan_canvas_get_selection  (EnlacePlanCanvas *self);
void              enlace_plan_canvas_select         (EnlacePlanCanvas  *self,
                                                     EnlacePlanItemKind kind,
                                                     gint64             id);
/* Selects the items of @refs that the floor draws, and centres the view
 * on them; returns how many were selected. */
guint             enlace_plan_canvas_select_items   (EnlacePlanCanvas    *self,
                                                     const EnlacePlanRef *refs,
                                                     guint                n);
/* The items failing a cabling rule (the live check of the plan page),
 * outlined red; kept across reloads while they exist. */
void              enlace_plan_canvas_set_marks      (EnlacePlanCanvas    *self,
                                                     const EnlacePlanRef *refs,
                                                     guint                n);
guint             enlace_plan_canvas_get_n_marks    (EnlacePlanCanvas    *self);
/* Edit actions on the selection (also bound to keys). */
void              enlace_plan_canvas_delete_selection (EnlacePlanCanvas *self);
void              enlace_plan_canvas_copy           (EnlacePlanCanvas *self);
void              enlace_plan_canvas_paste          (EnlacePlanCanvas *self);
void              enlace_plan_canvas_rotate_selection (EnlacePlanCanvas *self,
                                                     double            degrees);
void              enlace_plan_canvas_nudge          (EnlacePlanCanvas *self,
                                                     double            dx,
                                                     double            dy);

/* Test and automation hooks: what a click or a drag at plan coordinates
 * (metres) does with the current tool, without a pointer. */
void              enlace_plan_canvas_click_at       (EnlacePlanCanvas *self,
                                                     EnlacePoint       p,
                                                     GdkModifierType   state,
                                                     int               n_press);
void              enlace_plan_canvas_drag           (EnlacePlanCanvas *self,
                                                     EnlacePoint       from,
                                                     EnlacePoint       to,
                                                     GdkModifierType   state);
/* What moving the pointer to @p (plan coordinates) does: the item under
 * it is outlined, the rulers and the status line follow it. */
void              enlace_plan_canvas_pointer_at     (EnlacePlanCanvas *self,
                                                     EnlacePoint       p);
/* How many times the plan itself has been drawn (it is kept while only
 * what follows the pointer changes) and how many frames were drawn. */
void              enlace_plan_canvas_get_render_counts (EnlacePlanCanvas *self,
                                                     guint            *scene_renders,
                                                     guint            *frames);
/* Ends the polyline or polygon being drawn (Enter). */
void              enlace_plan_canvas_finish         (EnlacePlanCanvas *self);
/* A readable description of an item, for tooltips and the side panel. */
char             *enlace_plan_canvas_describe       (EnlacePlanCanvas     *self,
                                                     const EnlacePlanItem *item);

G_END_DECLS
