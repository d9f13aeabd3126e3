CREATE TABLE t (id integer PRIMARY KEY, price numeric, qty integer, label text,
  total numeric GENERATED ALWAYS AS (price * qty * 2) STORED, doubled integer GENERATED ALWAYS AS (qty * 2) STORED);
