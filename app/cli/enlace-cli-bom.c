/* enlace-cli-bom.c: the bill of materials, the price list, labels and
 * installation (model/bom)
 *
 *   enlace-cli bom FILE [--building B] [--floor F] [--planned] [--json|--csv] [--pdf OUT]
 *   enlace-cli prices FILE import PRICES.csv | list [--json] | set ITEM PRICE
 *   enlace-cli label-templates FILE templates | template NAME STYLE PATTERN
 *                        | preview NAME [--building B] [--floor F] [--which W] [--json]
 *                        | apply NAME [--building B] [--floor F] [--which W]
 *   enlace-cli install FILE order BUILDING LEVEL | run LABEL --result pass|fail [--length M] [--margin DB]
 *   enlace-cli certify FILE RESULTS.csv [--dry-run] [--json]
 */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "enlace-bom.h"
#include "enlace-cases.h"
#include "enlace-cli.h"
#include "enlace-install.h"
#include "enlace-label-templates.h"
#include "enlace-money.h"
#include "enlace-render-bom.h"

static void
print_object (JsonObject *o)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, o);
  cli_print_json (node);
}

static void
print_group (EnlaceBomGroup *g)
{
  if (g->has_floor)
    printf ("\n%s %s — %s (%s %d)\n", _("Building"), g->building, g->floor_name, _("level"), g->level);
  else if (g->building)
    printf ("\n%s %s — %s\n", _("Building"), g->building, g->building_name);
  else
    printf ("\n%s\n", _("Total"));
  for (guint i = 0; i < g->lines->len; i++)
    {
      EnlaceBomLine *l = g_ptr_array_index (g->lines, i);
      g_autofree char *q = enlace_bom_line_dup_quantity (l);

      printf ("  %-24s %-40s %14s", l->item, l->description, q);
      if (l->unit_price >= 0)
        {
          g_autofree char *cost = enlace_money_format (l->cost, g->currency);
          printf (" %16s", cost);
        }
      if (g_str_equal (l->category, "cable"))
        {
          g_autofree char *metres = enlace_number_format (l->metres, 1);

          printf (_("  (%u runs, %s m)"), l->runs, metres);
          if (l->unknown_length)
            printf (_(" %u without length"), l->unknown_length);
          if (l->too_long)
            printf (_(" %u longer than a box"), l->too_long);
        }
      printf ("\n");
    }
  {
    g_autofree char *cost = enlace_money_format (g->cost, g->currency);
    printf ("  %-24s %-40s %14s %16s", "", _("Cost"), "", cost);
  }
  if (g->unpriced)
    printf (_("  (%u lines without a price)"), g->unpriced);
  printf ("\n");
}

int
cli_cmd_bom (int    argc,
             char **argv)
{
  g_autofree char *opt_building = NULL;
  g_autofree char *opt_floor = NULL;
  g_autofree char *opt_pdf = NULL;
  gboolean opt_json = FALSE, opt_csv = FALSE, opt_planned = FALSE;
  GOptionEntry entries[] = {
    { "building", 0, 0, G_OPTION_ARG_STRING, &opt_building, N_("Only this building (its code)"), N_("B") },
    { "floor", 0, 0, G_OPTION_ARG_STRING, &opt_floor, N_("Only the floor at this level"), N_("F") },
    { "planned", 0, 0, G_OPTION_ARG_NONE, &opt_planned, N_("Only planned objects (the design)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &opt_csv, N_("CSV output"), NULL },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &opt_pdf, N_("Write the bill as a PDF table"), N_("OUT") },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceBom) bom = NULL;
  int rc;

  rc = cli_parse ("bom", _("FILE"),
                  _("The bill of materials: cable in 305 m boxes, jacks, faceplates, panels, cords, racks, "
                    "managers, pathways and labels, per floor, per building and in total, costed with the "
                    "project's price list."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 2)
    return cli_usage_error ("bom", "%s", _("expected FILE"));
  if (opt_json && opt_csv)
    return cli_usage_error ("bom", "%s", _("--json and --csv exclude each other"));
  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  bom = enlace_bom_compute (store, opt_building, opt_floor, opt_planned, &error);
  if (bom == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_pdf && !enlace_render_bom_pdf (store, bom, opt_pdf, &error))
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    print_object (enlace_bom_to_json (bom));
  else if (opt_csv)
    {
      g_autofree char *csv = enlace_bom_to_csv (bom);

      fputs (csv, stdout);
    }
  else if (opt_pdf == NULL)
    {
      for (guint i = 0; i < bom->floors->len; i++)
        print_group (g_ptr_array_index (bom->floors, i));
      for (guint i = 0; i < bom->buildings->len; i++)
        print_group (g_ptr_array_index (bom->buildings, i));
      print_group (bom->total);
    }
  return CLI_OK;
}

static gboolean
read_file (const char  *path,
           char       **text,
           gsize       *len,
           GError     **error)
{
  return g_file_get_contents (path, text, len, error);
}

int
cli_cmd_prices (int    argc,
                char **argv)
{
  gboolean opt_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  rc = cli_parse ("prices", _("FILE import PRICES.csv | list | set ITEM PRICE"),
                  _("The price list of the project (item, price), used to cost the bill of materials."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc < 3)
    return cli_usage_error ("prices", "%s", _("expected FILE and import, list or set"));
  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (g_str_equal (argv[2], "import") && argc == 4)
    {
      g_autofree char *text = NULL;
      gsize len;
      guint n;

      if (!read_file (argv[3], &text, &len, &error))
        return cli_fail (g_steal_pointer (&error));
      n = enlace_bom_prices_import (store, text, len, &error);
      if (n == 0)
        return cli_fail (g_steal_pointer (&error));
      printf (g_dngettext (NULL, "%u price imported\n", "%u prices imported\n", n), n);
      return CLI_OK;
    }
  if (g_str_equal (argv[2], "set") && argc == 5)
    {
      double price;
      char *end = NULL;

      price = g_ascii_strtod (argv[4], &end);
      if (end == argv[4] || *end != '\0')
        return cli_usage_error ("prices", _("“%s” is not a price"), argv[4]);
      if (!enlace_bom_price_set (store, argv[3], price, NULL, &error))
        return cli_fail (g_steal_pointer (&error));
      return CLI_OK;
    }
  if (g_str_equal (argv[2], "list") && argc == 3)
    {
      g_autoptr(GPtrArray) prices = enlace_bom_prices (store, &error);
      JsonArray *a = json_array_new ();

      if (prices == NULL)
        {
          json_array_unref (a);
          return cli_fail (g_steal_pointer (&error));
        }
      for (guint i = 0; i < prices->len; i++)
        {
          EnlaceBomPrice *p = g_ptr_array_index (prices, i);
          JsonObject *o = json_object_new ();

          json_object_set_string_member (o, "item", p->item);
          json_object_set_double_member (o, "price", p->price);
          if (p->description)
            json_object_set_string_member (o, "description", p->description);
          json_array_add_object_element (a, o);
          if (!opt_json)
            printf ("%-28s %12.2f  %s\n", p->item, p->price, p->description ? p->description : "");
        }
      if (opt_json)
        {
          g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

          json_node_take_array (node, a);
          cli_print_json (node);
        }
      else
        json_array_unref (a);
      return CLI_OK;
    }
  return cli_usage_error ("prices", "%s", _("expected import PRICES.csv, list, or set ITEM PRICE"));
}

static gboolean
parse_which (const char        *text,
             EnlaceLabelsWhich *out)
{
  if (text == NULL || g_str_equal (text, "all"))
    *out = ENLACE_LABELS_ALL;
  else if (g_str_equal (text, "planned"))
    *out = ENLACE_LABELS_PLANNED;
  else if (g_str_equal (text, "existing"))
    *out = ENLACE_LABELS_EXISTING;
  else
    return FALSE;
  return TRUE;
}

int
cli_cmd_label_templates (int    argc,
                char **argv)
{
  g_autofree char *opt_building = NULL;
  g_autofree char *opt_floor = NULL;
  g_autofree char *opt_which = NULL;
  gboolean opt_json = FALSE;
  GOptionEntry entries[] = {
    { "building", 0, 0, G_OPTION_ARG_STRING, &opt_building, N_("Only this building (its code)"), N_("B") },
    { "floor", 0, 0, G_OPTION_ARG_STRING, &opt_floor, N_("Only the floor at this level"), N_("F") },
    { "which", 0, 0, G_OPTION_ARG_STRING, &opt_which, N_("planned, existing or all runs (default all)"), N_("W") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  EnlaceLabelsWhich which;
  int rc;

  rc = cli_parse ("label-templates", _("FILE templates | template NAME STYLE PATTERN | preview NAME | apply NAME"),
                  _("Label templates (TIA-606 class 3: styles fs-an and rack) and their application to the "
                    "runs, panel ports and faceplates.  Placeholders: {b} building, {f} floor, {s} space, "
                    "{fs} floor and space, {p} panel letters, {n} port, {r} rack, {u} unit, {d} panel; "
                    "{n:2} pads to two digits."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc < 3)
    return cli_usage_error ("label-templates", "%s", _("expected FILE and templates, template, preview or apply"));
  if (!parse_which (opt_which, &which))
    return cli_usage_error ("label-templates", _("--which must be planned, existing or all, not “%s”"), opt_which);
  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (g_str_equal (argv[2], "templates") && argc == 3)
    {
      g_autoptr(GPtrArray) all = enlace_label_templates (store, &error);

      if (all == NULL)
        return cli_fail (g_steal_pointer (&error));
      for (guint i = 0; i < all->len; i++)
        {
          EnlaceLabelTemplate *t = g_ptr_array_index (all, i);

          printf ("%-24s %-6s %s\n", t->name, t->style, t->pattern);
        }
      return CLI_OK;
    }
  if (g_str_equal (argv[2], "template") && argc == 6)
    {
      if (!enlace_label_template_set (store, argv[3], argv[4], argv[5], &error))
        return cli_fail (g_steal_pointer (&error));
      return CLI_OK;
    }
  if (g_str_equal (argv[2], "preview") && argc == 4)
    {
      g_autoptr(GPtrArray) changes = enlace_labels_preview (store, argv[3], opt_building, opt_floor, which, &error);
      JsonArray *a;

      if (changes == NULL)
        return cli_fail (g_steal_pointer (&error));
      a = json_array_new ();
      for (guint i = 0; i < changes->len; i++)
        {
          EnlaceLabelChange *c = g_ptr_array_index (changes, i);
          JsonObject *o = json_object_new ();

          json_object_set_string_member (o, "kind", c->kind);
          json_object_set_string_member (o, "object", c->object);
          if (c->old_text)
            json_object_set_string_member (o, "old", c->old_text);
          else
            json_object_set_null_member (o, "old");
          json_object_set_string_member (o, "new", c->new_text);
          json_array_add_object_element (a, o);
          if (!opt_json)
            printf ("%-6s %-24s %s → %s\n", c->kind, c->object, c->old_text ? c->old_text : "—", c->new_text);
        }
      if (opt_json)
        {
          g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

          json_node_take_array (node, a);
          cli_print_json (node);
        }
      else
        json_array_unref (a);
      return CLI_OK;
    }
  if (g_str_equal (argv[2], "apply") && argc == 4)
    {
      guint n = 0;

      if (!enlace_labels_apply (store, argv[3], opt_building, opt_floor, which, &n, &error))
        return cli_fail (g_steal_pointer (&error));
      printf (g_dngettext (NULL, "%u label changed\n", "%u labels changed\n", n), n);
      return CLI_OK;
    }
  return cli_usage_error ("label-templates", "%s", _("expected templates, template NAME STYLE PATTERN, preview NAME or apply NAME"));
}

int
cli_cmd_install (int    argc,
                 char **argv)
{
  g_autofree char *opt_result = NULL;
  double opt_length = NAN, opt_margin = NAN;
  gboolean opt_json = FALSE;
  GOptionEntry entries[] = {
    { "result", 0, 0, G_OPTION_ARG_STRING, &opt_result, N_("The test's result: pass or fail"), N_("R") },
    { "length", 0, 0, G_OPTION_ARG_DOUBLE, &opt_length, N_("The tested length in metres"), N_("M") },
    { "margin", 0, 0, G_OPTION_ARG_DOUBLE, &opt_margin, N_("The test's worst margin in dB"), N_("DB") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  rc = cli_parse ("install", _("FILE order BUILDING LEVEL | run LABEL --result pass|fail"),
                  _("Sends a floor's design (its planned objects) to installation as a modification order, "
                    "or records the installation and test of a run."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc < 3)
    return cli_usage_error ("install", "%s", _("expected FILE and order or run"));
  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (g_str_equal (argv[2], "order") && argc == 5)
    {
      guint n = 0;
      gint64 id = enlace_install_floor_order (store, argv[3], argv[4], NULL, &n, &error);
      g_autoptr(EnlaceCase) c = NULL;

      if (id == 0)
        return cli_fail (g_steal_pointer (&error));
      c = enlace_case_get (store, id, NULL);
      if (opt_json)
        {
          JsonObject *o = json_object_new ();

          json_object_set_string_member (o, "folio", c ? c->row->folio : "");
          json_object_set_int_member (o, "changes", n);
          print_object (o);
        }
      else
        printf (_("Order %s: %u changes\n"), c ? c->row->folio : "?", n);
      return CLI_OK;
    }
  if (g_str_equal (argv[2], "run") && argc == 4)
    {
      gboolean passed;

      if (g_strcmp0 (opt_result, "pass") == 0)
        passed = TRUE;
      else if (g_strcmp0 (opt_result, "fail") == 0)
        passed = FALSE;
      else
        return cli_usage_error ("install", "%s", _("--result must be pass or fail"));
      if (!enlace_install_run (store, argv[3], opt_length, passed, opt_margin, &error))
        return cli_fail (g_steal_pointer (&error));
      return CLI_OK;
    }
  return cli_usage_error ("install", "%s", _("expected order BUILDING LEVEL or run LABEL"));
}

int
cli_cmd_certify (int    argc,
                 char **argv)
{
  gboolean opt_json = FALSE, opt_dry = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &opt_dry, N_("Report the matches without recording them"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCertifyReport) report = NULL;
  g_autofree char *text = NULL;
  gsize len;
  int rc;

  rc = cli_parse ("certify", _("FILE RESULTS.csv"),
                  _("Imports a cable certifier's results (label, length, pass/fail, margin), matches them "
                    "to the runs by label and lists the rows that do not match."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 3)
    return cli_usage_error ("certify", "%s", _("expected FILE and RESULTS.csv"));
  if (!read_file (argv[2], &text, &len, &error))
    return cli_fail (g_steal_pointer (&error));
  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  report = enlace_install_certify (store, text, len, opt_dry, &error);
  if (report == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      print_object (enlace_certify_report_to_json (report));
      return CLI_OK;
    }
  printf (_("%u rows: %u matched (%u pass, %u fail), %u not matched\n"),
          report->rows, report->matched, report->passed, report->failed, report->unmatched->len);
  for (guint i = 0; i < report->unmatched->len; i++)
    {
      JsonObject *o = g_ptr_array_index (report->unmatched, i);

      printf (_("  line %u: %s: %s\n"), (guint)json_object_get_int_member (o, "line"),
              json_object_get_string_member (o, "label"), json_object_get_string_member (o, "reason"));
    }
  return CLI_OK;
}
