import PgDriftModel

extension TableComparison {
    /// Row-level security policies (the switches are table attributes).
    mutating func comparePolicies() {
        var found: [Finding] = []
        Pairing.match(expected.policies, actual.policies,
            missing: { policy in
                found.append(finding(
                    .missingPolicy, object: policy.name, expected: Describe.policy(policy),
                    "policy \"\(policy.name)\" on \(table) does not exist",
                    source: context.source(.policy, schema, relation: table, policy.name)))
            },
            extra: { policy in
                found.append(finding(
                    .extraPolicy, object: policy.name, actual: Describe.policy(policy),
                    "policy \"\(policy.name)\" on \(table) is not in the expected schema"))
            },
            both: { want, have in
                if !context.expressions.aligned(want, to: have).sameDefinition(as: have) {
                    found.append(finding(
                        .policyMismatch, object: want.name, expected: Describe.policy(want), actual: Describe.policy(have),
                        "policy \"\(want.name)\" on \(table) differs",
                        source: context.source(.policy, schema, relation: table, want.name)))
                } else if context.options.compareComments && want.comment != have.comment {
                    found.append(finding(
                        .commentMismatch, object: want.name, expected: want.comment, actual: have.comment,
                        "policy \"\(want.name)\" on \(table): comment differs"))
                }
            })
        findings += found
    }

    /// Triggers by name.
    mutating func compareTriggers() {
        var found: [Finding] = []
        Pairing.match(expected.triggers, actual.triggers,
            missing: { trigger in
                found.append(finding(
                    .missingTrigger, object: trigger.name, expected: Describe.trigger(trigger),
                    "trigger \(trigger.name) on \(table) does not exist",
                    source: context.source(.trigger, schema, relation: table, trigger.name)))
            },
            extra: { trigger in
                found.append(finding(
                    .extraTrigger, object: trigger.name, actual: Describe.trigger(trigger),
                    "trigger \(trigger.name) on \(table) is not in the expected schema"))
            },
            both: { want, have in
                if !context.expressions.aligned(want, to: have).sameDefinition(as: have) {
                    found.append(finding(
                        .triggerMismatch, object: want.name, expected: Describe.trigger(want),
                        actual: Describe.trigger(have), "trigger \(want.name) on \(table) differs"))
                } else if context.options.compareComments && want.comment != have.comment {
                    found.append(finding(
                        .commentMismatch, object: want.name, expected: want.comment, actual: have.comment,
                        "trigger \(want.name) on \(table): comment differs"))
                }
            })
        findings += found
    }
}
