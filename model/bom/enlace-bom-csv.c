/* enlace-bom-csv.c: the little CSV the bom area reads (price lists,
 * certifier results) and writes (the bill of materials) */
#define G_LOG_DOMAIN "enlace-bom"
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "enlace-bom-private.h"

static char
guess_separator (const char *text,
                 gsize       length)
{
  guint commas = 0, semicolons = 0;

  for (gsize i = 0; i < length && text[i] != '\n'; i++)
    {
      if (text[i] == ',')
        commas++;
      else if (text[i] == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

static gboolean
row_blank (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    if (*g_strstrip ((char *)g_ptr_array_index (row, i)) != '\0')
      return FALSE;
  return TRUE;
}

GPtrArray *
enlace_bom_csv_parse (const char  *text,
                      gsize        length,
                      char        *separator,
                      GArray     **lines,
                      GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) line_of = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE, was_quoted = FALSE;
  guint line = 1, row_line = 1;
  char sep;
  gsize i = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  if (!g_utf8_validate (text + i, length - i, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The CSV file is not UTF-8 text"));
      return NULL;
    }
  sep = guess_separator (text + i, length - i);
  for (; i <= length; i++)
    {
      char c = i < length ? text[i] : '\n';

      if (quoted)
        {
          if (c == '"' && i + 1 < length && text[i + 1] == '"')
            {
              g_string_append_c (field, '"');
              i++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              if (i == length)
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Line %u of the CSV file: a quoted field is not closed"), row_line);
                  return NULL;
                }
              g_string_append_c (field, c);
            }
          continue;
        }
      if (c == '"' && field->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          continue;
        }
      if (c == sep || c == '\n')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
          if (c == '\n')
            {
              if (!row_blank (row))
                {
                  g_ptr_array_add (row, NULL);
                  g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
                  g_array_append_val (line_of, row_line);
                }
              else
                g_ptr_array_set_size (row, 0);
              line++;
              row_line = line;
            }
          continue;
        }
      if (c != '\r')
        g_string_append_c (field, c);
    }
  if (separator)
    *separator = sep;
  if (lines)
    *lines = g_steal_pointer (&line_of);
  return g_steal_pointer (&rows);
}

int
enlace_bom_csv_column (char               **header,
                       const char * const  *names)
{
  for (int i = 0; header[i]; i++)
    {
      g_autofree char *h = g_utf8_casefold (g_strstrip (header[i]), -1);

      for (guint k = 0; names[k]; k++)
        {
          g_autofree char *n = g_utf8_casefold (names[k], -1);

          if (g_str_equal (h, n))
            return i;
        }
    }
  return -1;
}

void
enlace_bom_csv_append (GString    *out,
                       const char *field,
                       gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  if (field == NULL)
    return;
  if (strpbrk (field, ",;\"\n\r") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = field; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, field);
}

gboolean
enlace_bom_parse_number (const char *text,
                         char        separator,
                         double     *out)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  char *end = NULL;
  double v;

  if (*t == '\0')
    return FALSE;
  if (separator == ';')
    g_strdelimit (t, ",", '.');
  v = g_ascii_strtod (t, &end);
  while (end && (*end == ' ' || *end == 'm'))
    end++;
  if (end == t || (end && *end != '\0') || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}
