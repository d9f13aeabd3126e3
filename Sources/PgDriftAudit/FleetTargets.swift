import Foundation

/// The K-th of N slices of a fleet (`--shard K/N`): member i (from 0, in the list's order) belongs to
/// slice i mod N + 1, so N runners, each given its K, audit every member exactly once.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    /// Reads `K/N`, with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// The members of `list` in this slice, in order.
    public func select<T>(_ list: [T]) -> [T] {
        list.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }

    public var description: String { "\(index)/\(count)" }
}

/// A file of connection strings (`--databases`): one per line; `#` starts a comment, blank lines are skipped.
public enum DatabaseList {
    public static func read(_ path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw FleetError("cannot read '\(path)' as UTF-8 text")
        }
        return parse(text)
    }

    public static func parse(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            // A `#` starts a comment only at the line's start or after a space: `#` may appear in a password.
            var content = Substring(line)
            if let range = content.range(of: " #") { content = content[..<range.lowerBound] }
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : trimmed
        }
    }
}
