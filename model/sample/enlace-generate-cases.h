/* enlace-generate-cases.h: synthetic cases for tests and benchmarks */
#pragma once

#include "enlace-store.h"

G_BEGIN_DECLS

/* Adds @n synthetic cases of the current procedures, with a row per step,
 * their timeline and requesters (people created as needed), spread over
 * the three years up to 2026-11-30, newest mostly open, older mostly
 * closed; one undoable command ("Generate cases") in bulk mode.  The same
 * @n and @seed always give the same rows on the same store. */
gboolean enlace_generate_cases (EnlaceStore  *store,
                                guint         n,
                                guint64       seed,
                                GError      **error);

G_END_DECLS
