CREATE TABLE t (id integer PRIMARY KEY, n integer, label text);
CREATE MATERIALIZED VIEW m AS SELECT n, count(*) AS c, max(label) AS top FROM t GROUP BY n;
CREATE UNIQUE INDEX m_n_idx ON m (n);
CREATE INDEX m_top_idx ON m (top);
CREATE INDEX m_c_top_idx ON m (c, top);
CREATE INDEX m_lower_top_idx ON m (lower(top)) WHERE c > 1;
COMMENT ON INDEX m_top_idx IS 'for the leaderboard';
