ALTER TABLE products ALTER COLUMN price TYPE bigint;
ALTER TABLE products ALTER COLUMN price SET NOT NULL;
ALTER TABLE products ALTER COLUMN stock DROP DEFAULT;
ALTER TABLE products ALTER COLUMN stock SET DEFAULT 10;
ALTER TABLE products ALTER COLUMN note DROP NOT NULL;
ALTER TABLE products ADD COLUMN weight_grams integer NOT NULL DEFAULT 0,
    ADD CONSTRAINT products_sku_key UNIQUE (sku);
ALTER TABLE products DROP CONSTRAINT products_price_positive;
ALTER TABLE products ADD CHECK (weight_grams >= 0);
