-- A change tried and rolled back, then one committed, then a statement after the commit.
BEGIN;
DROP TABLE accounts;
CREATE TABLE scratch (id integer);
ROLLBACK;
START TRANSACTION;
ALTER TABLE accounts ADD COLUMN owner text;
SAVEPOINT s1;
ALTER TABLE accounts DROP COLUMN balance;
RELEASE SAVEPOINT s1;
COMMIT;
ALTER TABLE accounts ADD COLUMN note text;
