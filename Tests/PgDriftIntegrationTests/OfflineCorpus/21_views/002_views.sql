-- Views of every form the offline reader resolves: joins, aggregates, windows, CASE, COALESCE,
-- casts, JSON arrows, date arithmetic, enum constants, DISTINCT, ORDER BY and LIMIT.
CREATE VIEW paid_orders AS
SELECT o.id, o.customer_id, o.amount, o.placed_on
FROM sales.orders o
WHERE o.status = 'paid';

CREATE VIEW customer_totals WITH (security_barrier) AS
SELECT c.id,
       c."Name",
       count(*) AS orders,
       count(o.id) AS order_rows,
       sum(o.amount) AS total,
       sum(o.quantity) AS items,
       avg(o.quantity) AS mean_items,
       max(o.placed_on) AS last_order,
       min(c."Name") AS first_name
FROM customers c
LEFT JOIN sales.orders o ON o.customer_id = c.id AND o.status <> 'new'
GROUP BY c.id, c."Name"
HAVING count(*) > 1;

CREATE VIEW ranked_orders AS
SELECT id,
       customer_id,
       rank() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS amount_rank,
       row_number() OVER (ORDER BY placed_on, id) AS seq,
       amount * quantity AS line_total,
       quantity + 1 AS next_quantity,
       placed_on + 7 AS due_on,
       placed_on - interval '1 day' AS day_before,
       CASE WHEN quantity > 10 THEN 'bulk' WHEN quantity > 1 THEN 'some' ELSE 'one' END AS size,
       COALESCE(tags, '{}') AS tags,
       NULLIF(quantity, 0) AS nonzero,
       status::text AS status_text,
       (id % 2 = 0) AS even
FROM sales.orders
ORDER BY placed_on DESC NULLS LAST, id
LIMIT 100;

CREATE VIEW customer_profiles AS
SELECT DISTINCT c.id,
       c.profile -> 'address' AS address,
       c.profile ->> 'phone' AS phone,
       lower(c.email) AS email,
       upper(c."Name") AS shout,
       c.email || '!' AS excited,
       c.created_at > now() - interval '30 days' AS recent,
       current_date AS today,
       date_trunc('day', c.created_at) AS created_day
FROM customers c
WHERE c.email IS NOT NULL AND NOT (c.country IS NULL);

-- A view on a view, in another schema.
CREATE VIEW sales."Big Spenders" AS
SELECT t.id, t."Name", t.total
FROM customer_totals t
WHERE t.total > 1000;
