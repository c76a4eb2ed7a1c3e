/* enlace-store-objects.c: generic commands on the objects of every kind,
 * readable keys, cables and extensions. */
#define G_LOG_DOMAIN "enlace-store"
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "enlace-field-bounds.h"
#include "enlace-json-bounds.h"
#include "enlace-geometry.h"
#include "enlace-store-internal.h"

/* ---------------------------------------------------------------- helpers */

static const EnlaceKind *
get_kind (const char  *name,
          GError     **error)
{
  const EnlaceKind *kind = enlace_kind_lookup (name);

  if (kind == NULL)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                 _("Unknown kind of object “%s”"), name);
  return kind;
}

/* The translated name of a kind in lower case, for sentences. */
static const char *
kind_lower (const char *label)
{
  g_autofree char *down = g_utf8_strdown (_(label), -1);
  return g_intern_string (down);
}

/* The most readable field of an object, for messages. */
static const char *
object_title (JsonObject *values)
{
  static const char * const names[] = { "name", "code", "number", "cid", "label", "model", NULL };

  if (values == NULL)
    return "";
  for (guint i = 0; names[i]; i++)
    if (json_object_has_member (values, names[i]))
      {
        JsonNode *n = json_object_get_member (values, names[i]);

        if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
          return json_node_get_string (n);
      }
  return "";
}

static gboolean
parse_bool (const char *s,
            gboolean   *out)
{
  if (g_ascii_strcasecmp (s, "true") == 0 || g_ascii_strcasecmp (s, "yes") == 0 ||
      g_strcmp0 (s, "1") == 0 || g_ascii_strcasecmp (s, "sí") == 0 || g_ascii_strcasecmp (s, "si") == 0)
    *out = TRUE;
  else if (g_ascii_strcasecmp (s, "false") == 0 || g_ascii_strcasecmp (s, "no") == 0 ||
           g_strcmp0 (s, "0") == 0)
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
row_exists (EnlaceStore *self,
            const char  *table,
            gint64       id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt = enlace_store_prepare (self, sql, NULL);
  gboolean ret;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ret = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return ret;
}

static gboolean
valid_polygon (const char *text)
{
  g_autoptr(JsonNode) node = NULL;

  if (!enlace_json_within_bounds (text, -1, NULL))
    return FALSE;
  node = json_from_string (text, NULL);
  /* An empty outline means "not drawn yet". */
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) == 0)
    return TRUE;
  return enlace_points_valid (text, 3);
}

static char *
choices_text (const char * const *choices)
{
  return g_strjoinv (", ", (char **)choices);
}

/* A POLYGON or POLYLINE field: @node is a JSON array or its text. */
static gboolean
normalize_points (const EnlaceKind  *kind,
                  const EnlaceField *field,
                  JsonNode          *node,
                  const char        *title,
                  JsonObject        *out,
                  GError           **error)
{
  g_autofree char *text = NULL;
  gboolean ok;

  if (JSON_NODE_HOLDS_ARRAY (node))
    text = json_to_string (node, FALSE);
  else
    text = g_strdup (json_node_get_string (node));
  ok = field->type == ENLACE_FIELD_POLYGON ? valid_polygon (text) : enlace_points_valid (text, 2);
  if (!ok)
    {
      if (field->type == ENLACE_FIELD_POLYGON)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                     _("%s “%s”: the outline must be a list of at least three points [[x, y], …] in metres"),
                     _(kind->label), title);
      else
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                     _("%s “%s”: %s must be a list of at least two points [[x, y], …] in metres"),
                     _(kind->label), title, _(field->label));
      return FALSE;
    }
  {
    g_autofree char *rule = NULL;

    if (!enlace_points_in_range (text, &rule))
      {
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                     _("%s “%s”: %s: %s"), _(kind->label), title, _(field->label), rule);
        return FALSE;
      }
  }
  json_object_set_string_member (out, field->name, text);
  return TRUE;
}

/* A REF field: @node is an id or the readable key of the object. */
static gboolean
normalize_ref (EnlaceStore       *self,
               const EnlaceKind  *kind,
               const EnlaceField *field,
               JsonNode          *node,
               const char        *title,
               JsonObject        *out,
               GError           **error)
{
  const EnlaceKind *ref = enlace_kind_lookup (field->ref_kind);
  gint64 id;

  g_assert (ref != NULL);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    id = json_node_get_int (node);
  else
    {
      g_autoptr(GError) local_error = NULL;

      id = enlace_store_lookup (self, field->ref_kind, json_node_get_string (node), &local_error);
      if (id == 0)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                       _("%s “%s”: %s"), _(kind->label), title, local_error->message);
          return FALSE;
        }
    }
  if (!row_exists (self, ref->table, id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("%s “%s”: there is no %s with id %lld"),
                   _(kind->label), title, _(ref->label), (long long)id);
      return FALSE;
    }
  json_object_set_int_member (out, field->name, id);
  return TRUE;
}

/* Converts the user value @node of @field (a string, a number, a key for
 * a reference) into its typed value, set in @out. */
static gboolean
normalize_field (EnlaceStore       *self,
                 const EnlaceKind  *kind,
                 const EnlaceField *field,
                 JsonNode          *node,
                 const char        *title,
                 JsonObject        *out,
                 GError           **error)
{
  const char *name = field->name;
  GType vtype = G_TYPE_INVALID;
  const char *s = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      json_object_set_null_member (out, name);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      vtype = json_node_get_value_type (node);
      if (vtype == G_TYPE_STRING)
        s = json_node_get_string (node);
    }
  if (s != NULL && *s == '\0' && field->type != ENLACE_FIELD_TEXT)
    {
      json_object_set_null_member (out, name);
      return TRUE;
    }

  switch (field->type)
    {
    case ENLACE_FIELD_TEXT:
      if (s == NULL)
        goto bad_type;
      json_object_set_string_member (out, name, s);
      break;

    case ENLACE_FIELD_CHOICE:
      if (s == NULL)
        goto bad_type;
      if (!g_strv_contains (field->choices, s))
        {
          g_autofree char *list = choices_text (field->choices);
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s “%s”: %s “%s” is not one of: %s"),
                       _(kind->label), title, _(field->label), s, list);
          return FALSE;
        }
      json_object_set_string_member (out, name, s);
      break;

    case ENLACE_FIELD_POLYGON:
    case ENLACE_FIELD_POLYLINE:
      if (s == NULL && !JSON_NODE_HOLDS_ARRAY (node))
        goto bad_type;
      return normalize_points (kind, field, node, title, out, error);

    case ENLACE_FIELD_INT:
      {
        gint64 v;

        if (vtype == G_TYPE_INT64)
          v = json_node_get_int (node);
        else if (vtype == G_TYPE_DOUBLE && json_node_get_double (node) == floor (json_node_get_double (node)) &&
                 fabs (json_node_get_double (node)) < 1e15)
          v = (gint64)json_node_get_double (node);
        else if (vtype == G_TYPE_BOOLEAN)
          v = json_node_get_boolean (node);
        else if (s != NULL)
          {
            char *end = NULL;

            errno = 0;
            v = g_ascii_strtoll (s, &end, 10);
            if (end == s || *end != '\0')
              goto bad_type;
            if (errno == ERANGE)
              {
                /* it read as -1 or the largest number before */
                g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                             _("%s “%s”: %s “%s” is too large a number"),
                             _(kind->label), title, _(field->label), s);
                return FALSE;
              }
          }
        else
          goto bad_type;
        json_object_set_int_member (out, name, v);
      }
      break;

    case ENLACE_FIELD_REAL:
      {
        double v;

        if (vtype == G_TYPE_INT64)
          v = json_node_get_int (node);
        else if (vtype == G_TYPE_DOUBLE)
          v = json_node_get_double (node);
        else if (s != NULL)
          {
            char *end = NULL;
            g_autofree char *dot = g_strdelimit (g_strdup (s), ",", '.');
            v = g_ascii_strtod (dot, &end);
            if (end == dot || *end != '\0')
              goto bad_type;
          }
        else
          goto bad_type;
        if (!isfinite (v))
          goto bad_type;
        {
          g_autofree char *rule = NULL;

          if (!enlace_field_real_in_range (field, v, &rule))
            {
              g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                           _("%s “%s”: %s %g is out of range: %s"),
                           _(kind->label), title, _(field->label), v, rule);
              return FALSE;
            }
        }
        json_object_set_double_member (out, name, v);
      }
      break;

    case ENLACE_FIELD_BOOL:
      {
        gboolean v;

        if (vtype == G_TYPE_BOOLEAN)
          v = json_node_get_boolean (node);
        else if (vtype == G_TYPE_INT64)
          v = json_node_get_int (node) != 0;
        else if (s == NULL || !parse_bool (s, &v))
          goto bad_type;
        json_object_set_int_member (out, name, v ? 1 : 0);
      }
      break;

    case ENLACE_FIELD_REF:
      if (vtype != G_TYPE_INT64 && s == NULL)
        goto bad_type;
      return normalize_ref (self, kind, field, node, title, out, error);

    default:
      g_assert_not_reached ();
    }
  return TRUE;

bad_type:
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
               _("%s “%s”: “%s” is not a valid value for %s"),
               _(kind->label), title,
               s ? s : "?", _(field->label));
  return FALSE;
}

/* Converts @in (user values: strings, numbers, keys for references) into
 * typed values for the columns of @kind.  Unknown fields are refused. */
static JsonObject *
normalize (EnlaceStore       *self,
           const EnlaceKind  *kind,
           JsonObject        *in,
           const char        *title,
           GError           **error)
{
  g_autoptr(JsonObject) out = json_object_new ();
  g_autoptr(GList) members = NULL;

  if (in == NULL)
    return g_steal_pointer (&out);

  members = json_object_get_members (in);
  for (GList *l = members; l; l = l->next)
    {
      const char *name = l->data;
      const EnlaceField *field;

      if (strcmp (name, "id") == 0)
        continue;
      field = enlace_kind_get_field (kind, name);
      if (field == NULL)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s “%s”: unknown field “%s”"), _(kind->label), title, name);
          return NULL;
        }
      if (!normalize_field (self, kind, field, json_object_get_member (in, name), title, out, error))
        return NULL;
    }

  return g_steal_pointer (&out);
}

static gboolean
check_required (const EnlaceKind  *kind,
                JsonObject        *values,
                GError           **error)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EnlaceField *f = &kind->fields[i];
      JsonNode *n;

      if (!f->required)
        continue;
      n = json_object_get_member (values, f->name);
      if (n == NULL || JSON_NODE_HOLDS_NULL (n) ||
          (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING &&
           *json_node_get_string (n) == '\0'))
        {
          const char *title = object_title (values);

          if (title == NULL || *title == '\0')
            /* Translators: "Floor: the field “Name” is required" (an object not named yet) */
            g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                         _("%s: the field “%s” is required"), _(kind->label), _(f->label));
          else
            g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                         _("%s “%s”: the field “%s” is required"), _(kind->label), title, _(f->label));
          return FALSE;
        }
    }
  return TRUE;
}

static void
bind_node (sqlite3_stmt *stmt,
           int           i,
           JsonNode     *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      sqlite3_bind_null (stmt, i);
      return;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      sqlite3_bind_int64 (stmt, i, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      sqlite3_bind_double (stmt, i, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, i, json_node_get_boolean (node));
      break;
    default:
      sqlite3_bind_text (stmt, i, json_node_get_string (node), -1, SQLITE_TRANSIENT);
    }
}

/* Turns an SQLite constraint failure into a message naming the rule. */
static void
set_write_error (EnlaceStore       *self,
                 const EnlaceKind  *kind,
                 JsonObject        *values,
                 GError           **error)
{
  sqlite3 *db = enlace_store_get_db (self);
  const char *msg = sqlite3_errmsg (db);
  int code = sqlite3_extended_errcode (db);

  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
    {
      const char *cols = strstr (msg, ": ");
      g_autoptr(GString) fields = g_string_new (NULL);
      g_auto(GStrv) parts = g_strsplit (cols ? cols + 2 : "", ", ", -1);

      for (guint i = 0; parts[i]; i++)
        {
          const char *dot = strchr (parts[i], '.');
          const EnlaceField *f = enlace_kind_get_field (kind, dot ? dot + 1 : parts[i]);

          if (f == NULL || f->type == ENLACE_FIELD_REF)
            continue;
          if (fields->len)
            g_string_append (fields, ", ");
          g_string_append (fields, _(f->label));
        }
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT,
                   _("%s “%s”: another %s already has this %s"),
                   _(kind->label), object_title (values),
                   kind_lower (kind->label), fields->str);
    }
  else if ((code & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                 _("%s “%s”: a value breaks a rule of the file (%s)"),
                 _(kind->label), object_title (values), msg);
  else
    enlace_store_set_sql_error (self, error, _(kind->label));
}

static JsonObject *
row_to_object (sqlite3_stmt *stmt)
{
  JsonObject *obj = json_object_new ();
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          json_object_set_int_member (obj, name, sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          json_object_set_double_member (obj, name, sqlite3_column_double (stmt, i));
          break;
        case SQLITE_NULL:
          json_object_set_null_member (obj, name);
          break;
        default:
          json_object_set_string_member (obj, name, (const char *)sqlite3_column_text (stmt, i));
        }
    }
  return obj;
}

/* For check, which reads every row of a table: one object whose members
 * (one per column of @stmt) are set in place for each row, instead of an
 * object built and freed per row.  *@nodes receives its members in the
 * order of the columns. */
static JsonObject *
row_object_new (sqlite3_stmt  *stmt,
                JsonNode    ***nodes)
{
  JsonObject *obj = json_object_new ();
  int n = sqlite3_column_count (stmt);

  *nodes = g_new (JsonNode *, MAX (n, 1));
  for (int i = 0; i < n; i++)
    {
      JsonNode *node = json_node_new (JSON_NODE_NULL);

      json_object_set_member (obj, sqlite3_column_name (stmt, i), node);
      (*nodes)[i] = node;
    }
  return obj;
}

/* Sets the members made by row_object_new() to the row @stmt is on: the
 * values row_to_object() would give.  A member that stays a value is
 * changed in place; one that turns null or back is a new node, since
 * json_node_init() leaves a freed value behind in the node (json-glib
 * 1.6), which the next json_node_set_*() would write to. */
static void
row_object_set (JsonObject    *obj,
                sqlite3_stmt  *stmt,
                JsonNode     **nodes)
{
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      int type = sqlite3_column_type (stmt, i);
      JsonNode *node = nodes[i];

      if ((type == SQLITE_NULL) != JSON_NODE_HOLDS_NULL (node))
        {
          node = type == SQLITE_NULL ? json_node_new (JSON_NODE_NULL) : json_node_new (JSON_NODE_VALUE);
          json_object_set_member (obj, sqlite3_column_name (stmt, i), node);
          nodes[i] = node;
        }
      switch (type)
        {
        case SQLITE_INTEGER:
          json_node_set_int (node, sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          json_node_set_double (node, sqlite3_column_double (stmt, i));
          break;
        case SQLITE_NULL:
          break;
        default:
          json_node_set_string (node, (const char *)sqlite3_column_text (stmt, i));
        }
    }
}

/* ---------------------------------------------------------------- read */

JsonObject *
enlace_store_get (EnlaceStore  *self,
                  const char   *kind_name,
                  gint64        id,
                  GError      **error)
{
  const EnlaceKind *kind;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  JsonObject *ret = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);

  if (!(kind = get_kind (kind_name, error)))
    return NULL;
  sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?1", kind->table);
  stmt = enlace_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ret = row_to_object (stmt);
  else
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                 _("There is no %s with id %lld"),
                 kind_lower (kind->label), (long long)id);
  sqlite3_reset (stmt);
  return ret;
}

GPtrArray *
enlace_store_list (EnlaceStore  *self,
                   const char   *kind_name,
                   gint64        parent_id,
                   GError      **error)
{
  const EnlaceKind *kind;
  g_autofree char *sql = NULL;
  GPtrArray *ret;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);

  if (!(kind = get_kind (kind_name, error)))
    return NULL;
  if (parent_id > 0 && kind->parent_field != NULL)
    sql = g_strdup_printf ("SELECT * FROM %s WHERE %s = ?1 ORDER BY %s",
                           kind->table, kind->parent_field, kind->order_by);
  else
    sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s", kind->table, kind->order_by);
  stmt = enlace_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (parent_id > 0 && kind->parent_field != NULL)
    sqlite3_bind_int64 (stmt, 1, parent_id);

  ret = g_ptr_array_new_with_free_func ((GDestroyNotify)json_object_unref);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ret, row_to_object (stmt));
  sqlite3_reset (stmt);
  return ret;
}

guint
enlace_store_count (EnlaceStore *self,
                    const char  *kind_name)
{
  const EnlaceKind *kind = enlace_kind_lookup (kind_name);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint ret = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (self), 0);
  g_return_val_if_fail (kind != NULL, 0);

  sql = g_strdup_printf ("SELECT count(*) FROM %s", kind->table);
  stmt = enlace_store_prepare (self, sql, NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    ret = sqlite3_column_int (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return ret;
}

/* ---------------------------------------------------------------- keys */

gint64
enlace_store_lookup_one (EnlaceStore *self,
                         const char  *sql,
                         const char  *a,
                         const char  *b,
                         const char  *c,
                         gboolean    *ambiguous)
{
  sqlite3_stmt *stmt = enlace_store_prepare (self, sql, NULL);
  gint64 id = 0;

  if (ambiguous)
    *ambiguous = FALSE;
  if (stmt == NULL)
    return 0;
  if (a) sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (b) sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  if (c) sqlite3_bind_text (stmt, 3, c, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          if (ambiguous)
            *ambiguous = TRUE;
          id = 0;
        }
    }
  sqlite3_reset (stmt);
  return id;
}

gint64
enlace_store_lookup (EnlaceStore  *self,
                     const char   *kind_name,
                     const char   *key,
                     GError      **error)
{
  const EnlaceKind *kind;
  gboolean ambiguous = FALSE;
  gint64 id = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (self), 0);
  g_return_val_if_fail (key != NULL, 0);

  if (!(kind = get_kind (kind_name, error)))
    return 0;

  if (key[0] == '#')
    {
      char *end = NULL;
      gint64 v = g_ascii_strtoll (key + 1, &end, 10);

      if (end != key + 1 && *end == '\0' && row_exists (self, kind->table, v))
        return v;
    }
  else if (kind->lookup != NULL)
    id = kind->lookup (self, key, &ambiguous);

  if (id == 0)
    {
      if (ambiguous)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     _("“%s” names more than one %s; use #ID"),
                     key, kind_lower (kind->label));
      else
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     _("There is no %s “%s”"),
                     kind_lower (kind->label), key);
    }
  return id;
}

static char *
query_text (EnlaceStore *self,
            const char  *sql,
            gint64       id)
{
  sqlite3_stmt *stmt = enlace_store_prepare (self, sql, NULL);
  char *ret = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    ret = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return ret;
}

char *
enlace_store_dup_key (EnlaceStore *self,
                      const char  *kind_name,
                      gint64       id)
{
  const EnlaceKind *kind;
  char *ret = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);

  kind = enlace_kind_lookup (kind_name);
  if (kind != NULL && kind->key_sql != NULL)
    ret = query_text (self, kind->key_sql, id);
  if (ret == NULL)
    ret = g_strdup_printf ("#%" G_GINT64_FORMAT, id);
  return ret;
}

/* ---------------------------------------------------------------- write */

/* Sets the default of each field of @kind absent from @values. */
static void
apply_defaults (const EnlaceKind *kind,
                JsonObject       *values)
{
  for (guint f = 0; f < kind->n_fields; f++)
    {
      const EnlaceField *field = &kind->fields[f];

      if (field->default_value == NULL || json_object_has_member (values, field->name))
        continue;
      switch (field->type)
        {
        case ENLACE_FIELD_INT:
        case ENLACE_FIELD_BOOL:
        case ENLACE_FIELD_REF:
          json_object_set_int_member (values, field->name, g_ascii_strtoll (field->default_value, NULL, 10));
          break;
        case ENLACE_FIELD_REAL:
          json_object_set_double_member (values, field->name, g_ascii_strtod (field->default_value, NULL));
          break;
        default:
          json_object_set_string_member (values, field->name, field->default_value);
        }
    }
}

gint64
enlace_store_create (EnlaceStore  *self,
                     const char   *kind_name,
                     JsonObject   *values,
                     GError      **error)
{
  const EnlaceKind *kind;
  g_autoptr(JsonObject) norm = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GString) marks = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int i;

  g_return_val_if_fail (ENLACE_IS_STORE (self), 0);
  g_return_val_if_fail (kind_name != NULL, 0);

  if (!(kind = get_kind (kind_name, error)))
    return 0;

  label = g_strdup_printf (_("Add %s “%s”"), kind_lower (kind->label), object_title (values));
  if (!enlace_store_begin (self, label, error))
    return 0;

  norm = normalize (self, kind, values, object_title (values), error);
  if (norm == NULL)
    goto fail;
  /* Defaults the file would apply, so that validation sees them. */
  apply_defaults (kind, norm);

  if (!check_required (kind, norm, error))
    goto fail;
  if (kind->validate != NULL && !kind->validate (self, 0, norm, error))
    goto fail;

  sql = g_string_new (NULL);
  marks = g_string_new (NULL);
  members = json_object_get_members (norm);
  g_string_printf (sql, "INSERT INTO %s (", kind->table);
  i = 0;
  for (GList *l = members; l; l = l->next, i++)
    {
      g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", (const char *)l->data);
      g_string_append_printf (marks, "%s?%d", i ? ", " : "", i + 1);
    }
  if (i == 0)
    g_string_append_printf (sql, ") DEFAULT VALUES");
  else
    g_string_append_printf (sql, ") VALUES (%s)", marks->str);

  stmt = enlace_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    goto fail;
  i = 1;
  for (GList *l = members; l; l = l->next, i++)
    bind_node (stmt, i, json_object_get_member (norm, l->data));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (self, kind, norm, error);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (enlace_store_get_db (self));

  if (kind->after_create != NULL && !kind->after_create (self, id, norm, error))
    goto fail;
  if (!enlace_store_commit (self, error))
    return 0;
  return id;

fail:
  enlace_store_rollback (self);
  return 0;
}

gboolean
enlace_store_update (EnlaceStore  *self,
                     const char   *kind_name,
                     gint64        id,
                     JsonObject   *values,
                     GError      **error)
{
  const EnlaceKind *kind;
  g_autoptr(JsonObject) current = NULL;
  g_autoptr(JsonObject) norm = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;
  int i;

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);

  if (!(kind = get_kind (kind_name, error)))
    return FALSE;
  current = enlace_store_get (self, kind_name, id, error);
  if (current == NULL)
    return FALSE;

  label = g_strdup_printf (_("Change %s “%s”"), kind_lower (kind->label), object_title (current));
  if (!enlace_store_begin (self, label, error))
    return FALSE;

  norm = normalize (self, kind, values, object_title (current), error);
  if (norm == NULL)
    goto fail;
  members = json_object_get_members (norm);
  if (members == NULL)
    return enlace_store_commit (self, error);

  /* Validate the merged object. */
  for (GList *l = members; l; l = l->next)
    json_object_set_member (current, l->data, json_node_copy (json_object_get_member (norm, l->data)));
  if (!check_required (kind, current, error))
    goto fail;
  if (kind->validate != NULL && !kind->validate (self, id, current, error))
    goto fail;

  sql = g_string_new (NULL);
  g_string_printf (sql, "UPDATE %s SET ", kind->table);
  i = 0;
  for (GList *l = members; l; l = l->next, i++)
    g_string_append_printf (sql, "%s\"%s\" = ?%d", i ? ", " : "", (const char *)l->data, i + 1);
  g_string_append_printf (sql, " WHERE id = ?%d", i + 1);
  stmt = enlace_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    goto fail;
  i = 1;
  for (GList *l = members; l; l = l->next, i++)
    bind_node (stmt, i, json_object_get_member (norm, l->data));
  sqlite3_bind_int64 (stmt, i, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (self, kind, current, error);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  return enlace_store_commit (self, error);

fail:
  enlace_store_rollback (self);
  return FALSE;
}

gboolean
enlace_store_delete (EnlaceStore  *self,
                     const char   *kind_name,
                     gint64        id,
                     GError      **error)
{
  const EnlaceKind *kind;
  g_autoptr(JsonObject) current = NULL;
  g_autofree char *label = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);

  if (!(kind = get_kind (kind_name, error)))
    return FALSE;
  current = enlace_store_get (self, kind_name, id, error);
  if (current == NULL)
    return FALSE;

  label = g_strdup_printf (_("Remove %s “%s”"), kind_lower (kind->label), object_title (current));
  if (!enlace_store_begin (self, label, error))
    return FALSE;
  if (kind->before_delete != NULL && !kind->before_delete (self, id, error))
    goto fail;

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", kind->table);
  stmt = enlace_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (self, kind, current, error);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  return enlace_store_commit (self, error);

fail:
  enlace_store_rollback (self);
  return FALSE;
}

/* ---------------------------------------------------------------- cables */

gboolean
enlace_store_lookup_term (EnlaceStore  *self,
                          const char   *key,
                          EnlaceTerm   *out,
                          GError      **error)
{
  const EnlaceKind *port = enlace_kind_lookup ("port");
  const EnlaceKind *termination = enlace_kind_lookup ("circuit-termination");
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if ((id = port->lookup (self, key, NULL)) != 0)
    {
      out->kind = ENLACE_TERM_PORT;
      out->id = id;
      return TRUE;
    }
  if ((id = termination->lookup (self, key, NULL)) != 0)
    {
      out->kind = ENLACE_TERM_CIRCUIT;
      out->id = id;
      return TRUE;
    }
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
               _("There is no port or circuit termination “%s” (write DEVICE:PORT or CIRCUIT:A)"), key);
  return FALSE;
}

char *
enlace_store_dup_term_key (EnlaceStore      *self,
                           const EnlaceTerm *term)
{
  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);
  g_return_val_if_fail (term != NULL, NULL);

  return enlace_store_dup_key (self,
                               term->kind == ENLACE_TERM_PORT ? "port" : "circuit-termination",
                               term->id);
}

gint64
enlace_store_cable_on (EnlaceStore      *self,
                       const EnlaceTerm *term)
{
  sqlite3_stmt *stmt;
  gint64 ret = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (self), 0);
  g_return_val_if_fail (term != NULL, 0);

  stmt = enlace_store_prepare (self,
                               term->kind == ENLACE_TERM_PORT
                                 ? "SELECT cable_id FROM cable_end WHERE port_id = ?1"
                                 : "SELECT cable_id FROM cable_end WHERE termination_id = ?1",
                               NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, term->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ret = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return ret;
}

/* Port kind and device of a port, for the rules on cable ends. */
static gboolean
port_info (EnlaceStore  *self,
           gint64        port_id,
           char        **kind,
           gint64       *device_id)
{
  sqlite3_stmt *stmt = enlace_store_prepare (self, "SELECT kind, device_id FROM port WHERE id = ?1", NULL);
  gboolean ret = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, port_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *kind = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      *device_id = sqlite3_column_int64 (stmt, 1);
      ret = TRUE;
    }
  sqlite3_reset (stmt);
  return ret;
}

static gboolean
check_end (EnlaceStore       *self,
           const char        *end_name,
           const EnlaceTerm  *terms,
           guint              n,
           gint64             own_cable,
           GError           **error)
{
  g_autofree char *first_kind = NULL;
  gint64 first_device = 0;

  if (n == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("A cable needs at least one termination at end %s"), end_name);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = enlace_store_dup_term_key (self, &terms[i]);
      gint64 cable;

      if (terms[i].kind != terms[0].kind)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("End %s of a cable mixes ports and circuit terminations (%s)"), end_name, key);
          return FALSE;
        }
      if (terms[i].kind == ENLACE_TERM_PORT)
        {
          g_autofree char *kind = NULL;
          gint64 device_id = 0;

          if (!port_info (self, terms[i].id, &kind, &device_id))
            {
              g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                           _("There is no port with id %lld"), (long long)terms[i].id);
              return FALSE;
            }
          if (i == 0)
            {
              first_kind = g_strdup (kind);
              first_device = device_id;
            }
          else if (strcmp (kind, first_kind) != 0)
            {
              g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                           _("End %s of a cable mixes kinds of ports: %s is a %s port, the first is a %s port"),
                           end_name, key, enlace_choice_label (kind), enlace_choice_label (first_kind));
              return FALSE;
            }
          else if (strcmp (kind, "interface") != 0 && device_id != first_device)
            {
              g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                           _("End %s of a cable reaches pass-through ports of two devices (%s): a cable cannot jump between devices mid-span"),
                           end_name, key);
              return FALSE;
            }
        }
      else if (!row_exists (self, "circuit_termination", terms[i].id))
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                       _("There is no circuit termination with id %lld"), (long long)terms[i].id);
          return FALSE;
        }

      for (guint j = 0; j < i; j++)
        if (terms[j].kind == terms[i].kind && terms[j].id == terms[i].id)
          {
            g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                         _("%s appears twice at end %s of the cable"), key, end_name);
            return FALSE;
          }

      cable = enlace_store_cable_on (self, &terms[i]);
      if (cable != 0 && cable != own_cable)
        {
          g_autofree char *cable_key = enlace_store_dup_key (self, "cable", cable);
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT,
                       _("%s already carries cable %s: a port takes one cable"), key, cable_key);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_ends (EnlaceStore       *self,
            const EnlaceTerm  *a,
            guint              n_a,
            const EnlaceTerm  *b,
            guint              n_b,
            gint64             own_cable,
            GError           **error)
{
  if (!check_end (self, "A", a, n_a, own_cable, error) ||
      !check_end (self, "B", b, n_b, own_cable, error))
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    for (guint j = 0; j < n_b; j++)
      if (a[i].kind == b[j].kind && a[i].id == b[j].id)
        {
          g_autofree char *key = enlace_store_dup_term_key (self, &a[i]);
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s cannot be at both ends of one cable"), key);
          return FALSE;
        }
  return TRUE;
}

static gboolean
insert_ends (EnlaceStore       *self,
             gint64             cable_id,
             const char        *end,
             const EnlaceTerm  *terms,
             guint              n,
             GError           **error)
{
  for (guint i = 0; i < n; i++)
    {
      sqlite3_stmt *stmt = enlace_store_prepare (self,
                                                 "INSERT INTO cable_end (cable_id, end, port_id, termination_id, seq) "
                                                 "VALUES (?1, ?2, ?3, ?4, ?5)",
                                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, cable_id);
      sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
      if (terms[i].kind == ENLACE_TERM_PORT)
        sqlite3_bind_int64 (stmt, 3, terms[i].id);
      else
        sqlite3_bind_int64 (stmt, 4, terms[i].id);
      sqlite3_bind_int (stmt, 5, i);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          enlace_store_set_sql_error (self, error, _("Connecting a cable"));
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

gint64
enlace_store_connect (EnlaceStore       *self,
                      const EnlaceTerm  *a,
                      guint              n_a,
                      const EnlaceTerm  *b,
                      guint              n_b,
                      JsonObject        *cable,
                      GError           **error)
{
  g_autofree char *label = NULL;
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;
  g_autoptr(JsonObject) values = NULL;
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_STORE (self), 0);
  g_return_val_if_fail (n_a == 0 || a != NULL, 0);
  g_return_val_if_fail (n_b == 0 || b != NULL, 0);

  key_a = n_a ? enlace_store_dup_term_key (self, &a[0]) : g_strdup ("?");
  key_b = n_b ? enlace_store_dup_term_key (self, &b[0]) : g_strdup ("?");
  label = g_strdup_printf (_("Connect %s to %s"), key_a, key_b);
  if (!enlace_store_begin (self, label, error))
    return 0;
  if (!check_ends (self, a, n_a, b, n_b, 0, error))
    goto fail;

  values = cable ? json_object_ref (cable) : json_object_new ();
  id = enlace_store_create (self, "cable", values, error);
  if (id == 0)
    goto fail;
  if (!insert_ends (self, id, "A", a, n_a, error) ||
      !insert_ends (self, id, "B", b, n_b, error))
    goto fail;
  if (!enlace_store_commit (self, error))
    return 0;
  return id;

fail:
  enlace_store_rollback (self);
  return 0;
}

gboolean
enlace_store_set_cable_ends (EnlaceStore       *self,
                             gint64             cable_id,
                             const EnlaceTerm  *a,
                             guint              n_a,
                             const EnlaceTerm  *b,
                             guint              n_b,
                             GError           **error)
{
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);

  if (!row_exists (self, "cable", cable_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no cable with id %lld"), (long long)cable_id);
      return FALSE;
    }
  key = enlace_store_dup_key (self, "cable", cable_id);
  label = g_strdup_printf (_("Re-terminate cable %s"), key);
  if (!enlace_store_begin (self, label, error))
    return FALSE;
  if (!check_ends (self, a, n_a, b, n_b, cable_id, error))
    goto fail;
  stmt = enlace_store_prepare (self, "DELETE FROM cable_end WHERE cable_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cable_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (self, error, label);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  if (!insert_ends (self, cable_id, "A", a, n_a, error) ||
      !insert_ends (self, cable_id, "B", b, n_b, error))
    goto fail;
  return enlace_store_commit (self, error);

fail:
  enlace_store_rollback (self);
  return FALSE;
}

/* ---------------------------------------------------------------- extensions */

gboolean
enlace_store_set_extension_status (EnlaceStore  *self,
                                   gint64        extension_id,
                                   const char   *status,
                                   const char   *reason,
                                   GError      **error)
{
  static const char * const statuses[] = { "active", "suspended", "cancelled", NULL };
  g_autoptr(JsonObject) ext = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *at = NULL;
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  ext = enlace_store_get (self, "extension", extension_id, error);
  if (ext == NULL)
    return FALSE;
  if (!g_strv_contains (statuses, status))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Extension %s: “%s” is not a status (active, suspended, cancelled)"),
                   json_object_get_string_member (ext, "number"), status);
      return FALSE;
    }
  if (reason == NULL || *reason == '\0')
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Extension %s: a change of status needs a reason"),
                   json_object_get_string_member (ext, "number"));
      return FALSE;
    }
  label = g_strdup_printf (_("Extension %s: %s"), json_object_get_string_member (ext, "number"),
                           enlace_choice_label (status));
  if (!enlace_store_begin (self, label, error))
    return FALSE;

  stmt = enlace_store_prepare (self, "UPDATE extension SET status = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, extension_id);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (self, error, label);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);

  now = g_date_time_new_now_utc ();
  at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  stmt = enlace_store_prepare (self,
                               "INSERT INTO extension_status (extension_id, at, status, reason) VALUES (?1, ?2, ?3, ?4)",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, extension_id);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (self, error, label);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  return enlace_store_commit (self, error);

fail:
  enlace_store_rollback (self);
  return FALSE;
}

/* ---------------------------------------------------------------- check */

/* What add, set and the import refuse of the value of each field of a
 * row, for rows that got into the file by other means (sqlite3): a
 * number or a position out of range (a device at x = 1e9 m, a plan's
 * origin 100 km away, a point of an outline beyond it), text where a
 * number belongs, and outlines and points that are no list of points
 * (bounded: a value nested 80,000 deep crashed the parser).  The ranges
 * that depend on other rows (a unit of a rack, a position of a port) are
 * the kind's validate hook's. */
static void
check_row_fields (EnlaceStore      *self,
                  const EnlaceKind *kind,
                  JsonObject       *row,
                  JsonNode * const *field_nodes,
                  GPtrArray        *problems)
{
  g_autofree char *key = NULL;

#define ROW_KEY() (key ? key : (key = enlace_store_dup_key (self, kind->name, json_object_get_int_member (row, "id"))))

  for (guint f = 0; f < kind->n_fields; f++)
    {
      const EnlaceField *field = &kind->fields[f];
      JsonNode *node = field_nodes[f];
      GType vtype;

      if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
        continue;
      vtype = json_node_get_value_type (node);

      switch (field->type)
        {
        case ENLACE_FIELD_POLYGON:
        case ENLACE_FIELD_POLYLINE:
          {
            const char *text = vtype == G_TYPE_STRING ? json_node_get_string (node) : NULL;
            g_autoptr(GError) why = NULL;
            g_autofree char *rule = NULL;

            if (text == NULL || *text == '\0')
              continue;
            if (!enlace_json_within_bounds (text, -1, &why) ||
                !enlace_points_valid (text, 0))
              g_ptr_array_add (problems,
                               g_strdup_printf (_("%s “%s”: %s is not a list of points [[x, y], …] (%s)"),
                                                _(kind->label), ROW_KEY (), _(field->label),
                                                why ? why->message : _("not that form")));
            else if (!enlace_points_in_range (text, &rule))
              g_ptr_array_add (problems,
                               g_strdup_printf (_("%s “%s”: %s: %s"),
                                                _(kind->label), ROW_KEY (), _(field->label), rule));
          }
          break;

        case ENLACE_FIELD_REAL:
          {
            g_autofree char *rule = NULL;
            double v;

            if (vtype == G_TYPE_INT64)
              v = json_node_get_int (node);
            else if (vtype == G_TYPE_DOUBLE)
              v = json_node_get_double (node);
            else
              {
                g_ptr_array_add (problems,
                                 g_strdup_printf (_("%s “%s”: “%s” is not a valid value for %s"),
                                                  _(kind->label), ROW_KEY (),
                                                  vtype == G_TYPE_STRING ? json_node_get_string (node) : "?",
                                                  _(field->label)));
                continue;
              }
            if (!enlace_field_real_in_range (field, v, &rule))
              g_ptr_array_add (problems,
                               g_strdup_printf (_("%s “%s”: %s %g is out of range: %s"),
                                                _(kind->label), ROW_KEY (), _(field->label), v, rule));
          }
          break;

        case ENLACE_FIELD_CHOICE:
          if (vtype != G_TYPE_STRING || !g_strv_contains (field->choices, json_node_get_string (node)))
            {
              g_autofree char *list = choices_text (field->choices);

              g_ptr_array_add (problems,
                               g_strdup_printf (_("%s “%s”: %s “%s” is not one of: %s"),
                                                _(kind->label), ROW_KEY (), _(field->label),
                                                vtype == G_TYPE_STRING ? json_node_get_string (node) : "?",
                                                list));
            }
          break;

        case ENLACE_FIELD_INT:
        case ENLACE_FIELD_BOOL:
          if (vtype != G_TYPE_INT64)
            {
              g_autofree char *text = vtype == G_TYPE_DOUBLE
                                        ? g_strdup_printf ("%g", json_node_get_double (node))
                                        : g_strdup (vtype == G_TYPE_STRING ? json_node_get_string (node) : "?");

              g_ptr_array_add (problems,
                               g_strdup_printf (_("%s “%s”: “%s” is not a valid value for %s"),
                                                _(kind->label), ROW_KEY (), text, _(field->label)));
            }
          break;

        default:
          break;
        }
    }
#undef ROW_KEY
}


/* Everything check does after PRAGMA integrity_check. */
static gboolean
check_rows (EnlaceStore  *self,
            GPtrArray    *problems,
            GError      **error)
{
  const EnlaceKind **kinds = enlace_kinds_all ();
  sqlite3_stmt *stmt;

  /* Objects Enlace did not create, and rows that break Enlace's own
   * definition of a table someone changed (a CHECK stripped): its export
   * could not be imported. */
  if (!enlace_store_check_schema (self, problems, error))
    return FALSE;

  stmt = enlace_store_prepare (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Table %s, row %lld: refers to a missing row of %s"),
                                      sqlite3_column_text (stmt, 0),
                                      (long long)sqlite3_column_int64 (stmt, 1),
                                      sqlite3_column_text (stmt, 2)));
  sqlite3_reset (stmt);

  /* Cables must have both ends. */
  stmt = enlace_store_prepare (self,
                               "SELECT id, label FROM cable WHERE "
                               "NOT EXISTS (SELECT 1 FROM cable_end WHERE cable_id = cable.id AND end = 'A') OR "
                               "NOT EXISTS (SELECT 1 FROM cable_end WHERE cable_id = cable.id AND end = 'B')",
                               error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Cable %s has an end with no termination"),
                                      sqlite3_column_type (stmt, 1) == SQLITE_NULL
                                        ? "?" : (const char *)sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);

  for (guint k = 0; kinds[k]; k++)
    {
      /* one row at a time (issue 14: the lists of 1,000,000 ports took
       * 2 GB); a statement of its own, the rules prepare theirs */
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s",
                                              kinds[k]->table, kinds[k]->order_by);
      sqlite3_stmt *rows = NULL;
      g_autoptr(JsonObject) row = NULL;
      g_autofree JsonNode **nodes = NULL;
      g_autofree JsonNode **field_nodes = NULL;
      g_autofree int *field_cols = NULL;
      int rc;

      if (sqlite3_prepare_v2 (enlace_store_get_db (self), sql, -1, &rows, NULL) != SQLITE_OK)
        {
          enlace_store_set_sql_error (self, error, _("Preparing a query"));
          return FALSE;
        }
      row = row_object_new (rows, &nodes);
      field_cols = g_new (int, MAX (kinds[k]->n_fields, 1));
      field_nodes = g_new0 (JsonNode *, MAX (kinds[k]->n_fields, 1));
      for (guint f = 0; f < kinds[k]->n_fields; f++)
        {
          field_cols[f] = -1;
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            if (strcmp (sqlite3_column_name (rows, c), kinds[k]->fields[f].name) == 0)
              field_cols[f] = c;
        }
      /* the rules may keep what they read while this statement is open */
      enlace_store_set_checking (self, TRUE);
      while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
        {
          g_autoptr(GError) local_error = NULL;

          row_object_set (row, rows, nodes);

          if (kinds[k]->validate != NULL &&
              !kinds[k]->validate (self, json_object_get_int_member (row, "id"), row, &local_error))
            g_ptr_array_add (problems, g_strdup (local_error->message));

          /* the members of the fields, by column (set in place above) */
          for (guint f = 0; f < kinds[k]->n_fields; f++)
            field_nodes[f] = field_cols[f] >= 0 ? nodes[field_cols[f]] : NULL;
          check_row_fields (self, kinds[k], row, (JsonNode * const *) field_nodes, problems);
        }
      enlace_store_set_checking (self, FALSE);
      if (rc != SQLITE_DONE)
        enlace_store_set_sql_error (self, error, _("Running a query"));
      sqlite3_finalize (rows);
      if (rc != SQLITE_DONE)
        return FALSE;
    }

  return TRUE;
}

GPtrArray *
enlace_store_check (EnlaceStore  *self,
                    GError      **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  guint damage;

  g_return_val_if_fail (ENLACE_IS_STORE (self), NULL);

  stmt = enlace_store_prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *res = (const char *)sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (res, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Integrity: %s"), res));
    }
  sqlite3_reset (stmt);
  damage = problems->len;

  if (!check_rows (self, problems, &local_error))
    {
      /* A damaged file (the open let it through for check): what
       * integrity_check found is the answer, with where the rest
       * stopped. */
      if (damage == 0)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_ptr_array_add (problems, g_strdup_printf (_("The file is damaged: the rest of the check stopped (%s)"),
                                                  local_error->message));
    }
  return g_steal_pointer (&problems);
}
