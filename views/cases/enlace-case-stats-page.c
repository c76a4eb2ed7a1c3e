/* enlace-case-stats-page.c: the statistics of cases: a period chooser, the
 * sheet of charts and tables (views/render/enlace-render-chart.c), Print
 * and PDF
 */
#define G_LOG_DOMAIN "enlace-views"
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "enlace-case-stats-page.h"
#include "enlace-render-chart.h"

#define SHEET_MARGIN 16.0

struct _EnlaceCaseStatsPage
{
  EnlacePage         parent_instance;

  GtkDropDown       *period;
  GtkDrawingArea    *area;
  JsonObject        *stats;
  EnlaceStatsPeriod  current;
};

G_DEFINE_FINAL_TYPE (EnlaceCaseStatsPage, enlace_case_stats_page, ENLACE_TYPE_PAGE)

static void
load (EnlaceCaseStatsPage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->stats, json_object_unref);
  if (store != NULL)
    {
      enlace_stats_period_bounds (self->current, NULL, &from, &to);
      self->stats = enlace_case_stats (store, from, to, NULL, &error);
      if (self->stats == NULL)
        enlace_page_show_error (ENLACE_PAGE (self), error);
    }
  if (self->stats)
    {
      double h = enlace_render_case_stats (NULL, self->stats, 600);

      gtk_drawing_area_set_content_height (self->area, (int) h + 2 * SHEET_MARGIN);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  EnlaceCaseStatsPage *self = data;
  double h;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (self->stats == NULL)
    return;
  h = enlace_render_case_stats (NULL, self->stats, width - 2 * SHEET_MARGIN);
  if ((int) h + 2 * SHEET_MARGIN != gtk_drawing_area_get_content_height (area))
    gtk_drawing_area_set_content_height (area, (int) h + 2 * SHEET_MARGIN);
  cairo_translate (cr, SHEET_MARGIN, SHEET_MARGIN);
  enlace_render_case_stats (cr, self->stats, width - 2 * SHEET_MARGIN);
}

void
enlace_case_stats_page_set_period (EnlaceCaseStatsPage *self,
                                   EnlaceStatsPeriod    period)
{
  g_return_if_fail (ENLACE_IS_CASE_STATS_PAGE (self));

  if (gtk_drop_down_get_selected (self->period) != period)
    gtk_drop_down_set_selected (self->period, period);
  self->current = period;
  load (self);
}

JsonObject *
enlace_case_stats_page_get_stats (EnlaceCaseStatsPage *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_STATS_PAGE (self), NULL);
  return self->stats;
}

static void
period_changed_cb (EnlaceCaseStatsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->period);

  if (i != GTK_INVALID_LIST_POSITION && i != self->current)
    enlace_case_stats_page_set_period (self, i);
}

/* One page: the sheet at A4/Letter width, scaled down to fit the height. */
static void
draw_sheet_scaled (cairo_t    *cr,
                   JsonObject *stats,
                   double      pw,
                   double      ph)
{
  double h = enlace_render_case_stats (NULL, stats, pw);
  double scale = h > ph ? ph / h : 1.0;

  cairo_scale (cr, scale, scale);
  enlace_render_case_stats (cr, stats, pw / scale);
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page_nr,
              JsonObject        *stats)
{
  draw_sheet_scaled (gtk_print_context_get_cairo_context (context), stats,
                     gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static GtkPrintOperation *
create_print_operation (EnlacePage *page)
{
  EnlaceCaseStatsPage *self = ENLACE_CASE_STATS_PAGE (page);
  GtkPrintOperation *op;

  if (self->stats == NULL)
    return NULL;
  op = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (op, _("Statistics of cases"));
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (op, 1);
  g_signal_connect_data (op, "draw-page", G_CALLBACK (draw_page_cb), json_object_ref (self->stats),
                         (GClosureNotify) (void (*) (void)) json_object_unref, 0);
  return op;
}

gboolean
enlace_case_stats_page_export_pdf (EnlaceCaseStatsPage *self,
                                   const char          *path,
                                   GError             **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (ENLACE_IS_CASE_STATS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->stats == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There are no statistics to export"));
      return FALSE;
    }
  /* A4 in points, 36 pt margins */
  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  cairo_translate (cr, 36, 36);
  draw_sheet_scaled (cr, self->stats, 595 - 72, 842 - 72);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static void
print_cb (EnlaceCaseStatsPage *self)
{
  g_autoptr(GtkPrintOperation) op = enlace_page_create_print_operation (ENLACE_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;

  if (op == NULL)
    return;
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    enlace_page_show_error (ENLACE_PAGE (self), error);
}

static void
pdf_response_cb (GtkNativeDialog     *dialog,
                 int                  response,
                 EnlaceCaseStatsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path && !enlace_case_stats_page_export_pdf (self, path, &error))
        enlace_page_show_error (ENLACE_PAGE (self), error);
    }
  g_object_unref (dialog);
}

static void
pdf_cb (EnlaceCaseStatsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Export to PDF"),
                                                              GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("statistics-of-cases.pdf"));
  g_signal_connect (dialog, "response", G_CALLBACK (pdf_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
set_object (EnlacePage *page,
            const char *kind,
            gint64      id)
{
  enlace_page_set_title (page, _("Statistics"));
  enlace_page_set_subtitle (page, enlace_stats_period_label (ENLACE_CASE_STATS_PAGE (page)->current));
  load (ENLACE_CASE_STATS_PAGE (page));
}

static void
store_changed (EnlacePage *page,
               EnlaceChangeSet *changes)
{
  load (ENLACE_CASE_STATS_PAGE (page));
}

static void
enlace_case_stats_page_finalize (GObject *object)
{
  g_clear_pointer (&ENLACE_CASE_STATS_PAGE (object)->stats, json_object_unref);
  G_OBJECT_CLASS (enlace_case_stats_page_parent_class)->finalize (object);
}

static void
enlace_case_stats_page_class_init (EnlaceCaseStatsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->finalize = enlace_case_stats_page_finalize;
  page_class->set_object = set_object;
  page_class->store_changed = store_changed;
  page_class->create_print_operation = create_print_operation;
}

static void
enlace_case_stats_page_init (EnlaceCaseStatsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *button;
  const char *periods[5];

  for (guint i = 0; i < 4; i++)
    periods[i] = enlace_stats_period_label (i);
  periods[4] = NULL;
  self->current = ENLACE_STATS_THIS_YEAR;
  self->period = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (periods));
  gtk_drop_down_set_selected (self->period, self->current);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->period), _("Period"));
  g_signal_connect_swapped (self->period, "notify::selected", G_CALLBACK (period_changed_cb), self);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (bar), gtk_label_new (_("Period")));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->period));
  gtk_widget_set_hexpand (GTK_WIDGET (self->period), FALSE);
  button = gtk_button_new_with_mnemonic (_("_Print"));
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_hexpand (button, TRUE);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (print_cb), self);
  gtk_box_append (GTK_BOX (bar), button);
  button = gtk_button_new_with_mnemonic (_("Export to _PDF…"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (pdf_cb), self);
  gtk_box_append (GTK_BOX (bar), button);

  self->area = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_content_width (self->area, 400);
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->area), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), GTK_WIDGET (self->area));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), scroll);
  adw_bin_set_child (ADW_BIN (self), box);
}
