/* enlace-cli-rules.c: the cabling rules of a project
 *
 *   enlace-cli check FILE --rules [--building B [--floor LEVEL]] [--json]
 *   enlace-cli rules FILE show [--json]
 *   enlace-cli rules FILE set NAME VALUE
 *   enlace-cli rules FILE reset
 *
 * `check --rules` checks the design against the project's rule set
 * (model/rules/enlace-rules.h) instead of the file's integrity: exit
 * status 1 when a rule fails, as `check` does when it finds a problem.
 */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "enlace-cli.h"
#include "enlace-rules.h"

static gboolean opt_json;
static gboolean opt_rules;
static char *opt_building;
static char *opt_floor;

static GOptionEntry check_entries[] = {
  { "rules", 0, 0, G_OPTION_ARG_NONE, &opt_rules, N_("Check the design against the project's cabling rules"), NULL },
  { "building", 0, 0, G_OPTION_ARG_STRING, &opt_building, N_("Only this building (its code)"), N_("CODE") },
  { "floor", 0, 0, G_OPTION_ARG_STRING, &opt_floor, N_("Only this floor: its level (with --building) or BUILDING/LEVEL"), N_("FLOOR") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
  { NULL }
};

static GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
  { NULL }
};

static char *
format_figure (double      v,
               const char *unit)
{
  if (unit == NULL || *unit == '\0')
    return g_strdup_printf ("%g", v);
  if (strcmp (unit, "%") == 0)
    return g_strdup_printf ("%.0f %%", v);
  return g_strdup_printf ("%.1f %s", v, unit);
}

int
cli_cmd_check_rules (int    argc,
                     char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceRuleReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 building_id = 0, floor_id = 0;
  int status;

  if ((status = cli_parse ("check", _("FILE --rules"),
                           _("Check the design against the project's cabling rules (lengths, reach, "
                             "connections, pathway fill, telecom rooms, backbone): each failure names the rule, "
                             "the figures and the objects. Exit status 1 when a rule fails."),
                           check_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cli_usage_error ("check", _("expected one FILE"));
  if (opt_floor != NULL && opt_building == NULL && strchr (opt_floor, '/') == NULL)
    return cli_usage_error ("check", _("--floor needs --building, or a floor written BUILDING/LEVEL"));
  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));

  if (opt_floor != NULL)
    {
      g_autofree char *key = opt_building && strchr (opt_floor, '/') == NULL
                             ? g_strdup_printf ("%s/%s", opt_building, opt_floor)
                             : g_strdup (opt_floor);

      floor_id = enlace_store_lookup (store, "floor", key, &error);
      if (floor_id == 0)
        return cli_fail (g_steal_pointer (&error));
    }
  else if (opt_building != NULL)
    {
      building_id = enlace_store_lookup (store, "building", opt_building, &error);
      if (building_id == 0)
        return cli_fail (g_steal_pointer (&error));
    }

  report = enlace_rules_check (store, NULL, building_id, floor_id, &error);
  if (report == NULL)
    return cli_fail (g_steal_pointer (&error));

  if (opt_json)
    {
      g_autoptr(JsonNode) node = enlace_rule_report_to_json (report);

      cli_print_json (node);
    }
  else
    {
      printf (_("Rule set: %s\n"), report->rule_set);
      for (guint i = 0; i < report->failures->len; i++)
        {
          EnlaceRuleFailure *f = g_ptr_array_index (report->failures, i);
          g_autofree char *value = format_figure (f->value, f->unit);
          g_autofree char *limit = format_figure (f->limit, f->unit);
          GString *objects = g_string_new (NULL);

          for (guint k = 0; k < f->objects->len; k++)
            {
              EnlaceRuleObject *o = &g_array_index (f->objects, EnlaceRuleObject, k);

              g_string_append_printf (objects, "%s%s %s", k ? ", " : "", o->kind, o->key);
            }
          /* TRANSLATORS: rule label [rule name]: message (value / limit); objects */
          printf (_("Failure: %s [%s]: %s (%s / %s)\n  objects: %s\n"),
                  enlace_rules_rule_label (f->rule), f->rule_name, f->message,
                  value, limit, objects->str);
          g_string_free (objects, TRUE);
        }
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "%u failure on %u floor (%u outlets, %u links, %u pathways, %u backbone cables).\n",
                           "%u failures on %u floors (%u outlets, %u links, %u pathways, %u backbone cables).\n",
                           report->n_floors),
              report->failures->len, report->n_floors, report->n_outlets, report->n_links,
              report->n_pathways, report->n_backbones);
    }
  return report->failures->len == 0 ? CLI_OK : CLI_ERROR;
}

/* `check FILE --rules …` goes to cli_cmd_check_rules; plain `check` is
 * unchanged. */
gboolean
cli_check_wants_rules (int    argc,
                       char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_strcmp0 (argv[i], "--rules") == 0)
      return TRUE;
  return FALSE;
}

int
cli_cmd_rules (int    argc,
               char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceRuleSet) set = NULL;
  g_autoptr(GError) error = NULL;
  const char *action;
  int status;

  if ((status = cli_parse ("rules", _("FILE show|set NAME VALUE|reset"),
                           _("Show or change the project's cabling rule set (the defaults of TIA-568 and "
                             "TIA-569 with the project's values over them). Each change is one undoable command."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc < 3)
    return cli_usage_error ("rules", _("expected FILE and show, set or reset"));
  action = argv[2];
  if (strcmp (action, "show") == 0 && argc != 3)
    return cli_usage_error ("rules", _("show takes no arguments"));
  if (strcmp (action, "set") == 0 && argc != 5)
    return cli_usage_error ("rules", _("expected set NAME VALUE"));
  if (strcmp (action, "reset") == 0 && argc != 3)
    return cli_usage_error ("rules", _("reset takes no arguments"));
  if (strcmp (action, "show") != 0 && strcmp (action, "set") != 0 && strcmp (action, "reset") != 0)
    return cli_usage_error ("rules", _("unknown action “%s”: expected show, set or reset"), action);

  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));

  if (strcmp (action, "set") == 0)
    {
      if (!enlace_rules_set_value (store, argv[3], argv[4], &error))
        return cli_fail (g_steal_pointer (&error));
      return CLI_OK;
    }
  if (strcmp (action, "reset") == 0)
    {
      if (!enlace_rules_reset (store, &error))
        return cli_fail (g_steal_pointer (&error));
      return CLI_OK;
    }

  set = enlace_rule_set_load (store, &error);
  if (set == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      g_autoptr(JsonNode) node = enlace_rule_set_to_json (set);

      cli_print_json (node);
      return CLI_OK;
    }
  printf (_("Rule set: %s\n"), enlace_rule_set_get_name (set));
  for (guint i = 0; i < enlace_rule_set_get_rules (set)->len; i++)
    {
      EnlaceRule *r = g_ptr_array_index (enlace_rule_set_get_rules (set), i);

      if (strcmp (r->name, "name") == 0)
        continue;
      printf ("  %-28s %10s %-3s %s%s\n", r->name, r->value, r->unit, r->label,
              r->changed ? _(" (changed)") : "");
    }
  return CLI_OK;
}
