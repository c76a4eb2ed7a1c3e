/* enlace-store-identity.c: the project's identity on its documents — the
 * institution, the department and the logo printed in the header of
 * forms, memos, notices and reports.
 *
 * The names are the meta keys "institution" and "department".  The logo
 * travels inside the file: its image is an attachment (stored once by
 * content) and meta "logo" names it as "attachment:ID".  An older value,
 * a path relative to the project file's folder, still works.
 */
#define G_LOG_DOMAIN "enlace-store"
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "enlace-store-private.h"

#define ATTACHMENT_PREFIX "attachment:"

/* An SVG document: XML whose root element is <svg>. */
static gboolean
is_svg (const guchar *p,
        gsize         len)
{
  xmlDocPtr doc;
  xmlNodePtr root;
  gboolean ret;

  if (len == 0 || len > G_MAXINT
      || g_strstr_len ((const char *) p, MIN (len, 4096), "<svg") == NULL)
    return FALSE;
  doc = xmlReadMemory ((const char *) p, (int) len, "logo.svg", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  ret = root != NULL && xmlStrcmp (root->name, BAD_CAST "svg") == 0;
  xmlFreeDoc (doc);
  return ret;
}

const char *
enlace_logo_check (GBytes  *image,
                   GError **error)
{
  gsize len;
  const guchar *p;

  g_return_val_if_fail (image != NULL, NULL);

  p = g_bytes_get_data (image, &len);
  if (len == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   "%s", _("The logo is empty: it must be a PNG, JPEG or SVG image"));
      return NULL;
    }
  if (len > ENLACE_LOGO_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (len, G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *max = g_format_size (ENLACE_LOGO_MAX_SIZE);

      /* TRANSLATORS: "The logo is 3.1 MB (3,100,000 bytes); a logo may be at most 2.0 MB" */
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("The logo is %s; a logo may be at most %s"), size, max);
      return NULL;
    }
  if (len >= 8 && memcmp (p, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (len >= 3 && memcmp (p, "\xff\xd8\xff", 3) == 0)
    return "image/jpeg";
  if (is_svg (p, len))
    return "image/svg+xml";
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
               "%s", _("The logo must be a PNG, JPEG or SVG image"));
  return NULL;
}

/* The attachment's id in a meta value "attachment:ID", 0 if it is not one. */
static gint64
attachment_id (const char *value)
{
  guint64 id = 0;

  if (!g_str_has_prefix (value, ATTACHMENT_PREFIX)
      || !g_ascii_string_to_unsigned (value + strlen (ATTACHMENT_PREFIX), 10, 1, G_MAXINT64, &id, NULL))
    return 0;
  return (gint64) id;
}

GBytes *
enlace_store_get_logo (EnlaceStore  *self,
                       GError      **error)
{
  g_autofree char *value = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local = NULL;
  char *data = NULL;
  gsize len = 0;
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);

  value = enlace_store_get_meta (self, "logo");
  if (value == NULL || *value == '\0')
    return NULL;

  id = attachment_id (value);
  if (id != 0)
    {
      GBytes *ret = enlace_store_get_attachment (self, id, NULL, &local);

      if (ret == NULL)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     _("The logo (document property “logo” = “%s”) is not in the file"), value);
      return ret;
    }

  /* an older project: a path, relative to the project file's folder */
  if (g_path_is_absolute (value) || enlace_store_get_path (self) == NULL)
    path = g_strdup (value);
  else
    {
      g_autofree char *dir = g_path_get_dirname (enlace_store_get_path (self));

      path = g_build_filename (dir, value, NULL);
    }
  if (!g_file_get_contents (path, &data, &len, &local))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("The logo (document property “logo” = “%s”) cannot be read: %s"),
                   value, local->message);
      return NULL;
    }
  return g_bytes_new_take (data, len);
}

gboolean
enlace_store_set_logo (EnlaceStore  *self,
                       GBytes       *image,
                       GError      **error)
{
  g_autofree char *value = NULL;
  g_autofree char *old = NULL;
  const char *mime;
  const char *label;
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);

  if (image == NULL)
    {
      old = enlace_store_get_meta (self, "logo");
      if (old == NULL)
        return TRUE;
      label = _("Remove the logo");
      if (!enlace_store_begin (self, label, error))
        return FALSE;
      if (!enlace_store_set_meta (self, "logo", NULL, error))
        goto fail;
      return enlace_store_commit (self, error);
    }

  mime = enlace_logo_check (image, error);
  if (mime == NULL)
    return FALSE;
  label = _("Set the logo");
  if (!enlace_store_begin (self, label, error))
    return FALSE;
  id = enlace_store_add_attachment (self, image, mime,
                                    g_str_equal (mime, "image/png") ? "logo.png"
                                    : g_str_equal (mime, "image/jpeg") ? "logo.jpg" : "logo.svg",
                                    error);
  if (id == 0)
    goto fail;
  value = g_strdup_printf (ATTACHMENT_PREFIX "%" G_GINT64_FORMAT, id);
  if (!enlace_store_set_meta (self, "logo", value, error))
    goto fail;
  return enlace_store_commit (self, error);

fail:
  enlace_store_rollback (self);
  return FALSE;
}
