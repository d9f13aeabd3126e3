#!/usr/bin/env python3
"""Writes a large schema as SQL: N tables x M columns, each with a primary key, an index, a foreign key
to the previous table, a check, defaults; an RLS policy on every 10th table, a plpgsql function and
trigger on every 20th, a view on every 50th. Usage: generate-schema.py TABLES COLUMNS [--drift]
(--drift changes one column type in every 100th table and drops every 200th table's index;
--drift-statements prints only the ALTER/DROP statements that turn the plain schema into the drifted one,
so a drifted copy can be made from a template database in seconds)."""
import sys

tables, columns = int(sys.argv[1]), int(sys.argv[2])
drift = "--drift" in sys.argv
if "--drift-statements" in sys.argv:
    for t in range(tables):
        if t % 100 == 0:
            print(f"ALTER TABLE t{t} ALTER COLUMN c{columns - 1} TYPE bigint;")
        if t % 200 == 0:
            print(f"DROP INDEX t{t}_name_idx;")
    sys.exit(0)
out = []
for t in range(tables):
    cols = ["id bigint PRIMARY KEY", "name text NOT NULL DEFAULT ''", "created_at timestamptz NOT NULL DEFAULT now()"]
    if t > 0:
        cols.append(f"parent_id bigint REFERENCES t{t-1}(id)")
    for c in range(len(cols), columns):
        kind = "bigint" if drift and t % 100 == 0 and c == columns - 1 else "integer"
        cols.append(f"c{c} {kind} DEFAULT {c}")
    cols.append("CHECK (length(name) < 200)")
    out.append(f"CREATE TABLE t{t} (\n  " + ",\n  ".join(cols) + "\n);")
    if not (drift and t % 200 == 0):
        out.append(f"CREATE INDEX t{t}_name_idx ON t{t} (name);")
    if t % 10 == 0:
        out.append(f"ALTER TABLE t{t} ENABLE ROW LEVEL SECURITY;")
        out.append(f"CREATE POLICY t{t}_read ON t{t} FOR SELECT USING (true);")
    if t % 20 == 0:
        out.append(f"CREATE FUNCTION t{t}_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.created_at := now(); RETURN NEW; END $$;")
        out.append(f"CREATE TRIGGER t{t}_touch BEFORE UPDATE ON t{t} FOR EACH ROW EXECUTE FUNCTION t{t}_touch();")
    if t % 50 == 0:
        out.append(f"CREATE VIEW v{t} AS SELECT id, name FROM t{t};")
print("\n".join(out))
