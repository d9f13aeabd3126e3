import Foundation

/// The variables of a project's `.env` files (`KEY=value`, `export KEY=value`, quotes optional, `#`
/// comments), for `database_env` in pgdrift.toml: the database URL is named there, never written.
public enum DotEnv {
    /// The files looked in, in this order: the first that sets a variable wins.
    public static let fileNames = [".env.local", ".env"]

    /// The value of `name` in the first of `fileNames` in `directory` that sets it.
    public static func value(of name: String, in directory: String) -> String? {
        for file in fileNames {
            guard let text = try? String(contentsOfFile: directory + "/" + file, encoding: .utf8) else { continue }
            if let value = variables(in: text)[name] { return value }
        }
        return nil
    }

    /// Every `KEY=value` of one file's text.
    public static func variables(in text: String) -> [String: String] {
        var found: [String: String] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let quote = value.first, quote == "\"" || quote == "'", let end = value.dropFirst().firstIndex(of: quote) {
                value = String(value[value.index(after: value.startIndex)..<end])
            } else if let comment = value.range(of: " #") {
                value = value[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            found[key] = value
        }
        return found
    }
}
