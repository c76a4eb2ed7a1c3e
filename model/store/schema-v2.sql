-- Enlace document schema, version 2: floor plans.
-- Attachments (architect's plans) are stored once by content and never
-- changed, so they stay out of the audit log's row images.
CREATE TABLE attachment (
  id     INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  mime   TEXT NOT NULL,
  name   TEXT,
  data   BLOB NOT NULL
);

-- One plan per floor: the background and how it lies on the floor.
CREATE TABLE floor_plan (
  id            INTEGER PRIMARY KEY,
  floor_id      INTEGER NOT NULL UNIQUE REFERENCES floor(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  attachment_id INTEGER REFERENCES attachment(id) DEFERRABLE INITIALLY DEFERRED,
  page          INTEGER NOT NULL DEFAULT 0,   -- page of a PDF background
  scale         REAL CHECK (scale IS NULL OR scale > 0), -- metres per background unit (pixel or point)
  origin_x      REAL NOT NULL DEFAULT 0,      -- where the background's top-left corner lies, metres
  origin_y      REAL NOT NULL DEFAULT 0,
  rotation      REAL NOT NULL DEFAULT 0,      -- degrees
  opacity       REAL NOT NULL DEFAULT 0.5 CHECK (opacity BETWEEN 0 AND 1),
  locked        INTEGER NOT NULL DEFAULT 0,
  width_m       REAL,                         -- extent of the drawing
  height_m      REAL,
  north         REAL NOT NULL DEFAULT 0       -- direction of north, degrees from up
);

CREATE TABLE wall (
  id        INTEGER PRIMARY KEY,
  floor_id  INTEGER NOT NULL REFERENCES floor(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  points    TEXT NOT NULL,                    -- JSON [[x,y],...] polyline, metres
  thickness REAL NOT NULL DEFAULT 0.15 CHECK (thickness > 0)
);
CREATE INDEX wall_floor ON wall(floor_id);

-- Cable trays, conduits and raceways drawn on a floor; a riser joins a
-- point of this floor to the same point of another floor.
CREATE TABLE pathway (
  id          INTEGER PRIMARY KEY,
  floor_id    INTEGER NOT NULL REFERENCES floor(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name        TEXT,
  kind        TEXT NOT NULL DEFAULT 'tray' CHECK (kind IN ('tray','conduit','raceway','riser')),
  points      TEXT NOT NULL,                  -- JSON [[x,y],...] polyline, metres
  height      REAL NOT NULL DEFAULT 2.7,      -- above the floor, metres
  size_mm     REAL,                           -- tray width or conduit diameter
  to_floor_id INTEGER REFERENCES floor(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX pathway_floor ON pathway(floor_id);
