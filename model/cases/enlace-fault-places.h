/* enlace-fault-places.h: finding where a user is, for a fault report
 *
 * A fault is placed at an outlet, a port or an extension (see
 * enlace-faults.h).  People say where they are in many ways: the label on
 * the jack, the room, their name, their extension.  The new-case dialog's
 * location picker asks enlace_fault_places_search () for every place
 * those words may mean.
 */
#pragma once

#include "enlace-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *kind;      /* "outlet", "port" or "extension" (static) */
  gint64      id;
  char       *title;     /* "Outlet B-1A-020", "Phone extension 4021" */
  char       *subtitle;  /* where: "Room B/1/020 · Juan Pérez" */
  const char *via;       /* what matched: "outlet", "port", "extension", "room", "person" (static) */
} EnlaceFaultPlace;

void        enlace_fault_place_free      (EnlaceFaultPlace *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceFaultPlace, enlace_fault_place_free)

/* The places @text may name (case-insensitive): extensions whose number
 * starts with it, outlets whose name contains it, ports "DEVICE:PORT"
 * starting with it, the outlets of the rooms whose key or name contains
 * it, the extensions of the people whose name contains it; each place
 * once, in that order, at most @limit (0: 50).  Empty @text: none.
 * Array of EnlaceFaultPlace*, NULL with @error. */
GPtrArray  *enlace_fault_places_search   (EnlaceStore  *store,
                                          const char   *text,
                                          guint         limit,
                                          GError      **error);

/* The place @kind/@id as the search gives it, or NULL with @error
 * (ENLACE_STORE_ERROR_NOT_FOUND). */
EnlaceFaultPlace *enlace_fault_place_describe (EnlaceStore  *store,
                                               const char   *kind,
                                               gint64        id,
                                               GError      **error);

G_END_DECLS
