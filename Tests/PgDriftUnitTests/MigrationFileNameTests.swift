import Foundation
import PgDrift
import Testing

/// `plan --migrations-dir` names its file in the folder's own scheme.
@Suite struct MigrationFileNameTests {
    let noon = Date(timeIntervalSince1970: 1_764_072_000)  // 2025-11-25 12:00:00 UTC

    @Test func numberedFoldersGetTheNextNumberAtTheSameWidth() {
        #expect(MigrationFileName.next(after: ["001_init.sql", "002_users.sql", "010_more.sql"], name: "fix", now: noon) == "011_fix.sql")
        #expect(MigrationFileName.next(after: ["1_a.sql", "2_b.sql"], name: "fix", now: noon) == "3_fix.sql")
        #expect(MigrationFileName.next(after: ["0099_a.sql"], name: "fix", now: noon) == "0100_fix.sql")
    }

    @Test func anEmptyFolderStartsAtOne() {
        #expect(MigrationFileName.next(after: [], name: "pgdrift_fixup", now: noon) == "001_pgdrift_fixup.sql")
        #expect(MigrationFileName.next(after: ["README.sql"], name: "x", now: noon) == "001_x.sql")
    }

    @Test func supabaseFoldersGetATimestamp() {
        let files = ["20240101093000_init.sql", "20240202120000_more.sql"]
        #expect(MigrationFileName.next(after: files, name: "fix", now: noon) == "20251125120000_fix.sql")
    }

    @Test func aTimestampNeverSortsBeforeTheLastMigration() {
        let files = ["20990101000000_future.sql"]
        #expect(MigrationFileName.next(after: files, name: "fix", now: noon) == "20990101000001_fix.sql")
    }

    @Test func flywayFoldersGetTheNextVersion() {
        #expect(MigrationFileName.next(after: ["V1__init.sql", "V2__users.sql", "V10__x.sql"], name: "fix", now: noon) == "V11__fix.sql")
    }
}
