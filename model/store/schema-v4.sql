-- Enlace document schema, version 4.  Each branch that adds to it puts its
-- statements under a comment line naming it.

-- cases9
-- The readable key of a linked object, remembered when the link is made,
-- so that a link to an object removed later still reads "SW-B2 (removed)".
-- Older links get it right after this runs (enlace_cases_fill_link_keys),
-- from the current key where the object still exists.
ALTER TABLE case_link ADD COLUMN key_text TEXT;

-- opinions
-- Technical opinions (dictamen técnico): the vendors' quotes of a case and
-- its resolution.  See model/cases/enlace-opinions.h.
CREATE TABLE case_quote (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq             INTEGER NOT NULL CHECK (seq >= 1),  -- its number within the case (1, 2, …)
  vendor          TEXT NOT NULL,
  item            TEXT NOT NULL,
  brand           TEXT,
  model           TEXT,
  specification   TEXT,
  unit_price      REAL NOT NULL CHECK (unit_price >= 0),
  quantity        INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1),
  currency        TEXT NOT NULL DEFAULT 'MXN',
  delivery_days   INTEGER CHECK (delivery_days >= 0),
  warranty_months INTEGER CHECK (warranty_months >= 0),
  meets           INTEGER CHECK (meets IN (0, 1)),    -- meets the requirements; NULL: not judged
  notes           TEXT,
  UNIQUE (case_id, seq)
);

-- The resolution of an opinion: one row per case that has one.
CREATE TABLE case_opinion (
  case_id         INTEGER PRIMARY KEY REFERENCES case_file(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  result          TEXT NOT NULL CHECK (result IN ('favourable','conditional','unfavourable')),
  reasons         TEXT,
  quote_id        INTEGER REFERENCES case_quote(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  resolved_by     TEXT,
  resolved_at     TEXT
);
