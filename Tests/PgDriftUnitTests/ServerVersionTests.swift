import PgDrift
import Testing

/// Issue 20: servers older than 15 get one clear line (exit 3 from the CLI, as a database error).
@Suite struct ServerVersionTests {
    @Test func olderServersAreRefusedInOneLine() {
        #expect(Introspector.refusal(ofServerVersion: 140011)?.description == "PostgreSQL 14.11 is not supported: pgdrift reads PostgreSQL 15 to 18")
        #expect(Introspector.refusal(ofServerVersion: 90624)?.description == "PostgreSQL 9.6.24 is not supported: pgdrift reads PostgreSQL 15 to 18")
        #expect(Introspector.refusal(ofServerVersion: 150020) == nil)
        #expect(Introspector.refusal(ofServerVersion: 180006) == nil)
    }
}

/// Issue 20: PostgreSQL 16 and later print a view's columns unqualified when its query level reads one
/// table or subquery (`count(id)` where 15 printed `count(sub.id)`): the same query, not drift.
@Suite struct ViewTextAcrossVersionsTests {
    static func same(_ a: String, _ b: String) -> Bool {
        if case .same = ExpressionMeaning.compareQueries(a, b) { return true }
        return false
    }

    @Test func oneSourcePrintedWithAndWithoutItsName() {
        #expect(Self.same("SELECT t.id, t.a FROM public.t", "SELECT id, a FROM public.t"))
        #expect(Self.same("SELECT o.id FROM public.orders o WHERE (o.paid = true)", "SELECT id FROM public.orders o WHERE (paid = true)"))
        #expect(Self.same(
            "SELECT sub.k, count(sub.id) AS n FROM (SELECT t.k, t.id FROM public.t) sub GROUP BY sub.k",
            "SELECT k, count(id) AS n FROM (SELECT k, id FROM public.t) sub GROUP BY k"))
        // A nested level has its own one source; an outer column stays qualified.
        #expect(Self.same(
            "SELECT t.id FROM public.t WHERE (EXISTS (SELECT 1 FROM public.u WHERE (u.x = t.id)))",
            "SELECT id FROM public.t WHERE (EXISTS (SELECT 1 FROM public.u WHERE (x = t.id)))"))
    }

    @Test func otherQueriesStayDifferent() {
        // Two sources: a name is not left out.
        #expect(!Self.same("SELECT t.id FROM public.t JOIN public.u ON (u.id = t.id)", "SELECT id FROM public.t JOIN public.u ON (u.id = t.id)"))
        #expect(!Self.same("SELECT t.id FROM public.t, public.u", "SELECT u.id FROM public.t, public.u"))
        // Another column, or a qualifier that is not the source's.
        #expect(!Self.same("SELECT t.id FROM public.t", "SELECT t.a FROM public.t"))
        #expect(!Self.same("SELECT t.id FROM public.t WHERE (EXISTS (SELECT 1 FROM public.u WHERE (u.x = t.id)))",
                           "SELECT id FROM public.t WHERE (EXISTS (SELECT 1 FROM public.u WHERE (x = id)))"))
    }
}

/// Issue 20: PostgreSQL 18's kinds in the Swift DSL, the writer and snapshots (written only when used).
@Suite struct EighteenModelTests {
    static let declared = Schema {
        Table("rooms") {
            Column("id", .integer)
            Column("valid_at", DataType("daterange"))
            PrimaryKey("id", "valid_at").temporal()
        }
        Table("bookings") {
            Column("id", .integer).primaryKey()
            Column("nights", .integer).notNull(named: "nights_required", notValid: true)
            Column("twice", .integer).generatedVirtual("nights * 2")
            Check("nights > 0", name: "nights_positive").notEnforced()
        }
    }

    @Test func theDSLTheWriterAndSnapshotsSpeakThem() throws {
        let catalog = Self.declared.catalog
        let bookings = try #require(catalog.tables[QualifiedName("public", "bookings")])
        #expect(bookings.column(named: "twice")?.generationClause == "GENERATED ALWAYS AS (nights * 2) VIRTUAL")
        #expect(bookings.constraints["nights_positive"]?.isEnforced == false)
        #expect(catalog.tables[QualifiedName("public", "rooms")]?.constraints["rooms_pkey"].map(Describe.constraint) == "PRIMARY KEY (id, valid_at WITHOUT OVERLAPS)")
        let source = SwiftSchemaWriter(constantName: "s", header: [], documentation: "").source(for: catalog)
        for text in [#"PrimaryKey("id", "valid_at").temporal()"#, #"Column("twice", .integer).generatedVirtual("nights * 2")"#,
                     #"Check("nights > 0", name: "nights_positive").notEnforced()"#,
                     #"Column("nights", .integer).notNull(named: "nights_required", notValid: true)"#] {
            #expect(source.contains(text), "\(text) not in:\n\(source)")
        }
        let json = String(decoding: try Snapshot(catalog: catalog).jsonData(), as: UTF8.self)
        #expect(json.contains("\"is_temporal\" : true") && json.contains("\"is_enforced\" : false") && json.contains("\"generated_virtual\" : true"))
        #expect(json.contains("\"not_null_name\" : \"nights_required\"") && json.contains("\"not_null_validated\" : false"))
        #expect(bookings.column(named: "nights")?.nullability == "NOT NULL NOT VALID")
        #expect(try Snapshot.decode(Snapshot(catalog: catalog).jsonData()).catalog == catalog)
        // A catalog without them writes none of the new keys.
        let plain = String(decoding: try Snapshot(catalog: CompletenessModelTests.declared.catalog).jsonData(), as: UTF8.self)
        #expect(!plain.contains("is_temporal") && !plain.contains("is_enforced") && !plain.contains("generated_virtual"))
        #expect(!plain.contains("not_null_name") && !plain.contains("not_null_validated"))
    }
}
