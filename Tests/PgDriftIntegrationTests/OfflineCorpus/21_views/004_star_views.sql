-- SELECT * and t.* are written out as the server stores them, column by column.
CREATE VIEW all_orders AS SELECT * FROM sales.orders;
CREATE VIEW orders_with_names AS
SELECT o.*, c."Name" AS customer_name
FROM sales.orders o JOIN customers c ON c.id = o.customer_id;
