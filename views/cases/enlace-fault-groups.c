/* enlace-fault-groups.c: open fault reports grouped by their common cause */
#define G_LOG_DOMAIN "enlace-fault-groups"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-fault-groups.h"
#include "enlace-faults.h"

struct _EnlaceFaultGroups
{
  EnlacePage           parent_instance;

  GPtrArray           *causes;   /* of EnlaceFaultCause* */
  AdwPreferencesGroup *group;
  GtkListBox          *list;
  AdwStatusPage       *empty;
  GtkStack            *stack;
};

G_DEFINE_FINAL_TYPE (EnlaceFaultGroups, enlace_fault_groups, ENLACE_TYPE_PAGE)

static void
row_activated_cb (AdwActionRow      *row,
                  EnlaceFaultGroups *self)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");
  gint64 *id = g_object_get_data (G_OBJECT (row), "id");

  if (kind && id)
    enlace_page_activate_object (ENLACE_PAGE (self), kind, *id);
}

static GtkWidget *
target_row (EnlaceFaultGroups *self,
            const char        *title,
            const char        *subtitle,
            const char        *icon,
            const char        *kind,
            gint64             id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "kind", g_strdup (kind), g_free);
  g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&id, sizeof id), g_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
  return row;
}

static void
reload (EnlaceFaultGroups *self)
{
  EnlacePage *page = ENLACE_PAGE (self);
  EnlaceStore *store = enlace_page_get_store (page);
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n_cases = 0;

  enlace_page_set_title (page, _("Common Causes"));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->causes, g_ptr_array_unref);
  if (store == NULL)
    return;
  self->causes = enlace_faults_common_causes (enlace_tracer_get_for_store (store), 0, &error);
  if (self->causes == NULL)
    {
      self->causes = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_fault_cause_free);
      enlace_page_show_error (page, error);
    }

  for (guint i = 0; i < self->causes->len; i++)
    {
      EnlaceFaultCause *cause = g_ptr_array_index (self->causes, i);
      g_autofree char *text = enlace_fault_cause_dup_text (cause);
      g_autofree char *open_text = g_strdup_printf (_("Open %s"), cause->key ? cause->key : "?");
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), gtk_image_new_from_icon_name ("emblem-shared-symbolic"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                target_row (self, open_text, NULL, "network-wired-symbolic", cause->kind, cause->id));
      for (guint c = 0; c < cause->case_ids->len; c++)
        {
          gint64 id = g_array_index (cause->case_ids, gint64, c);
          g_autoptr(EnlaceCaseRow) row = enlace_cases_get_row (store, id, NULL);
          GtkWidget *r;

          if (row == NULL)
            continue;
          r = target_row (self, row->folio, row->summary ? row->summary : row->procedure_name,
                          "folder-documents-symbolic", "case", id);
          g_object_set_data (G_OBJECT (r), "enlace-case-row", GINT_TO_POINTER (1));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), r);
        }
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), i == 0);
      gtk_list_box_append (self->list, expander);
      n_cases += cause->n_cases;
    }
  if (self->causes->len > 0)
    {
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u object shared by open fault reports",
                                                                "%u objects shared by open fault reports",
                                                                self->causes->len),
                                                   self->causes->len);
      enlace_page_set_subtitle (page, subtitle);
      gtk_stack_set_visible_child_name (self->stack, "groups");
    }
  else
    {
      enlace_page_set_subtitle (page, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static void
enlace_fault_groups_set_object (EnlacePage *page,
                                const char *kind,
                                gint64      id)
{
  reload (ENLACE_FAULT_GROUPS (page));
}

static void
enlace_fault_groups_store_changed (EnlacePage      *page,
                                   EnlaceChangeSet *changes)
{
  gboolean touches = changes == NULL || changes->bulk;

  for (guint i = 0; !touches && i < changes->changes->len; i++)
    {
      const EnlaceChange *c = &g_array_index (changes->changes, EnlaceChange, i);

      /* the cases, and the plant their paths run on */
      touches = g_str_has_prefix (c->table, "case") || g_str_has_prefix (c->table, "cable") ||
                strcmp (c->table, "port") == 0 || strcmp (c->table, "port_mapping") == 0 ||
                strcmp (c->table, "device") == 0 || g_str_has_prefix (c->table, "circuit") ||
                strcmp (c->table, "extension") == 0;
    }
  if (touches)
    reload (ENLACE_FAULT_GROUPS (page));
}

GPtrArray *
enlace_fault_groups_get_causes (EnlaceFaultGroups *self)
{
  g_return_val_if_fail (ENLACE_IS_FAULT_GROUPS (self), NULL);

  return self->causes;
}

static GtkWidget *
nth_group (EnlaceFaultGroups *self,
           guint              index)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_EXPANDER_ROW (row) && n++ == index)
      return row;
  return NULL;
}

const char *
enlace_fault_groups_get_title (EnlaceFaultGroups *self,
                               guint              index)
{
  GtkWidget *row;

  g_return_val_if_fail (ENLACE_IS_FAULT_GROUPS (self), NULL);

  row = nth_group (self, index);
  return row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

static guint
count_case_rows (GtkWidget *widget)
{
  guint n = g_object_get_data (G_OBJECT (widget), "enlace-case-row") != NULL;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_case_rows (c);
  return n;
}

guint
enlace_fault_groups_get_n_cases (EnlaceFaultGroups *self,
                                 guint              index)
{
  GtkWidget *row;

  g_return_val_if_fail (ENLACE_IS_FAULT_GROUPS (self), 0);

  row = nth_group (self, index);
  return row ? count_case_rows (row) : 0;
}

static void
enlace_fault_groups_dispose (GObject *object)
{
  EnlaceFaultGroups *self = ENLACE_FAULT_GROUPS (object);

  g_clear_pointer (&self->causes, g_ptr_array_unref);

  G_OBJECT_CLASS (enlace_fault_groups_parent_class)->dispose (object);
}

static void
enlace_fault_groups_class_init (EnlaceFaultGroupsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_fault_groups_dispose;
  page_class->set_object = enlace_fault_groups_set_object;
  page_class->store_changed = enlace_fault_groups_store_changed;
}

static void
enlace_fault_groups_init (EnlaceFaultGroups *self)
{
  GtkWidget *scroll, *clamp, *box;

  self->stack = GTK_STACK (gtk_stack_new ());

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Open Fault Reports by Common Cause"));
  adw_preferences_group_set_description (self->group,
                                         _("The objects that the traced paths of two or more open fault reports "
                                           "pass through, the one with the most open reports first."));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->group));
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), clamp);
  gtk_stack_add_named (self->stack, scroll, "groups");

  self->empty = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty, "emblem-shared-symbolic");
  adw_status_page_set_title (self->empty, _("No Common Cause"));
  adw_status_page_set_description (self->empty, _("No two open fault reports share a hop of their paths."));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty), "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}
