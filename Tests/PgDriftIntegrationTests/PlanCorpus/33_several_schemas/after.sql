CREATE SCHEMA billing;
CREATE SCHEMA audit;
CREATE TABLE public.users (id integer PRIMARY KEY);
CREATE TABLE billing.invoices (id integer PRIMARY KEY, user_id integer REFERENCES public.users(id));
CREATE TABLE audit.log (id bigint PRIMARY KEY, invoice_id integer REFERENCES billing.invoices(id));
CREATE VIEW billing.open_invoices AS SELECT i.id FROM billing.invoices i JOIN public.users u ON u.id = i.user_id;
