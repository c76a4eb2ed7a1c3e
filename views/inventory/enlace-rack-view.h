/* enlace-rack-view.h: the page of a rack ("rack"): its elevation, front
 * and rear, with adding a device from a device type and moving devices by
 * dragging them to a free unit. */
#pragma once

#include "enlace-page.h"
#include "enlace-rack-canvas.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_RACK_VIEW (enlace_rack_view_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceRackView, enlace_rack_view, ENLACE, RACK_VIEW, EnlacePage)

EnlaceRackCanvas *enlace_rack_view_get_canvas   (EnlaceRackView  *self);
/* The message shown after the last refused change, or NULL. */
const char       *enlace_rack_view_get_message  (EnlaceRackView  *self);
/* What the "Add device" popover does: a device of type @type_id named
 * @name at @position on @face ("front" / "rear").  Returns its id, or 0
 * with @error set (the message is also shown on the page).  While the
 * window has a current order (enlace-current-order.h), adds and moves are
 * added to the order as changes ("add-device", "move-device") and the
 * plant does not change: add then returns -1. */
gint64            enlace_rack_view_add_device   (EnlaceRackView  *self,
                                                 gint64           type_id,
                                                 const char      *name,
                                                 const char      *face,
                                                 double           position,
                                                 GError         **error);
/* What a drop does: moves @device_id (one command; refusals shown). */
gboolean          enlace_rack_view_move_device  (EnlaceRackView  *self,
                                                 gint64           device_id,
                                                 const char      *face,
                                                 double           position,
                                                 GError         **error);

G_END_DECLS
