/* enlace-sql-paths.h: readable paths as SQL expressions, for the list
 * columns of the inventory (model/ only). */
#pragma once

/* Readable paths, as SQL over an id expression. */
#define SPACE_PATH(x) \
  "(SELECT b.code || '/' || f.level || '/' || s.code FROM space s" \
  " JOIN floor f ON f.id = s.floor_id JOIN building b ON b.id = f.building_id" \
  " WHERE s.id = " x ")"
#define FLOOR_PATH(x) \
  "(SELECT b.code || '/' || f.level FROM floor f" \
  " JOIN building b ON b.id = f.building_id WHERE f.id = " x ")"
#define PORT_KEY(x) \
  "(SELECT d.name || ':' || p.name FROM port p JOIN device d ON d.id = p.device_id" \
  " WHERE p.id = " x ")"
/* Terminations in the order they were written (the rowid order of the
 * cable_end_cable index): no ORDER BY, which would cost a temporary
 * b-tree per row. */
#define CABLE_END(e) \
  "(SELECT group_concat(x, ', ') FROM (SELECT COALESCE(d.name || ':' || p.name," \
  " c.cid || ':' || ct.side) AS x FROM cable_end ce" \
  " LEFT JOIN port p ON p.id = ce.port_id LEFT JOIN device d ON d.id = p.device_id" \
  " LEFT JOIN circuit_termination ct ON ct.id = ce.termination_id" \
  " LEFT JOIN circuit c ON c.id = ct.circuit_id" \
  " WHERE ce.cable_id = t.id AND ce.\"end\" = '" e "'))"
#define DEVICE_WHERE \
  "COALESCE((SELECT r.name FROM rack r WHERE r.id = t.rack_id) || ' U' || t.u_position," \
  " " SPACE_PATH ("t.space_id") ", '')"
