-- Enlace document schema, version 1.
-- Foreign keys are deferred so that undo can replay rows in any order.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT
);

CREATE TABLE site (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  description TEXT
);

CREATE TABLE building (
  id      INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  code    TEXT NOT NULL UNIQUE,
  name    TEXT NOT NULL,
  address TEXT
);
CREATE INDEX building_site ON building(site_id);

CREATE TABLE floor (
  id          INTEGER PRIMARY KEY,
  building_id INTEGER NOT NULL REFERENCES building(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  level       INTEGER NOT NULL,
  name        TEXT NOT NULL,
  height      REAL,
  UNIQUE (building_id, level)
);

CREATE TABLE space (
  id       INTEGER PRIMARY KEY,
  floor_id INTEGER NOT NULL REFERENCES floor(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  code     TEXT NOT NULL,
  name     TEXT,
  kind     TEXT NOT NULL DEFAULT 'office'
           CHECK (kind IN ('office','classroom','laboratory','telecom-room','equipment-room','entrance-facility','other')),
  outline  TEXT,            -- JSON [[x,y],...] in metres, NULL when not drawn
  UNIQUE (floor_id, code)
);

CREATE TABLE area (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  parent_id INTEGER REFERENCES area(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE person (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL,
  position TEXT,
  area_id  INTEGER REFERENCES area(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  email    TEXT,
  phone    TEXT
);
CREATE INDEX person_area ON person(area_id);

CREATE TABLE rack (
  id        INTEGER PRIMARY KEY,
  space_id  INTEGER NOT NULL REFERENCES space(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name      TEXT NOT NULL UNIQUE,
  u_height  INTEGER NOT NULL DEFAULT 42 CHECK (u_height BETWEEN 1 AND 100),
  width     TEXT NOT NULL DEFAULT '19in' CHECK (width IN ('10in','19in','23in')),
  desc_units INTEGER NOT NULL DEFAULT 0,  -- 1: unit 1 at the top
  x         REAL,
  y         REAL,
  rotation  REAL NOT NULL DEFAULT 0
);
CREATE INDEX rack_space ON rack(space_id);

CREATE TABLE device_type (
  id            INTEGER PRIMARY KEY,
  manufacturer  TEXT NOT NULL,
  model         TEXT NOT NULL,
  part_number   TEXT,
  u_height      REAL NOT NULL DEFAULT 1 CHECK (u_height >= 0 AND u_height * 2 = CAST(u_height * 2 AS INTEGER)),
  full_depth    INTEGER NOT NULL DEFAULT 1,
  role          TEXT NOT NULL DEFAULT 'other',
  UNIQUE (manufacturer, model)
);

-- Port templates of a device type; kind interface | front | rear.
CREATE TABLE port_template (
  id             INTEGER PRIMARY KEY,
  device_type_id INTEGER NOT NULL REFERENCES device_type(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind           TEXT NOT NULL CHECK (kind IN ('interface','front','rear')),
  name           TEXT NOT NULL,
  medium         TEXT NOT NULL DEFAULT 'copper' CHECK (medium IN ('copper','fibre','voice')),
  connector      TEXT NOT NULL DEFAULT '8P8C' CHECK (connector IN ('8P8C','LC','SC','ST','MPO','110','splice','other')),
  positions      INTEGER NOT NULL DEFAULT 1 CHECK (positions BETWEEN 1 AND 1024),
  label          TEXT,
  seq            INTEGER NOT NULL DEFAULT 0,
  UNIQUE (device_type_id, name)
);

CREATE TABLE mapping_template (
  id             INTEGER PRIMARY KEY,
  device_type_id INTEGER NOT NULL REFERENCES device_type(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  front_name     TEXT NOT NULL,
  front_pos      INTEGER NOT NULL DEFAULT 1,
  rear_name      TEXT NOT NULL,
  rear_pos       INTEGER NOT NULL DEFAULT 1,
  UNIQUE (device_type_id, front_name, front_pos, rear_name, rear_pos)
);

CREATE TABLE device (
  id             INTEGER PRIMARY KEY,
  device_type_id INTEGER REFERENCES device_type(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  name           TEXT NOT NULL UNIQUE,
  role           TEXT NOT NULL DEFAULT 'other'
                 CHECK (role IN ('switch','router','firewall','server','pbx','patch-panel','outlet','consolidation-point','phone','access-point','computer','other')),
  rack_id        INTEGER REFERENCES rack(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  u_position     REAL,               -- lowest unit occupied, in rack
  face           TEXT CHECK (face IN ('front','rear')),
  space_id       INTEGER REFERENCES space(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  x              REAL,
  y              REAL,
  rotation       REAL NOT NULL DEFAULT 0,
  serial         TEXT,
  asset_tag      TEXT UNIQUE,
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('planned','active','retired')),
  comments       TEXT
);
CREATE INDEX device_rack ON device(rack_id);
CREATE INDEX device_space ON device(space_id);
CREATE INDEX device_type_idx ON device(device_type_id);

CREATE TABLE port (
  id        INTEGER PRIMARY KEY,
  device_id INTEGER NOT NULL REFERENCES device(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind      TEXT NOT NULL CHECK (kind IN ('interface','front','rear')),
  name      TEXT NOT NULL,
  medium    TEXT NOT NULL DEFAULT 'copper' CHECK (medium IN ('copper','fibre','voice')),
  connector TEXT NOT NULL DEFAULT '8P8C' CHECK (connector IN ('8P8C','LC','SC','ST','MPO','110','splice','other')),
  positions INTEGER NOT NULL DEFAULT 1 CHECK (positions BETWEEN 1 AND 1024),
  label     TEXT,
  seq       INTEGER NOT NULL DEFAULT 0,
  UNIQUE (device_id, name)
);

CREATE TABLE port_mapping (
  id            INTEGER PRIMARY KEY,
  device_id     INTEGER NOT NULL REFERENCES device(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  front_port_id INTEGER NOT NULL REFERENCES port(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  front_pos     INTEGER NOT NULL DEFAULT 1,
  rear_port_id  INTEGER NOT NULL REFERENCES port(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  rear_pos      INTEGER NOT NULL DEFAULT 1,
  UNIQUE (front_port_id, front_pos, rear_port_id, rear_pos)
);
CREATE INDEX port_mapping_device ON port_mapping(device_id);
CREATE INDEX port_mapping_rear ON port_mapping(rear_port_id);

CREATE TABLE circuit (
  id             INTEGER PRIMARY KEY,
  cid            TEXT NOT NULL UNIQUE,
  provider       TEXT NOT NULL,
  kind           TEXT NOT NULL DEFAULT 'internet',
  bandwidth_kbps INTEGER,
  length_m       REAL,
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('planned','active','retired')),
  description    TEXT
);

CREATE TABLE circuit_termination (
  id          INTEGER PRIMARY KEY,
  circuit_id  INTEGER NOT NULL REFERENCES circuit(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  side        TEXT NOT NULL CHECK (side IN ('A','Z')),
  space_id    INTEGER REFERENCES space(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  description TEXT,
  UNIQUE (circuit_id, side)
);

CREATE TABLE cable (
  id       INTEGER PRIMARY KEY,
  label    TEXT UNIQUE,
  kind     TEXT NOT NULL DEFAULT 'horizontal'
           CHECK (kind IN ('horizontal','backbone','patch-cord','equipment-cord','other')),
  type     TEXT CHECK (type IN ('cat3','cat5e','cat6','cat6a','cat7','cat8','om1','om2','om3','om4','om5','os1','os2','coax','multipair')),
  pairs    INTEGER,
  length_m REAL CHECK (length_m IS NULL OR length_m >= 0),
  color    TEXT,
  status   TEXT NOT NULL DEFAULT 'installed' CHECK (status IN ('planned','installed','decommissioned'))
);

CREATE TABLE cable_end (
  id             INTEGER PRIMARY KEY,
  cable_id       INTEGER NOT NULL REFERENCES cable(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  end            TEXT NOT NULL CHECK (end IN ('A','B')),
  port_id        INTEGER UNIQUE REFERENCES port(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  termination_id INTEGER UNIQUE REFERENCES circuit_termination(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq            INTEGER NOT NULL DEFAULT 0,
  CHECK ((port_id IS NULL) <> (termination_id IS NULL))
);
CREATE INDEX cable_end_cable ON cable_end(cable_id);

CREATE TABLE extension (
  id        INTEGER PRIMARY KEY,
  number    TEXT NOT NULL UNIQUE,
  person_id INTEGER REFERENCES person(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  holder    TEXT,
  area_id   INTEGER REFERENCES area(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  status    TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','suspended','cancelled')),
  port_id   INTEGER REFERENCES port(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX extension_port ON extension(port_id);

CREATE TABLE extension_status (
  id           INTEGER PRIMARY KEY,
  extension_id INTEGER NOT NULL REFERENCES extension(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  at           TEXT NOT NULL,
  status       TEXT NOT NULL,
  reason       TEXT
);
CREATE INDEX extension_status_ext ON extension_status(extension_id);

-- The audit log: one row per committed command.
CREATE TABLE command (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  user    TEXT NOT NULL,
  label   TEXT NOT NULL,
  kind    TEXT NOT NULL DEFAULT 'do' CHECK (kind IN ('do','undo','redo')),
  target  INTEGER,       -- for undo/redo: the command undone or redone
  undone  INTEGER NOT NULL DEFAULT 0  -- 0 done, 1 undone (redoable), 2 undone and no longer redoable
);

-- Row images of every change a command made (JSON objects, NULL for absent).
CREATE TABLE change (
  command_id INTEGER NOT NULL REFERENCES command(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  tbl        TEXT NOT NULL,
  row_id     INTEGER NOT NULL,
  before     TEXT,
  after      TEXT,
  PRIMARY KEY (command_id, seq)
) WITHOUT ROWID;
