/* enlace-impact-view.c: "What breaks" for a cable, port, device or rack */
#define G_LOG_DOMAIN "enlace-impact-view"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "enlace-impact-view.h"
#include "enlace-render-impact.h"
#include "enlace-render-util.h"
#include "enlace-trace.h"

struct _EnlaceImpactView
{
  EnlacePage     parent_instance;

  EnlaceTracer  *tracer;
  gulong         tracer_changed_id;
  GtkWidget     *stack;
  GtkWidget     *status;      /* AdwStatusPage: nothing breaks / error */
  GtkWidget     *content;     /* box of groups */
  GtkWidget     *headline;
  GtkWidget     *explanation;
  GtkWidget     *print_button;
  GtkWidget     *pdf_button;
  guint          n_items;
  guint          n_people;     /* rows of "People and extensions affected" */
};

G_DEFINE_FINAL_TYPE (EnlaceImpactView, enlace_impact_view, ENLACE_TYPE_PAGE)

static const char *
object_kind (const char *page_kind)
{
  const char *slash = page_kind ? strchr (page_kind, '/') : NULL;

  return slash ? slash + 1 : "device";
}

static void
clear_content (EnlaceImpactView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->content)))
    gtk_box_remove (GTK_BOX (self->content), child);
}

static void
trace_clicked_cb (GtkButton        *button,
                  EnlaceImpactView *self)
{
  const char *kind = g_object_get_data (G_OBJECT (button), "kind");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "id");

  enlace_page_activate_object (ENLACE_PAGE (self), kind, id);
}

static GtkWidget *
item_row (EnlaceImpactView       *self,
          EnlaceStore            *store,
          const EnlaceImpactItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Trace"));
  g_autofree char *key = enlace_tracer_dup_node_key (self->tracer, &item->node);
  g_autofree char *sub = enlace_impact_dup_item_detail (self->tracer, item);
  gint64 *id = g_new (gint64, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), key ? key : "?");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (sub && *sub)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);

  *id = item->node.id;
  g_object_set_data_full (G_OBJECT (button), "id", id, g_free);
  g_object_set_data (G_OBJECT (button), "kind",
                     (gpointer) (item->node.kind == ENLACE_NODE_TERMINATION ? "trace/circuit-termination" : "trace/port"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Show the path of this service as it is now"));
  g_signal_connect (button, "clicked", G_CALLBACK (trace_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
person_row_activated_cb (AdwActionRow     *row,
                         EnlaceImpactView *self)
{
  gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person"));
  gint64 extension = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "extension"));

  if (person > 0)
    enlace_page_activate_object (ENLACE_PAGE (self), "person", person);
  else if (extension > 0)
    enlace_page_activate_object (ENLACE_PAGE (self), "extension", extension);
}

/* A row of "People and extensions affected": opens the person, or the
 * extension held by nobody on record. */
static void
add_person_row (const char *title,
                const char *detail,
                gint64      person_id,
                gint64      extension_id,
                gpointer    data)
{
  EnlaceImpactView *self = data;
  GtkWidget *group = gtk_widget_get_last_child (self->content);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
  if (person_id > 0 || extension_id > 0)
    {
      g_object_set_data (G_OBJECT (row), "person", GSIZE_TO_POINTER ((gsize) person_id));
      g_object_set_data (G_OBJECT (row), "extension", GSIZE_TO_POINTER ((gsize) extension_id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (person_row_activated_cb), self);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->n_people++;
}

static void
reload (EnlaceImpactView *self)
{
  EnlacePage *page = ENLACE_PAGE (self);
  EnlaceStore *store = enlace_page_get_store (page);
  const char *kind = object_kind (enlace_page_get_kind (page));
  gint64 id = enlace_page_get_object_id (page);
  g_autoptr(EnlaceImpact) impact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *headline = NULL;
  GtkWidget *group = NULL;
  gint64 group_space = -1;

  clear_content (self);
  self->n_items = 0;
  self->n_people = 0;
  gtk_widget_set_sensitive (self->print_button, FALSE);
  gtk_widget_set_sensitive (self->pdf_button, FALSE);
  if (store == NULL || self->tracer == NULL)
    return;

  title = enlace_impact_dup_title (store, kind, id);
  enlace_page_set_title (page, title);
  impact = enlace_tracer_impact (self->tracer, kind, id, &error);
  if (impact == NULL)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->status), _("Cannot tell what breaks"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->status), error->message);
      gtk_stack_set_visible_child (GTK_STACK (self->stack), self->status);
      enlace_page_set_subtitle (page, NULL);
      return;
    }

  self->n_items = impact->items->len;
  gtk_widget_set_sensitive (self->print_button, TRUE);
  gtk_widget_set_sensitive (self->pdf_button, TRUE);
  if (impact->items->len == 0)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->status), _("Nothing breaks"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->status),
                                       _("No complete path and no outlet jack depends on it: it can be removed without cutting a service."));
      gtk_stack_set_visible_child (GTK_STACK (self->stack), self->status);
      enlace_page_set_subtitle (page, _("Nothing breaks"));
      return;
    }

  headline = enlace_impact_dup_headline (impact);
  gtk_label_set_text (GTK_LABEL (self->headline), headline);
  gtk_box_append (GTK_BOX (self->content), self->headline);
  enlace_page_set_subtitle (page, headline);
  {
    /* what "50 services (25 paths)" means */
    g_autofree char *explanation = enlace_impact_dup_explanation (impact);

    gtk_label_set_text (GTK_LABEL (self->explanation), explanation);
    gtk_box_append (GTK_BOX (self->content), self->explanation);
  }
  {
    /* who loses their phone */
    g_autoptr(GPtrArray) extensions = enlace_tracer_impact_extensions (self->tracer, impact);

    if (extensions->len > 0)
      {
        group = adw_preferences_group_new ();
        adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("People and extensions affected"));
        gtk_box_append (GTK_BOX (self->content), group);
        enlace_impact_foreach_person (extensions, add_person_row, self);
        group = NULL;
      }
  }

  for (guint i = 0; i < impact->items->len; i++)
    {
      const EnlaceImpactItem *item = g_ptr_array_index (impact->items, i);

      if (group == NULL || item->space_id != group_space)
        {
          g_autofree char *space = NULL;

          group = adw_preferences_group_new ();
          group_space = item->space_id;
          space = enlace_impact_dup_space_title (self->tracer, item->space_id);
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), space);
          gtk_box_append (GTK_BOX (self->content), group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), item_row (self, store, item));
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
}

static void
tracer_changed_cb (EnlaceImpactView *self)
{
  reload (self);
}

static void
enlace_impact_view_set_object (EnlacePage *page,
                               const char *kind,
                               gint64      id)
{
  EnlaceImpactView *self = ENLACE_IMPACT_VIEW (page);

  enlace_page_follow_tracer (page, &self->tracer, &self->tracer_changed_id,
                             G_CALLBACK (tracer_changed_cb));
  reload (self);
}

static void
enlace_impact_view_store_changed (EnlacePage      *page,
                                  EnlaceChangeSet *changes)
{
  /* the tracer's ::changed reloads; areas and extensions are not its business */
  if (enlace_change_set_touches (changes, "extension") ||
      enlace_change_set_touches (changes, "area") ||
      enlace_change_set_touches (changes, "space"))
    reload (ENLACE_IMPACT_VIEW (page));
}

/* Printing and PDF: the same words, under the project's header */

static EnlacePlainDoc *
make_report (EnlaceImpactView  *self,
             GError           **error)
{
  EnlacePage *page = ENLACE_PAGE (self);

  if (self->tracer == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND, _("There is nothing to print"));
      return NULL;
    }
  return enlace_impact_report_new (self->tracer, object_kind (enlace_page_get_kind (page)),
                                   enlace_page_get_object_id (page), error);
}

gboolean
enlace_impact_view_export_pdf (EnlaceImpactView  *self,
                               const char        *path,
                               GError           **error)
{
  g_autoptr(EnlacePlainDoc) report = NULL;
  g_autoptr(EnlaceDocumentHeader) header = NULL;

  g_return_val_if_fail (ENLACE_IS_IMPACT_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(report = make_report (self, error)))
    return FALSE;
  header = enlace_document_header_new (enlace_page_get_store (ENLACE_PAGE (self)), NULL);
  return enlace_plain_doc_write_pdf (report, header, path, error);
}

typedef struct
{
  EnlacePlainDoc         *report;
  EnlaceDocumentHeader *header;
} PrintJob;

static void
print_job_free (gpointer data,
                GClosure *closure)
{
  PrintJob *job = data;

  enlace_plain_doc_free (job->report);
  enlace_document_header_free (job->header);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *op,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  gtk_print_operation_set_n_pages (op, enlace_plain_doc_paginate (job->report,
                                                               gtk_print_context_get_width (context),
                                                               gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  enlace_plain_doc_draw_page (job->report, job->header, gtk_print_context_get_cairo_context (context), page_nr);
}

static GtkPrintOperation *
enlace_impact_view_create_print_operation (EnlacePage *page)
{
  EnlaceImpactView *self = ENLACE_IMPACT_VIEW (page);
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *op;
  PrintJob *job;
  EnlacePlainDoc *report;

  if (!(report = make_report (self, &error)))
    return NULL;
  job = g_new0 (PrintJob, 1);
  job->report = report;
  job->header = enlace_document_header_new (enlace_page_get_store (page), NULL);
  op = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (op, enlace_plain_doc_get_title (report));
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (op, TRUE);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect_data (op, "draw-page", G_CALLBACK (draw_page_cb), job, print_job_free, 0);
  return op;
}

static void
print_clicked_cb (EnlaceImpactView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.print", NULL);
}

static void
export_response_cb (GtkNativeDialog  *native,
                    int               response,
                    EnlaceImpactView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path && !enlace_impact_view_export_pdf (self, path, &error))
        enlace_page_show_error (ENLACE_PAGE (self), error);
      else if (path)
        {
          g_autofree char *msg = g_strdup_printf (_("Saved to %s"), path);
          enlace_page_show_message (ENLACE_PAGE (self), msg);
        }
    }
  g_object_unref (native);
}

static void
pdf_clicked_cb (EnlaceImpactView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  native = gtk_file_chooser_native_new (_("Export as PDF"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  name = g_strdup_printf ("%s.pdf", enlace_page_get_title (ENLACE_PAGE (self)));
  g_strdelimit (name, "/:\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
enlace_impact_view_dispose (GObject *object)
{
  EnlaceImpactView *self = ENLACE_IMPACT_VIEW (object);

  if (self->tracer)
    g_clear_signal_handler (&self->tracer_changed_id, self->tracer);
  g_clear_object (&self->tracer);
  g_clear_object (&self->headline);
  g_clear_object (&self->explanation);

  G_OBJECT_CLASS (enlace_impact_view_parent_class)->dispose (object);
}

static void
enlace_impact_view_class_init (EnlaceImpactViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_impact_view_dispose;
  page_class->set_object = enlace_impact_view_set_object;
  page_class->store_changed = enlace_impact_view_store_changed;
  page_class->create_print_operation = enlace_impact_view_create_print_operation;
}

static void
enlace_impact_view_init (EnlaceImpactView *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_add_css_class (bar, "toolbar");
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  self->print_button = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_set_tooltip_text (self->print_button, _("Print what breaks, with the people and extensions affected (Ctrl+P)"));
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (print_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), self->print_button);
  self->pdf_button = gtk_button_new_with_mnemonic (_("Export _PDF…"));
  g_signal_connect_swapped (self->pdf_button, "clicked", G_CALLBACK (pdf_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), self->pdf_button);
  gtk_box_append (GTK_BOX (outer), bar);

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);

  self->status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status), "emblem-ok-symbolic");
  gtk_stack_add_named (GTK_STACK (self->stack), self->status, "status");

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->content, 18);
  gtk_widget_set_margin_bottom (self->content, 18);
  gtk_widget_set_margin_start (self->content, 12);
  gtk_widget_set_margin_end (self->content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "list");

  /* kept across reloads (removed from and added to the box) */
  self->headline = g_object_ref_sink (gtk_label_new (NULL));
  gtk_label_set_wrap (GTK_LABEL (self->headline), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->headline), 0);
  gtk_widget_add_css_class (self->headline, "title-4");
  self->explanation = g_object_ref_sink (gtk_label_new (NULL));
  gtk_label_set_wrap (GTK_LABEL (self->explanation), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->explanation), 0);
  gtk_widget_add_css_class (self->explanation, "dim-label");

  gtk_box_append (GTK_BOX (outer), self->stack);
  adw_bin_set_child (ADW_BIN (self), outer);
}

guint
enlace_impact_view_get_n_items (EnlaceImpactView *self)
{
  g_return_val_if_fail (ENLACE_IS_IMPACT_VIEW (self), 0);
  return self->n_items;
}

guint
enlace_impact_view_get_n_people (EnlaceImpactView *self)
{
  g_return_val_if_fail (ENLACE_IS_IMPACT_VIEW (self), 0);
  return self->n_people;
}

const char *
enlace_impact_view_get_explanation (EnlaceImpactView *self)
{
  g_return_val_if_fail (ENLACE_IS_IMPACT_VIEW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->explanation));
}
