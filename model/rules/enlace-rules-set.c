/* enlace-rules-set.c: the project's cabling rule set (defaults from
 * data/cabling-rules.json, the project's values in table cabling_rule) and
 * the commands that change it */
#define G_LOG_DOMAIN "enlace-rules"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "enlace-cabling-rules.h"
#include "enlace-rules.h"
#include "enlace-format.h"
#include "enlace-rules-private.h"
#include "enlace-store-private.h"

struct _EnlaceRuleSet
{
  GPtrArray  *rules;  /* of EnlaceRule*, owned */
  GHashTable *by_name;
  GHashTable *numbers; /* name → double* */
  gint        ref_count;
};

G_DEFINE_BOXED_TYPE (EnlaceRuleSet, enlace_rule_set, enlace_rule_set_ref, enlace_rule_set_unref)

/* The labels of the rules; families (reach.APP.TYPE, backbone.MEDIUM.max-m,
 * diameter-mm.TYPE) are made up from their parts. */
static const struct
{
  const char *name;
  const char *label;
} rule_labels[] = {
  { "name", N_("Name of the rule set") },
  { "permanent-link.max-m", N_("Permanent link, maximum length") },
  { "channel.max-m", N_("Channel, maximum length") },
  { "cords.max-m", N_("Cords of a channel together, maximum length") },
  { "cord.max-m", N_("One cord, maximum length") },
  { "connections.link.max", N_("Connections in a permanent link besides the outlet, at most") },
  { "connections.channel.max", N_("Connections in a channel besides the outlet, at most") },
  { "consolidation-point.min-m", N_("Consolidation point, minimum cable distance from the telecom room") },
  { "slack.room-m", N_("Slack of a planned horizontal cable at the telecom room (design)") },
  { "slack.outlet-m", N_("Slack of a planned horizontal cable at the outlet (design)") },
  { "application.copper", N_("Application on horizontal copper") },
  { "application.multimode", N_("Application on multimode fibre") },
  { "application.singlemode", N_("Application on single-mode fibre") },
  { "fill.conduit.one-pct", N_("Conduit fill with one cable, at most") },
  { "fill.conduit.two-pct", N_("Conduit fill with two cables, at most") },
  { "fill.conduit.max-pct", N_("Conduit fill with three cables or more, at most") },
  { "fill.tray.max-pct", N_("Cable tray fill, at most") },
  { "tray.depth-mm", N_("Usable depth of a cable tray") },
  { "rooms.per-floor.min", N_("Telecom rooms on a floor with outlets, at least") },
  { "rooms.area-m2", N_("Floor area served by one telecom room, at most") },
};

static char *
rule_label (const char *name)
{
  g_auto(GStrv) parts = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rule_labels); i++)
    if (strcmp (rule_labels[i].name, name) == 0)
      return g_strdup (_(rule_labels[i].label));

  parts = g_strsplit (name, ".", -1);
  if (g_strv_length (parts) == 3 && strcmp (parts[0], "reach") == 0)
    {
      g_autofree char *app = g_ascii_strup (parts[1], -1);
      g_autofree char *type = enlace_format_cable_type (parts[2]);

      /* TRANSLATORS: "Reach of 10GBASE-T on Cat6" */
      return g_strdup_printf (_("Reach of %s on %s"), app, type);
    }
  if (g_strv_length (parts) == 3 && strcmp (parts[0], "backbone") == 0)
    {
      const char *medium = parts[1];

      if (strcmp (medium, "singlemode") == 0)
        return g_strdup (_("Backbone on single-mode fibre, maximum length"));
      if (strcmp (medium, "multimode") == 0)
        return g_strdup (_("Backbone on multimode fibre, maximum length"));
      if (strcmp (medium, "voice") == 0)
        return g_strdup (_("Backbone on voice copper, maximum length"));
      return g_strdup (_("Backbone on data copper, maximum length"));
    }
  if (g_strv_length (parts) == 2 && strcmp (parts[0], "diameter-mm") == 0)
    {
      g_autofree char *type = enlace_format_cable_type (parts[1]);

      if (strcmp (parts[1], "other") == 0)
        return g_strdup (_("Diameter of a cable of any other type"));
      if (strcmp (parts[1], "multipair") == 0)
        return g_strdup (_("Diameter of a voice multipair cable"));
      /* TRANSLATORS: "Diameter of a Cat6 cable" */
      return g_strdup_printf (_("Diameter of a %s cable"), type);
    }
  return g_strdup (name);
}

static const char *
rule_unit (const char *name)
{
  if (g_str_has_prefix (name, "reach.") || g_str_has_suffix (name, "-m"))
    return "m";
  if (g_str_has_suffix (name, "-pct"))
    return "%";
  if (g_str_has_suffix (name, "-mm") || g_str_has_prefix (name, "diameter-mm."))
    return "mm";
  if (g_str_has_suffix (name, "-m2"))
    return "m²";
  return "";
}

static void
rule_free (gpointer data)
{
  EnlaceRule *r = data;

  g_free ((char *) r->name);
  g_free (r->value);
  g_free (r->default_value);
  g_free (r->label);
  g_free (r);
}

EnlaceRuleSet *
enlace_rule_set_ref (EnlaceRuleSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
enlace_rule_set_unref (EnlaceRuleSet *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_hash_table_unref (self->by_name);
  g_hash_table_unref (self->numbers);
  g_ptr_array_unref (self->rules);
  g_free (self);
}

static void
rule_set_put_number (EnlaceRuleSet    *self,
                     const EnlaceRule *r)
{
  double *d;
  char *end = NULL;
  double v;

  if (!r->numeric)
    return;
  v = g_ascii_strtod (r->value, &end);
  if (end == r->value || *end != '\0')
    return;
  d = g_new (double, 1);
  *d = v;
  g_hash_table_replace (self->numbers, (gpointer) r->name, d);
}

/* The defaults, parsed once (the file is embedded and checked by the
 * tests: it cannot fail at run time). */
EnlaceRuleSet *
enlace_rule_set_new_defaults (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  EnlaceRuleSet *self = g_new0 (EnlaceRuleSet, 1);
  JsonObject *root, *rules;
  EnlaceRule *r;
  g_autoptr(GList) members = NULL;

  self->ref_count = 1;
  self->rules = g_ptr_array_new_with_free_func (rule_free);
  self->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (!json_parser_load_from_data (parser, ENLACE_SQL_CABLING_RULES, -1, &error))
    g_error ("data/cabling-rules.json: %s", error->message);
  root = json_node_get_object (json_parser_get_root (parser));

  r = g_new0 (EnlaceRule, 1);
  r->name = g_strdup ("name");
  r->value = g_strdup (json_object_get_string_member (root, "name"));
  r->default_value = g_strdup (r->value);
  r->label = rule_label (r->name);
  r->unit = "";
  g_ptr_array_add (self->rules, r);
  g_hash_table_insert (self->by_name, (gpointer) r->name, r);

  rules = json_object_get_object_member (root, "rules");
  members = json_object_get_members (rules);
  for (GList *l = members; l; l = l->next)
    {
      JsonNode *n = json_object_get_member (rules, l->data);

      r = g_new0 (EnlaceRule, 1);
      r->name = g_strdup (l->data);
      if (json_node_get_value_type (n) == G_TYPE_STRING)
        r->value = g_strdup (json_node_get_string (n));
      else
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          r->numeric = TRUE;
          r->value = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", json_node_get_double (n)));
        }
      r->default_value = g_strdup (r->value);
      r->label = rule_label (r->name);
      r->unit = rule_unit (r->name);
      g_ptr_array_add (self->rules, r);
      g_hash_table_insert (self->by_name, (gpointer) r->name, r);
      rule_set_put_number (self, r);
    }
  return self;
}

EnlaceRuleSet *
enlace_rule_set_load (EnlaceStore  *store,
                      GError      **error)
{
  g_autoptr(EnlaceRuleSet) self = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  self = enlace_rule_set_new_defaults ();
  stmt = enlace_store_prepare (store, "SELECT name, value FROM cabling_rule ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EnlaceRule *r = g_hash_table_lookup (self->by_name, sqlite3_column_text (stmt, 0));

      if (r == NULL)   /* a rule this Enlace does not know */
        continue;
      g_free (r->value);
      r->value = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      r->changed = g_strcmp0 (r->value, r->default_value) != 0;
      rule_set_put_number (self, r);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&self);
}

const char *
enlace_rule_set_get_name (EnlaceRuleSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return enlace_rule_set_get_text (self, "name");
}

double
enlace_rule_set_get_number (EnlaceRuleSet *self,
                            const char    *name)
{
  double *d;

  g_return_val_if_fail (self != NULL, NAN);
  d = g_hash_table_lookup (self->numbers, name);
  return d ? *d : NAN;
}

const char *
enlace_rule_set_get_text (EnlaceRuleSet *self,
                          const char    *name)
{
  EnlaceRule *r;

  g_return_val_if_fail (self != NULL, NULL);
  r = g_hash_table_lookup (self->by_name, name);
  return r ? r->value : NULL;
}

GPtrArray *
enlace_rule_set_get_rules (EnlaceRuleSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rules;
}

const EnlaceRule *
enlace_rule_set_lookup (EnlaceRuleSet *self,
                        const char    *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->by_name, name);
}

JsonNode *
enlace_rule_set_to_json (EnlaceRuleSet *self)
{
  g_autoptr(JsonObject) o = json_object_new ();
  JsonArray *a = json_array_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_object_set_string_member (o, "name", enlace_rule_set_get_name (self));
  for (guint i = 0; i < self->rules->len; i++)
    {
      EnlaceRule *r = g_ptr_array_index (self->rules, i);
      JsonObject *ro = json_object_new ();

      json_object_set_string_member (ro, "name", r->name);
      if (r->numeric)
        {
          json_object_set_double_member (ro, "value", enlace_rule_set_get_number (self, r->name));
          json_object_set_double_member (ro, "default", g_ascii_strtod (r->default_value, NULL));
        }
      else
        {
          json_object_set_string_member (ro, "value", r->value);
          json_object_set_string_member (ro, "default", r->default_value);
        }
      json_object_set_string_member (ro, "label", r->label);
      json_object_set_string_member (ro, "unit", r->unit);
      json_object_set_boolean_member (ro, "changed", r->changed);
      json_array_add_object_element (a, ro);
    }
  json_object_set_array_member (o, "rules", a);
  return json_node_init_object (json_node_alloc (), o);
}

/* ---------------------------------------------------------------- commands */

static gboolean
application_known (EnlaceRuleSet *set,
                   const char    *app)
{
  g_autofree char *prefix = g_strdup_printf ("reach.%s.", app);

  for (guint i = 0; i < set->rules->len; i++)
    {
      EnlaceRule *r = g_ptr_array_index (set->rules, i);

      if (g_str_has_prefix (r->name, prefix))
        return TRUE;
    }
  return FALSE;
}

/* The value to store for @name, normalized, or NULL with @error (see
 * enlace-rules-private.h). */
char *
enlace_rules_normalize (EnlaceRuleSet  *defaults,
                        const char     *name,
                        const char     *value,
                        GError        **error)
{
  const EnlaceRule *r = enlace_rule_set_lookup (defaults, name);
  g_autofree char *text = g_strstrip (g_strdup (value));

  if (r == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no cabling rule “%s” (see enlace-cli rules FILE show)"), name);
      return NULL;
    }
  if (r->numeric)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      char *end = NULL;
      double v = g_ascii_strtod (text, &end);
      gboolean count = g_str_has_prefix (name, "connections.");

      if (end == text || *end != '\0' || !isfinite (v) || v < 0 || (v == 0 && !count))
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Cabling rule “%s”: “%s” is not a positive number"), name, value);
          return NULL;
        }
      if (count && v != floor (v))
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Cabling rule “%s”: “%s” is not a whole number"), name, value);
          return NULL;
        }
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", v));
    }
  if (*text == '\0' || g_utf8_strlen (text, -1) > 200)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Cabling rule “%s”: the value must have 1 to 200 characters"), name);
      return NULL;
    }
  if (g_str_has_prefix (name, "application."))
    {
      g_autofree char *app = g_ascii_strdown (text, -1);

      if (!application_known (defaults, app))
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Cabling rule “%s”: the rule set has no reach for the application “%s”"),
                       name, value);
          return NULL;
        }
      return g_steal_pointer (&app);
    }
  return g_steal_pointer (&text);
}

gboolean
enlace_rules_set_value (EnlaceStore  *store,
                        const char   *name,
                        const char   *value,
                        GError      **error)
{
  g_autoptr(EnlaceRuleSet) defaults = NULL;
  g_autofree char *text = NULL;
  const EnlaceRule *r;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  defaults = enlace_rule_set_new_defaults ();
  text = enlace_rules_normalize (defaults, name, value, error);
  if (text == NULL)
    return FALSE;
  r = enlace_rule_set_lookup (defaults, name);

  if (!enlace_store_begin (store, _("Set cabling rule"), error))
    return FALSE;
  if (strcmp (text, r->default_value) == 0)
    stmt = enlace_store_prepare (store, "DELETE FROM cabling_rule WHERE name = ?1", error);
  else
    stmt = enlace_store_prepare (store,
                                 "INSERT INTO cabling_rule (name, value) VALUES (?1, ?2) "
                                 "ON CONFLICT (name) DO UPDATE SET value = excluded.value "
                                 "WHERE value IS NOT excluded.value", error);
  if (stmt == NULL)
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Setting a cabling rule"));
      sqlite3_reset (stmt);
      enlace_store_rollback (store);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return enlace_store_commit (store, error);
}

gboolean
enlace_rules_reset (EnlaceStore  *store,
                    GError      **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!enlace_store_begin (store, _("Reset cabling rules"), error))
    return FALSE;
  if (!enlace_store_exec (store, "DELETE FROM cabling_rule", error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}

gboolean
enlace_rules_copy_defaults (EnlaceStore  *store,
                            const char   *name,
                            GError      **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  {
    g_autofree char *stripped = g_strstrip (g_strdup (name));

    if (stripped[0] == '\0')
      {
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                     _("The copy of the cabling rules needs a name"));
        return FALSE;
      }
  }
  if (!enlace_store_begin (store, _("Copy Enlace's cabling rules"), error))
    return FALSE;
  if (!enlace_store_exec (store, "DELETE FROM cabling_rule", error) ||
      !enlace_rules_set_value (store, "name", name, error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}

static gboolean
row_exists (EnlaceStore *store,
            const char  *sql,
            gint64       id)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
lay_cable (EnlaceStore  *store,
           gint64        pathway_id,
           gint64        cable_id,
           gboolean      lay,
           GError      **error)
{
  g_autofree char *ckey = NULL;
  sqlite3_stmt *stmt;

  if (!row_exists (store, "SELECT 1 FROM pathway WHERE id = ?", pathway_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no pathway with id %lld"), (long long) pathway_id);
      return FALSE;
    }
  if (!row_exists (store, "SELECT 1 FROM cable WHERE id = ?", cable_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no cable with id %lld"), (long long) cable_id);
      return FALSE;
    }
  ckey = enlace_store_dup_key (store, "cable", cable_id);
  stmt = enlace_store_prepare (store, "SELECT 1 FROM pathway_cable WHERE pathway_id = ?1 AND cable_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pathway_id);
  sqlite3_bind_int64 (stmt, 2, cable_id);
  if ((sqlite3_step (stmt) == SQLITE_ROW) == lay)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ENLACE_STORE_ERROR, lay ? ENLACE_STORE_ERROR_CONFLICT : ENLACE_STORE_ERROR_NOT_FOUND,
                   lay ? _("Cable %s is already laid in pathway %lld")
                       : _("Cable %s is not laid in pathway %lld"),
                   ckey, (long long) pathway_id);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (!enlace_store_begin (store, lay ? _("Lay cable in pathway") : _("Take cable out of pathway"), error))
    return FALSE;
  stmt = enlace_store_prepare (store, lay
                               ? "INSERT INTO pathway_cable (pathway_id, cable_id) VALUES (?1, ?2)"
                               : "DELETE FROM pathway_cable WHERE pathway_id = ?1 AND cable_id = ?2", error);
  if (stmt == NULL)
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, pathway_id);
  sqlite3_bind_int64 (stmt, 2, cable_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Laying a cable in a pathway"));
      sqlite3_reset (stmt);
      enlace_store_rollback (store);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return enlace_store_commit (store, error);
}

gboolean
enlace_rules_lay_cable (EnlaceStore  *store,
                        gint64        pathway_id,
                        gint64        cable_id,
                        GError      **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  return lay_cable (store, pathway_id, cable_id, TRUE, error);
}

gboolean
enlace_rules_unlay_cable (EnlaceStore  *store,
                          gint64        pathway_id,
                          gint64        cable_id,
                          GError      **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  return lay_cable (store, pathway_id, cable_id, FALSE, error);
}
