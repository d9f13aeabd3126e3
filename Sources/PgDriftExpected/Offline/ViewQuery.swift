import PgDriftModel
import PgDriftSQL

/// The type of a value in a view's query: a known type, or an untyped literal (`'x'`, `NULL`) that
/// takes the type its context gives it, and is `text` as an output column.
enum ValueType: Equatable {
    case known(DataType)
    case unknown

    var type: DataType? {
        if case .known(let type) = self { return type }
        return nil
    }
}

/// One view's query being resolved against the model read so far: the relations in scope, the reads
/// (for `dependsOn`), and the edits that qualify every relation and column name in the query's own
/// text, so the stored definition reads the same objects whatever the search path later is.
struct ViewQuery {
    /// A relation in the FROM clause, by the name the query calls it.
    struct Item {
        var reference: String
        var columns: [(name: String, type: DataType)]
        /// Columns a USING join merged: named unqualified, they are the join's column instead.
        var hidden: Set<String> = []
        /// For the columns a USING join merges (an item of its own, with no reference): how the server
        /// prints each — as the left side's column (the right side's for a RIGHT join), or unqualified
        /// for a FULL join.
        var printedAs: [String: String?]?

        func type(of column: String) -> DataType? { columns.first { $0.name == column }?.type }

        /// Whether an unqualified `column` can mean this item's.
        func offers(_ column: String) -> Bool { !hidden.contains(column) && type(of: column) != nil }

        /// The qualifier the server prints before this item's `column` (nil: none).
        func qualifier(of column: String) -> String? {
            if let printedAs { return printedAs[column] ?? nil }
            return reference
        }
    }

    /// The model's lookups: a relation along the search path, a cast's type, an enum's labels.
    let relation: (_ schema: String?, _ name: String) -> (QualifiedName, [(name: String, type: DataType)])?
    let castType: (ParseNode) throws -> DataType
    let enumLabels: (DataType) -> [String]?
    /// The result type of a user function called with arguments of these types, if exactly one
    /// function of the model takes them as they are; nil otherwise.
    var userFunction: (_ schema: String?, _ name: String, _ arguments: [ValueType]) -> (function: QualifiedName, type: DataType)? = { _, _, _ in nil }
    /// The schemas of the search path holding a function of the migrations or of an extension with this
    /// name (a built-in name one of them also has is left to the server: overloads are chosen by type).
    var functionSchemasOnPath: (_ name: String) -> [String] = { _ in [] }
    /// Whether a type is an extension's (its operators are the extension's, printed qualified).
    var isExtensionType: (DataType) -> Bool = { _ in false }
    /// The user functions the query calls (a later DROP or RENAME of one falls back).
    var calledFunctions: Set<QualifiedName> = []

    var items: [Item] = []
    /// The relations of the queries this one is a sub-query of, innermost first (a sub-query may name
    /// their columns).
    var outer: [[Item]] = []
    /// The WITH queries in scope, innermost first: their names and output columns.
    var commonTables: [[String: [(name: String, type: DataType)]]] = []
    /// The source text up to the statement's end (where a `*` is looked for).
    var source: ArraySlice<UInt8> = []
    var reads: Set<QualifiedName> = []
    /// Edits of the source text: qualifiers inserted (an empty range), `*` replaced by its columns.
    var edits: [(range: Range<Int>, text: String)] = []
    /// One output column.
    struct Output {
        var name: String
        var type: ValueType
        /// The input column it is, if it is a plain column (ORDER BY can name it).
        var column: String?
        /// Whether a cast the server adds to it is left out by the comparison (a column or constant:
        /// a UNION may cast one side).
        var castIsSpelling: Bool
    }

    /// Output columns so far.
    var outputs: [Output] = []

    /// The query text from `range` with the edits made (back to front, so offsets stay valid).
    func text(_ source: [UInt8], _ range: Range<Int>) -> String {
        var bytes = Array(source[range])
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            let start = edit.range.lowerBound - range.lowerBound
            bytes.replaceSubrange(start..<(start + edit.range.count), with: Array(edit.text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func insert(_ text: String, at offset: Int) {
        edits.append((offset..<offset, text))
    }

    /// A query nested in this one (a sub-query, a WITH query, a side of a UNION): the same lookups and
    /// WITH queries, and `outer` visible.
    func nested(seeing outer: [[Item]]) -> ViewQuery {
        var inner = ViewQuery(relation: relation, castType: castType, enumLabels: enumLabels)
        inner.userFunction = userFunction
        inner.functionSchemasOnPath = functionSchemasOnPath
        inner.isExtensionType = isExtensionType
        inner.outer = outer
        inner.commonTables = commonTables
        inner.source = source
        return inner
    }

    /// Takes in what a nested query did to the text and read.
    mutating func absorb(_ inner: ViewQuery) {
        edits += inner.edits
        reads.formUnion(inner.reads)
        calledFunctions.formUnion(inner.calledFunctions)
    }
}

extension ViewQuery {
    /// The type of a column reference, qualifying it in the text when it is not.
    mutating func column(_ reference: ParseNode) throws -> DataType {
        let fields = reference["fields"]?.elements ?? []
        let names = fields.compactMap { $0.node("String")?["sval"]?.string }
        guard names.count == fields.count else { throw UnsupportedExpression(what: "a * in a view's query") }
        switch names.count {
        case 1:
            // The innermost query level that has the column decides; two relations there is ambiguous.
            for level in [items] + outer {
                let matches = level.filter { $0.offers(names[0]) }
                if matches.isEmpty { continue }
                guard matches.count == 1, let type = matches[0].type(of: names[0]), let location = reference.location else {
                    throw UnsupportedExpression(what: "the ambiguous column \(names[0])")
                }
                if let qualifier = matches[0].qualifier(of: names[0]) { insert(SQLQuote.identifier(qualifier) + ".", at: location) }
                return type
            }
            throw UnsupportedExpression(what: "column \(names[0]), which no relation of the query has")
        case 2:
            guard let item = ([items] + outer).lazy.compactMap({ $0.first { $0.reference == names[0] } }).first,
                let type = item.type(of: names[1])
            else {
                throw UnsupportedExpression(what: "column \(names.joined(separator: ".")), which the query does not have")
            }
            return type
        default:
            throw UnsupportedExpression(what: "a column reference with \(names.count) parts")
        }
    }
}
