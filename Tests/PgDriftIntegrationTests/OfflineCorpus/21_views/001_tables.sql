-- Tables the views read: an enum, quoted mixed-case names, a second schema, varchar, numeric, jsonb.
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE SCHEMA sales;
CREATE TABLE customers (
    id bigint PRIMARY KEY,
    "Name" varchar(80) NOT NULL,
    email text,
    country char(2),
    profile jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sales.orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    status order_status NOT NULL DEFAULT 'new',
    amount numeric(12,2) NOT NULL,
    quantity integer NOT NULL,
    placed_on date NOT NULL,
    tags text[]
);
