import PgDriftPostgres

/// The text of check constraints, deparsed once per distinct expression.
///
/// Deparsing a check makes the server open its table (to name its columns), and in a fresh session
/// that means building the table's cache entry: 30 µs a check, 0.3 s of server time at 10,000 checks,
/// where pg_dump-generated or tenant-like schemas repeat a handful of expressions. Two checks whose
/// stored trees are equal (source positions aside) and whose named columns have the same names print
/// the same text, so only one of each such group is deparsed. Its parameter is what the constraints
/// query returned, so it is one query whatever the schema's size.
package enum CheckExpressionsQuery {
    static let sql = """
        SELECT r.ord, pg_catalog.pg_get_expr(con.conbin, con.conrelid) AS expression
        FROM unnest($1::oid[]) WITH ORDINALITY AS r(oid, ord)
        JOIN pg_catalog.pg_constraint con ON con.oid = r.oid
        """

    /// What makes two checks print alike: the tree without its source positions, and the names of the
    /// columns it refers to (or the relation itself, when it refers to a whole row or a system column).
    struct Key: Hashable {
        var tree: String
        var columns: [String]
        var relation: UInt32?
    }

    /// The distinct expressions to deparse (one representative constraint each) and, for each entry, the
    /// index of its expression among them (nil for entries that are not checks).
    static func groups(
        _ entries: [ConstraintsQuery.Entry], names: (_ numbers: [Int], _ relation: UInt32) throws -> [String]
    ) -> (representatives: [UInt32], expressionOf: [Int?]) {
        var representatives: [UInt32] = []
        var indexByKey: [Key: Int] = [:]
        var expressionOf = [Int?](repeating: nil, count: entries.count)
        for (position, entry) in entries.enumerated() {
            guard let tree = entry.checkTree else { continue }
            // Columns not read (a foreign table's) group by relation too.
            let columns = entry.checkNumbers.allSatisfy { $0 > 0 } ? try? names(entry.checkNumbers, entry.relationOID) : nil
            let key = Key(tree: withoutLocations(tree), columns: columns ?? [], relation: columns == nil ? entry.relationOID : nil)
            if let index = indexByKey[key] {
                expressionOf[position] = index
            } else {
                indexByKey[key] = representatives.count
                expressionOf[position] = representatives.count
                representatives.append(entry.oid)
            }
        }
        return (representatives, expressionOf)
    }

    static func parameters(_ representatives: [UInt32]) -> [String?] {
        [PostgresArray.literal(representatives.map { String($0) })]
    }

    /// Sets each check's expression from the deparsed representatives.
    static func complete(_ entries: inout [ConstraintsQuery.Entry], expressionOf: [Int?], result: QueryResult) throws {
        var texts = [String?](repeating: nil, count: result.rowCount)
        for row in result.rows {
            let ordinal = try row.int("ord")
            guard ordinal >= 1, ordinal <= texts.count else { continue }
            texts[ordinal - 1] = try row.string("expression")
        }
        for position in entries.indices {
            guard let index = expressionOf[position] else { continue }
            guard index < texts.count, let text = texts[index] else {
                throw PostgresError(kind: .protocolViolation, message: "check constraint \(entries[position].oid) was not deparsed")
            }
            entries[position].constraint.expression = text
            entries[position].checkTree = nil
        }
    }

    /// A stored tree (`nodeToString` text) without its ` :location N` fields: where the expression
    /// stood in its CREATE statement, which does not change its text. Inside the tree's tokens a space
    /// is always escaped, so the pattern cannot occur within a value.
    package static func withoutLocations(_ tree: String) -> String {
        let marker = Array(" :location ".utf8)
        var bytes = Array(tree.utf8)
        var kept = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == marker[0], index + marker.count <= bytes.count,
               bytes[index..<(index + marker.count)].elementsEqual(marker) {
                var end = index + marker.count
                if end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
                while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
                index = end
                continue
            }
            bytes[kept] = bytes[index]
            kept += 1
            index += 1
        }
        return String(decoding: bytes[..<kept], as: UTF8.self)
    }
}
