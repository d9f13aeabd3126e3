CREATE TABLE t (id integer PRIMARY KEY, owner text);
CREATE POLICY old_policy ON t USING (true);
CREATE POLICY changes ON t FOR SELECT TO public USING (owner = 'a');
