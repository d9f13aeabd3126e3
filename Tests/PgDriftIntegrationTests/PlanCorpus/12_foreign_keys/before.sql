CREATE TABLE p (id integer PRIMARY KEY, code text UNIQUE);
CREATE TABLE c (id integer PRIMARY KEY, p_id integer REFERENCES p(id), p_code text, other integer REFERENCES p(id));
