import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Issue 18's done-when: a Supabase-style folder that uses pg_net, a pgvector-style type and pg_cron-style
/// calls checks clean against a database that has those extensions, on a machine that does not (the
/// database is on `ExtensionCluster`, whose PostgreSQL has look-alikes of them; pgdrift's own PostgreSQL
/// has none), and drift elsewhere in the folder is still found.
@Suite struct SupabaseStyleTests {
    static let migrations: [(file: String, sql: String)] = [
        ("20240101000000_extensions.sql", """
            create schema if not exists extensions;
            create extension if not exists vector with schema extensions;
            create extension if not exists pg_net with schema extensions;
            create extension if not exists pg_cron;

            """),
        ("20240102000000_documents.sql", """
            create table public.documents (
              id bigserial primary key,
              content text not null,
              embedding extensions.vector(3)
            );
            create function public.notify_document() returns trigger language plpgsql as $$
            begin
              perform net.http_post('https://example.com/hook', jsonb_build_object('id', new.id));
              return new;
            end $$;
            create trigger documents_notify after insert on public.documents
              for each row execute function public.notify_document();

            """),
        ("20240103000000_jobs.sql", """
            select cron.schedule('nightly-vacuum', '0 3 * * *', 'vacuum analyze public.documents');
            insert into public.documents (content, embedding) values ('hello', '[1,2,3]');

            """),
        ("20240104000000_views.sql", """
            create index documents_embedding on public.documents using hnsw (embedding extensions.vector_cosine_ops);
            create view public.neighbours as
              select a.id, b.id as other, a.embedding operator(extensions.<->) b.embedding as distance
              from public.documents a cross join public.documents b;

            """),
    ]

    /// The folder, with the first `count` migrations.
    static func folder(_ count: Int = migrations.count) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-supabase-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path + "/supabase/migrations", withIntermediateDirectories: true)
        for (file, sql) in migrations.prefix(count) {
            try sql.write(toFile: "\(path)/supabase/migrations/\(file)", atomically: true, encoding: .utf8)
        }
        return path + "/supabase/migrations"
    }

    /// pg_cron's jobs compared with the migrations' `cron.schedule` calls, only when asked.
    @Test func jobsComparedWithTheMigrationsWhenAsked() throws {
        let sql = Self.migrations.prefix(3).map(\.sql).joined()
        let folder = try Self.folder(3)
        let same = try ExtensionCluster.database("supabase_jobs", sql: sql)
        #expect(try Self.check(folder, against: same, extensionState: true).findings == [Self.jobs])
        let changed = try ExtensionCluster.database("supabase_jobs_changed", sql: sql + """
            select cron.schedule('nightly-vacuum', '0 4 * * *', 'vacuum analyze public.documents');
            select cron.schedule('hourly', '0 * * * *', 'select 1');

            """)
        #expect(try Self.check(folder, against: changed, extensionState: true).findings == [
            "extension_state cron: pg_cron schedules 2 jobs: hourly, nightly-vacuum",
            "extension_state_mismatch cron: pg_cron job hourly is not scheduled by the migrations",
            "extension_state_mismatch cron: pg_cron job nightly-vacuum differs",
        ])
        // Without the flag, only the information.
        #expect(try Self.check(folder, against: changed).findings == ["extension_state cron: pg_cron schedules 2 jobs: hourly, nightly-vacuum"])
    }

    /// An index on pgvector's own method with options (`WITH (m = 16)`): the shadow database builds it on
    /// its stand-in without them and the catalog gets them back, so the options are compared. (The look-alike
    /// method in the database cannot take options either, so the database's index has none: drift.)
    @Test func optionsOfAnIndexOnAStoodInMethodAreCompared() throws {
        let sql = Self.migrations.map(\.sql).joined()
        let database = try ExtensionCluster.database("supabase_hnsw_options", sql: sql)
        let folder = try Self.folder()
        let withOptions = folder + "/20240105000000_tuned.sql"
        try """
            drop index public.documents_embedding;
            create index documents_embedding on public.documents using hnsw (embedding extensions.vector_cosine_ops) with (m = 16, ef_construction = 64);

            """.write(toFile: withOptions, atomically: true, encoding: .utf8)
        #expect(try Self.check(folder, against: database).findings == [
            Self.jobs, "storage_parameters_mismatch public.documents: index documents_embedding on documents: storage parameters differ",
        ])
    }

    /// Without the view over pgvector's operator, the folder reads offline: the `vector(3)` column from
    /// the type the database has, and `cron.schedule(...)` passed over with a note.
    @Test func readOfflineWithTheCallsPassedOver() throws {
        let database = try ExtensionCluster.database("supabase_offline", sql: Self.migrations.prefix(3).map(\.sql).joined())
        let (findings, notes) = try Self.check(try Self.folder(3), against: database)
        #expect(findings == [Self.jobs])
        #expect(notes == [
            "extensions this machine does not have, taken from the database: pg_cron 1.6, pg_net 0.7.1, vector 0.7.0",
            "calls of those extensions' functions passed over (they change the extension's state, not the schema): cron.schedule()",
            "read offline; skipped 1 INSERT, 1 SELECT (no effect on the modelled schema)",
        ])
    }

    /// pg_cron's job, reported as information whatever the folder says.
    static let jobs = "extension_state cron: pg_cron schedules 1 job: nightly-vacuum"

    static func check(_ folder: String, against database: String, extensionState: Bool = false) throws -> (findings: [String], notes: [String]) {
        var audit = Audit(source: .sqlDirectory(folder))
        audit.diffOptions.compareExtensionState = extensionState
        var notes: [String] = []
        audit.onNote = { notes.append($0) }
        let findings = try audit.run(against: database).findings
        return (findings.map { "\($0.kind.rawValue) \($0.path): \($0.message)" }.sorted(), notes)
    }

    @Test func aSupabaseFolderChecksCleanOnAMachineWithoutItsExtensions() throws {
        // This machine's PostgreSQL has none of them (else the test would not say anything).
        for name in ["vector", "pg_net", "pg_cron"] { #expect(!LiveExtensions.isAvailableHere(name)) }
        let database = try ExtensionCluster.database("supabase_style", sql: Self.migrations.map(\.sql).joined())
        let folder = try Self.folder()
        let (findings, notes) = try Self.check(folder, against: database)
        #expect(findings == [Self.jobs])
        #expect(notes.contains("extensions this machine does not have, taken from the database: pg_cron 1.6, pg_net 0.7.1, vector 0.7.0"),
                "\(notes)")

        // Drift elsewhere is found: a trigger dropped and a column retyped by hand.
        let drifted = try ExtensionCluster.database("supabase_style_drift", sql: Self.migrations.map(\.sql).joined() + """
            drop trigger documents_notify on public.documents;
            drop view public.neighbours;
            alter table public.documents alter column embedding type extensions.vector(4);
            create view public.neighbours as
              select a.id, b.id as other, a.embedding operator(extensions.<->) b.embedding as distance
              from public.documents a cross join public.documents b;

            """)
        #expect(try Self.check(folder, against: drifted).findings == [
            "column_type_mismatch public.documents.embedding: column documents.embedding is extensions.vector(4), expected extensions.vector(3)",
            Self.jobs,
            "missing_trigger public.documents: trigger documents_notify on documents does not exist",
        ])
    }
}
