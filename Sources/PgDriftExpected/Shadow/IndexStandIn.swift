import PgDriftSQL

/// `CREATE INDEX … USING hnsw (…) WITH (m = 16)` on a stood-in access method: GiST's code, under the
/// method, refuses options it does not know, so the statement runs without its `WITH (…)` — cut out
/// along PostgreSQL's own tokens — and the options are put back into the catalog read afterwards, as
/// the server keeps them (`m=16`).
enum IndexStandIn {
    /// The statement's text without its `WITH (…)`, and the options; nil when it has none.
    static func withoutOptions(_ text: String, statementOffset: Int, node: ParseNode) throws -> (sql: String, options: [String])? {
        let definitions = (node["options"]?.elements ?? []).compactMap { $0.node("DefElem") }
        guard let first = definitions.first?["location"]?.int else { return nil }
        let optionStart = first - statementOffset
        let tokens = try SQLTokens.scan(text)
        // The `(` just before the first option, `WITH` before it, and the `)` that closes it.
        guard let open = tokens.lastIndex(where: { SQLTokens.openers.contains($0.kind) && $0.end <= optionStart }), open > 0,
            tokens[open - 1].keyword == "with"
        else { return nil }
        var depth = 0
        var close: Int?
        for index in open..<tokens.count {
            if SQLTokens.openers.contains(tokens[index].kind) { depth += 1 }
            if SQLTokens.closers.contains(tokens[index].kind) { depth -= 1 }
            if depth == 0 {
                close = index
                break
            }
        }
        guard let close else { return nil }
        let bytes = Array(text.utf8)
        let sql = String(decoding: bytes[..<tokens[open - 1].start] + bytes[tokens[close].end...], as: UTF8.self)
        let options = definitions.map { definition -> String in
            let name = definition["defname"]?.string ?? ""
            let argument = definition["arg"]
            let value = argument?.node("Integer")?["ival"]?.int.map(String.init)
                ?? argument?.node("Float")?["fval"]?.string
                ?? argument?.node("String")?["sval"]?.string
                ?? argument?.node("Boolean").map { $0["boolval"]?.bool == true ? "true" : "false" }
                ?? "true"
            return "\(name)=\(value)"
        }
        return (sql, options)
    }
}
