-- The file runs as one query: COMMIT ends the transaction BEGIN took over, the statements after it
-- form a new implicit transaction, and a ROLLBACK outside BEGIN undoes that one (with a warning).
CREATE TABLE first (id integer);
BEGIN;
CREATE TABLE second (id integer);
COMMIT;
CREATE TABLE third (id integer);
ROLLBACK;
CREATE TABLE fourth (id integer);
