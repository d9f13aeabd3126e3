-- Triggers with WHEN conditions on NEW and OLD, compared with the server's text by meaning.
CREATE TRIGGER invoices_state_changed AFTER UPDATE ON "Billing"."Invoices" FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION "Audit_Row"();
CREATE TRIGGER invoices_large BEFORE INSERT ON "Billing"."Invoices" FOR EACH ROW
    WHEN (NEW.total > 1000 AND NEW.status <> 'draft' OR NEW.total IS NULL)
    EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER invoices_same AFTER UPDATE ON "Billing"."Invoices" FOR EACH ROW
    WHEN (NOT (OLD.total IS NOT DISTINCT FROM NEW.total))
    EXECUTE FUNCTION "Audit_Row"();
