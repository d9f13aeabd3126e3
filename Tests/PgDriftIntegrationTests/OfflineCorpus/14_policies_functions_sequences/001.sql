CREATE SEQUENCE order_numbers START 1000;
CREATE TABLE orders (
    id serial PRIMARY KEY,
    number integer NOT NULL DEFAULT nextval('order_numbers'),
    owner name NOT NULL DEFAULT current_user,
    status text CHECK (status IN ('new', 'paid'))
);
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Owners see their orders" ON orders FOR SELECT USING (owner = current_user);
CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM orders $$;
CREATE VIEW paid_orders AS SELECT id, number FROM orders WHERE status = 'paid';
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
