CREATE TABLE accounts (id int PRIMARY KEY, owner text);
CREATE VIEW account_owners AS SELECT id, owner FROM accounts;
CREATE MATERIALIZED VIEW account_count AS SELECT count(*) AS n FROM accounts;
GRANT DELETE ON accounts TO pgdrift_corpus_app;
GRANT SELECT ON accounts TO pgdrift_corpus_auditor;
GRANT SELECT ON accounts TO PUBLIC;
GRANT SELECT ON account_owners TO pgdrift_corpus_app WITH GRANT OPTION;
