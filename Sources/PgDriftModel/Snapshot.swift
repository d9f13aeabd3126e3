import Foundation

/// A schema written to a file by `pgdrift snapshot`: pretty, key-sorted JSON, the same bytes for the same
/// schema, and readable back as an expected schema.
public struct Snapshot: Codable, Hashable, Sendable {
    /// The file format's version; readers refuse other versions.
    public static let currentVersion = 1

    /// Always `pgdrift-snapshot`, so a stray JSON file is recognised as not being one.
    public var format: String
    /// The file format's version, `currentVersion` when written by this pgdrift.
    public var version: Int
    /// `server_version_num` of the database it was taken from, when taken from one.
    public var serverVersion: Int?
    /// The schema the snapshot holds.
    public var catalog: Catalog

    /// Creates a snapshot of `catalog` in the current format, noting the server it came from if any.
    public init(catalog: Catalog, serverVersion: Int? = nil) {
        self.format = "pgdrift-snapshot"
        self.version = Self.currentVersion
        self.serverVersion = serverVersion
        self.catalog = catalog
    }

    /// The JSON text, ending with a newline: the bytes Foundation's `JSONEncoder` writes with
    /// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and `.convertToSnakeCase`, written by
    /// `SnapshotJSONEncoder` (Foundation's took most of the time and memory of a large snapshot).
    public func jsonData() throws -> Data {
        try SnapshotJSONEncoder.encode(self, newline: true)
    }

    /// Reads a snapshot, naming the field at fault when it is malformed.
    public static func decode(_ data: Data) throws -> Snapshot {
        struct Header: Decodable {
            var format: String?
            var version: Int?
        }
        // Parsed once, decoded twice; read as Foundation's `JSONDecoder` with `.convertFromSnakeCase` reads.
        do {
            return try JSONDocument.reading(data) { document in
                let header: Header
                do {
                    header = try document.decode(Header.self)
                } catch {
                    throw SnapshotError(message: "not a JSON object (\(Self.describe(error)))")
                }
                guard header.format == "pgdrift-snapshot" else {
                    throw SnapshotError(message: "not a pgdrift snapshot (field 'format' must be \"pgdrift-snapshot\")")
                }
                guard header.version == currentVersion else {
                    let found = header.version.map(String.init) ?? "none"
                    throw SnapshotError(message: "unsupported snapshot version \(found) (field 'version'; this pgdrift reads \(currentVersion))")
                }
                do {
                    return try document.decode(Snapshot.self)
                } catch {
                    throw SnapshotError(message: describe(error))
                }
            }
        } catch let error as SnapshotError {
            throw error
        } catch {
            // Only indexing throws here: the bytes are not JSON.
            throw SnapshotError(message: "not a JSON object (\(Self.describe(error)))")
        }
    }

    /// A coding key as the file spells it (`arrayDimensions` → `array_dimensions`).
    static func snakeCase(_ key: String) -> String {
        var out = ""
        for char in key {
            if char.isUppercase {
                out += "_" + char.lowercased()
            } else {
                out.append(char)
            }
        }
        return out
    }

    /// `field 'catalog.tables[2].columns[0].type': expected ...`.
    static func describe(_ error: Error) -> String {
        func path(_ codingPath: [CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + snakeCase(key.stringValue) }
            }
            return text.isEmpty ? "top level" : "field '\(text)'"
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case DecodingError.typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(type)"
        case DecodingError.valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(type), found null"
        case DecodingError.dataCorrupted(let context):
            let detail = context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
            return "\(path(context.codingPath)): \(detail)"
        default:
            return "\(error)"
        }
    }
}

/// A snapshot file that cannot be read.
public struct SnapshotError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the field at fault where known (such as `field 'catalog.tables[2].name': missing`).
    public var message: String
    /// The message.
    public var description: String { message }
}
