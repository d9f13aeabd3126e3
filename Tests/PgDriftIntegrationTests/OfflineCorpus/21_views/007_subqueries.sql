-- Sub-queries: EXISTS and NOT EXISTS, a scalar sub-query in the output, IN and NOT IN (SELECT ...),
-- a comparison with ALL, correlated to the outer query by qualified and unqualified names.
CREATE VIEW active_customers AS
SELECT c.id,
       c."Name",
       (SELECT count(*) FROM sales.orders o WHERE o.customer_id = c.id) AS order_count,
       (SELECT max(placed_on) FROM sales.orders WHERE customer_id = c.id) AS last_order
FROM customers c
WHERE EXISTS (SELECT 1 FROM sales.orders o WHERE o.customer_id = c.id AND o.status = 'paid')
  AND NOT EXISTS (SELECT FROM sales.orders o2 WHERE o2.customer_id = c.id AND o2.quantity > 1000)
  AND c.id IN (SELECT customer_id FROM sales.orders WHERE amount > 10)
  AND c.id NOT IN (SELECT o3.id FROM sales.orders o3 WHERE o3.status = 'new')
  AND c.id > ALL (SELECT o4.id FROM sales.orders o4 WHERE o4.id < 0);
