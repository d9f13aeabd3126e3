import PgDriftModel

/// What `plan --prove` found when it ran the plan on a throwaway copy of the database's schema loaded
/// with a bounded sample of each affected table's rows: per table, rows before and after and the
/// values lost, and each statement that failed.
public struct PlanProof: Hashable, Sendable {
    /// One table's rows and values, before and after the plan ran on the copy.
    public struct TableResult: Hashable, Sendable {
        public var table: QualifiedName
        /// Rows loaded from the sample (nil: not sampled, with `note` saying why).
        public var rowsBefore: Int?
        public var rowsAfter: Int?
        /// Non-null values gone: a dropped column's, a dropped table's, a column emptied by a type change.
        /// Generated columns, which the plan computes again, are not counted.
        public var valuesLost: Int
        public var note: String?

        public init(table: QualifiedName, rowsBefore: Int?, rowsAfter: Int?, valuesLost: Int, note: String? = nil) {
            self.table = table
            self.rowsBefore = rowsBefore
            self.rowsAfter = rowsAfter
            self.valuesLost = valuesLost
            self.note = note
        }

        /// Whether rows or values would be lost.
        public var losesData: Bool { valuesLost > 0 || (rowsAfter ?? 0) < (rowsBefore ?? 0) }
    }

    /// A statement that failed on the copy (it was rolled back alone; the others went on).
    public struct Failure: Hashable, Sendable {
        /// Its number in the plan's statements (skipped ones included, as in `--format json`).
        public var number: Int
        public var sql: String
        public var error: String

        public init(number: Int, sql: String, error: String) {
            self.number = number
            self.sql = sql
            self.error = error
        }
    }

    /// `--prove-rows`: at most this many rows of each table were copied.
    public var rowsPerTable: Int
    public var tables: [TableResult]
    public var failures: [Failure]
    /// What the sample cannot show (foreign keys are not checked on it, for one).
    public var notes: [String]

    public init(rowsPerTable: Int, tables: [TableResult], failures: [Failure], notes: [String] = []) {
        self.rowsPerTable = rowsPerTable
        self.tables = tables
        self.failures = failures
        self.notes = notes
    }

    /// Whether a table would lose rows or values.
    public var losesData: Bool { tables.contains(where: \.losesData) }

    /// The plan's header lines that report it.
    public var lines: [String] {
        let verdict = losesData ? "DATA WOULD BE LOST" : "no row or value lost"
        var lines = ["Proved on a throwaway copy with up to \(rowsPerTable) rows of each affected table (--prove): \(verdict)"
            + (failures.isEmpty ? "." : ", \(failures.count) statement\(failures.count == 1 ? "" : "s") failed.")]
        for result in tables {
            guard let before = result.rowsBefore else {
                lines.append("  \(result.table): not sampled (\(result.note ?? "unreadable"))")
                continue
            }
            lines.append("  \(result.table): \(before) row\(before == 1 ? "" : "s") before, \(result.rowsAfter ?? 0) after, "
                + "\(result.valuesLost) value\(result.valuesLost == 1 ? "" : "s") lost")
        }
        for failure in failures {
            let first = failure.sql.split(separator: "\n").first.map(String.init) ?? failure.sql
            lines.append("  statement \(failure.number) failed (\(first.prefix(80))): \(failure.error)")
        }
        lines += notes.map { "  " + $0 }
        return lines
    }
}
