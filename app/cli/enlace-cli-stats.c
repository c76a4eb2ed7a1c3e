/* enlace-cli-stats.c: enlace-cli stats FILE --cases — the department's
 * statistics of cases
 *
 *   enlace-cli stats FILE --cases [--period P | --from DATE --to DATE] [--json]
 *
 * The period is [from, to): --to is the first day not counted.  Without
 * one, the last 12 months (this month and the eleven before).
 */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "enlace-case-stats.h"
#include "enlace-cli.h"

/* "2026-03-01" (midnight UTC) or an ISO 8601 date and time. */
static GDateTime *
parse_date (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int y, m, d;
  char rest;

  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3)
    return g_date_time_new_utc (y, m, d, 0, 0, 0);
  return g_date_time_new_from_iso8601 (text, utc);
}

static const char *
json_name (JsonObject *o)
{
  return json_object_get_string_member_with_default (o, "name", "");
}

static void
print_text (JsonObject *s)
{
  JsonArray *months = json_object_get_array_member (s, "months");
  JsonArray *a;
  guint n_months = json_array_get_length (months);

  printf (_("Cases from %s to %s (up to, not including)\n"),
          json_object_get_string_member (s, "from"), json_object_get_string_member (s, "to"));
  printf ("%-32s %8" G_GINT64_FORMAT "\n", _("Opened"), json_object_get_int_member (s, "opened"));
  printf ("%-32s %8" G_GINT64_FORMAT "\n", _("Resolved"), json_object_get_int_member (s, "resolved"));
  printf ("%-32s %8" G_GINT64_FORMAT "\n", _("Open now"), json_object_get_int_member (s, "open_now"));

  printf ("\n%s\n", _("Cases per procedure and month"));
  printf ("%-24s %7s", _("Procedure"), _("Total"));
  for (guint k = 0; k < n_months; k++)
    printf (" %7s", json_array_get_string_element (months, k));
  printf ("\n");
  a = json_object_get_array_member (s, "by_procedure");
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);
      JsonArray *m = json_object_get_array_member (o, "months");

      printf ("%-24s %7" G_GINT64_FORMAT, json_object_get_string_member (o, "code"),
              json_object_get_int_member (o, "count"));
      for (guint k = 0; k < json_array_get_length (m); k++)
        printf (" %7" G_GINT64_FORMAT, json_array_get_int_element (m, k));
      printf ("\n");
    }

  printf ("\n%s\n", _("Cases per area"));
  a = json_object_get_array_member (s, "by_area");
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);

      printf ("  %-40s %7" G_GINT64_FORMAT "\n", json_name (o), json_object_get_int_member (o, "count"));
    }

  printf ("\n%s\n", _("Cases per assignee (still open)"));
  a = json_object_get_array_member (s, "by_assignee");
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);

      printf ("  %-40s %7" G_GINT64_FORMAT " (%" G_GINT64_FORMAT ")\n", json_name (o),
              json_object_get_int_member (o, "count"), json_object_get_int_member (o, "open"));
    }

  printf ("\n%s\n", _("Open cases by age"));
  a = json_object_get_array_member (s, "open_by_age");
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);

      printf ("  %-24s %7" G_GINT64_FORMAT "\n", json_object_get_string_member (o, "label"),
              json_object_get_int_member (o, "count"));
    }

  printf ("\n%s\n", _("Time to resolve (hours)"));
  printf ("  %-22s %8s %8s %8s %8s %8s\n", _("Procedure"), _("Target"), _("Resolved"), _("Median"), _("P90"),
          _("On time"));
  a = json_object_get_array_member (s, "resolution");
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);

      printf ("  %-22s %8" G_GINT64_FORMAT " %8" G_GINT64_FORMAT " %8.1f %8.1f %8" G_GINT64_FORMAT "\n",
              json_object_get_string_member (o, "code"), json_object_get_int_member (o, "target_hours"),
              json_object_get_int_member (o, "resolved"), json_object_get_double_member (o, "median_hours"),
              json_object_get_double_member (o, "p90_hours"), json_object_get_int_member (o, "within_target"));
    }

  printf ("\n%s\n", _("Objects most linked to fault reports"));
  a = json_object_get_array_member (s, "fault_objects");
  if (json_array_get_length (a) == 0)
    printf ("  %s\n", _("(none)"));
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);

      printf ("  %-10s %-32s %5" G_GINT64_FORMAT " (%" G_GINT64_FORMAT ")\n",
              json_object_get_string_member (o, "kind"), json_object_get_string_member (o, "key"),
              json_object_get_int_member (o, "count"), json_object_get_int_member (o, "open"));
    }
}

int
cli_cmd_stats_cases (int    argc,
                     char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(JsonObject) s = NULL;
  g_autofree char *opt_from = NULL;
  g_autofree char *opt_to = NULL;
  g_autofree char *opt_period = NULL;
  gboolean opt_cases = FALSE, opt_json = FALSE;
  EnlaceStatsPeriod period = ENLACE_STATS_LAST_12_MONTHS;
  GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_NONE, &opt_cases, N_("The statistics of cases"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, N_("First day of the period (YYYY-MM-DD)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, N_("First day after the period (YYYY-MM-DD)"), N_("DATE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &opt_period,
      N_("this-month, last-3-months, this-year or last-12-months (the default)"), N_("PERIOD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON"), NULL },
    { NULL }
  };
  int status;

  if ((status = cli_parse ("stats", _("FILE --cases"),
                           _("The statistics of cases of a period [from, to): per procedure and month, per area, "
                             "per assignee, open cases by age, time to resolve (median and 90th percentile) and "
                             "the objects most linked to fault reports."),
                           entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cli_usage_error ("stats", _("expected one FILE"));
  if (opt_period && !enlace_stats_period_from_string (opt_period, &period))
    return cli_usage_error ("stats", _("unknown period “%s” (this-month, last-3-months, this-year, last-12-months)"),
                            opt_period);
  if (opt_period && (opt_from || opt_to))
    return cli_usage_error ("stats", _("give either --period or --from and --to"));
  enlace_stats_period_bounds (period, NULL, &from, &to);
  if (opt_from)
    {
      g_clear_pointer (&from, g_date_time_unref);
      if (!(from = parse_date (opt_from)))
        return cli_usage_error ("stats", _("“%s” is not a date (YYYY-MM-DD)"), opt_from);
    }
  if (opt_to)
    {
      g_clear_pointer (&to, g_date_time_unref);
      if (!(to = parse_date (opt_to)))
        return cli_usage_error ("stats", _("“%s” is not a date (YYYY-MM-DD)"), opt_to);
    }
  if (g_date_time_compare (to, from) <= 0)
    return cli_usage_error ("stats", _("--to must come after --from"));

  if (!(store = cli_open (argv[1], FALSE, &error)))
    return cli_fail (g_steal_pointer (&error));
  s = enlace_case_stats (store, from, to, NULL, &error);
  if (s == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), s);

      cli_print_json (node);
    }
  else
    print_text (s);
  return CLI_OK;
}
