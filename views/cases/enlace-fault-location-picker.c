/* enlace-fault-location-picker.c: where the user of a fault report is */
#define G_LOG_DOMAIN "enlace-fault-location-picker"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-fault-location-picker.h"

#define MAX_MATCHES 8

struct _EnlaceFaultLocationPicker
{
  GtkBox          parent_instance;

  EnlaceStore    *store;
  GPtrArray      *matches;     /* of EnlaceFaultPlace* */
  EnlaceFaultPlace *picked;    /* owned copy, or NULL */

  GtkSearchEntry *entry;
  GtkLabel       *picked_label;
  GtkListBox     *list;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EnlaceFaultLocationPicker, enlace_fault_location_picker, GTK_TYPE_BOX)

static const char *
via_icon (const char *via)
{
  if (g_strcmp0 (via, "extension") == 0 || g_strcmp0 (via, "person") == 0)
    return g_strcmp0 (via, "person") == 0 ? "avatar-default-symbolic" : "call-start-symbolic";
  if (g_strcmp0 (via, "room") == 0)
    return "mark-location-symbolic";
  return "network-wired-symbolic";
}

static gboolean
is_picked (EnlaceFaultLocationPicker *self,
           const EnlaceFaultPlace    *place)
{
  return self->picked && self->picked->id == place->id && g_strcmp0 (self->picked->kind, place->kind) == 0;
}

static void
update_picked_label (EnlaceFaultLocationPicker *self)
{
  g_autofree char *text = NULL;

  if (self->picked)
    /* TRANSLATORS: "The fault is at: Outlet B-1A-020 (Room B/1/020)" */
    text = g_strdup_printf (_("The fault is at: %s (%s)"), self->picked->title, self->picked->subtitle);
  else
    text = g_strdup (_("Not placed yet: search the outlet's label, the room, the person or the extension"));
  gtk_label_set_text (self->picked_label, text);
}

static void
fill_list (EnlaceFaultLocationPicker *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->matches->len; i++)
    {
      EnlaceFaultPlace *place = g_ptr_array_index (self->matches, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), place->title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), place->subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (via_icon (place->via)));
      gtk_widget_set_visible (check, is_picked (self, place));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->matches->len > 0);
}

static void
set_picked (EnlaceFaultLocationPicker *self,
            EnlaceFaultPlace          *place)   /* transfer full, nullable */
{
  g_clear_pointer (&self->picked, enlace_fault_place_free);
  self->picked = place;
  update_picked_label (self);
  fill_list (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static EnlaceFaultPlace *
place_copy (const EnlaceFaultPlace *place)
{
  EnlaceFaultPlace *copy = g_new0 (EnlaceFaultPlace, 1);

  *copy = *place;
  copy->title = g_strdup (place->title);
  copy->subtitle = g_strdup (place->subtitle);
  return copy;
}

void
enlace_fault_location_picker_search (EnlaceFaultLocationPicker *self,
                                     const char                *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *found;

  g_return_if_fail (ENLACE_IS_FAULT_LOCATION_PICKER (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text ? text : "") != 0)
    {
      /* the entry's search-changed comes back here later: set the text quietly */
      g_signal_handlers_block_matched (self->entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
      g_signal_handlers_unblock_matched (self->entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }
  found = enlace_fault_places_search (self->store, text ? text : "", MAX_MATCHES, &error);
  if (found == NULL)
    {
      g_warning ("%s", error->message);
      found = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_fault_place_free);
    }
  g_ptr_array_unref (self->matches);
  self->matches = found;
  /* one answer: that is the place */
  if (found->len == 1 && !is_picked (self, g_ptr_array_index (found, 0)))
    set_picked (self, place_copy (g_ptr_array_index (found, 0)));
  else
    fill_list (self);
}

static void
search_changed_cb (GtkSearchEntry            *entry,
                   EnlaceFaultLocationPicker *self)
{
  enlace_fault_location_picker_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
row_activated_cb (GtkListBox                *list,
                  GtkListBoxRow             *row,
                  EnlaceFaultLocationPicker *self)
{
  enlace_fault_location_picker_select (self, (guint) gtk_list_box_row_get_index (row));
}

GPtrArray *
enlace_fault_location_picker_get_matches (EnlaceFaultLocationPicker *self)
{
  g_return_val_if_fail (ENLACE_IS_FAULT_LOCATION_PICKER (self), NULL);

  return self->matches;
}

gboolean
enlace_fault_location_picker_select (EnlaceFaultLocationPicker *self,
                                     guint                      index)
{
  g_return_val_if_fail (ENLACE_IS_FAULT_LOCATION_PICKER (self), FALSE);

  if (index >= self->matches->len)
    return FALSE;
  set_picked (self, place_copy (g_ptr_array_index (self->matches, index)));
  return TRUE;
}

void
enlace_fault_location_picker_set_location (EnlaceFaultLocationPicker *self,
                                           const char                *kind,
                                           gint64                     id)
{
  g_autoptr(GError) error = NULL;
  EnlaceFaultPlace *place = NULL;

  g_return_if_fail (ENLACE_IS_FAULT_LOCATION_PICKER (self));

  if (kind != NULL && !(place = enlace_fault_place_describe (self->store, kind, id, &error)))
    g_warning ("%s", error->message);
  set_picked (self, place);
}

gboolean
enlace_fault_location_picker_get_location (EnlaceFaultLocationPicker *self,
                                           const char               **kind,
                                           gint64                    *id)
{
  g_return_val_if_fail (ENLACE_IS_FAULT_LOCATION_PICKER (self), FALSE);

  if (self->picked == NULL)
    return FALSE;
  if (kind)
    *kind = self->picked->kind;
  if (id)
    *id = self->picked->id;
  return TRUE;
}

const char *
enlace_fault_location_picker_get_title (EnlaceFaultLocationPicker *self)
{
  g_return_val_if_fail (ENLACE_IS_FAULT_LOCATION_PICKER (self), NULL);

  return self->picked ? self->picked->title : NULL;
}

static void
enlace_fault_location_picker_dispose (GObject *object)
{
  EnlaceFaultLocationPicker *self = ENLACE_FAULT_LOCATION_PICKER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->picked, enlace_fault_place_free);

  G_OBJECT_CLASS (enlace_fault_location_picker_parent_class)->dispose (object);
}

static void
enlace_fault_location_picker_class_init (EnlaceFaultLocationPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = enlace_fault_location_picker_dispose;

  /**
   * EnlaceFaultLocationPicker::changed:
   *
   * The place picked changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
enlace_fault_location_picker_init (EnlaceFaultLocationPicker *self)
{
  self->matches = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_fault_place_free);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text", _("Outlet label, room, person or extension"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Where the user is"), -1);
  g_signal_connect (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->entry));

  self->picked_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->picked_label, 0);
  gtk_label_set_wrap (self->picked_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->picked_label), "dim-label");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->picked_label));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));

  update_picked_label (self);
}

GtkWidget *
enlace_fault_location_picker_new (EnlaceStore *store)
{
  EnlaceFaultLocationPicker *self;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  self = g_object_new (ENLACE_TYPE_FAULT_LOCATION_PICKER, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
