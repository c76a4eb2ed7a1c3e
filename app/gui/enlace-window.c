/* enlace-window.c: the main window
 *
 * A header bar, the sidebar (campus tree and inventory sections) and the
 * content: one EnlacePage per page type, kept in a stack and reused.  The
 * window owns the document (EnlaceStore); every page gets it and reloads
 * itself on the store's ::changed.  Actions live in enlace-window-actions.c.
 */
#define G_LOG_DOMAIN "enlace-window"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-kinds.h"
#include "enlace-object-form.h"
#include "enlace-object-list.h"
#include "enlace-window-private.h"

G_DEFINE_FINAL_TYPE (EnlaceWindow, enlace_window, ADW_TYPE_APPLICATION_WINDOW)

/* The sidebar's inventory sections. */
static const struct {
  const char *kind;
  const char *label;
  const char *icon;
} sections[] = {
  { "list/cable", N_("Cables"), "network-wired-symbolic" },
  { "list/outlet", N_("Outlets"), "network-wired-symbolic" },
  { "list/device", N_("Devices"), "computer-symbolic" },
  { "list/circuit", N_("Circuits"), "network-cellular-symbolic" },
  { "list/extension", N_("Extensions"), "phone-old-symbolic" },
  { "list/person", N_("Areas and People"), "system-users-symbolic" },
  { "list/device-type", N_("Device Types"), "preferences-system-devices-symbolic" },
  { "rules", N_("Cabling Checks"), "emblem-ok-symbolic" },
  { "list/audit", N_("Audit Log"), "document-open-recent-symbolic" },
  { "bom", N_("Bill of Materials"), "x-office-spreadsheet-symbolic" },
};

/* The sidebar's "Atención" section: the department's daily work. */
static const struct {
  const char *kind;
  const char *label;
  const char *icon;
} attention[] = {
  { "cases", N_("Cases"), "folder-documents-symbolic" },
  { "email-accounts", N_("E-mail Accounts"), "mail-unread-symbolic" },
  { "case-stats", N_("Statistics"), "x-office-spreadsheet-symbolic" },
  { "fault-causes", N_("Common Causes"), "emblem-shared-symbolic" },
};

static void
history_entry_clear (gpointer data)
{
  HistoryEntry *e = data;
  g_clear_pointer (&e->kind, g_free);
}

static void
update_title (EnlaceWindow *self)
{
  g_autofree char *name = NULL;
  const char *path = self->store ? enlace_store_get_path (self->store) : NULL;
  const char *page_title = self->visible_page ? enlace_page_get_title (self->visible_page) : NULL;

  if (self->store == NULL)
    name = g_strdup ("Enlace");
  else if (path == NULL || path[0] == '\0' || strcmp (path, ":memory:") == 0)
    name = g_strdup (_("Unsaved project"));
  else
    name = g_path_get_basename (path);

  if (self->store && enlace_store_is_read_only (self->store))
    {
      g_autofree char *ro = g_strdup_printf (_("%s (read-only)"), name);
      g_free (name);
      name = g_steal_pointer (&ro);
    }

  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, page_title);
  gtk_window_set_title (GTK_WINDOW (self), name);
}

static void
page_title_changed_cb (EnlaceWindow *self,
                       GParamSpec   *pspec,
                       EnlacePage   *page)
{
  if (page == self->visible_page)
    update_title (self);
}

static void
page_object_activated_cb (EnlaceWindow *self,
                          const char   *kind,
                          gint64        id,
                          EnlacePage   *page)
{
  enlace_window_show_object (self, kind, id);
}

static void
page_show_message_cb (EnlaceWindow *self,
                      const char   *message,
                      EnlacePage   *page)
{
  _enlace_window_toast (self, message, FALSE);
}

static EnlacePage *
ensure_page (EnlaceWindow *self,
             GType         type)
{
  EnlacePage *page;

  if ((page = g_hash_table_lookup (self->pages, g_type_name (type))))
    return page;

  page = g_object_new (type, NULL);
  enlace_page_set_store (page, self->store);
  g_signal_connect_object (page, "object-activated",
                           G_CALLBACK (page_object_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "show-message",
                           G_CALLBACK (page_show_message_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::title",
                           G_CALLBACK (page_title_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (page), g_type_name (type));
  g_hash_table_insert (self->pages, (char *)g_type_name (type), page);

  return page;
}

static void
remove_pages (EnlaceWindow *self)
{
  GHashTableIter iter;
  gpointer page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &page))
    {
      g_signal_handlers_disconnect_by_data (page, self);
      gtk_stack_remove (self->content_stack, page);
      g_hash_table_iter_remove (&iter);
    }
  self->visible_page = NULL;
  g_array_set_size (self->history, 0);
}

static void
select_sidebar (EnlaceWindow *self,
                const char   *kind,
                gint64        id)
{
  GtkListBoxRow *row = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (strcmp (sections[i].kind, kind) == 0 ||
        (strcmp (kind, "list/area") == 0 && strcmp (sections[i].kind, "list/person") == 0))
      row = gtk_list_box_get_row_at_index (self->sections, i);

  if (row)
    gtk_list_box_select_row (self->sections, row);
  else
    gtk_list_box_unselect_all (self->sections);

  {
    GtkListBoxRow *arow = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (attention); i++)
      if (strcmp (attention[i].kind, kind) == 0 ||
          (i == 0 && strcmp (kind, "case") == 0) ||
          (i == 1 && strcmp (kind, "email_account") == 0))
        arow = gtk_list_box_get_row_at_index (self->attention, i);
    if (arow)
      {
        gtk_list_box_select_row (self->attention, arow);
        row = arow;
      }
    else
      gtk_list_box_unselect_all (self->attention);
  }

  if (row == NULL)
    {
      /* the plan, trace or impact of an object: that object */
      const char *slash = strchr (kind, '/');

      enlace_campus_tree_select (self->campus_tree, slash ? slash + 1 : kind, id);
    }
  else
    enlace_campus_tree_unselect (self->campus_tree);
}

void
enlace_window_show_object (EnlaceWindow *self,
                           const char   *kind,
                           gint64        id)
{
  const char *object_kind = kind;
  EnlacePage *page;
  GType type;

  g_return_if_fail (ENLACE_IS_WINDOW (self));
  g_return_if_fail (kind != NULL);

  if (self->store == NULL)
    return;

  if (g_str_has_prefix (kind, "edit/"))
    {
      object_kind = kind + strlen ("edit/");
      type = ENLACE_TYPE_OBJECT_FORM;
    }
  else if ((type = enlace_page_lookup_type (kind)) == G_TYPE_INVALID)
    {
      if (enlace_kind_lookup (kind) == NULL)
        {
          g_warning ("No page shows “%s”", kind);
          return;
        }
      type = ENLACE_TYPE_OBJECT_FORM;
    }

  page = ensure_page (self, type);
  enlace_page_set_object (page, object_kind, id);

  if (!self->navigating_back)
    {
      HistoryEntry *last = self->history->len ?
        &g_array_index (self->history, HistoryEntry, self->history->len - 1) : NULL;

      if (last == NULL || last->id != id || strcmp (last->kind, kind) != 0)
        {
          HistoryEntry e = { g_strdup (kind), id };
          g_array_append_val (self->history, e);
          if (self->history->len > 100)
            g_array_remove_index (self->history, 0);
        }
    }

  self->visible_page = page;
  _enlace_window_track_visible (self);
  gtk_stack_set_visible_child (self->content_stack, GTK_WIDGET (page));
  select_sidebar (self, kind, id);
  update_title (self);
  _enlace_window_update_actions (self);
}

void
_enlace_window_go_back (EnlaceWindow *self)
{
  HistoryEntry *e;

  if (self->history->len < 2)
    return;

  g_array_remove_index (self->history, self->history->len - 1);
  e = &g_array_index (self->history, HistoryEntry, self->history->len - 1);

  self->navigating_back = TRUE;
  {
    g_autofree char *kind = g_strdup (e->kind);
    enlace_window_show_object (self, kind, e->id);
  }
  self->navigating_back = FALSE;
}

EnlacePage *
enlace_window_get_visible_page (EnlaceWindow *self)
{
  g_return_val_if_fail (ENLACE_IS_WINDOW (self), NULL);

  return self->visible_page;
}

static void
campus_tree_activated_cb (EnlaceWindow     *self,
                          const char       *kind,
                          gint64            id,
                          EnlaceCampusTree *tree)
{
  enlace_window_show_object (self, kind, id);
}

static void
section_activated_cb (EnlaceWindow  *self,
                      GtkListBoxRow *row,
                      GtkListBox    *box)
{
  int i = gtk_list_box_row_get_index (row);

  if (i >= 0 && i < (int)G_N_ELEMENTS (sections))
    enlace_window_show_object (self, sections[i].kind, 0);
}

static void
attention_activated_cb (EnlaceWindow  *self,
                        GtkListBoxRow *row,
                        GtkListBox    *box)
{
  int i = gtk_list_box_row_get_index (row);

  if (i >= 0 && i < (int)G_N_ELEMENTS (attention))
    enlace_window_show_object (self, attention[i].kind, 0);
}

static void
show_start_page (EnlaceWindow *self)
{
  g_autoptr(GPtrArray) sites = NULL;

  if (self->store == NULL)
    return;

  sites = enlace_store_list (self->store, "site", 0, NULL);
  if (sites && sites->len > 0)
    enlace_window_show_object (self, "site",
                               json_object_get_int_member (g_ptr_array_index (sites, 0), "id"));
  else
    _enlace_window_show_empty (self);
}

void
_enlace_window_show_empty (EnlaceWindow *self)
{
  self->visible_page = NULL;
  _enlace_window_track_visible (self);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  gtk_list_box_unselect_all (self->sections);
  gtk_list_box_unselect_all (self->attention);
  update_title (self);
  _enlace_window_update_actions (self);
}

static void
on_store_changed (EnlaceWindow    *self,
                  EnlaceChangeSet *changes,
                  EnlaceStore     *store)
{
  /* an Undo toast undoes its own command: a newer one dismisses it */
  _enlace_window_dismiss_undo_toasts (self);
  /* the page's object was deleted or undone: go to what still exists */
  _enlace_window_leave_vanished (self, changes);
  /* the current order was executed, cancelled or undone */
  _enlace_window_order_check (self);

  /* the first site of an empty project: leave the welcome page */
  if (self->visible_page == NULL && enlace_change_set_touches (changes, "site"))
    show_start_page (self);
  else if (self->visible_page == NULL && changes->bulk)
    show_start_page (self);

  _enlace_window_update_actions (self);
}

void
enlace_window_set_store (EnlaceWindow *self,
                         EnlaceStore  *store)
{
  g_return_if_fail (ENLACE_IS_WINDOW (self));
  g_return_if_fail (!store || ENLACE_IS_STORE (store));

  if (self->store == store)
    return;

  remove_pages (self);
  _enlace_window_dismiss_undo_toasts (self);
  _enlace_window_set_current_order (self, NULL, NULL);

  if (self->store)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_clear_object (&self->store);
    }

  if (store)
    {
      self->store = g_object_ref (store);
      self->changed_id = g_signal_connect_object (store, "changed",
                                                  G_CALLBACK (on_store_changed),
                                                  self, G_CONNECT_SWAPPED);
    }

  enlace_campus_tree_set_store (self->campus_tree, store);
  gtk_revealer_set_reveal_child (self->read_only_revealer,
                                 store && enlace_store_is_read_only (store));
  show_start_page (self);
  update_title (self);
  _enlace_window_update_actions (self);
}

EnlaceStore *
enlace_window_get_store (EnlaceWindow *self)
{
  g_return_val_if_fail (ENLACE_IS_WINDOW (self), NULL);

  return self->store;
}

gboolean
enlace_window_open_path (EnlaceWindow  *self,
                         const char    *path,
                         GError       **error)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (ENLACE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, error)))
    return FALSE;

  {
    /* who is recorded in the audit log; empty: the account's full name */
    g_autofree char *author = self->settings ? g_settings_get_string (self->settings, "author-name") : NULL;
    enlace_store_set_author (store, author);
  }

  enlace_window_set_store (self, store);

  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  if (self->settings)
    {
      g_autofree char *absolute = g_file_get_path (file);
      g_settings_set_string (self->settings, "last-file", absolute);
    }
  if (self->recent)
    {
      GtkRecentData data = { 0 };

      data.display_name = g_path_get_basename (path);
      data.mime_type = (char *)"application/x-enlace";
      data.app_name = (char *)"Enlace";
      data.app_exec = (char *)"enlace %f";
      gtk_recent_manager_add_full (self->recent, uri, &data);
      g_free (data.display_name);
    }

  return TRUE;
}

void
enlace_window_open_file (EnlaceWindow *self,
                         GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ENLACE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!(path = g_file_get_path (file)))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only local files can be opened"));
    }
  else if (enlace_window_open_path (self, path, &error))
    return;

  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *heading = g_strdup_printf (_("Cannot Open “%s”"), name);
    _enlace_window_show_error (self, heading, error);
  }
}

void
_enlace_window_show_error (EnlaceWindow *self,
                           const char   *heading,
                           const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_enlace_window_toast (EnlaceWindow *self,
                      const char   *title,
                      gboolean      with_undo)
{
  AdwToast *toast = adw_toast_new (title);

  g_ptr_array_add (self->toast_log, g_strdup (title));
  if (self->toast_log->len > 20)
    g_ptr_array_remove_index (self->toast_log, 0);

  if (with_undo)
    {
      _enlace_window_bind_undo_toast (self, toast);
      adw_toast_set_timeout (toast, 8);
    }
  else
    adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
_enlace_window_toasted (EnlaceWindow *self,
                        const char   *text)
{
  gboolean found = FALSE;

  g_return_val_if_fail (ENLACE_IS_WINDOW (self), FALSE);

  for (guint i = 0; i < self->toast_log->len; i++)
    if (strstr (g_ptr_array_index (self->toast_log, i), text))
      found = TRUE;
  g_ptr_array_set_size (self->toast_log, 0);
  return found;
}

static gboolean
drop_cb (EnlaceWindow  *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  if (!G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;

  enlace_window_open_file (self, g_value_get_object (value));
  return TRUE;
}

static gboolean
enlace_window_close_request (GtkWindow *window)
{
  EnlaceWindow *self = ENLACE_WINDOW (window);

  if (self->settings)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 360));
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }

  if (self->import_cancellable)
    g_cancellable_cancel (self->import_cancellable);

  return GTK_WINDOW_CLASS (enlace_window_parent_class)->close_request (window);
}

static void
author_changed_cb (EnlaceWindow *self,
                   const char   *key,
                   GSettings    *settings)
{
  g_autofree char *author = g_settings_get_string (settings, "author-name");

  if (self->store != NULL)
    enlace_store_set_author (self->store, author);
}

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    return g_settings_new_full (schema, NULL, NULL);

  /* not installed and no GSETTINGS_SCHEMA_DIR: nothing is remembered */
  g_debug ("GSettings schema %s not found; settings are not kept", APP_ID);
  return NULL;
}

static void
enlace_window_dispose (GObject *object)
{
  EnlaceWindow *self = (EnlaceWindow *)object;

  if (self->import_cancellable)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  if (self->recent)
    g_clear_signal_handler (&self->recent_changed_id, self->recent);

  if (self->pages)
    remove_pages (self);
  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENLACE_TYPE_WINDOW);

  G_OBJECT_CLASS (enlace_window_parent_class)->dispose (object);
}

static void
enlace_window_finalize (GObject *object)
{
  EnlaceWindow *self = (EnlaceWindow *)object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->enabled, g_hash_table_unref);
  g_clear_pointer (&self->history, g_array_unref);
  g_clear_pointer (&self->visible_ancestors, g_array_unref);
  g_clear_pointer (&self->visible_label, g_free);
  g_clear_pointer (&self->toast_log, g_ptr_array_unref);
  g_clear_pointer (&self->current_order, g_free);
  g_clear_pointer (&self->undo_toasts, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->import_cancellable);

  G_OBJECT_CLASS (enlace_window_parent_class)->finalize (object);
}

static void
enlace_window_class_init (EnlaceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = enlace_window_dispose;
  object_class->finalize = enlace_window_finalize;

  window_class->close_request = enlace_window_close_request;

  g_type_ensure (ENLACE_TYPE_CAMPUS_TREE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Enlace/ui/enlace-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, progress_cancel);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, sidebar_toggle);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, campus_tree);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, sections);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, attention);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, EnlaceWindow, undo_button);
  gtk_widget_class_bind_template_callback (widget_class, campus_tree_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, attention_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, _enlace_window_cancel_import);

  _enlace_window_class_actions_init (klass);
  _enlace_window_class_order_init (klass);
}

static void
enlace_window_init (EnlaceWindow *self)
{
  GtkDropTarget *drop;

  enlace_views_init ();
  gtk_widget_init_template (GTK_WIDGET (self));
  _enlace_window_order_init (self);

  self->pages = g_hash_table_new (g_str_hash, g_str_equal);
  self->enabled = g_hash_table_new (g_str_hash, g_str_equal);
  self->history = g_array_new (FALSE, TRUE, sizeof (HistoryEntry));
  g_array_set_clear_func (self->history, history_entry_clear);
  self->visible_ancestors = g_array_new (FALSE, TRUE, sizeof (HistoryEntry));
  g_array_set_clear_func (self->visible_ancestors, history_entry_clear);
  self->undo_toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->toast_log = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (_(sections[i].label));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (sections[i].icon));
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_append (self->sections, box);
    }

  for (guint i = 0; i < G_N_ELEMENTS (attention); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (_(attention[i].label));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (attention[i].icon));
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_append (self->attention, box);
    }

  self->settings = settings_new_if_installed ();
  if (self->settings)
    {
      g_signal_connect_object (self->settings, "changed::author-name",
                               G_CALLBACK (author_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  self->recent = gtk_recent_manager_get_default ();
  self->recent_changed_id = g_signal_connect_object (self->recent, "changed",
                                                     G_CALLBACK (_enlace_window_update_recent),
                                                     self, G_CONNECT_SWAPPED);
  _enlace_window_update_recent (self);

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  update_title (self);
  _enlace_window_update_actions (self);
}

EnlaceWindow *
enlace_window_new (GtkApplication *application)
{
  return g_object_new (ENLACE_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
