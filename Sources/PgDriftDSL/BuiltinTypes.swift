import PgDriftModel

/// PostgreSQL's built-in types, spelled as `format_type` prints them (the model's canonical spelling),
/// so that `Column("at", .timestamptz(precision: 3))` means `timestamp(3) with time zone`.
extension DataType {
    // Numbers.
    /// `money`.
    public static let money = DataType("money")

    // Characters.
    /// `character(n)`: blank-padded, `n` characters (1 when left out, as `char` alone means).
    public static func char(_ length: Int = 1) -> DataType { DataType("character(\(length))") }
    /// `bpchar`: blank-padded without a length.
    public static let bpchar = DataType("bpchar")
    /// `"char"`: the one-byte internal type of the system catalogs.
    public static let internalChar = DataType("\"char\"")
    /// `name`: the 63-byte identifier type of the system catalogs.
    public static let identifier = DataType("name")

    // Dates and times.
    /// `timestamp(p) without time zone`.
    public static func timestamp(precision: Int) -> DataType { DataType("timestamp(\(precision)) without time zone") }
    /// `timestamp(p) with time zone`.
    public static func timestamptz(precision: Int) -> DataType { DataType("timestamp(\(precision)) with time zone") }
    /// `time without time zone`.
    public static let time = DataType("time without time zone")
    /// `time(p) without time zone`.
    public static func time(precision: Int) -> DataType { DataType("time(\(precision)) without time zone") }
    /// `time with time zone`.
    public static let timetz = DataType("time with time zone")
    /// `time(p) with time zone`.
    public static func timetz(precision: Int) -> DataType { DataType("time(\(precision)) with time zone") }
    /// `interval`.
    public static let interval = DataType("interval")
    /// `interval fields(p)`: `fields` such as `"year to month"` or `"day to second"`, and the seconds' precision.
    public static func interval(_ fields: String? = nil, precision: Int? = nil) -> DataType {
        DataType(["interval", fields].compactMap { $0 }.joined(separator: " ") + (precision.map { "(\($0))" } ?? ""))
    }

    // Bit strings.
    /// `bit(n)` (`bit` alone is `bit(1)`).
    public static func bit(_ length: Int = 1) -> DataType { DataType("bit(\(length))") }
    /// `bit varying(n)`, or unbounded without `n`.
    public static func varbit(_ length: Int? = nil) -> DataType { DataType(length.map { "bit varying(\($0))" } ?? "bit varying") }

    // Documents and text search.
    /// `xml`.
    public static let xml = DataType("xml")
    /// `jsonpath`.
    public static let jsonpath = DataType("jsonpath")
    /// `tsvector`.
    public static let tsvector = DataType("tsvector")
    /// `tsquery`.
    public static let tsquery = DataType("tsquery")

    // Network addresses.
    /// `inet`.
    public static let inet = DataType("inet")
    /// `cidr`.
    public static let cidr = DataType("cidr")
    /// `macaddr`.
    public static let macaddr = DataType("macaddr")
    /// `macaddr8`.
    public static let macaddr8 = DataType("macaddr8")

    // Geometry.
    /// `point`.
    public static let point = DataType("point")
    /// `line`.
    public static let line = DataType("line")
    /// `lseg`.
    public static let lseg = DataType("lseg")
    /// `box`.
    public static let box = DataType("box")
    /// `path`.
    public static let path = DataType("path")
    /// `polygon`.
    public static let polygon = DataType("polygon")
    /// `circle`.
    public static let circle = DataType("circle")

    // Ranges.
    /// `int4range`.
    public static let int4range = DataType("int4range")
    /// `int8range`.
    public static let int8range = DataType("int8range")
    /// `numrange`.
    public static let numrange = DataType("numrange")
    /// `tsrange`.
    public static let tsrange = DataType("tsrange")
    /// `tstzrange`.
    public static let tstzrange = DataType("tstzrange")
    /// `daterange`.
    public static let daterange = DataType("daterange")
    /// `int4multirange`.
    public static let int4multirange = DataType("int4multirange")
    /// `int8multirange`.
    public static let int8multirange = DataType("int8multirange")
    /// `nummultirange`.
    public static let nummultirange = DataType("nummultirange")
    /// `tsmultirange`.
    public static let tsmultirange = DataType("tsmultirange")
    /// `tstzmultirange`.
    public static let tstzmultirange = DataType("tstzmultirange")
    /// `datemultirange`.
    public static let datemultirange = DataType("datemultirange")

    // System identifiers.
    /// `oid`.
    public static let oid = DataType("oid")
    /// `regclass`: a relation, by name.
    public static let regclass = DataType("regclass")
    /// `regproc`: a function, by name.
    public static let regproc = DataType("regproc")
    /// `regprocedure`: a function, by name and arguments.
    public static let regprocedure = DataType("regprocedure")
    /// `regtype`: a type, by name.
    public static let regtype = DataType("regtype")
    /// `regnamespace`: a schema, by name.
    public static let regnamespace = DataType("regnamespace")
    /// `regrole`: a role, by name.
    public static let regrole = DataType("regrole")
    /// `regconfig`: a text search configuration, by name.
    public static let regconfig = DataType("regconfig")
    /// `xid`.
    public static let xid = DataType("xid")
    /// `xid8`.
    public static let xid8 = DataType("xid8")
    /// `tid`.
    public static let tid = DataType("tid")
    /// `pg_lsn`.
    public static let pgLSN = DataType("pg_lsn")
    /// `pg_snapshot`.
    public static let pgSnapshot = DataType("pg_snapshot")
    /// `txid_snapshot`.
    public static let txidSnapshot = DataType("txid_snapshot")
}
