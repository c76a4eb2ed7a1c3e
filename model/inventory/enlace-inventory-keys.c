/* enlace-inventory-keys.c: from readable keys to ids, for the kinds of
 * the inventory (the keys are listed in enlace-kinds.h) */
#define G_LOG_DOMAIN "enlace-store"
#include "config.h"

#include <string.h>

#include "enlace-inventory-private.h"
#include "enlace-store-private.h"

#define LOOKUP_BY(kind, sql) \
  ENLACE_INVENTORY_LOOKUP (kind) \
  { \
    return enlace_store_lookup_one (store, sql, key, NULL, NULL, NULL); \
  }

LOOKUP_BY (site, "SELECT id FROM site WHERE code = ?1")
LOOKUP_BY (building, "SELECT id FROM building WHERE code = ?1")
LOOKUP_BY (area, "SELECT id FROM area WHERE code = ?1")
LOOKUP_BY (rack, "SELECT id FROM rack WHERE name = ?1")
LOOKUP_BY (device, "SELECT id FROM device WHERE name = ?1")
LOOKUP_BY (circuit, "SELECT id FROM circuit WHERE cid = ?1")
LOOKUP_BY (cable, "SELECT id FROM cable WHERE label = ?1")
LOOKUP_BY (extension, "SELECT id FROM extension WHERE number = ?1")

ENLACE_INVENTORY_LOOKUP (person)
{
  return enlace_store_lookup_one (store, "SELECT id FROM person WHERE name = ?1 OR email = ?1",
                                  key, NULL, NULL, ambiguous);
}

/* DEVICE:PORT */
ENLACE_INVENTORY_LOOKUP (port)
{
  const char *colon = strchr (key, ':');
  g_autofree char *dev = NULL;

  if (colon == NULL)
    return 0;
  /* Device names may hold colons too: try every split, first one wins. */
  for (; colon; colon = strchr (colon + 1, ':'))
    {
      gint64 id;

      g_free (dev);
      dev = g_strndup (key, colon - key);
      id = enlace_store_lookup_one (store,
                                    "SELECT port.id FROM port JOIN device ON device.id = port.device_id "
                                    "WHERE device.name = ?1 AND port.name = ?2",
                                    dev, colon + 1, NULL, NULL);
      if (id)
        return id;
    }
  return 0;
}

/* CID:A or CID:Z */
ENLACE_INVENTORY_LOOKUP (circuit_termination)
{
  const char *colon = strrchr (key, ':');
  g_autofree char *cid = NULL;

  if (colon == NULL || (strcmp (colon + 1, "A") != 0 && strcmp (colon + 1, "Z") != 0))
    return 0;
  cid = g_strndup (key, colon - key);
  return enlace_store_lookup_one (store,
                                  "SELECT circuit_termination.id FROM circuit_termination "
                                  "JOIN circuit ON circuit.id = circuit_termination.circuit_id "
                                  "WHERE circuit.cid = ?1 AND circuit_termination.side = ?2",
                                  cid, colon + 1, NULL, NULL);
}

/* MANUFACTURER/MODEL, or a model or part number alone */
ENLACE_INVENTORY_LOOKUP (device_type)
{
  const char *slash = strchr (key, '/');
  gint64 id = 0;

  if (slash != NULL)
    {
      g_autofree char *man = g_strndup (key, slash - key);
      id = enlace_store_lookup_one (store, "SELECT id FROM device_type WHERE manufacturer = ?1 AND model = ?2",
                                    man, slash + 1, NULL, NULL);
    }
  if (id == 0)
    id = enlace_store_lookup_one (store, "SELECT id FROM device_type WHERE model = ?1 OR part_number = ?1",
                                  key, NULL, NULL, ambiguous);
  return id;
}

/* BUILDING/LEVEL (or BUILDING/NAME) */
ENLACE_INVENTORY_LOOKUP (floor)
{
  g_auto(GStrv) parts = g_strsplit (key, "/", 2);

  if (g_strv_length (parts) != 2)
    return 0;
  return enlace_store_lookup_one (store,
                                  "SELECT floor.id FROM floor JOIN building ON building.id = floor.building_id "
                                  "WHERE building.code = ?1 AND (CAST(floor.level AS TEXT) = ?2 OR floor.name = ?2)",
                                  parts[0], parts[1], NULL, ambiguous);
}

/* BUILDING/LEVEL/CODE, or BUILDING/CODE */
ENLACE_INVENTORY_LOOKUP (space)
{
  g_auto(GStrv) parts = g_strsplit (key, "/", 3);

  if (g_strv_length (parts) == 3)
    return enlace_store_lookup_one (store,
                                    "SELECT space.id FROM space JOIN floor ON floor.id = space.floor_id "
                                    "JOIN building ON building.id = floor.building_id "
                                    "WHERE building.code = ?1 AND CAST(floor.level AS TEXT) = ?2 AND space.code = ?3",
                                    parts[0], parts[1], parts[2], NULL);
  if (g_strv_length (parts) == 2)
    return enlace_store_lookup_one (store,
                                    "SELECT space.id FROM space JOIN floor ON floor.id = space.floor_id "
                                    "JOIN building ON building.id = floor.building_id "
                                    "WHERE building.code = ?1 AND space.code = ?2",
                                    parts[0], parts[1], NULL, ambiguous);
  return 0;
}
