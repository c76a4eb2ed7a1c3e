/* enlace-plan-page.c: the floor-plan editor page (kind "plan", id = floor) */
#define G_LOG_DOMAIN "enlace-plan-page"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "enlace-kinds.h"
#include "enlace-labels-dialog.h"
#include "enlace-plan-page.h"
#include "enlace-design-dialog.h"
#include "enlace-install-order.h"
#include "enlace-plan-sheet.h"
#include "enlace-rules-refs.h"
#include "enlace-trace.h"

struct _EnlacePlanPage
{
  EnlacePage         parent_instance;

  EnlaceTracer      *tracer;
  EnlacePlanCanvas  *canvas;
  GtkWidget         *tool_buttons[ENLACE_PLAN_TOOL_ACCESS_POINT + 1];
  GtkDropDown       *pathway_kind;
  GtkDropDown       *outlet_kind;
  GtkDropDown       *coloring;
  GtkToggleButton   *snap;
  GtkSearchEntry    *search;
  GtkWidget         *layer_checks[10];
  gint64             shown_floor;    /* the floor last shown (set_object) */
  GtkScrollbar      *hscrollbar;
  GtkScrollbar      *vscrollbar;
  GtkAdjustment     *opacity;
  GtkAdjustment     *bg_x;
  GtkAdjustment     *bg_y;
  GtkAdjustment     *bg_rotation;
  GtkAdjustment     *north;
  GtkSwitch         *locked;
  GtkWidget         *bg_controls;
  GtkDropDown       *paper;
  GtkDropDown       *scale;
  GtkToggleButton   *landscape;
  GtkLabel          *side_title;
  GtkLabel          *side_text;
  GtkBox            *side_actions;
  GtkButton         *checks_button;
  GtkImage          *checks_icon;
  GtkLabel          *checks_count;
  /* The live check of the floor (model/rules), rerun after each command. */
  EnlaceRuleReport  *report;
  double             check_ms;
  guint              commit_bg_id;
  gboolean           loading_bg;

  /* The first calibration measure, to check a second one against. */
  gboolean           have_measure;
  EnlaceMeasure      first_measure;
};

G_DEFINE_FINAL_TYPE (EnlacePlanPage, enlace_plan_page, ENLACE_TYPE_PAGE)

/* The tool buttons and layer checks of the template, in the order of
 * EnlacePlanTool and of the layer bits. */
static const char * const tool_ids[] = {
  "tool_select", "tool_pan", "tool_measure", "tool_calibrate", "tool_wall",
  "tool_space", "tool_pathway", "tool_outlet", "tool_rack", "tool_access_point",
};

static const struct { guint bit; const char *id; } layers[] = {
  { ENLACE_PLAN_LAYER_BACKGROUND, "layer_background" },
  { ENLACE_PLAN_LAYER_SPACES, "layer_spaces" },
  { ENLACE_PLAN_LAYER_WALLS, "layer_walls" },
  { ENLACE_PLAN_LAYER_PATHWAYS, "layer_pathways" },
  { ENLACE_PLAN_LAYER_OUTLETS_DATA, "layer_outlets_data" },
  { ENLACE_PLAN_LAYER_OUTLETS_VOICE, "layer_outlets_voice" },
  { ENLACE_PLAN_LAYER_RACKS, "layer_racks" },
  { ENLACE_PLAN_LAYER_DEVICES, "layer_devices" },
  { ENLACE_PLAN_LAYER_LABELS, "layer_labels" },
  { ENLACE_PLAN_LAYER_ROUTES, "layer_routes" },
};

static const char * const pathway_kinds[] = { "tray", "conduit", "raceway", NULL };
/* The jacks of the items of the outlet_kind drop-down, in its order. */
static const struct { guint data, voice; } outlet_kinds[] = {
  { 1, 1 },
  { 2, 0 },
  { 2, 1 },
  { 1, 0 },
  { 4, 0 },
};
/* The items of the scale drop-down (0: fit to the page). */
static const guint scales[] = { 50, 100, 200, 500, 0 };

static EnlaceStore *
store_of (EnlacePlanPage *self)
{
  return enlace_page_get_store (ENLACE_PAGE (self));
}

EnlacePlanCanvas *
enlace_plan_page_get_canvas (EnlacePlanPage *self)
{
  g_return_val_if_fail (ENLACE_IS_PLAN_PAGE (self), NULL);
  return self->canvas;
}

/* ---------------------------------------------------------------- side panel */

static void
on_open_clicked (GtkButton      *button,
                 EnlacePlanPage *self)
{
  const char *kind = g_object_get_data (G_OBJECT (button), "kind");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));

  enlace_page_activate_object (ENLACE_PAGE (self), kind, id);
}

static void
add_action (EnlacePlanPage *self,
            const char     *label,
            const char     *kind,
            gint64          id)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_halign (button, GTK_ALIGN_FILL);
  g_object_set_data_full (G_OBJECT (button), "kind", g_strdup (kind), g_free);
  g_object_set_data (G_OBJECT (button), "id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_open_clicked), self);
  gtk_box_append (self->side_actions, button);
}

static void
update_side (EnlacePlanPage *self)
{
  GPtrArray *selection = enlace_plan_canvas_get_selection (self->canvas);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->side_actions))))
    gtk_box_remove (self->side_actions, child);

  if (selection->len == 0)
    {
      EnlacePlanScene *scene = enlace_plan_canvas_get_scene (self->canvas);
      guint outlets = 0, jacks = 0, live = 0, served = 0;

      gtk_label_set_text (self->side_title, _("Nothing selected"));
      if (scene)
        {
          g_autofree char *text = NULL;

          for (guint i = 0; i < scene->items->len; i++)
            {
              EnlacePlanItem *item = g_ptr_array_index (scene->items, i);

              if (item->kind != ENLACE_PLAN_ITEM_DEVICE || g_strcmp0 (item->type, "outlet") != 0)
                continue;
              outlets++;
              for (guint k = 0; item->jacks && k < item->jacks->len; k++)
                {
                  jacks++;
                  live += ((EnlacePlanJack *)g_ptr_array_index (item->jacks, k))->state == ENLACE_JACK_LIVE;
                  served += ((EnlacePlanJack *)g_ptr_array_index (item->jacks, k))->state == ENLACE_JACK_SERVED;
                }
            }
          text = g_strdup_printf (_("%u outlets on this floor, %u jacks: %u in service, %u served up to the jack.\n\n"
                                    "Click something to see what it is; double-click to open it. "
                                    "Hover an outlet to see where its jacks go."),
                                  outlets, jacks, live, served);
          gtk_label_set_text (self->side_text, text);
        }
      else
        gtk_label_set_text (self->side_text, "");
      return;
    }

  if (selection->len > 1)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item selected", "%u items selected",
                                                             selection->len), selection->len);

      gtk_label_set_text (self->side_title, title);
      gtk_label_set_text (self->side_text, _("Drag to move them together, R to rotate, Supr to delete, Ctrl+C and Ctrl+V to copy."));
      return;
    }

  {
    EnlacePlanItem *item = g_ptr_array_index (selection, 0);
    g_autofree char *text = enlace_plan_canvas_describe (self->canvas, item);

    gtk_label_set_text (self->side_title, item->name ? item->name : _("Wall"));
    gtk_label_set_markup (self->side_text, text);
    switch (item->kind)
      {
      case ENLACE_PLAN_ITEM_SPACE:
        add_action (self, _("Open the space"), "space", item->id);
        break;
      case ENLACE_PLAN_ITEM_RACK:
        add_action (self, _("Open the rack"), "rack", item->id);
        add_action (self, _("What breaks without it"), "impact/rack", item->id);
        break;
      case ENLACE_PLAN_ITEM_DEVICE:
        add_action (self, _("Open the device"), "device", item->id);
        for (guint i = 0; item->jacks && i < item->jacks->len; i++)
          {
            EnlacePlanJack *jack = g_ptr_array_index (item->jacks, i);
            g_autofree char *label = g_strdup_printf (_("Trace jack %s"), jack->name);

            add_action (self, label, "trace/port", jack->port_id);
          }
        add_action (self, _("What breaks without it"), "impact/device", item->id);
        break;
      case ENLACE_PLAN_ITEM_WALL:
        add_action (self, _("Edit the wall"), "wall", item->id);
        break;
      case ENLACE_PLAN_ITEM_PATHWAY:
        add_action (self, _("Edit the pathway"), "pathway", item->id);
        break;
      default:
        break;
      }
  }
}

static void
on_item_activated (EnlacePlanPage *self,
                   int             kind,
                   gint64          id)
{
  static const char * const kinds[] = { "space", "wall", "pathway", "rack", "device" };

  if (kind >= 0 && kind < (int)G_N_ELEMENTS (kinds))
    enlace_page_activate_object (ENLACE_PAGE (self), kinds[kind], id);
}

static void
on_message (EnlacePlanPage *self,
            const char     *text)
{
  enlace_page_show_message (ENLACE_PAGE (self), text);
}

static void
on_measured (EnlacePlanPage *self,
             double          metres)
{
  g_autofree char *text = g_strdup_printf (_("Distance: %.2f m"), metres);

  enlace_page_show_message (ENLACE_PAGE (self), text);
}

/* ---------------------------------------------------------------- dialogs */

static GtkWindow *
parent_window (EnlacePlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static AdwMessageDialog *
new_dialog (EnlacePlanPage *self,
            const char     *heading,
            const char     *body,
            const char     *ok)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", ok, NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

gboolean
enlace_plan_page_calibrate (EnlacePlanPage  *self,
                            double           x1,
                            double           y1,
                            double           x2,
                            double           y2,
                            double           real_m,
                            GError         **error)
{
  EnlaceMeasure m = { { x1, y1 }, { x2, y2 }, real_m };
  EnlacePlanScene *scene = enlace_plan_canvas_get_scene (self->canvas);
  g_autoptr(JsonObject) values = json_object_new ();
  double scale = enlace_calibrate (&m, error);

  if (scale == 0 || scene == NULL)
    return FALSE;
  if (scene->plan_id == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Load the architect's plan first: there is nothing to calibrate"));
      return FALSE;
    }
  json_object_set_double_member (values, "scale", scale);
  if (!enlace_store_update (store_of (self), "floor-plan", scene->plan_id, values, error))
    return FALSE;

  if (self->have_measure)
    {
      double da = atan2 (m.b.y - m.a.y, m.b.x - m.a.x);
      double db = atan2 (self->first_measure.b.y - self->first_measure.a.y,
                         self->first_measure.b.x - self->first_measure.a.x);
      double angle = fabs (remainder (da - db, G_PI));

      /* Only a measure at another angle tells about stretching. */
      if (angle > G_PI / 8)
        {
          double stretch = enlace_calibration_stretch (&self->first_measure, &m);

          if (stretch > ENLACE_STRETCH_TOLERANCE)
            {
              g_autofree char *msg = g_strdup_printf (_("The plan is stretched: across and along differ by %.1f %%. "
                                                        "Scan it again or check the two distances."), stretch * 100);
              enlace_page_show_message (ENLACE_PAGE (self), msg);
            }
          else
            enlace_page_show_message (ENLACE_PAGE (self), _("The second measure agrees: the plan is not stretched"));
        }
    }
  else
    {
      g_autofree char *msg = g_strdup_printf (_("Calibrated: %.4g m per unit. Measure once more at another angle to check for stretching."),
                                              scale);
      enlace_page_show_message (ENLACE_PAGE (self), msg);
    }
  self->first_measure = m;
  self->have_measure = TRUE;
  return TRUE;
}

typedef struct
{
  EnlacePlanPage *self;
  double          x1, y1, x2, y2;
  GtkSpinButton  *spin;
} CalibrateData;

static void
on_calibrate_response (AdwMessageDialog *dialog,
                       const char       *response,
                       CalibrateData    *data)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "ok") == 0 &&
      !enlace_plan_page_calibrate (data->self, data->x1, data->y1, data->x2, data->y2,
                                   gtk_spin_button_get_value (data->spin), &error))
    enlace_page_show_error (ENLACE_PAGE (data->self), error);
  g_free (data);
}

static void
on_calibration_drawn (EnlacePlanPage *self,
                      double          x1,
                      double          y1,
                      double          x2,
                      double          y2)
{
  AdwMessageDialog *dialog = new_dialog (self, _("Calibrate the plan"),
                                         _("How far apart are the two points in reality?"), _("_Calibrate"));
  CalibrateData *data = g_new0 (CalibrateData, 1);
  GtkWidget *spin = gtk_spin_button_new_with_range (0.01, 10000, 0.01);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Real distance in metres"), -1);
  adw_message_dialog_set_extra_child (dialog, spin);
  *data = (CalibrateData) { self, x1, y1, x2, y2, GTK_SPIN_BUTTON (spin) };
  g_signal_connect (dialog, "response", G_CALLBACK (on_calibrate_response), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  EnlacePlanPage *self;
  char           *outline;
  GtkDropDown    *which;
  GArray         *ids;    /* space ids of the drop-down, 0 = new */
  GtkEntry       *code;
  GtkEntry       *name;
  GtkDropDown    *kind;
} SpaceData;

static const char * const space_kinds[] = {
  "office", "classroom", "laboratory", "telecom-room", "equipment-room", "entrance-facility", "other", NULL
};

static void
on_space_response (AdwMessageDialog *dialog,
                   const char       *response,
                   SpaceData        *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  EnlaceStore *store = store_of (data->self);
  guint pos = gtk_drop_down_get_selected (data->which);
  gint64 space_id = pos < data->ids->len ? g_array_index (data->ids, gint64, pos) : 0;

  if (g_strcmp0 (response, "ok") == 0)
    {
      json_object_set_string_member (values, "outline", data->outline);
      if (space_id != 0)
        {
          if (!enlace_store_update (store, "space", space_id, values, &error))
            enlace_page_show_error (ENLACE_PAGE (data->self), error);
        }
      else
        {
          json_object_set_int_member (values, "floor_id", enlace_page_get_object_id (ENLACE_PAGE (data->self)));
          json_object_set_string_member (values, "code", gtk_editable_get_text (GTK_EDITABLE (data->code)));
          json_object_set_string_member (values, "name", gtk_editable_get_text (GTK_EDITABLE (data->name)));
          json_object_set_string_member (values, "kind", space_kinds[gtk_drop_down_get_selected (data->kind)]);
          if (enlace_store_create (store, "space", values, &error) == 0)
            enlace_page_show_error (ENLACE_PAGE (data->self), error);
        }
    }
  g_free (data->outline);
  g_array_unref (data->ids);
  g_free (data);
}

static void
on_space_which_changed (GtkDropDown *which,
                        GParamSpec  *pspec,
                        SpaceData   *data)
{
  guint pos = gtk_drop_down_get_selected (which);
  gboolean is_new = pos >= data->ids->len || g_array_index (data->ids, gint64, pos) == 0;

  gtk_widget_set_sensitive (GTK_WIDGET (data->code), is_new);
  gtk_widget_set_sensitive (GTK_WIDGET (data->name), is_new);
  gtk_widget_set_sensitive (GTK_WIDGET (data->kind), is_new);
}

static void
on_space_drawn (EnlacePlanPage *self,
                const char     *outline)
{
  AdwMessageDialog *dialog = new_dialog (self, _("Which space is this?"),
                                         _("Link the outline to a space of the inventory that is not drawn yet, or create a new one."),
                                         _("_Save"));
  SpaceData *data = g_new0 (SpaceData, 1);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) spaces = enlace_store_list (store_of (self), "space",
                                                   enlace_page_get_object_id (ENLACE_PAGE (self)), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gint64 zero = 0;

  data->self = self;
  data->outline = g_strdup (outline);
  data->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (names, _("A new space"));
  g_array_append_val (data->ids, zero);
  for (guint i = 0; spaces && i < spaces->len; i++)
    {
      JsonObject *space = g_ptr_array_index (spaces, i);
      JsonNode *o = json_object_get_member (space, "outline");
      g_autofree char *label = NULL;
      gint64 id = json_object_get_int_member (space, "id");

      if (o != NULL && !JSON_NODE_HOLDS_NULL (o))
        continue;
      label = g_strdup_printf ("%s — %s", json_object_get_string_member (space, "code"),
                               json_object_get_null_member (space, "name") ? "" : json_object_get_string_member (space, "name"));
      gtk_string_list_append (names, label);
      g_array_append_val (data->ids, id);
    }
  for (guint i = 0; space_kinds[i]; i++)
    gtk_string_list_append (kinds, enlace_choice_label (space_kinds[i]));

  data->which = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  data->code = GTK_ENTRY (gtk_entry_new ());
  data->name = GTK_ENTRY (gtk_entry_new ());
  data->kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL));
  gtk_entry_set_placeholder_text (data->code, _("Code, e.g. 2B"));
  gtk_entry_set_placeholder_text (data->name, _("Name, e.g. Dirección de Finanzas"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->which));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->code));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->name));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->kind));
  g_signal_connect (data->which, "notify::selected", G_CALLBACK (on_space_which_changed), data);
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect (dialog, "response", G_CALLBACK (on_space_response), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  EnlacePlanPage *self;
  double          x, y;
  GtkDropDown    *which;
  GArray         *ids;
  GtkEntry       *name;
  GtkSpinButton  *units;
} RackData;

static void
on_rack_response (AdwMessageDialog *dialog,
                  const char       *response,
                  RackData         *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  EnlaceStore *store = store_of (data->self);
  guint pos = gtk_drop_down_get_selected (data->which);
  gint64 rack_id = pos < data->ids->len ? g_array_index (data->ids, gint64, pos) : 0;
  gint64 space_id = enlace_plan_space_at (store, enlace_page_get_object_id (ENLACE_PAGE (data->self)),
                                          (EnlacePoint) { data->x, data->y });

  if (g_strcmp0 (response, "ok") == 0)
    {
      json_object_set_double_member (values, "x", data->x);
      json_object_set_double_member (values, "y", data->y);
      if (space_id != 0)
        json_object_set_int_member (values, "space_id", space_id);
      if (rack_id != 0)
        {
          if (!enlace_store_update (store, "rack", rack_id, values, &error))
            enlace_page_show_error (ENLACE_PAGE (data->self), error);
        }
      else if (space_id == 0)
        enlace_page_show_message (ENLACE_PAGE (data->self), _("A rack goes inside a space: draw the telecom room first"));
      else
        {
          json_object_set_string_member (values, "name", gtk_editable_get_text (GTK_EDITABLE (data->name)));
          json_object_set_int_member (values, "u_height", gtk_spin_button_get_value_as_int (data->units));
          if (enlace_store_create (store, "rack", values, &error) == 0)
            enlace_page_show_error (ENLACE_PAGE (data->self), error);
        }
    }
  g_array_unref (data->ids);
  g_free (data);
}

static void
on_rack_placed (EnlacePlanPage *self,
                double          x,
                double          y)
{
  AdwMessageDialog *dialog = new_dialog (self, _("Place a rack"),
                                         _("Choose a rack of this floor that is not on the plan yet, or create one here."),
                                         _("_Place"));
  RackData *data = g_new0 (RackData, 1);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) racks = enlace_store_list (store_of (self), "rack", 0, NULL);
  EnlacePlanScene *scene = enlace_plan_canvas_get_scene (self->canvas);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gint64 zero = 0;

  *data = (RackData) { self, x, y, NULL, g_array_new (FALSE, FALSE, sizeof (gint64)), NULL, NULL };
  gtk_string_list_append (names, _("A new rack"));
  g_array_append_val (data->ids, zero);
  for (guint i = 0; racks && i < racks->len; i++)
    {
      JsonObject *rack = g_ptr_array_index (racks, i);
      gint64 id = json_object_get_int_member (rack, "id");
      g_autofree char *key = enlace_store_dup_key (store_of (self), "space", json_object_get_int_member (rack, "space_id"));
      g_autofree char *floor_prefix = scene ? g_strdup_printf ("%s/%d/", scene->building_code, scene->level) : NULL;

      if (floor_prefix == NULL || !g_str_has_prefix (key, floor_prefix) ||
          !json_object_get_null_member (rack, "x"))
        continue;
      gtk_string_list_append (names, json_object_get_string_member (rack, "name"));
      g_array_append_val (data->ids, id);
    }
  data->which = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  if (data->ids->len > 1)
    gtk_drop_down_set_selected (data->which, 1);
  data->name = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (data->name, _("Name of the new rack, e.g. A-1A-R2"));
  data->units = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 60, 1));
  gtk_spin_button_set_value (data->units, 42);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->which));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->name));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->units));
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect (dialog, "response", G_CALLBACK (on_rack_response), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------- background */

gboolean
enlace_plan_page_load_background (EnlacePlanPage  *self,
                                  GFile           *file,
                                  int              page,
                                  GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EnlacePlanBackground) probe = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autofree char *name = g_file_get_basename (file);
  const char *mime;

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return FALSE;
  mime = enlace_plan_background_sniff (bytes);
  probe = enlace_plan_background_new (bytes, mime, page, error);
  if (probe == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }
  json_object_set_double_member (values, "opacity", 0.5);
  self->have_measure = FALSE;
  return enlace_store_set_plan_background (store_of (self), enlace_page_get_object_id (ENLACE_PAGE (self)),
                                           bytes, mime, name, page, values, error) != 0;
}

static void
on_open_response (GtkNativeDialog *native,
                  int              response,
                  EnlacePlanPage  *self)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (!enlace_plan_page_load_background (self, file, 0, &error))
        enlace_page_show_error (ENLACE_PAGE (self), error);
      else
        {
          enlace_plan_canvas_set_tool (self->canvas, ENLACE_PLAN_TOOL_CALIBRATE);
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->tool_buttons[ENLACE_PLAN_TOOL_CALIBRATE]), TRUE);
          enlace_plan_canvas_zoom_fit (self->canvas);
        }
    }
  g_object_unref (native);
}

static void
on_load_clicked (EnlacePlanPage *self)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (_("Load the architect's plan"), parent_window (self),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Load"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Plans (PNG, JPEG, SVG, PDF)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);
  g_signal_connect (native, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
commit_background (gpointer data)
{
  EnlacePlanPage *self = data;
  EnlacePlanScene *scene = enlace_plan_canvas_get_scene (self->canvas);
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GError) error = NULL;

  self->commit_bg_id = 0;
  if (scene == NULL || scene->plan_id == 0)
    return G_SOURCE_REMOVE;
  json_object_set_double_member (values, "opacity", gtk_adjustment_get_value (self->opacity));
  json_object_set_double_member (values, "origin_x", gtk_adjustment_get_value (self->bg_x));
  json_object_set_double_member (values, "origin_y", gtk_adjustment_get_value (self->bg_y));
  json_object_set_double_member (values, "rotation", gtk_adjustment_get_value (self->bg_rotation));
  json_object_set_double_member (values, "north", gtk_adjustment_get_value (self->north));
  json_object_set_boolean_member (values, "locked", gtk_switch_get_active (self->locked));
  if (!enlace_store_update (store_of (self), "floor-plan", scene->plan_id, values, &error))
    enlace_page_show_error (ENLACE_PAGE (self), error);
  return G_SOURCE_REMOVE;
}

static void
on_background_control_changed (EnlacePlanPage *self)
{
  if (self->loading_bg)
    return;
  gtk_widget_set_sensitive (self->bg_controls, !gtk_switch_get_active (self->locked));
  /* One command when the user stops dragging, not one per step. */
  g_clear_handle_id (&self->commit_bg_id, g_source_remove);
  self->commit_bg_id = g_timeout_add (400, commit_background, self);
}

static void
sync_background_controls (EnlacePlanPage *self)
{
  EnlacePlanScene *scene = enlace_plan_canvas_get_scene (self->canvas);

  if (scene == NULL || self->commit_bg_id != 0)
    return;
  self->loading_bg = TRUE;
  gtk_adjustment_set_value (self->opacity, scene->opacity);
  gtk_adjustment_set_value (self->bg_x, scene->origin_x);
  gtk_adjustment_set_value (self->bg_y, scene->origin_y);
  gtk_adjustment_set_value (self->bg_rotation, scene->bg_rotation);
  gtk_adjustment_set_value (self->north, scene->north);
  gtk_switch_set_active (self->locked, scene->locked);
  gtk_widget_set_sensitive (self->bg_controls, !scene->locked);
  self->loading_bg = FALSE;
}

/* ---------------------------------------------------------------- find */

gboolean
enlace_plan_page_find (EnlacePlanPage *self,
                       const char     *text)
{
  g_autoptr(GError) error = NULL;
  EnlacePlanRef ref;

  if (text == NULL || *text == '\0')
    return FALSE;
  if (!enlace_plan_find (store_of (self), self->tracer, enlace_page_get_object_id (ENLACE_PAGE (self)), text, &ref, &error))
    {
      enlace_page_show_error (ENLACE_PAGE (self), error);
      return FALSE;
    }
  return enlace_plan_canvas_show_item (self->canvas, ref.kind, ref.id);
}

/* Faceplate labels for the outlets of this floor. */
static void
on_labels_clicked (EnlacePlanPage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  EnlaceLabelScope scope = { 0 };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (store == NULL)
    return;
  scope.floor_id = enlace_page_get_object_id (ENLACE_PAGE (self));
  dialog = enlace_labels_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     store, ENLACE_LABEL_KIND_FACEPLATE, &scope);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_search_activate (GtkSearchEntry *entry,
                    EnlacePlanPage *self)
{
  enlace_plan_page_find (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* ---------------------------------------------------------------- print */

static void
fill_sheet_options (EnlacePlanPage         *self,
                    EnlacePlanSheetOptions *options,
                    EnlacePlanBackground   *background)
{
  enlace_plan_sheet_options_init (options);
  options->paper = enlace_plan_papers ()[gtk_drop_down_get_selected (self->paper)];
  options->scale = scales[MIN (gtk_drop_down_get_selected (self->scale), G_N_ELEMENTS (scales) - 1)];
  options->landscape = gtk_toggle_button_get_active (self->landscape);
  options->style.layers = enlace_plan_canvas_get_layers (self->canvas);
  options->style.coloring = enlace_plan_canvas_get_style (self->canvas)->coloring;
  options->style.background = background;
}

void
enlace_plan_page_set_print_scale (EnlacePlanPage *self,
                                  guint           scale,
                                  const char     *paper)
{
  const char * const *papers = enlace_plan_papers ();

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    if (scales[i] == scale)
      gtk_drop_down_set_selected (self->scale, i);
  for (guint i = 0; paper && papers[i]; i++)
    if (g_ascii_strcasecmp (papers[i], paper) == 0)
      gtk_drop_down_set_selected (self->paper, i);
}

gboolean
enlace_plan_page_export (EnlacePlanPage  *self,
                         const char      *path,
                         const char      *format,
                         GError         **error)
{
  EnlaceStore *store = store_of (self);
  EnlacePlanScene *scene = enlace_plan_canvas_get_scene (self->canvas);
  g_autoptr(EnlacePlanScene) fresh = NULL;
  g_autoptr(EnlacePlanBackground) background = NULL;
  g_autofree char *institution = NULL;
  g_autofree char *author = NULL;
  EnlacePlanSheetOptions options;

  if (scene == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND, _("There is no floor to print"));
      return FALSE;
    }
  /* The canvas may show an uncalibrated plan at a provisional scale:
   * print the stored scene, where only a calibrated plan is drawn. */
  fresh = enlace_plan_scene_load (store, scene->floor_id, self->tracer, error);
  if (fresh == NULL)
    return FALSE;
  if (fresh->scale > 0)
    background = enlace_plan_background_load (store, fresh, NULL);
  fill_sheet_options (self, &options, background);
  institution = enlace_store_get_meta (store, "institution");
  author = enlace_store_get_meta (store, "author");
  options.institution = institution;
  options.author = author;
  return enlace_plan_export (fresh, &options, path, format, 150, error) > 0;
}

typedef struct
{
  EnlacePlanPage         *self;
  EnlacePlanScene        *scene;
  EnlacePlanBackground   *background;
  EnlacePlanSheetOptions  options;
  EnlacePlanSheetLayout   layout;
  char                   *institution;
  char                   *author;
} PrintData;

static void
print_data_free (gpointer p)
{
  PrintData *data = p;

  g_clear_pointer (&data->scene, enlace_plan_scene_unref);
  g_clear_pointer (&data->background, enlace_plan_background_free);
  g_free (data->institution);
  g_free (data->author);
  g_free (data);
}

static void
on_begin_print (GtkPrintOperation *op,
                GtkPrintContext   *context,
                PrintData         *data)
{
  double w = gtk_print_context_get_width (context), h = gtk_print_context_get_height (context);

  if (!enlace_plan_sheet_layout (data->scene, &data->options, w, h, &data->layout, NULL))
    {
      gtk_print_operation_cancel (op);
      return;
    }
  gtk_print_operation_set_n_pages (op, data->layout.cols * data->layout.rows);
}

static void
on_draw_page (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *data)
{
  enlace_plan_sheet_draw (gtk_print_context_get_cairo_context (context), data->scene,
                          &data->options, &data->layout, page_nr);
}

static GtkPrintOperation *
enlace_plan_page_create_print_operation (EnlacePage *page)
{
  EnlacePlanPage *self = ENLACE_PLAN_PAGE (page);
  EnlaceStore *store = store_of (self);
  EnlacePlanScene *scene = enlace_plan_canvas_get_scene (self->canvas);
  GtkPrintOperation *op;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  PrintData *data;
  double w, h;

  if (scene == NULL)
    return NULL;
  data = g_new0 (PrintData, 1);
  data->self = self;
  data->scene = enlace_plan_scene_load (store, scene->floor_id, self->tracer, NULL);
  if (data->scene == NULL)
    {
      print_data_free (data);
      return NULL;
    }
  if (data->scene->scale > 0)
    data->background = enlace_plan_background_load (store, data->scene, NULL);
  fill_sheet_options (self, &data->options, data->background);
  data->institution = enlace_store_get_meta (store, "institution");
  data->author = enlace_store_get_meta (store, "author");
  data->options.institution = data->institution;
  data->options.author = data->author;

  op = gtk_print_operation_new ();
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_job_name (op, scene->floor_name ? scene->floor_name : "plan");
  enlace_plan_paper_size (data->options.paper, &w, &h);
  paper = gtk_paper_size_new_custom (data->options.paper, data->options.paper, w, h, GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, data->options.landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                                 : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (op, setup);
  g_signal_connect (op, "begin-print", G_CALLBACK (on_begin_print), data);
  g_signal_connect (op, "draw-page", G_CALLBACK (on_draw_page), data);
  g_object_set_data_full (G_OBJECT (op), "enlace-plan-print", data, print_data_free);
  return op;
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    EnlacePlanPage  *self)
{
  g_autoptr(GError) error = NULL;
  const char *format = g_object_get_data (G_OBJECT (native), "format");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (!enlace_plan_page_export (self, path, format, &error))
        enlace_page_show_error (ENLACE_PAGE (self), error);
      else
        {
          g_autofree char *msg = g_strdup_printf (_("Saved %s"), path);
          enlace_page_show_message (ENLACE_PAGE (self), msg);
        }
    }
  g_object_unref (native);
}

static void
export_as (EnlacePlanPage *self,
           const char     *format)
{
  EnlacePlanScene *scene = enlace_plan_canvas_get_scene (self->canvas);
  GtkFileChooserNative *native = gtk_file_chooser_native_new (_("Export the plan"), parent_window (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  g_autofree char *name = g_strdup_printf ("%s-%d.%s", scene ? scene->building_code : "plan",
                                           scene ? scene->level : 0, format);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data (G_OBJECT (native), "format", (gpointer)format);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* "Design the cabling…": the dialog of model/design for this floor, on
 * the selected spaces (views/design/enlace-design-dialog.c). */
static void
on_design_clicked (EnlacePlanPage *self)
{
  GPtrArray *selection = enlace_plan_canvas_get_selection (self->canvas);
  g_autoptr(GArray) spaces = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  EnlaceDesignDialog *dialog;

  for (guint i = 0; selection && i < selection->len; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (selection, i);

      if (item->kind == ENLACE_PLAN_ITEM_SPACE)
        g_array_append_val (spaces, item->id);
    }
  dialog = enlace_design_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store_of (self),
                                     enlace_page_get_object_id (ENLACE_PAGE (self)),
                                     (gint64 *)spaces->data, spaces->len);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "Installation order…": the floor's design becomes a modification order
 * (views/bom/enlace-install-order.c), whose case page is shown. */
static void
on_install_order_response (AdwMessageDialog *dialog,
                           const char       *response,
                           EnlacePlanPage   *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *msg = NULL;
  guint n = 0;
  gint64 case_id;

  if (g_strcmp0 (response, "create") != 0)
    return;
  case_id = enlace_install_order_dialog_apply (dialog, &n, &error);
  if (case_id == 0)
    {
      AdwMessageDialog *alert = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                                            _("The order was not made"),
                                                                            error->message));

      adw_message_dialog_add_response (alert, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
      return;
    }
  msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Installation order made: %u change",
                                      "Installation order made: %u changes", n), n);
  enlace_page_show_message (ENLACE_PAGE (self), msg);
  enlace_page_activate_object (ENLACE_PAGE (self), "case", case_id);
}

AdwMessageDialog *
enlace_plan_page_install_order (EnlacePlanPage *self)
{
  gint64 floor_id;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (ENLACE_IS_PLAN_PAGE (self), NULL);

  floor_id = enlace_plan_canvas_get_floor (self->canvas);
  if (floor_id <= 0 || store_of (self) == NULL)
    return NULL;
  dialog = enlace_install_order_dialog_new (parent_window (self), store_of (self), floor_id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_install_order_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* plan.install-order: the design button's menu (a button of its own
 * would not leave the bar room in a 1024-px window) */
static void
install_order_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  enlace_plan_page_install_order (ENLACE_PLAN_PAGE (widget));
}

static void
on_export_pdf_clicked (EnlacePlanPage *self)
{
  export_as (self, "pdf");
}

static void
on_export_svg_clicked (EnlacePlanPage *self)
{
  export_as (self, "svg");
}

static void
on_export_png_clicked (EnlacePlanPage *self)
{
  export_as (self, "png");
}

/* ---------------------------------------------------------------- toolbar */

static void
on_tool_toggled (GtkToggleButton *button,
                 EnlacePlanPage  *self)
{
  if (gtk_toggle_button_get_active (button))
    enlace_plan_canvas_set_tool (self->canvas, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "tool")));
}

static void
on_layer_toggled (GtkCheckButton *check,
                  EnlacePlanPage *self)
{
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "bit"));
  guint layers = enlace_plan_canvas_get_layers (self->canvas);

  if (gtk_check_button_get_active (check))
    layers |= bit;
  else
    layers &= ~bit;
  enlace_plan_canvas_set_layers (self->canvas, layers);
}

static void
on_pathway_kind_changed (EnlacePlanPage *self)
{
  enlace_plan_canvas_set_pathway_kind (self->canvas, pathway_kinds[gtk_drop_down_get_selected (self->pathway_kind)], 2.7);
}

static void
on_outlet_kind_changed (EnlacePlanPage *self)
{
  guint i = MIN (gtk_drop_down_get_selected (self->outlet_kind), G_N_ELEMENTS (outlet_kinds) - 1);

  enlace_plan_canvas_set_outlet_jacks (self->canvas, outlet_kinds[i].data, outlet_kinds[i].voice);
}

static void
on_coloring_changed (EnlacePlanPage *self)
{
  enlace_plan_canvas_set_coloring (self->canvas, gtk_drop_down_get_selected (self->coloring) == 0
                                                 ? ENLACE_PLAN_COLOR_STATE : ENLACE_PLAN_COLOR_STATUS);
}

static void
on_snap_toggled (EnlacePlanPage *self)
{
  enlace_plan_canvas_set_snap (self->canvas, gtk_toggle_button_get_active (self->snap));
}

static void
on_zoom_in (EnlacePlanPage *self)
{
  enlace_plan_canvas_zoom (self->canvas, 1.25);
}

static void
on_zoom_out (EnlacePlanPage *self)
{
  enlace_plan_canvas_zoom (self->canvas, 0.8);
}

static void
on_zoom_fit (EnlacePlanPage *self)
{
  enlace_plan_canvas_zoom_fit (self->canvas);
}

/* ---------------------------------------------------------------- checks */

#define PENDING_SELECTION "enlace-plan-pending-selection"

typedef struct
{
  gint64  floor_id;
  GArray *refs;
} PendingSelection;

static void
pending_free (gpointer data)
{
  PendingSelection *p = data;

  g_array_unref (p->refs);
  g_free (p);
}

void
enlace_plan_page_request_selection (EnlaceStore         *store,
                                    gint64               floor_id,
                                    const EnlacePlanRef *refs,
                                    guint                n)
{
  PendingSelection *p;

  g_return_if_fail (ENLACE_IS_STORE (store));
  g_return_if_fail (refs != NULL || n == 0);

  p = g_new0 (PendingSelection, 1);
  p->floor_id = floor_id;
  p->refs = g_array_new (FALSE, FALSE, sizeof (EnlacePlanRef));
  g_array_append_vals (p->refs, refs, n);
  g_object_set_data_full (G_OBJECT (store), PENDING_SELECTION, p, pending_free);
}

/* The check of the floor against the project's rules, after each command:
 * the failing objects are marked on the plan, the button says how many
 * failures there are and opens the rules page of the floor. */
/* A failure names the patch panel of a run, which is in a rack: the plan
 * draws the rack, not the panel, so the rack stands for it. */
static void
panels_to_racks (EnlacePlanPage *self,
                 GArray         *refs)
{
  EnlacePlanScene *scene = enlace_plan_canvas_get_scene (self->canvas);

  for (guint i = 0; scene != NULL && i < refs->len; i++)
    {
      EnlacePlanRef *ref = &g_array_index (refs, EnlacePlanRef, i);
      g_autoptr(JsonObject) device = NULL;

      if (ref->kind != ENLACE_PLAN_ITEM_DEVICE || enlace_plan_scene_find (scene, ref->kind, ref->id) != NULL)
        continue;
      device = enlace_store_get (store_of (self), "device", ref->id, NULL);
      if (device != NULL && json_object_has_member (device, "rack_id") && !json_object_get_null_member (device, "rack_id"))
        {
          ref->kind = ENLACE_PLAN_ITEM_RACK;
          ref->id = json_object_get_int_member (device, "rack_id");
        }
    }
}

static void
recheck (EnlacePlanPage *self)
{
  EnlaceStore *store = store_of (self);
  gint64 floor_id = enlace_plan_canvas_get_floor (self->canvas);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) refs = NULL;
  g_autofree char *label = NULL;
  gint64 t0;

  g_clear_pointer (&self->report, enlace_rule_report_unref);
  if (store == NULL || floor_id <= 0 || enlace_plan_canvas_get_scene (self->canvas) == NULL)
    {
      enlace_plan_canvas_set_marks (self->canvas, NULL, 0);
      gtk_widget_set_visible (GTK_WIDGET (self->checks_button), FALSE);
      return;
    }
  t0 = g_get_monotonic_time ();
  self->report = enlace_rules_check (store, NULL, 0, floor_id, &error);
  self->check_ms = (g_get_monotonic_time () - t0) / 1000.0;
  if (self->report == NULL)
    {
      g_warning ("The rules check of floor %lld failed: %s", (long long) floor_id, error->message);
      enlace_plan_canvas_set_marks (self->canvas, NULL, 0);
      gtk_widget_set_visible (GTK_WIDGET (self->checks_button), FALSE);
      return;
    }
  g_debug ("checked floor %lld in %.1f ms: %u failures", (long long) floor_id, self->check_ms,
           self->report->failures->len);
  refs = enlace_rules_report_plan_refs (self->report, floor_id);
  panels_to_racks (self, refs);
  enlace_plan_canvas_set_marks (self->canvas, (EnlacePlanRef *) refs->data, refs->len);
  gtk_widget_set_visible (GTK_WIDGET (self->checks_button), TRUE);
  /* compact (the bar fits a 1024-pixel laptop): an icon and the count,
   * the words in the tooltip and for the screen reader */
  if (self->report->failures->len == 0)
    {
      label = g_strdup (_("Rules met"));
      gtk_image_set_from_icon_name (self->checks_icon, "emblem-ok-symbolic");
      gtk_label_set_text (self->checks_count, "");
      gtk_widget_set_visible (GTK_WIDGET (self->checks_count), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->checks_button), "error");
    }
  else
    {
      g_autofree char *count = g_strdup_printf ("%u", self->report->failures->len);

      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rule failure", "%u rule failures",
                                            self->report->failures->len),
                               self->report->failures->len);
      gtk_image_set_from_icon_name (self->checks_icon, "dialog-warning-symbolic");
      gtk_label_set_text (self->checks_count, count);
      gtk_widget_set_visible (GTK_WIDGET (self->checks_count), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->checks_button), "error");
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->checks_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->checks_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_checks_clicked (EnlacePlanPage *self)
{
  gint64 floor_id = enlace_plan_canvas_get_floor (self->canvas);

  if (floor_id > 0)
    enlace_page_activate_object (ENLACE_PAGE (self), "rules/floor", floor_id);
}

EnlaceRuleReport *
enlace_plan_page_get_report (EnlacePlanPage *self,
                             double         *check_ms)
{
  g_return_val_if_fail (ENLACE_IS_PLAN_PAGE (self), NULL);
  if (check_ms)
    *check_ms = self->check_ms;
  return self->report;
}

/* ---------------------------------------------------------------- page */

static void
enlace_plan_page_set_object (EnlacePage *page,
                             const char *kind,
                             gint64      id)
{
  EnlacePlanPage *self = ENLACE_PLAN_PAGE (page);
  EnlaceStore *store = enlace_page_get_store (page);
  EnlacePlanScene *scene;
  g_autofree char *title = NULL;

  if (store == NULL)
    return;
  if (self->tracer == NULL || enlace_tracer_get_store (self->tracer) != store)
    {
      g_clear_object (&self->tracer);
      self->tracer = enlace_tracer_new (store);
      enlace_plan_canvas_set_store (self->canvas, store, self->tracer);
    }
  enlace_plan_canvas_set_floor (self->canvas, id);
  scene = enlace_plan_canvas_get_scene (self->canvas);
  if (scene == NULL)
    {
      enlace_page_set_title (page, _("Floor plan"));
      enlace_page_set_subtitle (page, _("This floor no longer exists"));
      return;
    }
  title = g_strdup_printf (_("Plan of %s — %s"), scene->building_name, scene->floor_name);
  enlace_page_set_title (page, title);
  enlace_page_set_subtitle (page, scene->scale > 0 || scene->attachment_id == 0
                                  ? _("Drawn to scale, in metres")
                                  : _("The architect's plan is not calibrated yet"));
  update_side (self);
  sync_background_controls (self);
  recheck (self);

  /* A floor in design (planned outlets with their runs) opens with its
   * runs drawn: they are what a planner looks at; the layer stays as the
   * user leaves it while the floor is shown. */
  if (id != self->shown_floor)
    {
      gboolean planned = FALSE;

      self->shown_floor = id;
      for (guint i = 0; i < scene->items->len && !planned && scene->routes->len > 0; i++)
        {
          EnlacePlanItem *item = g_ptr_array_index (scene->items, i);

          planned = item->kind == ENLACE_PLAN_ITEM_DEVICE && g_strcmp0 (item->type, "outlet") == 0 &&
                    g_strcmp0 (item->status, "planned") == 0;
        }
      if (planned)
        for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
          if (layers[i].bit == ENLACE_PLAN_LAYER_ROUTES)
            gtk_check_button_set_active (GTK_CHECK_BUTTON (self->layer_checks[i]), TRUE);
    }

  /* Shown from a failure of the rules page: its objects selected. */
  {
    PendingSelection *p = g_object_get_data (G_OBJECT (store), PENDING_SELECTION);

    if (p != NULL && p->floor_id == id)
      {
        panels_to_racks (self, p->refs);
        enlace_plan_canvas_select_items (self->canvas, (EnlacePlanRef *) p->refs->data, p->refs->len);
        g_object_set_data (G_OBJECT (store), PENDING_SELECTION, NULL);
      }
  }
}

static void
enlace_plan_page_store_changed (EnlacePage      *page,
                                EnlaceChangeSet *changes)
{
  EnlacePlanPage *self = ENLACE_PLAN_PAGE (page);

  /* The canvas follows the store by itself; the title and the panel
   * follow the canvas. */
  if (enlace_change_set_touches (changes, "floor") || enlace_change_set_touches (changes, "building"))
    enlace_plan_page_set_object (page, enlace_page_get_kind (page), enlace_page_get_object_id (page));
  else
    recheck (self);
  update_side (self);
  sync_background_controls (self);
}

static void
enlace_plan_page_focus_main (EnlacePage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (ENLACE_PLAN_PAGE (page)->canvas));
}

static void
enlace_plan_page_dispose (GObject *object)
{
  EnlacePlanPage *self = (EnlacePlanPage *)object;

  g_clear_handle_id (&self->commit_bg_id, g_source_remove);
  g_clear_object (&self->tracer);
  g_clear_pointer (&self->report, enlace_rule_report_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENLACE_TYPE_PLAN_PAGE);

  G_OBJECT_CLASS (enlace_plan_page_parent_class)->dispose (object);
}

static void
enlace_plan_page_class_init (EnlacePlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_plan_page_dispose;
  page_class->set_object = enlace_plan_page_set_object;
  page_class->store_changed = enlace_plan_page_store_changed;
  page_class->create_print_operation = enlace_plan_page_create_print_operation;
  page_class->focus_main = enlace_plan_page_focus_main;

  g_type_ensure (ENLACE_TYPE_PLAN_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Enlace/views/enlace-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, canvas);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, hscrollbar);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, vscrollbar);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, pathway_kind);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, outlet_kind);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, coloring);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, snap);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, search);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, opacity);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, bg_x);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, bg_y);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, bg_rotation);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, north);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, locked);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, bg_controls);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, paper);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, scale);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, landscape);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, side_title);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, side_text);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, side_actions);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, checks_button);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, checks_icon);
  gtk_widget_class_bind_template_child (widget_class, EnlacePlanPage, checks_count);
  for (guint i = 0; i < G_N_ELEMENTS (tool_ids); i++)
    gtk_widget_class_bind_template_child_full (widget_class, tool_ids[i], FALSE,
                                               G_STRUCT_OFFSET (EnlacePlanPage, tool_buttons) + i * sizeof (GtkWidget *));
  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    gtk_widget_class_bind_template_child_full (widget_class, layers[i].id, FALSE,
                                               G_STRUCT_OFFSET (EnlacePlanPage, layer_checks) + i * sizeof (GtkWidget *));

  gtk_widget_class_bind_template_callback (widget_class, update_side);
  gtk_widget_class_bind_template_callback (widget_class, sync_background_controls);
  gtk_widget_class_bind_template_callback (widget_class, on_message);
  gtk_widget_class_bind_template_callback (widget_class, on_measured);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_space_drawn);
  gtk_widget_class_bind_template_callback (widget_class, on_calibration_drawn);
  gtk_widget_class_bind_template_callback (widget_class, on_rack_placed);
  gtk_widget_class_bind_template_callback (widget_class, on_load_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_background_control_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_layer_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_coloring_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_snap_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_out);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_fit);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_in);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_labels_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_design_clicked);
  gtk_widget_class_install_action (widget_class, "plan.install-order", NULL, install_order_action);
  gtk_widget_class_bind_template_callback (widget_class, on_checks_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_pdf_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_svg_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_png_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_tool_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_pathway_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_outlet_kind_changed);
}

static void
enlace_plan_page_init (EnlacePlanPage *self)
{
  g_autoptr(GtkStringList) pathways = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) papers = gtk_string_list_new (enlace_plan_papers ());

  gtk_widget_init_template (GTK_WIDGET (self));

  /* What the template cannot say: the values behind the buttons, and the
   * lists that come from the model and the renderer. */
  for (guint i = 0; i < G_N_ELEMENTS (tool_ids); i++)
    g_object_set_data (G_OBJECT (self->tool_buttons[i]), "tool", GINT_TO_POINTER (i));
  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    g_object_set_data (G_OBJECT (self->layer_checks[i]), "bit", GUINT_TO_POINTER (layers[i].bit));
  for (guint k = 0; pathway_kinds[k]; k++)
    gtk_string_list_append (pathways, enlace_choice_label (pathway_kinds[k]));
  gtk_drop_down_set_model (self->pathway_kind, G_LIST_MODEL (pathways));
  gtk_drop_down_set_model (self->paper, G_LIST_MODEL (papers));
  gtk_drop_down_set_selected (self->paper, 1);
  gtk_scrollbar_set_adjustment (self->hscrollbar, enlace_plan_canvas_get_hadjustment (self->canvas));
  gtk_scrollbar_set_adjustment (self->vscrollbar, enlace_plan_canvas_get_vadjustment (self->canvas));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->tool_buttons[ENLACE_PLAN_TOOL_SELECT]), TRUE);
}
