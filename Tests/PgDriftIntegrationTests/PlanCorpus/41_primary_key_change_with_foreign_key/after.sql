CREATE TABLE p (id integer, code text NOT NULL, PRIMARY KEY (id, code));
CREATE TABLE c (id integer PRIMARY KEY, p_id integer, p_code text);
ALTER TABLE c ADD CONSTRAINT c_p_fk FOREIGN KEY (p_id, p_code) REFERENCES p(id, code);
