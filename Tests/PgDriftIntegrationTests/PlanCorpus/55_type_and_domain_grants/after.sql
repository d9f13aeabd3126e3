CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TYPE pair AS (a integer, b integer);
CREATE TYPE floatrange AS RANGE (subtype = float8);
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
REVOKE USAGE ON TYPE mood FROM PUBLIC;
GRANT USAGE ON TYPE mood TO pgdrift_corpus_app;
GRANT USAGE ON TYPE floatrange TO pgdrift_corpus_app WITH GRANT OPTION;
REVOKE USAGE ON DOMAIN positive FROM PUBLIC;
GRANT USAGE ON DOMAIN positive TO pgdrift_corpus_auditor;
