/* test-keys.c: the readable keys of every kind (issue 14): every object of
 * the demo campus is found again by its key, and names that would make
 * two keys the same are refused. */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "enlace-demo.h"
#include "enlace-kinds.h"
#include "enlace-store.h"

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  const EnlaceKind **kinds = enlace_kinds_all ();
  guint n_kinds = 0;

  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);

  for (guint k = 0; kinds[k]; k++)
    {
      g_autoptr(GPtrArray) rows = NULL;

      if (kinds[k]->key_sql == NULL || kinds[k]->lookup == NULL)
        continue;
      rows = enlace_store_list (store, kinds[k]->name, 0, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %u objects", kinds[k]->name, rows->len);
      if (rows->len > 0)
        n_kinds++;
      for (guint i = 0; i < rows->len; i++)
        {
          gint64 id = json_object_get_int_member (g_ptr_array_index (rows, i), "id");
          g_autofree char *key = enlace_store_dup_key (store, kinds[k]->name, id);
          gint64 found;

          g_assert_nonnull (key);
          found = enlace_store_lookup (store, kinds[k]->name, key, &error);
          if (found != id)
            g_error ("%s #%" G_GINT64_FORMAT ": key “%s” finds #%" G_GINT64_FORMAT " (%s)",
                     kinds[k]->name, id, key, found, error ? error->message : "");
        }
    }
  g_assert_cmpuint (n_kinds, >=, 10);
}

static gint64
create (EnlaceStore  *store,
        const char   *kind,
        GError      **error,
        ...)
{
  g_autoptr(JsonObject) values = json_object_new ();
  va_list ap;

  va_start (ap, error);
  for (const char *f = va_arg (ap, const char *); f; f = va_arg (ap, const char *))
    {
      if (g_str_has_suffix (f, "_id"))
        json_object_set_int_member (values, f, va_arg (ap, gint64));
      else
        json_object_set_string_member (values, f, va_arg (ap, const char *));
    }
  va_end (ap);
  return enlace_store_create (store, kind, values, error);
}

static void
test_ambiguous (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  gint64 a, ab, site, p;

  g_assert_no_error (error);

  /* device "A" + port "B:P" and device "A:B" + port "P" are both A:B:P */
  a = create (store, "device", &error, "name", "A", "role", "switch", NULL);
  g_assert_no_error (error);
  p = create (store, "port", &error, "device_id", a, "name", "B:P", "kind", "interface", NULL);
  g_assert_no_error (error);
  ab = create (store, "device", &error, "name", "A:B", "role", "switch", NULL);
  g_assert_no_error (error);
  g_assert_cmpint (create (store, "port", &error, "device_id", ab, "name", "P", "kind", "interface", NULL), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "“A:B:P”"));
  g_clear_error (&error);
  g_assert_cmpint (enlace_store_lookup (store, "port", "A:B:P", &error), ==, p);
  g_assert_no_error (error);
  /* a port of another name on A:B is fine */
  g_assert_cmpint (create (store, "port", &error, "device_id", ab, "name", "Q", "kind", "interface", NULL), >, 0);
  g_assert_no_error (error);
  /* renaming A:B's port to P, or a device to a name that collides */
  g_assert_cmpint (create (store, "port", &error, "device_id", a, "name", "B:Q", "kind", "interface", NULL), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* a building code with "/" would make its floors unreachable */
  site = create (store, "site", &error, "code", "UNI", "name", "U", NULL);
  g_assert_no_error (error);
  g_assert_cmpint (create (store, "building", &error, "site_id", site, "code", "A/B", "name", "X", NULL), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“A/B”"));
  g_clear_error (&error);

  /* MANUFACTURER/MODEL: a manufacturer with "/" */
  g_assert_cmpint (create (store, "device-type", &error, "manufacturer", "A/B", "model", "C", NULL), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (create (store, "device-type", &error, "manufacturer", "A", "model", "B/C", NULL), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (store, "device-type", "A/B/C", &error), >, 0);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/inventory/keys/round-trip", test_round_trip);
  g_test_add_func ("/model/inventory/keys/ambiguous", test_ambiguous);
  return g_test_run ();
}
