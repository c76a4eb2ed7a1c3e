/* enlace-csv-import-assistant.c: the CSV import assistant, and the
 * export of a list to CSV (see enlace-csv-import-assistant.h)
 */
#define G_LOG_DOMAIN "enlace-views"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-csv-import.h"
#include "enlace-csv-import-assistant.h"
#include "enlace-store-notify.h"

struct _EnlaceCsvImportAssistant
{
  AdwWindow     parent_instance;

  EnlaceStore  *store;
  GSettings    *settings;       /* NULL when the schema is not installed */
  GFile        *file;
  GStrv         header;
  GStrv         sample;         /* first data row, may be shorter */
  GPtrArray    *field_names;    /* per dropdown position: "" then target names */
  GPtrArray    *column_drops;   /* GtkDropDown per header column */

  GtkStack     *stack;
  GtkButton    *next_button;
  GtkButton    *cancel_button;
  GtkDropDown  *kind_drop;
  GtkDropDown  *sep_drop;
  GtkDropDown  *encoding_drop;
  GtkLabel     *file_label;
  GtkLabel     *file_error;
  GtkGrid      *mapping_grid;
  GtkLabel     *preview_summary;
  GtkListBox   *refusal_list;
  GtkSwitch    *all_switch;
  GtkProgressBar *progress;
  GtkLabel     *progress_label;
  AdwStatusPage *done_page;

  GCancellable *cancellable;
  guint         progress_source;
  int           progress_permille;  /* written by the worker */
  guint64       file_size;
  gboolean      running;

  guint         n_refused;
  guint         n_imported;
};

G_DEFINE_FINAL_TYPE (EnlaceCsvImportAssistant, enlace_csv_import_assistant, ADW_TYPE_WINDOW)

static const char *
current_kind (EnlaceCsvImportAssistant *self)
{
  const char * const *kinds = enlace_csv_import_kinds ();
  guint i = gtk_drop_down_get_selected (self->kind_drop);

  return i < g_strv_length ((char **) kinds) ? kinds[i] : kinds[0];
}

static char
current_separator (EnlaceCsvImportAssistant *self)
{
  static const char seps[] = { 0, ',', ';', '\t' };
  guint i = gtk_drop_down_get_selected (self->sep_drop);

  return i < G_N_ELEMENTS (seps) ? seps[i] : 0;
}

static const char *
current_encoding (EnlaceCsvImportAssistant *self)
{
  return gtk_drop_down_get_selected (self->encoding_drop) == 1 ? "WINDOWS-1252" : NULL;
}

/* ---- Remembered mappings --------------------------------------------- */

static char *
mapping_key (EnlaceCsvImportAssistant *self)
{
  g_autofree char *joined = g_strjoinv ("\x1f", self->header);

  return g_strdup_printf ("%s|%s", current_kind (self), joined);
}

static char *
remembered_mapping (EnlaceCsvImportAssistant *self)
{
  g_autoptr(GVariant) all = NULL;
  g_autofree char *key = NULL;
  char *value = NULL;

  if (self->settings == NULL)
    return NULL;
  key = mapping_key (self);
  all = g_settings_get_value (self->settings, "csv-import-mappings");
  if (!g_variant_lookup (all, key, "s", &value))
    return NULL;
  return value;
}

static void
remember_mapping (EnlaceCsvImportAssistant *self)
{
  g_autoptr(GVariant) all = NULL;
  g_autofree char *key = NULL;
  GVariantBuilder b;
  GString *value;
  GVariantIter iter;
  const char *k, *v;

  if (self->settings == NULL)
    return;
  key = mapping_key (self);
  value = g_string_new (NULL);
  for (guint c = 0; c < self->column_drops->len; c++)
    {
      guint pos = gtk_drop_down_get_selected (g_ptr_array_index (self->column_drops, c));

      g_string_append_printf (value, "%s%s", c ? "\x1f" : "",
                              pos < self->field_names->len ? (char *) g_ptr_array_index (self->field_names, pos) : "");
    }
  all = g_settings_get_value (self->settings, "csv-import-mappings");
  g_variant_builder_init (&b, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (strcmp (k, key) != 0)
      g_variant_builder_add (&b, "{ss}", k, v);
  g_variant_builder_add (&b, "{ss}", key, value->str);
  g_settings_set_value (self->settings, "csv-import-mappings", g_variant_builder_end (&b));
  g_string_free (value, TRUE);
}

/* ---- Steps ------------------------------------------------------------ */

static void
set_step (EnlaceCsvImportAssistant *self,
          const char               *step)
{
  gtk_stack_set_visible_child_name (self->stack, step);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), strcmp (step, "progress") != 0
                            && (strcmp (step, "file") != 0 || self->header != NULL));
  if (strcmp (step, "preview") == 0)
    gtk_button_set_label (self->next_button, _("_Import"));
  else if (strcmp (step, "done") == 0)
    gtk_button_set_label (self->next_button, _("_Close"));
  else
    gtk_button_set_label (self->next_button, _("_Next"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), strcmp (step, "done") != 0);
}

const char *
enlace_csv_import_assistant_get_step (EnlaceCsvImportAssistant *self)
{
  g_return_val_if_fail (ENLACE_IS_CSV_IMPORT_ASSISTANT (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

guint
enlace_csv_import_assistant_get_n_refused (EnlaceCsvImportAssistant *self)
{
  g_return_val_if_fail (ENLACE_IS_CSV_IMPORT_ASSISTANT (self), 0);
  return self->n_refused;
}

guint
enlace_csv_import_assistant_get_n_imported (EnlaceCsvImportAssistant *self)
{
  g_return_val_if_fail (ENLACE_IS_CSV_IMPORT_ASSISTANT (self), 0);
  return self->n_imported;
}

void
enlace_csv_import_assistant_set_all_or_nothing (EnlaceCsvImportAssistant *self,
                                                gboolean                  all)
{
  g_return_if_fail (ENLACE_IS_CSV_IMPORT_ASSISTANT (self));
  gtk_switch_set_active (self->all_switch, all);
}

void
enlace_csv_import_assistant_map_column (EnlaceCsvImportAssistant *self,
                                        guint                     index,
                                        const char               *field)
{
  g_return_if_fail (ENLACE_IS_CSV_IMPORT_ASSISTANT (self));
  g_return_if_fail (index < self->column_drops->len);

  for (guint i = 0; i < self->field_names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->field_names, i), field ? field : "") == 0)
      gtk_drop_down_set_selected (g_ptr_array_index (self->column_drops, index), i);
}

static void
build_mapping (EnlaceCsvImportAssistant *self)
{
  g_autoptr(GPtrArray) targets = enlace_csv_import_targets (current_kind (self));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *remembered = remembered_mapping (self);
  g_auto(GStrv) saved = remembered ? g_strsplit (remembered, "\x1f", -1) : NULL;
  GtkWidget *child;
  GtkWidget *h;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->mapping_grid))))
    gtk_grid_remove (self->mapping_grid, child);
  g_ptr_array_set_size (self->column_drops, 0);
  g_ptr_array_set_size (self->field_names, 0);

  gtk_string_list_append (labels, _("— leave aside —"));
  g_ptr_array_add (self->field_names, g_strdup (""));
  for (guint i = 0; i < targets->len; i++)
    {
      EnlaceCsvTarget *t = g_ptr_array_index (targets, i);
      g_autofree char *label = t->required ? g_strdup_printf (_("%s (required)"), t->label)
                                           : g_strdup (t->label);

      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->field_names, g_strdup (t->name));
    }

  h = gtk_label_new (_("Column of the file"));
  gtk_widget_add_css_class (h, "heading");
  gtk_label_set_xalign (GTK_LABEL (h), 0);
  gtk_grid_attach (self->mapping_grid, h, 0, 0, 1, 1);
  h = gtk_label_new (_("First row"));
  gtk_widget_add_css_class (h, "heading");
  gtk_label_set_xalign (GTK_LABEL (h), 0);
  gtk_grid_attach (self->mapping_grid, h, 1, 0, 1, 1);
  h = gtk_label_new (_("Field"));
  gtk_widget_add_css_class (h, "heading");
  gtk_label_set_xalign (GTK_LABEL (h), 0);
  gtk_grid_attach (self->mapping_grid, h, 2, 0, 1, 1);

  for (guint c = 0; self->header[c]; c++)
    {
      GtkWidget *name = gtk_label_new (self->header[c]);
      GtkWidget *sample = gtk_label_new (self->sample && c < g_strv_length (self->sample) ? self->sample[c] : "");
      GtkWidget *drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
      const char *field = NULL;
      guint pos = 0;

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_xalign (GTK_LABEL (sample), 0);
      gtk_label_set_ellipsize (GTK_LABEL (sample), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (sample), 24);
      gtk_widget_add_css_class (sample, "dim-label");
      if (saved && c < g_strv_length (saved))
        field = saved[c];
      else
        field = enlace_csv_import_guess (current_kind (self), self->header[c]);
      for (guint i = 0; field && i < self->field_names->len; i++)
        if (strcmp (g_ptr_array_index (self->field_names, i), field) == 0)
          pos = i;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), pos);
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->header[c], -1);
      gtk_grid_attach (self->mapping_grid, name, 0, (int) c + 1, 1, 1);
      gtk_grid_attach (self->mapping_grid, sample, 1, (int) c + 1, 1, 1);
      gtk_grid_attach (self->mapping_grid, drop, 2, (int) c + 1, 1, 1);
      g_ptr_array_add (self->column_drops, drop);
    }
}

gboolean
enlace_csv_import_assistant_set_file (EnlaceCsvImportAssistant *self,
                                      GFile                    *file,
                                      GError                  **error)
{
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(EnlaceCsvReader) reader = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  g_auto(GStrv) header = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ENLACE_IS_CSV_IMPORT_ASSISTANT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  g_clear_pointer (&self->header, g_strfreev);
  g_clear_pointer (&self->sample, g_strfreev);
  g_set_object (&self->file, file);
  name = g_file_get_basename (file);
  gtk_label_set_label (self->file_label, name);
  gtk_label_set_label (self->file_error, "");

  if (!(in = G_INPUT_STREAM (g_file_read (file, NULL, &local)))
      || !(reader = enlace_csv_reader_new (in, current_separator (self), current_encoding (self), &local)))
    goto fail;
  header = enlace_csv_reader_next (reader, &local);
  if (header == NULL)
    {
      if (local == NULL)
        g_set_error (&local, ENLACE_CSV_IMPORT_ERROR, ENLACE_CSV_IMPORT_ERROR_EMPTY,
                     _("The file is empty: the first line must name the columns"));
      goto fail;
    }
  self->header = g_steal_pointer (&header);
  self->sample = enlace_csv_reader_next (reader, NULL);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  self->file_size = info ? (guint64) g_file_info_get_size (info) : 0;
  set_step (self, "file");
  return TRUE;

fail:
  gtk_label_set_label (self->file_error, local->message);
  set_step (self, "file");
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static void
file_chosen_cb (GtkNativeDialog *dialog,
                int              response,
                gpointer         user_data)
{
  EnlaceCsvImportAssistant *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      enlace_csv_import_assistant_set_file (self, file, NULL);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
choose_file_cb (EnlaceCsvImportAssistant *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Choose a CSV file"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (file_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- Running the import ------------------------------------------------ */

typedef struct
{
  EnlaceCsvImportAssistant *self;   /* for the progress only (atomic) */
  char      *doc_path;              /* NULL: use store, in this thread */
  EnlaceStore *store;
  char      *csv_path;
  char      *kind;
  GPtrArray *mapping;               /* header, field, header, field… */
  char       sep;
  char      *encoding;
  gboolean   dry_run;
  gboolean   all;
  guint64    size;

  /* results */
  guint      n_rows, n_good, n_imported;
  gint64     command;
  GPtrArray *refusals;              /* of char*: "LINE\x1fRULE\x1fMESSAGE" */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->store);
  g_free (job->doc_path);
  g_free (job->csv_path);
  g_free (job->kind);
  g_free (job->encoding);
  g_clear_pointer (&job->mapping, g_ptr_array_unref);
  g_clear_pointer (&job->refusals, g_ptr_array_unref);
  g_free (job);
}

static void
job_progress (guint    rows,
              guint64  bytes,
              gpointer user_data)
{
  Job *job = user_data;

  if (job->size > 0)
    g_atomic_int_set (&job->self->progress_permille, (int) MIN (1000, bytes * 1000 / job->size));
}

static gboolean
job_run (Job          *job,
         GCancellable *cancellable,
         GError      **error)
{
  g_autoptr(EnlaceStore) own = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (job->csv_path);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(EnlaceCsvReader) reader = NULL;
  g_autoptr(EnlaceCsvImport) imp = NULL;
  EnlaceStore *store = job->store;
  GPtrArray *refusals;
  gboolean ok;

  if (job->doc_path)
    {
      /* a connection of its own: the window's store stays in the main thread */
      own = enlace_store_open (job->doc_path, ENLACE_STORE_OPEN_DEFAULT, error);
      if (own == NULL)
        return FALSE;
      enlace_store_set_author (own, enlace_store_get_author (job->store));
      store = own;
    }
  if (!(in = G_INPUT_STREAM (g_file_read (file, cancellable, error)))
      || !(reader = enlace_csv_reader_new (in, job->sep, job->encoding, error))
      || !(imp = enlace_csv_import_new (store, job->kind, error)))
    return FALSE;
  for (guint i = 0; i + 1 < job->mapping->len; i += 2)
    enlace_csv_import_set_mapping (imp, g_ptr_array_index (job->mapping, i),
                                   g_ptr_array_index (job->mapping, i + 1));
  enlace_csv_import_set_dry_run (imp, job->dry_run);
  enlace_csv_import_set_all_or_nothing (imp, job->all);
  enlace_csv_import_set_progress (imp, job_progress, job);

  ok = enlace_csv_import_run (imp, reader, cancellable, error);
  job->n_rows = enlace_csv_import_get_n_rows (imp);
  job->n_good = enlace_csv_import_get_n_good (imp);
  job->n_imported = enlace_csv_import_get_n_imported (imp);
  job->command = enlace_csv_import_get_command (imp);
  refusals = enlace_csv_import_get_refusals (imp);
  job->refusals = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < refusals->len; i++)
    {
      EnlaceCsvRefusal *r = g_ptr_array_index (refusals, i);

      g_ptr_array_add (job->refusals, g_strdup_printf ("%u\x1f%s\x1f%s", r->line,
                                                       enlace_csv_rule_label (r->rule), r->message));
    }
  return ok;
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;

  if (job_run (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
show_refusals (EnlaceCsvImportAssistant *self,
               GPtrArray                *refusals)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->refusal_list))))
    gtk_list_box_remove (self->refusal_list, child);
  for (guint i = 0; refusals && i < refusals->len && i < 500; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (refusals, i), "\x1f", 3);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Line %s · %s"), parts[0], parts[1]);
      g_autofree char *escaped = g_markup_escape_text (parts[2], -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_list_box_append (self->refusal_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->refusal_list), refusals && refusals->len > 0);
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  EnlaceCsvImportAssistant *self = ENLACE_CSV_IMPORT_ASSISTANT (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  self->running = FALSE;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
  self->n_refused = job->refusals ? job->refusals->len : 0;
  g_debug ("CSV job done: %s", ok ? "ok" : error->message);
  show_refusals (self, job->refusals);

  if (job->dry_run)
    {
      g_autofree char *summary = NULL;

      if (!ok)
        summary = g_strdup (error->message);
      else
        summary = g_strdup_printf (_("%u rows read: %u will be imported, %u refused."),
                                   job->n_rows, job->n_good, self->n_refused);
      gtk_label_set_label (self->preview_summary, summary);
      set_step (self, "preview");
      gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), ok && job->n_good > 0);
      return;
    }

  self->n_imported = job->n_imported;
  if (ok && job->command > 0 && job->doc_path != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Import CSV: %s"), enlace_csv_import_kind_label (job->kind));
      enlace_store_changed_elsewhere (self->store, job->command, label);
    }
  if (ok)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u row imported", "%u rows imported", job->n_imported),
                                                job->n_imported);
      g_autofree char *desc = self->n_refused
        ? g_strdup_printf (ngettext ("%u row was refused (listed in the preview). Undo takes the whole import back.",
                                     "%u rows were refused (listed in the preview). Undo takes the whole import back.",
                                     self->n_refused), self->n_refused)
        : g_strdup (_("Every row went in, as one command: Undo takes the whole import back."));

      adw_status_page_set_icon_name (self->done_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->done_page, title);
      adw_status_page_set_description (self->done_page, desc);
    }
  else
    {
      adw_status_page_set_icon_name (self->done_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->done_page, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                 ? _("Import cancelled") : _("Nothing was imported"));
      adw_status_page_set_description (self->done_page, error->message);
    }
  set_step (self, "done");
}

static gboolean
progress_cb (gpointer user_data)
{
  EnlaceCsvImportAssistant *self = user_data;

  gtk_progress_bar_set_fraction (self->progress, g_atomic_int_get (&self->progress_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
start_job (EnlaceCsvImportAssistant *self,
           gboolean                  dry_run)
{
  g_autoptr(GTask) task = NULL;
  const char *doc_path = enlace_store_get_path (self->store);
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->store = g_object_ref (self->store);
  if (doc_path && *doc_path && strcmp (doc_path, ":memory:") != 0)
    job->doc_path = g_strdup (doc_path);
  job->csv_path = g_file_get_path (self->file);
  job->kind = g_strdup (current_kind (self));
  job->sep = current_separator (self);
  job->encoding = g_strdup (current_encoding (self));
  job->dry_run = dry_run;
  job->all = gtk_switch_get_active (self->all_switch);
  job->size = self->file_size;
  job->mapping = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < self->column_drops->len; c++)
    {
      guint pos = gtk_drop_down_get_selected (g_ptr_array_index (self->column_drops, c));

      g_ptr_array_add (job->mapping, g_strdup (self->header[c]));
      g_ptr_array_add (job->mapping, g_strdup (pos < self->field_names->len
                                               ? (char *) g_ptr_array_index (self->field_names, pos) : ""));
    }

  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  self->progress_permille = 0;
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_label_set_label (self->progress_label, dry_run ? _("Checking every row…") : _("Importing…"));
  set_step (self, "progress");
  self->progress_source = g_timeout_add (100, progress_cb, self);

  task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  if (job->doc_path)
    g_task_run_in_thread (task, job_thread);
  else
    {
      /* a document in memory has no second connection: here */
      GError *error = NULL;

      if (job_run (job, self->cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
    }
}

void
enlace_csv_import_assistant_next (EnlaceCsvImportAssistant *self)
{
  const char *step;

  g_return_if_fail (ENLACE_IS_CSV_IMPORT_ASSISTANT (self));

  step = enlace_csv_import_assistant_get_step (self);
  if (strcmp (step, "file") == 0)
    {
      if (self->header == NULL)
        return;
      build_mapping (self);
      set_step (self, "mapping");
    }
  else if (strcmp (step, "mapping") == 0)
    {
      remember_mapping (self);
      start_job (self, TRUE);
    }
  else if (strcmp (step, "preview") == 0)
    start_job (self, FALSE);
  else if (strcmp (step, "done") == 0)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_cb (EnlaceCsvImportAssistant *self)
{
  if (self->running && self->cancellable)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
file_options_changed_cb (EnlaceCsvImportAssistant *self)
{
  if (self->file)
    {
      g_autoptr(GFile) file = g_object_ref (self->file);

      enlace_csv_import_assistant_set_file (self, file, NULL);
    }
}

/* ---- Construction -------------------------------------------------- */

static gboolean
close_request_cb (EnlaceCsvImportAssistant *self)
{
  /* the import goes on or stops as a whole: cancel it, then close */
  if (self->running)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return FALSE;
}

static void
enlace_csv_import_assistant_dispose (GObject *object)
{
  EnlaceCsvImportAssistant *self = ENLACE_CSV_IMPORT_ASSISTANT (object);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->file);
  g_clear_pointer (&self->header, g_strfreev);
  g_clear_pointer (&self->sample, g_strfreev);
  g_clear_pointer (&self->field_names, g_ptr_array_unref);
  g_clear_pointer (&self->column_drops, g_ptr_array_unref);
  G_OBJECT_CLASS (enlace_csv_import_assistant_parent_class)->dispose (object);
}

static void
enlace_csv_import_assistant_class_init (EnlaceCsvImportAssistantClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = enlace_csv_import_assistant_dispose;
}

static GtkWidget *
boxed_row (const char *title,
           GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  return row;
}

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_widget_set_margin_top (child, 18);
  gtk_widget_set_margin_bottom (child, 18);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

static void
enlace_csv_import_assistant_init (EnlaceCsvImportAssistant *self)
{
  GtkWidget *box, *header, *page, *list, *button, *label;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  const char * const *names = enlace_csv_import_kinds ();
  const char * const seps[] = { N_("Find it"), N_("Comma ( , )"), N_("Semicolon ( ; )"), N_("Tab"), NULL };
  const char * const encodings[] = { N_("UTF-8"), N_("Windows-1252 (older Excel)"), NULL };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  if (schema && g_settings_schema_has_key (schema, "csv-import-mappings"))
    self->settings = g_settings_new_full (schema, NULL, NULL);
  self->field_names = g_ptr_array_new_with_free_func (g_free);
  self->column_drops = g_ptr_array_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Import CSV"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 560);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  self->cancel_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel")));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->cancel_button));
  self->next_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Next")));
  gtk_widget_add_css_class (GTK_WIDGET (self->next_button), "suggested-action");
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (enlace_csv_import_assistant_next), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->next_button));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  /* 1. the file */
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  label = gtk_label_new (_("Choose what the spreadsheet holds and the file, saved as CSV. "
                           "The first line must name the columns."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (page), label);
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  for (guint i = 0; names[i]; i++)
    gtk_string_list_append (kinds, enlace_csv_import_kind_label (names[i]));
  self->kind_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL));
  gtk_list_box_append (GTK_LIST_BOX (list), boxed_row (_("Import"), GTK_WIDGET (self->kind_drop)));
  button = gtk_button_new_with_mnemonic (_("_Choose…"));
  self->file_label = GTK_LABEL (gtk_label_new (_("No file chosen")));
  gtk_widget_add_css_class (GTK_WIDGET (self->file_label), "dim-label");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (choose_file_cb), self);
  {
    GtkWidget *fbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

    gtk_box_append (GTK_BOX (fbox), GTK_WIDGET (self->file_label));
    gtk_box_append (GTK_BOX (fbox), button);
    gtk_list_box_append (GTK_LIST_BOX (list), boxed_row (_("File"), fbox));
  }
  {
    g_autoptr(GtkStringList) l = gtk_string_list_new (NULL);

    for (guint i = 0; seps[i]; i++)
      gtk_string_list_append (l, _(seps[i]));
    self->sep_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (l)), NULL));
    gtk_list_box_append (GTK_LIST_BOX (list), boxed_row (_("Separator"), GTK_WIDGET (self->sep_drop)));
  }
  {
    g_autoptr(GtkStringList) l = gtk_string_list_new (NULL);

    for (guint i = 0; encodings[i]; i++)
      gtk_string_list_append (l, _(encodings[i]));
    self->encoding_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (l)), NULL));
    gtk_list_box_append (GTK_LIST_BOX (list), boxed_row (_("Encoding"), GTK_WIDGET (self->encoding_drop)));
  }
  g_signal_connect_swapped (self->sep_drop, "notify::selected", G_CALLBACK (file_options_changed_cb), self);
  g_signal_connect_swapped (self->encoding_drop, "notify::selected", G_CALLBACK (file_options_changed_cb), self);
  gtk_box_append (GTK_BOX (page), list);
  self->file_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->file_error), "error");
  gtk_label_set_wrap (GTK_LABEL (self->file_error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->file_error), 0);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->file_error));
  gtk_stack_add_named (self->stack, scrolled (page), "file");

  /* 2. the mapping */
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  label = gtk_label_new (_("Each column of the file goes to a field. Columns the list shows but "
                           "that are counted, not stored, are left aside. The choice is remembered "
                           "for files with the same columns."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (page), label);
  self->mapping_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->mapping_grid, 6);
  gtk_grid_set_column_spacing (self->mapping_grid, 18);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->mapping_grid));
  gtk_stack_add_named (self->stack, scrolled (page), "mapping");

  /* 3. the preview */
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->preview_summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (GTK_LABEL (self->preview_summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->preview_summary), 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_summary), "title-4");
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->preview_summary));
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  self->all_switch = GTK_SWITCH (gtk_switch_new ());
  {
    GtkWidget *row = boxed_row (_("All or nothing"), GTK_WIDGET (self->all_switch));

    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Import nothing if a row is refused"));
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->all_switch));
    gtk_list_box_append (GTK_LIST_BOX (list), row);
  }
  gtk_box_append (GTK_BOX (page), list);
  label = gtk_label_new (_("Rows refused"));
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (page), label);
  self->refusal_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->refusal_list), "boxed-list");
  gtk_list_box_set_selection_mode (self->refusal_list, GTK_SELECTION_NONE);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->refusal_list));
  g_object_bind_property (self->refusal_list, "visible", label, "visible", G_BINDING_SYNC_CREATE);
  gtk_stack_add_named (self->stack, scrolled (page), "preview");

  /* 4. the progress */
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_valign (page, GTK_ALIGN_CENTER);
  self->progress_label = GTK_LABEL (gtk_label_new (NULL));
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->progress_label));
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->progress));
  gtk_stack_add_named (self->stack, scrolled (page), "progress");

  /* 5. done */
  self->done_page = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->done_page), TRUE);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->done_page), "done");

  adw_window_set_content (ADW_WINDOW (self), box);
  set_step (self, "file");
}

GtkWidget *
enlace_csv_import_assistant_new (GtkWindow   *parent,
                                 EnlaceStore *store,
                                 const char  *kind)
{
  EnlaceCsvImportAssistant *self;
  const char * const *kinds = enlace_csv_import_kinds ();

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  self = g_object_new (ENLACE_TYPE_CSV_IMPORT_ASSISTANT,
                       "transient-for", parent, "modal", parent != NULL, NULL);
  self->store = g_object_ref (store);
  for (guint i = 0; kind && kinds[i]; i++)
    if (strcmp (kinds[i], kind) == 0)
      gtk_drop_down_set_selected (self->kind_drop, i);
  return GTK_WIDGET (self);
}

/* ---- Export ------------------------------------------------------------ */

typedef struct
{
  EnlaceStore *store;
  const EnlaceListSpec *spec;
  GArray *ids;
  guint *columns;
  guint n_columns;
  GtkWindow *parent;
} ExportData;

static void
export_data_free (ExportData *d)
{
  g_clear_object (&d->store);
  g_clear_pointer (&d->ids, g_array_unref);
  g_free (d->columns);
  g_clear_object (&d->parent);
  g_free (d);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  ExportData *d = user_data;
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
      g_autoptr(GError) error = NULL;
      g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
      const char *sep = gtk_file_chooser_get_choice (chooser, "separator");
      const char *bom = gtk_file_chooser_get_choice (chooser, "bom");
      gboolean semicolon = g_strcmp0 (sep, "semicolon") == 0;
      gboolean with_bom = g_strcmp0 (bom, "true") == 0;
      GtkWidget *msg;
      gint64 n = -1;
      g_autoptr(GSettings) settings = NULL;
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

      if (schema && g_settings_schema_has_key (schema, "csv-separator"))
        {
          settings = g_settings_new_full (schema, NULL, NULL);
          g_settings_set_string (settings, "csv-separator", semicolon ? ";" : ",");
          g_settings_set_boolean (settings, "csv-bom", with_bom);
        }
      if (out != NULL)
        {
          g_autoptr(EnlaceCsvWriter) w = enlace_csv_writer_new (G_OUTPUT_STREAM (out), semicolon ? ';' : ',', with_bom);

          n = enlace_csv_export_list (d->store, d->spec, d->ids, d->columns, d->n_columns, w, &error);
          if (n >= 0 && !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error))
            n = -1;
        }
      if (n >= 0)
        {
          g_autofree char *name = g_file_get_basename (file);
          msg = adw_message_dialog_new (d->parent, _("List exported"), NULL);
          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (msg),
                                          ngettext ("%u row written to “%s”.",
                                                    "%u rows written to “%s”.", (gulong) n),
                                          (guint) n, name);
        }
      else
        {
          msg = adw_message_dialog_new (d->parent, _("The list could not be exported"), NULL);
          adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (msg), error ? error->message : "");
        }
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (msg), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (msg));
    }
  g_object_unref (dialog);
  export_data_free (d);
}

void
enlace_csv_export_list_interactive (GtkWindow            *parent,
                                    EnlaceStore          *store,
                                    const EnlaceListSpec *spec,
                                    GArray               *ids,
                                    const guint          *columns,
                                    guint                 n_columns)
{
  static const char *sep_ids[] = { "comma", "semicolon", NULL };
  static const char *sep_labels[] = { N_("Comma ( , )"), N_("Semicolon ( ; ), for Spanish spreadsheets"), NULL };
  const char *labels[3];
  GtkFileChooserNative *dialog;
  ExportData *d = g_new0 (ExportData, 1);
  g_autofree char *name = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  gboolean semicolon = TRUE, bom = TRUE;

  g_return_if_fail (ENLACE_IS_STORE (store));
  g_return_if_fail (spec != NULL);

  if (schema && g_settings_schema_has_key (schema, "csv-separator"))
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
      g_autofree char *sep = g_settings_get_string (settings, "csv-separator");

      semicolon = g_strcmp0 (sep, ";") == 0;
      bom = g_settings_get_boolean (settings, "csv-bom");
    }
  d->store = g_object_ref (store);
  d->spec = spec;
  d->ids = ids ? g_array_ref (ids) : NULL;
  d->columns = g_memdup2 (columns, sizeof (guint) * n_columns);
  d->n_columns = n_columns;
  d->parent = parent ? g_object_ref (parent) : NULL;

  dialog = gtk_file_chooser_native_new (_("Export CSV"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.csv", _(spec->title));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  labels[0] = _(sep_labels[0]);
  labels[1] = _(sep_labels[1]);
  labels[2] = NULL;
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "separator", _("Separator"), sep_ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "separator", semicolon ? "semicolon" : "comma");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "bom", _("Mark as UTF-8 for Excel (BOM)"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "bom", bom ? "true" : "false");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), d);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
