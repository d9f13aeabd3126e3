ALTER TABLE children VALIDATE CONSTRAINT children_late_fk;
ALTER TABLE children ADD CONSTRAINT children_set_default_fk FOREIGN KEY (other_id) REFERENCES parents ON DELETE SET DEFAULT;
