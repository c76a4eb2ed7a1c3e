/* enlace-preferences-window.c: the preferences (GSettings org.example.Enlace) */
#define G_LOG_DOMAIN "enlace-preferences-window"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-preferences-window.h"

struct _EnlacePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *institution_row;
  AdwEntryRow          *author_row;
  AdwComboRow          *paper_row;
  GtkSpinButton        *scale_spin;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (EnlacePreferencesWindow, enlace_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
paper_changed_cb (EnlacePreferencesWindow *self)
{
  g_settings_set_enum (self->settings, "paper-size",
                       adw_combo_row_get_selected (self->paper_row));
}

static void
enlace_preferences_window_dispose (GObject *object)
{
  EnlacePreferencesWindow *self = (EnlacePreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ENLACE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (enlace_preferences_window_parent_class)->dispose (object);
}

static void
enlace_preferences_window_class_init (EnlacePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enlace_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Enlace/ui/enlace-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EnlacePreferencesWindow, institution_row);
  gtk_widget_class_bind_template_child (widget_class, EnlacePreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, EnlacePreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, EnlacePreferencesWindow, scale_spin);
}

static void
enlace_preferences_window_init (EnlacePreferencesWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (!source || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    {
      /* not installed: nothing to keep the values in */
      gtk_widget_set_sensitive (GTK_WIDGET (self->institution_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->author_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->scale_spin), FALSE);
      return;
    }

  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_bind (self->settings, "institution-name", self->institution_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
  /* the enum's values are the rows' positions */
  adw_combo_row_set_selected (self->paper_row, g_settings_get_enum (self->settings, "paper-size"));
  g_signal_connect_swapped (self->paper_row, "notify::selected",
                            G_CALLBACK (paper_changed_cb), self);
  g_settings_bind (self->settings, "plan-default-scale",
                   gtk_spin_button_get_adjustment (self->scale_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
enlace_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (ENLACE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
