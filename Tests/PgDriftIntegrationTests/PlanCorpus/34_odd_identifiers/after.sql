CREATE SCHEMA "Schéma ünï";
CREATE TABLE "Mixed Case" (id integer PRIMARY KEY, "New ""quoted"" col" text, "select" integer, "ünïcødé" text);
CREATE TABLE "Schéma ünï"."x""; DROP TABLE t; --" ("from" integer PRIMARY KEY, "Total_Play_Count" bigint DEFAULT 0);
CREATE TABLE "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" ("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" integer);
CREATE INDEX "Idx With Space" ON "Mixed Case" ("select");
CREATE TYPE "Odd Enum" AS ENUM ('it''s', 'back\slash', 'ok');
CREATE VIEW "View ""q""" AS SELECT id AS "Id" FROM "Mixed Case";
COMMENT ON TABLE "Mixed Case" IS 'it''s ''quoted''';
