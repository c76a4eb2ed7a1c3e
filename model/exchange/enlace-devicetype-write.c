/* enlace-devicetype-write.c: a batch of parsed device types written into
 * a store as one undoable command, and the summary of what was imported
 * and what was skipped.
 */
#define G_LOG_DOMAIN "enlace-devicetype"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-devicetype-private.h"

/* ------------------------------------------------------------------ */
/* Summary                                                              */

void
dt_skipped_free (gpointer data)
{
  EnlaceDeviceTypeSkipped *s = data;

  g_free (s->file);
  g_free (s->manufacturer);
  g_free (s->model);
  g_free (s->message);
  g_free (s->detail);
  g_free (s);
}

static void
imported_free (gpointer data)
{
  EnlaceDeviceTypeImported *item = data;

  g_free (item->file);
  g_free (item->manufacturer);
  g_free (item->model);
  g_free (item->role);
  g_free (item);
}

EnlaceDeviceTypeSkipped *
dt_skipped_new (const char                 *file,
                guint                       line,
                const char                 *manufacturer,
                const char                 *model,
                EnlaceDeviceTypeSkipReason  reason,
                const char                 *message)
{
  EnlaceDeviceTypeSkipped *s = g_new0 (EnlaceDeviceTypeSkipped, 1);

  s->file = g_strdup (file);
  s->line = line;
  s->manufacturer = g_strdup (manufacturer);
  s->model = g_strdup (model);
  s->reason = reason;
  s->message = g_strdup (message);
  /* The message without its "FILE:LINE:COLUMN: " */
  if (file != NULL && g_str_has_prefix (message, file))
    {
      const char *p = message + strlen (file);

      while (p[0] == ':' && g_ascii_isdigit (p[1]))
        for (p++; g_ascii_isdigit (*p); p++)
          ;
      if (p[0] == ':')
        p++;
      while (*p == ' ')
        p++;
      s->detail = g_strdup (p);
    }
  else
    s->detail = g_strdup (message);
  return s;
}

static EnlaceDeviceTypeImport *
import_new (void)
{
  EnlaceDeviceTypeImport *self = g_new0 (EnlaceDeviceTypeImport, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->imported = g_ptr_array_new_with_free_func (imported_free);
  self->skipped = g_ptr_array_new_with_free_func (dt_skipped_free);
  return self;
}

EnlaceDeviceTypeImport *
enlace_device_type_import_ref (EnlaceDeviceTypeImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
enlace_device_type_import_unref (EnlaceDeviceTypeImport *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_ptr_array_unref (self->imported);
      g_ptr_array_unref (self->skipped);
      g_free (self);
    }
}

G_DEFINE_BOXED_TYPE (EnlaceDeviceTypeImport, enlace_device_type_import,
                     enlace_device_type_import_ref, enlace_device_type_import_unref)

char *
enlace_device_type_import_dup_headline (EnlaceDeviceTypeImport *self)
{
  g_autofree char *types = NULL;
  g_autofree char *ports = NULL;
  g_autofree char *maps = NULL;
  g_autofree char *files = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  types = g_strdup_printf (ngettext ("%u device type", "%u device types", self->imported->len), self->imported->len);
  ports = g_strdup_printf (ngettext ("%u port", "%u ports", self->n_ports), self->n_ports);
  maps = g_strdup_printf (ngettext ("%u mapping", "%u mappings", self->n_mappings), self->n_mappings);
  files = g_strdup_printf (ngettext ("%u file", "%u files", self->n_files), self->n_files);
  /* Translators: "Imported 3 device types, 72 ports and 48 mappings from 5 files." */
  return g_strdup_printf (_("Imported %s, %s and %s from %s."), types, ports, maps, files);
}

char *
enlace_device_type_imported_dup_details (const EnlaceDeviceTypeImported *item)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *out;
  char *joined;

  g_return_val_if_fail (item != NULL, NULL);

  if (item->n_interfaces > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u interface", "%u interfaces", item->n_interfaces), item->n_interfaces));
  if (item->n_front > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u front port", "%u front ports", item->n_front), item->n_front));
  if (item->n_rear > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u rear port", "%u rear ports", item->n_rear), item->n_rear));
  if (item->n_mappings > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u mapping", "%u mappings", item->n_mappings), item->n_mappings));
  if (parts->len == 0)
    g_ptr_array_add (parts, g_strdup (_("no ports")));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (", ", (char **) parts->pdata);
  out = g_string_new (joined);
  g_free (joined);

  if (item->n_module_bays > 0 && item->n_interfaces + item->n_front + item->n_rear == 0)
    g_string_append_printf (out, ngettext (" — it has only %u module bay, which is not imported",
                                           " — it has only %u module bays, which are not imported",
                                           item->n_module_bays),
                            item->n_module_bays);
  if (item->n_renamed > 0)
    g_string_append_printf (out, ngettext (" — %u port renamed because another port has its name",
                                           " — %u ports renamed because other ports have their names",
                                           item->n_renamed),
                            item->n_renamed);
  return g_string_free (out, FALSE);
}

char *
enlace_device_type_import_format (EnlaceDeviceTypeImport *self)
{
  GString *out;
  g_autofree char *headline = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);
  headline = enlace_device_type_import_dup_headline (self);
  g_string_append (out, headline);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < self->imported->len; i++)
    {
      EnlaceDeviceTypeImported *item = g_ptr_array_index (self->imported, i);
      g_autofree char *details = enlace_device_type_imported_dup_details (item);

      /* Translators: "  • Generic 24-port Copper Patch Panel (Patch panel): 24 front ports, …" */
      g_string_append_printf (out, _("  • %s %s (%s): %s"),
                              item->manufacturer, item->model,
                              enlace_choice_label (item->role), details);
      g_string_append_c (out, '\n');
    }

  if (self->skipped->len > 0)
    {
      g_string_append_printf (out, ngettext ("Skipped %u file:", "Skipped %u files:", self->skipped->len),
                              self->skipped->len);
      g_string_append_c (out, '\n');
      for (guint i = 0; i < self->skipped->len; i++)
        {
          EnlaceDeviceTypeSkipped *s = g_ptr_array_index (self->skipped, i);

          g_string_append_printf (out, "  • %s\n", s->message);
        }
    }

  return g_string_free (out, FALSE);
}

JsonNode *
enlace_device_type_import_to_json (EnlaceDeviceTypeImport *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "files");
  json_builder_add_int_value (b, self->n_files);
  json_builder_set_member_name (b, "ports");
  json_builder_add_int_value (b, self->n_ports);
  json_builder_set_member_name (b, "mappings");
  json_builder_add_int_value (b, self->n_mappings);
  json_builder_set_member_name (b, "imported");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->imported->len; i++)
    {
      EnlaceDeviceTypeImported *item = g_ptr_array_index (self->imported, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, item->file);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, item->id);
      json_builder_set_member_name (b, "manufacturer");
      json_builder_add_string_value (b, item->manufacturer);
      json_builder_set_member_name (b, "model");
      json_builder_add_string_value (b, item->model);
      json_builder_set_member_name (b, "role");
      json_builder_add_string_value (b, item->role);
      json_builder_set_member_name (b, "interfaces");
      json_builder_add_int_value (b, item->n_interfaces);
      json_builder_set_member_name (b, "front_ports");
      json_builder_add_int_value (b, item->n_front);
      json_builder_set_member_name (b, "rear_ports");
      json_builder_add_int_value (b, item->n_rear);
      json_builder_set_member_name (b, "mappings");
      json_builder_add_int_value (b, item->n_mappings);
      json_builder_set_member_name (b, "module_bays");
      json_builder_add_int_value (b, item->n_module_bays);
      json_builder_set_member_name (b, "renamed");
      json_builder_add_int_value (b, item->n_renamed);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "skipped");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->skipped->len; i++)
    {
      EnlaceDeviceTypeSkipped *s = g_ptr_array_index (self->skipped, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, s->file);
      json_builder_set_member_name (b, "line");
      if (s->line > 0)
        json_builder_add_int_value (b, s->line);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "manufacturer");
      if (s->manufacturer)
        json_builder_add_string_value (b, s->manufacturer);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "model");
      if (s->model)
        json_builder_add_string_value (b, s->model);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, s->reason == ENLACE_DEVICE_TYPE_SKIP_DUPLICATE ? "duplicate" : "invalid");
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, s->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}


/* ------------------------------------------------------------------ */
/* Writing                                                              */

static gint64
find_device_type (EnlaceStore  *store,
                  const char   *manufacturer,
                  const char   *model,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = enlace_store_prepare (store, "SELECT id FROM device_type WHERE manufacturer = ?1 AND model = ?2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, manufacturer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, model, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      sqlite3_reset (stmt);
      return id;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Could not look up device types"));
      return -1;
    }
  return 0;
}

static gboolean
step_done (EnlaceStore   *store,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, what);
      return FALSE;
    }
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           col,
                   const char   *text)
{
  if (text != NULL && text[0] != '\0')
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, col);
}

static gboolean
write_def (EnlaceStore          *store,
           EnlaceDeviceTypeDef  *def,
           gint64               *out_id,
           GError              **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = enlace_store_prepare (store,
                               "INSERT INTO device_type (manufacturer, model, part_number, u_height, full_depth, role)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, def->manufacturer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, def->model, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 3, def->part_number);
  sqlite3_bind_double (stmt, 4, def->u_height);
  sqlite3_bind_int (stmt, 5, def->full_depth ? 1 : 0);
  sqlite3_bind_text (stmt, 6, def->role, -1, SQLITE_TRANSIENT);
  if (!step_done (store, stmt, _("Could not add the device type"), error))
    return FALSE;
  id = sqlite3_last_insert_rowid (enlace_store_get_db (store));

  for (guint i = 0; i < def->ports->len; i++)
    {
      EnlaceDeviceTypePort *port = g_ptr_array_index (def->ports, i);

      stmt = enlace_store_prepare (store,
                                   "INSERT INTO port_template (device_type_id, kind, name, medium, connector, positions, label, seq)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, port->kind, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, port->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, port->medium, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, port->connector, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 6, port->positions);
      bind_text_or_null (stmt, 7, port->label);
      sqlite3_bind_int (stmt, 8, (int) i + 1);
      if (!step_done (store, stmt, _("Could not add a port template"), error))
        return FALSE;
    }

  for (guint i = 0; i < def->mappings->len; i++)
    {
      EnlaceDeviceTypeMapping *m = g_ptr_array_index (def->mappings, i);

      stmt = enlace_store_prepare (store,
                                   "INSERT INTO mapping_template (device_type_id, front_name, front_pos, rear_name, rear_pos)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, m->front_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, m->front_pos);
      sqlite3_bind_text (stmt, 4, m->rear_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, m->rear_pos);
      if (!step_done (store, stmt, _("Could not add a mapping template"), error))
        return FALSE;
    }

  *out_id = id;
  return TRUE;
}

static char *
dup_key (const char *manufacturer,
         const char *model)
{
  return g_strdup_printf ("%s\x1f%s", manufacturer, model);
}

EnlaceDeviceTypeImport *
enlace_device_types_import_batch (EnlaceStore            *store,
                                  EnlaceDeviceTypeBatch  *batch,
                                  GCancellable           *cancellable,
                                  GError                **error)
{
  g_autoptr(EnlaceDeviceTypeImport) self = NULL;
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (batch != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = import_new ();
  self->n_files = batch->n_files;
  for (guint i = 0; i < batch->invalid->len; i++)
    {
      EnlaceDeviceTypeSkipped *s = g_ptr_array_index (batch->invalid, i);

      g_ptr_array_add (self->skipped, dt_skipped_new (s->file, s->line, s->manufacturer, s->model,
                                                      s->reason, s->message));
    }

  if (batch->defs->len == 0)
    return g_steal_pointer (&self);

  if (!enlace_store_begin (store, _("Import device types"), error))
    return NULL;
  /* Bulk mode records the id ranges instead of every row image: a whole
   * library is tens of thousands of port templates. */
  if (!enlace_store_begin_bulk (store, error))
    goto failed;

  /* Duplicates: already in the document, or earlier in the batch (the
   * first file wins). */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < batch->defs->len; i++)
    {
      EnlaceDeviceTypeDef *def = g_ptr_array_index (batch->defs, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *key = NULL;
      EnlaceDeviceTypeDef *first;
      EnlaceDeviceTypeImported *item;
      gint64 id;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;

      id = find_device_type (store, def->manufacturer, def->model, error);
      if (id < 0)
        goto failed;
      key = dup_key (def->manufacturer, def->model);
      first = g_hash_table_lookup (seen, key);
      if (id > 0 || first != NULL)
        {
          g_autofree char *msg = NULL;

          if (first != NULL)
            msg = g_strdup_printf (_("%s: “%s %s” is already defined by %s in this import"),
                                   def->file, def->manufacturer, def->model, first->file);
          else
            msg = g_strdup_printf (_("%s: “%s %s” is already in the document"),
                                   def->file, def->manufacturer, def->model);
          g_ptr_array_add (self->skipped, dt_skipped_new (def->file, 0, def->manufacturer, def->model,
                                                          ENLACE_DEVICE_TYPE_SKIP_DUPLICATE, msg));
          continue;
        }

      /* One savepoint per file: a file that breaks a database rule is
       * skipped, the others go on. */
      if (!enlace_store_exec (store, "SAVEPOINT enlace_devicetype", error))
        goto failed;
      if (!write_def (store, def, &id, &local_error))
        {
          g_autofree char *msg = g_strdup_printf ("%s: %s", def->file, local_error->message);

          if (!enlace_store_exec (store, "ROLLBACK TO enlace_devicetype", error) ||
              !enlace_store_exec (store, "RELEASE enlace_devicetype", error))
            goto failed;
          g_ptr_array_add (self->skipped, dt_skipped_new (def->file, 0, def->manufacturer, def->model,
                                                          ENLACE_DEVICE_TYPE_SKIP_INVALID, msg));
          continue;
        }
      if (!enlace_store_exec (store, "RELEASE enlace_devicetype", error))
        goto failed;
      g_hash_table_insert (seen, g_steal_pointer (&key), def);

      item = g_new0 (EnlaceDeviceTypeImported, 1);
      item->file = g_strdup (def->file);
      item->manufacturer = g_strdup (def->manufacturer);
      item->model = g_strdup (def->model);
      item->role = g_strdup (def->role);
      item->id = id;
      item->n_interfaces = enlace_device_type_def_count (def, "interface");
      item->n_front = enlace_device_type_def_count (def, "front");
      item->n_rear = enlace_device_type_def_count (def, "rear");
      item->n_mappings = def->mappings->len;
      item->n_module_bays = def->n_module_bays;
      item->n_renamed = def->n_renamed;
      g_ptr_array_add (self->imported, item);
      self->n_ports += def->ports->len;
      self->n_mappings += def->mappings->len;
    }

  if (!enlace_store_end_bulk (store, error))
    goto failed;
  /* A command that wrote nothing leaves no trace in the log. */
  if (self->imported->len > 0)
    self->command_id = enlace_store_current_command (store);
  if (!enlace_store_commit (store, error))
    {
      self->command_id = 0;
      return NULL;
    }
  return g_steal_pointer (&self);

failed:
  enlace_store_rollback (store);
  return NULL;
}

EnlaceDeviceTypeImport *
enlace_device_types_import (EnlaceStore   *store,
                            const char    *path,
                            GCancellable  *cancellable,
                            GError       **error)
{
  const char *paths[] = { path, NULL };
  g_autoptr(EnlaceDeviceTypeBatch) batch = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  batch = enlace_device_type_batch_load (paths, NULL, NULL, cancellable, error);
  if (batch == NULL)
    return NULL;
  return enlace_device_types_import_batch (store, batch, cancellable, error);
}

