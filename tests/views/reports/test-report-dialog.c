/* test-report-dialog.c: the Reports dialog, under Xvfb — a report
 * written to PDF in a thread, and Cancel */
#define G_LOG_DOMAIN "test-report-dialog"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <poppler.h>

#ifndef POPPLER_AUTOPTR
#define POPPLER_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif
#include <string.h>

#include "enlace-demo.h"
#include "enlace-i18n.h"
#include "enlace-labels-dialog.h"
#include "enlace-report.h"
#include "enlace-report-dialog.h"
#include "enlace-test-gtk.h"

static char *tmp_dir;
static EnlaceStore *store;

typedef struct
{
  gboolean done;
  char    *message;
} Finished;

static void
on_finished (EnlaceReportDialog *dialog,
             const char         *message,
             Finished           *f)
{
  f->done = TRUE;
  f->message = g_strdup (message);
}

static EnlaceStore *
demo_store (void)
{
  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (tmp_dir, "demo.enlace", NULL);

      store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
      g_assert_no_error (error);
      g_assert_true (enlace_demo_populate (store, &error));
      g_assert_no_error (error);
    }
  return store;
}

static void
test_export (void)
{
  EnlaceReportDialog *dialog = enlace_report_dialog_new (NULL, demo_store ());
  g_autofree char *path = g_build_filename (tmp_dir, "capacity.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  Finished f = { 0 };

  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &f);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (enlace_report_dialog_set_kind (dialog, "capacity"));
  g_assert_cmpstr (enlace_report_dialog_get_kind (dialog), ==, "capacity");
  g_assert_true (enlace_report_dialog_set_building (dialog, "A"));
  g_assert_false (enlace_report_dialog_set_building (dialog, "ZZ"));
  g_assert_false (enlace_report_dialog_set_kind (dialog, "nothing"));
  enlace_test_spin (200);
  enlace_test_screenshot (GTK_WIDGET (dialog), "report-dialog.png");

  enlace_report_dialog_export_pdf (dialog, file);
  g_assert_true (enlace_report_dialog_is_busy (dialog));
  g_assert_true (enlace_test_spin_until (&f.done, 60000));
  g_assert_null (f.message);
  g_assert_false (enlace_report_dialog_is_busy (dialog));

  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  page = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "A/0/0A"));
  g_assert_null (strstr (text, "R/0/SITE"));   /* building A only */
  g_free (f.message);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_cancel (void)
{
  EnlaceReportDialog *dialog = enlace_report_dialog_new (NULL, demo_store ());
  g_autofree char *path = g_build_filename (tmp_dir, "cables.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Finished f = { 0 };

  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &f);
  g_assert_true (enlace_report_dialog_set_kind (dialog, "cables"));
  enlace_report_dialog_export_pdf (dialog, file);
  enlace_report_dialog_cancel (dialog);
  g_assert_true (enlace_test_spin_until (&f.done, 60000));
  g_assert_nonnull (f.message);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_free (f.message);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Every report but the trace sheets (they need objects typed in) is
 * written from the dialog for building A: a PDF of at least one page
 * with the report's title. */
static void
test_every_kind (void)
{
  EnlaceReportDialog *dialog = enlace_report_dialog_new (NULL, demo_store ());
  guint n;
  const EnlaceReportInfo *infos = enlace_report_kinds (&n);

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (enlace_report_dialog_set_building (dialog, "A"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("every-%s.pdf", infos[i].name);
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autoptr(PopplerPage) page = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      Finished f = { 0 };
      gulong handler;

      g_assert_true (enlace_report_dialog_set_kind (dialog, infos[i].name));
      if (infos[i].style == ENLACE_REPORT_TRACES)
        /* one sheet per path: an outlet jack and an extension */
        enlace_report_dialog_set_objects (dialog, "A-0A-001:D, 1001");
      handler = g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &f);
      enlace_report_dialog_export_pdf (dialog, file);
      g_assert_true (enlace_test_spin_until (&f.done, 60000));
      g_signal_handler_disconnect (dialog, handler);
      if (f.message)
        g_error ("%s: %s", infos[i].name, f.message);
      pdf = poppler_document_new_from_file (uri, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 1);
      page = poppler_document_get_page (pdf, 0);
      text = poppler_page_get_text (page);
      if (strstr (text, infos[i].title) == NULL)
        g_error ("%s: no “%s” on its first page", infos[i].name, infos[i].title);
      if (infos[i].style == ENLACE_REPORT_TRACES)
        {
          g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
          g_assert_nonnull (strstr (text, "A-0A-001"));
        }
      g_unlink (path);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The labels dialog among the windows, NULL when none is open. */
static EnlaceLabelsDialog *
find_labels_dialog (void)
{
  GListModel *windows = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (windows, i);

      if (ENLACE_IS_LABELS_DIALOG (w))
        return ENLACE_LABELS_DIALOG (w);
    }
  return NULL;
}

/* How many rows report @kind has in building @building. */
static gint64
report_rows (const char *kind,
             const char *building)
{
  g_autoptr(GError) error = NULL;
  EnlaceReportScope scope = { building, NULL, NULL, NULL, NULL };
  g_autoptr(EnlaceReportCursor) cursor = enlace_report_cursor_new (demo_store (), kind, &scope, &error);
  gint64 n;

  g_assert_no_error (error);
  n = enlace_report_cursor_count (cursor, &error);
  g_assert_no_error (error);
  return n;
}

/* "Labels…" opens the labels dialog with the objects of the report in
 * its scope: building A's racks, then its cables (two labels each, one
 * per end); reports of other things have no button. */
static void
test_labels (void)
{
  EnlaceReportDialog *dialog = enlace_report_dialog_new (NULL, demo_store ());
  GtkWidget *button = enlace_report_dialog_get_labels_button (dialog);
  EnlaceLabelsDialog *labels;
  g_autoptr(GError) error = NULL;
  gint64 racks = report_rows ("racks", "A"), cables = report_rows ("cables", "A");

  g_assert_cmpint (racks, >, 0);
  g_assert_cmpint (cables, >, 0);
  g_assert_cmpint (cables, <, report_rows ("cables", NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (enlace_report_dialog_set_building (dialog, "A"));

  g_assert_true (enlace_report_dialog_set_kind (dialog, "racks"));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_null (find_labels_dialog ());
  g_signal_emit_by_name (button, "clicked");
  enlace_test_spin (100);
  labels = find_labels_dialog ();
  g_assert_nonnull (labels);
  g_assert_cmpint (enlace_labels_dialog_get_kind (labels), ==, ENLACE_LABEL_KIND_RACK);
  g_assert_cmpuint (enlace_labels_dialog_get_n_labels (labels), ==, racks);
  gtk_window_destroy (GTK_WINDOW (labels));
  enlace_test_spin (50);

  g_assert_true (enlace_report_dialog_set_kind (dialog, "cables"));
  g_assert_true (gtk_widget_get_visible (button));
  enlace_test_spin (200);
  enlace_test_screenshot (GTK_WIDGET (dialog), "report-dialog-labels.png");
  g_signal_emit_by_name (button, "clicked");
  enlace_test_spin (100);
  labels = find_labels_dialog ();
  g_assert_nonnull (labels);
  g_assert_cmpint (enlace_labels_dialog_get_kind (labels), ==, ENLACE_LABEL_KIND_CABLE);
  g_assert_cmpuint (enlace_labels_dialog_get_n_labels (labels), ==, 2 * cables);
  gtk_window_destroy (GTK_WINDOW (labels));
  enlace_test_spin (50);

  /* the outlet schedule: its outlets' faceplates */
  {
    g_autoptr(GArray) ids = NULL;
    EnlaceReportScope scope = { "A", NULL, NULL, NULL, NULL };

    g_assert_true (enlace_report_collect_keys (demo_store (), "outlets", &scope, NULL, &ids, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, >, 0);
    g_assert_true (enlace_report_dialog_set_kind (dialog, "outlets"));
    g_signal_emit_by_name (button, "clicked");
    enlace_test_spin (100);
    labels = find_labels_dialog ();
    g_assert_nonnull (labels);
    g_assert_cmpint (enlace_labels_dialog_get_kind (labels), ==, ENLACE_LABEL_KIND_FACEPLATE);
    g_assert_cmpuint (enlace_labels_dialog_get_n_labels (labels), ==, ids->len);
    gtk_window_destroy (GTK_WINDOW (labels));
    enlace_test_spin (50);
  }

  g_assert_true (enlace_report_dialog_set_kind (dialog, "audit"));
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_null (enlace_report_dialog_open_labels (dialog, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (find_labels_dialog ());
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* LANGUAGE=es takes the screenshot in Spanish */
  enlace_i18n_init ();
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  tmp_dir = g_dir_make_tmp ("enlace-report-dialog-XXXXXX", NULL);

  g_test_add_func ("/views/reports/dialog/export", test_export);
  g_test_add_func ("/views/reports/dialog/cancel", test_cancel);
  g_test_add_func ("/views/reports/dialog/labels", test_labels);
  g_test_add_func ("/views/reports/dialog/every-kind", test_every_kind);
  ret = g_test_run ();

  g_clear_object (&store);
  g_free (tmp_dir);
  return ret;
}
