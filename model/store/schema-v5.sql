-- Enlace document schema, version 5.  Each branch that adds to it puts its
-- statements under a comment line naming it.

-- search9
-- The inbox of cases on 100,000 cases: the filters by assignee ("mine"),
-- procedure and area walk their index newest first (the inbox's order) and
-- count by status and due state from the index alone.  (The search index
-- of cases is derived data outside the document: the cases area creates
-- and keeps it, see model/cases/enlace-cases-search.c.)
DROP INDEX case_file_assignee;
CREATE INDEX case_file_assignee ON case_file(assignee_id, opened_at, id, status, due_at, near_at);
DROP INDEX case_file_procedure;
CREATE INDEX case_file_procedure ON case_file(procedure_id, opened_at, id, status, due_at, near_at);
DROP INDEX case_file_area;
CREATE INDEX case_file_area ON case_file(area_id, opened_at, id, status, due_at, near_at);
-- the counts by status of every case: the narrowest index to walk
CREATE INDEX case_file_by_status ON case_file(status);
-- a search of one or two letters ("42"): the folio and the requester
CREATE INDEX case_file_folio ON case_file(folio, requester_id, status);
-- orders
-- Physical modification orders (procedure of kind "modification"): the
-- change set of a case, kept apart from the plant while the order is in
-- preparation.  Objects are named by their readable keys (device name,
-- cable label, DEVICE:PORT, BUILDING/LEVEL/CODE), as the CLI names them.
-- See model/cases/enlace-orders.h.
CREATE TABLE order_change (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq         INTEGER NOT NULL CHECK (seq >= 1),   -- its number within the order (1, 2, …)
  kind        TEXT NOT NULL CHECK (kind IN ('add-device','move-device','remove-device','add-outlet',
                                            'connect','disconnect','reroute')),
  target      TEXT NOT NULL,   -- the device's name or the cable's label
  params      TEXT,            -- JSON object: the change's values, objects by readable key
  prepared    TEXT,            -- the object as it was when the change was added
  before_text TEXT,            -- at execution: the plant before the change
  after_text  TEXT,            -- at execution: the plant after it
  UNIQUE (case_id, seq)
);

-- The execution of an order: one row per executed order.  command_id is
-- the audit log's command (the file's own, not exchanged).
CREATE TABLE case_order (
  case_id     INTEGER PRIMARY KEY REFERENCES case_file(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  executed_at TEXT NOT NULL,
  executed_by TEXT,
  command_id  INTEGER
);
-- opinions2
-- The case that made a change of an extension's status (procedure
-- "extension-estado"); NULL for changes made outside a case.
ALTER TABLE extension_status ADD COLUMN case_id INTEGER REFERENCES case_file(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX extension_status_case ON extension_status(case_id) WHERE case_id IS NOT NULL;
