/* enlace-validate.c: the kind-specific rules of the inventory
 *
 * The store checks field types, required fields, choices and that
 * references exist, generically, from enlace-kinds.c.  Everything that
 * depends on more than one row lives here: rack units, port mappings,
 * unique codes per building, cable labels, extensions…
 *
 * Every hook runs inside an open command, so the rows it writes (the ports
 * copied from a device type, the cables removed with a device) are part of
 * that command: logged and undone with it.
 *
 * Choices made here (documented in docs/cli.md too):
 *  - cable labels are unique across the whole campus (TIA-606 class 3
 *    identifiers carry the building in front, so this is no stricter than
 *    per building; the schema enforces it as well);
 *  - space codes are unique per building, not only per floor;
 *  - a device in a rack has no space of its own, or its rack's space; a
 *    device with no type counts as 1 U, full depth;
 *  - a 0 U device (PDU, cable manager) in a rack needs no unit;
 *  - a rack may move to a space of another building only when none of its
 *    devices is cabled to equipment outside the rack.
 */
#define G_LOG_DOMAIN "enlace-validate"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "enlace-field-bounds.h"
#include "enlace-inventory-private.h"
#include "enlace-store-private.h"

/* ------------------------------------------------------------------ */
/* Values                                                              */

static JsonNode *
v_node (JsonObject *v,
        const char *field)
{
  JsonNode *n;

  if (v == NULL || !json_object_has_member (v, field))
    return NULL;
  n = json_object_get_member (v, field);
  if (n == NULL || JSON_NODE_HOLDS_NULL (n) || !JSON_NODE_HOLDS_VALUE (n))
    return NULL;
  return n;
}

static gboolean
v_has (JsonObject *v,
       const char *field)
{
  return v_node (v, field) != NULL;
}

static gint64
v_int (JsonObject *v,
       const char *field,
       gint64      def)
{
  JsonNode *n = v_node (v, field);

  if (n == NULL)
    return def;
  switch (json_node_get_value_type (n))
    {
    case G_TYPE_INT64:
      return json_node_get_int (n);
    case G_TYPE_DOUBLE:
      return (gint64) json_node_get_double (n);
    case G_TYPE_BOOLEAN:
      return json_node_get_boolean (n) ? 1 : 0;
    case G_TYPE_STRING:
      return g_ascii_strtoll (json_node_get_string (n), NULL, 10);
    default:
      return def;
    }
}

static double
v_real (JsonObject *v,
        const char *field,
        double      def)
{
  JsonNode *n = v_node (v, field);

  if (n == NULL)
    return def;
  switch (json_node_get_value_type (n))
    {
    case G_TYPE_INT64:
      return (double) json_node_get_int (n);
    case G_TYPE_DOUBLE:
      return json_node_get_double (n);
    case G_TYPE_BOOLEAN:
      return json_node_get_boolean (n) ? 1 : 0;
    case G_TYPE_STRING:
      return g_ascii_strtod (json_node_get_string (n), NULL);
    default:
      return def;
    }
}

static const char *
v_str (JsonObject *v,
       const char *field)
{
  JsonNode *n = v_node (v, field);

  if (n == NULL || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

/* A unit number as people write it: "12", "12.5". */
static char *
fmt_unit (double u)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%g", u));
}

/* "unit 12" or "units 12–14" for a device of height @h at @u */
static char *
fmt_units (double u,
           double h)
{
  g_autofree char *lo = fmt_unit (u);
  g_autofree char *hi = NULL;

  if (h <= 1)
    return g_strdup_printf (_("unit %s"), lo);
  hi = fmt_unit (u + h - 1);
  return g_strdup_printf (_("units %s–%s"), lo, hi);
}

/* ------------------------------------------------------------------ */
/* SQL                                                                 */

static sqlite3_stmt *
prep (EnlaceStore  *self,
      const char   *sql,
      GError      **error)
{
  return enlace_store_prepare (self, sql, error);
}

/* Steps @stmt once.  Returns 1 for a row, 0 for none, -1 on error (the
 * statement is reset unless a row is returned). */
static int
step (EnlaceStore   *self,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return 1;
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return 0;
    }
  enlace_store_set_sql_error (self, error, _("Could not check the rules"));
  sqlite3_reset (stmt);
  return -1;
}

/* Prepares @sql, binds its parameters ?1, ?2… from the arguments, one
 * per character of @types ('i' a gint64, 'd' a double, 's' a string,
 * may be NULL) and steps it once.  Returns 1 with *@stmt on the row (reset
 * it once read), 0 when there is none, -1 on error. */
static int
query_valist (EnlaceStore   *self,
              sqlite3_stmt **stmt,
              GError       **error,
              const char    *sql,
              const char    *types,
              va_list        args)
{
  *stmt = prep (self, sql, error);
  if (*stmt == NULL)
    return -1;
  for (int i = 0; types[i]; i++)
    switch (types[i])
      {
      case 'i':
        sqlite3_bind_int64 (*stmt, i + 1, va_arg (args, gint64));
        break;
      case 'd':
        sqlite3_bind_double (*stmt, i + 1, va_arg (args, double));
        break;
      case 's':
        sqlite3_bind_text (*stmt, i + 1, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
        break;
      default:
        g_assert_not_reached ();
      }
  return step (self, *stmt, error);
}

static int
query (EnlaceStore   *self,
       sqlite3_stmt **stmt,
       GError       **error,
       const char    *sql,
       const char    *types,
       ...)
{
  va_list args;
  int r;

  va_start (args, types);
  r = query_valist (self, stmt, error, sql, types, args);
  va_end (args);
  return r;
}

/* Whether @sql (parameters as for query()) finds a row: 1 yes, 0 no, -1
 * on error. */
static int
exists (EnlaceStore  *self,
        GError      **error,
        const char   *sql,
        const char   *types,
        ...)
{
  sqlite3_stmt *stmt;
  va_list args;
  int r;

  va_start (args, types);
  r = query_valist (self, &stmt, error, sql, types, args);
  va_end (args);
  if (r == 1)
    sqlite3_reset (stmt);
  return r;
}

/* One integer from a query with integer parameters ?1…?n.  Returns 1 when
 * a row was found, 0 when none, -1 on error. */
static int
q_int (EnlaceStore   *self,
       const char    *sql,
       const gint64  *args,
       guint          n_args,
       gint64        *out,
       GError       **error)
{
  sqlite3_stmt *stmt = prep (self, sql, error);
  int r;

  if (stmt == NULL)
    return -1;
  for (guint i = 0; i < n_args; i++)
    sqlite3_bind_int64 (stmt, i + 1, args[i]);
  r = step (self, stmt, error);
  if (r == 1)
    {
      if (out)
        *out = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return r;
}

static int
q_int1 (EnlaceStore  *self,
        const char   *sql,
        gint64        a,
        gint64       *out,
        GError      **error)
{
  return q_int (self, sql, &a, 1, out, error);
}

static char *
col_dup (sqlite3_stmt *stmt,
         int           col)
{
  const unsigned char *t = sqlite3_column_text (stmt, col);

  return t ? g_strdup ((const char *) t) : NULL;
}

/* A readable name for an object being created or changed: its stored key,
 * or the key field of @values. */
static char *
name_of (EnlaceStore *self,
         const char  *kind,
         gint64       id,
         JsonObject  *values)
{
  static const char * const key_fields[] = { "name", "code", "label", "number", "cid", NULL };

  if (values)
    for (guint i = 0; key_fields[i]; i++)
      if (v_str (values, key_fields[i]))
        return g_strdup (v_str (values, key_fields[i]));
  if (id > 0)
    {
      char *key = enlace_store_dup_key (self, kind, id);
      if (key)
        return key;
    }
  return id > 0 ? g_strdup_printf ("#%" G_GINT64_FORMAT, id) : g_strdup ("?");
}

static char *
key_of (EnlaceStore *self,
        const char  *kind,
        gint64       id)
{
  char *key = enlace_store_dup_key (self, kind, id);

  return key ? key : g_strdup_printf ("#%" G_GINT64_FORMAT, id);
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *fmt,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      int          code,
      const char  *fmt,
      ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, fmt);
  msg = g_strdup_vprintf (fmt, args);
  va_end (args);
  g_set_error_literal (error, ENLACE_STORE_ERROR, code, msg);
  return FALSE;
}

#define INVALID  ENLACE_STORE_ERROR_INVALID
#define CONFLICT ENLACE_STORE_ERROR_CONFLICT

static gint64
building_of_space (EnlaceStore *self,
                   gint64       space_id,
                   GError     **error)
{
  gint64 b = 0;

  if (q_int1 (self, "SELECT f.building_id FROM space s JOIN floor f ON f.id = s.floor_id WHERE s.id = ?1",
              space_id, &b, error) < 0)
    return -1;
  return b;
}

static gint64
building_of_floor (EnlaceStore *self,
                   gint64       floor_id,
                   GError     **error)
{
  gint64 b = 0;

  if (q_int1 (self, "SELECT building_id FROM floor WHERE id = ?1", floor_id, &b, error) < 0)
    return -1;
  return b;
}

static gboolean
require_exists (EnlaceStore *self,
                const char  *kind,
                const char  *table,
                gint64       id,
                const char  *owner,
                GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  int r = q_int1 (self, sql, id, NULL, error);

  if (r < 0)
    return FALSE;
  if (r == 0)
    {
      const EnlaceKind *k = enlace_kind_lookup (kind);
      return fail (error, INVALID, _("“%s” refers to %s #%lld, which does not exist"),
                   owner, k ? _(k->label) : kind, (long long) id);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Places in a rack                                                    */

typedef struct
{
  gint64  type_id;   /* the device type whose height is being changed, or 0 */
  double  height;
  gboolean full_depth;
} TypeOverride;

/* Checks that a device of height @h at @u on @face fits in @rack_id and
 * overlaps no other device (other than @dev_id). */
static gboolean
check_placement (EnlaceStore        *self,
                 const char         *dev_name,
                 gint64              dev_id,
                 gint64              rack_id,
                 gboolean            has_u,
                 double              u,
                 const char         *face,
                 double              h,
                 gboolean            full_depth,
                 const TypeOverride *ovr,
                 GError            **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *rack_name = NULL;
  gint64 rack_h;
  int r;

  r = query (self, &stmt, error, "SELECT name, u_height FROM rack WHERE id = ?1",
             "i", rack_id);
  if (r < 0)
    return FALSE;
  if (r == 0)
    return fail (error, INVALID, _("Device “%s” refers to rack #%lld, which does not exist"),
                 dev_name, (long long) rack_id);
  rack_name = col_dup (stmt, 0);
  rack_h = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  if (!has_u)
    {
      if (h > 0)
        return fail (error, INVALID, _("Device “%s” in rack “%s” needs a unit position"),
                     dev_name, rack_name);
      return TRUE;  /* a 0 U device hangs at the side */
    }

  if (u * 2 != floor (u * 2))
    {
      g_autofree char *us = fmt_unit (u);
      return fail (error, INVALID, _("Device “%s”: unit %s of rack “%s” is not a whole or half unit"),
                   dev_name, us, rack_name);
    }
  if (u < 1)
    {
      g_autofree char *us = fmt_unit (u);
      return fail (error, CONFLICT, _("Device “%s” does not fit in rack “%s”: unit %s is below unit 1"),
                   dev_name, rack_name, us);
    }
  if (u + MAX (h, 1) - 1 > rack_h)
    {
      g_autofree char *lo = fmt_unit (u);
      g_autofree char *hi = fmt_unit (u + h - 1);

      if (h <= 1)
        return fail (error, CONFLICT, _("Device “%s” does not fit in rack “%s”: unit %s exceeds its %d units"),
                     dev_name, rack_name, lo, (int) rack_h);
      /* TRANSLATORS: "Device “SW-2” does not fit in rack “R1”: units 41–43 exceed its 42 units" */
      return fail (error, CONFLICT, _("Device “%s” does not fit in rack “%s”: units %s–%s exceed its %d units"),
                   dev_name, rack_name, lo, hi, (int) rack_h);
    }
  if (h <= 0)
    return TRUE;

  r = query (self, &stmt, error, "SELECT d.name, d.u_position FROM device d"
             " LEFT JOIN device_type t ON t.id = d.device_type_id"
             " WHERE d.rack_id = ?1 AND d.id <> ?2 AND d.u_position IS NOT NULL"
             "   AND (CASE WHEN d.device_type_id = ?7 THEN ?8 ELSE COALESCE (t.u_height, 1) END) > 0"
             "   AND d.u_position < ?3 + ?4"
             "   AND d.u_position + (CASE WHEN d.device_type_id = ?7 THEN ?8 ELSE COALESCE (t.u_height, 1) END) > ?3"
             "   AND (?5 OR (CASE WHEN d.device_type_id = ?7 THEN ?9 ELSE COALESCE (t.full_depth, 1) END)"
             "        OR COALESCE (d.face, 'front') = ?6)"
             " ORDER BY d.u_position LIMIT 1",
             "iiddisidi", rack_id, dev_id, u, h, (gint64) (full_depth ? 1 : 0),
             face ? face : "front", ovr ? ovr->type_id : (gint64) 0,
             ovr ? ovr->height : 0.0, (gint64) (ovr && ovr->full_depth ? 1 : 0));
  if (r < 0)
    return FALSE;
  if (r == 1)
    {
      g_autofree char *other = col_dup (stmt, 0);
      double other_u = sqlite3_column_double (stmt, 1);
      g_autofree char *us = fmt_unit (MAX (u, other_u));

      sqlite3_reset (stmt);
      /* TRANSLATORS: "Unit 12 of rack “R1” is already taken by “PP-1”" */
      return fail (error, CONFLICT, _("Unit %s of rack “%s” is already taken by “%s” (placing “%s”)"),
                   us, rack_name, other, dev_name);
    }
  return TRUE;
}

/* Height and depth of a device type (a device with no type: 1 U, full
 * depth). */
static gboolean
type_size (EnlaceStore *self,
           gint64       type_id,
           double      *h,
           gboolean    *full_depth,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int r;

  *h = 1;
  *full_depth = TRUE;
  if (type_id <= 0)
    return TRUE;
  r = query (self, &stmt, error, "SELECT u_height, full_depth FROM device_type WHERE id = ?1",
             "i", type_id);
  if (r < 0)
    return FALSE;
  if (r == 1)
    {
      *h = sqlite3_column_double (stmt, 0);
      *full_depth = sqlite3_column_int (stmt, 1) != 0;
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Kinds                                                               */

/* Port keys are DEVICE:PORT, and names may hold colons: device "A:B" with
 * port "P" and device "A" with port "B:P" would both be "A:B:P", and
 * show, connect and the export could not tell them apart.  Fails when
 * another port (not @port_id) has the key @device:@port. */
static gboolean
port_key_unique (EnlaceStore  *self,
                 const char   *device,
                 const char   *port,
                 gint64        port_id,
                 GError      **error)
{
  g_autofree char *key = NULL;
  const char *colon;

  if (device == NULL || port == NULL || (strchr (device, ':') == NULL && strchr (port, ':') == NULL))
    return TRUE;
  key = g_strdup_printf ("%s:%s", device, port);
  for (colon = strchr (key, ':'); colon; colon = strchr (colon + 1, ':'))
    {
      g_autofree char *d = g_strndup (key, colon - key);
      g_autofree char *other = NULL;
      sqlite3_stmt *stmt;
      int r;

      if (strcmp (d, device) == 0)
        continue;
      if ((r = query (self, &stmt, error,
                      "SELECT port.name FROM port JOIN device ON device.id = port.device_id "
                      "WHERE device.name = ?1 AND port.name = ?2 AND port.id <> ?3",
                      "ssi", d, colon + 1, port_id)) < 0)
        return FALSE;
      if (r == 0)
        continue;
      other = col_dup (stmt, 0);
      sqlite3_reset (stmt);
      return fail (error, CONFLICT,
                   _("Port “%s” of device “%s” would have the key “%s” of port “%s” of device “%s”; "
                     "a colon in a device or port name must not make two keys the same: rename one"),
                   port, device, key, other, d);
    }
  return TRUE;
}

gboolean
enlace_validate_site (EnlaceStore *self,
                      gint64       id,
                      JsonObject  *v,
                      GError     **error)
{
  const char *code = v_str (v, "code");
  int r;

  if (code == NULL || *code == '\0')
    return fail (error, INVALID, _("A site needs a code"));
  if ((r = exists (self, error, "SELECT 1 FROM site WHERE code = ?1 AND id <> ?2",
                   "si", code, id)) < 0)
    return FALSE;
  if (r == 1)
    return fail (error, CONFLICT, _("There is already a site with code “%s”"), code);
  return TRUE;
}

gboolean
enlace_validate_building (EnlaceStore *self,
                          gint64       id,
                          JsonObject  *v,
                          GError     **error)
{
  const char *code = v_str (v, "code");
  int r;

  if (code == NULL || *code == '\0')
    return fail (error, INVALID, _("A building needs a code"));
  if (strchr (code, '/') != NULL)
    return fail (error, INVALID,
                 _("Building code “%s” holds a “/”: floors and spaces are named BUILDING/LEVEL/SPACE, "
                   "so a building code cannot hold one"), code);
  if ((r = exists (self, error, "SELECT 1 FROM building WHERE code = ?1 AND id <> ?2",
                   "si", code, id)) < 0)
    return FALSE;
  if (r == 1)
    return fail (error, CONFLICT, _("There is already a building with code “%s”; building codes are unique across the campus"), code);
  return TRUE;
}

gboolean
enlace_validate_floor (EnlaceStore *self,
                       gint64       id,
                       JsonObject  *v,
                       GError     **error)
{
  g_autofree char *name = name_of (self, "floor", id, v);
  gint64 building = v_int (v, "building_id", 0);
  gint64 level = v_int (v, "level", 0);
  gint64 args[3] = { building, level, id };
  int r;

  if (v_has (v, "height") && v_real (v, "height", 0) <= 0)
    return fail (error, INVALID, _("Floor “%s”: the height must be more than 0 m"), name);

  r = q_int (self, "SELECT 1 FROM floor WHERE building_id = ?1 AND level = ?2 AND id <> ?3",
             args, 3, NULL, error);
  if (r < 0)
    return FALSE;
  if (r == 1)
    {
      g_autofree char *b = key_of (self, "building", building);
      return fail (error, CONFLICT, _("Building “%s” already has a floor at level %d"), b, (int) level);
    }

  /* A floor belongs to its building: it may change building only while it
   * holds no spaces (their codes and contents belong to the old one). */
  if (id > 0)
    {
      gint64 old_building = building_of_floor (self, id, error);
      gint64 n_spaces = 0;

      if (old_building < 0)
        return FALSE;
      if (old_building != 0 && old_building != building)
        {
          if (q_int1 (self, "SELECT count(*) FROM space WHERE floor_id = ?1", id, &n_spaces, error) < 0)
            return FALSE;
          if (n_spaces > 0)
            {
              g_autofree char *ob = key_of (self, "building", old_building);
              g_autofree char *nb = key_of (self, "building", building);
              return fail (error, INVALID,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "Floor “%s” cannot move from building “%s” to building “%s”: it holds %d space",
                                        "Floor “%s” cannot move from building “%s” to building “%s”: it holds %d spaces",
                                        n_spaces),
                           name, ob, nb, (int) n_spaces);
            }
        }
    }
  return TRUE;
}

gboolean
enlace_validate_space (EnlaceStore *self,
                       gint64       id,
                       JsonObject  *v,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  const char *code = v_str (v, "code");
  gint64 floor_id = v_int (v, "floor_id", 0);
  gint64 building;
  int r;

  if (code == NULL || *code == '\0')
    return fail (error, INVALID, _("A space needs a code"));
  if (!require_exists (self, "floor", "floor", floor_id, code, error))
    return FALSE;
  building = building_of_floor (self, floor_id, error);
  if (building < 0)
    return FALSE;

  /* A space stays in its building. */
  if (id > 0)
    {
      gint64 old_building = building_of_space (self, id, error);

      if (old_building < 0)
        return FALSE;
      if (old_building != 0 && old_building != building)
        {
          g_autofree char *fl = key_of (self, "floor", floor_id);
          g_autofree char *ob = key_of (self, "building", old_building);
          return fail (error, INVALID,
                       _("Space “%s” cannot move to floor “%s”: that floor is in another building, and the space belongs to building “%s”"),
                       code, fl, ob);
        }
    }

  /* Codes are unique per building (the floor is part of the code: 2A). */
  if ((r = query (self, &stmt, error, "SELECT f.level, f.name FROM space s JOIN floor f ON f.id = s.floor_id"
                  " WHERE f.building_id = ?1 AND s.code = ?2 AND s.id <> ?3 LIMIT 1",
                  "isi", building, code, id)) < 0)
    return FALSE;
  if (r == 1)
    {
      g_autofree char *floor_name = col_dup (stmt, 1);
      g_autofree char *b = key_of (self, "building", building);

      sqlite3_reset (stmt);
      return fail (error, CONFLICT,
                   _("Building “%s” already has a space “%s” (on floor “%s”); space codes are unique per building"),
                   b, code, floor_name ? floor_name : "?");
    }
  return TRUE;
}

gboolean
enlace_validate_area (EnlaceStore *self,
                      gint64       id,
                      JsonObject  *v,
                      GError     **error)
{
  g_autofree char *name = name_of (self, "area", id, v);
  gint64 parent = v_int (v, "parent_id", 0);
  guint depth = 0;

  /* No area inside itself, directly or through its parents. */
  while (parent > 0 && id > 0)
    {
      gint64 next = 0;
      int r;

      if (parent == id)
        return fail (error, INVALID, _("Area “%s” cannot be inside itself"), name);
      r = q_int1 (self, "SELECT COALESCE (parent_id, 0) FROM area WHERE id = ?1", parent, &next, error);
      if (r < 0)
        return FALSE;
      if (r == 0 || ++depth > 10000)
        break;
      parent = next;
    }
  return TRUE;
}

gboolean
enlace_validate_person (EnlaceStore *self,
                        gint64       id,
                        JsonObject  *v,
                        GError     **error)
{
  const char *email = v_str (v, "email");
  const char *at;

  if (email && *email)
    {
      at = strchr (email, '@');
      if (at == NULL || at == email || at[1] == '\0' || strchr (at + 1, '@') || strchr (email, ' '))
        {
          g_autofree char *name = name_of (self, "person", id, v);
          return fail (error, INVALID, _("“%s” is not an e-mail address (person “%s”)"), email, name);
        }
    }
  return TRUE;
}

gboolean
enlace_validate_rack (EnlaceStore *self,
                      gint64       id,
                      JsonObject  *v,
                      GError     **error)
{
  g_autofree char *name = name_of (self, "rack", id, v);
  gint64 h = v_int (v, "u_height", 42);
  gint64 space_id = v_int (v, "space_id", 0);
  sqlite3_stmt *stmt;
  int r;

  if (h < 1 || h > 100)
    return fail (error, INVALID, _("Rack “%s” cannot be %d units high: a rack has 1 to 100 units"),
                 name, (int) h);
  if (!require_exists (self, "space", "space", space_id, name, error))
    return FALSE;

  if (id == 0)
    return TRUE;

  /* Shrinking: every device must still fit. */
  if ((r = query (self, &stmt, error, "SELECT d.name, d.u_position, COALESCE (t.u_height, 1) FROM device d"
                  " LEFT JOIN device_type t ON t.id = d.device_type_id"
                  " WHERE d.rack_id = ?1 AND d.u_position IS NOT NULL"
                  "   AND d.u_position + MAX (COALESCE (t.u_height, 1), 1) - 1 > ?2"
                  " ORDER BY d.u_position DESC LIMIT 1",
                  "ii", id, h)) < 0)
    return FALSE;
  if (r == 1)
    {
      g_autofree char *dev = col_dup (stmt, 0);
      g_autofree char *units = fmt_units (sqlite3_column_double (stmt, 1), sqlite3_column_double (stmt, 2));

      sqlite3_reset (stmt);
      return fail (error, CONFLICT, _("Rack “%s” cannot have %d units: device “%s” takes %s"),
                   name, (int) h, dev, units);
    }

  /* Moving to another space. */
  {
    gint64 old_space = 0;
    gint64 old_b, new_b;

    if (q_int1 (self, "SELECT space_id FROM rack WHERE id = ?1", id, &old_space, error) < 0)
      return FALSE;
    if (old_space == 0 || old_space == space_id)
      return TRUE;
    old_b = building_of_space (self, old_space, error);
    new_b = building_of_space (self, space_id, error);
    if (old_b < 0 || new_b < 0)
      return FALSE;
    if (old_b != new_b)
      {
        gint64 n = 0;

        /* cables with one end in this rack and another end elsewhere */
        if (q_int1 (self,
                    "SELECT count(DISTINCT e.cable_id) FROM cable_end e"
                    " JOIN port p ON p.id = e.port_id JOIN device d ON d.id = p.device_id"
                    " WHERE d.rack_id = ?1 AND EXISTS ("
                    "   SELECT 1 FROM cable_end o LEFT JOIN port op ON op.id = o.port_id"
                    "   LEFT JOIN device od ON od.id = op.device_id"
                    "   WHERE o.cable_id = e.cable_id AND (od.rack_id IS NULL OR od.rack_id <> ?1))",
                    id, &n, error) < 0)
          return FALSE;
        if (n > 0)
          {
            g_autofree char *nb = key_of (self, "building", new_b);
            return fail (error, CONFLICT,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "Rack “%s” cannot move to building “%s”: %d cable joins its devices to equipment outside the rack; disconnect it first",
                                      "Rack “%s” cannot move to building “%s”: %d cables join its devices to equipment outside the rack; disconnect them first",
                                      n),
                         name, nb, (int) n);
          }
      }
    /* The devices of a rack are in the rack's space. */
    if (query (self, &stmt, error, "UPDATE device SET space_id = ?1 WHERE rack_id = ?2 AND space_id IS NOT NULL AND space_id <> ?1",
               "ii", space_id, id) < 0)
      return FALSE;
  }
  return TRUE;
}

gboolean
enlace_validate_device_type (EnlaceStore *self,
                             gint64       id,
                             JsonObject  *v,
                             GError     **error)
{
  const char *manufacturer = v_str (v, "manufacturer");
  const char *model = v_str (v, "model");
  double h = v_real (v, "u_height", 1);
  gboolean full_depth = v_int (v, "full_depth", 1) != 0;
  g_autofree char *name = g_strdup_printf ("%s/%s", manufacturer ? manufacturer : "?", model ? model : "?");
  sqlite3_stmt *stmt;
  int r;

  if (h < 0 || h * 2 != floor (h * 2) || h > 100)
    {
      g_autofree char *hs = fmt_unit (h);
      return fail (error, INVALID, _("Device type “%s”: a height of %s U is not 0 or a multiple of half a unit up to 100"),
                   name, hs);
    }
  if (manufacturer && strchr (manufacturer, '/') != NULL)
    return fail (error, INVALID,
                 _("Device type “%s”: the manufacturer holds a “/”; device types are named "
                   "MANUFACTURER/MODEL, so a manufacturer cannot hold one"), name);
  if (manufacturer && model)
    {
      if ((r = exists (self, error, "SELECT 1 FROM device_type WHERE manufacturer = ?1 AND model = ?2 AND id <> ?3",
                       "ssi", manufacturer, model, id)) < 0)
        return FALSE;
      if (r == 1)
        return fail (error, CONFLICT, _("There is already a device type “%s”"), name);
    }

  /* A new height or depth must still fit every device of this type. */
  if (id > 0)
    {
      TypeOverride ovr = { id, h, full_depth };
      g_autoptr(GArray) devs = g_array_new (FALSE, FALSE, sizeof (gint64));

      stmt = prep (self, "SELECT id FROM device WHERE device_type_id = ?1 AND rack_id IS NOT NULL", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      while ((r = step (self, stmt, error)) == 1)
        {
          gint64 d = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (devs, d);
        }
      if (r < 0)
        return FALSE;

      for (guint i = 0; i < devs->len; i++)
        {
          gint64 d = g_array_index (devs, gint64, i);
          g_autofree char *dname = NULL;
          g_autofree char *face = NULL;
          gint64 rack = 0;
          gboolean has_u;
          double u;

          if ((r = query (self, &stmt, error, "SELECT name, rack_id, u_position, face FROM device WHERE id = ?1",
                          "i", d)) < 0)
            return FALSE;
          if (r == 0)
            continue;
          dname = col_dup (stmt, 0);
          rack = sqlite3_column_int64 (stmt, 1);
          has_u = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
          u = sqlite3_column_double (stmt, 2);
          face = col_dup (stmt, 3);
          sqlite3_reset (stmt);

          if (!check_placement (self, dname, d, rack, has_u, u, face, h, full_depth, &ovr, error))
            {
              g_prefix_error (error, _("Device type “%s” cannot change: "), name);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
validate_port_fields (EnlaceStore *self,
                      const char  *what,
                      const char  *port,
                      const char  *owner,
                      JsonObject  *v,
                      GError     **error)
{
  gint64 positions = v_int (v, "positions", 1);

  if (port == NULL || *port == '\0')
    return fail (error, INVALID, _("A port of “%s” needs a name"), owner);
  if (positions < 1 || positions > 1024)
    return fail (error, INVALID, _("%s “%s” of “%s”: %lld positions is outside 1–1024"),
                 _(what), port, owner, (long long) positions);
  return TRUE;
}

/* What the rules of the ports of one device read, kept while check reads
 * the ports (ordered by device: each device is read once, by three
 * queries, instead of four subqueries for each of its ports). */
typedef struct
{
  gint64  id;
  char   *name;
  char   *kind;
  gint64  positions;
} PortName;

typedef struct
{
  gint64   front, rear;
  gint64   front_pos, rear_pos;
  gboolean front_pos_null, rear_pos_null;
} MappingEnds;

typedef struct
{
  guint   generation;
  gint64  device;
  char   *key;        /* the device's name; NULL: no such device */
  GArray *ports;      /* PortName: every port of the device */
  GArray *mappings;   /* MappingEnds: every mapping with a port of it */
  gboolean has_mappings;  /* mappings read (only the ports' rules need them) */
} DeviceFacts;

static void
port_name_clear (gpointer p)
{
  g_free (((PortName *) p)->name);
  g_free (((PortName *) p)->kind);
}

static void
device_facts_free (gpointer p)
{
  DeviceFacts *facts = p;

  g_free (facts->key);
  g_clear_pointer (&facts->ports, g_array_unref);
  g_clear_pointer (&facts->mappings, g_array_unref);
  g_free (facts);
}

/* The facts of @device while check runs (NULL otherwise, and on error
 * with @error set). */
static DeviceFacts *
device_facts (EnlaceStore  *self,
              gint64        device,
              GError      **error)
{
  static GQuark quark;
  guint generation = enlace_store_check_generation (self);
  DeviceFacts *facts;
  sqlite3_stmt *stmt;
  int r;

  if (generation == 0)
    return NULL;
  if (quark == 0)
    quark = g_quark_from_static_string ("enlace-validate-device-facts");
  facts = g_object_get_qdata (G_OBJECT (self), quark);
  if (facts == NULL)
    {
      facts = g_new0 (DeviceFacts, 1);
      facts->ports = g_array_new (FALSE, FALSE, sizeof (PortName));
      g_array_set_clear_func (facts->ports, port_name_clear);
      facts->mappings = g_array_new (FALSE, FALSE, sizeof (MappingEnds));
      g_object_set_qdata_full (G_OBJECT (self), quark, facts, device_facts_free);
    }
  if (facts->generation == generation && facts->device == device)
    return facts;

  facts->generation = 0;
  facts->device = device;
  g_clear_pointer (&facts->key, g_free);
  g_array_set_size (facts->ports, 0);
  g_array_set_size (facts->mappings, 0);
  facts->has_mappings = FALSE;

  if ((r = query (self, &stmt, error, "SELECT name FROM device WHERE id = ?1", "i", device)) < 0)
    return NULL;
  if (r == 1)
    {
      facts->key = col_dup (stmt, 0);
      sqlite3_reset (stmt);
    }

  if ((r = query (self, &stmt, error, "SELECT id, name, kind, positions FROM port WHERE device_id = ?1",
                  "i", device)) < 0)
    return NULL;
  while (r == 1)
    {
      PortName p = { sqlite3_column_int64 (stmt, 0), col_dup (stmt, 1), col_dup (stmt, 2),
                     sqlite3_column_int64 (stmt, 3) };

      g_array_append_val (facts->ports, p);
      r = step (self, stmt, error);
    }
  if (r < 0)
    return NULL;

  facts->generation = generation;
  return facts;
}

/* Reads the mappings of @facts' device (once). */
static gboolean
device_facts_mappings (EnlaceStore  *self,
                       DeviceFacts  *facts,
                       GError      **error)
{
  gint64 device = facts->device;
  sqlite3_stmt *stmt;
  int r;

  if (facts->has_mappings)
    return TRUE;
  /* a mapping whose two ports are the device's comes twice: no matter */
  if ((r = query (self, &stmt, error,
                  "SELECT m.front_port_id, m.front_pos, m.rear_port_id, m.rear_pos"
                  " FROM port p JOIN port_mapping m ON m.front_port_id = p.id WHERE p.device_id = ?1"
                  " UNION ALL"
                  " SELECT m.front_port_id, m.front_pos, m.rear_port_id, m.rear_pos"
                  " FROM port p JOIN port_mapping m ON m.rear_port_id = p.id WHERE p.device_id = ?1",
                  "i", device)) < 0)
    return FALSE;
  while (r == 1)
    {
      MappingEnds m = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 2),
        sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 3),
        sqlite3_column_type (stmt, 1) == SQLITE_NULL, sqlite3_column_type (stmt, 3) == SQLITE_NULL,
      };

      g_array_append_val (facts->mappings, m);
      r = step (self, stmt, error);
    }
  if (r < 0)
    return FALSE;

  facts->has_mappings = TRUE;
  return TRUE;
}

gboolean
enlace_validate_port (EnlaceStore *self,
                      gint64       id,
                      JsonObject  *v,
                      GError     **error)
{
  gint64 device = v_int (v, "device_id", 0);
  const char *name = v_str (v, "name");
  const char *kind = v_str (v, "kind");
  gint64 positions = v_int (v, "positions", 1);
  g_autofree char *dev = NULL;
  g_autoptr(GError) local_error = NULL;
  DeviceFacts *facts;
  sqlite3_stmt *stmt;
  gboolean taken = FALSE, is_front = FALSE, is_rear = FALSE;
  gint64 pos = 0;
  int r;

  /* While check reads the ports, device by device: what it read for the
   * device (the same answers as the statement below). */
  facts = device_facts (self, device, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (facts != NULL && !device_facts_mappings (self, facts, error))
    return FALSE;
  if (facts != NULL)
    {
      dev = facts->key ? g_strdup (facts->key) : g_strdup_printf ("#%" G_GINT64_FORMAT, device);
      for (guint i = 0; i < facts->ports->len && !taken; i++)
        {
          const PortName *p = &g_array_index (facts->ports, PortName, i);

          taken = p->id != id && p->name != NULL && strcmp (p->name, name ? name : "") == 0;
        }
      for (guint i = 0; i < facts->mappings->len; i++)
        {
          const MappingEnds *m = &g_array_index (facts->mappings, MappingEnds, i);

          if (m->front == id)
            {
              is_front = TRUE;
              if (!m->front_pos_null)
                pos = MAX (pos, m->front_pos);
            }
          if (m->rear == id)
            {
              is_rear = TRUE;
              if (!m->rear_pos_null)
                pos = MAX (pos, m->rear_pos);
            }
        }
    }
  else
    {
      /* Everything the rules need in one statement: the device's key,
       * whether the name is taken, and the mappings that use this port —
       * two index lookups for the highest position of each side, no
       * sort.  A port being created (id 0) is in no mapping. */
      if ((r = query (self, &stmt, error,
                      "SELECT (SELECT name FROM device WHERE id = ?1),"
                      " EXISTS (SELECT 1 FROM port WHERE device_id = ?1 AND name = ?2 AND id <> ?3),"
                      " (SELECT max(front_pos) FROM port_mapping WHERE front_port_id = ?3),"
                      " (SELECT max(rear_pos) FROM port_mapping WHERE rear_port_id = ?3),"
                      " EXISTS (SELECT 1 FROM port_mapping WHERE front_port_id = ?3),"
                      " EXISTS (SELECT 1 FROM port_mapping WHERE rear_port_id = ?3)",
                      "isi", device, name ? name : "", id)) < 0)
        return FALSE;
      g_assert (r == 1);
      dev = col_dup (stmt, 0);
      if (dev == NULL)
        dev = g_strdup_printf ("#%" G_GINT64_FORMAT, device);
      taken = sqlite3_column_int (stmt, 1) != 0;
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        pos = sqlite3_column_int64 (stmt, 2);
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        pos = MAX (pos, sqlite3_column_int64 (stmt, 3));
      is_front = sqlite3_column_int (stmt, 4) != 0;
      is_rear = sqlite3_column_int (stmt, 5) != 0;
      sqlite3_reset (stmt);
    }

  if (!validate_port_fields (self, N_("Port"), name, dev, v, error))
    return FALSE;
  if (taken)
    return fail (error, CONFLICT, _("Device “%s” already has a port “%s”"), dev, name);
  if (!port_key_unique (self, dev, name, id, error))
    return FALSE;

  if (id == 0)
    return TRUE;

  /* The mappings that use this port must stay valid. */
  if (pos > positions)
    return fail (error, CONFLICT,
                 _("Port “%s” of “%s” cannot have %d positions: a mapping uses position %d"),
                 name, dev, (int) positions, (int) pos);
  if ((is_front || is_rear) && g_strcmp0 (kind, is_front ? "front" : "rear") != 0)
    return fail (error, CONFLICT,
                 _("Port “%s” of “%s” must stay a %s port: it is part of a front-to-rear mapping"),
                 name, dev, is_front ? _("front") : _("rear"));
  return TRUE;
}

gboolean
enlace_validate_port_template (EnlaceStore *self,
                               gint64       id,
                               JsonObject  *v,
                               GError     **error)
{
  gint64 type = v_int (v, "device_type_id", 0);
  g_autofree char *owner = key_of (self, "device-type", type);
  const char *name = v_str (v, "name");
  int r;

  if (!validate_port_fields (self, N_("Port template"), name, owner, v, error))
    return FALSE;
  if ((r = exists (self, error, "SELECT 1 FROM port_template WHERE device_type_id = ?1 AND name = ?2 AND id <> ?3",
                   "isi", type, name, id)) < 0)
    return FALSE;
  if (r == 1)
    return fail (error, CONFLICT, _("Device type “%s” already has a port “%s”"), owner, name);
  return TRUE;
}

/* One side of a mapping: @port_id (of table @table) must be a port of
 * @kind on @owner_id with a position @pos. */
static gboolean
check_mapping_side (EnlaceStore *self,
                    const char  *side_kind,   /* "front" / "rear" */
                    const char  *port_name,
                    const char  *port_kind,
                    gint64       positions,
                    gint64       pos,
                    const char  *owner,
                    GError     **error)
{
  const char *side_label = strcmp (side_kind, "front") == 0 ? _("front") : _("rear");

  if (g_strcmp0 (port_kind, side_kind) != 0)
    {
      g_autofree char *kind_label = g_utf8_strdown (enlace_choice_label (port_kind), -1);
      return fail (error, INVALID,
                   _("Port “%s” of “%s” is of kind %s, not %s: a mapping joins a front port to a rear port"),
                   port_name, owner, kind_label, side_label);
    }
  if (pos < 1 || pos > positions)
    return fail (error, INVALID,
                 _("Port “%s” of “%s” has positions 1–%d: position %d does not exist"),
                 port_name, owner, (int) positions, (int) pos);
  return TRUE;
}

/* Port @id among the ports of @facts' device, or NULL. */
static const PortName *
facts_port (DeviceFacts *facts,
            gint64       id)
{
  for (guint i = 0; i < facts->ports->len; i++)
    if (g_array_index (facts->ports, PortName, i).id == id)
      return &g_array_index (facts->ports, PortName, i);
  return NULL;
}

gboolean
enlace_validate_port_mapping (EnlaceStore *self,
                              gint64       id,
                              JsonObject  *v,
                              GError     **error)
{
  gint64 device = v_int (v, "device_id", 0);
  g_autofree char *dev = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *sides[2] = { "front", "rear" };
  const char *fields[2] = { "front_port_id", "rear_port_id" };
  const char *pos_fields[2] = { "front_pos", "rear_pos" };
  const PortName *ports[2] = { NULL, NULL };
  DeviceFacts *facts;
  sqlite3_stmt *stmt;
  int r;

  /* While check reads the mappings, device by device: both ports among
   * the device's (a port of another device, or none: the statement). */
  facts = device_facts (self, device, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (facts != NULL)
    {
      ports[0] = facts_port (facts, v_int (v, fields[0], 0));
      ports[1] = facts_port (facts, v_int (v, fields[1], 0));
    }
  if (ports[0] != NULL && ports[1] != NULL)
    {
      dev = facts->key ? g_strdup (facts->key) : g_strdup_printf ("#%" G_GINT64_FORMAT, device);
      for (guint i = 0; i < 2; i++)
        if (!check_mapping_side (self, sides[i], ports[i]->name, ports[i]->kind, ports[i]->positions,
                                 v_int (v, pos_fields[i], 1), dev, error))
          return FALSE;
      return TRUE;
    }

  /* The device's key and both ports in one statement. */
  if ((r = query (self, &stmt, error,
                  "SELECT (SELECT name FROM device WHERE id = ?1),"
                  " f.id, f.name, f.kind, f.device_id, f.positions,"
                  " r.id, r.name, r.kind, r.device_id, r.positions"
                  " FROM (SELECT 1) LEFT JOIN port f ON f.id = ?2 LEFT JOIN port r ON r.id = ?3",
                  "iii", device, v_int (v, fields[0], 0), v_int (v, fields[1], 0))) < 0)
    return FALSE;
  g_assert (r == 1);
  dev = col_dup (stmt, 0);
  if (dev == NULL)
    dev = g_strdup_printf ("#%" G_GINT64_FORMAT, device);

  for (guint i = 0; i < 2; i++)
    {
      int c = 1 + 5 * i;
      g_autofree char *pname = NULL;
      g_autofree char *pkind = NULL;
      gint64 pdev, positions;

      if (sqlite3_column_type (stmt, c) == SQLITE_NULL)
        {
          sqlite3_reset (stmt);
          return fail (error, INVALID, _("A mapping of “%s” refers to port #%lld, which does not exist"),
                       dev, (long long) v_int (v, fields[i], 0));
        }
      pname = col_dup (stmt, c + 1);
      pkind = col_dup (stmt, c + 2);
      pdev = sqlite3_column_int64 (stmt, c + 3);
      positions = sqlite3_column_int64 (stmt, c + 4);

      if (pdev != device)
        {
          g_autofree char *other = NULL;

          sqlite3_reset (stmt);
          other = key_of (self, "device", pdev);
          return fail (error, INVALID,
                       _("A mapping of “%s” cannot use port “%s” of “%s”: both ports must belong to the mapping's device"),
                       dev, pname, other);
        }
      if (!check_mapping_side (self, sides[i], pname, pkind, positions,
                               v_int (v, pos_fields[i], 1), dev, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
enlace_validate_mapping_template (EnlaceStore *self,
                                  gint64       id,
                                  JsonObject  *v,
                                  GError     **error)
{
  gint64 type = v_int (v, "device_type_id", 0);
  g_autofree char *owner = key_of (self, "device-type", type);
  const char *sides[2] = { "front", "rear" };
  const char *names[2] = { "front_name", "rear_name" };
  const char *pos_fields[2] = { "front_pos", "rear_pos" };

  for (guint i = 0; i < 2; i++)
    {
      const char *pname = v_str (v, names[i]);
      sqlite3_stmt *stmt;
      g_autofree char *pkind = NULL;
      gint64 positions;
      int r;

      if ((r = query (self, &stmt, error, "SELECT kind, positions FROM port_template WHERE device_type_id = ?1 AND name = ?2",
                      "is", type, pname ? pname : "")) < 0)
        return FALSE;
      if (r == 0)
        return fail (error, INVALID, _("Device type “%s” has no port “%s” to map"), owner, pname ? pname : "");
      pkind = col_dup (stmt, 0);
      positions = sqlite3_column_int64 (stmt, 1);
      sqlite3_reset (stmt);
      if (!check_mapping_side (self, sides[i], pname, pkind, positions,
                               v_int (v, pos_fields[i], 1), owner, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
enlace_validate_device (EnlaceStore *self,
                        gint64       id,
                        JsonObject  *v,
                        GError     **error)
{
  g_autofree char *name = name_of (self, "device", id, v);
  const char *role = v_str (v, "role");
  const char *face = v_str (v, "face");
  gint64 rack = v_int (v, "rack_id", 0);
  gint64 space = v_int (v, "space_id", 0);
  gint64 type = v_int (v, "device_type_id", 0);
  gboolean has_u = v_has (v, "u_position");
  double u = v_real (v, "u_position", 0);
  double h;
  gboolean full_depth;
  const char *asset = v_str (v, "asset_tag");

  if (type > 0 && !require_exists (self, "device-type", "device_type", type, name, error))
    return FALSE;
  if (space > 0 && !require_exists (self, "space", "space", space, name, error))
    return FALSE;

  if (asset && *asset)
    {
      sqlite3_stmt *stmt;
      int r;

      if ((r = query (self, &stmt, error, "SELECT name FROM device WHERE asset_tag = ?1 AND id <> ?2",
                      "si", asset, id)) < 0)
        return FALSE;
      if (r == 1)
        {
          g_autofree char *other = col_dup (stmt, 0);
          sqlite3_reset (stmt);
          return fail (error, CONFLICT, _("Asset tag “%s” of device “%s” is already on device “%s”"),
                       asset, name, other);
        }
    }

  /* A colon in the name: its ports' keys must not be another's. */
  if (name != NULL && strchr (name, ':') != NULL && (id > 0 || type > 0))
    {
      g_autoptr(GPtrArray) ports = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt;
      int r = id > 0 ? query (self, &stmt, error, "SELECT name FROM port WHERE device_id = ?1", "i", id)
                     : query (self, &stmt, error, "SELECT name FROM port_template WHERE device_type_id = ?1", "i", type);

      if (r < 0)
        return FALSE;
      if (r == 1)
        {
          do
            g_ptr_array_add (ports, col_dup (stmt, 0));
          while (sqlite3_step (stmt) == SQLITE_ROW);
          sqlite3_reset (stmt);
        }
      for (guint i = 0; i < ports->len; i++)
        if (!port_key_unique (self, name, g_ptr_array_index (ports, i), 0, error))
          return FALSE;
    }

  if (g_strcmp0 (role, "outlet") == 0)
    {
      if (rack > 0)
        {
          g_autofree char *r = key_of (self, "rack", rack);
          return fail (error, INVALID, _("Outlet “%s” cannot be in rack “%s”: a wall outlet is placed in a space"),
                       name, r);
        }
      if (space <= 0)
        return fail (error, INVALID, _("Outlet “%s” must be in a space"), name);
    }

  if (rack <= 0)
    {
      if (has_u)
        return fail (error, INVALID, _("Device “%s” has a unit position but is in no rack"), name);
      if (face)
        return fail (error, INVALID, _("Device “%s” has a rack face but is in no rack"), name);
      return TRUE;
    }

  /* In a rack: its space is the rack's space. */
  {
    gint64 rack_space = 0;
    int r = q_int1 (self, "SELECT space_id FROM rack WHERE id = ?1", rack, &rack_space, error);

    if (r < 0)
      return FALSE;
    if (r == 0)
      return fail (error, INVALID, _("Device “%s” refers to rack #%lld, which does not exist"),
                   name, (long long) rack);
    if (space > 0 && space != rack_space)
      {
        g_autofree char *rk = key_of (self, "rack", rack);
        g_autofree char *sk = key_of (self, "space", space);
        g_autofree char *rsk = key_of (self, "space", rack_space);
        return fail (error, INVALID,
                     _("Device “%s” cannot be in space “%s” and in rack “%s”, which stands in space “%s”: a device is either in a rack or in a space"),
                     name, sk, rk, rsk);
      }
  }

  if (!type_size (self, type, &h, &full_depth, error))
    return FALSE;
  return check_placement (self, name, id, rack, has_u, u, face, h, full_depth, NULL, error);
}

gboolean
enlace_validate_circuit_termination (EnlaceStore *self,
                                     gint64       id,
                                     JsonObject  *v,
                                     GError     **error)
{
  gint64 space = v_int (v, "space_id", 0);
  gint64 circuit = v_int (v, "circuit_id", 0);
  const char *side = v_str (v, "side");
  g_autofree char *ckey = key_of (self, "circuit", circuit);
  g_autofree char *owner = g_strdup_printf ("%s:%s", ckey, side ? side : "?");
  int r;

  if (g_strcmp0 (side, "A") != 0 && g_strcmp0 (side, "Z") != 0)
    return fail (error, INVALID, _("A termination of circuit “%s” is at side A or Z, not “%s”"),
                 ckey, side ? side : "");
  if (space > 0 && !require_exists (self, "space", "space", space, owner, error))
    return FALSE;
  if ((r = exists (self, error, "SELECT 1 FROM circuit_termination WHERE circuit_id = ?1 AND side = ?2 AND id <> ?3",
                   "isi", circuit, side, id)) < 0)
    return FALSE;
  if (r == 1)
    return fail (error, CONFLICT, _("Circuit “%s” already has a termination at side %s"), ckey, side);
  return TRUE;
}

gboolean
enlace_validate_circuit (EnlaceStore *self,
                         gint64       id,
                         JsonObject  *v,
                         GError     **error)
{
  const char *cid = v_str (v, "cid");
  int r;

  if (cid == NULL || *cid == '\0')
    return fail (error, INVALID, _("A circuit needs an identifier"));
  if (v_has (v, "bandwidth_kbps") && v_int (v, "bandwidth_kbps", 0) < 0)
    return fail (error, INVALID, _("Circuit “%s”: the bandwidth cannot be negative"), cid);
  if (v_has (v, "length_m") && v_real (v, "length_m", 0) < 0)
    return fail (error, INVALID, _("Circuit “%s”: the length cannot be negative"), cid);
  if ((r = exists (self, error, "SELECT 1 FROM circuit WHERE cid = ?1 AND id <> ?2",
                   "si", cid, id)) < 0)
    return FALSE;
  if (r == 1)
    return fail (error, CONFLICT, _("There is already a circuit “%s”"), cid);
  return TRUE;
}

static gboolean
is_fibre_type (const char *type)
{
  return type && (g_str_has_prefix (type, "om") || g_str_has_prefix (type, "os"));
}

gboolean
enlace_validate_cable (EnlaceStore *self,
                       gint64       id,
                       JsonObject  *v,
                       GError     **error)
{
  const char *label = v_str (v, "label");
  const char *type = v_str (v, "type");
  g_autofree char *name = label && *label ? g_strdup (label)
                        : id > 0 ? g_strdup_printf ("#%" G_GINT64_FORMAT, id)
                        : g_strdup (_("(no label)"));
  gboolean has_pairs = v_has (v, "pairs");
  gint64 pairs = v_int (v, "pairs", 0);

  if (label && *label)
    {
      int r;

      if ((r = exists (self, error, "SELECT id FROM cable WHERE label = ?1 AND id <> ?2",
                       "si", label, id)) < 0)
        return FALSE;
      if (r == 1)
        return fail (error, CONFLICT,
                     _("Cable label “%s” is already used by another cable; cable labels are unique across the campus"),
                     label);
    }

  if (v_has (v, "length_m") && v_real (v, "length_m", 0) < 0)
    return fail (error, INVALID, _("Cable “%s”: the length cannot be negative"), name);
  /* as long as the plan is wide: a campus spans kilometres, not 1e12 m */
  if (v_has (v, "length_m") && v_real (v, "length_m", 0) > ENLACE_MAX_CABLE_LENGTH_M)
    {
      g_autofree char *len = fmt_unit (v_real (v, "length_m", 0));

      return fail (error, INVALID, _("Cable “%s”: a length of %s m is more than the %.0f m a cable of a campus can have"),
                   name, len, ENLACE_MAX_CABLE_LENGTH_M);
    }

  if (g_strcmp0 (type, "multipair") == 0)
    {
      if (!has_pairs)
        return fail (error, INVALID, _("Cable “%s” is a voice multipair cable: give its pair count"), name);
    }
  if (has_pairs)
    {
      if (pairs < 1 || pairs > 4200)
        return fail (error, INVALID, _("Cable “%s”: %lld pairs is outside 1–4200"), name, (long long) pairs);
      if (is_fibre_type (type) || g_strcmp0 (type, "coax") == 0)
        return fail (error, INVALID, _("Cable “%s” is of type %s, which has no copper pairs"),
                     name, enlace_choice_label (type));
      if (type && g_str_has_prefix (type, "cat") && pairs > 4)
        return fail (error, INVALID,
                     _("Cable “%s” is of type %s, which has at most 4 pairs; use type multipair for %d pairs"),
                     name, type, (int) pairs);
    }
  return TRUE;
}

gboolean
enlace_validate_extension (EnlaceStore *self,
                           gint64       id,
                           JsonObject  *v,
                           GError     **error)
{
  const char *number = v_str (v, "number");
  const char *status = v_str (v, "status");
  gint64 port = v_int (v, "port_id", 0);
  sqlite3_stmt *stmt;
  int r;

  if (number == NULL || *number == '\0')
    return fail (error, INVALID, _("An extension needs a number"));
  for (const char *p = number; *p; p++)
    if (!g_ascii_isdigit (*p))
      return fail (error, INVALID, _("Extension number “%s” must be digits only"), number);
  if (strlen (number) > 15)
    return fail (error, INVALID, _("Extension number “%s” is longer than 15 digits"), number);

  if (status && strcmp (status, "active") != 0 && strcmp (status, "suspended") != 0
      && strcmp (status, "cancelled") != 0)
    return fail (error, INVALID, _("Extension %s: “%s” is not a status (active, suspended or cancelled)"),
                 number, status);

  /* A change of status is kept with its date and reason: it goes through
   * enlace_store_set_extension_status(), not a plain update. */
  if (id > 0 && status)
    {
      g_autofree char *old_status = NULL;

      if ((r = query (self, &stmt, error, "SELECT status FROM extension WHERE id = ?1",
                      "i", id)) < 0)
        return FALSE;
      if (r == 1)
        {
          old_status = col_dup (stmt, 0);
          sqlite3_reset (stmt);
        }
      if (old_status && strcmp (old_status, status) != 0)
        return fail (error, INVALID,
                     _("Extension %s: a change of status (%s → %s) is recorded with its date and reason; "
                       "use the change-of-status command"),
                     number, old_status, status);
    }

  if ((r = exists (self, error, "SELECT 1 FROM extension WHERE number = ?1 AND id <> ?2",
                   "si", number, id)) < 0)
    return FALSE;
  if (r == 1)
    return fail (error, CONFLICT, _("There is already an extension %s"), number);

  if (port > 0)
    {
      g_autofree char *medium = NULL;

      if ((r = query (self, &stmt, error, "SELECT medium FROM port WHERE id = ?1",
                      "i", port)) < 0)
        return FALSE;
      if (r == 0)
        return fail (error, INVALID, _("Extension %s refers to port #%lld, which does not exist"),
                     number, (long long) port);
      medium = col_dup (stmt, 0);
      sqlite3_reset (stmt);
      if (g_strcmp0 (medium, "voice") != 0 && g_strcmp0 (medium, "copper") != 0)
        {
          g_autofree char *pk = key_of (self, "port", port);
          g_autofree char *medium_label = g_utf8_strdown (enlace_choice_label (medium), -1);
          return fail (error, INVALID,
                       _("Extension %s cannot ride on port “%s”: its medium is %s; an extension needs a voice or copper port"),
                       number, pk, medium_label);
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* After create                                                        */

gboolean
enlace_after_create_device (EnlaceStore *self,
                            gint64       id,
                            JsonObject  *values,
                            GError     **error)
{
  gint64 type;
  gint64 args[2];

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);

  type = v_int (values, "device_type_id", 0);
  if (type <= 0)
    return TRUE;

  /* A new device gets its type's ports and front→rear mappings, unless
   * it already has ports (a copy, an import). */
  switch (q_int1 (self, "SELECT 1 FROM port WHERE device_id = ?1 LIMIT 1", id, NULL, error))
    {
    case -1:
      return FALSE;
    case 1:
      return TRUE;
    default:
      break;
    }

  args[0] = id;
  args[1] = type;
  if (q_int (self,
             "INSERT INTO port (device_id, kind, name, medium, connector, positions, label, seq)"
             " SELECT ?1, kind, name, medium, connector, positions, label, seq"
             " FROM port_template WHERE device_type_id = ?2 ORDER BY seq, id",
             args, 2, NULL, error) < 0)
    return FALSE;
  if (q_int (self,
             "INSERT INTO port_mapping (device_id, front_port_id, front_pos, rear_port_id, rear_pos)"
             " SELECT ?1, f.id, m.front_pos, r.id, m.rear_pos FROM mapping_template m"
             " JOIN port f ON f.device_id = ?1 AND f.name = m.front_name"
             " JOIN port r ON r.device_id = ?1 AND r.name = m.rear_name"
             " WHERE m.device_type_id = ?2 ORDER BY m.id",
             args, 2, NULL, error) < 0)
    return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Before delete                                                       */

/* Removing an object removes, through ON DELETE CASCADE, the ports and
 * circuit terminations under it, and with them the cable ends.  A cable
 * left with an empty end is removed too, here, inside the command.
 * @spaces, @devices, @ports and @terms are SQL giving the ids removed
 * with object ?1 (NULL: none, or derived from the level above). */
static gboolean
remove_orphan_cables (EnlaceStore  *self,
                      gint64        id,
                      const char   *spaces,
                      const char   *devices,
                      const char   *ports,
                      const char   *terms,
                      GError      **error)
{
  g_autofree char *dev_sql = NULL;
  g_autofree char *port_sql = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (self), FALSE);

  if (ports == NULL)
    ports = "SELECT NULL WHERE 0";
  if (terms == NULL)
    terms = "SELECT NULL WHERE 0";
  if (spaces)
    devices = dev_sql = g_strdup_printf ("SELECT id FROM device WHERE space_id IN (%s)"
                                         " OR rack_id IN (SELECT id FROM rack WHERE space_id IN (%s))",
                                         spaces, spaces);
  if (devices)
    ports = port_sql = g_strdup_printf ("SELECT id FROM port WHERE device_id IN (%s)", devices);

  sql = g_strdup_printf ("DELETE FROM cable WHERE id IN ("
                         " SELECT c.id FROM cable c WHERE c.id IN ("
                         "   SELECT cable_id FROM cable_end WHERE port_id IN (%s) OR termination_id IN (%s))"
                         " AND (NOT EXISTS (SELECT 1 FROM cable_end e WHERE e.cable_id = c.id AND e.\"end\" = 'A'"
                         "        AND NOT (COALESCE (e.port_id IN (%s), 0) OR COALESCE (e.termination_id IN (%s), 0)))"
                         "   OR NOT EXISTS (SELECT 1 FROM cable_end e WHERE e.cable_id = c.id AND e.\"end\" = 'B'"
                         "        AND NOT (COALESCE (e.port_id IN (%s), 0) OR COALESCE (e.termination_id IN (%s), 0)))))",
                         ports, terms, ports, terms, ports, terms);
  stmt = prep (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step (self, stmt, error) >= 0;
}

#define BEFORE_DELETE(kind, spaces, devices, ports, terms) \
  gboolean \
  enlace_before_delete_##kind (EnlaceStore *self, \
                               gint64       id, \
                               GError     **error) \
  { \
    return remove_orphan_cables (self, id, spaces, devices, ports, terms, error); \
  }

BEFORE_DELETE (site,
               "SELECT s.id FROM space s JOIN floor f ON f.id = s.floor_id"
               " JOIN building b ON b.id = f.building_id WHERE b.site_id = ?1", NULL, NULL, NULL)
BEFORE_DELETE (building,
               "SELECT s.id FROM space s JOIN floor f ON f.id = s.floor_id WHERE f.building_id = ?1",
               NULL, NULL, NULL)
BEFORE_DELETE (floor, "SELECT id FROM space WHERE floor_id = ?1", NULL, NULL, NULL)
BEFORE_DELETE (space, "SELECT ?1", NULL, NULL, NULL)
BEFORE_DELETE (rack, NULL, "SELECT id FROM device WHERE rack_id = ?1", NULL, NULL)
BEFORE_DELETE (device, NULL, "SELECT ?1", NULL, NULL)
BEFORE_DELETE (port, NULL, NULL, "SELECT ?1", NULL)
BEFORE_DELETE (circuit, NULL, NULL, NULL, "SELECT id FROM circuit_termination WHERE circuit_id = ?1")
BEFORE_DELETE (circuit_termination, NULL, NULL, NULL, "SELECT ?1")
