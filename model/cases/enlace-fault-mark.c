/* enlace-fault-mark.c: the detection step of a fault report marking the
 * cable or port that failed faulty, in the same command.  See
 * enlace_fault_set_step_marking () in enlace-faults.h and
 * model/inventory/enlace-faulty.h. */
#define G_LOG_DOMAIN "enlace-faults"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-cases-private.h"
#include "enlace-faults.h"
#include "enlace-faulty.h"

gboolean
enlace_fault_step_can_mark (const EnlaceProcedureStep *def)
{
  g_return_val_if_fail (def != NULL, FALSE);

  for (guint i = 0; def->fields && i < def->fields->len; i++)
    if (g_strcmp0 (((EnlaceFieldSpec *) g_ptr_array_index (def->fields, i))->name, "failed_object") == 0)
      return TRUE;
  return FALSE;
}

/* "Cable" → "cable", "Puerto" → "port", none → NULL (either); FALSE for
 * any other kind of object (a device, a circuit…). */
static gboolean
failed_kind_hint (const char  *failed_kind,
                  const char **hint)
{
  *hint = NULL;
  if (failed_kind == NULL || *failed_kind == '\0')
    return TRUE;
  if (g_ascii_strcasecmp (failed_kind, "Cable") == 0 || g_ascii_strcasecmp (failed_kind, "cable") == 0)
    *hint = "cable";
  else if (g_ascii_strcasecmp (failed_kind, "Puerto") == 0 || g_ascii_strcasecmp (failed_kind, "port") == 0)
    *hint = "port";
  else
    return FALSE;
  return TRUE;
}

gboolean
enlace_fault_set_step_marking (EnlaceStore       *store,
                               gint64             case_id,
                               gint64             case_step_id,
                               EnlaceStepResult   result,
                               const char        *note,
                               JsonObject        *values,
                               gboolean           mark_faulty,
                               GError           **error)
{
  g_autoptr(EnlaceCase) c = NULL;
  g_autoptr(JsonObject) merged = json_object_new ();
  g_autoptr(JsonObject) mine = NULL;
  g_autofree char *failed_kind = NULL;
  g_autofree char *failed_object = NULL;
  g_autofree char *label = NULL;
  g_autofree char *key = NULL;
  g_autofree char *event = NULL;
  const EnlaceCaseStep *step = NULL;
  const char *hint = NULL, *kind = NULL;
  gint64 object_id = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!mark_faulty)
    return enlace_case_set_step (store, case_id, case_step_id, result, note, values, error);

  c = enlace_case_get (store, case_id, error);
  if (c == NULL)
    return FALSE;
  for (guint i = 0; i < c->steps->len; i++)
    if (((EnlaceCaseStep *) g_ptr_array_index (c->steps, i))->id == case_step_id)
      step = g_ptr_array_index (c->steps, i);
  if (step == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("%s: no such step (#%lld) in this case"), c->row->folio, (long long) case_step_id);
      return FALSE;
    }
  if (g_strcmp0 (c->row->procedure_kind, "fault") != 0 || !enlace_fault_step_can_mark (step->def))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: step %u “%s” records no object that failed: only the detection step of a fault report can mark a cable or port faulty"),
                   c->row->folio, step->def->position, step->def->title);
      return FALSE;
    }
  if (result != ENLACE_STEP_DONE)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: step %u “%s”: the object that failed is marked faulty when the step is done"),
                   c->row->folio, step->def->position, step->def->title);
      return FALSE;
    }

  /* the values the step will have: the stored ones, then the new */
  {
    g_autoptr(GList) members = json_object_get_members (step->values);

    for (GList *l = members; l; l = l->next)
      json_object_set_member (merged, l->data, json_node_copy (json_object_get_member (step->values, l->data)));
  }
  if (values != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (values);

      for (GList *l = members; l; l = l->next)
        {
          JsonNode *n = json_object_get_member (values, l->data);

          if (JSON_NODE_HOLDS_NULL (n))
            json_object_remove_member (merged, l->data);
          else
            json_object_set_member (merged, l->data, json_node_copy (n));
        }
    }
  failed_kind = enlace_cases_member_text (merged, "failed_kind");
  failed_object = enlace_cases_member_text (merged, "failed_object");
  if (!failed_kind_hint (failed_kind, &hint))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: “%s” failed (%s): only a cable or a port can be marked faulty"),
                   c->row->folio, failed_object ? failed_object : "?", failed_kind);
      return FALSE;
    }
  if (failed_object == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: step %u “%s”: name the object that failed (its label or DEVICE:PORT) to mark it faulty"),
                   c->row->folio, step->def->position, step->def->title);
      return FALSE;
    }
  if (!enlace_faulty_resolve (store, hint, failed_object, &kind, &object_id, error))
    {
      g_prefix_error (error, "%s: ", c->row->folio);
      return FALSE;
    }
  key = enlace_store_dup_key (store, kind, object_id);

  /* the step's values say what it marked */
  mine = json_object_new ();
  if (values != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (values);

      for (GList *l = members; l; l = l->next)
        json_object_set_member (mine, l->data, json_node_copy (json_object_get_member (values, l->data)));
    }
  json_object_set_string_member (mine, "marked_faulty", key);

  label = g_strdup_printf (_("%s, step %u “%s”: %s, %s marked faulty"), c->row->folio,
                           step->def->position, step->def->title,
                           enlace_step_result_label (result), key);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  if (!enlace_case_set_step (store, case_id, case_step_id, result, note, mine, error) ||
      !enlace_faulty_mark (store, kind, object_id, case_id, note, error) ||
      !enlace_cases_link_object (store, case_id, kind, object_id, FALSE, error))
    goto fail;
  event = g_strdup_printf (g_str_equal (kind, "cable") ? _("Cable %s marked faulty")
                                                       : _("Port %s marked faulty"), key);
  if (enlace_cases_write_event (store, case_id, "note", event, 0, NULL, NULL, error) == 0)
    goto fail;
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}
