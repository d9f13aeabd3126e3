CREATE TABLE "Reporting"."Daily" (day date PRIMARY KEY, invoices integer NOT NULL DEFAULT 0);
SET search_path = "Reporting";
ALTER TABLE "Daily" ADD COLUMN revenue numeric(14,2);
SET search_path = public;
ALTER TABLE billing.invoices ADD COLUMN paid_at timestamptz;
