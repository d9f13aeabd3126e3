CREATE TABLE t (id integer PRIMARY KEY, n integer, label text);
CREATE MATERIALIZED VIEW m AS SELECT n, count(*) AS c, max(label) AS top FROM t GROUP BY n;
CREATE INDEX m_n_idx ON m (n);
CREATE INDEX m_top_idx ON m (top DESC);
CREATE INDEX m_old ON m (c);
CREATE INDEX m_c_n_idx ON m (c, n);
