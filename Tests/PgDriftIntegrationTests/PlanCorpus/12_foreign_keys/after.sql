CREATE TABLE p (id integer PRIMARY KEY, code text UNIQUE);
CREATE TABLE c (id integer PRIMARY KEY, p_id integer REFERENCES p(id) ON DELETE CASCADE, p_code text REFERENCES p(code) DEFERRABLE INITIALLY DEFERRED, other integer);
