/* test-list-filter.c: the filter of the GUI's lists (enlace_list_query_ids)
 * finds what the user reads — choice labels as shown ("Planeado"), words
 * in any order, blind to case and accents — on the demo campus. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "enlace-demo.h"
#include "enlace-person-lines.h"
#include "enlace-i18n.h"
#include "enlace-query.h"
#include "enlace-store.h"
#include "enlace-text.h"
#include "enlace-trace.h"

static EnlaceStore *store;

/* The number of rows of list @name that @search leaves. */
static guint
count (const char *name,
       const char *search)
{
  g_autoptr(GError) error = NULL;
  const EnlaceListSpec *spec = enlace_list_spec_lookup (name);
  g_autoptr(GArray) ids = NULL;

  g_assert_nonnull (spec);
  ids = enlace_list_query_ids (store, spec, 0, search, -1, FALSE, &error);
  g_assert_no_error (error);
  return ids->len;
}

/* The number of rows of @table whose SQL @where holds. */
static guint
count_sql (const char *table,
           const char *where)
{
  g_autoptr(GPtrArray) all = enlace_store_list (store, table, 0, NULL);
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    {
      JsonObject *o = g_ptr_array_index (all, i);
      g_auto(GStrv) kv = g_strsplit (where, "=", 2);

      if (g_strcmp0 (json_object_get_string_member_with_default (o, kv[0], NULL), kv[1]) == 0)
        n++;
    }
  return n;
}

static void
test_fold (void)
{
  g_autofree char *a = enlace_text_fold ("Rectoría");
  g_autofree char *b = enlace_text_fold ("PÁNEL de Parcheo Ñ");
  g_auto(GStrv) words = enlace_text_fold_words ("  Edificio   B\tLABORATORIOS ");

  g_assert_cmpstr (a, ==, "rectoria");
  g_assert_cmpstr (b, ==, "panel de parcheo n");
  g_assert_cmpuint (g_strv_length (words), ==, 3);
  g_assert_cmpstr (words[2], ==, "laboratorios");
  g_assert_true (enlace_text_matches ("Conmutador de Rectoría", "rectoria"));
  g_assert_false (enlace_text_matches ("Biblioteca", "rectoria"));
  g_assert_null (enlace_text_fold (NULL));
}

/* A status is found by its label as shown, in Spanish and in English */
static void
test_choice_label (void)
{
  guint planned = count_sql ("cable", "status=planned");

  g_assert_cmpuint (planned, >, 0);
  g_assert_cmpuint (count ("cable", "planned"), ==, planned);
  g_assert_cmpuint (count ("cable", "PLANNED"), ==, planned);
  /* the label in Spanish (the test runs in both languages) */
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "es") == 0)
    {
      g_assert_cmpstr (_("Planned"), ==, "Planeado");
      g_assert_cmpuint (count ("cable", "planeado"), ==, planned);
      g_assert_cmpuint (count ("cable", "PLANEADO"), ==, planned);
    }
}

/* Accents and case do not matter; every word must match some column */
static void
test_words_accents (void)
{
  g_assert_cmpuint (count ("building", NULL), ==, 3);
  g_assert_cmpuint (count ("building", "rectoría"), ==, 1);
  g_assert_cmpuint (count ("building", "RECTORIA"), ==, 1);
  g_assert_cmpuint (count ("building", "Rectoria"), ==, 1);
  /* every word, in any order, in some column */
  g_assert_cmpuint (count ("building", "edificio"), ==, 2);
  g_assert_cmpuint (count ("building", "laboratorios edificio"), ==, 1);
  g_assert_cmpuint (count ("building", "edificio zzzz-nothing"), ==, 0);
  /* a LIKE wildcard is a character like any other */
  g_assert_cmpuint (count ("building", "%"), ==, 0);
  g_assert_cmpuint (count ("device", "_"), <, count ("device", NULL));
}

/* People sort by surname, not by title */
static void
test_people_by_surname (void)
{
  g_autoptr(GError) error = NULL;
  const EnlaceListSpec *spec = enlace_list_spec_lookup ("person");
  g_autoptr(GArray) ids = enlace_list_query_ids (store, spec, 0, NULL, -1, FALSE, &error);
  g_autofree char *previous = NULL;
  g_autofree char *k1 = enlace_text_surname_key ("Dra. María Elena Vázquez Ríos");
  g_autofree char *k2 = enlace_text_surname_key ("Ing. Juan Pérez");
  g_autofree char *k3 = enlace_text_surname_key ("Soporte");
  g_autofree char *k4 = enlace_text_surname_key ("C.P. Ana");

  g_assert_cmpstr (k1, ==, "vazquez rios maria elena");
  g_assert_cmpstr (k2, ==, "perez juan");
  g_assert_cmpstr (k3, ==, "soporte");
  g_assert_cmpstr (k4, ==, "ana");

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 5);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(JsonObject) p = enlace_store_get (store, "person", g_array_index (ids, gint64, i), &error);
      g_autofree char *key = enlace_text_surname_key (json_object_get_string_member (p, "name"));

      g_assert_no_error (error);
      if (previous)
        g_assert_cmpstr (previous, <=, key);
      g_free (previous);
      previous = g_steal_pointer (&key);
    }
}

/* "Qué se afecta" lists the people as the people list does: by surname,
 * then given names, titles left out (issue 11) */
static void
test_impact_people_by_surname (void)
{
  static const char *holders[] = {
    "Beatriz Mendoza", "Dr. Adán Zamora Ruiz", "Ing. Zoe Álvarez", "Soporte", "Ana Mendoza",
  };
  static const char *want[] = {
    "Ing. Zoe Álvarez", "Ana Mendoza", "Beatriz Mendoza", "Soporte", "Dr. Adán Zamora Ruiz",
  };
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_affected_extension_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceTracer) tracer = enlace_tracer_new (store);
  g_autoptr(GArray) racks = NULL;
  g_auto(GStrv) people = NULL;
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (holders); i++)
    {
      EnlaceAffectedExtension *a = g_new0 (EnlaceAffectedExtension, 1);

      a->number = g_strdup_printf ("%u", 2100 + i);
      a->holder = g_strdup (holders[i]);
      g_ptr_array_add (made, a);
    }
  people = enlace_affected_people (made);
  g_assert_cmpuint (g_strv_length (people), ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    g_assert_cmpstr (people[i], ==, want[i]);
  g_assert_cmpint (enlace_text_compare_people ("Ing. Zoe Álvarez", "Ana Mendoza"), <, 0);
  g_assert_cmpint (enlace_text_compare_people ("Ana Mendoza", "Ana Mendoza"), ==, 0);
  g_assert_cmpint (enlace_text_compare_people (NULL, "Ana Mendoza"), <, 0);

  /* on the demo: every rack's impact lists its people in surname order */
  racks = enlace_list_query_ids (store, enlace_list_spec_lookup ("rack"), 0, NULL, -1, FALSE, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < racks->len; r++)
    {
      g_autoptr(EnlaceImpact) impact = enlace_tracer_impact (tracer, "rack", g_array_index (racks, gint64, r), &error);
      g_autoptr(GPtrArray) extensions = NULL;
      g_auto(GStrv) names = NULL;

      g_assert_no_error (error);
      extensions = enlace_tracer_impact_extensions (tracer, impact);
      names = enlace_affected_people (extensions);
      for (guint i = 1; names[0] && names[i]; i++)
        {
          g_autofree char *k0 = enlace_text_surname_key (names[i - 1]);
          g_autofree char *k1 = enlace_text_surname_key (names[i]);

          g_assert_cmpstr (k0, <=, k1);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  setlocale (LC_ALL, "");
  enlace_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  store = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);

  g_test_add_func ("/model/list-filter/fold", test_fold);
  g_test_add_func ("/model/list-filter/choice-label", test_choice_label);
  g_test_add_func ("/model/list-filter/words-accents", test_words_accents);
  g_test_add_func ("/model/list-filter/people-by-surname", test_people_by_surname);
  g_test_add_func ("/model/list-filter/impact-people-by-surname", test_impact_people_by_surname);

  ret = g_test_run ();
  g_clear_object (&store);
  return ret;
}
