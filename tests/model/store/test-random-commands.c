/* test-random-commands.c: a property of undo and redo over random command
 * sequences (issue 14).
 *
 * From a generated campus, N random commands go through the model's
 * command functions (add, set, delete, connect, rewire, extension status,
 * with undos and redos mixed in); many are refused, and a refused command
 * must change nothing.  The XML export is taken at the start and at the
 * end: undoing every command still in effect gives the start again, and
 * redoing them all gives the end again.
 *
 * The seed is printed; ENLACE_TEST_SEED=N repeats a run,
 * ENLACE_TEST_COMMANDS=N changes its length (default 150). */
#include "config.h"

#include <string.h>

#include "enlace-generate.h"
#include "enlace-kinds.h"
#include "enlace-store.h"
#include "enlace-xml.h"

/* Kinds the commands act on (kinds with many objects and simple rules). */
static const char * const set_kinds[] = {
  "space", "area", "person", "rack", "device", "port", "cable", "extension",
  "circuit", "floor", "building",
};
static const char * const add_kinds[] = {
  "space", "area", "person", "rack", "device", "extension", "circuit",
};
static const char * const delete_kinds[] = {
  "space", "area", "person", "rack", "device", "port", "cable", "extension",
};

typedef struct
{
  EnlaceStore *store;
  GRand       *rand;
  GHashTable  *lists;     /* kind → its rows, until the next command */
  guint        serial;    /* for unique names */
  guint        done;      /* commands in effect (undo all undoes these) */
  guint        refused;
  guint        counts[8];
} Run;

static char *
export (EnlaceStore *store)
{
  g_autoptr(GError) error = NULL;
  char *xml = NULL;
  gsize len = 0;

  g_assert_true (enlace_xml_export_to_memory (store, &xml, &len, &error));
  g_assert_no_error (error);
  return xml;
}

/* A random object of @kind, or 0 when there is none. */
static gint64
random_id (Run        *run,
           const char *kind)
{
  GPtrArray *rows = g_hash_table_lookup (run->lists, kind);

  if (rows == NULL)
    {
      rows = enlace_store_list (run->store, kind, 0, NULL);
      g_assert_nonnull (rows);
      g_hash_table_insert (run->lists, (gpointer) kind, rows);
    }

  if (rows == NULL || rows->len == 0)
    return 0;
  return json_object_get_int_member (g_ptr_array_index (rows, g_rand_int_range (run->rand, 0, rows->len)), "id");
}

/* A port without a cable, or 0. */
static gint64
random_free_port (Run *run)
{
  for (int tries = 0; tries < 20; tries++)
    {
      EnlaceTerm t = { ENLACE_TERM_PORT, random_id (run, "port") };

      if (t.id != 0 && enlace_store_cable_on (run->store, &t) == 0)
        return t.id;
    }
  return 0;
}

static const char *
pick (Run                *run,
      const char * const *names,
      guint               n)
{
  return names[g_rand_int_range (run->rand, 0, n)];
}

/* A random value for @field: often valid, sometimes not (then the
 * command is refused, which is part of the test). */
static void
random_value (Run               *run,
              JsonObject        *values,
              const EnlaceField *field)
{
  switch (field->type)
    {
    case ENLACE_FIELD_TEXT:
      if (!field->required && g_rand_int_range (run->rand, 0, 4) == 0)
        json_object_set_null_member (values, field->name);
      else
        {
          g_autofree char *s = g_strdup_printf ("r%u", ++run->serial);
          json_object_set_string_member (values, field->name, s);
        }
      break;
    case ENLACE_FIELD_INT:
      json_object_set_int_member (values, field->name, g_rand_int_range (run->rand, -1, 60));
      break;
    case ENLACE_FIELD_REAL:
      json_object_set_double_member (values, field->name, g_rand_int_range (run->rand, -4, 400) / 4.0);
      break;
    case ENLACE_FIELD_BOOL:
      json_object_set_boolean_member (values, field->name, g_rand_boolean (run->rand));
      break;
    case ENLACE_FIELD_CHOICE:
      {
        guint n = field->choices ? g_strv_length ((char **) field->choices) : 0;

        if (n > 0)
          json_object_set_string_member (values, field->name, field->choices[g_rand_int_range (run->rand, 0, n)]);
      }
      break;
    case ENLACE_FIELD_REF:
      {
        gint64 id = random_id (run, field->ref_kind);

        if (id == 0 || (!field->required && g_rand_int_range (run->rand, 0, 4) == 0))
          json_object_set_null_member (values, field->name);
        else
          json_object_set_int_member (values, field->name, id);
      }
      break;
    case ENLACE_FIELD_POLYGON:
    case ENLACE_FIELD_POLYLINE:
    default:
      break;
    }
}

/* One random command; returns whether it was done (a refused one must
 * have changed nothing: checked by the caller). */
static gboolean
random_command (Run     *run,
                GError **error)
{
  guint op = g_rand_int_range (run->rand, 0, 100);

  if (op < 35) /* set one or two fields */
    {
      const char *kind = pick (run, set_kinds, G_N_ELEMENTS (set_kinds));
      const EnlaceKind *k = enlace_kind_lookup (kind);
      g_autoptr(JsonObject) values = json_object_new ();
      gint64 id = random_id (run, kind);

      run->counts[0]++;
      if (id == 0)
        return FALSE;
      for (int i = 0, n = g_rand_int_range (run->rand, 1, 3); i < n; i++)
        random_value (run, values, &k->fields[g_rand_int_range (run->rand, 0, k->n_fields)]);
      if (json_object_get_size (values) == 0)
        return FALSE;
      return enlace_store_update (run->store, kind, id, values, error);
    }
  if (op < 50) /* add: a copy of an object with new names */
    {
      const char *kind = pick (run, add_kinds, G_N_ELEMENTS (add_kinds));
      const EnlaceKind *k = enlace_kind_lookup (kind);
      gint64 id = random_id (run, kind);
      g_autoptr(JsonObject) values = NULL;

      run->counts[1]++;
      if (id == 0)
        return FALSE;
      values = enlace_store_get (run->store, kind, id, error);
      g_assert_nonnull (values);
      json_object_remove_member (values, "id");
      for (guint f = 0; f < k->n_fields; f++)
        if (k->fields[f].type == ENLACE_FIELD_TEXT && k->fields[f].required)
          {
            g_autofree char *s = g_strdup_printf ("%s%u", strcmp (kind, "extension") == 0 ? "9" : "n",
                                                  ++run->serial);
            json_object_set_string_member (values, k->fields[f].name, s);
          }
      if (g_rand_boolean (run->rand))
        random_value (run, values, &k->fields[g_rand_int_range (run->rand, 0, k->n_fields)]);
      return enlace_store_create (run->store, kind, values, error) != 0;
    }
  if (op < 62) /* delete */
    {
      const char *kind = pick (run, delete_kinds, G_N_ELEMENTS (delete_kinds));
      gint64 id = random_id (run, kind);

      run->counts[2]++;
      return id != 0 && enlace_store_delete (run->store, kind, id, error);
    }
  if (op < 74) /* connect two free ports */
    {
      EnlaceTerm a = { ENLACE_TERM_PORT, random_free_port (run) };
      EnlaceTerm b = { ENLACE_TERM_PORT, random_free_port (run) };
      g_autoptr(JsonObject) cable = json_object_new ();
      g_autofree char *label = g_strdup_printf ("C%u", ++run->serial);

      run->counts[3]++;
      if (a.id == 0 || b.id == 0)
        return FALSE;
      json_object_set_string_member (cable, "label", label);
      return enlace_store_connect (run->store, &a, 1, &b, 1, cable, error) != 0;
    }
  if (op < 80) /* rewire a cable: one end moves to a free port */
    {
      EnlaceTerm a = { ENLACE_TERM_PORT, random_free_port (run) };
      EnlaceTerm b = { ENLACE_TERM_PORT, random_free_port (run) };

      run->counts[4]++;
      if (a.id == 0 || b.id == 0)
        return FALSE;
      return enlace_store_set_cable_ends (run->store, random_id (run, "cable"), &a, 1, &b, 1, error);
    }
  if (op < 86) /* extension status */
    {
      static const char * const statuses[] = { "active", "inactive", "suspended", "bogus" };
      gint64 id = random_id (run, "extension");

      run->counts[5]++;
      return id != 0 && enlace_store_set_extension_status (run->store, id, pick (run, statuses, 4),
                                                           "random test", error);
    }
  if (op < 94) /* undo */
    {
      run->counts[6]++;
      if (run->done == 0)
        return FALSE;
      if (!enlace_store_undo (run->store, error))
        return FALSE;
      run->done -= 2; /* the caller counts it as one done */
      return TRUE;
    }
  /* redo */
  run->counts[7]++;
  if (!enlace_store_can_redo (run->store))
    return FALSE;
  return enlace_store_redo (run->store, error);
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *s = g_getenv (name);

  return s != NULL && *s != '\0' ? (guint) g_ascii_strtoull (s, NULL, 10) : fallback;
}

static void
run_sequence (guint32 seed,
              guint   n_commands)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  gboolean pending_redo;
  EnlaceGenerateOptions opts;
  g_autoptr(GHashTable) lists = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  Run run = { store, rand, lists };

  g_test_message ("seed %u (repeat with ENLACE_TEST_SEED=%u)", seed, seed);
  g_assert_no_error (error);
  enlace_generate_options_init (&opts);
  opts.buildings = 1;
  opts.floors = 2;
  opts.outlets_per_floor = 6;
  opts.seed = seed;
  g_assert_true (enlace_generate (store, &opts, NULL, &error));
  g_assert_no_error (error);
  start = export (store);

  for (guint i = 0; i < n_commands; i++)
    {
      g_autoptr(GError) cmd_error = NULL;
      gint64 before = enlace_store_peek_undo (store, NULL);

      g_hash_table_remove_all (lists);
      guint undos = run.counts[6], redos = run.counts[7];

      if (random_command (&run, &cmd_error))
        {
          g_assert_no_error (cmd_error);
          if (g_getenv ("ENLACE_TEST_TRACE"))
            g_printerr ("step %u: done %u undo top %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT " can_redo %d (undo %d redo %d)\n",
                        i, run.done + 1, before, enlace_store_peek_undo (store, NULL),
                        enlace_store_can_redo (store), run.counts[6] != undos, run.counts[7] != redos);
          run.done++;
        }
      else
        {
          /* refused: nothing changed, nothing was logged */
          run.refused++;
          g_assert_cmpint (enlace_store_peek_undo (store, NULL), ==, before);
        }
    }
  /* a random undo near the end leaves its command to redo: redoing all
   * the commands in effect must leave exactly that state again */
  pending_redo = enlace_store_can_redo (store);
  end = export (store);
  if (run.done > 0)
    g_assert_cmpstr (end, !=, start);
  g_test_message ("%u commands: %u in effect, %u refused or not applicable; "
                  "set %u add %u delete %u connect %u rewire %u status %u undo %u redo %u",
                  n_commands, run.done, run.refused, run.counts[0], run.counts[1], run.counts[2],
                  run.counts[3], run.counts[4], run.counts[5], run.counts[6], run.counts[7]);

  for (guint i = 0; i < run.done; i++)
    {
      g_assert_true (enlace_store_undo (store, &error));
      g_assert_no_error (error);
    }
  undone = export (store);
  g_assert_cmpstr (undone, ==, start);

  for (guint i = 0; i < run.done; i++)
    {
      g_assert_true (enlace_store_redo (store, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (enlace_store_can_redo (store), ==, pending_redo);
  redone = export (store);
  g_assert_cmpstr (redone, ==, end);
}

static void
test_random_commands (void)
{
  guint n = env_uint ("ENLACE_TEST_COMMANDS", 150);
  const char *fixed = g_getenv ("ENLACE_TEST_SEED");

  /* a new sequence every run (the seed is printed) */
  run_sequence (fixed != NULL && *fixed != '\0' ? (guint32) env_uint ("ENLACE_TEST_SEED", 1)
                                                 : g_random_int (), n);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/model/store/random-commands", test_random_commands);
  return g_test_run ();
}
