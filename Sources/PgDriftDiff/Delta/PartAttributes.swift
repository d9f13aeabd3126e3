import PgDriftModel

/// What can differ between two constraints of a table paired by name.
public enum ConstraintAttribute: String, ChangeAttribute {
    /// Kind, columns, expression, references, deferrability: anything that needs a new constraint.
    case definition
    /// Validated on one side, NOT VALID on the other (and nothing else of the definition).
    case validation
    /// WITH (...) of a key's index.
    case indexSettings
    case comment

}

/// What can differ between two indexes of a table paired by name.
public enum IndexAttribute: String, ChangeAttribute {
    /// Method, uniqueness, keys, INCLUDE, predicate: anything that needs a new index.
    case definition
    /// WITH (...).
    case storageParameters
    /// `ALTER INDEX ... ALTER COLUMN n SET STATISTICS` of expression keys.
    case statistics
    case comment

}

extension ExpressionComparison {
    /// A table's constraints paired by name, then by definition (`Pairing.byNameThenDefinition`: the same
    /// constraint under another name is `renamed`). An attribute past `definition` is only looked at when
    /// the definition is the same: a new constraint brings its own.
    func constraintChanges(_ want: Table, _ have: Table, comments: Bool) -> [Change<Constraint, ConstraintAttribute>] {
        Self.partChanges(want.constraints, have.constraints) { wanted, old in
            var attributes: Set<ConstraintAttribute> = []
            for attribute in ConstraintAttribute.allCases {
                let differs = switch attribute {
                case .definition: !sameConstraint(wanted, old)
                case .validation: wanted.isValidated != old.isValidated && sameConstraint(wanted, old)
                case .indexSettings: !attributes.contains(.definition) && !TableComparison.sameParameters(wanted.indexOptions, old.indexOptions)
                case .comment: comments && !attributes.contains(.definition) && wanted.comment != old.comment
                }
                if differs { attributes.insert(attribute) }
            }
            return attributes
        }
    }

    /// The same constraint, expressions compared by meaning, its index settings and validation aside.
    private func sameConstraint(_ want: Constraint, _ have: Constraint) -> Bool {
        var wanted = aligned(want, to: have).withoutSettings
        wanted.isValidated = have.isValidated
        return wanted.sameDefinition(as: have.withoutSettings)
    }

    /// A table's (or materialized view's) indexes paired by name, then by definition (renamed).
    func indexChanges(_ want: ObjectSet<Index>, _ have: ObjectSet<Index>, comments: Bool) -> [Change<Index, IndexAttribute>] {
        Self.partChanges(want, have) { wanted, old in
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
            return attributes
        }
    }

    /// Parts paired by name, then by definition: `renamed` for a pair under two names, `altered` with
    /// what `attributes` finds for a pair under one, then the added and the removed ones.
    private static func partChanges<Part: TablePart, Attribute: ChangeAttribute>(
        _ want: ObjectSet<Part>, _ have: ObjectSet<Part>, attributes: (Part, Part) -> Set<Attribute>
    ) -> [Change<Part, Attribute>] {
        let (pairs, missing, extra) = Pairing.byNameThenDefinition(want, have)
        var changes: [Change<Part, Attribute>] = []
        for (wanted, old) in pairs {
            guard wanted.name == old.name else {
                changes.append(.renamed(expected: wanted, actual: old, attributes: []))
                continue
            }
            let changed = attributes(wanted, old)
            if !changed.isEmpty { changes.append(.altered(expected: wanted, actual: old, attributes: changed)) }
        }
        return changes + missing.map { .added($0) } + extra.map { .removed($0) }
    }
}

/// What can differ between two row-level security policies of a table paired by name.
public enum PolicyAttribute: String, ChangeAttribute {
    /// FOR SELECT / INSERT / UPDATE / DELETE / ALL.
    case command
    /// AS PERMISSIVE / RESTRICTIVE.
    case permissiveness
    /// TO roles.
    case roles
    /// USING (...), compared by meaning.
    case using
    /// WITH CHECK (...), compared by meaning.
    case withCheck
    case comment


    /// Whether the attribute is part of the policy's definition (all but the comment).
    public var isDefinition: Bool { self != .comment }
}

extension ExpressionComparison {
    /// A table's policies paired by name (a policy's name is how migrations and people know it).
    func policyChanges(_ want: Table, _ have: Table, comments: Bool) -> [Change<Policy, PolicyAttribute>] {
        var changes: [Change<Policy, PolicyAttribute>] = []
        Pairing.match(want.policies, have.policies,
            missing: { changes.append(.added($0)) },
            extra: { changes.append(.removed($0)) },
            both: { wanted, old in
                var attributes: Set<PolicyAttribute> = []
                for attribute in PolicyAttribute.allCases {
                    let differs = switch attribute {
                    case .command: wanted.command != old.command
                    case .permissiveness: wanted.isPermissive != old.isPermissive
                    case .roles: wanted.roles != old.roles
                    case .using: !same(wanted.using, old.using)
                    case .withCheck: !same(wanted.withCheck, old.withCheck)
                    case .comment: comments && !attributes.contains(where: \.isDefinition) && wanted.comment != old.comment
                    }
                    if differs { attributes.insert(attribute) }
                }
                if !attributes.isEmpty { changes.append(.altered(expected: wanted, actual: old, attributes: attributes)) }
            })
        return changes
    }
}

/// What can differ between two triggers of a table or view paired by name.
public enum TriggerAttribute: String, ChangeAttribute {
    /// Timing, events, columns, level, function and arguments, WHEN (by meaning), constraint trigger
    /// settings, transition tables: anything CREATE OR REPLACE TRIGGER changes.
    case definition
    /// ENABLE / DISABLE / ENABLE REPLICA / ENABLE ALWAYS.
    case enabled
    case comment

}

extension ExpressionComparison {
    /// The triggers of one relation paired by name.
    func triggerChanges(_ want: ObjectSet<Trigger>, _ have: ObjectSet<Trigger>, comments: Bool) -> [Change<Trigger, TriggerAttribute>] {
        var changes: [Change<Trigger, TriggerAttribute>] = []
        Pairing.match(want, have,
            missing: { changes.append(.added($0)) },
            extra: { changes.append(.removed($0)) },
            both: { wanted, old in
                var attributes: Set<TriggerAttribute> = []
                for attribute in TriggerAttribute.allCases {
                    let differs = switch attribute {
                    case .definition:
                        { var a = aligned(wanted, to: old); a.enabled = old.enabled; return !a.sameDefinition(as: old) }()
                    case .enabled: wanted.enabled != old.enabled
                    case .comment: comments && attributes.isEmpty && wanted.comment != old.comment
                    }
                    if differs { attributes.insert(attribute) }
                }
                if !attributes.isEmpty { changes.append(.altered(expected: wanted, actual: old, attributes: attributes)) }
            })
        return changes
    }
}
