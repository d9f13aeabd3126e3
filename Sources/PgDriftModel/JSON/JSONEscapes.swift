/// JSON string escapes, resolved one way for every JSON pgdrift reads (snapshots, libpg_query's parse
/// trees). Tolerant: a malformed escape gives U+FFFD rather than a trap, since the callers have either
/// checked the text already or trust its writer.
public enum JSONEscapes {
    /// Appends the text of `raw` (a string's bytes between its quotes) to `out`, escapes resolved.
    public static func unescape(_ raw: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= raw.count else { return nil }
            var value: UInt32 = 0
            for k in 0..<4 {
                guard let digit = hexValue(raw[at + k]) else { return nil }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        var i = 0
        while i < raw.count {
            let byte = raw[i]
            guard byte == UInt8(ascii: "\\"), i + 1 < raw.count else { out.append(byte); i += 1; continue }
            let code = raw[i + 1]
            i += 2
            switch code {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(i) ?? 0xFFFD
                i += 4
                // A surrogate pair spells one scalar beyond the basic plane.
                if (0xD800..<0xDC00).contains(scalar), i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"),
                    raw[i + 1] == UInt8(ascii: "u"), let low = hex4(i + 2), (0xDC00..<0xE000).contains(low)
                {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default: out.append(code)  // " \ /
            }
        }
    }

    /// The value of a hexadecimal digit.
    public static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
