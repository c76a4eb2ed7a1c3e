/* enlace-trace-view.c: the page of a trace */
#define G_LOG_DOMAIN "enlace-trace-view"
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "enlace-render-util.h"
#include "enlace-trace-paths.h"
#include "enlace-trace-view.h"

struct _EnlaceTraceView
{
  EnlacePage          parent_instance;

  EnlaceTracer       *tracer;
  gulong              tracer_changed_id;
  EnlaceTraceDrawing *drawing;

  GtkWidget          *area;
  GtkWidget          *summary;
  GtkWidget          *print_button;
  GtkWidget          *pdf_button;
  GtkWidget          *png_button;
};

G_DEFINE_FINAL_TYPE (EnlaceTraceView, enlace_trace_view, ENLACE_TYPE_PAGE)

static const char *
object_kind (const char *page_kind)
{
  const char *slash = page_kind ? strchr (page_kind, '/') : NULL;

  return slash ? slash + 1 : "port";
}

static void
update_summary (EnlaceTraceView *self,
                GPtrArray       *paths)
{
  g_autofree char *text = NULL;

  if (paths == NULL || paths->len == 0)
    text = g_strdup (_("No path: nothing is connected here."));
  else
    text = enlace_paths_dup_summary (paths);
  gtk_label_set_text (GTK_LABEL (self->summary), text);
}

static void
reload (EnlaceTraceView *self)
{
  EnlacePage *page = ENLACE_PAGE (self);
  EnlaceStore *store = enlace_page_get_store (page);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  double w = 0, h = 0;

  g_clear_pointer (&self->drawing, enlace_trace_drawing_unref);
  if (store && self->tracer)
    {
      paths = enlace_tracer_trace_object (self->tracer, object_kind (enlace_page_get_kind (page)),
                                          enlace_page_get_object_id (page), &title, &error);
      if (paths)
        self->drawing = enlace_trace_drawing_new (store, title, paths, &error);
    }
  if (g_error_matches (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND))
    {
      g_free (title);
      title = g_strdup (_("Nothing to trace: the object no longer exists"));
    }
  else if (error)
    enlace_page_show_error (page, error);

  enlace_page_set_title (page, title ? title : _("Trace"));
  update_summary (self, paths);
  enlace_page_set_subtitle (page, gtk_label_get_text (GTK_LABEL (self->summary)));
  if (self->drawing)
    enlace_trace_drawing_get_size (self->drawing, &w, &h);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->area), (int) ceil (w));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->area), (int) ceil (h));
  gtk_widget_set_sensitive (self->print_button, self->drawing != NULL);
  gtk_widget_set_sensitive (self->pdf_button, self->drawing != NULL);
  gtk_widget_set_sensitive (self->png_button, self->drawing != NULL);
  gtk_widget_queue_draw (self->area);
}

static void
tracer_changed_cb (EnlaceTraceView *self)
{
  reload (self);
}

static void
ensure_tracer (EnlaceTraceView *self)
{
  enlace_page_follow_tracer (ENLACE_PAGE (self), &self->tracer, &self->tracer_changed_id,
                             G_CALLBACK (tracer_changed_cb));
}

static void
enlace_trace_view_set_object (EnlacePage *page,
                              const char *kind,
                              gint64      id)
{
  EnlaceTraceView *self = ENLACE_TRACE_VIEW (page);

  ensure_tracer (self);
  reload (self);
}

static void
enlace_trace_view_store_changed (EnlacePage      *page,
                                 EnlaceChangeSet *changes)
{
  /* the tracer's ::changed redraws; names and colours may change too */
  if (enlace_change_set_touches (changes, "device") ||
      enlace_change_set_touches (changes, "space") ||
      enlace_change_set_touches (changes, "rack") ||
      enlace_change_set_touches (changes, "extension"))
    reload (ENLACE_TRACE_VIEW (page));
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  EnlaceTraceView *self = data;

  if (self->drawing)
    {
      /* a sheet of paper, also under a dark style */
      enlace_render_rounded_rect (cr, 0, 0, width, height, 8);
      cairo_set_source_rgb (cr, 0.985, 0.985, 0.98);
      cairo_fill (cr);
      enlace_trace_drawing_draw (self->drawing, cr);
    }
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           EnlaceTraceView          *self)
{
  const char *kind = NULL;
  gint64 id = 0;

  if (self->drawing == NULL)
    return;
  enlace_trace_drawing_hit (self->drawing, x, y, &kind, &id);
  enlace_trace_drawing_set_hover (self->drawing, kind, id);
  gtk_widget_set_cursor_from_name (self->area, kind ? "pointer" : NULL);
  gtk_widget_queue_draw (self->area);
}

static void
pressed_cb (GtkGestureClick *click,
            int              n_press,
            double           x,
            double           y,
            EnlaceTraceView *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  const char *kind = NULL;
  gint64 id = 0;

  if (self->drawing == NULL || !enlace_trace_drawing_hit (self->drawing, x, y, &kind, &id))
    return;
  if (g_strcmp0 (kind, "port") == 0 && store)
    {
      /* a box is a device: open its page */
      g_autoptr(JsonObject) port = enlace_store_get (store, "port", id, NULL);

      if (port)
        enlace_page_activate_object (ENLACE_PAGE (self), "device", enlace_json_int (port, "device_id", 0));
      return;
    }
  enlace_page_activate_object (ENLACE_PAGE (self), kind, id);
}

static gboolean
query_tooltip_cb (GtkWidget       *widget,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  EnlaceTraceView *self)
{
  g_autofree char *text = NULL;

  if (self->drawing == NULL || !(text = enlace_trace_drawing_dup_tooltip (self->drawing, x, y)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

gboolean
enlace_trace_view_export (EnlaceTraceView  *self,
                          const char       *path,
                          gboolean          pdf,
                          GError          **error)
{
  g_return_val_if_fail (ENLACE_IS_TRACE_VIEW (self), FALSE);

  if (self->drawing == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND, _("There is no trace to export"));
      return FALSE;
    }
  /* PNG at 2× so that it reads well in a report */
  return enlace_trace_drawing_export (self->drawing, path, pdf, pdf ? 1 : 2, error);
}

EnlaceTraceDrawing *
enlace_trace_view_get_drawing (EnlaceTraceView *self)
{
  g_return_val_if_fail (ENLACE_IS_TRACE_VIEW (self), NULL);
  return self->drawing;
}

/* Export */

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    EnlaceTraceView *self)
{
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "pdf"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path && !enlace_trace_view_export (self, path, pdf, &error))
        enlace_page_show_error (ENLACE_PAGE (self), error);
      else if (path)
        {
          g_autofree char *msg = g_strdup_printf (_("Trace saved to %s"), path);
          enlace_page_show_message (ENLACE_PAGE (self), msg);
        }
    }
  g_object_unref (native);
}

static void
export (EnlaceTraceView *self,
        gboolean         pdf)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  native = gtk_file_chooser_native_new (pdf ? _("Export Trace as PDF") : _("Export Trace as PNG"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("PNG images"));
  gtk_file_filter_add_mime_type (filter, pdf ? "application/pdf" : "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  name = g_strdup_printf ("%s.%s", enlace_page_get_title (ENLACE_PAGE (self)), pdf ? "pdf" : "png");
  g_strdelimit (name, "/:\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data (G_OBJECT (native), "pdf", GINT_TO_POINTER (pdf));
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_pdf_cb (EnlaceTraceView *self)
{
  export (self, TRUE);
}

static void
export_png_cb (EnlaceTraceView *self)
{
  export (self, FALSE);
}

/* Printing: one path per page, scaled down to fit */

static void
begin_print_cb (GtkPrintOperation  *op,
                GtkPrintContext    *context,
                EnlaceTraceDrawing *drawing)
{
  gtk_print_operation_set_n_pages (op, MAX (1, enlace_trace_drawing_get_n_paths (drawing)));
}

static void
draw_page_cb (GtkPrintOperation  *op,
              GtkPrintContext    *context,
              int                 page_nr,
              EnlaceTraceDrawing *drawing)
{
  enlace_trace_drawing_print_page (drawing, gtk_print_context_get_cairo_context (context), page_nr,
                                   gtk_print_context_get_width (context),
                                   gtk_print_context_get_height (context));
}

static GtkPrintOperation *
enlace_trace_view_create_print_operation (EnlacePage *page)
{
  EnlaceTraceView *self = ENLACE_TRACE_VIEW (page);
  GtkPrintOperation *op;

  if (self->drawing == NULL)
    return NULL;
  op = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (op, enlace_page_get_title (page));
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  g_signal_connect_data (op, "begin-print", G_CALLBACK (begin_print_cb),
                         enlace_trace_drawing_ref (self->drawing),
                         (GClosureNotify) (void (*) (void)) enlace_trace_drawing_unref, 0);
  g_signal_connect_data (op, "draw-page", G_CALLBACK (draw_page_cb),
                         enlace_trace_drawing_ref (self->drawing),
                         (GClosureNotify) (void (*) (void)) enlace_trace_drawing_unref, 0);
  return op;
}

static void
print_cb (EnlaceTraceView *self)
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
enlace_trace_view_focus_main (EnlacePage *page)
{
  gtk_widget_grab_focus (ENLACE_TRACE_VIEW (page)->area);
}

static void
enlace_trace_view_dispose (GObject *object)
{
  EnlaceTraceView *self = ENLACE_TRACE_VIEW (object);

  if (self->tracer)
    g_clear_signal_handler (&self->tracer_changed_id, self->tracer);
  g_clear_object (&self->tracer);
  g_clear_pointer (&self->drawing, enlace_trace_drawing_unref);

  G_OBJECT_CLASS (enlace_trace_view_parent_class)->dispose (object);
}

static void
enlace_trace_view_class_init (EnlaceTraceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_trace_view_dispose;
  page_class->set_object = enlace_trace_view_set_object;
  page_class->store_changed = enlace_trace_view_store_changed;
  page_class->create_print_operation = enlace_trace_view_create_print_operation;
  page_class->focus_main = enlace_trace_view_focus_main;
}

static GtkWidget *
tool_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  return button;
}

static void
enlace_trace_view_init (EnlaceTraceView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (bar, "toolbar");
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  gtk_widget_set_margin_bottom (bar, 8);

  self->print_button = tool_button ("printer-symbolic", _("_Print…"));
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (print_cb), self);
  gtk_box_append (GTK_BOX (bar), self->print_button);
  self->pdf_button = tool_button ("document-save-symbolic", _("Export _PDF…"));
  g_signal_connect_swapped (self->pdf_button, "clicked", G_CALLBACK (export_pdf_cb), self);
  gtk_box_append (GTK_BOX (bar), self->pdf_button);
  self->png_button = tool_button ("image-x-generic-symbolic", _("Export P_NG…"));
  g_signal_connect_swapped (self->png_button, "clicked", G_CALLBACK (export_png_cb), self);
  gtk_box_append (GTK_BOX (bar), self->png_button);

  self->summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 1);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_widget_set_hexpand (self->summary, TRUE);
  gtk_widget_add_css_class (self->summary, "dim-label");
  gtk_box_append (GTK_BOX (bar), self->summary);
  gtk_box_append (GTK_BOX (box), bar);

  self->area = gtk_drawing_area_new ();
  gtk_widget_set_margin_start (self->area, 12);
  gtk_widget_set_margin_end (self->area, 12);
  gtk_widget_set_margin_bottom (self->area, 12);
  gtk_widget_set_halign (self->area, GTK_ALIGN_START);
  gtk_widget_set_valign (self->area, GTK_ALIGN_START);
  gtk_widget_set_focusable (self->area, TRUE);
  gtk_widget_set_has_tooltip (self->area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cable path"), -1);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (self->area, motion);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (self->area, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->area);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);

  adw_bin_set_child (ADW_BIN (self), box);
}
