CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id), total numeric(12,2) NOT NULL DEFAULT 0);
