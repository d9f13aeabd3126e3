-- Domains and composite types used by the shop's tables.
CREATE SCHEMA shop;
CREATE DOMAIN shop.price AS numeric(10, 2)
    NOT NULL
    DEFAULT 0
    CONSTRAINT price_not_negative CHECK (VALUE >= 0);
CREATE DOMAIN "Email" AS text CHECK (strpos(VALUE, '@') > 1) CHECK (length(VALUE) < 255);
CREATE DOMAIN shop.rate AS numeric(7, 4) DEFAULT NULL;
CREATE TYPE shop.address AS (street text, city varchar(80), "Zip" char(5));
COMMENT ON DOMAIN shop.price IS 'Money, never negative.';
COMMENT ON TYPE shop.address IS 'A postal address.';
