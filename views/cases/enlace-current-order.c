/* enlace-current-order.c: the window's current order.  See
 * enlace-current-order.h. */
#define G_LOG_DOMAIN "enlace-current-order"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-cases.h"
#include "enlace-current-order.h"
#include "enlace-orders.h"

/* The window holding the property: @widget's root, or the window a
 * dialog is transient for. */
static GObject *
holder (GtkWidget *widget)
{
  GtkRoot *root;
  GtkWindow *w;

  if (widget == NULL)
    return NULL;
  root = gtk_widget_get_root (widget);
  for (w = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL; w != NULL; w = gtk_window_get_transient_for (w))
    {
      GParamSpec *p = g_object_class_find_property (G_OBJECT_GET_CLASS (w), "current-order");

      if (p != NULL && p->value_type == G_TYPE_STRING)
        return G_OBJECT (w);
    }
  return NULL;
}

char *
enlace_current_order_dup_folio (GtkWidget *widget)
{
  GObject *w;
  char *folio = NULL;

  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), NULL);

  w = holder (widget);
  if (w == NULL)
    return NULL;
  g_object_get (w, "current-order", &folio, NULL);
  if (folio != NULL && *folio == '\0')
    g_clear_pointer (&folio, g_free);
  return folio;
}

gboolean
enlace_current_order_check (EnlaceStore  *store,
                            gint64        case_id,
                            GError      **error)
{
  g_autoptr(EnlaceCaseRow) row = NULL;
  g_auto(EnlaceOrderState) state = { 0 };

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  row = enlace_cases_get_row (store, case_id, error);
  if (row == NULL)
    return FALSE;
  if (!enlace_order_is_order (store, case_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s is not a modification order: only an order can collect changes"), row->folio);
      return FALSE;
    }
  if (!enlace_order_get_state (store, case_id, &state, error))
    return FALSE;
  if (state.executed || row->status == ENLACE_CASE_CLOSED || row->status == ENLACE_CASE_CANCELLED)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s is no longer in preparation: only an order in preparation can collect changes"),
                   row->folio);
      return FALSE;
    }
  return TRUE;
}

gint64
enlace_current_order_get_id (GtkWidget   *widget,
                             EnlaceStore *store)
{
  g_autofree char *folio = enlace_current_order_dup_folio (widget);
  gint64 id;

  if (folio == NULL || store == NULL)
    return 0;
  id = enlace_cases_lookup (store, folio, NULL);
  if (id <= 0 || !enlace_current_order_check (store, id, NULL))
    return 0;
  return id;
}

char *
enlace_current_order_dup_button_label (GtkWidget   *widget,
                                       EnlaceStore *store)
{
  g_autofree char *folio = NULL;

  if (enlace_current_order_get_id (widget, store) == 0)
    return NULL;
  folio = enlace_current_order_dup_folio (widget);
  return g_strdup_printf (_("Add to order %s"), folio);
}

guint
enlace_current_order_add_change (GtkWidget    *widget,
                                 EnlaceStore  *store,
                                 const char   *kind,
                                 const char   *target,
                                 JsonObject   *values,
                                 GError      **error)
{
  gint64 case_id;
  guint seq = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);
  g_return_val_if_fail (kind != NULL, 0);

  case_id = enlace_current_order_get_id (widget, store);
  if (case_id == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("There is no current order in preparation to add the change to"));
      return 0;
    }
  if (enlace_order_add_change (store, case_id, kind, target, values, &seq, error) == 0)
    return 0;
  return seq;
}

char *
enlace_current_order_dup_added_text (GtkWidget   *widget,
                                     EnlaceStore *store,
                                     guint        seq)
{
  g_autofree char *folio = enlace_current_order_dup_folio (widget);
  g_autoptr(GPtrArray) changes = NULL;
  gint64 case_id = enlace_current_order_get_id (widget, store);

  if (case_id > 0 && (changes = enlace_order_changes (store, case_id, NULL)) != NULL)
    for (guint i = 0; i < changes->len; i++)
      {
        EnlaceOrderChange *c = g_ptr_array_index (changes, i);

        if (c->seq == seq)
          {
            g_autofree char *text = enlace_order_change_dup_text (c);
            return g_strdup_printf (_("Change %u added to %s: %s"), seq, folio, text);
          }
      }
  return g_strdup_printf (_("Change %u added to %s"), seq, folio ? folio : "");
}
