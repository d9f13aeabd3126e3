-- Joins on USING: the merged column printed as the left side's (the right side's for RIGHT JOIN,
-- unqualified for FULL JOIN), nested joins on the same column, and t.* of one side.
CREATE TABLE regions (id bigint PRIMARY KEY, label text);
CREATE TABLE quotas (id bigint PRIMARY KEY, quota integer);
CREATE VIEW region_quotas AS
SELECT id, label, quota FROM regions JOIN quotas USING (id);
CREATE VIEW region_quota_customers AS
SELECT id, r.label, quota, c."Name" FROM regions r LEFT JOIN quotas q USING (id) JOIN customers c USING (id);
CREATE VIEW quota_regions AS
SELECT id, label FROM regions RIGHT JOIN quotas USING (id);
CREATE VIEW all_ids AS
SELECT id, regions.id AS region_id, quota FROM regions FULL JOIN quotas USING (id);
CREATE VIEW region_rows AS
SELECT r.*, quota FROM regions r JOIN quotas USING (id);
