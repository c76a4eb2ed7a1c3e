/* main.c: enlace, the campus cabling inventory */
#define G_LOG_DOMAIN "enlace"
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "enlace-application.h"

/* Uninstalled runs (from the build tree) find the catalogues built in
 * BUILD_DIR/po when the installed ones are missing; ENLACE_LOCALEDIR
 * overrides both. */
static const char *
locale_dir (void)
{
  const char *env = g_getenv ("ENLACE_LOCALEDIR");
  g_autofree char *installed = g_build_filename (LOCALEDIR, "es", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);

  if (env && env[0])
    return env;
  if (!g_file_test (installed, G_FILE_TEST_EXISTS) &&
      g_file_test (BUILD_DIR "/po", G_FILE_TEST_IS_DIR))
    return BUILD_DIR "/po";
  return LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EnlaceApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name ("Enlace");

  app = enlace_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
