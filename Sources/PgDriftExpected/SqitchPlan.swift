import Foundation

/// sqitch runs its deploy scripts in the order of `sqitch.plan`, not of their names: the plan beside
/// the folder (or in it) orders the files it names.
package enum SqitchPlan {
    /// `files` (names in `directory`) in the plan's order, the ones it does not name after them; as
    /// given when there is no plan.
    package static func ordered(_ files: [String], in directory: String) -> [String] {
        let candidates = ["\(directory)/sqitch.plan", "\((directory as NSString).deletingLastPathComponent)/sqitch.plan"]
        guard let text = candidates.lazy.compactMap({ try? String(contentsOfFile: $0, encoding: .utf8) }).first else { return files }
        let changes = changeNames(text)
        guard !changes.isEmpty else { return files }
        let position = Dictionary(changes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let named = files.filter { position[String($0.dropLast(4))] != nil }.sorted { position[String($0.dropLast(4))]! < position[String($1.dropLast(4))]! }
        return named + files.filter { position[String($0.dropLast(4))] == nil }
    }

    /// The changes a plan lists, in order: each line's first word, but pragmas (`%`), tags (`@`),
    /// comments (`#`) and blank lines.
    package static func changeNames(_ plan: String) -> [String] {
        plan.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let first = trimmed.first, !"%@#".contains(first) else { return nil }
            return trimmed.split(separator: " ").first.map(String.init)
        }
    }
}
