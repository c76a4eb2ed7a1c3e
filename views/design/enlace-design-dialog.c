/* enlace-design-dialog.c: "Design the cabling…" of a floor */
#define G_LOG_DOMAIN "enlace-design-dialog"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "enlace-design-dialog.h"
#include "enlace-plan.h"
#include "enlace-render-plan.h"
#include "enlace-render-util.h"

struct _EnlaceDesignDialog
{
  AdwWindow        parent_instance;

  EnlaceStore     *store;
  gint64           floor_id;
  EnlacePlanScene *scene;
  GArray          *space_ids;    /* gint64, as checks */
  GPtrArray       *checks;       /* GtkCheckButton* */
  GArray          *room_ids;     /* gint64, as the room drop-down's items after the first */
  GtkSpinButton   *m2;
  GtkSpinButton   *per_ws;
  GtkSpinButton   *min;
  GtkSpinButton   *data;
  GtkSpinButton   *voice;
  GtkSpinButton   *height;
  GtkCheckButton  *walls[4];
  GtkDropDown     *room;
  GtkCheckButton  *route;
  GtkDrawingArea  *area;
  GtkLabel        *summary;
  GtkLabel        *error_label;
  GtkButton       *apply_button;

  GPtrArray       *outlets;
  GPtrArray       *runs;
  char            *summary_text;
};

G_DEFINE_FINAL_TYPE (EnlaceDesignDialog, enlace_design_dialog, ADW_TYPE_WINDOW)

static void
clear_preview (EnlaceDesignDialog *self)
{
  g_clear_pointer (&self->outlets, g_ptr_array_unref);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), FALSE);
  if (self->area)
    gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
show_error (EnlaceDesignDialog *self,
            const GError       *error)
{
  gtk_label_set_text (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
read_rule (EnlaceDesignDialog *self,
           EnlaceDesignRule   *rule,
           EnlaceDesignOptions *opts)
{
  static const guint bits[4] = { ENLACE_DESIGN_WALL_NORTH, ENLACE_DESIGN_WALL_EAST,
                                 ENLACE_DESIGN_WALL_SOUTH, ENLACE_DESIGN_WALL_WEST };
  guint chosen;

  enlace_design_rule_init (rule);
  rule->m2_per_workstation = gtk_spin_button_get_value (self->m2);
  rule->outlets_per_workstation = gtk_spin_button_get_value_as_int (self->per_ws);
  rule->min_outlets = gtk_spin_button_get_value_as_int (self->min);
  rule->n_data = gtk_spin_button_get_value_as_int (self->data);
  rule->n_voice = gtk_spin_button_get_value_as_int (self->voice);
  rule->height = gtk_spin_button_get_value (self->height);
  rule->walls = 0;
  for (guint i = 0; i < 4; i++)
    if (gtk_check_button_get_active (self->walls[i]))
      rule->walls |= bits[i];

  /* the project's rule set: the slack and the maximum the what if uses
   * too (Enlace's defaults if it cannot be read) */
  enlace_design_options_load (self->store, opts, NULL);
  opts->outlet_height = rule->height;
  chosen = gtk_drop_down_get_selected (self->room);
  if (chosen != GTK_INVALID_LIST_POSITION && chosen > 0 && chosen - 1 < self->room_ids->len)
    opts->room_id = g_array_index (self->room_ids, gint64, chosen - 1);
}

gboolean
enlace_design_dialog_preview (EnlaceDesignDialog  *self,
                              GError             **error)
{
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  EnlaceDesignRule rule;
  EnlaceDesignOptions opts;
  guint over = 0, unreached = 0;

  g_return_val_if_fail (ENLACE_IS_DESIGN_DIALOG (self), FALSE);

  clear_preview (self);
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_array_append_val (chosen, g_array_index (self->space_ids, gint64, i));
  read_rule (self, &rule, &opts);
  if (chosen->len == 0)
    g_set_error (&local, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID, _("Choose at least one space"));
  else
    self->outlets = enlace_design_place_preview (self->store, self->floor_id, (gint64 *)chosen->data,
                                                 chosen->len, &rule, &local);
  if (self->outlets && gtk_check_button_get_active (self->route))
    self->runs = enlace_design_route (self->store, self->outlets, &opts, &local);
  if (local != NULL)
    {
      clear_preview (self);
      show_error (self, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  show_error (self, NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u outlet", "%u outlets", self->outlets->len),
                          self->outlets->len);
  if (self->runs)
    {
      double total = 0;

      for (guint i = 0; i < self->runs->len; i++)
        {
          EnlaceDesignRun *run = g_ptr_array_index (self->runs, i);
          guint jacks = run->outlet->n_data + run->outlet->n_voice;

          over += run->over_limit;
          unreached += run->room_id == 0;
          total += run->length_m * jacks;
        }
      g_string_append (text, ", ");
      g_string_append_printf (text, _("%.0f m of cable"), total);
      if (over > 0)
        {
          g_string_append (text, ", ");
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u run beyond %.0f m", "%u runs beyond %.0f m", over),
                                  over, opts.max_length);
        }
      if (unreached > 0)
        {
          g_string_append (text, ", ");
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u outlet no telecom room reaches",
                                                     "%u outlets no telecom room reaches", unreached), unreached);
        }
    }
  g_free (self->summary_text);
  self->summary_text = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_label_set_text (self->summary, self->summary_text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), unreached == 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
  return TRUE;
}

gboolean
enlace_design_dialog_apply (EnlaceDesignDialog  *self,
                            GError             **error)
{
  g_autoptr(GError) local = NULL;
  EnlaceDesignRule rule;
  EnlaceDesignOptions opts;
  gboolean ok;

  g_return_val_if_fail (ENLACE_IS_DESIGN_DIALOG (self), FALSE);

  if (self->outlets == NULL && !enlace_design_dialog_preview (self, error))
    return FALSE;
  read_rule (self, &rule, &opts);
  if (self->runs)
    ok = enlace_design_apply (self->store, self->outlets, &opts, NULL, &local);
  else
    ok = enlace_design_place_apply (self->store, self->outlets, &local);
  if (!ok)
    {
      show_error (self, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

GPtrArray *
enlace_design_dialog_get_outlets (EnlaceDesignDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_DESIGN_DIALOG (self), NULL);
  return self->outlets;
}

GPtrArray *
enlace_design_dialog_get_runs (EnlaceDesignDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_DESIGN_DIALOG (self), NULL);
  return self->runs;
}

const char *
enlace_design_dialog_get_summary (EnlaceDesignDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_DESIGN_DIALOG (self), NULL);
  return self->summary_text;
}

gboolean
enlace_design_dialog_set_space_active (EnlaceDesignDialog *self,
                                       gint64              space_id,
                                       gboolean            active)
{
  g_return_val_if_fail (ENLACE_IS_DESIGN_DIALOG (self), FALSE);

  for (guint i = 0; i < self->space_ids->len; i++)
    if (g_array_index (self->space_ids, gint64, i) == space_id)
      {
        gtk_check_button_set_active (g_ptr_array_index (self->checks, i), active);
        return TRUE;
      }
  return FALSE;
}

void
enlace_design_dialog_set_rule (EnlaceDesignDialog *self,
                               double              m2_per_workstation,
                               guint               outlets_per_workstation,
                               guint               n_data,
                               guint               n_voice)
{
  g_return_if_fail (ENLACE_IS_DESIGN_DIALOG (self));

  gtk_spin_button_set_value (self->m2, m2_per_workstation);
  gtk_spin_button_set_value (self->per_ws, outlets_per_workstation);
  gtk_spin_button_set_value (self->data, n_data);
  gtk_spin_button_set_value (self->voice, n_voice);
}

/* ------------------------------------------------------------- drawing */

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        data)
{
  EnlaceDesignDialog *self = data;
  EnlaceViewport vp = { 0, 0, 1, width, height };
  EnlacePlanStyle style;

  if (self->scene == NULL)
    return;
  enlace_viewport_fit (&vp, &self->scene->extent, 16);
  enlace_plan_style_init (&style);
  style.layers &= ~ENLACE_PLAN_LAYER_LABELS;
  cairo_save (cr);
  enlace_render_plan (cr, self->scene, &vp, &style);
  cairo_restore (cr);

  /* The runs: blue, red beyond the limit; the length at the outlet. */
  cairo_set_line_width (cr, 1.2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; self->runs && i < self->runs->len; i++)
    {
      EnlaceDesignRun *run = g_ptr_array_index (self->runs, i);
      gboolean started = FALSE;

      if (run->points == NULL)
        continue;
      for (guint k = 0; k < run->points->len; k++)
        {
          EnlaceDesignPoint *dp = &g_array_index (run->points, EnlaceDesignPoint, k);
          EnlacePoint px;

          if (dp->floor_id != self->floor_id)
            break;
          px = enlace_viewport_to_view (&vp, dp->p);
          if (!started)
            cairo_move_to (cr, px.x, px.y);
          else
            cairo_line_to (cr, px.x, px.y);
          started = TRUE;
        }
      if (run->over_limit)
        cairo_set_source_rgba (cr, 0.85, 0.10, 0.10, 0.9);
      else
        cairo_set_source_rgba (cr, 0.10, 0.45, 0.85, 0.45);
      cairo_stroke (cr);
    }
  for (guint i = 0; self->outlets && i < self->outlets->len; i++)
    {
      EnlaceDesignOutlet *o = g_ptr_array_index (self->outlets, i);
      EnlaceDesignRun *run = self->runs ? g_ptr_array_index (self->runs, i) : NULL;
      EnlacePoint px = enlace_viewport_to_view (&vp, o->p);

      cairo_new_path (cr);
      cairo_arc (cr, px.x, px.y, 4, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 0.95, 0.55, 0.05);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.3, 0.2, 0.0);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      if (run && run->room_id != 0)
        {
          g_autofree char *len = g_strdup_printf ("%.1f m", run->length_m);

          if (run->over_limit)
            cairo_set_source_rgb (cr, 0.80, 0.05, 0.05);
          else
            cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
          enlace_render_text (cr, len, 6.5, run->over_limit, ENLACE_ALIGN_LEFT, px.x + 5, px.y - 12, 0, 10);
        }
    }
}

/* ------------------------------------------------------------ building */

static GtkSpinButton *
spin_row (GtkWidget  *grid,
          int         row,
          const char *label,
          double      lower,
          double      upper,
          double      step,
          guint       digits,
          double      value)
{
  GtkWidget *l = gtk_label_new (label);
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, step);

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), spin);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_grid_attach (GTK_GRID (grid), l, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), spin, 1, row, 1, 1);
  return GTK_SPIN_BUTTON (spin);
}

static void
on_preview_clicked (EnlaceDesignDialog *self)
{
  enlace_design_dialog_preview (self, NULL);
}

static void
on_apply_clicked (EnlaceDesignDialog *self)
{
  enlace_design_dialog_apply (self, NULL);
}

static void
on_changed (EnlaceDesignDialog *self)
{
  clear_preview (self);
}

static gboolean
default_kind (const char *kind)
{
  return g_strcmp0 (kind, "telecom-room") != 0 && g_strcmp0 (kind, "equipment-room") != 0 &&
         g_strcmp0 (kind, "entrance-facility") != 0 && g_strcmp0 (kind, "other") != 0;
}

static void
build (EnlaceDesignDialog *self,
       const gint64       *space_ids,
       guint               n_spaces)
{
  static const char *wall_names[4] = { N_("North"), N_("East"), N_("South"), N_("West") };
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *spaces_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *walls_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *preview = gtk_button_new_with_mnemonic (_("_Preview"));
  GtkWidget *side_scroller = gtk_scrolled_window_new ();
  g_autoptr(GtkStringList) rooms = gtk_string_list_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *floor_key = enlace_store_dup_key (self->store, "floor", self->floor_id);
  g_autoptr(GPtrArray) spaces = NULL;
  GtkWidget *label;
  int row = 0;

  title = g_strdup_printf (_("Design the cabling of %s"), floor_key ? floor_key : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_default_size (GTK_WINDOW (self), 1180, 720);

  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (toolbar), paned);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  /* The spaces. */
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 12);
  gtk_widget_set_margin_top (side, 12);
  gtk_widget_set_margin_bottom (side, 12);
  label = gtk_label_new (_("Spaces"));
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (side), label);
  spaces = enlace_store_list (self->store, "space", self->floor_id, NULL);
  for (guint k = 0; spaces && k < spaces->len; k++)
    {
      JsonObject *space = g_ptr_array_index (spaces, k);
      gint64 id = json_object_get_int_member (space, "id");
      const char *kind = json_object_get_string_member_with_default (space, "kind", "");
      const char *name = json_object_get_null_member (space, "name") ? ""
                         : json_object_get_string_member_with_default (space, "name", "");
      g_autofree char *text = NULL;
      GtkWidget *check;
      gboolean active = FALSE;

      if (json_object_get_null_member (space, "outline"))
        continue;
      text = g_strdup_printf ("%s  %s", json_object_get_string_member_with_default (space, "code", ""), name);
      check = gtk_check_button_new_with_label (text);
      if (space_ids && n_spaces > 0)
        {
          for (guint i = 0; i < n_spaces; i++)
            active |= space_ids[i] == id;
        }
      else
        active = default_kind (kind);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_changed), self);
      gtk_box_append (GTK_BOX (spaces_box), check);
      g_array_append_val (self->space_ids, id);
      g_ptr_array_add (self->checks, check);
      if (g_strcmp0 (kind, "telecom-room") == 0 || g_strcmp0 (kind, "equipment-room") == 0)
        {
          gtk_string_list_append (rooms, text);
          g_array_append_val (self->room_ids, id);
        }
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), spaces_box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (side), scroller);

  /* The rule. */
  label = gtk_label_new (_("Rule"));
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (side), label);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  self->m2 = spin_row (grid, row++, _("m² per workstation"), 0, 1000, 1, 1, 10);
  self->per_ws = spin_row (grid, row++, _("Outlets per workstation"), 0, 12, 1, 0, 1);
  self->min = spin_row (grid, row++, _("At least, per space"), 0, 100, 1, 0, 1);
  self->data = spin_row (grid, row++, _("Data jacks per outlet"), 0, 24, 1, 0, 2);
  self->voice = spin_row (grid, row++, _("Voice jacks per outlet"), 0, 24, 1, 0, 0);
  self->height = spin_row (grid, row++, _("Height (m)"), 0, 3, 0.05, 2, 0.3);
  label = gtk_label_new (_("Walls"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  for (guint i = 0; i < 4; i++)
    {
      self->walls[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_(wall_names[i])));
      gtk_check_button_set_active (self->walls[i], TRUE);
      g_signal_connect_swapped (self->walls[i], "toggled", G_CALLBACK (on_changed), self);
      gtk_box_append (GTK_BOX (walls_box), GTK_WIDGET (self->walls[i]));
    }
  gtk_grid_attach (GTK_GRID (grid), walls_box, 1, row++, 1, 1);
  label = gtk_label_new (_("Telecom room"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_string_list_splice (rooms, 0, 0, (const char * const []) { _("The nearest reachable"), NULL });
  self->room = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (rooms)), NULL));
  g_signal_connect_swapped (self->room, "notify::selected", G_CALLBACK (on_changed), self);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->room), 1, row++, 1, 1);
  self->route = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("Route the runs and assign panel ports")));
  gtk_check_button_set_active (self->route, TRUE);
  g_signal_connect_swapped (self->route, "toggled", G_CALLBACK (on_changed), self);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->route), 0, row++, 2, 1);
  gtk_box_append (GTK_BOX (side), grid);
  for (GtkSpinButton **s = (GtkSpinButton *[]) { self->m2, self->per_ws, self->min, self->data, self->voice,
                                                  self->height, NULL }; *s; s++)
    g_signal_connect_swapped (*s, "value-changed", G_CALLBACK (on_changed), self);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->error_label));

  self->apply_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Apply")));
  gtk_widget_add_css_class (GTK_WIDGET (self->apply_button), "suggested-action");
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), FALSE);
  g_signal_connect_swapped (preview, "clicked", G_CALLBACK (on_preview_clicked), self);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (on_apply_clicked), self);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_box_append (GTK_BOX (buttons), preview);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->apply_button));
  gtk_box_append (GTK_BOX (side), buttons);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (side_scroller), side);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (side_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_paned_set_start_child (GTK_PANED (paned), side_scroller);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);

  /* The plan, with the preview drawn over it. */
  self->area = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->area), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->area), TRUE);
  gtk_drawing_area_set_content_width (self->area, 640);
  gtk_drawing_area_set_draw_func (self->area, draw, self, NULL);
  self->summary = GTK_LABEL (gtk_label_new (_("Choose the spaces and the rule, then Preview.")));
  gtk_label_set_xalign (self->summary, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->summary), 8);
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->area));
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->summary));
  gtk_paned_set_end_child (GTK_PANED (paned), right);
}

EnlaceDesignDialog *
enlace_design_dialog_new (GtkWindow    *parent,
                          EnlaceStore  *store,
                          gint64        floor_id,
                          const gint64 *space_ids,
                          guint         n_spaces)
{
  EnlaceDesignDialog *self;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  self = g_object_new (ENLACE_TYPE_DESIGN_DIALOG, "modal", parent != NULL, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->floor_id = floor_id;
  self->scene = enlace_plan_scene_load (store, floor_id, NULL, NULL);
  build (self, space_ids, n_spaces);
  return self;
}

static void
enlace_design_dialog_dispose (GObject *object)
{
  EnlaceDesignDialog *self = ENLACE_DESIGN_DIALOG (object);

  g_clear_pointer (&self->outlets, g_ptr_array_unref);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_pointer (&self->scene, enlace_plan_scene_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (enlace_design_dialog_parent_class)->dispose (object);
}

static void
enlace_design_dialog_finalize (GObject *object)
{
  EnlaceDesignDialog *self = ENLACE_DESIGN_DIALOG (object);

  g_array_unref (self->space_ids);
  g_array_unref (self->room_ids);
  g_ptr_array_unref (self->checks);
  g_free (self->summary_text);
  G_OBJECT_CLASS (enlace_design_dialog_parent_class)->finalize (object);
}

static void
enlace_design_dialog_class_init (EnlaceDesignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = enlace_design_dialog_dispose;
  object_class->finalize = enlace_design_dialog_finalize;
}

static void
enlace_design_dialog_init (EnlaceDesignDialog *self)
{
  self->space_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->room_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_ptr_array_new ();
}
