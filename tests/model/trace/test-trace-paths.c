/* test-trace-paths.c: the paths shown for an object (enlace-trace-paths.h),
 * as the trace page, the device page and `enlace-cli trace` list them, on
 * a small generated campus (1 building, 1 floor, 4 outlets, seed 1). */
#include "config.h"

#include <json-glib/json-glib.h>

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
  g_assert_true (g_ptr_array_index (shown, 0) == g_ptr_array_index (raw, 0) ||
                 is_reversed (g_ptr_array_index (shown, 0), g_ptr_array_index (raw, 1)));
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
  return g_test_run ();
}
