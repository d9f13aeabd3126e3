/// The session settings the server's text of the catalog depends on (a timestamptz default is printed
/// in the session's TimeZone, a date in its DateStyle, an interval in its IntervalStyle, a float with
/// extra_float_digits, money with lc_monetary, bytea with bytea_output). Introspection pins them for
/// its snapshot, and a plan's guard for its fingerprint, from this one list, so both read the same text.
public enum OutputSettings {
    /// Each setting and the value it is pinned to.
    public static let pinned: [(name: String, value: String)] = [
        ("TimeZone", "UTC"), ("DateStyle", "ISO, MDY"), ("IntervalStyle", "postgres"), ("extra_float_digits", "1"),
        ("lc_monetary", "C"), ("bytea_output", "hex"),
    ]

    /// `set_config(…, true)` select-list items pinning them for the transaction.
    public static var setConfigItems: String {
        pinned.map { "set_config(\(SQLQuote.literal($0.name)), \(SQLQuote.literal($0.value)), true)" }.joined(separator: ", ")
    }
}

/// FNV-1a, 64 bits, as 16 hexadecimal digits: a short, stable name for a text (not a checksum against
/// tampering; pgdrift uses SHA-256 where that matters).
public enum StableHash {
    public static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
