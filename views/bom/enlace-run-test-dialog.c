/* enlace-run-test-dialog.c: recording the test of a run (see
 * enlace-run-test-dialog.h) */
#define G_LOG_DOMAIN "enlace-run-test-dialog"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "enlace-install.h"
#include "enlace-run-test-dialog.h"

struct _EnlaceRunTestDialog
{
  AdwWindow    parent_instance;

  EnlaceStore *store;
  gint64       cable_id;
  char        *label;

  AdwComboRow *result_row;
  AdwEntryRow *length_row;
  AdwEntryRow *margin_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (EnlaceRunTestDialog, enlace_run_test_dialog, ADW_TYPE_WINDOW)

/* "14", "14.0", "14,0", "14 m", "-2,5 dB"; "" is not given. */
static gboolean
parse_number (const char  *text,
              const char  *suffix,
              double      *out)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  char *end;

  *out = NAN;
  if (*t == '\0')
    return TRUE;
  if (g_str_has_suffix (t, suffix))
    {
      t[strlen (t) - strlen (suffix)] = '\0';
      g_strstrip (t);
    }
  g_strdelimit (t, ",", '.');
  *out = g_ascii_strtod (t, &end);
  return end != t && *end == '\0' && isfinite (*out);
}

gboolean
enlace_run_test_dialog_apply (EnlaceRunTestDialog  *self,
                              GError              **error)
{
  double length, margin;

  g_return_val_if_fail (ENLACE_IS_RUN_TEST_DIALOG (self), FALSE);

  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (self->length_row)), "m", &length) ||
      (!isnan (length) && length < 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The tested length is not a number of metres"));
      return FALSE;
    }
  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (self->margin_row)), "dB", &margin))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("The margin is not a number of dB"));
      return FALSE;
    }
  return enlace_install_run (self->store, self->label, isnan (length) ? -1 : length,
                             adw_combo_row_get_selected (self->result_row) == 0, margin, error);
}

void
enlace_run_test_dialog_set (EnlaceRunTestDialog *self,
                            gboolean             passed,
                            const char          *length,
                            const char          *margin)
{
  g_return_if_fail (ENLACE_IS_RUN_TEST_DIALOG (self));

  adw_combo_row_set_selected (self->result_row, passed ? 0 : 1);
  gtk_editable_set_text (GTK_EDITABLE (self->length_row), length ? length : "");
  gtk_editable_set_text (GTK_EDITABLE (self->margin_row), margin ? margin : "");
}

static void
record_clicked_cb (EnlaceRunTestDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!enlace_run_test_dialog_apply (self, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
enlace_run_test_dialog_dispose (GObject *object)
{
  EnlaceRunTestDialog *self = ENLACE_RUN_TEST_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->label, g_free);
  G_OBJECT_CLASS (enlace_run_test_dialog_parent_class)->dispose (object);
}

static void
enlace_run_test_dialog_class_init (EnlaceRunTestDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = enlace_run_test_dialog_dispose;
}

static void
enlace_run_test_dialog_init (EnlaceRunTestDialog *self)
{
  GtkWidget *box, *header, *cancel, *record, *page, *group;
  const char *results[] = { _("Pass"), _("Fail"), NULL };

  gtk_window_set_title (GTK_WINDOW (self), _("Record a Test"));
  gtk_window_set_default_size (GTK_WINDOW (self), 460, -1);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  record = gtk_button_new_with_mnemonic (_("_Record"));
  gtk_widget_add_css_class (record, "suggested-action");
  g_signal_connect_swapped (record, "clicked", G_CALLBACK (record_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), record);
  gtk_window_set_default_widget (GTK_WINDOW (self), record);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Test of the run"));
  self->result_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row), _("Result"));
  adw_combo_row_set_model (self->result_row, G_LIST_MODEL (gtk_string_list_new (results)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->result_row));
  self->length_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->length_row),
                                 _("Tested length (m) — becomes the cable's length"));
  adw_entry_row_set_activates_default (self->length_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->length_row));
  self->margin_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->margin_row), _("Worst margin (dB), optional"));
  adw_entry_row_set_activates_default (self->margin_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->margin_row));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->error_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

GtkWindow *
enlace_run_test_dialog_new (GtkWindow    *parent,
                            EnlaceStore  *store,
                            gint64        cable_id)
{
  EnlaceRunTestDialog *self;
  g_autoptr(EnlaceCableTest) test = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  self = g_object_new (ENLACE_TYPE_RUN_TEST_DIALOG, NULL);
  if (parent)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->store = g_object_ref (store);
  self->cable_id = cable_id;
  self->label = enlace_store_dup_key (store, "cable", cable_id);
  title = g_strdup_printf (_("Test of run %s"), self->label ? self->label : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  test = enlace_cable_test_get (store, cable_id, NULL);
  if (test)
    {
      char length[G_ASCII_DTOSTR_BUF_SIZE] = "", margin[G_ASCII_DTOSTR_BUF_SIZE] = "";

      if (test->length_m >= 0)
        g_snprintf (length, sizeof length, "%.1f", test->length_m);
      if (!isnan (test->margin_db))
        g_snprintf (margin, sizeof margin, "%.1f", test->margin_db);
      enlace_run_test_dialog_set (self, test->passed, length, margin);
    }
  return GTK_WINDOW (self);
}
