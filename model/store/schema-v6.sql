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
