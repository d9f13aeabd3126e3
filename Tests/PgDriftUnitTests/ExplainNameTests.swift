import PgDrift
import Testing

/// NAME parsing and the similarity ranking behind "did you mean".
@Suite struct ExplainNameTests {
    @Test(arguments: [
        ("creators_hot", ["creators_hot"], [false]),
        ("creators_hot.total_videos_count", ["creators_hot", "total_videos_count"], [false, false]),
        ("Public.Creators_Hot.Total_Play_Count", ["public", "creators_hot", "total_play_count"], [false, false, false]),
        ("creators_hot.\"Total_Play_Count\"", ["creators_hot", "Total_Play_Count"], [false, true]),
        ("\"Odd Table\".\"a.b\"", ["Odd Table", "a.b"], [true, true]),
        ("\"say \"\"hi\"\"\"", ["say \"hi\""], [true]),
        // Like PostgreSQL with UTF-8, only ASCII letters fold.
        ("ÉTÉ.Données", ["ÉtÉ", "données"], [false, false]),
    ])
    func parses(_ text: String, _ parts: [String], _ quoted: [Bool]) throws {
        let name = try ObjectName.parse(text)
        #expect(name.parts == parts)
        #expect(name.quoted == quoted)
        #expect(name.text == text)
    }

    @Test(arguments: [
        ("", "invalid name '': empty name part"),
        ("a..b", "invalid name 'a..b': empty name part"),
        ("a.", "invalid name 'a.': empty name part"),
        ("\"open", "invalid name '\"open': unterminated quoted name"),
        ("\"\"", "invalid name '\"\"': empty quoted name"),
        ("\"a\"b", "invalid name '\"a\"b': expected '.' between name parts"),
        ("creators hot", "invalid name 'creators hot': 'creators hot' is not a plain name (write it in double quotes)"),
        ("1table", "invalid name '1table': '1table' is not a plain name (write it in double quotes)"),
        ("a.b.c.d", "invalid name 'a.b.c.d': use table, table.column or schema.table.column"),
    ])
    func rejects(_ text: String, _ message: String) {
        #expect(throws: ObjectNameError.self) { try ObjectName.parse(text) }
        #expect((try? ObjectName.parse(text)) == nil)
        do { _ = try ObjectName.parse(text) } catch { #expect("\(error)" == message) }
    }

    /// total_videos_count → videos_count first: two shared parts beat one, whatever the spelling.
    @Test func sharedPartsRankAboveSpelling() {
        let asked = "total_videos_count"
        let candidates = ["views_count", "likes_total", "videos_count", "creators_count", "video_id", "total_play_count"]
        let ranked = candidates.map { ($0, NameSimilarity(asked, $0)) }.sorted { $0.1 > $1.1 }
        #expect(Array(ranked.map(\.0).prefix(2)) == ["videos_count", "total_play_count"])
        #expect(ranked[0].1.sharedParts == ["videos", "count"])
        #expect(ranked[0].1.distance == 6)
        #expect(ranked[0].1.score >= NameSimilarity.threshold)
        #expect(NameSimilarity(asked, "video_id").score < NameSimilarity.threshold)
    }

    @Test func pluralsShareAPart() {
        let similarity = NameSimilarity("creators_cold", "creator_profiles_cold")
        #expect(similarity.sharedParts == ["creators", "cold"])
        #expect(similarity.score > NameSimilarity("creators_cold", "videos_cold").score)
    }

    @Test func editDistance() {
        #expect(NameSimilarity("kitten", "sitting").distance == 3)
        #expect(NameSimilarity("same", "same").score == 100)
        #expect(NameSimilarity("", "abc").distance == 3)
    }
}
