CREATE DOMAIN words AS text;
CREATE TABLE docs (
    id integer PRIMARY KEY,
    title character varying(200),
    body text COMPRESSION lz4,
    tags words,
    score numeric,
    summary text COMPRESSION pglz
);
ALTER TABLE docs ALTER COLUMN title SET STORAGE MAIN;
ALTER TABLE docs ALTER COLUMN body SET STATISTICS 1000;
ALTER TABLE docs ALTER COLUMN summary SET STORAGE EXTERNAL;
ALTER TABLE docs ALTER COLUMN summary SET STATISTICS 200;
CREATE TABLE notes (id integer, note text COMPRESSION pglz);
ALTER TABLE notes ALTER COLUMN note SET STORAGE MAIN;
ALTER TABLE notes ALTER COLUMN note SET STATISTICS 10;
