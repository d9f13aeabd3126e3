CREATE TABLE products (
    id integer PRIMARY KEY,
    sku text NOT NULL,
    price integer,
    stock integer DEFAULT 0,
    note text NOT NULL
);
ALTER TABLE products ADD CONSTRAINT products_price_positive CHECK (price > 0);
