ALTER POLICY orders_insert ON orders WITH CHECK (status = 'new' OR status = 'draft');
ALTER POLICY "Owners see their orders" ON orders RENAME TO owners_read;
DROP POLICY orders_all ON orders;
DROP POLICY IF EXISTS nothing ON orders;
DROP TABLE scratch;
ALTER TABLE orders RENAME TO purchases;
ALTER TABLE purchases RENAME COLUMN big_id TO wide_id;
