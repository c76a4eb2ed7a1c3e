/* enlace-install-order.h: "Installation order…" of the plan page: asks
 * before sending the floor's design (its planned devices and runs) to
 * installation as a physical modification order
 * (enlace_install_floor_order: one command). */
#pragma once

#include <adwaita.h>

#include "enlace-store.h"

G_BEGIN_DECLS

/* The question for floor @floor_id; its response "create" is the order. */
AdwMessageDialog *enlace_install_order_dialog_new   (GtkWindow         *parent,
                                                     EnlaceStore       *store,
                                                     gint64             floor_id);
/* Makes the order (as the response "create" does); returns the case id,
 * *@n_changes its changes. */
gint64            enlace_install_order_dialog_apply (AdwMessageDialog  *dialog,
                                                     guint             *n_changes,
                                                     GError           **error);

G_END_DECLS
