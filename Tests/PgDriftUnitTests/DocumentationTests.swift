import Foundation
import Testing

/// The article "Writing an expected schema" is built from a real example: every line of its code blocks
/// marked `// From expected-schema/AnalyticsSchema.swift` is a line of that file (compiled, and proven by
/// BuiltinSchemaTests to mean what the migrations build), in the same order.
@Suite struct DocumentationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theArticlesExamplesAreTheBuiltInModelsLines() throws {
        let article = try String(
            contentsOf: Self.repository.appendingPathComponent("Sources/PgDrift/PgDrift.docc/WritingAnExpectedSchema.md"), encoding: .utf8)
        let model = try String(contentsOf: Self.repository.appendingPathComponent("expected-schema/AnalyticsSchema.swift"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let marker = "// From expected-schema/AnalyticsSchema.swift"
        let blocks = article.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let excerpts = blocks.filter { $0.hasPrefix(marker) }
        #expect(excerpts.count == 4)
        for excerpt in excerpts {
            var position = model.startIndex
            for line in excerpt.split(separator: "\n").dropFirst().map(String.init) {
                let found = model[position...].firstIndex(of: line)
                #expect(found != nil, "not in expected-schema/AnalyticsSchema.swift (after line \(position + 1)): \(line)")
                position = (found ?? position) + 1
            }
        }
    }
}
