/* enlace-report-dialog.c: the "Reports" dialog */
#define G_LOG_DOMAIN "enlace-report-dialog"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-labels-dialog.h"
#include "enlace-render-report.h"
#include "enlace-report-dialog.h"
#include "enlace-report.h"

static const char * const papers[] = { "A4", "Letter", "A3" };

struct _EnlaceReportDialog
{
  AdwWindow       parent_instance;

  EnlaceStore    *store;
  GStrv           buildings;   /* pairs: code, label */
  GStrv           floors;      /* pairs: level, label */

  AdwComboRow    *kind_row;
  AdwComboRow    *building_row;
  AdwComboRow    *floor_row;
  AdwEntryRow    *objects_row;
  AdwEntryRow    *since_row;
  AdwEntryRow    *until_row;
  AdwComboRow    *paper_row;
  AdwComboRow    *orientation_row;
  GtkLabel       *description;
  GtkButton      *print_button;
  GtkButton      *export_button;
  GtkButton      *labels_button;
  GtkButton      *cancel_button;
  GtkProgressBar *progress;
  GtkLabel       *status;
  AdwToastOverlay *toasts;

  GCancellable   *cancellable;
  guint           progress_source;
  gint            page;        /* atomic: pages written */
  gint            n_pages;     /* atomic */
};

G_DEFINE_FINAL_TYPE (EnlaceReportDialog, enlace_report_dialog, ADW_TYPE_WINDOW)

enum { FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* What is chosen                                                      */

static const EnlaceReportInfo *
chosen_info (EnlaceReportDialog *self)
{
  guint n;
  const EnlaceReportInfo *kinds = enlace_report_kinds (&n);
  guint i = adw_combo_row_get_selected (self->kind_row);

  return i < n ? &kinds[i] : &kinds[0];
}

static const char *
chosen_building (EnlaceReportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->building_row);

  if (i == 0 || i == GTK_INVALID_LIST_POSITION || self->buildings == NULL)
    return NULL;
  return self->buildings[2 * (i - 1)];
}

static const char *
chosen_floor (EnlaceReportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->floor_row);

  if (i == 0 || i == GTK_INVALID_LIST_POSITION || self->floors == NULL)
    return NULL;
  return self->floors[2 * (i - 1)];
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text ? g_steal_pointer (&text) : NULL;
}

/* The job handed to the thread: copies of what was chosen. */
typedef struct
{
  char   *path;
  char   *kind;
  char   *building, *floor, *since, *until;
  GStrv   objects;
  EnlaceReportPageOptions options;
  char   *out;                 /* export: the PDF */
  EnlaceReportDialog *dialog;  /* for the progress (atomics only) */
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->kind);
  g_free (job->building);
  g_free (job->floor);
  g_free (job->since);
  g_free (job->until);
  g_strfreev (job->objects);
  enlace_report_page_options_clear (&job->options);
  g_free (job->out);
  g_free (job);
}

static Job *
job_new (EnlaceReportDialog *self)
{
  const EnlaceReportInfo *info = chosen_info (self);
  Job *job = g_new0 (Job, 1);
  g_autofree char *objects = NULL;
  guint paper = adw_combo_row_get_selected (self->paper_row);

  job->dialog = self;
  job->path = g_strdup (enlace_store_get_path (self->store));
  job->kind = g_strdup (info->name);
  if (info->style == ENLACE_REPORT_TABLE && strcmp (info->name, "audit") != 0)
    {
      job->building = g_strdup (chosen_building (self));
      job->floor = job->building ? g_strdup (chosen_floor (self)) : NULL;
    }
  else if (info->style == ENLACE_REPORT_RACKS)
    {
      job->building = g_strdup (chosen_building (self));
      job->floor = job->building ? g_strdup (chosen_floor (self)) : NULL;
    }
  if (strcmp (info->name, "audit") == 0)
    {
      job->since = entry_text (self->since_row);
      job->until = entry_text (self->until_row);
    }
  objects = entry_text (self->objects_row);
  if (info->style == ENLACE_REPORT_TRACES && objects)
    {
      job->objects = g_strsplit_set (objects, ",;", -1);
      for (guint i = 0; job->objects[i]; i++)
        g_strstrip (job->objects[i]);
    }
  enlace_report_page_options_init (&job->options, self->store, info);
  g_free ((char *) job->options.paper);
  job->options.paper = g_strdup (papers[MIN (paper, G_N_ELEMENTS (papers) - 1)]);
  job->options.landscape = adw_combo_row_get_selected (self->orientation_row) == 1;
  return job;
}

/* ------------------------------------------------------------------ */
/* The thread                                                          */

static void
on_page (guint    page,
         guint    n_pages,
         gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->dialog->n_pages, (gint) n_pages);
  g_atomic_int_set (&job->dialog->page, (gint) page);
}

/* A cursor over a connection of the thread's own. */
static EnlaceReportCursor *
job_cursor (Job      *job,
            GError  **error)
{
  g_autoptr(EnlaceStore) store = NULL;
  EnlaceReportScope scope = { job->building, job->floor, job->since, job->until,
                              (const char **) job->objects };

  if (job->path == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED, "%s",
                   _("Only a project saved in a file can be printed"));
      return NULL;
    }
  store = enlace_store_open (job->path, ENLACE_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return NULL;
  return enlace_report_cursor_new (store, job->kind, &scope, error);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  EnlaceReportCursor *cursor = job_cursor (job, &error);
  guint n;

  if (cursor == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  n = enlace_report_write_pdf (cursor, &job->options, job->out, on_page, job, cancellable, &error);
  if (n == 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n);
}

static void
layout_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  EnlaceReportCursor *cursor = job_cursor (job, &error);
  EnlaceReportPages *pages;

  if (cursor == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  pages = enlace_report_pages_new (cursor, &job->options, cancellable, &error);
  if (pages == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pages, (GDestroyNotify) enlace_report_pages_free);
}

/* ------------------------------------------------------------------ */
/* Busy state                                                          */

static gboolean
update_progress (gpointer data)
{
  EnlaceReportDialog *self = data;
  gint n = g_atomic_int_get (&self->n_pages), page = g_atomic_int_get (&self->page);

  if (n > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Page %d of %d"), page, n);

      gtk_progress_bar_set_fraction (self->progress, (double) page / n);
      gtk_label_set_text (self->status, text);
    }
  else
    {
      gtk_progress_bar_pulse (self->progress);
      gtk_label_set_text (self->status, _("Laying out the pages…"));
    }
  return G_SOURCE_CONTINUE;
}

static void
set_busy (EnlaceReportDialog *self,
          gboolean            busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  gtk_widget_set_visible (GTK_WIDGET (self->status), busy);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (busy)
    {
      g_atomic_int_set (&self->page, 0);
      g_atomic_int_set (&self->n_pages, 0);
      gtk_progress_bar_set_fraction (self->progress, 0);
      self->cancellable = g_cancellable_new ();
      self->progress_source = g_timeout_add (100, update_progress, self);
      update_progress (self);
    }
  else
    g_clear_object (&self->cancellable);
}

static void
finish (EnlaceReportDialog *self,
        const char         *message,
        const char         *toast)
{
  set_busy (self, FALSE);
  if (message || toast)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message ? message : toast));
  g_signal_emit (self, signals[FINISHED], 0, message);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(EnlaceReportDialog) self = data;
  g_autoptr(GError) error = NULL;
  gssize n = g_task_propagate_int (G_TASK (result), &error);
  g_autofree char *text = NULL;

  if (n <= 0)
    {
      finish (self, error ? error->message : _("The report was not written"), NULL);
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "PDF written: %d page", "PDF written: %d pages", n),
                          (int) n);
  finish (self, NULL, text);
}

void
enlace_report_dialog_export_pdf (EnlaceReportDialog *self,
                                 GFile              *file)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (ENLACE_IS_REPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!enlace_report_dialog_is_busy (self));

  job = job_new (self);
  job->out = g_file_get_path (file);
  set_busy (self, TRUE);
  task = g_task_new (NULL, self->cancellable, export_done, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_thread);
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */

static void
on_begin_print (GtkPrintOperation *op,
                GtkPrintContext   *context,
                EnlaceReportPages *pages)
{
  gtk_print_operation_set_n_pages (op, (int) enlace_report_pages_get_n_pages (pages));
}

static void
on_draw_page (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page_nr,
              EnlaceReportPages *pages)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double w, h, k;
  g_autoptr(GError) error = NULL;

  enlace_report_pages_get_size (pages, &w, &h);
  k = MIN (gtk_print_context_get_width (context) / w, gtk_print_context_get_height (context) / h);
  cairo_save (cr);
  cairo_scale (cr, k, k);
  if (!enlace_report_pages_draw (pages, cr, (guint) page_nr, &error))
    g_warning ("Cannot draw page %d: %s", page_nr + 1, error->message);
  cairo_restore (cr);
}

static GtkPageSetup *
page_setup_for (EnlaceReportPages *pages,
                const char        *paper,
                gboolean           landscape)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (g_strcmp0 (paper, "Letter") == 0 ? GTK_PAPER_NAME_LETTER
                                                     : g_strcmp0 (paper, "A3") == 0 ? GTK_PAPER_NAME_A3
                                                     : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

static void
layout_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(EnlaceReportDialog) self = data;
  g_autoptr(GError) error = NULL;
  EnlaceReportPages *pages = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  Job *job = g_task_get_task_data (G_TASK (result));

  if (pages == NULL)
    {
      finish (self, error ? error->message : _("The report was not laid out"), NULL);
      return;
    }
  set_busy (self, FALSE);
  op = gtk_print_operation_new ();
  setup = page_setup_for (pages, job->options.paper, job->options.landscape);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (op, _(chosen_info (self)->title));
  gtk_print_operation_set_show_progress (op, TRUE);
  g_object_set_data_full (G_OBJECT (op), "pages", pages, (GDestroyNotify) enlace_report_pages_free);
  g_signal_connect (op, "begin-print", G_CALLBACK (on_begin_print), pages);
  g_signal_connect (op, "draw-page", G_CALLBACK (on_draw_page), pages);
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      finish (self, error->message, NULL);
      return;
    }
  g_signal_emit (self, signals[FINISHED], 0, NULL);
}

void
enlace_report_dialog_print (EnlaceReportDialog *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ENLACE_IS_REPORT_DIALOG (self));
  g_return_if_fail (!enlace_report_dialog_is_busy (self));

  set_busy (self, TRUE);
  task = g_task_new (NULL, self->cancellable, layout_done, g_object_ref (self));
  g_task_set_task_data (task, job_new (self), (GDestroyNotify) job_free);
  g_task_run_in_thread (task, layout_thread);
}

gboolean
enlace_report_dialog_is_busy (EnlaceReportDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_REPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

void
enlace_report_dialog_cancel (EnlaceReportDialog *self)
{
  g_return_if_fail (ENLACE_IS_REPORT_DIALOG (self));
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

/* ------------------------------------------------------------------ */
/* Widgets                                                             */

static void
on_export_chosen (GtkNativeDialog    *native,
                  int                 response,
                  EnlaceReportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file)
        enlace_report_dialog_export_pdf (self, file);
    }
  g_object_unref (native);
}

static void
on_export_clicked (EnlaceReportDialog *self)
{
  GtkFileChooserNative *native;
  g_autofree char *name = g_strdup_printf ("%s.pdf", _(chosen_info (self)->title));

  native = gtk_file_chooser_native_new (_("Export Report as PDF"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_export_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
update_rows (EnlaceReportDialog *self)
{
  const EnlaceReportInfo *info = chosen_info (self);
  gboolean audit = strcmp (info->name, "audit") == 0;
  gboolean traces = info->style == ENLACE_REPORT_TRACES;

  gtk_label_set_text (self->description, _(info->description));
  gtk_widget_set_visible (GTK_WIDGET (self->building_row), !audit && !traces);
  gtk_widget_set_visible (GTK_WIDGET (self->floor_row), !audit && !traces && chosen_building (self) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->objects_row), traces);
  gtk_widget_set_visible (GTK_WIDGET (self->since_row), audit);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), audit);
  gtk_widget_set_visible (GTK_WIDGET (self->labels_button), enlace_report_label_kind (info->name) != NULL);
}

/* "Labels…": the labels of the report's objects in its scope. */
static void
on_labels_clicked (EnlaceReportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (enlace_report_dialog_open_labels (self, &error) == NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static void
on_kind_changed (EnlaceReportDialog *self)
{
  adw_combo_row_set_selected (self->orientation_row, chosen_info (self)->landscape ? 1 : 0);
  update_rows (self);
}

static void
on_building_changed (EnlaceReportDialog *self)
{
  const char *code = chosen_building (self);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  g_clear_pointer (&self->floors, g_strfreev);
  gtk_string_list_append (list, _("All floors"));
  if (code)
    {
      self->floors = enlace_report_list_floors (self->store, code);
      for (guint i = 0; self->floors[i] && self->floors[i + 1]; i += 2)
        gtk_string_list_append (list, self->floors[i + 1]);
    }
  adw_combo_row_set_model (self->floor_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->floor_row, 0);
  update_rows (self);
}

static AdwComboRow *
combo_row (const char         *title,
           GtkStringList      *list)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  g_object_unref (list);
  return row;
}

static AdwEntryRow *
entry_row (const char *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static void
enlace_report_dialog_dispose (GObject *object)
{
  EnlaceReportDialog *self = ENLACE_REPORT_DIALOG (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->buildings, g_strfreev);
  g_clear_pointer (&self->floors, g_strfreev);
  G_OBJECT_CLASS (enlace_report_dialog_parent_class)->dispose (object);
}

static void
enlace_report_dialog_class_init (EnlaceReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enlace_report_dialog_dispose;
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
enlace_report_dialog_init (EnlaceReportDialog *self)
{
  GtkWidget *box, *header, *page, *group, *buttons, *view;
  GtkStringList *kinds = gtk_string_list_new (NULL);
  guint n;
  const EnlaceReportInfo *infos = enlace_report_kinds (&n);
  const char *orientations[] = { _("Portrait"), _("Landscape"), NULL };
  const char *paper_names[] = { "A4", "Letter", "A3", NULL };

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (kinds, _(infos[i].title));

  gtk_window_set_title (GTK_WINDOW (self), _("Reports"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 620);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  page = adw_preferences_page_new ();
  adw_toast_overlay_set_child (self->toasts, page);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Report"));
  self->kind_row = combo_row (_("Kind"), kinds);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));
  self->description = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->description, TRUE);
  gtk_label_set_xalign (self->description, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->description), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->description), 6);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Scope"));
  self->building_row = combo_row (_("Building"), gtk_string_list_new (NULL));
  self->floor_row = combo_row (_("Floor"), gtk_string_list_new (NULL));
  self->objects_row = entry_row (_("Objects to trace (keys, separated by commas)"));
  self->since_row = entry_row (_("From (YYYY-MM-DD)"));
  self->until_row = entry_row (_("To (YYYY-MM-DD)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->building_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->floor_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->objects_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->since_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->until_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Paper"));
  self->paper_row = combo_row (_("Size"), gtk_string_list_new (paper_names));
  self->orientation_row = combo_row (_("Orientation"), gtk_string_list_new (orientations));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->paper_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->orientation_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* description, progress and buttons under the rows */
  view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (view, 18);
  gtk_widget_set_margin_end (view, 18);
  gtk_widget_set_margin_bottom (view, 18);
  gtk_box_append (GTK_BOX (view), GTK_WIDGET (self->description));
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  gtk_box_append (GTK_BOX (view), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (view), GTK_WIDGET (self->status));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  self->cancel_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel")));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  self->export_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Export PDF…")));
  self->print_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Print…")));
  self->labels_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Labels…")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->labels_button),
                               _("Print the labels of the objects of this report"));
  gtk_widget_add_css_class (GTK_WIDGET (self->print_button), "suggested-action");
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->cancel_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->labels_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->export_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->print_button));
  gtk_box_append (GTK_BOX (view), buttons);
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_changed), self);
  g_signal_connect_swapped (self->building_row, "notify::selected", G_CALLBACK (on_building_changed), self);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (on_export_clicked), self);
  g_signal_connect_swapped (self->labels_button, "clicked", G_CALLBACK (on_labels_clicked), self);
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (enlace_report_dialog_print), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (enlace_report_dialog_cancel), self);
}

EnlaceReportDialog *
enlace_report_dialog_new (GtkWindow   *parent,
                          EnlaceStore *store)
{
  EnlaceReportDialog *self;
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autofree char *paper = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  self = g_object_new (ENLACE_TYPE_REPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->buildings = enlace_report_list_buildings (store);
  gtk_string_list_append (list, _("Whole campus"));
  for (guint i = 0; self->buildings[i] && self->buildings[i + 1]; i += 2)
    gtk_string_list_append (list, self->buildings[i + 1]);
  adw_combo_row_set_model (self->building_row, G_LIST_MODEL (list));
  paper = enlace_store_get_meta (store, "paper");
  for (guint i = 0; paper && i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (paper, papers[i]) == 0)
      adw_combo_row_set_selected (self->paper_row, i);
  on_kind_changed (self);
  on_building_changed (self);
  return self;
}

gboolean
enlace_report_dialog_set_kind (EnlaceReportDialog *self,
                               const char         *name)
{
  guint n;
  const EnlaceReportInfo *infos = enlace_report_kinds (&n);

  g_return_val_if_fail (ENLACE_IS_REPORT_DIALOG (self), FALSE);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (infos[i].name, name) == 0)
      {
        adw_combo_row_set_selected (self->kind_row, i);
        return TRUE;
      }
  return FALSE;
}

const char *
enlace_report_dialog_get_kind (EnlaceReportDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_REPORT_DIALOG (self), NULL);
  return chosen_info (self)->name;
}

gboolean
enlace_report_dialog_set_building (EnlaceReportDialog *self,
                                   const char         *code)
{
  g_return_val_if_fail (ENLACE_IS_REPORT_DIALOG (self), FALSE);
  if (code == NULL)
    {
      adw_combo_row_set_selected (self->building_row, 0);
      return TRUE;
    }
  for (guint i = 0; self->buildings[i] && self->buildings[i + 1]; i += 2)
    if (g_strcmp0 (self->buildings[i], code) == 0)
      {
        adw_combo_row_set_selected (self->building_row, i / 2 + 1);
        return TRUE;
      }
  return FALSE;
}

void
enlace_report_dialog_set_objects (EnlaceReportDialog *self,
                                  const char         *keys)
{
  g_return_if_fail (ENLACE_IS_REPORT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->objects_row), keys ? keys : "");
}

GtkWidget *
enlace_report_dialog_open_labels (EnlaceReportDialog  *self,
                                  GError             **error)
{
  const EnlaceReportInfo *info;
  g_autoptr(GArray) ids = NULL;
  EnlaceReportScope scope = { 0 };
  EnlaceLabelScope label_scope = { 0 };
  EnlaceLabelKind kind;
  GtkWidget *dialog;

  g_return_val_if_fail (ENLACE_IS_REPORT_DIALOG (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = chosen_info (self);
  if (!enlace_label_kind_from_string (enlace_report_label_kind (info->name), &kind))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The report “%s” has no labels"), _(info->title));
      return NULL;
    }
  scope.building = chosen_building (self);
  scope.floor = scope.building ? chosen_floor (self) : NULL;
  if (!enlace_report_collect_keys (self->store, info->name, &scope, NULL, &ids, NULL, error))
    return NULL;
  label_scope.ids = ids;
  dialog = enlace_labels_dialog_new (GTK_WINDOW (self), self->store, kind, &label_scope);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

GtkWidget *
enlace_report_dialog_get_labels_button (EnlaceReportDialog *self)
{
  g_return_val_if_fail (ENLACE_IS_REPORT_DIALOG (self), NULL);
  return GTK_WIDGET (self->labels_button);
}
