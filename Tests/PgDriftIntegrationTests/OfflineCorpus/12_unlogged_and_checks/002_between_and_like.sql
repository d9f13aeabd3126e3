-- Checks, a partial index and a policy with the operator forms the server stores rewritten.
CREATE TABLE ratings (
    id integer PRIMARY KEY,
    stars integer NOT NULL CHECK (stars BETWEEN 1 AND 5),
    code text NOT NULL CHECK (code LIKE 'R-%' AND code NOT ILIKE '%test%'),
    weight integer CHECK (weight NOT BETWEEN -10 AND -1)
);
CREATE INDEX ratings_good ON ratings (id) WHERE stars BETWEEN 4 AND 5;
ALTER TABLE ratings ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible ON ratings FOR SELECT USING (code LIKE 'R-%');
