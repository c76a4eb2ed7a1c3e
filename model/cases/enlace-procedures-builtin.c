/* enlace-procedures-builtin.c: the built-in manual, data/procedures.xml,
 * embedded at build time (its own file: the schema's header would define
 * the same name). */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <string.h>

#include "enlace-cases-private.h"
#include "enlace-procedures-xml.h"

const char *
enlace_procedures_builtin_xml (gsize *len)
{
  if (len != NULL)
    *len = strlen (ENLACE_SQL_PROCEDURES);
  return ENLACE_SQL_PROCEDURES;
}
