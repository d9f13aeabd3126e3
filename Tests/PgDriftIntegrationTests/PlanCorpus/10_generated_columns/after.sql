CREATE TABLE t (id integer PRIMARY KEY, price numeric, qty integer, total numeric GENERATED ALWAYS AS (price * qty * 2) STORED, label text,
  doubled integer GENERATED ALWAYS AS (qty * 2) STORED);
