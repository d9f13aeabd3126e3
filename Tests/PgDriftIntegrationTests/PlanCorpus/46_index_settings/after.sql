CREATE TABLE people (id integer PRIMARY KEY, name text, email text);
CREATE INDEX people_lower_name ON people (lower(name), id);
ALTER INDEX people_lower_name ALTER COLUMN 1 SET STATISTICS 500;
CREATE INDEX people_email ON people (lower(email), id);
ALTER INDEX people_email ALTER COLUMN 1 SET STATISTICS 300;
CREATE INDEX people_upper ON people (upper(name));
ALTER INDEX people_upper ALTER COLUMN 1 SET STATISTICS 1000;
