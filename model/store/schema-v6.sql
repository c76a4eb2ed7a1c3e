-- Enlace document schema, version 6.  Each branch that adds to it puts its
-- statements under a comment line naming it.

-- faults10b
-- A cable or a port marked faulty: by the detection step of a fault report
-- ("Marcar como averiado", the case in case_id) or by hand (case_id NULL).
-- Drawn red on the floor plan and the trace, listed by `paths --json`;
-- cleared when the fault is resolved, or by hand.  See
-- model/inventory/enlace-faulty.h.
CREATE TABLE faulty_mark (
  id        INTEGER PRIMARY KEY,
  cable_id  INTEGER REFERENCES cable(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  port_id   INTEGER REFERENCES port(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  case_id   INTEGER REFERENCES case_file(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  marked_at TEXT NOT NULL,
  note      TEXT,
  CHECK ((cable_id IS NULL) <> (port_id IS NULL))
);
CREATE UNIQUE INDEX faulty_mark_cable ON faulty_mark(cable_id) WHERE cable_id IS NOT NULL;
CREATE UNIQUE INDEX faulty_mark_port ON faulty_mark(port_id) WHERE port_id IS NOT NULL;
CREATE INDEX faulty_mark_case ON faulty_mark(case_id) WHERE case_id IS NOT NULL;
-- rules12
-- The project's cabling rule set (model/rules/enlace-rules-set.c): the
-- values the project changed from Enlace's defaults (data/cabling-rules.json),
-- one row per rule by name ("permanent-link.max-m" = "80"; the set's name
-- is the rule "name").  A rule with no row has its default value.
CREATE TABLE cabling_rule (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE,
  value TEXT NOT NULL
);
-- The cables laid in a pathway (tray, conduit, raceway, riser), for the
-- fill of the pathway (model/rules/enlace-rules-check.c).
CREATE TABLE pathway_cable (
  id         INTEGER PRIMARY KEY,
  pathway_id INTEGER NOT NULL REFERENCES pathway(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  cable_id   INTEGER NOT NULL REFERENCES cable(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  UNIQUE (pathway_id, cable_id)
);
CREATE INDEX pathway_cable_cable ON pathway_cable(cable_id);
