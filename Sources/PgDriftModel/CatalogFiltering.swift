extension Catalog {
    /// The catalog restricted to `schemas` (all when empty) minus `excluded`, as introspection's
    /// `--schema` / `--exclude-schema` restrict the database side.
    public func filtered(schemas: [String], excluding excluded: [String]) -> Catalog {
        guard !schemas.isEmpty || !excluded.isEmpty else { return self }
        let include = Set(schemas)
        let exclude = Set(excluded)
        func keep(_ schema: String) -> Bool { (include.isEmpty || include.contains(schema)) && !exclude.contains(schema) }
        var copy = self
        copy.schemas = ObjectSet(schemas.isEmpty && excluded.isEmpty ? Array(self.schemas) : self.schemas.filter { keep($0.name) })
        copy.extensions = ObjectSet(extensions.filter { !exclude.contains($0.schema) })
        copy.enums = ObjectSet(enums.filter { keep($0.name.schema) })
        copy.domains = ObjectSet(domains.filter { keep($0.name.schema) })
        copy.compositeTypes = ObjectSet(compositeTypes.filter { keep($0.name.schema) })
        copy.rangeTypes = ObjectSet(rangeTypes.filter { keep($0.name.schema) })
        copy.sequences = ObjectSet(sequences.filter { keep($0.name.schema) })
        copy.tables = ObjectSet(tables.filter { keep($0.name.schema) })
        copy.views = ObjectSet(views.filter { keep($0.name.schema) })
        copy.functions = ObjectSet(functions.filter { keep($0.name.schema) })
        // Database-wide kinds (casts, publications, ...) are read only when no --schema narrows the reading.
        copy.definedObjects = ObjectSet(definedObjects.filter { $0.kind.isDatabaseWide ? schemas.isEmpty : keep($0.schema) })
        // Entries for every schema are kept: they concern whatever schema an object is made in.
        copy.defaultPrivileges = ObjectSet(defaultPrivileges.filter { $0.schema.map(keep) ?? true })
        return copy
    }
}
