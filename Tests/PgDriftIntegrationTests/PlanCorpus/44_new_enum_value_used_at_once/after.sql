CREATE TYPE status AS ENUM ('draft', 'open', 'closed', 'archived');
CREATE TABLE tickets (
  id integer PRIMARY KEY,
  state status NOT NULL DEFAULT 'draft',
  CHECK (state <> 'archived' OR id > 0)
);
CREATE TABLE archive (id integer PRIMARY KEY, state status NOT NULL DEFAULT 'archived');
CREATE INDEX tickets_drafts ON tickets (id) WHERE state = 'draft';
