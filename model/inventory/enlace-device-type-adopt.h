/* enlace-device-type-adopt.h: a device type for a device made port by
 * port.  Part of model/.
 *
 * The plan's outlet tool and the design tool make an outlet's jacks (and
 * the design a patch panel's ports) one by one.  A device whose ports no
 * type describes cannot be made again from a modification order, counted
 * by type or exchanged as a catalogue item, so such a device adopts a
 * type: the first device type of its role whose port and mapping
 * templates are its ports and mappings (kind, name, medium, connector,
 * positions), or a new "Generic" one made from them ("Faceplate, 2 jacks
 * (2 data)", "Patch panel, 24 ports").
 */
#pragma once

#include "enlace-store.h"

G_BEGIN_DECLS

/* Gives device @device_id a type that describes its ports (see above),
 * and returns the type's id; a device that has a type keeps it.  A
 * command of its own, or part of the open one. */
gint64       enlace_device_adopt_type   (EnlaceStore  *store,
                                         gint64        device_id,
                                         GError      **error);

G_END_DECLS
