import PgDriftModel

/// An object a plan depends on: the plan was computed from its state, so a change to it since makes
/// the plan stale.
public struct PlanDependency: Hashable, Comparable, Sendable {
    /// The kinds the fingerprint reads. A relation covers its columns, constraints, indexes, triggers,
    /// policies, row level security, partitioning, view query and sequence settings.
    public enum Kind: String, Hashable, Comparable, Sendable, CaseIterable {
        case schema, `extension`, type, function, relation

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var kind: Kind
    /// A schema's or an extension's name is `QualifiedName("", name)`; a function's covers all its overloads.
    public var name: QualifiedName

    public init(_ kind: Kind, _ name: QualifiedName) {
        self.kind = kind
        self.name = name
    }

    /// `relation public.events`, `schema audit`: how the guard's message names it.
    public var description: String { kind.rawValue + " " + (name.schema.isEmpty ? SQLQuote.identifier(name.name) : name.description) }

    public static func < (lhs: PlanDependency, rhs: PlanDependency) -> Bool { (lhs.kind, lhs.name) < (rhs.kind, rhs.name) }
}

/// The state of the objects a plan depends on, when it was computed: one digest per object (nil for an
/// object that did not exist). The plan starts with a guard that computes the same digests again and
/// refuses to change anything when one differs, under psql, any driver and `--apply`.
///
/// The digests come from one SQL query (`digestQuery`), run by pgdrift when it plans and by the guard
/// when the plan runs, so both read the catalog the same way. Owners, grants and comments are not
/// covered; neither is anything the plan does not touch, so an unrelated new table does not block it.
public struct PlanFingerprint: Hashable, Sendable {
    public var digests: [PlanDependency: String?]

    public init(digests: [PlanDependency: String?]) {
        self.digests = digests
    }

    /// The objects, in order.
    public var dependencies: [PlanDependency] { digests.keys.sorted() }

    /// A short name for the whole fingerprint, for the plan's header and JSON: FNV-1a over the objects
    /// and their digests (an identifier to tell plans apart; the guard compares the digests themselves).
    public var digest: String {
        let text = dependencies.map { "\($0.description)=\((digests[$0] ?? nil) ?? "absent")" }.joined(separator: "\n")
        return StableHash.hex(text)
    }

    /// The settings the catalog's text depends on (qualified names, constants), pinned while the digests
    /// are computed and given back after: `OutputSettings`, as the introspection snapshot pins them, and
    /// search_path empty, as it has it.
    static let pinned = [(name: "search_path", value: "")] + OutputSettings.pinned

    /// The query that gives, per dependency, `object` (its description), `expected` (the digest given, or
    /// NULL) and `digest` (now). `expected` nil: plan time, nothing to compare with yet.
    public static func digestQuery(_ dependencies: [PlanDependency], expected: [PlanDependency: String?]? = nil) -> String {
        let rows = dependencies.sorted().map { dependency -> String in
            let digest = expected.flatMap { $0[dependency] ?? nil }.map(SQLQuote.literal) ?? "NULL"
            return "(\(SQLQuote.literal(dependency.kind.rawValue)), \(SQLQuote.literal(dependency.name.schema)), "
                + "\(SQLQuote.literal(dependency.name.name)), \(SQLQuote.literal(dependency.description)), \(digest))"
        }
        return """
            SELECT w.object, w.expected, left(encode(pg_catalog.sha256(pg_catalog.convert_to(CASE w.kind
                WHEN 'relation' THEN (\(relationText))
                WHEN 'function' THEN (\(functionText))
                WHEN 'type' THEN (\(typeText))
                WHEN 'schema' THEN (SELECT 'schema' FROM pg_catalog.pg_namespace WHERE nspname = w.name)
                WHEN 'extension' THEN (SELECT e.extversion || ' ' || e.extnamespace::pg_catalog.regnamespace::text
                    FROM pg_catalog.pg_extension e WHERE e.extname = w.name)
              END, pg_catalog.current_setting('server_encoding'))), 'hex'), 32) AS digest
            FROM (VALUES \(rows.joined(separator: ",\n    "))) AS w(kind, schema, name, object, expected)
            """
    }

    /// A relation's definition as text (names, never oids, so that the same schema reads the same in
    /// any database): kind, persistence, security, partitioning, columns, constraints,
    /// indexes, triggers, policies, a view's query, a sequence's settings.
    private static let relationText = """
        SELECT concat_ws(E'\\n', c.relkind::text, c.relpersistence::text, c.relrowsecurity::text, c.relforcerowsecurity::text,
              c.relreplident::text, c.relispartition::text, pg_catalog.pg_get_partkeydef(c.oid), pg_catalog.pg_get_expr(c.relpartbound, c.oid),
              pg_catalog.array_to_string(c.reloptions, ','),
              (SELECT string_agg(concat_ws(' ', quote_ident(a.attname), pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull::text,
                      a.attidentity::text, a.attgenerated::text, CASE WHEN a.attcollation <> 0 THEN a.attcollation::pg_catalog.regcollation::text END,
              pg_catalog.pg_get_expr(d.adbin, d.adrelid)), E'\\n' ORDER BY a.attnum)
                 FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
              (SELECT string_agg(quote_ident(k.conname) || ' ' || pg_catalog.pg_get_constraintdef(k.oid), E'\\n' ORDER BY k.conname)
                 FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid),
              (SELECT string_agg(pg_catalog.pg_get_indexdef(i.indexrelid), E'\\n' ORDER BY i.indexrelid::pg_catalog.regclass::text)
                 FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid),
              (SELECT string_agg(pg_catalog.pg_get_triggerdef(t.oid), E'\\n' ORDER BY t.tgname)
                 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal),
              (SELECT string_agg(concat_ws(' ', quote_ident(p.polname), p.polcmd::text, p.polpermissive::text, (SELECT string_agg(CASE WHEN r = 0 THEN 'public' ELSE r::pg_catalog.regrole::text END, ',') FROM unnest(p.polroles) r),
                      pg_catalog.pg_get_expr(p.polqual, p.polrelid), pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)), E'\\n' ORDER BY p.polname)
                 FROM pg_catalog.pg_policy p WHERE p.polrelid = c.oid),
              CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid) END,
              (SELECT concat_ws(' ', s.seqtypid::pg_catalog.regtype::text, s.seqstart, s.seqincrement, s.seqmax, s.seqmin, s.seqcache, s.seqcycle)
                 FROM pg_catalog.pg_sequence s WHERE s.seqrelid = c.oid))
          FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = w.schema AND c.relname = w.name
        """

    /// A function's overloads as their definitions (aggregates have none to print).
    private static let functionText = """
        SELECT string_agg(pg_catalog.pg_get_functiondef(p.oid), E'\\n' ORDER BY pg_catalog.pg_get_function_identity_arguments(p.oid))
          FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = w.schema AND p.proname = w.name AND p.prokind <> 'a'
        """

    /// A type: its kind, a domain's base, default and checks, an enum's labels, a composite's
    /// attributes, a range's subtype.
    private static let typeText = """
        SELECT concat_ws(E'\\n', t.typtype::text, pg_catalog.format_type(t.typbasetype, t.typtypmod), t.typnotnull::text, t.typdefault,
              (SELECT string_agg(quote_literal(e.enumlabel), ',' ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid),
              (SELECT string_agg(quote_ident(k.conname) || ' ' || pg_catalog.pg_get_constraintdef(k.oid), E'\\n' ORDER BY k.conname)
                 FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid),
              (SELECT string_agg(quote_ident(a.attname) || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod), E'\\n' ORDER BY a.attnum)
                 FROM pg_catalog.pg_attribute a WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped),
              (SELECT concat_ws(' ', pg_catalog.format_type(r.rngsubtype, NULL), CASE WHEN r.rngcollation <> 0 THEN r.rngcollation::pg_catalog.regcollation::text END,
                      (SELECT o.opcname FROM pg_catalog.pg_opclass o WHERE o.oid = r.rngsubopc))
                 FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid))
          FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = w.schema AND t.typname = w.name
        """

    /// The guard: statements that run before anything else in the plan. The first computes the digests
    /// and, when one differs, records which objects changed and makes the session read-only (so that
    /// psql, which goes on after an error unless ON_ERROR_STOP is set, changes nothing either); the
    /// second raises the error.
    /// Nothing for a plan that depends on no object it reads (one that only grants or revokes).
    public var guardStatements: [String] {
        guard !digests.isEmpty else { return [] }
        let saved = Self.pinned.enumerated().map { "saved_\($0.offset) text := pg_catalog.current_setting(\(SQLQuote.literal($0.element.0)));" }
        let pin = Self.pinned.map { "pg_catalog.set_config(\(SQLQuote.literal($0.0)), \(SQLQuote.literal($0.1)), true)" }
        let restore = Self.pinned.enumerated().map { "pg_catalog.set_config(\(SQLQuote.literal($0.element.0)), saved_\($0.offset), true)" }
        let check = """
            DO $pgdrift_guard$
            DECLARE
              \(saved.joined(separator: "\n  "))
              changed text;
            BEGIN
              PERFORM \(pin.joined(separator: ", "));
              SELECT string_agg(f.object, ', ' ORDER BY f.object) INTO changed FROM (
            \(Self.digestQuery(dependencies, expected: digests))
              ) AS f WHERE f.digest IS DISTINCT FROM f.expected;
              PERFORM \(restore.joined(separator: ", "));
              PERFORM pg_catalog.set_config(\(SQLQuote.literal(Self.changedSetting)), coalesce(changed, ''), false);
              IF changed IS NOT NULL THEN
                PERFORM pg_catalog.set_config('default_transaction_read_only', 'on', false);
              END IF;
            END
            $pgdrift_guard$;
            """
        let stop = """
            DO $pgdrift_stop$
            BEGIN
              IF pg_catalog.current_setting(\(SQLQuote.literal(Self.changedSetting)), true) <> '' THEN
                RAISE EXCEPTION \(SQLQuote.literal(Self.staleMessagePrefix + " (%)")), pg_catalog.current_setting(\(SQLQuote.literal(Self.changedSetting)))
                  USING HINT = 'Nothing was changed, and this session is now read-only. Run pgdrift plan again.', ERRCODE = 'object_not_in_prerequisite_state';
              END IF;
            END
            $pgdrift_stop$;
            """
        return [check, stop]
    }

    /// The session setting in which the guard records the objects that changed.
    public static let changedSetting = "pgdrift.schema_changed"

    /// The SQLSTATE of the condition the guard raises, object_not_in_prerequisite_state.
    public static let staleSQLState = "55000"

    /// The error the guard raises starts so.
    public static let staleMessagePrefix = "the schema changed since this plan was written"
}
