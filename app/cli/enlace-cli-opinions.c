/* enlace-cli-opinions.c: enlace-cli opinion — the quotes and the
 * resolution of a technical opinion (dictamen técnico). */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "enlace-cases.h"
#include "enlace-cli.h"
#include "enlace-opinions.h"

static gint64
lookup_case (EnlaceStore  *store,
             const char   *folio,
             GError      **error)
{
  return enlace_cases_lookup (store, folio, error);
}

static void
set_opt (JsonObject *v,
         const char *name,
         const char *value)
{
  if (value != NULL)
    json_object_set_string_member (v, name, value);
}

static int
quote_add (int    argc,
           char **argv)
{
  g_autofree char *vendor = NULL, *item = NULL, *brand = NULL, *model = NULL, *spec = NULL;
  g_autofree char *price = NULL, *quantity = NULL, *currency = NULL, *delivery = NULL;
  g_autofree char *warranty = NULL, *meets = NULL, *notes = NULL;
  gboolean opt_json = FALSE;
  GOptionEntry entries[] = {
    { "vendor", 0, 0, G_OPTION_ARG_STRING, &vendor, N_("The vendor"), N_("NAME") },
    { "item", 0, 0, G_OPTION_ARG_STRING, &item, N_("What is quoted"), N_("TEXT") },
    { "brand", 0, 0, G_OPTION_ARG_STRING, &brand, N_("Brand"), N_("TEXT") },
    { "model", 0, 0, G_OPTION_ARG_STRING, &model, N_("Model"), N_("TEXT") },
    { "spec", 0, 0, G_OPTION_ARG_STRING, &spec, N_("Specification"), N_("TEXT") },
    { "price", 0, 0, G_OPTION_ARG_STRING, &price, N_("Unit price (0 or more)"), N_("AMOUNT") },
    { "quantity", 0, 0, G_OPTION_ARG_STRING, &quantity, N_("Quantity (1 or more, default 1)"), N_("N") },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency, N_("Three-letter currency code (default MXN)"), N_("CODE") },
    { "delivery", 0, 0, G_OPTION_ARG_STRING, &delivery, N_("Delivery time in days"), N_("DAYS") },
    { "warranty", 0, 0, G_OPTION_ARG_STRING, &warranty, N_("Warranty in months"), N_("MONTHS") },
    { "meets", 0, 0, G_OPTION_ARG_STRING, &meets, N_("Meets the requirements: yes or no"), N_("yes|no") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Notes"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  g_autoptr(GPtrArray) quotes = NULL;
  gint64 case_id, id;
  int rc;

  rc = cli_parse ("opinion quote add", _("FILE FOLIO"),
                  _("Adds a vendor's quote to a technical opinion (one command that can be undone)."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 3)
    return cli_usage_error ("opinion quote add", "%s", _("expected FILE and FOLIO"));
  set_opt (v, "vendor", vendor);
  set_opt (v, "item", item);
  set_opt (v, "brand", brand);
  set_opt (v, "model", model);
  set_opt (v, "specification", spec);
  set_opt (v, "unit_price", price);
  set_opt (v, "quantity", quantity);
  set_opt (v, "currency", currency);
  set_opt (v, "delivery_days", delivery);
  set_opt (v, "warranty_months", warranty);
  set_opt (v, "meets", meets);
  set_opt (v, "notes", notes);
  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  case_id = lookup_case (store, argv[2], &error);
  if (case_id <= 0)
    return cli_fail (g_steal_pointer (&error));
  id = enlace_opinion_quote_add (store, case_id, v, &error);
  if (id == 0)
    return cli_fail (g_steal_pointer (&error));
  quotes = enlace_opinion_quotes (store, case_id, &error);
  if (quotes == NULL)
    return cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < quotes->len; i++)
    {
      EnlaceQuote *q = g_ptr_array_index (quotes, i);

      if (q->id != id)
        continue;
      if (opt_json)
        {
          g_autoptr(JsonObject) o = enlace_quote_to_json (q);
          g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

          json_node_set_object (node, o);
          cli_print_json (node);
        }
      else
        printf (_("%s: quote %u added\n"), argv[2], q->seq);
    }
  return 0;
}

static int
quote_list (int    argc,
            char **argv)
{
  gboolean opt_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  gint64 case_id;
  int rc;

  rc = cli_parse ("opinion quote list", _("FILE FOLIO"),
                  _("Lists the quotes of a technical opinion and compares them side by side."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 3)
    return cli_usage_error ("opinion quote list", "%s", _("expected FILE and FOLIO"));
  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  case_id = lookup_case (store, argv[2], &error);
  if (case_id <= 0)
    return cli_fail (g_steal_pointer (&error));
  quotes = enlace_opinion_quotes (store, case_id, &error);
  if (quotes == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      g_autoptr(JsonArray) a = json_array_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < quotes->len; i++)
        json_array_add_object_element (a, enlace_quote_to_json (g_ptr_array_index (quotes, i)));
      json_node_set_array (node, a);
      cli_print_json (node);
      return 0;
    }
  {
    g_autoptr(GPtrArray) table = enlace_opinion_comparison (quotes);

    for (guint r = 0; r < table->len; r++)
      {
        char **row = g_ptr_array_index (table, r);
        g_autofree char *line = g_strjoinv (" | ", row);
        printf ("%s\n", line);
      }
  }
  return 0;
}

static int
quote_remove (int    argc,
              char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id, id;
  guint64 n = 0;
  int rc;

  rc = cli_parse ("opinion quote remove", _("FILE FOLIO N"),
                  _("Removes quote number N of a technical opinion (one command that can be undone)."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 4 || !g_ascii_string_to_unsigned (argv[3], 10, 1, G_MAXUINT, &n, NULL))
    return cli_usage_error ("opinion quote remove", "%s", _("expected FILE, FOLIO and a quote number N"));
  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  case_id = lookup_case (store, argv[2], &error);
  if (case_id <= 0)
    return cli_fail (g_steal_pointer (&error));
  id = enlace_opinion_quote_lookup (store, case_id, (guint) n, &error);
  if (id == 0 || !enlace_opinion_quote_remove (store, id, &error))
    return cli_fail (g_steal_pointer (&error));
  printf (_("%s: quote %u removed\n"), argv[2], (guint) n);
  return 0;
}

static int
resolve (int    argc,
         char **argv)
{
  g_autofree char *result_s = NULL, *reasons = NULL;
  int recommend = 0;
  gboolean opt_json = FALSE;
  GOptionEntry entries[] = {
    { "result", 0, 0, G_OPTION_ARG_STRING, &result_s, N_("favourable, conditional or unfavourable"), N_("RESULT") },
    { "reasons", 0, 0, G_OPTION_ARG_STRING, &reasons, N_("The reasons of the opinion"), N_("TEXT") },
    { "recommend", 0, 0, G_OPTION_ARG_INT, &recommend, N_("The recommended quote's number"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceOpinion) op = NULL;
  EnlaceOpinionResult result;
  gint64 case_id, quote_id = 0;
  int rc;

  rc = cli_parse ("opinion resolve", _("FILE FOLIO"),
                  _("Records the resolution of a technical opinion: its result, its reasons and the "
                    "recommended quote (one command that can be undone)."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 3)
    return cli_usage_error ("opinion resolve", "%s", _("expected FILE and FOLIO"));
  if (!enlace_opinion_result_from_string (result_s, &result))
    return cli_usage_error ("opinion resolve", "%s", _("--result must be favourable, conditional or unfavourable"));
  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  case_id = lookup_case (store, argv[2], &error);
  if (case_id <= 0)
    return cli_fail (g_steal_pointer (&error));
  if (recommend != 0)
    {
      quote_id = recommend > 0 ? enlace_opinion_quote_lookup (store, case_id, (guint) recommend, &error) : 0;
      if (quote_id == 0)
        {
          if (error == NULL)
            return cli_usage_error ("opinion resolve", "%s", _("--recommend takes a quote number, 1 or more"));
          return cli_fail (g_steal_pointer (&error));
        }
    }
  if (!enlace_opinion_resolve (store, case_id, result, reasons, quote_id, &error))
    return cli_fail (g_steal_pointer (&error));
  op = enlace_opinion_get (store, case_id, &error);
  if (op == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      g_autoptr(JsonObject) o = json_object_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_object_set_string_member (o, "folio", argv[2]);
      json_object_set_string_member (o, "result", enlace_opinion_result_to_string (op->result));
      json_object_set_string_member (o, "reasons", op->reasons);
      if (op->quote_seq > 0)
        json_object_set_int_member (o, "recommended", op->quote_seq);
      else
        json_object_set_null_member (o, "recommended");
      json_node_set_object (node, o);
      cli_print_json (node);
    }
  else
    printf ("%s: %s\n", argv[2], enlace_opinion_result_label (op->result));
  return 0;
}

int
cli_cmd_opinion (int    argc,
                 char **argv)
{
  if (argc >= 3 && g_str_equal (argv[1], "quote"))
    {
      if (g_str_equal (argv[2], "add"))
        return quote_add (argc - 2, argv + 2);
      if (g_str_equal (argv[2], "list"))
        return quote_list (argc - 2, argv + 2);
      if (g_str_equal (argv[2], "remove"))
        return quote_remove (argc - 2, argv + 2);
    }
  if (argc >= 2 && g_str_equal (argv[1], "resolve"))
    return resolve (argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      printf ("%s\n", _("Usage: enlace-cli opinion quote add|list|remove FILE FOLIO …\n"
                        "       enlace-cli opinion resolve FILE FOLIO --result RESULT --reasons TEXT [--recommend N]"));
      return 0;
    }
  return cli_usage_error ("opinion", "%s", _("expected “quote add”, “quote list”, “quote remove” or “resolve”"));
}
