/* enlace-person-page.c: the page of a person */
#define G_LOG_DOMAIN "enlace-person-page"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-kinds.h"
#include "enlace-person-page.h"
#include "enlace-render-util.h"

struct _EnlacePersonPage
{
  EnlacePage            parent_instance;

  EnlaceTracer         *tracer;
  gulong                tracer_changed_id;
  EnlacePersonServices *services;

  GtkWidget            *box;      /* the groups, rebuilt on reload */
};

G_DEFINE_FINAL_TYPE (EnlacePersonPage, enlace_person_page, ENLACE_TYPE_PAGE)

static void
row_activated_cb (AdwActionRow     *row,
                  EnlacePersonPage *self)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "id"));

  if (kind && id > 0)
    enlace_page_activate_object (ENLACE_PAGE (self), kind, id);
}

static GtkWidget *
value_row (EnlacePersonPage *self,
           const char       *title,
           const char       *value,
           const char       *kind,
           gint64            id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && *value ? value : "—");
  if (kind && id > 0)
    {
      g_object_set_data (G_OBJECT (row), "kind", (gpointer) kind);
      g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER ((gsize) id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
    }
  return row;
}

static GtkWidget *
add_group (EnlacePersonPage *self,
           const char       *title,
           const char       *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (self->box), group);
  return group;
}

static void
clear (EnlacePersonPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->box)))
    gtk_box_remove (GTK_BOX (self->box), child);
}

static void
reload (EnlacePersonPage *self)
{
  EnlacePage *page = ENLACE_PAGE (self);
  EnlaceStore *store = enlace_page_get_store (page);
  gint64 id = enlace_page_get_object_id (page);
  g_autoptr(JsonObject) person = NULL;
  g_autoptr(JsonObject) area = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *position;
  GtkWidget *group;

  clear (self);
  g_clear_pointer (&self->services, enlace_person_services_free);
  if (store == NULL || self->tracer == NULL)
    return;

  if (!(person = enlace_store_get (store, "person", id, &error)) ||
      !(self->services = enlace_tracer_person_services (self->tracer, id, &error)))
    {
      enlace_page_set_title (page, g_error_matches (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND) ?
                                   _("This person no longer exists") : _("Person"));
      enlace_page_set_subtitle (page, NULL);
      if (!g_error_matches (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND))
        enlace_page_show_error (page, error);
      return;
    }

  enlace_page_set_title (page, enlace_json_string (person, "name"));
  position = enlace_json_string (person, "position");
  if (enlace_json_int (person, "area_id", 0) > 0)
    area = enlace_store_get (store, "area", enlace_json_int (person, "area_id", 0), NULL);
  if (position && *position)
    g_string_append (subtitle, position);
  if (area)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", enlace_json_string (area, "name"));
  enlace_page_set_subtitle (page, subtitle->len ? subtitle->str : NULL);

  group = add_group (self, _("Person"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (self, _("Position"), position, NULL, 0));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             value_row (self, _("Area"), area ? enlace_json_string (area, "name") : NULL, NULL, 0));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             value_row (self, _("E-mail"), enlace_json_string (person, "email"), NULL, 0));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             value_row (self, _("Phone"), enlace_json_string (person, "phone"), NULL, 0));

  /* outlet → person → extension */
  group = add_group (self, _("Extensions"), _("The phone lines they hold and the outlet jack each one reaches."));
  for (guint i = 0; i < self->services->lines->len; i++)
    {
      EnlaceExtensionLine *line = g_ptr_array_index (self->services->lines, i);
      g_autoptr(GString) sub = g_string_new (enlace_choice_label (line->status));

      if (line->jack_id > 0)
        {
          EnlaceTerm term = { ENLACE_TERM_PORT, line->jack_id };
          g_autofree char *jack = enlace_store_dup_term_key (store, &term);

          g_string_append_printf (sub, " · %s", jack);
          g_string_append_printf (sub, " (%s)", enlace_path_state_label (line->state));
        }
      else if (line->pbx_port_id <= 0)
        g_string_append_printf (sub, " · %s", _("rides on no port"));
      else
        g_string_append_printf (sub, " · %s", _("its line reaches no outlet"));
      {
        /* TRANSLATORS: a row of a person's page, "Extension 2001" */
        g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Extension %s", "Extensions %s", 1), line->number);

        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   value_row (self, title, sub->str, "extension", line->extension_id));
      }
    }
  if (self->services->lines->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               value_row (self, _("No extension"), _("No phone extension is recorded in their name."), NULL, 0));

  group = add_group (self, _("Outlets"), _("The wall outlets their lines reach, and where they are."));
  for (guint i = 0; i < self->services->outlets->len; i++)
    {
      gint64 outlet = g_array_index (self->services->outlets, gint64, i);
      g_autofree char *name = enlace_store_dup_key (store, "device", outlet);
      g_autofree char *place = enlace_tracer_dup_place (self->tracer, "device", outlet);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (self, name, place, "device", outlet));
    }
  if (self->services->outlets->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               value_row (self, _("No outlet"), _("None of their lines reaches an outlet."), NULL, 0));

  group = add_group (self, _("Devices"), _("Phones, computers and other devices recorded at their outlets."));
  for (guint i = 0; i < self->services->devices->len; i++)
    {
      gint64 device = g_array_index (self->services->devices, gint64, i);
      g_autoptr(JsonObject) o = enlace_store_get (store, "device", device, NULL);
      g_autofree char *place = enlace_tracer_dup_place (self->tracer, "device", device);
      g_autofree char *sub = NULL;

      if (o == NULL)
        continue;
      sub = place ? g_strdup_printf ("%s · %s", enlace_choice_label (enlace_json_string (o, "role")), place)
                  : g_strdup (enlace_choice_label (enlace_json_string (o, "role")));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 value_row (self, enlace_json_string (o, "name"), sub, "device", device));
    }
  if (self->services->devices->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               value_row (self, _("No device"), _("No phone or computer is recorded in front of their outlets."), NULL, 0));
}

static void
tracer_changed_cb (EnlacePersonPage *self)
{
  reload (self);
}

static void
enlace_person_page_set_object (EnlacePage *page,
                               const char *kind,
                               gint64      id)
{
  EnlacePersonPage *self = ENLACE_PERSON_PAGE (page);

  enlace_page_follow_tracer (page, &self->tracer, &self->tracer_changed_id,
                             G_CALLBACK (tracer_changed_cb));
  reload (self);
}

static void
enlace_person_page_store_changed (EnlacePage      *page,
                                  EnlaceChangeSet *changes)
{
  if (changes->bulk ||
      enlace_change_set_touches (changes, "extension") ||
      enlace_change_set_touches (changes, "person") ||
      enlace_change_set_touches (changes, "area") ||
      enlace_change_set_touches (changes, "device") ||
      enlace_change_set_touches (changes, "space"))
    reload (ENLACE_PERSON_PAGE (page));
}

static void
edit_clicked_cb (EnlacePersonPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-object", "(sx)", "person",
                              enlace_page_get_object_id (ENLACE_PAGE (self)));
}

static void
enlace_person_page_dispose (GObject *object)
{
  EnlacePersonPage *self = ENLACE_PERSON_PAGE (object);

  if (self->tracer)
    g_clear_signal_handler (&self->tracer_changed_id, self->tracer);
  g_clear_object (&self->tracer);
  g_clear_pointer (&self->services, enlace_person_services_free);

  G_OBJECT_CLASS (enlace_person_page_parent_class)->dispose (object);
}

static void
enlace_person_page_class_init (EnlacePersonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_person_page_dispose;
  page_class->set_object = enlace_person_page_set_object;
  page_class->store_changed = enlace_person_page_store_changed;
}

static void
enlace_person_page_init (EnlacePersonPage *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *edit;

  gtk_widget_add_css_class (bar, "toolbar");
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  edit = gtk_button_new_with_mnemonic (_("_Edit"));
  gtk_widget_set_tooltip_text (edit, _("Edit the name, position, area and contact of this person"));
  g_signal_connect_swapped (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
  gtk_widget_set_hexpand (edit, TRUE);
  gtk_widget_set_halign (edit, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (bar), edit);
  gtk_box_append (GTK_BOX (outer), bar);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 18);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (outer), scroller);
  adw_bin_set_child (ADW_BIN (self), outer);
}

const EnlacePersonServices *
enlace_person_page_get_services (EnlacePersonPage *self)
{
  g_return_val_if_fail (ENLACE_IS_PERSON_PAGE (self), NULL);
  return self->services;
}
