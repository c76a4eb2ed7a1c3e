/* enlace-case-new-dialog.c: opens a case of a procedure */
#define G_LOG_DOMAIN "enlace-case-new-dialog"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-case-new-dialog.h"
#include "enlace-fault-location-picker.h"
#include "enlace-faults.h"

struct _EnlaceCaseNewDialog
{
  AdwWindow        parent_instance;

  EnlaceStore     *store;
  GPtrArray       *procedures;    /* of EnlaceProcedure* */
  EnlaceCaseForm  *form;
  GtkWidget       *form_widget;
  GtkWidget       *requester_drop;
  GtkWidget       *area_drop;
  GtkWidget       *assignee_drop;
  GtkWidget       *location_picker;

  /* template children */
  GtkButton       *open_button;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  AdwComboRow     *procedure_row;
  AdwActionRow    *requester_row;
  AdwExpanderRow  *new_person_row;
  AdwEntryRow     *person_name_row;
  AdwEntryRow     *person_position_row;
  AdwActionRow    *person_area_row;
  AdwEntryRow     *person_email_row;
  AdwEntryRow     *person_phone_row;
  AdwComboRow     *channel_row;
  AdwComboRow     *priority_row;
  AdwActionRow    *assignee_row;
  AdwEntryRow     *summary_row;
  AdwPreferencesGroup *form_group;
  AdwPreferencesGroup *location_group;
};

enum {
  CASE_OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EnlaceCaseNewDialog, enlace_case_new_dialog, ADW_TYPE_WINDOW)

/* In the order of the template's channel and priority lists. */
static const char * const channels[] = { "in-person", "phone", "email", "paper" };
static const char * const priorities[] = { "low", "normal", "high", "urgent" };

static EnlaceProcedure *
current_procedure (EnlaceCaseNewDialog *self)
{
  guint pos = adw_combo_row_get_selected (self->procedure_row);

  if (self->procedures == NULL || pos >= self->procedures->len)
    return NULL;
  return g_ptr_array_index (self->procedures, pos);
}

static void
show_error (EnlaceCaseNewDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* The request form: the fields of the procedure's first form step. */
static void
procedure_changed_cb (EnlaceCaseNewDialog *self)
{
  EnlaceProcedure *proc = current_procedure (self);
  const EnlaceProcedureStep *form_step = NULL;

  if (self->form_widget)
    {
      adw_preferences_group_remove (self->form_group, self->form_widget);
      self->form_widget = NULL;
      self->form = NULL;
    }
  show_error (self, NULL);

  for (guint i = 0; proc && i < proc->steps->len; i++)
    {
      const EnlaceProcedureStep *step = g_ptr_array_index (proc->steps, i);

      if (step->kind == ENLACE_STEP_FORM && step->fields && step->fields->len > 0)
        {
          form_step = step;
          break;
        }
    }

  if (proc)
    {
      g_autofree char *title = g_strdup_printf (_("New Case: %s"), proc->name);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->location_group), proc && g_strcmp0 (proc->kind, "fault") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->form_group), form_step != NULL);
  if (form_step == NULL)
    return;

  adw_preferences_group_set_description (self->form_group, form_step->title);
  self->form = enlace_case_form_new (self->store, form_step->fields, NULL);
  self->form_widget = enlace_case_form_get_widget (self->form);
  adw_preferences_group_add (self->form_group, self->form_widget);
}

static void
new_person_toggled_cb (EnlaceCaseNewDialog *self)
{
  gboolean new_person = adw_expander_row_get_enable_expansion (self->new_person_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->requester_row), !new_person);
  if (new_person)
    gtk_widget_grab_focus (GTK_WIDGET (self->person_name_row));
}

gint64
enlace_case_new_dialog_confirm (EnlaceCaseNewDialog  *self,
                                GError              **error)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GError) local_error = NULL;
  EnlaceProcedure *proc;
  const char *summary;
  guint pos;
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_CASE_NEW_DIALOG (self), 0);

  if (!(proc = current_procedure (self)))
    {
      g_set_error (&local_error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Choose the procedure of the case"));
      goto refused;
    }

  if (adw_expander_row_get_enable_expansion (self->new_person_row))
    {
      JsonObject *person = json_object_new ();
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->person_name_row))));
      gint64 area_id = enlace_case_ref_drop_get_id (self->area_drop);
      const char *position = gtk_editable_get_text (GTK_EDITABLE (self->person_position_row));
      const char *email = gtk_editable_get_text (GTK_EDITABLE (self->person_email_row));
      const char *phone = gtk_editable_get_text (GTK_EDITABLE (self->person_phone_row));

      json_object_set_object_member (values, "requester", person);
      if (name[0] == '\0')
        {
          g_set_error (&local_error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("The new person needs a name"));
          gtk_widget_grab_focus (GTK_WIDGET (self->person_name_row));
          goto refused;
        }
      json_object_set_string_member (person, "name", name);
      if (area_id > 0)
        json_object_set_int_member (person, "area_id", area_id);
      if (position[0])
        json_object_set_string_member (person, "position", position);
      if (email[0])
        json_object_set_string_member (person, "email", email);
      if (phone[0])
        json_object_set_string_member (person, "phone", phone);
    }
  else
    {
      gint64 requester = enlace_case_ref_drop_get_id (self->requester_drop);

      if (requester <= 0)
        {
          g_set_error (&local_error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Choose the requester, or add a new person"));
          goto refused;
        }
      json_object_set_int_member (values, "requester_id", requester);
    }

  pos = adw_combo_row_get_selected (self->channel_row);
  json_object_set_string_member (values, "channel", channels[pos < G_N_ELEMENTS (channels) ? pos : 0]);
  pos = adw_combo_row_get_selected (self->priority_row);
  json_object_set_string_member (values, "priority", priorities[pos < G_N_ELEMENTS (priorities) ? pos : 1]);
  if (enlace_case_ref_drop_get_id (self->assignee_drop) > 0)
    json_object_set_int_member (values, "assignee_id", enlace_case_ref_drop_get_id (self->assignee_drop));
  summary = gtk_editable_get_text (GTK_EDITABLE (self->summary_row));
  if (summary[0])
    json_object_set_string_member (values, "summary", summary);

  if (self->form)
    {
      if (!enlace_case_form_check (self->form, &local_error))
        goto refused;
      json_object_set_object_member (values, "form", enlace_case_form_get_values (self->form));
    }

  if (g_strcmp0 (proc->kind, "fault") == 0)
    {
      const char *kind = NULL;
      gint64 location = 0;

      if (!enlace_fault_location_picker_get_location (ENLACE_FAULT_LOCATION_PICKER (self->location_picker),
                                                      &kind, &location))
        {
          g_set_error (&local_error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Say where the user is: the outlet, the room, the person or the extension of the fault"));
          gtk_widget_grab_focus (self->location_picker);
          goto refused;
        }
      if (!(id = enlace_fault_open (self->store, proc->code, values, kind, location, &local_error)))
        goto refused;
    }
  else if (!(id = enlace_case_open (self->store, proc->code, values, &local_error)))
    goto refused;

  g_signal_emit (self, signals[CASE_OPENED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return id;

refused:
  show_error (self, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

static void
open_clicked_cb (EnlaceCaseNewDialog *self)
{
  g_autoptr(GError) error = NULL;

  /* a refusal is shown in the dialog */
  enlace_case_new_dialog_confirm (self, &error);
}

static void
enlace_case_new_dialog_dispose (GObject *object)
{
  EnlaceCaseNewDialog *self = ENLACE_CASE_NEW_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENLACE_TYPE_CASE_NEW_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->procedures, g_ptr_array_unref);

  G_OBJECT_CLASS (enlace_case_new_dialog_parent_class)->dispose (object);
}

static void
enlace_case_new_dialog_class_init (EnlaceCaseNewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enlace_case_new_dialog_dispose;

  /**
   * EnlaceCaseNewDialog::case-opened:
   * @id: the new case
   */
  signals[CASE_OPENED] =
    g_signal_new ("case-opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Enlace/views/enlace-case-new-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, procedure_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, requester_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, new_person_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, person_name_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, person_position_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, person_area_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, person_email_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, person_phone_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, priority_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, assignee_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCaseNewDialog, location_group);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, procedure_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_person_toggled_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
enlace_case_new_dialog_init (EnlaceCaseNewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->open_button));
}

EnlaceCaseNewDialog *
enlace_case_new_dialog_new (GtkWindow   *parent,
                            EnlaceStore *store,
                            const char  *procedure_code)
{
  EnlaceCaseNewDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  self = g_object_new (ENLACE_TYPE_CASE_NEW_DIALOG, NULL);
  if (parent)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->store = g_object_ref (store);

  if (!(self->procedures = enlace_procedures_list (store, &error)))
    {
      self->procedures = g_ptr_array_new_with_free_func ((GDestroyNotify)enlace_procedure_free);
      show_error (self, error->message);
    }
  for (guint i = 0; i < self->procedures->len; i++)
    {
      EnlaceProcedure *proc = g_ptr_array_index (self->procedures, i);

      gtk_string_list_append (names, proc->name);
      if (g_strcmp0 (proc->code, procedure_code) == 0)
        selected = i;
    }

  self->requester_drop = enlace_case_ref_drop_new (store, "person", "—");
  gtk_widget_set_hexpand (self->requester_drop, FALSE);
  adw_action_row_add_suffix (self->requester_row, self->requester_drop);
  self->area_drop = enlace_case_ref_drop_new (store, "area", "—");
  adw_action_row_add_suffix (self->person_area_row, self->area_drop);
  self->assignee_drop = enlace_case_staff_drop_new (store);
  adw_action_row_add_suffix (self->assignee_row, self->assignee_drop);
  self->location_picker = enlace_fault_location_picker_new (store);
  adw_preferences_group_add (self->location_group, self->location_picker);

  adw_combo_row_set_model (self->procedure_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->procedure_row, selected);
  procedure_changed_cb (self);

  return self;
}

const char *
enlace_case_new_dialog_get_procedure (EnlaceCaseNewDialog *self)
{
  EnlaceProcedure *proc;

  g_return_val_if_fail (ENLACE_IS_CASE_NEW_DIALOG (self), NULL);

  proc = current_procedure (self);
  return proc ? proc->code : NULL;
}

void
enlace_case_new_dialog_set_procedure (EnlaceCaseNewDialog *self,
                                      const char          *code)
{
  g_return_if_fail (ENLACE_IS_CASE_NEW_DIALOG (self));

  for (guint i = 0; i < self->procedures->len; i++)
    if (g_strcmp0 (((EnlaceProcedure *)g_ptr_array_index (self->procedures, i))->code, code) == 0)
      adw_combo_row_set_selected (self->procedure_row, i);
}

void
enlace_case_new_dialog_set_requester (EnlaceCaseNewDialog *self,
                                      gint64               person_id)
{
  g_return_if_fail (ENLACE_IS_CASE_NEW_DIALOG (self));

  adw_expander_row_set_enable_expansion (self->new_person_row, FALSE);
  enlace_case_ref_drop_set_id (self->requester_drop, person_id);
}

void
enlace_case_new_dialog_set_new_person (EnlaceCaseNewDialog *self,
                                       const char          *name,
                                       gint64               area_id)
{
  g_return_if_fail (ENLACE_IS_CASE_NEW_DIALOG (self));

  adw_expander_row_set_enable_expansion (self->new_person_row, TRUE);
  adw_expander_row_set_expanded (self->new_person_row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->person_name_row), name ? name : "");
  enlace_case_ref_drop_set_id (self->area_drop, area_id);
}

EnlaceCaseForm *
enlace_case_new_dialog_get_form (EnlaceCaseNewDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_NEW_DIALOG (self), NULL);

  return self->form;
}

GtkWidget *
enlace_case_new_dialog_get_location_picker (EnlaceCaseNewDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_NEW_DIALOG (self), NULL);

  return self->location_picker;
}
