/* enlace-orders-execute.c: an order's diff, its conflicts with the plant
 * and its execution in one command.  See enlace-orders.h. */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-inventory.h"
#include "enlace-orders-private.h"
#include "enlace-propose.h"

/* ------------------------------------------------------------------ */
/* Conflicts                                                           */

static gboolean
device_added_before (GPtrArray               *order,
                     const EnlaceOrderChange *change,
                     const char              *key)
{
  for (guint i = 0; order && i < order->len; i++)
    {
      EnlaceOrderChange *c = g_ptr_array_index (order, i);

      if (c->seq >= change->seq)
        break;
      if ((g_strcmp0 (c->kind, "add-device") == 0 || g_strcmp0 (c->kind, "add-outlet") == 0) &&
          g_str_has_prefix (key, c->target) && key[strlen (c->target)] == ':')
        return TRUE;
    }
  return FALSE;
}

/* Does an earlier change of the order take cable @cable_id away (it is
 * disconnected, re-routed, or one of its devices removed)? */
static gboolean
cable_freed_before (EnlaceStore             *store,
                    GPtrArray               *order,
                    const EnlaceOrderChange *change,
                    gint64                   cable_id)
{
  g_autofree char *label = enlace_store_dup_key (store, "cable", cable_id);
  g_autofree char *hash = g_strdup_printf ("#%" G_GINT64_FORMAT, cable_id);

  for (guint i = 0; order && i < order->len; i++)
    {
      EnlaceOrderChange *c = g_ptr_array_index (order, i);

      if (c->seq >= change->seq)
        break;
      if ((g_strcmp0 (c->kind, "disconnect") == 0 || g_strcmp0 (c->kind, "reroute") == 0) &&
          (g_strcmp0 (c->target, label) == 0 || g_strcmp0 (c->target, hash) == 0))
        return TRUE;
      if (g_strcmp0 (c->kind, "remove-device") == 0)
        {
          sqlite3_stmt *stmt = enlace_store_prepare (store,
                                                     "SELECT 1 FROM cable_end ce JOIN port p ON p.id = ce.port_id "
                                                     "JOIN device d ON d.id = p.device_id "
                                                     "WHERE ce.cable_id = ?1 AND d.name = ?2",
                                                     NULL);
          gboolean hit = FALSE;

          if (stmt == NULL)
            continue;
          sqlite3_bind_int64 (stmt, 1, cable_id);
          sqlite3_bind_text (stmt, 2, c->target, -1, SQLITE_TRANSIENT);
          hit = sqlite3_step (stmt) == SQLITE_ROW;
          sqlite3_reset (stmt);
          if (hit)
            return TRUE;
        }
    }
  return FALSE;
}

/* "port Gi1/0/3 of SW-B2" / "circuit termination CID:A" */
static char *
term_name (EnlaceStore      *store,
           const EnlaceTerm *t)
{
  if (t->kind == ENLACE_TERM_PORT)
    {
      sqlite3_stmt *stmt = enlace_store_prepare (store,
                                                 "SELECT p.name, d.name FROM port p JOIN device d ON d.id = p.device_id "
                                                 "WHERE p.id = ?1",
                                                 NULL);
      char *ret = NULL;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, t->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        ret = g_strdup_printf (_("port %s of %s"), (const char *) sqlite3_column_text (stmt, 0),
                               (const char *) sqlite3_column_text (stmt, 1));
      sqlite3_reset (stmt);
      return ret;
    }
  {
    g_autofree char *key = enlace_store_dup_term_key (store, t);

    return g_strdup_printf (_("circuit termination %s"), key);
  }
}

/* The terminations of a list: a conflict text, or NULL. */
static char *
terms_conflict (EnlaceStore             *store,
                GPtrArray               *order,
                const EnlaceOrderChange *change,
                const char              *list,
                gint64                   own_cable)
{
  g_auto(GStrv) parts = g_strsplit (list ? list : "", ",", -1);

  for (guint i = 0; parts[i]; i++)
    {
      EnlaceTerm t;
      gint64 on;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (!enlace_store_lookup_term (store, parts[i], &t, NULL))
        {
          if (device_added_before (order, change, parts[i]))
            continue;
          return g_strdup_printf (_("port %s no longer exists"), parts[i]);
        }
      on = enlace_store_cable_on (store, &t);
      if (on != 0 && on != own_cable && !cable_freed_before (store, order, change, on))
        {
          g_autofree char *name = term_name (store, &t);
          g_autofree char *label = enlace_store_dup_key (store, "cable", on);

          if (label == NULL)
            label = g_strdup_printf ("#%" G_GINT64_FORMAT, on);
          return g_strdup_printf (_("%s is taken by cable %s"), name, label);
        }
    }
  return NULL;
}

static char *
refs_conflict (EnlaceStore             *store,
               const EnlaceOrderChange *change)
{
  const char *key;

  if ((key = enlace_orders_param (change, "type")) &&
      enlace_store_lookup (store, "device-type", key, NULL) <= 0)
    return g_strdup_printf (_("device type %s no longer exists"), key);
  if ((key = enlace_orders_param (change, "rack")) && enlace_store_lookup (store, "rack", key, NULL) <= 0)
    return g_strdup_printf (_("rack %s no longer exists"), key);
  if ((key = enlace_orders_param (change, "space")) && enlace_store_lookup (store, "space", key, NULL) <= 0)
    return g_strdup_printf (_("space %s no longer exists"), key);
  return NULL;
}

char *
enlace_orders_conflict (EnlaceStore             *store,
                        GPtrArray               *order,
                        const EnlaceOrderChange *change)
{
  const char *k = change->kind;

  if (g_strcmp0 (k, "add-device") == 0 || g_strcmp0 (k, "add-outlet") == 0)
    {
      if (enlace_store_lookup (store, "device", change->target, NULL) > 0)
        return g_strdup_printf (_("a device named %s already exists"), change->target);
      return refs_conflict (store, change);
    }
  if (g_strcmp0 (k, "move-device") == 0 || g_strcmp0 (k, "remove-device") == 0)
    {
      gint64 id = enlace_store_lookup (store, "device", change->target, NULL);
      g_autofree char *now = NULL;

      if (id <= 0)
        return g_strdup_printf (_("device %s no longer exists"), change->target);
      now = enlace_orders_device_place (store, id);
      if (change->prepared && g_strcmp0 (now, change->prepared) != 0)
        return g_strdup_printf (_("device %s was moved since the order was prepared: it was in %s, it is now in %s"),
                                change->target, change->prepared, now);
      return g_strcmp0 (k, "move-device") == 0 ? refs_conflict (store, change) : NULL;
    }
  if (g_strcmp0 (k, "connect") == 0)
    {
      char *c;

      if (enlace_store_lookup (store, "cable", change->target, NULL) > 0)
        return g_strdup_printf (_("the label %s is taken by another cable"), change->target);
      if ((c = terms_conflict (store, order, change, enlace_orders_param (change, "a"), 0)))
        return c;
      return terms_conflict (store, order, change, enlace_orders_param (change, "b"), 0);
    }
  if (g_strcmp0 (k, "disconnect") == 0 || g_strcmp0 (k, "reroute") == 0)
    {
      gint64 id = enlace_store_lookup (store, "cable", change->target, NULL);
      g_autofree char *now = NULL;
      char *c;

      if (id <= 0)
        return g_strdup_printf (_("cable %s no longer exists"), change->target);
      now = enlace_orders_cable_text (store, id);
      if (change->prepared && g_strcmp0 (now, change->prepared) != 0)
        return g_strdup_printf (_("cable %s was changed since the order was prepared: it joined %s, it now joins %s"),
                                change->target, change->prepared, now);
      if (g_strcmp0 (k, "disconnect") == 0)
        return NULL;
      if ((c = terms_conflict (store, order, change, enlace_orders_param (change, "a"), id)))
        return c;
      return terms_conflict (store, order, change, enlace_orders_param (change, "b"), id);
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Diff                                                                */

static void
set_opt_string (JsonObject *o,
                const char *name,
                const char *value)
{
  if (value != NULL)
    json_object_set_string_member (o, name, value);
  else
    json_object_set_null_member (o, name);
}

static char *
before_text (EnlaceStore             *store,
             const EnlaceOrderChange *change)
{
  gint64 id;

  if (g_strcmp0 (change->kind, "add-device") == 0 || g_strcmp0 (change->kind, "add-outlet") == 0 ||
      g_strcmp0 (change->kind, "connect") == 0)
    return NULL;
  id = enlace_orders_target_id (store, change);
  if (id <= 0)
    return NULL;
  return enlace_orders_is_device_kind (change->kind) ? enlace_orders_device_place (store, id)
                                                     : enlace_orders_cable_text (store, id);
}

JsonObject *
enlace_order_diff (EnlaceStore  *store,
                   gint64        case_id,
                   GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_auto(EnlaceOrderState) state = { 0 };
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonObject) o = json_object_new ();
  JsonArray *rows;
  guint conflicts = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  if (!enlace_case_head_load (store, case_id, &h, error))
    return NULL;
  if (!enlace_order_is_order (store, case_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s is not a modification order: only orders have changes"), h.folio);
      return NULL;
    }
  if (!enlace_order_get_state (store, case_id, &state, error) ||
      !(changes = enlace_order_changes (store, case_id, error)))
    return NULL;

  json_object_set_string_member (o, "folio", h.folio);
  json_object_set_boolean_member (o, "executed", state.executed);
  if (state.executed)
    {
      set_opt_string (o, "executed_at", state.executed_at);
      set_opt_string (o, "executed_by", state.executed_by);
      if (state.command_id > 0)
        json_object_set_int_member (o, "command", state.command_id);
      else
        json_object_set_null_member (o, "command");
    }
  rows = json_array_new ();
  for (guint i = 0; i < changes->len; i++)
    {
      EnlaceOrderChange *c = g_ptr_array_index (changes, i);
      JsonObject *row = json_object_new ();
      g_autofree char *text = enlace_order_change_dup_text (c);

      json_object_set_int_member (row, "n", c->seq);
      json_object_set_string_member (row, "kind", c->kind);
      json_object_set_string_member (row, "target", c->target);
      json_object_set_string_member (row, "text", text);
      if (state.executed)
        {
          set_opt_string (row, "before", c->before_text);
          set_opt_string (row, "after", c->after_text);
          json_object_set_null_member (row, "conflict");
        }
      else
        {
          g_autofree char *before = before_text (store, c);
          g_autofree char *after = enlace_orders_after_text (store, c);
          g_autofree char *conflict = enlace_orders_conflict (store, changes, c);

          set_opt_string (row, "before", before);
          set_opt_string (row, "after", after);
          set_opt_string (row, "conflict", conflict);
          if (conflict)
            conflicts++;
        }
      json_array_add_object_element (rows, row);
    }
  json_object_set_array_member (o, "changes", rows);
  json_object_set_int_member (o, "conflicts", conflicts);
  return g_steal_pointer (&o);
}

/* ------------------------------------------------------------------ */
/* Execution                                                           */

static gboolean
parse_terms (EnlaceStore  *store,
             const char   *list,
             GArray      **out,
             GError      **error)
{
  g_auto(GStrv) parts = g_strsplit (list ? list : "", ",", -1);
  g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (EnlaceTerm));

  for (guint i = 0; parts[i]; i++)
    {
      EnlaceTerm t;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (!enlace_store_lookup_term (store, parts[i], &t, NULL))
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                       _("port %s does not exist"), parts[i]);
          return FALSE;
        }
      g_array_append_val (terms, t);
    }
  *out = g_steal_pointer (&terms);
  return TRUE;
}

static void
set_number (JsonObject *v,
            const char *field,
            const char *text)
{
  if (text)
    json_object_set_double_member (v, field, g_ascii_strtod (text, NULL));
}

static void
set_ref (EnlaceStore *store,
         JsonObject  *v,
         const char  *field,
         const char  *kind,
         const char  *key)
{
  if (key)
    json_object_set_int_member (v, field, enlace_store_lookup (store, kind, key, NULL));
}

/* Applies one change through the inventory's command functions (inside
 * the open command); *@object_id gets the device or cable it leaves. */
static gboolean
apply_change (EnlaceStore             *store,
              const EnlaceOrderChange *c,
              gint64                  *object_id,
              GError                 **error)
{
  const char *k = c->kind;

  *object_id = 0;
  if (g_strcmp0 (k, "add-device") == 0 || g_strcmp0 (k, "add-outlet") == 0)
    {
      g_autoptr(JsonObject) v = json_object_new ();
      const char *p;

      json_object_set_string_member (v, "name", c->target);
      if (g_strcmp0 (k, "add-outlet") == 0)
        json_object_set_string_member (v, "role", "outlet");
      else if ((p = enlace_orders_param (c, "role")))
        json_object_set_string_member (v, "role", p);
      set_ref (store, v, "device_type_id", "device-type", enlace_orders_param (c, "type"));
      set_ref (store, v, "rack_id", "rack", enlace_orders_param (c, "rack"));
      set_ref (store, v, "space_id", "space", enlace_orders_param (c, "space"));
      set_number (v, "u_position", enlace_orders_param (c, "u"));
      set_number (v, "x", enlace_orders_param (c, "x"));
      set_number (v, "y", enlace_orders_param (c, "y"));
      if ((p = enlace_orders_param (c, "face")))
        json_object_set_string_member (v, "face", p);
      if ((p = enlace_orders_param (c, "status")))
        json_object_set_string_member (v, "status", p);
      if ((p = enlace_orders_param (c, "serial")))
        json_object_set_string_member (v, "serial", p);
      *object_id = enlace_store_create (store, "device", v, error);
      return *object_id > 0;
    }
  if (g_strcmp0 (k, "move-device") == 0)
    {
      g_autoptr(JsonObject) v = json_object_new ();
      gint64 id = enlace_store_lookup (store, "device", c->target, error);
      const char *p;

      if (id <= 0)
        return FALSE;
      if (json_object_has_member (c->params, "rack"))
        {
          if ((p = enlace_orders_param (c, "rack")))
            set_ref (store, v, "rack_id", "rack", p);
          else
            {
              json_object_set_null_member (v, "rack_id");
              json_object_set_null_member (v, "u_position");
              json_object_set_null_member (v, "face");
            }
        }
      set_ref (store, v, "space_id", "space", enlace_orders_param (c, "space"));
      set_number (v, "u_position", enlace_orders_param (c, "u"));
      set_number (v, "x", enlace_orders_param (c, "x"));
      set_number (v, "y", enlace_orders_param (c, "y"));
      if ((p = enlace_orders_param (c, "face")))
        json_object_set_string_member (v, "face", p);
      *object_id = id;
      return enlace_store_update (store, "device", id, v, error);
    }
  if (g_strcmp0 (k, "remove-device") == 0)
    {
      gint64 id = enlace_store_lookup (store, "device", c->target, error);

      return id > 0 && enlace_store_delete (store, "device", id, error);
    }
  if (g_strcmp0 (k, "connect") == 0)
    {
      g_autoptr(GArray) a = NULL;
      g_autoptr(GArray) b = NULL;
      g_autoptr(JsonObject) cable = json_object_new ();
      const char *p;

      if (!parse_terms (store, enlace_orders_param (c, "a"), &a, error) ||
          !parse_terms (store, enlace_orders_param (c, "b"), &b, error))
        return FALSE;
      json_object_set_string_member (cable, "label", c->target);
      if ((p = enlace_orders_param (c, "kind")))
        json_object_set_string_member (cable, "kind", p);
      else if (a->len > 0 && b->len > 0 && g_array_index (a, EnlaceTerm, 0).kind == ENLACE_TERM_PORT &&
               g_array_index (b, EnlaceTerm, 0).kind == ENLACE_TERM_PORT)
        {
          EnlaceCableProposal prop = { 0 };

          enlace_cable_propose (store, g_array_index (a, EnlaceTerm, 0).id, g_array_index (b, EnlaceTerm, 0).id,
                                &prop);
          if (prop.kind)
            json_object_set_string_member (cable, "kind", prop.kind);
          enlace_cable_proposal_clear (&prop);
        }
      if ((p = enlace_orders_param (c, "type")))
        json_object_set_string_member (cable, "type", p);
      set_number (cable, "length_m", enlace_orders_param (c, "length_m"));
      if ((p = enlace_orders_param (c, "color")))
        json_object_set_string_member (cable, "color", p);
      if ((p = enlace_orders_param (c, "status")))
        json_object_set_string_member (cable, "status", p);
      *object_id = enlace_store_connect (store, (EnlaceTerm *) a->data, a->len,
                                         (EnlaceTerm *) b->data, b->len, cable, error);
      return *object_id > 0;
    }
  if (g_strcmp0 (k, "disconnect") == 0)
    {
      gint64 id = enlace_store_lookup (store, "cable", c->target, error);

      return id > 0 && enlace_store_delete (store, "cable", id, error);
    }
  if (g_strcmp0 (k, "reroute") == 0)
    {
      gint64 id = enlace_store_lookup (store, "cable", c->target, error);
      g_autoptr(GArray) a = NULL;
      g_autoptr(GArray) b = NULL;

      if (id <= 0 || !enlace_inventory_cable_ends (store, id, &a, &b, error))
        return FALSE;
      if (enlace_orders_param (c, "a"))
        {
          g_clear_pointer (&a, g_array_unref);
          if (!parse_terms (store, enlace_orders_param (c, "a"), &a, error))
            return FALSE;
        }
      if (enlace_orders_param (c, "b"))
        {
          g_clear_pointer (&b, g_array_unref);
          if (!parse_terms (store, enlace_orders_param (c, "b"), &b, error))
            return FALSE;
        }
      *object_id = id;
      return enlace_store_set_cable_ends (store, id, (EnlaceTerm *) a->data, a->len,
                                          (EnlaceTerm *) b->data, b->len, error);
    }
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
               _("unknown kind of change “%s”"), k);
  return FALSE;
}

static gboolean
write_texts (EnlaceStore  *store,
             gint64        change_id,
             const char   *before,
             const char   *after,
             GError      **error)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store,
                                             "UPDATE order_change SET before_text = ?2, after_text = ?3 WHERE id = ?1",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change_id);
  enlace_cases_bind_text (stmt, 2, before);
  enlace_cases_bind_text (stmt, 3, after);
  return enlace_cases_run (store, stmt, _("Writing a change"), error);
}

gboolean
enlace_order_execute (EnlaceStore  *store,
                      gint64        case_id,
                      GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *label = NULL;
  g_autofree char *now = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gint64 step_id;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!enlace_case_head_load (store, case_id, &h, error))
    return FALSE;
  if (!enlace_order_is_order (store, case_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s is not a modification order: only orders are executed"), h.folio);
      return FALSE;
    }
  if (enlace_cases_exists (store, "SELECT 1 FROM case_order WHERE case_id = ?1", case_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s was already executed"), h.folio);
      return FALSE;
    }
  if (h.status == ENLACE_CASE_CLOSED || h.status == ENLACE_CASE_CANCELLED)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s is %s: it can no longer be executed"), h.folio, enlace_case_status_label (h.status));
      return FALSE;
    }
  changes = enlace_order_changes (store, case_id, error);
  if (changes == NULL)
    return FALSE;
  if (changes->len == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s has no change to execute"), h.folio);
      return FALSE;
    }

  /* the plant may have changed under the order since it was prepared */
  for (guint i = 0; i < changes->len; i++)
    {
      EnlaceOrderChange *c = g_ptr_array_index (changes, i);
      g_autofree char *conflict = enlace_orders_conflict (store, changes, c);

      if (conflict)
        {
          g_autofree char *what = enlace_orders_change_what (c);

          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT,
                       _("%s cannot be executed: %s: %s"), h.folio, what, conflict);
          return FALSE;
        }
    }

  label = g_strdup_printf (_("Execute order %s"), h.folio);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      EnlaceOrderChange *c = g_ptr_array_index (changes, i);
      g_autofree char *before = before_text (store, c);
      g_autofree char *after = NULL;
      gint64 object_id = 0;
      g_autoptr(GError) local = NULL;

      if (!apply_change (store, c, &object_id, &local))
        {
          g_autofree char *what = enlace_orders_change_what (c);

          enlace_store_rollback (store);
          g_set_error (error, ENLACE_STORE_ERROR, local ? local->code : ENLACE_STORE_ERROR_INVALID,
                       _("%s cannot be executed: %s: %s"), h.folio, what, local ? local->message : "");
          return FALSE;
        }
      if (object_id > 0)
        after = enlace_orders_is_device_kind (c->kind) ? enlace_orders_device_place (store, object_id)
                                                       : enlace_orders_cable_text (store, object_id);
      if (!write_texts (store, c->id, before, after, error))
        {
          enlace_store_rollback (store);
          return FALSE;
        }
    }

  now = enlace_cases_now_iso ();
  stmt = enlace_store_prepare (store,
                               "INSERT INTO case_order (case_id, executed_at, executed_by, command_id) "
                               "VALUES (?1, ?2, ?3, ?4)",
                               error);
  if (stmt == NULL)
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, case_id);
  enlace_cases_bind_text (stmt, 2, now);
  enlace_cases_bind_text (stmt, 3, enlace_store_get_author (store));
  enlace_cases_bind_id (stmt, 4, enlace_store_current_command (store));
  if (!enlace_cases_run (store, stmt, _("Recording the execution"), error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Order executed: %u change applied",
                                       "Order executed: %u changes applied", changes->len),
                          changes->len);
  if (enlace_cases_write_event (store, case_id, "field", text, 0, NULL, NULL, error) == 0)
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  /* the manual's step 4, "Realizar la modificación" */
  step_id = enlace_case_find_step (store, case_id, ENLACE_STEP_SIDE_ADMINISTRATOR, 4, NULL);
  if (step_id > 0 &&
      !enlace_cases_exists (store, "SELECT 1 FROM case_step WHERE id = ?1 AND result <> 'pending'", step_id) &&
      !enlace_case_set_step (store, case_id, step_id, ENLACE_STEP_DONE, text, NULL, error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}
