/* enlace-rack-elevation.h: the elevation of a rack, front and rear
 *
 * An EnlaceRackElevation draws an EnlaceRackScene (the rack and the
 * devices mounted in it, read by the model: enlace-rack-scene.h) into any
 * cairo_t at its natural size (enlace_rack_elevation_get_size(), in user
 * units: pixels on screen, points in a PDF).  The front face is on the left, the rear face on the
 * right; every unit is numbered on the rails, free units are drawn empty
 * and labelled, and the header gives the utilisation.  The same object
 * answers hit tests in drawing coordinates for the widget.
 */
#pragma once

#include <cairo.h>

#include "enlace-rack-scene.h"
#include "enlace-store.h"

G_BEGIN_DECLS

typedef struct _EnlaceRackElevation EnlaceRackElevation;

#define ENLACE_TYPE_RACK_ELEVATION (enlace_rack_elevation_get_type ())
GType                   enlace_rack_elevation_get_type    (void) G_GNUC_CONST;

/* Draws @scene (a reference is kept). */
EnlaceRackElevation    *enlace_rack_elevation_new         (EnlaceRackScene       *scene);
/* enlace_rack_scene_load () and enlace_rack_elevation_new (). */
EnlaceRackElevation    *enlace_rack_elevation_load        (EnlaceStore           *store,
                                                           gint64                 rack_id,
                                                           GError               **error);
EnlaceRackScene        *enlace_rack_elevation_get_scene   (EnlaceRackElevation   *self);
EnlaceRackElevation    *enlace_rack_elevation_ref         (EnlaceRackElevation   *self);
void                    enlace_rack_elevation_unref       (EnlaceRackElevation   *self);

gint64                  enlace_rack_elevation_get_rack_id (EnlaceRackElevation   *self);
const char             *enlace_rack_elevation_get_name    (EnlaceRackElevation   *self);
guint                   enlace_rack_elevation_get_u_height (EnlaceRackElevation  *self);
guint                   enlace_rack_elevation_get_n_devices (EnlaceRackElevation *self);
const EnlaceRackDevice *enlace_rack_elevation_get_device  (EnlaceRackElevation   *self,
                                                           guint                  i);
const EnlaceRackDevice *enlace_rack_elevation_find_device (EnlaceRackElevation   *self,
                                                           gint64                 device_id);
/* Units taken on either face (a unit counts once). */
double                  enlace_rack_elevation_get_used_units (EnlaceRackElevation *self);
/* TRUE when a device of @height units fits at @position on @face
 * (full-depth devices need both faces), ignoring @ignore_device.  When it
 * does not, *@blocker is the device in the way (0 for out of the rack). */
gboolean                enlace_rack_elevation_fits        (EnlaceRackElevation   *self,
                                                           EnlaceRackFace         face,
                                                           double                 position,
                                                           double                 height,
                                                           gboolean               full_depth,
                                                           gint64                 ignore_device,
                                                           gint64                *blocker);

/* Drawing. */
void                    enlace_rack_elevation_get_size    (EnlaceRackElevation   *self,
                                                           double                *width,
                                                           double                *height);
void                    enlace_rack_elevation_draw        (EnlaceRackElevation   *self,
                                                           cairo_t               *cr);
/* View state drawn on top: hovered and selected devices (0: none) and a
 * drop target (a ghost at @position, green when @ok, red otherwise;
 * @position 0 removes it). */
void                    enlace_rack_elevation_set_hover   (EnlaceRackElevation   *self,
                                                           gint64                 device_id);
void                    enlace_rack_elevation_set_selected (EnlaceRackElevation  *self,
                                                           gint64                 device_id);
void                    enlace_rack_elevation_set_drop    (EnlaceRackElevation   *self,
                                                           EnlaceRackFace         face,
                                                           double                 position,
                                                           double                 height,
                                                           gboolean               ok);

/* Hit testing in drawing coordinates. */
/* The device drawn at (x, y), 0 when none; *@face the face hit. */
gint64                  enlace_rack_elevation_device_at   (EnlaceRackElevation   *self,
                                                           double                 x,
                                                           double                 y,
                                                           EnlaceRackFace        *face);
/* The face and unit at (x, y); FALSE outside the units. */
gboolean                enlace_rack_elevation_unit_at     (EnlaceRackElevation   *self,
                                                           double                 x,
                                                           double                 y,
                                                           EnlaceRackFace        *face,
                                                           int                   *unit);
/* The lowest unit of a device of @height units whose top edge is drawn at
 * @top_y, clamped into the rack. */
double                  enlace_rack_elevation_position_for_top (EnlaceRackElevation *self,
                                                           double                 top_y,
                                                           double                 height);
/* Where a span of units is drawn on a face. */
void                    enlace_rack_elevation_get_span_rect (EnlaceRackElevation *self,
                                                           EnlaceRackFace         face,
                                                           double                 position,
                                                           double                 height,
                                                           double                *x,
                                                           double                *y,
                                                           double                *w,
                                                           double                *h);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceRackElevation, enlace_rack_elevation_unref)

G_END_DECLS
