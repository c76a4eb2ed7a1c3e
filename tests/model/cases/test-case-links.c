/* test-case-links.c: linking and unlinking a case (issue 9): unlink is a
 * command (undoable), a link remembers the key of its object so that an
 * object removed since still reads by its key, the candidates to link. */
#include "config.h"

#include <string.h>

#include "enlace-cases.h"
#include "enlace-query.h"

static EnlaceStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  enlace_store_set_user (store, "tester");
  return store;
}

static gint64
add_area (EnlaceStore *store,
          const char  *code,
          const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  gint64 id;

  json_object_set_string_member (v, "code", code);
  json_object_set_string_member (v, "name", name);
  id = enlace_store_create (store, "area", v, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
open_case (EnlaceStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  gint64 id = enlace_case_open (store, "internet-alta", v, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static const EnlaceCaseLink *
link_at (const EnlaceCase *c,
         guint             i)
{
  g_assert_cmpuint (i, <, c->links->len);
  return g_ptr_array_index (c->links, i);
}

static void
test_unlink (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 area = add_area (store, "REC", "Rectoría");
  gint64 c = open_case (store);

  g_assert_true (enlace_case_link (store, c, "area", area, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_case_unlink (store, c, "area", area, &error));
  g_assert_no_error (error);
  {
    g_autoptr(EnlaceCase) cs = enlace_case_get (store, c, &error);
    EnlaceCaseEvent *last = g_ptr_array_index (cs->events, cs->events->len - 1);

    g_assert_cmpuint (cs->links->len, ==, 0);
    g_assert_cmpstr (last->kind, ==, "link");
    g_assert_nonnull (strstr (last->text, "REC"));
  }
  /* not linked: refused, naming the case and the object */
  g_assert_false (enlace_case_unlink (store, c, "area", area, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* undo brings the link back */
  g_assert_true (enlace_store_undo (store, &error));
  {
    g_autoptr(EnlaceCase) cs = enlace_case_get (store, c, &error);

    g_assert_cmpuint (cs->links->len, ==, 1);
    g_assert_cmpstr (link_at (cs, 0)->key, ==, "REC");
    g_assert_true (link_at (cs, 0)->exists);
  }
}

static void
test_removed_object (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 area = add_area (store, "SW-B2", "Sala B2");
  gint64 c = open_case (store);

  g_assert_true (enlace_case_link (store, c, "area", area, &error));
  g_assert_true (enlace_store_delete (store, "area", area, &error));
  g_assert_no_error (error);
  {
    g_autoptr(EnlaceCase) cs = enlace_case_get (store, c, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cs->links->len, ==, 1);
    g_assert_cmpstr (link_at (cs, 0)->key, ==, "SW-B2");
    g_assert_false (link_at (cs, 0)->exists);
  }
  /* found and unlinked by the key it had */
  g_assert_cmpint (enlace_case_find_link (store, c, "area", "sw-b2", &error), ==, area);
  g_assert_cmpint (enlace_case_find_link (store, c, "area", "NOPE", &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (enlace_case_unlink (store, c, "area", area, &error));
  g_assert_no_error (error);
  {
    g_autoptr(EnlaceCase) cs = enlace_case_get (store, c, &error);
    EnlaceCaseEvent *last = g_ptr_array_index (cs->events, cs->events->len - 1);

    g_assert_cmpuint (cs->links->len, ==, 0);
    g_assert_nonnull (strstr (last->text, "SW-B2"));
  }
}

static void
test_candidates (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gboolean area_found = FALSE;

  add_area (store, "REC", "Rectoría");
  hits = enlace_case_link_candidates (store, "rec", 8, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      EnlaceSearchHit *h = g_ptr_array_index (hits, i);

      if (g_strcmp0 (h->kind, "area") == 0)
        area_found = TRUE;
    }
  g_assert_true (area_found);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = enlace_case_link_candidates (store, "  ", 8, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = enlace_case_link_candidates (store, "zzzz-nothing", 8, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/cases/links/unlink", test_unlink);
  g_test_add_func ("/model/cases/links/removed-object", test_removed_object);
  g_test_add_func ("/model/cases/links/candidates", test_candidates);
  return g_test_run ();
}
