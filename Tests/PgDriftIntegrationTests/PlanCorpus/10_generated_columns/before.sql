CREATE TABLE t (id integer PRIMARY KEY, price numeric, qty integer, total numeric GENERATED ALWAYS AS (price * qty) STORED, label text GENERATED ALWAYS AS ('x') STORED);
