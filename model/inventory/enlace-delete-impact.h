/* enlace-delete-impact.h: what goes with an object when it is deleted
 *
 * Deleting a rack takes its devices, their ports and the cables left
 * without an end; a front end says so before it deletes ("24 ports and
 * 3 cables go with it").  The counts come from a dry run of the delete
 * itself (rolled back), so they are exactly what the delete would do.
 */
#pragma once

#include "enlace-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *kind;     /* a kind name ("port"), static */
  guint       deleted;  /* objects of that kind deleted with it */
  guint       changed;  /* objects of that kind changed (a reference cleared) */
} EnlaceDeleteCount;

/* What deleting object @id of @kind would delete and change besides the
 * object itself: a GArray of EnlaceDeleteCount in the order of the kinds,
 * empty when nothing goes with it.  NULL with @error when the object does
 * not exist, the file is read-only, or the delete would be refused (the
 * error is the refusal).  Changes nothing. */
GArray *enlace_inventory_delete_impact   (EnlaceStore  *store,
                                          const char   *kind,
                                          gint64        id,
                                          GError      **error);
/* TRUE when @impact deletes anything. */
gboolean enlace_delete_impact_has_contents (GArray     *impact);
/* A sentence for people: "24 ports and 3 cables will be deleted with it."
 * (and the changed objects: "1 extension will lose its reference to
 * it."); NULL when @impact is empty. */
char   *enlace_delete_impact_describe    (GArray       *impact);

G_END_DECLS
