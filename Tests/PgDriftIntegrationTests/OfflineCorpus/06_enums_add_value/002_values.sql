ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';
ALTER TYPE mood ADD VALUE 'ecstatic' AFTER 'happy';
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad';
ALTER TYPE mood ADD VALUE 'furious';
ALTER TYPE mood RENAME VALUE 'furious' TO 'angry';
CREATE TYPE public."Status" AS ENUM ('new', 'done');
ALTER TABLE people ADD COLUMN status "Status" DEFAULT 'new';
