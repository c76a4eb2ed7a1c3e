/* enlace-campus-tree.h: the sidebar tree site → building → floor → space → rack */
#pragma once

#include <adwaita.h>

#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_CAMPUS_TREE (enlace_campus_tree_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceCampusTree, enlace_campus_tree, ENLACE, CAMPUS_TREE, AdwBin)

GtkWidget  *enlace_campus_tree_new        (void);
EnlaceStore *enlace_campus_tree_get_store (EnlaceCampusTree *self);
void        enlace_campus_tree_set_store  (EnlaceCampusTree *self,
                                           EnlaceStore      *store);
/* The visible rows: a GtkTreeListModel of GtkTreeListRow of EnlaceTreeNode. */
GListModel *enlace_campus_tree_get_model  (EnlaceCampusTree *self);
/* Highlights the row of @kind @id when it is visible (no signal). */
void        enlace_campus_tree_select     (EnlaceCampusTree *self,
                                           const char       *kind,
                                           gint64            id);
void        enlace_campus_tree_unselect   (EnlaceCampusTree *self);
/* The selected node's kind and id; FALSE when none is selected. */
gboolean    enlace_campus_tree_get_selected (EnlaceCampusTree *self,
                                           const char      **kind,
                                           gint64           *id);

G_END_DECLS
