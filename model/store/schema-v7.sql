-- Enlace document schema, version 7.  Each branch that adds to it puts its
-- statements under a comment line naming it.

-- bom12
-- Labels, bill of materials and installation of a design (model/bom/).
-- The label templates of the project (TIA-606 class 3): "fs-an" (legacy,
-- 11C-D32) or "rack" (rack position, 1A.AJ05-26:04) style, a pattern with
-- placeholders ({b} building, {f} floor, {s} telecom space, {p} panel
-- letter, {n} port, {r} rack, {u} unit; see model/bom/enlace-label-templates.h).
CREATE TABLE label_template (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE,
  style   TEXT NOT NULL CHECK (style IN ('fs-an','rack')),
  pattern TEXT NOT NULL
);

-- The price list of the project: one unit price per item of the bill of
-- materials ("cable:cat6", "jack:copper", "panel:24", …).
CREATE TABLE bom_price (
  id          INTEGER PRIMARY KEY,
  item        TEXT NOT NULL UNIQUE,
  price       REAL NOT NULL CHECK (price >= 0),
  description TEXT
);

-- The test of an installed run: entered by hand or imported from a cable
-- certifier's CSV (matched by the cable's label).
CREATE TABLE cable_test (
  id        INTEGER PRIMARY KEY,
  cable_id  INTEGER NOT NULL UNIQUE REFERENCES cable(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  length_m  REAL CHECK (length_m IS NULL OR length_m >= 0),
  result    TEXT NOT NULL CHECK (result IN ('pass','fail')),
  margin_db REAL,
  tested_at TEXT NOT NULL,
  source    TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','certifier'))
);
