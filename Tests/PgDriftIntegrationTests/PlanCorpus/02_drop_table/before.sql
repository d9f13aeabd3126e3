CREATE TABLE keep (id integer PRIMARY KEY);
CREATE TABLE legacy (id integer PRIMARY KEY, keep_id integer REFERENCES keep(id));
CREATE TABLE legacy_child (id integer PRIMARY KEY, legacy_id integer REFERENCES legacy(id));
