-- Enlace document schema, version 4.  Each branch that adds to it puts its
-- statements under a comment line naming it.

-- cases9
-- The readable key of a linked object, remembered when the link is made,
-- so that a link to an object removed later still reads "SW-B2 (removed)".
-- Older links get it right after this runs (enlace_cases_fill_link_keys),
-- from the current key where the object still exists.
ALTER TABLE case_link ADD COLUMN key_text TEXT;
