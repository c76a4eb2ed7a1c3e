/* enlace-rack-scene.c: what the elevation of a rack shows */
#define G_LOG_DOMAIN "enlace-rack-scene"
#include "config.h"

#include <math.h>

#include "enlace-rack-scene.h"
#include "enlace-store-private.h"

G_DEFINE_BOXED_TYPE (EnlaceRackScene, enlace_rack_scene, enlace_rack_scene_ref, enlace_rack_scene_unref)

static void
clear_device (gpointer data)
{
  EnlaceRackDevice *d = data;

  g_free (d->name);
  g_free (d->type_label);
  g_free (d->role);
  g_free (d->status);
}

EnlaceRackScene *
enlace_rack_scene_ref (EnlaceRackScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
enlace_rack_scene_unref (EnlaceRackScene *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_free (self->name);
  g_free (self->place);
  g_free (self->width);
  g_clear_pointer (&self->devices, g_array_unref);
  g_free (self);
}

static char *
col_dup (sqlite3_stmt *stmt,
         int           col)
{
  const unsigned char *t = sqlite3_column_text (stmt, col);

  return t ? g_strdup ((const char *) t) : NULL;
}

static int
compare_devices (gconstpointer a,
                 gconstpointer b)
{
  const EnlaceRackDevice *da = a, *db = b;

  /* mounted first, top of the rack first, then by name */
  if ((da->position > 0) != (db->position > 0))
    return da->position > 0 ? -1 : 1;
  if (da->position != db->position)
    return da->position > db->position ? -1 : 1;
  return g_strcmp0 (da->name, db->name);
}

static gboolean
load_rack (EnlaceStore      *store,
           EnlaceRackScene  *self,
           GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 space_id = 0;
  g_autofree char *space_name = NULL;
  int rc;

  stmt = enlace_store_prepare (store,
                               "SELECT r.name, r.u_height, r.desc_units, r.width, r.space_id, s.name "
                               "FROM rack r LEFT JOIN space s ON s.id = r.space_id WHERE r.id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->rack_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          /* the store's own "no such rack" error */
          g_autoptr(JsonObject) rack = enlace_store_get (store, "rack", self->rack_id, error);

          g_warn_if_fail (rack == NULL);
        }
      else
        enlace_store_set_sql_error (store, error, "rack");
      return FALSE;
    }
  self->name = col_dup (stmt, 0);
  self->u_height = CLAMP (sqlite3_column_type (stmt, 1) == SQLITE_NULL ? 42 : sqlite3_column_int64 (stmt, 1), 1, 100);
  self->desc_units = sqlite3_column_int64 (stmt, 2) != 0;
  self->width = col_dup (stmt, 3);
  space_id = sqlite3_column_int64 (stmt, 4);
  space_name = col_dup (stmt, 5);
  sqlite3_reset (stmt);

  if (space_id > 0)
    {
      g_autofree char *key = enlace_store_dup_key (store, "space", space_id);

      if (space_name && *space_name)
        self->place = g_strdup_printf ("%s — %s", key ? key : "", space_name);
      else
        self->place = g_strdup (key);
    }
  return TRUE;
}

static gboolean
load_devices (EnlaceStore      *store,
              EnlaceRackScene  *self,
              GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = enlace_store_prepare (store,
                               "SELECT d.id, d.name, d.role, d.status, d.face, d.u_position, "
                               "       t.id, t.u_height, t.full_depth, t.manufacturer, t.model "
                               "FROM device d LEFT JOIN device_type t ON t.id = d.device_type_id "
                               "WHERE d.rack_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->rack_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EnlaceRackDevice d = { 0 };
      gboolean typed = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
      const char *face = (const char *) sqlite3_column_text (stmt, 4);

      d.device_id = sqlite3_column_int64 (stmt, 0);
      d.name = col_dup (stmt, 1);
      d.role = col_dup (stmt, 2);
      d.status = col_dup (stmt, 3);
      d.face = g_strcmp0 (face, "rear") == 0 ? ENLACE_RACK_FACE_REAR : ENLACE_RACK_FACE_FRONT;
      d.position = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? 0 : sqlite3_column_double (stmt, 5);
      d.height = typed && sqlite3_column_type (stmt, 7) != SQLITE_NULL ? sqlite3_column_double (stmt, 7) : 1;
      d.full_depth = typed && sqlite3_column_type (stmt, 8) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 8) != 0 : TRUE;
      if (typed)
        d.type_label = g_strdup_printf ("%s %s", sqlite3_column_text (stmt, 9), sqlite3_column_text (stmt, 10));
      if (d.position <= 0 || d.height <= 0)
        self->n_unmounted++;
      g_array_append_val (self->devices, d);
    }
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, "device");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  g_array_sort (self->devices, compare_devices);
  return TRUE;
}

EnlaceRackScene *
enlace_rack_scene_load (EnlaceStore  *store,
                        gint64        rack_id,
                        GError      **error)
{
  g_autoptr(EnlaceRackScene) self = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (EnlaceRackScene, 1);
  self->ref_count = 1;
  self->rack_id = rack_id;
  self->devices = g_array_new (FALSE, TRUE, sizeof (EnlaceRackDevice));
  g_array_set_clear_func (self->devices, clear_device);

  if (!load_rack (store, self, error) || !load_devices (store, self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const EnlaceRackDevice *
enlace_rack_scene_find_device (EnlaceRackScene *self,
                               gint64           device_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->devices->len; i++)
    {
      const EnlaceRackDevice *d = &g_array_index (self->devices, EnlaceRackDevice, i);
      if (d->device_id == device_id)
        return d;
    }
  return NULL;
}

gboolean
enlace_rack_device_is_mounted (const EnlaceRackDevice *d)
{
  g_return_val_if_fail (d != NULL, FALSE);
  return d->position > 0 && d->height > 0;
}

static gboolean
occupies (const EnlaceRackDevice *d,
          EnlaceRackFace          face)
{
  return enlace_rack_device_is_mounted (d) && (d->face == face || d->full_depth);
}

double
enlace_rack_scene_get_used_units (EnlaceRackScene *self)
{
  guint n;
  g_autofree gboolean *half = NULL;
  double used = 0;

  g_return_val_if_fail (self != NULL, 0);

  n = self->u_height * 2;
  half = g_new0 (gboolean, n);
  for (guint i = 0; i < self->devices->len; i++)
    {
      const EnlaceRackDevice *d = &g_array_index (self->devices, EnlaceRackDevice, i);
      int from, to;

      if (!enlace_rack_device_is_mounted (d))
        continue;
      from = (int) floor ((d->position - 1) * 2);
      to = (int) ceil ((d->position - 1 + d->height) * 2);
      for (int k = MAX (from, 0); k < MIN (to, (int) n); k++)
        half[k] = TRUE;
    }
  for (guint k = 0; k < n; k++)
    if (half[k])
      used += 0.5;
  return used;
}

gboolean
enlace_rack_scene_fits (EnlaceRackScene *self,
                        EnlaceRackFace   face,
                        double           position,
                        double           height,
                        gboolean         full_depth,
                        gint64           ignore_device,
                        gint64          *blocker)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (blocker)
    *blocker = 0;
  if (position < 1 || position + height - 1 > self->u_height + 1e-9)
    return FALSE;

  for (guint i = 0; i < self->devices->len; i++)
    {
      const EnlaceRackDevice *d = &g_array_index (self->devices, EnlaceRackDevice, i);

      if (d->device_id == ignore_device || !enlace_rack_device_is_mounted (d))
        continue;
      if (!(occupies (d, face) || (full_depth && enlace_rack_device_is_mounted (d))))
        continue;
      if (position < d->position + d->height - 1e-9 &&
          d->position < position + height - 1e-9)
        {
          if (blocker)
            *blocker = d->device_id;
          return FALSE;
        }
    }
  return TRUE;
}

double
enlace_rack_scene_propose_unit (EnlaceRackScene *self,
                                double           height,
                                gboolean         full_depth,
                                EnlaceRackFace   face)
{
  g_return_val_if_fail (self != NULL, 1);

  for (int u = (int) self->u_height; u >= 1; u--)
    if (enlace_rack_scene_fits (self, face, u, MAX (height, 1), full_depth, 0, NULL))
      return u;
  return 1;
}
