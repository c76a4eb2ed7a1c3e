/* test-undo.c: undo that cannot surprise, in the window (issue 11), at
 * 1024×700 under Xvfb
 *
 * - undo asks before undoing a command older than the session, or the
 *   demo (bulk), and says what and when in the undo button's tooltip;
 * - an Undo toast undoes its own command or nothing;
 * - a page whose object disappears goes to the nearest one that exists;
 * - deleting an object that holds others asks first.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "enlace-application.h"
#include "enlace-demo.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"
#include "enlace-window-private.h"

static EnlaceApplication *app;

typedef struct
{
  EnlaceStore     *store;
  EnlaceWindow    *window;
  EnlaceTestPlant  ids;
} Fixture;

static void
fixture_present (Fixture *f)
{
  f->window = enlace_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_window (Fixture     *f,
                EnlaceStore *store)
{
  f->store = store;
  fixture_present (f);
  enlace_window_set_store (f->window, store);
  enlace_test_spin (150);
}

static void
fixture_teardown (Fixture *f)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (l->data != f->window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);

  gtk_window_destroy (GTK_WINDOW (f->window));
  enlace_test_spin (20);
  g_clear_object (&f->store);
}

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, param));
  enlace_test_spin (30);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* Answers the open message dialog as its button would. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  enlace_test_spin (30);
}

static gint64
latest_command (EnlaceStore *store)
{
  g_autoptr(EnlaceUndoInfo) info = enlace_store_get_undo_info (store);

  g_assert_nonnull (info);
  return info->command_id;
}

/* After the file is reopened, undo says what it will undo and asks before
 * undoing what was done before; what is done in this session is undone
 * at once. */
static void
test_confirm_after_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("enlace-undo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "campus.enlace", NULL);
  g_autoptr(EnlaceStore) before = NULL;
  const char *tooltip;
  AdwMessageDialog *dialog;
  Fixture f = { 0 };
  gint64 area;

  g_assert_no_error (error);
  before = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  enlace_test_create (before, "site", "{\"code\": \"UNI\", \"name\": \"Campus\"}");
  enlace_test_create (before, "building", "{\"site_id\": 1, \"code\": \"B1\", \"name\": \"Biblioteca\"}");
  g_clear_object (&before);

  fixture_present (&f);
  g_assert_true (enlace_window_open_path (f.window, path, &error));
  g_assert_no_error (error);
  f.store = g_object_ref (enlace_window_get_store (f.window));
  enlace_test_spin (100);

  /* the button says what and when */
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (f.window->undo_button));
  g_assert_nonnull (strstr (tooltip, "Biblioteca"));
  g_assert_nonnull (strstr (tooltip, "today"));

  /* a stray Ctrl+Z: a question, nothing undone */
  activate (&f, "win.undo", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Biblioteca"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "before this file was opened"));
  g_assert_cmpuint (enlace_store_count (f.store, "building"), ==, 1);
  respond (dialog, "cancel");
  g_assert_cmpuint (enlace_store_count (f.store, "building"), ==, 1);

  /* confirmed: undone */
  activate (&f, "win.undo", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "undo");
  g_assert_cmpuint (enlace_store_count (f.store, "building"), ==, 0);

  /* a command of this session is undone at once */
  area = enlace_test_create (f.store, "area", "{\"code\": \"TI\", \"name\": \"Informática\"}");
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (f.window->undo_button));
  g_assert_nonnull (strstr (tooltip, "Informática"));
  activate (&f, "win.undo", NULL);
  g_assert_null (find_message_dialog ());
  g_assert_null (enlace_store_get (f.store, "area", area, NULL));

  fixture_teardown (&f);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

/* The demo, made in this very session, is not undone by a stray key. */
static void
test_confirm_demo (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);
  AdwMessageDialog *dialog;
  Fixture f = { 0 };
  guint sites, outlets;

  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);
  fixture_window (&f, store);
  sites = enlace_store_count (store, "site");
  outlets = enlace_store_count (store, "device");

  /* every command of the demo asks: the newest first */
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(EnlaceUndoInfo) info = enlace_store_get_undo_info (store);

      g_assert_nonnull (info);
      g_assert_true (info->needs_confirmation);
      activate (&f, "win.undo", NULL);
      dialog = find_message_dialog ();
      g_assert_nonnull (dialog);
      g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), info->label));
      g_assert_cmpuint (enlace_store_count (store, "site"), ==, sites);
      g_assert_cmpuint (enlace_store_count (store, "device"), ==, outlets);
      if (strcmp (info->label, "Demo campus") == 0)
        break;
      respond (dialog, "undo");
    }
  respond (dialog, "cancel");
  g_assert_cmpuint (enlace_store_count (store, "site"), ==, sites);

  fixture_teardown (&f);
}

/* An Undo toast undoes its own command; a newer command takes its button,
 * and its action refuses. */
static void
test_toast_binding (void)
{
  Fixture f = { 0 };
  AdwToast *toast;
  AdwMessageDialog *dialog;
  gint64 deleted, area;

  fixture_window (&f, enlace_test_plant_new (&f.ids));

  activate (&f, "win.delete-object", g_variant_new ("(sx)", "cable", f.ids.cable_desk));
  g_assert_null (enlace_store_get (f.store, "cable", f.ids.cable_desk, NULL));
  deleted = latest_command (f.store);
  g_assert_cmpuint (f.window->undo_toasts->len, ==, 1);
  toast = g_object_ref (g_ptr_array_index (f.window->undo_toasts, 0));
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo-command");
  g_assert_cmpint (g_variant_get_int64 (adw_toast_get_action_target_value (toast)), ==, deleted);

  /* a newer command: the old toast loses its Undo */
  area = enlace_test_create (f.store, "area", "{\"code\": \"TI\", \"name\": \"Informática\"}");
  enlace_test_spin (30);
  g_assert_cmpuint (f.window->undo_toasts->len, ==, 0);
  g_assert_null (adw_toast_get_action_name (toast));
  g_assert_null (adw_toast_get_button_label (toast));
  g_clear_object (&toast);

  /* and its command, activated anyway, refuses and changes nothing */
  activate (&f, "win.undo-command", g_variant_new_int64 (deleted));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Informática"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "undo that first"));
  respond (dialog, "close");
  g_assert_nonnull (enlace_store_get (f.store, "area", area, NULL));
  g_assert_null (enlace_store_get (f.store, "cable", f.ids.cable_desk, NULL));

  /* the toast of the newest command undoes it */
  activate (&f, "win.undo-command", g_variant_new_int64 (latest_command (f.store)));
  g_assert_null (find_message_dialog ());
  g_assert_null (enlace_store_get (f.store, "area", area, NULL));
  g_assert_null (enlace_store_get (f.store, "cable", f.ids.cable_desk, NULL));

  fixture_teardown (&f);
}

/* A page whose object disappears goes to its nearest ancestor, with a
 * toast; with none left, to the campus. */
static void
test_page_fallback (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  EnlacePage *page;
  gint64 building, site;

  fixture_window (&f, enlace_test_plant_new (&f.ids));

  /* a rack deleted behind the page's back: its room */
  enlace_window_show_object (f.window, "rack", f.ids.rack);
  enlace_test_spin (30);
  g_assert_true (enlace_store_delete (f.store, "rack", f.ids.rack, &error));
  g_assert_no_error (error);
  enlace_test_spin (30);
  page = enlace_window_get_visible_page (f.window);
  g_assert_cmpstr (enlace_page_get_kind (page), ==, "space");
  g_assert_cmpint (enlace_page_get_object_id (page), ==, f.ids.tr);
  g_assert_true (_enlace_window_toasted (f.window, "Rack “R1” no longer exists: showing Space “B1/1/TR-1”"));

  /* a building whose creation is undone: its site */
  building = enlace_test_create (f.store, "building", "{\"site_id\": %" G_GINT64_FORMAT ", \"code\": \"B9\", \"name\": \"Nueve\"}",
                                 f.ids.site);
  enlace_window_show_object (f.window, "building", building);
  enlace_test_spin (30);
  activate (&f, "win.undo", NULL);
  page = enlace_window_get_visible_page (f.window);
  g_assert_cmpstr (enlace_page_get_kind (page), ==, "site");
  g_assert_cmpint (enlace_page_get_object_id (page), ==, f.ids.site);
  g_assert_true (_enlace_window_toasted (f.window, "Building “B9” no longer exists: showing Site “UTV”"));

  /* a site whose creation is undone: the campus's first site */
  site = enlace_test_create (f.store, "site", "{\"code\": \"ZZZ\", \"name\": \"Anexo\"}");
  enlace_window_show_object (f.window, "site", site);
  enlace_test_spin (30);
  activate (&f, "win.undo", NULL);
  page = enlace_window_get_visible_page (f.window);
  g_assert_cmpstr (enlace_page_get_kind (page), ==, "site");
  g_assert_cmpint (enlace_page_get_object_id (page), ==, f.ids.site);
  g_assert_true (_enlace_window_toasted (f.window, "Site “ZZZ” no longer exists: showing Site “UTV”"));

  fixture_teardown (&f);
}

/* Deleting a rack asks first and says what goes with it; a cable does not. */
static void
test_delete_confirmation (void)
{
  Fixture f = { 0 };
  AdwMessageDialog *dialog;
  const char *body;
  guint devices;

  fixture_window (&f, enlace_test_plant_new (&f.ids));
  devices = enlace_store_count (f.store, "device");
  enlace_window_show_object (f.window, "rack", f.ids.rack);
  enlace_test_spin (30);

  activate (&f, "win.delete-object", g_variant_new ("(sx)", "rack", f.ids.rack));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "R1"));
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "5 devices"));
  g_assert_nonnull (strstr (body, "ports"));
  g_assert_nonnull (strstr (body, "cables"));
  g_assert_nonnull (strstr (body, "will be deleted with it"));
  g_assert_nonnull (enlace_store_get (f.store, "rack", f.ids.rack, NULL));
  respond (dialog, "cancel");
  g_assert_nonnull (enlace_store_get (f.store, "rack", f.ids.rack, NULL));

  activate (&f, "win.delete-object", g_variant_new ("(sx)", "rack", f.ids.rack));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "delete");
  g_assert_null (enlace_store_get (f.store, "rack", f.ids.rack, NULL));
  g_assert_cmpuint (enlace_store_count (f.store, "device"), ==, devices - 5);
  /* one toast, with its Undo; the page left the rack without another */
  g_assert_cmpuint (f.window->toast_log->len, ==, 1);
  g_assert_true (_enlace_window_toasted (f.window, "Deleted Rack R1"));
  g_assert_cmpstr (enlace_page_get_kind (enlace_window_get_visible_page (f.window)), !=, "rack");

  /* Undo brings it all back (a command of this session: no question) */
  activate (&f, "win.undo", NULL);
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (enlace_store_count (f.store, "device"), ==, devices);

  /* a cable holds nothing: deleted at once */
  activate (&f, "win.delete-object", g_variant_new ("(sx)", "cable", f.ids.cable_desk));
  g_assert_null (find_message_dialog ());
  g_assert_null (enlace_store_get (f.store, "cable", f.ids.cable_desk, NULL));

  fixture_teardown (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  app = enlace_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/views/undo/confirm-after-reopen", test_confirm_after_reopen);
  g_test_add_func ("/views/undo/confirm-demo", test_confirm_demo);
  g_test_add_func ("/views/undo/toast-binding", test_toast_binding);
  g_test_add_func ("/views/undo/page-fallback", test_page_fallback);
  g_test_add_func ("/views/undo/delete-confirmation", test_delete_confirmation);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
