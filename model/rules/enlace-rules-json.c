/* enlace-rules-json.c: the report of a check: its life, the names of its
 * rules and its JSON form (enlace-cli check --rules --json) */
#define G_LOG_DOMAIN "enlace-rules"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "enlace-rules.h"
#include "enlace-rules-private.h"

G_DEFINE_BOXED_TYPE (EnlaceRuleReport, enlace_rule_report, enlace_rule_report_ref, enlace_rule_report_unref)

void
enlace_rule_failure_free (gpointer data)
{
  EnlaceRuleFailure *f = data;

  for (guint i = 0; i < f->objects->len; i++)
    g_free (g_array_index (f->objects, EnlaceRuleObject, i).key);
  g_array_unref (f->objects);
  g_free (f->message);
  g_free (f);
}

EnlaceRuleReport *
enlace_rule_report_ref (EnlaceRuleReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
enlace_rule_report_unref (EnlaceRuleReport *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_ptr_array_unref (self->failures);
  g_free (self->rule_set);
  g_free (self);
}

static const struct
{
  const char *rule;
  const char *label;
} rule_names[] = {
  { "permanent-link", N_("Permanent link length") },
  { "channel", N_("Channel length") },
  { "cords", N_("Cords of a channel") },
  { "cord", N_("Cord length") },
  { "connections-link", N_("Connections in a permanent link") },
  { "connections-channel", N_("Connections in a channel") },
  { "consolidation-point", N_("Consolidation point distance") },
  { "reach", N_("Reach of the application") },
  { "backbone", N_("Backbone length") },
  { "conduit-fill", N_("Conduit fill") },
  { "tray-fill", N_("Cable tray fill") },
  { "telecom-room", N_("Telecom room per floor") },
  { "room-area", N_("Telecom rooms per area served") },
};

const char *
enlace_rules_rule_label (const char *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rule_names); i++)
    if (strcmp (rule_names[i].rule, rule) == 0)
      return _(rule_names[i].label);
  return rule;
}

JsonNode *
enlace_rule_report_to_json (EnlaceRuleReport *self)
{
  g_autoptr(JsonObject) o = json_object_new ();
  JsonObject *counts = json_object_new ();
  JsonArray *failures = json_array_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_object_set_string_member (o, "rule_set", self->rule_set);
  json_object_set_boolean_member (o, "ok", self->failures->len == 0);
  json_object_set_int_member (counts, "floors", self->n_floors);
  json_object_set_int_member (counts, "outlets", self->n_outlets);
  json_object_set_int_member (counts, "links", self->n_links);
  json_object_set_int_member (counts, "pathways", self->n_pathways);
  json_object_set_int_member (counts, "backbones", self->n_backbones);
  json_object_set_int_member (counts, "failures", self->failures->len);
  json_object_set_object_member (o, "counts", counts);
  for (guint i = 0; i < self->failures->len; i++)
    {
      EnlaceRuleFailure *f = g_ptr_array_index (self->failures, i);
      JsonObject *fo = json_object_new ();
      JsonArray *objects = json_array_new ();

      json_object_set_string_member (fo, "rule", f->rule);
      json_object_set_string_member (fo, "rule_name", f->rule_name);
      json_object_set_string_member (fo, "label", enlace_rules_rule_label (f->rule));
      json_object_set_string_member (fo, "message", f->message);
      json_object_set_double_member (fo, "value", f->value);
      json_object_set_double_member (fo, "limit", f->limit);
      json_object_set_string_member (fo, "unit", f->unit);
      if (f->floor_id > 0)
        json_object_set_int_member (fo, "floor", f->floor_id);
      else
        json_object_set_null_member (fo, "floor");
      for (guint k = 0; k < f->objects->len; k++)
        {
          EnlaceRuleObject *ob = &g_array_index (f->objects, EnlaceRuleObject, k);
          JsonObject *oo = json_object_new ();

          json_object_set_string_member (oo, "kind", ob->kind);
          json_object_set_int_member (oo, "id", ob->id);
          json_object_set_string_member (oo, "key", ob->key);
          json_array_add_object_element (objects, oo);
        }
      json_object_set_array_member (fo, "objects", objects);
      json_array_add_object_element (failures, fo);
    }
  json_object_set_array_member (o, "failures", failures);
  return json_node_init_object (json_node_alloc (), o);
}
