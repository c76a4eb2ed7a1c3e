/* enlace-cli-util.c: helpers shared by the enlace-cli commands */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "enlace-cli.h"

int
cli_usage_error (const char *command,
                 const char *fmt,
                 ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, fmt);
  msg = g_strdup_vprintf (fmt, args);
  va_end (args);
  fprintf (stderr, "enlace-cli %s: %s\n", command, msg);
  fprintf (stderr, _("Run “enlace-cli %s --help” for usage.\n"), command);
  return CLI_USAGE;
}

int
cli_fail (GError *error)
{
  fprintf (stderr, "enlace-cli: %s\n", error ? error->message : _("unknown error"));
  g_clear_error (&error);
  return CLI_ERROR;
}

EnlaceStore *
cli_open (const char  *path,
          gboolean     create,
          GError     **error)
{
  EnlaceStore *store = enlace_store_open (path,
                                          create ? ENLACE_STORE_OPEN_CREATE : ENLACE_STORE_OPEN_DEFAULT,
                                          error);

  /* who is recorded in the audit log: $ENLACE_AUTHOR, else the account's
   * full name (the store's default) */
  if (store != NULL)
    enlace_store_set_author (store, g_getenv ("ENLACE_AUTHOR"));
  return store;
}

void
cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

int
cli_parse (const char     *command,
           const char     *parameter_string,
           const char     *summary,
           GOptionEntry   *entries,
           int            *argc,
           char         ***argv)
{
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("enlace-cli %s", command);
  const char *params = parameter_string ? parameter_string : "";

  /* "Usage: enlace-cli add [OPTION…] FILE KIND FIELD=VALUE…" */
  g_set_prgname (prgname);
  ctx = g_option_context_new (params);
  g_option_context_set_summary (ctx, summary);
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  if (entries)
    g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (ctx, TRUE);

  /* argv[0] is the command name: GOption skips it as the program name. */
  if (!g_option_context_parse (ctx, argc, argv, &error))
    return cli_usage_error (command, "%s", error->message);
  return -1;
}
