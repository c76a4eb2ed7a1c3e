/* enlace-ancestors.c: where an object is, up to its site */
#define G_LOG_DOMAIN "enlace-inventory"
#include "config.h"

#include "enlace-ancestors.h"
#include "enlace-kinds.h"

/* Fields that place an object when its kind has no parent field (a device
 * is in a rack, else in a space), in order of preference. */
static const char * const place_fields[] = {
  "rack_id", "space_id", "device_id", "floor_id", "building_id", "site_id", NULL
};

/* The kind and id of the object that holds @o (of @kind); FALSE when none. */
static gboolean
holder (const EnlaceKind *kind,
        JsonObject       *o,
        EnlaceObjectRef  *out)
{
  for (int i = -1; i < (int) G_N_ELEMENTS (place_fields) - 1; i++)
    {
      const char *name = i < 0 ? kind->parent_field : place_fields[i];
      const EnlaceField *field;
      JsonNode *value;

      if (name == NULL || !(field = enlace_kind_get_field (kind, name)) ||
          field->type != ENLACE_FIELD_REF || field->ref_kind == NULL)
        continue;
      value = json_object_get_member (o, name);
      if (value == NULL || JSON_NODE_HOLDS_NULL (value) || json_node_get_int (value) <= 0)
        continue;
      if (!enlace_kind_lookup (field->ref_kind))
        continue;
      out->kind = enlace_kind_lookup (field->ref_kind)->name;
      out->id = json_node_get_int (value);
      return TRUE;
    }
  return FALSE;
}

GArray *
enlace_inventory_ancestors (EnlaceStore *store,
                            const char  *kind_name,
                            gint64       id)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (EnlaceObjectRef));
  const EnlaceKind *kind;

  g_return_val_if_fail (ENLACE_IS_STORE (store), out);
  g_return_val_if_fail (kind_name != NULL, out);

  kind = enlace_kind_lookup (kind_name);
  /* a chain is short (port → site: 7); the bound guards against a cycle */
  while (kind != NULL && id > 0 && out->len < 16)
    {
      g_autoptr(JsonObject) o = enlace_store_get (store, kind->name, id, NULL);
      EnlaceObjectRef ref;

      if (o == NULL || !holder (kind, o, &ref))
        break;
      g_array_append_val (out, ref);
      kind = enlace_kind_lookup (ref.kind);
      id = ref.id;
    }
  return out;
}
