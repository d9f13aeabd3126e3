CREATE TABLE people (id integer PRIMARY KEY, name text, email text);
CREATE INDEX people_lower_name ON people (lower(name), id);
CREATE INDEX people_email ON people (lower(email));
ALTER INDEX people_email ALTER COLUMN 1 SET STATISTICS 300;
