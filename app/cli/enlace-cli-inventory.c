/* enlace-cli-inventory.c: new, list, show, check, stats, add, set, remove,
 * connect, disconnect, undo, redo and log */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "enlace-cli.h"
#include "enlace-format.h"
#include "enlace-details.h"
#include "enlace-install.h"
#include "enlace-inventory.h"
#include "enlace-kinds.h"
#include "enlace-propose.h"
#include "enlace-trace-paths.h"

static gboolean opt_json;
static char *opt_parent;
static int opt_limit = 50;
static char *opt_label;
static char *opt_kind;
static char *opt_type;
static char *opt_length;
static char *opt_color;
static char *opt_status;
static int opt_pairs;

/* {"KEY": "VALUE", …} on stdout, for --json */
static void
print_json_pairs (const char *first,
                  ...)
{
  g_autoptr(JsonObject) o = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  va_list ap;

  va_start (ap, first);
  for (const char *k = first; k; k = va_arg (ap, const char *))
    {
      const char *v = va_arg (ap, const char *);
      if (v)
        json_object_set_string_member (o, k, v);
      else
        json_object_set_null_member (o, k);
    }
  va_end (ap);
  node = json_node_init_object (json_node_alloc (), o);
  cli_print_json (node);
}

static GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
  { NULL }
};

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static char *
kind_names (void)
{
  const EnlaceKind **kinds = enlace_kinds_all ();
  GString *s = g_string_new (NULL);

  for (guint i = 0; kinds[i]; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", kinds[i]->name);
  return g_string_free (s, FALSE);
}

/* A kind by its name ("device-type"), its table ("device_type") or its
 * plural in English ("devices"). */
static const EnlaceKind *
find_kind (const char *name)
{
  const EnlaceKind *kind = enlace_kind_lookup (name);
  g_autofree char *dashed = NULL;
  gsize len;

  if (kind)
    return kind;
  if ((kind = enlace_kind_for_table (name)))
    return kind;
  dashed = g_strdelimit (g_strdup (name), "_", '-');
  if ((kind = enlace_kind_lookup (dashed)))
    return kind;
  len = strlen (dashed);
  if (len > 1 && dashed[len - 1] == 's')
    {
      dashed[len - 1] = '\0';
      if ((kind = enlace_kind_lookup (dashed)))
        return kind;
    }
  return NULL;
}

static int
unknown_kind (const char *command,
              const char *name)
{
  g_autofree char *all = kind_names ();
  return cli_usage_error (command, _("unknown kind of object “%s” (one of: %s)"), name, all);
}

/* A field of @kind by its column name or, for a reference, by the name
 * without "_id", by the kind it refers to, or by that kind's last word
 * ("type" for device_type_id).  '-' may stand for '_'. */
static const EnlaceField *
find_field (const EnlaceKind *kind,
            const char       *name)
{
  g_autofree char *under = g_strdelimit (g_strdup (name), "-", '_');
  const EnlaceField *f;

  if ((f = enlace_kind_get_field (kind, under)))
    return f;
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EnlaceField *r = &kind->fields[i];
      g_autofree char *stem = NULL;
      g_autofree char *ref = NULL;
      const char *last;

      if (r->type != ENLACE_FIELD_REF)
        continue;
      stem = g_strndup (r->name, g_str_has_suffix (r->name, "_id") ? strlen (r->name) - 3 : strlen (r->name));
      ref = g_strdelimit (g_strdup (r->ref_kind), "-", '_');
      last = strrchr (ref, '_');
      if (strcmp (under, stem) == 0 || strcmp (under, ref) == 0 ||
          (last && strcmp (under, last + 1) == 0))
        return r;
    }
  return NULL;
}

/* "rack_id" → "rack" */
static char *
ref_member (const EnlaceField *f)
{
  if (g_str_has_suffix (f->name, "_id"))
    return g_strndup (f->name, strlen (f->name) - 3);
  return g_strconcat (f->name, "_key", NULL);
}

/* Parses FIELD=VALUE arguments into @values (strings; the store converts
 * them and resolves readable keys).  Returns -1, or an exit status. */
static int
parse_assignments (const char        *command,
                   const EnlaceKind  *kind,
                   char             **args,
                   int                n_args,
                   JsonObject        *values)
{
  for (int i = 0; i < n_args; i++)
    {
      const char *eq = strchr (args[i], '=');
      g_autofree char *name = NULL;
      const EnlaceField *f;

      if (eq == NULL || eq == args[i])
        return cli_usage_error (command, _("“%s” is not FIELD=VALUE"), args[i]);
      name = g_strndup (args[i], eq - args[i]);
      f = find_field (kind, name);
      if (f == NULL)
        {
          GString *s = g_string_new (NULL);
          for (guint j = 0; j < kind->n_fields; j++)
            g_string_append_printf (s, "%s%s", j ? ", " : "", kind->fields[j].name);
          cli_usage_error (command, _("%s has no field “%s” (fields: %s)"),
                           _(kind->label), name, s->str);
          g_string_free (s, TRUE);
          return CLI_USAGE;
        }
      if (json_object_has_member (values, f->name))
        return cli_usage_error (command, _("field “%s” given twice"), f->name);
      if (eq[1] == '\0' && f->type != ENLACE_FIELD_TEXT)
        json_object_set_null_member (values, f->name);
      else if (eq[1] == '\0')
        json_object_set_null_member (values, f->name);
      else if (f->type == ENLACE_FIELD_REAL && (g_ascii_strcasecmp (eq + 1, "unknown") == 0 ||
                                                strcmp (eq + 1, "?") == 0))
        json_object_set_null_member (values, f->name);
      else
        json_object_set_string_member (values, f->name, eq + 1);
    }
  return -1;
}

static JsonNode *
string_or_null (const char *s)
{
  JsonNode *n = json_node_new (JSON_NODE_NULL);

  if (s)
    {
      json_node_init_string (n, s);
    }
  return n;
}

/* The object as JSON for output: the stored fields, its "key", and for
 * each reference the readable key of the object it names. */
static JsonObject *
describe (EnlaceStore       *store,
          const EnlaceKind  *kind,
          JsonObject        *row)
{
  JsonObject *o = json_object_new ();
  gint64 id = json_object_get_int_member (row, "id");
  g_autofree char *key = enlace_store_dup_key (store, kind->name, id);
  g_autoptr(GList) members = json_object_get_members (row);

  json_object_set_int_member (o, "id", id);
  json_object_set_string_member (o, "key", key);
  json_object_set_string_member (o, "kind", kind->name);
  for (GList *l = members; l; l = l->next)
    {
      const char *name = l->data;
      const EnlaceField *f = enlace_kind_get_field (kind, name);
      JsonNode *n = json_object_get_member (row, name);

      if (strcmp (name, "id") == 0)
        continue;
      json_object_set_member (o, name, json_node_copy (n));
      if (f && f->type == ENLACE_FIELD_REF)
        {
          g_autofree char *member = ref_member (f);
          g_autofree char *ref_key = NULL;

          if (!JSON_NODE_HOLDS_NULL (n))
            ref_key = enlace_store_dup_key (store, f->ref_kind, json_node_get_int (n));
          json_object_set_member (o, member, string_or_null (ref_key));
        }
    }
  return o;
}

/* A field value as text for people. */
static char *
field_text (EnlaceStore       *store,
            const EnlaceField *f,
            JsonNode          *n)
{
  return enlace_format_value (store, f, n, ENLACE_FORMAT_DISPLAY);
}

static EnlaceStore *
open_or_fail (const char *path,
              int        *status)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = cli_open (path, FALSE, &error);

  if (store == NULL)
    *status = cli_fail (g_steal_pointer (&error));
  return store;
}

/* Prints rows of cells as aligned columns. */
static void
print_table (GPtrArray *rows)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (guint));

  for (guint r = 0; r < rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (rows, r);
      for (guint c = 0; cells[c]; c++)
        {
          guint w = g_utf8_strlen (cells[c], -1);
          if (c >= widths->len)
            g_array_set_size (widths, c + 1);
          if (w > g_array_index (widths, guint, c))
            g_array_index (widths, guint, c) = w;
        }
    }
  for (guint r = 0; r < rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (rows, r);
      GString *line = g_string_new (NULL);

      for (guint c = 0; cells[c]; c++)
        {
          g_string_append (line, cells[c]);
          if (cells[c + 1])
            for (guint pad = g_utf8_strlen (cells[c], -1); pad < g_array_index (widths, guint, c) + 2; pad++)
              g_string_append_c (line, ' ');
        }
      puts (line->str);
      g_string_free (line, TRUE);
    }
}

/* ------------------------------------------------------------------ */
/* new                                                                 */

int
cli_cmd_new (int    argc,
             char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = cli_parse ("new", _("FILE"), _("Create an empty project file."),
                           NULL, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cli_usage_error ("new", _("expected one FILE"));
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, _("enlace-cli: “%s” already exists; not overwritten\n"), argv[1]);
      return CLI_ERROR;
    }
  store = cli_open (argv[1], TRUE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  printf (_("Created %s\n"), argv[1]);
  return CLI_OK;
}

/* ------------------------------------------------------------------ */
/* list                                                                */

static gboolean
row_matches (JsonObject  *row,
             const char  *filter_field,
             gint64       parent_id,
             GHashTable  *space_racks)
{
  gint64 rack;

  if (filter_field == NULL ||
      json_object_get_int_member_with_default (row, filter_field, 0) == parent_id)
    return TRUE;
  if (space_racks == NULL)
    return FALSE;
  rack = json_object_get_int_member_with_default (row, "rack_id", 0);
  return rack > 0 && g_hash_table_contains (space_racks, &rack);
}

int
cli_cmd_list (int    argc,
              char **argv)
{
  GOptionEntry entries[] = {
    { "parent", 'p', 0, G_OPTION_ARG_STRING, &opt_parent, N_("Only the children of this object (by key)"), N_("KEY") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const EnlaceKind *kind;
  gint64 parent_id = 0;
  const char *filter_field = NULL;
  g_autoptr(GHashTable) space_racks = NULL;
  int status = 0;

  if ((status = cli_parse ("list", _("FILE KIND"),
                           _("List the objects of a kind, in key order. KIND is one of the kinds of "
                             "“enlace-cli list FILE kinds”: site, building, floor, space, rack, device, port, cable…"),
                           entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return cli_usage_error ("list", _("expected FILE and KIND"));

  if (strcmp (argv[2], "kinds") == 0)
    {
      const EnlaceKind **kinds = enlace_kinds_all ();
      g_autoptr(JsonArray) arr = json_array_new ();

      for (guint i = 0; kinds[i]; i++)
        {
          if (opt_json)
            json_array_add_string_element (arr, kinds[i]->name);
          else
            printf ("%-22s %s\n", kinds[i]->name, _(kinds[i]->plural));
        }
      if (opt_json)
        {
          g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), arr);
          cli_print_json (node);
        }
      return CLI_OK;
    }

  kind = find_kind (argv[2]);
  if (kind == NULL)
    return unknown_kind ("list", argv[2]);

  if (!(store = open_or_fail (argv[1], &status)))
    return status;

  if (opt_parent)
    {
      const EnlaceField *pf = kind->parent_field ? enlace_kind_get_field (kind, kind->parent_field) : NULL;

      if (pf != NULL)
        {
          parent_id = enlace_store_lookup (store, pf->ref_kind, opt_parent, &error);
          if (parent_id == 0)
            return cli_fail (g_steal_pointer (&error));
          filter_field = pf->name;
        }
      else if (strcmp (kind->name, "device") == 0)
        {
          /* A device's parent is its rack, or its space. */
          parent_id = enlace_store_lookup (store, "rack", opt_parent, NULL);
          filter_field = "rack_id";
          if (parent_id == 0)
            {
              g_autoptr(GPtrArray) racks = NULL;

              parent_id = enlace_store_lookup (store, "space", opt_parent, &error);
              filter_field = "space_id";
              if (parent_id == 0)
                return cli_fail (g_steal_pointer (&error));
              /* the devices of the space's racks are in the space too */
              racks = enlace_store_list (store, "rack", parent_id, &error);
              if (racks == NULL)
                return cli_fail (g_steal_pointer (&error));
              space_racks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
              for (guint i = 0; i < racks->len; i++)
                g_hash_table_add (space_racks,
                                  g_memdup2 (&(gint64) { json_object_get_int_member (g_ptr_array_index (racks, i), "id") },
                                             sizeof (gint64)));
            }
        }
      else
        return cli_usage_error ("list", _("%s have no parent: --parent does not apply"), _(kind->plural));
    }

  rows = enlace_store_list (store, kind->name,
                            filter_field && kind->parent_field && strcmp (filter_field, kind->parent_field) == 0
                              ? parent_id : 0,
                            &error);
  if (rows == NULL)
    return cli_fail (g_steal_pointer (&error));

  if (opt_json)
    {
      g_autoptr(JsonArray) arr = json_array_new ();
      g_autoptr(JsonNode) node = NULL;

      for (guint i = 0; i < rows->len; i++)
        {
          JsonObject *row = g_ptr_array_index (rows, i);
          if (!row_matches (row, filter_field, parent_id, space_racks))
            continue;
          json_array_add_object_element (arr, describe (store, kind, row));
        }
      node = json_node_init_array (json_node_alloc (), arr);
      cli_print_json (node);
    }
  else
    {
      g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      GPtrArray *header = g_ptr_array_new ();

      g_ptr_array_add (header, g_strdup (_("KEY")));
      for (guint f = 0; f < kind->n_fields; f++)
        g_ptr_array_add (header, g_strdup (kind->fields[f].name));
      g_ptr_array_add (header, NULL);
      g_ptr_array_add (table, g_ptr_array_free (header, FALSE));

      for (guint i = 0; i < rows->len; i++)
        {
          JsonObject *row = g_ptr_array_index (rows, i);
          GPtrArray *cells;
          gint64 id = json_object_get_int_member (row, "id");

          if (!row_matches (row, filter_field, parent_id, space_racks))
            continue;
          cells = g_ptr_array_new ();
          g_ptr_array_add (cells, enlace_store_dup_key (store, kind->name, id));
          for (guint f = 0; f < kind->n_fields; f++)
            g_ptr_array_add (cells, field_text (store, &kind->fields[f],
                                                json_object_get_member (row, kind->fields[f].name)));
          g_ptr_array_add (cells, NULL);
          g_ptr_array_add (table, g_ptr_array_free (cells, FALSE));
        }
      if (table->len > 1)
        print_table (table);
    }
  return CLI_OK;
}

/* ------------------------------------------------------------------ */
/* show                                                                */

static char *
join_keys (JsonArray *arr)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (arr); i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", json_array_get_string_element (arr, i));
  return g_string_free (s, FALSE);
}

static void
print_details (JsonObject *o)
{
  if (json_object_has_member (o, "ports"))
    {
      JsonArray *ports = json_object_get_array_member (o, "ports");
      g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      printf ("\n%s (%u)\n", _("Ports"), json_array_get_length (ports));
      for (guint i = 0; i < json_array_get_length (ports); i++)
        {
          JsonObject *p = json_array_get_object_element (ports, i);
          JsonArray *maps = json_object_get_array_member (p, "mappings");
          g_autofree char *mapped = join_keys (maps);
          g_autofree char *link = NULL;
          g_autofree char *far = NULL;
          char **cells = g_new0 (char *, 7);

          if (!JSON_NODE_HOLDS_NULL (json_object_get_member (p, "cable")))
            {
              JsonObject *c = json_object_get_object_member (p, "cable");
              far = join_keys (json_object_get_array_member (c, "far_end"));
              link = g_strdup_printf ("→ %s → %s", json_object_get_string_member (c, "label"), far);
            }
          cells[0] = g_strdup_printf ("  %s", json_object_get_string_member (p, "name"));
          cells[1] = g_strdup (json_object_get_string_member (p, "kind"));
          cells[2] = g_strdup (json_object_get_string_member (p, "medium"));
          cells[3] = g_strdup (json_object_get_string_member (p, "connector"));
          cells[4] = g_strdup (*mapped ? mapped : "");
          cells[5] = g_strdup (link ? link : _("(free)"));
          g_ptr_array_add (table, cells);
        }
      print_table (table);
    }
  if (json_object_has_member (o, "cable"))
    {
      JsonNode *n = json_object_get_member (o, "cable");

      if (JSON_NODE_HOLDS_NULL (n))
        printf ("\n%s\n", _("Not cabled"));
      else
        {
          JsonObject *c = json_node_get_object (n);
          g_autofree char *far = join_keys (json_object_get_array_member (c, "far_end"));
          printf ("\n%s: %s → %s\n", _("Cable"), json_object_get_string_member (c, "label"), far);
        }
    }
  if (json_object_has_member (o, "end_a"))
    {
      g_autofree char *a = join_keys (json_object_get_array_member (o, "end_a"));
      g_autofree char *b = join_keys (json_object_get_array_member (o, "end_b"));
      JsonArray *w = json_object_get_array_member (o, "warnings");

      printf ("\n%s: %s\n%s: %s\n", _("End A"), a, _("End B"), b);
      for (guint i = 0; i < json_array_get_length (w); i++)
        printf (_("Warning: %s\n"), json_array_get_string_element (w, i));
    }
  if (json_object_has_member (o, "devices"))
    {
      JsonArray *devs = json_object_get_array_member (o, "devices");

      printf ("\n%s (%u)\n", _("Devices"), json_array_get_length (devs));
      for (guint i = 0; i < json_array_get_length (devs); i++)
        {
          JsonObject *d = json_array_get_object_element (devs, i);
          JsonNode *u = json_object_get_member (d, "u_position");
          JsonNode *face = json_object_get_member (d, "face");

          if (!JSON_NODE_HOLDS_NULL (u))
            {
              char buf[G_ASCII_DTOSTR_BUF_SIZE];
              printf ("  U%-5s %-6s %-20s %s\n",
                      g_ascii_formatd (buf, sizeof buf, "%g", json_node_get_double (u)),
                      JSON_NODE_HOLDS_NULL (face) ? "" : json_node_get_string (face),
                      json_object_get_string_member (d, "name"),
                      json_object_get_string_member (d, "role"));
            }
          else
            printf ("  %-20s %s\n", json_object_get_string_member (d, "name"),
                    json_object_get_string_member (d, "role"));
        }
    }
  if (json_object_has_member (o, "children"))
    {
      JsonObject *children = json_object_get_object_member (o, "children");
      g_autoptr(GList) names = json_object_get_members (children);

      for (GList *l = names; l; l = l->next)
        {
          const EnlaceKind *k = enlace_kind_lookup (l->data);
          JsonArray *keys = json_object_get_array_member (children, l->data);
          g_autofree char *list = join_keys (keys);

          printf ("\n%s (%u): %s\n", k ? _(k->plural) : (const char *) l->data,
                  json_array_get_length (keys), list);
        }
    }
}

int
cli_cmd_show (int    argc,
              char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) row = NULL;
  g_autoptr(JsonObject) o = NULL;
  const EnlaceKind *kind;
  gint64 id;
  int status = 0;

  if ((status = cli_parse ("show", _("FILE KIND KEY"),
                           _("Show one object: its fields and what belongs to it. A device shows its ports "
                             "and what each is cabled to; a cable its ends; a rack its devices."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 4)
    return cli_usage_error ("show", _("expected FILE, KIND and KEY"));
  kind = find_kind (argv[2]);
  if (kind == NULL)
    return unknown_kind ("show", argv[2]);
  if (!(store = open_or_fail (argv[1], &status)))
    return status;

  id = enlace_store_lookup (store, kind->name, argv[3], &error);
  if (id == 0)
    return cli_fail (g_steal_pointer (&error));
  row = enlace_store_get (store, kind->name, id, &error);
  if (row == NULL)
    return cli_fail (g_steal_pointer (&error));
  o = describe (store, kind, row);
  if (!enlace_inventory_add_details (store, kind, id, o, &error))
    return cli_fail (g_steal_pointer (&error));

  if (opt_json)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), o);
      cli_print_json (node);
      return CLI_OK;
    }

  printf ("%s %s (#%" G_GINT64_FORMAT ")\n", _(kind->label), json_object_get_string_member (o, "key"), id);
  for (guint f = 0; f < kind->n_fields; f++)
    {
      g_autofree char *text = field_text (store, &kind->fields[f],
                                          json_object_get_member (row, kind->fields[f].name));
      const char *label = _(kind->fields[f].label);
      glong pad = 28 - g_utf8_strlen (label, -1);

      printf ("  %s%*s %s\n", label, (int) MAX (pad, 0), "", text);
    }
  print_details (o);
  if (g_str_equal (kind->name, "cable"))
    {
      g_autoptr(EnlaceCableTest) test = enlace_cable_test_get (store, id, NULL);

      if (test)
        {
          g_autofree char *text = enlace_cable_test_describe (test);

          printf ("\n%s: %s\n", _("Test"), text);
        }
    }
  return CLI_OK;
}

/* ------------------------------------------------------------------ */
/* check, stats                                                        */

int
cli_cmd_check (int    argc,
               char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) damage = NULL;
  int status = 0;

  /* --rules: the cabling rules of the design (enlace-cli-rules.c) */
  if (cli_check_wants_rules (argc, argv))
    return cli_cmd_check_rules (argc, argv);

  if ((status = cli_parse ("check", _("FILE"),
                           _("Check the file: SQLite integrity, references and every validation rule. "
                             "Exit status 1 when a problem is found; warnings do not fail. "
                             "With --rules it checks the design against the project's cabling rules instead "
                             "(options: enlace-cli check --rules --help)."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cli_usage_error ("check", _("expected one FILE"));
  store = cli_open (argv[1], FALSE, &error);
  /* A file holding objects Enlace did not create, or that fails its
   * integrity check (a row breaking a CHECK of the schema, written with
   * ignore_check_constraints), is refused by every other command; check
   * opens it read-only to list what is wrong, row by row.  Read-only,
   * SQLite does not know the CHECKs of the schema: the damage the open
   * found is the first problem. */
  if (store == NULL && g_error_matches (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_DAMAGED))
    damage = g_steal_pointer (&error);
  if (store == NULL && (damage != NULL ||
                        g_error_matches (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FOREIGN_SCHEMA)))
    {
      g_clear_error (&error);
      store = enlace_store_open (argv[1], ENLACE_STORE_OPEN_INSPECT, &error);
    }
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));

  problems = enlace_store_check (store, &error);
  if (problems == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (damage != NULL)
    {
      g_autofree char *integrity = g_strdup_printf (_("Integrity: %s"), "");

      /* integrity_check saw it too (the file itself is damaged, not
       * only a row breaking a CHECK) */
      if (problems->len == 0 || !g_str_has_prefix (g_ptr_array_index (problems, 0), integrity))
        g_ptr_array_insert (problems, 0, g_strdup (damage->message));
    }
  warnings = enlace_inventory_warnings (store, 0, &error);
  if (warnings == NULL && problems->len == 0)
    return cli_fail (g_steal_pointer (&error));
  if (warnings == NULL)
    {
      /* the problems found are the answer; the warnings could not be
       * read (a damaged file) */
      g_ptr_array_add (problems, g_strdup (error->message));
      g_clear_error (&error);
      warnings = g_ptr_array_new_with_free_func (g_free);
    }

  if (opt_json)
    {
      g_autoptr(JsonObject) o = json_object_new ();
      g_autoptr(JsonNode) node = NULL;
      JsonArray *p = json_array_new ();
      JsonArray *w = json_array_new ();

      for (guint i = 0; i < problems->len; i++)
        json_array_add_string_element (p, g_ptr_array_index (problems, i));
      for (guint i = 0; i < warnings->len; i++)
        json_array_add_string_element (w, g_ptr_array_index (warnings, i));
      json_object_set_boolean_member (o, "ok", problems->len == 0);
      json_object_set_array_member (o, "problems", p);
      json_object_set_array_member (o, "warnings", w);
      node = json_node_init_object (json_node_alloc (), o);
      cli_print_json (node);
    }
  else
    {
      for (guint i = 0; i < problems->len; i++)
        printf (_("Problem: %s\n"), (const char *) g_ptr_array_index (problems, i));
      for (guint i = 0; i < warnings->len; i++)
        printf (_("Warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));
      if (problems->len == 0)
        printf (g_dngettext (GETTEXT_PACKAGE, "No problems found (%u warning).\n",
                             "No problems found (%u warnings).\n", warnings->len),
                warnings->len);
      else
        printf (g_dngettext (GETTEXT_PACKAGE, "%u problem found.\n", "%u problems found.\n",
                             problems->len),
                problems->len);
    }
  return problems->len == 0 ? CLI_OK : CLI_ERROR;
}

int
cli_cmd_stats (int    argc,
               char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceTracer) tracer = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  const EnlaceKind **kinds = enlace_kinds_all ();
  guint states[ENLACE_N_PATH_STATES];
  int status = 0;

  /* --cases: the statistics of cases (enlace-cli-stats.c) */
  for (int i = 1; i < argc; i++)
    if (g_strcmp0 (argv[i], "--cases") == 0)
      return cli_cmd_stats_cases (argc, argv);

  if ((status = cli_parse ("stats", _("FILE"),
                           _("Count the objects of every kind, the paths by state (complete, up to the jack, "
                             "incomplete, split) and the commands of the audit log."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cli_usage_error ("stats", _("expected one FILE"));
  if (!(store = open_or_fail (argv[1], &status)))
    return status;

  tracer = enlace_tracer_new (store);
  paths = enlace_tracer_all_paths (tracer, &error);
  if (paths == NULL)
    return cli_fail (g_steal_pointer (&error));
  enlace_paths_count_states (paths, states, NULL);

  if (opt_json)
    {
      g_autoptr(JsonObject) o = json_object_new ();
      g_autoptr(JsonNode) node = NULL;
      JsonObject *by_state = json_object_new ();

      for (guint i = 0; kinds[i]; i++)
        json_object_set_int_member (o, kinds[i]->name, enlace_store_count (store, kinds[i]->name));
      for (guint i = 0; i < ENLACE_N_PATH_STATES; i++)
        json_object_set_int_member (by_state, enlace_path_state_to_string (i), states[i]);
      json_object_set_object_member (o, "paths", by_state);
      json_object_set_int_member (o, "commands", enlace_inventory_log_length (store));
      node = json_node_init_object (json_node_alloc (), o);
      cli_print_json (node);
    }
  else
    {
      for (guint i = 0; kinds[i]; i++)
        printf ("%-24s %8u\n", _(kinds[i]->plural), enlace_store_count (store, kinds[i]->name));
      for (guint i = 0; i < ENLACE_N_PATH_STATES; i++)
        {
          /* TRANSLATORS: "Paths: up to the jack" */
          g_autofree char *label = g_strdup_printf (_("Paths: %s"), enlace_path_state_label (i));

          printf ("%-24s %8u\n", label, states[i]);
        }
      printf ("%-24s %8u\n", _("Commands in the log"), enlace_inventory_log_length (store));
    }
  return CLI_OK;
}

/* ------------------------------------------------------------------ */
/* add, set, remove                                                    */

int
cli_cmd_add (int    argc,
             char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  const EnlaceKind *kind;
  g_autofree char *key = NULL;
  gint64 id;
  int status = 0;

  if ((status = cli_parse ("add", _("FILE KIND FIELD=VALUE…"),
                           _("Add an object. References take readable keys: "
                             "add campus.enlace building site=UNI code=ED-A name=\"Edificio A\"; "
                             "add campus.enlace device name=SW1 type=Cisco/C9200L-48P-4G rack=R1 u_position=40 face=front. "
                             "A new device gets the ports of its type."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc < 3)
    return cli_usage_error ("add", _("expected FILE, KIND and FIELD=VALUE…"));
  kind = find_kind (argv[2]);
  if (kind == NULL)
    return unknown_kind ("add", argv[2]);
  if (strcmp (kind->name, "cable") == 0)
    return cli_usage_error ("add", _("a cable is added with its ends: use “enlace-cli connect FILE A B”"));
  if (argc < 4)
    {
      /* A new object needs its fields: bad usage, like a missing argument. */
      g_autoptr(GString) s = g_string_new (NULL);

      for (guint j = 0; j < kind->n_fields; j++)
        g_string_append_printf (s, "%s%s", j ? ", " : "", kind->fields[j].name);
      return cli_usage_error ("add", _("%s: no FIELD=VALUE given (fields: %s)"),
                              _(kind->label), s->str);
    }
  if ((status = parse_assignments ("add", kind, argv + 3, argc - 3, values)) >= 0)
    return status;
  if (!(store = open_or_fail (argv[1], &status)))
    return status;

  /* A device takes the role of its type unless told otherwise. */
  if (strcmp (kind->name, "device") == 0 && !json_object_has_member (values, "role") &&
      json_object_has_member (values, "device_type_id") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (values, "device_type_id")))
    {
      gint64 type = enlace_store_lookup (store, "device-type",
                                         json_object_get_string_member (values, "device_type_id"), NULL);
      g_autoptr(JsonObject) t = type ? enlace_store_get (store, "device-type", type, NULL) : NULL;

      if (t && json_object_has_member (t, "role"))
        json_object_set_string_member (values, "role", json_object_get_string_member (t, "role"));
    }

  id = enlace_store_create (store, kind->name, values, &error);
  if (id == 0)
    return cli_fail (g_steal_pointer (&error));
  key = enlace_store_dup_key (store, kind->name, id);
  if (opt_json)
    {
      g_autoptr(JsonObject) row = enlace_store_get (store, kind->name, id, &error);
      g_autoptr(JsonObject) o = NULL;
      g_autoptr(JsonNode) node = NULL;

      if (row == NULL)
        return cli_fail (g_steal_pointer (&error));
      o = describe (store, kind, row);
      node = json_node_init_object (json_node_alloc (), o);
      cli_print_json (node);
    }
  else
    {
      g_autofree char *what = g_utf8_strdown (_(kind->label), -1);
      printf (_("Added %s %s (#%lld)\n"), what, key, (long long) id);
    }
  return CLI_OK;
}

int
cli_cmd_set (int    argc,
             char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  const EnlaceKind *kind;
  g_autofree char *key = NULL;
  gint64 id;
  int status = 0;

  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };

  if ((status = cli_parse ("set", _("FILE KIND KEY FIELD=VALUE…"),
                           _("Change fields of an object; FIELD= (empty) clears a field. "
                             "Example: set campus.enlace device SW1 u_position=38. "
                             "An extension's status changes only through a case: case new FILE extension-estado …"),
                           entries, &argc, &argv)) >= 0)
    return status;
  if (argc < 5)
    return cli_usage_error ("set", _("expected FILE, KIND, KEY and FIELD=VALUE…"));
  kind = find_kind (argv[2]);
  if (kind == NULL)
    return unknown_kind ("set", argv[2]);
  if ((status = parse_assignments ("set", kind, argv + 4, argc - 4, values)) >= 0)
    return status;
  if (!(store = open_or_fail (argv[1], &status)))
    return status;

  id = enlace_store_lookup (store, kind->name, argv[3], &error);
  if (id == 0)
    return cli_fail (g_steal_pointer (&error));

  /* An extension's status changes only through a case of the procedure
   * "extension-estado" (the manual's supervision of the changes of
   * status), which keeps the reason and the case in its history. */
  if (strcmp (kind->name, "extension") == 0 && json_object_has_member (values, "status"))
    {
      g_autoptr(JsonObject) current = enlace_store_get (store, kind->name, id, &error);
      const char *new_status = json_object_get_string_member_with_default (values, "status", "");

      if (current == NULL)
        return cli_fail (g_steal_pointer (&error));
      if (g_strcmp0 (json_object_get_string_member (current, "status"), new_status) != 0)
        {
          g_autofree char *number = enlace_store_dup_key (store, kind->name, id);
          /* the procedure's choices, as the manual words them */
          const char *choice = g_strcmp0 (new_status, "suspended") == 0 ? "Suspendida"
                               : g_strcmp0 (new_status, "cancelled") == 0 ? "Cancelada"
                               : g_strcmp0 (new_status, "active") == 0 ? "Activa" : new_status;

          return cli_fail (g_error_new (ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                                        _("Extension %s: its status changes only through a case of the procedure "
                                          "“Cambio de estado de extensión” (extension-estado), which keeps the reason "
                                          "and the case in its history. Open one with: enlace-cli case new %s "
                                          "extension-estado extension=%s status=%s reason=…"),
                                        number, argv[1], number, choice));
        }
      json_object_remove_member (values, "status");
    }
  if (json_object_get_size (values) > 0 &&
      !enlace_store_update (store, kind->name, id, values, &error))
    return cli_fail (g_steal_pointer (&error));
  key = enlace_store_dup_key (store, kind->name, id);
  if (opt_json)
    {
      g_autoptr(JsonObject) row = enlace_store_get (store, kind->name, id, &error);
      g_autoptr(JsonObject) o = NULL;
      g_autoptr(JsonNode) node = NULL;

      if (row == NULL)
        return cli_fail (g_steal_pointer (&error));
      o = describe (store, kind, row);
      node = json_node_init_object (json_node_alloc (), o);
      cli_print_json (node);
    }
  else
    {
      g_autofree char *what = g_utf8_strdown (_(kind->label), -1);
      printf (_("Changed %s %s\n"), what, key);
    }
  return CLI_OK;
}

int
cli_cmd_remove (int    argc,
                char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const EnlaceKind *kind;
  g_autofree char *key = NULL;
  gint64 id;
  int status = 0;

  if ((status = cli_parse ("remove", _("FILE KIND KEY"),
                           _("Remove an object and everything that belongs to it (a building's floors, "
                             "a device's ports; cables left with an empty end go too). “undo” brings it back."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 4)
    return cli_usage_error ("remove", _("expected FILE, KIND and KEY"));
  kind = find_kind (argv[2]);
  if (kind == NULL)
    return unknown_kind ("remove", argv[2]);
  if (!(store = open_or_fail (argv[1], &status)))
    return status;

  id = enlace_store_lookup (store, kind->name, argv[3], &error);
  if (id == 0)
    return cli_fail (g_steal_pointer (&error));
  key = enlace_store_dup_key (store, kind->name, id);
  if (!enlace_store_delete (store, kind->name, id, &error))
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    print_json_pairs ("removed", key, "kind", kind->name, NULL);
  else
    {
      g_autofree char *what = g_utf8_strdown (_(kind->label), -1);
      printf (_("Removed %s %s\n"), what, key);
    }
  return CLI_OK;
}

/* ------------------------------------------------------------------ */
/* connect, disconnect                                                 */

static GArray *
parse_terms (EnlaceStore  *store,
             const char   *list,
             GError      **error)
{
  g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (EnlaceTerm));
  g_auto(GStrv) keys = g_strsplit (list, ",", -1);

  for (guint i = 0; keys[i]; i++)
    {
      EnlaceTerm t;
      g_strstrip (keys[i]);
      if (*keys[i] == '\0')
        continue;
      if (!enlace_store_lookup_term (store, keys[i], &t, error))
        return NULL;
      g_array_append_val (terms, t);
    }
  return g_steal_pointer (&terms);
}

int
cli_cmd_connect (int    argc,
                 char **argv)
{
  GOptionEntry entries[] = {
    { "label", 'l', 0, G_OPTION_ARG_STRING, &opt_label, N_("Cable label (unique across the campus)"), N_("LABEL") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &opt_kind, N_("horizontal, backbone, patch-cord, equipment-cord or other"), N_("KIND") },
    { "type", 't', 0, G_OPTION_ARG_STRING, &opt_type, N_("cat3…cat8, om1…om5, os1, os2, coax or multipair"), N_("TYPE") },
    { "pairs", 0, 0, G_OPTION_ARG_INT, &opt_pairs, N_("Pair count (multipair cables)"), N_("N") },
    { "length", 0, 0, G_OPTION_ARG_STRING, &opt_length, N_("Length in metres, or “unknown”"), N_("M") },
    { "color", 'c', 0, G_OPTION_ARG_STRING, &opt_color, N_("Colour"), N_("COLOUR") },
    { "status", 's', 0, G_OPTION_ARG_STRING, &opt_status, N_("planned, installed or decommissioned"), N_("STATUS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(JsonObject) cable = json_object_new ();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *key = NULL;
  gint64 id;
  int status = 0;

  if ((status = cli_parse ("connect", _("FILE A[,A2…] B[,B2…]"),
                           _("Connect ports (DEVICE:PORT) or circuit terminations (CIRCUIT:A, CIRCUIT:Z) "
                             "with a new cable. Each end may hold several terminations of one kind, "
                             "separated by commas."),
                           entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 4)
    return cli_usage_error ("connect", _("expected FILE, end A and end B"));
  if (!(store = open_or_fail (argv[1], &status)))
    return status;

  if (!(a = parse_terms (store, argv[2], &error)) ||
      !(b = parse_terms (store, argv[3], &error)))
    return cli_fail (g_steal_pointer (&error));

  if (opt_label)
    json_object_set_string_member (cable, "label", opt_label);
  /* between ports, what the Connect dialog proposes for what is not given:
   * the kind from the two ends, a free label for the kind */
  if ((opt_kind == NULL || opt_label == NULL) && a->len > 0 && b->len > 0 &&
      g_array_index (a, EnlaceTerm, 0).kind == ENLACE_TERM_PORT &&
      g_array_index (b, EnlaceTerm, 0).kind == ENLACE_TERM_PORT)
    {
      EnlaceCableProposal p = { 0 };

      enlace_cable_propose (store, g_array_index (a, EnlaceTerm, 0).id,
                            g_array_index (b, EnlaceTerm, 0).id, &p);
      if (opt_kind == NULL)
        json_object_set_string_member (cable, "kind", p.kind);
      if (opt_label == NULL)
        {
          g_autofree char *label = opt_kind ? enlace_cable_propose_label (store, opt_kind) : g_strdup (p.label);

          if (label)
            json_object_set_string_member (cable, "label", label);
        }
      enlace_cable_proposal_clear (&p);
    }
  if (opt_kind)
    json_object_set_string_member (cable, "kind", opt_kind);
  if (opt_type)
    json_object_set_string_member (cable, "type", opt_type);
  if (opt_pairs)
    json_object_set_int_member (cable, "pairs", opt_pairs);
  if (opt_length && g_ascii_strcasecmp (opt_length, "unknown") != 0)
    json_object_set_string_member (cable, "length_m", opt_length);
  if (opt_color)
    json_object_set_string_member (cable, "color", opt_color);
  if (opt_status)
    json_object_set_string_member (cable, "status", opt_status);

  id = enlace_store_connect (store, (EnlaceTerm *) a->data, a->len,
                             (EnlaceTerm *) b->data, b->len, cable, &error);
  if (id == 0)
    return cli_fail (g_steal_pointer (&error));
  key = enlace_store_dup_key (store, "cable", id);
  warnings = enlace_inventory_warnings (store, id, NULL);
  for (guint i = 0; warnings && i < warnings->len; i++)
    fprintf (stderr, _("enlace-cli: warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));

  if (opt_json)
    {
      g_autoptr(JsonObject) row = enlace_store_get (store, "cable", id, &error);
      g_autoptr(JsonObject) o = NULL;
      g_autoptr(JsonNode) node = NULL;

      if (row == NULL)
        return cli_fail (g_steal_pointer (&error));
      o = describe (store, enlace_kind_lookup ("cable"), row);
      if (!enlace_inventory_add_details (store, enlace_kind_lookup ("cable"), id, o, &error))
        return cli_fail (g_steal_pointer (&error));
      node = json_node_init_object (json_node_alloc (), o);
      cli_print_json (node);
    }
  else
    printf (_("Connected %s to %s with cable %s\n"), argv[2], argv[3], key);
  return CLI_OK;
}

int
cli_cmd_disconnect (int    argc,
                    char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  gint64 id;
  int status = 0;

  if ((status = cli_parse ("disconnect", _("FILE CABLE"),
                           _("Remove a cable, named by its label, by #ID, or by a port it ends on (DEVICE:PORT)."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return cli_usage_error ("disconnect", _("expected FILE and CABLE"));
  if (!(store = open_or_fail (argv[1], &status)))
    return status;

  id = enlace_store_lookup (store, "cable", argv[2], &error);
  if (id == 0)
    {
      EnlaceTerm t;

      if (enlace_store_lookup_term (store, argv[2], &t, NULL) &&
          (id = enlace_store_cable_on (store, &t)) != 0)
        g_clear_error (&error);
      else
        return cli_fail (g_steal_pointer (&error));
    }
  key = enlace_store_dup_key (store, "cable", id);
  if (!enlace_store_delete (store, "cable", id, &error))
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    print_json_pairs ("removed", key, "kind", "cable", NULL);
  else
    printf (_("Removed cable %s\n"), key);
  return CLI_OK;
}

/* ------------------------------------------------------------------ */
/* undo, redo, log                                                     */

static int
undo_redo (const char *command,
           gboolean    redo,
           int         argc,
           char      **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gint64 target;
  int status = 0;

  if ((status = cli_parse (command, _("FILE"),
                           redo ? _("Redo the last undone command. Undo and redo are commands of their own in the audit log.")
                                : _("Undo the last command (it can be redone). Undo and redo are commands of their own in the audit log."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cli_usage_error (command, _("expected one FILE"));
  if (!(store = open_or_fail (argv[1], &status)))
    return status;

  /* Bound to the command it names: if another program commits or undoes
   * in between, undo refuses rather than act on a command it did not
   * name (a `set` committed meanwhile is never overwritten). */
  target = redo ? enlace_store_peek_redo (store, &label) : enlace_store_peek_undo (store, &label);
  if (target == 0)
    return cli_fail (g_error_new_literal (ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOTHING,
                                          redo ? _("There is nothing to redo") : _("There is nothing to undo")));
  if (!(redo ? enlace_store_redo_command (store, target, &error)
             : enlace_store_undo_command (store, target, &error)))
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    print_json_pairs (redo ? "redone" : "undone", label, NULL);
  else
    printf (redo ? _("Redone: %s\n") : _("Undone: %s\n"), label ? label : "");
  return CLI_OK;
}

int
cli_cmd_undo (int    argc,
              char **argv)
{
  return undo_redo ("undo", FALSE, argc, argv);
}

int
cli_cmd_redo (int    argc,
              char **argv)
{
  return undo_redo ("redo", TRUE, argc, argv);
}

static char *
node_text (JsonNode *n)
{
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return g_strdup ("—");
  if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (n));
  if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%g", json_node_get_double (n)));
    }
  return json_to_string (n, FALSE);
}

static void
print_change_group (const char *op,
                    const char *table,
                    const char *first_name,
                    gint64      first_id,
                    guint       count)
{
  const EnlaceKind *k = enlace_kind_for_table (table);
  const char *what = k ? (count > 1 ? _(k->plural) : _(k->label)) : table;
  const char *sign = strcmp (op, "insert") == 0 || strcmp (op, "bulk") == 0 ? "+"
                   : strcmp (op, "delete") == 0 ? "−" : "~";

  if (count > 1)
    printf ("      %s %u %s\n", sign, count, what);
  else if (first_name)
    printf ("      %s %s “%s” (#%" G_GINT64_FORMAT ")\n", sign, what, first_name, first_id);
  else
    printf ("      %s %s #%" G_GINT64_FORMAT "\n", sign, what, first_id);
}

int
cli_cmd_log (int    argc,
             char **argv)
{
  GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &opt_limit, N_("Show at most N commands, newest first (default 50; 0: all)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) log = NULL;
  int status = 0;

  if ((status = cli_parse ("log", _("FILE"),
                           _("Show the audit log (Bitácora): when, who, which command and what it changed, newest first."),
                           entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cli_usage_error ("log", _("expected one FILE"));
  if (opt_limit < 0)
    return cli_usage_error ("log", _("--limit must be 0 or more"));
  if (!(store = open_or_fail (argv[1], &status)))
    return status;

  log = enlace_inventory_log (store, opt_limit, &error);
  if (log == NULL)
    return cli_fail (g_steal_pointer (&error));

  if (opt_json)
    {
      g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), log);
      cli_print_json (node);
      return CLI_OK;
    }

  for (guint i = 0; i < json_array_get_length (log); i++)
    {
      JsonObject *c = json_array_get_object_element (log, i);
      JsonArray *changes = json_object_get_array_member (c, "changes");
      const char *op = NULL, *table = NULL, *first_name = NULL;
      gint64 first_id = 0;
      guint count = 0;

      printf ("#%-5" G_GINT64_FORMAT " %s  %-12s %s%s\n",
              json_object_get_int_member (c, "id"),
              json_object_get_string_member (c, "at_local"),
              json_object_get_string_member (c, "user"),
              json_object_get_string_member (c, "label"),
              json_object_get_boolean_member (c, "undone") ? _(" (undone)") : "");

      /* Consecutive inserts or deletes in one table are summed up;
       * updates list the fields that changed. */
      for (guint j = 0; j < json_array_get_length (changes); j++)
        {
          JsonObject *ch = json_array_get_object_element (changes, j);
          const char *cop = json_object_get_string_member (ch, "op");
          const char *ctable = json_object_get_string_member (ch, "table");
          JsonNode *name = json_object_get_member (ch, "name");

          if (strcmp (cop, "update") == 0)
            {
              JsonObject *fields = json_object_get_object_member (ch, "fields");
              g_autoptr(GList) names = json_object_get_members (fields);
              const EnlaceKind *k = enlace_kind_for_table (ctable);

              if (count)
                print_change_group (op, table, first_name, first_id, count);
              count = 0;
              if (JSON_NODE_HOLDS_NULL (name))
                printf ("      ~ %s #%" G_GINT64_FORMAT ":", k ? _(k->label) : ctable,
                        json_object_get_int_member (ch, "row_id"));
              else
                printf ("      ~ %s “%s”:", k ? _(k->label) : ctable, json_node_get_string (name));
              for (GList *l = names; l; l = l->next)
                {
                  JsonArray *pair = json_object_get_array_member (fields, l->data);
                  g_autofree char *before = node_text (json_array_get_element (pair, 0));
                  g_autofree char *after = node_text (json_array_get_element (pair, 1));
                  printf (" %s %s → %s%s", (const char *) l->data, before, after, l->next ? ";" : "");
                }
              printf ("\n");
              continue;
            }
          if (count && (strcmp (cop, op) != 0 || strcmp (ctable, table) != 0 || strcmp (cop, "bulk") == 0))
            {
              print_change_group (op, table, first_name, first_id, count);
              count = 0;
            }
          if (count == 0)
            {
              op = cop;
              table = ctable;
              first_name = JSON_NODE_HOLDS_NULL (name) ? NULL : json_node_get_string (name);
              first_id = json_object_get_int_member (ch, "row_id");
            }
          count += strcmp (cop, "bulk") == 0 ? (guint) json_object_get_int_member (ch, "count") : 1;
        }
      if (count)
        print_change_group (op, table, first_name, first_id, count);
    }
  return CLI_OK;
}
