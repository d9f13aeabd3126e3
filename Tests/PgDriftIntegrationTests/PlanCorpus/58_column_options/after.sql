CREATE TABLE orders (id integer PRIMARY KEY, status text, region text, channel text);
ALTER TABLE orders ALTER COLUMN status SET (n_distinct = 6);
ALTER TABLE orders ALTER COLUMN region SET (n_distinct_inherited = 5);
ALTER TABLE orders ALTER COLUMN channel SET (n_distinct = 3);
