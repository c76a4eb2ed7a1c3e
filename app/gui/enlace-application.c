/* enlace-application.c: the GtkApplication of enlace
 *
 * Opens the files given on the command line, else the last file, else
 * the demo campus, in one window.
 */
#define G_LOG_DOMAIN "enlace-application"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-application.h"
#include "enlace-demo.h"
#include "enlace-preferences-window.h"
#include "enlace-window.h"

struct _EnlaceApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (EnlaceApplication, enlace_application, ADW_TYPE_APPLICATION)

static EnlaceWindow *
get_window (EnlaceApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (ENLACE_IS_WINDOW (window))
    return ENLACE_WINDOW (window);

  return enlace_window_new (GTK_APPLICATION (self));
}

static char *
last_file (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (!source || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    return NULL;

  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, "last-file");
}

static void
enlace_application_activate (GApplication *app)
{
  EnlaceApplication *self = ENLACE_APPLICATION (app);
  EnlaceWindow *window = get_window (self);

  if (enlace_window_get_store (window) == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = last_file ();

      if (path && path[0] && g_file_test (path, G_FILE_TEST_EXISTS) &&
          enlace_window_open_path (window, path, &error))
        ;
      else
        {
          g_autofree char *demo = NULL;

          if (error)
            g_debug ("Cannot reopen %s: %s", path, error->message);
          g_clear_error (&error);

          if (!(demo = enlace_demo_ensure_file (&error)) ||
              !enlace_window_open_path (window, demo, &error))
            g_warning ("Cannot open the demo campus: %s", error->message);
        }
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
enlace_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  EnlaceApplication *self = ENLACE_APPLICATION (app);
  EnlaceWindow *window = get_window (self);

  /* one document per window: the last file given wins */
  for (int i = 0; i < n_files; i++)
    enlace_window_open_file (window, files[i]);

  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* close the windows so that their size is remembered */
  for (const GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
  g_application_quit (app);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Enlace developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", "Enlace",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("The campus network and telephone cabling inventory: buildings, racks, outlets, cables, traces and extensions."),
                         "developer-name", _("The Enlace developers"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWidget *prefs = enlace_preferences_window_new (gtk_application_get_active_window (app));

  gtk_window_present (GTK_WINDOW (prefs));
}

static void
enlace_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "quit", quit_action },
    { "about", about_action },
    { "preferences", preferences_action },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (enlace_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
}

static void
enlace_application_class_init (EnlaceApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = enlace_application_activate;
  app_class->open = enlace_application_open;
  app_class->startup = enlace_application_startup;
}

static void
enlace_application_init (EnlaceApplication *self)
{
}

EnlaceApplication *
enlace_application_new (GApplicationFlags flags)
{
  return g_object_new (ENLACE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/Enlace",
                       NULL);
}
