/* enlace-i18n.c: where the translations are */
#define G_LOG_DOMAIN "enlace-i18n"
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

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

static gboolean
locale_names_no_language (const char *locale)
{
  return locale == NULL || locale[0] == '\0' ||
         g_str_equal (locale, "C") || g_str_equal (locale, "POSIX") ||
         g_str_has_prefix (locale, "C.");
}

const char *
enlace_i18n_apply_language (const char *choice)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);
  const char *language = g_getenv ("LANGUAGE");
  const char *apply = NULL;

  if (g_strcmp0 (choice, "es") == 0 || g_strcmp0 (choice, "en") == 0)
    apply = choice;
  else if (language && language[0])
    return NULL;                /* the user's environment chose */
  else if (locale_names_no_language (messages))
    apply = "es";
  else
    return NULL;

  /* LANGUAGE is ignored under "C" (and "POSIX"): C.UTF-8 honours it.
   * Through the environment, since GTK calls setlocale (LC_ALL, "")
   * again when it starts. */
  if (messages && (g_str_equal (messages, "C") || g_str_equal (messages, "POSIX")))
    {
      const char *all = g_getenv ("LC_ALL");

      g_setenv (all && all[0] ? "LC_ALL" : "LC_MESSAGES", "C.UTF-8", TRUE);
      setlocale (LC_ALL, "");
    }
  g_setenv ("LANGUAGE", apply, TRUE);
  return apply;
}
