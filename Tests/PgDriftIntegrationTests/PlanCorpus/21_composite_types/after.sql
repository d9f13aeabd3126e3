CREATE TYPE address AS (street text, city varchar(100), zip text);
CREATE TYPE point3 AS (x double precision, y double precision, z double precision);
CREATE TABLE t (id integer PRIMARY KEY, home address, p point3);
