CREATE TABLE accounts (id integer PRIMARY KEY, name text, legacy_code text, temp integer);
CREATE TABLE sessions (id integer PRIMARY KEY, account_id integer REFERENCES accounts (id));
CREATE TABLE scratch (x integer);
CREATE INDEX accounts_name_idx ON accounts (name);
CREATE INDEX accounts_temp_idx ON accounts (temp);
