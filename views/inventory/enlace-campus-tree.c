/* enlace-campus-tree.c: the sidebar tree site → building → floor → space → rack
 *
 * A GtkTreeListModel whose children are loaded from the store when a row
 * is expanded.  When a command touches one of the five tables the tree is
 * rebuilt at once, keeping which rows were expanded and selected.
 */
#define G_LOG_DOMAIN "enlace-campus-tree"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-ancestors.h"
#include "enlace-campus-tree.h"
#include "enlace-tree-node.h"

struct _EnlaceCampusTree
{
  AdwBin               parent_instance;

  EnlaceStore         *store;
  gulong               changed_id;
  GtkTreeListModel    *tree_model;
  GtkSingleSelection  *selection;
  GtkListView         *list_view;
  guint                selecting : 1;
};

G_DEFINE_FINAL_TYPE (EnlaceCampusTree, enlace_campus_tree, ADW_TYPE_BIN)

enum {
  OBJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *kind;
  const char *child_kind;
  const char *icon;
} levels[] = {
  { "site", "building", "mark-location-symbolic" },
  { "building", "floor", "go-home-symbolic" },
  { "floor", "space", "view-list-symbolic" },
  { "space", "rack", "view-grid-symbolic" },
  { "rack", NULL, "drive-harddisk-system-symbolic" },
};

static int
level_of (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (strcmp (levels[i].kind, kind) == 0)
      return i;
  return -1;
}

static char *
node_title (const char *kind,
            JsonObject *obj)
{
  const char *code = json_object_get_string_member_with_default (obj, "code", NULL);
  const char *name = json_object_get_string_member_with_default (obj, "name", NULL);

  if (strcmp (kind, "floor") == 0)
    {
      if (name && name[0])
        return g_strdup (name);
      return g_strdup_printf (_("Level %d"),
                              (int)json_object_get_int_member_with_default (obj, "level", 0));
    }

  if (code && name && name[0])
    return g_strdup_printf ("%s — %s", code, name);
  if (code)
    return g_strdup (code);
  return g_strdup (name ? name : "?");
}

static GListStore *
load_children (EnlaceCampusTree *self,
               const char       *kind,
               gint64            parent_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  GListStore *store = g_list_store_new (ENLACE_TYPE_TREE_NODE);

  if (self->store == NULL)
    return store;

  if (!(objects = enlace_store_list (self->store, kind, parent_id, &error)))
    {
      g_warning ("Cannot list %s: %s", kind, error->message);
      return store;
    }

  for (guint i = 0; i < objects->len; i++)
    {
      JsonObject *obj = g_ptr_array_index (objects, i);
      g_autofree char *title = node_title (kind, obj);
      g_autoptr(EnlaceTreeNode) node =
        enlace_tree_node_new (kind, json_object_get_int_member (obj, "id"), title);

      g_list_store_append (store, node);
    }

  return store;
}

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  EnlaceCampusTree *self = user_data;
  EnlaceTreeNode *node = item;
  int level = level_of (enlace_tree_node_get_kind (node));
  g_autoptr(GListStore) children = NULL;

  if (level < 0 || levels[level].child_kind == NULL)
    return NULL;

  children = load_children (self, levels[level].child_kind, enlace_tree_node_get_id (node));
  if (g_list_model_get_n_items (G_LIST_MODEL (children)) == 0)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&children));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              EnlaceCampusTree         *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             EnlaceCampusTree         *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  EnlaceTreeNode *node = gtk_tree_list_row_get_item (row);
  int level = level_of (enlace_tree_node_get_kind (node));

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), level >= 0 ? levels[level].icon : NULL);
  gtk_label_set_label (GTK_LABEL (label), enlace_tree_node_get_title (node));
  gtk_widget_set_tooltip_text (label, enlace_tree_node_get_title (node));
  g_object_unref (node);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               EnlaceCampusTree         *self)
{
  GtkWidget *expander = gtk_list_item_get_child (item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static EnlaceTreeNode *
node_at (EnlaceCampusTree *self,
         guint             position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), position);

  if (row == NULL)
    return NULL;
  return gtk_tree_list_row_get_item (row);
}

static void
selection_changed_cb (EnlaceCampusTree   *self,
                      guint               position,
                      guint               n_items,
                      GtkSingleSelection *selection)
{
  g_autoptr(EnlaceTreeNode) node = NULL;
  guint selected;

  if (self->selecting)
    return;

  selected = gtk_single_selection_get_selected (selection);
  if (selected == GTK_INVALID_LIST_POSITION)
    return;

  if ((node = node_at (self, selected)))
    g_signal_emit (self, signals[OBJECT_ACTIVATED], 0,
                   enlace_tree_node_get_kind (node),
                   enlace_tree_node_get_id (node));
}

static void
activate_cb (EnlaceCampusTree *self,
             guint             position,
             GtkListView      *view)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), position);

  if (row && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

static void
rebuild (EnlaceCampusTree *self)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListStore) roots = NULL;
  g_autofree char *selected_key = NULL;
  GListModel *model = G_LIST_MODEL (self->tree_model);
  guint selected = gtk_single_selection_get_selected (self->selection);
  gboolean first_build = g_list_model_get_n_items (model) == 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(EnlaceTreeNode) node = gtk_tree_list_row_get_item (row);

      if (gtk_tree_list_row_get_expanded (row))
        g_hash_table_add (expanded, enlace_tree_node_dup_key (node));
      if (i == selected)
        selected_key = enlace_tree_node_dup_key (node);
    }

  roots = load_children (self, "site", 0);

  self->selecting = TRUE;
  /* Replace the roots: the tree list model drops every child model. */
  {
    g_autoptr(GtkTreeListModel) tree =
      gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&roots)), FALSE, FALSE,
                               create_child_model, self, NULL);
    g_set_object (&self->tree_model, tree);
    gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
    model = G_LIST_MODEL (tree);
  }

  /* Rows after i appear as i is expanded, so one pass restores nesting. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(EnlaceTreeNode) node = gtk_tree_list_row_get_item (row);
      g_autofree char *key = enlace_tree_node_dup_key (node);

      if (g_hash_table_contains (expanded, key) ||
          (first_build && strcmp (enlace_tree_node_get_kind (node), "site") == 0))
        gtk_tree_list_row_set_expanded (row, TRUE);
      if (selected_key && strcmp (key, selected_key) == 0)
        gtk_single_selection_set_selected (self->selection, i);
    }
  self->selecting = FALSE;
}

static void
on_store_changed (EnlaceCampusTree *self,
                  EnlaceChangeSet  *changes,
                  EnlaceStore      *store)
{
  if (changes->bulk ||
      enlace_change_set_touches (changes, "site") ||
      enlace_change_set_touches (changes, "building") ||
      enlace_change_set_touches (changes, "floor") ||
      enlace_change_set_touches (changes, "space") ||
      enlace_change_set_touches (changes, "rack"))
    rebuild (self);
}

static void
enlace_campus_tree_dispose (GObject *object)
{
  EnlaceCampusTree *self = (EnlaceCampusTree *)object;

  enlace_campus_tree_set_store (self, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree_model);

  G_OBJECT_CLASS (enlace_campus_tree_parent_class)->dispose (object);
}

static void
enlace_campus_tree_class_init (EnlaceCampusTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = enlace_campus_tree_dispose;

  /**
   * EnlaceCampusTree::object-activated:
   * @kind: "site", "building", "floor", "space" or "rack"
   * @id: the object id
   */
  signals[OBJECT_ACTIVATED] =
    g_signal_new ("object-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
enlace_campus_tree_init (EnlaceCampusTree *self)
{
  GtkListItemFactory *factory;

  self->tree_model = gtk_tree_list_model_new (G_LIST_MODEL (g_list_store_new (ENLACE_TYPE_TREE_NODE)),
                                              FALSE, FALSE, create_child_model, self, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                      factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                              GTK_ACCESSIBLE_PROPERTY_LABEL, _("Campus"),
                              -1);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (activate_cb), self);

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->list_view));
}

GtkWidget *
enlace_campus_tree_new (void)
{
  return g_object_new (ENLACE_TYPE_CAMPUS_TREE, NULL);
}

EnlaceStore *
enlace_campus_tree_get_store (EnlaceCampusTree *self)
{
  g_return_val_if_fail (ENLACE_IS_CAMPUS_TREE (self), NULL);

  return self->store;
}

void
enlace_campus_tree_set_store (EnlaceCampusTree *self,
                              EnlaceStore      *store)
{
  g_return_if_fail (ENLACE_IS_CAMPUS_TREE (self));
  g_return_if_fail (!store || ENLACE_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_clear_object (&self->store);
    }

  if (store)
    {
      self->store = g_object_ref (store);
      self->changed_id = g_signal_connect_object (store, "changed",
                                                  G_CALLBACK (on_store_changed),
                                                  self, G_CONNECT_SWAPPED);
    }

  if (self->tree_model)
    {
      /* a new document: start from collapsed sites again */
      g_autoptr(GtkTreeListModel) empty =
        gtk_tree_list_model_new (G_LIST_MODEL (g_list_store_new (ENLACE_TYPE_TREE_NODE)),
                                 FALSE, FALSE, create_child_model, self, NULL);
      self->selecting = TRUE;
      g_set_object (&self->tree_model, empty);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (empty));
      self->selecting = FALSE;
      if (store)
        rebuild (self);
    }
}

GListModel *
enlace_campus_tree_get_model (EnlaceCampusTree *self)
{
  g_return_val_if_fail (ENLACE_IS_CAMPUS_TREE (self), NULL);

  return G_LIST_MODEL (self->tree_model);
}

/* The position of the node of @kind @id among the rows shown, or
 * GTK_INVALID_LIST_POSITION */
static guint
find_shown (EnlaceCampusTree *self,
            const char       *kind,
            gint64            id)
{
  GListModel *model = G_LIST_MODEL (self->tree_model);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EnlaceTreeNode) node = node_at (self, i);

      if (node && enlace_tree_node_get_id (node) == id &&
          strcmp (enlace_tree_node_get_kind (node), kind) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
select_position (EnlaceCampusTree *self,
                 guint             position)
{
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

void
enlace_campus_tree_select (EnlaceCampusTree *self,
                           const char       *kind,
                           gint64            id)
{
  g_autoptr(GArray) ancestors = NULL;
  guint position;

  g_return_if_fail (ENLACE_IS_CAMPUS_TREE (self));

  if ((position = find_shown (self, kind, id)) != GTK_INVALID_LIST_POSITION)
    {
      select_position (self, position);
      return;
    }

  /* a floor in a folded building, a device in a rack: unfold the objects
   * that hold it, from the site down, and select it or the nearest one
   * the tree shows (the sidebar follows the page) */
  if (self->store == NULL)
    {
      enlace_campus_tree_unselect (self);
      return;
    }
  ancestors = enlace_inventory_ancestors (self->store, kind, id);
  position = GTK_INVALID_LIST_POSITION;
  for (guint i = ancestors->len; i > 0; i--)
    {
      EnlaceObjectRef *ref = &g_array_index (ancestors, EnlaceObjectRef, i - 1);
      guint at = find_shown (self, ref->kind, ref->id);
      g_autoptr(GtkTreeListRow) row = NULL;

      if (at == GTK_INVALID_LIST_POSITION)
        break;
      position = at;
      row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), at);
      gtk_tree_list_row_set_expanded (row, TRUE);
    }
  /* unfolded: the object itself when the tree shows its kind */
  if (find_shown (self, kind, id) != GTK_INVALID_LIST_POSITION)
    position = find_shown (self, kind, id);
  if (position != GTK_INVALID_LIST_POSITION)
    select_position (self, position);
  else
    enlace_campus_tree_unselect (self);
}

void
enlace_campus_tree_unselect (EnlaceCampusTree *self)
{
  g_return_if_fail (ENLACE_IS_CAMPUS_TREE (self));

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;
}

gboolean
enlace_campus_tree_get_selected (EnlaceCampusTree *self,
                                 const char      **kind,
                                 gint64           *id)
{
  guint selected;
  g_autoptr(EnlaceTreeNode) node = NULL;

  g_return_val_if_fail (ENLACE_IS_CAMPUS_TREE (self), FALSE);

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected == GTK_INVALID_LIST_POSITION || !(node = node_at (self, selected)))
    return FALSE;
  if (kind)
    *kind = g_intern_string (enlace_tree_node_get_kind (node));
  if (id)
    *id = enlace_tree_node_get_id (node);
  return TRUE;
}
