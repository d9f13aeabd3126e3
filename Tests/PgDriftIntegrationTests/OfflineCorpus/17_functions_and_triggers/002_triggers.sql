-- Trigger functions and the triggers that call them.
CREATE FUNCTION touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = "Billing", public
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER "Invoices_touch" BEFORE UPDATE OF state, total ON "Billing"."Invoices"
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    AS $$ BEGIN RETURN NULL; END $$;

CREATE TRIGGER invoices_audit AFTER INSERT OR UPDATE OR DELETE ON "Billing"."Invoices"
    FOR EACH ROW EXECUTE FUNCTION audit_row('invoices', 42);
CREATE TRIGGER invoices_truncated AFTER TRUNCATE ON "Billing"."Invoices"
    EXECUTE PROCEDURE audit_row();
CREATE TRIGGER invoices_batch AFTER INSERT ON "Billing"."Invoices"
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION audit_row();

CREATE PROCEDURE "Billing".close_month(IN p_month date, p_note text DEFAULT NULL)
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE NOTICE 'closing % %', p_month, p_note; END $$;

COMMENT ON FUNCTION "Billing".invoice_total(bigint) IS 'Total of one invoice.';
COMMENT ON TRIGGER invoices_audit ON "Billing"."Invoices" IS 'Writes the audit log.';

CREATE TABLE scratch (id integer);
CREATE TRIGGER scratch_audit AFTER INSERT ON scratch FOR EACH ROW EXECUTE FUNCTION audit_row();
