/* enlace-test-cli.h: running the built enlace-cli from the CLI tests
 *
 * The tests spawn the program named by $ENLACE_CLI (set by
 * tests/meson.build) and look at its exit status and output:
 *
 *   g_auto(EnlaceCliRun) r = { 0 };
 *
 *   enlace_test_cli_run (&r, dir, "show", file, "device", "SW1", NULL);
 *   g_assert_cmpint (r.status, ==, 0);
 *   g_assert_nonnull (strstr (r.out, "SW1"));
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;   /* the exit status */
  char *out;      /* what it wrote to stdout */
  char *err;      /* what it wrote to stderr */
} EnlaceCliRun;

void  enlace_cli_run_clear        (EnlaceCliRun       *r);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EnlaceCliRun, enlace_cli_run_clear)

/* Runs enlace-cli with the arguments up to NULL, in @dir (NULL: the
 * current directory), and waits for it.  What @r held before is freed. */
void  enlace_test_cli_run         (EnlaceCliRun       *r,
                                   const char         *dir,
                                   const char         *first,
                                   ...) G_GNUC_NULL_TERMINATED;
/* The same with a NULL-terminated array of arguments. */
void  enlace_test_cli_runv        (EnlaceCliRun       *r,
                                   const char         *dir,
                                   const char * const *args);

/* A new temporary folder for a test program, and its removal with the
 * files in it (not folders). */
char *enlace_test_cli_make_dir    (const char         *prefix);
void  enlace_test_cli_remove_dir  (const char         *dir);

G_END_DECLS
