/* enlace-current-order.h: the window's current order
 *
 * While a modification order in preparation is the window's *current
 * order* (the window's string property "current-order": its folio; set
 * with the action win.current-order "s", "" to leave), the editors of the
 * plant — the Connect dialog, a device's Disconnect, the rack view (add
 * and move a device), deleting a device or a cable (win.delete-object)
 * and the plan (add an outlet) — add their change to
 * the order (enlace_order_add_change (): one command each, undoable)
 * instead of changing the plant.  The window shows a banner while it is
 * set.  These helpers let a view ask for it without knowing the window.
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "enlace-store.h"

G_BEGIN_DECLS

/* The folio of the current order of @widget's window (a dialog asks the
 * window it is transient for), NULL when none. */
char     *enlace_current_order_dup_folio   (GtkWidget    *widget);
/* Its case id in @store, 0 when none, or when it is no longer an order in
 * preparation. */
gint64    enlace_current_order_get_id      (GtkWidget    *widget,
                                            EnlaceStore  *store);
/* Can @case_id be the current order: an order in preparation (not
 * executed, closed nor cancelled)?  The error names the case and the
 * rule. */
gboolean  enlace_current_order_check       (EnlaceStore  *store,
                                            gint64        case_id,
                                            GError      **error);
/* "Add to order MODIF-2026-0003", for the editors' buttons; NULL when
 * there is no current order. */
char     *enlace_current_order_dup_button_label (GtkWidget   *widget,
                                                 EnlaceStore *store);
/* Adds a change to the current order (enlace_order_add_change (): one
 * command) and returns its number, 0 with @error (no current order, or
 * the order's refusal). */
guint     enlace_current_order_add_change  (GtkWidget    *widget,
                                            EnlaceStore  *store,
                                            const char   *kind,
                                            const char   *target,
                                            JsonObject   *values,
                                            GError      **error);
/* "Change 3 added to MODIF-2026-0003: Connect …", for a toast. */
char     *enlace_current_order_dup_added_text (GtkWidget   *widget,
                                               EnlaceStore *store,
                                               guint        seq);

G_END_DECLS
