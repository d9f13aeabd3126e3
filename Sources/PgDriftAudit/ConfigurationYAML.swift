import Foundation
import PgDriftDiff
import PgDriftExpected
import PgDriftIntrospection
import PgDriftModel
import PgDriftPlanner
import PgDriftPostgres
import PgDriftReports
import PgDriftSQL

/// The part of YAML a pgdrift.yml needs: top-level `key: value` lines, lists as `[a, b]` or `- a` lines,
/// one nested mapping level (`severity:` then indented `kind: level`), quotes and `#` comments. Anchors,
/// tags, block scalars and deeper nesting are refused with their line. Plain words stay text (`off` is
/// the string "off", as the severity table wants, not YAML 1.1's false); only true/false are booleans.
enum YAMLSubset {
    static func read(_ text: String, file: String) throws(ConfigurationError) -> [ConfigurationEntry] {
        var entries: [ConfigurationEntry] = []
        // The top-level key whose value is the indented block below it.
        var open: (key: String, line: Int, items: [String]?, rows: [ConfigurationEntry]?, indent: Int?)?
        func fail(_ line: Int, _ message: String) -> ConfigurationError {
            ConfigurationError(file: file, line: line, message: message)
        }
        func close() throws(ConfigurationError) {
            guard let block = open else { return }
            if let items = block.items {
                entries.append(ConfigurationEntry(key: block.key, value: .list(items), line: block.line))
            } else if let rows = block.rows {
                entries.append(ConfigurationEntry(key: block.key, value: .table(rows), line: block.line))
            } else {
                throw fail(block.line, "'\(block.key)' has no value")
            }
            open = nil
        }

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            let content = withoutComment(Substring(raw))
            guard let first = content.firstIndex(where: { $0 != " " && $0 != "\t" }) else { continue }
            if content[..<first].contains("\t") { throw fail(number, "tabs cannot indent YAML; use spaces") }
            let indent = content.distance(from: content.startIndex, to: first)
            let body = content[first...]
            if indent == 0 && (body == "---" || body == "...") {
                guard entries.isEmpty && open == nil && body == "---" else { throw fail(number, "one document only") }
                continue
            }
            if body.hasPrefix("- ") || body == "-", var block = open, block.rows == nil, block.indent == nil || block.indent == indent {
                // A list item under the open key (YAML allows it at the key's own indentation).
                guard case .string(let item) = try scalar(body.dropFirst().drop { $0 == " " }, fail: { fail(number, $0) }) else {
                    throw fail(number, "list items must be strings")
                }
                block.indent = indent
                block.items = (block.items ?? []) + [item]
                open = block
                continue
            }
            let (key, rest) = try split(body, fail: { fail(number, $0) })
            if indent == 0 {
                try close()
                guard !entries.contains(where: { $0.key == key }) else { throw fail(number, "'\(key)' is set twice") }
                if rest.isEmpty {
                    open = (key, number, nil, nil, nil)
                } else {
                    entries.append(ConfigurationEntry(key: key, value: try inline(rest, fail: { fail(number, $0) }), line: number))
                }
                continue
            }
            guard var block = open, block.items == nil else { throw fail(number, "unexpected indentation") }
            guard block.indent == nil || block.indent == indent else { throw fail(number, "inconsistent indentation") }
            guard !rest.isEmpty else { throw fail(number, "'\(key)' has no value (only one level of nesting is supported)") }
            guard !(block.rows ?? []).contains(where: { $0.key == key }) else { throw fail(number, "'\(key)' is set twice") }
            block.indent = indent
            block.rows = (block.rows ?? []) + [ConfigurationEntry(key: key, value: try inline(rest, fail: { fail(number, $0) }), line: number)]
            open = block
        }
        try close()
        return entries
    }

    /// `key: rest` (the key plain or quoted).
    static func split(_ body: Substring, fail: (String) -> ConfigurationError) throws(ConfigurationError) -> (String, Substring) {
        var index = body.startIndex
        while index < body.endIndex {
            if body[index] == ":" {
                let after = body.index(after: index)
                if after == body.endIndex || body[after] == " " {
                    var key = body[..<index].trimmingSuffix(" ")
                    if key.count >= 2, let quote = key.first, quote == "\"" || quote == "'", key.last == quote {
                        key = key.dropFirst().dropLast()
                    }
                    guard !key.isEmpty else { break }
                    return (String(key), body[after...].drop { $0 == " " })
                }
            }
            index = body.index(after: index)
        }
        throw fail("expected 'key: value'")
    }

    /// A value on the key's line: a flow list `[a, "b"]` or a scalar.
    static func inline(_ text: Substring, fail: (String) -> ConfigurationError) throws(ConfigurationError) -> ConfigurationEntry.Value {
        guard text.first == "[" else { return try scalar(text, fail: fail) }
        guard text.last == "]" else { throw fail("unterminated list") }
        var items: [String] = []
        var rest = text.dropFirst().dropLast().drop { $0 == " " }
        while !rest.isEmpty {
            var end = rest.startIndex
            if let quote = rest.first, quote == "\"" || quote == "'" {
                // Past the closing quote: \" does not close a double-quoted item, '' does not close a single-quoted one.
                end = rest.index(after: end)
                while true {
                    guard end < rest.endIndex else { throw fail("unterminated string") }
                    let char = rest[end]
                    end = rest.index(after: end)
                    if quote == "\"" && char == "\\" && end < rest.endIndex { end = rest.index(after: end); continue }
                    if char == quote && quote == "'" && end < rest.endIndex && rest[end] == "'" { end = rest.index(after: end); continue }
                    if char == quote { break }
                }
            } else {
                end = rest.firstIndex(of: ",") ?? rest.endIndex
            }
            guard case .string(let item) = try scalar(rest[..<end].trimmingSuffix(" "), fail: fail) else {
                throw fail("lists hold strings only")
            }
            items.append(item)
            rest = rest[end...].drop { $0 == " " }
            guard rest.isEmpty || rest.first == "," else { throw fail("expected ',' between list items") }
            rest = rest.dropFirst().drop { $0 == " " }
        }
        return .list(items)
    }

    /// A quoted string, true/false, or plain text.
    static func scalar(_ text: Substring, fail: (String) -> ConfigurationError) throws(ConfigurationError) -> ConfigurationEntry.Value {
        guard let first = text.first else { throw fail("expected a value") }
        switch first {
        case "\"", "'":
            guard text.count >= 2, text.last == first else { throw fail("unterminated string") }
            let inner = text.dropFirst().dropLast()
            return .string(first == "'" ? inner.replacingOccurrences(of: "''", with: "'") : try unescape(inner, fail: fail))
        case "{": throw fail("flow mappings ({...}) are not supported; write one key per line")
        case "[": throw fail("nested lists are not supported")
        case "|", ">": throw fail("block scalars (| and >) are not supported")
        case "&", "*", "!": throw fail("anchors, aliases and tags are not supported")
        default:
            switch text {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            case "~", "null", "Null", "NULL": throw fail("expected a value, not null")
            default: return .string(String(text))
            }
        }
    }

    static func unescape(_ text: Substring, fail: (String) -> ConfigurationError) throws(ConfigurationError) -> String {
        var out = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let next = scalars.next() {
            guard next == "\\" else {
                out.unicodeScalars.append(next)
                continue
            }
            switch scalars.next() {
            case "\\": out += "\\"
            case "\"": out += "\""
            case "/": out += "/"
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "u":
                var hex = ""
                for _ in 0..<4 { if let digit = scalars.next() { hex.unicodeScalars.append(digit) } }
                guard let scalar = UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) else { throw fail("bad \\u escape") }
                out.unicodeScalars.append(scalar)
            case let other: throw fail("unknown escape \\\(other.map(String.init) ?? "")")
            }
        }
        return out
    }

    /// The line without its comment (`#` at the start or after a space, outside quotes) and trailing spaces.
    static func withoutComment(_ line: Substring) -> Substring {
        var quote: Character?
        var previous: Character = " "
        var index = line.startIndex
        while index < line.endIndex {
            let char = line[index]
            if let open = quote {
                if char == open && !(open == "\"" && previous == "\\") { quote = nil }
            } else if char == "\"" || char == "'" {
                if previous == " " || previous == "[" || previous == "," || previous == ":" || previous == "-" { quote = char }
            } else if char == "#" && (previous == " " || previous == "\t") {
                return line[..<index].trimmingSuffix(" ")
            }
            previous = char
            index = line.index(after: index)
        }
        return line.trimmingSuffix(" ")
    }
}

extension Substring {
    fileprivate func trimmingSuffix(_ character: Character) -> Substring {
        var end = endIndex
        while end > startIndex && (self[index(before: end)] == character || self[index(before: end)] == "\r") { end = index(before: end) }
        return self[startIndex..<end]
    }
}
