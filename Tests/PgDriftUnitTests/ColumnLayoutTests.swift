import PgDrift
import Testing

/// A column keeps its rarely set attributes in one shared box (issue 24: memory), and behaves as if it
/// held them inline: equality, hashing and the JSON keys are the attributes'.
@Suite struct ColumnLayoutTests {
    /// Measured with the box: 312 bytes before it (bench/RESULTS.md, "Issue 24: every target").
    @Test func aColumnIsSmallInline() {
        #expect(MemoryLayout<Column>.stride <= 112)
    }

    @Test func setAndClearedAttributesCompareAsIfInline() throws {
        let plain = Column(name: "a", type: .integer)
        var touched = plain
        touched.comment = "note"
        touched.statisticsTarget = 100
        #expect(touched != plain)
        #expect(touched.comment == "note" && touched.statisticsTarget == 100 && touched.identity == nil)
        var copy = touched
        copy.comment = nil
        #expect(touched.comment == "note", "a copy's change must not reach the original")
        copy.statisticsTarget = nil
        #expect(copy == plain && copy.hashValue == plain.hashValue)
        let decoded = try Snapshot.decode(Snapshot(catalog: Catalog(tables: [Table(name: QualifiedName("public", "t"), columns: [touched])])).jsonData())
        #expect(decoded.catalog.tables[QualifiedName("public", "t")]?.columns == [touched])
    }
}
