-- Later changes: a function rewritten in place, a column renamed under a trigger, triggers switched,
-- replaced and renamed, functions and a table with a trigger dropped.
CREATE OR REPLACE FUNCTION "Billing".invoice_total(p_id bigint) RETURNS numeric
    LANGUAGE sql STABLE STRICT SECURITY DEFINER
    SET search_path = ''
    SET statement_timeout = '5s'
    AS $$ SELECT coalesce(total, 0) FROM "Billing"."Invoices" WHERE id = p_id $$;

ALTER TABLE "Billing"."Invoices" RENAME COLUMN state TO status;
ALTER TABLE "Billing"."Invoices" DISABLE TRIGGER invoices_audit;
ALTER TABLE "Billing"."Invoices" ENABLE REPLICA TRIGGER "Invoices_touch";

CREATE OR REPLACE TRIGGER invoices_truncated AFTER TRUNCATE OR INSERT ON "Billing"."Invoices"
    FOR EACH STATEMENT EXECUTE FUNCTION audit_row('bulk');
ALTER TRIGGER invoices_truncated ON "Billing"."Invoices" RENAME TO invoices_bulk;
DROP TRIGGER IF EXISTS invoices_never ON "Billing"."Invoices";
DROP TRIGGER invoices_batch ON "Billing"."Invoices";

DROP FUNCTION invoices_in_state;
CREATE FUNCTION old_helper() RETURNS void LANGUAGE sql AS $$ SELECT $$;
DROP FUNCTION IF EXISTS old_helper(), never_created(integer);
DROP TABLE scratch;
