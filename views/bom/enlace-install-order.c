/* enlace-install-order.c: the question before a floor's installation
 * order (see enlace-install-order.h) */
#define G_LOG_DOMAIN "enlace-install-order"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-install-order.h"
#include "enlace-install.h"

AdwMessageDialog *
enlace_install_order_dialog_new (GtkWindow   *parent,
                                 EnlaceStore *store,
                                 gint64       floor_id)
{
  g_autofree char *key = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  key = enlace_store_dup_key (store, "floor", floor_id);
  body = g_strdup_printf (_("The planned outlets, patch panels and runs of floor %s leave the plant and become the "
                            "changes of a new physical modification order; executing the order installs them. "
                            "Undo takes the order back."), key ? key : "");
  dialog = adw_message_dialog_new (parent, _("Send the Design to Installation?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("_Create Order"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "store", g_object_ref (store), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "floor", g_steal_pointer (&key), g_free);
  return ADW_MESSAGE_DIALOG (dialog);
}

gint64
enlace_install_order_dialog_apply (AdwMessageDialog  *dialog,
                                   guint             *n_changes,
                                   GError           **error)
{
  EnlaceStore *store = g_object_get_data (G_OBJECT (dialog), "store");
  const char *key = g_object_get_data (G_OBJECT (dialog), "floor");
  g_autofree char *building = NULL;
  const char *slash;

  g_return_val_if_fail (ENLACE_IS_STORE (store) && key != NULL, 0);

  slash = strchr (key, '/');
  if (slash == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no floor %s"), key);
      return 0;
    }
  building = g_strndup (key, slash - key);
  return enlace_install_floor_order (store, building, slash + 1, NULL, n_changes, error);
}
