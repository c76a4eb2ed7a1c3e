/* enlace-trace-paths.c: the paths shown for an object, in every front end */
#define G_LOG_DOMAIN "enlace-trace"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "enlace-trace-paths.h"
#include "enlace-trace-private.h"

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

/* ---- where a path stops ---- */

/* " in rack R1", " in B/1/020", or "" for the device of @p. */
static char *
place_of (EnlaceTracer *tracer,
          TPort        *p)
{
  TGraph *g = _enlace_tracer_get_graph (tracer);
  EnlaceStore *store = enlace_tracer_get_store (tracer);
  TDevice *d = p ? t_graph_device (g, p->device_id) : NULL;

  if (d == NULL)
    return g_strdup ("");
  if (d->rack_id > 0)
    {
      g_autofree char *rack = enlace_store_dup_key (store, "rack", d->rack_id);

      /* TRANSLATORS: appended to a port: "… in rack B-1A-R1" */
      return g_strdup_printf (_(" in rack %s"), rack ? rack : "?");
    }
  if (d->space_id > 0)
    {
      g_autofree char *space = enlace_tracer_dup_space_key (tracer, d->space_id);

      /* TRANSLATORS: appended to a port: "… in B/1/020" */
      return g_strdup_printf (_(" in %s"), space);
    }
  return g_strdup ("");
}

/* "B-1A-PPA port 37 in rack B-1A-R1" */
static char *
port_place (EnlaceTracer     *tracer,
            const EnlaceNode *n)
{
  TGraph *g = _enlace_tracer_get_graph (tracer);
  TPort *p = n->kind == ENLACE_NODE_PORT ? t_graph_port (g, n->id) : NULL;
  TDevice *d = p ? t_graph_device (g, p->device_id) : NULL;
  g_autofree char *place = NULL;

  if (p == NULL || d == NULL)
    return enlace_tracer_dup_node_key (tracer, n);
  place = place_of (tracer, p);
  if (p->kind == T_PORT_REAR)
    /* TRANSLATORS: "B-1A-PPA rear port R37 in rack B-1A-R1" */
    return g_strdup_printf (_("%s rear port %s%s"), d->name, p->name, place);
  /* TRANSLATORS: "B-1A-PPA port 37 in rack B-1A-R1" */
  return g_strdup_printf (_("%s port %s%s"), d->name, p->name, place);
}

char *
enlace_tracer_dup_stop_text (EnlaceTracer      *tracer,
                             const EnlacePath  *path,
                             const char       **code)
{
  TGraph *g;
  const EnlaceNode *hop;
  guint n = 0;
  g_autofree char *where = NULL;
  const char *c = NULL;
  char *text = NULL;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (code)
    *code = NULL;
  hop = enlace_path_get_stop_hop (path, &n);
  if (hop == NULL || n == 0)
    return NULL;
  g = _enlace_tracer_get_graph (tracer);
  where = hop[0].kind == ENLACE_NODE_PORT ? port_place (tracer, &hop[0])
                                          : enlace_tracer_dup_node_key (tracer, &hop[0]);

  switch (path->end)
    {
    case ENLACE_PATH_END_OPEN:
      if (path->state == ENLACE_PATH_STATE_TO_JACK)
        {
          g_autofree char *key = enlace_tracer_dup_node_key (tracer, &hop[0]);
          g_autofree char *place = place_of (tracer, t_graph_port (g, hop[0].id));

          c = "at-jack";
          /* TRANSLATORS: "served up to jack B-1A-020:D in B/1/020: …" */
          text = g_strdup_printf (_("served up to jack %s%s: nothing is recorded in front of it"), key, place);
        }
      else if (hop[0].kind == ENLACE_NODE_CABLE)
        {
          c = "no-far-end";
          text = g_strdup_printf (_("cable %s has nothing connected at its other end"), where);
        }
      else if (hop[0].kind == ENLACE_NODE_PORT)
        {
          TPort *p = t_graph_port (g, hop[0].id);

          if (p && p->kind == T_PORT_FRONT)
            {
              c = "no-patch-cord";
              text = g_strdup_printf (_("no patch cord at %s"), where);
            }
          else
            {
              c = "no-cable";
              text = g_strdup_printf (_("no cable at %s"), where);
            }
        }
      else
        {
          c = "no-cable";
          text = g_strdup_printf (_("no cable at circuit termination %s"), where);
        }
      break;
    case ENLACE_PATH_END_UNMAPPED:
      c = "no-mapping";
      text = g_strdup_printf (_("no front/rear mapping at %s"), where);
      break;
    case ENLACE_PATH_END_CIRCUIT:
      c = "circuit-not-cabled";
      text = g_strdup_printf (_("the circuit at %s has no far end, or its far end has no cable"), where);
      break;
    case ENLACE_PATH_END_NO_POSITION:
      c = "no-position";
      text = g_strdup_printf (_("split at %s: a multi-position port reached with no position to follow"), where);
      break;
    case ENLACE_PATH_END_MIXED:
      c = "mixed";
      text = g_strdup_printf (_("split after %s: the far ends are of different kinds, or only some ports are cabled"), where);
      break;
    case ENLACE_PATH_END_LOOP:
      c = "loop";
      text = g_strdup_printf (_("split after %s: the path loops back on itself"), where);
      break;
    case ENLACE_PATH_END_MID_SPAN:
      c = "mid-span";
      text = g_strdup_printf (_("split after %s: one hop spans pass-through ports of two devices"), where);
      break;
    case ENLACE_PATH_END_ENDPOINT:
    default:
      return NULL;
    }
  if (code)
    *code = c;
  return text;
}

void
enlace_paths_count_states (GPtrArray *paths,
                           guint     *counts,
                           guint     *active)
{
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof (guint) * ENLACE_N_PATH_STATES);
  if (active)
    *active = 0;
  for (guint i = 0; paths && i < paths->len; i++)
    {
      EnlacePath *p = g_ptr_array_index (paths, i);

      counts[MIN ((guint) p->state, ENLACE_N_PATH_STATES - 1)]++;
      if (active)
        *active += p->active;
    }
}

char *
enlace_paths_dup_summary (GPtrArray *paths)
{
  guint counts[ENLACE_N_PATH_STATES];
  guint active, n = paths ? paths->len : 0;

  enlace_paths_count_states (paths, counts, &active);
  /* TRANSLATORS: "3 paths: 1 complete, 2 up to the jack, 0 incomplete, 0 split; 3 active" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u path: %u complete, %u up to the jack, %u incomplete, %u split; %u active",
                                       "%u paths: %u complete, %u up to the jack, %u incomplete, %u split; %u active",
                                       n),
                          n, counts[ENLACE_PATH_STATE_COMPLETE], counts[ENLACE_PATH_STATE_TO_JACK],
                          counts[ENLACE_PATH_STATE_INCOMPLETE], counts[ENLACE_PATH_STATE_SPLIT], active);
}

/* ---- the direction of a path ---- */

static gboolean
node_is_object (TGraph           *g,
                const EnlaceNode *n,
                const char       *kind,
                gint64            id)
{
  if (strcmp (kind, "device") == 0)
    {
      TPort *p = n->kind == ENLACE_NODE_PORT ? t_graph_port (g, n->id) : NULL;

      return p && p->device_id == id;
    }
  if (strcmp (kind, "port") == 0)
    return n->kind == ENLACE_NODE_PORT && n->id == id;
  if (strcmp (kind, "circuit-termination") == 0)
    return n->kind == ENLACE_NODE_TERMINATION && n->id == id;
  return FALSE;
}

/* Gives each path of @paths from the object traced from: reversed when
 * the object is nearer its last hop than its first. */
static GPtrArray *
orient_paths (EnlaceTracer *tracer,
              GPtrArray    *paths,
              const char   *kind,
              gint64        id)
{
  TGraph *g = _enlace_tracer_get_graph (tracer);

  if (paths == NULL)
    return NULL;
  for (guint i = 0; i < paths->len; i++)
    {
      EnlacePath *path = g_ptr_array_index (paths, i);
      guint n_hops = enlace_path_get_n_hops (path);
      int at = -1;

      for (guint h = 0; h < n_hops && at < 0; h++)
        {
          guint n = 0;
          const EnlaceNode *nodes = enlace_path_get_hop (path, h, &n);

          for (guint k = 0; k < n && at < 0; k++)
            if (node_is_object (g, &nodes[k], kind, id))
              at = h;
        }
      if (at > 0 && (guint) at > n_hops - 1 - (guint) at)
        {
          /* the array holds a reference: give it the reversed path */
          g_ptr_array_index (paths, i) = enlace_path_reverse (path);
          enlace_path_unref (path);
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
  return orient_paths (tracer, enlace_tracer_trace_term (tracer, &term, error), "port", term.id);
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
      return orient_paths (tracer, enlace_paths_drop_reversed (enlace_tracer_trace_term (tracer, &term, error)),
                           kind, id);
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
      return orient_paths (tracer, enlace_paths_drop_reversed (enlace_tracer_trace_device (tracer, id, error)),
                           kind, id);
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

/* ---- The graph's records, for callers walking many paths -------------- */

gint64
enlace_tracer_get_port_device (EnlaceTracer *tracer,
                               gint64        port_id)
{
  TPort *p;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), 0);

  p = t_graph_port (_enlace_tracer_get_graph (tracer), port_id);
  return p ? p->device_id : 0;
}

gint64
enlace_tracer_get_term_circuit (EnlaceTracer *tracer,
                                gint64        term_id)
{
  TTerm *t;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), 0);

  t = t_graph_term (_enlace_tracer_get_graph (tracer), term_id);
  return t ? t->circuit_id : 0;
}

const char *
enlace_tracer_get_device_role (EnlaceTracer *tracer,
                               gint64        device_id)
{
  TDevice *d;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);

  d = t_graph_device (_enlace_tracer_get_graph (tracer), device_id);
  return d ? d->role : NULL;
}

char *
enlace_tracer_dup_object_key (EnlaceTracer *tracer,
                              const char   *kind,
                              gint64        id)
{
  TGraph *g;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  g = _enlace_tracer_get_graph (tracer);
  if (strcmp (kind, "port") == 0 || strcmp (kind, "cable") == 0)
    {
      EnlaceNode node = { kind[0] == 'p' ? ENLACE_NODE_PORT : ENLACE_NODE_CABLE, id };
      char *key = enlace_tracer_dup_node_key (tracer, &node);

      if (key != NULL)
        return key;
    }
  else if (strcmp (kind, "device") == 0)
    {
      TDevice *d = t_graph_device (g, id);

      if (d && d->name)
        return g_strdup (d->name);
    }
  else if (strcmp (kind, "circuit") == 0)
    {
      TCircuit *c = t_graph_circuit (g, id);

      if (c && c->cid)
        return g_strdup (c->cid);
    }
  return enlace_store_dup_key (enlace_tracer_get_store (tracer), kind, id);
}
