/* enlace-orders.c: the change set of a physical modification order:
 * reading, adding and removing changes, and the texts of the plant they
 * show.  See enlace-orders.h. */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "enlace-inventory.h"
#include "enlace-kinds.h"
#include "enlace-orders-private.h"
#include "enlace-propose.h"

static const char * const change_kinds[] = {
  "add-device", "move-device", "remove-device", "add-outlet",
  "connect", "disconnect", "reroute", NULL
};

const char * const *
enlace_order_change_kinds (void)
{
  return change_kinds;
}

const char *
enlace_order_change_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "add-device") == 0)
    return _("Add device");
  if (g_strcmp0 (kind, "move-device") == 0)
    return _("Move device");
  if (g_strcmp0 (kind, "remove-device") == 0)
    return _("Remove device");
  if (g_strcmp0 (kind, "add-outlet") == 0)
    return _("Add outlet");
  if (g_strcmp0 (kind, "connect") == 0)
    return _("Connect");
  if (g_strcmp0 (kind, "disconnect") == 0)
    return _("Disconnect");
  if (g_strcmp0 (kind, "reroute") == 0)
    return _("Re-route cable");
  return kind;
}

void
enlace_order_change_free (EnlaceOrderChange *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_free (self->target);
  g_clear_pointer (&self->params, json_object_unref);
  g_free (self->prepared);
  g_free (self->before_text);
  g_free (self->after_text);
  g_free (self);
}

void
enlace_order_state_clear (EnlaceOrderState *self)
{
  g_clear_pointer (&self->executed_at, g_free);
  g_clear_pointer (&self->executed_by, g_free);
  self->executed = FALSE;
  self->command_id = 0;
}

gboolean
enlace_orders_is_device_kind (const char *kind)
{
  return g_strcmp0 (kind, "add-device") == 0 || g_strcmp0 (kind, "move-device") == 0 ||
         g_strcmp0 (kind, "remove-device") == 0 || g_strcmp0 (kind, "add-outlet") == 0;
}

static const char *
pget (JsonObject *params,
      const char *name)
{
  const char *s;

  if (params == NULL || !json_object_has_member (params, name))
    return NULL;
  s = json_object_get_string_member_with_default (params, name, NULL);
  return s && *s ? s : NULL;
}

const char *
enlace_orders_param (const EnlaceOrderChange *change,
                     const char              *name)
{
  return pget (change->params, name);
}

char *
enlace_orders_change_what (const EnlaceOrderChange *change)
{
  return g_strdup_printf (_("change %u (%s)"), change->seq, enlace_order_change_kind_label (change->kind));
}

/* "A1,A2" → "A1, A2" */
static char *
ends_text (const char *s)
{
  g_auto(GStrv) parts = g_strsplit (s ? s : "", ",", -1);

  for (guint i = 0; parts[i]; i++)
    g_strstrip (parts[i]);
  return g_strjoinv (", ", parts);
}

char *
enlace_order_change_dup_text (const EnlaceOrderChange *self)
{
  const char *k;

  g_return_val_if_fail (self != NULL, NULL);
  k = self->kind;
  if (g_strcmp0 (k, "connect") == 0)
    {
      g_autofree char *a = ends_text (enlace_orders_param (self, "a"));
      g_autofree char *b = ends_text (enlace_orders_param (self, "b"));

      return g_strdup_printf (_("Connect %s → %s (cable %s)"), a, b, self->target);
    }
  if (g_strcmp0 (k, "disconnect") == 0)
    return g_strdup_printf (_("Disconnect cable %s"), self->target);
  if (g_strcmp0 (k, "reroute") == 0)
    {
      g_autofree char *a = enlace_orders_param (self, "a") ? ends_text (enlace_orders_param (self, "a")) : NULL;
      g_autofree char *b = enlace_orders_param (self, "b") ? ends_text (enlace_orders_param (self, "b")) : NULL;

      if (a && b)
        return g_strdup_printf (_("Re-route cable %s to %s → %s"), self->target, a, b);
      return g_strdup_printf (_("Re-route end %s of cable %s to %s"), a ? "A" : "B", self->target, a ? a : b);
    }
  if (g_strcmp0 (k, "add-device") == 0)
    return g_strdup_printf (_("Add device %s"), self->target);
  if (g_strcmp0 (k, "add-outlet") == 0)
    return g_strdup_printf (_("Add outlet %s in %s"), self->target, enlace_orders_param (self, "space"));
  if (g_strcmp0 (k, "move-device") == 0)
    return g_strdup_printf (_("Move device %s"), self->target);
  if (g_strcmp0 (k, "remove-device") == 0)
    return g_strdup_printf (_("Remove device %s"), self->target);
  return g_strdup (self->target);
}

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

JsonObject *
enlace_order_change_to_json (const EnlaceOrderChange *self)
{
  JsonObject *o = json_object_new ();
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, o);
  text = enlace_order_change_dup_text (self);
  json_object_set_int_member (o, "id", self->id);
  json_object_set_int_member (o, "n", self->seq);
  json_object_set_string_member (o, "kind", self->kind);
  json_object_set_string_member (o, "target", self->target);
  json_object_set_object_member (o, "values", json_object_ref (self->params));
  json_object_set_string_member (o, "text", text);
  set_opt_string (o, "prepared", self->prepared);
  if (self->before_text || self->after_text)
    {
      set_opt_string (o, "before", self->before_text);
      set_opt_string (o, "after", self->after_text);
    }
  return o;
}

/* ------------------------------------------------------------------ */
/* The plant's texts                                                   */

static char *
format_number (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (v == floor (v) && fabs (v) < 1e9)
    return g_strdup_printf ("%.0f", v);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", v));
}

static char *
place_text (const char *rack,
            const char *u,
            const char *face,
            const char *space,
            const char *x,
            const char *y)
{
  GString *s = g_string_new (NULL);

  if (rack)
    {
      g_string_append_printf (s, _("rack %s"), rack);
      if (u)
        g_string_append_printf (s, _(", U%s"), u);
      if (face)
        g_string_append_printf (s, ", %s", face);
    }
  else if (space)
    {
      g_string_append_printf (s, _("space %s"), space);
      if (x && y)
        g_string_append_printf (s, " (%s, %s)", x, y);
    }
  else
    g_string_append (s, _("unplaced"));
  return g_string_free (s, FALSE);
}

char *
enlace_orders_device_place (EnlaceStore *store,
                            gint64       device_id)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store,
                                             "SELECT rack_id, u_position, face, space_id, x, y FROM device WHERE id = ?1",
                                             NULL);
  g_autofree char *rack = NULL, *u = NULL, *face = NULL, *space = NULL, *x = NULL, *y = NULL;
  gboolean found = FALSE;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, device_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        rack = enlace_store_dup_key (store, "rack", sqlite3_column_int64 (stmt, 0));
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        u = format_number (sqlite3_column_double (stmt, 1));
      face = enlace_cases_dup_column (stmt, 2);
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        space = enlace_store_dup_key (store, "space", sqlite3_column_int64 (stmt, 3));
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        x = format_number (sqlite3_column_double (stmt, 4));
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        y = format_number (sqlite3_column_double (stmt, 5));
    }
  sqlite3_reset (stmt);
  if (!found)
    return NULL;
  return place_text (rack, u, face, space, x, y);
}

static char *
terms_text (EnlaceStore *store,
            GArray      *terms)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; terms && i < terms->len; i++)
    g_ptr_array_add (keys, enlace_store_dup_term_key (store, &g_array_index (terms, EnlaceTerm, i)));
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (", ", (char **) keys->pdata);
}

char *
enlace_orders_cable_text (EnlaceStore *store,
                          gint64       cable_id)
{
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autofree char *ta = NULL, *tb = NULL;

  if (!enlace_inventory_cable_ends (store, cable_id, &a, &b, NULL))
    return NULL;
  ta = terms_text (store, a);
  tb = terms_text (store, b);
  return g_strdup_printf ("%s ↔ %s", ta, tb);
}

gint64
enlace_orders_target_id (EnlaceStore             *store,
                         const EnlaceOrderChange *change)
{
  return enlace_store_lookup (store, enlace_orders_is_device_kind (change->kind) ? "device" : "cable",
                              change->target, NULL);
}

char *
enlace_orders_after_text (EnlaceStore             *store,
                          const EnlaceOrderChange *change)
{
  const char *k = change->kind;

  if (g_strcmp0 (k, "remove-device") == 0 || g_strcmp0 (k, "disconnect") == 0)
    return NULL;
  if (g_strcmp0 (k, "add-device") == 0 || g_strcmp0 (k, "add-outlet") == 0)
    return place_text (enlace_orders_param (change, "rack"), enlace_orders_param (change, "u"),
                       enlace_orders_param (change, "face"), enlace_orders_param (change, "space"),
                       enlace_orders_param (change, "x"), enlace_orders_param (change, "y"));
  if (g_strcmp0 (k, "connect") == 0)
    {
      g_autofree char *a = ends_text (enlace_orders_param (change, "a"));
      g_autofree char *b = ends_text (enlace_orders_param (change, "b"));

      return g_strdup_printf ("%s ↔ %s", a, b);
    }
  if (g_strcmp0 (k, "reroute") == 0)
    {
      gint64 id = enlace_orders_target_id (store, change);
      g_autoptr(GArray) a = NULL;
      g_autoptr(GArray) b = NULL;
      g_autofree char *ta = NULL, *tb = NULL;

      if (id > 0)
        enlace_inventory_cable_ends (store, id, &a, &b, NULL);
      ta = enlace_orders_param (change, "a") ? ends_text (enlace_orders_param (change, "a")) : terms_text (store, a);
      tb = enlace_orders_param (change, "b") ? ends_text (enlace_orders_param (change, "b")) : terms_text (store, b);
      return g_strdup_printf ("%s ↔ %s", ta, tb);
    }
  if (g_strcmp0 (k, "move-device") == 0)
    {
      gint64 id = enlace_orders_target_id (store, change);
      g_autoptr(JsonObject) row = id > 0 ? enlace_store_get (store, "device", id, NULL) : NULL;
      g_autofree char *rack = NULL, *u = NULL, *space = NULL, *x = NULL, *y = NULL;
      const char *face = NULL;
      const char *p;

      if (row && json_object_get_int_member_with_default (row, "rack_id", 0) > 0)
        rack = enlace_store_dup_key (store, "rack", json_object_get_int_member (row, "rack_id"));
      if (row && json_object_get_int_member_with_default (row, "space_id", 0) > 0)
        space = enlace_store_dup_key (store, "space", json_object_get_int_member (row, "space_id"));
      if (row && !json_object_get_null_member (row, "u_position") && json_object_has_member (row, "u_position"))
        u = format_number (json_object_get_double_member (row, "u_position"));
      if (row)
        face = json_object_get_string_member_with_default (row, "face", NULL);
      if (json_object_has_member (change->params, "rack"))
        {
          g_free (rack);
          rack = g_strdup (enlace_orders_param (change, "rack"));
          if (rack == NULL)
            {
              g_clear_pointer (&u, g_free);
              face = NULL;
            }
        }
      if ((p = enlace_orders_param (change, "u")))
        {
          g_free (u);
          u = g_strdup (p);
        }
      if ((p = enlace_orders_param (change, "face")))
        face = p;
      if ((p = enlace_orders_param (change, "space")))
        {
          g_free (space);
          space = g_strdup (p);
        }
      if ((p = enlace_orders_param (change, "x")))
        x = g_strdup (p);
      if ((p = enlace_orders_param (change, "y")))
        y = g_strdup (p);
      return place_text (rack, u, face, space, x, y);
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

#define CHANGE_COLUMNS "id, seq, kind, target, params, prepared, before_text, after_text"

static EnlaceOrderChange *
change_from_row (sqlite3_stmt *stmt)
{
  EnlaceOrderChange *c = g_new0 (EnlaceOrderChange, 1);
  g_autofree char *params = NULL;

  c->id = sqlite3_column_int64 (stmt, 0);
  c->seq = (guint) sqlite3_column_int (stmt, 1);
  c->kind = enlace_cases_dup_column (stmt, 2);
  c->target = enlace_cases_dup_column (stmt, 3);
  params = enlace_cases_dup_column (stmt, 4);
  c->params = enlace_cases_json_from_text (params);
  c->prepared = enlace_cases_dup_column (stmt, 5);
  c->before_text = enlace_cases_dup_column (stmt, 6);
  c->after_text = enlace_cases_dup_column (stmt, 7);
  return c;
}

gboolean
enlace_order_is_order (EnlaceStore *store,
                       gint64       case_id)
{
  g_autofree char *kind = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  kind = enlace_cases_query_text (store,
                                  "SELECT p.kind FROM case_file c JOIN procedure p ON p.id = c.procedure_id "
                                  "WHERE c.id = ?1",
                                  case_id);
  return g_strcmp0 (kind, "modification") == 0;
}

GPtrArray *
enlace_order_changes (EnlaceStore  *store,
                      gint64        case_id,
                      GError      **error)
{
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_order_change_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  stmt = enlace_store_prepare (store,
                               "SELECT " CHANGE_COLUMNS " FROM order_change WHERE case_id = ?1 ORDER BY seq",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ret, change_from_row (stmt));
  sqlite3_reset (stmt);
  return g_steal_pointer (&ret);
}

gint64
enlace_order_change_lookup (EnlaceStore  *store,
                            gint64        case_id,
                            guint         n,
                            GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);

  if (!enlace_case_head_load (store, case_id, &h, error))
    return 0;
  stmt = enlace_store_prepare (store, "SELECT id FROM order_change WHERE case_id = ?1 AND seq = ?2", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int (stmt, 2, (int) n);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                 _("%s has no change %u"), h.folio, n);
  return id;
}

gboolean
enlace_order_get_state (EnlaceStore       *store,
                        gint64             case_id,
                        EnlaceOrderState  *out,
                        GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  stmt = enlace_store_prepare (store,
                               "SELECT executed_at, executed_by, command_id FROM case_order WHERE case_id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      out->executed = TRUE;
      out->executed_at = enlace_cases_dup_column (stmt, 0);
      out->executed_by = enlace_cases_dup_column (stmt, 1);
      out->command_id = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Checks                                                              */

/* The case must be an order in preparation: neither closed, cancelled nor
 * executed. */
static gboolean
check_preparing (EnlaceStore     *store,
                 EnlaceCaseHead  *h,
                 GError         **error)
{
  if (!enlace_order_is_order (store, h->id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s is not a modification order: only orders have changes"), h->folio);
      return FALSE;
    }
  if (h->status == ENLACE_CASE_CLOSED || h->status == ENLACE_CASE_CANCELLED)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s is %s: its changes can no longer change"),
                   h->folio, enlace_case_status_label (h->status));
      return FALSE;
    }
  if (enlace_cases_exists (store, "SELECT 1 FROM case_order WHERE case_id = ?1", h->id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s was already executed: its changes can no longer change"), h->folio);
      return FALSE;
    }
  return TRUE;
}

/* Is @name created by a change of @changes (a device added, a cable
 * connected)? */
static gboolean
created_by_order (GPtrArray  *changes,
                  gboolean    device,
                  const char *name)
{
  for (guint i = 0; i < changes->len; i++)
    {
      EnlaceOrderChange *c = g_ptr_array_index (changes, i);

      if (device && (g_strcmp0 (c->kind, "add-device") == 0 || g_strcmp0 (c->kind, "add-outlet") == 0) &&
          g_strcmp0 (c->target, name) == 0)
        return TRUE;
      if (!device && g_strcmp0 (c->kind, "connect") == 0 && g_strcmp0 (c->target, name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A termination key: in the plant, or a port of a device the order adds. */
static gboolean
check_term_key (EnlaceStore  *store,
                GPtrArray    *changes,
                const char   *key,
                const char   *what,
                GError      **error)
{
  EnlaceTerm t;

  if (enlace_store_lookup_term (store, key, &t, NULL))
    return TRUE;
  for (guint i = 0; i < changes->len; i++)
    {
      EnlaceOrderChange *c = g_ptr_array_index (changes, i);

      if ((g_strcmp0 (c->kind, "add-device") == 0 || g_strcmp0 (c->kind, "add-outlet") == 0) &&
          g_str_has_prefix (key, c->target) && key[strlen (c->target)] == ':')
        return TRUE;
    }
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
               _("%s: there is no port or circuit termination “%s” (DEVICE:PORT or CIRCUIT:A)"), what, key);
  return FALSE;
}

static gboolean
check_terms (EnlaceStore  *store,
             GPtrArray    *changes,
             const char   *list,
             const char   *end,
             const char   *what,
             GError      **error)
{
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  if (list == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: end %s is required"), what, end);
      return FALSE;
    }
  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      n++;
      if (!check_term_key (store, changes, parts[i], what, error))
        return FALSE;
    }
  if (n == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: end %s is required"), what, end);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_ref (EnlaceStore  *store,
           JsonObject   *values,
           const char   *member,
           const char   *kind,
           const char   *what,
           GError      **error)
{
  g_autofree char *key = enlace_cases_member_text (values, member);

  if (key == NULL || enlace_store_lookup (store, kind, key, NULL) > 0)
    return TRUE;
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
               _("%s: there is no %s “%s”"), what, kind, key);
  return FALSE;
}

static gboolean
check_number (JsonObject  *values,
              const char  *member,
              const char  *what,
              GError     **error)
{
  g_autofree char *text = enlace_cases_member_text (values, member);
  char *end = NULL;
  double d;

  if (text == NULL)
    return TRUE;
  d = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (d))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: “%s” must be a number (got “%s”)"), what, member, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_choice (JsonObject  *values,
              const char  *member,
              const char  *field,
              const char  *what,
              GError     **error)
{
  g_autofree char *text = enlace_cases_member_text (values, member);
  const EnlaceKind *kind = enlace_kind_lookup ("device");

  if (text == NULL || kind == NULL)
    return TRUE;
  for (guint i = 0; i < kind->n_fields; i++)
    if (g_strcmp0 (kind->fields[i].name, field) == 0 && kind->fields[i].choices)
      {
        g_autofree char *all = NULL;

        if (g_strv_contains (kind->fields[i].choices, text))
          return TRUE;
        all = g_strjoinv (", ", (char **) kind->fields[i].choices);
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                     _("%s: “%s” is not a valid %s (one of: %s)"), what, text, member, all);
        return FALSE;
      }
  return TRUE;
}

static const char * const device_members[] = {
  "role", "type", "rack", "u", "face", "space", "x", "y", "status", "serial", NULL
};
static const char * const outlet_members[] = { "type", "space", "x", "y", NULL };
static const char * const move_members[] = { "rack", "u", "face", "space", "x", "y", NULL };
static const char * const connect_members[] = {
  "a", "b", "kind", "type", "length_m", "color", "status", NULL
};
static const char * const reroute_members[] = { "a", "b", NULL };

static const char * const *
members_of (const char *kind)
{
  if (g_strcmp0 (kind, "add-device") == 0)
    return device_members;
  if (g_strcmp0 (kind, "add-outlet") == 0)
    return outlet_members;
  if (g_strcmp0 (kind, "move-device") == 0)
    return move_members;
  if (g_strcmp0 (kind, "connect") == 0)
    return connect_members;
  if (g_strcmp0 (kind, "reroute") == 0)
    return reroute_members;
  return NULL;
}

/* Checks a new change against the plant and the order; fills @params (the
 * values kept, as text) and *@target / *@prepared. */
static gboolean
check_change (EnlaceStore  *store,
              GPtrArray    *changes,
              const char   *kind,
              char        **target,
              JsonObject   *values,
              JsonObject   *params,
              char        **prepared,
              const char   *what,
              GError      **error)
{
  const char * const *members = members_of (kind);
  gboolean device = enlace_orders_is_device_kind (kind);
  GList *names = json_object_get_members (values);

  /* only the values of the kind, as text */
  for (GList *l = names; l; l = l->next)
    {
      g_autofree char *text = NULL;

      if (members == NULL || !g_strv_contains (members, l->data))
        {
          g_autofree char *all = members ? g_strjoinv (", ", (char **) members) : g_strdup ("—");

          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: a change “%s” has no value “%s” (values: %s)"),
                       what, kind, (const char *) l->data, all);
          g_list_free (names);
          return FALSE;
        }
      text = enlace_cases_member_text (values, l->data);
      if (!enlace_cases_text_ok (text))
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: a text has characters a file cannot carry"), what);
          g_list_free (names);
          return FALSE;
        }
      json_object_set_string_member (params, l->data, text ? text : "");
    }
  g_list_free (names);

  if (g_strcmp0 (kind, "connect") == 0 && *target == NULL)
    {
      /* the label the Connect dialog would propose, free in the order too */
      const char *ckind = pget (params, "kind");
      g_autofree char *base = enlace_cable_propose_label (store, ckind ? ckind : "patch-cord");
      *target = g_strdup (base);
      for (guint n = 2; *target && created_by_order (changes, FALSE, *target); n++)
        {
          g_free (*target);
          *target = g_strdup_printf ("%s-%u", base, n);
        }
    }
  if (*target == NULL || !enlace_cases_text_ok (*target))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   device ? _("%s: the device's name is required") : _("%s: the cable is required"), what);
      return FALSE;
    }

  /* one change per object */
  for (guint i = 0; i < changes->len; i++)
    {
      EnlaceOrderChange *c = g_ptr_array_index (changes, i);

      if (enlace_orders_is_device_kind (c->kind) == device && g_strcmp0 (c->target, *target) == 0)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       device ? _("%s: device %s already has change %u in this order")
                              : _("%s: cable %s already has change %u in this order"),
                       what, *target, c->seq);
          return FALSE;
        }
    }

  if (g_strcmp0 (kind, "add-device") == 0 || g_strcmp0 (kind, "add-outlet") == 0)
    {
      if (enlace_store_lookup (store, "device", *target, NULL) > 0)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: a device named %s already exists"), what, *target);
          return FALSE;
        }
      if (g_strcmp0 (kind, "add-outlet") == 0 && pget (params, "space") == NULL)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: an outlet needs its space (BUILDING/LEVEL/CODE)"), what);
          return FALSE;
        }
      return check_choice (params, "role", "role", what, error) &&
             check_choice (params, "face", "face", what, error) &&
             check_choice (params, "status", "status", what, error) &&
             check_ref (store, params, "type", "device-type", what, error) &&
             check_ref (store, params, "rack", "rack", what, error) &&
             check_ref (store, params, "space", "space", what, error) &&
             check_number (params, "u", what, error) &&
             check_number (params, "x", what, error) &&
             check_number (params, "y", what, error);
    }
  if (g_strcmp0 (kind, "move-device") == 0 || g_strcmp0 (kind, "remove-device") == 0)
    {
      gint64 id = enlace_store_lookup (store, "device", *target, NULL);

      if (id <= 0)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                       _("%s: there is no device %s"), what, *target);
          return FALSE;
        }
      *prepared = enlace_orders_device_place (store, id);
      if (g_strcmp0 (kind, "remove-device") == 0)
        return TRUE;
      if (json_object_get_size (params) == 0)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: say where it goes (rack, u, face, space, x, y)"), what);
          return FALSE;
        }
      return check_choice (params, "face", "face", what, error) &&
             check_ref (store, params, "rack", "rack", what, error) &&
             check_ref (store, params, "space", "space", what, error) &&
             check_number (params, "u", what, error) &&
             check_number (params, "x", what, error) &&
             check_number (params, "y", what, error);
    }
  if (g_strcmp0 (kind, "connect") == 0)
    {
      if (enlace_store_lookup (store, "cable", *target, NULL) > 0)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: a cable labelled %s already exists"), what, *target);
          return FALSE;
        }
      return check_terms (store, changes, pget (params, "a"),
                          "A", what, error) &&
             check_terms (store, changes, pget (params, "b"),
                          "B", what, error) &&
             check_number (params, "length_m", what, error);
    }
  if (g_strcmp0 (kind, "disconnect") == 0 || g_strcmp0 (kind, "reroute") == 0)
    {
      gint64 id = enlace_store_lookup (store, "cable", *target, NULL);
      EnlaceTerm t;

      /* a cable may be named by a port it ends on */
      if (id <= 0 && enlace_store_lookup_term (store, *target, &t, NULL))
        id = enlace_store_cable_on (store, &t);
      if (id <= 0)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                       _("%s: there is no cable %s"), what, *target);
          return FALSE;
        }
      g_free (*target);
      *target = enlace_store_dup_key (store, "cable", id);
      if (*target == NULL)
        *target = g_strdup_printf ("#%" G_GINT64_FORMAT, id);
      for (guint i = 0; i < changes->len; i++)
        {
          EnlaceOrderChange *c = g_ptr_array_index (changes, i);

          if (!enlace_orders_is_device_kind (c->kind) && g_strcmp0 (c->target, *target) == 0)
            {
              g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                           _("%s: cable %s already has change %u in this order"), what, *target, c->seq);
              return FALSE;
            }
        }
      *prepared = enlace_orders_cable_text (store, id);
      if (g_strcmp0 (kind, "disconnect") == 0)
        return TRUE;
      {
        const char *a = pget (params, "a");
        const char *b = pget (params, "b");

        if (a == NULL && b == NULL)
          {
            g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                         _("%s: give the new end A, the new end B, or both"), what);
            return FALSE;
          }
        return (a == NULL || check_terms (store, changes, a, "A", what, error)) &&
               (b == NULL || check_terms (store, changes, b, "B", what, error));
      }
    }
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
               _("%s: unknown kind of change “%s” (one of: add-device, move-device, remove-device, "
                 "add-outlet, connect, disconnect, reroute)"),
               what, kind);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Commands                                                            */

gint64
enlace_order_add_change (EnlaceStore  *store,
                         gint64        case_id,
                         const char   *kind,
                         const char   *target,
                         JsonObject   *values,
                         guint        *out_seq,
                         GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(JsonObject) empty = NULL;
  g_autoptr(EnlaceOrderChange) c = g_new0 (EnlaceOrderChange, 1);
  g_autofree char *what = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  g_autofree char *params_text = NULL;
  sqlite3_stmt *stmt;
  guint seq;
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);
  g_return_val_if_fail (kind != NULL, 0);

  if (values == NULL)
    values = empty = json_object_new ();
  if (!enlace_case_head_load (store, case_id, &h, error) || !check_preparing (store, &h, error))
    return 0;
  changes = enlace_order_changes (store, case_id, error);
  if (changes == NULL)
    return 0;
  {
    g_autofree char *max = enlace_cases_query_text (store,
                                                    "SELECT coalesce(max(seq), 0) FROM order_change WHERE case_id = ?1",
                                                    case_id);
    seq = 1 + (guint) (max ? g_ascii_strtoll (max, NULL, 10) : 0);
  }
  what = g_strdup_printf (_("%s, change %u"), h.folio, seq);
  c->seq = seq;
  c->kind = g_strdup (kind);
  c->target = target && *target ? g_strdup (target) : NULL;
  if (!g_strv_contains (change_kinds, kind))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: unknown kind of change “%s” (one of: add-device, move-device, remove-device, "
                     "add-outlet, connect, disconnect, reroute)"),
                   what, kind);
      return 0;
    }
  if (!check_change (store, changes, kind, &c->target, values, params, &c->prepared, what, error))
    return 0;
  c->params = json_object_ref (params);
  params_text = enlace_cases_json_to_text (params);

  label = g_strdup_printf (_("%s: add change %u"), h.folio, seq);
  if (!enlace_store_begin (store, label, error))
    return 0;
  {
    g_autofree char *change_text = enlace_order_change_dup_text (c);

    text = g_strdup_printf (_("Change %u added: %s"), seq, change_text);
  }
  stmt = enlace_store_prepare (store,
                               "INSERT INTO order_change (case_id, seq, kind, target, params, prepared) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               error);
  if (stmt == NULL)
    {
      enlace_store_rollback (store);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int (stmt, 2, (int) seq);
  enlace_cases_bind_text (stmt, 3, kind);
  enlace_cases_bind_text (stmt, 4, c->target);
  enlace_cases_bind_text (stmt, 5, params_text);
  enlace_cases_bind_text (stmt, 6, c->prepared);
  if (!enlace_cases_run (store, stmt, _("Writing a change"), error))
    {
      enlace_store_rollback (store);
      return 0;
    }
  id = sqlite3_last_insert_rowid (enlace_store_get_db (store));
  if (enlace_cases_write_event (store, case_id, "field", text, 0, NULL, NULL, error) == 0)
    {
      enlace_store_rollback (store);
      return 0;
    }
  if (!enlace_store_commit (store, error))
    return 0;
  if (out_seq)
    *out_seq = seq;
  return id;
}

gboolean
enlace_order_remove_change (EnlaceStore  *store,
                            gint64        change_id,
                            GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autoptr(EnlaceOrderChange) c = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  g_autofree char *change_text = NULL;
  gint64 case_id = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  stmt = enlace_store_prepare (store, "SELECT " CHANGE_COLUMNS ", case_id FROM order_change WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      c = change_from_row (stmt);
      case_id = sqlite3_column_int64 (stmt, 8);
    }
  sqlite3_reset (stmt);
  if (c == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("No change #%lld"), (long long) change_id);
      return FALSE;
    }
  if (!enlace_case_head_load (store, case_id, &h, error) || !check_preparing (store, &h, error))
    return FALSE;
  /* a later change may name what this one creates */
  if (g_strcmp0 (c->kind, "add-device") == 0 || g_strcmp0 (c->kind, "add-outlet") == 0 ||
      g_strcmp0 (c->kind, "connect") == 0)
    {
      g_autoptr(GPtrArray) changes = enlace_order_changes (store, case_id, error);

      if (changes == NULL)
        return FALSE;
      for (guint i = 0; i < changes->len; i++)
        {
          EnlaceOrderChange *o = g_ptr_array_index (changes, i);
          g_autofree char *prefix = g_strconcat (c->target, ":", NULL);
          gboolean uses = FALSE;

          if (o->seq <= c->seq)
            continue;
          if (g_strcmp0 (c->kind, "connect") == 0)
            uses = !enlace_orders_is_device_kind (o->kind) && g_strcmp0 (o->target, c->target) == 0;
          else
            {
              const char *a = enlace_orders_param (o, "a"), *b = enlace_orders_param (o, "b");

              uses = (enlace_orders_is_device_kind (o->kind) && g_strcmp0 (o->target, c->target) == 0) ||
                     (a && strstr (a, prefix)) || (b && strstr (b, prefix));
            }
          if (uses)
            {
              g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                           _("%s: change %u names %s, which change %u creates: remove change %u first"),
                           h.folio, o->seq, c->target, c->seq, o->seq);
              return FALSE;
            }
        }
    }

  label = g_strdup_printf (_("%s: remove change %u"), h.folio, c->seq);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  change_text = enlace_order_change_dup_text (c);
  text = g_strdup_printf (_("Change %u removed: %s"), c->seq, change_text);
  stmt = enlace_store_prepare (store, "DELETE FROM order_change WHERE id = ?1", error);
  if (stmt == NULL)
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, change_id);
  if (!enlace_cases_run (store, stmt, _("Removing a change"), error) ||
      enlace_cases_write_event (store, case_id, "field", text, 0, NULL, NULL, error) == 0)
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}
