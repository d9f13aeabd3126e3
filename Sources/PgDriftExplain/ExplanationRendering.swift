import Foundation
import PgDriftModel

extension Explanation {
    /// For people: a headline, then the database's and the expected schema's answers, the reasons,
    /// similar names and what uses it.
    public var text: String {
        var lines: [String] = []
        if let object = database.object {
            lines.append("\(name): \(object.column == nil ? object.relationKind ?? "table" : "column") \(object) exists")
        } else {
            lines.append("\(name): no such \(kind.rawValue) in the database")
        }
        func section(_ label: String, _ entries: [String]) {
            let pad = String(repeating: " ", count: 12)
            for (index, entry) in entries.enumerated() {
                lines.append((index == 0 ? "  " + label.padding(toLength: 10, withPad: " ", startingAt: 0) : pad) + entry)
            }
        }
        let path = database.searchPath.isEmpty ? "empty search_path" : "search_path \(database.searchPath.joined(separator: ", "))"
        let session = "\(database.connection), role \(database.role), \(path)"
        if let object = database.object {
            section("database", ["\(describe(object)) — \(session)"])
        } else {
            section("database", ["not found — \(session)"])
        }
        if let object = expected.object, expected.exists {
            section("expected", ["\(describe(object)) — \(expected.source)" + (expected.location.map { ", \($0)" } ?? "")]
                + (expected.migration.map { [$0.says] } ?? []))
        } else {
            section("expected", ["not in the expected schema — \(expected.source)"])
        }
        section("why", reasons.map { "- " + $0.message })
        if database.object == nil {
            section("similar", similar.isEmpty ? ["nothing alike"] : similarLines)
        }
        section("used by", referencedBy.isEmpty ? ["nothing found"] : referencedBy.map(describe))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Key-sorted, pretty JSON: stable for scripts.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// One line per similar name: where it is (tables, then views), and what it shares with NAME.
    private var similarLines: [String] {
        var order: [String] = []
        var groups: [String: [SimilarName]] = [:]
        for candidate in similar {
            let name = candidate.object.column ?? candidate.object.table
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(candidate)
        }
        return order.map { name in
            let group = groups[name]!
            let places = group.map { candidate in
                let object = candidate.object
                let relation = ObjectRef(schema: object.schema, table: object.table).description
                if object.column == nil { return "\(object.relationKind ?? "table") \(relation)" }
                return "\(relation)\(object.relationKind.map { $0 == "table" ? "" : " (\($0))" } ?? "")"
            }
            let shared = group[0].sharedParts.isEmpty ? "" : " — shares \(group[0].sharedParts.joined(separator: ", "))"
            let label = group[0].object.column == nil ? places.joined(separator: ", ") : "\(SQLQuote.identifier(name)) in \(places.joined(separator: ", "))"
            return label + shared
        }
    }

    private func describe(_ object: ObjectRef) -> String {
        let kind = object.column == nil ? (object.relationKind ?? "table") : "column"
        return "\(kind) \(object)" + (object.type.map { " \($0)" } ?? "")
    }

    private func describe(_ referrer: Referrer) -> String {
        // Views and functions come qualified already; a trigger's, policy's, index's name is quoted where SQL needs it.
        let name = [.view, .materializedView, .function].contains(referrer.kind) ? referrer.name : SQLQuote.identifier(referrer.name)
        var text = "\(referrer.kind.rawValue.replacingOccurrences(of: "_", with: " ")) \(name)"
        if let table = referrer.table { text += " on \(table)" }
        if let lines = referrer.lines, !lines.isEmpty {
            text += lines.count == 1 ? " (line \(lines[0]))" : " (lines \(lines.map(String.init).joined(separator: ", ")))"
        }
        if let detail = referrer.detail { text += ": \(detail)" }
        return text
    }
}
