/* enlace-cli-generate.c: enlace-cli generate (synthetic campus, demo campus) */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <stdio.h>

#include "enlace-cli.h"
#include "enlace-demo.h"
#include "enlace-generate.h"
#include "enlace-generate-cases.h"
#include "enlace-kinds.h"

static const char * const count_kinds[] = {
  "site", "building", "floor", "space", "rack", "device-type", "device",
  "port", "port-mapping", "cable", "circuit", "extension", "area", "person",
};

static gboolean
remove_file (const char  *path,
             GError     **error)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (p) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Cannot replace “%s”: %s"), p, g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

int
cli_cmd_generate (int    argc,
                  char **argv)
{
  int buildings = 3, floors = 3, outlets = 48, cases = 0;
  gint64 seed = 1;
  gboolean json = FALSE, force = FALSE, demo = FALSE;
  GOptionEntry entries[] = {
    { "buildings", 0, 0, G_OPTION_ARG_INT, &buildings, N_("Number of buildings (1–702, default 3)"), "N" },
    { "floors", 0, 0, G_OPTION_ARG_INT, &floors, N_("Floors per building (1–100, default 3)"), "N" },
    { "outlets-per-floor", 0, 0, G_OPTION_ARG_INT, &outlets, N_("Outlets per floor (1–10000, default 48)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the generator (default 1)"), "N" },
    { "cases", 0, 0, G_OPTION_ARG_INT, &cases, N_("Also N synthetic cases with their steps (0–1000000)"), "N" },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, N_("Write the demo campus instead of a synthetic one"), NULL },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE when it exists"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the counts as JSON"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  EnlaceGenerateOptions opts;
  GStatBuf st;
  const char *path;
  gint64 t0, t1;
  int rc;

  rc = cli_parse ("generate", _("FILE"),
                  _("Writes a deterministic synthetic campus into a new project FILE: "
                    "the same options always give the same inventory.  With --demo, writes "
                    "the demo campus (Universidad Tecnológica del Valle) instead."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 2)
    return cli_usage_error ("generate", "%s", _("expected one project FILE"));
  path = argv[1];
  if (buildings < 1 || buildings > 702)
    return cli_usage_error ("generate", _("--buildings must be between 1 and 702, not %d"), buildings);
  if (floors < 1 || floors > 100)
    return cli_usage_error ("generate", _("--floors must be between 1 and 100, not %d"), floors);
  if (outlets < 1 || outlets > 10000)
    return cli_usage_error ("generate", _("--outlets-per-floor must be between 1 and 10000, not %d"), outlets);
  if (seed < 0)
    return cli_usage_error ("generate", _("--seed must not be negative"));
  if (cases < 0 || cases > 1000000)
    return cli_usage_error ("generate", _("--cases must be between 0 and 1000000, not %d"), cases);

  if (g_stat (path, &st) == 0 && st.st_size > 0)
    {
      if (!force)
        {
          fprintf (stderr, _("enlace-cli: “%s” already exists and is not empty; use --force to replace it\n"), path);
          return CLI_ERROR;
        }
      if (!remove_file (path, &error))
        return cli_fail (g_steal_pointer (&error));
    }

  store = cli_open (path, TRUE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));

  t0 = g_get_monotonic_time ();
  if (demo)
    {
      if (!enlace_demo_populate (store, &error) || !enlace_demo_add_cases (store, &error)
          || !enlace_demo_add_design (store, &error))
        return cli_fail (g_steal_pointer (&error));
    }
  else
    {
      enlace_generate_options_init (&opts);
      opts.buildings = (guint) buildings;
      opts.floors = (guint) floors;
      opts.outlets_per_floor = (guint) outlets;
      opts.seed = (guint64) seed;
      if (!enlace_generate (store, &opts, NULL, &error))
        return cli_fail (g_steal_pointer (&error));
    }
  if (cases > 0 && !enlace_generate_cases (store, (guint) cases, (guint64) seed, &error))
    return cli_fail (g_steal_pointer (&error));
  t1 = g_get_monotonic_time ();

  if (json)
    {
      g_autoptr(JsonBuilder) jb = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (jb);
      json_builder_set_member_name (jb, "file");
      json_builder_add_string_value (jb, path);
      if (!demo)
        {
          json_builder_set_member_name (jb, "buildings");
          json_builder_add_int_value (jb, buildings);
          json_builder_set_member_name (jb, "floors");
          json_builder_add_int_value (jb, floors);
          json_builder_set_member_name (jb, "outlets_per_floor");
          json_builder_add_int_value (jb, outlets);
          json_builder_set_member_name (jb, "seed");
          json_builder_add_int_value (jb, seed);
        }
      json_builder_set_member_name (jb, "cases");
      json_builder_add_int_value (jb, cases);
      json_builder_set_member_name (jb, "seconds");
      json_builder_add_double_value (jb, (t1 - t0) / 1e6);
      json_builder_set_member_name (jb, "counts");
      json_builder_begin_object (jb);
      for (guint i = 0; i < G_N_ELEMENTS (count_kinds); i++)
        {
          json_builder_set_member_name (jb, count_kinds[i]);
          json_builder_add_int_value (jb, enlace_store_count (store, count_kinds[i]));
        }
      json_builder_end_object (jb);
      json_builder_end_object (jb);
      root = json_builder_get_root (jb);
      cli_print_json (root);
    }
  else
    {
      if (demo)
        printf (_("Wrote the demo campus to %s in %.2f s:\n"), path, (t1 - t0) / 1e6);
      else
        {
          g_autofree char *seed_s = g_strdup_printf ("%" G_GINT64_FORMAT, seed);

          printf (_("Wrote a campus of %d buildings × %d floors × %d outlets (seed %s) to %s in %.2f s:\n"),
                  buildings, floors, outlets, seed_s, path, (t1 - t0) / 1e6);
        }
      for (guint i = 0; i < G_N_ELEMENTS (count_kinds); i++)
        {
          const EnlaceKind *kind = enlace_kind_lookup (count_kinds[i]);

          printf ("  %-22s %u\n", kind ? _(kind->plural) : count_kinds[i],
                  enlace_store_count (store, count_kinds[i]));
        }
      if (cases > 0)
        printf ("  %-22s %d\n", _("Synthetic cases"), cases);
    }
  return CLI_OK;
}
