/* enlace-fault-resolve-dialog.c: closing a common cause with its cases */
#define G_LOG_DOMAIN "enlace-fault-resolve-dialog"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-fault-resolve-dialog.h"

struct _EnlaceFaultResolveDialog
{
  AdwWindow     parent_instance;

  EnlaceStore  *store;
  gint64        case_id;
  char         *kind;
  gint64        object_id;
  GArray       *cases;      /* of gint64: the other cases */
  GPtrArray    *checks;     /* of GtkCheckButton*, as cases */
  GPtrArray    *notes;      /* of AdwEntryRow*, as cases */
  GtkLabel     *error_label;
  GtkButton    *resolve_button;
};

G_DEFINE_FINAL_TYPE (EnlaceFaultResolveDialog, enlace_fault_resolve_dialog, ADW_TYPE_WINDOW)

GArray *
enlace_fault_resolve_dialog_get_cases (EnlaceFaultResolveDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_FAULT_RESOLVE_DIALOG (self), NULL);

  return self->cases;
}

void
enlace_fault_resolve_dialog_set_active (EnlaceFaultResolveDialog *self,
                                        guint                     index,
                                        gboolean                  active)
{
  g_return_if_fail (ENLACE_IS_FAULT_RESOLVE_DIALOG (self));
  g_return_if_fail (index < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), active);
}

void
enlace_fault_resolve_dialog_set_note (EnlaceFaultResolveDialog *self,
                                      guint                     index,
                                      const char               *note)
{
  g_return_if_fail (ENLACE_IS_FAULT_RESOLVE_DIALOG (self));
  g_return_if_fail (index < self->notes->len);

  gtk_editable_set_text (g_ptr_array_index (self->notes, index), note ? note : "");
}

gboolean
enlace_fault_resolve_dialog_confirm (EnlaceFaultResolveDialog  *self,
                                     GError                   **error)
{
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  EnlaceTracer *tracer;

  g_return_val_if_fail (ENLACE_IS_FAULT_RESOLVE_DIALOG (self), FALSE);

  for (guint i = 0; i < self->cases->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      {
        g_array_append_val (chosen, g_array_index (self->cases, gint64, i));
        g_ptr_array_add (notes, (gpointer) gtk_editable_get_text (g_ptr_array_index (self->notes, i)));
      }
  g_ptr_array_add (notes, NULL);
  tracer = enlace_tracer_get_for_store (self->store);
  if (!enlace_faults_resolve_cases (tracer, self->case_id, self->kind, self->object_id, chosen,
                                    (const char * const *) notes->pdata, &local_error))
    {
      gtk_label_set_text (self->error_label, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
resolve_clicked_cb (EnlaceFaultResolveDialog *self)
{
  g_autoptr(GError) error = NULL;

  /* a refusal is shown in the dialog */
  enlace_fault_resolve_dialog_confirm (self, &error);
}

static void
enlace_fault_resolve_dialog_dispose (GObject *object)
{
  EnlaceFaultResolveDialog *self = ENLACE_FAULT_RESOLVE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->cases, g_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (enlace_fault_resolve_dialog_parent_class)->dispose (object);
}

static void
enlace_fault_resolve_dialog_class_init (EnlaceFaultResolveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enlace_fault_resolve_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
enlace_fault_resolve_dialog_init (EnlaceFaultResolveDialog *self)
{
  self->cases = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_ptr_array_new ();
  self->notes = g_ptr_array_new ();
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 480);
}

EnlaceFaultResolveDialog *
enlace_fault_resolve_dialog_new (GtkWindow              *parent,
                                 EnlaceStore            *store,
                                 gint64                  case_id,
                                 const EnlaceFaultCause *cause)
{
  EnlaceFaultResolveDialog *self;
  g_autofree char *folio = NULL;
  g_autofree char *description = NULL;
  GtkWidget *box, *header, *cancel, *scroll, *clamp, *content, *group;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (cause != NULL, NULL);

  self = g_object_new (ENLACE_TYPE_FAULT_RESOLVE_DIALOG, NULL);
  if (parent)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->store = g_object_ref (store);
  self->case_id = case_id;
  self->kind = g_strdup (cause->kind);
  self->object_id = cause->id;
  gtk_window_set_title (GTK_WINDOW (self), _("Close the Common Cause"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->resolve_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Resolve")));
  gtk_widget_add_css_class (GTK_WIDGET (self->resolve_button), "suggested-action");
  g_signal_connect_swapped (self->resolve_button, "clicked", G_CALLBACK (resolve_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->resolve_button));
  gtk_box_append (GTK_BOX (box), header);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  group = adw_preferences_group_new ();
  {
    g_autoptr(EnlaceCaseRow) me = enlace_cases_get_row (store, case_id, NULL);

    folio = me ? g_strdup (me->folio) : NULL;
  }
  /* TRANSLATORS: "Resolving INET-2026-0003 closes the common cause panel B-1A-PPA. …" */
  description = g_strdup_printf (_("Resolving %s closes the common cause %s. Resolve the cases that hang on it too, "
                                   "each with its note:"),
                                 folio ? folio : "?", cause->key ? cause->key : "?");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Cases of the common cause"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  for (guint i = 0; i < cause->case_ids->len; i++)
    {
      gint64 other = g_array_index (cause->case_ids, gint64, i);
      g_autoptr(EnlaceCaseRow) row = NULL;
      g_autofree char *note = NULL;
      GtkWidget *expander, *check, *entry;

      if (other == case_id || !(row = enlace_cases_get_row (store, other, NULL)))
        continue;
      g_array_append_val (self->cases, other);
      expander = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), row->folio);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), row->summary ? row->summary : row->procedure_name);
      check = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Resolve this case too"), -1);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), check);
      g_ptr_array_add (self->checks, check);
      entry = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Note"));
      note = g_strdup_printf (_("Resolved with %s: common cause %s"), folio ? folio : "?", cause->key ? cause->key : "?");
      gtk_editable_set_text (GTK_EDITABLE (entry), note);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), entry);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), i < 3);
      g_ptr_array_add (self->notes, entry);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }
  gtk_box_append (GTK_BOX (content), group);
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), clamp);
  gtk_box_append (GTK_BOX (box), scroll);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->resolve_button));
  return self;
}
