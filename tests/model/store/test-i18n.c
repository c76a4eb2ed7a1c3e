/* test-i18n.c: the interface language chosen at start — Spanish on a
 * system that names no language, the user's choice over the system's */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "enlace-i18n.h"

/* Runs in a subprocess: sets the environment ENV (pairs "NAME=VALUE",
 * "NAME" alone unsets), applies CHOICE and prints the language in effect
 * and the translation of "Cases". */
static void
run_child (const char *const *env,
           const char         *choice)
{
  const char *applied;

  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LANG");
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  for (; env && *env; env++)
    {
      g_auto(GStrv) kv = g_strsplit (*env, "=", 2);

      if (kv[1])
        g_setenv (kv[0], kv[1], TRUE);
    }
  setlocale (LC_ALL, "");
  applied = enlace_i18n_apply_language (choice);
  enlace_i18n_init ();
  /* GTK sets the locale again from the environment when it starts */
  setlocale (LC_ALL, "");
  g_print ("applied=%s cases=%s\n", applied ? applied : "system", _("Cases"));
}

static void
check (const char         *choice,
       const char *const  *env,
       const char         *expected)
{
  if (g_test_subprocess ())
    {
      run_child (env, choice);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout (expected);
}

/* A fresh Debian: no LANG at all, the C locale */
static void
test_auto_c (void)
{
  check ("auto", NULL, "applied=es cases=Expedientes\n");
}

/* LANG=C.UTF-8, as containers have */
static void
test_auto_c_utf8 (void)
{
  const char *env[] = { "LANG=C.UTF-8", NULL };

  check ("auto", env, "applied=es cases=Expedientes\n");
}

/* LC_ALL=C forces C on every category: Spanish still shows */
static void
test_auto_lc_all_c (void)
{
  const char *env[] = { "LC_ALL=C", NULL };

  check (NULL, env, "applied=es cases=Expedientes\n");
}

/* The user's LANGUAGE decides when the preference is automatic */
static void
test_auto_language_set (void)
{
  const char *env[] = { "LANG=C.UTF-8", "LANGUAGE=en", NULL };

  check ("auto", env, "applied=system cases=Cases\n");
}

/* The preference wins over the environment, both ways */
static void
test_choice_en (void)
{
  const char *env[] = { "LANGUAGE=es", NULL };

  check ("en", env, "applied=en cases=Cases\n");
}

static void
test_choice_es (void)
{
  const char *env[] = { "LANG=C.UTF-8", "LANGUAGE=en", NULL };

  check ("es", env, "applied=es cases=Expedientes\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/i18n/auto-c", test_auto_c);
  g_test_add_func ("/model/i18n/auto-c-utf8", test_auto_c_utf8);
  g_test_add_func ("/model/i18n/auto-lc-all-c", test_auto_lc_all_c);
  g_test_add_func ("/model/i18n/auto-language-set", test_auto_language_set);
  g_test_add_func ("/model/i18n/choice-en", test_choice_en);
  g_test_add_func ("/model/i18n/choice-es", test_choice_es);

  return g_test_run ();
}
