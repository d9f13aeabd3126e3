import PgDriftModel

/// What can differ between two constraints of a table paired by name.
public enum ConstraintAttribute: String, CaseIterable, Comparable, Hashable, Sendable, Codable {
    /// Kind, columns, expression, references, deferrability: anything that needs a new constraint.
    case definition
    /// Validated on one side, NOT VALID on the other (and nothing else of the definition).
    case validation
    /// WITH (...) of a key's index.
    case indexSettings
    case comment

    public static func < (a: ConstraintAttribute, b: ConstraintAttribute) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What can differ between two indexes of a table paired by name.
public enum IndexAttribute: String, CaseIterable, Comparable, Hashable, Sendable, Codable {
    /// Method, uniqueness, keys, INCLUDE, predicate: anything that needs a new index.
    case definition
    /// WITH (...).
    case storageParameters
    /// `ALTER INDEX ... ALTER COLUMN n SET STATISTICS` of expression keys.
    case statistics
    case comment

    public static func < (a: IndexAttribute, b: IndexAttribute) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

extension ExpressionComparison {
    /// A table's constraints paired by name, then by definition (`Pairing.byNameThenDefinition`: the same
    /// constraint under another name is `renamed`). An attribute past `definition` is only looked at when
    /// the definition is the same: a new constraint brings its own.
    func constraintChanges(_ want: Table, _ have: Table, comments: Bool) -> [Change<Constraint, ConstraintAttribute>] {
        let (pairs, missing, extra) = Pairing.byNameThenDefinition(want.constraints, have.constraints)
        var changes: [Change<Constraint, ConstraintAttribute>] = []
        for (wanted, old) in pairs {
            guard wanted.name == old.name else {
                changes.append(.renamed(expected: wanted, actual: old, attributes: []))
                continue
            }
            var attributes: Set<ConstraintAttribute> = []
            for attribute in ConstraintAttribute.allCases {
                let differs = switch attribute {
                case .definition: !sameConstraint(wanted, old, validation: false)
                case .validation: wanted.isValidated != old.isValidated && sameConstraint(wanted, old, validation: false)
                case .indexSettings: !attributes.contains(.definition) && !TableComparison.sameParameters(wanted.indexOptions, old.indexOptions)
                case .comment: comments && !attributes.contains(.definition) && wanted.comment != old.comment
                }
                if differs { attributes.insert(attribute) }
            }
            if !attributes.isEmpty { changes.append(.altered(expected: wanted, actual: old, attributes: attributes)) }
        }
        changes += missing.map { .added($0) }
        changes += extra.map { .removed($0) }
        return changes
    }

    /// The same constraint, expressions compared by meaning, index settings aside (and the validation,
    /// unless `validation`).
    private func sameConstraint(_ want: Constraint, _ have: Constraint, validation: Bool) -> Bool {
        var wanted = aligned(want, to: have).withoutSettings
        if !validation { wanted.isValidated = have.isValidated }
        return wanted.sameDefinition(as: have.withoutSettings)
    }

    /// A table's indexes paired by name, then by definition (renamed).
    func indexChanges(_ want: ObjectSet<Index>, _ have: ObjectSet<Index>, comments: Bool) -> [Change<Index, IndexAttribute>] {
        let (pairs, missing, extra) = Pairing.byNameThenDefinition(want, have)
        var changes: [Change<Index, IndexAttribute>] = []
        for (wanted, old) in pairs {
            guard wanted.name == old.name else {
                changes.append(.renamed(expected: wanted, actual: old, attributes: []))
                continue
            }
            var attributes: Set<IndexAttribute> = []
            for attribute in IndexAttribute.allCases {
                let differs = switch attribute {
                case .definition: !aligned(wanted, to: old).withoutSettings.sameDefinition(as: old.withoutSettings)
                case .storageParameters: !attributes.contains(.definition) && !TableComparison.sameParameters(wanted.options, old.options)
                case .statistics: !attributes.contains(.definition) && wanted.keys.map(\.statisticsTarget) != old.keys.map(\.statisticsTarget)
                case .comment: comments && !attributes.contains(.definition) && wanted.comment != old.comment
                }
                if differs { attributes.insert(attribute) }
            }
            if !attributes.isEmpty { changes.append(.altered(expected: wanted, actual: old, attributes: attributes)) }
        }
        changes += missing.map { .added($0) }
        changes += extra.map { .removed($0) }
        return changes
    }
}
