/* enlace-render-impact.c: "What breaks" in words */
#define G_LOG_DOMAIN "enlace-render-impact"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-render-impact.h"
#include "enlace-render-util.h"

char *
enlace_impact_dup_title (EnlaceStore *store,
                         const char  *kind,
                         gint64       id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  if (g_strcmp0 (kind, "port") == 0 || g_strcmp0 (kind, "circuit-termination") == 0)
    {
      EnlaceTerm term = { g_strcmp0 (kind, "port") == 0 ? ENLACE_TERM_PORT : ENLACE_TERM_CIRCUIT, id };
      key = enlace_store_dup_term_key (store, &term);
    }
  else
    key = enlace_store_dup_key (store, kind ? kind : "device", id);

  if (g_strcmp0 (kind, "cable") == 0)
    return g_strdup_printf (_("What breaks if cable %s is removed"), key);
  if (g_strcmp0 (kind, "port") == 0)
    return g_strdup_printf (_("What breaks if port %s is unplugged"), key);
  if (g_strcmp0 (kind, "rack") == 0)
    return g_strdup_printf (_("What breaks if rack %s is removed"), key);
  if (g_strcmp0 (kind, "circuit-termination") == 0)
    return g_strdup_printf (_("What breaks if circuit end %s goes down"), key);
  return g_strdup_printf (_("What breaks if device %s is removed"), key);
}

char *
enlace_impact_dup_headline (EnlaceImpact *impact)
{
  g_return_val_if_fail (impact != NULL, NULL);

  if (impact->items->len == 0)
    return g_strdup (_("Nothing breaks"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u service would be cut (%u path runs through it).",
                                       "%u services would be cut (%u paths run through it).",
                                       impact->items->len),
                          impact->items->len, impact->n_paths);
}

char *
enlace_impact_dup_explanation (EnlaceImpact *impact)
{
  g_return_val_if_fail (impact != NULL, NULL);

  if (impact->items->len == 0)
    return g_strdup (_("No complete path and no outlet jack depends on it: it can be removed without cutting a service."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "A service is one end that would lose its connection: a port of a device (a switch, a server, the conmutador), a circuit end or an outlet jack. "
                                       "A path is a connection from end to end; the %u path through it joins two ends, so it cuts up to %u services (an end inside what is removed is not counted). "
                                       "Below, each service with the area and extensions it serves, grouped by the place where it ends.",
                                       "A service is one end that would lose its connection: a port of a device (a switch, a server, the conmutador), a circuit end or an outlet jack. "
                                       "A path is a connection from end to end; each of the %u paths through it joins two ends, so they cut up to %u services (ends inside what is removed are not counted). "
                                       "Below, each service with the area and extensions it serves, grouped by the place where it ends.",
                                       impact->n_paths),
                          impact->n_paths, 2 * impact->n_paths);
}

char *
enlace_impact_dup_item_detail (EnlaceTracer           *tracer,
                               const EnlaceImpactItem *item)
{
  EnlaceStore *store;
  g_autoptr(GString) sub = g_string_new (NULL);

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  store = enlace_tracer_get_store (tracer);
  if (item->area_id > 0)
    {
      g_autoptr(JsonObject) area = enlace_store_get (store, "area", item->area_id, NULL);
      if (area)
        g_string_append_printf (sub, _("Area: %s"), enlace_json_string (area, "name"));
    }
  if (item->extensions && item->extensions[0])
    {
      g_autofree char *list = g_strjoinv (", ", item->extensions);
      if (sub->len)
        g_string_append (sub, " · ");
      g_string_append_printf (sub, g_dngettext (GETTEXT_PACKAGE, "Extension %s", "Extensions %s",
                                                g_strv_length (item->extensions)), list);
    }
  for (guint i = 0; i < item->n_circuits; i++)
    {
      g_autofree char *cid = enlace_store_dup_key (store, "circuit", item->circuits[i]);
      if (sub->len)
        g_string_append (sub, " · ");
      g_string_append_printf (sub, _("Circuit %s"), cid);
    }
  if (item->path)
    {
      guint n;
      const EnlaceNode *dest = enlace_path_get_destination (item->path, &n);

      if (dest && n > 0)
        {
          g_autofree char *dkey = enlace_tracer_dup_node_key (tracer, &dest[0]);
          if (sub->len)
            g_string_append (sub, " · ");
          g_string_append_printf (sub, _("now reaches %s"), dkey);
        }
    }
  return g_string_free (g_steal_pointer (&sub), FALSE);
}

char *
enlace_impact_dup_space_title (EnlaceTracer *tracer,
                               gint64        space_id)
{
  g_autoptr(JsonObject) o = NULL;
  g_autofree char *skey = NULL;
  const char *name;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);

  if (space_id <= 0)
    return g_strdup (_("Not placed in a space"));
  o = enlace_store_get (enlace_tracer_get_store (tracer), "space", space_id, NULL);
  skey = enlace_tracer_dup_space_key (tracer, space_id);
  name = o ? enlace_json_string (o, "name") : NULL;
  return name && *name ? g_strdup_printf ("%s — %s", skey, name) : g_strdup (skey);
}

void
enlace_impact_foreach_person (GPtrArray            *extensions,
                              EnlaceImpactLineFunc  add,
                              gpointer              data)
{
  g_auto(GStrv) people = enlace_affected_people (extensions);

  g_return_if_fail (add != NULL);

  for (guint p = 0; people && people[p]; p++)
    {
      g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
      g_autofree char *list = NULL;
      g_autofree char *detail = NULL;
      gint64 person_id = 0, extension_id = 0;

      for (guint i = 0; i < extensions->len; i++)
        {
          EnlaceAffectedExtension *a = g_ptr_array_index (extensions, i);

          if (g_strcmp0 (a->holder, people[p]) != 0)
            continue;
          g_ptr_array_add (numbers, a->number);
          if (a->person_id > 0)
            person_id = a->person_id;
          extension_id = a->extension_id;
        }
      g_ptr_array_add (numbers, NULL);
      list = g_strjoinv (", ", (char **) numbers->pdata);
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Extension %s", "Extensions %s",
                                             numbers->len - 1), list);
      add (people[p], detail, person_id, person_id > 0 ? 0 : extension_id, data);
    }
  /* extensions held by nobody on record */
  for (guint i = 0; extensions && i < extensions->len; i++)
    {
      EnlaceAffectedExtension *a = g_ptr_array_index (extensions, i);
      g_autofree char *title = NULL;

      if (a->holder != NULL)
        continue;
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Extension %s", "Extensions %s", 1), a->number);
      add (title, _("No holder on record"), 0, a->extension_id, data);
    }
}

static void
add_person_item (const char *title,
                 const char *detail,
                 gint64      person_id,
                 gint64      extension_id,
                 gpointer    data)
{
  enlace_plain_doc_add_item (data, title, detail);
}

EnlacePlainDoc *
enlace_impact_report_new (EnlaceTracer  *tracer,
                          const char    *kind,
                          gint64         id,
                          GError       **error)
{
  EnlaceStore *store;
  g_autoptr(EnlaceImpact) impact = NULL;
  g_autoptr(GPtrArray) extensions = NULL;
  g_autofree char *title = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *explanation = NULL;
  EnlacePlainDoc *report;
  gint64 group_space = -1;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);

  store = enlace_tracer_get_store (tracer);
  if (!(impact = enlace_tracer_impact (tracer, kind, id, error)))
    return NULL;

  title = enlace_impact_dup_title (store, kind, id);
  headline = enlace_impact_dup_headline (impact);
  explanation = enlace_impact_dup_explanation (impact);
  report = enlace_plain_doc_new (title);
  enlace_plain_doc_add_paragraph (report, headline);
  enlace_plain_doc_add_paragraph (report, explanation);

  extensions = enlace_tracer_impact_extensions (tracer, impact);
  if (extensions->len > 0)
    {
      enlace_plain_doc_add_heading (report, _("People and extensions affected"));
      enlace_impact_foreach_person (extensions, add_person_item, report);
    }

  for (guint i = 0; i < impact->items->len; i++)
    {
      const EnlaceImpactItem *item = g_ptr_array_index (impact->items, i);
      g_autofree char *key = enlace_tracer_dup_node_key (tracer, &item->node);
      g_autofree char *detail = enlace_impact_dup_item_detail (tracer, item);

      if (item->space_id != group_space)
        {
          g_autofree char *space = enlace_impact_dup_space_title (tracer, item->space_id);

          group_space = item->space_id;
          enlace_plain_doc_add_heading (report, space);
        }
      enlace_plain_doc_add_item (report, key ? key : "?", detail && *detail ? detail : NULL);
    }
  return report;
}
