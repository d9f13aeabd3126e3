-- Later: sequences altered and renamed under a column default, types renamed under their columns.
ALTER SEQUENCE inventory.item_ids INCREMENT BY 1 MINVALUE 5 CACHE 10 CYCLE;
ALTER SEQUENCE inventory.item_ids RENAME TO "Item_Ids";
ALTER SEQUENCE counters AS integer;
ALTER SEQUENCE IF EXISTS never_made START 3;
ALTER SEQUENCE inventory."Item_Ids" OWNED BY inventory.items.id;
ALTER SEQUENCE counters OWNED BY NONE;
ALTER TYPE stock_state RENAME VALUE 'retired' TO 'gone';
ALTER TYPE stock_state RENAME TO "StockState";
ALTER TYPE inventory.size RENAME TO dimensions;
ALTER DOMAIN inventory.positive RENAME TO above_zero;
