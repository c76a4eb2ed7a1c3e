/* enlace-device-page.c: the page of a device */
#define G_LOG_DOMAIN "enlace-device-page"
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "enlace-current-order.h"
#include "enlace-device-page.h"
#include "enlace-kinds.h"
#include "enlace-object-cases.h"
#include "enlace-render-util.h"
#include "enlace-trace-paths.h"
#include "enlace-trace-view.h"

struct _EnlaceDevicePage
{
  EnlacePage          parent_instance;

  EnlaceTracer       *tracer;
  gulong              tracer_changed_id;
  EnlacePortPanel    *panel;
  EnlaceTraceDrawing *trace;
  gint64              selected;
  gint64              rack_id;

  GtkWidget          *info;
  GtkWidget          *comments;  /* the device's comments, hidden when none */
  GtkWidget          *rack_button;
  GtkWidget          *ports_area;
  GtkWidget          *port_box;
  GtkWidget          *port_title;
  GtkWidget          *connect_button;
  GtkWidget          *disconnect_button;
  GtkWidget          *trace_button;
  GtkWidget          *impact_button;
  GtkWidget          *trace_area;
  GtkWidget          *hint;
  GtkWidget          *cases;     /* its cases, open first (views/cases) */
};

G_DEFINE_FINAL_TYPE (EnlaceDevicePage, enlace_device_page, ENLACE_TYPE_PAGE)

static void
load_trace (EnlaceDevicePage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *title = NULL;
  double w = 0, h = 0;

  g_clear_pointer (&self->trace, enlace_trace_drawing_unref);
  if (store && self->tracer && self->selected > 0)
    {
      paths = enlace_tracer_trace_object (self->tracer, "port", self->selected, &title, NULL);
      if (paths)
        self->trace = enlace_trace_drawing_new (store, title, paths, NULL);
    }
  if (self->trace)
    enlace_trace_drawing_get_size (self->trace, &w, &h);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->trace_area), (int) ceil (w));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->trace_area), (int) ceil (h));
  gtk_widget_queue_draw (self->trace_area);
}

static void
update_port_box (EnlaceDevicePage *self)
{
  const EnlacePortInfo *p = self->panel && self->selected ? enlace_port_panel_find_port (self->panel, self->selected) : NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->port_box, p != NULL);
  gtk_widget_set_visible (self->hint, p == NULL && self->panel && enlace_port_panel_get_n_ports (self->panel) > 0);
  if (p == NULL)
    return;

  if (p->cable_id > 0)
    /* TRANSLATORS: "Port Gi1/0/1 (Interface) — cable PC-0001, Installed" */
    text = g_strdup_printf (_("Port %s (%s) — cable %s, %s"), p->name, enlace_choice_label (p->kind),
                            p->cable_label ? p->cable_label : "?", enlace_choice_label (p->cable_status));
  else if (p->state == ENLACE_PORT_RETIRED)
    text = g_strdup_printf (_("Port %s (%s) — retired with its device"), p->name, enlace_choice_label (p->kind));
  else
    text = g_strdup_printf (_("Port %s (%s) — free"), p->name, enlace_choice_label (p->kind));
  gtk_label_set_text (GTK_LABEL (self->port_title), text);
  gtk_widget_set_visible (self->connect_button, p->cable_id == 0);
  gtk_widget_set_visible (self->disconnect_button, p->cable_id > 0);
  /* the window's current order takes the disconnection instead */
  {
    g_autofree char *folio = enlace_current_order_dup_folio (GTK_WIDGET (self));
    g_autofree char *label = folio ? g_strdup_printf (_("Disconnect in order %s"), folio) : NULL;

    gtk_button_set_label (GTK_BUTTON (self->disconnect_button), label ? label : _("_Disconnect"));
    gtk_widget_set_tooltip_text (self->disconnect_button,
                                 label ? _("Add the disconnection to the order: the plant does not change until the order is executed")
                                       : _("Remove the cable on this port (it can be undone)"));
  }
}

void
enlace_device_page_select_port (EnlaceDevicePage *self,
                                gint64            port_id)
{
  g_return_if_fail (ENLACE_IS_DEVICE_PAGE (self));

  self->selected = port_id;
  if (self->panel)
    enlace_port_panel_set_selected (self->panel, port_id);
  gtk_widget_queue_draw (self->ports_area);
  load_trace (self);
  update_port_box (self);
}

static void
reload (EnlaceDevicePage *self)
{
  EnlacePage *page = ENLACE_PAGE (self);
  EnlaceStore *store = enlace_page_get_store (page);
  gint64 id = enlace_page_get_object_id (page);
  g_autoptr(JsonObject) device = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) info = g_string_new (NULL);
  double w = 0, h = 0;

  g_clear_pointer (&self->panel, enlace_port_panel_unref);
  self->rack_id = 0;
  if (store == NULL)
    return;

  if (!(device = enlace_store_get (store, "device", id, &error)) ||
      !(self->panel = enlace_port_panel_load (store, id, &error)))
    {
      if (g_error_matches (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND))
        enlace_page_set_title (page, _("This device no longer exists"));
      else
        {
          enlace_page_set_title (page, _("Device"));
          enlace_page_show_error (page, error);
        }
      enlace_page_set_subtitle (page, NULL);
      gtk_label_set_text (GTK_LABEL (self->info), "");
      gtk_widget_set_visible (self->comments, FALSE);
      self->selected = 0;
      update_port_box (self);
      gtk_widget_queue_draw (self->ports_area);
      return;
    }

  enlace_page_set_title (page, enlace_json_string (device, "name"));
  {
    gint64 space_id = enlace_json_int (device, "space_id", 0);
    const char *serial = enlace_json_string (device, "serial");

    /* the drawing names the type and role; this line says where it is */
    g_string_append (info, enlace_choice_label (enlace_json_string (device, "status")));
    self->rack_id = enlace_json_int (device, "rack_id", 0);
    if (self->rack_id > 0)
      {
        g_autoptr(JsonObject) rack = enlace_store_get (store, "rack", self->rack_id, NULL);
        double u = enlace_json_double (device, "u_position", 0);

        if (rack && space_id <= 0)
          space_id = enlace_json_int (rack, "space_id", 0);
        if (u > 0)
          g_string_append_printf (info, _(" · rack %s, U%g %s"), rack ? enlace_json_string (rack, "name") : "?", u,
                                  enlace_choice_label (enlace_json_string (device, "face")));
        else
          g_string_append_printf (info, _(" · rack %s"), rack ? enlace_json_string (rack, "name") : "?");
      }
    if (space_id > 0)
      {
        g_autofree char *key = enlace_store_dup_key (store, "space", space_id);
        g_string_append_printf (info, " · %s", key);
      }
    if (serial && *serial)
      g_string_append_printf (info, _(" · serial %s"), serial);
  }
  {
    static const char * const kinds[] = { "device", "outlet", NULL };
    enlace_object_cases_set_object (ENLACE_OBJECT_CASES (self->cases), store, kinds, id);
  }
  gtk_label_set_text (GTK_LABEL (self->info), info->str);
  enlace_page_set_subtitle (page, info->str);
  {
    const char *comments = enlace_json_string (device, "comments");
    gboolean any = comments && *comments;

    gtk_label_set_text (GTK_LABEL (self->comments), any ? comments : "");
    gtk_widget_set_visible (self->comments, any);
  }
  gtk_widget_set_sensitive (self->rack_button, self->rack_id > 0);

  enlace_port_panel_get_size (self->panel, &w, &h);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->ports_area), (int) ceil (w));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->ports_area), (int) ceil (h));

  if (self->selected && !enlace_port_panel_find_port (self->panel, self->selected))
    self->selected = 0;
  enlace_device_page_select_port (self, self->selected);
}

static void
tracer_changed_cb (EnlaceDevicePage *self)
{
  load_trace (self);
}

static void
enlace_device_page_set_object (EnlacePage *page,
                               const char *kind,
                               gint64      id)
{
  EnlaceDevicePage *self = ENLACE_DEVICE_PAGE (page);

  enlace_page_follow_tracer (page, &self->tracer, &self->tracer_changed_id,
                             G_CALLBACK (tracer_changed_cb));
  if (self->panel == NULL || enlace_port_panel_get_device_id (self->panel) != id)
    self->selected = 0;
  reload (self);
}

static void
enlace_device_page_store_changed (EnlacePage      *page,
                                  EnlaceChangeSet *changes)
{
  if (changes->bulk ||
      enlace_change_set_touches (changes, "device") ||
      enlace_change_set_touches (changes, "port") ||
      enlace_change_set_touches (changes, "cable") ||
      enlace_change_set_touches (changes, "cable_end") ||
      enlace_change_set_touches (changes, "rack") ||
      enlace_change_set_touches (changes, "device_type"))
    reload (ENLACE_DEVICE_PAGE (page));
}

/* Drawing and input */

static void
draw_ports_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  EnlaceDevicePage *self = data;

  if (self->panel)
    {
      /* a sheet of paper, also under a dark style */
      enlace_render_rounded_rect (cr, 0, 0, width, height, 8);
      cairo_set_source_rgb (cr, 0.985, 0.985, 0.98);
      cairo_fill (cr);
      enlace_port_panel_draw (self->panel, cr);
    }
}

static void
draw_trace_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  EnlaceDevicePage *self = data;

  if (self->trace)
    {
      enlace_render_rounded_rect (cr, 0, 0, width, height, 8);
      cairo_set_source_rgb (cr, 0.985, 0.985, 0.98);
      cairo_fill (cr);
      enlace_trace_drawing_draw (self->trace, cr);
    }
}

static void
ports_motion_cb (GtkEventControllerMotion *motion,
                 double                    x,
                 double                    y,
                 EnlaceDevicePage         *self)
{
  gint64 id;

  if (self->panel == NULL)
    return;
  id = enlace_port_panel_port_at (self->panel, x, y);
  enlace_port_panel_set_hover (self->panel, id);
  gtk_widget_set_cursor_from_name (self->ports_area, id ? "pointer" : NULL);
  gtk_widget_queue_draw (self->ports_area);
}

static void
ports_leave_cb (GtkEventControllerMotion *motion,
                EnlaceDevicePage         *self)
{
  if (self->panel)
    enlace_port_panel_set_hover (self->panel, 0);
  gtk_widget_queue_draw (self->ports_area);
}

static void
ports_pressed_cb (GtkGestureClick  *click,
                  int               n_press,
                  double            x,
                  double            y,
                  EnlaceDevicePage *self)
{
  gint64 id;

  if (self->panel == NULL)
    return;
  id = enlace_port_panel_port_at (self->panel, x, y);
  if (id == 0)
    return;
  gtk_widget_grab_focus (self->ports_area);
  enlace_device_page_select_port (self, id);
  if (n_press == 2)
    enlace_page_activate_object (ENLACE_PAGE (self), "trace/port", id);
}

static gboolean
ports_tooltip_cb (GtkWidget        *widget,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip,
                  EnlaceDevicePage *self)
{
  const EnlacePortInfo *p;
  g_autoptr(GString) s = NULL;
  gint64 id;

  if (self->panel == NULL || !(id = enlace_port_panel_port_at (self->panel, x, y)))
    return FALSE;
  p = enlace_port_panel_find_port (self->panel, id);
  s = g_string_new (p->name);
  g_string_append_printf (s, "\n%s · %s · %s", enlace_choice_label (p->kind), enlace_choice_label (p->medium), p->connector);
  if (p->positions > 1)
    g_string_append_printf (s, _("\n%d positions"), p->positions);
  if (p->label && *p->label)
    g_string_append_printf (s, _("\nLabel: %s"), p->label);
  if (p->cable_id)
    g_string_append_printf (s, _("\nCable %s (%s)"), p->cable_label ? p->cable_label : "?",
                            enlace_choice_label (p->cable_status));
  else
    g_string_append_printf (s, "\n%s", _("Free"));
  g_string_append_printf (s, "\n%s", _("Click to see its trace, double-click to open it"));
  gtk_tooltip_set_text (tooltip, s->str);
  return TRUE;
}

static void
trace_pressed_cb (GtkGestureClick  *click,
                  int               n_press,
                  double            x,
                  double            y,
                  EnlaceDevicePage *self)
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

      if (device_id == enlace_page_get_object_id (ENLACE_PAGE (self)))
        enlace_device_page_select_port (self, id);
      else if (device_id > 0)
        enlace_page_activate_object (ENLACE_PAGE (self), "device", device_id);
      return;
    }
  enlace_page_activate_object (ENLACE_PAGE (self), kind, id);
}

static gboolean
ports_key_cb (GtkEventControllerKey *key,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              EnlaceDevicePage      *self)
{
  guint n, cur = 0;

  if (self->panel == NULL || (n = enlace_port_panel_get_n_ports (self->panel)) == 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (enlace_port_panel_get_port (self->panel, i)->port_id == self->selected)
      cur = i;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      enlace_device_page_select_port (self, enlace_port_panel_get_port (self->panel, self->selected ? MIN (cur + 1, n - 1) : 0)->port_id);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      enlace_device_page_select_port (self, enlace_port_panel_get_port (self->panel, cur > 0 ? cur - 1 : 0)->port_id);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->selected)
        enlace_page_activate_object (ENLACE_PAGE (self), "trace/port", self->selected);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Buttons */

static void
connected_cb (EnlaceConnectDialog *dialog,
              gint64               cable_id,
              EnlaceDevicePage    *self)
{
  g_autofree char *label = enlace_store_dup_key (enlace_page_get_store (ENLACE_PAGE (self)), "cable", cable_id);
  g_autofree char *msg = g_strdup_printf (_("Cable %s connected"), label);

  enlace_page_show_message (ENLACE_PAGE (self), msg);
}

static void
added_to_order_cb (EnlaceConnectDialog *dialog,
                   guint                seq,
                   EnlaceDevicePage    *self)
{
  g_autofree char *msg = enlace_current_order_dup_added_text (GTK_WIDGET (self),
                                                              enlace_page_get_store (ENLACE_PAGE (self)), seq);

  enlace_page_show_message (ENLACE_PAGE (self), msg);
}

EnlaceConnectDialog *
enlace_device_page_connect (EnlaceDevicePage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  const EnlacePortInfo *p;
  EnlaceConnectDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (ENLACE_IS_DEVICE_PAGE (self), NULL);

  if (store == NULL || self->panel == NULL || self->selected == 0 ||
      !(p = enlace_port_panel_find_port (self->panel, self->selected)) || p->cable_id != 0)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = enlace_connect_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store, self->selected);
  g_signal_connect_object (dialog, "connected", G_CALLBACK (connected_cb), self, 0);
  g_signal_connect_object (dialog, "added-to-order", G_CALLBACK (added_to_order_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
connect_clicked_cb (EnlaceDevicePage *self)
{
  enlace_device_page_connect (self);
}

static void
disconnect_clicked_cb (EnlaceDevicePage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  const EnlacePortInfo *p = self->panel ? enlace_port_panel_find_port (self->panel, self->selected) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (store == NULL || p == NULL || p->cable_id == 0)
    return;
  label = g_strdup (p->cable_label);
  if (enlace_current_order_get_id (GTK_WIDGET (self), store) > 0)
    {
      /* the window's current order: the disconnection goes to the order */
      g_autofree char *target = label && *label ? g_strdup (label)
                                                : enlace_store_dup_key (store, "port", p->port_id);
      g_autoptr(JsonObject) values = json_object_new ();
      guint seq = enlace_current_order_add_change (GTK_WIDGET (self), store, "disconnect", target, values, &error);

      if (seq == 0)
        enlace_page_show_error (ENLACE_PAGE (self), error);
      else
        {
          g_autofree char *msg = enlace_current_order_dup_added_text (GTK_WIDGET (self), store, seq);
          enlace_page_show_message (ENLACE_PAGE (self), msg);
        }
      return;
    }
  /* undoable, and the window's toast offers Undo */
  if (!enlace_store_delete (store, "cable", p->cable_id, &error))
    enlace_page_show_error (ENLACE_PAGE (self), error);
  else
    {
      g_autofree char *msg = g_strdup_printf (_("Cable %s removed"), label ? label : "");
      enlace_page_show_message (ENLACE_PAGE (self), msg);
    }
}

static void
trace_clicked_cb (EnlaceDevicePage *self)
{
  if (self->selected)
    enlace_page_activate_object (ENLACE_PAGE (self), "trace/port", self->selected);
}

static void
impact_clicked_cb (EnlaceDevicePage *self)
{
  if (self->selected)
    enlace_page_activate_object (ENLACE_PAGE (self), "impact/port", self->selected);
}

static void
rack_clicked_cb (EnlaceDevicePage *self)
{
  if (self->rack_id)
    enlace_page_activate_object (ENLACE_PAGE (self), "rack", self->rack_id);
}

static void
trace_all_clicked_cb (EnlaceDevicePage *self)
{
  enlace_page_activate_object (ENLACE_PAGE (self), "trace/device", enlace_page_get_object_id (ENLACE_PAGE (self)));
}

static void
edit_clicked_cb (EnlaceDevicePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-object", "(sx)", "device",
                              enlace_page_get_object_id (ENLACE_PAGE (self)));
}

static void
device_impact_clicked_cb (EnlaceDevicePage *self)
{
  enlace_page_activate_object (ENLACE_PAGE (self), "impact/device", enlace_page_get_object_id (ENLACE_PAGE (self)));
}

static void
enlace_device_page_focus_main (EnlacePage *page)
{
  gtk_widget_grab_focus (ENLACE_DEVICE_PAGE (page)->ports_area);
}

static void
enlace_device_page_dispose (GObject *object)
{
  EnlaceDevicePage *self = ENLACE_DEVICE_PAGE (object);

  if (self->tracer)
    g_clear_signal_handler (&self->tracer_changed_id, self->tracer);
  g_clear_object (&self->tracer);
  g_clear_pointer (&self->panel, enlace_port_panel_unref);
  g_clear_pointer (&self->trace, enlace_trace_drawing_unref);

  G_OBJECT_CLASS (enlace_device_page_parent_class)->dispose (object);
}

static void
enlace_device_page_class_init (EnlaceDevicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_device_page_dispose;
  page_class->set_object = enlace_device_page_set_object;
  page_class->store_changed = enlace_device_page_store_changed;
  page_class->focus_main = enlace_device_page_focus_main;
}

static GtkWidget *
button (const char *label,
        const char *tooltip,
        GCallback   callback,
        gpointer    self)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  if (tooltip)
    gtk_widget_set_tooltip_text (b, tooltip);
  g_signal_connect_swapped (b, "clicked", callback, self);
  return b;
}

static void
enlace_device_page_init (EnlaceDevicePage *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *port_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *trace_click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (bar, "toolbar");
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  self->rack_button = button (_("Open _Rack"), _("Show the rack this device is mounted in"), G_CALLBACK (rack_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), self->rack_button);
  gtk_box_append (GTK_BOX (bar), button (_("Trace _All Ports"), NULL, G_CALLBACK (trace_all_clicked_cb), self));
  gtk_box_append (GTK_BOX (bar), button (_("What _breaks…"), _("What stops working if this device is removed"),
                                         G_CALLBACK (device_impact_clicked_cb), self));
  {
    GtkWidget *edit = button (_("_Edit"), _("Edit the name, type, status and place of this device"),
                              G_CALLBACK (edit_clicked_cb), self);

    gtk_widget_set_hexpand (edit, TRUE);
    gtk_widget_set_halign (edit, GTK_ALIGN_END);
    gtk_box_append (GTK_BOX (bar), edit);
  }
  gtk_box_append (GTK_BOX (outer), bar);
  /* status and where it is, in full */
  self->info = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->info), 0);
  gtk_label_set_wrap (GTK_LABEL (self->info), TRUE);
  gtk_widget_set_margin_start (self->info, 28);
  gtk_widget_set_margin_end (self->info, 12);
  gtk_widget_set_margin_top (self->info, 4);
  gtk_widget_add_css_class (self->info, "dim-label");
  gtk_box_append (GTK_BOX (outer), self->info);
  /* its comments ("retired in 2024, cable left in the wall") */
  self->comments = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->comments), 0);
  gtk_label_set_wrap (GTK_LABEL (self->comments), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->comments), TRUE);
  gtk_widget_set_margin_start (self->comments, 28);
  gtk_widget_set_margin_end (self->comments, 12);
  gtk_widget_set_margin_top (self->comments, 2);
  gtk_widget_set_visible (self->comments, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->comments),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comments"), -1);
  gtk_box_append (GTK_BOX (outer), self->comments);

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_bottom (content, 12);

  self->ports_area = gtk_drawing_area_new ();
  gtk_widget_set_halign (self->ports_area, GTK_ALIGN_START);
  gtk_widget_set_focusable (self->ports_area, TRUE);
  gtk_widget_set_has_tooltip (self->ports_area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->ports_area), draw_ports_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ports_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Ports of the device"), -1);
  g_signal_connect (motion, "motion", G_CALLBACK (ports_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (ports_leave_cb), self);
  gtk_widget_add_controller (self->ports_area, motion);
  g_signal_connect (click, "pressed", G_CALLBACK (ports_pressed_cb), self);
  gtk_widget_add_controller (self->ports_area, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (key, "key-pressed", G_CALLBACK (ports_key_cb), self);
  gtk_widget_add_controller (self->ports_area, key);
  g_signal_connect (self->ports_area, "query-tooltip", G_CALLBACK (ports_tooltip_cb), self);
  gtk_box_append (GTK_BOX (content), self->ports_area);

  self->hint = gtk_label_new (_("Click a port to see where it goes."));
  gtk_label_set_xalign (GTK_LABEL (self->hint), 0);
  gtk_widget_set_margin_start (self->hint, 16);
  gtk_widget_add_css_class (self->hint, "dim-label");
  gtk_box_append (GTK_BOX (content), self->hint);

  /* the selected port */
  self->port_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->port_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->port_title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->port_title), TRUE);
  gtk_widget_add_css_class (self->port_title, "title-4");
  gtk_widget_set_margin_start (self->port_title, 16);
  gtk_box_append (GTK_BOX (self->port_box), self->port_title);

  gtk_widget_set_margin_start (port_bar, 16);
  self->connect_button = button (_("_Connect…"), _("Connect this port to another one with a new cable"),
                                 G_CALLBACK (connect_clicked_cb), self);
  gtk_widget_add_css_class (self->connect_button, "suggested-action");
  gtk_box_append (GTK_BOX (port_bar), self->connect_button);
  self->disconnect_button = button (_("_Disconnect"), _("Remove the cable on this port (it can be undone)"),
                                    G_CALLBACK (disconnect_clicked_cb), self);
  gtk_widget_add_css_class (self->disconnect_button, "destructive-action");
  gtk_box_append (GTK_BOX (port_bar), self->disconnect_button);
  self->trace_button = button (_("Open _Trace"), _("Show the trace on its own page, to print or export it"),
                               G_CALLBACK (trace_clicked_cb), self);
  gtk_box_append (GTK_BOX (port_bar), self->trace_button);
  self->impact_button = button (_("What breaks if _unplugged…"), NULL, G_CALLBACK (impact_clicked_cb), self);
  gtk_box_append (GTK_BOX (port_bar), self->impact_button);
  gtk_box_append (GTK_BOX (self->port_box), port_bar);

  self->trace_area = gtk_drawing_area_new ();
  gtk_widget_set_halign (self->trace_area, GTK_ALIGN_START);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->trace_area), draw_trace_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->trace_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trace of the selected port"), -1);
  g_signal_connect (trace_click, "pressed", G_CALLBACK (trace_pressed_cb), self);
  gtk_widget_add_controller (self->trace_area, GTK_EVENT_CONTROLLER (trace_click));
  gtk_box_append (GTK_BOX (self->port_box), self->trace_area);
  gtk_widget_set_visible (self->port_box, FALSE);
  gtk_box_append (GTK_BOX (content), self->port_box);

  /* the cases that concern the device, open first */
  self->cases = enlace_object_cases_new ();
  gtk_widget_set_margin_top (self->cases, 12);
  gtk_widget_set_margin_start (self->cases, 16);
  gtk_widget_set_size_request (self->cases, 360, -1);
  gtk_widget_set_halign (self->cases, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (content), self->cases);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (outer), scroller);
  adw_bin_set_child (ADW_BIN (self), outer);
}

EnlacePortPanel *
enlace_device_page_get_panel (EnlaceDevicePage *self)
{
  g_return_val_if_fail (ENLACE_IS_DEVICE_PAGE (self), NULL);
  return self->panel;
}

gint64
enlace_device_page_get_selected_port (EnlaceDevicePage *self)
{
  g_return_val_if_fail (ENLACE_IS_DEVICE_PAGE (self), 0);
  return self->selected;
}

EnlaceTraceDrawing *
enlace_device_page_get_trace (EnlaceDevicePage *self)
{
  g_return_val_if_fail (ENLACE_IS_DEVICE_PAGE (self), NULL);
  return self->trace;
}

const char *
enlace_device_page_get_comments (EnlaceDevicePage *self)
{
  g_return_val_if_fail (ENLACE_IS_DEVICE_PAGE (self), NULL);
  if (!gtk_widget_get_visible (self->comments))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->comments));
}
