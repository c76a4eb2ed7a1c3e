/* enlace-text.c: text as people search it — case- and accent-blind */
#define G_LOG_DOMAIN "enlace-text"
#include "config.h"

#include <string.h>

#include "enlace-text.h"

char *
enlace_text_fold (const char *text)
{
  g_autofree char *nfd = NULL;
  g_autoptr(GString) bare = NULL;

  if (text == NULL)
    return NULL;
  if (!g_utf8_validate (text, -1, NULL) ||
      !(nfd = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT)))
    return g_ascii_strdown (text, -1);

  bare = g_string_sized_new (strlen (nfd));
  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (bare->str, -1);
}

char **
enlace_text_fold_words (const char *search)
{
  g_autofree char *folded = enlace_text_fold (search ? search : "");
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t\n", -1);
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; parts[i]; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

gboolean
enlace_text_matches (const char *haystack,
                     const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (folded_needle == NULL || folded_needle[0] == '\0')
    return TRUE;
  if (haystack == NULL)
    return FALSE;
  folded = enlace_text_fold (haystack);
  return strstr (folded, folded_needle) != NULL;
}

char *
enlace_text_surname_key (const char *name)
{
  g_auto(GStrv) parts = g_strsplit_set (name ? name : "", " \t", -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GString) key = g_string_new (NULL);
  guint first = 0, n_surnames;

  for (guint i = 0; parts[i]; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, parts[i]);
  /* titles: leading words that end in a period, while a name remains */
  while (first + 1 < words->len && g_str_has_suffix (g_ptr_array_index (words, first), "."))
    first++;
  n_surnames = words->len - first >= 3 ? 2 : words->len - first >= 2 ? 1 : 0;

  for (guint i = words->len - n_surnames; i < words->len; i++)
    g_string_append_printf (key, "%s%s", key->len ? " " : "", (char *) g_ptr_array_index (words, i));
  for (guint i = first; i < words->len - n_surnames; i++)
    g_string_append_printf (key, "%s%s", key->len ? " " : "", (char *) g_ptr_array_index (words, i));
  return enlace_text_fold (key->str);
}

int
enlace_text_compare_people (const char *a,
                            const char *b)
{
  g_autofree char *ka = NULL, *kb = NULL;
  int c;

  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  ka = enlace_text_surname_key (a);
  kb = enlace_text_surname_key (b);
  /* byte order of the folded keys, as SQLite sorts the people list */
  c = strcmp (ka, kb);
  return c != 0 ? c : g_utf8_collate (a, b);
}
