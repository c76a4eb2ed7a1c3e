/* enlace-case-documents.c: the "Documentos" section of a case page */
#define G_LOG_DOMAIN "enlace-case-documents"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "enlace-case-document.h"
#include "enlace-case-documents.h"
#include "enlace-render-document.h"

typedef struct
{
  EnlaceStore        *store;
  gint64              case_id;
  EnlaceDocumentKind  kind;
} DocAction;

static void
doc_action_free (DocAction *a)
{
  g_clear_object (&a->store);
  g_free (a);
}

/* The paper of the preferences ("paper-size"), A4 or Letter. */
static const char *
preferred_paper (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *paper = NULL;

  if (schema == NULL)
    return "Letter";
  settings = g_settings_new_full (schema, NULL, NULL);
  paper = g_settings_get_string (settings, "paper-size");
  return g_strcmp0 (paper, "a4") == 0 ? "A4" : "Letter";
}

static void
show_error (GtkWidget  *widget,
            const char *heading,
            GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                        heading, error ? error->message : NULL));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static EnlaceCaseDocument *
build_doc (DocAction  *a,
           GError    **error)
{
  g_autoptr(EnlaceCase) c = enlace_case_get (a->store, a->case_id, error);

  if (c == NULL)
    return NULL;
  return enlace_case_document_build (a->store, c, a->kind, NULL, error);
}

/* ---- Print ------------------------------------------------------------ */

typedef struct
{
  EnlaceCaseDocument  *doc;
  GBytes              *logo;
  EnlaceDocumentPages *pages;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->pages, enlace_document_pages_free);
  g_clear_pointer (&job->doc, enlace_case_document_free);
  g_clear_pointer (&job->logo, g_bytes_unref);
  g_free (job);
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  enlace_document_pages_draw (job->pages, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
print_clicked_cb (GtkButton *button,
                  DocAction *a)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  EnlaceDocumentPageOptions options = { preferred_paper (), NULL };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  PrintJob *job = g_new0 (PrintJob, 1);

  job->doc = build_doc (a, &error);
  if (job->doc != NULL)
    job->logo = enlace_store_get_logo (a->store, &error);
  options.logo = job->logo;
  if (job->doc != NULL && error == NULL)
    job->pages = enlace_document_pages_new (job->doc, &options, &error);
  if (job->pages == NULL)
    {
      show_error (GTK_WIDGET (button), _("The document cannot be printed"), error);
      print_job_free (job);
      return;
    }
  op = gtk_print_operation_new ();
  paper = gtk_paper_size_new (g_str_equal (options.paper, "A4") ? GTK_PAPER_NAME_A4 : GTK_PAPER_NAME_LETTER);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (op, enlace_document_pages_get_n_pages (job->pages));
  gtk_print_operation_set_job_name (op, job->doc->folio);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (op), "enlace-job", job, (GDestroyNotify) print_job_free);
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (GTK_WIDGET (button), _("The document cannot be printed"), error);
}

/* ---- Export PDF --------------------------------------------------------- */

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    DocAction       *a)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(EnlaceCaseDocument) doc = NULL;
  g_autoptr(GBytes) logo = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  EnlaceDocumentPageOptions options = { preferred_paper (), NULL };

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;
  doc = build_doc (a, &error);
  if (doc != NULL)
    logo = enlace_store_get_logo (a->store, &error);
  options.logo = logo;
  base = g_path_get_basename (path);
  if (doc == NULL || error != NULL
      || enlace_render_document_pdf (doc, &options, path, &error) == 0
      || enlace_case_document_record (a->store, doc, "document", base, &error) == 0)
    g_warning ("%s", error->message);
out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_clicked_cb (GtkButton *button,
                   DocAction *a)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(EnlaceCase) c = enlace_case_get (a->store, a->case_id, NULL);
  g_autofree char *name = NULL;
  DocAction *copy = g_new0 (DocAction, 1);

  copy->store = g_object_ref (a->store);
  copy->case_id = a->case_id;
  copy->kind = a->kind;
  chooser = gtk_file_chooser_native_new (_("Export PDF"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strdup_printf ("%s-%s.pdf", c ? c->row->folio : "documento", enlace_document_kind_to_string (a->kind));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "enlace-action", copy, (GDestroyNotify) doc_action_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), copy);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Send by e-mail ----------------------------------------------------- */

static void
send_clicked_cb (GtkButton *button,
                 DocAction *a)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCaseDocument) doc = build_doc (a, &error);
  g_autofree char *uri = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  if (doc == NULL)
    {
      show_error (GTK_WIDGET (button), _("The document cannot be sent"), error);
      return;
    }
  uri = enlace_case_document_mailto_for (doc);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  /* the page reloads when the event is recorded: nothing of it after this */
  if (enlace_case_document_record (a->store, doc, "sent", doc->to_email, &error) == 0)
    g_warning ("%s", error->message);
}

static GtkWidget *
action_button (const char *icon,
               const char *tooltip,
               GCallback   cb,
               DocAction  *a)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  DocAction *copy = g_new0 (DocAction, 1);

  *copy = *a;
  g_object_ref (copy->store);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "enlace-action", copy, (GDestroyNotify) doc_action_free);
  g_signal_connect (button, "clicked", cb, copy);
  return button;
}

void
enlace_case_documents_fill (GtkBox           *box,
                            EnlaceStore      *store,
                            const EnlaceCase *c)
{
  GtkWidget *child;
  GtkWidget *group;
  g_autoptr(GArray) kinds = NULL;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
  if (c == NULL || store == NULL)
    return;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Documents"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Print them, export them as PDF or send them to the requester by e-mail; exporting and sending are recorded in the history."));
  kinds = enlace_case_document_kinds (c);
  for (guint i = 0; i < kinds->len; i++)
    {
      DocAction a = { store, c->row->id, g_array_index (kinds, EnlaceDocumentKind, i) };
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), enlace_document_kind_label (a.kind));
      if (a.kind == ENLACE_DOCUMENT_FORM)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The case’s main document"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 action_button ("document-print-symbolic", _("Print"), G_CALLBACK (print_clicked_cb), &a));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 action_button ("document-save-symbolic", _("Export PDF"), G_CALLBACK (export_clicked_cb), &a));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 action_button ("mail-send-symbolic", _("Send by e-mail"), G_CALLBACK (send_clicked_cb), &a));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (box, group);
}
