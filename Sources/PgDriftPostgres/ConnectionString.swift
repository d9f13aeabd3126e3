import CLibPQ
import Foundation

/// A libpq connection string in any form libpq accepts — `postgresql://` URL, `key=value` pairs, or
/// empty (then `PG*` variables, `~/.pgpass` and service files decide) — with safe display.
public struct ConnectionString: Sendable, CustomStringConvertible {
    /// Exactly what the user gave; passed to libpq unchanged.
    public let raw: String

    /// Wraps a connection string as given; nothing is parsed or checked until it is used.
    public init(_ raw: String) { self.raw = raw }

    /// The options written in the string, as libpq's own parser reads them.
    public func options() throws -> [String: String] {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(raw, &errorMessage) else {
            let message = errorMessage.map { String(cString: $0) } ?? "invalid connection string"
            if let errorMessage { PQfreemem(errorMessage) }
            // libpq's parser messages quote the offending fragment, which may hold a password.
            throw PostgresError(
                kind: .connection,
                message: Redaction.scrub(message.trimmingCharacters(in: .whitespacesAndNewlines), secrets: [raw]))
        }
        defer { PQconninfoFree(parsed) }
        var result: [String: String] = [:]
        var option = parsed
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { result[String(cString: keyword)] = String(cString: value) }
            option = option.advanced(by: 1)
        }
        return result
    }

    /// Passwords that must never be printed: the one in the string and `PGPASSWORD`.
    public var secrets: [String] {
        var found: [String] = []
        if let password = (try? options())?["password"], !password.isEmpty {
            found.append(password)
            // A URL carries it percent-encoded.
            if let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics),
                encoded != password
            {
                found.append(encoded)
            }
        }
        if let env = ProcessInfo.processInfo.environment["PGPASSWORD"], !env.isEmpty { found.append(env) }
        return found
    }

    /// The connection for display: `postgresql://user@host:port/dbname`, never a password.
    public var description: String {
        let opts = (try? options()) ?? [:]
        let env = ProcessInfo.processInfo.environment
        let user = opts["user"] ?? env["PGUSER"]
        let host = opts["host"] ?? opts["hostaddr"] ?? env["PGHOST"]
        let port = opts["port"] ?? env["PGPORT"]
        let dbname = opts["dbname"] ?? env["PGDATABASE"]
        var text = "postgresql://"
        if let user { text += user + "@" }
        if let host { text += host.hasPrefix("/") ? "[\(host)]" : host }
        if let port { text += ":" + port }
        if let dbname { text += "/" + dbname }
        if let service = opts["service"] ?? env["PGSERVICE"] { text += " (service \(service))" }
        return text
    }
}

/// Removes secrets from any text before it reaches a person.
public enum Redaction {
    /// Replaces every occurrence of each secret, and the password part of any URL, with `***`.
    public static func scrub(_ text: String, secrets: [String]) -> String {
        var result = text
        for secret in secrets where !secret.isEmpty {
            result = result.replacingOccurrences(of: secret, with: "***")
        }
        return scrubURLPasswords(result)
    }

    /// `postgresql://user:secret@host` → `postgresql://user:***@host`.
    static func scrubURLPasswords(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let scheme = rest.range(of: "://") {
            output += rest[..<scheme.upperBound]
            rest = rest[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0.isWhitespace || $0 == "?" }) ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                output += authority[..<colon] + ":***" + authority[at...]
            } else {
                output += authority
            }
            rest = rest[authorityEnd...]
        }
        return output + rest
    }
}
