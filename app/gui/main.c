/* main.c: enlace, the campus cabling inventory */
#define G_LOG_DOMAIN "enlace"
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "enlace-application.h"
#include "enlace-i18n.h"

/* The language chosen in the preferences ("auto" when there are no
 * settings to read, as in an uninstalled run without its schema). */
static char *
chosen_language (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (!source || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) ||
      !g_settings_schema_has_key (schema, "language"))
    return g_strdup ("auto");
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, "language");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EnlaceApplication) app = NULL;
  g_autofree char *language = NULL;

  setlocale (LC_ALL, "");
  language = chosen_language ();
  enlace_i18n_apply_language (language);
  enlace_i18n_init ();

  g_set_application_name ("Enlace");

  app = enlace_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
