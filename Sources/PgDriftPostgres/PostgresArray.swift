/// Reads PostgreSQL's text output of a one-dimensional array: `{a,"b c",NULL,"q\"uote"}`.
///
/// This is the array I/O format of `array_out`, not SQL: elements are quoted when they hold
/// delimiters, braces, quotes, backslashes or spaces, and backslash escapes the next character.
package enum PostgresArray {
    /// The elements, nil for an unquoted NULL.
    package static func parse(_ text: String) throws -> [String?] {
        var bytes = Array(text.utf8)[...]
        // A lower bound decoration such as "[0:1]={...}" precedes non-default bounds.
        if bytes.first == UInt8(ascii: "["), let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
            bytes = bytes[(equals + 1)...]
        }
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else {
            throw PostgresError(kind: .protocolViolation, message: "not an array literal: \(text)")
        }
        bytes = bytes.dropFirst().dropLast()
        var elements: [String?] = []
        var current: [UInt8] = []
        var quoted = false
        var inQuotes = false
        var escaped = false
        var sawAny = false
        for byte in bytes {
            sawAny = true
            if escaped {
                current.append(byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                quoted = true
            } else if byte == UInt8(ascii: ","), !inQuotes {
                elements.append(finish(current, quoted: quoted))
                current = []
                quoted = false
            } else {
                current.append(byte)
            }
        }
        if sawAny { elements.append(finish(current, quoted: quoted)) }
        return elements
    }

    private static func finish(_ bytes: [UInt8], quoted: Bool) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        if !quoted && text == "NULL" { return nil }
        return text
    }
}

extension PostgresArray {
    /// Writes a text array literal for binding as a parameter: every element double-quoted, with
    /// backslashes and quotes escaped, so any name round-trips.
    package static func literal(_ elements: [String]) -> String {
        let quoted = elements.map { element -> String in
            var out = "\""
            for char in element {
                if char == "\"" || char == "\\" { out.append("\\") }
                out.append(char)
            }
            return out + "\""
        }
        return "{" + quoted.joined(separator: ",") + "}"
    }
}
