/* main.c: enlace, the campus cabling inventory */
#define G_LOG_DOMAIN "enlace"
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "enlace-application.h"
#include "enlace-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EnlaceApplication) app = NULL;

  setlocale (LC_ALL, "");
  enlace_i18n_init ();

  g_set_application_name ("Enlace");

  app = enlace_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
