/* enlace-trace-paths.c: the paths shown for an object, in every front end */
#define G_LOG_DOMAIN "enlace-trace"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "enlace-trace-paths.h"

static gboolean
same_hop (const EnlacePath *a,
          guint             ia,
          const EnlacePath *b,
          guint             ib)
{
  guint na = 0, nb = 0;
  const EnlaceNode *ha = enlace_path_get_hop (a, ia, &na);
  const EnlaceNode *hb = enlace_path_get_hop (b, ib, &nb);

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (ha[i].kind != hb[i].kind || ha[i].id != hb[i].id)
      return FALSE;
  return TRUE;
}

/* A trace through a cable or a panel port gives the same path once from
 * each end; keep it once (from the end found first). */
GPtrArray *
enlace_paths_drop_reversed (GPtrArray *paths)
{
  if (paths == NULL)
    return NULL;
  for (guint i = 0; i < paths->len; i++)
    {
      EnlacePath *a = g_ptr_array_index (paths, i);
      guint na = enlace_path_get_n_hops (a);

      for (guint j = paths->len; j-- > i + 1; )
        {
          EnlacePath *b = g_ptr_array_index (paths, j);
          guint nb = enlace_path_get_n_hops (b);
          gboolean reversed = na == nb && na > 0;

          for (guint k = 0; reversed && k < na; k++)
            reversed = same_hop (a, k, b, na - 1 - k);
          if (reversed)
            g_ptr_array_remove_index (paths, j);
        }
    }
  return paths;
}

static GPtrArray *
trace_extension (EnlaceTracer  *tracer,
                 gint64         id,
                 char         **title,
                 GError       **error)
{
  EnlaceStore *store = enlace_tracer_get_store (tracer);
  g_autoptr(JsonObject) ext = enlace_store_get (store, "extension", id, error);
  EnlaceTerm term = { ENLACE_TERM_PORT, 0 };
  const char *number;
  g_autofree char *key = NULL;

  if (ext == NULL)
    return NULL;
  number = json_object_get_string_member_with_default (ext, "number", "");
  if (json_object_has_member (ext, "port_id") && !json_object_get_null_member (ext, "port_id"))
    term.id = json_object_get_int_member (ext, "port_id");
  if (term.id <= 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("Extension %s rides on no port: there is nothing to trace"), number);
      return NULL;
    }
  key = enlace_store_dup_term_key (store, &term);
  if (title)
    *title = g_strdup_printf (_("Trace of extension %s (%s)"), number, key);
  /* as before the move: the port's paths as the tracer gives them */
  return enlace_tracer_trace_term (tracer, &term, error);
}

GPtrArray *
enlace_tracer_trace_object (EnlaceTracer  *tracer,
                            const char    *kind,
                            gint64         id,
                            char         **title,
                            GError       **error)
{
  EnlaceStore *store;
  g_autofree char *key = NULL;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = enlace_tracer_get_store (tracer);
  if (strcmp (kind, "port") == 0 || strcmp (kind, "circuit-termination") == 0)
    {
      EnlaceTerm term = { strcmp (kind, "port") == 0 ? ENLACE_TERM_PORT : ENLACE_TERM_CIRCUIT, id };

      key = enlace_store_dup_term_key (store, &term);
      if (title)
        *title = g_strdup_printf (_("Trace from %s"), key ? key : "?");
      return enlace_paths_drop_reversed (enlace_tracer_trace_term (tracer, &term, error));
    }
  if (strcmp (kind, "cable") == 0)
    {
      key = enlace_store_dup_key (store, "cable", id);
      if (title)
        *title = g_strdup_printf (_("Trace through cable %s"), key ? key : "?");
      return enlace_paths_drop_reversed (enlace_tracer_trace_cable (tracer, id, error));
    }
  if (strcmp (kind, "device") == 0)
    {
      key = enlace_store_dup_key (store, "device", id);
      if (title)
        *title = g_strdup_printf (_("Traces of every port of %s"), key ? key : "?");
      return enlace_paths_drop_reversed (enlace_tracer_trace_device (tracer, id, error));
    }
  if (strcmp (kind, "extension") == 0)
    return trace_extension (tracer, id, title, error);

  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
               _("Cannot trace an object of kind “%s”"), kind);
  return NULL;
}

gboolean
enlace_tracer_resolve_key (EnlaceTracer  *tracer,
                           const char    *key,
                           const char   **kind,
                           gint64        *id,
                           GError       **error)
{
  EnlaceStore *store;
  EnlaceTerm term;
  gint64 found;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (kind != NULL && id != NULL, FALSE);

  store = enlace_tracer_get_store (tracer);
  *kind = NULL;
  *id = 0;
  if (strchr (key, ':') && enlace_store_lookup_term (store, key, &term, NULL))
    {
      *kind = term.kind == ENLACE_TERM_PORT ? "port" : "circuit-termination";
      *id = term.id;
    }
  else if ((found = enlace_store_lookup (store, "cable", key, NULL)) > 0)
    *kind = "cable", *id = found;
  else if ((found = enlace_store_lookup (store, "device", key, NULL)) > 0)
    *kind = "device", *id = found;
  else if ((found = enlace_store_lookup (store, "extension", key, NULL)) > 0)
    *kind = "extension", *id = found;
  else
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not a port (DEVICE:PORT), a circuit termination (CIRCUIT:A), "
                     "a cable label, a device name or an extension number"), key);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
enlace_tracer_trace_object_key (EnlaceTracer  *tracer,
                                const char    *key,
                                char         **title,
                                GError       **error)
{
  const char *kind;
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!enlace_tracer_resolve_key (tracer, key, &kind, &id, error))
    return NULL;
  return enlace_tracer_trace_object (tracer, kind, id, title, error);
}
