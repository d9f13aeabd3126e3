CREATE FUNCTION time_subtype_diff(x time, y time) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT AS 'SELECT EXTRACT(EPOCH FROM (x - y))';
CREATE TYPE timerange AS RANGE (subtype = time, subtype_diff = time_subtype_diff);
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE textspan AS RANGE (subtype = text, collation = "C", multirange_type_name = textspans);
COMMENT ON TYPE floatrange IS 'closed-open float intervals';
CREATE TABLE booking (id integer PRIMARY KEY, during floatrange, slots timemultirange, names textspans);
