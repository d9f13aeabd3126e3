-- Invoices in their own mixed-case schema, and the functions that read them.
CREATE SCHEMA "Billing";
CREATE TYPE "Billing".invoice_state AS ENUM ('draft', 'sent', 'paid');
CREATE TABLE "Billing"."Invoices" (
    id bigint PRIMARY KEY,
    state "Billing".invoice_state NOT NULL DEFAULT 'draft',
    total numeric(12, 2) NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION "Billing".invoice_total(p_id bigint) RETURNS numeric
    LANGUAGE sql STABLE STRICT
    AS $$ SELECT total FROM "Billing"."Invoices" WHERE id = p_id $$;

CREATE FUNCTION public.add_tax(amount numeric, rate numeric DEFAULT 0.2, label text DEFAULT 'vat',
                               OUT gross numeric, OUT tax numeric)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS 'SELECT amount * (1 + rate), amount * rate';

CREATE FUNCTION invoices_in_state(s "Billing".invoice_state DEFAULT 'sent')
    RETURNS SETOF bigint
    LANGUAGE sql
    AS $$ SELECT id FROM "Billing"."Invoices" WHERE state = s $$;

CREATE FUNCTION "Billing".open_invoices(min_total numeric DEFAULT 0, "Limit" integer DEFAULT 100)
    RETURNS TABLE(id bigint, "Total" numeric)
    LANGUAGE sql STABLE
    AS $$ SELECT id, total FROM "Billing"."Invoices" WHERE total >= min_total LIMIT "Limit" $$;

CREATE FUNCTION sum_ids(VARIADIC ids bigint[]) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT sum(i) FROM unnest(ids) AS i $$;
