-- A schema created with its objects inside it (the server creates the sequence first, then the
-- tables, then the index), sequences and types used by its tables.
CREATE SCHEMA inventory
    CREATE TABLE items (
        id integer PRIMARY KEY DEFAULT nextval('item_ids'),
        sku text NOT NULL UNIQUE
    )
    CREATE INDEX ON items (sku, id)
    CREATE SEQUENCE item_ids START 10 INCREMENT 5;

CREATE TYPE stock_state AS ENUM ('in', 'out', 'retired');
CREATE TYPE inventory.size AS (width integer, height integer);
CREATE DOMAIN inventory.positive AS integer CHECK (VALUE > 0);
CREATE TABLE inventory.stock (
    item_id integer NOT NULL REFERENCES inventory.items,
    state stock_state NOT NULL DEFAULT 'in',
    box inventory.size,
    count inventory.positive
);
CREATE SEQUENCE counters AS smallint;
