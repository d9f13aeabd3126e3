/// A constant and the type it is read as: `'0.0000'` as `double precision`. How the type prints it
/// (`0`) is the server's to say; the diff asks when two constants are spelled differently.
public struct TypedConstant: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The constant's text, unquoted.
    public var text: String
    /// The type as SQL that casts to it (`double precision`, `public.mood`, `integer[]`).
    public var type: String

    public init(_ text: String, type: String) {
        self.text = text
        self.type = type
    }

    /// `'0.0000'::double precision`.
    public var description: String { SQLQuote.literal(text) + "::" + type }
}
