/* test-cli-trace.c: enlace-cli trace, paths, impact and free, run as a
 * program on a small generated campus (1 building, 1 floor, 4 outlets).
 *
 * ENLACE_CLI names the built enlace-cli (set by tests/meson.build). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "enlace-test-cli.h"

static char *tmp_dir;
static char *campus;

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
find_path (JsonArray  *paths,
           const char *origin)
{
  for (guint i = 0; i < json_array_get_length (paths); i++)
    {
      JsonObject *p = json_array_get_object_element (paths, i);
      JsonArray *o = json_object_get_array_member (p, "origin");

      if (json_array_get_length (o) == 1 &&
          g_str_equal (json_array_get_string_element (o, 0), origin))
        return p;
    }
  return NULL;
}

static void
test_help (void)
{
  const char *commands[] = { "trace", "paths", "impact", "free" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(EnlaceCliRun) r = { 0 };

      enlace_test_cli_run (&r, tmp_dir, commands[i], "--help", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.out, commands[i]));
      g_assert_nonnull (strstr (r.out, "--json"));
    }
}

static void
test_usage_and_errors (void)
{
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 }, r5 = { 0 }, r6 = { 0 }, r7 = { 0 };

  enlace_test_cli_run (&r1, tmp_dir, "trace", campus, NULL);                 /* no --from */
              g_assert_cmpint (r1.status, ==, 2);
  enlace_test_cli_run (&r2, tmp_dir, "impact", campus, NULL);                /* no OBJECT */
              g_assert_cmpint (r2.status, ==, 2);
  enlace_test_cli_run (&r3, tmp_dir, "free", campus, "--space", "A/0/001", "--room", "A/0/0A", NULL);
  g_assert_cmpint (r3.status, ==, 2);
  enlace_test_cli_run (&r4, tmp_dir, "trace", campus, "--from", "NO-SUCH:PORT", NULL);
  g_assert_cmpint (r4.status, ==, 1);
  g_assert_nonnull (strstr (r4.err, "NO-SUCH:PORT"));
  enlace_test_cli_run (&r5, tmp_dir, "impact", campus, "NO-SUCH-CABLE", NULL);
  g_assert_cmpint (r5.status, ==, 1);
  enlace_test_cli_run (&r6, tmp_dir, "paths", "missing.enlace", NULL);
  g_assert_cmpint (r6.status, ==, 1);
  enlace_test_cli_run (&r7, tmp_dir, "free", campus, "--room", "A/0/001", NULL);  /* an office, not a room */
              g_assert_cmpint (r7.status, ==, 1);
}

static void
test_paths_json (void)
{
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *paths;
  JsonObject *p;
  JsonArray *hops;
  guint complete = 0;

  enlace_test_cli_run (&r, tmp_dir, "paths", campus, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse (r.out);
  paths = json_object_get_array_member (json_node_get_object (root), "paths");
  g_assert_cmpuint (json_array_get_length (paths), >, 0);
  for (guint i = 0; i < json_array_get_length (paths); i++)
    {
      JsonObject *o = json_array_get_object_element (paths, i);
      const char *members[] = { "origin", "hops", "destination", "complete", "active",
                                "split", "state", "stop", "length_m", "length_known", "faulty" };

      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        g_assert_true (json_object_has_member (o, members[m]));
      g_assert_cmpuint (json_object_get_size (o), ==, G_N_ELEMENTS (members));
      complete += json_object_get_boolean_member (o, "complete");
      /* the destination is the last hop exactly when complete */
      g_assert_cmpint (json_object_get_null_member (o, "destination"), ==,
                       !json_object_get_boolean_member (o, "complete"));
    }
  g_assert_cmpuint (complete, >, 0);

  /* a voice path: PBX → 110 block → multipair backbone → 110 block →
   * panel → horizontal link → the voice jack of an office outlet */
  p = find_path (paths, "A-SITE-PBX1:1/2");
  g_assert_nonnull (p);
  hops = json_object_get_array_member (p, "hops");
  g_assert_cmpuint (json_array_get_length (hops), >=, 7);
  g_assert_true (g_str_has_suffix (json_array_get_string_element (json_array_get_array_element (hops, json_array_get_length (hops) - 1), 0), ":V"));
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (hops, 4), 0), ==, "A-0A/A-SITE-MP1");
  g_assert_false (json_object_get_boolean_member (p, "complete"));
  g_assert_true (json_object_get_boolean_member (p, "active"));
  g_assert_true (json_object_get_boolean_member (p, "length_known"));
}

static void
test_trace_text_and_json (void)
{
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *paths;

  enlace_test_cli_run (&r1, tmp_dir, "trace", campus, "--from", "A-SITE-PBX1:1/2", NULL);
  g_assert_cmpint (r1.status, ==, 0);
  g_assert_nonnull (strstr (r1.out, "A-SITE-PBX1:1/2 → A-0A-"));
  g_assert_nonnull (strstr (r1.out, "cable A-0A/A-SITE-MP1"));

  /* from the multipair backbone cable: every voice path through it */
  enlace_test_cli_run (&r2, tmp_dir, "trace", campus, "--from", "A-0A/A-SITE-MP1", "--json", NULL);
  g_assert_cmpint (r2.status, ==, 0);
  root = parse (r2.out);
  paths = json_object_get_array_member (json_node_get_object (root), "paths");
  g_assert_nonnull (find_path (paths, "A-SITE-PBX1:1/1"));
  g_assert_nonnull (find_path (paths, "A-SITE-PBX1:1/2"));

  /* from a bare outlet jack with nothing patched: the jack's own trace */
  enlace_test_cli_run (&r3, tmp_dir, "trace", campus, "--from", "A-0A-004:V", "--json", NULL);
  g_assert_cmpint (r3.status, ==, 0);
  g_assert_nonnull (strstr (r3.out, "\"A-0A-004:V\""));

  /* from a device */
  enlace_test_cli_run (&r4, tmp_dir, "trace", campus, "--from", "A-SITE-CORE1", NULL);
  g_assert_cmpint (r4.status, ==, 0);
  g_assert_nonnull (strstr (r4.out, "A-SITE-CORE1:Te1/0/1 → A-SITE-RTR1:"));
  g_assert_nonnull (strstr (r4.out, "complete, active"));
}

/* Like the trace page: an extension is traced from its port, and a path
 * through a panel port is listed once, not once from each end. */
static void
test_trace_extension_and_once (void)
{
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 };
  g_autoptr(JsonNode) root = NULL;

  enlace_test_cli_run (&r1, tmp_dir, "trace", campus, "--from", "10001", "--json", NULL);
  g_assert_cmpint (r1.status, ==, 0);
  enlace_test_cli_run (&r2, tmp_dir, "trace", campus, "--from", "A-SITE-PBX1:1/1", "--json", NULL);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_cmpstr (r1.out, ==, r2.out);
  g_assert_nonnull (strstr (r1.out, "\"A-SITE-PBX1:1/1\""));

  enlace_test_cli_run (&r3, tmp_dir, "trace", campus, "--from", "A-0A-FO1:1", "--json", NULL);
  g_assert_cmpint (r3.status, ==, 0);
  root = parse (r3.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "paths")), ==, 1);
}

static void
test_impact (void)
{
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;
  JsonArray *spaces;
  gboolean ext = FALSE;

  enlace_test_cli_run (&r1, tmp_dir, "impact", campus, "A-0A/A-SITE-MP1", "--json", NULL);
  g_assert_cmpint (r1.status, ==, 0);
  root = parse (r1.out);
  o = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (o, "paths"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "ends"), ==, 4);
  spaces = json_object_get_array_member (o, "spaces");
  for (guint s = 0; s < json_array_get_length (spaces); s++)
    {
      JsonArray *areas = json_object_get_array_member (json_array_get_object_element (spaces, s), "areas");

      for (guint a = 0; a < json_array_get_length (areas); a++)
        {
          JsonArray *ends = json_object_get_array_member (json_array_get_object_element (areas, a), "ends");

          for (guint e = 0; e < json_array_get_length (ends); e++)
            ext |= json_array_get_length (json_object_get_array_member (json_array_get_object_element (ends, e),
                                                                        "extensions")) > 0;
        }
    }
  g_assert_true (ext);

  enlace_test_cli_run (&r2, tmp_dir, "impact", campus, "A-0A-R1", NULL);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_nonnull (strstr (r2.out, "A/0/001"));
  g_assert_nonnull (strstr (r2.out, "extensions 10001"));
}

static void
test_free (void)
{
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *spaces;
  JsonObject *sp;

  enlace_test_cli_run (&r1, tmp_dir, "free", campus, "--room", "A/0/0A", "--json", NULL);
  g_assert_cmpint (r1.status, ==, 0);
  root = parse (r1.out);
  spaces = json_object_get_array_member (json_node_get_object (root), "spaces");
  g_assert_cmpuint (json_array_get_length (spaces), ==, 1);
  sp = json_array_get_object_element (spaces, 0);
  g_assert_true (json_object_get_boolean_member (sp, "telecom_room"));
  g_assert_true (json_object_has_member (json_object_get_object_member (sp, "panel_ports"), "copper"));
  g_assert_true (json_object_has_member (json_object_get_object_member (sp, "switch_ports"), "copper"));

  enlace_test_cli_run (&r2, tmp_dir, "free", campus, "--space", "A/0/001", NULL);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_nonnull (strstr (r2.out, "A-0A-004:D"));

  enlace_test_cli_run (&r3, tmp_dir, "free", campus, NULL);
  g_assert_cmpint (r3.status, ==, 0);
  g_assert_nonnull (strstr (r3.out, "A/0/SITE"));
}

/* Issue 11: the state of a path in the JSON form and the counts of
 * `paths` and `stats`: outlets whose links reach their jack are served up
 * to the jack, not incomplete; `complete` keeps NetBox's meaning. */
static void
test_states (void)
{
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) stats = NULL;
  JsonArray *paths;
  JsonObject *p, *by_state;
  guint to_jack = 0;

  enlace_test_cli_run (&r1, tmp_dir, "paths", campus, "--json", NULL);
  g_assert_cmpint (r1.status, ==, 0);
  root = parse (r1.out);
  paths = json_object_get_array_member (json_node_get_object (root), "paths");
  for (guint i = 0; i < json_array_get_length (paths); i++)
    {
      JsonObject *o = json_array_get_object_element (paths, i);
      const char *state = json_object_get_string_member (o, "state");

      g_assert_true (g_str_equal (state, "complete") || g_str_equal (state, "to-jack") ||
                     g_str_equal (state, "incomplete") || g_str_equal (state, "split"));
      g_assert_cmpint (json_object_get_boolean_member (o, "complete"), ==, g_str_equal (state, "complete"));
      to_jack += g_str_equal (state, "to-jack");
    }
  g_assert_cmpuint (to_jack, ==, 5);
  p = find_path (paths, "A-P0-SW1:Gi1/0/1");
  g_assert_cmpstr (json_object_get_string_member (p, "state"), ==, "to-jack");
  g_assert_false (json_object_get_boolean_member (p, "complete"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (p, "stop"), "code"), ==, "at-jack");

  enlace_test_cli_run (&r2, tmp_dir, "paths", campus, NULL);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_nonnull (strstr (r2.out, "A-P0-SW1:Gi1/0/1 → A-0A-001:D: up to the jack, active"));
  g_assert_nonnull (strstr (r2.out, "11 paths: 6 complete, 5 up to the jack, 0 incomplete, 0 split; 11 active"));

  enlace_test_cli_run (&r3, tmp_dir, "stats", campus, "--json", NULL);
  g_assert_cmpint (r3.status, ==, 0);
  stats = parse (r3.out);
  by_state = json_object_get_object_member (json_node_get_object (stats), "paths");
  g_assert_nonnull (by_state);
  g_assert_cmpint (json_object_get_int_member (by_state, "complete"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (by_state, "to-jack"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (by_state, "incomplete"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (by_state, "split"), ==, 0);

  enlace_test_cli_run (&r4, tmp_dir, "stats", campus, NULL);
  g_assert_cmpint (r4.status, ==, 0);
  g_assert_nonnull (strstr (r4.out, "Paths: Up to the jack"));
}

/* Issue 11: an outlet with two unpatched jacks gives two paths (not its
 * own rear→front pass-throughs), each naming the missing patch cord and
 * its place, in the text and in a stop of the JSON form. */
static void
test_outlet_and_stop (void)
{
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *paths;

  enlace_test_cli_run (&r1, tmp_dir, "trace", campus, "--from", "A-0A-004", "--json", NULL);
  g_assert_cmpint (r1.status, ==, 0);
  root = parse (r1.out);
  paths = json_object_get_array_member (json_node_get_object (root), "paths");
  g_assert_cmpuint (json_array_get_length (paths), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *o = json_array_get_object_element (paths, i);
      JsonObject *stop = json_object_get_object_member (o, "stop");

      g_assert_cmpstr (json_object_get_string_member (o, "state"), ==, "incomplete");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "hops")), ==, 5);
      g_assert_cmpstr (json_object_get_string_member (stop, "code"), ==, "no-patch-cord");
      g_assert_true (g_str_has_prefix (json_object_get_string_member (stop, "message"), "no patch cord at A-0A-PP"));
      g_assert_true (g_str_has_suffix (json_object_get_string_member (stop, "message"), "port 4 in rack A-0A-R1"));
    }

  enlace_test_cli_run (&r2, tmp_dir, "trace", campus, "--from", "A-0A-004:D", NULL);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_nonnull (strstr (r2.out, "no patch cord at A-0A-PPA port 4 in rack A-0A-R1"));
  g_assert_null (strstr (r2.out, "stops where there is no cable"));
}

/* Issue 11: a jack is traced from the jack, though the tracer follows its
 * path from the switch. */
static void
test_from_jack (void)
{
  g_auto(EnlaceCliRun) r1 = { 0 }, r2 = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *p;

  enlace_test_cli_run (&r1, tmp_dir, "trace", campus, "--from", "A-0A-001:D", NULL);
  g_assert_cmpint (r1.status, ==, 0);
  g_assert_true (g_str_has_prefix (r1.out, "A-0A-001:D → A-P0-SW1:Gi1/0/1: up to the jack"));
  g_assert_nonnull (strstr (r1.out, "served up to jack A-0A-001:D in A/0/001"));

  enlace_test_cli_run (&r2, tmp_dir, "trace", campus, "--from", "A-0A-001:D", "--json", NULL);
  g_assert_cmpint (r2.status, ==, 0);
  root = parse (r2.out);
  p = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "paths"), 0);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (p, "origin"), 0), ==, "A-0A-001:D");
  g_assert_cmpstr (json_object_get_string_member (p, "state"), ==, "to-jack");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("enlace-cli-trace-XXXXXX", &error);
  g_assert_no_error (error);
  campus = g_build_filename (tmp_dir, "campus.enlace", NULL);
  {
    g_auto(EnlaceCliRun) r = { 0 };

    enlace_test_cli_run (&r, tmp_dir, "generate", campus, "--buildings", "1", "--floors", "1",
                         "--outlets-per-floor", "4", "--seed", "1", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }

  g_test_add_func ("/cli/trace/help", test_help);
  g_test_add_func ("/cli/trace/usage-and-errors", test_usage_and_errors);
  g_test_add_func ("/cli/trace/paths-json", test_paths_json);
  g_test_add_func ("/cli/trace/trace", test_trace_text_and_json);
  g_test_add_func ("/cli/trace/extension-and-once", test_trace_extension_and_once);
  g_test_add_func ("/cli/trace/impact", test_impact);
  g_test_add_func ("/cli/trace/free", test_free);
  g_test_add_func ("/cli/trace/states", test_states);
  g_test_add_func ("/cli/trace/outlet-and-stop", test_outlet_and_stop);
  g_test_add_func ("/cli/trace/from-jack", test_from_jack);
  ret = g_test_run ();

  {
    g_autofree char *wal = g_strconcat (campus, "-wal", NULL);
    g_autofree char *shm = g_strconcat (campus, "-shm", NULL);

    g_unlink (campus);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (tmp_dir);
  }
  g_free (campus);
  g_free (tmp_dir);
  return ret;
}
