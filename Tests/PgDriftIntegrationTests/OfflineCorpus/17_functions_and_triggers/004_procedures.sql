-- The month-closing procedure loses its note argument; a new overload of add_tax.
DROP PROCEDURE "Billing".close_month(date, text);
CREATE PROCEDURE "Billing".close_month(p_month date)
    LANGUAGE sql
    AS $$ UPDATE "Billing"."Invoices" SET status = 'paid' WHERE status = 'sent' $$;

CREATE FUNCTION add_tax(amount integer) RETURNS integer
    LANGUAGE plpgsql IMMUTABLE LEAKPROOF RETURNS NULL ON NULL INPUT
    AS $$ BEGIN RETURN amount * 12 / 10; END $$;
COMMENT ON FUNCTION add_tax(integer) IS 'Tax on whole amounts.';

-- Settings changed in place.
ALTER FUNCTION "Billing".invoice_total(bigint) RESET statement_timeout;
ALTER FUNCTION add_tax(integer) STABLE PARALLEL RESTRICTED SET work_mem = '8MB' COST 5;
ALTER PROCEDURE "Billing".close_month SECURITY DEFINER;
ALTER ROUTINE touch_updated_at() RESET ALL;

-- A trigger function renamed under its triggers.
ALTER FUNCTION audit_row() RENAME TO "Audit_Row";
