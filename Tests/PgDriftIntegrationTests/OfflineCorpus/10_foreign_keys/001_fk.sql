CREATE TABLE parents (id integer PRIMARY KEY, code text NOT NULL, UNIQUE (code));
CREATE TABLE children (
    id integer PRIMARY KEY,
    parent_id integer REFERENCES parents ON DELETE CASCADE,
    parent_code text REFERENCES parents (code) MATCH FULL ON UPDATE SET NULL,
    sibling_id integer REFERENCES children (id) DEFERRABLE INITIALLY DEFERRED,
    other_id integer,
    CONSTRAINT children_other_fk FOREIGN KEY (other_id) REFERENCES parents (id) ON DELETE RESTRICT DEFERRABLE
);
ALTER TABLE children ADD COLUMN late_id integer;
ALTER TABLE children ADD CONSTRAINT children_late_fk FOREIGN KEY (late_id) REFERENCES parents (id) NOT VALID;
ALTER TABLE children ADD CONSTRAINT children_other_check CHECK (other_id > 0) NOT VALID;
