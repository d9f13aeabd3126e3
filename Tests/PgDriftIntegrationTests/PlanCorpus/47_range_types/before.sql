CREATE TYPE old_span AS RANGE (subtype = integer);
CREATE TABLE booking (id integer PRIMARY KEY);
