/* enlace-details.c: an object and what belongs to it */
#define G_LOG_DOMAIN "enlace-details"
#include "config.h"

#include <string.h>

#include "enlace-details.h"
#include "enlace-install.h"
#include "enlace-inventory.h"

static JsonArray *
term_keys (EnlaceStore *store,
           GArray      *terms)
{
  JsonArray *arr = json_array_new ();

  for (guint i = 0; i < terms->len; i++)
    {
      g_autofree char *k = enlace_store_dup_term_key (store, &g_array_index (terms, EnlaceTerm, i));
      json_array_add_string_element (arr, k);
    }
  return arr;
}

/* The keys of the terminations at the far end of the cable on @term:
 * "CABLE → KEY, KEY".  NULL when nothing is connected. */
static JsonObject *
cable_info (EnlaceStore      *store,
            const EnlaceTerm *term)
{
  gint64 cable = enlace_store_cable_on (store, term);
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  GArray *far;
  gboolean at_a = FALSE;
  JsonObject *o;
  JsonArray *keys;
  g_autofree char *label = NULL;

  if (cable == 0 || !enlace_inventory_cable_ends (store, cable, &a, &b, NULL))
    return NULL;
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, EnlaceTerm, i).id == term->id &&
        g_array_index (a, EnlaceTerm, i).kind == term->kind)
      at_a = TRUE;
  far = at_a ? b : a;
  o = json_object_new ();
  label = enlace_store_dup_key (store, "cable", cable);
  json_object_set_int_member (o, "id", cable);
  json_object_set_string_member (o, "label", label);
  json_object_set_string_member (o, "end", at_a ? "A" : "B");
  keys = term_keys (store, far);
  json_object_set_array_member (o, "far_end", keys);
  return o;
}

/* "ports" of a device: each with its cable and its front/rear mappings */
static gboolean
add_device_ports (EnlaceStore  *store,
                  gint64        id,
                  JsonObject   *o,
                  GError      **error)
{
  g_autoptr(GPtrArray) ports = enlace_store_list (store, "port", id, error);
  g_autoptr(GPtrArray) maps = NULL;
  JsonArray *arr;

  if (ports == NULL)
    return FALSE;
  maps = enlace_store_list (store, "port-mapping", id, error);
  if (maps == NULL)
    return FALSE;
  arr = json_array_new ();
  json_object_set_array_member (o, "ports", arr);
  for (guint i = 0; i < ports->len; i++)
    {
      JsonObject *row = g_ptr_array_index (ports, i);
      JsonObject *p = json_object_new ();
      EnlaceTerm t = { ENLACE_TERM_PORT, json_object_get_int_member (row, "id") };
      JsonObject *cable = cable_info (store, &t);
      JsonArray *mapped = json_array_new ();

      json_object_set_int_member (p, "id", t.id);
      json_object_set_string_member (p, "name", json_object_get_string_member (row, "name"));
      json_object_set_string_member (p, "kind", json_object_get_string_member (row, "kind"));
      json_object_set_string_member (p, "medium", json_object_get_string_member (row, "medium"));
      json_object_set_string_member (p, "connector", json_object_get_string_member (row, "connector"));
      json_object_set_int_member (p, "positions", json_object_get_int_member (row, "positions"));
      json_object_set_member (p, "label", json_node_copy (json_object_get_member (row, "label")));
      if (cable)
        json_object_set_object_member (p, "cable", cable);
      else
        json_object_set_null_member (p, "cable");
      for (guint m = 0; m < maps->len; m++)
        {
          JsonObject *map = g_ptr_array_index (maps, m);
          gboolean front = json_object_get_int_member (map, "front_port_id") == t.id;
          gboolean rear = json_object_get_int_member (map, "rear_port_id") == t.id;

          if (front || rear)
            {
              g_autofree char *other = enlace_store_dup_key (store, "port",
                                                             json_object_get_int_member (map, front ? "rear_port_id" : "front_port_id"));
              g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT " ↔ %s/%" G_GINT64_FORMAT,
                                                       json_object_get_int_member (map, front ? "front_pos" : "rear_pos"),
                                                       other,
                                                       json_object_get_int_member (map, front ? "rear_pos" : "front_pos"));
              json_array_add_string_element (mapped, text);
            }
        }
      json_object_set_array_member (p, "mappings", mapped);
      json_array_add_object_element (arr, p);
    }
  return TRUE;
}

/* "end_a", "end_b" and "warnings" of a cable */
static gboolean
add_cable_ends (EnlaceStore  *store,
                gint64        id,
                JsonObject   *o,
                GError      **error)
{
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  JsonArray *w;

  if (!enlace_inventory_cable_ends (store, id, &a, &b, error))
    return FALSE;
  json_object_set_array_member (o, "end_a", term_keys (store, a));
  json_object_set_array_member (o, "end_b", term_keys (store, b));
  w = json_array_new ();
  warnings = enlace_inventory_warnings (store, id, NULL);
  for (guint i = 0; warnings && i < warnings->len; i++)
    json_array_add_string_element (w, g_ptr_array_index (warnings, i));
  json_object_set_array_member (o, "warnings", w);
  return TRUE;
}

/* "devices" whose @field (rack_id, space_id) is @id */
static gboolean
add_devices (EnlaceStore  *store,
             const char   *field,
             gint64        id,
             JsonObject   *o,
             GError      **error)
{
  g_autoptr(GPtrArray) devs = enlace_store_list (store, "device", 0, error);
  JsonArray *arr;

  if (devs == NULL)
    return FALSE;
  arr = json_array_new ();
  json_object_set_array_member (o, "devices", arr);
  for (guint i = 0; i < devs->len; i++)
    {
      JsonObject *d = g_ptr_array_index (devs, i);
      JsonObject *e;

      if (json_object_get_int_member_with_default (d, field, 0) != id)
        continue;
      e = json_object_new ();
      json_object_set_string_member (e, "name", json_object_get_string_member (d, "name"));
      json_object_set_string_member (e, "role", json_object_get_string_member (d, "role"));
      json_object_set_member (e, "u_position", json_node_copy (json_object_get_member (d, "u_position")));
      json_object_set_member (e, "face", json_node_copy (json_object_get_member (d, "face")));
      json_array_add_object_element (arr, e);
    }
  return TRUE;
}

/* "children" by parent field (floors of a building, ports of a type…) */
static gboolean
add_children (EnlaceStore       *store,
              const EnlaceKind  *kind,
              gint64             id,
              JsonObject        *o,
              GError           **error)
{
  const EnlaceKind **kinds = enlace_kinds_all ();
  JsonObject *children = NULL;

  for (guint k = 0; kinds[k]; k++)
    {
      const EnlaceField *pf;
      g_autoptr(GPtrArray) rows = NULL;
      JsonArray *keys;

      if (kinds[k]->parent_field == NULL ||
          strcmp (kinds[k]->name, "port") == 0 || strcmp (kinds[k]->name, "port-mapping") == 0)
        continue;
      pf = enlace_kind_get_field (kinds[k], kinds[k]->parent_field);
      if (pf == NULL || strcmp (pf->ref_kind, kind->name) != 0)
        continue;
      rows = enlace_store_list (store, kinds[k]->name, id, error);
      if (rows == NULL)
        return FALSE;
      if (rows->len == 0)
        continue;
      keys = json_array_new ();
      for (guint i = 0; i < rows->len; i++)
        {
          g_autofree char *key = enlace_store_dup_key (store, kinds[k]->name,
                                                       json_object_get_int_member (g_ptr_array_index (rows, i), "id"));
          json_array_add_string_element (keys, key);
        }
      if (children == NULL)
        {
          children = json_object_new ();
          json_object_set_object_member (o, "children", children);
        }
      json_object_set_array_member (children, kinds[k]->name, keys);
    }
  return TRUE;
}

gboolean
enlace_inventory_add_details (EnlaceStore       *store,
                              const EnlaceKind  *kind,
                              gint64             id,
                              JsonObject        *o,
                              GError           **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (o != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strcmp (kind->name, "device") == 0)
    {
      if (!add_device_ports (store, id, o, error))
        return FALSE;
    }
  else if (strcmp (kind->name, "port") == 0 || strcmp (kind->name, "circuit-termination") == 0)
    {
      EnlaceTerm t = { strcmp (kind->name, "port") == 0 ? ENLACE_TERM_PORT : ENLACE_TERM_CIRCUIT, id };
      JsonObject *cable = cable_info (store, &t);

      if (cable)
        json_object_set_object_member (o, "cable", cable);
      else
        json_object_set_null_member (o, "cable");
    }
  else if (strcmp (kind->name, "cable") == 0)
    {
      g_autoptr(EnlaceCableTest) test = NULL;
      GError *local = NULL;

      if (!add_cable_ends (store, id, o, error))
        return FALSE;
      /* "test": the run's recorded test, if any */
      test = enlace_cable_test_get (store, id, &local);
      if (local)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      if (test)
        json_object_set_object_member (o, "test", enlace_cable_test_to_json (test));
    }
  else if (strcmp (kind->name, "rack") == 0 || strcmp (kind->name, "space") == 0)
    {
      if (!add_devices (store, strcmp (kind->name, "rack") == 0 ? "rack_id" : "space_id", id, o, error))
        return FALSE;
    }
  return add_children (store, kind, id, o, error);
}
