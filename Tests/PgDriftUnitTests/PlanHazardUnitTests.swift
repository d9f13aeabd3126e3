import PgDrift
import Testing

/// Sizes as plans print and read them, and the hazard sentences (issue 22 §2).
@Suite struct PlanHazardUnitTests {
    @Test func sizesPrintInTheLargestUnit() {
        #expect(TableSize.bytes(0) == "0 bytes")
        #expect(TableSize.bytes(1023) == "1023 bytes")
        #expect(TableSize.bytes(8192) == "8 kB")
        #expect(TableSize.bytes(1_572_864) == "1.5 MB")
        #expect(TableSize.bytes(44_023_414_784) == "41 GB")
        #expect(TableSize.bytes(1_048_575) == "1 MB")  // 1023.999 kB rounds up a unit
        #expect(TableSize.count(950) == "950")
        #expect(TableSize.count(1_234) == "1.2k")
        #expect(TableSize.count(300_000_000) == "300M")
        #expect(TableSize(bytes: 44_023_414_784, rows: 300_000_000).description == "41 GB, ~300M rows")
        #expect(TableSize(bytes: 8192, rows: 1).description == "8 kB, ~1 row")
        #expect(TableSize(bytes: 8192, rows: nil).description == "8 kB, never analyzed")
    }

    @Test func sizesReadAsPeopleWriteThem() {
        #expect(TableSize.parseBytes("8192") == 8192)
        #expect(TableSize.parseBytes("64kB") == 65536)
        #expect(TableSize.parseBytes("10 GB") == 10_737_418_240)
        #expect(TableSize.parseBytes("1.5t") == 1_649_267_441_664)
        #expect(TableSize.parseBytes("500MB") == 524_288_000)
        #expect(TableSize.parseBytes("lots") == nil)
        #expect(TableSize.parseBytes("10 GiB") == nil)
        #expect(TableSize.parseBytes("") == nil)
    }

    @Test func hazardSentencesSayTheLockAndWhatWaits() {
        let events = QualifiedName("public", "events")
        let size = TableSize(bytes: 44_023_414_784, rows: 300_000_000)
        #expect(TableHazard.rewrite(events).sentence(size: size, inTransaction: true, online: false)
            == "rewrites public.events (41 GB, ~300M rows) under ACCESS EXCLUSIVE until COMMIT, blocking reads and writes")
        #expect(TableHazard.scan(events, .shareUpdateExclusive).sentence(size: nil, inTransaction: false, online: true)
            == "scans public.events under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on")
        #expect(TableHazard.scan(events, .share, onlineAvoids: true, because: "its index is built").sentence(size: size, inTransaction: false, online: false)
            == "scans public.events (41 GB, ~300M rows) under SHARE until it finishes, blocking writes: its index is built (--online avoids it)")
        #expect(TableHazard.scan(events, .share, onlineAvoids: true).blocksForTableSize)
        #expect(!TableHazard.scan(events, .shareUpdateExclusive).blocksForTableSize)
        #expect(!TableHazard.lock(events).blocksForTableSize)
        #expect(PlanPhase.afterCommit.key == "after_commit")
        #expect(PlanPhase.renameConstraintsAndIndexes.key == "rename_constraints_and_indexes")
    }

    /// A table the plan creates is empty: it gets no hazard, and so no size and no fingerprint entry
    /// beyond its absence.
    @Test func aNewTableHasNoHazard() {
        var expected = Catalog()
        expected.tables.upsert(Table(name: QualifiedName("public", "t"), columns: [Column(name: "a", type: .integer, isNotNull: true)]))
        let plan = MigrationPlanner.plan(expected: expected, actual: Catalog())
        #expect(plan.statements.allSatisfy { $0.tableHazards.isEmpty })
        #expect(plan.dependencies == [PlanDependency(.relation, QualifiedName("public", "t"))])
        #expect(plan.guardStatements.isEmpty)  // no fingerprint read: a plan made without a database
    }

    /// The summary at the top of a plan names the largest tables it rewrites, five at most, with the total.
    @Test func theSummaryNamesTheLargestTables() {
        let tables = (1...7).map { QualifiedName("public", "t\($0)") }
        var plan = MigrationPlan(options: PlanOptions(), statements: tables.map { table in
            PlannedStatement(phase: .columns, sql: "ALTER TABLE \(table) ALTER COLUMN a TYPE bigint;", tableHazards: [.rewrite(table)])
        } + [PlannedStatement(phase: .indexes, sql: "CREATE INDEX i ON public.t1 (a);", tableHazards: [.scan(tables[0], .share)])])
        for (number, table) in tables.enumerated() { plan.tableSizes[table] = TableSize(bytes: Int64(number + 1) << 20, rows: 1000) }
        let lines = plan.render().split(separator: "\n").filter { $0.hasPrefix("-- Rewrites") || $0.hasPrefix("-- Scans") }
        #expect(lines == ["-- Rewrites 7 tables (28 MB in all): public.t7 (7 MB, ~1k rows), public.t6 (6 MB, ~1k rows), "
            + "public.t5 (5 MB, ~1k rows), public.t4 (4 MB, ~1k rows), public.t3 (3 MB, ~1k rows) and 2 more."])
        #expect(plan.blocking(beyond: 5 << 20).map(\.number) == [6, 7])
    }
}
