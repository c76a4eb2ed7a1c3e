/* enlace-case-form.c: the widgets of a procedure's typed fields */
#define G_LOG_DOMAIN "enlace-case-form"
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "enlace-case-form.h"
#include "enlace-drop-down.h"

typedef struct
{
  char      *name;
  char      *label;
  char      *type;
  char     **choices;
  gboolean   required;
  GtkWidget *row;      /* the row in the list */
  GtkWidget *input;    /* entry row, text view, spin button, switch, drop-down */
} Field;

struct _EnlaceCaseForm
{
  GtkWidget *list;
  GPtrArray *fields;   /* of Field* */
};

static void
field_free (gpointer data)
{
  Field *f = data;

  g_free (f->name);
  g_free (f->label);
  g_free (f->type);
  g_strfreev (f->choices);
  g_free (f);
}

static void
form_free (gpointer data)
{
  EnlaceCaseForm *self = data;

  g_ptr_array_unref (self->fields);
  g_free (self);
}

/* Reference drop-downs: a GtkStringList of names, ids kept beside it */

static gboolean
is_ref_type (const char *type)
{
  return g_strcmp0 (type, "person") == 0 || g_strcmp0 (type, "area") == 0 ||
         g_strcmp0 (type, "space") == 0;
}

/* An outlet jack is kept by its key, "DEVICE:PORT" (as the connection
 * proposal and the make-connection action name it). */
static gboolean
is_jack_type (const char *type)
{
  return g_strcmp0 (type, "outlet") == 0;
}

static GtkWidget *
jack_drop_new (EnlaceStore *store)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) outlets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GPtrArray) ports = NULL;
  GtkWidget *drop;

  g_ptr_array_add (keys, g_strdup (""));
  gtk_string_list_append (names, "—");
  if (store && (devices = enlace_store_list (store, "device", 0, NULL)))
    for (guint i = 0; i < devices->len; i++)
      {
        JsonObject *o = g_ptr_array_index (devices, i);
        gint64 id = json_object_get_int_member (o, "id");

        if (g_strcmp0 (json_object_get_string_member_with_default (o, "role", ""), "outlet") == 0)
          g_hash_table_insert (outlets, g_memdup2 (&id, sizeof id),
                               g_strdup (json_object_get_string_member_with_default (o, "name", "?")));
      }
  if (store && g_hash_table_size (outlets) > 0 && (ports = enlace_store_list (store, "port", 0, NULL)))
    for (guint i = 0; i < ports->len; i++)
      {
        JsonObject *o = g_ptr_array_index (ports, i);
        gint64 device_id = json_object_get_int_member_with_default (o, "device_id", 0);
        const char *device = g_hash_table_lookup (outlets, &device_id);
        const char *kind = json_object_get_string_member_with_default (o, "kind", "");
        char *key;

        if (device == NULL || g_strcmp0 (kind, "rear") == 0)
          continue;
        key = g_strdup_printf ("%s:%s", device, json_object_get_string_member_with_default (o, "name", "?"));
        gtk_string_list_append (names, key);
        g_ptr_array_add (keys, key);
      }
  drop = gtk_drop_down_new (G_LIST_MODEL (names), NULL);
  enlace_drop_down_search_anywhere (GTK_DROP_DOWN (drop));
  gtk_widget_set_valign (drop, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (drop), "keys", keys, (GDestroyNotify)g_ptr_array_unref);
  return drop;
}

static const char *
jack_drop_get_key (GtkWidget *drop)
{
  GPtrArray *keys = g_object_get_data (G_OBJECT (drop), "keys");
  guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop));

  if (keys == NULL || pos >= keys->len)
    return "";
  return g_ptr_array_index (keys, pos);
}

static void
jack_drop_set_key (GtkWidget  *drop,
                   const char *key)
{
  GPtrArray *keys = g_object_get_data (G_OBJECT (drop), "keys");
  GtkStringList *names = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (drop)));

  if (keys == NULL || key == NULL)
    return;
  for (guint i = 0; i < keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (keys, i), key) == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), i);
        return;
      }
  /* not an outlet's jack we know: keep it as given */
  g_ptr_array_add (keys, g_strdup (key));
  gtk_string_list_append (names, key);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), keys->len - 1);
}

static GtkWidget *
drop_new (GtkStringList *names,
          GArray        *ids)
{
  GtkWidget *drop = gtk_drop_down_new (G_LIST_MODEL (names), NULL);

  enlace_drop_down_search_anywhere (GTK_DROP_DOWN (drop));
  gtk_widget_set_valign (drop, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (drop), "ids", ids, (GDestroyNotify)g_array_unref);
  return drop;
}

GtkWidget *
enlace_case_ref_drop_new (EnlaceStore *store,
                          const char  *kind,
                          const char  *none_label)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GPtrArray) objects = NULL;
  gboolean outlets = g_strcmp0 (kind, "outlet") == 0;

  if (none_label)
    {
      gint64 zero = 0;
      g_array_append_val (ids, zero);
      gtk_string_list_append (names, none_label);
    }

  if (store && (objects = enlace_store_list (store, outlets ? "device" : kind, 0, NULL)))
    for (guint i = 0; i < objects->len; i++)
      {
        JsonObject *o = g_ptr_array_index (objects, i);
        gint64 id = json_object_get_int_member (o, "id");
        g_autofree char *text = NULL;

        if (outlets && g_strcmp0 (json_object_get_string_member_with_default (o, "role", ""), "outlet") != 0)
          continue;
        if (g_strcmp0 (kind, "space") == 0)
          {
            g_autofree char *key = enlace_store_dup_key (store, "space", id);
            const char *name = json_object_get_string_member_with_default (o, "name", NULL);
            text = name && name[0] ? g_strdup_printf ("%s — %s", key, name) : g_steal_pointer (&key);
          }
        else if (g_strcmp0 (kind, "person") == 0)
          {
            const char *name = json_object_get_string_member_with_default (o, "name", "");
            const char *position = json_object_get_string_member_with_default (o, "position", NULL);
            text = position && position[0] ? g_strdup_printf ("%s (%s)", name, position) : g_strdup (name);
          }
        else
          text = g_strdup (json_object_get_string_member_with_default (o, "name", ""));
        g_array_append_val (ids, id);
        gtk_string_list_append (names, text);
      }

  return drop_new (names, ids);
}

GtkWidget *
enlace_case_staff_drop_new (EnlaceStore *store)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GPtrArray) staff = NULL;
  gint64 zero = 0;

  g_array_append_val (ids, zero);
  gtk_string_list_append (names, _("Nobody"));
  if (store && (staff = enlace_cases_staff (store, NULL)))
    for (guint i = 0; i < staff->len; i++)
      {
        JsonObject *o = g_ptr_array_index (staff, i);
        gint64 id = json_object_get_int_member (o, "id");

        g_array_append_val (ids, id);
        gtk_string_list_append (names, json_object_get_string_member_with_default (o, "name", ""));
      }
  return drop_new (names, ids);
}

gint64
enlace_case_ref_drop_get_id (GtkWidget *drop)
{
  GArray *ids = g_object_get_data (G_OBJECT (drop), "ids");
  guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop));

  if (ids == NULL || pos >= ids->len)
    return 0;
  return g_array_index (ids, gint64, pos);
}

void
enlace_case_ref_drop_set_id (GtkWidget *drop,
                             gint64     id)
{
  GArray *ids = g_object_get_data (G_OBJECT (drop), "ids");

  if (ids == NULL)
    return;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), i);
        return;
      }
}

/* Rows */

static const char *
value_string (JsonObject *values,
              const char *name,
              char      **owned)
{
  JsonNode *node;

  *owned = NULL;
  if (values == NULL || !(node = json_object_get_member (values, name)) || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return *owned = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node) ? "true" : "false";
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return *owned = g_strdup_printf ("%g", json_node_get_double (node));
  return NULL;
}

static void
field_set_text (Field      *f,
                const char *text)
{
  if (text == NULL)
    return;
  if (g_strcmp0 (f->type, "multiline") == 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->input)), text, -1);
  else if (g_strcmp0 (f->type, "int") == 0)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (f->input), g_ascii_strtoll (text, NULL, 10));
  else if (g_strcmp0 (f->type, "bool") == 0)
    gtk_switch_set_active (GTK_SWITCH (f->input), g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0);
  else if (g_strcmp0 (f->type, "choice") == 0)
    {
      for (guint i = 0; f->choices && f->choices[i]; i++)
        if (g_strcmp0 (f->choices[i], text) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (f->row), i + 1);
    }
  else if (is_ref_type (f->type))
    enlace_case_ref_drop_set_id (f->input, g_ascii_strtoll (text, NULL, 10));
  else if (is_jack_type (f->type))
    jack_drop_set_key (f->input, text);
  else
    gtk_editable_set_text (GTK_EDITABLE (f->input), text);
}

static GtkWidget *
suffix_row (Field     *f,
            GtkWidget *input)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), f->label);
  gtk_widget_set_valign (input, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), input);
  return row;
}

static void
make_row (EnlaceCaseForm *self,
          EnlaceStore    *store,
          Field          *f)
{
  g_autofree char *title = f->required ? g_strdup_printf ("%s *", f->label) : g_strdup (f->label);

  if (g_strcmp0 (f->type, "multiline") == 0)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *label = gtk_label_new (title);
      GtkWidget *scroll = gtk_scrolled_window_new ();

      f->input = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (f->input), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (f->input), 4);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (f->input), 4);
      gtk_accessible_update_property (GTK_ACCESSIBLE (f->input), GTK_ACCESSIBLE_PROPERTY_LABEL, f->label, -1);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), f->input);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroll), 60);
      gtk_widget_add_css_class (scroll, "card");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), scroll);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      f->row = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (f->row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (f->row), box);
    }
  else if (g_strcmp0 (f->type, "int") == 0)
    {
      f->input = gtk_spin_button_new_with_range (0, 100000, 1);
      f->row = suffix_row (f, f->input);
    }
  else if (g_strcmp0 (f->type, "bool") == 0)
    {
      f->input = gtk_switch_new ();
      f->row = suffix_row (f, f->input);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (f->row), f->input);
    }
  else if (g_strcmp0 (f->type, "choice") == 0)
    {
      GtkStringList *list = gtk_string_list_new (NULL);

      gtk_string_list_append (list, "—");
      for (guint i = 0; f->choices && f->choices[i]; i++)
        gtk_string_list_append (list, f->choices[i]);
      f->row = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (f->row), G_LIST_MODEL (list));
      g_object_unref (list);
      f->input = f->row;
    }
  else if (is_ref_type (f->type))
    {
      f->input = enlace_case_ref_drop_new (store, f->type, "—");
      f->row = suffix_row (f, f->input);
    }
  else if (is_jack_type (f->type))
    {
      f->input = jack_drop_new (store);
      f->row = suffix_row (f, f->input);
    }
  else
    {
      /* text, email, date */
      f->row = f->input = adw_entry_row_new ();
      if (g_strcmp0 (f->type, "email") == 0)
        gtk_editable_set_text (GTK_EDITABLE (f->input), "");
      if (g_strcmp0 (f->type, "date") == 0)
        gtk_widget_set_tooltip_text (f->input, _("A date as YYYY-MM-DD"));
    }
  if (ADW_IS_PREFERENCES_ROW (f->row))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), title);
  if (g_strcmp0 (f->type, "date") == 0)
    {
      g_autofree char *with_format = g_strdup_printf (_("%s (YYYY-MM-DD)"), title);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), with_format);
    }
  g_object_set_data (G_OBJECT (f->row), "field-name", f->name);
  gtk_list_box_append (GTK_LIST_BOX (self->list), f->row);
}

EnlaceCaseForm *
enlace_case_form_new (EnlaceStore *store,
                      GPtrArray   *fields,
                      JsonObject  *values)
{
  EnlaceCaseForm *self = g_new0 (EnlaceCaseForm, 1);

  self->fields = g_ptr_array_new_with_free_func (field_free);
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  g_object_set_data_full (G_OBJECT (self->list), "enlace-case-form", self, form_free);

  for (guint i = 0; fields && i < fields->len; i++)
    {
      const EnlaceFieldSpec *spec = g_ptr_array_index (fields, i);
      Field *f = g_new0 (Field, 1);
      g_autofree char *owned = NULL;

      f->name = g_strdup (spec->name);
      f->label = g_strdup (spec->label ? spec->label : spec->name);
      f->type = g_strdup (spec->type ? spec->type : "text");
      f->choices = g_strdupv (spec->choices);
      f->required = spec->required;
      g_ptr_array_add (self->fields, f);
      make_row (self, store, f);
      field_set_text (f, value_string (values, f->name, &owned));
    }

  return self;
}

GtkWidget *
enlace_case_form_get_widget (EnlaceCaseForm *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->list;
}

guint
enlace_case_form_get_n_fields (EnlaceCaseForm *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->fields->len;
}

static gboolean
field_value (Field      *f,
             JsonObject *out)
{
  if (g_strcmp0 (f->type, "multiline") == 0)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->input));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
      if (text[0] == '\0')
        return FALSE;
      json_object_set_string_member (out, f->name, text);
    }
  else if (g_strcmp0 (f->type, "int") == 0)
    json_object_set_int_member (out, f->name, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (f->input)));
  else if (g_strcmp0 (f->type, "bool") == 0)
    json_object_set_boolean_member (out, f->name, gtk_switch_get_active (GTK_SWITCH (f->input)));
  else if (g_strcmp0 (f->type, "choice") == 0)
    {
      guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (f->row));

      if (pos == 0 || pos == GTK_INVALID_LIST_POSITION || f->choices == NULL || pos > g_strv_length (f->choices))
        return FALSE;
      json_object_set_string_member (out, f->name, f->choices[pos - 1]);
    }
  else if (is_ref_type (f->type))
    {
      gint64 id = enlace_case_ref_drop_get_id (f->input);

      if (id <= 0)
        return FALSE;
      json_object_set_int_member (out, f->name, id);
    }
  else if (is_jack_type (f->type))
    {
      const char *key = jack_drop_get_key (f->input);

      if (key[0] == '\0')
        return FALSE;
      json_object_set_string_member (out, f->name, key);
    }
  else
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->input))));

      if (text[0] == '\0')
        return FALSE;
      json_object_set_string_member (out, f->name, text);
    }
  return TRUE;
}

JsonObject *
enlace_case_form_get_values (EnlaceCaseForm *self)
{
  JsonObject *out = json_object_new ();

  g_return_val_if_fail (self != NULL, out);

  for (guint i = 0; i < self->fields->len; i++)
    field_value (g_ptr_array_index (self->fields, i), out);
  return out;
}

gboolean
enlace_case_form_check (EnlaceCaseForm  *self,
                        GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = g_ptr_array_index (self->fields, i);
      g_autoptr(JsonObject) one = json_object_new ();

      if (f->required && !field_value (f, one))
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("“%s” is required"), f->label);
          gtk_widget_grab_focus (f->input);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
enlace_case_form_set_text (EnlaceCaseForm *self,
                           const char     *name,
                           const char     *text)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (f->name, name) == 0)
        {
          field_set_text (f, text);
          return TRUE;
        }
    }
  return FALSE;
}

void
enlace_case_form_set_sensitive (EnlaceCaseForm *self,
                                gboolean        sensitive)
{
  g_return_if_fail (self != NULL);

  gtk_widget_set_sensitive (self->list, sensitive);
}
