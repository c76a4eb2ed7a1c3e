/* enlace-device-type-adopt.c: a device type for a device made port by
 * port (see enlace-device-type-adopt.h) */
#define G_LOG_DOMAIN "enlace-inventory"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-device-type-adopt.h"
#include "enlace-store-private.h"

typedef struct
{
  char *kind;
  char *name;
  char *medium;
  char *connector;
  int   positions;
  int   seq;
} Port;

static void
port_free (Port *p)
{
  g_free (p->kind);
  g_free (p->name);
  g_free (p->medium);
  g_free (p->connector);
  g_free (p);
}

typedef struct
{
  char *front;
  int   front_pos;
  char *rear;
  int   rear_pos;
} Map;

static void
map_free (Map *m)
{
  g_free (m->front);
  g_free (m->rear);
  g_free (m);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The ports and mappings as one text, in an order of its own. */
static char *
signature (GPtrArray *ports,
           GPtrArray *maps)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < ports->len; i++)
    {
      Port *p = g_ptr_array_index (ports, i);

      g_ptr_array_add (lines, g_strdup_printf ("p\t%s\t%s\t%s\t%s\t%d", p->kind, p->name, p->medium,
                                               p->connector, p->positions));
    }
  for (guint i = 0; i < maps->len; i++)
    {
      Map *m = g_ptr_array_index (maps, i);

      g_ptr_array_add (lines, g_strdup_printf ("m\t%s\t%d\t%s\t%d", m->front, m->front_pos, m->rear, m->rear_pos));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (s, g_ptr_array_index (lines, i));
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

static gboolean
read_ports (EnlaceStore  *store,
            const char   *sql,
            gint64        id,
            GPtrArray    *ports,
            GError      **error)
{
  sqlite3_stmt *st = enlace_store_prepare (store, sql, error);

  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      Port *p = g_new0 (Port, 1);

      p->kind = g_strdup ((const char *)sqlite3_column_text (st, 0));
      p->name = g_strdup ((const char *)sqlite3_column_text (st, 1));
      p->medium = g_strdup ((const char *)sqlite3_column_text (st, 2));
      p->connector = g_strdup ((const char *)sqlite3_column_text (st, 3));
      p->positions = sqlite3_column_int (st, 4);
      p->seq = sqlite3_column_int (st, 5);
      g_ptr_array_add (ports, p);
    }
  sqlite3_reset (st);
  return TRUE;
}

static gboolean
read_maps (EnlaceStore  *store,
           const char   *sql,
           gint64        id,
           GPtrArray    *maps,
           GError      **error)
{
  sqlite3_stmt *st = enlace_store_prepare (store, sql, error);

  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      Map *m = g_new0 (Map, 1);

      m->front = g_strdup ((const char *)sqlite3_column_text (st, 0));
      m->front_pos = sqlite3_column_int (st, 1);
      m->rear = g_strdup ((const char *)sqlite3_column_text (st, 2));
      m->rear_pos = sqlite3_column_int (st, 3);
      g_ptr_array_add (maps, m);
    }
  sqlite3_reset (st);
  return TRUE;
}

static char *
type_signature (EnlaceStore  *store,
                gint64        type_id,
                GError      **error)
{
  g_autoptr(GPtrArray) ports = g_ptr_array_new_with_free_func ((GDestroyNotify)port_free);
  g_autoptr(GPtrArray) maps = g_ptr_array_new_with_free_func ((GDestroyNotify)map_free);

  if (!read_ports (store, "SELECT kind, name, medium, connector, positions, seq FROM port_template "
                   "WHERE device_type_id = ?1", type_id, ports, error) ||
      !read_maps (store, "SELECT front_name, front_pos, rear_name, rear_pos FROM mapping_template "
                  "WHERE device_type_id = ?1", type_id, maps, error))
    return NULL;
  return signature (ports, maps);
}

/* "Faceplate, 2 jacks (1 data, 1 voice)", "Patch panel, 24 ports". */
static char *
model_name (const char *role,
            GPtrArray  *ports)
{
  guint front = 0, data = 0, voice = 0, fibre = 0;

  for (guint i = 0; i < ports->len; i++)
    {
      Port *p = g_ptr_array_index (ports, i);

      if (g_str_equal (p->kind, "rear"))
        continue;
      front++;
      if (g_str_equal (p->medium, "voice"))
        voice++;
      else if (g_str_equal (p->medium, "fibre"))
        fibre++;
      else
        data++;
    }
  if (g_strcmp0 (role, "outlet") == 0)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;

      if (data)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u data", "%u data", data), data));
      if (voice)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u voice", "%u voice", voice), voice));
      if (fibre)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u fibre", "%u fibre", fibre), fibre));
      g_ptr_array_add (parts, NULL);
      list = g_strjoinv (", ", (char **)parts->pdata);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Faceplate, %u jack (%s)", "Faceplate, %u jacks (%s)",
                                           front), front, list);
    }
  if (g_strcmp0 (role, "patch-panel") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Patch panel, %u port", "Patch panel, %u ports", front),
                            front);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Device (%s), %u port", "Device (%s), %u ports", front),
                          role, front);
}

static gint64
make_type (EnlaceStore  *store,
           const char   *role,
           gboolean      racked,
           GPtrArray    *ports,
           GPtrArray    *maps,
           GError      **error)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autofree char *base = model_name (role, ports);
  g_autofree char *model = g_strdup (base);
  const char *manufacturer = _("Generic");
  gint64 type_id;

  for (guint n = 2; n < 1000; n++)
    {
      g_autofree char *key = g_strdup_printf ("%s/%s", manufacturer, model);

      if (enlace_store_lookup (store, "device-type", key, NULL) <= 0)
        break;
      g_free (model);
      model = g_strdup_printf ("%s (%u)", base, n);
    }
  json_object_set_string_member (values, "manufacturer", manufacturer);
  json_object_set_string_member (values, "model", model);
  json_object_set_double_member (values, "u_height", racked ? 1 : 0);
  json_object_set_boolean_member (values, "full_depth", FALSE);
  json_object_set_string_member (values, "role", role);
  type_id = enlace_store_create (store, "device-type", values, error);
  if (type_id == 0)
    return 0;
  for (guint i = 0; i < ports->len; i++)
    {
      Port *p = g_ptr_array_index (ports, i);
      g_autoptr(JsonObject) t = json_object_new ();

      json_object_set_int_member (t, "device_type_id", type_id);
      json_object_set_string_member (t, "kind", p->kind);
      json_object_set_string_member (t, "name", p->name);
      json_object_set_string_member (t, "medium", p->medium);
      json_object_set_string_member (t, "connector", p->connector);
      json_object_set_int_member (t, "positions", p->positions);
      json_object_set_int_member (t, "seq", p->seq);
      if (enlace_store_create (store, "port-template", t, error) == 0)
        return 0;
    }
  for (guint i = 0; i < maps->len; i++)
    {
      Map *m = g_ptr_array_index (maps, i);
      g_autoptr(JsonObject) t = json_object_new ();

      json_object_set_int_member (t, "device_type_id", type_id);
      json_object_set_string_member (t, "front_name", m->front);
      json_object_set_int_member (t, "front_pos", m->front_pos);
      json_object_set_string_member (t, "rear_name", m->rear);
      json_object_set_int_member (t, "rear_pos", m->rear_pos);
      if (enlace_store_create (store, "mapping-template", t, error) == 0)
        return 0;
    }
  return type_id;
}

gint64
enlace_device_adopt_type (EnlaceStore  *store,
                          gint64        device_id,
                          GError      **error)
{
  g_autoptr(GPtrArray) ports = g_ptr_array_new_with_free_func ((GDestroyNotify)port_free);
  g_autoptr(GPtrArray) maps = g_ptr_array_new_with_free_func ((GDestroyNotify)map_free);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonObject) values = json_object_new ();
  g_autofree char *role = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sig = NULL;
  g_autofree char *what = NULL;
  gint64 type_id = 0;
  gboolean racked = FALSE, found = FALSE;
  sqlite3_stmt *st;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);

  st = enlace_store_prepare (store, "SELECT role, device_type_id, name, rack_id IS NOT NULL FROM device WHERE id = ?1",
                             error);
  if (st == NULL)
    return 0;
  sqlite3_bind_int64 (st, 1, device_id);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      found = TRUE;
      role = g_strdup ((const char *)sqlite3_column_text (st, 0));
      type_id = sqlite3_column_int64 (st, 1);
      name = g_strdup ((const char *)sqlite3_column_text (st, 2));
      racked = sqlite3_column_int (st, 3);
    }
  sqlite3_reset (st);
  if (!found)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no device %lld"), (long long)device_id);
      return 0;
    }
  if (type_id != 0)
    return type_id;

  if (!read_ports (store, "SELECT kind, name, medium, connector, positions, seq FROM port "
                   "WHERE device_id = ?1 ORDER BY seq, id", device_id, ports, error) ||
      !read_maps (store, "SELECT f.name, m.front_pos, r.name, m.rear_pos FROM port_mapping m "
                  "JOIN port f ON f.id = m.front_port_id JOIN port r ON r.id = m.rear_port_id "
                  "WHERE m.device_id = ?1 ORDER BY m.id", device_id, maps, error))
    return 0;
  sig = signature (ports, maps);

  st = enlace_store_prepare (store, "SELECT id FROM device_type WHERE role = ?1 ORDER BY id", error);
  if (st == NULL)
    return 0;
  sqlite3_bind_text (st, 1, role, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (st, 0);

      g_array_append_val (candidates, id);
    }
  sqlite3_reset (st);

  what = g_strdup_printf (_("Give device %s a type"), name);
  if (!enlace_store_begin (store, what, error))
    return 0;
  for (guint i = 0; i < candidates->len && type_id == 0; i++)
    {
      gint64 id = g_array_index (candidates, gint64, i);
      g_autofree char *other = type_signature (store, id, error);

      if (other == NULL)
        goto fail;
      if (g_str_equal (other, sig))
        type_id = id;
    }
  if (type_id == 0)
    type_id = make_type (store, role, racked, ports, maps, error);
  if (type_id == 0)
    goto fail;
  json_object_set_int_member (values, "device_type_id", type_id);
  if (!enlace_store_update (store, "device", device_id, values, error))
    goto fail;
  if (!enlace_store_commit (store, error))
    return 0;
  return type_id;

fail:
  enlace_store_rollback (store);
  return 0;
}
