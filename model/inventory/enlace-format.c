/* enlace-format.c: a stored value of a field as text */
#define G_LOG_DOMAIN "enlace-format"
#include "config.h"

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
