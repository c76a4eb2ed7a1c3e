/* enlace-demo.h: the demo campus, "Universidad Tecnológica del Valle"
 *
 * A realistic, small institution in Spanish: one site, three buildings,
 * an equipment room (SITE) and a telecom room per floor, offices,
 * classrooms and laboratories drawn as polygons, about 200 data and voice
 * outlets, racks of patch panels and switches, a PBX with extensions held
 * by people of the institution's areas, fibre and multipair backbone, the
 * internet circuit and a telephone trunk.  The GUI opens it on first run.
 */
#pragma once

#include "enlace-store.h"

G_BEGIN_DECLS

/* Writes the demo campus into @store (which should be empty) as one
 * undoable command ("Demo campus"), and sets the meta keys institution
 * and author and the university's logo (an SVG kept in the file). */
gboolean  enlace_demo_populate     (EnlaceStore  *store,
                                    GError      **error);

/* Draws walls around the rooms, a tray along each corridor with spurs to
 * the racks, and risers (enlace-demo-plans.c); one command. */
gboolean  enlace_demo_add_plans    (EnlaceStore  *store,
                                    GError      **error);

/* A year of the department's cases (2026), the registry of e-mail
 * accounts and the department's meta keys (enlace-demo-cases.c); one
 * command.  Deterministic: fixed dates and staff.  enlace-cli generate
 * --demo and enlace_demo_ensure_file() call it after
 * enlace_demo_populate(), which alone keeps the bare campus (and
 * data/demo/demo-campus.xml). */
gboolean  enlace_demo_add_cases    (EnlaceStore  *store,
                                    GError      **error);

/* The library, "Edificio C — Biblioteca", in design: two floors drawn,
 * outlets placed by rule, runs routed, ports assigned and the planned
 * cables made (enlace-demo-design.c), one outlet beyond 90 m on
 * purpose; one command.  enlace-cli generate --demo and
 * enlace_demo_ensure_file() call it after enlace_demo_add_cases(). */
gboolean  enlace_demo_add_design   (EnlaceStore  *store,
                                    GError      **error);

/* The path of the demo campus of this user
 * ($XDG_DATA_HOME/enlace/demo.enlace); creates the file with
 * enlace_demo_populate() when it is missing or empty. */
char     *enlace_demo_ensure_file  (GError      **error);

G_END_DECLS
