/// What `pgdrift explain NAME` asks about: `table`, `table.column` or `schema.table.column`, each
/// part an SQL identifier — unquoted parts fold to lower case as PostgreSQL folds them, quoted parts
/// (`"Total_Play_Count"`, with `""` for a quote) are taken as written.
public struct ObjectName: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The parts after folding, as the catalog would store them.
    public var parts: [String]
    /// Which parts were written in double quotes.
    public var quoted: [Bool]
    /// The text as given.
    public var text: String

    /// Reads NAME; a malformed one (empty part, unterminated quote, a character an unquoted name cannot
    /// hold, more than three parts) throws with one line saying why.
    public static func parse(_ text: String) throws -> ObjectName {
        var parts: [String] = []
        var quoted: [Bool] = []
        var characters = Array(text)[...]
        while true {
            if characters.first == "\"" {
                characters = characters.dropFirst()
                var part = ""
                while true {
                    guard let next = characters.first else { throw ObjectNameError(text, "unterminated quoted name") }
                    characters = characters.dropFirst()
                    if next == "\"" {
                        guard characters.first == "\"" else { break }
                        characters = characters.dropFirst()
                    }
                    part.append(next)
                }
                guard !part.isEmpty else { throw ObjectNameError(text, "empty quoted name") }
                parts.append(part)
                quoted.append(true)
            } else {
                let part = String(characters.prefix { $0 != "." && $0 != "\"" })
                characters = characters.dropFirst(part.count)
                guard !part.isEmpty else { throw ObjectNameError(text, "empty name part") }
                guard let first = part.first, first.isLetter || first == "_",
                    part.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" })
                else {
                    throw ObjectNameError(text, "'\(part)' is not a plain name (write it in double quotes)")
                }
                parts.append(Self.fold(part))
                quoted.append(false)
            }
            guard let next = characters.first else { break }
            guard next == "." else { throw ObjectNameError(text, "expected '.' between name parts") }
            characters = characters.dropFirst()
        }
        guard parts.count <= 3 else { throw ObjectNameError(text, "use table, table.column or schema.table.column") }
        return ObjectName(parts: parts, quoted: quoted, text: text)
    }

    /// PostgreSQL folds unquoted identifiers to lower case, ASCII letters only.
    static func fold(_ name: String) -> String {
        String(name.unicodeScalars.map { $0.value >= 65 && $0.value <= 90 ? Character(Unicode.Scalar($0.value + 32)!) : Character($0) })
    }

    /// The name as given.
    public var description: String { text }
}

/// A NAME `explain` cannot read (exit 2).
public struct ObjectNameError: Error, Sendable, CustomStringConvertible, Equatable {
    /// `invalid name '<text>': <reason>`, one line.
    public var description: String

    init(_ text: String, _ reason: String) {
        description = "invalid name '\(text)': \(reason)"
    }
}
