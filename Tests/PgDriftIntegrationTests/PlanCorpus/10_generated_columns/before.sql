CREATE TABLE t (id integer PRIMARY KEY, price numeric, qty integer, label text GENERATED ALWAYS AS ('x') STORED,
  total numeric GENERATED ALWAYS AS (price * qty) STORED);
