/* enlace-case-link-dialog.c: links a case to an object picked by
 * searching; see enlace-case-link-dialog.h */
#define G_LOG_DOMAIN "enlace-views"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-case-link-dialog.h"
#include "enlace-kinds.h"
#include "enlace-query.h"

#define LIMIT_PER_KIND 8

struct _EnlaceCaseLinkDialog
{
  AdwWindow       parent_instance;

  EnlaceStore    *store;
  gint64          case_id;
  GPtrArray      *hits;     /* of EnlaceSearchHit* */

  GtkSearchEntry *entry;
  GtkLabel       *message_label;
  GtkStack       *stack;
  AdwStatusPage  *status;
  GtkListBox     *results;
};

G_DEFINE_FINAL_TYPE (EnlaceCaseLinkDialog, enlace_case_link_dialog, ADW_TYPE_WINDOW)

static const char *
kind_label (const char *kind)
{
  const EnlaceKind *k;

  if (g_strcmp0 (kind, "outlet") == 0)
    return _("Outlet");
  if (g_strcmp0 (kind, "email_account") == 0)
    return _("E-mail account");
  if ((k = enlace_kind_lookup (kind)))
    return _(k->label);
  return kind;
}

static void
show_message (EnlaceCaseLinkDialog *self,
              const char           *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
run_search (EnlaceCaseLinkDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))))
    gtk_list_box_remove (self->results, child);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  show_message (self, NULL);

  if (stripped[0] == '\0')
    {
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }
  if (!(self->hits = enlace_case_link_candidates (self->store, stripped, LIMIT_PER_KIND, &error)))
    {
      show_message (self, error->message);
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }
  if (self->hits->len == 0)
    {
      g_autofree char *desc = g_strdup_printf (_("Nothing matches “%s”."), stripped);

      adw_status_page_set_title (self->status, _("No Results"));
      adw_status_page_set_description (self->status, desc);
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }
  for (guint i = 0; i < self->hits->len; i++)
    {
      EnlaceSearchHit *hit = g_ptr_array_index (self->hits, i);
      g_auto(GStrv) parts = g_strsplit (hit->subtitle ? hit->subtitle : "", " · ", -1);
      g_autoptr(GString) sub = g_string_new (kind_label (hit->kind));
      GtkWidget *row = adw_action_row_new ();

      for (guint j = 0; parts[j]; j++)
        if (parts[j][0])
          g_string_append_printf (sub, " · %s", enlace_choice_label (parts[j]));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hit->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub->str);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("insert-link-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Link it to the case"));
      gtk_list_box_append (self->results, row);
    }
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
search_changed_cb (EnlaceCaseLinkDialog *self)
{
  run_search (self);
}

static void
row_activated_cb (EnlaceCaseLinkDialog *self,
                  GtkListBoxRow        *row)
{
  enlace_case_link_dialog_choose (self, gtk_list_box_row_get_index (row), NULL);
}

static void
entry_activate_cb (EnlaceCaseLinkDialog *self)
{
  if (self->hits != NULL && self->hits->len > 0)
    enlace_case_link_dialog_choose (self, 0, NULL);
}

void
enlace_case_link_dialog_set_text (EnlaceCaseLinkDialog *self,
                                  const char           *text)
{
  g_return_if_fail (ENLACE_IS_CASE_LINK_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  run_search (self);
}

guint
enlace_case_link_dialog_get_n_results (EnlaceCaseLinkDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_LINK_DIALOG (self), 0);

  return self->hits ? self->hits->len : 0;
}

const char *
enlace_case_link_dialog_get_result (EnlaceCaseLinkDialog *self,
                                    guint                 index,
                                    const char          **kind)
{
  EnlaceSearchHit *hit;

  g_return_val_if_fail (ENLACE_IS_CASE_LINK_DIALOG (self), NULL);
  g_return_val_if_fail (self->hits != NULL && index < self->hits->len, NULL);

  hit = g_ptr_array_index (self->hits, index);
  if (kind)
    *kind = hit->kind;
  return hit->title;
}

gboolean
enlace_case_link_dialog_choose (EnlaceCaseLinkDialog  *self,
                                guint                  index,
                                GError               **error)
{
  g_autoptr(GError) local = NULL;
  EnlaceSearchHit *hit;

  g_return_val_if_fail (ENLACE_IS_CASE_LINK_DIALOG (self), FALSE);

  if (self->hits == NULL || index >= self->hits->len)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID, _("No result %u to link"), index + 1);
      return FALSE;
    }
  hit = g_ptr_array_index (self->hits, index);
  if (!enlace_case_link (self->store, self->case_id, hit->kind, hit->id, &local))
    {
      show_message (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
enlace_case_link_dialog_dispose (GObject *object)
{
  EnlaceCaseLinkDialog *self = ENLACE_CASE_LINK_DIALOG (object);

  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENLACE_TYPE_CASE_LINK_DIALOG);
  G_OBJECT_CLASS (enlace_case_link_dialog_parent_class)->dispose (object);
}

static void
enlace_case_link_dialog_class_init (EnlaceCaseLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enlace_case_link_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Enlace/views/enlace-case-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseLinkDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseLinkDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseLinkDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseLinkDialog, status);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseLinkDialog, results);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
enlace_case_link_dialog_init (EnlaceCaseLinkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

EnlaceCaseLinkDialog *
enlace_case_link_dialog_new (GtkWindow   *parent,
                             EnlaceStore *store,
                             gint64       case_id)
{
  EnlaceCaseLinkDialog *self;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  self = g_object_new (ENLACE_TYPE_CASE_LINK_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->case_id = case_id;
  return self;
}
