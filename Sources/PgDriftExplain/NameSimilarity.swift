/// How alike two names are, for "did you mean": edit distance, and the parts they share when split on
/// `_`, singular or plural (`total_videos_count` and `videos_count` share `videos` and `count`). Shared parts weigh more
/// than spelling, since names are usually renamed by adding or dropping a word.
public struct NameSimilarity: Hashable, Sendable, Comparable {
    /// 0...100; 100 for equal names.
    public var score: Int
    /// Levenshtein distance between the names (in characters).
    public var distance: Int
    /// The name parts both have, in the order of the asked name.
    public var sharedParts: [String]

    /// Names at least this alike are offered.
    public static let threshold = 50

    /// Compares the asked name with a candidate, ignoring case.
    public init(_ asked: String, _ candidate: String) {
        let a = asked.lowercased()
        let b = candidate.lowercased()
        distance = Self.levenshtein(Array(a), Array(b))
        let askedParts = Self.parts(a)
        let candidateStems = Set(Self.parts(b).map(Self.stem))
        sharedParts = askedParts.filter { candidateStems.contains(Self.stem($0)) }
        let askedStems = Set(askedParts.map(Self.stem))
        let dice = askedStems.isEmpty && candidateStems.isEmpty ? 1
            : 2 * Double(askedStems.intersection(candidateStems).count) / Double(askedStems.count + candidateStems.count)
        let spelling = 1 - Double(distance) / Double(max(a.count, b.count, 1))
        score = Int((100 * (0.6 * dice + 0.4 * spelling)).rounded())
    }

    /// Orders from least to most alike: by score, then by smaller distance.
    public static func < (lhs: NameSimilarity, rhs: NameSimilarity) -> Bool {
        (lhs.score, -lhs.distance) < (rhs.score, -rhs.distance)
    }

    static func parts(_ name: String) -> [String] {
        name.split(whereSeparator: { $0 == "_" || $0 == " " || $0 == "-" }).map(String.init)
    }

    /// A part without a plural `s`, so `creators` and `creator` match.
    static func stem(_ part: String) -> String {
        part.count > 3 && part.hasSuffix("s") ? String(part.dropLast()) : part
    }

    static func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
