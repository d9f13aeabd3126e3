-- Later: a partition dropped, the parent renamed, and a new table under the old name whose index would
-- take the name of a partition's copy of an index (measurements_2026_peaktemp_idx), so it is numbered.
DROP TABLE measurements_2025;
ALTER TABLE measurements RENAME TO city_measurements;
CREATE TABLE measurements ("2026_peaktemp" integer PRIMARY KEY);
CREATE INDEX ON measurements ("2026_peaktemp");
DROP TABLE readings;
