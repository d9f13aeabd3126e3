/// SQL-only look-alikes of extensions a hosted platform has and a developer's PostgreSQL does not, with
/// the shapes that matter to a schema: pgvector's type with a modifier, its functions and operators;
/// pg_net's own schema, queue table and `net.http_post`; pg_cron's `cron` schema, job table and
/// `cron.schedule`. Their functions are SQL or PL/pgSQL (or a built-in's C code under the extension's
/// name, as an extension script may, being run by a superuser).
public enum FakeExtensions {
    /// Per extension, file suffixes (`.control`, `--1.0.sql`) and their texts.
    public static let all: [String: [String: String]] = [
        "vector": [
            ".control": "comment = 'pgvector look-alike (pgdrift tests)'\ndefault_version = '0.7.0'\nrelocatable = true\n",
            "--0.7.0.sql": """
                CREATE TYPE vector;
                CREATE FUNCTION vector_in(cstring, oid, integer) RETURNS vector LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'textin';
                CREATE FUNCTION vector_out(vector) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'textout';
                CREATE FUNCTION vector_typmod_in(cstring[]) RETURNS integer LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'bittypmodin';
                CREATE TYPE vector (INPUT = vector_in, OUTPUT = vector_out, TYPMOD_IN = vector_typmod_in, STORAGE = extended);
                CREATE FUNCTION l2_distance(vector, vector) RETURNS double precision LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    AS 'SELECT length($1::text)::double precision - length($2::text)';
                CREATE FUNCTION cosine_distance(vector, vector) RETURNS double precision LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    AS 'SELECT 0::double precision';
                CREATE OPERATOR <-> (LEFTARG = vector, RIGHTARG = vector, FUNCTION = l2_distance, COMMUTATOR = '<->');
                CREATE OPERATOR <=> (LEFTARG = vector, RIGHTARG = vector, FUNCTION = cosine_distance, COMMUTATOR = '<=>');
                -- pgvector's index method, on GiST's code (its own is C): an index on an empty table builds.
                CREATE FUNCTION hnswhandler(internal) RETURNS index_am_handler LANGUAGE internal AS 'gisthandler';
                CREATE ACCESS METHOD hnsw TYPE INDEX HANDLER hnswhandler;
                CREATE OPERATOR CLASS vector_l2_ops DEFAULT FOR TYPE vector USING hnsw AS
                    OPERATOR 1 <-> (vector, vector) FOR ORDER BY float_ops,
                    FUNCTION 1 gist_box_consistent(internal, box, smallint, oid, internal), FUNCTION 2 gist_box_union(internal, internal),
                    FUNCTION 5 gist_box_penalty(internal, internal, internal), FUNCTION 6 gist_box_picksplit(internal, internal),
                    FUNCTION 7 gist_box_same(box, box, internal), FUNCTION 8 gist_box_distance(internal, box, smallint, oid, internal);
                CREATE OPERATOR CLASS vector_cosine_ops FOR TYPE vector USING hnsw AS
                    OPERATOR 1 <=> (vector, vector) FOR ORDER BY float_ops,
                    FUNCTION 1 gist_box_consistent(internal, box, smallint, oid, internal), FUNCTION 2 gist_box_union(internal, internal),
                    FUNCTION 5 gist_box_penalty(internal, internal, internal), FUNCTION 6 gist_box_picksplit(internal, internal),
                    FUNCTION 7 gist_box_same(box, box, internal), FUNCTION 8 gist_box_distance(internal, box, smallint, oid, internal);

                """,
        ],
        "pg_net": [
            ".control": "comment = 'pg_net look-alike (pgdrift tests)'\ndefault_version = '0.7.1'\nrelocatable = false\n",
            "--0.7.1.sql": """
                CREATE SCHEMA net;
                CREATE TABLE net.http_request_queue (id bigserial PRIMARY KEY, method text NOT NULL, url text NOT NULL, body jsonb);
                CREATE FUNCTION net.http_post(url text, body jsonb DEFAULT '{}', headers jsonb DEFAULT '{}') RETURNS bigint
                    LANGUAGE plpgsql AS $$
                    DECLARE id bigint;
                    BEGIN
                        INSERT INTO net.http_request_queue (method, url, body) VALUES ('POST', url, body) RETURNING http_request_queue.id INTO id;
                        RETURN id;
                    END $$;

                """,
        ],
        "pg_cron": [
            ".control": "comment = 'pg_cron look-alike (pgdrift tests)'\ndefault_version = '1.6'\nrelocatable = false\nschema = pg_catalog\n",
            "--1.6.sql": """
                CREATE SCHEMA cron;
                CREATE TABLE cron.job (jobid bigserial PRIMARY KEY, schedule text NOT NULL, command text NOT NULL, jobname text UNIQUE);
                CREATE FUNCTION cron.schedule(job_name text, schedule text, command text) RETURNS bigint LANGUAGE sql AS $$
                    INSERT INTO cron.job (jobname, schedule, command) VALUES (job_name, schedule, command)
                    ON CONFLICT (jobname) DO UPDATE SET schedule = excluded.schedule, command = excluded.command
                    RETURNING jobid $$;
                CREATE FUNCTION cron.unschedule(job_name text) RETURNS boolean LANGUAGE sql AS $$
                    WITH gone AS (DELETE FROM cron.job WHERE jobname = job_name RETURNING 1) SELECT count(*) > 0 FROM gone $$;

                """,
        ],
    ]
}
