/* enlace-builder.c: fast row writer shared by the generator and the demo */
#define G_LOG_DOMAIN "enlace-builder"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-builder.h"

typedef struct
{
  char       *name;
  const char *kind;       /* static */
  const char *medium;     /* static */
  const char *connector;  /* static */
  int         positions;
} PortTmpl;

typedef struct
{
  guint front;
  guint rear;
  int   rear_pos;
} MapTmpl;

struct _EnlaceBuilderType
{
  gint64      id;
  double      u_height;
  char       *role;
  GArray     *ports;   /* PortTmpl */
  GArray     *maps;    /* MapTmpl */
  GHashTable *index;   /* name → index + 1 */
};

struct _EnlaceBuilder
{
  EnlaceStore *store;
  sqlite3     *db;
  GError      *error;
  GPtrArray   *types;
  GArray      *ports;  /* gint64 ids of the last device's ports */
  int          triggers_were_on;
};

static void
port_tmpl_clear (gpointer data)
{
  PortTmpl *t = data;

  g_free (t->name);
}

static void
type_free (gpointer data)
{
  EnlaceBuilderType *t = data;

  g_array_unref (t->ports);
  g_array_unref (t->maps);
  g_hash_table_unref (t->index);
  g_free (t->role);
  g_free (t);
}

EnlaceBuilder *
enlace_builder_new (EnlaceStore *store)
{
  EnlaceBuilder *b;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  b = g_new0 (EnlaceBuilder, 1);
  b->store = g_object_ref (store);
  b->db = enlace_store_get_db (store);
  b->types = g_ptr_array_new_with_free_func (type_free);
  b->ports = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* In bulk mode the store records no row images, so its recording
   * triggers have nothing to do; with them off a single-row INSERT needs
   * no statement journal, which otherwise costs two writes to a temporary
   * file per row.  Statements prepared meanwhile are re-prepared by SQLite
   * when the setting changes. */
  g_warn_if_fail (enlace_store_in_command (store));
  sqlite3_db_config (b->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &b->triggers_were_on);
  if (b->triggers_were_on)
    sqlite3_db_config (b->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  return b;
}

gboolean
enlace_builder_finish (EnlaceBuilder  *b,
                       GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (b != NULL, FALSE);

  if (b->triggers_were_on)
    sqlite3_db_config (b->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);
  ok = b->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&b->error));
  g_ptr_array_unref (b->types);
  g_array_unref (b->ports);
  g_object_unref (b->store);
  g_free (b);
  return ok;
}

gboolean
enlace_builder_failed (EnlaceBuilder *b)
{
  return b->error != NULL;
}

char *
enlace_builder_rect (double x,
                     double y,
                     double w,
                     double h)
{
  char a[4][2][G_ASCII_DTOSTR_BUF_SIZE];
  const double pts[4][2] = { { x, y }, { x + w, y }, { x + w, y + h }, { x, y + h } };

  for (guint i = 0; i < 4; i++)
    for (guint j = 0; j < 2; j++)
      g_ascii_formatd (a[i][j], sizeof a[i][j], "%.2f", pts[i][j]);
  return g_strdup_printf ("[[%s,%s],[%s,%s],[%s,%s],[%s,%s]]",
                          a[0][0], a[0][1], a[1][0], a[1][1],
                          a[2][0], a[2][1], a[3][0], a[3][1]);
}

/* Statement helpers */

static sqlite3_stmt *
prep (EnlaceBuilder *b,
      const char    *sql)
{
  sqlite3_stmt *stmt;

  if (b->error != NULL)
    return NULL;
  stmt = enlace_store_prepare (b->store, sql, &b->error);
  return stmt;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           i,
           const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, i, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

static void
bind_ref (sqlite3_stmt *stmt,
          int           i,
          gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, i, id);
  else
    sqlite3_bind_null (stmt, i);
}

static gint64
run (EnlaceBuilder *b,
     sqlite3_stmt  *stmt,
     const char    *what)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (&b->error, ENLACE_STORE_ERROR,
                   rc == SQLITE_CONSTRAINT ? ENLACE_STORE_ERROR_CONFLICT : ENLACE_STORE_ERROR_FAILED,
                   _("Could not write %s: %s"), what, sqlite3_errmsg (b->db));
      sqlite3_reset (stmt);
      return 0;
    }
  sqlite3_reset (stmt);
  return sqlite3_last_insert_rowid (b->db);
}

gint64
enlace_builder_site (EnlaceBuilder *b,
                     const char    *code,
                     const char    *name,
                     const char    *description)
{
  sqlite3_stmt *s = prep (b, "INSERT INTO site (code, name, description) VALUES (?1, ?2, ?3)");

  if (s == NULL)
    return 0;
  bind_text (s, 1, code);
  bind_text (s, 2, name);
  bind_text (s, 3, description);
  return run (b, s, code);
}

gint64
enlace_builder_building (EnlaceBuilder *b,
                         gint64         site_id,
                         const char    *code,
                         const char    *name,
                         const char    *address)
{
  sqlite3_stmt *s = prep (b, "INSERT INTO building (site_id, code, name, address) VALUES (?1, ?2, ?3, ?4)");

  if (s == NULL)
    return 0;
  bind_ref (s, 1, site_id);
  bind_text (s, 2, code);
  bind_text (s, 3, name);
  bind_text (s, 4, address);
  return run (b, s, code);
}

gint64
enlace_builder_floor (EnlaceBuilder *b,
                      gint64         building_id,
                      int            level,
                      const char    *name,
                      double         height)
{
  sqlite3_stmt *s = prep (b, "INSERT INTO floor (building_id, level, name, height) VALUES (?1, ?2, ?3, ?4)");

  if (s == NULL)
    return 0;
  bind_ref (s, 1, building_id);
  sqlite3_bind_int (s, 2, level);
  bind_text (s, 3, name);
  if (height > 0)
    sqlite3_bind_double (s, 4, height);
  return run (b, s, name);
}

gint64
enlace_builder_space (EnlaceBuilder *b,
                      gint64         floor_id,
                      const char    *code,
                      const char    *name,
                      const char    *kind,
                      const char    *outline)
{
  sqlite3_stmt *s = prep (b, "INSERT INTO space (floor_id, code, name, kind, outline) VALUES (?1, ?2, ?3, ?4, ?5)");

  if (s == NULL)
    return 0;
  bind_ref (s, 1, floor_id);
  bind_text (s, 2, code);
  bind_text (s, 3, name);
  bind_text (s, 4, kind);
  bind_text (s, 5, outline);
  return run (b, s, code);
}

gint64
enlace_builder_area (EnlaceBuilder *b,
                     const char    *code,
                     const char    *name,
                     gint64         parent_id)
{
  sqlite3_stmt *s = prep (b, "INSERT INTO area (code, name, parent_id) VALUES (?1, ?2, ?3)");

  if (s == NULL)
    return 0;
  bind_text (s, 1, code);
  bind_text (s, 2, name);
  bind_ref (s, 3, parent_id);
  return run (b, s, code);
}

gint64
enlace_builder_person (EnlaceBuilder *b,
                       const char    *name,
                       const char    *position,
                       gint64         area_id,
                       const char    *email,
                       const char    *phone)
{
  sqlite3_stmt *s = prep (b, "INSERT INTO person (name, position, area_id, email, phone) VALUES (?1, ?2, ?3, ?4, ?5)");

  if (s == NULL)
    return 0;
  bind_text (s, 1, name);
  bind_text (s, 2, position);
  bind_ref (s, 3, area_id);
  bind_text (s, 4, email);
  bind_text (s, 5, phone);
  return run (b, s, name);
}

void
enlace_builder_person_phone (EnlaceBuilder *b,
                             gint64         person_id,
                             const char    *phone)
{
  sqlite3_stmt *s = prep (b, "UPDATE person SET phone = ?2 WHERE id = ?1");

  if (s == NULL)
    return;
  sqlite3_bind_int64 (s, 1, person_id);
  bind_text (s, 2, phone);
  run (b, s, phone);
}

gint64
enlace_builder_rack (EnlaceBuilder *b,
                     gint64         space_id,
                     const char    *name,
                     int            u_height,
                     double         x,
                     double         y,
                     double         rotation)
{
  sqlite3_stmt *s = prep (b, "INSERT INTO rack (space_id, name, u_height, width, desc_units, x, y, rotation)"
                             " VALUES (?1, ?2, ?3, '19in', 0, ?4, ?5, ?6)");

  if (s == NULL)
    return 0;
  bind_ref (s, 1, space_id);
  bind_text (s, 2, name);
  sqlite3_bind_int (s, 3, u_height);
  sqlite3_bind_double (s, 4, x);
  sqlite3_bind_double (s, 5, y);
  sqlite3_bind_double (s, 6, rotation);
  return run (b, s, name);
}

EnlaceBuilderType *
enlace_builder_type (EnlaceBuilder *b,
                     const char    *manufacturer,
                     const char    *model,
                     const char    *part_number,
                     double         u_height,
                     gboolean       full_depth,
                     const char    *role)
{
  EnlaceBuilderType *t;
  sqlite3_stmt *s;

  t = g_new0 (EnlaceBuilderType, 1);
  t->u_height = u_height;
  t->role = g_strdup (role);
  t->ports = g_array_new (FALSE, TRUE, sizeof (PortTmpl));
  g_array_set_clear_func (t->ports, port_tmpl_clear);
  t->maps = g_array_new (FALSE, TRUE, sizeof (MapTmpl));
  t->index = g_hash_table_new (g_str_hash, g_str_equal);
  g_ptr_array_add (b->types, t);

  s = prep (b, "INSERT INTO device_type (manufacturer, model, part_number, u_height, full_depth, role)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (s == NULL)
    return t;
  bind_text (s, 1, manufacturer);
  bind_text (s, 2, model);
  bind_text (s, 3, part_number);
  sqlite3_bind_double (s, 4, u_height);
  sqlite3_bind_int (s, 5, full_depth ? 1 : 0);
  bind_text (s, 6, role);
  t->id = run (b, s, model);
  return t;
}

guint
enlace_builder_type_ports (EnlaceBuilder     *b,
                           EnlaceBuilderType *type,
                           const char        *kind,
                           const char        *name_fmt,
                           guint              first,
                           guint              count,
                           const char        *medium,
                           const char        *connector,
                           int                positions)
{
  guint start = type->ports->len;
  guint n = MAX (count, 1);

  for (guint i = 0; i < n; i++)
    {
      PortTmpl t = { 0 };
      sqlite3_stmt *s;

      if (count == 0)
        t.name = g_strdup (name_fmt);
      else
        {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          t.name = g_strdup_printf (name_fmt, first + i);
#pragma GCC diagnostic pop
        }
      t.kind = g_intern_string (kind);
      t.medium = g_intern_string (medium);
      t.connector = g_intern_string (connector);
      t.positions = positions;
      g_array_append_val (type->ports, t);
      g_hash_table_insert (type->index, t.name, GUINT_TO_POINTER (type->ports->len));

      s = prep (b, "INSERT INTO port_template (device_type_id, kind, name, medium, connector, positions, seq)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      if (s == NULL)
        continue;
      sqlite3_bind_int64 (s, 1, type->id);
      bind_text (s, 2, t.kind);
      bind_text (s, 3, t.name);
      bind_text (s, 4, t.medium);
      bind_text (s, 5, t.connector);
      sqlite3_bind_int (s, 6, positions);
      sqlite3_bind_int (s, 7, (int) type->ports->len - 1);
      run (b, s, t.name);
    }
  return start;
}

void
enlace_builder_type_map (EnlaceBuilder     *b,
                         EnlaceBuilderType *type,
                         guint              front,
                         guint              rear,
                         int                rear_pos)
{
  MapTmpl m = { front, rear, rear_pos };
  sqlite3_stmt *s;

  g_assert (front < type->ports->len);
  g_assert (rear < type->ports->len);
  g_array_append_val (type->maps, m);

  s = prep (b, "INSERT INTO mapping_template (device_type_id, front_name, front_pos, rear_name, rear_pos)"
               " VALUES (?1, ?2, 1, ?3, ?4)");
  if (s == NULL)
    return;
  sqlite3_bind_int64 (s, 1, type->id);
  bind_text (s, 2, g_array_index (type->ports, PortTmpl, front).name);
  bind_text (s, 3, g_array_index (type->ports, PortTmpl, rear).name);
  sqlite3_bind_int (s, 4, rear_pos);
  run (b, s, "mapping template");
}

guint
enlace_builder_type_n_ports (EnlaceBuilderType *type)
{
  return type->ports->len;
}

gint64
enlace_builder_type_id (EnlaceBuilderType *type)
{
  return type->id;
}

double
enlace_builder_type_height (EnlaceBuilderType *type)
{
  return type->u_height;
}

guint
enlace_builder_type_port_index (EnlaceBuilderType *type,
                                const char        *name)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (type->index, name));

  return i == 0 ? G_MAXUINT : i - 1;
}

gint64
enlace_builder_device (EnlaceBuilder            *b,
                       EnlaceBuilderType        *type,
                       const char               *name,
                       const EnlaceBuilderPlace *place)
{
  static const EnlaceBuilderPlace nowhere = { 0 };
  sqlite3_stmt *s;
  gint64 id;

  if (place == NULL)
    place = &nowhere;
  g_array_set_size (b->ports, 0);

  s = prep (b, "INSERT INTO device (device_type_id, name, role, rack_id, u_position, face, space_id,"
               " x, y, rotation, serial, asset_tag, status, comments)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  if (s == NULL)
    return 0;
  bind_ref (s, 1, type->id);
  bind_text (s, 2, name);
  bind_text (s, 3, type->role);
  bind_ref (s, 4, place->rack_id);
  if (place->rack_id > 0)
    {
      sqlite3_bind_double (s, 5, place->u_position);
      bind_text (s, 6, place->face ? place->face : "front");
    }
  bind_ref (s, 7, place->space_id);
  if (place->has_xy)
    {
      sqlite3_bind_double (s, 8, place->x);
      sqlite3_bind_double (s, 9, place->y);
    }
  sqlite3_bind_double (s, 10, place->rotation);
  bind_text (s, 11, place->serial);
  bind_text (s, 12, place->asset_tag);
  bind_text (s, 13, place->status ? place->status : "active");
  bind_text (s, 14, place->comments);
  id = run (b, s, name);
  if (id == 0)
    return 0;

  for (guint i = 0; i < type->ports->len; i++)
    {
      const PortTmpl *t = &g_array_index (type->ports, PortTmpl, i);
      gint64 pid;

      s = prep (b, "INSERT INTO port (device_id, kind, name, medium, connector, positions, seq)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      if (s == NULL)
        return 0;
      sqlite3_bind_int64 (s, 1, id);
      sqlite3_bind_text (s, 2, t->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 3, t->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 4, t->medium, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 5, t->connector, -1, SQLITE_STATIC);
      sqlite3_bind_int (s, 6, t->positions);
      sqlite3_bind_int (s, 7, (int) i);
      pid = run (b, s, name);
      g_array_append_val (b->ports, pid);
    }

  for (guint i = 0; i < type->maps->len; i++)
    {
      const MapTmpl *m = &g_array_index (type->maps, MapTmpl, i);

      s = prep (b, "INSERT INTO port_mapping (device_id, front_port_id, front_pos, rear_port_id, rear_pos)"
                   " VALUES (?1, ?2, 1, ?3, ?4)");
      if (s == NULL)
        return 0;
      sqlite3_bind_int64 (s, 1, id);
      sqlite3_bind_int64 (s, 2, g_array_index (b->ports, gint64, m->front));
      sqlite3_bind_int64 (s, 3, g_array_index (b->ports, gint64, m->rear));
      sqlite3_bind_int (s, 4, m->rear_pos);
      run (b, s, name);
    }

  return b->error == NULL ? id : 0;
}

const gint64 *
enlace_builder_ports (EnlaceBuilder *b)
{
  return (const gint64 *) b->ports->data;
}

void
enlace_builder_port_label (EnlaceBuilder *b,
                           gint64         port_id,
                           const char    *label)
{
  sqlite3_stmt *s = prep (b, "UPDATE port SET label = ?2 WHERE id = ?1");

  if (s == NULL)
    return;
  sqlite3_bind_int64 (s, 1, port_id);
  bind_text (s, 2, label);
  run (b, s, label);
}

static gint64
cable_row (EnlaceBuilder            *b,
           const EnlaceBuilderCable *c)
{
  sqlite3_stmt *s = prep (b, "INSERT INTO cable (label, kind, type, pairs, length_m, color, status)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");

  if (s == NULL)
    return 0;
  bind_text (s, 1, c->label);
  bind_text (s, 2, c->kind);
  bind_text (s, 3, c->type);
  if (c->pairs > 0)
    sqlite3_bind_int (s, 4, c->pairs);
  if (c->length_m >= 0)
    sqlite3_bind_double (s, 5, c->length_m);
  bind_text (s, 6, c->color);
  bind_text (s, 7, c->status ? c->status : "installed");
  return run (b, s, c->label ? c->label : "cable");
}

static void
cable_end (EnlaceBuilder *b,
           gint64         cable_id,
           const char    *end,
           gint64         port_id,
           gint64         termination_id)
{
  sqlite3_stmt *s = prep (b, "INSERT INTO cable_end (cable_id, end, port_id, termination_id, seq)"
                             " VALUES (?1, ?2, ?3, ?4, 0)");

  if (s == NULL)
    return;
  sqlite3_bind_int64 (s, 1, cable_id);
  sqlite3_bind_text (s, 2, end, -1, SQLITE_STATIC);
  bind_ref (s, 3, port_id);
  bind_ref (s, 4, termination_id);
  run (b, s, "cable end");
}

gint64
enlace_builder_cable (EnlaceBuilder            *b,
                      const EnlaceBuilderCable *cable,
                      gint64                    port_a,
                      gint64                    port_b)
{
  gint64 id = cable_row (b, cable);

  if (id == 0)
    return 0;
  cable_end (b, id, "A", port_a, 0);
  cable_end (b, id, "B", port_b, 0);
  return b->error == NULL ? id : 0;
}

gint64
enlace_builder_cable_term (EnlaceBuilder            *b,
                           const EnlaceBuilderCable *cable,
                           gint64                    termination_id,
                           gint64                    port_b)
{
  gint64 id = cable_row (b, cable);

  if (id == 0)
    return 0;
  cable_end (b, id, "A", 0, termination_id);
  cable_end (b, id, "B", port_b, 0);
  return b->error == NULL ? id : 0;
}

gint64
enlace_builder_circuit (EnlaceBuilder *b,
                        const char    *cid,
                        const char    *provider,
                        const char    *kind,
                        gint64         bandwidth_kbps,
                        double         length_m,
                        const char    *status,
                        const char    *description)
{
  sqlite3_stmt *s = prep (b, "INSERT INTO circuit (cid, provider, kind, bandwidth_kbps, length_m, status, description)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");

  if (s == NULL)
    return 0;
  bind_text (s, 1, cid);
  bind_text (s, 2, provider);
  bind_text (s, 3, kind);
  if (bandwidth_kbps > 0)
    sqlite3_bind_int64 (s, 4, bandwidth_kbps);
  if (length_m >= 0)
    sqlite3_bind_double (s, 5, length_m);
  bind_text (s, 6, status ? status : "active");
  bind_text (s, 7, description);
  return run (b, s, cid);
}

gint64
enlace_builder_termination (EnlaceBuilder *b,
                            gint64         circuit_id,
                            const char    *side,
                            gint64         space_id,
                            const char    *description)
{
  sqlite3_stmt *s = prep (b, "INSERT INTO circuit_termination (circuit_id, side, space_id, description)"
                             " VALUES (?1, ?2, ?3, ?4)");

  if (s == NULL)
    return 0;
  sqlite3_bind_int64 (s, 1, circuit_id);
  bind_text (s, 2, side);
  bind_ref (s, 3, space_id);
  bind_text (s, 4, description);
  return run (b, s, side);
}

gint64
enlace_builder_extension (EnlaceBuilder *b,
                          const char    *number,
                          gint64         person_id,
                          const char    *holder,
                          gint64         area_id,
                          const char    *status,
                          gint64         port_id)
{
  sqlite3_stmt *s = prep (b, "INSERT INTO extension (number, person_id, holder, area_id, status, port_id)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");

  if (s == NULL)
    return 0;
  bind_text (s, 1, number);
  bind_ref (s, 2, person_id);
  bind_text (s, 3, holder);
  bind_ref (s, 4, area_id);
  bind_text (s, 5, status ? status : "active");
  bind_ref (s, 6, port_id);
  return run (b, s, number);
}

gint64
enlace_builder_extension_status (EnlaceBuilder *b,
                                 gint64         extension_id,
                                 const char    *at,
                                 const char    *status,
                                 const char    *reason)
{
  sqlite3_stmt *s = prep (b, "INSERT INTO extension_status (extension_id, at, status, reason)"
                             " VALUES (?1, ?2, ?3, ?4)");

  if (s == NULL)
    return 0;
  sqlite3_bind_int64 (s, 1, extension_id);
  bind_text (s, 2, at);
  bind_text (s, 3, status);
  bind_text (s, 4, reason);
  return run (b, s, "extension status");
}
