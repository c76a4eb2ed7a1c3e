/* enlace-object-list.h: the list page of any kind ("list/cable", ...) */
#pragma once

#include "enlace-page.h"
#include "enlace-row-model.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_OBJECT_LIST (enlace_object_list_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceObjectList, enlace_object_list, ENLACE, OBJECT_LIST, EnlacePage)

GtkWidget      *enlace_object_list_new             (void);
/* NULL until set_object() was called with a store set. */
EnlaceRowModel *enlace_object_list_get_model       (EnlaceObjectList *self);
GtkColumnView  *enlace_object_list_get_column_view (EnlaceObjectList *self);
void            enlace_object_list_set_search      (EnlaceObjectList *self,
                                                    const char       *text);
/* Selects and scrolls to @id; FALSE when it is not in the list. */
gboolean        enlace_object_list_select_id       (EnlaceObjectList *self,
                                                    gint64            id);

G_END_DECLS
