/* enlace-rack-canvas.h: the interactive rack elevation
 *
 * Draws an EnlaceRackElevation (views/render) with
 * gtk_snapshot_append_cairo, keeps the drawing as a cached render node,
 * highlights the device under the pointer, gives tooltips, and lets the
 * user drag a device to another unit or face.  The canvas never changes
 * the model: a drop emits ::move-device and the rack view runs the
 * command (the model may refuse).
 */
#pragma once

#include <gtk/gtk.h>

#include "enlace-rack-elevation.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_RACK_CANVAS (enlace_rack_canvas_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceRackCanvas, enlace_rack_canvas, ENLACE, RACK_CANVAS, GtkWidget)

GtkWidget           *enlace_rack_canvas_new            (void);
EnlaceRackElevation *enlace_rack_canvas_get_elevation  (EnlaceRackCanvas    *self);
void                 enlace_rack_canvas_set_elevation  (EnlaceRackCanvas    *self,
                                                        EnlaceRackElevation *elevation);
gint64               enlace_rack_canvas_get_selected   (EnlaceRackCanvas    *self);
void                 enlace_rack_canvas_set_selected   (EnlaceRackCanvas    *self,
                                                        gint64               device_id);

/* The drag, as the gesture drives it (also used by the tests): begin at a
 * point of the drawing, move by an offset, end by an offset.  Returns
 * FALSE from begin when no device is there. */
gboolean             enlace_rack_canvas_drag_begin     (EnlaceRackCanvas    *self,
                                                        double               x,
                                                        double               y);
void                 enlace_rack_canvas_drag_update    (EnlaceRackCanvas    *self,
                                                        double               dx,
                                                        double               dy);
void                 enlace_rack_canvas_drag_end       (EnlaceRackCanvas    *self,
                                                        double               dx,
                                                        double               dy);

G_END_DECLS
