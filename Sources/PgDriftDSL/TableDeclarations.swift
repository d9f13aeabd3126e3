import PgDriftModel

/// A table-level constraint declared in a `Table` block.
public struct TableConstraint: TableElement {
    let name: String?
    let constraint: Constraint

    /// Adds the constraint to the table being built; without a name it gets the server's generated one at the end.
    public func apply(to table: inout TableDraft) { table.add(constraint, named: name) }

    /// DEFERRABLE [INITIALLY DEFERRED].
    public func deferrable(initiallyDeferred: Bool = false) -> TableConstraint {
        changing {
            $0.isDeferrable = true
            $0.isInitiallyDeferred = initiallyDeferred
        }
    }

    /// `WITH (fillfactor=70)`: the storage parameters of a primary key's or unique constraint's index.
    public func with(_ options: String...) -> TableConstraint { changing { $0.indexOptions = options } }

    /// NOT VALID.
    public func notValid() -> TableConstraint { changing { $0.isValidated = false } }

    /// NOT ENFORCED (PostgreSQL 18): a check or foreign key that is declared but not checked.
    public func notEnforced() -> TableConstraint { changing { $0.isEnforced = false } }

    /// A temporal key (PostgreSQL 18): the last column is `WITHOUT OVERLAPS` in a primary key or unique
    /// constraint, `PERIOD` in a foreign key and its references.
    public func temporal() -> TableConstraint { changing { $0.isTemporal = true } }

    /// The same declaration with `change` made to its constraint.
    private func changing(_ change: (inout Constraint) -> Void) -> TableConstraint {
        var constraint = self.constraint
        change(&constraint)
        return TableConstraint(name: name, constraint: constraint)
    }
}

/// PRIMARY KEY (columns), named `<table>_pkey` unless named.
public func PrimaryKey(_ columns: String..., name: String? = nil) -> TableConstraint {
    TableConstraint(name: name, constraint: Constraint(name: "", kind: .primaryKey, columns: columns))
}

/// UNIQUE (columns), named `<table>_<columns>_key` unless named.
public func Unique(_ columns: String..., name: String? = nil, nullsNotDistinct: Bool = false) -> TableConstraint {
    TableConstraint(
        name: name, constraint: Constraint(name: "", kind: .unique, columns: columns, nullsNotDistinct: nullsNotDistinct))
}

/// FOREIGN KEY (columns) REFERENCES table (columns), named `<table>_<columns>_fkey` unless named.
public func ForeignKey(
    _ columns: [String], references table: String, schema: String = "", _ referenced: [String],
    onDelete: ForeignKeyReference.Action = .noAction, onUpdate: ForeignKeyReference.Action = .noAction,
    match: ForeignKeyReference.Match = .simple, name: String? = nil
) -> TableConstraint {
    let reference = ForeignKeyReference(
        table: QualifiedName(schema, table), columns: referenced, onUpdate: onUpdate, onDelete: onDelete, match: match)
    return TableConstraint(name: name, constraint: Constraint(name: "", kind: .foreignKey, columns: columns, references: reference))
}

/// CONSTRAINT name CHECK (expression).
public func Check(_ expression: String, name: String) -> TableConstraint {
    TableConstraint(name: name, constraint: Constraint(name: name, kind: .check, expression: expression))
}

extension Index: TableElement {
    /// CREATE INDEX name ON table (columns...).
    public init(_ name: String, on columns: String..., using method: String = "btree") {
        self.init(name: name, method: method, keys: columns.map { IndexKey.column($0) })
    }

    /// CREATE INDEX name ON table USING method (keys...), for expressions, orderings and operator classes.
    public init(_ name: String, keys: [IndexKey], using method: String = "btree") {
        self.init(name: name, method: method, keys: keys)
    }

    /// UNIQUE [NULLS NOT DISTINCT].
    public func unique(nullsNotDistinct: Bool = false) -> Index {
        var copy = self
        copy.isUnique = true
        copy.nullsNotDistinct = nullsNotDistinct
        return copy
    }

    /// WHERE predicate (a partial index).
    public func `where`(_ predicate: String) -> Index { var copy = self; copy.predicate = predicate; return copy }

    /// INCLUDE (columns).
    public func including(_ columns: String...) -> Index { var copy = self; copy.include = columns; return copy }

    /// WITH (storage parameters), such as `fillfactor=70`.
    public func with(_ options: String...) -> Index { var copy = self; copy.options = options; return copy }

    /// COMMENT ON INDEX.
    public func comment(_ text: String) -> Index { var copy = self; copy.comment = text; return copy }

    /// Adds the index to the table being built, replacing one of the same name.
    public func apply(to table: inout TableDraft) { table.table.indexes.upsert(self) }
}

extension Policy: TableElement {
    /// CREATE POLICY name ON table [AS RESTRICTIVE] [FOR command] [TO roles] [USING (...)] [WITH CHECK (...)].
    public init(
        _ name: String, for command: Command = .all, restrictive: Bool = false, to roles: [String] = ["public"],
        using: String? = nil, withCheck: String? = nil, comment: String? = nil
    ) {
        self.init(
            name: name, command: command, isPermissive: !restrictive, roles: roles, using: using, withCheck: withCheck,
            comment: comment)
    }

    /// Adds the policy to the table being built, replacing one of the same name.
    public func apply(to table: inout TableDraft) { table.table.policies.upsert(self) }
}

extension Trigger: TableElement {
    /// CREATE TRIGGER name {BEFORE|AFTER|INSTEAD OF} events ON table FOR EACH {ROW|STATEMENT}
    /// [WHEN (condition)] EXECUTE FUNCTION function(arguments).
    public init(
        _ name: String, _ timing: Timing, _ events: Event..., updateOf columns: [String] = [], forEachRow: Bool = true,
        execute function: String, schema: String = "", arguments: [String] = [], when: String? = nil,
        comment: String? = nil
    ) {
        self.init(
            name: name, timing: timing, events: events, updateColumns: columns, forEachRow: forEachRow,
            function: QualifiedName(schema, function), arguments: arguments, when: when, comment: comment)
    }

    /// Adds the trigger to the table being built, replacing one of the same name.
    public func apply(to table: inout TableDraft) { table.table.triggers.upsert(self) }
}
