-- Calls of functions the migrations created, qualified and along the search path, with column,
-- enum, literal and nested arguments.
CREATE FUNCTION sales.order_weight(quantity integer, amount numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE AS $$ SELECT quantity * amount $$;
CREATE FUNCTION display_name(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT initcap(name) $$;
CREATE FUNCTION status_rank(s order_status) RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT CASE s WHEN 'new' THEN 1 ELSE 2 END $$;
CREATE VIEW weighted_orders AS
SELECT o.id,
       sales.order_weight(o.quantity, o.amount) AS weight,
       status_rank(o.status) AS rank,
       display_name(c.email),
       display_name(lower(c.email)) AS lowered,
       display_name('x') AS literal
FROM sales.orders o JOIN customers c ON c.id = o.customer_id;
