import PgDriftModel

extension TableComparison {
    /// Row-level security policies, rendered from the delta (the switches are table attributes): one
    /// finding for any change of the definition.
    mutating func renderPolicies(_ changes: [Change<Policy, PolicyAttribute>]) {
        for change in changes {
            switch change {
            case .added(let policy):
                findings.append(finding(
                    .missingPolicy, object: policy.name, expected: Describe.policy(policy),
                    "policy \"\(policy.name)\" on \(table) does not exist",
                    source: context.source(.policy, schema, relation: table, policy.name)))
            case .removed(let policy):
                findings.append(finding(
                    .extraPolicy, object: policy.name, actual: Describe.policy(policy),
                    "policy \"\(policy.name)\" on \(table) is not in the expected schema"))
            case .altered(let want, let have, let attributes), .renamed(let want, let have, let attributes):
                if attributes.contains(where: \.isDefinition) {
                    findings.append(finding(
                        .policyMismatch, object: want.name, expected: Describe.policy(want), actual: Describe.policy(have),
                        "policy \"\(want.name)\" on \(table) differs",
                        source: context.source(.policy, schema, relation: table, want.name)))
                }
                if attributes.contains(.comment) {
                    findings.append(finding(
                        .commentMismatch, object: want.name, expected: want.comment, actual: have.comment,
                        "policy \"\(want.name)\" on \(table): comment differs"))
                }
            }
        }
    }
}

extension DiffContext {
    /// The triggers of a table or view, rendered from the delta: one finding for a changed definition
    /// or enabled state, a comment only when the rest is the same. `label` names the relation in messages
    /// (`t`, `view v`).
    func triggerFindings(_ changes: [Change<Trigger, TriggerAttribute>], of relation: QualifiedName, label: String) -> [Finding] {
        let (schema, name) = (relation.schema, relation.name)
        var found: [Finding] = []
        for change in changes {
            switch change {
            case .added(let trigger):
                found.append(Finding(
                    kind: .missingTrigger, schema: schema, table: name, object: trigger.name, expected: Describe.trigger(trigger),
                    message: "trigger \(trigger.name) on \(label) does not exist",
                    source: source(.trigger, schema, relation: name, trigger.name)))
            case .removed(let trigger):
                found.append(Finding(
                    kind: .extraTrigger, schema: schema, table: name, object: trigger.name, actual: Describe.trigger(trigger),
                    message: "trigger \(trigger.name) on \(label) is not in the expected schema"))
            case .altered(let want, let have, let attributes), .renamed(let want, let have, let attributes):
                for attribute in attributes.sorted() {
                    switch attribute {
                    case .definition, .enabled:
                        guard attribute == .definition || !attributes.contains(.definition) else { continue }
                        found.append(Finding(
                            kind: .triggerMismatch, schema: schema, table: name, object: want.name,
                            expected: Describe.trigger(want), actual: Describe.trigger(have),
                            message: "trigger \(want.name) on \(label) differs"))
                    case .comment:
                        found.append(Finding(
                            kind: .commentMismatch, schema: schema, table: name, object: want.name,
                            expected: want.comment, actual: have.comment, message: "trigger \(want.name) on \(label): comment differs"))
                    }
                }
            }
        }
        return found
    }
}
