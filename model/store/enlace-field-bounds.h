/* enlace-field-bounds.h: the range of the number fields that have one
 *
 * Positions on a floor (x, y, a plan's origin) are metres from the
 * floor's origin: a campus spans kilometres, not 1e308 m (a value that
 * large was accepted, then drawn and printed as nonsense).  Used by the
 * store (add, set) and by the XML import, so that both refuse alike.
 */
#pragma once

#include <glib.h>

#include "enlace-kinds.h"

G_BEGIN_DECLS

#define ENLACE_MAX_COORDINATE_M 100000.0   /* 100 km either way */
/* The longest cable: as far as a floor's plan reaches. */
#define ENLACE_MAX_CABLE_LENGTH_M ENLACE_MAX_COORDINATE_M

/* TRUE when @v is within the range of @field (or the field has none);
 * otherwise FALSE and *@rule (may be NULL) is the rule, translated, to
 * be freed. */
gboolean enlace_field_real_in_range (const EnlaceField  *field,
                                     double              v,
                                     char              **rule);

/* The same for every point of a JSON list of points [[x, y], …] (an
 * outline, a wall, a pathway); TRUE for text that is no such list (the
 * caller refuses it with its own words). */
gboolean enlace_points_in_range     (const char         *json,
                                     char              **rule);

G_END_DECLS
