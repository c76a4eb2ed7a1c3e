/* test-words.c: the words the window shows, in Spanish, on the demo
 * campus (issue 11, "Words"): no raw choice value of the model
 * ("telephone-trunk", "multipair", "19in") reaches a label where its
 * translated label belongs, no message names an empty object ("«»"), and
 * the department's glossary (po/GLOSSARY.md) holds: the PBX is a
 * "conmutador telefónico", a network switch a "switch", the impact reads
 * "Qué se afecta" and a trace "Trazar".  Every page of the window is
 * walked, each label read. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "enlace-application.h"
#include "enlace-cases.h"
#include "enlace-demo.h"
#include "enlace-kinds.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"
#include "enlace-window-private.h"

static EnlaceApplication *app;

/* Choice values whose label, as shown, is another word: seeing the value
 * itself means a label was forgotten. */
static GHashTable *
raw_values (void)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const EnlaceKind **kinds = enlace_kinds_all ();

  for (guint k = 0; kinds[k] != NULL; k++)
    for (guint f = 0; f < kinds[k]->n_fields; f++)
      {
        const EnlaceField *field = &kinds[k]->fields[f];

        if (field->type != ENLACE_FIELD_CHOICE || field->choices == NULL)
          continue;
        for (guint c = 0; field->choices[c] != NULL; c++)
          {
            const char *value = field->choices[c];
            const char *label = enlace_choice_label (value);

            /* "RJ45" for "rj45" is the same word; digits alone are no word */
            if (g_ascii_strcasecmp (label, value) == 0 || strspn (value, "0123456789") == strlen (value))
              continue;
            g_hash_table_add (set, g_ascii_strdown (value, -1));
          }
      }
  /* and every value with a registered label (free-text fields such as a
   * circuit's kind use them too) */
  {
    g_autoptr(GPtrArray) labelled = enlace_choice_values_matching ("");

    for (guint i = 0; i < labelled->len; i++)
      {
        const char *value = g_ptr_array_index (labelled, i);

        if (g_ascii_strcasecmp (enlace_choice_label (value), value) != 0 &&
            strspn (value, "0123456789") != strlen (value))
          g_hash_table_add (set, g_ascii_strdown (value, -1));
      }
  }
  /* a value that is also a word of some label ("horizontal" in "Enlace
   * horizontal", "backbone" in "Cable troncal (backbone)") proves nothing */
  {
    g_autoptr(GPtrArray) labelled = enlace_choice_values_matching ("");

    for (guint i = 0; i < labelled->len; i++)
      {
        g_autofree char *label = g_utf8_strdown (enlace_choice_label (g_ptr_array_index (labelled, i)), -1);
        g_auto(GStrv) words = NULL;

        g_strdelimit (label, " \t()[],;:/", ' ');
        words = g_strsplit (label, " ", -1);
        for (guint w = 0; words[w] != NULL; w++)
          g_hash_table_remove (set, words[w]);
      }
  }
  return set;
}

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  else if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)))
    g_ptr_array_add (texts, g_strdup (gtk_inscription_get_text (GTK_INSCRIPTION (widget))));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_texts (c, texts);
}

/* Is @word (lower case) written in @text as a name, capital first then
 * lower case ("Office")? */
static gboolean
is_capitalized (const char *text,
                const char *word)
{
  gsize n = strlen (word);

  for (const char *p = text; *p; p++)
    if (g_ascii_strncasecmp (p, word, n) == 0 && g_ascii_isupper (p[0]) && n > 1 && g_ascii_islower (p[1]))
      return TRUE;
  return FALSE;
}

/* The words of @text that are raw values: split at blanks and at the
 * punctuation that does not belong to a value ("telephone-trunk" and
 * "19in" stay whole). */
static char *
find_raw (GHashTable *raw,
          const char *text)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_strdelimit (lower, " \t\n()[],;:«»“”\"'·→←|=", ' ');
  words = g_strsplit (lower, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      char *w = g_strstrip (words[i]);
      gsize n = strlen (w);

      while (n > 0 && (w[n - 1] == '.' || w[n - 1] == '?' || w[n - 1] == '!'))
        w[--n] = '\0';
      /* a raw value is written as stored ("multipair") or shouted
       * ("MULTIPAIR"), not as a name ("IP Office") */
      if (n > 0 && g_hash_table_contains (raw, w) && !is_capitalized (text, w))
        return g_strdup (w);
    }
  return NULL;
}

static guint n_texts;

static void
check_page (EnlaceWindow *window,
            GHashTable   *raw,
            const char   *name,
            GPtrArray    *problems)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  static const char * const wrong_words[] = {
    /* the glossary's rejected forms */
    "Rastrear", "Qué falla", "Puertos de conmutadores", "conmutador de red", NULL
  };

  enlace_test_spin (120);
  collect_texts (GTK_WIDGET (window), texts);
  g_assert_cmpuint (texts->len, >, 5);
  n_texts += texts->len;
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      g_autofree char *value = find_raw (raw, text);

      if (value != NULL)
        g_ptr_array_add (problems, g_strdup_printf ("%s: raw value “%s” in “%s”", name, value, text));
      if (strstr (text, "«»") != NULL || strstr (text, "“”") != NULL)
        g_ptr_array_add (problems, g_strdup_printf ("%s: an empty name in “%s”", name, text));
      for (guint w = 0; wrong_words[w] != NULL; w++)
        if (strstr (text, wrong_words[w]) != NULL)
          g_ptr_array_add (problems, g_strdup_printf ("%s: “%s” is not the glossary's word, in “%s”",
                                                      name, wrong_words[w], text));
    }
}

static gint64
first_id (EnlaceStore *store,
          const char  *kind,
          const char  *field,
          const char  *value)
{
  g_autoptr(GPtrArray) all = enlace_store_list (store, kind, 0, NULL);

  g_assert_nonnull (all);
  for (guint i = 0; i < all->len; i++)
    {
      JsonObject *obj = g_ptr_array_index (all, i);

      if (field == NULL ||
          g_strcmp0 (json_object_get_string_member_with_default (obj, field, NULL), value) == 0)
        return json_object_get_int_member (obj, "id");
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_every_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = enlace_demo_ensure_file (&error);
  g_autoptr(GHashTable) raw = raw_values ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  static const char *lists[] = {
    "cable", "outlet", "device", "circuit", "extension", "person", "area", "device-type", "audit",
  };
  static const struct { const char *page, *kind, *field, *value; } pages[] = {
    { "building", "building", NULL, NULL },
    { "floor", "floor", NULL, NULL },
    { "space", "space", "kind", "telecom-room" },
    { "rack", "rack", NULL, NULL },
    { "device", "device", "role", "switch" },
    { "device", "device", "role", "pbx" },
    { "device", "device", "role", "patch-panel" },
    { "device", "device", "role", "outlet" },
    { "circuit", "circuit", NULL, NULL },
    { "extension", "extension", NULL, NULL },
    { "person", "person", NULL, NULL },
    { "plan/floor", "floor", NULL, NULL },
    { "trace/cable", "cable", NULL, NULL },
    { "impact/rack", "rack", NULL, NULL },
    { "impact/device", "device", "role", "switch" },
  };
  EnlaceWindow *window;
  EnlaceStore *store;

  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (raw), >, 20);
  /* the check itself: a raw value is found, a label is not */
  {
    g_autofree char *hit = find_raw (raw, "Troncal: telephone-trunk (2)");
    g_autofree char *none = find_raw (raw, enlace_choice_label ("telephone-trunk"));

    g_assert_cmpstr (hit, ==, "telephone-trunk");
    g_assert_null (none);
  }

  window = enlace_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (enlace_window_open_path (window, demo, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  store = enlace_window_get_store (window);

  check_page (window, raw, "site", problems);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      enlace_window_show_object (window, pages[i].page,
                                 first_id (store, pages[i].kind, pages[i].field, pages[i].value));
      check_page (window, raw, pages[i].page, problems);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *page = g_strconcat ("list/", lists[i], NULL);

      enlace_window_show_object (window, page, 0);
      check_page (window, raw, page, problems);
    }
  enlace_window_show_object (window, "cases", 0);
  check_page (window, raw, "cases", problems);
  enlace_window_show_object (window, "case", enlace_cases_lookup (store, "CONEX-2026-0005", &error));
  g_assert_no_error (error);
  check_page (window, raw, "case", problems);
  enlace_window_show_object (window, "case-stats", 0);
  check_page (window, raw, "case-stats", problems);

  g_test_message ("%u texts read", n_texts);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  enlace_test_spin (20);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ENLACE_LOCALEDIR") ? g_getenv ("ENLACE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  app = enlace_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/views/words/every-page", test_every_page);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
