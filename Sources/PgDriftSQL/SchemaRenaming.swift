import PgDriftModel

/// Moves names from one schema to another inside SQL text, by PostgreSQL's own scanner: `tenant_7.t`
/// becomes `public.t`, and so does the `'tenant_7.t_id_seq'` a `::regclass` literal names. What is not a
/// qualified name (an index called `tenant_7_idx`, a comment) is left alone, and so is text the scanner
/// cannot read. Used to compare a tenant's schema with the template the expected schema describes.
package enum SchemaRenaming {
    /// The IDENT token and a string constant in libpg_query's `Token` enum; keywords number from 277.
    private static let identifier = 258
    private static let stringConstant = 261
    private static let firstKeyword = 277
    private static let dot = 46
    private static let typecast = 268

    /// `text` with every name qualified by `from` qualified by `to` instead.
    package static func rename(_ text: String, from: String, to: String) -> String {
        guard text.contains(from), let tokens = try? SQLTokens.scan(text) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        func replace(_ start: Int, _ end: Int, with replacement: String) {
            out += bytes[copied..<start]
            out += Array(replacement.utf8)
            copied = end
        }
        for (index, token) in tokens.enumerated() {
            let word = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
            if token.kind == identifier || token.kind >= firstKeyword, index + 1 < tokens.count, tokens[index + 1].kind == dot,
               unquoted(word) == from {
                replace(token.start, token.end, with: SQLQuote.identifier(to))
            } else if token.kind == stringConstant, word.hasPrefix("'"), index + 2 < tokens.count, tokens[index + 1].kind == typecast,
                      String(decoding: bytes[tokens[index + 2].start..<tokens[index + 2].end], as: UTF8.self).lowercased().hasPrefix("reg") {
                // A regclass or regproc literal: 'tenant_7.t_id_seq'::regclass, '"Tenant 7".t'::regclass.
                let body = String(word.dropFirst().dropLast())
                for prefix in [from + ".", "\"" + from.replacingOccurrences("\"", "\"\"") + "\"."] where body.hasPrefix(prefix) {
                    let renamed = SQLQuote.identifier(to).replacingOccurrences("'", "''") + "." + body.dropFirst(prefix.count)
                    replace(token.start, token.end, with: "'" + renamed + "'")
                    break
                }
            }
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// A name as PostgreSQL reads it: quotes removed (doubled ones undone), or folded to lower case.
    private static func unquoted(_ word: String) -> String {
        guard word.hasPrefix("\""), word.hasSuffix("\""), word.count >= 2 else { return word.lowercased() }
        return String(word.dropFirst().dropLast()).replacingOccurrences("\"\"", "\"")
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
