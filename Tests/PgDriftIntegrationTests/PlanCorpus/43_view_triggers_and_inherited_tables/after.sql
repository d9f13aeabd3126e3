CREATE TABLE base (id integer, note text);
CREATE TABLE child (extra text) INHERITS (base);
CREATE VIEW bv AS SELECT id, note FROM base;
CREATE FUNCTION bv_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO base VALUES (NEW.id, NEW.note); RETURN NEW; END $$;
CREATE TRIGGER bv_ins INSTEAD OF INSERT ON bv FOR EACH ROW EXECUTE FUNCTION bv_insert();
