/* enlace-rules-editor.c: the project's cabling rule set, edited (each
 * change one command of model/rules) */
#define G_LOG_DOMAIN "enlace-rules-view"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-rules-editor.h"
#include "enlace-rules.h"

struct _EnlaceRulesEditor
{
  AdwPreferencesWindow  parent_instance;

  EnlaceStore          *store;
  gulong                changed_id;
  AdwPreferencesGroup  *set_group;
  AdwPreferencesGroup  *values_group;
  GHashTable           *rows;        /* rule name → AdwEntryRow (owned by the groups) */
  GPtrArray            *shown;       /* the rows of the groups, to remove them */
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (EnlaceRulesEditor, enlace_rules_editor, ADW_TYPE_PREFERENCES_WINDOW)

static void load (EnlaceRulesEditor *self);

static void
toast (EnlaceRulesEditor *self,
       const char        *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

gboolean
enlace_rules_editor_apply (EnlaceRulesEditor *self,
                           const char        *name,
                           const char        *value)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ENLACE_IS_RULES_EDITOR (self), FALSE);
  g_return_val_if_fail (name != NULL && value != NULL, FALSE);

  if (!enlace_rules_set_value (self->store, name, value, &error))
    {
      toast (self, error->message);
      load (self);  /* back to the value in the file */
      return FALSE;
    }
  return TRUE;
}

void
enlace_rules_editor_copy (EnlaceRulesEditor *self,
                          const char        *name)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ENLACE_IS_RULES_EDITOR (self));
  if (!enlace_rules_copy_defaults (self->store, name, &error))
    toast (self, error->message);
}

void
enlace_rules_editor_reset (EnlaceRulesEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ENLACE_IS_RULES_EDITOR (self));
  if (!enlace_rules_reset (self->store, &error))
    toast (self, error->message);
}

const char *
enlace_rules_editor_get_text (EnlaceRulesEditor *self,
                              const char        *name)
{
  GtkWidget *row;

  g_return_val_if_fail (ENLACE_IS_RULES_EDITOR (self), NULL);
  row = g_hash_table_lookup (self->rows, name);
  return row ? gtk_editable_get_text (GTK_EDITABLE (row)) : NULL;
}

static void
on_apply (AdwEntryRow       *row,
          EnlaceRulesEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "rule");

  if (!self->loading)
    enlace_rules_editor_apply (self, name, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_default_clicked (GtkButton         *button,
                    EnlaceRulesEditor *self)
{
  enlace_rules_editor_apply (self, g_object_get_data (G_OBJECT (button), "rule"),
                             g_object_get_data (G_OBJECT (button), "default"));
}

static void
on_copy_clicked (EnlaceRulesEditor *self)
{
  g_autoptr(EnlaceRuleSet) defaults = enlace_rule_set_new_defaults ();
  /* TRANSLATORS: the name of a project's copy of the default rule set */
  g_autofree char *name = g_strdup_printf (_("%s (copy of the project)"), enlace_rule_set_get_name (defaults));

  enlace_rules_editor_copy (self, name);
}

static GtkWidget *
rule_row (EnlaceRulesEditor *self,
          const EnlaceRule  *r)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *title = NULL;

  if (r->unit && r->unit[0])
    title = g_strdup_printf ("%s (%s)", r->label, r->unit);
  else
    title = g_strdup (r->label);
  {
    g_autofree char *escaped = g_markup_escape_text (title, -1);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  }
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), r->value ? r->value : "");
  g_object_set_data_full (G_OBJECT (row), "rule", g_strdup (r->name), g_free);
  gtk_widget_set_tooltip_text (row, r->name);
  if (r->changed)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-undo-symbolic");
      g_autofree char *tip = g_strdup_printf (_("Back to Enlace's value: %s"), r->default_value);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tip);
      g_object_set_data_full (G_OBJECT (button), "rule", g_strdup (r->name), g_free);
      g_object_set_data_full (G_OBJECT (button), "default", g_strdup (r->default_value), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_default_clicked), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
      gtk_widget_add_css_class (row, "accent");
    }
  g_signal_connect (row, "apply", G_CALLBACK (on_apply), self);
  g_hash_table_insert (self->rows, g_strdup (r->name), row);
  return row;
}

static void
load (EnlaceRulesEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceRuleSet) set = NULL;
  GPtrArray *rules;
  guint n_changed = 0;
  g_autofree char *description = NULL;

  self->loading = TRUE;
  for (guint i = 0; i < self->shown->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->shown, i);
      AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "group");

      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->shown, 0);
  g_hash_table_remove_all (self->rows);

  set = self->store ? enlace_rule_set_load (self->store, &error) : NULL;
  if (set == NULL)
    {
      if (error)
        toast (self, error->message);
      self->loading = FALSE;
      return;
    }
  rules = enlace_rule_set_get_rules (set);
  for (guint i = 0; i < rules->len; i++)
    {
      const EnlaceRule *r = g_ptr_array_index (rules, i);
      AdwPreferencesGroup *group = strcmp (r->name, "name") == 0 ? self->set_group : self->values_group;
      GtkWidget *row = rule_row (self, r);

      if (r->changed && strcmp (r->name, "name") != 0)
        n_changed++;
      g_object_set_data (G_OBJECT (row), "group", group);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->shown, row);
    }
  description = n_changed == 0
    ? g_strdup (_("Enlace's defaults (TIA-568, TIA-569); write the project's own values and apply each one"))
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rule differs from Enlace's defaults",
                                    "%u rules differ from Enlace's defaults", n_changed), n_changed);
  adw_preferences_group_set_description (self->values_group, description);
  self->loading = FALSE;
}

static void
on_store_changed (EnlaceRulesEditor *self,
                  EnlaceChangeSet   *changes)
{
  if (changes->bulk || enlace_change_set_touches (changes, "cabling_rule"))
    load (self);
}

GtkWidget *
enlace_rules_editor_new (GtkWindow   *parent,
                         EnlaceStore *store)
{
  EnlaceRulesEditor *self;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  self = g_object_new (ENLACE_TYPE_RULES_EDITOR,
                       "title", _("Cabling Rules"),
                       "modal", parent != NULL,
                       "transient-for", parent,
                       /* the group's title and its two buttons on one line,
                        * and the longest rule's name, within a 1024 screen */
                       "default-width", 760,
                       "default-height", 720,
                       "search-enabled", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed),
                                              self, G_CONNECT_SWAPPED);
  load (self);
  return GTK_WIDGET (self);
}

static void
enlace_rules_editor_dispose (GObject *object)
{
  EnlaceRulesEditor *self = ENLACE_RULES_EDITOR (object);

  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (enlace_rules_editor_parent_class)->dispose (object);
}

static void
enlace_rules_editor_finalize (GObject *object)
{
  EnlaceRulesEditor *self = ENLACE_RULES_EDITOR (object);

  g_hash_table_unref (self->rows);
  g_ptr_array_unref (self->shown);
  G_OBJECT_CLASS (enlace_rules_editor_parent_class)->finalize (object);
}

static void
enlace_rules_editor_class_init (EnlaceRulesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = enlace_rules_editor_dispose;
  object_class->finalize = enlace_rules_editor_finalize;
}

static void
enlace_rules_editor_init (EnlaceRulesEditor *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *copy, *reset;

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shown = g_ptr_array_new ();

  self->set_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->set_group, _("Rule set"));
  copy = gtk_button_new_with_mnemonic (_("_Copy Enlace's defaults"));
  gtk_widget_set_tooltip_text (copy, _("Start the project's own named set from Enlace's defaults"));
  g_signal_connect_swapped (copy, "clicked", G_CALLBACK (on_copy_clicked), self);
  reset = gtk_button_new_with_mnemonic (_("_Reset"));
  gtk_widget_set_tooltip_text (reset, _("Every rule back to Enlace's defaults"));
  gtk_widget_add_css_class (reset, "destructive-action");
  g_signal_connect_swapped (reset, "clicked", G_CALLBACK (enlace_rules_editor_reset), self);
  gtk_box_append (GTK_BOX (buttons), copy);
  gtk_box_append (GTK_BOX (buttons), reset);
  adw_preferences_group_set_header_suffix (self->set_group, buttons);

  self->values_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->values_group, _("Values"));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->set_group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->values_group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}
