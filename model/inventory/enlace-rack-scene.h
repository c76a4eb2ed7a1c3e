/* enlace-rack-scene.h: what the elevation of a rack shows, read from the store
 *
 * An EnlaceRackScene is a snapshot of one rack: its name, place, height
 * and the devices in it (face, lowest unit, height and depth from their
 * device type), read in one query.  The renderer draws it
 * (EnlaceRackElevation), the rack page proposes where a new device goes
 * from it; it is rebuilt when the store changes.  Like EnlacePlanScene for
 * a floor.
 */
#pragma once

#include <glib-object.h>

#include "enlace-store.h"

G_BEGIN_DECLS

typedef enum
{
  ENLACE_RACK_FACE_FRONT,
  ENLACE_RACK_FACE_REAR,
} EnlaceRackFace;

typedef struct
{
  gint64          device_id;
  char           *name;
  char           *type_label;   /* "Manufacturer Model", or NULL */
  char           *role;
  char           *status;
  EnlaceRackFace  face;
  double          position;     /* lowest unit, 0 when not mounted */
  double          height;       /* in units, may be 0 or a half */
  gboolean        full_depth;
} EnlaceRackDevice;

typedef struct _EnlaceRackScene EnlaceRackScene;
struct _EnlaceRackScene
{
  gint64    rack_id;
  char     *name;
  char     *place;        /* "SPACE-KEY — space name", or NULL when unplaced */
  char     *width;        /* 10in | 19in | 23in */
  guint     u_height;
  gboolean  desc_units;   /* unit 1 at the top */
  GArray   *devices;      /* EnlaceRackDevice: mounted first, top first, then by name */
  guint     n_unmounted;
  /*< private >*/
  gint      ref_count;
};

#define ENLACE_TYPE_RACK_SCENE (enlace_rack_scene_get_type ())
GType                   enlace_rack_scene_get_type        (void) G_GNUC_CONST;

/* Loads the scene of a rack; NULL with ENLACE_STORE_ERROR_NOT_FOUND when
 * there is no such rack. */
EnlaceRackScene        *enlace_rack_scene_load            (EnlaceStore     *store,
                                                           gint64           rack_id,
                                                           GError         **error);
EnlaceRackScene        *enlace_rack_scene_ref             (EnlaceRackScene *self);
void                    enlace_rack_scene_unref           (EnlaceRackScene *self);

const EnlaceRackDevice *enlace_rack_scene_find_device     (EnlaceRackScene *self,
                                                           gint64           device_id);
/* TRUE when the device is in a unit (a position and a height). */
gboolean                enlace_rack_device_is_mounted     (const EnlaceRackDevice *device);
/* Units taken on either face (a unit counts once). */
double                  enlace_rack_scene_get_used_units  (EnlaceRackScene *self);
/* TRUE when a device of @height units fits at @position on @face
 * (full-depth devices need both faces), ignoring @ignore_device.  When it
 * does not, *@blocker is the device in the way (0 for out of the rack). */
gboolean                enlace_rack_scene_fits            (EnlaceRackScene *self,
                                                           EnlaceRackFace   face,
                                                           double           position,
                                                           double           height,
                                                           gboolean         full_depth,
                                                           gint64           ignore_device,
                                                           gint64          *blocker);
/* Where a new device of @height units goes: the highest unit where it
 * fits on @face, 1 when it fits nowhere. */
double                  enlace_rack_scene_propose_unit    (EnlaceRackScene *self,
                                                           double           height,
                                                           gboolean         full_depth,
                                                           EnlaceRackFace   face);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceRackScene, enlace_rack_scene_unref)

G_END_DECLS
