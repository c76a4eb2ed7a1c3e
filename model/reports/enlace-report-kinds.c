/* enlace-report-kinds.c: the reports, as data — each kind's SQL, its
 * columns and the noun of its totals.
 *
 * Every statement returns: the row's id, its group (NULL when the report
 * has none), then one value per column.  The scope is bound as
 * :building and :floor (NULL: the whole campus), the audit log's period
 * as :since and :until.
 */
#define G_LOG_DOMAIN "enlace-reports"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-report-private.h"
#include "enlace-sql-paths.h"

/* A space in the scope. */
#define IN_SCOPE(x) \
  "(:building IS NULL OR EXISTS (SELECT 1 FROM space ss JOIN floor ff ON ff.id = ss.floor_id" \
  " JOIN building bb ON bb.id = ff.building_id WHERE ss.id = (" x ") AND bb.code = :building" \
  " AND (:floor IS NULL OR CAST(ff.level AS TEXT) = :floor OR ff.name = :floor)))"
/* The space of device @d (its own or its rack's). */
#define DEVICE_SPACE(d) \
  "COALESCE(" d ".space_id, (SELECT r.space_id FROM rack r WHERE r.id = " d ".rack_id))"
/* The port at the other end of the cable on port @x. */
#define FAR_PORT(x) \
  "(SELECT b.port_id FROM cable_end a JOIN cable_end b ON b.cable_id = a.cable_id" \
  " AND b.\"end\" <> a.\"end\" WHERE a.port_id = " x " AND b.port_id IS NOT NULL LIMIT 1)"
/* A circuit's termination on @side: its space and the port cabled to it. */
#define TERM_END(side) \
  "(SELECT COALESCE(" SPACE_PATH ("ct.space_id") ", '') || COALESCE(' ' || " \
  PORT_KEY ("(SELECT b.port_id FROM cable_end a JOIN cable_end b ON b.cable_id = a.cable_id" \
            " AND b.\"end\" <> a.\"end\" WHERE a.termination_id = ct.id AND b.port_id IS NOT NULL LIMIT 1)") \
  ", '') FROM circuit_termination ct WHERE ct.circuit_id = c.id AND ct.side = '" side "' LIMIT 1)"
#define SPACE_TITLE(x) \
  "(SELECT b.code || '/' || f.level || '/' || s.code || COALESCE(' ' || s.name, '') FROM space s" \
  " JOIN floor f ON f.id = s.floor_id JOIN building b ON b.id = f.building_id WHERE s.id = " x ")"

static const ReportKind kinds[] = {
  {
    { "cables", N_("Cable schedule"),
      N_("Every cable: label, both ends, kind, type, length and status"),
      ENLACE_REPORT_TABLE, TRUE },
    "SELECT t.id, NULL, t.label, " CABLE_END ("A") ", " CABLE_END ("B") ","
    " t.kind, t.type, t.length_m, t.status FROM cable t"
    " WHERE :building IS NULL OR EXISTS (SELECT 1 FROM cable_end ce JOIN port p ON p.id = ce.port_id"
    " JOIN device d ON d.id = p.device_id WHERE ce.cable_id = t.id AND " IN_SCOPE (DEVICE_SPACE ("d")) ")"
    " ORDER BY t.label IS NULL, t.label, t.id",
    {
      { N_("Label"), 0.15, 0 },
      { N_("From"), 0.22, 0 },
      { N_("To"), 0.22, 0 },
      { N_("Kind of cable"), 0.11, COL_CHOICE },
      { N_("Type"), 0.08, COL_CHOICE },
      { N_("Length (m)"), 0.09, COL_LENGTH | COL_SUM },
      { N_("Status"), 0.13, COL_CHOICE },
    },
    7, N_("%s cable"), N_("%s cables"), NULL,
  },
  {
    { "outlets", N_("Outlet schedule"),
      N_("Each space's jacks: panel port, switch port, person and extension"),
      ENLACE_REPORT_TABLE, TRUE },
    "SELECT j.id, " SPACE_TITLE ("o.space_id") ", o.name || ':' || j.name, NULL, NULL, NULL, NULL"
    " FROM device o JOIN space s ON s.id = o.space_id JOIN floor f ON f.id = s.floor_id"
    " JOIN building b ON b.id = f.building_id JOIN port j ON j.device_id = o.id AND j.kind = 'front'"
    " WHERE o.role = 'outlet' AND " IN_SCOPE ("o.space_id")
    " ORDER BY b.code, f.level, s.code, o.name, j.seq, j.id",
    {
      { N_("Jack"), 0.22, 0 },
      { N_("Panel port"), 0.24, 0 },
      { N_("Switch port"), 0.24, 0 },
      { N_("Person"), 0.20, 0 },
      { N_("Extension"), 0.10, 0 },
    },
    5, N_("%s jack"), N_("%s jacks"), enlace_report_fill_outlet,
  },
  {
    { "panels", N_("Patch-panel schedule"),
      N_("Each patch panel's ports: what is patched, the outlet and its space"),
      ENLACE_REPORT_TABLE, FALSE },
    "SELECT pf.id, d.name || COALESCE(' — ' || (SELECT r.name FROM rack r WHERE r.id = d.rack_id)"
    " || ' U' || d.u_position, ''), pf.name, " PORT_KEY (FAR_PORT ("pf.id")) ","
    " (SELECT c.label FROM cable_end ce JOIN cable c ON c.id = ce.cable_id WHERE ce.port_id = pm.rear_port_id LIMIT 1),"
    " " PORT_KEY (FAR_PORT ("pm.rear_port_id")) ","
    " (SELECT " SPACE_PATH (DEVICE_SPACE ("od")) " FROM port op JOIN device od ON od.id = op.device_id"
    " WHERE op.id = " FAR_PORT ("pm.rear_port_id") ")"
    " FROM device d JOIN port pf ON pf.device_id = d.id AND pf.kind = 'front'"
    " LEFT JOIN port_mapping pm ON pm.front_port_id = pf.id"
    " WHERE d.role = 'patch-panel' AND " IN_SCOPE (DEVICE_SPACE ("d"))
    " GROUP BY pf.id ORDER BY d.name, pf.seq, pf.id",
    {
      { N_("Port"), 0.10, 0 },
      { N_("Patched to"), 0.26, 0 },
      { N_("Cable"), 0.20, 0 },
      { N_("Outlet"), 0.24, 0 },
      { N_("Space"), 0.20, 0 },
    },
    5, N_("%s port"), N_("%s ports"), NULL,
  },
  {
    { "racks", N_("Rack elevations"),
      N_("The racks side by side, front and rear"),
      ENLACE_REPORT_RACKS, TRUE },
    "SELECT r.id, " SPACE_TITLE ("r.space_id") ", r.name, r.u_height FROM rack r"
    " JOIN space s ON s.id = r.space_id JOIN floor f ON f.id = s.floor_id"
    " JOIN building b ON b.id = f.building_id"
    " WHERE " IN_SCOPE ("r.space_id") " ORDER BY b.code, f.level, s.code, r.name",
    {
      { N_("Rack"), 0.7, 0 },
      { N_("Units"), 0.3, COL_NUMBER | COL_SUM },
    },
    2, N_("%s rack"), N_("%s racks"), NULL,
  },
  {
    { "traces", N_("Trace sheets"),
      N_("The paths of the chosen objects, one sheet each (--object KEY)"),
      ENLACE_REPORT_TRACES, FALSE },
    NULL,
    {
      { N_("Object"), 1.0, 0 },
    },
    1, N_("%s object"), N_("%s objects"), NULL,
  },
  {
    { "circuits", N_("Circuits"),
      N_("Provider circuits: provider, kind, bandwidth, status and both ends"),
      ENLACE_REPORT_TABLE, TRUE },
    "SELECT c.id, NULL, c.cid, c.provider, c.kind, c.bandwidth_kbps, c.status,"
    " " TERM_END ("A") ", " TERM_END ("Z")
    " FROM circuit c WHERE :building IS NULL OR EXISTS (SELECT 1 FROM circuit_termination ct"
    " WHERE ct.circuit_id = c.id AND ct.space_id IS NOT NULL AND " IN_SCOPE ("ct.space_id") ")"
    " ORDER BY c.cid",
    {
      { N_("Circuit"), 0.14, 0 },
      { N_("Provider"), 0.16, 0 },
      { N_("Kind"), 0.11, COL_CHOICE },
      { N_("Bandwidth (kbit/s)"), 0.12, COL_NUMBER },
      { N_("Status"), 0.09, COL_CHOICE },
      { N_("A end"), 0.19, 0 },
      { N_("Z end"), 0.19, 0 },
    },
    7, N_("%s circuit"), N_("%s circuits"), NULL,
  },
  {
    { "directory", N_("Phone directory"),
      N_("Extensions with their person, area and outlet"),
      ENLACE_REPORT_TABLE, FALSE },
    "SELECT e.id, NULL, e.number, COALESCE(p.name, e.holder), a.name, NULL, e.status, e.port_id"
    " FROM extension e LEFT JOIN person p ON p.id = e.person_id"
    " LEFT JOIN area a ON a.id = COALESCE(e.area_id, p.area_id)"
    " ORDER BY length(e.number), e.number",
    {
      { N_("Extension"), 0.12, 0 },
      { N_("Person"), 0.30, 0 },
      { N_("Area"), 0.26, 0 },
      { N_("Outlet"), 0.20, 0 },
      { N_("Status"), 0.12, COL_CHOICE },
    },
    5, N_("%s extension"), N_("%s extensions"), enlace_report_fill_directory,
  },
  {
    { "capacity", N_("Free capacity"),
      N_("Per telecom room: rack units and patch-panel and switch ports in use and free"),
      ENLACE_REPORT_TABLE, TRUE },
    "SELECT s.id, NULL, b.code || '/' || f.level || '/' || s.code || COALESCE(' ' || s.name, ''),"
    " (SELECT count(*) FROM rack r WHERE r.space_id = s.id),"
    " (SELECT COALESCE(sum(r.u_height), 0) FROM rack r WHERE r.space_id = s.id),"
    " (SELECT COALESCE(sum(r.u_height), 0) FROM rack r WHERE r.space_id = s.id)"
    "  - (SELECT COALESCE(sum(dt.u_height), 0) FROM rack r JOIN device d ON d.rack_id = r.id"
    "     JOIN device_type dt ON dt.id = d.device_type_id WHERE r.space_id = s.id),"
    " (SELECT count(*) FROM device d JOIN port p ON p.device_id = d.id AND p.kind = 'front'"
    "  WHERE d.role = 'patch-panel' AND " DEVICE_SPACE ("d") " = s.id),"
    " (SELECT count(*) FROM device d JOIN port p ON p.device_id = d.id AND p.kind = 'front'"
    "  WHERE d.role = 'patch-panel' AND " DEVICE_SPACE ("d") " = s.id"
    "  AND NOT EXISTS (SELECT 1 FROM cable_end ce WHERE ce.port_id = p.id)),"
    " (SELECT count(*) FROM device d JOIN port p ON p.device_id = d.id AND p.kind = 'interface'"
    "  WHERE d.role = 'switch' AND " DEVICE_SPACE ("d") " = s.id),"
    " (SELECT count(*) FROM device d JOIN port p ON p.device_id = d.id AND p.kind = 'interface'"
    "  WHERE d.role = 'switch' AND " DEVICE_SPACE ("d") " = s.id"
    "  AND NOT EXISTS (SELECT 1 FROM cable_end ce WHERE ce.port_id = p.id))"
    " FROM space s JOIN floor f ON f.id = s.floor_id JOIN building b ON b.id = f.building_id"
    " WHERE s.kind IN ('telecom-room', 'equipment-room', 'entrance-facility') AND " IN_SCOPE ("s.id")
    " ORDER BY b.code, f.level, s.code",
    {
      { N_("Telecom room"), 0.24, 0 },
      { N_("Racks"), 0.08, COL_NUMBER | COL_SUM },
      { N_("Units"), 0.09, COL_NUMBER | COL_SUM },
      { N_("Units free"), 0.10, COL_NUMBER | COL_SUM },
      { N_("Panel ports"), 0.12, COL_NUMBER | COL_SUM },
      { N_("Panel ports free"), 0.13, COL_NUMBER | COL_SUM },
      { N_("Switch ports"), 0.12, COL_NUMBER | COL_SUM },
      { N_("Switch ports free"), 0.12, COL_NUMBER | COL_SUM },
    },
    8, N_("%s room"), N_("%s rooms"), NULL,
  },
  {
    { "audit", N_("Audit log"),
      N_("The commands of a period (--since, --until): when, who, what and how many rows"),
      ENLACE_REPORT_TABLE, TRUE },
    "SELECT c.id, NULL, c.id, replace(substr(c.at, 1, 19), 'T', ' '), c.user, c.label, c.kind,"
    " (SELECT count(*) FROM change ch WHERE ch.command_id = c.id)"
    " FROM command c WHERE (:since IS NULL OR c.at >= :since)"
    " AND (:until IS NULL OR c.at < :until) ORDER BY c.id",
    {
      { N_("No."), 0.07, COL_NUMBER },
      { N_("Date"), 0.16, 0 },
      { N_("Author"), 0.18, 0 },
      { N_("Command"), 0.43, 0 },
      { N_("Kind"), 0.07, 0 },
      { N_("Rows"), 0.09, COL_NUMBER | COL_SUM },
    },
    6, N_("%s command"), N_("%s commands"), NULL,
  },
  {
    { "inventory", N_("Inventory summary"),
      N_("Per building: floors, spaces, racks, devices, ports, outlets, cables and telecom rooms"),
      ENLACE_REPORT_TABLE, TRUE },
    "SELECT b.id, NULL, b.code || ' ' || b.name,"
    " (SELECT count(*) FROM floor f WHERE f.building_id = b.id),"
    " (SELECT count(*) FROM floor f JOIN space s ON s.floor_id = f.id WHERE f.building_id = b.id),"
    " (SELECT count(*) FROM floor f JOIN space s ON s.floor_id = f.id JOIN rack r ON r.space_id = s.id"
    "  WHERE f.building_id = b.id),"
    " (SELECT count(*) FROM device d WHERE d.role <> 'outlet' AND " DEVICE_SPACE ("d")
    "  IN (SELECT s.id FROM floor f JOIN space s ON s.floor_id = f.id WHERE f.building_id = b.id)),"
    " (SELECT count(*) FROM device d JOIN port p ON p.device_id = d.id WHERE " DEVICE_SPACE ("d")
    "  IN (SELECT s.id FROM floor f JOIN space s ON s.floor_id = f.id WHERE f.building_id = b.id)),"
    " (SELECT count(*) FROM device d WHERE d.role = 'outlet' AND d.space_id"
    "  IN (SELECT s.id FROM floor f JOIN space s ON s.floor_id = f.id WHERE f.building_id = b.id)),"
    " (SELECT count(*) FROM cable_end ce JOIN port p ON p.id = ce.port_id JOIN device d ON d.id = p.device_id"
    "  WHERE ce.\"end\" = 'A' AND ce.seq = 0 AND " DEVICE_SPACE ("d")
    "  IN (SELECT s.id FROM floor f JOIN space s ON s.floor_id = f.id WHERE f.building_id = b.id)),"
    " (SELECT count(*) FROM floor f JOIN space s ON s.floor_id = f.id WHERE f.building_id = b.id"
    "  AND s.kind IN ('telecom-room', 'equipment-room', 'entrance-facility'))"
    " FROM building b WHERE :building IS NULL OR b.code = :building ORDER BY b.code",
    {
      { N_("Building"), 0.30, 0 },
      { N_("Floors"), 0.08, COL_NUMBER | COL_SUM },
      { N_("Spaces"), 0.08, COL_NUMBER | COL_SUM },
      { N_("Racks"), 0.08, COL_NUMBER | COL_SUM },
      { N_("Devices"), 0.09, COL_NUMBER | COL_SUM },
      { N_("Ports"), 0.10, COL_NUMBER | COL_SUM },
      { N_("Outlets"), 0.09, COL_NUMBER | COL_SUM },
      { N_("Cables"), 0.09, COL_NUMBER | COL_SUM },
      { N_("Telecom rooms"), 0.09, COL_NUMBER | COL_SUM },
    },
    9, N_("%s building"), N_("%s buildings"), NULL,
  },
};

const ReportKind *
enlace_report_kind_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].info.name, name) == 0)
      return &kinds[i];
  return NULL;
}

const EnlaceReportInfo *
enlace_report_kinds (guint *n_kinds)
{
  static EnlaceReportInfo infos[G_N_ELEMENTS (kinds)];
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        infos[i] = kinds[i].info;
      g_once_init_leave (&once, 1);
    }
  if (n_kinds)
    *n_kinds = G_N_ELEMENTS (kinds);
  return infos;
}

const EnlaceReportInfo *
enlace_report_lookup (const char *name)
{
  guint n;
  const EnlaceReportInfo *infos = enlace_report_kinds (&n);

  g_return_val_if_fail (name != NULL, NULL);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (infos[i].name, name) == 0)
      return &infos[i];
  return NULL;
}
