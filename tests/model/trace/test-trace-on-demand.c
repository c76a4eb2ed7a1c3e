/* test-trace-on-demand.c: the paths through a port, a termination or a
 * cable, asked right after opening (the tracer reads only what the traces
 * cross, issue 14), are the paths the tracer finds once it has traced
 * every endpoint: for ports, terminations and cables of the demo campus
 * (trunks with positions, circuits, splices, outlets) and of a generated
 * one (about 150 of each kind, spread over the ids). */
#include "config.h"

#include <json-glib/json-glib.h>

#include "enlace-demo.h"
#include "enlace-generate.h"
#include "enlace-store.h"
#include "enlace-trace.h"

static char *
to_text (EnlaceTracer *tracer,
         GPtrArray    *paths)
{
  g_autoptr(JsonNode) node = enlace_tracer_paths_to_json (tracer, paths);

  return json_to_string (node, FALSE);
}

typedef enum { ASK_TERM, ASK_CABLE } Ask;

static GPtrArray *
ask (EnlaceTracer *tracer,
     Ask           what,
     EnlaceTerm   *term,
     gint64        id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *paths = what == ASK_TERM ? enlace_tracer_trace_term (tracer, term, &error)
                                      : enlace_tracer_trace_cable (tracer, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (paths);
  return paths;
}

/* Compares every object of @kind asked cold and asked of @full. */
static guint
compare_kind (EnlaceStore  *store,
              EnlaceTracer *full,
              const char   *kind)
{
  g_autoptr(GPtrArray) rows = enlace_store_list (store, kind, 0, NULL);
  guint n_paths = 0;

  g_assert_nonnull (rows);
  /* at most about 150 of each kind (the test runs under ASan too) */
  for (guint i = 0; i < rows->len; i += MAX (1, rows->len / 150))
    {
      gint64 id = json_object_get_int_member (g_ptr_array_index (rows, i), "id");
      EnlaceTerm term = { g_str_equal (kind, "port") ? ENLACE_TERM_PORT : ENLACE_TERM_CIRCUIT, id };
      Ask what = g_str_equal (kind, "cable") ? ASK_CABLE : ASK_TERM;
      g_autoptr(EnlaceTracer) cold = enlace_tracer_new (store);
      g_autoptr(GPtrArray) a = ask (cold, what, &term, id);
      g_autoptr(GPtrArray) b = ask (full, what, &term, id);
      g_autofree char *ta = to_text (cold, a);
      g_autofree char *tb = to_text (full, b);

      if (g_strcmp0 (ta, tb) != 0)
        {
          g_autofree char *key = enlace_store_dup_key (store, kind, id);

          g_test_message ("%s %s asked cold: %s", kind, key, ta);
          g_test_message ("%s %s asked of every path: %s", kind, key, tb);
        }
      g_assert_cmpstr (ta, ==, tb);
      n_paths += b->len;
    }
  return n_paths;
}

static void
compare_store (EnlaceStore *store)
{
  g_autoptr(EnlaceTracer) full = enlace_tracer_new (store);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  /* every endpoint traced: the answers as before */
  all = enlace_tracer_all_paths (full, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 0);

  n = compare_kind (store, full, "port");
  g_assert_cmpuint (n, >, 0);
  compare_kind (store, full, "circuit-termination");
  n = compare_kind (store, full, "cable");
  g_assert_cmpuint (n, >, 0);
}

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);
  compare_store (store);
}

static void
test_generated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  EnlaceGenerateOptions opts;

  g_assert_no_error (error);
  enlace_generate_options_init (&opts);
  opts.buildings = 2;
  opts.floors = 2;
  opts.outlets_per_floor = 6;
  g_assert_true (enlace_generate (store, &opts, NULL, &error));
  g_assert_no_error (error);
  compare_store (store);
}

static gboolean
collect_cb (EnlacePath *path,
            gpointer    data)
{
  g_ptr_array_add (data, enlace_path_ref (path));
  return TRUE;
}

/* enlace_tracer_foreach_path (paths --json) hands out the paths of
 * enlace_tracer_all_paths, in the same order, without keeping them. */
static void
test_foreach (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(EnlaceTracer) streamed = NULL;
  g_autoptr(EnlaceTracer) full = NULL;
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_path_unref);
  g_autoptr(GPtrArray) b = NULL;
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;

  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error));
  streamed = enlace_tracer_new (store);
  full = enlace_tracer_new (store);
  g_assert_true (enlace_tracer_foreach_path (streamed, collect_cb, a, &error));
  g_assert_no_error (error);
  b = enlace_tracer_all_paths (full, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpuint (a->len, >, 100);
  ta = to_text (streamed, a);
  tb = to_text (full, b);
  g_assert_cmpstr (ta, ==, tb);

  /* once every path is kept, the same again */
  g_ptr_array_set_size (a, 0);
  g_assert_true (enlace_tracer_foreach_path (full, collect_cb, a, &error));
  g_clear_pointer (&ta, g_free);
  ta = to_text (full, a);
  g_assert_cmpstr (ta, ==, tb);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/model/trace/on-demand/demo", test_demo);
  g_test_add_func ("/model/trace/on-demand/generated", test_generated);
  g_test_add_func ("/model/trace/on-demand/foreach", test_foreach);
  return g_test_run ();
}
