-- Extensions as the server installs them from its extension files: the default version, a schema
-- of their own, IF NOT EXISTS, CASCADE for a required extension, and indexes on their operator classes.
CREATE SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION earthdistance CASCADE;
CREATE EXTENSION pgcrypto;
DROP EXTENSION pgcrypto;
CREATE EXTENSION "uuid-ossp";

CREATE TABLE documents (
    id integer PRIMARY KEY,
    title text NOT NULL,
    body text
);
CREATE INDEX documents_title_trgm ON documents USING gin (title extensions.gin_trgm_ops);
SET search_path = public, extensions;
CREATE INDEX documents_body_trgm ON documents USING gist (body gist_trgm_ops);
