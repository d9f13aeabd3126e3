-- A default partition, list and hash partitioning in another schema, an index added once partitions
-- exist, a column added to the parent, and a partition dropped.
CREATE TABLE measurements_default PARTITION OF measurements DEFAULT;
CREATE INDEX measurements_city_idx ON measurements (city_id, peaktemp DESC);
ALTER TABLE measurements ADD COLUMN unit text NOT NULL DEFAULT 'C';
ALTER TABLE measurements ADD CONSTRAINT measurements_unit_check CHECK (unit = 'C' OR unit = 'F');

CREATE SCHEMA "Events";
CREATE TABLE "Events"."Log" (
    id bigint NOT NULL,
    region text NOT NULL,
    happened_on date NOT NULL,
    UNIQUE (region, id)
) PARTITION BY LIST (region);
CREATE TABLE "Events"."Log_eu" PARTITION OF "Events"."Log" FOR VALUES IN ('eu', 'uk');
CREATE TABLE "Events"."Log_us" PARTITION OF "Events"."Log" FOR VALUES IN ('us');
CREATE TABLE "Events"."Log_other" PARTITION OF "Events"."Log" DEFAULT;
CREATE INDEX ON "Events"."Log" (happened_on);

CREATE TABLE sessions (
    user_id integer NOT NULL,
    started_at date NOT NULL,
    PRIMARY KEY (user_id, started_at)
) PARTITION BY HASH (user_id);
CREATE TABLE sessions_0 PARTITION OF sessions FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE sessions_1 PARTITION OF sessions FOR VALUES WITH (MODULUS 2, REMAINDER 1);

CREATE TABLE readings (
    sensor integer NOT NULL,
    at_day date NOT NULL
) PARTITION BY RANGE (sensor, at_day);
CREATE TABLE readings_low PARTITION OF readings FOR VALUES FROM (MINVALUE, MINVALUE) TO (100, '2025-01-01');
CREATE TABLE readings_high PARTITION OF readings FOR VALUES FROM (100, '2025-01-01') TO (MAXVALUE, MAXVALUE);
