import PgDriftModel
import Foundation
import PgDriftPostgres

/// Where the expected schema comes from (`--expected SOURCE`).
public enum ExpectedSource: Sendable, Equatable, CustomStringConvertible {
    /// The compiled Swift model (`builtin`).
    case builtin
    /// A folder of `.sql` migrations, applied in natural filename order.
    case sqlDirectory(String)
    /// One `.sql` file.
    case sqlFile(String)
    /// A JSON snapshot written by `pgdrift snapshot`.
    case snapshot(String)
    /// Another database (database-to-database diff).
    case database(String)
    /// A catalog already in the server's canonical form (loaded once, audited several times), with a
    /// name to show for it.
    case canonical(Catalog, name: String)

    /// Reads `--expected`: `builtin`, a connection URL or `key=value` string, a `.json` file, a `.sql` file
    /// or a directory. A path that does not exist is bad input.
    public static func parse(_ text: String) throws -> ExpectedSource {
        if text == "builtin" { return .builtin }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") || text.contains("=") && !FileManager.default.fileExists(atPath: text) {
            return .database(text)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory) else {
            throw ExpectedSchemaError("expected schema '\(text)' does not exist (give a .sql folder or file, a .json snapshot, a connection URL or 'builtin')")
        }
        if isDirectory.boolValue { return .sqlDirectory(text) }
        if text.hasSuffix(".json") { return .snapshot(text) }
        if text.hasSuffix(".sql") { return .sqlFile(text) }
        throw ExpectedSchemaError("expected schema '\(text)' is neither a .sql file, a .json snapshot nor a folder")
    }

    /// The source as shown to people: `builtin`, the path, the connection (never a password) or the given name.
    public var description: String {
        switch self {
        case .builtin: return "builtin"
        case .sqlDirectory(let path), .sqlFile(let path), .snapshot(let path): return path
        case .database(let connection): return ConnectionString(connection).description
        case .canonical(_, let name): return name
        }
    }
}

/// An expected schema that cannot be read: a bad path, file or snapshot (exit 2).
public struct ExpectedSchemaError: Error, CustomStringConvertible, Sendable {
    /// The message for the user, naming the input and what is wrong with it.
    public var description: String
    /// Creates an error with this message.
    public init(_ description: String) { self.description = description }
}

/// Orders migration files as people number them: `2_x.sql` before `10_x.sql`.
package enum NaturalOrder {
    /// Whether `a` sorts before `b`: runs of ASCII digits compare by value, anything else by Unicode scalar.
    package static func less(_ a: String, _ b: String) -> Bool {
        var i = a.unicodeScalars.makeIterator()
        var j = b.unicodeScalars.makeIterator()
        var x = i.next()
        var y = j.next()
        while let p = x, let q = y {
            if p.properties.numericType != nil && q.properties.numericType != nil,
                p.isASCIIDigit && q.isASCIIDigit
            {
                var left = ""
                var right = ""
                while let c = x, c.isASCIIDigit { left.unicodeScalars.append(c); x = i.next() }
                while let c = y, c.isASCIIDigit { right.unicodeScalars.append(c); y = j.next() }
                let l = left.drop { $0 == "0" }
                let r = right.drop { $0 == "0" }
                if l.count != r.count { return l.count < r.count }
                if l != r { return l < r }
                if left.count != right.count { return left.count < right.count }
                continue
            }
            if p != q { return p.value < q.value }
            x = i.next()
            y = j.next()
        }
        return x == nil && y != nil
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 48 && value <= 57 }
}
