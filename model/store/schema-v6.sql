-- Enlace document schema, version 6.  Each branch that adds to it puts its
-- statements under a comment line naming it.

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
