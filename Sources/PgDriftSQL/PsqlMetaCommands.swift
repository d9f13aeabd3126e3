/// psql's backslash commands in a SQL file (`\restrict`, `\connect`, `\set`, `\echo`): not SQL, so
/// neither libpg_query nor the server takes them. pg_dump writes `\restrict KEY` and `\unrestrict KEY`
/// around every dump since 15.14. They are blanked (spaces, lines kept) where a line starts with a
/// backslash outside any string, body or comment, so byte offsets and line numbers still point into
/// the file as written.
package enum PsqlMetaCommands {
    package static func blanked(_ sql: String) -> String {
        let original = Array(sql.utf8)
        // The lines that start with a backslash; most files have none, and are not scanned.
        var candidates: [Range<Int>] = []
        var lineStart = 0
        for i in 0...original.count where i == original.count || original[i] == 0x0A {
            if lineStart < i, original[lineStart] == 0x5C { candidates.append(lineStart..<i) }
            lineStart = i + 1
        }
        guard !candidates.isEmpty else { return sql }
        // Blank them all (a command's argument may not scan: `\restrict 0Bs0...` is a bad number to
        // PostgreSQL's scanner), then put back any that PostgreSQL's scanner finds inside a string, a
        // dollar-quoted body or a comment.
        var bytes = original
        for line in candidates { for i in line { bytes[i] = 0x20 } }
        guard let tokens = try? SQLTokens.scan(String(decoding: bytes, as: UTF8.self)) else { return sql }
        var restored = false
        var next = 0
        for line in candidates {
            while next < tokens.count, tokens[next].end <= line.lowerBound { next += 1 }
            if next < tokens.count, tokens[next].start < line.lowerBound {
                for i in line { bytes[i] = original[i] }
                restored = true
            }
        }
        let result = String(decoding: bytes, as: UTF8.self)
        // A restored line could change how the text around it scans; then leave the file as written.
        if restored, (try? SQLTokens.scan(result)) == nil { return sql }
        return result
    }
}
