/* enlace-fault-check.c: the physical check of a fault report, hop by hop */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-cases-private.h"
#include "enlace-fault-check.h"
#include "enlace-trace-paths.h"

void
enlace_fault_hop_free (EnlaceFaultHop *self)
{
  if (self == NULL)
    return;
  g_free (self->key);
  g_free (self);
}

const char *
enlace_hop_status_to_string (EnlaceHopStatus status)
{
  switch (status)
    {
    case ENLACE_HOP_PLANNED:
      return "planned";
    case ENLACE_HOP_DECOMMISSIONED:
      return "decommissioned";
    case ENLACE_HOP_MISSING:
      return "missing";
    case ENLACE_HOP_CONNECTED:
    default:
      return "connected";
    }
}

const char *
enlace_hop_status_label (EnlaceHopStatus status)
{
  switch (status)
    {
    case ENLACE_HOP_PLANNED:
      return C_("hop status", "Planned");
    case ENLACE_HOP_DECOMMISSIONED:
      return C_("hop status", "Decommissioned");
    case ENLACE_HOP_MISSING:
      return C_("hop status", "Missing");
    case ENLACE_HOP_CONNECTED:
    default:
      return C_("hop status", "Connected");
    }
}

/* A status column ("planned", "installed", "active", "retired", …) as a hop status. */
static EnlaceHopStatus
status_of (EnlaceStore *store,
           const char  *sql,
           gint64       id)
{
  g_autofree char *status = enlace_cases_query_text (store, sql, id);

  if (g_strcmp0 (status, "planned") == 0)
    return ENLACE_HOP_PLANNED;
  if (g_strcmp0 (status, "decommissioned") == 0 || g_strcmp0 (status, "retired") == 0)
    return ENLACE_HOP_DECOMMISSIONED;
  return ENLACE_HOP_CONNECTED;
}

GPtrArray *
enlace_fault_check_hops (EnlaceTracer     *tracer,
                         const EnlacePath *path)
{
  EnlaceStore *store;
  GPtrArray *hops;
  guint n_hops;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  store = enlace_tracer_get_store (tracer);
  hops = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_fault_hop_free);
  n_hops = enlace_path_get_n_hops (path);
  for (guint h = 0; h < n_hops; h++)
    {
      guint n = 0;
      const EnlaceNode *nodes = enlace_path_get_hop (path, h, &n);

      for (guint i = 0; i < n; i++)
        {
          EnlaceFaultHop *hop = g_new0 (EnlaceFaultHop, 1);

          hop->hop = h;
          hop->id = nodes[i].id;
          hop->key = enlace_tracer_dup_node_key (tracer, &nodes[i]);
          switch (nodes[i].kind)
            {
            case ENLACE_NODE_PORT:
              hop->kind = "port";
              hop->status = status_of (store, "SELECT d.status FROM port p JOIN device d ON d.id = p.device_id "
                                              "WHERE p.id = ?1", nodes[i].id);
              break;
            case ENLACE_NODE_CABLE:
              hop->kind = "cable";
              hop->status = status_of (store, "SELECT status FROM cable WHERE id = ?1", nodes[i].id);
              break;
            case ENLACE_NODE_TERMINATION:
              hop->kind = "circuit-termination";
              hop->status = status_of (store, "SELECT c.status FROM circuit_termination t "
                                              "JOIN circuit c ON c.id = t.circuit_id WHERE t.id = ?1",
                                       nodes[i].id);
              break;
            case ENLACE_NODE_SPACE:
            default:
              hop->kind = "space";
              hop->status = ENLACE_HOP_CONNECTED;
              break;
            }
          g_ptr_array_add (hops, hop);
        }
    }
  if (path->state == ENLACE_PATH_STATE_INCOMPLETE || path->state == ENLACE_PATH_STATE_SPLIT)
    {
      EnlaceFaultHop *hop = g_new0 (EnlaceFaultHop, 1);

      hop->hop = n_hops;
      hop->status = ENLACE_HOP_MISSING;
      hop->key = enlace_tracer_dup_stop_text (tracer, path, NULL);
      if (hop->key == NULL)
        hop->key = g_strdup (enlace_path_state_label (path->state));
      g_ptr_array_add (hops, hop);
    }
  return hops;
}

guint
enlace_fault_check_n_problems (GPtrArray *hops)
{
  guint n = 0;

  g_return_val_if_fail (hops != NULL, 0);

  for (guint i = 0; i < hops->len; i++)
    n += ((EnlaceFaultHop *) g_ptr_array_index (hops, i))->status != ENLACE_HOP_CONNECTED;
  return n;
}
