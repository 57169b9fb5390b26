/// A country as the data describes it: its group for the dialogs and the numbers to call there.
public struct Country: Sendable, Hashable {
    public var code: String
    public var name: String
    /// `us`, `uk`, `eu` (EU and EEA: GDPR applies) or `other`.
    public var group: String
    public var emergency: String?
    /// The public page the emergency number was checked against (`sources.emergency`).
    public var emergencySource: String?
    public var ambulance: String?
    /// The public page the ambulance number was checked against (`sources.ambulance`).
    public var ambulanceSource: String?
    /// A crisis line: its number, name and how to reach it ("call or text").
    public var crisis: String?
    public var crisisName: String?
    public var crisisHow: String?
    public var poison: String?
    public var poisonName: String?

    public init(code: String) {
        self.code = code
        name = code.uppercased()
        group = "other"
    }
}

/// Where people say they live: country names in English and their own languages, short names, states,
/// provinces, regions and cities, each leading to a country code (a gazetteer). Names shared by places
/// in several countries ("Georgia", "Birmingham") are ambiguous: the reading asks which.
public struct Places: Sendable {
    /// Phrases (words joined by spaces) → country codes.
    let phrases: [String: [String]]
    let longest: Int
    /// Place names of one word ("france"), then every word of a place name ("guiana"), for forgiving
    /// typos ("frence", "austrailia"): a whole name is preferred to a word of a longer one.
    let names: Lexicon
    let lexicon: Lexicon
    public let countries: [String: Country]

    public init(names: [String: [String]], ambiguous: [String: [String]], countries: [String: Country]) {
        var phrases: [String: [String]] = [:]
        var words = Set<String>()
        for (code, list) in names {
            for name in list {
                let tokens = TextNormalizer.tokens(name)
                guard !tokens.isEmpty else { continue }
                let key = tokens.joined(separator: " ")
                if !(phrases[key]?.contains(code) ?? false) { phrases[key, default: []].append(code) }
                words.formUnion(tokens.filter { $0.unicodeScalars.count >= Lexicon.typoMinimum })
            }
        }
        for (name, codes) in ambiguous {
            let key = TextNormalizer.tokens(name).joined(separator: " ")
            guard !key.isEmpty else { continue }
            phrases[key] = Array(Set((phrases[key] ?? []) + codes)).sorted()
        }
        self.phrases = phrases
        longest = phrases.keys.map { $0.split(separator: " ").count }.max() ?? 0
        self.names = Lexicon(vocabulary: Set(phrases.keys.filter { !$0.contains(" ") && $0.unicodeScalars.count >= Lexicon.typoMinimum }), forms: [:], protected: [])
        lexicon = Lexicon(vocabulary: words, forms: [:], protected: [])
        self.countries = countries
    }

    public static let empty = Places(names: [:], ambiguous: [:], countries: [:])

    /// What a line says about where someone is.
    public enum Found: Sendable, Hashable {
        case country(String)
        /// Several countries fit ("Georgia"): ask which.
        case ambiguous([String])
        case none
    }

    /// Words that put a place out of the answer ("not the US").
    static let negations: Set<String> = ["not", "no", "never", "isnt", "arent", "wasnt", "originally", "born", "grew"]
    /// Words that mark where someone lives now ("living in Portugal").
    static let presentMarkers: Set<String> = ["in", "live", "living", "lives", "based", "moved", "now", "currently", "here", "treated"]
    /// Words that mark where the care is, which the question asks ("the care is in Ireland but I live in
    /// the UK").
    static let careMarkers: Set<String> = ["care", "treatment", "treated", "hospital", "doctor", "doctors", "specialist", "surgery", "operation", "appointment", "appointments"]

    /// The country a line names, reading the longest phrase at each word; places after "not" or
    /// "from" (origin) are set aside, and where several countries remain, the one after "in" / "living"
    /// is taken, else the line is ambiguous.
    public func find(in line: String) -> Found {
        let typed = TextNormalizer.tokens(line)
        guard !typed.isEmpty, !phrases.isEmpty else { return .none }
        let tokens = typed.map { word -> String in
            // A word of some place name ("zealand") is never corrected into another ("zeeland").
            if phrases[word] != nil || Lexicon.isDigits(word) || lexicon.vocabulary.contains(word) { return word }
            return names.corrected(word) ?? lexicon.corrected(word) ?? word
        }
        var hits: [(codes: [String], at: Int, present: Bool, negated: Bool, care: Bool)] = []
        var i = 0
        while i < tokens.count {
            var matched = 0
            for length in stride(from: min(longest, tokens.count - i), through: 1, by: -1) {
                let key = tokens[i..<(i + length)].joined(separator: " ")
                if let codes = phrases[key] {
                    let before = tokens[max(0, i - 3)..<i]
                    // "not the US", "born in Poland": set aside. "living in Germany": where they are now.
                    let negated = tokens[max(0, i - 2)..<i].contains { Self.negations.contains($0) }
                    let care = tokens[max(0, i - 4)..<i].contains { Self.careMarkers.contains($0) }
                    hits.append((codes, i, !negated && before.contains { Self.presentMarkers.contains($0) }, negated, care))
                    matched = length
                    break
                }
            }
            i += max(1, matched)
        }
        let kept = hits.filter { !$0.negated }
        guard !kept.isEmpty else { return .none }
        // Where the care is, when the line says so of one place only.
        let cared = Set(kept.filter(\.care).map(\.codes))
        if cared.count == 1, let codes = cared.first, codes.count == 1 { return .country(codes[0]) }
        let candidates = kept.contains(where: \.present) ? kept.filter(\.present) : kept
        var codes: [String] = []
        for hit in candidates {
            for code in hit.codes where !codes.contains(code) { codes.append(code) }
        }
        // A place named with its country ("Perth, Australia"; "London, Ontario") settles an ambiguity.
        if codes.count > 1 {
            let definite = candidates.filter { $0.codes.count == 1 }.flatMap(\.codes)
            let common = Set(definite)
            if common.count == 1, let only = common.first { return .country(only) }
            // "Paris, Texas": a place then a wider one names the wider one's country, where that is one
            // of the first place's candidates or the first is a city of another country.
            if let last = candidates.last, last.codes.count == 1, candidates.count == 2 { return .country(last.codes[0]) }
            // Another place of the line that fits one candidate ("Georgia, the state, Atlanta area").
            let fitting = Set(kept.filter { $0.codes.count == 1 }.flatMap(\.codes)).intersection(codes)
            if fitting.count == 1, let only = fitting.first { return .country(only) }
            return .ambiguous(codes)
        }
        return codes.first.map { .country($0) } ?? .none
    }
}
