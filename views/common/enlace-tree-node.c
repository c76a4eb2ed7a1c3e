/* enlace-tree-node.c: one object of the campus tree (site, building, ...) */
#define G_LOG_DOMAIN "enlace-tree-node"
#include "config.h"

#include "enlace-tree-node.h"

struct _EnlaceTreeNode
{
  GObject  parent_instance;
  char    *kind;
  gint64   id;
  char    *title;
};

G_DEFINE_FINAL_TYPE (EnlaceTreeNode, enlace_tree_node, G_TYPE_OBJECT)

static void
enlace_tree_node_finalize (GObject *object)
{
  EnlaceTreeNode *self = (EnlaceTreeNode *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (enlace_tree_node_parent_class)->finalize (object);
}

static void
enlace_tree_node_class_init (EnlaceTreeNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = enlace_tree_node_finalize;
}

static void
enlace_tree_node_init (EnlaceTreeNode *self)
{
}

EnlaceTreeNode *
enlace_tree_node_new (const char *kind,
                      gint64      id,
                      const char *title)
{
  EnlaceTreeNode *self;

  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (ENLACE_TYPE_TREE_NODE, NULL);
  self->kind = g_strdup (kind);
  self->id = id;
  self->title = g_strdup (title);

  return self;
}

const char *
enlace_tree_node_get_kind (EnlaceTreeNode *self)
{
  g_return_val_if_fail (ENLACE_IS_TREE_NODE (self), NULL);
  return self->kind;
}

gint64
enlace_tree_node_get_id (EnlaceTreeNode *self)
{
  g_return_val_if_fail (ENLACE_IS_TREE_NODE (self), 0);
  return self->id;
}

const char *
enlace_tree_node_get_title (EnlaceTreeNode *self)
{
  g_return_val_if_fail (ENLACE_IS_TREE_NODE (self), NULL);
  return self->title;
}

char *
enlace_tree_node_dup_key (EnlaceTreeNode *self)
{
  g_return_val_if_fail (ENLACE_IS_TREE_NODE (self), NULL);
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, self->kind, self->id);
}
