/* enlace-format.h: a stored value of a field as text
 *
 * The CLI prints values for people (show, list); the object form puts
 * them in entries that read them back.  Both ask here.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "enlace-kinds.h"
#include "enlace-store.h"

G_BEGIN_DECLS

typedef enum
{
  /* For an entry that reads the text back: NULL when there is no value,
   * numbers to 10 significant digits, booleans as true and false,
   * references as the id. */
  ENLACE_FORMAT_EDIT,
  /* For people: "—" when there is no value, numbers as %g, booleans and
   * yes/no fields as yes and no (translated), references by key. */
  ENLACE_FORMAT_DISPLAY,
} EnlaceFormatStyle;

/* @value of @field (nullable: any value) as text, or NULL (EDIT only). */
char *enlace_format_value (EnlaceStore       *store,
                           const EnlaceField *field,
                           JsonNode          *value,
                           EnlaceFormatStyle  style);

/* A cable type in running text, as people write it: "Cat6A", "Cat5e",
 * "OM3", "OS2" (the standards' names, the same in every language), and
 * translated words for the others ("multipair", "coaxial", "of another
 * type", "of unknown type" for NULL); the bill's lines and the rules'
 * messages use it. */
char *enlace_format_cable_type (const char        *type);

G_END_DECLS
