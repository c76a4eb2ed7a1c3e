/* enlace-test-cli.c: running the built enlace-cli from the CLI tests */
#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <sys/wait.h>

#include "enlace-test-cli.h"

void
enlace_cli_run_clear (EnlaceCliRun *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

void
enlace_test_cli_runv (EnlaceCliRun       *r,
                      const char         *dir,
                      const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("ENLACE_CLI");
  const char *asan = g_getenv ("ENLACE_CLI_ASAN_OPTIONS");
  int wait_status = 0;

  g_assert_nonnull (cli);
  enlace_cli_run_clear (r);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* the sanitizer options for enlace-cli when they are not this
   * program's (tests/meson.build: full_unwind_vars) */
  if (asan != NULL)
    envp = g_environ_setenv (envp, "ASAN_OPTIONS", asan, TRUE);

  g_spawn_sync (dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
  g_test_message ("%s: exit %d\nstdout: %s\nstderr: %s", args[0] ? args[0] : "", r->status, r->out, r->err);
}

void
enlace_test_cli_run (EnlaceCliRun *r,
                     const char   *dir,
                     const char   *first,
                     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  enlace_test_cli_runv (r, dir, (const char * const *) args->pdata);
}

char *
enlace_test_cli_make_dir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpl = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

void
enlace_test_cli_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = dir ? g_dir_open (dir, 0, NULL) : NULL;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  if (dir)
    g_rmdir (dir);
}
