/// Migration files that keep the rollback in the same file, after a marker comment: dbmate's
/// `-- migrate:down`, goose's `-- +goose Down`, sql-migrate's `-- +migrate Down` and node-pg-migrate's
/// `-- Down Migration`. Only the part before the marker is the migration; the rest undoes it.
package enum MigrationSections {
    /// The markers, lowercased, as they follow `--`.
    static let downMarkers = ["migrate:down", "+goose down", "+migrate down", "down migration"]

    /// `text` with its down section blanked: every byte after the marker but line breaks becomes a space,
    /// so lines and byte offsets stay those of the file. Unchanged when there is no marker (or the
    /// scanner rejects the text, which the parser then reports).
    package static func upOnly(_ text: String) -> String {
        // Every marker says "down": a file without the word is not scanned a second time (the parser
        // reads it anyway).
        guard text.utf8.count < 4096 || containsDown(text) else { return text }
        guard let tokens = try? SQLTokens.scan(text) else { return text }
        let bytes = Array(text.utf8)
        for token in tokens where token.kind == SQLTokens.lineComment {
            let comment = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
            let words = comment.dropFirst(2).drop { $0 == " " || $0 == "\t" }.lowercased()
            guard downMarkers.contains(where: { words.hasPrefix($0) }) else { continue }
            var blanked = bytes
            for index in token.start..<blanked.count where blanked[index] != UInt8(ascii: "\n") && blanked[index] != UInt8(ascii: "\r") {
                blanked[index] = UInt8(ascii: " ")
            }
            return String(decoding: blanked, as: UTF8.self)
        }
        return text
    }

    /// Whether `down`, in any case, is in the text (a byte search over the text's own storage: no SQL
    /// is read here, nothing is copied).
    package static func containsDown(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 4 else { return false }
            for index in 0...(bytes.count - 4) where bytes[index] | 0x20 == UInt8(ascii: "d")
                && bytes[index + 1] | 0x20 == UInt8(ascii: "o") && bytes[index + 2] | 0x20 == UInt8(ascii: "w")
                && bytes[index + 3] | 0x20 == UInt8(ascii: "n") {
                return true
            }
            return false
        }
    }
}
