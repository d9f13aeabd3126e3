-- IN lists, which the server stores as = ANY (ARRAY[...]), <> ALL (...) or a plain = for one value.
CREATE TYPE shop.order_state AS ENUM ('new', 'paid', 'shipped', 'void');
ALTER TABLE shop.orders ADD COLUMN state shop.order_state NOT NULL DEFAULT 'new';
ALTER TABLE shop.orders ADD CONSTRAINT orders_state_known CHECK (state IN ('new', 'paid', 'shipped'));
ALTER TABLE shop.support_tickets ADD COLUMN priority integer CHECK (priority NOT IN (0, 13));
ALTER TABLE shop.support_tickets ADD COLUMN channel text CHECK (channel IN ('mail'));
CREATE INDEX orders_open_idx ON shop.orders (customer_id) WHERE state IN ('new', 'paid');
