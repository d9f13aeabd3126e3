// libFuzzer target: libpg_query parsing and the statement splitter, plus the parse-tree readers pgdrift
// builds on them, must reject any input with an error, never crash. Built and run by scripts/fuzz.
import Foundation
import PgDriftSQL

@_cdecl("LLVMFuzzerTestOneInput")
public func sqlFuzzer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(bytes: UnsafeBufferPointer(start: data, count: size), encoding: .utf8) else { return 0 }
    _ = try? PgQuery.splitStatements(text)
    _ = try? PgQuery.parseToJSON(text)
    _ = try? RoleReferences.roles(in: text)
    return 0
}
