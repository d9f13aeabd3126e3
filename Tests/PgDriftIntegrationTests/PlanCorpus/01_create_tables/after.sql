CREATE TABLE authors (id bigint PRIMARY KEY, name text NOT NULL, email text UNIQUE, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE books (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, author_id bigint NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
  title varchar(200) NOT NULL, pages integer CHECK (pages > 0), price numeric(10,2) DEFAULT 0);
CREATE INDEX books_author_idx ON books (author_id);
