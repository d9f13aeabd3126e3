import CCrypto
import Foundation
import PgDriftModel
import PgDriftSQL

/// Whether a file is still what the tool applied, by the checksum the tool itself records: Flyway's
/// CRC32 over lines, Prisma's SHA-256, sqlx's SHA-384, sqitch's SHA-1 of the deploy script, and
/// Supabase's own copy of the statements.
package enum MigrationChecksum {
    /// Whether the tool records something a file can be checked against.
    static func isRecorded(by tool: MigrationTool) -> Bool {
        [.flyway, .prisma, .sqlx, .sqitch, .supabase].contains(tool)
    }

    /// True when the file changed since, false when it did not, nil when the tool records nothing to
    /// tell by (or records something pgdrift does not recompute: Liquibase's checksums cover one
    /// changeset, after its own normalising).
    package static func modified(_ bytes: [UInt8], entry: MigrationHistory.Entry, tool: MigrationTool) -> Bool? {
        switch tool {
        case .flyway:
            guard let recorded = entry.checksum.flatMap({ Int32($0) }) else { return nil }
            return flywayCRC32(bytes) != recorded
        case .prisma:
            guard let recorded = entry.checksum?.lowercased() else { return nil }
            // Prisma accepts the file with either line ending.
            let unix = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            return hex(bytes, EVP_sha256()) != recorded && hex(Array(unix.utf8), EVP_sha256()) != recorded
        case .sqlx:
            guard let recorded = entry.checksum?.lowercased() else { return nil }
            return hex(bytes, EVP_sha384()) != recorded
        case .sqitch:
            guard let recorded = entry.checksum?.lowercased() else { return nil }
            return hex(bytes, EVP_sha1()) != recorded
        case .supabase:
            guard let statements = entry.statements, !statements.isEmpty,
                  let file = try? SQLTokens.words(String(decoding: bytes, as: UTF8.self)),
                  let recorded = try? SQLTokens.words(statements.joined(separator: "\n"))
            else { return nil }
            return file != recorded
        default:
            return nil
        }
    }

    /// Flyway's checksum: CRC32 over the file's lines without their line breaks (a BOM dropped), as a
    /// signed 32-bit number.
    package static func flywayCRC32(_ bytes: [UInt8]) -> Int32 {
        var crc = CRC32()
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                // Java's readLine: \n, \r or \r\n end a line.
                if byte == UInt8(ascii: "\r"), body.index(after: index) < body.endIndex, body[body.index(after: index)] == UInt8(ascii: "\n") {
                    index = body.index(after: index)
                }
            } else {
                crc.update(byte)
            }
            index = body.index(after: index)
        }
        return Int32(bitPattern: crc.value)
    }

    /// The hex digest of `bytes` by one of OpenSSL's digests.
    static func hex(_ bytes: [UInt8], _ digest: OpaquePointer?) -> String {
        var output = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &output, &length, digest, nil)
        }
        guard ok == 1 else { return "" }
        return output.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
    }
}

/// CRC-32 (ISO-HDLC, as zlib and Java's `java.util.zip.CRC32`).
struct CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1 }
        return value
    }

    private var state: UInt32 = 0xFFFF_FFFF

    mutating func update(_ byte: UInt8) {
        state = Self.table[Int((state ^ UInt32(byte)) & 0xFF)] ^ (state >> 8)
    }

    var value: UInt32 { state ^ 0xFFFF_FFFF }
}
