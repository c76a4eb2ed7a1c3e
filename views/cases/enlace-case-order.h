/* enlace-case-order.h: the "Cambios" section of a modification order's
 * case page
 *
 * The order's change set, each change with its before → after (and its
 * conflict with the plant now while in preparation); "Agregar cambio"
 * asks for a change in a dialog (kind, object, values by readable key),
 * each row's remove button takes it out, "Vista previa" shows the diff
 * and the impact (paths that break or change, ends, extensions and
 * outlets that lose service, open cases affected), and "Ejecutar" applies
 * the order in one command, or shows the refusal naming the conflict.
 * Every change goes through the model's command functions
 * (enlace-orders.h).
 */
#pragma once

#include <adwaita.h>

#include "enlace-cases.h"

G_BEGIN_DECLS

/* Replaces the children of @box with the section of @c; none when @c is
 * not an order. */
void       enlace_case_order_fill            (GtkBox           *box,
                                              EnlaceStore      *store,
                                              const EnlaceCase *c);

/* The section's dialogs, presented over @parent; transfer none (for tests
 * and screenshots).  The preview's text is the diff then the impact. */
GtkWidget *enlace_case_order_show_preview    (GtkWindow        *parent,
                                              EnlaceStore      *store,
                                              gint64            case_id);
GtkWidget *enlace_case_order_show_add_dialog (GtkWindow        *parent,
                                              EnlaceStore      *store,
                                              gint64            case_id);
/* Fills the add dialog's fields (@kind, then the object and values by
 * member name, NULL-terminated pairs) and answers it "add"; FALSE with
 * the error shown in an error dialog (as a click would). */
gboolean   enlace_case_order_add_dialog_submit (GtkWidget      *dialog,
                                                const char     *kind,
                                                const char     *target,
                                                ...) G_GNUC_NULL_TERMINATED;
/* Executes the order as the "Ejecutar" button does: on refusal presents an
 * error dialog naming the conflict and returns it (transfer none), else
 * NULL. */
GtkWidget *enlace_case_order_execute         (GtkWindow        *parent,
                                              EnlaceStore      *store,
                                              gint64            case_id);

G_END_DECLS
