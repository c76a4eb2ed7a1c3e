/* enlace-json-bounds.c: limits on the JSON values a file carries */
#define G_LOG_DOMAIN "enlace-store"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-json-bounds.h"
#include "enlace-store.h"

gboolean
enlace_json_within_bounds (const char  *text,
                           gssize       len,
                           GError     **error)
{
  gsize n, depth = 0;
  gboolean in_string = FALSE;

  if (text == NULL)
    return TRUE;
  n = len < 0 ? strlen (text) : (gsize) len;
  if (n > ENLACE_JSON_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (n);
      g_autofree char *max = g_format_size (ENLACE_JSON_MAX_BYTES);

      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("A JSON value of %s is larger than the %s Enlace accepts"), size, max);
      return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > ENLACE_JSON_MAX_DEPTH)
            {
              g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                           _("A JSON value nests deeper than the %d levels Enlace accepts"),
                           ENLACE_JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}
