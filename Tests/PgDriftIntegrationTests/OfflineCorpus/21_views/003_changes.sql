-- A view replaced with a column added at the end and new options, a view dropped, comments on a
-- view and on a view's column, and a table column added under a view.
CREATE OR REPLACE VIEW paid_orders WITH (security_invoker = true) AS
SELECT o.id, o.customer_id, o.amount, o.placed_on, o.quantity
FROM sales.orders o
WHERE o.status = 'paid';

COMMENT ON VIEW paid_orders IS 'Orders that have been paid';
COMMENT ON COLUMN paid_orders.amount IS 'In the order''s currency';

CREATE VIEW short_lived AS SELECT id FROM customers;
DROP VIEW short_lived;
DROP VIEW IF EXISTS never_there;

ALTER TABLE customers ADD COLUMN vip boolean NOT NULL DEFAULT false;
