import Foundation
import PgDriftDiff
import PgDriftExpected
import PgDriftIntrospection
import PgDriftModel
import PgDriftPlanner
import PgDriftPostgres
import PgDriftReports
import PgDriftSQL

/// The name of the next migration in a folder, in the folder's own scheme:
/// `NNN_name.sql` (the number one above the highest, same width), Supabase's `YYYYMMDDHHMMSS_name.sql`,
/// or Flyway's `V<n>__name.sql`. An empty folder gets `001_name.sql`.
public enum MigrationFileName {
    /// The next file name after the `.sql` files of a folder (nil when the folder cannot be read).
    public static func next(in directory: String, name: String, now: Date) -> String? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        return next(after: entries.filter { $0.hasSuffix(".sql") }, name: name, now: now)
    }

    /// The next file name after these file names (`now` stamps Supabase-style names).
    public static func next(after files: [String], name: String, now: Date) -> String {
        let flyway = files.compactMap(flywayVersion)
        if !flyway.isEmpty { return "V\(flyway.max()! + 1)__\(name).sql" }
        let numbered = files.compactMap(leadingNumber)
        if let widest = numbered.map(\.width).max(), widest == 14 {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMddHHmmss"
            var stamp = formatter.string(from: now)
            // Never sort before an existing migration, whatever the clock says.
            if let last = numbered.filter({ $0.width == 14 }).map(\.text).max(), stamp <= last {
                stamp = String(UInt64(last)! + 1)
            }
            return "\(stamp)_\(name).sql"
        }
        let width = numbered.map(\.width).max() ?? 3
        let number = (numbered.compactMap { UInt64($0.text) }.max() ?? 0) + 1
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits + "_\(name).sql"
    }

    /// `V12__x.sql` → 12.
    private static func flywayVersion(_ file: String) -> Int? {
        guard file.hasPrefix("V"), let separator = file.range(of: "__") else { return nil }
        return Int(file[file.index(after: file.startIndex)..<separator.lowerBound])
    }

    /// `0042_x.sql` → ("0042", 4).
    private static func leadingNumber(_ file: String) -> (text: String, width: Int)? {
        let digits = file.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, file.dropFirst(digits.count).first == "_" else { return nil }
        return (String(digits), digits.count)
    }
}
