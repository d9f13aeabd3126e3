CREATE TABLE "Mixed Case" (id integer PRIMARY KEY, "Old Col" text);
