import Foundation
import PgDriftDiff
import PgDriftExpected
import PgDriftIntrospection
import PgDriftModel
import PgDriftPlanner
import PgDriftPostgres
import PgDriftReports
import PgDriftSQL

extension Catalog {
    /// The catalog without the objects `--ignore` globs name (`public.tmp_*`, `public.users.legacy_*`),
    /// so `plan` leaves alone what `check` leaves out.
    public func removing(matching globs: [String]) -> Catalog {
        guard !globs.isEmpty else { return self }
        func ignored(_ name: String) -> Bool { globs.contains { fnmatch($0, name, 0) == 0 } }
        func ignored(_ name: QualifiedName) -> Bool { ignored("\(name.schema).\(name.name)") }
        var copy = self
        copy.tables = ObjectSet(tables.filter { !ignored($0.name) })
        copy.tables.modifyEach { table in
            let prefix = "\(table.name.schema).\(table.name.name)."
            let dropped = Set(table.columns.map(\.name).filter { ignored(prefix + $0) })
            table.columns.removeAll { dropped.contains($0.name) }
            table.constraints = ObjectSet(table.constraints.filter { !ignored("\(table.name.schema).\($0.name)") })
            table.indexes = ObjectSet(table.indexes.filter { !ignored("\(table.name.schema).\($0.name)") })
        }
        copy.views = ObjectSet(views.filter { !ignored($0.name) })
        copy.sequences = ObjectSet(sequences.filter { !ignored($0.name) })
        copy.enums = ObjectSet(enums.filter { !ignored($0.name) })
        copy.domains = ObjectSet(domains.filter { !ignored($0.name) })
        copy.compositeTypes = ObjectSet(compositeTypes.filter { !ignored($0.name) })
        copy.functions = ObjectSet(functions.filter { !ignored($0.name) && !ignored("\($0.name.schema).\($0.name.name)(\($0.identityArguments))") })
        // Operators, publications, ...: by identity (`supabase_realtime`, `public.~~(*)`) or kind and identity
        // (`publication *`, `event trigger *`).
        copy.definedObjects = ObjectSet(definedObjects.filter { !ignored($0.identity) && !ignored("\($0.kind.rawValue) \($0.identity)") })
        return copy
    }
}
