/* test-undo-info.c: undo that cannot surprise (issue 11)
 *
 * What undo would act on and whether it must ask (older than the session,
 * large, bulk); an undo bound to its command; the author recorded in the
 * audit log, in local time; what goes with an object when it is deleted;
 * where an object is, for a page whose object disappears.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "enlace-ancestors.h"
#include "enlace-delete-impact.h"
#include "enlace-inventory.h"
#include "enlace-store-private.h"

static char *
tmp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("enlace-undo-XXXXXX", NULL);
  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static void
remove_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

static gint64
add (EnlaceStore *store,
     const char  *kind,
     const char  *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);
  gint64 id;

  g_assert_no_error (error);
  id = enlace_store_create (store, kind, json_node_get_object (node), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static guint
log_length (EnlaceStore *store)
{
  return enlace_inventory_log_length (store);
}

/* Open, commit, close, reopen: undo says the command is older than this
 * session and must be confirmed; a command of this session need not. */
static void
test_after_reopen (void)
{
  g_autofree char *path = tmp_path ("reopen.enlace");
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceUndoInfo) info = NULL;
  g_autofree char *action = NULL;
  g_autofree char *warning = NULL;
  gint64 old_command;

  store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_get_session_start (store), ==, 0);
  enlace_store_set_author (store, "Ana Gómez");
  add (store, "site", "{\"code\": \"UNI\", \"name\": \"Campus\"}");

  /* in the session that made it: no question asked */
  info = enlace_store_get_undo_info (store);
  g_assert_nonnull (info);
  g_assert_false (info->before_session);
  g_assert_false (info->bulk);
  g_assert_false (info->needs_confirmation);
  old_command = info->command_id;
  g_clear_pointer (&info, enlace_undo_info_free);
  g_clear_object (&store);

  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_get_session_start (store), ==, old_command);
  info = enlace_store_get_undo_info (store);
  g_assert_nonnull (info);
  g_assert_cmpint (info->command_id, ==, old_command);
  g_assert_true (info->before_session);
  g_assert_true (info->needs_confirmation);
  g_assert_cmpstr (info->author, ==, "Ana Gómez");
  g_assert_cmpuint (info->n_rows, ==, 1);
  g_test_message ("label: %s", info->label);
  g_assert_nonnull (strstr (info->label, "Campus"));

  /* it says what and when: "Undo “Add site …” (today 10:32)" */
  action = enlace_undo_info_dup_action_label (info);
  g_assert_nonnull (strstr (action, info->label));
  g_assert_nonnull (strstr (action, "today"));
  warning = enlace_undo_info_dup_warning (info);
  g_assert_nonnull (strstr (warning, "before this file was opened"));
  g_assert_nonnull (strstr (warning, "Ana Gómez"));
  g_clear_pointer (&info, enlace_undo_info_free);

  /* a command of this session: no question */
  add (store, "site", "{\"code\": \"HOS\", \"name\": \"Hospital\"}");
  info = enlace_store_get_undo_info (store);
  g_assert_cmpint (info->command_id, >, old_command);
  g_assert_false (info->before_session);
  g_assert_false (info->needs_confirmation);
  g_clear_pointer (&info, enlace_undo_info_free);

  /* undone, the older one comes next, and it asks again */
  g_assert_true (enlace_store_undo (store, &error));
  info = enlace_store_get_undo_info (store);
  g_assert_cmpint (info->command_id, ==, old_command);
  g_assert_true (info->needs_confirmation);
  g_clear_pointer (&info, enlace_undo_info_free);

  g_clear_object (&store);
  remove_file (path);
}

/* More than ENLACE_UNDO_CONFIRM_ROWS rows, or a bulk insert, asks. */
static void
test_large_and_bulk (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(EnlaceUndoInfo) info = NULL;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);

  /* an ordinary command of 250 rows */
  g_assert_true (enlace_store_begin (store, "Many areas", &error));
  for (int i = 0; i < 250; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"code\": \"A%03d\", \"name\": \"Área %d\"}", i, i);
      add (store, "area", json);
    }
  g_assert_true (enlace_store_commit (store, &error));
  info = enlace_store_get_undo_info (store);
  g_assert_cmpstr (info->label, ==, "Many areas");
  g_assert_false (info->before_session);
  g_assert_false (info->bulk);
  g_assert_cmpuint (info->n_rows, ==, 250);
  g_assert_true (info->needs_confirmation);
  g_clear_pointer (&info, enlace_undo_info_free);

  /* a bulk insert of 5 rows: bulk is enough */
  g_assert_true (enlace_store_begin (store, "Import", &error));
  g_assert_true (enlace_store_begin_bulk (store, &error));
  stmt = enlace_store_prepare (store, "INSERT INTO area (code, name) VALUES (?1, ?1)", &error);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *code = g_strdup_printf ("B%d", i);
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }
  sqlite3_reset (stmt);
  g_assert_true (enlace_store_commit (store, &error));
  info = enlace_store_get_undo_info (store);
  g_assert_cmpstr (info->label, ==, "Import");
  g_assert_true (info->bulk);
  g_assert_cmpuint (info->n_rows, ==, 5);
  g_assert_true (info->needs_confirmation);
  g_clear_pointer (&info, enlace_undo_info_free);

  /* a small command after them needs no confirmation */
  add (store, "area", "{\"code\": \"Z\", \"name\": \"Zeta\"}");
  info = enlace_store_get_undo_info (store);
  g_assert_cmpuint (info->n_rows, ==, 1);
  g_assert_false (info->needs_confirmation);
}

/* An undo bound to its command refuses when a newer command came after
 * it, and changes nothing. */
static void
test_undo_command (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(EnlaceUndoInfo) info = NULL;
  gint64 first, second;
  guint n_log;

  add (store, "area", "{\"code\": \"A\", \"name\": \"Alfa\"}");
  info = enlace_store_get_undo_info (store);
  first = info->command_id;
  g_clear_pointer (&info, enlace_undo_info_free);
  add (store, "area", "{\"code\": \"B\", \"name\": \"Beta\"}");
  info = enlace_store_get_undo_info (store);
  second = info->command_id;
  g_clear_pointer (&info, enlace_undo_info_free);
  n_log = log_length (store);

  /* the older command's toast: refused, naming the newer command */
  g_assert_false (enlace_store_undo_command (store, first, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Beta"));
  g_assert_nonnull (strstr (error->message, "undo that first"));
  g_clear_error (&error);
  g_assert_cmpuint (enlace_store_count (store, "area"), ==, 2);
  g_assert_cmpuint (log_length (store), ==, n_log);

  /* its own command: undone */
  g_assert_true (enlace_store_undo_command (store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (store, "area", "B", NULL), ==, 0);

  /* twice: refused, it is already undone */
  g_assert_false (enlace_store_undo_command (store, second, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "already undone"));
  g_clear_error (&error);

  /* an unknown command */
  g_assert_false (enlace_store_undo_command (store, 999, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* now the first one is the newest: its toast works */
  g_assert_true (enlace_store_undo_command (store, first, &error));
  g_assert_cmpuint (enlace_store_count (store, "area"), ==, 0);
}

/* The person working is recorded, not the login; the log has local time. */
static void
test_author (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(JsonArray) log = NULL;
  g_autofree char *fallback = enlace_store_default_author ();
  JsonObject *c;

  /* the default: the account's full name, else its login name */
  g_assert_cmpstr (enlace_store_get_author (store), ==, fallback);
  if (g_strcmp0 (g_get_real_name (), "Unknown") != 0 && g_get_real_name ()[0])
    g_assert_cmpstr (fallback, ==, g_get_real_name ());

  enlace_store_set_author (store, "Luis Mora");
  add (store, "area", "{\"code\": \"A\", \"name\": \"Alfa\"}");
  enlace_store_set_author (store, NULL);
  g_assert_cmpstr (enlace_store_get_author (store), ==, fallback);

  log = enlace_inventory_log (store, 1, &error);
  g_assert_no_error (error);
  c = json_array_get_object_element (log, 0);
  g_assert_cmpstr (json_object_get_string_member (c, "user"), ==, "Luis Mora");

  /* "at" is UTC; "at_local" is the same moment in local time */
  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (json_object_get_string_member (c, "at"), NULL);
    g_autoptr(GDateTime) local = g_date_time_to_local (utc);
    g_autofree char *expected = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");

    g_assert_nonnull (utc);
    g_assert_cmpstr (json_object_get_string_member (c, "at_local"), ==, expected);
  }
}

static void
test_format_when (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) old = g_date_time_new_local (2024, 5, 1, 10, 32, 0);
  g_autofree char *a = enlace_format_when (now);
  g_autofree char *b = enlace_format_when (yesterday);
  g_autofree char *c = enlace_format_when (old);

  g_assert_true (g_str_has_prefix (a, "today "));
  g_assert_true (g_str_has_prefix (b, "yesterday "));
  g_assert_cmpstr (c, ==, "2024-05-01 10:32");
}

/* A small rack: two devices of a two-port type, a cable between them, an
 * extension on one port. */
typedef struct
{
  gint64 site, building, floor, space, rack, sw1, sw2, port, cable, extension;
} Plant;

static EnlaceStore *
plant_new (Plant *p)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);
  EnlaceTerm a = { ENLACE_TERM_PORT, 0 }, b = { ENLACE_TERM_PORT, 0 };
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  p->site = add (store, "site", "{\"code\": \"UNI\", \"name\": \"Campus\"}");
  p->building = add (store, "building", "{\"site_id\": 1, \"code\": \"B1\", \"name\": \"Uno\"}");
  p->floor = add (store, "floor", "{\"building_id\": 1, \"level\": 1, \"name\": \"Uno\"}");
  p->space = add (store, "space", "{\"floor_id\": 1, \"code\": \"TR\", \"kind\": \"telecom-room\"}");
  p->rack = add (store, "rack", "{\"space_id\": 1, \"name\": \"R1\", \"u_height\": 42}");
  add (store, "device-type", "{\"manufacturer\": \"Acme\", \"model\": \"SW2\", \"role\": \"switch\"}");
  add (store, "port-template", "{\"device_type_id\": 1, \"kind\": \"interface\", \"name\": \"p1\"}");
  add (store, "port-template", "{\"device_type_id\": 1, \"kind\": \"interface\", \"name\": \"p2\"}");
  json = g_strdup_printf ("{\"device_type_id\": 1, \"name\": \"SW1\", \"role\": \"switch\", \"rack_id\": %" G_GINT64_FORMAT ", \"u_position\": 10, \"face\": \"front\"}", p->rack);
  p->sw1 = add (store, "device", json);
  g_free (json);
  json = g_strdup_printf ("{\"device_type_id\": 1, \"name\": \"SW2\", \"role\": \"switch\", \"rack_id\": %" G_GINT64_FORMAT ", \"u_position\": 12, \"face\": \"front\"}", p->rack);
  p->sw2 = add (store, "device", json);
  p->port = a.id = enlace_store_lookup (store, "port", "SW1:p1", &error);
  b.id = enlace_store_lookup (store, "port", "SW2:p1", &error);
  g_assert_no_error (error);
  p->cable = enlace_store_connect (store, &a, 1, &b, 1, NULL, &error);
  g_assert_no_error (error);
  g_free (json);
  json = g_strdup_printf ("{\"number\": \"2001\", \"status\": \"active\", \"port_id\": %" G_GINT64_FORMAT "}",
                          enlace_store_lookup (store, "port", "SW2:p2", NULL));
  p->extension = add (store, "extension", json);
  return store;
}

static guint
count_of (GArray     *impact,
          const char *kind,
          gboolean    changed)
{
  for (guint i = 0; i < impact->len; i++)
    {
      EnlaceDeleteCount *c = &g_array_index (impact, EnlaceDeleteCount, i);
      if (strcmp (c->kind, kind) == 0)
        return changed ? c->changed : c->deleted;
    }
  return 0;
}

static void
count_changed (EnlaceStore     *store,
               EnlaceChangeSet *changes,
               guint           *n)
{
  (*n)++;
}

/* What goes with a rack, counted by a dry run that changes nothing. */
static void
test_delete_impact (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) impact = NULL;
  g_autofree char *text = NULL;
  Plant p;
  g_autoptr(EnlaceStore) store = plant_new (&p);
  guint n_log = log_length (store);
  guint n_changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_changed), &n_changed);
  impact = enlace_inventory_delete_impact (store, "rack", p.rack, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_delete_impact_has_contents (impact));
  g_assert_cmpuint (count_of (impact, "device", FALSE), ==, 2);
  g_assert_cmpuint (count_of (impact, "port", FALSE), ==, 4);
  g_assert_cmpuint (count_of (impact, "cable", FALSE), ==, 1);
  g_assert_cmpuint (count_of (impact, "rack", FALSE), ==, 0); /* not itself */
  text = enlace_delete_impact_describe (impact);
  g_assert_nonnull (strstr (text, "2 devices"));
  g_assert_nonnull (strstr (text, "4 ports"));
  g_assert_nonnull (strstr (text, "1 cable"));
  g_assert_nonnull (strstr (text, "will be deleted with it"));

  /* nothing changed, nothing logged, no ::changed */
  g_assert_cmpuint (log_length (store), ==, n_log);
  g_assert_cmpuint (enlace_store_count (store, "device"), ==, 2);
  g_assert_cmpuint (enlace_store_count (store, "cable"), ==, 1);
  g_assert_false (enlace_store_in_command (store));
  g_assert_cmpuint (n_changed, ==, 0);

  /* and the delete itself does what was said */
  g_assert_true (enlace_store_delete (store, "rack", p.rack, &error));
  g_assert_cmpuint (enlace_store_count (store, "device"), ==, 0);
  g_assert_cmpuint (enlace_store_count (store, "port"), ==, 0);
  g_assert_cmpuint (enlace_store_count (store, "cable"), ==, 0);
  g_clear_pointer (&impact, g_array_unref);

  /* a cable holds nothing: nothing to ask */
  g_assert_true (enlace_store_undo (store, &error));
  impact = enlace_inventory_delete_impact (store, "cable", p.cable, &error);
  g_assert_no_error (error);
  g_assert_false (enlace_delete_impact_has_contents (impact));
  g_clear_pointer (&impact, g_array_unref);

  /* an unknown object: the delete's own refusal */
  impact = enlace_inventory_delete_impact (store, "rack", 999, &error);
  g_assert_null (impact);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
}

static void
test_ancestors (void)
{
  Plant p;
  g_autoptr(EnlaceStore) store = plant_new (&p);
  g_autoptr(GArray) up = enlace_inventory_ancestors (store, "port", p.port);
  static const char *kinds[] = { "device", "rack", "space", "floor", "building", "site" };

  g_assert_cmpuint (up->len, ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < up->len; i++)
    g_assert_cmpstr (g_array_index (up, EnlaceObjectRef, i).kind, ==, kinds[i]);
  g_assert_cmpint (g_array_index (up, EnlaceObjectRef, 0).id, ==, p.sw1);
  g_assert_cmpint (g_array_index (up, EnlaceObjectRef, 5).id, ==, p.site);
  g_clear_pointer (&up, g_array_unref);

  /* a site and a cable are held by nothing */
  up = enlace_inventory_ancestors (store, "site", p.site);
  g_assert_cmpuint (up->len, ==, 0);
  g_clear_pointer (&up, g_array_unref);
  up = enlace_inventory_ancestors (store, "cable", p.cable);
  g_assert_cmpuint (up->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/store/undo-info/after-reopen", test_after_reopen);
  g_test_add_func ("/model/store/undo-info/large-and-bulk", test_large_and_bulk);
  g_test_add_func ("/model/store/undo-info/undo-command", test_undo_command);
  g_test_add_func ("/model/store/undo-info/format-when", test_format_when);
  g_test_add_func ("/model/store/author", test_author);
  g_test_add_func ("/model/inventory/delete-impact", test_delete_impact);
  g_test_add_func ("/model/inventory/ancestors", test_ancestors);

  return g_test_run ();
}
