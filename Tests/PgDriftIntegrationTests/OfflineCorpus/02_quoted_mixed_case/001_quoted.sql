CREATE TABLE "Users" (
    "Id" integer PRIMARY KEY,
    "EmailAddress" text NOT NULL UNIQUE,
    "display name" text,
    "select" integer DEFAULT 1
);
CREATE TABLE "Order Items" (
    "OrderId" integer NOT NULL,
    "LineNo" integer NOT NULL,
    "UserId" integer REFERENCES "Users" ("Id"),
    PRIMARY KEY ("OrderId", "LineNo"),
    CHECK ("LineNo" > 0)
);
CREATE INDEX ON "Order Items" ("UserId");
CREATE UNIQUE INDEX "Users_Display_Idx" ON "Users" ("display name") WHERE "display name" IS NOT NULL;
