/// The part of TOML a pgdrift.toml needs: `key = "string"`, `key = true`, `key = ["a", "b"]` (over several
/// lines if wanted), `[table]` headers and `#` comments. Anything else — numbers, dates, inline tables,
/// dotted keys, multi-line strings — is refused with its line, never misread. (A full TOML package would
/// bring a C++ parser into the build for these few forms.)
enum TOMLSubset {
    static func read(_ text: String, file: String) throws(ConfigurationError) -> [ConfigurationEntry] {
        var scanner = TOMLScanner(text: Array(text.unicodeScalars), file: file)
        var entries: [ConfigurationEntry] = []
        var table: ConfigurationEntry?
        var tableRows: [ConfigurationEntry] = []
        var seen = Set<String>()
        func closeTable() {
            if var open = table {
                open.value = .table(tableRows)
                entries.append(open)
            }
        }
        while true {
            scanner.skipBlankLinesAndComments()
            guard let next = scanner.peek else { break }
            let line = scanner.line
            if next == "[" {
                scanner.advance()
                if scanner.peek == "[" { throw scanner.error("arrays of tables ([[...]]) are not supported") }
                scanner.skipSpaces()
                let name = try scanner.key()
                scanner.skipSpaces()
                guard scanner.take("]") else { throw scanner.error("expected ']' after the table name '\(name)'") }
                try scanner.endOfLine()
                closeTable()
                guard seen.insert(name).inserted else { throw scanner.error("'\(name)' is defined twice", line: line) }
                table = ConfigurationEntry(key: name, value: .table([]), line: line)
                tableRows = []
            } else {
                let key = try scanner.key()
                scanner.skipSpaces()
                if scanner.peek == "." { throw scanner.error("dotted keys are not supported; use a [table] header") }
                guard scanner.take("=") else { throw scanner.error("expected '=' after '\(key)'") }
                scanner.skipSpaces()
                let entry = ConfigurationEntry(key: key, value: try scanner.value(), line: line)
                try scanner.endOfLine()
                if table != nil {
                    guard !tableRows.contains(where: { $0.key == key }) else { throw scanner.error("'\(key)' is set twice", line: line) }
                    tableRows.append(entry)
                } else {
                    guard seen.insert(key).inserted else { throw scanner.error("'\(key)' is set twice", line: line) }
                    entries.append(entry)
                }
            }
        }
        closeTable()
        return entries
    }
}

/// A cursor over the file's characters that knows its line.
private struct TOMLScanner {
    let text: [Unicode.Scalar]
    let file: String
    var index = 0
    var line = 1

    var peek: Unicode.Scalar? { index < text.count ? text[index] : nil }

    mutating func advance() {
        if text[index] == "\n" { line += 1 }
        index += 1
    }

    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard peek == scalar else { return false }
        advance()
        return true
    }

    func error(_ message: String, line: Int? = nil) -> ConfigurationError {
        ConfigurationError(file: file, line: line ?? self.line, message: message)
    }

    mutating func skipSpaces() { while peek == " " || peek == "\t" { advance() } }

    mutating func skipComment() { if peek == "#" { while let next = peek, next != "\n" { advance() } } }

    /// Spaces, comments and line ends, as between entries or between a list's items.
    mutating func skipBlankLinesAndComments() {
        while true {
            skipSpaces()
            skipComment()
            if peek == "\r" && index + 1 < text.count && text[index + 1] == "\n" { advance() }
            guard take("\n") else { return }
        }
    }

    /// After a value or header: spaces, maybe a comment, then the end of the line.
    mutating func endOfLine() throws(ConfigurationError) {
        skipSpaces()
        skipComment()
        _ = take("\r")
        guard peek == nil || take("\n") else { throw error("unexpected text after the value") }
    }

    mutating func key() throws(ConfigurationError) -> String {
        if peek == "\"" || peek == "'" { return try string() }
        var key = ""
        while let next = peek, ("a"..."z").contains(next) || ("A"..."Z").contains(next)
            || next == "_" || next == "-" || ("0"..."9").contains(next) {
            key.unicodeScalars.append(next)
            advance()
        }
        guard !key.isEmpty else { throw error("expected a key") }
        return key
    }

    mutating func value() throws(ConfigurationError) -> ConfigurationEntry.Value {
        switch peek {
        case "\"", "'": return .string(try string())
        case "[": return .list(try list())
        case "{": throw error("inline tables are not supported; use a [table] header")
        default:
            var word = ""
            while let next = peek, next != " ", next != "\t", next != "\n", next != "\r", next != "#", next != "," {
                word.unicodeScalars.append(next)
                advance()
            }
            if word == "true" || word == "false" { return .bool(word == "true") }
            // A whole number (`jobs = 8`) is kept as its text; the key decides whether it may be one.
            if !word.isEmpty, word.allSatisfy(\.isNumber) { return .string(word) }
            throw error(word.isEmpty ? "expected a value" : "unsupported value '\(word)': use a quoted string, a number, true/false or a list of strings")
        }
    }

    /// `["a", 'b',]`: strings only, newlines and comments allowed between items.
    mutating func list() throws(ConfigurationError) -> [String] {
        let start = line
        advance()
        var items: [String] = []
        while true {
            skipBlankLinesAndComments()
            if take("]") { return items }
            guard peek == "\"" || peek == "'" else {
                throw peek == nil ? error("unterminated list", line: start) : error("lists hold quoted strings only")
            }
            items.append(try string())
            skipBlankLinesAndComments()
            if take("]") { return items }
            guard take(",") else { throw peek == nil ? error("unterminated list", line: start) : error("expected ',' or ']' in the list") }
        }
    }

    /// A basic ("…", with escapes) or literal ('…') one-line string.
    mutating func string() throws(ConfigurationError) -> String {
        let quote = peek!
        advance()
        if peek == quote && index + 1 < text.count && text[index + 1] == quote {
            throw error("multi-line strings are not supported")
        }
        var out = ""
        while true {
            guard let next = peek, next != "\n" else { throw error("unterminated string") }
            advance()
            if next == quote { return out }
            guard quote == "\"" && next == "\\" else {
                out.unicodeScalars.append(next)
                continue
            }
            guard let escape = peek else { throw error("unterminated string") }
            advance()
            switch escape {
            case "\"", "\\": out.unicodeScalars.append(escape)
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "b": out += "\u{08}"
            case "f": out += "\u{0C}"
            case "u", "U":
                let count = escape == "u" ? 4 : 8
                var hex = ""
                for _ in 0..<count {
                    guard let digit = peek, digit.properties.isASCIIHexDigit else { throw error("bad \\\(escape) escape") }
                    hex.unicodeScalars.append(digit)
                    advance()
                }
                guard let scalar = UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) else { throw error("bad \\\(escape) escape") }
                out.unicodeScalars.append(scalar)
            default: throw error("unknown escape \\\(escape)")
            }
        }
    }
}
