import PgDriftModel

extension PlanBuilder {
    /// COMMENT ON for every object whose comment differs from `current` (IS NULL removes one).
    mutating func planComments() {
        for schema in expected.schemas {
            comment("SCHEMA \(SQLName.identifier(schema.name))", schema.comment, current.schemas[schema.name]?.comment)
        }
        for type in expected.enums { comment("TYPE \(SQLName.qualified(type.name))", type.comment, current.enums[type.name]?.comment) }
        for type in expected.compositeTypes {
            comment("TYPE \(SQLName.qualified(type.name))", type.comment, current.compositeTypes[type.name]?.comment)
        }
        for type in expected.rangeTypes {
            comment("TYPE \(SQLName.qualified(type.name))", type.comment, current.rangeTypes[type.name]?.comment)
        }
        for domain in expected.domains {
            comment("DOMAIN \(SQLName.qualified(domain.name))", domain.comment, current.domains[domain.name]?.comment)
        }
        for sequence in expected.sequences {
            comment("SEQUENCE \(SQLName.qualified(sequence.name))", sequence.comment, current.sequences[sequence.name]?.comment)
        }
        for function in expected.functions {
            comment("\(Self.routineKind(function)) \(SQLName.qualified(function.name))(\(function.identityArguments))",
                    function.comment, current.functions[function.key]?.comment)
        }
        for table in expected.tables {
            guard let have = current.tables[table.name], !isSettled(table, have) else { continue }
            let name = SQLName.qualified(table.name)
            comment("TABLE \(name)", table.comment, have.comment)
            for column in table.columns {
                comment("COLUMN \(name).\(SQLName.identifier(column.name))", column.comment, have.column(named: column.name)?.comment)
            }
            // A part the plan creates has the expected name and no comment yet.
            for constraint in table.constraints {
                let old = Self.counterpart(of: constraint, in: have.constraints)
                comment("CONSTRAINT \(SQLName.identifier(old?.name ?? constraint.name)) ON \(name)", constraint.comment, old?.comment)
            }
            for index in table.indexes {
                let old = Self.counterpart(of: index, in: have.indexes)
                comment("INDEX \(SQLName.qualified(QualifiedName(table.name.schema, old?.name ?? index.name)))", index.comment, old?.comment)
            }
            for policy in table.policies {
                comment("POLICY \(SQLName.identifier(policy.name)) ON \(name)", policy.comment, have.policies[policy.name]?.comment)
            }
            for trigger in table.triggers {
                comment("TRIGGER \(SQLName.identifier(trigger.name)) ON \(name)", trigger.comment, have.triggers[trigger.name]?.comment)
            }
        }
        for view in expected.views {
            guard let have = current.views[view.name] else { continue }
            let name = SQLName.qualified(view.name)
            comment("\(view.isMaterialized ? "MATERIALIZED VIEW" : "VIEW") \(name)", view.comment, have.comment)
            for column in view.columns {
                comment("COLUMN \(name).\(SQLName.identifier(column.name))", column.comment,
                        have.columns.first { $0.name == column.name }?.comment)
            }
            for index in view.indexes {
                let old = Self.counterpart(of: index, in: have.indexes)
                comment("INDEX \(SQLName.qualified(QualifiedName(view.name.schema, old?.name ?? index.name)))", index.comment, old?.comment)
            }
            for trigger in view.triggers {
                comment("TRIGGER \(SQLName.identifier(trigger.name)) ON \(name)", trigger.comment, have.triggers[trigger.name]?.comment)
            }
        }
    }

    private mutating func comment(_ target: String, _ want: String?, _ have: String?) {
        guard want != have else { return }
        emit(createdAfterCommit.contains(target) ? .afterCommit : .comments, "COMMENT ON \(target) IS \(want.map(SQLQuote.literal) ?? "NULL");")
    }

    /// The database's object for an expected one: same name, else same definition under another
    /// generated name. Objects created by this plan carry the expected name.
    static func counterpart<Part: TablePart>(of part: Part, in set: ObjectSet<Part>) -> Part? {
        set[part.name] ?? set.first { part.sameDefinition(as: $0) }
    }
}
