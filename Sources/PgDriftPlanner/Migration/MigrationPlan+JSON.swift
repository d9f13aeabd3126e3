import Foundation
import PgDriftModel

extension MigrationPlan {
    /// `plan --format json`, for tools and review bots: every statement with its SQL, phase, whether it
    /// runs in the transaction, and its hazards as data (lock, rewrite or scan, the table's size and
    /// rows); the fingerprint it was planned from; and the whole SQL file as `script`.
    /// `expected` and `database` describe the two sides (passwords already redacted).
    public func json(expected: String, database: String, header: [String] = []) throws -> String {
        let (rewritten, scanned) = blockingTables
        let statementsJSON: [[String: Any]] = statements.enumerated().map { number, statement in
            [
                "number": number + 1,
                "phase": statement.phase.key,
                "sql": statement.sql,
                "runs": statement.runs,
                "in_transaction": statement.phase.runsInTransaction,
                "skipped": statement.skippedKey ?? NSNull(),
                "skip_reason": statement.skipReason ?? NSNull(),
                "destructive": statement.destructive ?? NSNull(),
                "notes": statement.hazards,
                "hazards": statement.tableHazards.map { hazard -> [String: Any] in
                    let size = tableSizes[hazard.table]
                    return [
                        "table": hazard.table.description,
                        "schema": hazard.table.schema,
                        "name": hazard.table.name,
                        "work": hazard.work.rawValue,
                        "lock": hazard.lock.rawValue,
                        "blocks": hazard.lock.blocks,
                        "online_avoids": hazard.onlineAvoids,
                        "reason": hazard.reason ?? NSNull(),
                        "table_bytes": size.map { NSNumber(value: $0.bytes) } ?? NSNull(),
                        "table_rows": size?.rows.map { NSNumber(value: $0) } ?? NSNull(),
                        "message": hazard.sentence(size: size, inTransaction: statement.phase.runsInTransaction, online: options.online),
                    ]
                },
            ]
        }
        func tables(_ names: [QualifiedName]) -> [[String: Any]] {
            names.map { name in
                ["table": name.description, "bytes": tableSizes[name].map { NSNumber(value: $0.bytes) } ?? NSNull(),
                 "rows": tableSizes[name]?.rows.map { NSNumber(value: $0) } ?? NSNull()]
            }
        }
        let object: [String: Any] = [
            "version": 1,
            "expected": expected,
            "database": database,
            "options": [
                "allow_destructive": options.allowDestructive, "online": options.online, "renames": options.renames,
                "with_privileges": options.withPrivileges, "with_owners": options.withOwners,
                "lock_timeout": options.lockTimeout, "statement_timeout": options.statementTimeout,
            ],
            "summary": [
                "statements": runningCount,
                "skipped": skipped.count,
                "rewrites": tables(rewritten),
                "blocking_scans": tables(scanned),
                "rewrite_bytes": NSNumber(value: rewritten.compactMap { tableSizes[$0]?.bytes }.reduce(0, +)),
            ],
            "fingerprint": fingerprint.map { fingerprint -> [String: Any] in
                [
                    "digest": fingerprint.digest,
                    "objects": fingerprint.dependencies.map { dependency -> [String: Any] in
                        ["object": dependency.description, "kind": dependency.kind.rawValue, "schema": dependency.name.schema,
                         "name": dependency.name.name, "digest": (fingerprint.digests[dependency] ?? nil) ?? NSNull()]
                    },
                ]
            } ?? NSNull(),
            "pending": pending.map { ["files": $0.files, "table": $0.table, "command": $0.command] as [String: Any] } ?? NSNull(),
            "statements": statementsJSON,
            "proof": proof.map { proof -> [String: Any] in
                [
                    "rows_per_table": proof.rowsPerTable,
                    "loses_data": proof.losesData,
                    "tables": proof.tables.map { result -> [String: Any] in
                        ["table": result.table.description, "rows_before": result.rowsBefore ?? NSNull(),
                         "rows_after": result.rowsAfter ?? NSNull(), "values_lost": result.valuesLost, "note": result.note ?? NSNull()]
                    },
                    "failed": proof.failures.map { ["number": $0.number, "sql": $0.sql, "error": $0.error] as [String: Any] },
                    "notes": proof.notes,
                ]
            } ?? NSNull(),
            "script": render(header: header),
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension PlannedStatement {
    /// `destructive` or `manual` for a statement left out.
    var skippedKey: String? {
        switch skipped {
        case nil: nil
        case .destructive: "destructive"
        case .manual: "manual"
        }
    }

    /// Why it is left out.
    var skipReason: String? {
        switch skipped {
        case nil: nil
        case .destructive: "destructive: \(destructive ?? "can lose data"); rerun with --allow-destructive"
        case .manual(let reason): "needs a person: \(reason)"
        }
    }
}

extension PlanPhase {
    /// The phase's name in JSON: `drop_columns`, `after_commit`.
    public var key: String {
        String(describing: self).reduce(into: "") { key, character in
            if character.isUppercase { key += "_" + character.lowercased() } else { key.append(character) }
        }
    }
}
