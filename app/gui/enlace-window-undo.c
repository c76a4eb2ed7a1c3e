/* enlace-window-undo.c: undo that cannot surprise
 *
 * - The undo button says what it will undo and when ("Undo “Connect”
 *   (today 10:32)"); undo asks first when the command is older than this
 *   session, large or a bulk insert (enlace_store_get_undo_info).
 * - An Undo toast undoes its own command (enlace_store_undo_command) and
 *   loses its Undo button as soon as a newer command commits.
 * - A page whose object disappears goes to the nearest object that still
 *   exists, with a toast.
 * - Deleting an object that holds others asks first and says what goes
 *   with it (enlace_inventory_delete_impact).
 */
#define G_LOG_DOMAIN "enlace-window"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-ancestors.h"
#include "enlace-delete-impact.h"
#include "enlace-kinds.h"
#include "enlace-window-private.h"

/* ---------------------------------------------------------------- undo */

void
_enlace_window_update_undo_tooltip (EnlaceWindow *self)
{
  g_autoptr(EnlaceUndoInfo) info = NULL;
  g_autofree char *label = NULL;

  if (self->undo_button == NULL)
    return;
  if (self->store != NULL)
    info = enlace_store_get_undo_info (self->store);
  label = info ? enlace_undo_info_dup_action_label (info) : g_strdup (_("Undo"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), label);
}

static void
undo_now (EnlaceWindow *self,
          gint64        command_id,
          const char   *label)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!enlace_store_undo_command (self->store, command_id, &error))
    _enlace_window_show_error (self, _("Cannot Undo"), error);
  else
    {
      g_autofree char *msg = g_strdup_printf (_("Undone: %s"), label);
      _enlace_window_toast (self, msg, FALSE);
    }
  _enlace_window_update_actions (self);
}

static void
confirm_undo_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 EnlaceWindow     *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "command-id");
  const char *label = g_object_get_data (G_OBJECT (dialog), "label");

  if (g_strcmp0 (response, "undo") == 0 && id != NULL)
    undo_now (self, *id, label);
}

AdwMessageDialog *
_enlace_window_undo (EnlaceWindow *self,
                     gint64        command_id)
{
  g_autoptr(EnlaceUndoInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  gint64 *id;

  g_return_val_if_fail (ENLACE_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;

  info = enlace_store_get_undo_info (self->store);
  if (info == NULL)
    {
      g_set_error (&error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOTHING,
                   _("There is nothing to undo"));
      _enlace_window_show_error (self, _("Cannot Undo"), error);
      return NULL;
    }
  if (command_id > 0 && command_id != info->command_id)
    {
      /* the model refuses and says which newer command is in the way */
      undo_now (self, command_id, info->label);
      return NULL;
    }
  if (!info->needs_confirmation)
    {
      undo_now (self, info->command_id, info->label);
      return NULL;
    }

  /* Translators: the heading of the dialog asking before a large undo */
  heading = g_strdup_printf (_("Undo “%s”?"), info->label);
  warning = enlace_undo_info_dup_warning (info);
  body = g_strdup_printf ("%s %s", warning, _("Undo can itself be redone."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "undo", _("_Undo"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "undo",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  id = g_new (gint64, 1);
  *id = info->command_id;
  g_object_set_data_full (G_OBJECT (dialog), "command-id", id, g_free);
  g_object_set_data_full (G_OBJECT (dialog), "label", g_strdup (info->label), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_undo_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* ---------------------------------------------------------------- toasts */

static void
undo_toast_dismissed_cb (AdwToast     *toast,
                         EnlaceWindow *self)
{
  g_ptr_array_remove (self->undo_toasts, toast);
}

void
_enlace_window_bind_undo_toast (EnlaceWindow *self,
                                AdwToast     *toast)
{
  g_autoptr(EnlaceUndoInfo) info = self->store ? enlace_store_get_undo_info (self->store) : NULL;

  if (info == NULL)
    return;
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-command");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (info->command_id));
  g_ptr_array_add (self->undo_toasts, g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
}

void
_enlace_window_dismiss_undo_toasts (EnlaceWindow *self)
{
  g_autoptr(GPtrArray) toasts = NULL;

  if (self->undo_toasts == NULL || self->undo_toasts->len == 0)
    return;
  toasts = g_steal_pointer (&self->undo_toasts);
  self->undo_toasts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < toasts->len; i++)
    {
      AdwToast *toast = g_ptr_array_index (toasts, i);

      /* Its Undo button goes at once; the toast stays as a plain message
       * until its timeout.  (adw_toast_dismiss() on a toast shown or
       * queued while the next one is added crashes libadwaita 1.2.) */
      g_signal_handlers_disconnect_by_func (toast, undo_toast_dismissed_cb, self);
      adw_toast_set_button_label (toast, NULL);
      adw_toast_set_action_name (toast, NULL);
      adw_toast_set_action_target_value (toast, NULL);
    }
}

/* ---------------------------------------------------------------- vanished objects */

/* The kind of the object a page kind shows: "trace/port" → "port",
 * "edit/site" → "site"; NULL for lists and pages of no object kind. */
static const EnlaceKind *
page_object_kind (const char *page_kind)
{
  const char *slash;

  if (page_kind == NULL || g_str_has_prefix (page_kind, "list/"))
    return NULL;
  slash = strchr (page_kind, '/');
  return enlace_kind_lookup (slash ? slash + 1 : page_kind);
}

static char *
object_label (EnlaceStore      *store,
              const EnlaceKind *kind,
              gint64            id)
{
  g_autofree char *key = enlace_store_dup_key (store, kind->name, id);

  /* Translators: an object, "Rack “R1”" */
  return g_strdup_printf (_("%s “%s”"), _(kind->label), key ? key : "?");
}

void
_enlace_window_track_visible (EnlaceWindow *self)
{
  const EnlaceKind *kind;
  gint64 id;

  g_clear_pointer (&self->visible_label, g_free);
  g_array_set_size (self->visible_ancestors, 0);
  if (self->store == NULL || self->visible_page == NULL)
    return;
  kind = page_object_kind (enlace_page_get_kind (self->visible_page));
  id = enlace_page_get_object_id (self->visible_page);
  if (kind == NULL || id <= 0)
    return;

  {
    g_autoptr(JsonObject) o = enlace_store_get (self->store, kind->name, id, NULL);
    g_autoptr(GArray) ancestors = NULL;

    if (o == NULL)
      return;
    self->visible_label = object_label (self->store, kind, id);
    ancestors = enlace_inventory_ancestors (self->store, kind->name, id);
    for (guint i = 0; i < ancestors->len; i++)
      {
        const EnlaceObjectRef *ref = &g_array_index (ancestors, EnlaceObjectRef, i);
        HistoryEntry e = { g_strdup (ref->kind), ref->id };

        g_array_append_val (self->visible_ancestors, e);
      }
  }
}

static gboolean
exists (EnlaceStore *store,
        const char  *kind,
        gint64       id)
{
  g_autoptr(JsonObject) o = enlace_store_get (store, kind, id, NULL);
  return o != NULL;
}

void
_enlace_window_leave_vanished (EnlaceWindow    *self,
                               EnlaceChangeSet *changes)
{
  const EnlaceKind *kind;
  g_autofree char *label = NULL;
  g_autofree char *target_label = NULL;
  g_autofree char *target_kind = NULL;
  gint64 id, target_id = 0;

  if (self->store == NULL || self->visible_page == NULL)
    return;
  kind = page_object_kind (enlace_page_get_kind (self->visible_page));
  id = enlace_page_get_object_id (self->visible_page);
  if (kind == NULL || id <= 0 || self->visible_label == NULL)
    return;
  if (!changes->bulk && !enlace_change_set_touches (changes, kind->table))
    return;
  if (exists (self->store, kind->name, id))
    {
      _enlace_window_track_visible (self);  /* it may have moved */
      return;
    }

  label = g_steal_pointer (&self->visible_label);

  /* deleted from its own page: back where the user came from */
  if (self->deleting && self->history->len >= 2)
    {
      HistoryEntry *prev = &g_array_index (self->history, HistoryEntry, self->history->len - 2);
      const EnlaceKind *prev_kind = page_object_kind (prev->kind);

      if (prev_kind == NULL || prev->id <= 0 || exists (self->store, prev_kind->name, prev->id))
        {
          _enlace_window_go_back (self);
          return;
        }
    }

  for (guint i = 0; i < self->visible_ancestors->len; i++)
    {
      HistoryEntry *e = &g_array_index (self->visible_ancestors, HistoryEntry, i);

      if (exists (self->store, e->kind, e->id))
        {
          target_kind = g_strdup (e->kind);
          target_id = e->id;
          break;
        }
    }
  if (target_kind == NULL)
    {
      /* the campus: the first site, else the welcome page */
      g_autoptr(GPtrArray) sites = enlace_store_list (self->store, "site", 0, NULL);

      if (sites && sites->len > 0)
        {
          target_kind = g_strdup ("site");
          target_id = json_object_get_int_member (g_ptr_array_index (sites, 0), "id");
        }
    }

  if (target_kind != NULL)
    {
      target_label = object_label (self->store, enlace_kind_lookup (target_kind), target_id);
      enlace_window_show_object (self, target_kind, target_id);
    }
  else
    _enlace_window_show_empty (self);

  if (!self->deleting)
    {
      g_autofree char *msg = NULL;

      if (target_label)
        /* Translators: a toast after an undo or a delete, "Rack “R1” no
         * longer exists: showing Space “B1/1/TR-1”" */
        msg = g_strdup_printf (_("%s no longer exists: showing %s"), label, target_label);
      else
        msg = g_strdup_printf (_("%s no longer exists"), label);
      _enlace_window_toast (self, msg, FALSE);
    }
}

/* ---------------------------------------------------------------- delete */

static void
delete_now (EnlaceWindow *self,
            const char   *kind_name,
            gint64        id)
{
  const EnlaceKind *k = enlace_kind_lookup (kind_name);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = enlace_store_dup_key (self->store, kind_name, id);
  g_autofree char *msg = NULL;
  gboolean ok;

  self->deleting = TRUE;
  ok = enlace_store_delete (self->store, kind_name, id, &error);
  self->deleting = FALSE;
  if (!ok)
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot Delete %s %s"), _(k->label), key ? key : "");
      _enlace_window_show_error (self, heading, error);
      return;
    }
  msg = g_strdup_printf (_("Deleted %s %s"), _(k->label), key ? key : "");
  _enlace_window_toast (self, msg, TRUE);
  _enlace_window_update_actions (self);
}

static void
confirm_delete_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   EnlaceWindow     *self)
{
  const char *kind = g_object_get_data (G_OBJECT (dialog), "kind");
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "id");

  if (g_strcmp0 (response, "delete") == 0 && self->store != NULL && kind && id)
    delete_now (self, kind, *id);
}

AdwMessageDialog *
_enlace_window_delete (EnlaceWindow *self,
                       const char   *kind_name,
                       gint64        id)
{
  const EnlaceKind *k;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) impact = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *what = NULL;
  g_autofree char *body = NULL;
  g_autofree char *key = NULL;
  GtkWidget *dialog;
  gint64 *idp;

  g_return_val_if_fail (ENLACE_IS_WINDOW (self), NULL);

  if (self->store == NULL || !(k = enlace_kind_lookup (kind_name)))
    return NULL;

  key = enlace_store_dup_key (self->store, kind_name, id);
  impact = enlace_inventory_delete_impact (self->store, kind_name, id, &error);
  if (impact == NULL)
    {
      g_autofree char *cannot = g_strdup_printf (_("Cannot Delete %s %s"), _(k->label), key ? key : "");
      _enlace_window_show_error (self, cannot, error);
      return NULL;
    }
  if (!enlace_delete_impact_has_contents (impact))
    {
      delete_now (self, kind_name, id);
      return NULL;
    }

  /* Translators: the heading of the dialog asking before a delete that
   * takes other objects along, "Delete Rack “R1”?" */
  heading = g_strdup_printf (_("Delete %s “%s”?"), _(k->label), key ? key : "?");
  what = enlace_delete_impact_describe (impact);
  body = g_strdup_printf ("%s %s", what, _("The delete can be undone."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  idp = g_new (gint64, 1);
  *idp = id;
  g_object_set_data_full (G_OBJECT (dialog), "kind", g_strdup (kind_name), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "id", idp, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_delete_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}
