/* enlace-plan-canvas.c: the floor-plan editor's drawing area */
#define G_LOG_DOMAIN "enlace-plan-canvas"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "enlace-current-order.h"
#include "enlace-kinds.h"
#include "enlace-orders.h"
#include "enlace-plan-canvas.h"
#include "enlace-plan-sheet.h"
#include "enlace-render-util.h"
#include "enlace-trace.h"

#define RULER 18.0
#define HIT_PX 5.0
#define HANDLE_PX 6.0
#define PASTE_OFFSET 1.0

struct _EnlacePlanCanvas
{
  GtkWidget              parent_instance;

  EnlaceStore           *store;
  EnlaceTracer          *tracer;
  gulong                 changed_id;
  gint64                 floor_id;
  EnlacePlanScene       *scene;
  EnlacePlanBackground  *background;
  gboolean               provisional_scale;

  EnlaceViewport         vp;
  gboolean               fitted;
  EnlacePlanStyle        style;
  GPtrArray             *selection;   /* EnlacePlanItem* of the scene */
  GArray                *mark_refs;   /* EnlacePlanRef: failing a rule */
  GPtrArray             *marks;       /* EnlacePlanItem* of the scene, resolved */
  GArray                *clipboard;   /* EnlacePlanRef */
  EnlacePlanItem        *highlight;
  EnlacePlanItem        *hover;

  EnlacePlanTool         tool;
  double                 grid;
  gboolean               snap;
  char                  *pathway_kind;
  double                 pathway_height;
  guint                  n_data;
  guint                  n_voice;

  /* Drawing in progress (wall, space, pathway, measure, calibrate). */
  GArray                *draft;       /* EnlacePoint */
  EnlacePoint            pointer;     /* plan coordinates under the pointer */
  gboolean               has_pointer;

  /* Drag state. */
  enum { DRAG_NONE, DRAG_MOVE, DRAG_VERTEX, DRAG_BAND, DRAG_PAN } drag;
  EnlacePoint            drag_start;  /* plan */
  EnlacePoint            drag_now;
  double                 pan_last_x;
  double                 pan_last_y;
  EnlacePlanItem        *vertex_item;
  guint                  vertex_index;

  GtkAdjustment         *hadj;
  GtkAdjustment         *vadj;
  gboolean               in_adjust;

  /* The plan as last drawn, without what follows the pointer (hover,
   * selection, the search highlight, drafts, drags, rulers, status),
   * which is drawn over it: a frame that only moves the pointer copies
   * it instead of drawing the whole floor again.  Drawn again when its
   * key changes: the scene (scene_serial, bumped on every reload), the
   * view, the size or the style. */
  GskRenderNode         *scene_node;
  struct SceneKey {
    guint  serial;
    int    width, height, scale;
    double centre_x, centre_y, pixels_per_m;
    guint  layers;
    int    coloring;
    double grid;
  }                      scene_key;
  guint                  scene_serial;
  guint                  scene_renders;   /* for the tests */
  guint                  frames;
};

enum {
  SELECTION_CHANGED,
  MESSAGE,
  ITEM_ACTIVATED,
  SPACE_DRAWN,
  CALIBRATION_DRAWN,
  RACK_PLACED,
  MEASURED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EnlacePlanCanvas, enlace_plan_canvas, GTK_TYPE_WIDGET)

static void update_adjustments (EnlacePlanCanvas *self);

/* ---------------------------------------------------------------- helpers */

static void
message (EnlacePlanCanvas *self,
         const char       *text)
{
  g_signal_emit (self, signals[MESSAGE], 0, text);
}

static void
report (EnlacePlanCanvas *self,
        GError           *error)
{
  if (error != NULL)
    message (self, error->message);
}

static double
tolerance_m (EnlacePlanCanvas *self)
{
  return HIT_PX / self->vp.pixels_per_m;
}

static EnlacePoint
snap_point (EnlacePlanCanvas *self,
            EnlacePoint       p)
{
  EnlacePoint out;

  if (!self->snap)
    return p;
  if (self->scene && enlace_plan_scene_snap (self->scene, p, 8.0 / self->vp.pixels_per_m, &out))
    return out;
  return enlace_snap_to_grid (p, self->grid);
}

static EnlacePoint
to_plan (EnlacePlanCanvas *self,
         double            x,
         double            y)
{
  return enlace_viewport_to_plan (&self->vp, (EnlacePoint) { x, y });
}

static void
clear_draft (EnlacePlanCanvas *self)
{
  g_array_set_size (self->draft, 0);
}

static gboolean
is_selected (EnlacePlanCanvas     *self,
             const EnlacePlanItem *item)
{
  for (guint i = 0; i < self->selection->len; i++)
    if (g_ptr_array_index (self->selection, i) == item)
      return TRUE;
  return FALSE;
}

static GArray *
selection_refs (EnlacePlanCanvas *self)
{
  GArray *refs = g_array_new (FALSE, FALSE, sizeof (EnlacePlanRef));

  for (guint i = 0; i < self->selection->len; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (self->selection, i);
      EnlacePlanRef ref = { item->kind, item->id };

      g_array_append_val (refs, ref);
    }
  return refs;
}

static void
set_selection (EnlacePlanCanvas *self,
               GPtrArray        *items)
{
  g_ptr_array_set_size (self->selection, 0);
  if (items)
    for (guint i = 0; i < items->len; i++)
      g_ptr_array_add (self->selection, g_ptr_array_index (items, i));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---------------------------------------------------------------- loading */

static void
load_background (EnlacePlanCanvas *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->background, enlace_plan_background_free);
  self->provisional_scale = FALSE;
  if (self->scene == NULL || self->store == NULL)
    return;
  self->background = enlace_plan_background_load (self->store, self->scene, &error);
  if (error != NULL)
    report (self, error);
}

static void
apply_provisional_scale (EnlacePlanCanvas *self)
{
  /* An uncalibrated background is shown 40 m wide so that it can be
   * calibrated; it prints only once calibrated. */
  if (self->background && !(self->scene->scale > 0))
    {
      self->scene->scale = ENLACE_PLAN_DEFAULT_WIDTH / enlace_plan_background_get_width (self->background);
      self->provisional_scale = TRUE;
    }
  else
    self->provisional_scale = FALSE;
}

static void update_adjustments (EnlacePlanCanvas *self);

static void
resolve_marks (EnlacePlanCanvas *self)
{
  g_ptr_array_set_size (self->marks, 0);
  for (guint i = 0; self->scene && i < self->mark_refs->len; i++)
    {
      EnlacePlanRef *ref = &g_array_index (self->mark_refs, EnlacePlanRef, i);
      EnlacePlanItem *item = enlace_plan_scene_find (self->scene, ref->kind, ref->id);

      if (item && !g_ptr_array_find (self->marks, item, NULL))
        g_ptr_array_add (self->marks, item);
    }
  self->style.marks = self->marks->len ? self->marks : NULL;
}

void
enlace_plan_canvas_set_marks (EnlacePlanCanvas    *self,
                              const EnlacePlanRef *refs,
                              guint                n)
{
  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));
  g_return_if_fail (refs != NULL || n == 0);

  g_array_set_size (self->mark_refs, 0);
  if (n > 0)
    g_array_append_vals (self->mark_refs, refs, n);
  resolve_marks (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
enlace_plan_canvas_get_n_marks (EnlacePlanCanvas *self)
{
  g_return_val_if_fail (ENLACE_IS_PLAN_CANVAS (self), 0);
  return self->marks->len;
}

guint
enlace_plan_canvas_select_items (EnlacePlanCanvas    *self,
                                 const EnlacePlanRef *refs,
                                 guint                n)
{
  EnlaceBox box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  g_return_val_if_fail (ENLACE_IS_PLAN_CANVAS (self), 0);
  g_return_val_if_fail (refs != NULL || n == 0, 0);

  g_ptr_array_set_size (self->selection, 0);
  for (guint i = 0; self->scene && i < n; i++)
    {
      EnlacePlanItem *item = enlace_plan_scene_find (self->scene, refs[i].kind, refs[i].id);

      if (item == NULL || g_ptr_array_find (self->selection, item, NULL))
        continue;
      g_ptr_array_add (self->selection, item);
      box.x1 = MIN (box.x1, item->bounds.x1);
      box.y1 = MIN (box.y1, item->bounds.y1);
      box.x2 = MAX (box.x2, item->bounds.x2);
      box.y2 = MAX (box.y2, item->bounds.y2);
    }
  if (self->selection->len > 0)
    {
      /* centred on what was selected, near enough to see an outlet */
      self->vp.centre_x = (box.x1 + box.x2) / 2;
      self->vp.centre_y = (box.y1 + box.y2) / 2;
      if (self->vp.pixels_per_m < 20)
        self->vp.pixels_per_m = 20;
      update_adjustments (self);
    }
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return self->selection->len;
}

void
enlace_plan_canvas_reload (EnlacePlanCanvas *self,
                           gboolean          background)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) refs = NULL;
  gint64 hl_id = self->highlight ? self->highlight->id : 0;
  EnlacePlanItemKind hl_kind = self->highlight ? self->highlight->kind : 0;
  EnlacePlanScene *scene;

  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));

  refs = selection_refs (self);
  self->hover = NULL;
  self->highlight = NULL;
  g_ptr_array_set_size (self->selection, 0);
  self->style.selection = NULL;
  self->style.hover = NULL;
  self->style.highlight = NULL;
  self->style.marks = NULL;
  g_ptr_array_set_size (self->marks, 0);

  scene = (self->store && self->floor_id) ? enlace_plan_scene_load (self->store, self->floor_id, self->tracer, &error) : NULL;
  g_clear_pointer (&self->scene, enlace_plan_scene_unref);
  self->scene = scene;
  self->scene_serial++;
  if (error)
    report (self, error);

  if (self->scene && (background || self->background == NULL))
    load_background (self);
  if (self->scene)
    {
      apply_provisional_scale (self);
      for (guint i = 0; i < refs->len; i++)
        {
          EnlacePlanRef *ref = &g_array_index (refs, EnlacePlanRef, i);
          EnlacePlanItem *item = enlace_plan_scene_find (self->scene, ref->kind, ref->id);

          if (item)
            g_ptr_array_add (self->selection, item);
        }
      if (hl_id)
        self->highlight = enlace_plan_scene_find (self->scene, hl_kind, hl_id);
    }
  self->style.selection = self->selection;
  self->style.highlight = self->highlight;
  self->style.background = self->background;
  resolve_marks (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
touches_plan (EnlaceChangeSet *changes)
{
  static const char * const tables[] = {
    "floor", "floor_plan", "space", "wall", "pathway", "rack", "device", "port",
    "port_mapping", "cable", "cable_end", "extension", NULL
  };

  for (guint i = 0; tables[i]; i++)
    if (enlace_change_set_touches (changes, tables[i]))
      return TRUE;
  return FALSE;
}

static void
on_store_changed (EnlacePlanCanvas *self,
                  EnlaceChangeSet  *changes,
                  EnlaceStore      *store)
{
  if (self->floor_id != 0 && touches_plan (changes))
    enlace_plan_canvas_reload (self, enlace_change_set_touches (changes, "floor_plan"));
}

void
enlace_plan_canvas_set_store (EnlacePlanCanvas *self,
                              EnlaceStore      *store,
                              gpointer          tracer)
{
  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));
  g_return_if_fail (store == NULL || ENLACE_IS_STORE (store));
  g_return_if_fail (tracer == NULL || ENLACE_IS_TRACER (tracer));

  if (self->store == store)
    return;
  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  g_set_object (&self->tracer, tracer);
  if (store)
    self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed),
                                                self, G_CONNECT_SWAPPED);
  self->floor_id = 0;
  enlace_plan_canvas_reload (self, TRUE);
}

void
enlace_plan_canvas_set_floor (EnlacePlanCanvas *self,
                              gint64            floor_id)
{
  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));

  if (self->floor_id == floor_id && self->scene != NULL)
    return;
  self->floor_id = floor_id;
  clear_draft (self);
  g_ptr_array_set_size (self->selection, 0);
  self->fitted = FALSE;
  enlace_plan_canvas_reload (self, TRUE);
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    enlace_plan_canvas_zoom_fit (self);
}

gint64
enlace_plan_canvas_get_floor (EnlacePlanCanvas *self)
{
  g_return_val_if_fail (ENLACE_IS_PLAN_CANVAS (self), 0);
  return self->floor_id;
}

EnlacePlanScene *
enlace_plan_canvas_get_scene (EnlacePlanCanvas *self)
{
  g_return_val_if_fail (ENLACE_IS_PLAN_CANVAS (self), NULL);
  return self->scene;
}

/* ---------------------------------------------------------------- settings */

void
enlace_plan_canvas_set_tool (EnlacePlanCanvas *self,
                             EnlacePlanTool    tool)
{
  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));

  self->tool = tool;
  clear_draft (self);
  self->drag = DRAG_NONE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   tool == ENLACE_PLAN_TOOL_SELECT ? "default"
                                   : tool == ENLACE_PLAN_TOOL_PAN ? "grab" : "crosshair");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

EnlacePlanTool
enlace_plan_canvas_get_tool (EnlacePlanCanvas *self)
{
  g_return_val_if_fail (ENLACE_IS_PLAN_CANVAS (self), 0);
  return self->tool;
}

void
enlace_plan_canvas_set_layers (EnlacePlanCanvas *self,
                               guint             layers)
{
  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));
  self->style.layers = layers;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
enlace_plan_canvas_get_layers (EnlacePlanCanvas *self)
{
  g_return_val_if_fail (ENLACE_IS_PLAN_CANVAS (self), 0);
  return self->style.layers;
}

void
enlace_plan_canvas_set_coloring (EnlacePlanCanvas   *self,
                                 EnlacePlanColoring  coloring)
{
  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));
  self->style.coloring = coloring;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const EnlacePlanStyle *
enlace_plan_canvas_get_style (EnlacePlanCanvas *self)
{
  g_return_val_if_fail (ENLACE_IS_PLAN_CANVAS (self), NULL);
  return &self->style;
}

void
enlace_plan_canvas_set_grid (EnlacePlanCanvas *self,
                             double            metres)
{
  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));
  self->grid = MAX (metres, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
enlace_plan_canvas_set_snap (EnlacePlanCanvas *self,
                             gboolean          snap)
{
  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));
  self->snap = snap;
}

void
enlace_plan_canvas_set_pathway_kind (EnlacePlanCanvas *self,
                                     const char       *kind,
                                     double            height)
{
  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));
  g_free (self->pathway_kind);
  self->pathway_kind = g_strdup (kind ? kind : "tray");
  self->pathway_height = height > 0 ? height : 2.7;
}

void
enlace_plan_canvas_set_outlet_jacks (EnlacePlanCanvas *self,
                                     guint             n_data,
                                     guint             n_voice)
{
  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));
  self->n_data = n_data;
  self->n_voice = n_voice;
}

/* ---------------------------------------------------------------- view */

static EnlaceBox
scroll_extent (EnlacePlanCanvas *self)
{
  EnlaceBox box = { 0, 0, ENLACE_PLAN_DEFAULT_WIDTH, ENLACE_PLAN_DEFAULT_DEPTH };
  EnlaceBox view = enlace_viewport_visible (&self->vp);

  if (self->scene)
    box = self->scene->extent;
  if (self->background && self->scene)
    {
      EnlaceBox bg = { self->scene->origin_x, self->scene->origin_y,
                       self->scene->origin_x + enlace_plan_background_get_width (self->background) * self->scene->scale,
                       self->scene->origin_y + enlace_plan_background_get_height (self->background) * self->scene->scale };
      enlace_box_union (&box, &bg);
    }
  box.x1 -= 10;
  box.y1 -= 10;
  box.x2 += 10;
  box.y2 += 10;
  enlace_box_union (&box, &view);
  return box;
}

static void
update_adjustments (EnlacePlanCanvas *self)
{
  EnlaceBox box;
  double ppm = self->vp.pixels_per_m;

  if (self->vp.width <= 0 || ppm <= 0)
    return;
  box = scroll_extent (self);
  self->in_adjust = TRUE;
  gtk_adjustment_configure (self->hadj, (self->vp.centre_x * ppm) - self->vp.width / 2,
                            box.x1 * ppm, box.x2 * ppm, 20, self->vp.width * 0.9, self->vp.width);
  gtk_adjustment_configure (self->vadj, (self->vp.centre_y * ppm) - self->vp.height / 2,
                            box.y1 * ppm, box.y2 * ppm, 20, self->vp.height * 0.9, self->vp.height);
  self->in_adjust = FALSE;
}

static void
on_adjustment_changed (EnlacePlanCanvas *self,
                       GtkAdjustment    *adj)
{
  if (self->in_adjust || self->vp.pixels_per_m <= 0)
    return;
  if (adj == self->hadj)
    self->vp.centre_x = (gtk_adjustment_get_value (adj) + self->vp.width / 2) / self->vp.pixels_per_m;
  else
    self->vp.centre_y = (gtk_adjustment_get_value (adj) + self->vp.height / 2) / self->vp.pixels_per_m;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GtkAdjustment *
enlace_plan_canvas_get_hadjustment (EnlacePlanCanvas *self)
{
  return self->hadj;
}

GtkAdjustment *
enlace_plan_canvas_get_vadjustment (EnlacePlanCanvas *self)
{
  return self->vadj;
}

const EnlaceViewport *
enlace_plan_canvas_get_viewport (EnlacePlanCanvas *self)
{
  g_return_val_if_fail (ENLACE_IS_PLAN_CANVAS (self), NULL);
  return &self->vp;
}

void
enlace_plan_canvas_zoom (EnlacePlanCanvas *self,
                         double            factor)
{
  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));

  enlace_viewport_zoom_at (&self->vp, factor, (EnlacePoint) { self->vp.width / 2, self->vp.height / 2 });
  update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
enlace_plan_canvas_zoom_fit (EnlacePlanCanvas *self)
{
  EnlaceBox box = { 0, 0, ENLACE_PLAN_DEFAULT_WIDTH, ENLACE_PLAN_DEFAULT_DEPTH };

  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));

  if (self->scene)
    box = self->scene->extent;
  if (self->vp.width <= 0)
    {
      self->fitted = FALSE;
      return;
    }
  enlace_viewport_fit (&self->vp, &box, 28);
  self->fitted = TRUE;
  update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
enlace_plan_canvas_show_item (EnlacePlanCanvas   *self,
                              EnlacePlanItemKind  kind,
                              gint64              id)
{
  EnlacePlanItem *item;

  g_return_val_if_fail (ENLACE_IS_PLAN_CANVAS (self), FALSE);

  if (self->scene == NULL || (item = enlace_plan_scene_find (self->scene, kind, id)) == NULL)
    return FALSE;
  self->highlight = item;
  self->style.highlight = item;
  self->vp.centre_x = (item->bounds.x1 + item->bounds.x2) / 2;
  self->vp.centre_y = (item->bounds.y1 + item->bounds.y2) / 2;
  if (self->vp.pixels_per_m < 30)
    self->vp.pixels_per_m = 30;
  g_ptr_array_set_size (self->selection, 0);
  g_ptr_array_add (self->selection, item);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

GPtrArray *
enlace_plan_canvas_get_selection (EnlacePlanCanvas *self)
{
  g_return_val_if_fail (ENLACE_IS_PLAN_CANVAS (self), NULL);
  return self->selection;
}

void
enlace_plan_canvas_select (EnlacePlanCanvas   *self,
                           EnlacePlanItemKind  kind,
                           gint64              id)
{
  EnlacePlanItem *item;

  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));

  g_ptr_array_set_size (self->selection, 0);
  if (self->scene && (item = enlace_plan_scene_find (self->scene, kind, id)))
    g_ptr_array_add (self->selection, item);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---------------------------------------------------------------- edits */

void
enlace_plan_canvas_delete_selection (EnlacePlanCanvas *self)
{
  g_autoptr(GArray) refs = selection_refs (self);
  g_autoptr(GError) error = NULL;

  if (refs->len == 0 || self->store == NULL)
    return;
  if (!enlace_plan_delete (self->store, (EnlacePlanRef *)refs->data, refs->len, &error))
    report (self, error);
}

void
enlace_plan_canvas_copy (EnlacePlanCanvas *self)
{
  g_autoptr(GArray) refs = selection_refs (self);

  g_array_set_size (self->clipboard, 0);
  g_array_append_vals (self->clipboard, refs->data, refs->len);
  if (refs->len > 0)
    message (self, g_dngettext (GETTEXT_PACKAGE, "Copied one item", "Copied the items", refs->len));
}

void
enlace_plan_canvas_paste (EnlacePlanCanvas *self)
{
  g_autoptr(GArray) copies = NULL;
  g_autoptr(GError) error = NULL;

  if (self->clipboard->len == 0 || self->store == NULL)
    return;
  copies = enlace_plan_duplicate (self->store, (EnlacePlanRef *)self->clipboard->data, self->clipboard->len,
                                  PASTE_OFFSET, PASTE_OFFSET, &error);
  if (copies == NULL)
    {
      report (self, error);
      return;
    }
  /* The store's change reloaded the scene: select the copies, and paste
   * the next time further along. */
  g_ptr_array_set_size (self->selection, 0);
  for (guint i = 0; i < copies->len; i++)
    {
      EnlacePlanRef *ref = &g_array_index (copies, EnlacePlanRef, i);
      EnlacePlanItem *item = self->scene ? enlace_plan_scene_find (self->scene, ref->kind, ref->id) : NULL;

      if (item)
        g_ptr_array_add (self->selection, item);
    }
  g_array_set_size (self->clipboard, 0);
  g_array_append_vals (self->clipboard, copies->data, copies->len);
  if (copies->len == 0)
    message (self, _("Spaces and racks are unique in the inventory: they are not pasted"));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static EnlacePoint
selection_centre (EnlacePlanCanvas *self)
{
  EnlaceBox box = { 0 };

  for (guint i = 0; i < self->selection->len; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (self->selection, i);

      if (i == 0)
        box = item->bounds;
      else
        enlace_box_union (&box, &item->bounds);
    }
  return (EnlacePoint) { (box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2 };
}

void
enlace_plan_canvas_rotate_selection (EnlacePlanCanvas *self,
                                     double            degrees)
{
  g_autoptr(GArray) refs = selection_refs (self);
  g_autoptr(GError) error = NULL;
  EnlacePoint c;

  if (refs->len == 0 || self->store == NULL)
    return;
  c = selection_centre (self);
  if (refs->len == 1)
    {
      EnlacePlanItem *item = g_ptr_array_index (self->selection, 0);

      if (item->kind == ENLACE_PLAN_ITEM_DEVICE || item->kind == ENLACE_PLAN_ITEM_RACK)
        c = g_array_index (item->points, EnlacePoint, 0);
    }
  if (!enlace_plan_rotate (self->store, (EnlacePlanRef *)refs->data, refs->len, c, degrees, &error))
    report (self, error);
}

void
enlace_plan_canvas_nudge (EnlacePlanCanvas *self,
                          double            dx,
                          double            dy)
{
  g_autoptr(GArray) refs = selection_refs (self);
  g_autoptr(GError) error = NULL;

  if (refs->len == 0 || self->store == NULL)
    return;
  if (!enlace_plan_move (self->store, (EnlacePlanRef *)refs->data, refs->len, dx, dy, &error))
    report (self, error);
}

/* Creates what the drawing tools drew. */
static void
commit_draft (EnlacePlanCanvas *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  guint n = self->draft->len;

  if (self->store == NULL || self->floor_id == 0)
    return;
  json = enlace_points_to_json ((EnlacePoint *)self->draft->data, n);

  switch (self->tool)
    {
    case ENLACE_PLAN_TOOL_WALL:
    case ENLACE_PLAN_TOOL_PATHWAY:
      {
        g_autoptr(JsonObject) values = json_object_new ();
        const char *kind = self->tool == ENLACE_PLAN_TOOL_WALL ? "wall" : "pathway";
        gint64 id;

        if (n < 2)
          {
            message (self, _("A line needs at least two points"));
            break;
          }
        json_object_set_int_member (values, "floor_id", self->floor_id);
        json_object_set_string_member (values, "points", json);
        if (self->tool == ENLACE_PLAN_TOOL_PATHWAY)
          {
            json_object_set_string_member (values, "kind", self->pathway_kind);
            json_object_set_double_member (values, "height", self->pathway_height);
          }
        id = enlace_store_create (self->store, kind, values, &error);
        if (id == 0)
          report (self, error);
        else
          enlace_plan_canvas_select (self, self->tool == ENLACE_PLAN_TOOL_WALL ? ENLACE_PLAN_ITEM_WALL
                                                                                 : ENLACE_PLAN_ITEM_PATHWAY, id);
      }
      break;

    case ENLACE_PLAN_TOOL_SPACE:
      if (n < 3)
        message (self, _("A space needs at least three corners"));
      else
        g_signal_emit (self, signals[SPACE_DRAWN], 0, json);
      break;

    default:
      break;
    }
  clear_draft (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
enlace_plan_canvas_finish (EnlacePlanCanvas *self)
{
  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));

  if (self->draft->len > 0)
    commit_draft (self);
}

/* From the floor (metres) to the background's own units. */
static EnlacePoint
to_background (EnlacePlanCanvas *self,
               EnlacePoint       p)
{
  EnlacePoint o = { self->scene->origin_x, self->scene->origin_y };
  EnlacePoint r = enlace_point_rotate (p, o, -self->scene->bg_rotation);

  return (EnlacePoint) { (r.x - o.x) / self->scene->scale, (r.y - o.y) / self->scene->scale };
}

/* The next free outlet name of @space_id that no change of the order
 * @case_id names yet ("1B-003", then "1B-004", …). */
static char *
order_outlet_name (EnlaceStore *store,
                   gint64       case_id,
                   gint64       space_id)
{
  g_autoptr(GPtrArray) changes = enlace_order_changes (store, case_id, NULL);
  char *name = enlace_plan_next_outlet_name (store, space_id);

  for (guint guard = 0; name != NULL && changes != NULL && guard < 1000; guard++)
    {
      gboolean taken = FALSE;
      size_t len = strlen (name), digits = 0;
      g_autofree char *prefix = NULL;

      for (guint i = 0; i < changes->len && !taken; i++)
        taken = g_strcmp0 (((EnlaceOrderChange *) g_ptr_array_index (changes, i))->target, name) == 0;
      if (!taken)
        break;
      while (digits < len && g_ascii_isdigit (name[len - 1 - digits]))
        digits++;
      prefix = g_strndup (name, len - digits);
      {
        guint64 n = digits ? g_ascii_strtoull (name + len - digits, NULL, 10) : 0;
        char *next = g_strdup_printf ("%s%0*" G_GUINT64_FORMAT, prefix, (int) MAX (digits, 3), n + 1);

        g_free (name);
        name = next;
      }
    }
  return name;
}

/* The outlet tool while the window has a current order: the outlet is
 * added to the order as a change ("add-outlet"), the plant does not
 * change. */
static void
add_outlet_to_order (EnlacePlanCanvas *self,
                     EnlacePoint       sp)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  gint64 space = enlace_plan_space_at (self->store, self->floor_id, sp);
  gint64 case_id = enlace_current_order_get_id (GTK_WIDGET (self), self->store);
  g_autofree char *space_key = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
  guint seq;

  if (space <= 0)
    {
      message (self, _("Place the outlet inside a space of the floor"));
      return;
    }
  space_key = enlace_store_dup_key (self->store, "space", space);
  name = order_outlet_name (self->store, case_id, space);
  json_object_set_string_member (values, "space", space_key);
  json_object_set_string_member (values, "x", g_ascii_formatd (x, sizeof x, "%.2f", sp.x));
  json_object_set_string_member (values, "y", g_ascii_formatd (y, sizeof y, "%.2f", sp.y));
  seq = enlace_current_order_add_change (GTK_WIDGET (self), self->store, "add-outlet", name, values, &error);
  if (seq == 0)
    {
      report (self, error);
      return;
    }
  text = enlace_current_order_dup_added_text (GTK_WIDGET (self), self->store, seq);
  message (self, text);
}

static void
place_access_point (EnlacePlanCanvas *self,
                    EnlacePoint       p)
{
  g_autoptr(GError) error = NULL;
  gint64 id = enlace_plan_add_access_point (self->store, self->floor_id, p, &error);

  if (id == 0)
    report (self, error);
  else
    enlace_plan_canvas_select (self, ENLACE_PLAN_ITEM_DEVICE, id);
}

void
enlace_plan_canvas_click_at (EnlacePlanCanvas *self,
                             EnlacePoint       p,
                             GdkModifierType   state,
                             int               n_press)
{
  g_autoptr(GError) error = NULL;
  EnlacePoint sp = snap_point (self, p);

  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));

  if (self->scene == NULL)
    return;

  switch (self->tool)
    {
    case ENLACE_PLAN_TOOL_SELECT:
      {
        EnlacePlanItem *item = enlace_plan_scene_hit (self->scene, p, tolerance_m (self));
        gboolean extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;

        if (n_press == 2 && item)
          {
            g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (int)item->kind, item->id);
            return;
          }
        if (!extend)
          g_ptr_array_set_size (self->selection, 0);
        if (item)
          {
            if (extend && is_selected (self, item))
              g_ptr_array_remove (self->selection, item);
            else if (!is_selected (self, item))
              g_ptr_array_add (self->selection, item);
          }
        self->highlight = NULL;
        self->style.highlight = NULL;
        g_signal_emit (self, signals[SELECTION_CHANGED], 0);
      }
      break;

    case ENLACE_PLAN_TOOL_WALL:
    case ENLACE_PLAN_TOOL_SPACE:
    case ENLACE_PLAN_TOOL_PATHWAY:
      /* Orthogonal lines with Shift, as in every CAD program. */
      if ((state & GDK_SHIFT_MASK) && self->draft->len > 0)
        {
          EnlacePoint last = g_array_index (self->draft, EnlacePoint, self->draft->len - 1);

          if (fabs (sp.x - last.x) > fabs (sp.y - last.y))
            sp.y = last.y;
          else
            sp.x = last.x;
        }
      if (n_press == 2)
        {
          commit_draft (self);
          return;
        }
      /* Clicking the first corner again closes a space. */
      if (self->tool == ENLACE_PLAN_TOOL_SPACE && self->draft->len >= 3 &&
          enlace_point_distance (sp, g_array_index (self->draft, EnlacePoint, 0)) < 8 / self->vp.pixels_per_m)
        {
          commit_draft (self);
          return;
        }
      g_array_append_val (self->draft, sp);
      break;

    case ENLACE_PLAN_TOOL_MEASURE:
    case ENLACE_PLAN_TOOL_CALIBRATE:
      if (self->draft->len >= 2)
        clear_draft (self);
      g_array_append_val (self->draft, sp);
      if (self->draft->len == 2)
        {
          EnlacePoint a = g_array_index (self->draft, EnlacePoint, 0);
          EnlacePoint b = g_array_index (self->draft, EnlacePoint, 1);

          if (self->tool == ENLACE_PLAN_TOOL_MEASURE)
            g_signal_emit (self, signals[MEASURED], 0, enlace_point_distance (a, b));
          else if (self->background == NULL)
            message (self, _("Load the architect's plan first: there is nothing to calibrate"));
          else
            {
              EnlacePoint ba = to_background (self, a), bb = to_background (self, b);

              g_signal_emit (self, signals[CALIBRATION_DRAWN], 0, ba.x, ba.y, bb.x, bb.y);
            }
        }
      break;

    case ENLACE_PLAN_TOOL_OUTLET:
      if (enlace_current_order_get_id (GTK_WIDGET (self), self->store) > 0)
        {
          add_outlet_to_order (self, sp);
          break;
        }
      {
        gint64 id = enlace_plan_add_outlet (self->store, self->floor_id, sp, 0, NULL,
                                            self->n_data, self->n_voice, &error);
        if (id == 0)
          report (self, error);
        else
          enlace_plan_canvas_select (self, ENLACE_PLAN_ITEM_DEVICE, id);
      }
      break;

    case ENLACE_PLAN_TOOL_RACK:
      g_signal_emit (self, signals[RACK_PLACED], 0, sp.x, sp.y);
      break;

    case ENLACE_PLAN_TOOL_ACCESS_POINT:
      place_access_point (self, sp);
      break;

    case ENLACE_PLAN_TOOL_PAN:
    default:
      break;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The vertex of a selected line or outline under @p, if any. */
static gboolean
vertex_at (EnlacePlanCanvas  *self,
           EnlacePoint        p,
           EnlacePlanItem   **item_out,
           guint             *index_out)
{
  double tol = HANDLE_PX / self->vp.pixels_per_m;

  for (guint i = 0; i < self->selection->len; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (self->selection, i);

      if (item->kind == ENLACE_PLAN_ITEM_DEVICE || item->kind == ENLACE_PLAN_ITEM_RACK)
        continue;
      for (guint k = 0; k < item->points->len; k++)
        if (enlace_point_distance (g_array_index (item->points, EnlacePoint, k), p) <= tol)
          {
            *item_out = item;
            *index_out = k;
            return TRUE;
          }
    }
  return FALSE;
}

static void
drag_begin_at (EnlacePlanCanvas *self,
               EnlacePoint       p,
               GdkModifierType   state)
{
  EnlacePlanItem *item;

  self->drag_start = self->drag_now = p;
  self->drag = DRAG_NONE;
  if (self->scene == NULL)
    return;
  if (self->tool == ENLACE_PLAN_TOOL_PAN)
    {
      self->drag = DRAG_PAN;
      return;
    }
  if (self->tool != ENLACE_PLAN_TOOL_SELECT)
    return;

  if (vertex_at (self, p, &self->vertex_item, &self->vertex_index))
    {
      self->drag = DRAG_VERTEX;
      return;
    }
  item = enlace_plan_scene_hit (self->scene, p, tolerance_m (self));
  if (item && (is_selected (self, item) || !(state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))))
    {
      if (!is_selected (self, item))
        {
          g_ptr_array_set_size (self->selection, 0);
          g_ptr_array_add (self->selection, item);
          g_signal_emit (self, signals[SELECTION_CHANGED], 0);
        }
      /* Dragging a space that only frames the click moves the space. */
      self->drag = DRAG_MOVE;
    }
  else
    self->drag = DRAG_BAND;
}

static void
drag_end_at (EnlacePlanCanvas *self,
             EnlacePoint       p,
             GdkModifierType   state)
{
  g_autoptr(GError) error = NULL;

  self->drag_now = p;
  switch (self->drag)
    {
    case DRAG_MOVE:
      {
        EnlacePoint from = self->drag_start, to = p;
        double dx, dy;

        if (self->snap && self->grid > 0)
          {
            from = enlace_snap_to_grid (from, self->grid);
            to = enlace_snap_to_grid (to, self->grid);
          }
        dx = to.x - from.x;
        dy = to.y - from.y;
        if (fabs (dx) > 1e-6 || fabs (dy) > 1e-6)
          enlace_plan_canvas_nudge (self, dx, dy);
      }
      break;

    case DRAG_VERTEX:
      {
        EnlacePlanRef ref = { self->vertex_item->kind, self->vertex_item->id };

        if (!enlace_plan_set_vertex (self->store, ref, self->vertex_index, snap_point (self, p), &error))
          report (self, error);
      }
      break;

    case DRAG_BAND:
      {
        EnlaceBox box = { MIN (self->drag_start.x, p.x), MIN (self->drag_start.y, p.y),
                          MAX (self->drag_start.x, p.x), MAX (self->drag_start.y, p.y) };
        g_autoptr(GPtrArray) found = enlace_plan_scene_query (self->scene, &box);

        if (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
          {
            for (guint i = 0; i < found->len; i++)
              if (!is_selected (self, g_ptr_array_index (found, i)))
                g_ptr_array_add (self->selection, g_ptr_array_index (found, i));
            g_signal_emit (self, signals[SELECTION_CHANGED], 0);
          }
        else
          set_selection (self, found);
      }
      break;

    case DRAG_PAN:
    case DRAG_NONE:
    default:
      break;
    }
  self->drag = DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
enlace_plan_canvas_drag (EnlacePlanCanvas *self,
                         EnlacePoint       from,
                         EnlacePoint       to,
                         GdkModifierType   state)
{
  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));

  drag_begin_at (self, from, state);
  if (self->drag == DRAG_PAN)
    {
      enlace_viewport_pan (&self->vp, (to.x - from.x) * self->vp.pixels_per_m, (to.y - from.y) * self->vp.pixels_per_m);
      self->drag = DRAG_NONE;
      update_adjustments (self);
      return;
    }
  drag_end_at (self, to, state);
}

/* ---------------------------------------------------------------- describe */

static const char *
pathway_label (const char *kind)
{
  if (g_strcmp0 (kind, "conduit") == 0)
    return _("Conduit");
  if (g_strcmp0 (kind, "raceway") == 0)
    return _("Raceway");
  if (g_strcmp0 (kind, "riser") == 0)
    return _("Riser");
  return _("Cable tray");
}

char *
enlace_plan_canvas_describe (EnlacePlanCanvas     *self,
                             const EnlacePlanItem *item)
{
  GString *s = g_string_new (NULL);
  const EnlacePoint *pts = (const EnlacePoint *)item->points->data;

  switch (item->kind)
    {
    case ENLACE_PLAN_ITEM_SPACE:
      g_string_append_printf (s, "<b>%s</b> %s\n", item->name, item->subtitle ? item->subtitle : "");
      g_string_append_printf (s, _("%s, %.1f m²"), enlace_choice_label (item->type),
                              enlace_polygon_area (pts, item->points->len));
      break;
    case ENLACE_PLAN_ITEM_WALL:
      g_string_append_printf (s, _("<b>Wall</b>\n%.2f m long, %.2f m thick"),
                              enlace_polyline_length (pts, item->points->len), item->thickness);
      break;
    case ENLACE_PLAN_ITEM_PATHWAY:
      g_string_append_printf (s, "<b>%s</b> %s\n", pathway_label (item->type), item->name ? item->name : "");
      g_string_append_printf (s, _("%.1f m long, %.2f m above the floor"),
                              enlace_polyline_length (pts, item->points->len), item->height);
      break;
    case ENLACE_PLAN_ITEM_RACK:
      g_string_append_printf (s, _("<b>Rack %s</b>\n%s, %.2f × %.2f m"), item->name, item->subtitle,
                              item->width, item->depth);
      break;
    case ENLACE_PLAN_ITEM_DEVICE:
      {
        g_autofree char *name = g_markup_escape_text (item->name, -1);

        g_string_append_printf (s, "<b>%s</b> — %s, %s", name, enlace_choice_label (item->type),
                                enlace_choice_label (item->status));
        for (guint i = 0; item->jacks && i < item->jacks->len; i++)
          {
            EnlacePlanJack *jack = g_ptr_array_index (item->jacks, i);
            g_autofree char *far = jack->far ? g_markup_escape_text (jack->far, -1) : NULL;

            g_string_append_printf (s, "\n%s (%s): %s", jack->name, enlace_choice_label (jack->medium),
                                    enlace_jack_state_label (jack->state));
            if (far)
              g_string_append_printf (s, _(" → %s"), far);
            if (jack->extension)
              g_string_append_printf (s, _(", extension %s"), jack->extension);
          }
      }
      break;
    default:
      break;
    }
  return g_string_free (s, FALSE);
}

/* ---------------------------------------------------------------- drawing */

static void
draw_rulers (EnlacePlanCanvas *self,
             cairo_t          *cr)
{
  EnlaceBox view = enlace_viewport_visible (&self->vp);
  double step = 1;

  /* A labelled tick at least every 60 px. */
  while (step * self->vp.pixels_per_m < 60)
    step *= (fmod (log10 (step), 1) == 0 ? 2 : 2.5);
  while (step * self->vp.pixels_per_m > 200)
    step /= 2;

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.97, 0.97, 0.98, 0.94);
  cairo_rectangle (cr, 0, 0, self->vp.width, RULER);
  cairo_rectangle (cr, 0, RULER, RULER, self->vp.height - RULER);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 0.2, 0.22, 0.25, 0.8);
  cairo_set_line_width (cr, 1);
  for (double x = floor (view.x1 / step) * step; x <= view.x2; x += step)
    {
      EnlacePoint px = enlace_viewport_to_view (&self->vp, (EnlacePoint) { x, 0 });
      g_autofree char *text = g_strdup_printf ("%g", round (x * 100) / 100);

      if (px.x < RULER)
        continue;
      cairo_move_to (cr, round (px.x) + 0.5, RULER - 6);
      cairo_line_to (cr, round (px.x) + 0.5, RULER);
      cairo_stroke (cr);
      enlace_render_text (cr, text, 7, FALSE, ENLACE_ALIGN_LEFT, px.x + 2, 1, 60, RULER - 6);
    }
  for (double y = floor (view.y1 / step) * step; y <= view.y2; y += step)
    {
      EnlacePoint px = enlace_viewport_to_view (&self->vp, (EnlacePoint) { 0, y });
      g_autofree char *text = g_strdup_printf ("%g", round (y * 100) / 100);

      if (px.y < RULER)
        continue;
      cairo_move_to (cr, RULER - 6, round (px.y) + 0.5);
      cairo_line_to (cr, RULER, round (px.y) + 0.5);
      cairo_stroke (cr);
      cairo_save (cr);
      cairo_translate (cr, 1, px.y - 2);
      cairo_rotate (cr, -G_PI / 2);
      enlace_render_text (cr, text, 7, FALSE, ENLACE_ALIGN_LEFT, 0, 0, 60, RULER - 6);
      cairo_restore (cr);
    }
  if (self->has_pointer)
    {
      EnlacePoint px = enlace_viewport_to_view (&self->vp, self->pointer);

      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
      cairo_move_to (cr, round (px.x) + 0.5, 0);
      cairo_line_to (cr, round (px.x) + 0.5, RULER);
      cairo_move_to (cr, 0, round (px.y) + 0.5);
      cairo_line_to (cr, RULER, round (px.y) + 0.5);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_draft (EnlacePlanCanvas *self,
            cairo_t          *cr)
{
  double dash[] = { 4, 3 };
  guint n = self->draft->len;

  if (n == 0)
    return;
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < n; i++)
    {
      EnlacePoint px = enlace_viewport_to_view (&self->vp, g_array_index (self->draft, EnlacePoint, i));

      if (i == 0)
        cairo_move_to (cr, px.x, px.y);
      else
        cairo_line_to (cr, px.x, px.y);
    }
  cairo_stroke (cr);
  if (self->has_pointer && (n < 2 || (self->tool != ENLACE_PLAN_TOOL_MEASURE && self->tool != ENLACE_PLAN_TOOL_CALIBRATE)))
    {
      EnlacePoint last = enlace_viewport_to_view (&self->vp, g_array_index (self->draft, EnlacePoint, n - 1));
      EnlacePoint to = enlace_viewport_to_view (&self->vp, snap_point (self, self->pointer));
      g_autofree char *len = g_strdup_printf (_("%.2f m"), enlace_point_distance (g_array_index (self->draft, EnlacePoint, n - 1),
                                                                                   snap_point (self, self->pointer)));

      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, last.x, last.y);
      cairo_line_to (cr, to.x, to.y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      enlace_render_text (cr, len, 8, TRUE, ENLACE_ALIGN_LEFT, to.x + 8, to.y - 16, 80, 12);
    }
  for (guint i = 0; i < n; i++)
    {
      EnlacePoint px = enlace_viewport_to_view (&self->vp, g_array_index (self->draft, EnlacePoint, i));

      cairo_rectangle (cr, px.x - 3, px.y - 3, 6, 6);
    }
  cairo_fill (cr);
  if (n == 2 && (self->tool == ENLACE_PLAN_TOOL_MEASURE || self->tool == ENLACE_PLAN_TOOL_CALIBRATE))
    {
      EnlacePoint a = g_array_index (self->draft, EnlacePoint, 0), b = g_array_index (self->draft, EnlacePoint, 1);
      EnlacePoint mid = enlace_viewport_to_view (&self->vp, (EnlacePoint) { (a.x + b.x) / 2, (a.y + b.y) / 2 });
      g_autofree char *len = g_strdup_printf (_("%.2f m"), enlace_point_distance (a, b));

      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_rectangle (cr, mid.x + 6, mid.y - 18, 70, 16);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, 0.1, 0.3, 0.6, 1);
      enlace_render_text (cr, len, 9, TRUE, ENLACE_ALIGN_LEFT, mid.x + 8, mid.y - 18, 66, 16);
    }
  cairo_restore (cr);
}

static void
draw_drag (EnlacePlanCanvas *self,
           cairo_t          *cr)
{
  double dash[] = { 4, 3 };

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1);
  cairo_set_line_width (cr, 1.5);
  if (self->drag == DRAG_BAND)
    {
      EnlacePoint a = enlace_viewport_to_view (&self->vp, self->drag_start);
      EnlacePoint b = enlace_viewport_to_view (&self->vp, self->drag_now);

      cairo_rectangle (cr, MIN (a.x, b.x), MIN (a.y, b.y), fabs (b.x - a.x), fabs (b.y - a.y));
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.12);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1);
      cairo_stroke (cr);
    }
  else if (self->drag == DRAG_MOVE)
    {
      double dx = (self->drag_now.x - self->drag_start.x) * self->vp.pixels_per_m;
      double dy = (self->drag_now.y - self->drag_start.y) * self->vp.pixels_per_m;

      cairo_set_dash (cr, dash, 2, 0);
      for (guint i = 0; i < self->selection->len; i++)
        {
          EnlacePlanItem *item = g_ptr_array_index (self->selection, i);
          EnlacePoint a = enlace_viewport_to_view (&self->vp, (EnlacePoint) { item->bounds.x1, item->bounds.y1 });
          EnlacePoint b = enlace_viewport_to_view (&self->vp, (EnlacePoint) { item->bounds.x2, item->bounds.y2 });

          cairo_rectangle (cr, a.x + dx, a.y + dy, b.x - a.x, b.y - a.y);
        }
      cairo_stroke (cr);
    }
  else if (self->drag == DRAG_VERTEX)
    {
      EnlacePlanItem *item = self->vertex_item;
      gboolean closed = item->kind == ENLACE_PLAN_ITEM_SPACE;
      guint n = item->points->len;

      cairo_set_dash (cr, dash, 2, 0);
      for (guint k = 0; k < n + (closed ? 1 : 0); k++)
        {
          EnlacePoint p = k % n == self->vertex_index ? snap_point (self, self->drag_now)
                                                      : g_array_index (item->points, EnlacePoint, k % n);
          EnlacePoint px = enlace_viewport_to_view (&self->vp, p);

          if (k == 0)
            cairo_move_to (cr, px.x, px.y);
          else
            cairo_line_to (cr, px.x, px.y);
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_status (EnlacePlanCanvas *self,
             cairo_t          *cr)
{
  double w = self->vp.width, h = self->vp.height;

  cairo_save (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_rectangle (cr, RULER + 8, h - 34, 140, 28);
  cairo_fill (cr);
  enlace_render_scale_bar (cr, &self->vp, RULER + 16, h - 10, 110);
  if (self->has_pointer)
    {
      g_autofree char *text = g_strdup_printf (_("x %.2f m   y %.2f m"), self->pointer.x, self->pointer.y);
      double tw, th;

      enlace_render_text_size (cr, text, 8, FALSE, &tw, &th);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_rectangle (cr, w - tw - 20, h - th - 12, tw + 12, th + 6);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.2, 0.22, 0.25);
      enlace_render_text (cr, text, 8, FALSE, ENLACE_ALIGN_LEFT, w - tw - 14, h - th - 9, tw + 4, th);
    }
  if (self->provisional_scale)
    {
      const char *text = _("The architect's plan is not calibrated: use Calibrate and click two points a known distance apart");
      double tw, th;

      enlace_render_text_size (cr, text, 9, TRUE, &tw, &th);
      cairo_set_source_rgba (cr, 0.99, 0.93, 0.75, 0.95);
      cairo_rectangle (cr, (w - tw) / 2 - 10, RULER + 8, tw + 20, th + 10);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.35, 0.25, 0.0);
      enlace_render_text (cr, text, 9, TRUE, ENLACE_ALIGN_CENTER, (w - tw) / 2 - 10, RULER + 13, tw + 20, th);
    }
  cairo_restore (cr);
}

/* Draws the plan into self->scene_node unless it is already there for
 * this scene, view, size and style. */
static void
ensure_scene_node (EnlacePlanCanvas *self,
                   int               w,
                   int               h)
{
  struct SceneKey key;
  EnlacePlanStyle style = self->style;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_surface_t *surface;
  GtkSnapshot *snapshot;
  cairo_t *cr;

  memset (&key, 0, sizeof key);
  key.serial = self->scene_serial;
  key.width = w;
  key.height = h;
  key.scale = scale;
  key.centre_x = self->vp.centre_x;
  key.centre_y = self->vp.centre_y;
  key.pixels_per_m = self->vp.pixels_per_m;
  key.layers = self->style.layers;
  key.coloring = self->style.coloring;
  key.grid = self->grid;
  if (self->scene_node != NULL && memcmp (&key, &self->scene_key, sizeof key) == 0)
    return;

  /* Drawn once into pixels, so that copying it costs the same whatever
   * the renderer (the cairo renderer would replay a recording). */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * scale, h * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.99, 0.99, 0.99);
  cairo_paint (cr);
  style.selection = NULL;
  style.hover = NULL;
  style.highlight = NULL;
  style.marks = NULL;
  style.grid = self->grid;
  enlace_render_plan (cr, self->scene, &self->vp, &style);
  cairo_destroy (cr);

  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_clear_pointer (&self->scene_node, gsk_render_node_unref);
  self->scene_node = gtk_snapshot_free_to_node (snapshot);
  self->scene_key = key;
  self->scene_renders++;
}

static void
enlace_plan_canvas_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  EnlacePlanCanvas *self = ENLACE_PLAN_CANVAS (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (w <= 0 || h <= 0)
    return;
  self->frames++;

  if (self->scene == NULL)
    {
      g_clear_pointer (&self->scene_node, gsk_render_node_unref);
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
      cairo_set_source_rgb (cr, 0.99, 0.99, 0.99);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 0.45, 0.47, 0.5);
      enlace_render_text (cr, _("No floor"), 12, TRUE, ENLACE_ALIGN_CENTER, 0, h / 2.0 - 10, w, 20);
      cairo_destroy (cr);
      return;
    }
  ensure_scene_node (self, w, h);
  gtk_snapshot_append_node (snapshot, self->scene_node);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  self->style.hover = self->hover;
  self->style.grid = self->grid;
  enlace_render_plan_decorations (cr, &self->vp, &self->style);
  draw_draft (self, cr);
  draw_drag (self, cr);
  draw_rulers (self, cr);
  draw_status (self, cr);
  cairo_destroy (cr);
}

void
enlace_plan_canvas_get_render_counts (EnlacePlanCanvas *self,
                                      guint            *scene_renders,
                                      guint            *frames)
{
  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));

  if (scene_renders)
    *scene_renders = self->scene_renders;
  if (frames)
    *frames = self->frames;
}

static void
enlace_plan_canvas_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  EnlacePlanCanvas *self = ENLACE_PLAN_CANVAS (widget);

  self->vp.width = width;
  self->vp.height = height;
  if (!self->fitted && width > 0 && height > 0)
    enlace_plan_canvas_zoom_fit (self);
  else
    update_adjustments (self);
}

static void
enlace_plan_canvas_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 600;
}

/* ---------------------------------------------------------------- input */

static void
on_click_pressed (GtkGestureClick  *gesture,
                  int               n_press,
                  double            x,
                  double            y,
                  EnlacePlanCanvas *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  /* Selecting happens on release (a press may start a drag); drawing
   * tools act on press. */
  if (self->tool != ENLACE_PLAN_TOOL_SELECT && self->tool != ENLACE_PLAN_TOOL_PAN)
    enlace_plan_canvas_click_at (self, to_plan (self, x, y), state, n_press);
  else if (n_press == 2)
    enlace_plan_canvas_click_at (self, to_plan (self, x, y), state, 2);
}

static int pending_drag (EnlacePlanCanvas *self);

static void
on_click_released (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   EnlacePlanCanvas *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (self->tool == ENLACE_PLAN_TOOL_SELECT && n_press == 1 && (self->drag == DRAG_NONE || pending_drag (self)))
    enlace_plan_canvas_click_at (self, to_plan (self, x, y), state, 1);
}

static void
on_drag_begin (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               EnlacePlanCanvas *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  self->pan_last_x = x;
  self->pan_last_y = y;
  if (button == GDK_BUTTON_MIDDLE)
    {
      self->drag = DRAG_PAN;
      return;
    }
  if (self->tool != ENLACE_PLAN_TOOL_SELECT && self->tool != ENLACE_PLAN_TOOL_PAN)
    {
      self->drag = DRAG_NONE;
      return;
    }
  drag_begin_at (self, to_plan (self, x, y), state);
  /* Until the pointer moves a few pixels, it is a click. */
  if (self->drag != DRAG_PAN)
    self->drag = DRAG_NONE | (self->drag << 8);
}

static int
pending_drag (EnlacePlanCanvas *self)
{
  return (int)self->drag >> 8;
}

static void
on_drag_update (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                EnlacePlanCanvas *self)
{
  double sx, sy;

  gtk_gesture_drag_get_start_point (gesture, &sx, &sy);
  if (self->drag == DRAG_PAN)
    {
      enlace_viewport_pan (&self->vp, sx + dx - self->pan_last_x, sy + dy - self->pan_last_y);
      self->pan_last_x = sx + dx;
      self->pan_last_y = sy + dy;
      update_adjustments (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  if (pending_drag (self) && hypot (dx, dy) > 4)
    self->drag = pending_drag (self);
  if (self->drag == DRAG_MOVE || self->drag == DRAG_BAND || self->drag == DRAG_VERTEX)
    {
      self->drag_now = to_plan (self, sx + dx, sy + dy);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_drag_end (GtkGestureDrag   *gesture,
             double            dx,
             double            dy,
             EnlacePlanCanvas *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  double sx, sy;

  gtk_gesture_drag_get_start_point (gesture, &sx, &sy);
  if (pending_drag (self))
    {
      /* It was a click: the release handler selects. */
      self->drag = DRAG_NONE;
      return;
    }
  if (self->drag == DRAG_PAN)
    {
      self->drag = DRAG_NONE;
      return;
    }
  if (self->drag != DRAG_NONE)
    drag_end_at (self, to_plan (self, sx + dx, sy + dy), state);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           EnlacePlanCanvas         *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkScrollUnit unit = gtk_event_controller_scroll_get_unit (controller);

  if (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK) || unit == GDK_SCROLL_UNIT_SURFACE)
    {
      double k = unit == GDK_SCROLL_UNIT_SURFACE ? 1 : 40;

      if ((state & GDK_SHIFT_MASK) && dx == 0)
        enlace_viewport_pan (&self->vp, -dy * k, 0);
      else
        enlace_viewport_pan (&self->vp, -dx * k, -dy * k);
    }
  else if (self->has_pointer)
    enlace_viewport_zoom_at (&self->vp, pow (1.15, -dy),
                             enlace_viewport_to_view (&self->vp, self->pointer));
  else
    enlace_viewport_zoom_at (&self->vp, pow (1.15, -dy), (EnlacePoint) { self->vp.width / 2, self->vp.height / 2 });
  update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
on_zoom_scale_changed (GtkGestureZoom   *gesture,
                       double            scale,
                       EnlacePlanCanvas *self)
{
  static double last = 1;
  double cx, cy;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    enlace_viewport_zoom_at (&self->vp, scale / last, (EnlacePoint) { cx, cy });
  last = scale;
  update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
enlace_plan_canvas_pointer_at (EnlacePlanCanvas *self,
                               EnlacePoint       p)
{
  EnlacePlanItem *hover = NULL;

  g_return_if_fail (ENLACE_IS_PLAN_CANVAS (self));

  self->pointer = p;
  self->has_pointer = TRUE;
  if (self->scene && self->tool == ENLACE_PLAN_TOOL_SELECT)
    hover = enlace_plan_scene_hit (self->scene, self->pointer, tolerance_m (self));
  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           EnlacePlanCanvas         *self)
{
  enlace_plan_canvas_pointer_at (self, to_plan (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          EnlacePlanCanvas         *self)
{
  self->has_pointer = FALSE;
  self->hover = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                EnlacePlanCanvas      *self)
{
  double step = (state & GDK_SHIFT_MASK) ? 1.0 : 0.1;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      if (self->draft->len > 0)
        clear_draft (self);
      else
        set_selection (self, NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      enlace_plan_canvas_finish (self);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_BackSpace:
      if (self->draft->len > 0)
        {
          g_array_set_size (self->draft, self->draft->len - 1);
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
      else
        enlace_plan_canvas_delete_selection (self);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      enlace_plan_canvas_zoom (self, 1.25);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      enlace_plan_canvas_zoom (self, 0.8);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      enlace_plan_canvas_zoom_fit (self);
      return TRUE;
    case GDK_KEY_Left:
      enlace_plan_canvas_nudge (self, -step, 0);
      return TRUE;
    case GDK_KEY_Right:
      enlace_plan_canvas_nudge (self, step, 0);
      return TRUE;
    case GDK_KEY_Up:
      enlace_plan_canvas_nudge (self, 0, -step);
      return TRUE;
    case GDK_KEY_Down:
      enlace_plan_canvas_nudge (self, 0, step);
      return TRUE;
    case GDK_KEY_r:
    case GDK_KEY_R:
      if (ctrl)
        return FALSE;
      enlace_plan_canvas_rotate_selection (self, (state & GDK_SHIFT_MASK) ? -90 : 90);
      return TRUE;
    case GDK_KEY_c:
      if (!ctrl)
        return FALSE;
      enlace_plan_canvas_copy (self);
      return TRUE;
    case GDK_KEY_v:
      if (!ctrl)
        return FALSE;
      enlace_plan_canvas_paste (self);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_query_tooltip (GtkWidget        *widget,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip,
                  EnlacePlanCanvas *self)
{
  EnlacePlanItem *item;
  g_autofree char *text = NULL;

  if (self->scene == NULL)
    return FALSE;
  item = enlace_plan_scene_hit (self->scene, to_plan (self, x, y), tolerance_m (self));
  if (item == NULL)
    return FALSE;
  text = enlace_plan_canvas_describe (self, item);
  gtk_tooltip_set_markup (tooltip, text);
  return TRUE;
}

/* ---------------------------------------------------------------- class */

static void
enlace_plan_canvas_dispose (GObject *object)
{
  EnlacePlanCanvas *self = (EnlacePlanCanvas *)object;

  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->tracer);
  g_clear_pointer (&self->scene, enlace_plan_scene_unref);
  g_clear_pointer (&self->background, enlace_plan_background_free);
  g_clear_pointer (&self->scene_node, gsk_render_node_unref);

  G_OBJECT_CLASS (enlace_plan_canvas_parent_class)->dispose (object);
}

static void
enlace_plan_canvas_finalize (GObject *object)
{
  EnlacePlanCanvas *self = (EnlacePlanCanvas *)object;

  g_clear_pointer (&self->selection, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_ptr_array_unref);
  g_clear_pointer (&self->mark_refs, g_array_unref);
  g_clear_pointer (&self->clipboard, g_array_unref);
  g_clear_pointer (&self->draft, g_array_unref);
  g_clear_object (&self->hadj);
  g_clear_object (&self->vadj);
  g_free (self->pathway_kind);

  G_OBJECT_CLASS (enlace_plan_canvas_parent_class)->finalize (object);
}

static void
enlace_plan_canvas_class_init (EnlacePlanCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enlace_plan_canvas_dispose;
  object_class->finalize = enlace_plan_canvas_finalize;
  widget_class->snapshot = enlace_plan_canvas_snapshot;
  widget_class->size_allocate = enlace_plan_canvas_size_allocate;
  widget_class->measure = enlace_plan_canvas_measure;

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);
  signals[SPACE_DRAWN] =
    g_signal_new ("space-drawn", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[CALIBRATION_DRAWN] =
    g_signal_new ("calibration-drawn", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[RACK_PLACED] =
    g_signal_new ("rack-placed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[MEASURED] =
    g_signal_new ("measured", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "plan-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
enlace_plan_canvas_init (EnlacePlanCanvas *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  self->selection = g_ptr_array_new ();
  self->marks = g_ptr_array_new ();
  self->mark_refs = g_array_new (FALSE, FALSE, sizeof (EnlacePlanRef));
  self->clipboard = g_array_new (FALSE, FALSE, sizeof (EnlacePlanRef));
  self->draft = g_array_new (FALSE, FALSE, sizeof (EnlacePoint));
  self->grid = 0.25;
  self->snap = TRUE;
  self->pathway_kind = g_strdup ("tray");
  self->pathway_height = 2.7;
  self->n_data = 1;
  self->n_voice = 1;
  self->vp.pixels_per_m = 20;
  self->vp.centre_x = ENLACE_PLAN_DEFAULT_WIDTH / 2;
  self->vp.centre_y = ENLACE_PLAN_DEFAULT_DEPTH / 2;
  enlace_plan_style_init (&self->style);
  self->style.selection = self->selection;

  self->hadj = g_object_ref_sink (gtk_adjustment_new (0, 0, 1, 1, 1, 1));
  self->vadj = g_object_ref_sink (gtk_adjustment_new (0, 0, 1, 1, 1, 1));
  g_signal_connect_swapped (self->hadj, "value-changed", G_CALLBACK (on_adjustment_changed), self);
  g_signal_connect_swapped (self->vadj, "value-changed", G_CALLBACK (on_adjustment_changed), self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
enlace_plan_canvas_new (void)
{
  return g_object_new (ENLACE_TYPE_PLAN_CANVAS, NULL);
}
