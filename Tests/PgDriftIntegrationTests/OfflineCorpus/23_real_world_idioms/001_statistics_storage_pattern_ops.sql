-- Idioms of schemas written by other projects (the real-world corpus): bacula's SET STATISTICS and
-- text_pattern_ops, icingadb's SET STORAGE PLAIN, PowerDNS's text_pattern_ops on a varchar column.
CREATE TABLE filename (
    filenameid serial NOT NULL,
    name text NOT NULL,
    PRIMARY KEY (filenameid)
);
ALTER TABLE filename ALTER COLUMN name SET STATISTICS 1000;
CREATE UNIQUE INDEX filename_name_idx ON filename (name text_pattern_ops);

CREATE TABLE host (
    id bytea NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL
);
ALTER TABLE host ALTER COLUMN id SET STORAGE PLAIN;
ALTER TABLE ONLY host ALTER COLUMN name SET STATISTICS -1;

CREATE TABLE records (
    id bigserial PRIMARY KEY,
    domain_id int,
    ordername varchar(255) DEFAULT NULL
);
CREATE INDEX recordorder ON records (domain_id, ordername text_pattern_ops);
