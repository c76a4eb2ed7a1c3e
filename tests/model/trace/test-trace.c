/* test-trace.c: the trace engine against tests/data/trace-cases.json
 *
 * Each case builds its topology through the store's public API, performs
 * its steps (connect, disconnect, status, re-terminate, mappings, circuit
 * terminations, device removal, undo) and after each step compares the
 * paths, traces, impact and spare capacity with what the case expects.
 * After every step the tracer that followed the edits incrementally must
 * also agree, path for path, with a tracer built from scratch.
 */
#define G_LOG_DOMAIN "test-trace"
#include "config.h"

#include <string.h>

#include "enlace-generate.h"
#include "enlace-store.h"
#include "enlace-trace.h"

typedef struct
{
  EnlaceStore  *store;
  EnlaceTracer *tracer;
  JsonObject   *cables;     /* label → spec */
  GHashTable   *spaces;     /* code → id (gint64 in pointer-size box) */
  gint64        site_id;
  const char   *case_id;
} Fixture;

static JsonParser *cases_parser;

/* ------------------------------------------------------------------ */
/* helpers                                                             */

static gint64
create (Fixture    *f,
        const char *kind,
        JsonObject *values)
{
  g_autoptr(GError) error = NULL;
  gint64 id = enlace_store_create (f->store, kind, values, &error);

  if (error)
    g_error ("%s: creating a %s: %s", f->case_id, kind, error->message);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
lookup (Fixture    *f,
        const char *kind,
        const char *key)
{
  g_autoptr(GError) error = NULL;
  gint64 id = enlace_store_lookup (f->store, kind, key, &error);

  if (error)
    g_error ("%s: %s %s: %s", f->case_id, kind, key, error->message);
  return id;
}

static EnlaceTerm
term_of (Fixture    *f,
         const char *key)
{
  g_autoptr(GError) error = NULL;
  EnlaceTerm t = { 0, 0 };

  if (!enlace_store_lookup_term (f->store, key, &t, &error))
    g_error ("%s: termination %s: %s", f->case_id, key, error->message);
  return t;
}

static GArray *
terms_of (Fixture   *f,
          JsonArray *keys)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (EnlaceTerm));

  for (guint i = 0; i < json_array_get_length (keys); i++)
    {
      EnlaceTerm t = term_of (f, json_array_get_string_element (keys, i));

      g_array_append_val (out, t);
    }
  return out;
}

static gint64
space_id (Fixture    *f,
          const char *code)
{
  gpointer v = g_hash_table_lookup (f->spaces, code);

  if (v == NULL)
    g_error ("%s: no space %s in the case", f->case_id, code);
  return *(gint64 *) v;
}

static gint64
ensure_building (Fixture    *f,
                 const char *site,
                 const char *code)
{
  gint64 id = enlace_store_lookup (f->store, "building", code, NULL);
  gint64 site_id = enlace_store_lookup (f->store, "site", site, NULL);
  JsonObject *o;

  if (id > 0)
    return id;
  if (site_id <= 0)
    {
      o = json_object_new ();
      json_object_set_string_member (o, "code", site);
      json_object_set_string_member (o, "name", site);
      site_id = create (f, "site", o);
      json_object_unref (o);
    }
  o = json_object_new ();
  json_object_set_int_member (o, "site_id", site_id);
  json_object_set_string_member (o, "code", code);
  json_object_set_string_member (o, "name", code);
  id = create (f, "building", o);
  json_object_unref (o);

  o = json_object_new ();
  json_object_set_int_member (o, "building_id", id);
  json_object_set_int_member (o, "level", 0);
  json_object_set_string_member (o, "name", "PB");
  create (f, "floor", o);
  json_object_unref (o);
  return id;
}

static void
add_space (Fixture    *f,
           const char *code,
           const char *site,
           const char *building,
           const char *kind)
{
  g_autofree char *floor_key = g_strdup_printf ("%s/0", building);
  JsonObject *o = json_object_new ();
  gint64 *id = g_new (gint64, 1);

  ensure_building (f, site, building);
  json_object_set_int_member (o, "floor_id", lookup (f, "floor", floor_key));
  json_object_set_string_member (o, "code", code);
  json_object_set_string_member (o, "kind", kind);
  *id = create (f, "space", o);
  json_object_unref (o);
  g_hash_table_insert (f->spaces, g_strdup (code), id);
}

static gint64
add_port (Fixture    *f,
          gint64      device_id,
          const char *name,
          const char *kind,
          int         positions,
          const char *medium)
{
  JsonObject *o = json_object_new ();
  gint64 id;

  json_object_set_int_member (o, "device_id", device_id);
  json_object_set_string_member (o, "kind", kind);
  json_object_set_string_member (o, "name", name);
  json_object_set_string_member (o, "medium", medium);
  json_object_set_string_member (o, "connector",
                                 g_str_equal (medium, "fibre") ? (positions > 1 ? "MPO" : "LC") :
                                 g_str_equal (medium, "voice") ? "110" : "8P8C");
  json_object_set_int_member (o, "positions", positions);
  id = create (f, "port", o);
  json_object_unref (o);
  return id;
}

static void
add_mapping (Fixture    *f,
             const char *front,
             int         front_pos,
             const char *rear,
             int         rear_pos)
{
  JsonObject *o = json_object_new ();
  EnlaceTerm ft = term_of (f, front), rt = term_of (f, rear);
  g_autoptr(JsonObject) port = enlace_store_get (f->store, "port", ft.id, NULL);

  json_object_set_int_member (o, "device_id", json_object_get_int_member (port, "device_id"));
  json_object_set_int_member (o, "front_port_id", ft.id);
  json_object_set_int_member (o, "front_pos", front_pos);
  json_object_set_int_member (o, "rear_port_id", rt.id);
  json_object_set_int_member (o, "rear_pos", rear_pos);
  create (f, "port-mapping", o);
  json_object_unref (o);
}

static void
add_device (Fixture    *f,
            const char *name,
            JsonObject *spec)
{
  JsonObject *o = json_object_new ();
  gint64 id;
  const char *space = json_object_get_string_member_with_default (spec, "space", NULL);

  json_object_set_string_member (o, "name", name);
  json_object_set_string_member (o, "role", json_object_get_string_member (spec, "role"));
  json_object_set_int_member (o, "space_id", space_id (f, space ? space : "LAB"));
  id = create (f, "device", o);
  json_object_unref (o);

  if (json_object_has_member (spec, "ports"))
    {
      JsonArray *ports = json_object_get_array_member (spec, "ports");

      for (guint i = 0; i < json_array_get_length (ports); i++)
        {
          JsonNode *n = json_array_get_element (ports, i);

          if (JSON_NODE_HOLDS_VALUE (n))
            add_port (f, id, json_node_get_string (n), "interface", 1, "copper");
          else
            {
              JsonObject *p = json_node_get_object (n);

              add_port (f, id, json_object_get_string_member (p, "name"),
                        json_object_get_string_member_with_default (p, "kind", "interface"),
                        json_object_get_int_member_with_default (p, "positions", 1),
                        json_object_get_string_member_with_default (p, "medium", "copper"));
            }
        }
    }
  if (json_object_has_member (spec, "panel"))
    {
      JsonObject *p = json_object_get_object_member (spec, "panel");
      int fronts = json_object_get_int_member (p, "fronts");
      const char *medium = json_object_get_string_member_with_default (p, "medium", "copper");

      JsonArray *only = json_object_has_member (p, "only") ? json_object_get_array_member (p, "only") : NULL;

      if (only)
        {
          /* a few front ports on strands of a large rear port */
          const char *rear = json_object_get_string_member (p, "rear");
          g_autofree char *rkey = g_strdup_printf ("%s:%s", name, rear);

          add_port (f, id, rear, "rear", json_object_get_int_member (p, "positions"), medium);
          for (guint i = 0; i < json_array_get_length (only); i++)
            {
              int pos = json_array_get_int_element (only, i);
              g_autofree char *fname = g_strdup_printf ("F%d", pos);
              g_autofree char *fkey = g_strdup_printf ("%s:F%d", name, pos);

              add_port (f, id, fname, "front", 1, medium);
              add_mapping (f, fkey, 1, rkey, pos);
            }
          return;
        }
      for (int i = 1; i <= fronts; i++)
        {
          g_autofree char *fname = g_strdup_printf ("F%d", i);

          add_port (f, id, fname, "front", 1, medium);
        }
      if (json_object_get_boolean_member_with_default (p, "rears", FALSE))
        {
          for (int i = 1; i <= fronts; i++)
            {
              g_autofree char *rname = g_strdup_printf ("R%d", i);
              g_autofree char *fkey = g_strdup_printf ("%s:F%d", name, i);
              g_autofree char *rkey = g_strdup_printf ("%s:R%d", name, i);

              add_port (f, id, rname, "rear", 1, medium);
              add_mapping (f, fkey, 1, rkey, 1);
            }
        }
      else
        {
          const char *rear = json_object_get_string_member (p, "rear");
          int positions = json_object_get_int_member (p, "positions");
          g_autofree char *rkey = g_strdup_printf ("%s:%s", name, rear);

          add_port (f, id, rear, "rear", positions, medium);
          for (int i = 1; i <= fronts; i++)
            {
              g_autofree char *fkey = g_strdup_printf ("%s:F%d", name, i);

              add_mapping (f, fkey, 1, rkey, i);
            }
        }
    }
}

static void
add_termination (Fixture    *f,
                 const char *cid,
                 const char *side,
                 const char *space)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "circuit_id", lookup (f, "circuit", cid));
  json_object_set_string_member (o, "side", side);
  if (space)
    json_object_set_int_member (o, "space_id", space_id (f, space));
  create (f, "circuit-termination", o);
  json_object_unref (o);
}

static void
build (Fixture    *f,
       JsonObject *c)
{
  add_space (f, "LAB", "CAMPUS", "B", "laboratory");

  if (json_object_has_member (c, "spaces"))
    {
      JsonObject *spaces = json_object_get_object_member (c, "spaces");
      g_autoptr(GList) names = json_object_get_members (spaces);

      for (GList *l = names; l; l = l->next)
        {
          JsonObject *s = json_object_get_object_member (spaces, l->data);

          add_space (f, l->data,
                     json_object_get_string_member_with_default (s, "site", "CAMPUS"),
                     json_object_get_string_member_with_default (s, "building", "B"),
                     json_object_get_string_member_with_default (s, "kind", "office"));
        }
    }
  if (json_object_has_member (c, "areas"))
    {
      JsonObject *areas = json_object_get_object_member (c, "areas");
      g_autoptr(GList) names = json_object_get_members (areas);

      for (GList *l = names; l; l = l->next)
        {
          JsonObject *o = json_object_new ();

          json_object_set_string_member (o, "code", l->data);
          json_object_set_string_member (o, "name", json_object_get_string_member (areas, l->data));
          create (f, "area", o);
          json_object_unref (o);
        }
    }
  if (json_object_has_member (c, "devices"))
    {
      JsonObject *devices = json_object_get_object_member (c, "devices");
      g_autoptr(GList) names = json_object_get_members (devices);

      for (GList *l = names; l; l = l->next)
        add_device (f, l->data, json_object_get_object_member (devices, l->data));
    }
  if (json_object_has_member (c, "mappings"))
    {
      JsonArray *maps = json_object_get_array_member (c, "mappings");

      for (guint i = 0; i < json_array_get_length (maps); i++)
        {
          JsonArray *m = json_array_get_array_element (maps, i);

          add_mapping (f, json_array_get_string_element (m, 0), json_array_get_int_element (m, 1),
                       json_array_get_string_element (m, 2), json_array_get_int_element (m, 3));
        }
    }
  if (json_object_has_member (c, "circuits"))
    {
      JsonObject *circuits = json_object_get_object_member (c, "circuits");
      g_autoptr(GList) names = json_object_get_members (circuits);

      for (GList *l = names; l; l = l->next)
        {
          JsonObject *spec = json_object_get_object_member (circuits, l->data);
          JsonObject *o = json_object_new ();
          JsonObject *terms;

          json_object_set_string_member (o, "cid", l->data);
          json_object_set_string_member (o, "provider", "Telco");
          json_object_set_string_member (o, "kind", "mpls");
          if (json_object_has_member (spec, "length"))
            json_object_set_double_member (o, "length_m", json_object_get_double_member (spec, "length"));
          create (f, "circuit", o);
          json_object_unref (o);
          terms = json_object_get_object_member (spec, "terminations");
          if (terms)
            {
              g_autoptr(GList) sides = json_object_get_members (terms);

              for (GList *s = sides; s; s = s->next)
                add_termination (f, l->data, s->data,
                                 json_object_get_null_member (terms, s->data) ? NULL
                                 : json_object_get_string_member (terms, s->data));
            }
        }
    }
  if (json_object_has_member (c, "extensions"))
    {
      JsonArray *exts = json_object_get_array_member (c, "extensions");

      for (guint i = 0; i < json_array_get_length (exts); i++)
        {
          JsonObject *e = json_array_get_object_element (exts, i);
          JsonObject *o = json_object_new ();

          json_object_set_string_member (o, "number", json_object_get_string_member (e, "number"));
          json_object_set_string_member (o, "status", "active");
          json_object_set_int_member (o, "port_id", term_of (f, json_object_get_string_member (e, "port")).id);
          if (json_object_has_member (e, "area"))
            json_object_set_int_member (o, "area_id", lookup (f, "area", json_object_get_string_member (e, "area")));
          create (f, "extension", o);
          json_object_unref (o);
        }
    }
  f->cables = json_object_get_object_member (c, "cables");
}

/* ------------------------------------------------------------------ */
/* comparing                                                            */

static int
strp_cmp (gconstpointer a,
          gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static char *
sorted_keys (JsonArray *arr)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GString *s = g_string_new ("[");

  for (guint i = 0; i < json_array_get_length (arr); i++)
    g_ptr_array_add (keys, (gpointer) json_array_get_string_element (arr, i));
  g_ptr_array_sort (keys, strp_cmp);
  for (guint i = 0; i < keys->len; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", (char *) g_ptr_array_index (keys, i));
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static char *
hops_string (JsonArray *hops)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (hops); i++)
    {
      g_autofree char *h = sorted_keys (json_array_get_array_element (hops, i));

      g_string_append (s, h);
    }
  return g_string_free (s, FALSE);
}

static JsonObject *
find_path (JsonArray  *paths,
           JsonArray  *origin)
{
  g_autofree char *want = sorted_keys (origin);

  for (guint i = 0; i < json_array_get_length (paths); i++)
    {
      JsonObject *p = json_array_get_object_element (paths, i);
      g_autofree char *have = sorted_keys (json_object_get_array_member (p, "origin"));

      if (g_str_equal (want, have))
        return p;
    }
  return NULL;
}

static void
check_path (Fixture    *f,
            const char *where,
            JsonObject *want,
            JsonObject *have)
{
  static const char *flags[] = { "complete", "active", "split", "length_known" };

  if (json_object_has_member (want, "hops"))
    {
      g_autofree char *w = hops_string (json_object_get_array_member (want, "hops"));
      g_autofree char *h = hops_string (json_object_get_array_member (have, "hops"));

      if (!g_str_equal (w, h))
        g_error ("%s %s: hops\n  want %s\n  have %s", f->case_id, where, w, h);
    }
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (json_object_has_member (want, flags[i]) &&
        json_object_get_boolean_member (want, flags[i]) != json_object_get_boolean_member (have, flags[i]))
      {
        g_autofree char *h = hops_string (json_object_get_array_member (have, "hops"));

        g_error ("%s %s: %s should be %s (path %s)", f->case_id, where, flags[i],
                 json_object_get_boolean_member (want, flags[i]) ? "true" : "false", h);
      }
  if (json_object_has_member (want, "complete"))
    {
      gboolean complete = json_object_get_boolean_member (want, "complete");

      g_assert_cmpint (complete, ==, !json_object_get_null_member (have, "destination"));
    }
  if (json_object_has_member (want, "length_m"))
    {
      if (json_object_get_null_member (want, "length_m"))
        g_assert_true (json_object_get_null_member (have, "length_m"));
      else
        {
          g_assert_false (json_object_get_null_member (have, "length_m"));
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (want, "length_m"),
                                          json_object_get_double_member (have, "length_m"), 1e-9);
        }
    }
}

static JsonArray *
all_paths_json (EnlaceTracer *tracer,
                JsonNode    **keep)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = enlace_tracer_all_paths (tracer, &error);

  g_assert_no_error (error);
  *keep = enlace_tracer_paths_to_json (tracer, paths);
  return json_object_get_array_member (json_node_get_object (*keep), "paths");
}

static char *
canonical_paths (JsonArray *paths)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (paths); i++)
    {
      JsonObject *p = json_array_get_object_element (paths, i);
      g_autofree char *h = hops_string (json_object_get_array_member (p, "hops"));

      g_ptr_array_add (lines, g_strdup_printf ("%s c%d a%d s%d L%s k%d", h,
                                               json_object_get_boolean_member (p, "complete"),
                                               json_object_get_boolean_member (p, "active"),
                                               json_object_get_boolean_member (p, "split"),
                                               json_object_get_null_member (p, "length_m") ? "-" : "n",
                                               json_object_get_boolean_member (p, "length_known")));
    }
  g_ptr_array_sort (lines, strp_cmp);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (s, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (s, FALSE);
}

static void
check_expect (Fixture    *f,
              guint       step,
              JsonObject *expect)
{
  g_autoptr(JsonNode) keep = NULL;
  g_autoptr(JsonNode) keep_fresh = NULL;
  g_autoptr(EnlaceTracer) fresh = enlace_tracer_new (f->store);
  JsonArray *paths = all_paths_json (f->tracer, &keep);
  JsonArray *fresh_paths = all_paths_json (fresh, &keep_fresh);
  g_autofree char *where = g_strdup_printf ("step %u", step);
  g_autofree char *live = canonical_paths (paths);
  g_autofree char *again = canonical_paths (fresh_paths);
  guint complete = 0, active = 0;

  /* the edits followed incrementally give the same answers as a fresh start */
  if (!g_str_equal (live, again))
    g_error ("%s %s: incremental paths differ from a fresh trace\n-- incremental:\n%s-- fresh:\n%s",
             f->case_id, where, live, again);

  for (guint i = 0; i < json_array_get_length (paths); i++)
    {
      JsonObject *p = json_array_get_object_element (paths, i);

      complete += json_object_get_boolean_member (p, "complete");
      active += json_object_get_boolean_member (p, "active");
    }
  if (expect == NULL)
    return;
  if (json_object_has_member (expect, "count"))
    {
      if ((gint64) json_array_get_length (paths) != json_object_get_int_member (expect, "count"))
        g_error ("%s %s: %u paths, want %" G_GINT64_FORMAT "\n%s", f->case_id, where,
                 json_array_get_length (paths), json_object_get_int_member (expect, "count"), live);
    }
  if (json_object_has_member (expect, "complete_count"))
    g_assert_cmpint (complete, ==, json_object_get_int_member (expect, "complete_count"));
  if (json_object_has_member (expect, "active_count"))
    g_assert_cmpint (active, ==, json_object_get_int_member (expect, "active_count"));
  if (json_object_has_member (expect, "no_path_from"))
    {
      JsonArray *none = json_object_get_array_member (expect, "no_path_from");

      for (guint i = 0; i < json_array_get_length (none); i++)
        {
          EnlaceTerm t = term_of (f, json_array_get_string_element (none, i));
          g_autoptr(EnlacePath) p = enlace_tracer_path_from (f->tracer, &t);

          if (p != NULL)
            g_error ("%s %s: %s should have no path", f->case_id, where, json_array_get_string_element (none, i));
        }
    }
  if (json_object_has_member (expect, "paths"))
    {
      JsonArray *want = json_object_get_array_member (expect, "paths");

      for (guint i = 0; i < json_array_get_length (want); i++)
        {
          JsonObject *w = json_array_get_object_element (want, i);
          JsonObject *h = find_path (paths, json_object_get_array_member (w, "origin"));
          g_autofree char *o = sorted_keys (json_object_get_array_member (w, "origin"));

          if (h == NULL)
            g_error ("%s %s: no path from %s\n%s", f->case_id, where, o, live);
          check_path (f, where, w, h);
        }
    }
}

static void
check_traces (Fixture   *f,
              guint      step,
              JsonArray *traces)
{
  for (guint i = 0; i < json_array_get_length (traces); i++)
    {
      JsonObject *t = json_array_get_object_element (traces, i);
      const char *from = json_object_get_string_member (t, "from");
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) result = enlace_tracer_trace_key (f->tracer, from, &error);
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *where = g_strdup_printf ("step %u, trace from %s", step, from);
      JsonArray *have;

      g_assert_no_error (error);
      node = enlace_tracer_paths_to_json (f->tracer, result);
      have = json_object_get_array_member (json_node_get_object (node), "paths");
      if (json_object_has_member (t, "count") &&
          (gint64) json_array_get_length (have) != json_object_get_int_member (t, "count"))
        {
          g_autofree char *s = canonical_paths (have);

          g_error ("%s %s: %u paths, want %" G_GINT64_FORMAT "\n%s", f->case_id, where,
                   json_array_get_length (have), json_object_get_int_member (t, "count"), s);
        }
      if (json_object_has_member (t, "paths"))
        {
          JsonArray *want = json_object_get_array_member (t, "paths");

          if (json_array_get_length (want) != json_array_get_length (have))
            {
              g_autofree char *s = canonical_paths (have);

              g_error ("%s %s: %u paths, want %u\n%s", f->case_id, where,
                       json_array_get_length (have), json_array_get_length (want), s);
            }
          for (guint k = 0; k < json_array_get_length (want); k++)
            {
              JsonObject *w = json_array_get_object_element (want, k);
              JsonObject *h = find_path (have, json_object_get_array_member (w, "origin"));

              if (h == NULL)
                {
                  g_autofree char *s = canonical_paths (have);

                  g_error ("%s %s: no path with origin %s\n%s", f->case_id, where,
                           json_array_get_string_element (json_object_get_array_member (w, "origin"), 0), s);
                }
              check_path (f, where, w, h);
            }
        }
    }
}

static void
check_impacts (Fixture   *f,
               guint      step,
               JsonArray *impacts)
{
  for (guint i = 0; i < json_array_get_length (impacts); i++)
    {
      JsonObject *t = json_array_get_object_element (impacts, i);
      const char *object = json_object_get_string_member (t, "object");
      g_autoptr(GError) error = NULL;
      g_autoptr(EnlaceImpact) impact = enlace_tracer_impact_key (f->tracer, object, &error);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(JsonArray) ends = json_array_new ();
      g_autoptr(GHashTable) by_end = g_hash_table_new (g_str_hash, g_str_equal);
      JsonArray *spaces;
      g_autofree char *want = NULL;
      g_autofree char *have = NULL;

      g_assert_no_error (error);
      node = enlace_tracer_impact_to_json (f->tracer, impact);
      spaces = json_object_get_array_member (json_node_get_object (node), "spaces");
      for (guint s = 0; s < json_array_get_length (spaces); s++)
        {
          JsonArray *areas = json_object_get_array_member (json_array_get_object_element (spaces, s), "areas");

          for (guint a = 0; a < json_array_get_length (areas); a++)
            {
              JsonObject *area = json_array_get_object_element (areas, a);
              JsonArray *e = json_object_get_array_member (area, "ends");

              for (guint k = 0; k < json_array_get_length (e); k++)
                {
                  JsonObject *end = json_array_get_object_element (e, k);

                  json_array_add_string_element (ends, json_object_get_string_member (end, "end"));
                  json_object_set_string_member (end, "_area",
                                                 json_object_get_null_member (area, "area") ? "" :
                                                 json_object_get_string_member (area, "area"));
                  g_hash_table_insert (by_end, (gpointer) json_object_get_string_member (end, "end"), end);
                }
            }
        }
      want = sorted_keys (json_object_get_array_member (t, "ends"));
      have = sorted_keys (ends);
      if (!g_str_equal (want, have))
        g_error ("%s step %u, impact of %s: ends\n  want %s\n  have %s", f->case_id, step, object, want, have);

      if (json_object_has_member (t, "extensions"))
        {
          JsonObject *exts = json_object_get_object_member (t, "extensions");
          g_autoptr(GList) names = json_object_get_members (exts);

          for (GList *l = names; l; l = l->next)
            {
              JsonObject *end = g_hash_table_lookup (by_end, l->data);
              g_autofree char *w = sorted_keys (json_object_get_array_member (exts, l->data));
              g_autofree char *h = NULL;

              g_assert_nonnull (end);
              h = sorted_keys (json_object_get_array_member (end, "extensions"));
              g_assert_cmpstr (w, ==, h);
            }
        }
      if (json_object_has_member (t, "circuits"))
        {
          JsonObject *ckts = json_object_get_object_member (t, "circuits");
          g_autoptr(GList) names = json_object_get_members (ckts);

          for (GList *l = names; l; l = l->next)
            {
              JsonObject *end = g_hash_table_lookup (by_end, l->data);
              g_autofree char *w = sorted_keys (json_object_get_array_member (ckts, l->data));
              g_autofree char *h = NULL;

              g_assert_nonnull (end);
              h = sorted_keys (json_object_get_array_member (end, "circuits"));
              g_assert_cmpstr (w, ==, h);
            }
        }
      if (json_object_has_member (t, "areas"))
        {
          JsonObject *areas = json_object_get_object_member (t, "areas");
          g_autoptr(GList) names = json_object_get_members (areas);

          for (GList *l = names; l; l = l->next)
            {
              JsonObject *end = g_hash_table_lookup (by_end, l->data);

              g_assert_nonnull (end);
              g_assert_cmpstr (json_object_get_string_member (areas, l->data), ==,
                               json_object_get_string_member (end, "_area"));
            }
        }
    }
}

static void
check_counts (JsonObject *have,
              JsonObject *want)
{
  g_autoptr(GList) media = json_object_get_members (want);

  for (GList *l = media; l; l = l->next)
    {
      JsonArray *w = json_object_get_array_member (want, l->data);
      JsonObject *h = json_object_get_object_member (have, l->data);

      g_assert_nonnull (h);
      g_assert_cmpint (json_object_get_int_member (h, "free"), ==, json_array_get_int_element (w, 0));
      g_assert_cmpint (json_object_get_int_member (h, "total"), ==, json_array_get_int_element (w, 1));
    }
}

static void
check_free (Fixture   *f,
            JsonArray *frees)
{
  for (guint i = 0; i < json_array_get_length (frees); i++)
    {
      JsonObject *t = json_array_get_object_element (frees, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(EnlaceFree) fr = enlace_tracer_free (f->tracer, space_id (f, json_object_get_string_member (t, "space")), &error);
      g_autoptr(JsonNode) node = NULL;
      JsonArray *spaces;
      JsonObject *sp;

      g_assert_no_error (error);
      node = enlace_tracer_free_to_json (f->tracer, fr);
      spaces = json_object_get_array_member (json_node_get_object (node), "spaces");
      g_assert_cmpuint (json_array_get_length (spaces), ==, 1);
      sp = json_array_get_object_element (spaces, 0);
      if (json_object_has_member (t, "panel"))
        check_counts (json_object_get_object_member (sp, "panel_ports"), json_object_get_object_member (t, "panel"));
      if (json_object_has_member (t, "switch"))
        check_counts (json_object_get_object_member (sp, "switch_ports"), json_object_get_object_member (t, "switch"));
      if (json_object_has_member (t, "jacks"))
        g_assert_cmpint (json_object_get_int_member (sp, "jacks"), ==, json_object_get_int_member (t, "jacks"));
      if (json_object_has_member (t, "idle_jacks"))
        {
          g_autofree char *w = sorted_keys (json_object_get_array_member (t, "idle_jacks"));
          g_autofree char *h = sorted_keys (json_object_get_array_member (sp, "idle_jacks"));

          g_assert_cmpstr (w, ==, h);
        }
    }
}

/* ------------------------------------------------------------------ */
/* steps                                                                */

static void
expect_result (Fixture    *f,
               JsonObject *step,
               gboolean    ok,
               GError     *error)
{
  const char *want_error = json_object_get_string_member_with_default (step, "error", NULL);

  if (want_error)
    {
      if (ok)
        g_error ("%s: step %s should have been refused (%s)", f->case_id,
                 json_object_get_string_member (step, "op"), want_error);
      g_assert_nonnull (error);
      if (strstr (error->message, want_error) == NULL)
        g_error ("%s: refusal “%s” does not mention “%s”", f->case_id, error->message, want_error);
    }
  else if (!ok)
    g_error ("%s: step %s failed: %s", f->case_id, json_object_get_string_member (step, "op"),
             error ? error->message : "?");
}

static void
do_connect (Fixture    *f,
            JsonObject *step,
            const char *label)
{
  JsonObject *spec = json_object_get_object_member (f->cables, label);
  g_autoptr(GArray) a = terms_of (f, json_object_get_array_member (spec, "a"));
  g_autoptr(GArray) b = terms_of (f, json_object_get_array_member (spec, "b"));
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  json_object_set_string_member (fields, "label", label);
  json_object_set_string_member (fields, "kind", "patch-cord");
  json_object_set_string_member (fields, "status",
                                 json_object_get_string_member_with_default (spec, "status", "installed"));
  if (json_object_has_member (spec, "length"))
    json_object_set_double_member (fields, "length_m", json_object_get_double_member (spec, "length"));
  id = enlace_store_connect (f->store, (EnlaceTerm *) a->data, a->len,
                             (EnlaceTerm *) b->data, b->len, fields, &error);
  expect_result (f, step, id > 0, error);
}

static void
run_step (Fixture    *f,
          guint       n,
          JsonObject *step)
{
  const char *op = json_object_get_string_member (step, "op");
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (g_str_equal (op, "connect") || g_str_equal (op, "disconnect"))
    {
      JsonArray *cables = json_object_get_array_member (step, "cables");

      for (guint i = 0; i < json_array_get_length (cables); i++)
        {
          const char *label = json_array_get_string_element (cables, i);

          if (g_str_equal (op, "connect"))
            do_connect (f, step, label);
          else
            {
              ok = enlace_store_delete (f->store, "cable", lookup (f, "cable", label), &error);
              expect_result (f, step, ok, error);
            }
        }
      goto check;
    }
  else if (g_str_equal (op, "status") || g_str_equal (op, "length"))
    {
      g_autoptr(JsonObject) v = json_object_new ();

      if (g_str_equal (op, "status"))
        json_object_set_string_member (v, "status", json_object_get_string_member (step, "status"));
      else if (json_object_get_null_member (step, "length"))
        json_object_set_null_member (v, "length_m");
      else
        json_object_set_double_member (v, "length_m", json_object_get_double_member (step, "length"));
      ok = enlace_store_update (f->store, "cable",
                                lookup (f, "cable", json_object_get_string_member (step, "cable")), v, &error);
    }
  else if (g_str_equal (op, "circuit_status") || g_str_equal (op, "circuit_length"))
    {
      g_autoptr(JsonObject) v = json_object_new ();

      if (g_str_equal (op, "circuit_status"))
        json_object_set_string_member (v, "status", json_object_get_string_member (step, "status"));
      else if (json_object_get_null_member (step, "length"))
        json_object_set_null_member (v, "length_m");
      else
        json_object_set_double_member (v, "length_m", json_object_get_double_member (step, "length"));
      ok = enlace_store_update (f->store, "circuit",
                                lookup (f, "circuit", json_object_get_string_member (step, "circuit")), v, &error);
    }
  else if (g_str_equal (op, "reterminate"))
    {
      g_autoptr(GArray) a = terms_of (f, json_object_get_array_member (step, "a"));
      g_autoptr(GArray) b = terms_of (f, json_object_get_array_member (step, "b"));

      ok = enlace_store_set_cable_ends (f->store, lookup (f, "cable", json_object_get_string_member (step, "cable")),
                                        (EnlaceTerm *) a->data, a->len, (EnlaceTerm *) b->data, b->len, &error);
    }
  else if (g_str_equal (op, "add_termination"))
    {
      g_auto(GStrv) parts = g_strsplit (json_object_get_string_member (step, "termination"), ":", 2);

      add_termination (f, parts[0], parts[1], json_object_get_string_member_with_default (step, "space", NULL));
    }
  else if (g_str_equal (op, "map") || g_str_equal (op, "unmap"))
    {
      JsonArray *m = json_object_get_array_member (step, "mapping");

      if (g_str_equal (op, "map"))
        add_mapping (f, json_array_get_string_element (m, 0), json_array_get_int_element (m, 1),
                     json_array_get_string_element (m, 2), json_array_get_int_element (m, 3));
      else
        {
          EnlaceTerm ft = term_of (f, json_array_get_string_element (m, 0));
          g_autoptr(JsonObject) port = enlace_store_get (f->store, "port", ft.id, NULL);
          g_autoptr(GPtrArray) maps = enlace_store_list (f->store, "port-mapping",
                                                         json_object_get_int_member (port, "device_id"), NULL);
          EnlaceTerm rt = term_of (f, json_array_get_string_element (m, 2));
          gint64 id = 0;

          g_assert_nonnull (maps);
          for (guint i = 0; i < maps->len; i++)
            {
              JsonObject *o = g_ptr_array_index (maps, i);

              if (json_object_get_int_member (o, "front_port_id") == ft.id &&
                  json_object_get_int_member (o, "rear_port_id") == rt.id &&
                  json_object_get_int_member (o, "front_pos") == json_array_get_int_element (m, 1) &&
                  json_object_get_int_member (o, "rear_pos") == json_array_get_int_element (m, 3))
                id = json_object_get_int_member (o, "id");
            }
          g_assert_cmpint (id, >, 0);
          ok = enlace_store_delete (f->store, "port-mapping", id, &error);
        }
    }
  else if (g_str_equal (op, "delete_device"))
    ok = enlace_store_delete (f->store, "device", lookup (f, "device", json_object_get_string_member (step, "device")), &error);
  else if (g_str_equal (op, "undo"))
    ok = enlace_store_undo (f->store, &error);
  else
    g_error ("%s: unknown step %s", f->case_id, op);

  expect_result (f, step, ok, error);

check:
  check_expect (f, n, json_object_get_object_member (step, "expect"));
  if (json_object_has_member (step, "trace"))
    check_traces (f, n, json_object_get_array_member (step, "trace"));
  if (json_object_has_member (step, "impact"))
    check_impacts (f, n, json_object_get_array_member (step, "impact"));
  if (json_object_has_member (step, "free"))
    check_free (f, json_object_get_array_member (step, "free"));
}

static void
test_case (gconstpointer data)
{
  JsonObject *c = (JsonObject *) data;
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  JsonArray *steps;
  g_autoptr(GPtrArray) warm = NULL;

  f.case_id = json_object_get_string_member (c, "id");
  f.store = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  f.spaces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f.tracer = enlace_tracer_new (f.store);

  build (&f, c);
  /* trace everything once so that the steps exercise incremental updates */
  warm = enlace_tracer_all_paths (f.tracer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warm->len, ==, 0);

  steps = json_object_get_array_member (c, "steps");
  for (guint i = 0; i < json_array_get_length (steps); i++)
    run_step (&f, i + 1, json_array_get_object_element (steps, i));

  g_clear_object (&f.tracer);
  g_clear_object (&f.store);
  g_hash_table_unref (f.spaces);
}

/* ------------------------------------------------------------------ */
/* tests written in C                                                   */

/* A 1024-position rear port on each of two panels, strands 1, 999, 1000
 * and 1024 on front ports: strand 1000 lands on 1000; and a trace before the whole graph is read (lazy)
 * equals the one after. */
static void
test_positions_1024 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(EnlaceTracer) tracer = NULL;
  Fixture f = { 0 };
  g_autoptr(JsonObject) spec = json_object_new ();
  g_autoptr(JsonObject) panel = json_object_new ();
  g_autoptr(JsonObject) sw = json_object_new ();
  g_autoptr(JsonArray) ports = json_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) lazy = NULL;
  g_autoptr(GPtrArray) full = NULL;
  g_autoptr(JsonNode) jl = NULL;
  g_autoptr(JsonNode) jf = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *sl = NULL;
  g_autofree char *sf = NULL;
  EnlaceTerm origin;
  const char *cables =
    "{\"P\": {\"a\": [\"SW1:X1\"], \"b\": [\"FA:F1000\"], \"length\": 1},"
    " \"T\": {\"a\": [\"FA:R\"], \"b\": [\"FB:R\"], \"length\": 10},"
    " \"Q\": {\"a\": [\"FB:F1000\"], \"b\": [\"SW2:X1\"], \"length\": 1}}";

  g_assert_no_error (error);
  f.store = store;
  f.case_id = "positions-1024";
  f.spaces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  add_space (&f, "LAB", "CAMPUS", "B", "laboratory");

  json_object_set_string_member (panel, "role", "patch-panel");
  json_object_set_object_member (panel, "panel", json_object_ref (spec));
  json_object_set_int_member (spec, "fronts", 0);
  {
    JsonArray *only = json_array_new ();

    json_array_add_int_element (only, 1);
    json_array_add_int_element (only, 999);
    json_array_add_int_element (only, 1000);
    json_array_add_int_element (only, 1024);
    json_object_set_array_member (spec, "only", only);
  }
  json_object_set_string_member (spec, "rear", "R");
  json_object_set_int_member (spec, "positions", 1024);
  json_object_set_string_member (spec, "medium", "fibre");
  add_device (&f, "FA", panel);
  add_device (&f, "FB", panel);
  json_object_set_string_member (sw, "role", "switch");
  json_array_add_string_element (ports, "X1");
  json_object_set_array_member (sw, "ports", json_array_ref (ports));
  add_device (&f, "SW1", sw);
  add_device (&f, "SW2", sw);

  g_assert_true (json_parser_load_from_data (parser, cables, -1, NULL));
  f.cables = json_node_get_object (json_parser_get_root (parser));
  do_connect (&f, f.cables, "P");
  do_connect (&f, f.cables, "T");
  do_connect (&f, f.cables, "Q");

  tracer = enlace_tracer_new (store);
  origin = term_of (&f, "SW1:X1");
  lazy = enlace_tracer_trace_term (tracer, &origin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lazy->len, ==, 1);
  {
    EnlacePath *p = g_ptr_array_index (lazy, 0);
    guint n;
    const EnlaceNode *dest = enlace_path_get_destination (p, &n);
    g_autofree char *key = NULL;

    g_assert_true (p->complete);
    g_assert_false (p->split);
    g_assert_cmpuint (n, ==, 1);
    key = enlace_tracer_dup_node_key (tracer, dest);
    g_assert_cmpstr (key, ==, "SW2:X1");
    g_assert_cmpuint (enlace_path_get_n_hops (p), ==, 9);
    g_assert_cmpfloat (p->length_m, ==, 12);
  }
  full = enlace_tracer_all_paths (tracer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (full->len, ==, 2);
  jl = enlace_tracer_paths_to_json (tracer, lazy);
  g_ptr_array_set_size (lazy, 0);
  g_ptr_array_add (lazy, enlace_tracer_path_from (tracer, &origin));
  jf = enlace_tracer_paths_to_json (tracer, lazy);
  json_generator_set_root (gen, jl);
  sl = json_generator_to_data (gen, NULL);
  json_generator_set_root (gen, jf);
  sf = json_generator_to_data (gen, NULL);
  g_assert_cmpstr (sl, ==, sf);

  g_hash_table_unref (f.spaces);
}

/* The JSON form has exactly the members of the issue. */
static void
test_json_form (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(EnlaceTracer) tracer = enlace_tracer_new (store);
  g_autoptr(GPtrArray) paths = enlace_tracer_all_paths (tracer, &error);
  g_autoptr(JsonNode) node = enlace_tracer_paths_to_json (tracer, paths);
  JsonObject *root = json_node_get_object (node);

  g_assert_no_error (error);
  g_assert_true (json_object_has_member (root, "paths"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "paths")), ==, 0);
}

/* A bulk command (generate) makes the tracer read everything again; an
 * undo of it empties the answers. */
static void
test_bulk (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(EnlaceTracer) tracer = NULL;
  g_autoptr(EnlaceTracer) fresh = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) undone = NULL;
  g_autoptr(JsonNode) ja = NULL;
  g_autoptr(JsonNode) jb = NULL;
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;
  EnlaceGenerateOptions opts;

  g_assert_no_error (error);
  tracer = enlace_tracer_new (store);
  before = enlace_tracer_all_paths (tracer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 0);

  enlace_generate_options_init (&opts);
  opts.buildings = 1;
  opts.floors = 1;
  opts.outlets_per_floor = 4;
  g_assert_true (enlace_generate (store, &opts, NULL, &error));
  g_assert_no_error (error);

  after = enlace_tracer_all_paths (tracer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, >, 0);
  fresh = enlace_tracer_new (store);
  again = enlace_tracer_all_paths (fresh, &error);
  g_assert_no_error (error);
  ja = enlace_tracer_paths_to_json (tracer, after);
  jb = enlace_tracer_paths_to_json (fresh, again);
  sa = json_to_string (ja, FALSE);
  sb = json_to_string (jb, FALSE);
  g_assert_cmpstr (sa, ==, sb);

  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  undone = enlace_tracer_all_paths (tracer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (undone->len, ==, 0);
}

/* One shared tracer per store while it is held. */
static void
test_shared (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  EnlaceTracer *a, *b, *c;
  GWeakRef weak;

  g_assert_no_error (error);
  a = enlace_tracer_get_for_store (store);
  b = enlace_tracer_get_for_store (store);
  g_assert_true (a == b);
  g_weak_ref_init (&weak, a);
  g_object_unref (a);
  g_object_unref (b);
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
  c = enlace_tracer_get_for_store (store);
  g_assert_nonnull (c);
  g_assert_true (enlace_tracer_get_store (c) == store);
  g_object_unref (c);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JsonArray *cases;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "data", "trace-cases.json", NULL);
  cases_parser = json_parser_new ();
  if (!json_parser_load_from_file (cases_parser, path, &error))
    g_error ("Cannot read %s: %s", path, error->message);
  cases = json_object_get_array_member (json_node_get_object (json_parser_get_root (cases_parser)), "cases");
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);
      g_autofree char *name = g_strdup_printf ("/model/trace/case/%s", json_object_get_string_member (c, "id"));

      g_test_add_data_func (name, c, test_case);
    }
  g_test_add_func ("/model/trace/positions-1024", test_positions_1024);
  g_test_add_func ("/model/trace/json-form", test_json_form);
  g_test_add_func ("/model/trace/shared", test_shared);
  g_test_add_func ("/model/trace/bulk", test_bulk);

  {
    int ret = g_test_run ();

    g_object_unref (cases_parser);
    return ret;
  }
}
