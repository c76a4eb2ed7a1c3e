/* enlace-rack-canvas.c: the interactive rack elevation */
#define G_LOG_DOMAIN "enlace-rack-canvas"
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "enlace-kinds.h"
#include "enlace-rack-canvas.h"
#include "enlace-render-util.h"

struct _EnlaceRackCanvas
{
  GtkWidget             parent_instance;

  EnlaceRackElevation  *elevation;
  GskRenderNode        *rendered;   /* cached drawing, dropped on any change */

  gint64                hover;
  gint64                selected;

  /* drag state */
  gint64                drag_device;
  EnlaceRackFace        drag_face;
  double                drag_x;
  double                drag_y;
  double                drag_grab_dy;  /* pointer below the device's top edge */
  double                drag_height;
  gboolean              drag_full_depth;
  double                drop_position;
  EnlaceRackFace        drop_face;
  gboolean              drop_ok;
};

enum {
  PROP_0,
  PROP_ELEVATION,
  PROP_SELECTED,
  N_PROPS
};

enum {
  MOVE_DEVICE,
  DEVICE_ACTIVATED,
  UNIT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EnlaceRackCanvas, enlace_rack_canvas, GTK_TYPE_WIDGET)

static void
invalidate (EnlaceRackCanvas *self)
{
  g_clear_pointer (&self->rendered, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
enlace_rack_canvas_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  EnlaceRackCanvas *self = ENLACE_RACK_CANVAS (widget);
  double w, h;

  if (self->elevation == NULL)
    return;

  enlace_rack_elevation_get_size (self->elevation, &w, &h);
  if (self->rendered == NULL)
    {
      GtkSnapshot *child = gtk_snapshot_new ();
      cairo_t *cr;

      enlace_rack_elevation_set_hover (self->elevation, self->hover);
      enlace_rack_elevation_set_selected (self->elevation, self->selected);
      if (self->drag_device && self->drop_position > 0)
        enlace_rack_elevation_set_drop (self->elevation, self->drop_face, self->drop_position,
                                        self->drag_height, self->drop_ok);
      else
        enlace_rack_elevation_set_drop (self->elevation, ENLACE_RACK_FACE_FRONT, 0, 0, FALSE);

      cr = gtk_snapshot_append_cairo (child, &GRAPHENE_RECT_INIT (0, 0, w, h));
      /* the drawing is a sheet of paper, also under a dark style */
      enlace_render_rounded_rect (cr, 0, 0, w, h, 8);
      cairo_set_source_rgb (cr, 0.985, 0.985, 0.98);
      cairo_fill (cr);
      enlace_rack_elevation_draw (self->elevation, cr);
      cairo_destroy (cr);
      self->rendered = gtk_snapshot_free_to_node (child);
    }
  if (self->rendered)
    gtk_snapshot_append_node (snapshot, self->rendered);
}

static void
enlace_rack_canvas_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  EnlaceRackCanvas *self = ENLACE_RACK_CANVAS (widget);
  double w = 0, h = 0;

  if (self->elevation)
    enlace_rack_elevation_get_size (self->elevation, &w, &h);
  *minimum = *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? w : h);
  *minimum_baseline = *natural_baseline = -1;
}

static void
set_hover (EnlaceRackCanvas *self,
           gint64            device_id)
{
  if (self->hover == device_id)
    return;
  self->hover = device_id;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), device_id ? "grab" : NULL);
  invalidate (self);
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           EnlaceRackCanvas         *self)
{
  if (self->elevation && self->drag_device == 0)
    set_hover (self, enlace_rack_elevation_device_at (self->elevation, x, y, NULL));
}

static void
leave_cb (GtkEventControllerMotion *motion,
          EnlaceRackCanvas         *self)
{
  set_hover (self, 0);
}

gboolean
enlace_rack_canvas_drag_begin (EnlaceRackCanvas *self,
                               double            x,
                               double            y)
{
  const EnlaceRackDevice *d;
  EnlaceRackFace face;
  gint64 id;
  double rx, ry, rw, rh;

  g_return_val_if_fail (ENLACE_IS_RACK_CANVAS (self), FALSE);

  self->drag_device = 0;
  if (self->elevation == NULL)
    return FALSE;
  id = enlace_rack_elevation_device_at (self->elevation, x, y, &face);
  if (id == 0 || !(d = enlace_rack_elevation_find_device (self->elevation, id)))
    return FALSE;

  enlace_rack_elevation_get_span_rect (self->elevation, face, d->position, d->height, &rx, &ry, &rw, &rh);
  self->drag_device = id;
  self->drag_face = face;
  self->drag_x = x;
  self->drag_y = y;
  self->drag_grab_dy = y - ry;
  self->drag_height = d->height;
  self->drag_full_depth = d->full_depth;
  self->drop_position = 0;
  enlace_rack_canvas_set_selected (self, id);
  return TRUE;
}

void
enlace_rack_canvas_drag_update (EnlaceRackCanvas *self,
                                double            dx,
                                double            dy)
{
  const EnlaceRackDevice *d;
  EnlaceRackFace face = self->drag_face;
  double x = self->drag_x + dx, y = self->drag_y + dy;
  double pos;
  int unit;

  g_return_if_fail (ENLACE_IS_RACK_CANVAS (self));

  if (self->drag_device == 0 || self->elevation == NULL)
    return;
  d = enlace_rack_elevation_find_device (self->elevation, self->drag_device);
  if (d == NULL)
    return;

  /* dragging across to the other face moves the device to that face */
  enlace_rack_elevation_unit_at (self->elevation, x, y, &face, &unit);
  pos = enlace_rack_elevation_position_for_top (self->elevation, y - self->drag_grab_dy, self->drag_height);

  self->drop_face = face;
  self->drop_position = pos;
  self->drop_ok = enlace_rack_elevation_fits (self->elevation, face, pos, self->drag_height,
                                              self->drag_full_depth, self->drag_device, NULL);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->drop_ok ? "grabbing" : "not-allowed");
  invalidate (self);
}

void
enlace_rack_canvas_drag_end (EnlaceRackCanvas *self,
                             double            dx,
                             double            dy)
{
  const EnlaceRackDevice *d;
  gint64 id;

  g_return_if_fail (ENLACE_IS_RACK_CANVAS (self));

  if (self->drag_device == 0)
    return;
  enlace_rack_canvas_drag_update (self, dx, dy);

  id = self->drag_device;
  d = self->elevation ? enlace_rack_elevation_find_device (self->elevation, id) : NULL;
  self->drag_device = 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->hover ? "grab" : NULL);
  invalidate (self);

  if (d == NULL || self->drop_position <= 0)
    return;
  if (d->position == self->drop_position && d->face == self->drop_face)
    return;
  /* even when our own check says no, ask the model: its message is the
   * one the user sees */
  g_signal_emit (self, signals[MOVE_DEVICE], 0, id,
                 self->drop_face == ENLACE_RACK_FACE_REAR ? "rear" : "front",
                 self->drop_position);
}

static void
gesture_begin_cb (GtkGestureDrag   *gesture,
                  double            x,
                  double            y,
                  EnlaceRackCanvas *self)
{
  if (!enlace_rack_canvas_drag_begin (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
gesture_update_cb (GtkGestureDrag   *gesture,
                   double            dx,
                   double            dy,
                   EnlaceRackCanvas *self)
{
  enlace_rack_canvas_drag_update (self, dx, dy);
}

static void
gesture_end_cb (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                EnlaceRackCanvas *self)
{
  enlace_rack_canvas_drag_end (self, dx, dy);
}

static void
click_pressed_cb (GtkGestureClick  *click,
                  int               n_press,
                  double            x,
                  double            y,
                  EnlaceRackCanvas *self)
{
  gint64 id;

  if (self->elevation == NULL)
    return;
  id = enlace_rack_elevation_device_at (self->elevation, x, y, NULL);
  enlace_rack_canvas_set_selected (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press == 2 && id > 0)
    g_signal_emit (self, signals[DEVICE_ACTIVATED], 0, id);
  else if (n_press == 2)
    {
      EnlaceRackFace face;
      int unit;

      /* a free unit: offer to put a device there */
      if (enlace_rack_elevation_unit_at (self->elevation, x, y, &face, &unit))
        g_signal_emit (self, signals[UNIT_ACTIVATED], 0,
                       face == ENLACE_RACK_FACE_REAR ? "rear" : "front", unit);
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *key,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                EnlaceRackCanvas      *self)
{
  const EnlaceRackDevice *d;
  double step;

  if (self->elevation == NULL || self->selected == 0)
    return FALSE;
  d = enlace_rack_elevation_find_device (self->elevation, self->selected);
  if (d == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      g_signal_emit (self, signals[DEVICE_ACTIVATED], 0, d->device_id);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_Down:
      /* keyboard move: one unit up or down */
      step = keyval == GDK_KEY_Up ? 1 : -1;
      if (d->position > 0)
        g_signal_emit (self, signals[MOVE_DEVICE], 0, d->device_id,
                       d->face == ENLACE_RACK_FACE_REAR ? "rear" : "front",
                       d->position + step);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
enlace_rack_canvas_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  EnlaceRackCanvas *self = ENLACE_RACK_CANVAS (widget);
  const EnlaceRackDevice *d;
  g_autoptr(GString) s = NULL;
  EnlaceRackFace face;
  gint64 id;
  int unit;

  if (self->elevation == NULL)
    return FALSE;
  id = enlace_rack_elevation_device_at (self->elevation, x, y, &face);
  if (id == 0)
    {
      g_autofree char *text = NULL;

      if (!enlace_rack_elevation_unit_at (self->elevation, x, y, &face, &unit))
        return FALSE;
      text = g_strdup_printf (_("Unit %d (%s) is free: double-click to add a device here"), unit,
                              face == ENLACE_RACK_FACE_FRONT ? _("front") : _("rear"));
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }
  d = enlace_rack_elevation_find_device (self->elevation, id);
  s = g_string_new (d->name);
  if (d->type_label)
    g_string_append_printf (s, "\n%s", d->type_label);
  g_string_append_printf (s, "\n%s · %s", enlace_choice_label (d->role), enlace_choice_label (d->status));
  if (d->height > 1)
    g_string_append_printf (s, _("\nUnits %g–%g, %s"), d->position, d->position + d->height - 1,
                            d->face == ENLACE_RACK_FACE_FRONT ? _("front") : _("rear"));
  else
    g_string_append_printf (s, _("\nUnit %g, %s"), d->position,
                            d->face == ENLACE_RACK_FACE_FRONT ? _("front") : _("rear"));
  if (d->full_depth)
    g_string_append_printf (s, "\n%s", _("Full depth: takes the unit on both faces"));
  g_string_append_printf (s, "\n%s", _("Drag to move, double-click to open"));
  gtk_tooltip_set_text (tooltip, s->str);
  return TRUE;
}

static void
enlace_rack_canvas_dispose (GObject *object)
{
  EnlaceRackCanvas *self = ENLACE_RACK_CANVAS (object);

  g_clear_pointer (&self->rendered, gsk_render_node_unref);
  g_clear_pointer (&self->elevation, enlace_rack_elevation_unref);

  G_OBJECT_CLASS (enlace_rack_canvas_parent_class)->dispose (object);
}

static void
enlace_rack_canvas_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EnlaceRackCanvas *self = ENLACE_RACK_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ELEVATION:
      g_value_set_boxed (value, self->elevation);
      break;
    case PROP_SELECTED:
      g_value_set_int64 (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enlace_rack_canvas_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EnlaceRackCanvas *self = ENLACE_RACK_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ELEVATION:
      enlace_rack_canvas_set_elevation (self, g_value_get_boxed (value));
      break;
    case PROP_SELECTED:
      enlace_rack_canvas_set_selected (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enlace_rack_canvas_class_init (EnlaceRackCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enlace_rack_canvas_dispose;
  object_class->get_property = enlace_rack_canvas_get_property;
  object_class->set_property = enlace_rack_canvas_set_property;

  widget_class->snapshot = enlace_rack_canvas_snapshot;
  widget_class->measure = enlace_rack_canvas_measure;
  widget_class->query_tooltip = enlace_rack_canvas_query_tooltip;

  properties[PROP_ELEVATION] =
    g_param_spec_boxed ("elevation", NULL, NULL, ENLACE_TYPE_RACK_ELEVATION,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] =
    g_param_spec_int64 ("selected", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::move-device (device_id, face "front"|"rear", position) */
  signals[MOVE_DEVICE] =
    g_signal_new ("move-device", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_DOUBLE);
  signals[DEVICE_ACTIVATED] =
    g_signal_new ("device-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* ::unit-activated (face "front"|"rear", unit): a free unit double-clicked */
  signals[UNIT_ACTIVATED] =
    g_signal_new ("unit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
enlace_rack_canvas_init (EnlaceRackCanvas *self)
{
  GtkEventController *motion;
  GtkEventController *key;
  GtkGesture *drag;
  GtkGesture *click;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (gesture_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (gesture_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (gesture_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

GtkWidget *
enlace_rack_canvas_new (void)
{
  return g_object_new (ENLACE_TYPE_RACK_CANVAS, NULL);
}

EnlaceRackElevation *
enlace_rack_canvas_get_elevation (EnlaceRackCanvas *self)
{
  g_return_val_if_fail (ENLACE_IS_RACK_CANVAS (self), NULL);
  return self->elevation;
}

void
enlace_rack_canvas_set_elevation (EnlaceRackCanvas    *self,
                                  EnlaceRackElevation *elevation)
{
  g_return_if_fail (ENLACE_IS_RACK_CANVAS (self));

  if (self->elevation == elevation)
    return;
  g_clear_pointer (&self->elevation, enlace_rack_elevation_unref);
  if (elevation)
    self->elevation = enlace_rack_elevation_ref (elevation);
  self->drag_device = 0;
  if (self->elevation && self->selected &&
      !enlace_rack_elevation_find_device (self->elevation, self->selected))
    self->selected = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEVATION]);
}

gint64
enlace_rack_canvas_get_selected (EnlaceRackCanvas *self)
{
  g_return_val_if_fail (ENLACE_IS_RACK_CANVAS (self), 0);
  return self->selected;
}

void
enlace_rack_canvas_set_selected (EnlaceRackCanvas *self,
                                 gint64            device_id)
{
  g_return_if_fail (ENLACE_IS_RACK_CANVAS (self));

  if (self->selected == device_id)
    return;
  self->selected = device_id;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}
