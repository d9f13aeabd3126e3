ALTER TABLE "Users" ADD COLUMN "CreatedAt" timestamptz DEFAULT now();
ALTER TABLE "Users" RENAME COLUMN "select" TO "Selected";
COMMENT ON COLUMN "Users"."EmailAddress" IS 'Where we write to';
