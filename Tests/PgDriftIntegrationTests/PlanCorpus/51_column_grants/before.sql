CREATE TABLE profiles (id int PRIMARY KEY, name text, email text, secret text);
GRANT SELECT ON profiles TO pgdrift_corpus_app;
GRANT SELECT (id, name, secret) ON profiles TO pgdrift_corpus_auditor;
GRANT UPDATE (email) ON profiles TO pgdrift_corpus_auditor WITH GRANT OPTION;
