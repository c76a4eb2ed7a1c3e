/* enlace-extension-history-view.c: an extension's status history with
 * the case of each change */
#define G_LOG_DOMAIN "enlace-extension-history-view"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-case-new-dialog.h"
#include "enlace-extension-history.h"
#include "enlace-extension-history-view.h"
#include "enlace-kinds.h"

struct _EnlaceExtensionHistoryView
{
  GtkBox               parent_instance;

  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GtkWidget           *change_button;
  EnlaceStore         *store;
  gint64               extension_id;
  guint                n_changes;
  guint                n_cases;
};

G_DEFINE_FINAL_TYPE (EnlaceExtensionHistoryView, enlace_extension_history_view, GTK_TYPE_BOX)

/* "2025-03-10 10:30" in local time */
static char *
format_at (const char *iso)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, local);

  if (dt == NULL)
    return g_strdup (iso);
  {
    g_autoptr(GDateTime) l = g_date_time_to_local (dt);

    return g_date_time_format (l, "%Y-%m-%d %H:%M");
  }
}

void
enlace_extension_history_view_set_extension (EnlaceExtensionHistoryView *self,
                                             EnlaceStore                *store,
                                             gint64                      extension_id)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (ENLACE_IS_EXTENSION_HISTORY_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_changes = self->n_cases = 0;
  if (store != NULL && extension_id > 0)
    g_set_object (&self->store, store);
  else
    g_clear_object (&self->store);
  self->extension_id = extension_id;
  gtk_widget_set_sensitive (self->change_button, store != NULL && !enlace_store_is_read_only (store));
  if (store != NULL && extension_id > 0)
    changes = enlace_extension_history (store, extension_id, &error);
  gtk_widget_set_visible (GTK_WIDGET (self), changes != NULL);
  if (changes == NULL)
    return;

  if (changes->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No changes of status recorded"));
      gtk_list_box_append (self->list, row);
    }
  for (guint i = 0; i < changes->len; i++)
    {
      EnlaceExtensionChange *c = g_ptr_array_index (changes, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *at = format_at (c->at);
      g_autofree char *title = g_strdup_printf ("%s · %s", enlace_choice_label (c->status), at);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (c->reason)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), c->reason);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (c->folio != NULL)
        {
          GtkWidget *link = gtk_button_new_with_label (c->folio);
          g_autofree char *tip = g_strdup_printf (_("Open the case %s that made this change"), c->folio);

          gtk_widget_add_css_class (link, "flat");
          gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (link, tip);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (link), "win.show-object");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (link), "(sx)", "case", c->case_id);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
          self->n_cases++;
        }
      else
        {
          GtkWidget *none = gtk_label_new (_("no case"));

          gtk_widget_add_css_class (none, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), none);
        }
      gtk_list_box_append (self->list, row);
      self->n_changes++;
    }
}

guint
enlace_extension_history_view_get_n_changes (EnlaceExtensionHistoryView *self)
{
  g_return_val_if_fail (ENLACE_IS_EXTENSION_HISTORY_VIEW (self), 0);
  return self->n_changes;
}

guint
enlace_extension_history_view_get_n_cases (EnlaceExtensionHistoryView *self)
{
  g_return_val_if_fail (ENLACE_IS_EXTENSION_HISTORY_VIEW (self), 0);
  return self->n_cases;
}

static void
case_opened_cb (EnlaceExtensionHistoryView *self,
                gint64                      case_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-object", "(sx)", "case", case_id);
}

GtkWidget *
enlace_extension_history_view_new_case (EnlaceExtensionHistoryView *self)
{
  g_autoptr(JsonObject) ext = NULL;
  GtkRoot *root;
  EnlaceCaseNewDialog *dialog;
  EnlaceCaseForm *form;

  g_return_val_if_fail (ENLACE_IS_EXTENSION_HISTORY_VIEW (self), NULL);

  if (self->store == NULL || self->extension_id <= 0)
    return NULL;
  ext = enlace_store_get (self->store, "extension", self->extension_id, NULL);
  if (ext == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = enlace_case_new_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, "extension-estado");
  if (json_object_get_int_member_with_default (ext, "person_id", 0) > 0)
    enlace_case_new_dialog_set_requester (dialog, json_object_get_int_member (ext, "person_id"));
  form = enlace_case_new_dialog_get_form (dialog);
  if (form != NULL)
    enlace_case_form_set_text (form, "extension", json_object_get_string_member_with_default (ext, "number", ""));
  g_signal_connect_object (dialog, "case-opened", G_CALLBACK (case_opened_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (dialog);
}

static void
change_clicked_cb (EnlaceExtensionHistoryView *self)
{
  GtkWidget *dialog = enlace_extension_history_view_new_case (self);

  if (dialog)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
enlace_extension_history_view_dispose (GObject *object)
{
  EnlaceExtensionHistoryView *self = ENLACE_EXTENSION_HISTORY_VIEW (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (enlace_extension_history_view_parent_class)->dispose (object);
}

static void
enlace_extension_history_view_class_init (EnlaceExtensionHistoryViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = enlace_extension_history_view_dispose;
}

static void
enlace_extension_history_view_init (EnlaceExtensionHistoryView *self)
{
  GtkWidget *button;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Status history"));
  adw_preferences_group_set_description (self->group,
                                         _("Each change of status goes through a case of the procedure “Cambio de estado de extensión”."));
  button = self->change_button = gtk_button_new_with_label (_("Change status…"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Open a case to change this extension's status"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (change_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->group, button);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->group));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
enlace_extension_history_view_new (void)
{
  return g_object_new (ENLACE_TYPE_EXTENSION_HISTORY_VIEW, NULL);
}
