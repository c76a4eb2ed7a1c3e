/* enlace-preferences-window.c: the preferences — the open project's
 * identity (institution, department, logo: kept in the project file, one
 * command each) and the user's settings (GSettings org.example.Enlace) */
#define G_LOG_DOMAIN "enlace-preferences-window"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-preferences-window.h"
#include "enlace-render-document.h"
#include "enlace-window.h"

#define THUMBNAIL_SIZE 96

struct _EnlacePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesGroup  *identity_group;
  AdwEntryRow          *institution_row;
  AdwEntryRow          *department_row;
  AdwActionRow         *logo_row;
  GtkImage             *logo_image;
  GtkButton            *logo_choose_button;
  GtkButton            *logo_remove_button;
  AdwEntryRow          *author_row;
  AdwComboRow          *paper_row;
  AdwComboRow          *language_row;
  GtkSpinButton        *scale_spin;

  GSettings            *settings;
  EnlaceStore          *store;
};

G_DEFINE_FINAL_TYPE (EnlacePreferencesWindow, enlace_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum { PROP_0, PROP_STORE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
paper_changed_cb (EnlacePreferencesWindow *self)
{
  g_settings_set_enum (self->settings, "paper-size",
                       adw_combo_row_get_selected (self->paper_row));
}

static void
language_changed_cb (EnlacePreferencesWindow *self)
{
  AdwToast *toast;

  /* the enum's values are the rows' positions */
  g_settings_set_enum (self->settings, "language",
                       adw_combo_row_get_selected (self->language_row));
  toast = adw_toast_new (_("The language changes the next time Enlace starts"));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
show_error (EnlacePreferencesWindow *self,
            GError                  *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* ---- Identity: the project's, read from the store ---------------------- */

static void
load_entry (AdwEntryRow *row,
            EnlaceStore *store,
            const char  *key)
{
  g_autofree char *value = enlace_store_get_meta (store, key);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), value ? value : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
}

static void
load_logo (EnlacePreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) logo = enlace_store_get_logo (self->store, &error);
  cairo_surface_t *surface = NULL;

  if (logo != NULL)
    surface = enlace_render_logo (logo, THUMBNAIL_SIZE, THUMBNAIL_SIZE, &error);
  if (surface != NULL)
    {
      g_autoptr(GBytes) pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                                              (gsize) cairo_image_surface_get_stride (surface) * THUMBNAIL_SIZE);
      g_autoptr(GdkTexture) texture = gdk_memory_texture_new (THUMBNAIL_SIZE, THUMBNAIL_SIZE, GDK_MEMORY_DEFAULT,
                                                             pixels, cairo_image_surface_get_stride (surface));
      g_autofree char *size = g_format_size (g_bytes_get_size (logo));
      const char *mime = enlace_logo_check (logo, NULL);
      g_autofree char *subtitle = NULL;

      cairo_surface_destroy (surface);
      gtk_image_set_from_paintable (self->logo_image, GDK_PAINTABLE (texture));
      /* TRANSLATORS: the logo's type and size, e.g. "SVG image, 580 bytes" */
      subtitle = g_strdup_printf (_("%s image, %s"),
                                  g_strcmp0 (mime, "image/png") == 0 ? "PNG"
                                  : g_strcmp0 (mime, "image/jpeg") == 0 ? "JPEG" : "SVG",
                                  size);
      adw_action_row_set_subtitle (self->logo_row, subtitle);
    }
  else
    {
      gtk_image_set_from_icon_name (self->logo_image, "image-missing-symbolic");
      adw_action_row_set_subtitle (self->logo_row,
                                   error ? error->message : _("None. A PNG, JPEG or SVG image of up to 2 MB"));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->logo_remove_button), logo != NULL || error != NULL);
}

static void
load_identity (EnlacePreferencesWindow *self)
{
  gboolean open = self->store != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->institution_row), open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->department_row), open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->logo_row), open);
  if (!open)
    {
      adw_preferences_group_set_description (self->identity_group,
                                             _("No project is open. Open a project to set the institution, the department and the logo printed on its documents."));
      return;
    }
  adw_preferences_group_set_description (self->identity_group,
                                         _("Printed in the header of the project’s forms, memos, notices and reports, and kept in the project file."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->institution_row), !enlace_store_is_read_only (self->store));
  gtk_widget_set_sensitive (GTK_WIDGET (self->department_row), !enlace_store_is_read_only (self->store));
  gtk_widget_set_sensitive (GTK_WIDGET (self->logo_row), !enlace_store_is_read_only (self->store));
  load_entry (self->institution_row, self->store, "institution");
  load_entry (self->department_row, self->store, "department");
  load_logo (self);
}

/* Apply (the button or Enter): one command; empty removes the property. */
static void
apply_entry (EnlacePreferencesWindow *self,
             AdwEntryRow             *row,
             const char              *key)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->store == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (!enlace_store_set_meta (self->store, key, *text ? text : NULL, &error))
    {
      show_error (self, error);
      load_entry (row, self->store, key);
    }
}

static void
institution_apply_cb (EnlacePreferencesWindow *self)
{
  apply_entry (self, self->institution_row, "institution");
}

static void
department_apply_cb (EnlacePreferencesWindow *self)
{
  apply_entry (self, self->department_row, "department");
}

static void
logo_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EnlacePreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) image = NULL;
  char *data = NULL;
  gsize len = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &data, &len, NULL, &error))
    {
      show_error (self, error);
      return;
    }
  image = g_bytes_new_take (data, len);
  if (self->store != NULL && !enlace_store_set_logo (self->store, image, &error))
    show_error (self, error);
}

void
enlace_preferences_window_set_logo_file (EnlacePreferencesWindow *self,
                                         GFile                   *file)
{
  g_return_if_fail (ENLACE_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_contents_async (file, NULL, logo_loaded_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog         *chooser,
                     int                      response,
                     EnlacePreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        enlace_preferences_window_set_logo_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
logo_choose_cb (EnlacePreferencesWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose the Logo"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Images (PNG, JPEG, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
logo_remove_cb (EnlacePreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !enlace_store_set_logo (self->store, NULL, &error))
    show_error (self, error);
}

/* ---- The object -------------------------------------------------------- */

static void
enlace_preferences_window_set_store (EnlacePreferencesWindow *self,
                                     EnlaceStore             *store)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (load_identity), self);
  load_identity (self);
}

static void
enlace_preferences_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  EnlacePreferencesWindow *self = ENLACE_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enlace_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  EnlacePreferencesWindow *self = ENLACE_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      enlace_preferences_window_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enlace_preferences_window_dispose (GObject *object)
{
  EnlacePreferencesWindow *self = (EnlacePreferencesWindow *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
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
  object_class->get_property = enlace_preferences_window_get_property;
  object_class->set_property = enlace_preferences_window_set_property;

  /* the open project, whose identity the window edits (NULL: none) */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ENLACE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Enlace/ui/enlace-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EnlacePreferencesWindow, identity_group);
  gtk_widget_class_bind_template_child (widget_class, EnlacePreferencesWindow, institution_row);
  gtk_widget_class_bind_template_child (widget_class, EnlacePreferencesWindow, department_row);
  gtk_widget_class_bind_template_child (widget_class, EnlacePreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, EnlacePreferencesWindow, logo_image);
  gtk_widget_class_bind_template_child (widget_class, EnlacePreferencesWindow, logo_choose_button);
  gtk_widget_class_bind_template_child (widget_class, EnlacePreferencesWindow, logo_remove_button);
  gtk_widget_class_bind_template_child (widget_class, EnlacePreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, EnlacePreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, EnlacePreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, EnlacePreferencesWindow, scale_spin);
}

static void
enlace_preferences_window_init (EnlacePreferencesWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Enter applies as the button does (entry-activated when it is hidden) */
  g_signal_connect_swapped (self->institution_row, "apply", G_CALLBACK (institution_apply_cb), self);
  g_signal_connect_swapped (self->institution_row, "entry-activated", G_CALLBACK (institution_apply_cb), self);
  g_signal_connect_swapped (self->department_row, "apply", G_CALLBACK (department_apply_cb), self);
  g_signal_connect_swapped (self->department_row, "entry-activated", G_CALLBACK (department_apply_cb), self);
  g_signal_connect_swapped (self->logo_choose_button, "clicked", G_CALLBACK (logo_choose_cb), self);
  g_signal_connect_swapped (self->logo_remove_button, "clicked", G_CALLBACK (logo_remove_cb), self);

  if (!source || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    {
      /* not installed: nothing to keep the values in */
      gtk_widget_set_sensitive (GTK_WIDGET (self->author_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->scale_spin), FALSE);
      return;
    }

  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_bind (self->settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
  /* the enum's values are the rows' positions */
  adw_combo_row_set_selected (self->paper_row, g_settings_get_enum (self->settings, "paper-size"));
  g_signal_connect_swapped (self->paper_row, "notify::selected",
                            G_CALLBACK (paper_changed_cb), self);
  adw_combo_row_set_selected (self->language_row, g_settings_get_enum (self->settings, "language"));
  g_signal_connect_swapped (self->language_row, "notify::selected",
                            G_CALLBACK (language_changed_cb), self);
  g_settings_bind (self->settings, "plan-default-scale",
                   gtk_spin_button_get_adjustment (self->scale_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
enlace_preferences_window_new (GtkWindow *parent)
{
  EnlaceStore *store = ENLACE_IS_WINDOW (parent) ? enlace_window_get_store (ENLACE_WINDOW (parent)) : NULL;

  return g_object_new (ENLACE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}
