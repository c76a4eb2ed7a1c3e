/* enlace-extension-page.c: the page of a phone extension */
#define G_LOG_DOMAIN "enlace-extension-page"
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "enlace-extension-history-view.h"
#include "enlace-extension-page.h"
#include "enlace-kinds.h"
#include "enlace-object-cases.h"
#include "enlace-render-util.h"
#include "enlace-trace-paths.h"

struct _EnlaceExtensionPage
{
  EnlacePage           parent_instance;

  EnlaceTracer        *tracer;
  gulong               tracer_changed_id;
  EnlaceExtensionLine *line;
  EnlaceTraceDrawing  *trace;

  GtkWidget           *details;   /* AdwPreferencesGroup, rebuilt */
  GtkWidget           *line_group;
  GtkWidget           *box;       /* holds the two groups */
  GtkWidget           *trace_button;
  GtkWidget           *trace_area;
  GtkWidget           *history;
  GtkWidget           *cases;
};

G_DEFINE_FINAL_TYPE (EnlaceExtensionPage, enlace_extension_page, ENLACE_TYPE_PAGE)

static void
row_activated_cb (AdwActionRow        *row,
                  EnlaceExtensionPage *self)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "id"));

  if (kind && id > 0)
    enlace_page_activate_object (ENLACE_PAGE (self), kind, id);
}

/* A row "title: value" that wraps rather than cuts; when @kind is given,
 * it opens that object. */
static GtkWidget *
value_row (EnlaceExtensionPage *self,
           const char          *title,
           const char          *value,
           const char          *kind,
           gint64               id)
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
new_group (EnlaceExtensionPage *self,
           GtkWidget          **slot,
           const char          *title)
{
  if (*slot)
    gtk_box_remove (GTK_BOX (self->box), *slot);
  *slot = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (*slot), title);
  gtk_box_append (GTK_BOX (self->box), *slot);
  return *slot;
}

static void
load_trace (EnlaceExtensionPage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  gint64 id = enlace_page_get_object_id (ENLACE_PAGE (self));
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *title = NULL;
  double w = 0, h = 0;

  g_clear_pointer (&self->trace, enlace_trace_drawing_unref);
  if (store && self->tracer && self->line && self->line->pbx_port_id > 0)
    {
      /* short: the drawing's column is narrow (the page's title says the rest) */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Extension %s", "Extensions %s", 1), self->line->number);
      paths = enlace_tracer_trace_object (self->tracer, "extension", id, NULL, NULL);
      if (paths)
        self->trace = enlace_trace_drawing_new (store, title, paths, NULL);
    }
  if (self->trace)
    enlace_trace_drawing_get_size (self->trace, &w, &h);
  gtk_widget_set_visible (self->trace_area, self->trace != NULL);
  gtk_widget_set_sensitive (self->trace_button, self->trace != NULL);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->trace_area), (int) ceil (w));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->trace_area), (int) ceil (h));
  gtk_widget_queue_draw (self->trace_area);
}

static void
reload (EnlaceExtensionPage *self)
{
  EnlacePage *page = ENLACE_PAGE (self);
  EnlaceStore *store = enlace_page_get_store (page);
  gint64 id = enlace_page_get_object_id (page);
  g_autoptr(JsonObject) ext = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *holder = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  gint64 person_id, area_id;
  GtkWidget *group;

  g_clear_pointer (&self->line, enlace_extension_line_free);
  if (store == NULL || self->tracer == NULL)
    return;

  if (!(ext = enlace_store_get (store, "extension", id, &error)) ||
      !(self->line = enlace_tracer_extension_line (self->tracer, id, &error)))
    {
      enlace_page_set_title (page, g_error_matches (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND) ?
                                   _("This extension no longer exists") : _("Extension"));
      enlace_page_set_subtitle (page, NULL);
      if (!g_error_matches (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND))
        enlace_page_show_error (page, error);
      new_group (self, &self->details, "");
      new_group (self, &self->line_group, "");
      enlace_extension_history_view_set_extension (ENLACE_EXTENSION_HISTORY_VIEW (self->history), NULL, 0);
      enlace_object_cases_set_object (ENLACE_OBJECT_CASES (self->cases), NULL, NULL, 0);
      load_trace (self);
      return;
    }

  /* TRANSLATORS: the title of an extension's page, "Extension 2001" */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Extension %s", "Extensions %s", 1), self->line->number);
  enlace_page_set_title (page, title);

  person_id = enlace_json_int (ext, "person_id", 0);
  area_id = enlace_json_int (ext, "area_id", 0);
  if (person_id > 0)
    holder = enlace_store_dup_key (store, "person", person_id);
  else
    holder = g_strdup (enlace_json_string (ext, "holder"));
  if (holder && *holder)
    g_string_append_printf (subtitle, "%s · ", holder);
  g_string_append (subtitle, enlace_choice_label (self->line->status));
  enlace_page_set_subtitle (page, subtitle->str);

  group = new_group (self, &self->details, _("Extension"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (self, _("Number"), self->line->number, NULL, 0));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             value_row (self, _("Holder"), holder, person_id > 0 ? "person" : NULL, person_id));
  {
    g_autoptr(JsonObject) area = area_id > 0 ? enlace_store_get (store, "area", area_id, NULL) : NULL;

    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               value_row (self, _("Area"), area ? enlace_json_string (area, "name") : NULL, NULL, 0));
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             value_row (self, _("Status"), enlace_choice_label (self->line->status), NULL, 0));

  group = new_group (self, &self->line_group, _("Line"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("From the port of the conmutador to the outlet jack where the phone is plugged in."));
  {
    EnlaceTerm term = { ENLACE_TERM_PORT, self->line->pbx_port_id };
    g_autofree char *pbx = self->line->pbx_port_id > 0 ? enlace_store_dup_term_key (store, &term) : NULL;
    gint64 pbx_device = self->line->pbx_port_id > 0 ? enlace_tracer_get_port_device (self->tracer, self->line->pbx_port_id) : 0;

    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               value_row (self, _("Port of the conmutador"),
                                          pbx ? pbx : _("It rides on no port"), "device", pbx_device));
  }
  {
    EnlaceTerm term = { ENLACE_TERM_PORT, self->line->jack_id };
    g_autofree char *jack = self->line->jack_id > 0 ? enlace_store_dup_term_key (store, &term) : NULL;
    g_autofree char *place = enlace_tracer_dup_place (self->tracer, "device", self->line->outlet_id);
    g_autofree char *value = NULL;

    if (jack && place)
      value = g_strdup_printf ("%s — %s", jack, place);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               value_row (self, _("Outlet jack"),
                                          value ? value : jack ? jack : _("The line reaches no outlet"),
                                          "device", self->line->outlet_id));
  }
  if (self->line->device_id > 0)
    {
      g_autofree char *name = enlace_store_dup_key (store, "device", self->line->device_id);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 value_row (self, _("Device at the jack"), name, "device", self->line->device_id));
    }
  if (self->line->state < ENLACE_N_PATH_STATES)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               value_row (self, _("State of the line"), enlace_path_state_label (self->line->state), NULL, 0));

  enlace_extension_history_view_set_extension (ENLACE_EXTENSION_HISTORY_VIEW (self->history), store, id);
  {
    static const char * const kinds[] = { "extension", NULL };

    enlace_object_cases_set_object (ENLACE_OBJECT_CASES (self->cases), store, kinds, id);
  }
  load_trace (self);
}

static void
tracer_changed_cb (EnlaceExtensionPage *self)
{
  reload (self);
}

static void
enlace_extension_page_set_object (EnlacePage *page,
                                  const char *kind,
                                  gint64      id)
{
  EnlaceExtensionPage *self = ENLACE_EXTENSION_PAGE (page);

  enlace_page_follow_tracer (page, &self->tracer, &self->tracer_changed_id,
                             G_CALLBACK (tracer_changed_cb));
  reload (self);
}

static void
enlace_extension_page_store_changed (EnlacePage      *page,
                                     EnlaceChangeSet *changes)
{
  /* the tracer's ::changed reloads after cabling edits */
  if (changes->bulk ||
      enlace_change_set_touches (changes, "extension") ||
      enlace_change_set_touches (changes, "person") ||
      enlace_change_set_touches (changes, "area") ||
      enlace_change_set_touches (changes, "device") ||
      enlace_change_set_touches (changes, "space"))
    reload (ENLACE_EXTENSION_PAGE (page));
}

static void
draw_trace_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  EnlaceExtensionPage *self = data;

  if (self->trace)
    {
      enlace_render_rounded_rect (cr, 0, 0, width, height, 8);
      cairo_set_source_rgb (cr, 0.985, 0.985, 0.98);
      cairo_fill (cr);
      enlace_trace_drawing_draw (self->trace, cr);
    }
}

static void
trace_pressed_cb (GtkGestureClick     *click,
                  int                  n_press,
                  double               x,
                  double               y,
                  EnlaceExtensionPage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  const char *kind = NULL;
  gint64 id = 0;

  if (self->trace == NULL || !enlace_trace_drawing_hit (self->trace, x, y, &kind, &id))
    return;
  if (g_strcmp0 (kind, "port") == 0 && store)
    {
      g_autoptr(JsonObject) port = enlace_store_get (store, "port", id, NULL);
      gint64 device_id = port ? enlace_json_int (port, "device_id", 0) : 0;

      if (device_id > 0)
        enlace_page_activate_object (ENLACE_PAGE (self), "device", device_id);
      return;
    }
  enlace_page_activate_object (ENLACE_PAGE (self), kind, id);
}

static void
trace_clicked_cb (EnlaceExtensionPage *self)
{
  enlace_page_activate_object (ENLACE_PAGE (self), "trace/extension",
                               enlace_page_get_object_id (ENLACE_PAGE (self)));
}

static void
edit_clicked_cb (EnlaceExtensionPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-object", "(sx)", "extension",
                              enlace_page_get_object_id (ENLACE_PAGE (self)));
}

static void
enlace_extension_page_dispose (GObject *object)
{
  EnlaceExtensionPage *self = ENLACE_EXTENSION_PAGE (object);

  if (self->tracer)
    g_clear_signal_handler (&self->tracer_changed_id, self->tracer);
  g_clear_object (&self->tracer);
  g_clear_pointer (&self->line, enlace_extension_line_free);
  g_clear_pointer (&self->trace, enlace_trace_drawing_unref);

  G_OBJECT_CLASS (enlace_extension_page_parent_class)->dispose (object);
}

static void
enlace_extension_page_class_init (EnlaceExtensionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_extension_page_dispose;
  page_class->set_object = enlace_extension_page_set_object;
  page_class->store_changed = enlace_extension_page_store_changed;
}

static void
enlace_extension_page_init (EnlaceExtensionPage *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *edit;
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (bar, "toolbar");
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  self->trace_button = gtk_button_new_with_mnemonic (_("Open _Trace"));
  gtk_widget_set_tooltip_text (self->trace_button, _("Show the trace on its own page, to print or export it"));
  g_signal_connect_swapped (self->trace_button, "clicked", G_CALLBACK (trace_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), self->trace_button);
  edit = gtk_button_new_with_mnemonic (_("_Edit"));
  gtk_widget_set_tooltip_text (edit, _("Edit the number, holder, area, status and port of this extension"));
  g_signal_connect_swapped (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
  gtk_widget_set_hexpand (edit, TRUE);
  gtk_widget_set_halign (edit, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (bar), edit);
  gtk_box_append (GTK_BOX (outer), bar);

  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);
  gtk_box_append (GTK_BOX (content), clamp);

  self->trace_area = gtk_drawing_area_new ();
  gtk_widget_set_halign (self->trace_area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->trace_area), draw_trace_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->trace_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trace of the extension's line"), -1);
  g_signal_connect (click, "pressed", G_CALLBACK (trace_pressed_cb), self);
  gtk_widget_add_controller (self->trace_area, GTK_EVENT_CONTROLLER (click));
  gtk_box_append (GTK_BOX (content), self->trace_area);

  self->history = enlace_extension_history_view_new ();
  gtk_box_append (GTK_BOX (content), self->history);

  self->cases = enlace_object_cases_new ();
  gtk_widget_set_size_request (self->cases, 360, -1);
  gtk_widget_set_halign (self->cases, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (content), self->cases);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (outer), scroller);
  adw_bin_set_child (ADW_BIN (self), outer);
}

const EnlaceExtensionLine *
enlace_extension_page_get_line (EnlaceExtensionPage *self)
{
  g_return_val_if_fail (ENLACE_IS_EXTENSION_PAGE (self), NULL);
  return self->line;
}

EnlaceTraceDrawing *
enlace_extension_page_get_trace (EnlaceExtensionPage *self)
{
  g_return_val_if_fail (ENLACE_IS_EXTENSION_PAGE (self), NULL);
  return self->trace;
}
