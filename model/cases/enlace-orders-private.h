/* enlace-orders-private.h: shared by enlace-orders*.c (model/cases only). */
#pragma once

#include "enlace-cases-private.h"
#include "enlace-orders.h"

G_BEGIN_DECLS

/* The readable texts of the plant an order shows in its diff. */
/* "rack R-B2-1, U12, front" / "space B/1/020 (3.5, 4.0)" / "unplaced" */
char        *enlace_orders_device_place    (EnlaceStore  *store,
                                            gint64        device_id);
/* "SW-B2:Gi1/0/3 ↔ PP-B2-1:14" */
char        *enlace_orders_cable_text      (EnlaceStore  *store,
                                            gint64        cable_id);
/* The device or cable a change targets now, 0 when it does not exist. */
gint64       enlace_orders_target_id       (EnlaceStore             *store,
                                            const EnlaceOrderChange *change);
/* Is the change about a device (add/move/remove device, add outlet)? */
gboolean     enlace_orders_is_device_kind  (const char   *kind);
/* "change 3 (connect)" */
char        *enlace_orders_change_what     (const EnlaceOrderChange *change);
/* A member of the change's params as text, NULL when absent or empty. */
const char  *enlace_orders_param           (const EnlaceOrderChange *change,
                                            const char              *name);
/* What the change makes of its object (the diff's "after"), from its
 * params and, for a move, the place now. */
char        *enlace_orders_after_text      (EnlaceStore             *store,
                                            const EnlaceOrderChange *change);
/* The conflict of one change with the plant now (NULL: none).  @order:
 * every change of the order, for the objects earlier changes free. */
char        *enlace_orders_conflict        (EnlaceStore             *store,
                                            GPtrArray               *order,
                                            const EnlaceOrderChange *change);

G_END_DECLS
