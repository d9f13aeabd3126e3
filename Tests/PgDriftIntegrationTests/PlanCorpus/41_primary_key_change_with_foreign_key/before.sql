CREATE TABLE p (id integer PRIMARY KEY, code text NOT NULL);
CREATE TABLE c (id integer PRIMARY KEY, p_id integer REFERENCES p(id));
