-- The operator forms the server stores rewritten: IN lists of constants (ANY of an array, or one
-- comparison), NOT IN, BETWEEN and NOT BETWEEN, LIKE, NOT LIKE and ILIKE, also on varchar.
CREATE VIEW filtered_orders AS
SELECT o.id
FROM sales.orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.status IN ('paid', 'shipped')
  AND o.quantity NOT IN (0)
  AND o.quantity BETWEEN 1 AND 100
  AND o.id NOT BETWEEN 500 AND 600
  AND c.email LIKE '%@%'
  AND c.email NOT LIKE '%.invalid'
  AND c."Name" ILIKE 'a%'
  AND c."Name" IN ('Ann', 'Bob')
  AND (o.amount > 10 OR o.id IN (1, 2, 3));
