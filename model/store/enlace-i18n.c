/* enlace-i18n.c: where the translations are */
#define G_LOG_DOMAIN "enlace-i18n"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-i18n.h"

const char *
enlace_locale_dir (void)
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

void
enlace_i18n_init (void)
{
  bindtextdomain (GETTEXT_PACKAGE, enlace_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
