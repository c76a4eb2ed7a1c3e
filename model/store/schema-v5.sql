-- Enlace document schema, version 5.  Each branch that adds to it puts its
-- statements under a comment line naming it.

-- opinions2
-- The case that made a change of an extension's status (procedure
-- "extension-estado"); NULL for changes made outside a case.
ALTER TABLE extension_status ADD COLUMN case_id INTEGER REFERENCES case_file(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX extension_status_case ON extension_status(case_id) WHERE case_id IS NOT NULL;
