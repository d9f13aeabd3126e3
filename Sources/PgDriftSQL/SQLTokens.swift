import CPgQuery

/// PostgreSQL's own scanner, through libpg_query: the tokens of a text with their byte ranges.
package enum SQLTokens {
    /// One token: its kind (libpg_query's `Token` enum: an ASCII code for one-character tokens,
    /// 258 to 276 for the named ones such as identifiers, constants and comments) and its byte range.
    /// Keywords are numbered from 277 in alphabetical order, so their numbers move whenever a
    /// PostgreSQL version adds one (`AS` is 294 in 15's grammar, 295 in 18's): a keyword is known by
    /// its text, `keyword`, never by its number.
    package struct Token: Hashable, Sendable {
        /// The token's number in libpg_query's `Token` enum.
        package var kind: Int
        /// Byte offset of the token's first byte.
        package var start: Int
        /// Byte offset just past the token's last byte.
        package var end: Int
        /// The keyword, lowercased (`with`, `as`), when the token is one; nil otherwise.
        package var keyword: String?

        package init(kind: Int, start: Int, end: Int, keyword: String? = nil) {
            self.kind = kind
            self.start = start
            self.end = end
            self.keyword = keyword
        }
    }

    /// `:=`, `=`, `(`, `)`, `[`, `]` in libpg_query's `Token` enum (the same numbers in every version).
    static let colonEquals = 270
    /// An integer constant.
    package static let integerConstant = 266
    static let equals = 61
    package static let openers: Set<Int> = [40, 91]
    package static let closers: Set<Int> = [41, 93]

    /// `-- comment` and `/* comment */`.
    package static let comments: Set<Int> = [275, 276]
    /// `-- comment`.
    package static let lineComment = 275
    /// `;`.
    static let semicolon = 59

    /// The text of every token but comments and semicolons, lowercased where case means nothing: what
    /// two layouts of the same statements share (Supabase's history keeps a file's statements one by one).
    package static func words(_ text: String) throws -> [Substring] {
        let bytes = Array(text.utf8)
        return try scan(text).compactMap { token in
            guard !comments.contains(token.kind), token.kind != semicolon else { return nil }
            let text = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
            // Keywords and unquoted names are the same in any case; quoted text is not.
            return Substring(text.contains(where: { $0 == "'" || $0 == "\"" || $0 == "$" }) ? text : text.lowercased())
        }
    }

    /// The tokens of `text`.
    package static func scan(_ text: String) throws -> [Token] {
        let result = pg_query_scan(text)
        defer { pg_query_free_scan_result(result) }
        if let error = result.error {
            throw SQLSyntaxError(error.pointee, in: text)
        }
        guard let data = result.pbuf.data, result.pbuf.len > 0 else { return [] }
        let bytes = UnsafeRawBufferPointer(start: data, count: Int(result.pbuf.len))
        return ScanResultDecoder(bytes: Array(bytes)).tokens(of: text)
    }

    /// Where the value of a PL/pgSQL assignment (`target := value` or `target = value`) starts: just
    /// after the first `:=` or `=` outside brackets. Nil when there is none.
    package static func assignmentValueOffset(_ text: String) throws -> Int? {
        var depth = 0
        for token in try scan(text) {
            if openers.contains(token.kind) { depth += 1 }
            if closers.contains(token.kind) { depth -= 1 }
            if depth == 0 && (token.kind == colonEquals || token.kind == equals) { return token.end }
        }
        return nil
    }
}

/// Reads libpg_query's `ScanResult` protobuf message (`repeated ScanToken tokens = 2`, each with
/// `start = 1`, `end = 2`, `token = 4`, `keyword_kind = 5`): only varints and length-delimited fields occur.
private struct ScanResultDecoder {
    let bytes: [UInt8]

    func tokens(of text: String) -> [SQLTokens.Token] {
        var tokens: [SQLTokens.Token] = []
        let textBytes = Array(text.utf8)
        forEachField(in: 0..<bytes.count) { field, value in
            if field == 2, case .bytes(let range) = value {
                var token = SQLTokens.Token(kind: 0, start: 0, end: 0)
                var isKeyword = false
                forEachField(in: range) { field, value in
                    guard case .varint(let number) = value else { return }
                    switch field {
                    case 1: token.start = Int(number)
                    case 2: token.end = Int(number)
                    case 4: token.kind = Int(number)
                    case 5: isKeyword = number != 0
                    default: break
                    }
                }
                if isKeyword, token.start < token.end, token.end <= textBytes.count {
                    token.keyword = String(decoding: textBytes[token.start..<token.end], as: UTF8.self).lowercased()
                }
                tokens.append(token)
            }
        }
        return tokens
    }

    private enum FieldValue {
        case varint(UInt64)
        case bytes(Range<Int>)
    }

    private func forEachField(in range: Range<Int>, _ body: (Int, FieldValue) -> Void) {
        var position = range.lowerBound
        while position < range.upperBound {
            guard let key = varint(&position, limit: range.upperBound) else { return }
            let field = Int(key >> 3)
            switch key & 7 {
            case 0:
                guard let number = varint(&position, limit: range.upperBound) else { return }
                body(field, .varint(number))
            case 2:
                guard let length = varint(&position, limit: range.upperBound),
                    position + Int(length) <= range.upperBound
                else { return }
                body(field, .bytes(position..<position + Int(length)))
                position += Int(length)
            case 5: position += 4
            case 1: position += 8
            default: return
            }
        }
    }

    private func varint(_ position: inout Int, limit: Int) -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < limit, shift < 64 {
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        return nil
    }
}
