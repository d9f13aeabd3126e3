/// The one place where identifiers and literals become SQL text.
///
/// Every writer of SQL in pgdrift goes through these two functions, so a hostile name such as
/// `x"; DROP TABLE t; --` can never escape its quotes.
public enum SQLQuote {
    /// Quotes an identifier when PostgreSQL would not read it back unchanged: anything but lower-case
    /// ASCII letters, digits and underscores (not starting with a digit), and every reserved keyword.
    /// Embedded double quotes are doubled.
    public static func identifier(_ name: String) -> String {
        if isPlainIdentifier(name) { return name }
        return "\"" + name.replacingAll("\"", with: "\"\"") + "\""
    }

    /// Quotes a string literal. Single quotes are doubled; a literal holding a backslash uses the
    /// `E''` form with the backslash doubled, so it reads the same whatever `standard_conforming_strings` is.
    public static func literal(_ value: String) -> String {
        let body = value.replacingAll("'", with: "''")
        if value.contains("\\") {
            return "E'" + body.replacingAll("\\", with: "\\\\") + "'"
        }
        return "'" + body + "'"
    }

    /// Dollar-quotes a body (a function's, a DO block's) with a tag the body does not contain.
    public static func dollarQuoted(_ body: String, tag: String = "body") -> String {
        var delimiter = "$\(tag)$"
        var counter = 0
        while body.contains(delimiter) {
            counter += 1
            delimiter = "$\(tag)\(counter)$"
        }
        return delimiter + body + delimiter
    }

    /// Quotes a qualified name, each part on its own.
    public static func qualified(_ name: QualifiedName) -> String {
        identifier(name.schema) + "." + identifier(name.name)
    }

    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, !name.isEmpty else { return false }
        if first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") { return false }
        for byte in name.utf8 {
            let ok = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_")
            if !ok { return false }
        }
        return !SQLKeywords.needQuoting.contains(name)
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for ch in self {
            if ch == target { out += replacement } else { out.append(ch) }
        }
        return out
    }
}
