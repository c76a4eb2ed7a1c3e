/* enlace-format.c: a stored value of a field as text */
#define G_LOG_DOMAIN "enlace-format"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "enlace-format.h"

char *
enlace_format_value (EnlaceStore       *store,
                     const EnlaceField *field,
                     JsonNode          *value,
                     EnlaceFormatStyle  style)
{
  gboolean display = style == ENLACE_FORMAT_DISPLAY;

  g_return_val_if_fail (!display || store == NULL || ENLACE_IS_STORE (store), NULL);

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return display ? g_strdup ("—") : NULL;
  if (display && field && field->type == ENLACE_FIELD_REF && store)
    return enlace_store_dup_key (store, field->ref_kind, json_node_get_int (value));
  if (display && field && field->type == ENLACE_FIELD_BOOL)
    return g_strdup (json_node_get_int (value) ? _("yes") : _("no"));
  switch (JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID)
    {
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_formatd (buf, sizeof buf, display ? "%g" : "%.10g", json_node_get_double (value)));
      }
    case G_TYPE_BOOLEAN:
      if (display)
        return g_strdup (json_node_get_boolean (value) ? _("yes") : _("no"));
      return g_strdup (json_node_get_boolean (value) ? "true" : "false");
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (value));
    default:
      return display ? g_strdup (json_node_get_string (value)) : NULL;
    }
}

char *
enlace_format_cable_type (const char *type)
{
  if (type == NULL || type[0] == '\0')
    return g_strdup (C_("cable type", "of unknown type"));
  /* the categories and the fibre classes by the standards' names, the
   * same in every language: "Cat6A", "Cat5e", "OM3", "OS2" */
  if (g_str_has_prefix (type, "cat") && type[3] != '\0')
    {
      g_autofree char *rest = g_ascii_strup (type + 3, -1);
      gsize n = strlen (rest);

      if (g_str_has_suffix (type, "e"))
        rest[n - 1] = 'e';
      return g_strdup_printf ("Cat%s", rest);
    }
  if (g_str_has_prefix (type, "om") || g_str_has_prefix (type, "os"))
    return g_ascii_strup (type, -1);
  if (g_str_equal (type, "multipair"))
    {
      /* Translators: a cable type in running text, "Cable multipair, box of 305 m" */
      return g_strdup (C_("cable type", "multipair"));
    }
  if (g_str_equal (type, "coax"))
    {
      /* Translators: a cable type in running text, "Cable coaxial, box of 305 m" */
      return g_strdup (C_("cable type", "coaxial"));
    }
  if (g_str_equal (type, "other"))
    {
      /* Translators: a cable of no known type, "Cable of another type, box of 305 m" */
      return g_strdup (C_("cable type", "of another type"));
    }
  return g_strdup (type);
}
