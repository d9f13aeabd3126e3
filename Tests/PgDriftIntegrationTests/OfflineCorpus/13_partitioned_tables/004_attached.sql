-- Partitions the way pg_dump writes them: plain tables attached, keys and indexes made on the parent
-- with ONLY and on each partition, then attached to the parent's.
CREATE TABLE readings_by_day (
    sensor integer NOT NULL,
    day date NOT NULL,
    value numeric,
    CONSTRAINT readings_by_day_value_check CHECK (value >= 0)
) PARTITION BY RANGE (day);
CREATE TABLE readings_2025 (
    sensor integer NOT NULL,
    day date NOT NULL,
    value numeric,
    CONSTRAINT readings_by_day_value_check CHECK (value >= 0)
);
CREATE TABLE readings_later (
    sensor integer NOT NULL,
    day date NOT NULL,
    value numeric DEFAULT 0,
    CONSTRAINT readings_by_day_value_check CHECK (value >= 0),
    CONSTRAINT readings_later_sensor_check CHECK (sensor > 0)
);
ALTER TABLE ONLY readings_by_day ATTACH PARTITION readings_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE ONLY readings_by_day ATTACH PARTITION readings_later DEFAULT;
ALTER TABLE ONLY readings_by_day ADD CONSTRAINT readings_by_day_pkey PRIMARY KEY (sensor, day);
ALTER TABLE ONLY readings_2025 ADD CONSTRAINT readings_2025_pkey PRIMARY KEY (sensor, day);
ALTER TABLE ONLY readings_later ADD CONSTRAINT readings_later_pkey PRIMARY KEY (sensor, day);
CREATE INDEX readings_by_day_value_idx ON ONLY readings_by_day USING btree (value);
CREATE INDEX readings_2025_value_idx ON readings_2025 USING btree (value);
CREATE INDEX readings_later_value_idx ON readings_later USING btree (value);
ALTER INDEX readings_by_day_pkey ATTACH PARTITION readings_2025_pkey;
ALTER INDEX readings_by_day_pkey ATTACH PARTITION readings_later_pkey;
ALTER INDEX readings_by_day_value_idx ATTACH PARTITION readings_2025_value_idx;
ALTER INDEX readings_by_day_value_idx ATTACH PARTITION readings_later_value_idx;
