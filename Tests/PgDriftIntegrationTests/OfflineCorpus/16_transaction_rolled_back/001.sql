CREATE TABLE kept (id integer PRIMARY KEY);
BEGIN;
CREATE TABLE undone (id integer);
ROLLBACK;
