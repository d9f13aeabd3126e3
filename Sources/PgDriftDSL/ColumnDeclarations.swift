import PgDriftModel

/// A column with the inline constraints declared on it (`PRIMARY KEY`, `UNIQUE`, `REFERENCES`, `CHECK`).
public struct ColumnDeclaration: TableElement {
    var column: Column
    var constraints: [(name: String?, constraint: Constraint)] = []

    /// Appends the column and adds its inline constraints, leaving unnamed ones to be named when the block ends.
    public func apply(to table: inout TableDraft) {
        table.table.columns.append(column)
        for (name, constraint) in constraints { table.add(constraint, named: name) }
    }
}

/// The modifiers every column declaration has; each returns a new declaration.
public protocol ColumnModifiers: TableElement {
    var declaration: ColumnDeclaration { get }
}

extension ColumnDeclaration: ColumnModifiers {
    /// The declaration itself.
    public var declaration: ColumnDeclaration { self }
}

extension Column: ColumnModifiers {
    /// A column `name type`, nullable, without default.
    public init(_ name: String, _ type: DataType) {
        self.init(name: name, type: type)
    }

    /// The column as a declaration with no inline constraints yet.
    public var declaration: ColumnDeclaration { ColumnDeclaration(column: self) }

    /// Appends the column to the table being built.
    public func apply(to table: inout TableDraft) { declaration.apply(to: &table) }
}

extension ColumnModifiers {
    private func with(_ change: (inout ColumnDeclaration) -> Void) -> ColumnDeclaration {
        var copy = declaration
        change(&copy)
        return copy
    }

    /// NOT NULL. PostgreSQL 18 records it as a constraint: `named` gives its name (else
    /// `table_column_not_null`, and the name is not compared), `notValid` says NOT VALID (rows stored
    /// before it may hold NULL).
    public func notNull(named name: String? = nil, notValid: Bool = false) -> ColumnDeclaration {
        with {
            $0.column.isNotNull = true
            $0.column.notNullName = name
            $0.column.notNullValidated = notValid ? false : nil
        }
    }

    /// DEFAULT expression, as SQL text (`"0"`, `"now()"`, `"'{}'::jsonb"`).
    public func `default`(_ expression: String) -> ColumnDeclaration { with { $0.column.defaultExpression = expression } }

    /// COLLATE name.
    public func collate(_ name: String, schema: String = "") -> ColumnDeclaration {
        with { $0.column.collation = QualifiedName(schema, name) }
    }

    /// COMMENT ON COLUMN.
    public func comment(_ text: String) -> ColumnDeclaration { with { $0.column.comment = text } }

    /// `ALTER COLUMN ... SET STORAGE`; the type's own storage is no setting.
    public func storage(_ storage: ColumnStorage) -> ColumnDeclaration {
        with { $0.column.storage = storage == ColumnStorage.typeDefault($0.column.type) ? nil : storage }
    }

    /// `COMPRESSION pglz | lz4`.
    public func compression(_ method: String) -> ColumnDeclaration { with { $0.column.compression = method } }

    /// `ALTER COLUMN ... SET STATISTICS target`.
    public func statistics(_ target: Int) -> ColumnDeclaration { with { $0.column.statisticsTarget = target } }
    /// `ALTER COLUMN ... SET (n_distinct = -0.5)`: the column's planner options, such as `"n_distinct=-0.5"`.
    public func options(_ options: String...) -> ColumnDeclaration { with { $0.column.options = options.isEmpty ? nil : options } }

    /// `GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(SEQUENCE NAME name START WITH … INCREMENT BY … MINVALUE …
    /// MAXVALUE … CACHE … CYCLE)]`: options left out are PostgreSQL's defaults for the column's type and
    /// the increment's direction; without `sequenceName` the sequence's name is not compared.
    public func identity(
        _ generation: Identity.Generation = .byDefault, sequenceName: String? = nil, start: Int64? = nil, increment: Int64 = 1,
        min: Int64? = nil, max: Int64? = nil, cache: Int64 = 1, cycle: Bool = false
    ) -> ColumnDeclaration {
        with {
            let options = SequenceOptions.defaults(
                for: $0.column.type, start: start, increment: increment, min: min, max: max, cache: cache, cycle: cycle)
            $0.column.identity = Identity(generation: generation, sequence: options, sequenceName: sequenceName)
            $0.column.isNotNull = true
        }
    }

    /// GENERATED ALWAYS AS (expression) STORED.
    public func generated(_ expression: String) -> ColumnDeclaration { with { $0.column.generatedExpression = expression } }
    /// GENERATED ALWAYS AS (expression) VIRTUAL (PostgreSQL 18).
    public func generatedVirtual(_ expression: String) -> ColumnDeclaration {
        with {
            $0.column.generatedExpression = expression
            $0.column.generatedVirtual = true
        }
    }

    /// `serial` / `bigserial`: NOT NULL, DEFAULT nextval of an owned sequence `<table>_<column>_seq`.
    /// With options, the owned sequence is also `ALTER SEQUENCE … START WITH … INCREMENT BY … MINVALUE …
    /// MAXVALUE … CACHE … CYCLE` (`.serial(max: 9007199254740991)` keeps ids safe for JavaScript); options
    /// left out are PostgreSQL's defaults for the column's type.
    public func serial(
        start: Int64? = nil, increment: Int64 = 1, min: Int64? = nil, max: Int64? = nil, cache: Int64 = 1, cycle: Bool = false
    ) -> ColumnDeclaration {
        with {
            $0.column.isNotNull = true
            let options = SequenceOptions.defaults(
                for: $0.column.type, start: start, increment: increment, min: min, max: max, cache: cache, cycle: cycle)
            $0.column.defaultExpression = TableDraft.serialPlaceholder(options)
        }
    }

    /// PRIMARY KEY.
    public func primaryKey(name: String? = nil) -> ColumnDeclaration {
        with { $0.constraints.append((name, Constraint(name: "", kind: .primaryKey, columns: [$0.column.name]))) }
    }

    /// UNIQUE [NULLS NOT DISTINCT].
    public func unique(name: String? = nil, nullsNotDistinct: Bool = false) -> ColumnDeclaration {
        with {
            $0.constraints.append(
                (name, Constraint(name: "", kind: .unique, columns: [$0.column.name], nullsNotDistinct: nullsNotDistinct)))
        }
    }

    /// REFERENCES table (columns) [ON DELETE ...] [ON UPDATE ...].
    public func references(
        _ table: String, schema: String = "", _ columns: [String], onDelete: ForeignKeyReference.Action = .noAction,
        onUpdate: ForeignKeyReference.Action = .noAction, name: String? = nil
    ) -> ColumnDeclaration {
        with {
            let reference = ForeignKeyReference(
                table: QualifiedName(schema, table), columns: columns, onUpdate: onUpdate, onDelete: onDelete)
            $0.constraints.append(
                (name, Constraint(name: "", kind: .foreignKey, columns: [$0.column.name], references: reference)))
        }
    }

    /// CHECK (expression), named `<table>_<column>_check` unless named.
    public func check(_ expression: String, name: String? = nil) -> ColumnDeclaration {
        with { $0.constraints.append((name, Constraint(name: "", kind: .check, columns: [$0.column.name], expression: expression))) }
    }
}
