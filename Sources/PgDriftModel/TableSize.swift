import Foundation

/// How big a table is, as the server measured it when the plan was made: what a statement that rewrites
/// or scans it costs.
public struct TableSize: Hashable, Sendable, Codable {
    /// `pg_total_relation_size`: the table with its indexes and TOAST (all partitions of a partitioned table).
    public var bytes: Int64
    /// `pg_class.reltuples`, the planner's row estimate; nil when the table was never vacuumed or analyzed (`41 GB, never analyzed`).
    public var rows: Int64?

    public init(bytes: Int64, rows: Int64?) {
        self.bytes = bytes
        self.rows = rows
    }

    /// `41 GB, ~300M rows`.
    public var description: String {
        Self.bytes(bytes) + ", " + (rows.map { "~" + Self.count($0) + " row" + ($0 == 1 ? "" : "s") } ?? "never analyzed")
    }

    /// A byte count in the largest unit that keeps it at or above 1, in 1024 steps: `8192 bytes`, `1.5 MB`, `41 GB`.
    public static func bytes(_ value: Int64) -> String {
        guard value >= 1024 else { return "\(value) bytes" }
        return scaled(Double(value), base: 1024, units: ["kB", "MB", "GB", "TB", "PB"], separator: " ")
    }

    /// A row count in thousands, millions or billions: `950`, `1.2k`, `300M`.
    public static func count(_ value: Int64) -> String {
        guard value >= 1000 else { return "\(value)" }
        return scaled(Double(value), base: 1000, units: ["k", "M", "G", "T"], separator: "")
    }

    private static func scaled(_ value: Double, base: Double, units: [String], separator: String) -> String {
        var value = value / base
        var unit = 0
        while value >= base - 0.5 && unit < units.count - 1 {
            value /= base
            unit += 1
        }
        // One decimal below 10 (1.5 GB), none above (41 GB).
        let text = value < 9.95 ? String((value * 10).rounded() / 10) : String(Int(value.rounded()))
        let trimmed = text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        return trimmed + separator + units[unit]
    }

    /// Reads a size as people write it: `10GB`, `10 GB`, `500MB`, `1.5T`, `8192` (bytes); units are
    /// powers of 1024, case-insensitive. Nil for anything else.
    public static func parseBytes(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        guard let number = Double(digits), number >= 0 else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        let powers = ["": 0, "b": 0, "bytes": 0, "k": 1, "kb": 1, "m": 2, "mb": 2, "g": 3, "gb": 3, "t": 4, "tb": 4, "p": 5, "pb": 5]
        guard let power = powers[unit] else { return nil }
        let value = number * pow(1024, Double(power))
        guard value < Double(Int64.max) else { return nil }
        return Int64(value.rounded())
    }
}
