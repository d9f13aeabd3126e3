-- Materialized views with their indexes and a comment, one dropped, and a table made from a query.
CREATE MATERIALIZED VIEW order_stats AS
SELECT o.customer_id, count(*) AS orders, sum(o.amount) AS total
FROM sales.orders o
GROUP BY o.customer_id
WITH NO DATA;
CREATE UNIQUE INDEX order_stats_customer ON order_stats (customer_id);
CREATE INDEX ON order_stats (total DESC);
COMMENT ON MATERIALIZED VIEW order_stats IS 'Per-customer totals';
REFRESH MATERIALIZED VIEW order_stats;
CREATE MATERIALIZED VIEW IF NOT EXISTS order_stats AS SELECT 1 AS one;
CREATE MATERIALIZED VIEW dropped_later AS SELECT c.id FROM customers c;
DROP MATERIALIZED VIEW dropped_later;
CREATE TABLE customer_snapshot AS
SELECT c.id, c."Name", c.created_at, 'v1' AS version FROM customers c WITH DATA;
