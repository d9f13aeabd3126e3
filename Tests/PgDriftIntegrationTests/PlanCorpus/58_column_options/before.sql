CREATE TABLE orders (id integer PRIMARY KEY, status text, region text);
ALTER TABLE orders ALTER COLUMN status SET (n_distinct = 40);
ALTER TABLE orders ALTER COLUMN region SET (n_distinct = -0.2, n_distinct_inherited = 5);
