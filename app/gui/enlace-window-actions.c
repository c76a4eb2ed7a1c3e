/* enlace-window-actions.c: the actions of the main window */
#define G_LOG_DOMAIN "enlace-window-actions"
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "enlace-case-new-dialog.h"
#include "enlace-case-page.h"
#include "enlace-cases-inbox.h"
#include "enlace-devicetype-import-dialog.h"
#include "enlace-email-accounts-page.h"
#include "enlace-kinds.h"
#include "enlace-report-dialog.h"
#include "enlace-search-page.h"
#include "enlace-window-private.h"
#include "enlace-xml.h"

#define MAX_RECENT 10

static void
set_enabled (EnlaceWindow *self,
             const char   *name,
             gboolean      enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
  g_hash_table_insert (self->enabled, (char *)name, GINT_TO_POINTER (enabled));
}

gboolean
_enlace_window_action_enabled (EnlaceWindow *self,
                               const char   *name)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->enabled, name));
}

void
_enlace_window_update_actions (EnlaceWindow *self)
{
  gboolean has_store = self->store != NULL;
  gboolean writable = has_store && !enlace_store_is_read_only (self->store);
  gboolean importing = self->import_cancellable != NULL;

  set_enabled (self, "win.undo", writable && !importing && enlace_store_can_undo (self->store));
  set_enabled (self, "win.undo-command", writable && !importing && enlace_store_can_undo (self->store));
  set_enabled (self, "win.redo", writable && !importing && enlace_store_can_redo (self->store));
  _enlace_window_update_undo_tooltip (self);
  set_enabled (self, "win.save-copy", has_store);
  set_enabled (self, "win.export-xml", has_store && !importing);
  set_enabled (self, "win.import-xml", writable && !importing);
  set_enabled (self, "win.import-device-types", writable && !importing);
  set_enabled (self, "win.print", has_store ||
                                 (self->visible_page != NULL &&
                                  enlace_page_can_print (self->visible_page)));
  set_enabled (self, "win.reports", has_store);
  set_enabled (self, "win.search", has_store);
  set_enabled (self, "win.show-object", has_store);
  set_enabled (self, "win.edit-object", has_store);
  set_enabled (self, "win.new-object", writable && !importing);
  set_enabled (self, "win.delete-object", writable && !importing);
  set_enabled (self, "win.new-case", writable && !importing);
  set_enabled (self, "win.go-back", self->history->len > 1);
}

/* Open, New, Open Recent */

static GtkFileFilter *
enlace_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Enlace projects"));
  gtk_file_filter_add_pattern (filter, "*.enlace");
  gtk_file_filter_add_mime_type (filter, "application/x-enlace");
  return filter;
}

static GtkFileFilter *
xml_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("XML files"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_mime_type (filter, "application/xml");
  return filter;
}

static GtkFileFilter *
all_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  return filter;
}

typedef void (*ChooserDone) (EnlaceWindow *self,
                             GFile        *file);

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     EnlaceWindow    *self)
{
  ChooserDone done = g_object_get_data (G_OBJECT (native), "done");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      if (file)
        done (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
run_chooser (EnlaceWindow         *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *suggested_name,
             GtkFileFilter        *filter,
             ChooserDone           done)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (filter)
    {
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all_filter ());
      gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
      g_object_unref (filter);
    }
  if (suggested_name)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  if (self->store && enlace_store_get_path (self->store))
    {
      g_autoptr(GFile) doc = g_file_new_for_path (enlace_store_get_path (self->store));
      g_autoptr(GFile) dir = g_file_get_parent (doc);
      if (dir)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), dir, NULL);
    }

  g_object_set_data (G_OBJECT (native), "done", done);
  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_done (EnlaceWindow *self,
           GFile        *file)
{
  enlace_window_open_file (self, file);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  run_chooser (ENLACE_WINDOW (widget), _("Open Project"), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("_Open"), NULL, enlace_filter (), open_done);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (param, NULL));

  enlace_window_open_file (ENLACE_WINDOW (widget), file);
}

static void
new_done (EnlaceWindow *self,
          GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return;

  if (!g_str_has_suffix (path, ".enlace"))
    {
      char *with_suffix = g_strconcat (path, ".enlace", NULL);
      g_free (path);
      path = with_suffix;
    }

  /* the file chooser asked before replacing an existing file */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      if (self->store && g_strcmp0 (enlace_store_get_path (self->store), path) == 0)
        enlace_window_set_store (self, NULL);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }

  if (!(store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error)))
    {
      _enlace_window_show_error (self, _("Cannot Create the Project"), error);
      return;
    }
  g_clear_object (&store);

  if (!enlace_window_open_path (self, path, &error))
    _enlace_window_show_error (self, _("Cannot Create the Project"), error);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  run_chooser (ENLACE_WINDOW (widget), _("New Project"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("_Create"), _("campus.enlace"), enlace_filter (), new_done);
}

void
_enlace_window_update_recent (EnlaceWindow *self)
{
  GList *items;
  guint n = 0;

  g_menu_remove_all (self->recent_section);
  items = gtk_recent_manager_get_items (self->recent);

  for (const GList *l = items; l && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".enlace") || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (uri);
      if (!(path = g_file_get_path (file)))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", path);
      g_menu_append_item (self->recent_section, item);
      n++;
    }

  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);

  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No recent projects"), "win.no-recent");
      g_menu_append_item (self->recent_section, item);
    }
}

/* Save a copy, export */

static void
save_copy_done (EnlaceWindow *self,
                GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *msg = NULL;

  if (path == NULL || !enlace_store_save_copy (self->store, path, &error))
    {
      _enlace_window_show_error (self, _("Cannot Save a Copy"), error);
      return;
    }

  msg = g_strdup_printf (_("Saved a copy as “%s”"), name);
  _enlace_window_toast (self, msg, FALSE);
}

static char *
suggested_name (EnlaceWindow *self,
                const char   *suffix,
                const char   *fallback)
{
  const char *path = self->store ? enlace_store_get_path (self->store) : NULL;
  g_autofree char *base = NULL;
  char *dot;

  if (path == NULL || path[0] == '\0' || strcmp (path, ":memory:") == 0)
    return g_strdup (fallback);

  base = g_path_get_basename (path);
  if ((dot = strrchr (base, '.')))
    *dot = '\0';
  return g_strconcat (base, suffix, NULL);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  EnlaceWindow *self = ENLACE_WINDOW (widget);
  g_autofree char *name = suggested_name (self, _("-copy.enlace"), "campus-copy.enlace");

  run_chooser (self, _("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("_Save"), name, enlace_filter (), save_copy_done);
}

static void
export_done (EnlaceWindow *self,
             GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *msg = NULL;

  if (path == NULL || !enlace_xml_export (self->store, path, &error))
    {
      _enlace_window_show_error (self, _("Cannot Export"), error);
      return;
    }

  msg = g_strdup_printf (_("Exported to “%s”"), name);
  _enlace_window_toast (self, msg, FALSE);
}

static void
export_xml_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  EnlaceWindow *self = ENLACE_WINDOW (widget);
  g_autofree char *name = suggested_name (self, ".xml", "campus.xml");

  run_chooser (self, _("Export XML"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("_Export"), name, xml_filter (), export_done);
}

/* Import XML, in a thread */

typedef struct
{
  char         *doc_path;
  char         *xml_path;
  EnlaceWindow *window;   /* only for progress, read in the main thread */
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *d = data;

  g_free (d->doc_path);
  g_free (d->xml_path);
  g_clear_object (&d->window);
  g_free (d);
}

static void
import_progress (double   fraction,
                 gpointer user_data)
{
  ImportData *d = user_data;

  /* per mille, read by a timeout in the main thread */
  g_atomic_int_set (&d->window->progress, (int)(CLAMP (fraction, 0, 1) * 1000));
}

static gboolean
update_progress_cb (gpointer user_data)
{
  EnlaceWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->progress) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *d = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;

  /* a connection of its own: the window's store stays in the main thread */
  if (!(store = enlace_store_open (d->doc_path, ENLACE_STORE_OPEN_DEFAULT, &error)) ||
      !enlace_xml_import (store, d->xml_path, cancellable, import_progress, d, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
_enlace_window_cancel_import (EnlaceWindow *self)
{
  if (self->import_cancellable)
    g_cancellable_cancel (self->import_cancellable);
}

static void
import_finished (EnlaceWindow *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  _enlace_window_update_actions (self);
}

void
_enlace_window_import_xml (EnlaceWindow        *self,
                           const char          *xml_path,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *doc_path;
  ImportData *d;

  g_return_if_fail (ENLACE_IS_WINDOW (self));
  g_return_if_fail (self->store != NULL);
  g_return_if_fail (self->import_cancellable == NULL);

  self->import_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->import_cancellable, callback, user_data);
  g_task_set_source_tag (task, _enlace_window_import_xml);

  doc_path = enlace_store_get_path (self->store);
  if (doc_path == NULL || doc_path[0] == '\0' || strcmp (doc_path, ":memory:") == 0)
    {
      g_autoptr(GError) error = NULL;

      /* a document in memory has no second connection: import here */
      if (!enlace_xml_import (self->store, xml_path, self->import_cancellable, NULL, NULL, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  d = g_new0 (ImportData, 1);
  d->doc_path = g_strdup (doc_path);
  d->xml_path = g_strdup (xml_path);
  d->window = g_object_ref (self);
  self->progress = 0;
  g_task_set_task_data (task, d, import_data_free);

  {
    g_autofree char *name = g_path_get_basename (xml_path);
    g_autofree char *label = g_strdup_printf (_("Importing “%s”…"), name);
    gtk_label_set_label (self->progress_label, label);
  }
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  self->progress_source = g_timeout_add (100, update_progress_cb, self);
  _enlace_window_update_actions (self);

  g_task_run_in_thread (task, import_thread);
}

gboolean
_enlace_window_import_xml_finish (EnlaceWindow  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ret;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  ret = g_task_propagate_boolean (G_TASK (result), &local_error);
  import_finished (self);

  if (ret && self->store)
    {
      const char *path = enlace_store_get_path (self->store);

      /* another connection wrote the file: reopen it to see everything
       * (undo history included) */
      if (path && path[0] && strcmp (path, ":memory:") != 0)
        {
          g_autofree char *copy = g_strdup (path);
          if (!enlace_window_open_path (self, copy, &local_error))
            ret = FALSE;
        }
    }

  if (!ret)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ret;
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  EnlaceWindow *self = ENLACE_WINDOW (object);
  g_autoptr(GError) error = NULL;

  if (!_enlace_window_import_xml_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _enlace_window_show_error (self, _("Cannot Import the XML File"), error);
      else
        _enlace_window_toast (self, _("Import cancelled; nothing was changed"), FALSE);
      return;
    }

  _enlace_window_toast (self, _("Import finished"), TRUE);
}

static void
import_chosen (EnlaceWindow *self,
               GFile        *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path)
    _enlace_window_import_xml (self, path, import_done_cb, NULL);
}

static void
import_xml_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  run_chooser (ENLACE_WINDOW (widget), _("Import XML"), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("_Import"), NULL, xml_filter (), import_chosen);
}

/* Device types from the NetBox library */

static void
import_device_types_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  EnlaceWindow *self = ENLACE_WINDOW (widget);

  if (self->store != NULL)
    enlace_devicetype_import_dialog_present (GTK_WINDOW (self), self->store);
}

/* Print */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  EnlaceWindow *self = ENLACE_WINDOW (widget);
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;

  /* no page-specific print: the reports */
  if (self->visible_page == NULL || !enlace_page_can_print (self->visible_page))
    {
      gtk_widget_activate_action (widget, "win.reports", NULL);
      return;
    }
  if (!(op = enlace_page_create_print_operation (self->visible_page)))
    return;

  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _enlace_window_show_error (self, _("Cannot Print"), error);
}

/* Reports */

static void
reports_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  EnlaceWindow *self = ENLACE_WINDOW (widget);
  EnlaceReportDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = enlace_report_dialog_new (GTK_WINDOW (self), self->store);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Undo, redo */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _enlace_window_undo (ENLACE_WINDOW (widget), 0);
}

/* An Undo toast: undoes its own command, if it is still the newest */
static void
undo_command_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  _enlace_window_undo (ENLACE_WINDOW (widget), g_variant_get_int64 (param));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  EnlaceWindow *self = ENLACE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = enlace_store_dup_redo_label (self->store);

  if (!enlace_store_redo (self->store, &error))
    _enlace_window_show_error (self, _("Cannot Redo"), error);
  else if (label)
    {
      g_autofree char *msg = g_strdup_printf (_("Redone: %s"), label);
      _enlace_window_toast (self, msg, FALSE);
    }
  _enlace_window_update_actions (self);
}

/* Navigation */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  EnlaceWindow *self = ENLACE_WINDOW (widget);

  enlace_window_show_object (self, "search", 0);
  if (self->visible_page)
    enlace_page_focus_main (self->visible_page);
}

/* F9: the sidebar hides, leaving the page the whole width (a laptop) */
static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  EnlaceWindow *self = ENLACE_WINDOW (widget);

  gtk_toggle_button_set_active (self->sidebar_toggle,
                                !gtk_toggle_button_get_active (self->sidebar_toggle));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  _enlace_window_go_back (ENLACE_WINDOW (widget));
}

static void
show_object_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  const char *kind;
  gint64 id;

  g_variant_get (param, "(&sx)", &kind, &id);
  enlace_window_show_object (ENLACE_WINDOW (widget), kind, id);
}

static void
edit_object_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autofree char *edit = NULL;
  const char *kind;
  gint64 id;

  g_variant_get (param, "(&sx)", &kind, &id);
  edit = g_strconcat ("edit/", kind, NULL);
  enlace_window_show_object (ENLACE_WINDOW (widget), edit, id);
}

/* New object: a dialog holding the generic form */

EnlaceObjectForm *
_enlace_window_get_create_form (EnlaceWindow *self)
{
  g_return_val_if_fail (ENLACE_IS_WINDOW (self), NULL);

  return self->create_form;
}

gint64
_enlace_window_confirm_create (EnlaceWindow  *self,
                               GError       **error)
{
  g_autofree char *kind = NULL;
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_WINDOW (self), 0);
  g_return_val_if_fail (self->create_form != NULL, 0);

  if (!(id = enlace_object_form_save (self->create_form, error)))
    return 0;

  kind = g_strdup (enlace_object_form_get_kind (self->create_form));
  gtk_window_destroy (self->create_dialog);

  {
    const EnlaceKind *k = enlace_kind_lookup (kind);
    g_autofree char *key = enlace_store_dup_key (self->store, kind, id);
    g_autofree char *msg = g_strdup_printf (_("Added %s %s"), k ? _(k->label) : kind, key ? key : "");
    _enlace_window_toast (self, msg, TRUE);
  }

  enlace_window_show_object (self, kind, id);
  return id;
}

static void
create_clicked_cb (EnlaceWindow *self)
{
  g_autoptr(GError) error = NULL;

  /* a refusal is shown in the form, next to its field */
  _enlace_window_confirm_create (self, &error);
}

static void
create_dialog_destroy_cb (EnlaceWindow *self)
{
  self->create_dialog = NULL;
  self->create_form = NULL;
}

static void
new_object_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  EnlaceWindow *self = ENLACE_WINDOW (widget);
  GtkWidget *dialog, *box, *header, *cancel, *create, *form;
  GtkEventController *keys;
  const EnlaceKind *k;
  const char *kind;
  gint64 parent_id;

  g_variant_get (param, "(&sx)", &kind, &parent_id);
  if (!(k = enlace_kind_lookup (kind)))
    return;

  if (self->create_dialog)
    gtk_window_destroy (self->create_dialog);

  dialog = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, 620);

  form = enlace_object_form_new ();
  enlace_page_set_store (ENLACE_PAGE (form), self->store);
  enlace_object_form_set_create (ENLACE_OBJECT_FORM (form), kind, parent_id);
  gtk_widget_set_vexpand (form, TRUE);
  gtk_window_set_title (GTK_WINDOW (dialog), enlace_page_get_title (ENLACE_PAGE (form)));

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), dialog);
  create = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (create, "suggested-action");
  g_signal_connect_swapped (create, "clicked", G_CALLBACK (create_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), create);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), form);
  adw_window_set_content (ADW_WINDOW (dialog), box);
  gtk_window_set_default_widget (GTK_WINDOW (dialog), create);

  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, keys);

  self->create_dialog = GTK_WINDOW (dialog);
  self->create_form = ENLACE_OBJECT_FORM (form);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (create_dialog_destroy_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_window_present (GTK_WINDOW (dialog));
  enlace_page_focus_main (ENLACE_PAGE (form));
}

static void
delete_object_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  const char *kind;
  gint64 id;

  g_variant_get (param, "(&sx)", &kind, &id);
  /* the window's current order takes a device's or a cable's removal */
  if (_enlace_window_order_delete (ENLACE_WINDOW (widget), kind, id))
    return;
  _enlace_window_delete (ENLACE_WINDOW (widget), kind, id);
}

/* Cases */

static void
case_opened_cb (EnlaceWindow *self,
                gint64        case_id)
{
  const EnlaceCaseRow *row;
  g_autoptr(EnlaceCaseRow) owned = NULL;

  if (self->store == NULL)
    return;
  owned = enlace_cases_get_row (self->store, case_id, NULL);
  row = owned;
  if (row)
    {
      /* Translators: a toast, "Opened case CORREO-2026-0042" */
      g_autofree char *msg = g_strdup_printf (_("Opened case %s"), row->folio);
      _enlace_window_toast (self, msg, TRUE);
    }
  enlace_window_show_object (self, "case", case_id);
  _enlace_window_update_actions (self);
}

GtkWindow *
_enlace_window_new_case (EnlaceWindow *self,
                         const char   *procedure_code)
{
  EnlaceCaseNewDialog *dialog;

  g_return_val_if_fail (ENLACE_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;
  dialog = enlace_case_new_dialog_new (GTK_WINDOW (self), self->store,
                                       procedure_code && procedure_code[0] ? procedure_code : NULL);
  g_signal_connect_object (dialog, "case-opened", G_CALLBACK (case_opened_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  _enlace_window_new_case (ENLACE_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* Ctrl+N: a new case in the "Atención" section, else a new project. */
static void
new_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  EnlaceWindow *self = ENLACE_WINDOW (widget);
  EnlacePage *page = self->visible_page;

  if (page && ENLACE_IS_CASES_INBOX (page))
    {
      const char *code = enlace_cases_inbox_get_procedure_filter (ENLACE_CASES_INBOX (page));
      gtk_widget_activate_action (widget, "win.new-case", "s", code ? code : "");
    }
  else if (page && ENLACE_IS_CASE_PAGE (page) && enlace_case_page_get_case (ENLACE_CASE_PAGE (page)))
    gtk_widget_activate_action (widget, "win.new-case", "s",
                                enlace_case_page_get_case (ENLACE_CASE_PAGE (page))->procedure->code);
  else if (page && ENLACE_IS_EMAIL_ACCOUNTS_PAGE (page))
    gtk_widget_activate_action (widget, "win.new-case", "s", "correo-alta");
  else
    gtk_widget_activate_action (widget, "win.new", NULL);
}

void
_enlace_window_class_actions_init (EnlaceWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.import-xml", NULL, import_xml_action);
  gtk_widget_class_install_action (widget_class, "win.import-device-types", NULL, import_device_types_action);
  gtk_widget_class_install_action (widget_class, "win.export-xml", NULL, export_xml_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.reports", NULL, reports_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-command", "x", undo_command_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-object", "(sx)", show_object_action);
  gtk_widget_class_install_action (widget_class, "win.edit-object", "(sx)", edit_object_action);
  gtk_widget_class_install_action (widget_class, "win.new-object", "(sx)", new_object_action);
  gtk_widget_class_install_action (widget_class, "win.delete-object", "(sx)", delete_object_action);
  gtk_widget_class_install_action (widget_class, "win.new-case", "s", new_case_action);
  gtk_widget_class_install_action (widget_class, "win.new-item", NULL, new_item_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
}

