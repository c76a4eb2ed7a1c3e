/* enlace-rack-view.c: the page of a rack */
#define G_LOG_DOMAIN "enlace-rack-view"
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "enlace-current-order.h"
#include "enlace-drop-down.h"
#include "enlace-kinds.h"
#include "enlace-propose.h"
#include "enlace-labels-dialog.h"
#include "enlace-rack-view.h"
#include "enlace-render-util.h"

struct _EnlaceRackView
{
  EnlacePage        parent_instance;

  GtkWidget        *canvas;
  GtkWidget        *scroller;
  GtkWidget        *message_revealer;
  GtkWidget        *message_label;
  GtkWidget        *open_button;
  GtkWidget        *add_button;

  /* the "Add device" popover */
  GtkWidget        *add_popover;
  GtkWidget        *type_dropdown;
  GtkStringList    *type_names;
  GArray           *type_ids;       /* gint64, parallel to type_names */
  GtkWidget        *name_entry;
  GtkWidget        *face_dropdown;
  GtkWidget        *unit_spin;
  GtkWidget        *add_error;
  GtkWidget        *add_confirm;   /* "Add" or "Add to order FOLIO" */
  int               preset_unit;    /* from a double-clicked free unit, 0: propose */

  char             *message;
};

G_DEFINE_FINAL_TYPE (EnlaceRackView, enlace_rack_view, ENLACE_TYPE_PAGE)

static void
show_message (EnlaceRackView *self,
              const char     *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  if (message)
    gtk_label_set_text (GTK_LABEL (self->message_label), message);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->message_revealer), message != NULL);
}

static void
report (EnlaceRackView *self,
        const GError   *error)
{
  show_message (self, error->message);
  enlace_page_show_error (ENLACE_PAGE (self), error);
}

/* While the window has a current order (enlace-current-order.h), the
 * rack's edits are added to it as changes instead of changing the plant:
 * returns the change's number, 0 with @error. */
static guint
add_to_order (EnlaceRackView  *self,
              const char      *kind,
              const char      *target,
              JsonObject      *values,
              GError         **error)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GError) local_error = NULL;
  g_autofree char *rack = enlace_store_dup_key (store, "rack", enlace_page_get_object_id (ENLACE_PAGE (self)));
  g_autofree char *msg = NULL;
  guint seq;

  json_object_set_string_member (values, "rack", rack ? rack : "");
  seq = enlace_current_order_add_change (GTK_WIDGET (self), store, kind, target, values, &local_error);
  if (seq == 0)
    {
      report (self, local_error);
      enlace_page_reload (ENLACE_PAGE (self)); /* no ghost */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  msg = enlace_current_order_dup_added_text (GTK_WIDGET (self), store, seq);
  show_message (self, NULL);
  enlace_page_show_message (ENLACE_PAGE (self), msg);
  enlace_page_reload (ENLACE_PAGE (self)); /* the plant did not change */
  return seq;
}

static char *
unit_text (double position)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%g", position));
}

static void
update_actions (EnlaceRackView *self)
{
  gint64 sel = enlace_rack_canvas_get_selected (ENLACE_RACK_CANVAS (self->canvas));

  gtk_widget_set_sensitive (self->open_button, sel > 0);
  gtk_widget_set_sensitive (self->add_button, enlace_rack_canvas_get_elevation (ENLACE_RACK_CANVAS (self->canvas)) != NULL);
}

static void
enlace_rack_view_set_object (EnlacePage *page,
                             const char *kind,
                             gint64      id)
{
  EnlaceRackView *self = ENLACE_RACK_VIEW (page);
  EnlaceStore *store = enlace_page_get_store (page);
  g_autoptr(EnlaceRackScene) scene = NULL;
  g_autoptr(EnlaceRackElevation) elevation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  double used;

  if (store == NULL)
    return;
  if ((scene = enlace_rack_scene_load (store, id, &error)))
    elevation = enlace_rack_elevation_new (scene);
  enlace_rack_canvas_set_elevation (ENLACE_RACK_CANVAS (self->canvas), elevation);
  if (elevation == NULL)
    {
      enlace_page_set_subtitle (page, NULL);
      /* deleted (or undone) while shown: say so once, without a toast */
      if (g_error_matches (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND))
        enlace_page_set_title (page, _("This rack no longer exists"));
      else
        {
          enlace_page_set_title (page, _("Rack"));
          enlace_page_show_error (page, error);
        }
      update_actions (self);
      return;
    }

  used = enlace_rack_elevation_get_used_units (elevation);
  title = g_strdup_printf (_("Rack %s"), enlace_rack_elevation_get_name (elevation));
  subtitle = g_strdup_printf (_("%g of %u U used · %u devices"), used,
                              enlace_rack_elevation_get_u_height (elevation),
                              enlace_rack_elevation_get_n_devices (elevation));
  enlace_page_set_title (page, title);
  enlace_page_set_subtitle (page, subtitle);
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (self->unit_spin)),
                            enlace_rack_elevation_get_u_height (elevation));
  update_actions (self);
}

static void
enlace_rack_view_store_changed (EnlacePage      *page,
                                EnlaceChangeSet *changes)
{
  if (changes->bulk ||
      enlace_change_set_touches (changes, "device") ||
      enlace_change_set_touches (changes, "rack") ||
      enlace_change_set_touches (changes, "device_type") ||
      enlace_change_set_touches (changes, "space"))
    enlace_page_reload (page);
}

gboolean
enlace_rack_view_move_device (EnlaceRackView  *self,
                              gint64           device_id,
                              const char      *face,
                              double           position,
                              GError         **error)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ENLACE_IS_RACK_VIEW (self), FALSE);
  g_return_val_if_fail (store != NULL, FALSE);

  if (enlace_current_order_get_id (GTK_WIDGET (self), store) > 0)
    {
      g_autofree char *device = enlace_store_dup_key (store, "device", device_id);
      g_autofree char *u = unit_text (position);

      json_object_set_string_member (values, "u", u);
      json_object_set_string_member (values, "face", face);
      return add_to_order (self, "move-device", device, values, error) > 0;
    }

  json_object_set_double_member (values, "u_position", position);
  json_object_set_string_member (values, "face", face);
  if (!enlace_store_update (store, "device", device_id, values, &local_error))
    {
      report (self, local_error);
      /* nothing changed: redraw without the ghost */
      enlace_page_reload (ENLACE_PAGE (self));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  show_message (self, NULL);
  return TRUE;
}

static void
move_device_cb (EnlaceRackCanvas *canvas,
                gint64            device_id,
                const char       *face,
                double            position,
                EnlaceRackView   *self)
{
  enlace_rack_view_move_device (self, device_id, face, position, NULL);
}

static void
device_activated_cb (EnlaceRackCanvas *canvas,
                     gint64            device_id,
                     EnlaceRackView   *self)
{
  enlace_page_activate_object (ENLACE_PAGE (self), "device", device_id);
}

static void
selected_cb (EnlaceRackView *self)
{
  update_actions (self);
}

static void
open_clicked_cb (EnlaceRackView *self)
{
  gint64 id = enlace_rack_canvas_get_selected (ENLACE_RACK_CANVAS (self->canvas));

  if (id > 0)
    enlace_page_activate_object (ENLACE_PAGE (self), "device", id);
}

static void
impact_clicked_cb (EnlaceRackView *self)
{
  gint64 id = enlace_rack_canvas_get_selected (ENLACE_RACK_CANVAS (self->canvas));

  if (id > 0)
    enlace_page_activate_object (ENLACE_PAGE (self), "impact/device", id);
  else
    enlace_page_activate_object (ENLACE_PAGE (self), "impact/rack",
                                 enlace_page_get_object_id (ENLACE_PAGE (self)));
}

/* Adding a device */

static JsonObject *
selected_type (EnlaceRackView *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->type_dropdown));

  if (store == NULL || pos == GTK_INVALID_LIST_POSITION || pos >= self->type_ids->len)
    return NULL;
  return enlace_store_get (store, "device-type", g_array_index (self->type_ids, gint64, pos), NULL);
}

/* The highest position where a device of @height fits on @face. */
static double
propose_unit (EnlaceRackView *self,
              double          height,
              gboolean        full_depth,
              EnlaceRackFace  face)
{
  EnlaceRackElevation *e = enlace_rack_canvas_get_elevation (ENLACE_RACK_CANVAS (self->canvas));

  if (e == NULL)
    return 1;
  return enlace_rack_scene_propose_unit (enlace_rack_elevation_get_scene (e), height, full_depth, face);
}

static void
type_changed_cb (EnlaceRackView *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(JsonObject) type = selected_type (self);
  g_autofree char *name = NULL;
  EnlaceRackFace face;

  if (type == NULL || store == NULL)
    return;
  name = enlace_device_propose_name (store, enlace_json_string (type, "role"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);
  face = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->face_dropdown)) == 1
         ? ENLACE_RACK_FACE_REAR : ENLACE_RACK_FACE_FRONT;
  if (self->preset_unit > 0)
    {
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->unit_spin), self->preset_unit);
      return;
    }
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->unit_spin),
                             propose_unit (self, enlace_json_double (type, "u_height", 1),
                                           enlace_json_int (type, "full_depth", 1) != 0, face));
}

static void
fill_types (EnlaceRackView *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GPtrArray) types = NULL;
  static const char * const not_in_racks[] = { "outlet", "phone", "computer", "access-point", NULL };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->type_names));

  gtk_string_list_splice (self->type_names, 0, n, NULL);
  g_array_set_size (self->type_ids, 0);
  if (store == NULL || !(types = enlace_store_list (store, "device-type", 0, NULL)))
    return;
  for (guint i = 0; i < types->len; i++)
    {
      JsonObject *t = g_ptr_array_index (types, i);
      gint64 id = enlace_json_int (t, "id", 0);
      g_autofree char *label = NULL;

      /* what sits on a wall or a desk does not go in a rack */
      if (g_strv_contains (not_in_racks, enlace_json_string (t, "role")))
        continue;
      label = g_strdup_printf ("%s %s (%g U, %s)",
                               enlace_json_string (t, "manufacturer"),
                               enlace_json_string (t, "model"),
                               enlace_json_double (t, "u_height", 1),
                               enlace_choice_label (enlace_json_string (t, "role")));
      gtk_string_list_append (self->type_names, label);
      g_array_append_val (self->type_ids, id);
    }
}

static void
popover_closed_cb (EnlaceRackView *self)
{
  self->preset_unit = 0;
}

static void
unit_activated_cb (EnlaceRackCanvas *canvas,
                   const char       *face,
                   int               unit,
                   EnlaceRackView   *self)
{
  self->preset_unit = unit;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->face_dropdown), g_strcmp0 (face, "rear") == 0 ? 1 : 0);
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->add_button));
}

static void
popover_show_cb (EnlaceRackView *self)
{
  g_autofree char *order = enlace_current_order_dup_button_label (GTK_WIDGET (self),
                                                                  enlace_page_get_store (ENLACE_PAGE (self)));

  /* while the window has a current order, the device goes to the order */
  if (order)
    {
      gtk_button_set_use_underline (GTK_BUTTON (self->add_confirm), FALSE);
      gtk_button_set_label (GTK_BUTTON (self->add_confirm), order);
    }
  else
    {
      gtk_button_set_label (GTK_BUTTON (self->add_confirm), _("_Add"));
      gtk_button_set_use_underline (GTK_BUTTON (self->add_confirm), TRUE);
    }
  fill_types (self);
  gtk_label_set_text (GTK_LABEL (self->add_error), "");
  gtk_widget_set_visible (self->add_error, FALSE);
  type_changed_cb (self);
}

gint64
enlace_rack_view_add_device (EnlaceRackView  *self,
                             gint64           type_id,
                             const char      *name,
                             const char      *face,
                             double           position,
                             GError         **error)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(JsonObject) type = NULL;
  g_autoptr(JsonObject) values = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *role;
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_RACK_VIEW (self), 0);
  g_return_val_if_fail (store != NULL, 0);

  if (!(type = enlace_store_get (store, "device-type", type_id, &local_error)))
    {
      report (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  role = enlace_json_string (type, "role");
  {
    const EnlaceField *f = enlace_kind_get_field (enlace_kind_lookup ("device"), "role");
    gboolean known = FALSE;

    for (guint i = 0; f && f->choices[i]; i++)
      if (g_strcmp0 (f->choices[i], role) == 0)
        known = TRUE;
    if (!known)
      role = "other";
  }

  if (enlace_current_order_get_id (GTK_WIDGET (self), store) > 0)
    {
      g_autofree char *type_key = enlace_store_dup_key (store, "device-type", type_id);
      g_autofree char *u = unit_text (position);

      values = json_object_new ();
      json_object_set_string_member (values, "role", role);
      json_object_set_string_member (values, "type", type_key);
      if (enlace_json_double (type, "u_height", 1) > 0)
        {
          json_object_set_string_member (values, "u", u);
          json_object_set_string_member (values, "face", face);
        }
      json_object_set_string_member (values, "status", "active");
      /* a change, not a device: nothing to select */
      return add_to_order (self, "add-device", name, values, error) > 0 ? -1 : 0;
    }

  values = json_object_new ();
  json_object_set_int_member (values, "device_type_id", type_id);
  json_object_set_string_member (values, "name", name);
  json_object_set_string_member (values, "role", role);
  json_object_set_int_member (values, "rack_id", enlace_page_get_object_id (ENLACE_PAGE (self)));
  if (enlace_json_double (type, "u_height", 1) > 0)
    {
      json_object_set_double_member (values, "u_position", position);
      json_object_set_string_member (values, "face", face);
    }
  json_object_set_string_member (values, "status", "active");

  id = enlace_store_create (store, "device", values, &local_error);
  if (id == 0)
    {
      report (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  show_message (self, NULL);
  enlace_rack_canvas_set_selected (ENLACE_RACK_CANVAS (self->canvas), id);
  return id;
}

static void
add_clicked_cb (EnlaceRackView *self)
{
  guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->type_dropdown));
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  const char *face = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->face_dropdown)) == 1 ? "rear" : "front";

  if (pos == GTK_INVALID_LIST_POSITION || pos >= self->type_ids->len)
    {
      gtk_label_set_text (GTK_LABEL (self->add_error), _("Choose a device type first."));
      gtk_widget_set_visible (self->add_error, TRUE);
      return;
    }
  if (enlace_rack_view_add_device (self, g_array_index (self->type_ids, gint64, pos), name, face,
                                   gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->unit_spin)), &error))
    gtk_popover_popdown (GTK_POPOVER (self->add_popover));
  else
    {
      gtk_label_set_text (GTK_LABEL (self->add_error), error->message);
      gtk_widget_set_visible (self->add_error, TRUE);
    }
}

static GtkWidget *
form_row (GtkWidget  *grid,
          int         row,
          const char *label,
          GtkWidget  *widget)
{
  GtkWidget *l = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (l), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), widget);
  gtk_widget_add_css_class (l, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), l, 0, row, 1, 1);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (GTK_GRID (grid), widget, 1, row, 1, 1);
  return widget;
}

static GtkWidget *
build_add_popover (EnlaceRackView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title = gtk_label_new (_("Add a device to this rack"));
  GtkWidget *button = self->add_confirm = gtk_button_new_with_mnemonic (_("_Add"));
  const char *faces[] = { N_("Front"), N_("Rear"), NULL };
  const char *tr_faces[3] = { _(faces[0]), _(faces[1]), NULL };

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  self->type_names = gtk_string_list_new (NULL);
  self->type_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->type_names)), NULL);
  enlace_drop_down_search_anywhere (GTK_DROP_DOWN (self->type_dropdown));
  form_row (grid, 0, _("Device _type"), self->type_dropdown);
  self->name_entry = form_row (grid, 1, _("_Name"), gtk_entry_new ());
  gtk_entry_set_activates_default (GTK_ENTRY (self->name_entry), TRUE);
  self->face_dropdown = form_row (grid, 2, _("_Face"), gtk_drop_down_new_from_strings (tr_faces));
  self->unit_spin = form_row (grid, 3, _("Lowest _unit"), gtk_spin_button_new_with_range (1, 100, 1));
  gtk_box_append (GTK_BOX (box), grid);

  self->add_error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->add_error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->add_error), 40);
  gtk_label_set_xalign (GTK_LABEL (self->add_error), 0);
  gtk_widget_add_css_class (self->add_error, "error");
  gtk_widget_set_visible (self->add_error, FALSE);
  gtk_box_append (GTK_BOX (box), self->add_error);

  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);

  g_signal_connect_swapped (self->type_dropdown, "notify::selected", G_CALLBACK (type_changed_cb), self);
  g_signal_connect_swapped (self->face_dropdown, "notify::selected", G_CALLBACK (type_changed_cb), self);

  self->add_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->add_popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self->add_popover), button);
  g_signal_connect_swapped (self->add_popover, "show", G_CALLBACK (popover_show_cb), self);
  g_signal_connect_swapped (self->add_popover, "closed", G_CALLBACK (popover_closed_cb), self);
  return self->add_popover;
}

static void
enlace_rack_view_dispose (GObject *object)
{
  EnlaceRackView *self = ENLACE_RACK_VIEW (object);

  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->type_ids, g_array_unref);
  g_clear_object (&self->type_names);

  G_OBJECT_CLASS (enlace_rack_view_parent_class)->dispose (object);
}

static void
enlace_rack_view_class_init (EnlaceRackViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_rack_view_dispose;
  page_class->set_object = enlace_rack_view_set_object;
  page_class->store_changed = enlace_rack_view_store_changed;
}

/* Labels of what is in the rack: its devices (or panel strips, or the
 * rack itself, chosen in the dialog). */
static void
labels_clicked_cb (EnlaceRackView *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  EnlaceLabelScope scope = { 0 };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (store == NULL)
    return;
  scope.rack_id = enlace_page_get_object_id (ENLACE_PAGE (self));
  dialog = enlace_labels_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     store, ENLACE_LABEL_KIND_DEVICE, &scope);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
enlace_rack_view_init (EnlaceRackView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *impact = gtk_button_new_with_mnemonic (_("What _breaks…"));
  GtkWidget *hint = gtk_label_new (_("Drag a device to another unit or face to move it; double-click a device to open it, a free unit to add one there."));
  GtkWidget *message_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *viewport;

  self->type_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  gtk_widget_set_margin_bottom (bar, 8);

  self->add_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->add_button), _("Add _Device…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->add_button), TRUE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->add_button), build_add_popover (self));
  gtk_box_append (GTK_BOX (bar), self->add_button);

  self->open_button = gtk_button_new_with_mnemonic (_("_Open Device"));
  g_signal_connect_swapped (self->open_button, "clicked", G_CALLBACK (open_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), self->open_button);

  gtk_widget_set_tooltip_text (impact, _("What stops working if the selected device, or the whole rack, is removed"));
  g_signal_connect_swapped (impact, "clicked", G_CALLBACK (impact_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), impact);
  {
    GtkWidget *labels = gtk_button_new_with_mnemonic (_("_Labels…"));

    gtk_widget_set_tooltip_text (labels, _("Print labels for the rack and its devices and patch panels"));
    gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
    g_signal_connect_swapped (labels, "clicked", G_CALLBACK (labels_clicked_cb), self);
    gtk_box_append (GTK_BOX (bar), labels);
  }

  /* the hint on a line of its own under the buttons, wrapped over the
   * page's width: beside them, on a laptop, it wrapped a word a line and
   * made the bar a quarter of the screen high */
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->open_button, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (impact, GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_set_hexpand (hint, TRUE);
  gtk_widget_set_margin_start (hint, 12);
  gtk_widget_set_margin_end (hint, 12);
  gtk_widget_set_margin_bottom (hint, 8);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), hint);

  /* the model's refusal, until the next successful change */
  self->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message_label), 0);
  gtk_widget_set_hexpand (self->message_label, TRUE);
  gtk_box_append (GTK_BOX (message_box), icon);
  gtk_box_append (GTK_BOX (message_box), self->message_label);
  gtk_widget_add_css_class (message_box, "error");
  gtk_widget_set_margin_start (message_box, 12);
  gtk_widget_set_margin_end (message_box, 12);
  gtk_widget_set_margin_bottom (message_box, 8);
  self->message_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->message_revealer), message_box);
  gtk_box_append (GTK_BOX (box), self->message_revealer);

  self->canvas = enlace_rack_canvas_new ();
  gtk_widget_set_margin_start (self->canvas, 12);
  gtk_widget_set_margin_bottom (self->canvas, 12);
  g_signal_connect (self->canvas, "move-device", G_CALLBACK (move_device_cb), self);
  g_signal_connect (self->canvas, "device-activated", G_CALLBACK (device_activated_cb), self);
  g_signal_connect (self->canvas, "unit-activated", G_CALLBACK (unit_activated_cb), self);
  g_signal_connect_swapped (self->canvas, "notify::selected", G_CALLBACK (selected_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rack elevation"), -1);

  /* a viewport of our own: the one GtkScrolledWindow makes scrolls to
   * the focus, so the first click (which focuses the rack) moved it under
   * the pointer and broke the double-click to open */
  viewport = gtk_viewport_new (NULL, NULL);
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
  gtk_viewport_set_child (GTK_VIEWPORT (viewport), self->canvas);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), viewport);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_box_append (GTK_BOX (box), self->scroller);

  adw_bin_set_child (ADW_BIN (self), box);
  update_actions (self);
}

EnlaceRackCanvas *
enlace_rack_view_get_canvas (EnlaceRackView *self)
{
  g_return_val_if_fail (ENLACE_IS_RACK_VIEW (self), NULL);
  return ENLACE_RACK_CANVAS (self->canvas);
}

const char *
enlace_rack_view_get_message (EnlaceRackView *self)
{
  g_return_val_if_fail (ENLACE_IS_RACK_VIEW (self), NULL);
  return self->message;
}
