-- Columns with the collations every server has; a new type without COLLATE takes its own again.
ALTER TABLE inventory.items ADD COLUMN code text COLLATE "C";
ALTER TABLE inventory.items ADD COLUMN label varchar(40) COLLATE pg_catalog."POSIX" NOT NULL DEFAULT '';
ALTER TABLE inventory.items ALTER COLUMN code TYPE varchar(20);
ALTER TABLE inventory.items ALTER COLUMN sku TYPE text COLLATE "C";
CREATE TABLE inventory.notes (body text COLLATE "default", tag char(3) COLLATE ucs_basic);
