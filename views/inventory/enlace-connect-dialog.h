/* enlace-connect-dialog.h: connect a port to another one
 *
 * Searches for the far port (free ports whose device or port name matches),
 * proposes the cable (kind, type, label and length: enlace_cable_propose ()
 * in the model, as `enlace-cli connect` does) and runs
 * enlace_store_connect() — one undoable command; or, while the window
 * has a current order, adds the connection to it.
 */
#pragma once

#include <adwaita.h>

#include "enlace-propose.h"
#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_CONNECT_DIALOG (enlace_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceConnectDialog, enlace_connect_dialog, ENLACE, CONNECT_DIALOG, AdwWindow)

EnlaceConnectDialog *enlace_connect_dialog_new     (GtkWindow           *parent,
                                                    EnlaceStore         *store,
                                                    gint64               port_id);
/* Runs the search for the far port now; returns the number of candidates. */
guint                enlace_connect_dialog_search  (EnlaceConnectDialog *self,
                                                    const char          *text);
/* Picks a far port (it must be a candidate); fills in the proposal. */
gboolean             enlace_connect_dialog_select  (EnlaceConnectDialog *self,
                                                    gint64               far_port_id);
/* The cable fields as the form holds them now. */
void                 enlace_connect_dialog_get_cable (EnlaceConnectDialog *self,
                                                    EnlaceCableProposal *out);
/* What the Connect button does: the new cable's id, or 0 with @error (the
 * message is also shown in the dialog).  Emits ::connected and closes on
 * success.  While the parent window has a current order
 * (enlace-current-order.h) the button reads "Add to order FOLIO": the
 * connection is added to the order as a change (enlace_order_add_change
 * (), one command) and the plant does not change; then it returns the
 * change's number and emits ::added-to-order instead. */
gint64               enlace_connect_dialog_connect (EnlaceConnectDialog *self,
                                                    GError             **error);

G_END_DECLS
