/* test-trace-paths.c: the paths shown for an object (enlace-trace-paths.h),
 * as the trace page, the device page and `enlace-cli trace` list them, on
 * a small generated campus (1 building, 1 floor, 4 outlets, seed 1). */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "enlace-generate.h"
#include "enlace-store.h"
#include "enlace-trace-paths.h"

typedef struct
{
  EnlaceStore  *store;
  EnlaceTracer *tracer;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EnlaceGenerateOptions opts;

  f->store = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  enlace_generate_options_init (&opts);
  opts.buildings = 1;
  opts.floors = 1;
  opts.outlets_per_floor = 4;
  opts.seed = 1;
  g_assert_true (enlace_generate (f->store, &opts, NULL, &error));
  g_assert_no_error (error);
  f->tracer = enlace_tracer_new (f->store);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->tracer);
  g_clear_object (&f->store);
}

static gint64
port (Fixture    *f,
      const char *key)
{
  EnlaceTerm t = { 0 };

  g_assert_true (enlace_store_lookup_term (f->store, key, &t, NULL));
  return t.id;
}

static char *
paths_json (Fixture   *f,
            GPtrArray *paths)
{
  g_autoptr(JsonNode) node = enlace_tracer_paths_to_json (f->tracer, paths);

  return json_to_string (node, FALSE);
}

static gboolean
is_reversed (const EnlacePath *a,
             const EnlacePath *b)
{
  guint n = enlace_path_get_n_hops (a);

  if (n != enlace_path_get_n_hops (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      guint na, nb;
      const EnlaceNode *ha = enlace_path_get_hop (a, i, &na);
      const EnlaceNode *hb = enlace_path_get_hop (b, n - 1 - i, &nb);

      if (na != nb)
        return FALSE;
      for (guint k = 0; k < na; k++)
        if (ha[k].kind != hb[k].kind || ha[k].id != hb[k].id)
          return FALSE;
    }
  return TRUE;
}

/* A fibre panel port between two switches: the tracer gives the path from
 * each switch, the same hops reversed; it is shown once. */
static void
test_reversed_dropped (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EnlaceTerm term = { ENLACE_TERM_PORT, port (f, "A-0A-FO1:1") };
  g_autoptr(GPtrArray) raw = enlace_tracer_trace_term (f->tracer, &term, &error);
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree char *title = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (raw->len, ==, 2);
  g_assert_true (is_reversed (g_ptr_array_index (raw, 0), g_ptr_array_index (raw, 1)));

  shown = enlace_tracer_trace_object (f->tracer, "port", term.id, &title, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shown->len, ==, 1);
  /* the one path, run from the end nearer to the port */
  g_assert_true (g_ptr_array_index (shown, 0) == g_ptr_array_index (raw, 0) ||
                 is_reversed (g_ptr_array_index (shown, 0), g_ptr_array_index (raw, 0)));
  g_assert_cmpstr (title, ==, "Trace from A-0A-FO1:1");
  g_clear_pointer (&title, g_free);

  /* the same through the backbone cable that runs under it */
  g_clear_pointer (&shown, g_ptr_array_unref);
  shown = enlace_tracer_trace_object_key (f->tracer, "A-0A/A-SITE-FO1", &title, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (title, ==, "Trace through cable A-0A/A-SITE-FO1");
}

/* Paths that are not reversed copies of each other all stay. */
static void
test_distinct_kept (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 core = enlace_store_lookup (f->store, "device", "A-SITE-CORE1", NULL);
  g_autoptr(GPtrArray) raw = enlace_tracer_trace_device (f->tracer, core, &error);
  g_autoptr(GPtrArray) shown = NULL;
  guint n;

  g_assert_no_error (error);
  n = raw->len;
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (enlace_paths_drop_reversed (raw) == raw);
  g_assert_cmpuint (raw->len, ==, n);
  g_assert_null (enlace_paths_drop_reversed (NULL));

  shown = enlace_tracer_trace_object (f->tracer, "device", core, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shown->len, ==, n);
}

/* An extension is traced from the port it rides on. */
static void
test_extension (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) by_ext = NULL;
  g_autoptr(GPtrArray) by_port = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autofree char *title = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const char *kind = NULL;
  gint64 id = 0;
  gint64 loose;

  g_assert_true (enlace_tracer_resolve_key (f->tracer, "10001", &kind, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kind, ==, "extension");
  g_assert_cmpint (id, ==, enlace_store_lookup (f->store, "extension", "10001", NULL));

  by_ext = enlace_tracer_trace_object_key (f->tracer, "10001", &title, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "Trace of extension 10001 (A-SITE-PBX1:1/1)");
  by_port = enlace_tracer_trace_object_key (f->tracer, "A-SITE-PBX1:1/1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_ext->len, >=, 1);
  a = paths_json (f, by_ext);
  b = paths_json (f, by_port);
  g_assert_cmpstr (a, ==, b);

  /* an extension on no port: nothing to trace, said so */
  json_object_set_string_member (values, "number", "19999");
  json_object_set_string_member (values, "status", "active");
  loose = enlace_store_create (f->store, "extension", values, &error);
  g_assert_no_error (error);
  g_assert_null (enlace_tracer_trace_object (f->tracer, "extension", loose, NULL, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "19999"));
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *kind = NULL;
  gint64 id = 0;

  g_assert_true (enlace_tracer_resolve_key (f->tracer, "A-SITE-CORE1:Te1/0/1", &kind, &id, NULL));
  g_assert_cmpstr (kind, ==, "port");
  g_assert_true (enlace_tracer_resolve_key (f->tracer, "A-SITE-RTR1-CORE1", &kind, &id, NULL));
  g_assert_cmpstr (kind, ==, "cable");
  g_assert_true (enlace_tracer_resolve_key (f->tracer, "A-SITE-CORE1", &kind, &id, NULL));
  g_assert_cmpstr (kind, ==, "device");

  g_assert_false (enlace_tracer_resolve_key (f->tracer, "NO-SUCH", &kind, &id, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_assert_null (kind);
  g_clear_error (&error);

  g_assert_null (enlace_tracer_trace_object (f->tracer, "rack", 1, NULL, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (enlace_tracer_trace_object (f->tracer, "port", 999999, NULL, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
}

/* Issue 11: a path that reaches a wall jack with nothing recorded in front
 * of it is served up to the jack, not incomplete; `complete` keeps
 * NetBox's meaning; what really stops short stays incomplete. */
static void
test_to_jack_state (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = enlace_tracer_all_paths (f->tracer, &error);
  EnlaceTerm sw = { ENLACE_TERM_PORT, port (f, "A-P0-SW1:Gi1/0/1") };
  g_autoptr(EnlacePath) to_jack = enlace_tracer_path_from (f->tracer, &sw);
  g_autoptr(GPtrArray) stops = NULL;
  g_autofree char *summary = NULL;
  guint counts[ENLACE_N_PATH_STATES], active = 0;

  g_assert_no_error (error);
  g_assert_nonnull (to_jack);
  g_assert_false (to_jack->complete);
  g_assert_cmpint (to_jack->state, ==, ENLACE_PATH_STATE_TO_JACK);
  g_assert_cmpstr (enlace_path_state_to_string (to_jack->state), ==, "to-jack");
  g_assert_cmpstr (enlace_path_state_label (to_jack->state), ==, "Up to the jack");

  /* the campus: 6 complete paths, 5 served up to their jack, none short */
  enlace_paths_count_states (all, counts, &active);
  g_assert_cmpuint (counts[ENLACE_PATH_STATE_COMPLETE], ==, 6);
  g_assert_cmpuint (counts[ENLACE_PATH_STATE_TO_JACK], ==, 5);
  g_assert_cmpuint (counts[ENLACE_PATH_STATE_INCOMPLETE], ==, 0);
  g_assert_cmpuint (counts[ENLACE_PATH_STATE_SPLIT], ==, 0);
  for (guint i = 0; i < all->len; i++)
    {
      EnlacePath *p = g_ptr_array_index (all, i);

      g_assert_cmpint (p->complete, ==, p->state == ENLACE_PATH_STATE_COMPLETE);
    }
  summary = enlace_paths_dup_summary (all);
  g_assert_cmpstr (summary, ==, "11 paths: 6 complete, 5 up to the jack, 0 incomplete, 0 split; 11 active");

  /* an outlet whose links end at the panel with no patch cord stops short */
  stops = enlace_tracer_trace_object_key (f->tracer, "A-0A-004:D", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stops->len, ==, 1);
  g_assert_cmpint (((EnlacePath *) g_ptr_array_index (stops, 0))->state, ==, ENLACE_PATH_STATE_INCOMPLETE);
}

/* Issue 11: tracing every port of an outlet with two unpatched jacks
 * gives one path per jack, not the rear→front pass-through inside the
 * outlet nor the rear port's part of the jack's path. */
static void
test_no_internal_paths (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = enlace_tracer_trace_object_key (f->tracer, "A-0A-004", NULL, &error);
  g_autoptr(GPtrArray) rear = NULL;
  g_autoptr(GPtrArray) bare = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  gint64 jack;

  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, 2);
  for (guint i = 0; i < paths->len; i++)
    g_assert_true (enlace_path_has_cable (g_ptr_array_index (paths, i)));

  /* from its rear port: the one path out through its cable */
  rear = enlace_tracer_trace_object_key (f->tracer, "A-0A-004:V-R", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rear->len, ==, 1);
  g_assert_true (enlace_path_has_cable (g_ptr_array_index (rear, 0)));

  /* a jack on nothing at all has no path (its own pass-through is none) */
  g_assert_true (enlace_store_delete (f->store, "cable", enlace_store_lookup (f->store, "cable", "A-0A-A04", NULL), &error));
  g_assert_no_error (error);
  jack = port (f, "A-0A-004:D");
  bare = enlace_tracer_trace_object (f->tracer, "port", jack, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bare->len, ==, 0);
}

/* Issue 11: a path that stops short names the missing hop and its place,
 * in the text and in the JSON form (a stop with a code). */
static void
test_stop_reason (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shorts = enlace_tracer_trace_object_key (f->tracer, "A-0A-004:D", NULL, &error);
  g_autoptr(GPtrArray) served = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autofree char *jack_text = NULL;
  g_autofree char *complete_text = NULL;
  g_autoptr(GPtrArray) complete = NULL;
  const char *code = NULL;
  JsonObject *path, *stop;

  g_assert_no_error (error);
  text = enlace_tracer_dup_stop_text (f->tracer, g_ptr_array_index (shorts, 0), &code);
  g_assert_cmpstr (code, ==, "no-patch-cord");
  g_assert_cmpstr (text, ==, "no patch cord at A-0A-PPA port 4 in rack A-0A-R1");

  node = enlace_tracer_paths_to_json (f->tracer, shorts);
  path = json_array_get_object_element (json_object_get_array_member (json_node_get_object (node), "paths"), 0);
  g_assert_cmpstr (json_object_get_string_member (path, "state"), ==, "incomplete");
  stop = json_object_get_object_member (path, "stop");
  g_assert_nonnull (stop);
  g_assert_cmpstr (json_object_get_string_member (stop, "code"), ==, "no-patch-cord");
  g_assert_cmpstr (json_object_get_string_member (stop, "message"), ==, text);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (stop, "at"), 0), ==, "A-0A-PPA:4");

  /* served up to the jack: said, but not as a fault */
  served = enlace_tracer_trace_object_key (f->tracer, "A-P0-SW1:Gi1/0/1", NULL, &error);
  g_assert_no_error (error);
  jack_text = enlace_tracer_dup_stop_text (f->tracer, g_ptr_array_index (served, 0), &code);
  g_assert_cmpstr (code, ==, "at-jack");
  g_assert_cmpstr (jack_text, ==, "served up to jack A-0A-001:D in A/0/001: nothing is recorded in front of it");

  /* complete: no stop */
  complete = enlace_tracer_trace_object_key (f->tracer, "A-SITE-CORE1:Te1/0/1", NULL, &error);
  g_assert_no_error (error);
  complete_text = enlace_tracer_dup_stop_text (f->tracer, g_ptr_array_index (complete, 0), &code);
  g_assert_null (complete_text);
  g_assert_null (code);
}

/* Issue 11: a path is given from the object traced from: the jack's path,
 * which the tracer follows from the switch, starts at the jack. */
static void
test_from_object (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 jack = port (f, "A-0A-001:D");
  g_autoptr(GPtrArray) paths = enlace_tracer_trace_object (f->tracer, "port", jack, &title, &error);
  EnlacePath *p;
  guint n = 0;
  const EnlaceNode *first, *last, *stop;

  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "Trace from A-0A-001:D");
  g_assert_cmpuint (paths->len, ==, 1);
  p = g_ptr_array_index (paths, 0);
  first = enlace_path_get_hop (p, 0, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (first[0].id, ==, jack);
  last = enlace_path_get_hop (p, enlace_path_get_n_hops (p) - 1, &n);
  g_assert_cmpint (last[0].id, ==, port (f, "A-P0-SW1:Gi1/0/1"));
  /* the same path: its state and where it stops do not change */
  g_assert_true (p->reversed);
  g_assert_cmpint (p->state, ==, ENLACE_PATH_STATE_TO_JACK);
  stop = enlace_path_get_stop_hop (p, &n);
  g_assert_cmpint (stop[0].id, ==, jack);

  /* traced from the switch, it starts at the switch */
  g_clear_pointer (&paths, g_ptr_array_unref);
  paths = enlace_tracer_trace_object_key (f->tracer, "A-P0-SW1:Gi1/0/1", NULL, &error);
  g_assert_no_error (error);
  first = enlace_path_get_hop (g_ptr_array_index (paths, 0), 0, &n);
  g_assert_cmpint (first[0].id, ==, port (f, "A-P0-SW1:Gi1/0/1"));
  g_assert_false (((EnlacePath *) g_ptr_array_index (paths, 0))->reversed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, fn) g_test_add ("/model/trace/paths/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("reversed-dropped", test_reversed_dropped);
  ADD ("distinct-kept", test_distinct_kept);
  ADD ("extension", test_extension);
  ADD ("keys", test_keys);
  ADD ("to-jack-state", test_to_jack_state);
  ADD ("no-internal-paths", test_no_internal_paths);
  ADD ("stop-reason", test_stop_reason);
  ADD ("from-object", test_from_object);
  return g_test_run ();
}
