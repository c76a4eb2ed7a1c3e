/* enlace-window-order.c: the window's current order (win.current-order)
 *
 * While a modification order in preparation is current, the editors of
 * the plant add their changes to it (views/cases/enlace-current-order.h)
 * and a banner under the header bar says so, with the way out.  The
 * property "current-order" holds its folio ("" or NULL: none); the action
 * win.current-order "s" sets it ("" leaves the order), refusing a case
 * that is not an order in preparation. */
#define G_LOG_DOMAIN "enlace-window-order"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-cases.h"
#include "enlace-current-order.h"
#include "enlace-window-private.h"

enum {
  PROP_0,
  PROP_CURRENT_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_banner (EnlaceWindow *self)
{
  if (self->current_order != NULL)
    {
      g_autofree char *markup =
        g_markup_printf_escaped (_("<b>Editing order %s</b> — what you connect, disconnect, add or move in the "
                                   "racks, the plans and the Connect dialog is added to the order; the plant does "
                                   "not change until the order is executed."),
                                 self->current_order);

      gtk_label_set_markup (self->order_label, markup);
    }
  gtk_revealer_set_reveal_child (self->order_revealer, self->current_order != NULL);
}

gboolean
_enlace_window_set_current_order (EnlaceWindow  *self,
                                  const char    *folio,
                                  GError       **error)
{
  g_return_val_if_fail (ENLACE_IS_WINDOW (self), FALSE);

  if (folio != NULL && *folio == '\0')
    folio = NULL;
  if (folio != NULL)
    {
      gint64 id;

      if (self->store == NULL)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID, _("No project is open"));
          return FALSE;
        }
      id = enlace_cases_lookup (self->store, folio, error);
      if (id <= 0 || !enlace_current_order_check (self->store, id, error))
        return FALSE;
    }
  if (g_strcmp0 (folio, self->current_order) == 0)
    return TRUE;
  g_free (self->current_order);
  self->current_order = g_strdup (folio);
  update_banner (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ORDER]);
  /* the pages' buttons say where their edits go */
  if (self->visible_page != NULL)
    enlace_page_reload (self->visible_page);
  return TRUE;
}

const char *
_enlace_window_get_current_order (EnlaceWindow *self)
{
  g_return_val_if_fail (ENLACE_IS_WINDOW (self), NULL);

  return self->current_order;
}

void
_enlace_window_order_check (EnlaceWindow *self)
{
  gint64 id;

  if (self->current_order == NULL)
    return;
  id = self->store ? enlace_cases_lookup (self->store, self->current_order, NULL) : 0;
  if (id <= 0 || !enlace_current_order_check (self->store, id, NULL))
    {
      g_autofree char *msg = g_strdup_printf (_("Order %s is no longer in preparation: edits change the plant again"),
                                              self->current_order);

      _enlace_window_set_current_order (self, NULL, NULL);
      if (self->store != NULL)
        _enlace_window_toast (self, msg, FALSE);
    }
}

gboolean
_enlace_window_order_delete (EnlaceWindow *self,
                             const char   *kind,
                             gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autofree char *key = NULL;
  g_autofree char *msg = NULL;
  const char *change;
  guint seq;

  g_return_val_if_fail (ENLACE_IS_WINDOW (self), FALSE);

  if (self->current_order == NULL || self->store == NULL)
    return FALSE;
  if (g_strcmp0 (kind, "device") == 0)
    change = "remove-device";
  else if (g_strcmp0 (kind, "cable") == 0)
    change = "disconnect";
  else
    return FALSE;
  key = enlace_store_dup_key (self->store, kind, id);
  seq = enlace_current_order_add_change (GTK_WIDGET (self), self->store, change, key, values, &error);
  if (seq == 0)
    {
      _enlace_window_show_error (self, _("The change was not added to the order"), error);
      return TRUE;
    }
  msg = enlace_current_order_dup_added_text (GTK_WIDGET (self), self->store, seq);
  _enlace_window_toast (self, msg, TRUE);
  return TRUE;
}

static void
current_order_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EnlaceWindow *self = ENLACE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *folio = g_variant_get_string (parameter, NULL);

  if (!_enlace_window_set_current_order (self, folio, &error))
    _enlace_window_show_error (self, _("The order cannot be edited"), error);
  else if (*folio != '\0')
    {
      g_autofree char *msg = g_strdup_printf (_("Editing order %s"), folio);
      _enlace_window_toast (self, msg, FALSE);
    }
}

static void
show_order_clicked_cb (EnlaceWindow *self)
{
  gint64 id;

  if (self->current_order == NULL || self->store == NULL)
    return;
  id = enlace_cases_lookup (self->store, self->current_order, NULL);
  if (id > 0)
    enlace_window_show_object (self, "case", id);
}

static void
get_property (GObject    *object,
              guint       prop_id,
              GValue     *value,
              GParamSpec *pspec)
{
  EnlaceWindow *self = ENLACE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CURRENT_ORDER:
      g_value_set_string (value, self->current_order);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_property (GObject      *object,
              guint         prop_id,
              const GValue *value,
              GParamSpec   *pspec)
{
  EnlaceWindow *self = ENLACE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CURRENT_ORDER:
      {
        g_autoptr(GError) error = NULL;

        if (!_enlace_window_set_current_order (self, g_value_get_string (value), &error))
          g_warning ("current-order: %s", error->message);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
_enlace_window_class_order_init (EnlaceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = get_property;
  object_class->set_property = set_property;
  /* read by views/cases/enlace-current-order.c */
  properties[PROP_CURRENT_ORDER] =
    g_param_spec_string ("current-order", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.current-order", "s", current_order_action);
}

void
_enlace_window_order_init (EnlaceWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *show = gtk_button_new_with_mnemonic (_("_Open the Order"));
  GtkWidget *leave = gtk_button_new_with_mnemonic (_("_Leave the Order"));
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self->read_only_revealer));
  GtkCssProvider *css = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (css,
                                   ".current-order-banner { background: @accent_bg_color; color: @accent_fg_color; "
                                   "padding: 6px 12px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (css);

  gtk_widget_add_css_class (box, "current-order-banner");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (show, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (leave, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (leave, _("Stop adding edits to the order: they change the plant again"));
  g_signal_connect_swapped (show, "clicked", G_CALLBACK (show_order_clicked_cb), self);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (leave), "win.current-order");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (leave), "s", "");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), show);
  gtk_box_append (GTK_BOX (box), leave);
  gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (GTK_REVEALER (revealer), box);
  gtk_box_insert_child_after (GTK_BOX (parent), revealer, GTK_WIDGET (self->read_only_revealer));
  self->order_revealer = GTK_REVEALER (revealer);
  self->order_label = GTK_LABEL (label);
  update_banner (self);
}
