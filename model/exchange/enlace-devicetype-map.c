/* enlace-devicetype-map.c: NetBox device types → Enlace's
 *
 * The medium and connector of a NetBox port type, unique port names in a
 * device (Enlace's port keys are DEVICE:PORT) and the role guessed from
 * the manufacturer, model and ports.
 */
#define G_LOG_DOMAIN "enlace-devicetype"
#include "config.h"

#include <string.h>

#include "enlace-devicetype-private.h"

/* A rear port whose name is taken by a front port or an interface (NetBox
 * allows it, our port keys DEVICE:PORT do not) gets this suffix. */
#define REAR_SUFFIX " (rear)"
#define FRONT_SUFFIX " (front)"

/* ------------------------------------------------------------------ */
/* NetBox types                                                         */

static gboolean
has_prefix_any (const char         *s,
                const char * const *prefixes)
{
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (s, prefixes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
in_list (const char         *s,
         const char * const *list)
{
  return g_strv_contains (list, s);
}

gboolean
enlace_device_type_map_netbox_type (const char  *netbox_type,
                                    gboolean     is_interface,
                                    const char **medium,
                                    const char **connector)
{
  static const char * const not_cabling[] = {
    "virtual", "bridge", "lag", "other-wireless", "gsm", "cdma", "lte", "4g", "5g", NULL
  };
  static const char * const wireless[] = { "ieee802.11", "ieee802.15", NULL };
  static const char * const transceivers[] = {
    "sfp", "qsfp", "xfp", "cfp", "osfp", "x2", "xenpak", "gbic", "cxp", "dsfp", NULL
  };
  static const char * const pon[] = { "gpon", "xg-pon", "xgs-pon", "ng-pon2", "epon", "10g-epon", NULL };
  static const char * const copper_8p8c[] = { "8p8c", "8p6c", "8p4c", "8p2c", NULL };
  static const char * const voice_jacks[] = { "6p6c", "6p4c", "6p2c", "4p4c", "4p2c", NULL };
  static const char * const sc[] = { "sc", "sc-pc", "sc-upc", "sc-apc", NULL };
  static const char * const fibre_other[] = {
    "fc", "fc-pc", "fc-upc", "fc-apc", "lsh", "lsh-pc", "lsh-upc", "lsh-apc", "lx5", "lx5-pc",
    "lx5-upc", "lx5-apc", "mtrj", "mpo", "cs", "sn", "sma-905", "sma-906", "urm-p2",
    "urm-p4", "urm-p8", "st", "splice", NULL
  };
  g_autofree char *t = NULL;
  const char *m = "copper";
  const char *c = "other";

  t = g_ascii_strdown (netbox_type != NULL ? netbox_type : "", -1);
  g_strstrip (t);

  if (is_interface)
    {
      if (in_list (t, not_cabling) || has_prefix_any (t, wireless))
        return FALSE;
      if (strstr (t, "base-t") != NULL)
        c = "8P8C";
      else if (strstr (t, "base-cx") != NULL)
        c = "other";
      else if (in_list (t, pon))
        m = "fibre", c = "SC";
      else if (g_str_has_prefix (t, "infiniband"))
        m = "fibre", c = "other";
      else
        {
          gboolean fibre = strstr (t, "base-") != NULL;

          for (guint i = 0; !fibre && transceivers[i] != NULL; i++)
            fibre = strstr (t, transceivers[i]) != NULL;
          if (fibre)
            m = "fibre", c = "LC";
        }
    }
  else
    {
      if (in_list (t, copper_8p8c))
        c = "8P8C";
      else if (in_list (t, voice_jacks))
        m = "voice", c = "other";
      else if (strcmp (t, "110-punch") == 0)
        m = "voice", c = "110";
      else if (g_str_has_prefix (t, "lc") && (t[2] == '\0' || t[2] == '-'))
        m = "fibre", c = "LC";
      else if (in_list (t, sc))
        m = "fibre", c = "SC";
      else if (strcmp (t, "st") == 0)
        m = "fibre", c = "ST";
      else if (strcmp (t, "mpo") == 0)
        m = "fibre", c = "MPO";
      else if (strcmp (t, "splice") == 0)
        m = "fibre", c = "splice";
      else if (in_list (t, fibre_other))
        m = "fibre", c = "other";
    }

  if (medium)
    *medium = m;
  if (connector)
    *connector = c;
  return TRUE;
}


EnlaceDeviceTypePort *
dt_find_port (EnlaceDeviceTypeDef *def,
              const char          *kind,
              const char          *name)
{
  for (guint i = 0; i < def->ports->len; i++)
    {
      EnlaceDeviceTypePort *port = g_ptr_array_index (def->ports, i);

      if (strcmp (port->kind, kind) == 0 && strcmp (port->name, name) == 0)
        return port;
    }
  return NULL;
}

/* Port keys are DEVICE:PORT, so names must be unique in a device: rename
 * rear ports (and, rarer, front ports) whose names are taken. */
void
dt_make_names_unique (EnlaceDeviceTypeDef *def)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree EnlaceDeviceTypePort **fronts = g_new0 (EnlaceDeviceTypePort *, def->mappings->len + 1);
  g_autofree EnlaceDeviceTypePort **rears = g_new0 (EnlaceDeviceTypePort *, def->mappings->len + 1);
  const char * const order[] = { "interface", "front", "rear" };

  /* check_mappings() made sure every mapping names existing ports */
  for (guint j = 0; j < def->mappings->len; j++)
    {
      EnlaceDeviceTypeMapping *m = g_ptr_array_index (def->mappings, j);

      fronts[j] = dt_find_port (def, "front", m->front_name);
      rears[j] = dt_find_port (def, "rear", m->rear_name);
      g_assert (fronts[j] != NULL && rears[j] != NULL);
    }

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      for (guint i = 0; i < def->ports->len; i++)
        {
          EnlaceDeviceTypePort *port = g_ptr_array_index (def->ports, i);
          const char *suffix = strcmp (port->kind, "rear") == 0 ? REAR_SUFFIX : FRONT_SUFFIX;

          if (strcmp (port->kind, order[k]) != 0)
            continue;
          if (g_hash_table_contains (taken, port->name))
            {
              char *renamed = g_strconcat (port->name, suffix, NULL);

              for (guint n = 2; g_hash_table_contains (taken, renamed); n++)
                {
                  g_free (renamed);
                  renamed = g_strdup_printf ("%s%s %u", port->name, suffix, n);
                }
              g_free (port->name);
              port->name = renamed;
              def->n_renamed++;
            }
          g_hash_table_add (taken, port->name);
        }
    }

  for (guint j = 0; j < def->mappings->len; j++)
    {
      EnlaceDeviceTypeMapping *m = g_ptr_array_index (def->mappings, j);

      g_free (m->front_name);
      m->front_name = g_strdup (fronts[j]->name);
      g_free (m->rear_name);
      m->rear_name = g_strdup (rears[j]->name);
    }
}

static gboolean
text_has_any (const char         *text,
              const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (text, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

const char *
dt_guess_role (EnlaceDeviceTypeDef *def,
               guint                n_power)
{
  /* words are matched with a space before them: " isr" in " cisco isr4331" */
  static const char * const firewall[] = { "firewall", " fortigate", " fg-", " asa", " palo alto", " pa-", NULL };
  static const char * const router[] = { "router", " isr", " asr", "dream machine", " udm", "gateway", " srx", NULL };
  static const char * const panel[] = { "patch panel", "patch-panel", "keystone", NULL };
  static const char * const ap[] = { "access point", NULL };
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;
  guint n_if = enlace_device_type_def_count (def, "interface");
  guint n_front = enlace_device_type_def_count (def, "front");
  guint n_rear = enlace_device_type_def_count (def, "rear");

  joined = g_strjoin (" ", "", def->manufacturer, def->model,
                      def->slug ? def->slug : "",
                      def->part_number ? def->part_number : "",
                      NULL);
  text = g_ascii_strdown (joined, -1);
  if (n_if > 0 && text_has_any (text, firewall))
    return "firewall";
  if (n_if > 0 && text_has_any (text, router))
    return "router";
  if (n_if > 0 && text_has_any (text, ap))
    return "access-point";
  if (n_if == 0 && n_front > 0 && n_rear > 0 && (n_power == 0 || text_has_any (text, panel)))
    return "patch-panel";
  if (n_if == 0 && text_has_any (text, panel))
    return "patch-panel";
  if (n_if >= 8)
    return "switch";
  return "other";
}
