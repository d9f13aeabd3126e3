CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TYPE pair AS (a integer, b integer);
CREATE TYPE floatrange AS RANGE (subtype = float8);
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
REVOKE USAGE ON TYPE pair FROM PUBLIC;
