/* enlace-person-lines.c: a person's outlets, extensions and devices */
#define G_LOG_DOMAIN "enlace-trace"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "enlace-ancestors.h"
#include "enlace-person-lines.h"
#include "enlace-store-private.h"
#include "enlace-text.h"
#include "enlace-trace-paths.h"

void
enlace_extension_line_free (EnlaceExtensionLine *line)
{
  if (line == NULL)
    return;
  g_free (line->number);
  g_free (line->status);
  g_free (line);
}

void
enlace_person_services_free (EnlacePersonServices *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->outlets, g_array_unref);
  g_clear_pointer (&self->devices, g_array_unref);
  g_free (self);
}

static gint64
member_int (JsonObject *o,
            const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n && !JSON_NODE_HOLDS_NULL (n) ? json_node_get_int (n) : 0;
}

static int
compare_people_names (const char **a,
               const char **b)
{
  return enlace_text_compare_people (*a, *b);
}

static gboolean
is_outlet (EnlaceTracer *tracer,
           gint64        device_id)
{
  return g_strcmp0 (enlace_tracer_get_device_role (tracer, device_id), "outlet") == 0;
}

/* A device people use in front of a jack: not cabling, not a network's
 * or the conmutador's own equipment. */
static gboolean
is_user_device (EnlaceTracer *tracer,
                gint64        device_id)
{
  static const char * const infra[] = {
    "outlet", "patch-panel", "consolidation-point", "switch", "router", "firewall", "server", "pbx", NULL,
  };
  const char *role = enlace_tracer_get_device_role (tracer, device_id);

  return device_id > 0 && role != NULL && !g_strv_contains (infra, role);
}

static void
add_once (GArray *ids,
          gint64  id)
{
  if (id <= 0)
    return;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;
  g_array_append_val (ids, id);
}

/* The user devices at the ends of @path. */
static void
path_user_devices (EnlaceTracer     *tracer,
                   const EnlacePath *path,
                   GArray           *out)
{
  guint n_hops = enlace_path_get_n_hops (path);

  for (guint end = 0; end < 2 && n_hops > 0; end++)
    {
      guint n = 0;
      const EnlaceNode *hop = enlace_path_get_hop (path, end == 0 ? 0 : n_hops - 1, &n);

      for (guint i = 0; i < n; i++)
        if (hop[i].kind == ENLACE_NODE_PORT)
          {
            gint64 device = enlace_tracer_get_port_device (tracer, hop[i].id);

            if (is_user_device (tracer, device))
              add_once (out, device);
          }
    }
}

EnlaceExtensionLine *
enlace_tracer_extension_line (EnlaceTracer  *tracer,
                              gint64         extension_id,
                              GError       **error)
{
  EnlaceStore *store;
  g_autoptr(JsonObject) ext = NULL;
  g_autoptr(EnlaceExtensionLine) line = NULL;
  g_autoptr(GPtrArray) paths = NULL;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);

  store = enlace_tracer_get_store (tracer);
  if (!(ext = enlace_store_get (store, "extension", extension_id, error)))
    return NULL;

  line = g_new0 (EnlaceExtensionLine, 1);
  line->extension_id = extension_id;
  line->number = g_strdup (json_object_get_string_member_with_default (ext, "number", ""));
  line->status = g_strdup (json_object_get_string_member_with_default (ext, "status", "active"));
  line->pbx_port_id = member_int (ext, "port_id");
  line->state = ENLACE_N_PATH_STATES;
  if (line->pbx_port_id <= 0)
    return g_steal_pointer (&line);

  paths = enlace_tracer_trace_object (tracer, "extension", extension_id, NULL, NULL);
  for (guint p = 0; paths && p < paths->len && line->jack_id == 0; p++)
    {
      EnlacePath *path = g_ptr_array_index (paths, p);
      guint n_hops = enlace_path_get_n_hops (path);

      /* the outlet jack farthest along the line */
      for (guint h = n_hops; h-- > 0 && line->jack_id == 0; )
        {
          guint n = 0;
          const EnlaceNode *hop = enlace_path_get_hop (path, h, &n);

          for (guint i = 0; i < n; i++)
            if (hop[i].kind == ENLACE_NODE_PORT &&
                is_outlet (tracer, enlace_tracer_get_port_device (tracer, hop[i].id)))
              {
                line->jack_id = hop[i].id;
                line->outlet_id = enlace_tracer_get_port_device (tracer, hop[i].id);
                break;
              }
        }
      if (line->jack_id > 0 || p == 0)
        line->state = path->state;
      if (line->jack_id > 0)
        {
          g_autoptr(GArray) devices = g_array_new (FALSE, FALSE, sizeof (gint64));

          path_user_devices (tracer, path, devices);
          if (devices->len > 0)
            line->device_id = g_array_index (devices, gint64, 0);
        }
    }
  if (line->outlet_id > 0)
    {
      g_autoptr(JsonObject) outlet = enlace_store_get (store, "device", line->outlet_id, NULL);

      if (outlet)
        line->space_id = member_int (outlet, "space_id");
    }
  return g_steal_pointer (&line);
}

EnlacePersonServices *
enlace_tracer_person_services (EnlaceTracer  *tracer,
                               gint64         person_id,
                               GError       **error)
{
  EnlaceStore *store;
  g_autoptr(JsonObject) person = NULL;
  g_autoptr(EnlacePersonServices) out = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);

  store = enlace_tracer_get_store (tracer);
  if (!(person = enlace_store_get (store, "person", person_id, error)))
    return NULL;
  if (!(stmt = enlace_store_prepare (store, "SELECT id FROM extension WHERE person_id = ?1"
                                            " ORDER BY length(number), number", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, "person");
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  out = g_new0 (EnlacePersonServices, 1);
  out->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_extension_line_free);
  out->outlets = g_array_new (FALSE, FALSE, sizeof (gint64));
  out->devices = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < ids->len; i++)
    {
      EnlaceExtensionLine *line = enlace_tracer_extension_line (tracer, g_array_index (ids, gint64, i), error);

      if (line == NULL)
        return NULL;
      g_ptr_array_add (out->lines, line);
      add_once (out->outlets, line->outlet_id);
    }

  /* the devices in front of any jack of their outlets (a computer on the
   * data jack next to the phone's) */
  for (guint i = 0; i < out->outlets->len; i++)
    {
      g_autoptr(GPtrArray) paths = enlace_tracer_trace_object (tracer, "device",
                                                               g_array_index (out->outlets, gint64, i),
                                                               NULL, NULL);

      for (guint p = 0; paths && p < paths->len; p++)
        path_user_devices (tracer, g_ptr_array_index (paths, p), out->devices);
    }
  for (guint i = 0; i < out->lines->len; i++)
    add_once (out->devices, ((EnlaceExtensionLine *) g_ptr_array_index (out->lines, i))->device_id);

  return g_steal_pointer (&out);
}

/* "Biblioteca (B) › Planta 1 › 020 Sala › rack R1" from the holders of
 * an object, or NULL. */
static char *
place_from_ancestors (EnlaceStore *store,
                      const char  *kind,
                      gint64       id)
{
  g_autoptr(GArray) up = enlace_inventory_ancestors (store, kind, id);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  /* from the building down */
  for (guint i = up->len; i-- > 0; )
    {
      const EnlaceObjectRef *ref = &g_array_index (up, EnlaceObjectRef, i);
      g_autoptr(JsonObject) o = enlace_store_get (store, ref->kind, ref->id, NULL);
      const char *name, *code;

      if (o == NULL)
        continue;
      name = json_object_get_string_member_with_default (o, "name", NULL);
      code = json_object_get_string_member_with_default (o, "code", NULL);
      if (strcmp (ref->kind, "building") == 0)
        g_ptr_array_add (parts, g_strdup_printf ("%s (%s)", name, code));
      else if (strcmp (ref->kind, "floor") == 0)
        g_ptr_array_add (parts, g_strdup (name));
      else if (strcmp (ref->kind, "space") == 0)
        g_ptr_array_add (parts, name && *name ? g_strdup_printf ("%s %s", code, name) : g_strdup (code));
      else if (strcmp (ref->kind, "rack") == 0)
        /* TRANSLATORS: a place, "rack B-1A-R1" */
        g_ptr_array_add (parts, g_strdup_printf (_("rack %s"), name));
      else if (strcmp (ref->kind, "device") == 0 && strcmp (kind, "port") == 0)
        g_ptr_array_add (parts, g_strdup (name));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" › ", (char **) parts->pdata);
}

static char *
line_place (EnlaceTracer              *tracer,
            const EnlaceExtensionLine *line)
{
  EnlaceStore *store = enlace_tracer_get_store (tracer);
  g_autofree char *place = NULL;
  g_autofree char *jack = NULL;
  EnlaceTerm term = { ENLACE_TERM_PORT, line->jack_id };

  if (line->jack_id <= 0)
    return NULL;
  jack = enlace_store_dup_term_key (store, &term);
  place = line->outlet_id > 0 ? place_from_ancestors (store, "device", line->outlet_id) : NULL;
  if (place == NULL)
    /* TRANSLATORS: where an extension's line reaches, "jack B-1A-020:D" */
    return g_strdup_printf (_("jack %s"), jack);
  /* TRANSLATORS: "Biblioteca (B) › Planta 1 › 020 Sala, jack B-1A-020:D" */
  return g_strdup_printf (_("%s, jack %s"), place, jack);
}

char *
enlace_tracer_dup_place (EnlaceTracer *tracer,
                         const char   *kind,
                         gint64        id)
{
  EnlaceStore *store;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  store = enlace_tracer_get_store (tracer);
  if (strcmp (kind, "extension") == 0)
    {
      g_autoptr(EnlaceExtensionLine) line = enlace_tracer_extension_line (tracer, id, NULL);

      return line ? line_place (tracer, line) : NULL;
    }
  if (strcmp (kind, "person") == 0)
    {
      g_autoptr(EnlacePersonServices) services = enlace_tracer_person_services (tracer, id, NULL);
      g_autofree char *first = NULL;
      guint n = 0;

      for (guint i = 0; services && i < services->lines->len; i++)
        {
          EnlaceExtensionLine *line = g_ptr_array_index (services->lines, i);
          g_autofree char *place = line_place (tracer, line);

          if (place == NULL)
            continue;
          if (first == NULL)
            first = g_steal_pointer (&place);
          n++;
        }
      if (first == NULL)
        return NULL;
      if (n == 1)
        return g_steal_pointer (&first);
      /* TRANSLATORS: a person's first outlet and how many more they have */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more", n - 1),
                              first, n - 1);
    }
  return place_from_ancestors (store, kind, id);
}

void
enlace_affected_extension_free (EnlaceAffectedExtension *self)
{
  if (self == NULL)
    return;
  g_free (self->number);
  g_free (self->holder);
  g_free (self->end);
  g_free (self);
}

static int
compare_affected (gconstpointer a,
                  gconstpointer b)
{
  const EnlaceAffectedExtension *x = *(EnlaceAffectedExtension **) a;
  const EnlaceAffectedExtension *y = *(EnlaceAffectedExtension **) b;
  gsize lx = strlen (x->number), ly = strlen (y->number);

  return lx != ly ? (lx < ly ? -1 : 1) : strcmp (x->number, y->number);
}

GPtrArray *
enlace_tracer_impact_extensions (EnlaceTracer *tracer,
                                 EnlaceImpact *impact)
{
  EnlaceStore *store;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_affected_extension_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), out);
  g_return_val_if_fail (impact != NULL, out);

  store = enlace_tracer_get_store (tracer);
  for (guint i = 0; i < impact->items->len; i++)
    {
      const EnlaceImpactItem *item = g_ptr_array_index (impact->items, i);

      for (guint k = 0; item->extensions && item->extensions[k]; k++)
        {
          EnlaceAffectedExtension *a;
          g_autoptr(JsonObject) ext = NULL;
          gint64 id;

          if (g_hash_table_contains (seen, item->extensions[k]))
            continue;
          g_hash_table_add (seen, item->extensions[k]);
          id = enlace_store_lookup (store, "extension", item->extensions[k], NULL);
          a = g_new0 (EnlaceAffectedExtension, 1);
          a->extension_id = id;
          a->number = g_strdup (item->extensions[k]);
          a->end = enlace_tracer_dup_node_key (tracer, &item->node);
          if (id > 0 && (ext = enlace_store_get (store, "extension", id, NULL)))
            {
              const char *holder = json_object_get_string_member_with_default (ext, "holder", NULL);

              a->person_id = member_int (ext, "person_id");
              if (a->person_id > 0)
                a->holder = enlace_store_dup_key (store, "person", a->person_id);
              else if (holder && *holder)
                a->holder = g_strdup (holder);
            }
          g_ptr_array_add (out, a);
        }
    }
  g_ptr_array_sort (out, compare_affected);
  return out;
}

GStrv
enlace_affected_people (GPtrArray *extensions)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GStrv out;

  for (guint i = 0; extensions && i < extensions->len; i++)
    {
      EnlaceAffectedExtension *a = g_ptr_array_index (extensions, i);

      if (a->holder == NULL || g_hash_table_contains (seen, a->holder))
        continue;
      g_hash_table_add (seen, a->holder);
      g_strv_builder_add (b, a->holder);
    }
  out = g_strv_builder_end (b);
  qsort (out, g_strv_length (out), sizeof (char *), (int (*)(const void *, const void *)) compare_people_names);
  return out;
}
