/* enlace-cli-meta.c: enlace-cli meta — the document properties
 *
 *   enlace-cli meta FILE                   list them
 *   enlace-cli meta FILE KEY               print one
 *   enlace-cli meta FILE KEY VALUE         set one (one undoable command)
 *   enlace-cli meta FILE KEY --unset       remove one
 *   enlace-cli meta FILE logo IMAGE        keep IMAGE in the file as the logo
 *
 * The header of the documents uses "institution", "department" and
 * "logo" (see enlace_store_get_logo).
 */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "enlace-cli.h"

/* A key: letters, digits, ".", "-" and "_". */
static gboolean
valid_key (const char *key)
{
  if (*key == '\0')
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

/* "image/svg+xml, 1.1 kB" for the logo, NULL when there is none; an
 * unreadable logo is described by its error. */
static char *
logo_summary (EnlaceStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) logo = enlace_store_get_logo (store, &error);
  g_autofree char *size = NULL;
  const char *mime;

  if (error != NULL)
    return g_strdup (error->message);
  if (logo == NULL)
    return NULL;
  size = g_format_size (g_bytes_get_size (logo));
  mime = enlace_logo_check (logo, NULL);
  return g_strdup_printf ("%s, %s", mime ? mime : _("not an image"), size);
}

static void
print_property (EnlaceStore *store,
                const char  *key,
                int          width)
{
  g_autofree char *value = enlace_store_get_meta (store, key);
  g_autofree char *summary = g_str_equal (key, "logo") ? logo_summary (store) : NULL;

  if (summary != NULL)
    printf ("%-*s  %s (%s)\n", width, key, value, summary);
  else
    printf ("%-*s  %s\n", width, key, value);
}

static int
list_properties (EnlaceStore *store,
                 gboolean     json)
{
  g_auto(GStrv) keys = enlace_store_list_meta (store);
  int width = 0;

  if (json)
    {
      g_autoptr(JsonBuilder) jb = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (jb);
      for (guint i = 0; keys[i]; i++)
        {
          g_autofree char *value = enlace_store_get_meta (store, keys[i]);

          json_builder_set_member_name (jb, keys[i]);
          json_builder_add_string_value (jb, value);
        }
      json_builder_end_object (jb);
      root = json_builder_get_root (jb);
      cli_print_json (root);
      return CLI_OK;
    }
  if (keys[0] == NULL)
    {
      printf ("%s\n", _("No document properties."));
      return CLI_OK;
    }
  for (guint i = 0; keys[i]; i++)
    width = MAX (width, (int) g_utf8_strlen (keys[i], -1));
  for (guint i = 0; keys[i]; i++)
    print_property (store, keys[i], width);
  return CLI_OK;
}

static void
print_json_property (const char *key,
                     const char *value)
{
  g_autoptr(JsonBuilder) jb = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (jb);
  json_builder_set_member_name (jb, "key");
  json_builder_add_string_value (jb, key);
  json_builder_set_member_name (jb, "value");
  if (value != NULL)
    json_builder_add_string_value (jb, value);
  else
    json_builder_add_null_value (jb);
  json_builder_end_object (jb);
  root = json_builder_get_root (jb);
  cli_print_json (root);
}

int
cli_cmd_meta (int    argc,
              char **argv)
{
  gboolean opt_unset = FALSE, opt_json = FALSE;
  GOptionEntry entries[] = {
    { "unset", 0, 0, G_OPTION_ARG_NONE, &opt_unset, N_("Remove the property KEY"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  const char *key;
  int rc;

  rc = cli_parse ("meta", _("FILE [KEY [VALUE]]"),
                  _("Lists, shows or sets the document properties. The header of forms, memos "
                    "and notices uses “institution”, “department” and “logo”: “meta FILE logo "
                    "IMAGE” keeps a PNG, JPEG or SVG image (up to 2 MB) in the file. Each change "
                    "is one command that can be undone."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc < 2 || argc > 4)
    return cli_usage_error ("meta", "%s", _("expected FILE, then optionally KEY and VALUE"));
  key = argc > 2 ? argv[2] : NULL;
  if (key != NULL && !valid_key (key))
    return cli_usage_error ("meta", _("a property's key is letters, digits, “.”, “-” and “_”, not “%s”"), key);
  if (opt_unset && (key == NULL || argc == 4))
    return cli_usage_error ("meta", "%s", _("--unset takes a KEY and no VALUE"));

  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));

  if (key == NULL)
    return list_properties (store, opt_json);

  if (argc == 3 && !opt_unset)
    {
      value = enlace_store_get_meta (store, key);
      if (value == NULL)
        {
          g_set_error (&error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                       _("The document has no property “%s”"), key);
          return cli_fail (g_steal_pointer (&error));
        }
      if (opt_json)
        print_json_property (key, value);
      else if (g_str_equal (key, "logo"))
        print_property (store, key, 0);
      else
        printf ("%s\n", value);
      return CLI_OK;
    }

  if (g_str_equal (key, "logo"))
    {
      g_autoptr(GBytes) image = NULL;

      if (!opt_unset)
        {
          char *data = NULL;
          gsize len = 0;

          if (!g_file_get_contents (argv[3], &data, &len, &error))
            return cli_fail (g_steal_pointer (&error));
          image = g_bytes_new_take (data, len);
        }
      if (!enlace_store_set_logo (store, image, &error))
        {
          if (image != NULL)
            g_prefix_error (&error, "%s: ", argv[3]);
          return cli_fail (g_steal_pointer (&error));
        }
    }
  else if (!enlace_store_set_meta (store, key, opt_unset ? NULL : argv[3], &error))
    return cli_fail (g_steal_pointer (&error));

  value = enlace_store_get_meta (store, key);
  if (opt_json)
    print_json_property (key, value);
  else if (value == NULL)
    printf (_("Removed the property “%s”\n"), key);
  else
    print_property (store, key, 0);
  return CLI_OK;
}
