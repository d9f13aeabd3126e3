CREATE SCHEMA billing;
CREATE SCHEMA "Reporting";
CREATE TABLE public.customers (id bigint PRIMARY KEY, name text NOT NULL);
SET search_path TO billing, public;
CREATE TABLE invoices (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    total numeric(12,2) NOT NULL DEFAULT 0
);
CREATE INDEX ON invoices (customer_id);
RESET search_path;
