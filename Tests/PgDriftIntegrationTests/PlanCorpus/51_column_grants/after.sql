CREATE TABLE profiles (id int PRIMARY KEY, name text, email text, secret text);
GRANT SELECT (id, name), UPDATE (name) ON profiles TO pgdrift_corpus_app;
GRANT SELECT (id, name) ON profiles TO pgdrift_corpus_auditor;
GRANT UPDATE (email) ON profiles TO pgdrift_corpus_auditor;
GRANT SELECT (email) ON profiles TO PUBLIC;
