-- A migration in an explicit transaction, with a step taken back to a savepoint.
BEGIN;
CREATE TABLE accounts (id integer PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);
SAVEPOINT before_audit;
CREATE TABLE audit (id integer);
ROLLBACK TO SAVEPOINT before_audit;
CREATE INDEX accounts_balance_idx ON accounts (balance);
COMMIT;
