/* enlace-field-bounds.c: the range of the number fields that have one */
#define G_LOG_DOMAIN "enlace-store"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "enlace-field-bounds.h"
#include "enlace-geometry.h"

static gboolean
is_coordinate (const char *name)
{
  static const char * const names[] = { "x", "y", "origin_x", "origin_y", NULL };

  return g_strv_contains (names, name);
}

gboolean
enlace_field_real_in_range (const EnlaceField  *field,
                            double              v,
                            char              **rule)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (!isfinite (v))
    {
      if (rule)
        *rule = g_strdup (_("a number must be finite"));
      return FALSE;
    }
  if (is_coordinate (field->name) && fabs (v) > ENLACE_MAX_COORDINATE_M)
    {
      if (rule)
        *rule = g_strdup_printf (_("a position on a floor is at most %.0f m from its origin"),
                                 ENLACE_MAX_COORDINATE_M);
      return FALSE;
    }
  return TRUE;
}

gboolean
enlace_points_in_range (const char  *json,
                        char       **rule)
{
  g_autoptr(GArray) pts = NULL;

  if (json == NULL || *json == '\0')
    return TRUE;
  pts = enlace_points_parse (json, NULL);
  if (pts == NULL)
    return TRUE;
  for (guint i = 0; i < pts->len; i++)
    {
      const EnlacePoint *p = &g_array_index (pts, EnlacePoint, i);

      if (!isfinite (p->x) || !isfinite (p->y) ||
          fabs (p->x) > ENLACE_MAX_COORDINATE_M || fabs (p->y) > ENLACE_MAX_COORDINATE_M)
        {
          if (rule)
            *rule = g_strdup_printf (_("point %u: a position on a floor is at most %.0f m from its origin"),
                                     i + 1, ENLACE_MAX_COORDINATE_M);
          return FALSE;
        }
    }
  return TRUE;
}
