-- Types that extensions install, as column and argument types, qualified and on the search path.
CREATE EXTENSION citext;
CREATE EXTENSION hstore SCHEMA extensions;
CREATE TABLE accounts (
    id integer PRIMARY KEY,
    email citext NOT NULL UNIQUE,
    aliases citext[],
    attributes extensions.hstore,
    settings hstore
);
CREATE INDEX accounts_attributes ON accounts USING gin (attributes);
CREATE FUNCTION normalized(address citext) RETURNS citext LANGUAGE sql IMMUTABLE AS $$ SELECT lower(address)::citext $$;
