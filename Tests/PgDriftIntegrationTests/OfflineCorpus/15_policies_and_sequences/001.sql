CREATE SEQUENCE order_numbers START 1000;
CREATE SEQUENCE public.small_counter AS smallint INCREMENT BY 5 MAXVALUE 30000 CACHE 10 CYCLE;
CREATE SEQUENCE IF NOT EXISTS order_numbers;
CREATE TABLE orders (
    id serial PRIMARY KEY,
    big_id bigserial,
    number integer NOT NULL DEFAULT nextval('order_numbers'),
    counter smallint DEFAULT nextval('public.small_counter'::regclass),
    owner_name text NOT NULL DEFAULT CURRENT_USER,
    status text NOT NULL DEFAULT 'new'
);
CREATE SEQUENCE orders_extra_seq OWNED BY orders.number;
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Owners see their orders" ON orders FOR SELECT USING (owner_name = CURRENT_USER);
CREATE POLICY orders_insert ON orders FOR INSERT WITH CHECK (status = 'new');
CREATE POLICY orders_all ON orders AS RESTRICTIVE TO PUBLIC USING (true) WITH CHECK (true);
CREATE POLICY orders_update ON orders FOR UPDATE USING (owner_name = CURRENT_USER) WITH CHECK (status <> 'void');
CREATE TABLE scratch (id serial);
