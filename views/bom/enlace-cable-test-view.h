/* enlace-cable-test-view.h: a run's installation test on the cable's
 * page: result, tested length, margin, date and source (manual or the
 * certifier), or that there is none; "Record a test…" opens
 * EnlaceRunTestDialog. */
#pragma once

#include <adwaita.h>

#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_CABLE_TEST_VIEW (enlace_cable_test_view_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceCableTestView, enlace_cable_test_view, ENLACE, CABLE_TEST_VIEW, AdwBin)

GtkWidget   *enlace_cable_test_view_new        (void);
/* Shows the test of @cable_id (0 or NULL @store: hidden). */
void         enlace_cable_test_view_set_cable  (EnlaceCableTestView *self,
                                                EnlaceStore         *store,
                                                gint64               cable_id);
/* Opens "Record a test…" (as its button does) and returns it. */
GtkWindow   *enlace_cable_test_view_record     (EnlaceCableTestView *self);
/* The summary the view shows ("Fail · 14.0 m tested · …"), or NULL. */
const char  *enlace_cable_test_view_get_text   (EnlaceCableTestView *self);

G_END_DECLS
