-- Deploy pgdrift_fixture:create_accounts to pg

BEGIN;

CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);

COMMIT;
