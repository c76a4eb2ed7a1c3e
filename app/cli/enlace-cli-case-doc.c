/* enlace-cli-case-doc.c: enlace-cli case doc FILE FOLIO [--kind K] -o F.pdf
 *
 * Writes one of a case's documents (the request form — its main document
 * —, the memo, the notice, the answer) as a PDF and records on the case's
 * timeline that it was generated.  --text prints the document instead,
 * --mailto its mailto: (neither writes a file nor records anything).
 */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "enlace-case-document.h"
#include "enlace-cases.h"
#include "enlace-cli.h"
#include "enlace-render-document.h"

/* The logo: --logo, else the project's (enlace_store_get_logo).  NULL
 * without error when there is none. */
static GBytes *
load_logo (EnlaceStore  *store,
           const char   *opt_logo,
           GError      **error)
{
  char *data = NULL;
  gsize len = 0;

  if (opt_logo == NULL)
    return enlace_store_get_logo (store, error);
  if (!g_file_get_contents (opt_logo, &data, &len, error))
    return NULL;
  return g_bytes_new_take (data, len);
}

static const char *
paper_name (const char *opt)
{
  if (opt == NULL || g_ascii_strcasecmp (opt, "letter") == 0 || g_ascii_strcasecmp (opt, "carta") == 0)
    return "Letter";
  if (g_ascii_strcasecmp (opt, "a4") == 0)
    return "A4";
  return NULL;
}

int
cli_case_doc (int    argc,
              char **argv)
{
  g_autofree char *opt_kind = NULL;
  g_autofree char *opt_paper = NULL;
  g_autofree char *opt_output = NULL;
  g_autofree char *opt_logo = NULL;
  g_autofree char *opt_date = NULL;
  gboolean opt_text = FALSE, opt_mailto = FALSE, opt_json = FALSE;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &opt_kind, N_("form (default: the case's main document), memo, notice, answer or dictamen (a technical opinion's)"), N_("KIND") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &opt_paper, N_("a4 or letter (default: the meta key “paper”, else letter)"), N_("PAPER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("The PDF to write (default: FOLIO-KIND.pdf)"), N_("PDF") },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &opt_logo, N_("A PNG, JPEG or SVG logo (default: the project’s, see enlace-cli meta)"), N_("IMAGE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date, N_("The date printed (YYYY-MM-DD; default today)"), N_("DATE") },
    { "text", 0, 0, G_OPTION_ARG_NONE, &opt_text, N_("Print the document as text instead"), NULL },
    { "mailto", 0, 0, G_OPTION_ARG_NONE, &opt_mailto, N_("Print the mailto: that sends it to the addressee instead"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCase) c = NULL;
  g_autoptr(EnlaceCaseDocument) doc = NULL;
  g_autoptr(GBytes) logo = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *meta_paper = NULL;
  g_autofree char *default_output = NULL;
  g_autofree char *base = NULL;
  EnlaceDocumentKind kind = ENLACE_DOCUMENT_FORM;
  EnlaceDocumentPageOptions options = { NULL, NULL };
  const char *output;
  gint64 id;
  guint pages;
  int rc;

  rc = cli_parse ("case doc", _("FILE FOLIO"),
                  _("Writes a document of a case as PDF — without --kind, its main document (the request "
                    "form) — and records on the case's timeline that it was generated."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 3)
    return cli_usage_error ("case doc", "%s", _("expected FILE and FOLIO"));
  if (opt_kind != NULL && !enlace_document_kind_from_string (opt_kind, &kind))
    return cli_usage_error ("case doc", _("--kind must be form, memo, notice, answer or dictamen, not “%s”"), opt_kind);
  if (opt_paper != NULL && paper_name (opt_paper) == NULL)
    return cli_usage_error ("case doc", _("--paper must be a4 or letter, not “%s”"), opt_paper);
  if (opt_date != NULL)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      g_autofree char *full = g_strconcat (opt_date, "T12:00:00", NULL);

      date = g_date_time_new_from_iso8601 (full, tz);
      if (date == NULL)
        return cli_usage_error ("case doc", _("--date must be YYYY-MM-DD, not “%s”"), opt_date);
    }

  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  id = enlace_cases_lookup (store, argv[2], &error);
  if (id == 0)
    return cli_fail (g_steal_pointer (&error));
  c = enlace_case_get (store, id, &error);
  if (c == NULL)
    return cli_fail (g_steal_pointer (&error));
  doc = enlace_case_document_build (store, c, kind, date, &error);
  if (doc == NULL)
    return cli_fail (g_steal_pointer (&error));

  if (opt_text)
    {
      g_autofree char *text = enlace_case_document_to_text (doc);

      fputs (text, stdout);
      return CLI_OK;
    }
  if (opt_mailto)
    {
      g_autofree char *uri = enlace_case_document_mailto_for (doc);

      printf ("%s\n", uri);
      return CLI_OK;
    }

  meta_paper = enlace_store_get_meta (store, "paper");
  options.paper = paper_name (opt_paper ? opt_paper : meta_paper);
  if (options.paper == NULL)
    options.paper = "Letter";
  logo = load_logo (store, opt_logo, &error);
  if (error != NULL)
    return cli_fail (g_steal_pointer (&error));
  options.logo = logo;

  if (opt_output != NULL)
    output = opt_output;
  else
    output = default_output = g_strdup_printf ("%s-%s.pdf", doc->folio, enlace_document_kind_to_string (kind));
  pages = enlace_render_document_pdf (doc, &options, output, &error);
  if (pages == 0)
    return cli_fail (g_steal_pointer (&error));
  base = g_path_get_basename (output);
  if (enlace_case_document_record (store, doc, "document", base, &error) == 0)
    return cli_fail (g_steal_pointer (&error));

  if (opt_json)
    {
      g_autoptr(JsonBuilder) jb = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (jb);
      json_builder_set_member_name (jb, "folio");
      json_builder_add_string_value (jb, doc->folio);
      json_builder_set_member_name (jb, "kind");
      json_builder_add_string_value (jb, enlace_document_kind_to_string (kind));
      json_builder_set_member_name (jb, "file");
      json_builder_add_string_value (jb, output);
      json_builder_set_member_name (jb, "paper");
      json_builder_add_string_value (jb, options.paper);
      json_builder_set_member_name (jb, "pages");
      json_builder_add_int_value (jb, pages);
      json_builder_end_object (jb);
      root = json_builder_get_root (jb);
      cli_print_json (root);
    }
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s written to %s (%u page)\n",
                         "%s of %s written to %s (%u pages)\n", pages),
            doc->title, doc->folio, output, pages);
  return CLI_OK;
}
