/// psql's backslash commands in a SQL file (`\restrict`, `\connect`, `\set`, `\echo`): not SQL, so
/// neither libpg_query nor the server takes them. pg_dump writes `\restrict KEY` and `\unrestrict KEY`
/// around every dump since 15.14. They are blanked (spaces, lines kept) where PostgreSQL's own scanner
/// finds a backslash first on its line outside any string, so byte offsets and line numbers still
/// point into the file as written.
public enum PsqlMetaCommands {
    public static func blanked(_ sql: String) -> String {
        var bytes = Array(sql.utf8)
        // Most files have none: no scan then.
        guard bytes.first == 0x5C || bytes.indices.dropFirst().contains(where: { bytes[$0] == 0x5C && bytes[$0 - 1] == 0x0A }) else {
            return sql
        }
        guard let tokens = try? SQLTokens.scan(sql) else { return sql }
        var changed = false
        for token in tokens where token.kind == 0x5C && (token.start == 0 || bytes[token.start - 1] == 0x0A) {
            var i = token.start
            while i < bytes.count, bytes[i] != 0x0A {
                bytes[i] = 0x20
                i += 1
            }
            changed = true
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : sql
    }
}
