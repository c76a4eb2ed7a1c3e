/* enlace-generate.h: a deterministic synthetic campus of a given size
 *
 * For tests and benchmarks.  The same options always write the same rows.
 * One site; per building an equipment room (SITE) on level 0 with core
 * switch, router (building A) and fibre panels; per floor a telecom room
 * with racks of copper patch panels, access switches, a fibre panel and a
 * 110 block; offices along a corridor with outlets (one data and one voice
 * jack each) on their walls; horizontal links, patch cords, a fibre
 * backbone from every telecom room to its SITE and between the buildings,
 * a voice multipair backbone to the PBX in building A with extensions, and
 * the internet circuit at building A.
 */
#pragma once

#include <gio/gio.h>

#include "enlace-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint   buildings;          /* 1 … 702 */
  guint   floors;             /* per building, 1 … 100 */
  guint   outlets_per_floor;  /* 1 … 10000 */
  guint64 seed;
} EnlaceGenerateOptions;

/* Defaults: 3 buildings, 3 floors, 48 outlets per floor, seed 1. */
void     enlace_generate_options_init (EnlaceGenerateOptions       *opts);

/* Writes the campus into @store as one undoable command ("Generate
 * campus").  The store should be empty: names must not collide with what
 * is there.  Fails with ENLACE_STORE_ERROR_INVALID for options out of
 * range, ENLACE_STORE_ERROR_CANCELLED when @cancellable is triggered
 * (nothing is written then). */
gboolean enlace_generate              (EnlaceStore                 *store,
                                       const EnlaceGenerateOptions *opts,
                                       GCancellable                *cancellable,
                                       GError                     **error);

/* Building code for index 0, 1, … : A … Z, AA, AB, … */
char    *enlace_generate_building_code (guint                       index);

G_END_DECLS
