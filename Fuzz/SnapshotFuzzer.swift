// libFuzzer target: the snapshot decoder must reject any input with a SnapshotError, never crash.
// Built and run by scripts/fuzz (not part of the package build).
import Foundation
import PgDriftModel

@_cdecl("LLVMFuzzerTestOneInput")
public func snapshotFuzzer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? Snapshot.decode(Data(bytes: data, count: size))
    return 0
}
