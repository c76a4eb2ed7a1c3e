/* enlace-devicetype-import-dialog.c: import NetBox device types (GUI)
 *
 * The files are read and checked in a worker thread (GTask), which uses
 * no store; the main thread then writes the batch as one command, so the
 * store and its ::changed signal stay on the main thread.  Progress is
 * published by the worker in two atomics and polled by a timeout.
 */
#define G_LOG_DOMAIN "enlace-devicetype-import-dialog"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-devicetype-import-dialog.h"
#include "enlace-kinds.h"

typedef struct
{
  char **paths;
  int    done;    /* atomic */
  int    total;   /* atomic */
} LoadState;

struct _EnlaceDevicetypeImportDialog
{
  AdwWindow               parent_instance;

  EnlaceStore            *store;
  char                   *path;
  char                   *summary_text;
  EnlaceDeviceTypeImport *result;
  GCancellable           *cancellable;
  LoadState              *state;
  GtkFileChooserNative   *chooser;
  guint                   progress_source;
  guint                   running : 1;
  guint                   close_when_done : 1;
  guint                   disposed : 1;

  GtkButton              *cancel_button;
  GtkButton              *import_button;
  GtkButton              *file_button;
  GtkButton              *folder_button;
  GtkLabel               *path_label;
  GtkProgressBar         *progress_bar;
  GtkLabel               *headline_label;
  GtkLabel               *skipped_heading;
  GtkListBox             *skipped_list;
  GtkLabel               *imported_heading;
  GtkListBox             *imported_list;
};

G_DEFINE_FINAL_TYPE (EnlaceDevicetypeImportDialog, enlace_devicetype_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PATH,
  PROP_RUNNING,
  PROP_SUMMARY_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
load_state_clear (gpointer data)
{
  LoadState *state = data;

  g_strfreev (state->paths);
}

static void
load_state_unref (LoadState *state)
{
  g_atomic_rc_box_release_full (state, load_state_clear);
}

static void
update_sensitivity (EnlaceDevicetypeImportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !self->running && self->path != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->file_button), !self->running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->folder_button), !self->running);
  gtk_button_set_label (self->cancel_button,
                        self->running || self->summary_text == NULL ? _("_Cancel") : _("_Close"));
}

static void
set_running (EnlaceDevicetypeImportDialog *self,
             gboolean                      running)
{
  if (self->running == !!running)
    return;
  self->running = !!running;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), self->running);
  update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
set_summary_text (EnlaceDevicetypeImportDialog *self,
                  const char                   *text)
{
  if (g_strcmp0 (self->summary_text, text) == 0)
    return;
  g_free (self->summary_text);
  self->summary_text = g_strdup (text);
  update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY_TEXT]);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  gtk_widget_set_visible (GTK_WIDGET (list), FALSE);
}

static GtkWidget *
summary_row (const char *title,
             const char *subtitle,
             const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (icon_name != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  return row;
}

/* A file as the user chose it: relative to the chosen folder. */
static const char *
relative_name (EnlaceDevicetypeImportDialog *self,
               const char                   *file)
{
  gsize n = self->path ? strlen (self->path) : 0;

  if (n > 0 && strncmp (file, self->path, n) == 0 && file[n] == G_DIR_SEPARATOR)
    return file + n + 1;
  return file;
}

/* Shows @result (or only @headline when the import did not happen). */
static void
show_summary (EnlaceDevicetypeImportDialog *self,
              EnlaceDeviceTypeImport       *result,
              const char                   *headline)
{
  clear_list (self->skipped_list);
  clear_list (self->imported_list);
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_heading), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->imported_heading), FALSE);
  gtk_label_set_text (self->headline_label, headline ? headline : "");

  if (result == NULL)
    return;

  if (result->skipped->len > 0)
    {
      g_autofree char *heading = g_strdup_printf (ngettext ("%u file skipped", "%u files skipped",
                                                            result->skipped->len),
                                                  result->skipped->len);

      gtk_label_set_text (self->skipped_heading, heading);
      gtk_widget_set_visible (GTK_WIDGET (self->skipped_heading), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->skipped_list), TRUE);
    }
  for (guint i = 0; i < result->skipped->len; i++)
    {
      EnlaceDeviceTypeSkipped *s = g_ptr_array_index (result->skipped, i);
      g_autofree char *subtitle = NULL;

      g_autoptr(GString) detail = g_string_new (s->detail);

      /* other files named in the reason: relative to the chosen folder */
      if (self->path != NULL && g_file_test (self->path, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *prefix = g_strconcat (self->path, G_DIR_SEPARATOR_S, NULL);

          g_string_replace (detail, prefix, "", 0);
        }
      if (s->line > 0)
        subtitle = g_strdup_printf (_("Line %u: %s"), s->line, detail->str);
      else
        subtitle = g_strdup (detail->str);
      gtk_list_box_append (self->skipped_list,
                           summary_row (relative_name (self, s->file), subtitle,
                                        s->reason == ENLACE_DEVICE_TYPE_SKIP_INVALID
                                        ? "dialog-warning-symbolic" : "edit-copy-symbolic"));
    }

  if (result->imported->len > 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->imported_heading), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->imported_list), TRUE);
    }
  for (guint i = 0; i < result->imported->len; i++)
    {
      EnlaceDeviceTypeImported *item = g_ptr_array_index (result->imported, i);
      g_autofree char *title = g_strdup_printf ("%s %s", item->manufacturer, item->model);
      g_autofree char *details = enlace_device_type_imported_dup_details (item);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", enlace_choice_label (item->role), details);

      gtk_list_box_append (self->imported_list, summary_row (title, subtitle, NULL));
    }
}

static gboolean
progress_timeout_cb (gpointer user_data)
{
  EnlaceDevicetypeImportDialog *self = user_data;
  int done, total;

  if (self->state == NULL)
    return G_SOURCE_CONTINUE;
  done = g_atomic_int_get (&self->state->done);
  total = g_atomic_int_get (&self->state->total);
  if (total > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Reading %u of %u files…"), (guint) done, (guint) total);

      gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  else
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* Worker thread */
static void
load_progress_cb (guint    done,
                  guint    total,
                  gpointer user_data)
{
  LoadState *state = user_data;

  g_atomic_int_set (&state->total, (int) total);
  g_atomic_int_set (&state->done, (int) done);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadState *state = task_data;
  GError *error = NULL;
  EnlaceDeviceTypeBatch *batch;

  batch = enlace_device_type_batch_load ((const char * const *) state->paths,
                                         load_progress_cb, state, cancellable, &error);
  if (batch == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, batch, (GDestroyNotify) enlace_device_type_batch_free);
}

/* Main thread */
static void
load_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  EnlaceDevicetypeImportDialog *self = ENLACE_DEVICETYPE_IMPORT_DIALOG (source);
  g_autoptr(EnlaceDeviceTypeBatch) batch = NULL;
  g_autoptr(EnlaceDeviceTypeImport) result = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->state, load_state_unref);

  batch = g_task_propagate_pointer (G_TASK (res), &error);
  if (self->disposed)
    return;   /* destroyed while reading: the widgets are gone */
  if (batch != NULL && !self->close_when_done)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
      gtk_progress_bar_set_text (self->progress_bar, _("Writing device types…"));
      result = enlace_device_types_import_batch (self->store, batch, self->cancellable, &error);
    }

  g_clear_pointer (&self->result, enlace_device_type_import_unref);
  if (result != NULL)
    {
      g_autofree char *text = enlace_device_type_import_format (result);
      g_autofree char *headline = enlace_device_type_import_dup_headline (result);

      self->result = g_steal_pointer (&result);
      show_summary (self, self->result, headline);
      set_summary_text (self, text);
    }
  else if (self->close_when_done ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_summary (self, NULL, _("Import cancelled; nothing was changed."));
      set_summary_text (self, _("Import cancelled; nothing was changed."));
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("Could not import: %s"),
                                               error ? error->message : "?");

      show_summary (self, NULL, text);
      set_summary_text (self, text);
    }

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);

  if (self->close_when_done)
    gtk_window_destroy (GTK_WINDOW (self));
}

void
enlace_devicetype_import_dialog_start (EnlaceDevicetypeImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  LoadState *state;

  g_return_if_fail (ENLACE_IS_DEVICETYPE_IMPORT_DIALOG (self));

  if (self->running || self->path == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  state = g_atomic_rc_box_new0 (LoadState);
  state->paths = g_new0 (char *, 2);
  state->paths[0] = g_strdup (self->path);
  self->state = g_atomic_rc_box_acquire (state);

  set_summary_text (self, NULL);
  show_summary (self, NULL, NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Reading files…"));
  set_running (self, TRUE);
  self->progress_source = g_timeout_add (100, progress_timeout_cb, self);

  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, enlace_devicetype_import_dialog_start);
  g_task_set_task_data (task, state, (GDestroyNotify) load_state_unref);
  g_task_run_in_thread (task, load_thread);
}

void
enlace_devicetype_import_dialog_cancel (EnlaceDevicetypeImportDialog *self)
{
  g_return_if_fail (ENLACE_IS_DEVICETYPE_IMPORT_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
import_clicked_cb (EnlaceDevicetypeImportDialog *self)
{
  enlace_devicetype_import_dialog_start (self);
}

static void
cancel_clicked_cb (EnlaceDevicetypeImportDialog *self)
{
  if (self->running)
    enlace_devicetype_import_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
chooser_response_cb (GtkNativeDialog              *native,
                     int                           response,
                     EnlaceDevicetypeImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        enlace_devicetype_import_dialog_set_path (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
choose (EnlaceDevicetypeImportDialog *self,
        gboolean                      folder)
{
  GtkFileChooserNative *native;

  if (self->chooser != NULL || self->running)
    return;

  native = gtk_file_chooser_native_new (folder ? _("Choose a Folder of Device Types")
                                               : _("Choose a Device-Type File"),
                                        GTK_WINDOW (self),
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                               : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Device-Type YAML Files"));
      gtk_file_filter_add_pattern (filter, "*.yaml");
      gtk_file_filter_add_pattern (filter, "*.yml");
      gtk_file_filter_add_pattern (filter, "*.YAML");
      gtk_file_filter_add_pattern (filter, "*.YML");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  if (self->path != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (self->path);
      g_autoptr(GFile) dir = folder ? g_object_ref (current) : g_file_get_parent (current);

      if (dir != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), dir, NULL);
    }
  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), self);
  self->chooser = native;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
choose_file_clicked_cb (EnlaceDevicetypeImportDialog *self)
{
  choose (self, FALSE);
}

static void
choose_folder_clicked_cb (EnlaceDevicetypeImportDialog *self)
{
  choose (self, TRUE);
}

static gboolean
enlace_devicetype_import_dialog_close_request (GtkWindow *window)
{
  EnlaceDevicetypeImportDialog *self = ENLACE_DEVICETYPE_IMPORT_DIALOG (window);

  if (self->running)
    {
      /* The worker holds the dialog; close when it returns. */
      self->close_when_done = TRUE;
      enlace_devicetype_import_dialog_cancel (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (enlace_devicetype_import_dialog_parent_class)->close_request (window);
}

static void
enlace_devicetype_import_dialog_dispose (GObject *object)
{
  EnlaceDevicetypeImportDialog *self = ENLACE_DEVICETYPE_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), ENLACE_TYPE_DEVICETYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (enlace_devicetype_import_dialog_parent_class)->dispose (object);
}

static void
enlace_devicetype_import_dialog_finalize (GObject *object)
{
  EnlaceDevicetypeImportDialog *self = ENLACE_DEVICETYPE_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->state, load_state_unref);
  g_clear_pointer (&self->result, enlace_device_type_import_unref);
  g_free (self->path);
  g_free (self->summary_text);

  G_OBJECT_CLASS (enlace_devicetype_import_dialog_parent_class)->finalize (object);
}

static void
enlace_devicetype_import_dialog_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec)
{
  EnlaceDevicetypeImportDialog *self = ENLACE_DEVICETYPE_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_SUMMARY_TEXT:
      g_value_set_string (value, self->summary_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enlace_devicetype_import_dialog_set_property (GObject      *object,
                                              guint         prop_id,
                                              const GValue *value,
                                              GParamSpec   *pspec)
{
  EnlaceDevicetypeImportDialog *self = ENLACE_DEVICETYPE_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PATH:
      enlace_devicetype_import_dialog_set_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enlace_devicetype_import_dialog_class_init (EnlaceDevicetypeImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = enlace_devicetype_import_dialog_dispose;
  object_class->finalize = enlace_devicetype_import_dialog_finalize;
  object_class->get_property = enlace_devicetype_import_dialog_get_property;
  object_class->set_property = enlace_devicetype_import_dialog_set_property;
  window_class->close_request = enlace_devicetype_import_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ENLACE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY_TEXT] =
    g_param_spec_string ("summary-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Enlace/views/enlace-devicetype-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EnlaceDevicetypeImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EnlaceDevicetypeImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, EnlaceDevicetypeImportDialog, file_button);
  gtk_widget_class_bind_template_child (widget_class, EnlaceDevicetypeImportDialog, folder_button);
  gtk_widget_class_bind_template_child (widget_class, EnlaceDevicetypeImportDialog, path_label);
  gtk_widget_class_bind_template_child (widget_class, EnlaceDevicetypeImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EnlaceDevicetypeImportDialog, headline_label);
  gtk_widget_class_bind_template_child (widget_class, EnlaceDevicetypeImportDialog, skipped_heading);
  gtk_widget_class_bind_template_child (widget_class, EnlaceDevicetypeImportDialog, skipped_list);
  gtk_widget_class_bind_template_child (widget_class, EnlaceDevicetypeImportDialog, imported_heading);
  gtk_widget_class_bind_template_child (widget_class, EnlaceDevicetypeImportDialog, imported_list);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_file_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_folder_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
enlace_devicetype_import_dialog_init (EnlaceDevicetypeImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

EnlaceDevicetypeImportDialog *
enlace_devicetype_import_dialog_new (GtkWindow   *parent,
                                     EnlaceStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  return g_object_new (ENLACE_TYPE_DEVICETYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

void
enlace_devicetype_import_dialog_present (GtkWindow   *parent,
                                         EnlaceStore *store)
{
  EnlaceDevicetypeImportDialog *self;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (ENLACE_IS_STORE (store));

  self = enlace_devicetype_import_dialog_new (parent, store);
  gtk_window_present (GTK_WINDOW (self));
}

void
enlace_devicetype_import_dialog_set_path (EnlaceDevicetypeImportDialog *self,
                                          const char                   *path)
{
  g_return_if_fail (ENLACE_IS_DEVICETYPE_IMPORT_DIALOG (self));

  if (g_strcmp0 (self->path, path) == 0)
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  if (path != NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      gtk_label_set_text (self->path_label, display);
      gtk_widget_remove_css_class (GTK_WIDGET (self->path_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->path_label, _("No file or folder chosen"));
      gtk_widget_add_css_class (GTK_WIDGET (self->path_label), "dim-label");
    }
  update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

const char *
enlace_devicetype_import_dialog_get_path (EnlaceDevicetypeImportDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_DEVICETYPE_IMPORT_DIALOG (self), NULL);
  return self->path;
}

gboolean
enlace_devicetype_import_dialog_get_running (EnlaceDevicetypeImportDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_DEVICETYPE_IMPORT_DIALOG (self), FALSE);
  return self->running;
}

const char *
enlace_devicetype_import_dialog_get_summary_text (EnlaceDevicetypeImportDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_DEVICETYPE_IMPORT_DIALOG (self), NULL);
  return self->summary_text ? self->summary_text : "";
}

EnlaceDeviceTypeImport *
enlace_devicetype_import_dialog_get_result (EnlaceDevicetypeImportDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_DEVICETYPE_IMPORT_DIALOG (self), NULL);
  return self->result;
}
