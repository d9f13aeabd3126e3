-- Set operations: UNION ALL of a table and a literal, UNION with an integer widened, INTERSECT, EXCEPT.
CREATE VIEW contacts AS
SELECT c.id, c.email AS address, 'customer' AS kind FROM customers c
UNION ALL
SELECT o.id, o.status::text, 'order' FROM sales.orders o;

CREATE VIEW numbers AS
SELECT o.quantity AS n FROM sales.orders o
UNION
SELECT o.id FROM sales.orders o
EXCEPT
SELECT c.id FROM customers c;

CREATE VIEW shared_ids AS
SELECT c.id FROM customers c INTERSECT SELECT o.customer_id FROM sales.orders o;
