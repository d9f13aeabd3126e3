import PgDriftModel

/// Statements PostgreSQL has no IF [NOT] EXISTS for, made safe to run twice with a DO block.
enum Idempotent {
    /// `DO $pgdrift$ BEGIN IF NOT EXISTS (lookup) THEN statement END IF; END $pgdrift$;`
    static func unless(exists lookup: String, run statement: String) -> String {
        guarded("IF NOT EXISTS (\(lookup))", statement)
    }

    /// `DO ... IF EXISTS (lookup) THEN statement ...`: for statements that must find something to act on.
    static func when(exists lookup: String, run statement: String) -> String {
        guarded("IF EXISTS (\(lookup))", statement)
    }

    /// Runs `statements` only when every role of `roles` exists on the target, else raises a NOTICE
    /// naming the missing role: a grant to a role the target lacks must not fail the plan midway.
    static func ifRolesExist(_ roles: [String], run statements: [String], notice: String) -> String {
        let condition = roles.map { "EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = \(SQLQuote.literal($0)))" }
            .joined(separator: " AND ")
        let missing = roles.count == 1 ? SQLQuote.literal("role " + roles[0])
            : SQLQuote.literal("one of the roles " + roles.joined(separator: ", "))
        let body = "\nBEGIN\n    IF \(condition) THEN\n        " + statements.joined(separator: "\n        ")
            + "\n    ELSE\n        RAISE NOTICE 'pgdrift: % does not exist: skipped %', \(missing), \(SQLQuote.literal(notice));"
            + "\n    END IF;\nEND\n"
        return "DO " + SQLQuote.dollarQuoted(body, tag: "pgdrift") + ";"
    }

    private static func guarded(_ condition: String, _ statement: String) -> String {
        let body = "\nBEGIN\n    \(condition) THEN\n        "
            + statement.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n        ")
            + "\n    END IF;\nEND\n"
        return "DO " + SQLQuote.dollarQuoted(body, tag: "pgdrift") + ";"
    }

    /// The lookup of a live column of a table (or of a composite type's relation).
    static func columnLookup(_ relation: QualifiedName, _ column: String, extra: String = "") -> String {
        "SELECT FROM pg_catalog.pg_attribute WHERE attrelid = \(SQLQuote.literal(SQLQuote.qualified(relation)))::regclass "
            + "AND attname = \(SQLQuote.literal(column)) AND NOT attisdropped" + extra
    }

    /// The lookup of a type (enum, domain, composite) by schema and name.
    static func typeLookup(_ name: QualifiedName) -> String {
        "SELECT FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
            + "WHERE n.nspname = \(SQLQuote.literal(name.schema)) AND t.typname = \(SQLQuote.literal(name.name))"
    }
}
