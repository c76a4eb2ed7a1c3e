/* enlace-tree-node.h: one object of the campus tree (site, building, ...) */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ENLACE_TYPE_TREE_NODE (enlace_tree_node_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceTreeNode, enlace_tree_node, ENLACE, TREE_NODE, GObject)

EnlaceTreeNode *enlace_tree_node_new          (const char     *kind,
                                               gint64          id,
                                               const char     *title);
const char     *enlace_tree_node_get_kind     (EnlaceTreeNode *self);
gint64          enlace_tree_node_get_id       (EnlaceTreeNode *self);
const char     *enlace_tree_node_get_title    (EnlaceTreeNode *self);
/* "building:12" */
char           *enlace_tree_node_dup_key      (EnlaceTreeNode *self);

G_END_DECLS
