import Foundation
import PgDrift
import Testing

/// pgdrift's own JSON coders against Foundation's, which stay here only as the oracle: the same bytes
/// out, the same values and the same error messages in.
@Suite struct SnapshotJSONTests {
    // MARK: Oracles

    /// What `Snapshot.jsonData()` wrote with Foundation's encoder.
    static func foundationBytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return [UInt8](try encoder.encode(value))
    }

    static func foundationDecode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(type, from: data)
    }

    /// `Snapshot.decode` as it was with Foundation's decoder, message for message.
    static func foundationSnapshotMessage(_ data: Data) -> String? {
        struct Header: Decodable {
            var format: String?
            var version: Int?
        }
        let header: Header
        do {
            header = try foundationDecode(Header.self, data)
        } catch {
            return "not a JSON object (\(describe(error)))"
        }
        guard header.format == "pgdrift-snapshot" else {
            return "not a pgdrift snapshot (field 'format' must be \"pgdrift-snapshot\")"
        }
        guard header.version == Snapshot.currentVersion else {
            let found = header.version.map(String.init) ?? "none"
            return "unsupported snapshot version \(found) (field 'version'; this pgdrift reads \(Snapshot.currentVersion))"
        }
        do {
            _ = try foundationDecode(Snapshot.self, data)
            return nil
        } catch {
            return describe(error)
        }
    }

    static func ours<T: Encodable>(_ value: T) throws -> [UInt8] { [UInt8](try SnapshotJSONEncoder.encode(value)) }

    /// The message `Snapshot.decode` gives now, or nil when it reads the data.
    static func message(_ data: Data) -> String? {
        do {
            _ = try Snapshot.decode(data)
            return nil
        } catch let error as SnapshotError {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    /// The value read, or the error as `Snapshot.describe` words it.
    static func outcome<T>(_ body: () throws -> T) -> String {
        do { return "read \(try body())" } catch { return "error \(describe(error))" }
    }

    /// A copy of `Snapshot.describe`, for errors of the oracle.
    static func describe(_ error: Error) -> String {
        func path(_ codingPath: [CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    let snake = key.stringValue.map { $0.isUppercase ? "_" + $0.lowercased() : String($0) }.joined()
                    text += (text.isEmpty ? "" : ".") + snake
                }
            }
            return text.isEmpty ? "top level" : "field '\(text)'"
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): missing"
        case DecodingError.typeMismatch(let type, let context): return "\(path(context.codingPath)): expected \(type)"
        case DecodingError.valueNotFound(let type, let context): return "\(path(context.codingPath)): expected \(type), found null"
        case DecodingError.dataCorrupted(let context):
            let detail = context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
            return "\(path(context.codingPath)): \(detail)"
        default: return "\(error)"
        }
    }

    // MARK: Fixtures

    /// Text no escaping rule may miss: quotes, backslashes, every control character, DEL, slashes,
    /// non-ASCII, emoji, line and paragraph separators, a byte-order mark.
    static let hostile: String = {
        var text = "q\"uo\\te / \\/ </script> é ß 中文 😀👩‍👩‍👧 \u{2028}\u{2029}\u{FEFF}\u{7F} tab\there\nnew\r\n"
        for scalar in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        return text
    }()

    /// A catalog by hand with hostile text in every kind of string it holds.
    static func hostileCatalog() -> Catalog {
        let schema = "s\(hostile)"
        let type = DataType(schema: schema, name: "t\"y/pe", modifier: "(3)", arrayDimensions: 2)
        let table = Table(
            name: QualifiedName(schema, "tab\(hostile)"),
            columns: [
                Column(name: "c\(hostile)", type: .text, isNotNull: true, defaultExpression: "'\(hostile)'::text", comment: hostile),
                Column(name: "id", type: .bigint, identity: Identity(generation: .byDefault, sequence: .ascending(max: Int64.max))),
                Column(name: "neg", type: type, defaultExpression: "-9223372036854775808"),
            ],
            comment: hostile)
        var catalog = Catalog(
            schemas: [Namespace(name: schema, comment: hostile)],
            enums: [EnumType(name: QualifiedName(schema, "e"), values: ["", hostile, "/"])],
            tables: [table, Table(name: QualifiedName("public", "empty"))])
        catalog.sources[ObjectID(kind: .table, schema: schema, name: "tab\(hostile)")] = SourceLocation(file: "a/\(hostile).sql", line: 3, column: 7)
        catalog.sources[ObjectID(kind: .schema, schema: "public", name: "public")] = SourceLocation(file: "b.swift", line: 1)
        return catalog
    }

    // MARK: Encoding

    @Test func hostileStringsEncodeAsFoundationDoes() throws {
        let snapshot = Snapshot(catalog: Self.hostileCatalog(), serverVersion: 150004)
        let ours = try snapshot.jsonData()
        #expect([UInt8](ours) == (try Self.foundationBytes(snapshot)) + [0x0A])
        let decoded = try Snapshot.decode(ours)
        #expect(decoded == snapshot)
        #expect(decoded.catalog.sources == snapshot.catalog.sources)
        #expect(try Self.foundationDecode(Snapshot.self, ours) == decoded)
    }

    @Test func emptyCatalogEncodesAsFoundationDoes() throws {
        let snapshot = Snapshot(catalog: Catalog())
        #expect([UInt8](try snapshot.jsonData()) == (try Self.foundationBytes(snapshot)) + [0x0A])
    }

    /// Keys with runs of capitals, digits and underscores, repeated keys, nulls, nesting, every integer
    /// width: the general rules, beyond the keys the model has today.
    struct Oddities: Codable, Equatable {
        var myURLProperty = 1
        var aBCDe = "x"
        var isA_b: Int8 = -8
        var x2y: UInt64 = .max
        var _lead: Int16 = 4
        var trail_: Int32 = 5
        var a_b = 8
        var aB = 9
        var ab: [String] = []
        var nested: [[Int]] = [[], [1, 2], []]
        var empty = Empty()
        var optional: String? = nil
        var absent: Bool? = nil
        var present: Bool? = false
        var text = "\(SnapshotJSONTests.hostile)"
        var keys: [Empty] = [Empty(), Empty()]
        var dimensions: UInt8 = 255
        struct Empty: Codable, Equatable {}

        enum CodingKeys: String, CodingKey {
            case myURLProperty, aBCDe, isA_b, x2y, _lead, trail_, a_b, aB, ab, nested, empty, optional, absent
            case present, text, keys, dimensions
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(myURLProperty, forKey: .myURLProperty)
            try c.encode(aBCDe, forKey: .aBCDe)
            try c.encode(isA_b, forKey: .isA_b)
            try c.encode(x2y, forKey: .x2y)
            try c.encode(_lead, forKey: ._lead)
            try c.encode(trail_, forKey: .trail_)
            try c.encode(a_b, forKey: .a_b)
            try c.encode(aB, forKey: .aB)
            try c.encode(ab, forKey: .ab)
            try c.encode(nested, forKey: .nested)
            try c.encode(empty, forKey: .empty)
            try c.encodeNil(forKey: .optional)
            try c.encodeIfPresent(absent, forKey: .absent)
            try c.encodeIfPresent(present, forKey: .present)
            try c.encode(text, forKey: .text)
            try c.encode(keys, forKey: .keys)
            try c.encode(dimensions, forKey: .dimensions)
        }
    }

    @Test func generalRulesMatchFoundation() throws {
        func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        let (ours, theirs) = (text(try Self.ours(Oddities())), text(try Self.foundationBytes(Oddities())))
        #expect(ours == theirs)
        let (oursInArray, theirsInArray) = (text(try Self.ours([Oddities()])), text(try Self.foundationBytes([Oddities()])))
        #expect(oursInArray == theirsInArray)
        #expect(try Self.ours("top\(Self.hostile)") == (try Self.foundationBytes("top\(Self.hostile)")))
        #expect(try Self.ours([Int64.min, 0, Int64.max]) == (try Self.foundationBytes([Int64.min, 0, Int64.max])))
        #expect(try Self.ours([1.5, 2.0, -0.25, 1e100]) == (try Self.foundationBytes([1.5, 2.0, -0.25, 1e100])))
        #expect(try Self.ours([String]()) == (try Self.foundationBytes([String]())))
    }

    // MARK: Decoding

    /// Keys as Foundation's `.convertFromSnakeCase` reads them, and the first of repeated keys wins.
    @Test func keysAreReadAsFoundationReadsThem() throws {
        struct Keys: Codable, Equatable {
            var arrayDimensions: Int?
            var myUrl: Int?
            var name: String?
            var a2d: Int?
        }
        let inputs = [
            #"{"array_dimensions":1,"name":"x"}"#, #"{"arrayDimensions":2}"#, #"{"ARRAY_DIMENSIONS":3}"#,
            #"{"array__dimensions":4}"#, #"{"_array_dimensions":5}"#, #"{"array_dimensions_":6}"#,
            #"{"my_URL":7}"#, #"{"my_url":8}"#, #"{"array_dimensions":9,"array_dimensions":"no"}"#,
            #"{"array_dimensions":"no","arrayDimensions":10}"#, #"{"a_2d":11}"#, #"{"a_2D":12}"#, #"{"n\u0061me":"esc"}"#,
            #"{"Name":"cap"}"#, #"{"array_dimension":13}"#, #"{"array_dimensionsx":14}"#,
            #"{"arrayd_imensions":15}"#, #"{"array_Dimensions":16}"#, #"{"name_":"trailing"}"#, #"{"":17,"_":18}"#, #"{"name":"a","array_dimensions":1,}"#, #"{"name":"a","array_dimensions":[1,]}"#,
        ]
        for input in inputs {
            let data = Data(input.utf8)
            let expected = Self.outcome { try Self.foundationDecode(Keys.self, data) }
            let actual = Self.outcome { try SnapshotJSONDecoder.decode(Keys.self, from: data) }
            #expect(actual == expected, "\(input)")
        }
    }

    /// Documents Foundation refuses or reads in a particular way: numbers, escapes, encodings, nesting.
    @Test func documentsAreReadAsFoundationReadsThem() throws {
        struct Values: Codable, Equatable {
            var name: String?
            var xs: [Int]?
            var big: Int64?
            var small: UInt8?
            var flag: Bool?
            var inner: [Values]?
        }
        var inputs = [
            #"{"xs":[1E2,1e+2,1e-0,-0.0,2.0e0,1.5e3,0.5e1,1.00000000000000000001]}"#, #"{"xs":[15e-1]}"#, #"{"xs":[1e400]}"#,
            #"{"xs":[9223372036854775807]}"#, #"{"xs":[9223372036854775808]}"#, #"{"big":-9223372036854775808}"#,
            #"{"big":9223372036854775807.0}"#, #"{"small":256}"#, #"{"small":-1}"#, #"{"xs":[00]}"#, #"{"xs":[-01]}"#,
            #"{"xs":[.5]}"#, #"{"xs":[+1]}"#, #"{"xs":[1.]}"#, #"{"xs":[1e]}"#, #"{"xs":[-]}"#, #"{"xs":[NaN]}"#, #"{"xs":[1,,2]}"#,
            #"{"xs":[,1]}"#, #"{,"name":"a"}"#, #"{"name" "a"}"#, #"{"name":"a"} x"#, #"{"name":"a"}/**/"#, #"{"#, "", " ",
            #"{"name":"a\/b\u00e9\u000A\ud83d\ude00\u0000"}"#, #"{"name":"\ud83d"}"#, #"{"name":"\ude00"}"#, #"{"name":"\u12"}"#,
            #"{"name":"\x"}"#, #"{"name":tru}"#, #"{"flag":1}"#, #"{"flag":"true"}"#, #"{"flag":null,"name":null}"#,
            #"{"name":5}"#, #"{"xs":{}}"#, #"{"xs":["1"]}"#, #"{"xs":[null]}"#, #"{"inner":[1]}"#, #"{"inner":[null]}"#,
            #"{"inner":[{"inner":[{"xs":[true]}]}]}"#, "[1]", "1", "null", "\"s\"", " \t\r\n{\"name\":\"ws\"}\r\n",
            "\u{0C}{}", "{\"name\":\"a\tb\"}", "{\"name\":\"del\u{7F}\"}",
        ]
        for depth in [510, 511, 512, 513] {
            inputs.append("{\"inner\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}")
        }
        var documents = inputs.map { Data($0.utf8) }
        documents.append(Data([0xEF, 0xBB, 0xBF] + Array(#"{"name":"bom"}"#.utf8)))
        documents.append(Data(Array(#"{"name":"a"#.utf8) + [0xFF] + Array(#""}"#.utf8)))
        documents.append(Data(Array(#"{"name":"a"#.utf8) + [0xC3] + Array(#""}"#.utf8)))
        documents.append(#"{"name":"utf16"}"#.data(using: .utf16)!)
        documents.append(#"{"name":"utf16le"}"#.data(using: .utf16LittleEndian)!)
        documents.append(#"{"name":"utf16be"}"#.data(using: .utf16BigEndian)!)
        for data in documents {
            let expected = Self.outcome { try Self.foundationDecode(Values.self, data) }
            let actual = Self.outcome { try SnapshotJSONDecoder.decode(Values.self, from: data) }
            #expect(actual == expected, "\(String(decoding: data.prefix(80), as: UTF8.self))")
        }
    }

    /// Every way of breaking a real snapshot gives the message Foundation's decoder gave: each value
    /// replaced by one of each other JSON kind, each member removed, the text cut short.
    @Test func malformedSnapshotsGiveTheSameMessages() throws {
        let text = String(decoding: try Snapshot(catalog: Self.hostileCatalog(), serverVersion: 150004).jsonData(), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var mutants: [String] = []
        for (index, line) in lines.enumerated() {
            guard let colon = line.range(of: "\" : ") else { continue }
            let prefix = String(line[..<colon.upperBound])
            let comma = line.hasSuffix(",") ? "," : ""
            for replacement in ["null", "\"s\"", "7", "-1.5", "true", "[]", "{}", "[1]", "{\"a\":1}"] {
                var copy = lines
                copy[index] = prefix + replacement + comma
                // A replaced container's body becomes stray text, which is itself a useful mutant.
                mutants.append(copy.joined(separator: "\n"))
            }
            var removed = lines
            removed.remove(at: index)
            mutants.append(removed.joined(separator: "\n"))
        }
        for cut in stride(from: 0, to: text.utf8.count, by: 97) {
            mutants.append(String(decoding: Array(text.utf8.prefix(cut)), as: UTF8.self))
        }
        var compared = 0
        for mutant in mutants {
            let data = Data(mutant.utf8)
            #expect(Self.message(data) == Self.foundationSnapshotMessage(data), "\(mutant.prefix(300))")
            compared += 1
        }
        #expect(compared > 100)
    }
}
