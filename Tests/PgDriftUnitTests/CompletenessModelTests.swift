import Foundation
import PgDrift
import Testing

/// Issue 16, part A, in the model: the new settings stay out of snapshots at their defaults (old
/// snapshots read as before), round-trip when set, and the Swift DSL and writer speak them.
@Suite struct CompletenessModelTests {
    /// A table with every setting of issue 16, declared with the DSL.
    static let declared = Schema {
        Function("many", returns: "SETOF integer", language: "sql", cost: 20, rows: 50,
                 support: QualifiedName("pg_catalog", "generate_series_int4_support"), body: "SELECT 1")
        Table("docs", using: "heap2", with: ["fillfactor=70", "toast.autovacuum_enabled=false"], replicaIdentity: .full, clusterOn: "docs_pkey") {
            Column("id", .integer).primaryKey()
            Column("body", .text).storage(.external).compression("lz4").statistics(500)
            Column("n", DataType("numeric")).storage(.main)  // numeric's own storage: no setting
            Column("code", .text).options("n_distinct=-0.5")
            Unique("code").with("fillfactor=80")
            Index("docs_lower", keys: [IndexKey(column: nil, expression: "lower(body)", statisticsTarget: 300)])
        }
    }

    @Test func theDSLDeclaresTheSettings() throws {
        let table = try #require(Self.declared.catalog.tables[QualifiedName("public", "docs")])
        #expect(table.options == ["fillfactor=70", "toast.autovacuum_enabled=false"])
        #expect(table.replicaIdentity == .full)
        #expect(table.accessMethod == "heap2" && table.clusterOn == "docs_pkey")
        let body = try #require(table.column(named: "body"))
        #expect(body.storage == .external && body.compression == "lz4" && body.statisticsTarget == 500)
        #expect(table.column(named: "n")?.storage == nil)
        #expect(table.column(named: "code")?.options == ["n_distinct=-0.5"])
        #expect(table.constraints["docs_code_key"]?.indexOptions == ["fillfactor=80"])
        #expect(table.indexes["docs_lower"]?.keys.first?.statisticsTarget == 300)
        let function = try #require(Self.declared.catalog.functions.sorted.first)
        #expect(function.cost == 20 && function.rows == 50)
        #expect(function.support == QualifiedName("pg_catalog", "generate_series_int4_support"))
    }

    @Test func theWriterWritesThem() {
        let source = SwiftSchemaWriter(constantName: "s", header: [], documentation: "").source(for: Self.declared.catalog)
        for text in [
            #"Table("docs", using: "heap2", with: ["fillfactor=70", "toast.autovacuum_enabled=false"], replicaIdentity: .full, clusterOn: "docs_pkey") {"#,
            #"Column("body", .text).storage(.external).compression("lz4").statistics(500)"#,
            #"Function("many", returns: "SETOF integer", language: "sql", cost: 20, rows: 50, support: QualifiedName("pg_catalog", "generate_series_int4_support"), body: "#,
            #"Unique("code").with("fillfactor=80")"#,
            #"Column("code", .text).options("n_distinct=-0.5")"#,
            #"Index("docs_lower", keys: [.expression("lower(body)", statistics: 300)])"#,
        ] {
            #expect(source.contains(text), "\(text) not in:\n\(source)")
        }
    }

    @Test func defaultsStayOutOfSnapshotsAndSettingsRoundTrip() throws {
        var catalog = Self.declared.catalog
        var plain = Table(name: QualifiedName("public", "plain"), columns: [Column(name: "a", type: .text)])
        plain.constraints.upsert(Constraint(name: "plain_pkey", kind: .primaryKey, columns: ["a"]))
        plain.indexes.upsert(Index(name: "plain_lower", keys: [.expression("lower(a)")]))
        catalog.tables.upsert(plain)
        let snapshot = Snapshot(catalog: catalog)
        let text = String(decoding: try snapshot.jsonData(), as: UTF8.self)
        #expect(try Snapshot.decode(snapshot.jsonData()) == snapshot)
        // Only the settings declared appear; the plain table's parts carry none of the new keys.
        let counts = ["storage": 1, "compression": 1, "statistics_target": 2, "replica_identity": 1, "cost": 1, "rows": 1, "index_options": 1, "cluster_on": 1, "access_method": 1]
        for (key, count) in counts {
            #expect(text.components(separatedBy: "\"\(key)\"").count == count + 1, "\(key) should appear \(count) times")
        }

        var keyed = catalog
        keyed.tables[QualifiedName("public", "plain")]?.constraints["plain_pkey"]?.indexOptions = ["fillfactor=60"]
        keyed.tables[QualifiedName("public", "plain")]?.indexes["plain_lower"]?.keys[0].statisticsTarget = 300
        keyed.tables[QualifiedName("public", "plain")]?.replicaIdentity = .index("plain_pkey")
        let again = Snapshot(catalog: keyed)
        #expect(try Snapshot.decode(again.jsonData()) == again)
    }

    /// A snapshot written before these settings existed reads with their defaults.
    @Test func anOldSnapshotReads() throws {
        let json = """
            {"format":"pgdrift-snapshot","version":1,"catalog":{"tables":[
              {"name":{"schema":"public","name":"t"},"kind":"ordinary","is_unlogged":false,"inherits":[],
               "columns":[{"name":"a","type":{"name":"integer","array_dimensions":0},"is_not_null":true}],
               "constraints":[{"name":"t_pkey","kind":"primary_key","columns":["a"],"is_deferrable":false,
                 "is_initially_deferred":false,"is_validated":true,"is_no_inherit":false,"nulls_not_distinct":false}],
               "indexes":[],"row_level_security":false,"force_row_level_security":false,
               "policies":[],"triggers":[],"options":[],"grants":[]}]}}
            """
        let snapshot = try Snapshot.decode(Data(json.utf8))
        let table = try #require(snapshot.catalog.tables.sorted.first)
        #expect(table.replicaIdentity == nil && table.columns[0].storage == nil && table.columns[0].statisticsTarget == nil)
        #expect(table.constraints["t_pkey"]?.indexOptions == [])
    }
}
