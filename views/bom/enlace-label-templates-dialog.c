/* enlace-label-templates-dialog.c: label templates and their application (see
 * enlace-label-templates-dialog.h) */
#define G_LOG_DOMAIN "enlace-views"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-label-templates-dialog.h"
#include "enlace-label-templates.h"

#define PREVIEW_ROWS 500

struct _EnlaceLabelTemplatesDialog
{
  AdwWindow       parent_instance;

  EnlaceStore    *store;
  char           *building;
  char           *level;
  GtkDropDown    *template;
  GtkDropDown    *which;
  GtkEntry       *pattern;
  GtkLabel       *status;
  GtkTextBuffer  *preview;
  GtkButton      *apply;
  GPtrArray      *templates;   /* EnlaceLabelTemplate* */
  guint           n_changes;
};

G_DEFINE_FINAL_TYPE (EnlaceLabelTemplatesDialog, enlace_label_templates_dialog, ADW_TYPE_WINDOW)

static EnlaceLabelTemplate *
current (EnlaceLabelTemplatesDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->template);

  return self->templates && i < self->templates->len ? g_ptr_array_index (self->templates, i) : NULL;
}

static EnlaceLabelsWhich
current_which (EnlaceLabelTemplatesDialog *self)
{
  switch (gtk_drop_down_get_selected (self->which))
    {
    case 1:
      return ENLACE_LABELS_EXISTING;
    case 2:
      return ENLACE_LABELS_ALL;
    default:
      return ENLACE_LABELS_PLANNED;
    }
}

static void
refresh_preview (EnlaceLabelTemplatesDialog *self)
{
  EnlaceLabelTemplate *t = current (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *status = NULL;

  self->n_changes = 0;
  if (t == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->pattern), t->pattern);
  changes = enlace_labels_preview (self->store, t->name, self->building, self->level, current_which (self), &error);
  if (changes == NULL)
    {
      gtk_label_set_text (self->status, error->message);
      gtk_text_buffer_set_text (self->preview, "", -1);
      gtk_widget_set_sensitive (GTK_WIDGET (self->apply), FALSE);
      return;
    }
  self->n_changes = changes->len;
  for (guint i = 0; i < changes->len && i < PREVIEW_ROWS; i++)
    {
      EnlaceLabelChange *c = g_ptr_array_index (changes, i);

      g_string_append_printf (text, "%s\t%s → %s\n", c->object, c->old_text ? c->old_text : "—", c->new_text);
    }
  if (changes->len > PREVIEW_ROWS)
    g_string_append (text, "…\n");
  gtk_text_buffer_set_text (self->preview, text->str, -1);
  status = changes->len == 0 ? g_strdup (_("Every label already follows this template"))
           : g_strdup_printf (g_dngettext (NULL, "%u label changes", "%u labels change", changes->len), changes->len);
  gtk_label_set_text (self->status, status);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply), changes->len > 0);
}

static void
fill_templates (EnlaceLabelTemplatesDialog *self,
                const char         *select)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint sel = 0;

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = enlace_label_templates (self->store, NULL);
  for (guint i = 0; self->templates && i < self->templates->len; i++)
    {
      EnlaceLabelTemplate *t = g_ptr_array_index (self->templates, i);

      gtk_string_list_append (list, t->name);
      if (g_strcmp0 (t->name, select) == 0)
        sel = i;
    }
  gtk_drop_down_set_model (self->template, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->template, sel);
}

static void
save_cb (EnlaceLabelTemplatesDialog *self)
{
  EnlaceLabelTemplate *t = current (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (t == NULL)
    return;
  name = g_strdup (t->name);
  if (!enlace_label_template_set (self->store, name, t->style,
                                  gtk_editable_get_text (GTK_EDITABLE (self->pattern)), &error))
    {
      gtk_label_set_text (self->status, error->message);
      return;
    }
  fill_templates (self, name);
  refresh_preview (self);
}

gboolean
enlace_label_templates_dialog_apply (EnlaceLabelTemplatesDialog  *self,
                            GError             **error)
{
  EnlaceLabelTemplate *t;
  guint n = 0;

  g_return_val_if_fail (ENLACE_IS_LABEL_TEMPLATES_DIALOG (self), FALSE);

  t = current (self);
  if (t == NULL)
    return FALSE;
  if (!enlace_labels_apply (self->store, t->name, self->building, self->level, current_which (self), &n, error))
    return FALSE;
  refresh_preview (self);
  return TRUE;
}

static void
apply_cb (EnlaceLabelTemplatesDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!enlace_label_templates_dialog_apply (self, &error))
    gtk_label_set_text (self->status, error->message);
  else
    gtk_label_set_text (self->status, _("Labels applied (Undo takes them back)"));
}

guint
enlace_label_templates_dialog_get_n_changes (EnlaceLabelTemplatesDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_LABEL_TEMPLATES_DIALOG (self), 0);
  return self->n_changes;
}

static void
enlace_label_templates_dialog_dispose (GObject *object)
{
  EnlaceLabelTemplatesDialog *self = ENLACE_LABEL_TEMPLATES_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->building, g_free);
  g_clear_pointer (&self->level, g_free);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  G_OBJECT_CLASS (enlace_label_templates_dialog_parent_class)->dispose (object);
}

static void
enlace_label_templates_dialog_class_init (EnlaceLabelTemplatesDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = enlace_label_templates_dialog_dispose;
}

static void
enlace_label_templates_dialog_init (EnlaceLabelTemplatesDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *prow = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Template"));
  GtkWidget *header = adw_header_bar_new ();
  const char * const none[] = { NULL };
  const char * const which[] = { N_("Planned runs"), N_("Existing runs"), N_("All runs"), NULL };
  g_autoptr(GtkStringList) which_list = gtk_string_list_new (NULL);

  for (guint i = 0; which[i]; i++)
    gtk_string_list_append (which_list, _(which[i]));
  gtk_window_set_title (GTK_WINDOW (self), _("Label Templates"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 520);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->template = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (none));
  self->which = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (which_list)), NULL));
  self->pattern = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->pattern), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pattern),
                               _("{b} building, {f} floor, {s} space, {fs} floor and space, {p} panel letters, "
                                 "{n} port, {r} rack, {u} unit, {d} panel; {n:2} pads to two digits"));
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_wrap (self->status, TRUE);
  self->apply = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Apply")));
  gtk_widget_add_css_class (GTK_WIDGET (self->apply), "suggested-action");
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  self->preview = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_set_vexpand (scroller, TRUE);

  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->template));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->which));
  gtk_box_append (GTK_BOX (prow), GTK_WIDGET (self->pattern));
  gtk_box_append (GTK_BOX (prow), save);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->apply));
  gtk_box_append (GTK_BOX (box), header);
  for (GtkWidget *w = row; w; w = w == row ? prow : w == prow ? GTK_WIDGET (self->status) : w == GTK_WIDGET (self->status) ? scroller : NULL)
    {
      gtk_widget_set_margin_start (w, 12);
      gtk_widget_set_margin_end (w, 12);
      gtk_box_append (GTK_BOX (box), w);
    }
  gtk_widget_set_margin_bottom (scroller, 12);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_swapped (self->template, "notify::selected", G_CALLBACK (refresh_preview), self);
  g_signal_connect_swapped (self->which, "notify::selected", G_CALLBACK (refresh_preview), self);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_cb), self);
  g_signal_connect_swapped (self->apply, "clicked", G_CALLBACK (apply_cb), self);
}

GtkWindow *
enlace_label_templates_dialog_new (EnlaceStore *store,
                          const char  *building,
                          const char  *level)
{
  EnlaceLabelTemplatesDialog *self;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  self = g_object_new (ENLACE_TYPE_LABEL_TEMPLATES_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->building = g_strdup (building);
  self->level = g_strdup (level);
  fill_templates (self, NULL);
  refresh_preview (self);
  return GTK_WINDOW (self);
}
