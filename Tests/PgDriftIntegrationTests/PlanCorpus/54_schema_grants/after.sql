CREATE SCHEMA reporting;
CREATE SCHEMA "Staging Area";
GRANT USAGE ON SCHEMA reporting TO pgdrift_corpus_app;
GRANT USAGE, CREATE ON SCHEMA "Staging Area" TO pgdrift_corpus_auditor WITH GRANT OPTION;
