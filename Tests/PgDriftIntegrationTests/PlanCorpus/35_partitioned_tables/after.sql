CREATE TABLE events (id bigint, at date NOT NULL, kind text, source text) PARTITION BY RANGE (at);
CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX events_at_idx ON events (at);
CREATE TABLE by_kind (kind text, n integer) PARTITION BY LIST (kind);
CREATE TABLE by_kind_a PARTITION OF by_kind FOR VALUES IN ('a');
CREATE TABLE by_kind_rest PARTITION OF by_kind DEFAULT;
