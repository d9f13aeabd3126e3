// libFuzzer target: the offline SQL loader (parse, replay into the model, source map) must answer any
// input with a model, a fallback to the shadow database or an error, never a crash. Built and run by
// scripts/fuzz.
import Foundation
import PgDriftExpected

@_cdecl("LLVMFuzzerTestOneInput")
public func loaderFuzzer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(bytes: UnsafeBufferPointer(start: data, count: size), encoding: .utf8) else { return 0 }
    _ = try? OfflineSchemaLoader.load([(path: "fuzz.sql", sql: text)])
    return 0
}
