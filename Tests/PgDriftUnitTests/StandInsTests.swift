import PgDrift
import Testing

/// The stand-ins of an extension this machine lacks, from its definitions, as whole statements.
@Suite struct StandInsTests {
    static func member(_ kind: String, _ schema: String?, _ name: String?, _ identity: String, _ detail: String?) -> ExtensionMemberDefinition {
        ExtensionMemberDefinition(kind: kind, schema: schema, name: name, identity: identity, detail: detail)
    }

    /// A pgvector-like extension in `extensions` with a member schema of its own: a type with a modifier,
    /// its I/O functions, an ordinary function, a set-returning one, an operator, a GiST class, and
    /// an hnsw class (its own access method, which cannot be stood in for).
    static var members: ExtensionMembers {
        var members = ExtensionMembers(name: "vec", schema: "extensions", version: "0.5.1", isRelocatable: true)
        members.definitions = [
            member("schema", nil, "vec_admin", "vec_admin", nil),
            member("type", "extensions", "vector", "extensions.vector", """
                {"typtype": "b", "typname": "vector", "typalign": "i", "typstorage": "x", "typcategory": "U", "typispreferred": false,
                 "input": "vector_in(cstring,oid,integer)", "output": "vector_out(vector)", "typmod_in": "vector_typmod_in(cstring[])",
                 "collatable": false}
                """),
            member("function", "extensions", "vector_in", "extensions.vector_in(cstring,oid,integer)", """
                {"prokind": "f", "proname": "vector_in", "regprocedure": "vector_in(cstring,oid,integer)", "args": "cstring, oid, integer",
                 "result": "vector", "volatile": "i", "strict": true, "parallel": "s"}
                """),
            member("function", "extensions", "vector_out", "extensions.vector_out(extensions.vector)", """
                {"prokind": "f", "proname": "vector_out", "regprocedure": "vector_out(vector)", "args": "vector",
                 "result": "cstring", "volatile": "i", "strict": true, "parallel": "s"}
                """),
            member("function", "extensions", "vector_typmod_in", "extensions.vector_typmod_in(cstring[])", """
                {"prokind": "f", "proname": "vector_typmod_in", "regprocedure": "vector_typmod_in(cstring[])", "args": "cstring[]",
                 "result": "integer", "volatile": "i", "strict": true, "parallel": "s"}
                """),
            member("function", "extensions", "l2_distance", "extensions.l2_distance(extensions.vector,extensions.vector)", """
                {"prokind": "f", "proname": "l2_distance", "regprocedure": "l2_distance(vector,vector)", "args": "vector, vector",
                 "result": "double precision", "volatile": "i", "strict": true, "parallel": "s"}
                """),
            member("function", "vec_admin", "jobs", "vec_admin.jobs()", """
                {"prokind": "f", "proname": "jobs", "regprocedure": "vec_admin.jobs()", "args": "OUT id bigint",
                 "result": "SETOF bigint", "volatile": "v", "strict": false, "parallel": "u"}
                """),
            member("operator", "extensions", "<->", "extensions.<->(extensions.vector,extensions.vector)", """
                {"oprname": "<->", "left": "vector", "right": "vector", "function": "l2_distance(vector,vector)",
                 "commutator": "OPERATOR(<->)", "merges": false, "hashes": false}
                """),
            member("operator family", "extensions", "vector_gist_ops", "extensions.vector_gist_ops USING gist", """
                {"opfname": "vector_gist_ops", "method": "gist"}
                """),
            member("operator class", "extensions", "vector_gist_ops", "extensions.vector_gist_ops USING gist", """
                {"opcname": "vector_gist_ops", "method": "gist", "for_type": "vector", "default": true, "family": "vector_gist_ops",
                 "items": ["OPERATOR 1 <-> (vector, vector) FOR ORDER BY pg_catalog.float_ops"]}
                """),
            member("operator class", "extensions", "vector_l2_ops", "extensions.vector_l2_ops USING hnsw", """
                {"opcname": "vector_l2_ops", "method": "hnsw", "for_type": "vector", "default": false, "family": "vector_l2_ops",
                 "items": ["OPERATOR 1 <-> (vector, vector) FOR ORDER BY pg_catalog.float_ops"]}
                """),
        ]
        return members
    }

    @Test func everyKindInTheOrderItMustRun() {
        #expect(StandIns(members: Self.members).statements() == [
            "CREATE SCHEMA IF NOT EXISTS vec_admin;",
            "CREATE TYPE vector;",
            "CREATE FUNCTION vector_in(cstring, oid, integer) RETURNS vector LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'textin';",
            "CREATE FUNCTION vector_out(vector) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'textout';",
            "CREATE FUNCTION vector_typmod_in(cstring[]) RETURNS integer LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'bittypmodin';",
            "CREATE TYPE vector (INPUT = vector_in, OUTPUT = vector_out, TYPMOD_IN = vector_typmod_in, INTERNALLENGTH = VARIABLE, "
                + "ALIGNMENT = int4, STORAGE = extended, CATEGORY = 'U', COLLATABLE = false);",
            "CREATE FUNCTION l2_distance(vector, vector) RETURNS double precision LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE "
                + "AS $pgdrift$BEGIN RETURN NULL; END$pgdrift$;",
            "CREATE FUNCTION vec_admin.jobs(OUT id bigint) RETURNS SETOF bigint LANGUAGE plpgsql VOLATILE AS $pgdrift$BEGIN RETURN; END$pgdrift$;",
            "CREATE OPERATOR <-> (FUNCTION = l2_distance, LEFTARG = vector, RIGHTARG = vector, COMMUTATOR = OPERATOR(<->));",
            "CREATE OPERATOR FAMILY vector_gist_ops USING gist;",
            "CREATE OPERATOR CLASS vector_gist_ops DEFAULT FOR TYPE vector USING gist FAMILY vector_gist_ops AS "
                + "OPERATOR 1 <-> (vector, vector) FOR ORDER BY pg_catalog.float_ops;",
        ])
    }
}
