import PgDrift

/// `pg_dump --schema-only` as the completeness oracle of `check`: two databases' dumps differ exactly
/// when `check` reports something. A dump is compared statement by statement, in any order: it is cut
/// into the sections pg_dump heads with `-- Name: x; Type: T; Schema: s; Owner: -`, each kept as its
/// lines without comments, settings (`SET`, `set_config`), `\restrict` and blank lines.
public struct SchemaDump: Equatable, Sendable {
    /// One object of the dump.
    public struct Key: Hashable, Comparable, Sendable, CustomStringConvertible {
        /// `TABLE`, `CONSTRAINT`, `DEFAULT`, `POLICY`, `COMMENT`, ...
        public var type: String
        /// The schema pg_dump names (`-` for schemas themselves and objects outside any).
        public var schema: String
        /// pg_dump's name: `t1`, `t1 t1_pkey` (a table's constraint), `TABLE t1` (a comment), ...
        public var name: String

        public static func < (a: Key, b: Key) -> Bool { (a.schema, a.type, a.name) < (b.schema, b.type, b.name) }
        public var description: String { "\(type) \(schema == "-" ? "" : schema + ".")\(name)" }
    }

    /// Each object's statement lines, in the dump's order within the object.
    public var sections: [Key: [String]]

    /// Cuts `pg_dump --schema-only` output into its objects.
    public init(_ dump: String) {
        var sections: [Key: [String]] = [:]
        var current = Key(type: "PREAMBLE", schema: "-", name: "")
        for line in dump.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("-- Name: "), let key = Self.key(line) {
                current = key
                sections[current, default: []] = sections[current] ?? []
                continue
            }
            if line.hasPrefix("--") || line.hasPrefix("SET ") || line.hasPrefix("SELECT pg_catalog.set_config")
                || line.hasPrefix("\\restrict") || line.hasPrefix("\\unrestrict") || line.trimmingCharacters(in: .whitespaces).isEmpty
            {
                continue
            }
            sections[current, default: []].append(line)
        }
        self.sections = sections.filter { !$0.value.isEmpty || $0.key.type != "PREAMBLE" }
    }

    init(sections: [Key: [String]]) { self.sections = sections }

    /// `-- Name: t1 t1_pkey; Type: CONSTRAINT; Schema: r0; Owner: -` → its key.
    static func key(_ header: String) -> Key? {
        var fields: [String: String] = [:]
        for part in header.dropFirst(3).components(separatedBy: "; ") {
            guard let colon = part.range(of: ": ") else { return nil }
            fields[String(part[..<colon.lowerBound])] = String(part[colon.upperBound...])
        }
        guard let name = fields["Name"], let type = fields["Type"], let schema = fields["Schema"] else { return nil }
        return Key(type: type, schema: schema, name: name)
    }

    /// Only the objects of one schema: those in it, the schema itself and its comment.
    public func only(schema: String) -> SchemaDump {
        SchemaDump(sections: sections.filter { key, _ in
            key.schema == schema || key.schema == "-" && (key.type == "SCHEMA" && key.name == schema || key.name == "SCHEMA \(schema)")
        })
    }

    /// The objects whose statements differ (or that only one dump has), sorted.
    public func differing(from other: SchemaDump) -> [Key] {
        Set(sections.keys).union(other.sections.keys).filter { sections[$0] != other.sections[$0] }.sorted()
    }

    /// The differing objects with both sides' statements, for a failure message.
    public func describeDifference(from other: SchemaDump) -> String {
        differing(from: other).map { key in
            "\(key):\n  this:  \((sections[key] ?? ["(none)"]).joined(separator: "\n         "))\n  other: \((other.sections[key] ?? ["(none)"]).joined(separator: "\n         "))"
        }.joined(separator: "\n")
    }

    /// The differing objects no finding names. A finding names an object when it is on it or about it
    /// (its table, object or column), or about a name the object's statements use (an index's or an
    /// owned sequence's table: `CREATE INDEX i ON public.books` is named by a finding on `books`); a
    /// schema by a finding in it. Empty when every difference is accounted for by name.
    public func unnamed(from other: SchemaDump, by findings: [Finding]) -> [Key] {
        differing(from: other).filter { key in
            var names = Set(Self.nameParts(key.name)).union([key.name])
            if let space = key.name.firstIndex(of: " ") {
                let rest = String(key.name[key.name.index(after: space)...])
                names.insert(rest)
                // `TABLE "Mixed Case"` (a comment's name quotes): the name itself.
                if rest.count > 1, rest.hasPrefix("\""), rest.hasSuffix("\"") {
                    names.insert(String(rest.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\""))
                }
            }
            for line in (sections[key] ?? []) + (other.sections[key] ?? []) { names.formUnion(Self.words(line)) }
            let own = Set(Self.nameParts(key.name))
            return !findings.contains { finding in
                if key.type == "SCHEMA" { return finding.schema == key.name }
                // A schema's grants (`ACL` named `SCHEMA s`): a finding on the schema itself.
                if key.type == "ACL", key.name.hasPrefix("SCHEMA ") {
                    return finding.table == nil && (finding.object == nil || finding.object == finding.schema) && names.contains(finding.schema)
                }
                // `DEFAULT ACL` named `DEFAULT PRIVILEGES FOR TABLES`, in a schema or none (`-`): the
                // finding on that object type's entry (its object ends `on TABLES`).
                if key.type == "DEFAULT ACL" {
                    let type = key.name.split(separator: " ").last.map(String.init) ?? ""
                    return (finding.object?.hasSuffix(" on \(type)") ?? false) && (key.schema == "-" ? finding.schema.isEmpty : finding.schema == key.schema)
                }
                guard key.schema == "-" || finding.schema == key.schema else { return false }
                // A finding that carries the object (a missing table's owned sequence) names it too.
                let carried = [finding.message, finding.expected, finding.actual].compactMap { $0 }.flatMap(Self.words)
                let object = finding.object.map { String($0.split(separator: "(").first ?? "") }
                // An operator's, collation's, ... identity is qualified (`r7.@@@(integer,integer)`); pg_dump
                // names it in its schema (`@@@`), and a symbol is no word of the message.
                let unqualified = object.map { $0.hasPrefix(finding.schema + ".") ? String($0.dropFirst(finding.schema.count + 1)) : $0 }
                return [finding.table, finding.column, object, unqualified]
                    .contains { $0.map(names.contains) ?? false } || carried.contains(where: own.contains)
            }
        }
    }

    /// The names in pg_dump's name of an object: `t1 t1_pkey` → t1, t1_pkey; `FUNCTION f(integer)` → f.
    static func nameParts(_ name: String) -> [String] {
        let keywords: Set<String> = ["TABLE", "COLUMN", "SCHEMA", "TYPE", "VIEW", "FUNCTION", "INDEX", "SEQUENCE", "POLICY", "TRIGGER", "CONSTRAINT"]
        var parts: [String] = []
        for word in name.split(separator: " ") where !keywords.contains(String(word)) {
            for piece in word.split(separator: ".") {
                parts.append(String(piece.split(separator: "(").first ?? piece))
            }
        }
        return parts
    }

    /// The plain words of a statement line (`ON public.books USING` → ON, public, books, USING).
    static func words(_ line: String) -> [String] {
        line.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
    }
}
