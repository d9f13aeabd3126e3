import Foundation

/// Foundation's key strategies, `.convertToSnakeCase` and `.convertFromSnakeCase`, rule for rule, so
/// snapshots keep their keys and old files keep reading.
enum JSONKeys {
    /// `.convertToSnakeCase`: words split where lowercase turns uppercase, a run of capitals is one word
    /// except its last capital when a lowercase letter follows (`myURLProperty` → `my_url_property`),
    /// each word lowercased, joined with `_`. The first character never starts a word.
    static func snakeCase(_ key: String) -> String {
        let scalars = Array(key.unicodeScalars)
        guard !scalars.isEmpty else { return key }
        func isUpper(_ s: Unicode.Scalar) -> Bool {
            let category = s.properties.generalCategory
            return category == .uppercaseLetter || category == .titlecaseLetter
        }
        func isLower(_ s: Unicode.Scalar) -> Bool { s.properties.generalCategory == .lowercaseLetter }
        var words: [Range<Int>] = []
        var wordStart = 0
        var searchStart = 1
        let end = scalars.count
        while let upper = (searchStart..<end).first(where: { isUpper(scalars[$0]) }) {
            words.append(wordStart..<upper)
            guard let lower = (upper..<end).first(where: { isLower(scalars[$0]) }) else {
                wordStart = upper
                searchStart = end
                break
            }
            if lower == upper + 1 {
                wordStart = upper
            } else {
                words.append(upper..<(lower - 1))
                wordStart = lower - 1
            }
            searchStart = lower + 1
        }
        words.append(wordStart..<end)
        return words.map { range in
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[range])
            return String(word).lowercased()
        }.joined(separator: "_")
    }

    /// `.convertFromSnakeCase`: leading and trailing underscores kept, the rest split on `_` (empty parts
    /// dropped); one part is kept as it is, else the first is lowercased and the others capitalized.
    static func camelCase(_ key: String) -> String {
        guard !key.isEmpty else { return key }
        guard let first = key.firstIndex(where: { $0 != "_" }) else { return key }
        var last = key.index(before: key.endIndex)
        while last > first && key[last] == "_" { key.formIndex(before: &last) }
        let middle = key[first...last]
        let parts = middle.split(separator: "_")
        let joined: String
        if parts.count == 1 {
            joined = String(middle)
        } else {
            joined = ([parts[0].lowercased()] + parts[1...].map { $0.capitalized }).joined()
        }
        return String(key[..<first]) + joined + String(key[key.index(after: last)...])
    }

    /// Whether the file's key `raw` (UTF-8, unescaped) names the coding key `name` under
    /// `.convertFromSnakeCase`. Keys of lowercase ASCII letters and inner underscores, which is every key
    /// pgdrift writes, are compared in place, most of them rejected at the first byte; any other key
    /// takes Foundation's rules through a string (digits too: `capitalized` turns `2d` into `2D`).
    @inline(__always)
    static func matches(raw: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = raw.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"),
            raw[raw.count - 1] != UInt8(ascii: "_")
        else { return slowMatches(raw: raw, name: name) }
        // Both conversions keep a leading lowercase letter, so a different one settles it.
        guard let nameFirst = name.first, nameFirst == first else { return false }
        var j = 0
        var upperNext = false
        for byte in raw {
            if byte == UInt8(ascii: "_") { upperNext = true; continue }
            guard byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") else { return slowMatches(raw: raw, name: name) }
            let expected = upperNext ? byte - 32 : byte
            upperNext = false
            // Every byte so far maps to one byte, so a difference here holds whatever follows.
            guard j < name.count, name[j] == expected else { return false }
            j += 1
        }
        return j == name.count
    }

    static func slowMatches(raw: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>) -> Bool {
        camelCase(String(decoding: raw, as: UTF8.self)).utf8.elementsEqual(name)
    }
}
