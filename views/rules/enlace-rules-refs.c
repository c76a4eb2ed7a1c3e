/* enlace-rules-refs.c: the objects of a rule failure as items of a plan */
#define G_LOG_DOMAIN "enlace-rules-view"
#include "config.h"

#include <string.h>

#include "enlace-rules-refs.h"

static void
add_refs (GArray                  *refs,
          const EnlaceRuleFailure *f)
{
  for (guint i = 0; i < f->objects->len; i++)
    {
      const EnlaceRuleObject *o = &g_array_index (f->objects, EnlaceRuleObject, i);
      EnlacePlanRef ref = { 0, o->id };

      if (strcmp (o->kind, "device") == 0)
        ref.kind = ENLACE_PLAN_ITEM_DEVICE;
      else if (strcmp (o->kind, "rack") == 0)
        ref.kind = ENLACE_PLAN_ITEM_RACK;
      else if (strcmp (o->kind, "space") == 0)
        ref.kind = ENLACE_PLAN_ITEM_SPACE;
      else if (strcmp (o->kind, "pathway") == 0)
        ref.kind = ENLACE_PLAN_ITEM_PATHWAY;
      else
        continue;  /* cables, floors: not items of the plan */
      g_array_append_val (refs, ref);
    }
}

GArray *
enlace_rules_failure_plan_refs (const EnlaceRuleFailure *failure)
{
  GArray *refs = g_array_new (FALSE, FALSE, sizeof (EnlacePlanRef));

  g_return_val_if_fail (failure != NULL, refs);
  add_refs (refs, failure);
  return refs;
}

GArray *
enlace_rules_report_plan_refs (EnlaceRuleReport *report,
                               gint64            floor_id)
{
  GArray *refs = g_array_new (FALSE, FALSE, sizeof (EnlacePlanRef));

  g_return_val_if_fail (report != NULL, refs);
  for (guint i = 0; i < report->failures->len; i++)
    {
      const EnlaceRuleFailure *f = g_ptr_array_index (report->failures, i);

      if (floor_id == 0 || f->floor_id == floor_id)
        add_refs (refs, f);
    }
  return refs;
}
