import AnalyticsExample
import ExpectedSchema
import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Snapshots of real catalogs are the bytes Foundation's encoder wrote, and read back to the same
/// catalog through both decoders.
@Suite struct SnapshotJSONOracleTests {
    static func foundationBytes(_ snapshot: Snapshot) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return [UInt8](try encoder.encode(snapshot)) + [0x0A]
    }

    static func foundationDecode(_ data: Data) throws -> Snapshot {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Snapshot.self, from: data)
    }

    static func check(_ catalog: Catalog, _ label: String) throws {
        let snapshot = Snapshot(catalog: catalog, serverVersion: 150000)
        let ours = try snapshot.jsonData()
        #expect([UInt8](ours) == (try foundationBytes(snapshot)), "\(label): bytes differ from JSONEncoder's")
        let decoded = try Snapshot.decode(ours)
        #expect(decoded == snapshot, "\(label): does not round-trip")
        #expect(decoded.catalog.sources == catalog.sources, "\(label): sources do not round-trip")
        #expect(try foundationDecode(ours) == decoded, "\(label): JSONDecoder reads something else")
    }

    @Test func everyKindOfObject() throws {
        try Self.check(try TestDatabase("json_every_kind", sql: IntrospectionTests.everyKind).catalog(), "every kind")
        let withGrants = try TestDatabase("json_every_kind_grants", sql: IntrospectionTests.everyKind)
            .catalog(IntrospectionOptions(includePrivileges: true))
        try Self.check(withGrants, "every kind with privileges")
    }

    @Test func builtinAnalyticsModel() throws {
        try Self.check(analyticsSchema.catalog, "builtin model")
        // The migrations' catalog with its source map, which snapshots write as a sorted list.
        var catalog = try AnalyticsExampleTests.build("json_analytics").catalog()
        var sourceMap = SourceMapRecorder()
        for migration in try AnalyticsExample.migrations() {
            sourceMap.record(try ParsedScript(migration.sql), file: "sql/\(migration.name)")
        }
        catalog.sources = sourceMap.sources(for: catalog)
        #expect(catalog.sources.count > 10)
        try Self.check(catalog, "analytics migrations")
    }

    @Test(arguments: [1, 7, 42, 1234, 99991] as [UInt64])
    func randomSchemas(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let model = RandomSchema.generate(schema: "r\(seed)", using: &random)
        let database = try TestDatabase("json_random_\(seed)", sql: model.sql)
        try Self.check(try database.catalog(), "seed \(seed)")
    }
}
