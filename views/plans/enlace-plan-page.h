/* enlace-plan-page.h: the floor-plan editor page (kind "plan", id = floor) */
#pragma once

#include "enlace-page.h"
#include "enlace-plan-canvas.h"
#include "enlace-rules.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_PLAN_PAGE (enlace_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (EnlacePlanPage, enlace_plan_page, ENLACE, PLAN_PAGE, EnlacePage)

EnlacePlanCanvas *enlace_plan_page_get_canvas     (EnlacePlanPage *self);
/* Loads an image or PDF file under the floor (the "Load plan…" button). */
gboolean          enlace_plan_page_load_background (EnlacePlanPage *self,
                                                    GFile          *file,
                                                    int             page,
                                                    GError        **error);
/* Sets the background's scale from a measure of @real_m metres between
 * two points of the image, warning when a second measure disagrees. */
gboolean          enlace_plan_page_calibrate      (EnlacePlanPage *self,
                                                   double          x1,
                                                   double          y1,
                                                   double          x2,
                                                   double          y2,
                                                   double          real_m,
                                                   GError        **error);
/* Searches the floor (the search entry) and centres the plan on it. */
gboolean          enlace_plan_page_find           (EnlacePlanPage *self,
                                                   const char     *text);
/* Writes the floor to a PDF, SVG or PNG file with the page's print
 * settings (scale, paper). */
gboolean          enlace_plan_page_export         (EnlacePlanPage *self,
                                                   const char     *path,
                                                   const char     *format,
                                                   GError        **error);
/* "Installation order…" (as its button does): asks, then sends the floor's
 * design to installation and shows the order's case.  Returns the
 * question (NULL when no floor is shown). */
AdwMessageDialog *enlace_plan_page_install_order  (EnlacePlanPage *self);
/* The live check of the floor shown (rerun after every command; marks on
 * the plan) and how long it took; NULL before a floor is shown. */
EnlaceRuleReport *enlace_plan_page_get_report     (EnlacePlanPage *self,
                                                   double         *check_ms);
/* Asks the plan page that next shows @floor_id to select @refs (and
 * centre on them): "select on the plan" of the rules page, which then
 * activates the kind "plan". */
void              enlace_plan_page_request_selection (EnlaceStore         *store,
                                                   gint64               floor_id,
                                                   const EnlacePlanRef *refs,
                                                   guint                n);
void              enlace_plan_page_set_print_scale (EnlacePlanPage *self,
                                                    guint           scale,
                                                    const char     *paper);

G_END_DECLS
