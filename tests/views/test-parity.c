/* test-parity.c: the GUI and enlace-cli give the same answer on the same
 * file: the Connect dialog and `connect` propose the same kind and label;
 * the device page and `trace` list the same paths; the trace page of an
 * extension and `trace --from NUMBER` too.  Under Xvfb; ENLACE_CLI names
 * the built enlace-cli. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "enlace-connect-dialog.h"
#include "enlace-device-page.h"
#include "enlace-test-cli.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"
#include "enlace-trace-paths.h"
#include "enlace-trace-view.h"

typedef struct
{
  EnlaceTestPlant  ids;
  EnlaceStore     *store;
  char            *dir;
  char            *file;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = enlace_test_plant_new (&f->ids);
  enlace_test_create (f->store, "extension",
                      "{\"number\": \"2001\", \"status\": \"active\", \"port_id\": %" G_GINT64_FORMAT "}",
                      f->ids.pc_eth0);
  f->dir = g_dir_make_tmp ("enlace-parity-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_build_filename (f->dir, "plant.enlace", NULL);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->file);
  g_clear_object (&f->store);
}

/* Saves the store as the CLI's file, as it is now. */
static void
save (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_unlink (f->file);
  g_assert_true (enlace_store_save_copy (f->store, f->file, &error));
  g_assert_no_error (error);
}

/* Runs enlace-cli with --json; its output parsed. */
static JsonNode *
cli_json (const char *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(EnlaceCliRun) r = { 0 };
  va_list ap;
  JsonNode *node;

  va_start (ap, first);
  for (const char *a = first; a; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, (char *) "--json");
  g_ptr_array_add (argv, NULL);
  enlace_test_cli_runv (&r, NULL, (const char * const *) argv->pdata);
  if (r.status != 0)
    g_error ("enlace-cli %s: exit %d: %s", first, r.status, r.err);
  node = json_from_string (r.out, &error);
  g_assert_no_error (error);
  return node;
}

static void
assert_same_paths (Fixture            *f,
                   EnlaceTraceDrawing *drawing,
                   const char         *from)
{
  g_autoptr(EnlaceTracer) tracer = enlace_tracer_get_for_store (f->store);
  g_autoptr(JsonNode) gui = NULL;
  g_autoptr(JsonNode) cli = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_nonnull (drawing);
  gui = enlace_tracer_paths_to_json (tracer, enlace_trace_drawing_get_paths (drawing));
  save (f);
  cli = cli_json ("trace", f->file, "--from", from, NULL);
  a = json_to_string (gui, TRUE);
  b = json_to_string (cli, TRUE);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (cli), "paths")), >=, 1);
}

static void
test_connect (Fixture       *f,
              gconstpointer  data)
{
  const char *pairs[][2] = {
    { "PP-1:R2", "O-101:R2" },        /* horizontal */
    { "O-101:J2", "SRV-1:eno1" },     /* patch cord */
    { "SW-1:Te1/1/1", "SW-2:Te1/1/1" }, /* equipment cord, fibre */
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      EnlaceConnectDialog *dialog = enlace_connect_dialog_new (NULL, f->store, enlace_test_port (f->store, pairs[i][0]));
      EnlaceCableProposal p = { 0 };
      g_autoptr(JsonNode) cable = NULL;
      JsonObject *o;

      g_assert_true (enlace_connect_dialog_select (dialog, enlace_test_port (f->store, pairs[i][1])));
      enlace_connect_dialog_get_cable (dialog, &p);
      gtk_window_destroy (GTK_WINDOW (dialog));

      save (f);
      cable = cli_json ("connect", f->file, pairs[i][0], pairs[i][1], NULL);
      o = json_node_get_object (cable);
      g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, p.kind);
      g_assert_cmpstr (json_object_get_string_member (o, "label"), ==, p.label);
      enlace_cable_proposal_clear (&p);
    }
}

static void
test_device_page_trace (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *page = g_object_new (ENLACE_TYPE_DEVICE_PAGE, NULL);
  GtkWidget *window;

  enlace_page_set_store (ENLACE_PAGE (page), f->store);
  enlace_page_set_object (ENLACE_PAGE (page), "device", f->ids.pp1);
  window = enlace_test_window (page, 1000, 760);

  /* a panel port between two endpoints: one path, not one from each end */
  enlace_device_page_select_port (ENLACE_DEVICE_PAGE (page), f->ids.pp1_f1);
  assert_same_paths (f, enlace_device_page_get_trace (ENLACE_DEVICE_PAGE (page)), "PP-1:1");
  g_assert_cmpuint (enlace_trace_drawing_get_n_paths (enlace_device_page_get_trace (ENLACE_DEVICE_PAGE (page))), ==, 1);

  enlace_device_page_select_port (ENLACE_DEVICE_PAGE (page), f->ids.pp1_r1);
  assert_same_paths (f, enlace_device_page_get_trace (ENLACE_DEVICE_PAGE (page)), "PP-1:R1");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_extension_trace (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *page = g_object_new (ENLACE_TYPE_TRACE_VIEW, NULL);
  GtkWidget *window;

  enlace_page_set_store (ENLACE_PAGE (page), f->store);
  enlace_page_set_object (ENLACE_PAGE (page), "trace/extension",
                          enlace_store_lookup (f->store, "extension", "2001", NULL));
  window = enlace_test_window (page, 1000, 760);
  enlace_test_spin (50);
  assert_same_paths (f, enlace_trace_view_get_drawing (ENLACE_TRACE_VIEW (page)), "2001");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

#define ADD(path, fn) g_test_add ("/views/parity/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("connect", test_connect);
  ADD ("device-page-trace", test_device_page_trace);
  ADD ("extension-trace", test_extension_trace);
  return g_test_run ();
}
