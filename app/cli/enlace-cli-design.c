/* enlace-cli-design.c: enlace-cli design FILE place|route|runs — outlets
 * in bulk by rule, runs to the telecom rooms and the planned cables
 * (model/design). */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "enlace-cli.h"
#include "enlace-design.h"

static JsonObject *
outlet_json (const EnlaceDesignOutlet *o)
{
  JsonObject *j = json_object_new ();

  if (o->outlet_id)
    json_object_set_int_member (j, "id", o->outlet_id);
  json_object_set_string_member (j, "name", o->name ? o->name : "");
  json_object_set_string_member (j, "space", o->space_code ? o->space_code : "");
  json_object_set_double_member (j, "x", o->p.x);
  json_object_set_double_member (j, "y", o->p.y);
  json_object_set_double_member (j, "rotation", o->rotation);
  json_object_set_int_member (j, "data", o->n_data);
  json_object_set_int_member (j, "voice", o->n_voice);
  return j;
}

static JsonObject *
run_json (const EnlaceDesignRun *r)
{
  JsonObject *j = json_object_new ();

  json_object_set_string_member (j, "outlet", r->outlet->name ? r->outlet->name : "");
  json_object_set_string_member (j, "space", r->outlet->space_code ? r->outlet->space_code : "");
  if (r->room_id == 0)
    {
      json_object_set_null_member (j, "room");
      return j;
    }
  json_object_set_string_member (j, "room", r->room_code);
  json_object_set_string_member (j, "rack", r->rack_name);
  json_object_set_double_member (j, "route_m", r->route_m);
  json_object_set_double_member (j, "vertical_m", r->vertical_m);
  json_object_set_double_member (j, "slack_m", r->slack_m);
  json_object_set_double_member (j, "length_m", r->length_m);
  json_object_set_boolean_member (j, "over_limit", r->over_limit);
  json_object_set_int_member (j, "points", r->points ? r->points->len : 0);
  return j;
}

static int
print_result (GPtrArray  *outlets,
              GPtrArray  *runs,
              gboolean    json,
              gboolean    made)
{
  guint over = 0, unreached = 0;

  for (guint i = 0; runs && i < runs->len; i++)
    {
      EnlaceDesignRun *r = g_ptr_array_index (runs, i);

      over += r->over_limit;
      unreached += r->room_id == 0;
    }
  if (json)
    {
      g_autoptr(JsonObject) o = json_object_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_object_set_boolean_member (o, "made", made);
      if (outlets)
        {
          JsonArray *a = json_array_new ();

          for (guint i = 0; i < outlets->len; i++)
            json_array_add_object_element (a, outlet_json (g_ptr_array_index (outlets, i)));
          json_object_set_array_member (o, "outlets", a);
        }
      if (runs)
        {
          JsonArray *a = json_array_new ();

          for (guint i = 0; i < runs->len; i++)
            json_array_add_object_element (a, run_json (g_ptr_array_index (runs, i)));
          json_object_set_array_member (o, "runs", a);
          json_object_set_int_member (o, "over_limit", over);
          json_object_set_int_member (o, "unreached", unreached);
        }
      json_node_set_object (node, o);
      cli_print_json (node);
      return 0;
    }
  if (outlets && !runs)
    for (guint i = 0; i < outlets->len; i++)
      {
        EnlaceDesignOutlet *o = g_ptr_array_index (outlets, i);

        printf ("%-14s  %-6s  (%7.2f, %7.2f)  %3.0f°  %u+%u\n", o->name, o->space_code,
                o->p.x, o->p.y, o->rotation, o->n_data, o->n_voice);
      }
  for (guint i = 0; runs && i < runs->len; i++)
    {
      EnlaceDesignRun *r = g_ptr_array_index (runs, i);

      if (r->room_id == 0)
        printf ("%-14s  %-6s  %s\n", r->outlet->name, r->outlet->space_code, _("no telecom room reached"));
      else
        printf ("%-14s  %-6s  → %-4s %-10s  %6.1f m%s\n", r->outlet->name, r->outlet->space_code,
                r->room_code, r->rack_name, r->length_m, r->over_limit ? _("  beyond the limit") : "");
    }
  if (runs)
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "%u run", "%u runs", runs->len), runs->len);
      printf (_(", %u beyond the limit, %u unreached"), over, unreached);
      printf ("%s\n", made ? _(" (made)") : _(" (preview: nothing written)"));
    }
  else if (outlets)
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "%u outlet", "%u outlets", outlets->len), outlets->len);
      printf ("%s\n", made ? _(" (made)") : _(" (preview: nothing written)"));
    }
  return 0;
}

int
cli_cmd_design (int    argc,
                char **argv)
{
  gboolean opt_json = FALSE, opt_dry = FALSE, opt_route = FALSE;
  char *opt_floor = NULL, *opt_spaces = NULL, *opt_kinds = NULL, *opt_walls = NULL, *opt_room = NULL;
  char *opt_type = NULL;
  double opt_m2 = -1, opt_height = -1, opt_max = -1;
  int opt_per_ws = -1, opt_min = -1, opt_data = -1, opt_voice = -1, opt_ports = -1;
  GOptionEntry entries[] = {
    { "floor", 0, 0, G_OPTION_ARG_STRING, &opt_floor, N_("The floor (BUILDING/LEVEL)"), N_("KEY") },
    { "spaces", 0, 0, G_OPTION_ARG_STRING, &opt_spaces, N_("Only these spaces (codes, comma-separated)"), N_("CODES") },
    { "kinds", 0, 0, G_OPTION_ARG_STRING, &opt_kinds, N_("Kinds of space the rule applies to (comma-separated)"), N_("KINDS") },
    { "m2-per-workstation", 0, 0, G_OPTION_ARG_DOUBLE, &opt_m2, N_("One workstation per this many m² (10)"), N_("M2") },
    { "per-workstation", 0, 0, G_OPTION_ARG_INT, &opt_per_ws, N_("Outlets per workstation (1)"), N_("N") },
    { "min", 0, 0, G_OPTION_ARG_INT, &opt_min, N_("Outlets per space at least (1)"), N_("N") },
    { "data", 0, 0, G_OPTION_ARG_INT, &opt_data, N_("Data jacks per outlet (2)"), N_("N") },
    { "voice", 0, 0, G_OPTION_ARG_INT, &opt_voice, N_("Voice jacks per outlet (0)"), N_("N") },
    { "walls", 0, 0, G_OPTION_ARG_STRING, &opt_walls, N_("Walls: north, east, south, west or all"), N_("SIDES") },
    { "height", 0, 0, G_OPTION_ARG_DOUBLE, &opt_height, N_("Height of the outlets, m (0.3)"), N_("M") },
    { "route", 0, 0, G_OPTION_ARG_NONE, &opt_route, N_("place: route the new outlets and assign their ports too"), NULL },
    { "room", 0, 0, G_OPTION_ARG_STRING, &opt_room, N_("The telecom room that serves them (a space key; default: the nearest)"), N_("KEY") },
    { "max-length", 0, 0, G_OPTION_ARG_DOUBLE, &opt_max, N_("Longest permanent link, m (the rule set's permanent-link.max-m, 90)"), N_("M") },
    { "cable-type", 0, 0, G_OPTION_ARG_STRING, &opt_type, N_("Type of the planned cables (cat6a)"), N_("TYPE") },
    { "panel-ports", 0, 0, G_OPTION_ARG_INT, &opt_ports, N_("Ports of a patch panel added when one fills (24)"), N_("N") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &opt_dry, N_("Show what would be made; write nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GArray) space_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) kinds = NULL;
  g_autofree char *floor_key = NULL;
  EnlaceDesignRule rule;
  EnlaceDesignOptions opts;
  const char *action;
  gint64 floor_id;
  int rc;

  rc = cli_parse ("design", _("FILE place|route|runs"),
                  _("Designs the cabling of a floor.  “place” proposes outlets on the floor's spaces by a rule "
                    "(workstations per m², outlets per workstation, jacks, walls, height) and makes them; with "
                    "--route it also routes them.  “route” routes the outlets of the floor that have no cable yet "
                    "to the nearest telecom room its pathways reach (or --room), assigns patch-panel ports in "
                    "the order of the spaces (adding a panel when one fills) and makes the planned horizontal "
                    "cables with their lengths (route + vertical legs + slack).  “runs” lists the runs of the "
                    "floor's cables.  Each change is one undoable command; --dry-run writes nothing."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 3)
    return cli_usage_error ("design", "%s", _("expected FILE and place, route or runs"));
  action = argv[2];
  if (!g_str_equal (action, "place") && !g_str_equal (action, "route") && !g_str_equal (action, "runs"))
    return cli_usage_error ("design", _("unknown action “%s”: expected place, route or runs"), action);
  if (opt_floor == NULL)
    return cli_usage_error ("design", "%s", _("--floor is required"));

  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  floor_id = enlace_store_lookup (store, "floor", opt_floor, &error);
  if (floor_id <= 0)
    return cli_fail (g_steal_pointer (&error));
  floor_key = enlace_store_dup_key (store, "floor", floor_id);

  if (!enlace_design_options_load (store, &opts, &error))
    return cli_fail (g_steal_pointer (&error));
  if (opt_max > 0)
    opts.max_length = opt_max;
  if (opt_type)
    opts.cable_type = opt_type;
  if (opt_ports > 0)
    opts.panel_ports = opt_ports;
  if (opt_room)
    {
      opts.room_id = enlace_store_lookup (store, "space", opt_room, &error);
      if (opts.room_id <= 0)
        return cli_fail (g_steal_pointer (&error));
    }

  if (g_str_equal (action, "runs"))
    {
      runs = enlace_design_floor_runs (store, floor_id, &opts, &error);
      if (runs == NULL)
        return cli_fail (g_steal_pointer (&error));
      return print_result (NULL, runs, opt_json, TRUE);
    }

  if (g_str_equal (action, "route"))
    {
      outlets = enlace_design_floor_outlets (store, floor_id, TRUE, &error);
      if (outlets == NULL)
        return cli_fail (g_steal_pointer (&error));
      runs = enlace_design_route (store, outlets, &opts, &error);
      if (runs == NULL)
        return cli_fail (g_steal_pointer (&error));
      if (!opt_dry && runs->len > 0 && !enlace_design_route_apply (store, runs, &opts, &error))
        return cli_fail (g_steal_pointer (&error));
      return print_result (NULL, runs, opt_json, !opt_dry && runs->len > 0);
    }

  enlace_design_rule_init (&rule);
  if (opt_m2 >= 0)
    rule.m2_per_workstation = opt_m2;
  if (opt_per_ws >= 0)
    rule.outlets_per_workstation = opt_per_ws;
  if (opt_min >= 0)
    rule.min_outlets = opt_min;
  if (opt_data >= 0)
    rule.n_data = opt_data;
  if (opt_voice >= 0)
    rule.n_voice = opt_voice;
  if (opt_height > 0)
    rule.height = opt_height;
  if (opt_walls)
    {
      rule.walls = enlace_design_walls_parse (opt_walls, &error);
      if (rule.walls == 0)
        return cli_fail (g_steal_pointer (&error));
    }
  if (opt_kinds)
    rule.kinds = kinds = g_strsplit (opt_kinds, ",", -1);
  if (opt_spaces)
    {
      g_auto(GStrv) codes = g_strsplit (opt_spaces, ",", -1);

      for (guint i = 0; codes[i]; i++)
        {
          g_autofree char *key = g_strdup_printf ("%s/%s", floor_key, g_strstrip (codes[i]));
          gint64 id = enlace_store_lookup (store, "space", key, &error);

          if (id <= 0)
            return cli_fail (g_steal_pointer (&error));
          g_array_append_val (space_ids, id);
        }
    }
  outlets = enlace_design_place_preview (store, floor_id, space_ids->len ? (gint64 *)space_ids->data : NULL,
                                         space_ids->len, &rule, &error);
  if (outlets == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_route)
    {
      if (opt_dry)
        {
          runs = enlace_design_route (store, outlets, &opts, &error);
          if (runs == NULL)
            return cli_fail (g_steal_pointer (&error));
        }
      else if (!enlace_design_apply (store, outlets, &opts, &runs, &error))
        return cli_fail (g_steal_pointer (&error));
    }
  else if (!opt_dry && !enlace_design_place_apply (store, outlets, &error))
    return cli_fail (g_steal_pointer (&error));
  return print_result (outlets, runs, opt_json, !opt_dry);
}
