-- WITH queries: one reading another, one named with an alias, MATERIALIZED, and a sub-query in one.
CREATE VIEW big_customers AS
WITH totals AS (
    SELECT o.customer_id, sum(o.amount) AS total
    FROM sales.orders o
    GROUP BY o.customer_id
), big AS MATERIALIZED (
    SELECT customer_id, total FROM totals WHERE total > 100
)
SELECT c.id, c."Name", b.total,
       EXISTS (SELECT 1 FROM totals t WHERE t.customer_id = c.id) AS has_orders
FROM customers c
JOIN big b ON b.customer_id = c.id;
