-- Enlace document schema, version 3: the department's procedures manual
-- and the cases (expedientes) that run it.  See model/cases/enlace-cases.h.
-- The built-in manual (data/procedures.xml) is loaded right after this
-- script runs (enlace_procedures_ensure_defaults).

-- A procedure of the manual, one row per version: importing an edited
-- manual adds a version; cases keep the version they were opened under.
CREATE TABLE procedure (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  current      INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL DEFAULT 'request' CHECK (kind IN ('request','fault','modification','opinion')),
  prefix       TEXT NOT NULL,
  target_hours INTEGER NOT NULL DEFAULT 72 CHECK (target_hours > 0),
  description  TEXT,
  UNIQUE (code, version)
);
CREATE UNIQUE INDEX procedure_current ON procedure(code) WHERE current = 1;

CREATE TABLE procedure_step (
  id           INTEGER PRIMARY KEY,
  procedure_id INTEGER NOT NULL REFERENCES procedure(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq          INTEGER NOT NULL,            -- order within the procedure
  side         TEXT NOT NULL CHECK (side IN ('requester','administrator')),
  kind         TEXT NOT NULL CHECK (kind IN ('check','form','document','inventory')),
  position     INTEGER NOT NULL CHECK (position >= 1), -- as the manual numbers it
  title        TEXT NOT NULL,
  description  TEXT,
  required     INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
  action       TEXT,                        -- create-account, remove-account, make-connection; memo, notice, form, opinion
  fields       TEXT,                        -- JSON array of {name,label,type,required,choices}
  UNIQUE (procedure_id, seq)
);

-- A case: "case" is an SQL keyword, hence case_file.
CREATE TABLE case_file (
  id            INTEGER PRIMARY KEY,
  folio         TEXT NOT NULL UNIQUE,       -- PREFIX-YEAR-NNNN
  procedure_id  INTEGER NOT NULL REFERENCES procedure(id) DEFERRABLE INITIALLY DEFERRED,
  prefix        TEXT NOT NULL,
  year          INTEGER NOT NULL,
  seq           INTEGER NOT NULL CHECK (seq >= 1),
  requester_id  INTEGER REFERENCES person(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  area_id       INTEGER REFERENCES area(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  channel       TEXT NOT NULL DEFAULT 'in-person' CHECK (channel IN ('in-person','phone','email','paper')),
  priority      TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low','normal','high','urgent')),
  assignee_id   INTEGER REFERENCES person(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  status        TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new','in-progress','waiting','resolved','closed','cancelled')),
  summary       TEXT,
  form          TEXT,                       -- JSON object: the request form
  opened_at     TEXT NOT NULL,              -- ISO 8601, UTC
  due_at        TEXT,                       -- opened + the procedure's target time
  near_at       TEXT,                       -- when less than 25 % of it is left
  resolved_at   TEXT,
  closed_at     TEXT,
  cancel_reason TEXT,
  UNIQUE (prefix, year, seq)
);
CREATE INDEX case_file_opened ON case_file(opened_at, id);
CREATE INDEX case_file_status ON case_file(status, opened_at, id, due_at, near_at);
CREATE INDEX case_file_assignee ON case_file(assignee_id, opened_at, id);
CREATE INDEX case_file_procedure ON case_file(procedure_id, opened_at, id);
CREATE INDEX case_file_area ON case_file(area_id, opened_at, id);
CREATE INDEX case_file_requester ON case_file(requester_id);
-- the open cases (the inbox's default view and the due counts)
CREATE INDEX case_file_open ON case_file(opened_at, id, due_at, near_at) WHERE status IN ('new','in-progress','waiting');

CREATE TABLE case_step (
  id       INTEGER PRIMARY KEY,
  case_id  INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  step_id  INTEGER NOT NULL REFERENCES procedure_step(id) DEFERRABLE INITIALLY DEFERRED,
  result   TEXT NOT NULL DEFAULT 'pending' CHECK (result IN ('pending','done','failed','na')),
  note     TEXT,
  data     TEXT,                            -- JSON object: form values
  done_by  TEXT,
  done_at  TEXT,
  UNIQUE (case_id, step_id)
);

-- The timeline.  Attachments live in the attachment table (stored once by
-- content); the event keeps the name it was given.
CREATE TABLE case_event (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  at              TEXT NOT NULL,
  who             TEXT,
  kind            TEXT NOT NULL CHECK (kind IN ('status','step','note','attachment','link','assign','document','sent','field')),
  text            TEXT,
  attachment_id   INTEGER REFERENCES attachment(id) DEFERRABLE INITIALLY DEFERRED,
  attachment_name TEXT,
  attachment_mime TEXT
);
CREATE INDEX case_event_case ON case_event(case_id, at, id);

CREATE TABLE case_link (
  id        INTEGER PRIMARY KEY,
  case_id   INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind      TEXT NOT NULL,                  -- an inventory kind: outlet, port, device, extension, circuit, email_account…
  object_id INTEGER NOT NULL,
  UNIQUE (case_id, kind, object_id)
);
CREATE INDEX case_link_object ON case_link(kind, object_id);

-- The registry of e-mail accounts.  Enlace never stores a password.
CREATE TABLE email_account (
  id              INTEGER PRIMARY KEY,
  address         TEXT NOT NULL,
  holder_id       INTEGER REFERENCES person(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  area_id         INTEGER REFERENCES area(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','removed')),
  created_at      TEXT NOT NULL,
  removed_at      TEXT,
  removal_motive  TEXT,
  created_case_id INTEGER REFERENCES case_file(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  removed_case_id INTEGER REFERENCES case_file(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  delivered_to    TEXT,
  delivered_at    TEXT
);
-- An address is taken while its account is active (a removed one stays in
-- the registry's history).
CREATE UNIQUE INDEX email_account_active ON email_account(lower(address)) WHERE status = 'active';
CREATE INDEX email_account_address ON email_account(lower(address));
CREATE INDEX email_account_holder ON email_account(holder_id);
