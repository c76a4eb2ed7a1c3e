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
