/* enlace-labels-dialog.c: print labels (kind, sheet or tape, start cell,
 * preview, Print, Export PDF) */
#define G_LOG_DOMAIN "enlace-labels-dialog"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-label-layout.h"
#include "enlace-labels-dialog.h"
#include "enlace-render-labels.h"

#define PICKER_W 150
#define PICKER_H 200

struct _EnlaceLabelsDialog
{
  AdwWindow          parent_instance;

  EnlaceStore       *store;
  EnlaceLabelScope   scope;
  char              *ids_kind;      /* the list the ids come from, NULL for a scope */
  EnlaceLabelKind    kind;
  EnlaceLabelLayout  layout;
  EnlaceLabelStyle   style;
  guint              start;
  GPtrArray         *labels;
  EnlaceLabelPages  *pages;
  char              *summary;
  guint              n_skipped;
  gboolean           updating;

  AdwToastOverlay   *toasts;
  AdwComboRow       *kind_row;
  AdwComboRow       *style_row;
  GtkSwitch         *qr_switch;
  GtkSwitch         *outline_switch;
  AdwComboRow       *layout_row;
  GtkWidget         *grid_group;
  GtkSpinButton     *spins[8];      /* rows, columns, top, left, pitch x, pitch y, width, height */
  GtkWidget         *start_group;
  GtkWidget         *picker;
  GtkLabel          *start_label;
  GtkWidget         *preview;
  GtkSpinButton     *page_spin;
  GtkLabel          *summary_label;
  GtkWidget         *print_button;
  GtkWidget         *export_button;
};

G_DEFINE_FINAL_TYPE (EnlaceLabelsDialog, enlace_labels_dialog, ADW_TYPE_WINDOW)

enum { SPIN_ROWS, SPIN_COLUMNS, SPIN_TOP, SPIN_LEFT, SPIN_PITCH_X, SPIN_PITCH_Y, SPIN_WIDTH, SPIN_HEIGHT };

static guint
n_presets (void)
{
  guint n;

  enlace_label_presets (&n);
  return n;
}

/* --- state ------------------------------------------------------------ */

static void
update_summary (EnlaceLabelsDialog *self,
                const char         *error_message)
{
  guint n = self->labels ? self->labels->len : 0;
  guint pages = self->pages ? enlace_label_pages_get_n_pages (self->pages) : 0;
  GString *s = g_string_new (NULL);

  if (error_message)
    g_string_append (s, error_message);
  else if (n == 0)
    g_string_append (s, _("No labels of this kind in the selection."));
  else if (self->layout.media == ENLACE_LABEL_MEDIA_TAPE)
    g_string_append_printf (s, ngettext ("%u label on tape, one per page.", "%u labels on tape, one per page.", n), n);
  else
    {
      g_string_append_printf (s, ngettext ("%u label", "%u labels", n), n);
      g_string_append (s, " · ");
      g_string_append_printf (s, ngettext ("%u sheet", "%u sheets", pages), pages);
    }
  if (self->n_skipped > 0 && error_message == NULL)
    {
      g_string_append (s, " ");
      g_string_append_printf (s, ngettext ("(%u object skipped: it has no labels of this kind.)",
                                           "(%u objects skipped: they have no labels of this kind.)",
                                           self->n_skipped), self->n_skipped);
    }
  g_free (self->summary);
  self->summary = g_string_free (s, FALSE);
  gtk_label_set_label (self->summary_label, self->summary);
  gtk_widget_set_sensitive (self->print_button, pages > 0);
  gtk_widget_set_sensitive (self->export_button, pages > 0);
}

static void
rebuild_pages (EnlaceLabelsDialog *self,
               const char         *error_message)
{
  guint per = enlace_label_layout_per_page (&self->layout);
  guint n_pages;

  if (self->start >= per)
    self->start = 0;
  g_clear_pointer (&self->pages, enlace_label_pages_free);
  if (self->labels && self->labels->len > 0 && error_message == NULL)
    self->pages = enlace_label_pages_new (self->labels, &self->layout, self->start, &self->style);
  n_pages = self->pages ? enlace_label_pages_get_n_pages (self->pages) : 0;

  self->updating = TRUE;
  gtk_spin_button_set_range (self->page_spin, 1, MAX (n_pages, 1));
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->page_spin), n_pages > 1);
  gtk_widget_set_visible (self->start_group, self->layout.media == ENLACE_LABEL_MEDIA_SHEET);
  {
    g_autofree char *text = g_strdup_printf (_("Starts at label %u of %u on the first sheet."), self->start + 1, per);
    gtk_label_set_label (self->start_label, text);
  }
  update_summary (self, error_message);
  gtk_widget_queue_draw (self->picker);
  gtk_widget_queue_draw (self->preview);
}

static void
reload_labels (EnlaceLabelsDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  self->n_skipped = 0;
  if (self->ids_kind)
    self->labels = enlace_labels_collect_for (self->store, self->kind, self->ids_kind,
                                              self->scope.ids, &self->n_skipped, &error);
  else
    self->labels = enlace_labels_collect (self->store, self->kind, &self->scope, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->style_row), self->kind == ENLACE_LABEL_KIND_CABLE);
  rebuild_pages (self, error ? error->message : NULL);
}

/* The spin buttons show the figures of the layout. */
static void
show_layout_figures (EnlaceLabelsDialog *self)
{
  const EnlaceLabelLayout *l = &self->layout;
  double values[8];

  if (l->media != ENLACE_LABEL_MEDIA_SHEET)
    return;
  values[SPIN_ROWS] = l->rows;
  values[SPIN_COLUMNS] = l->columns;
  values[SPIN_TOP] = l->margin_top;
  values[SPIN_LEFT] = l->margin_left;
  values[SPIN_PITCH_X] = l->pitch_x;
  values[SPIN_PITCH_Y] = l->pitch_y;
  values[SPIN_WIDTH] = l->label_width;
  values[SPIN_HEIGHT] = l->label_height;
  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    gtk_spin_button_set_value (self->spins[i], values[i]);
  self->updating = FALSE;
}

static void
apply_grid (EnlaceLabelsDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *paper = self->layout.paper ? self->layout.paper : "A4";
  g_autofree char *keep = g_strdup (paper);

  if (!enlace_label_layout_init_grid (&self->layout, keep,
                                      gtk_spin_button_get_value_as_int (self->spins[SPIN_ROWS]),
                                      gtk_spin_button_get_value_as_int (self->spins[SPIN_COLUMNS]),
                                      gtk_spin_button_get_value (self->spins[SPIN_TOP]),
                                      gtk_spin_button_get_value (self->spins[SPIN_LEFT]),
                                      gtk_spin_button_get_value (self->spins[SPIN_PITCH_X]),
                                      gtk_spin_button_get_value (self->spins[SPIN_PITCH_Y]),
                                      gtk_spin_button_get_value (self->spins[SPIN_WIDTH]),
                                      gtk_spin_button_get_value (self->spins[SPIN_HEIGHT]),
                                      &error))
    {
      rebuild_pages (self, error->message);
      return;
    }
  rebuild_pages (self, NULL);
}

static void
spin_changed_cb (EnlaceLabelsDialog *self)
{
  if (self->updating)
    return;
  if (adw_combo_row_get_selected (self->layout_row) != n_presets ())
    {
      self->updating = TRUE;
      adw_combo_row_set_selected (self->layout_row, n_presets ());
      self->updating = FALSE;
      gtk_widget_set_visible (self->grid_group, TRUE);
    }
  apply_grid (self);
}

static void
layout_selected_cb (EnlaceLabelsDialog *self)
{
  guint i = adw_combo_row_get_selected (self->layout_row);
  const EnlaceLabelPreset *presets = enlace_label_presets (NULL);

  if (self->updating)
    return;
  if (i < n_presets ())
    {
      enlace_label_layout_init_preset (&self->layout, presets[i].name, NULL);
      gtk_widget_set_visible (self->grid_group, FALSE);
      show_layout_figures (self);
      rebuild_pages (self, NULL);
    }
  else
    {
      /* a custom grid starts from the sheet shown */
      if (self->layout.media != ENLACE_LABEL_MEDIA_SHEET)
        enlace_label_layout_init_preset (&self->layout, "L7160", NULL);
      show_layout_figures (self);
      gtk_widget_set_visible (self->grid_group, TRUE);
      apply_grid (self);
    }
}

static void
kind_selected_cb (EnlaceLabelsDialog *self)
{
  if (self->updating)
    return;
  self->kind = adw_combo_row_get_selected (self->kind_row);
  reload_labels (self);
}

static void
style_changed_cb (EnlaceLabelsDialog *self)
{
  if (self->updating)
    return;
  self->style.cable_style = adw_combo_row_get_selected (self->style_row) == 1
    ? ENLACE_CABLE_LABEL_FLAG : ENLACE_CABLE_LABEL_WRAP;
  self->style.qr = gtk_switch_get_active (self->qr_switch);
  self->style.outlines = gtk_switch_get_active (self->outline_switch);
  rebuild_pages (self, NULL);
}

/* --- the sheet picture: click the start cell --------------------------- */

static gboolean
picker_geometry (EnlaceLabelsDialog *self,
                 int                 width,
                 int                 height,
                 double             *ox,
                 double             *oy,
                 double             *scale)
{
  const EnlaceLabelLayout *l = &self->layout;

  if (l->media != ENLACE_LABEL_MEDIA_SHEET || l->page_width <= 0 || l->page_height <= 0)
    return FALSE;
  *scale = MIN ((width - 4) / l->page_width, (height - 4) / l->page_height);
  *ox = (width - l->page_width * *scale) / 2;
  *oy = (height - l->page_height * *scale) / 2;
  return TRUE;
}

static void
draw_picker (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  EnlaceLabelsDialog *self = user_data;
  double ox, oy, scale;
  guint per, n;

  if (!picker_geometry (self, width, height, &ox, &oy, &scale))
    return;
  per = enlace_label_layout_per_page (&self->layout);
  n = self->labels ? self->labels->len : 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, ox, oy, self->layout.page_width * scale, self->layout.page_height * scale);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  for (guint cell = 0; cell < per; cell++)
    {
      EnlaceLabelRect r;

      enlace_label_layout_cell_rect (&self->layout, cell, &r);
      cairo_rectangle (cr, ox + r.x * scale + 0.5, oy + r.y * scale + 0.5,
                       MAX (r.width * scale - 1, 1), MAX (r.height * scale - 1, 1));
      if (cell < self->start)
        cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);        /* used already */
      else if (cell == self->start)
        cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);        /* the start */
      else if (cell < self->start + n)
        cairo_set_source_rgb (cr, 0.70, 0.82, 0.96);        /* to be printed */
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.4);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
    }
}

gboolean
enlace_labels_dialog_pick_at (EnlaceLabelsDialog *self,
                              double              x,
                              double              y)
{
  double ox, oy, scale;
  guint per;

  g_return_val_if_fail (ENLACE_IS_LABELS_DIALOG (self), FALSE);

  if (!picker_geometry (self, gtk_widget_get_width (self->picker), gtk_widget_get_height (self->picker),
                        &ox, &oy, &scale))
    return FALSE;
  per = enlace_label_layout_per_page (&self->layout);
  for (guint cell = 0; cell < per; cell++)
    {
      EnlaceLabelRect r;
      double mx = (x - ox) / scale, my = (y - oy) / scale;

      enlace_label_layout_cell_rect (&self->layout, cell, &r);
      if (mx >= r.x && mx < r.x + r.width && my >= r.y && my < r.y + r.height)
        {
          enlace_labels_dialog_set_start (self, cell);
          return TRUE;
        }
    }
  return FALSE;
}

static void
picker_pressed_cb (GtkGestureClick    *gesture,
                   int                 n_press,
                   double              x,
                   double              y,
                   EnlaceLabelsDialog *self)
{
  enlace_labels_dialog_pick_at (self, x, y);
}

/* --- preview ------------------------------------------------------------ */

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  EnlaceLabelsDialog *self = user_data;
  guint page = gtk_spin_button_get_value_as_int (self->page_spin) - 1;
  double pw, ph, scale, ox, oy;

  if (self->pages == NULL || page >= enlace_label_pages_get_n_pages (self->pages))
    return;
  enlace_label_pages_get_size (self->pages, page, &pw, &ph);
  scale = MIN ((width - 24) / pw, (height - 24) / ph);
  if (scale <= 0)
    return;
  ox = (width - pw * scale) / 2;
  oy = (height - ph * scale) / 2;

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, ox + 3, oy + 3, pw * scale, ph * scale);
  cairo_fill (cr);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, pw, ph);
  cairo_fill (cr);
  /* the sheet's die cuts, faint, so that an empty cell shows */
  if (self->layout.media == ENLACE_LABEL_MEDIA_SHEET)
    {
      guint per = enlace_label_layout_per_page (&self->layout);

      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_set_line_width (cr, 0.5);
      for (guint cell = 0; cell < per; cell++)
        {
          EnlaceLabelRect r;

          enlace_label_layout_cell_rect (&self->layout, cell, &r);
          cairo_rectangle (cr, r.x * ENLACE_MM_TO_PT, r.y * ENLACE_MM_TO_PT,
                           r.width * ENLACE_MM_TO_PT, r.height * ENLACE_MM_TO_PT);
          cairo_stroke (cr);
        }
    }
  enlace_label_pages_draw (self->pages, cr, page);
  cairo_restore (cr);
}

static void
page_changed_cb (EnlaceLabelsDialog *self)
{
  gtk_widget_queue_draw (self->preview);
}

/* --- print and export ----------------------------------------------------- */

static GtkPageSetup *
page_setup_for (EnlaceLabelsDialog *self,
                guint               page)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  double w, h;

  enlace_label_pages_get_size (self->pages, page, &w, &h);
  if (self->layout.media == ENLACE_LABEL_MEDIA_SHEET && g_strcmp0 (self->layout.paper, "Letter") == 0)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  else if (self->layout.media == ENLACE_LABEL_MEDIA_SHEET)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  else
    paper = gtk_paper_size_new_custom ("enlace-tape", _("Label tape"), w, h, GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  return setup;
}

static void
request_page_setup_cb (GtkPrintOperation  *op,
                       GtkPrintContext    *context,
                       int                 page_nr,
                       GtkPageSetup       *setup,
                       EnlaceLabelsDialog *self)
{
  g_autoptr(GtkPageSetup) mine = NULL;

  if (self->pages == NULL || self->layout.media != ENLACE_LABEL_MEDIA_TAPE)
    return;
  mine = page_setup_for (self, page_nr);
  gtk_page_setup_set_paper_size (setup, gtk_page_setup_get_paper_size (mine));
}

static void
draw_page_cb (GtkPrintOperation  *op,
              GtkPrintContext    *context,
              int                 page_nr,
              EnlaceLabelsDialog *self)
{
  if (self->pages)
    enlace_label_pages_draw (self->pages, gtk_print_context_get_cairo_context (context), page_nr);
}

static GtkPrintOperation *
make_print_operation (EnlaceLabelsDialog *self)
{
  GtkPrintOperation *op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = page_setup_for (self, 0);

  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (op, enlace_label_pages_get_n_pages (self->pages));
  gtk_print_operation_set_job_name (op, enlace_label_kind_title (self->kind));
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), self);
  g_signal_connect (op, "request-page-setup", G_CALLBACK (request_page_setup_cb), self);
  return op;
}

static void
print_clicked_cb (EnlaceLabelsDialog *self)
{
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;

  if (self->pages == NULL)
    return;
  op = make_print_operation (self);
  gtk_print_operation_set_allow_async (op, TRUE);
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

gboolean
enlace_labels_dialog_print_to_file (EnlaceLabelsDialog  *self,
                                    const char          *path,
                                    GError             **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;

  g_return_val_if_fail (ENLACE_IS_LABELS_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->pages == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s",
                   self->summary ? self->summary : _("No labels of this kind in the selection."));
      return FALSE;
    }
  op = make_print_operation (self);
  gtk_print_operation_set_export_filename (op, path);
  return gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self), error) ==
         GTK_PRINT_OPERATION_RESULT_APPLY;
}

guint
enlace_labels_dialog_export_pdf (EnlaceLabelsDialog  *self,
                                 const char          *path,
                                 GError             **error)
{
  g_return_val_if_fail (ENLACE_IS_LABELS_DIALOG (self), 0);
  g_return_val_if_fail (path != NULL, 0);

  if (self->labels == NULL || self->pages == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s",
                   self->summary ? self->summary : _("No labels of this kind in the selection."));
      return 0;
    }
  return enlace_render_labels_pdf (self->labels, &self->layout, self->start, &self->style, path, error);
}

static void
export_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    EnlaceLabelsDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path && enlace_labels_dialog_export_pdf (self, path, &error) > 0)
        {
          g_autofree char *base = g_path_get_basename (path);
          g_autofree char *msg = g_strdup_printf (_("Saved “%s”"), base);

          adw_toast_overlay_add_toast (self->toasts, adw_toast_new (msg));
        }
      else if (error)
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
    }
  g_object_unref (chooser);
}

static void
export_clicked_cb (EnlaceLabelsDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("%s.pdf", _("labels"));

  chooser = gtk_file_chooser_native_new (_("Export Labels as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- construction ---------------------------------------------------------- */

static void
enlace_labels_dialog_dispose (GObject *object)
{
  EnlaceLabelsDialog *self = ENLACE_LABELS_DIALOG (object);

  g_clear_pointer (&self->pages, enlace_label_pages_free);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->scope.ids, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (enlace_labels_dialog_parent_class)->dispose (object);
}

static void
enlace_labels_dialog_finalize (GObject *object)
{
  EnlaceLabelsDialog *self = ENLACE_LABELS_DIALOG (object);

  enlace_label_layout_clear (&self->layout);
  g_free (self->summary);
  g_free (self->ids_kind);

  G_OBJECT_CLASS (enlace_labels_dialog_parent_class)->finalize (object);
}

static void
enlace_labels_dialog_class_init (EnlaceLabelsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = enlace_labels_dialog_dispose;
  object_class->finalize = enlace_labels_dialog_finalize;
}

static GtkWidget *
spin_row (EnlaceLabelsDialog *self,
          GtkWidget          *group,
          guint               index,
          const char         *title,
          double              min,
          double              max,
          double              step,
          guint               digits)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  self->spins[index] = GTK_SPIN_BUTTON (spin);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (spin_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
switch_row (const char  *title,
            GtkSwitch  **out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  *out = GTK_SWITCH (sw);
  return row;
}

static void
enlace_labels_dialog_init (EnlaceLabelsDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *group, *row, *right, *pager, *page_label;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) layouts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) styles = gtk_string_list_new (NULL);
  const EnlaceLabelPreset *presets;
  GtkGesture *click;
  guint n;

  enlace_label_style_init (&self->style);
  enlace_label_layout_init_preset (&self->layout, "L7160", NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Print Labels"));
  gtk_window_set_default_size (GTK_WINDOW (self), 980, 660);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->print_button = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_add_css_class (self->print_button, "suggested-action");
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (print_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->print_button);
  self->export_button = gtk_button_new_with_mnemonic (_("_Export PDF…"));
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (content), header);

  /* what to print */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Labels"));
  for (guint i = 0; i < ENLACE_LABEL_N_KINDS; i++)
    gtk_string_list_append (kinds, enlace_label_kind_title (i));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));
  gtk_string_list_append (styles, _("Wrap-around"));
  gtk_string_list_append (styles, _("Flag"));
  self->style_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->style_row), _("Cable label"));
  adw_combo_row_set_model (self->style_row, G_LIST_MODEL (styles));
  g_signal_connect_swapped (self->style_row, "notify::selected", G_CALLBACK (style_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->style_row));
  row = switch_row (_("QR codes"), &self->qr_switch);
  gtk_switch_set_active (self->qr_switch, TRUE);
  g_signal_connect_swapped (self->qr_switch, "notify::active", G_CALLBACK (style_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = switch_row (_("Outlines (plain paper)"), &self->outline_switch);
  g_signal_connect_swapped (self->outline_switch, "notify::active", G_CALLBACK (style_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (GTK_BOX (side), group);

  /* on what */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sheet or tape"));
  presets = enlace_label_presets (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (layouts, _(presets[i].description));
  gtk_string_list_append (layouts, _("Custom grid"));
  self->layout_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->layout_row), _("Layout"));
  adw_combo_row_set_model (self->layout_row, G_LIST_MODEL (layouts));
  g_signal_connect_swapped (self->layout_row, "notify::selected", G_CALLBACK (layout_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->layout_row));
  gtk_box_append (GTK_BOX (side), group);

  self->grid_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->grid_group), _("Custom grid"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->grid_group), _("Millimetres, from the sheet's top-left corner"));
  spin_row (self, self->grid_group, SPIN_ROWS, _("Rows"), 1, 100, 1, 0);
  spin_row (self, self->grid_group, SPIN_COLUMNS, _("Columns"), 1, 100, 1, 0);
  spin_row (self, self->grid_group, SPIN_TOP, _("Top margin"), 0, 150, 0.5, 2);
  spin_row (self, self->grid_group, SPIN_LEFT, _("Left margin"), 0, 150, 0.5, 2);
  spin_row (self, self->grid_group, SPIN_PITCH_X, _("Pitch across"), 5, 300, 0.5, 2);
  spin_row (self, self->grid_group, SPIN_PITCH_Y, _("Pitch down"), 5, 300, 0.5, 2);
  spin_row (self, self->grid_group, SPIN_WIDTH, _("Label width"), 5, 300, 0.5, 2);
  spin_row (self, self->grid_group, SPIN_HEIGHT, _("Label height"), 5, 300, 0.5, 2);
  gtk_widget_set_visible (self->grid_group, FALSE);
  gtk_box_append (GTK_BOX (side), self->grid_group);

  /* where on a half-used sheet */
  self->start_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->start_group), _("Start position"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->start_group),
                                         _("Click the first free label of a half-used sheet."));
  self->picker = gtk_drawing_area_new ();
  gtk_widget_set_size_request (self->picker, PICKER_W, PICKER_H);
  gtk_widget_set_halign (self->picker, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->picker), draw_picker, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picker), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Start position on the sheet"), -1);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (picker_pressed_cb), self);
  gtk_widget_add_controller (self->picker, GTK_EVENT_CONTROLLER (click));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->start_group), self->picker);
  self->start_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->start_label), "dim-label");
  gtk_label_set_wrap (self->start_label, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->start_group), GTK_WIDGET (self->start_label));
  gtk_box_append (GTK_BOX (side), self->start_group);

  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 12);
  gtk_widget_set_margin_top (side, 12);
  gtk_widget_set_margin_bottom (side, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), side);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, 380, -1);
  gtk_box_append (GTK_BOX (body), scroller);
  gtk_box_append (GTK_BOX (body), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  /* preview */
  right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (right, "view");
  self->preview = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->preview, TRUE);
  gtk_widget_set_vexpand (self->preview, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->preview), draw_preview, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview"), -1);
  gtk_box_append (GTK_BOX (right), self->preview);
  pager = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (pager, 12);
  gtk_widget_set_margin_end (pager, 12);
  gtk_widget_set_margin_bottom (pager, 8);
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary_label), TRUE);
  gtk_box_append (GTK_BOX (pager), GTK_WIDGET (self->summary_label));
  page_label = gtk_label_new_with_mnemonic (_("P_age"));
  gtk_box_append (GTK_BOX (pager), page_label);
  self->page_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 1, 1));
  gtk_label_set_mnemonic_widget (GTK_LABEL (page_label), GTK_WIDGET (self->page_spin));
  g_signal_connect_swapped (self->page_spin, "value-changed", G_CALLBACK (page_changed_cb), self);
  gtk_box_append (GTK_BOX (pager), GTK_WIDGET (self->page_spin));
  gtk_box_append (GTK_BOX (right), pager);
  gtk_box_append (GTK_BOX (body), right);

  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (content), body);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, content);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));

  show_layout_figures (self);
}

GtkWidget *
enlace_labels_dialog_new (GtkWindow              *parent,
                          EnlaceStore            *store,
                          EnlaceLabelKind         kind,
                          const EnlaceLabelScope *scope)
{
  EnlaceLabelsDialog *self;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail ((guint) kind < ENLACE_LABEL_N_KINDS, NULL);

  self = g_object_new (ENLACE_TYPE_LABELS_DIALOG, NULL);
  if (parent)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->store = g_object_ref (store);
  if (scope)
    {
      self->scope.building_id = scope->building_id;
      self->scope.floor_id = scope->floor_id;
      self->scope.rack_id = scope->rack_id;
      if (scope->ids && scope->ids->len > 0)
        {
          self->scope.ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), scope->ids->len);
          g_array_append_vals (self->scope.ids, scope->ids->data, scope->ids->len);
          self->ids_kind = g_strdup (enlace_label_kind_source (kind));
        }
    }
  self->kind = kind;
  self->updating = TRUE;
  adw_combo_row_set_selected (self->kind_row, kind);
  self->updating = FALSE;
  reload_labels (self);
  return GTK_WIDGET (self);
}

gboolean
enlace_labels_dialog_open_for_list (GtkWidget   *from,
                                    EnlaceStore *store,
                                    const char  *list_kind,
                                    GArray      *ids)
{
  EnlaceLabelKind kind;
  GtkWidget *dialog;
  GtkRoot *root;
  EnlaceLabelScope scope = { 0 };
  EnlaceLabelsDialog *self;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  if (!enlace_labels_kind_for (store, list_kind, ids->len > 0 ? g_array_index (ids, gint64, 0) : 0, &kind))
    return FALSE;
  root = from ? gtk_widget_get_root (from) : NULL;
  scope.ids = ids;
  dialog = enlace_labels_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store, kind, &scope);
  self = ENLACE_LABELS_DIALOG (dialog);
  /* the list's kind, not the label kind's: racks stand for their devices */
  g_free (self->ids_kind);
  self->ids_kind = g_strdup (list_kind);
  if (ids->len == 0)
    g_clear_pointer (&self->ids_kind, g_free);
  reload_labels (self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

void
enlace_labels_dialog_set_kind (EnlaceLabelsDialog *self,
                               EnlaceLabelKind     kind)
{
  g_return_if_fail (ENLACE_IS_LABELS_DIALOG (self));
  g_return_if_fail ((guint) kind < ENLACE_LABEL_N_KINDS);

  adw_combo_row_set_selected (self->kind_row, kind);
}

EnlaceLabelKind
enlace_labels_dialog_get_kind (EnlaceLabelsDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_LABELS_DIALOG (self), 0);
  return self->kind;
}

gboolean
enlace_labels_dialog_set_layout (EnlaceLabelsDialog *self,
                                 const char         *name)
{
  guint n;
  const EnlaceLabelPreset *presets;

  g_return_val_if_fail (ENLACE_IS_LABELS_DIALOG (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  presets = enlace_label_presets (&n);
  if (strcmp (name, "custom") == 0)
    {
      adw_combo_row_set_selected (self->layout_row, n);
      return TRUE;
    }
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (presets[i].name, name) == 0)
      {
        adw_combo_row_set_selected (self->layout_row, i);
        return TRUE;
      }
  return FALSE;
}

void
enlace_labels_dialog_set_grid (EnlaceLabelsDialog *self,
                               guint               rows,
                               guint               columns)
{
  g_return_if_fail (ENLACE_IS_LABELS_DIALOG (self));

  enlace_labels_dialog_set_layout (self, "custom");
  self->updating = TRUE;
  gtk_spin_button_set_value (self->spins[SPIN_ROWS], rows);
  gtk_spin_button_set_value (self->spins[SPIN_COLUMNS], columns);
  /* the grid fills the sheet within its margins */
  gtk_spin_button_set_value (self->spins[SPIN_PITCH_X], (self->layout.page_width - 2 * gtk_spin_button_get_value (self->spins[SPIN_LEFT])) / columns);
  gtk_spin_button_set_value (self->spins[SPIN_PITCH_Y], (self->layout.page_height - 2 * gtk_spin_button_get_value (self->spins[SPIN_TOP])) / rows);
  gtk_spin_button_set_value (self->spins[SPIN_WIDTH], gtk_spin_button_get_value (self->spins[SPIN_PITCH_X]));
  gtk_spin_button_set_value (self->spins[SPIN_HEIGHT], gtk_spin_button_get_value (self->spins[SPIN_PITCH_Y]));
  self->updating = FALSE;
  apply_grid (self);
}

void
enlace_labels_dialog_set_start (EnlaceLabelsDialog *self,
                                guint               cell)
{
  g_return_if_fail (ENLACE_IS_LABELS_DIALOG (self));

  self->start = cell < enlace_label_layout_per_page (&self->layout) ? cell : 0;
  rebuild_pages (self, NULL);
}

guint
enlace_labels_dialog_get_start (EnlaceLabelsDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_LABELS_DIALOG (self), 0);
  return self->start;
}

GtkWidget *
enlace_labels_dialog_get_picker (EnlaceLabelsDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_LABELS_DIALOG (self), NULL);
  return self->picker;
}

guint
enlace_labels_dialog_get_n_labels (EnlaceLabelsDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_LABELS_DIALOG (self), 0);
  return self->labels ? self->labels->len : 0;
}

guint
enlace_labels_dialog_get_n_pages (EnlaceLabelsDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_LABELS_DIALOG (self), 0);
  return self->pages ? enlace_label_pages_get_n_pages (self->pages) : 0;
}

const char *
enlace_labels_dialog_get_summary (EnlaceLabelsDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_LABELS_DIALOG (self), NULL);
  return self->summary;
}
