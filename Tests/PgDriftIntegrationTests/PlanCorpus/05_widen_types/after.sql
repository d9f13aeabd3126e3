CREATE TABLE t (id bigint PRIMARY KEY, a integer, b varchar(50), c text, d numeric(12,2), e double precision, f timestamptz);
