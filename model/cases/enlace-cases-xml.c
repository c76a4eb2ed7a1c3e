/* enlace-cases-xml.c: procedures, cases and e-mail accounts in the
 * project's XML exchange (hooks called by enlace-xml.c). */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include "enlace-cases-private.h"
