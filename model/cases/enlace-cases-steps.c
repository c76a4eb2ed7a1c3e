/* enlace-cases-steps.c: the steps of a case: checking a step's values,
 * recording its result and running an inventory step's action (an
 * e-mail account, a patch cord) in the same command
 */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-cases-private.h"
#include "enlace-extension-history.h"
#include "enlace-opinions.h"

static gboolean
check_field_value (const EnlaceProcedureStep *def,
                   const EnlaceFieldSpec     *f,
                   JsonObject                *values,
                   GError                   **error)
{
  g_autofree char *text = enlace_cases_member_text (values, f->name);

  if (text == NULL)
    return TRUE;
  if (g_strcmp0 (f->type, "int") == 0 || g_strcmp0 (f->type, "person") == 0 ||
      g_strcmp0 (f->type, "area") == 0)
    {
      char *end = NULL;

      g_ascii_strtoll (text, &end, 10);
      if (g_strcmp0 (f->type, "int") == 0 && (end == text || *end != '\0'))
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Step %u “%s”: “%s” must be a whole number, not “%s”"),
                       def->position, def->title, f->label, text);
          return FALSE;
        }
    }
  else if (g_strcmp0 (f->type, "email") == 0)
    {
      if (!g_regex_match_simple ("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$", text, 0, 0))
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Step %u “%s”: “%s” is not a well-formed e-mail address (name@domain)"),
                       def->position, def->title, text);
          return FALSE;
        }
    }
  else if (g_strcmp0 (f->type, "date") == 0)
    {
      g_autoptr(GDateTime) dt = enlace_cases_parse_iso (text);

      if (dt == NULL)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Step %u “%s”: “%s” must be a date (YYYY-MM-DD), not “%s”"),
                       def->position, def->title, f->label, text);
          return FALSE;
        }
    }
  else if (g_strcmp0 (f->type, "choice") == 0 && f->choices != NULL)
    {
      if (!g_strv_contains ((const char * const *) f->choices, text))
        {
          g_autofree char *all = g_strjoinv (", ", f->choices);
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Step %u “%s”: “%s” is not one of the choices of “%s” (%s)"),
                       def->position, def->title, text, f->label, all);
          return FALSE;
        }
    }
  return TRUE;
}

/* Checks the values of a step's fields; with @complete, every required
 * field must have a value. */
gboolean
enlace_cases_check_step_values (const EnlaceProcedureStep *def,
                                JsonObject                *values,
                                gboolean                   complete,
                                GError                   **error)
{
  for (guint i = 0; def->fields && i < def->fields->len; i++)
    {
      const EnlaceFieldSpec *f = g_ptr_array_index (def->fields, i);
      g_autofree char *text = enlace_cases_member_text (values, f->name);

      if (complete && f->required && text == NULL)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Step %u “%s” cannot be done: “%s” is required"),
                       def->position, def->title, f->label);
          return FALSE;
        }
      if (!check_field_value (def, f, values, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
enlace_cases_write_step (EnlaceStore       *store,
                         gint64             case_step_id,
                         EnlaceStepResult   result,
                         const char        *note,
                         JsonObject        *data,
                         GError           **error)
{
  g_autofree char *data_text = enlace_cases_json_to_text (data);
  g_autofree char *now = result == ENLACE_STEP_PENDING ? NULL : enlace_cases_now_iso ();
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (store,
                               "UPDATE case_step SET result = ?2, note = ?3, data = ?4, done_by = ?5, done_at = ?6 "
                               "WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_step_id);
  sqlite3_bind_text (stmt, 2, enlace_step_result_to_string (result), -1, SQLITE_STATIC);
  enlace_cases_bind_text (stmt, 3, note && *note ? note : NULL);
  enlace_cases_bind_text (stmt, 4, data_text);
  enlace_cases_bind_text (stmt, 5, result == ENLACE_STEP_PENDING ? NULL : enlace_store_get_user (store));
  enlace_cases_bind_text (stmt, 6, now);
  return enlace_cases_run (store, stmt, _("Recording a step"), error);
}

char *
enlace_cases_step_event_text (const EnlaceProcedureStep *def,
                              EnlaceStepResult           result,
                              const char                *note)
{
  if (note != NULL && *note != '\0')
    /* Translators: step POSITION “TITLE”: RESULT — NOTE */
    return g_strdup_printf (_("Step %u “%s”: %s — %s"), def->position, def->title,
                            enlace_step_result_label (result), note);
  return g_strdup_printf (_("Step %u “%s”: %s"), def->position, def->title,
                          enlace_step_result_label (result));
}

gint64
enlace_case_find_step (EnlaceStore     *store,
                       gint64           case_id,
                       EnlaceStepSide   side,
                       guint            position,
                       GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);

  stmt = enlace_store_prepare (store,
                               "SELECT cs.id FROM case_step cs JOIN procedure_step ps ON ps.id = cs.step_id "
                               "WHERE cs.case_id = ?1 AND ps.side = ?2 AND ps.position = ?3 ORDER BY ps.seq LIMIT 1",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, enlace_step_side_to_string (side), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, position);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      g_autofree char *folio = enlace_cases_query_text (store, "SELECT folio FROM case_file WHERE id = ?1", case_id);

      if (folio == NULL)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     _("No case #%lld"), (long long) case_id);
      else
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     side == ENLACE_STEP_SIDE_REQUESTER
                       ? _("Case %s has no requester's step %u")
                       : _("Case %s has no administrator's step %u"),
                     folio, position);
    }
  return id;
}

/* Everything known about the case, for an action: the request form, then
 * the values of the other steps, then this step's. */
static JsonObject *
action_context (EnlaceStore    *store,
                EnlaceCaseHead *h,
                gint64          case_step_id,
                JsonObject     *mine)
{
  JsonObject *ctx = json_object_new ();
  sqlite3_stmt *stmt;
  GList *members;

  members = json_object_get_members (h->form);
  for (GList *l = members; l; l = l->next)
    json_object_set_member (ctx, l->data, json_node_copy (json_object_get_member (h->form, l->data)));
  g_list_free (members);

  stmt = enlace_store_prepare (store,
                               "SELECT cs.data FROM case_step cs JOIN procedure_step ps ON ps.id = cs.step_id "
                               "WHERE cs.case_id = ?1 AND cs.id <> ?2 AND cs.data IS NOT NULL ORDER BY ps.seq",
                               NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, h->id);
      sqlite3_bind_int64 (stmt, 2, case_step_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(JsonObject) o = enlace_cases_json_from_text ((const char *) sqlite3_column_text (stmt, 0));

          members = json_object_get_members (o);
          for (GList *l = members; l; l = l->next)
            json_object_set_member (ctx, l->data, json_node_copy (json_object_get_member (o, l->data)));
          g_list_free (members);
        }
      sqlite3_reset (stmt);
    }
  members = json_object_get_members (mine);
  for (GList *l = members; l; l = l->next)
    json_object_set_member (ctx, l->data, json_node_copy (json_object_get_member (mine, l->data)));
  g_list_free (members);
  return ctx;
}

/* create-account: a new active account in the registry, linked to the case. */
static gboolean
action_create_account (EnlaceStore                *store,
                       EnlaceCaseHead             *h,
                       const EnlaceProcedureStep  *def,
                       JsonObject                 *ctx,
                       JsonObject                 *data,
                       GError                    **error)
{
  g_autofree char *address = enlace_cases_member_text (ctx, "address");
  g_autofree char *delivered_to = enlace_cases_member_text (ctx, "delivered_to");
  g_autofree char *delivered_at = enlace_cases_member_text (ctx, "delivered_at");
  gint64 holder_id = enlace_cases_member_id (ctx, "holder_id");
  gint64 area_id = enlace_cases_member_id (ctx, "area_id");
  gint64 account_id;

  if (address == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: step %u “%s” cannot be done: the account's address is missing"),
                   h->folio, def->position, def->title);
      return FALSE;
    }
  if (holder_id <= 0)
    holder_id = h->requester_id;
  if (area_id <= 0)
    area_id = h->area_id;
  account_id = enlace_email_account_insert (store, address, holder_id, area_id, h->id,
                                            delivered_to, delivered_at, error);
  if (account_id == 0)
    {
      g_prefix_error (error, _("%s: step %u “%s”: "), h->folio, def->position, def->title);
      return FALSE;
    }
  json_object_set_int_member (data, "account_id", account_id);
  return enlace_cases_link_object (store, h->id, "email_account", account_id, FALSE, error);
}

/* remove-account: the account (given by id or by address) is removed. */
static gboolean
action_remove_account (EnlaceStore                *store,
                       EnlaceCaseHead             *h,
                       const EnlaceProcedureStep  *def,
                       JsonObject                 *ctx,
                       JsonObject                 *data,
                       GError                    **error)
{
  g_autofree char *address = enlace_cases_member_text (ctx, "address");
  g_autofree char *motive = enlace_cases_member_text (ctx, "motive");
  g_autofree char *detail = enlace_cases_member_text (ctx, "motive_detail");
  g_autofree char *full_motive = NULL;
  gint64 account_id = enlace_cases_member_id (ctx, "account_id");

  /* the account_id of another step (a creation) is not this one */
  if (!json_object_has_member (data, "account_id") && address != NULL)
    account_id = 0;
  if (account_id <= 0 && address != NULL)
    {
      sqlite3_stmt *stmt = enlace_store_prepare (store,
                                                 "SELECT id FROM email_account WHERE lower(address) = lower(?1) "
                                                 "AND status = 'active'",
                                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, address, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        account_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (account_id <= 0)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                       _("%s: step %u “%s” cannot be done: no active account “%s” in the registry"),
                       h->folio, def->position, def->title, address);
          return FALSE;
        }
    }
  if (account_id <= 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: step %u “%s” cannot be done: which account? (give its address)"),
                   h->folio, def->position, def->title);
      return FALSE;
    }
  full_motive = detail ? g_strdup_printf ("%s — %s", motive ? motive : "", detail) : g_strdup (motive);
  if (!enlace_email_account_remove (store, account_id, full_motive, h->id, error))
    {
      g_prefix_error (error, _("%s: step %u “%s”: "), h->folio, def->position, def->title);
      return FALSE;
    }
  json_object_set_int_member (data, "account_id", account_id);
  return enlace_cases_link_object (store, h->id, "email_account", account_id, FALSE, error);
}

/* make-connection: a patch cord per connection (or one from the values). */
static gboolean
action_make_connection (EnlaceStore                *store,
                        EnlaceCaseHead             *h,
                        const EnlaceProcedureStep  *def,
                        JsonObject                 *ctx,
                        JsonObject                 *data,
                        GError                    **error)
{
  g_autoptr(JsonArray) single = NULL;
  g_autoptr(JsonArray) cables = json_array_new ();
  JsonArray *conns = NULL;

  if (json_object_has_member (ctx, "connections") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (ctx, "connections")))
    conns = json_object_get_array_member (ctx, "connections");
  else
    {
      JsonObject *one = json_object_new ();
      single = json_array_new ();
      for (guint k = 0; k < 3; k++)
        {
          static const char * const names[] = { "outlet_port", "switch_port", "panel_port" };
          g_autofree char *v = enlace_cases_member_text (ctx, names[k]);
          if (v)
            json_object_set_string_member (one, names[k], v);
        }
      json_array_add_object_element (single, one);
      conns = single;
    }
  for (guint i = 0; i < json_array_get_length (conns); i++)
    {
      JsonObject *one = json_array_get_object_element (conns, i);
      g_autofree char *outlet = enlace_cases_member_text (one, "outlet_port");
      g_autofree char *sw = enlace_cases_member_text (one, "switch_port");
      g_autofree char *panel = enlace_cases_member_text (one, "panel_port");
      gint64 outlet_device = 0, outlet_port = 0, cable;
      gint64 sw_id = 0;

      if (outlet == NULL || sw == NULL)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: step %u “%s” cannot be done: the outlet jack and the switch port are required"),
                       h->folio, def->position, def->title);
          return FALSE;
        }
      cable = enlace_cases_make_connection (store, outlet, panel, sw, h->folio,
                                            &outlet_device, &outlet_port, error);
      if (cable == 0)
        {
          g_prefix_error (error, _("%s: step %u “%s”: "), h->folio, def->position, def->title);
          return FALSE;
        }
      json_array_add_int_element (cables, cable);
      if (!enlace_cases_link_object (store, h->id, "outlet", outlet_device, FALSE, error) ||
          !enlace_cases_link_object (store, h->id, "port", outlet_port, FALSE, error))
        return FALSE;
      {
        EnlaceTerm t;
        if (enlace_store_lookup_term (store, sw, &t, NULL) && t.kind == ENLACE_TERM_PORT)
          sw_id = t.id;
      }
      if (sw_id > 0 && !enlace_cases_link_object (store, h->id, "port", sw_id, FALSE, error))
        return FALSE;
    }
  json_object_set_array_member (data, "cable_ids", g_steal_pointer (&cables));
  return TRUE;
}

/* Runs an inventory step's action; records what it made in @data. */
static gboolean
run_action (EnlaceStore                *store,
            EnlaceCaseHead             *h,
            gint64                      case_step_id,
            const EnlaceProcedureStep  *def,
            JsonObject                 *data,
            GError                    **error)
{
  g_autoptr(JsonObject) ctx = action_context (store, h, case_step_id, data);

  if (g_strcmp0 (def->action, "create-account") == 0)
    return action_create_account (store, h, def, ctx, data, error);
  if (g_strcmp0 (def->action, "remove-account") == 0)
    return action_remove_account (store, h, def, ctx, data, error);
  if (g_strcmp0 (def->action, "make-connection") == 0)
    return action_make_connection (store, h, def, ctx, data, error);
  if (g_strcmp0 (def->action, "extension-status") == 0 &&
      !enlace_extension_status_step (store, h->id, ctx, data, error))
    {
      g_prefix_error (error, _("%s: step %u “%s”: "), h->folio, def->position, def->title);
      return FALSE;
    }
  return TRUE;
}

gboolean
enlace_case_set_step (EnlaceStore       *store,
                      gint64             case_id,
                      gint64             case_step_id,
                      EnlaceStepResult   result,
                      const char        *note,
                      JsonObject        *values,
                      GError           **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autoptr(EnlaceProcedure) proc = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  const EnlaceProcedureStep *def = NULL;
  EnlaceStepResult old = ENLACE_STEP_PENDING;
  gint64 step_id = 0, owner = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (result <= ENLACE_STEP_NA, FALSE);

  if (!enlace_case_head_load (store, case_id, &h, error))
    return FALSE;
  if (!enlace_cases_check_text (h.folio, enlace_cases_text_ok (note) && enlace_cases_object_text_ok (values), error))
    return FALSE;
  stmt = enlace_store_prepare (store, "SELECT case_id, step_id, result, data FROM case_step WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_step_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      owner = sqlite3_column_int64 (stmt, 0);
      step_id = sqlite3_column_int64 (stmt, 1);
      enlace_step_result_from_string ((const char *) sqlite3_column_text (stmt, 2), &old);
      data = enlace_cases_json_from_text ((const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);
  if (owner != case_id)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("%s: no such step (#%lld) in this case"), h.folio, (long long) case_step_id);
      return FALSE;
    }
  proc = enlace_procedures_get_by_id (store, h.procedure_id, error);
  if (proc == NULL)
    return FALSE;
  for (guint i = 0; i < proc->steps->len; i++)
    if (((EnlaceProcedureStep *) g_ptr_array_index (proc->steps, i))->id == step_id)
      def = g_ptr_array_index (proc->steps, i);
  g_assert (def != NULL);

  if (h.status == ENLACE_CASE_RESOLVED)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: step %u “%s” cannot be changed: the case is resolved (reopen it first)"),
                   h.folio, def->position, def->title);
      return FALSE;
    }
  if (h.status == ENLACE_CASE_CLOSED || h.status == ENLACE_CASE_CANCELLED)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: step %u “%s” cannot be changed: the case is %s"),
                   h.folio, def->position, def->title, enlace_case_status_label (h.status));
      return FALSE;
    }
  if (def->kind == ENLACE_STEP_INVENTORY && old == ENLACE_STEP_DONE)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: step %u “%s” is done and changed the inventory: undo that command to take it back"),
                   h.folio, def->position, def->title);
      return FALSE;
    }

  /* the new values over the stored ones; null removes a value */
  if (values != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (values);

      for (GList *l = members; l; l = l->next)
        {
          JsonNode *n = json_object_get_member (values, l->data);

          if (JSON_NODE_HOLDS_NULL (n))
            json_object_remove_member (data, l->data);
          else
            json_object_set_member (data, l->data, json_node_copy (n));
        }
    }
  if (!enlace_cases_check_step_values (def, data, FALSE, error))
    {
      g_prefix_error (error, "%s: ", h.folio);
      return FALSE;
    }
  if (result == ENLACE_STEP_DONE && !(def->kind == ENLACE_STEP_INVENTORY && json_object_has_member (data, "connections")))
    {
      g_autoptr(JsonObject) ctx = def->kind == ENLACE_STEP_INVENTORY
                                    ? action_context (store, &h, case_step_id, data)
                                    : json_object_ref (data);

      if (!enlace_cases_check_step_values (def, ctx, TRUE, error))
        {
          g_prefix_error (error, "%s: ", h.folio);
          return FALSE;
        }
    }

  label = g_strdup_printf (_("%s, step %u “%s”: %s"), h.folio, def->position, def->title,
                           enlace_step_result_label (result));
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  if (def->kind == ENLACE_STEP_INVENTORY && result == ENLACE_STEP_DONE &&
      !run_action (store, &h, case_step_id, def, data, error))
    goto fail;
  if (!enlace_cases_write_step (store, case_step_id, result, note, data, error))
    goto fail;
  /* the dictamen's resolution step and the opinion's resolution agree */
  if (result == ENLACE_STEP_DONE && g_strcmp0 (def->action, "opinion") == 0 &&
      !enlace_opinion_sync_from_step (store, case_id, data, error))
    goto fail;
  /* the delivery of an account created by this case, as a fact */
  if (result == ENLACE_STEP_DONE && json_object_has_member (data, "delivered_to"))
    {
      g_autofree char *to = enlace_cases_member_text (data, "delivered_to");
      g_autofree char *at = enlace_cases_member_text (data, "delivered_at");

      stmt = enlace_store_prepare (store,
                                   "UPDATE email_account SET delivered_to = ?2, delivered_at = ?3 "
                                   "WHERE created_case_id = ?1 AND status = 'active'",
                                   error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, case_id);
      enlace_cases_bind_text (stmt, 2, to);
      enlace_cases_bind_text (stmt, 3, at);
      if (!enlace_cases_run (store, stmt, h.folio, error))
        goto fail;
    }
  text = enlace_cases_step_event_text (def, result, note);
  if (enlace_cases_write_event (store, case_id, "step", text, 0, NULL, NULL, error) == 0)
    goto fail;
  if (h.status == ENLACE_CASE_NEW && !enlace_cases_set_status_row (store, &h, ENLACE_CASE_IN_PROGRESS, NULL, error))
    goto fail;
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}
