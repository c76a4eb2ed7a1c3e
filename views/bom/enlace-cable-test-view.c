/* enlace-cable-test-view.c: a run's installation test on the cable's page
 * (see enlace-cable-test-view.h) */
#define G_LOG_DOMAIN "enlace-cable-test-view"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "enlace-cable-test-view.h"
#include "enlace-install.h"
#include "enlace-run-test-dialog.h"

struct _EnlaceCableTestView
{
  AdwBin       parent_instance;

  EnlaceStore *store;
  gint64       cable_id;
  char        *text;

  GtkWidget   *group;
  GtkWidget   *button;
  GPtrArray   *rows;
};

G_DEFINE_FINAL_TYPE (EnlaceCableTestView, enlace_cable_test_view, ADW_TYPE_BIN)

static void
add_row (EnlaceCableTestView *self,
         const char          *title,
         const char          *value,
         const char          *css)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css)
    gtk_widget_add_css_class (label, css);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
  g_ptr_array_add (self->rows, row);
}

static void
reload (EnlaceCableTestView *self)
{
  g_autoptr(EnlaceCableTest) test = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->group), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->text, g_free);

  gtk_widget_set_visible (GTK_WIDGET (self), self->store != NULL && self->cable_id > 0);
  if (self->store == NULL || self->cable_id <= 0)
    return;
  gtk_widget_set_sensitive (self->button, !enlace_store_is_read_only (self->store));
  test = enlace_cable_test_get (self->store, self->cable_id, NULL);
  if (test == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group),
                                             _("No test recorded: record one by hand, or import the certifier's "
                                               "results from the bill of materials"));
      return;
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), NULL);
  self->text = enlace_cable_test_describe (test);
  add_row (self, _("Result"), test->passed ? _("Pass") : _("Fail"), test->passed ? "success" : "error");
  if (test->length_m >= 0)
    {
      g_autofree char *v = g_strdup_printf (_("%.1f m"), test->length_m);
      add_row (self, _("Tested length"), v, NULL);
    }
  if (!isnan (test->margin_db))
    {
      g_autofree char *v = g_strdup_printf (_("%.1f dB"), test->margin_db);
      add_row (self, _("Margin"), v, test->margin_db < 0 ? "error" : NULL);
    }
  if (test->tested_at)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (test->tested_at, NULL);
      g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
      g_autofree char *v = local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (test->tested_at);

      add_row (self, _("Tested"), v, NULL);
    }
  add_row (self, _("Source"), g_strcmp0 (test->source, "certifier") == 0 ? _("Certifier's results")
                                                                          : _("Recorded by hand"), NULL);
}

void
enlace_cable_test_view_set_cable (EnlaceCableTestView *self,
                                  EnlaceStore         *store,
                                  gint64               cable_id)
{
  g_return_if_fail (ENLACE_IS_CABLE_TEST_VIEW (self));

  g_set_object (&self->store, store);
  self->cable_id = store ? cable_id : 0;
  reload (self);
}

const char *
enlace_cable_test_view_get_text (EnlaceCableTestView *self)
{
  g_return_val_if_fail (ENLACE_IS_CABLE_TEST_VIEW (self), NULL);

  return self->text;
}

GtkWindow *
enlace_cable_test_view_record (EnlaceCableTestView *self)
{
  GtkRoot *root;
  GtkWindow *dialog;

  g_return_val_if_fail (ENLACE_IS_CABLE_TEST_VIEW (self), NULL);

  if (self->store == NULL || self->cable_id <= 0)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = enlace_run_test_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->cable_id);
  gtk_window_present (dialog);
  return dialog;
}

static void
record_clicked_cb (EnlaceCableTestView *self)
{
  enlace_cable_test_view_record (self);
}

static void
enlace_cable_test_view_dispose (GObject *object)
{
  EnlaceCableTestView *self = ENLACE_CABLE_TEST_VIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (enlace_cable_test_view_parent_class)->dispose (object);
}

static void
enlace_cable_test_view_class_init (EnlaceCableTestViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = enlace_cable_test_view_dispose;
}

static void
enlace_cable_test_view_init (EnlaceCableTestView *self)
{
  self->rows = g_ptr_array_new ();
  self->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), _("Installation test"));
  self->button = gtk_button_new_with_mnemonic (_("Record a _test…"));
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->button, _("Record the run's result, tested length and margin"));
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (record_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->group), self->button);
  adw_bin_set_child (ADW_BIN (self), self->group);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
enlace_cable_test_view_new (void)
{
  return g_object_new (ENLACE_TYPE_CABLE_TEST_VIEW, NULL);
}
