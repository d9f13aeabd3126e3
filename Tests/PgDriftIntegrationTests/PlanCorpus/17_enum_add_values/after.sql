CREATE TYPE mood AS ENUM ('angry', 'sad', 'ok', 'happy', 'ecstatic');
CREATE TABLE t (id integer PRIMARY KEY, m mood DEFAULT 'sad');
