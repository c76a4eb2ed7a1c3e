/* enlace-ancestors.h: where an object is, up to its site
 *
 * A page whose object disappears (deleted, or its creation undone) goes to
 * the nearest object that still exists: the front end asks for the
 * ancestors while the object exists and walks them when it is gone.
 */
#pragma once

#include "enlace-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *kind;  /* a kind name, static */
  gint64      id;
} EnlaceObjectRef;

/* The objects that hold object @id of @kind, nearest first, up to the
 * site: a port → its device → its rack → its space → its floor → its
 * building → its site.  A GArray of EnlaceObjectRef, empty for an object
 * held by nothing (a site, a cable, a person) or that does not exist. */
GArray *enlace_inventory_ancestors (EnlaceStore *store,
                                    const char  *kind,
                                    gint64       id);

G_END_DECLS
