import ExpectedSchema
import PgDrift
import PgDriftTestSupport
import Testing

/// The seed's dialogue, end to end, on the analytics database built from migrations 001–014 (before the
/// fix-up 015): "is total_videos_count missing?" and "what was update_aggregations() updating?".
@Suite struct SeedDialogueTests {
    static func explain(_ text: String, in database: TestDatabase, expected: Catalog) throws -> Explanation {
        let name = try ObjectName.parse(text)
        return Explain.explain(name, database: try Explain.read(name, from: database.connectionString), expected: expected, expectedSource: "builtin")
    }

    @Test func totalVideosCountNeverExistedAndTotalPlayCountIsWhatBreaksTheAggregation() throws {
        let database = try AnalyticsExampleTests.build("seed_dialogue", through: "014_zzz")
        let expected = try ShadowDatabase.canonicalize(analyticsSchema.catalog, on: TestServer.server())

        // "You mentioned total_videos_count is missing. Actually: creators_hot, hashtags_hot and sounds_hot
        // have videos_count."
        let videos = try Self.explain("creators_hot.total_videos_count", in: database, expected: expected)
        #expect(!videos.exists && !videos.expected.exists)
        #expect(videos.similar.prefix(3).map { "\($0.object.table).\($0.object.column ?? "")" }
            == ["creators_hot.videos_count", "hashtags_hot.videos_count", "sounds_hot.videos_count"])
        #expect(videos.text.contains("similar   videos_count in public.creators_hot, public.hashtags_hot, public.sounds_hot"))

        // "The update_aggregations() function in sql/012_aggregation.sql (line 34) was trying to update this
        // column, but it didn't exist!" — line 34 of the file is line 13 of the function's body.
        let report = try Audit(expected: analyticsSchema.catalog).run(against: database.connectionString)
        let broken = report.findings.filter { $0.kind == .brokenReference && $0.object == "update_aggregations()" }
        #expect(broken.map(\.path) == ["public.creators_hot.total_play_count"])
        #expect(broken.first?.message
            == "function public.update_aggregations() refers to column creators_hot.total_play_count, which does not exist (line 13 of its body)")

        // And explain of that column: expected, missing, and who uses it.
        let play = try Self.explain("creators_hot.total_play_count", in: database, expected: expected)
        #expect(!play.exists && play.expected.exists)
        #expect(play.expected.object?.type == "bigint DEFAULT 0")
        #expect(play.referencedBy.map { "\($0.name) \($0.lines ?? [])" }
            == ["public.update_aggregation_quick() [7]", "public.update_aggregations() [13]"])
    }
}
