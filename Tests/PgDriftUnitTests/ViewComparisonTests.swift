import PgDrift
import Testing

/// Views compared by the diff: the query by meaning, then the output columns' types.
@Suite struct ViewComparisonTests {
    static func catalog(_ definition: String, _ columns: [ViewColumn]) -> Catalog {
        Catalog(views: [View(name: QualifiedName("public", "v"), definition: definition, columns: columns, dependsOn: [QualifiedName("public", "t")])])
    }

    @Test func aQuerySpelledAsTheFileSpellsItIsNoDrift() {
        let file = Self.catalog("SELECT t.id, count(*) FROM public.t GROUP BY t.id", [ViewColumn(name: "id", type: .integer), ViewColumn(name: "count", type: .bigint)])
        let server = Self.catalog(" SELECT t.id,\n    count(*) AS count\n   FROM public.t\n  GROUP BY t.id;", [ViewColumn(name: "id", type: .integer), ViewColumn(name: "count", type: .bigint)])
        #expect(SchemaDiff.findings(expected: file, actual: server).isEmpty)
        #expect(SchemaDiff.findings(expected: server, actual: file).isEmpty)
    }

    @Test func theSameQueryOverColumnsOfAnotherTypeIsDrift() {
        let want = Self.catalog("SELECT t.id FROM public.t", [ViewColumn(name: "id", type: .integer)])
        let have = Self.catalog("SELECT t.id FROM public.t", [ViewColumn(name: "id", type: .bigint)])
        let findings = SchemaDiff.findings(expected: want, actual: have)
        #expect(findings.map(\.kind) == [.viewMismatch])
        #expect(findings.first?.message == "view public.v: column types differ")
        #expect(findings.first?.expected == "(id integer)" && findings.first?.actual == "(id bigint)")
    }

    @Test func aViewWithoutColumnsIsComparedByItsQueryOnly() {
        // A view declared in the Swift model lists no columns.
        let want = Self.catalog("SELECT t.id FROM public.t", [])
        let have = Self.catalog("SELECT t.id FROM public.t", [ViewColumn(name: "id", type: .bigint)])
        #expect(SchemaDiff.findings(expected: want, actual: have).isEmpty)
        let other = Self.catalog("SELECT t.name AS id FROM public.t", [ViewColumn(name: "id", type: .bigint)])
        #expect(SchemaDiff.findings(expected: want, actual: other).map(\.message) == ["view public.v: query differs"])
    }
}
