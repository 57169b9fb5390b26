import Understanding

/// What an answer says about the options of a choice or several-choice question: every place in it
/// that names an option, how strongly, and whether a negation sets it aside.
///
/// - **Strong** evidence: a phrase of an option's `@concept` (answers.json, plans.json), or its label or a
///   synonym whole (typos forgiven: "medicade"). It is recorded.
/// - **Weak** evidence: one typed word that starts or nearly equals one word of a longer label or
///   synonym ("suggested" in "Surgery was suggested", "prefer" in "no preference"). In a short answer
///   made of such words ("worse", "remotly") it is taken; in a longer one it is only a guess, and the
///   person is asked, with the guess named.
/// - **Negated** evidence: a phrase governed by a negation in its own clause ("not for my husband, for
///   me", "no visit needed", "it's not a rare thing"), as `Language.answerScope` reads it: it chooses
///   nothing.
/// - A phrase inside a longer phrase of another option does not count ("medicare" inside "medicare
///   advantage", "chronic" inside "chronic illness").
struct OptionReading {
    struct Hit {
        enum Source: Equatable {
            /// A phrase of this `@concept`.
            case concept(String)
            /// The label or a synonym (or one word of it, for `.word`).
            case plain(AnswerMatcher.PlainHit.Strength, String)
            /// The start of one word of a label or synonym ("prefer" for "no preference").
            case prefix(String)
        }

        var option: Int
        var words: Range<Int>
        var source: Source
        /// The negation that sets it aside ("not" by 'not' (Dialogs/language/en/context.json:7)).
        var negatedBy: String?
        /// Inside a longer hit of another option.
        var nested = false
        /// The negation that makes a negative label or synonym whole ("haven't" + "decided" = "undecided").
        var affirmedBy: String?
        /// A phrase of a concept that several options name (`@us_insured_unspecified`: "I have
        /// insurance"): it counts only when nothing names one option of its own.
        var shared = false
        /// After a wish in its stretch of the answer (`answer_preference`: "video call is ok but I'd
        /// rather go in").
        var preferred = false
        /// Named, and set aside by a negation elsewhere in the answer ("it's urgent but not an emergency").
        var alsoRefused = false
        /// The words of the negation that sets it aside, when one does.
        var negation: Range<Int>?

        var strong: Bool {
            switch source {
            case .plain(.word, _), .prefix: return false
            default: return true
            }
        }
        var counts: Bool { negatedBy == nil && !nested }
    }

    let options: [Option]
    let hits: [Hit]
    /// The line's words.
    let tokens: [String]
    /// Where a new part of a list answer starts (a comma, "and", "plus" …).
    let partStarts: Set<Int>
    /// Each word's stretch of the answer (`AnswerScope.segments`).
    let segments: [Int]
    let index: AnswerMatcher.OptionIndex?
    /// Options named side by side with "and", "or" or "both" between them.
    private(set) var joined: Set<Int> = []
    /// The option a firm opening names ("myself. my wife will come with me though"), when the rest of
    /// the answer names others only in passing (`firmOpening(…)`).
    private(set) var opening: Int?

    init(options: [Option], matcher: AnswerMatcher, language: Language, line: PreparedLine) {
        self.options = options
        let tokens = line.tokens.map(\.text)
        self.tokens = tokens
        index = matcher.optionIndex
        var hits: [Hit] = []
        let concepts = index?.optionConcepts ?? options.map(\.concepts)
        let named = concepts.flatMap { $0 }
        let clauses = language.answerClauses(line)
        if !named.isEmpty {
            let spans = language.answerConceptSpans(named, in: line, clauses: clauses)
            let shared = index?.sharedConcepts ?? []
            for (o, list) in concepts.enumerated() {
                for concept in list {
                    for words in spans[concept] ?? [] {
                        hits.append(Hit(option: o, words: words, source: .concept(concept), negatedBy: nil, shared: shared.contains(concept)))
                    }
                }
            }
        }
        for h in index?.hits(tokens) ?? [] {
            var strength = h.strength
            // Typos are forgiven in unknown words only: "diagnosed" is a word of its own, not a slip for
            // "undiagnosed".
            if strength == .fuzzy, case let phrase = Set(TextNormalizer.tokens(h.text)),
                h.words.contains(where: { line.isKnownWord($0) && !phrase.contains(tokens[$0]) })
            {
                strength = .word
            }
            hits.append(Hit(option: h.option, words: h.words, source: h.prefixOnly ? .prefix(h.text) : .plain(strength, h.text)))
        }
        // Nothing can govern a hit that is the whole answer ("private insurance"): no scope to read then.
        let whole = hits.allSatisfy { $0.words == 0..<tokens.count }
        let scope = whole ? nil : language.answerScope(line, clauses: clauses)
        for i in hits.indices {
            guard let t = scope?.trigger(of: hits[i].words) else { continue }
            let said = tokens[t.words].joined(separator: " ")
            if t.pattern != "@answer_doubt", t.pattern != "@answer_rejection", case .plain(_, let text) = hits[i].source,
                Self.negationAffirms(text, typed: hits[i].words.map { tokens[$0] })
            {
                // Two negations: "I haven't decided" is "undecided", "nobody told us" is "not told".
                hits[i].source = .plain(.phrase, text)
                hits[i].affirmedBy = "\"\(said)\" by '\(t.pattern)' (\(t.origin))"
                hits[i].words = min(t.words.lowerBound, hits[i].words.lowerBound)..<hits[i].words.upperBound
                continue
            }
            hits[i].negatedBy = "\"\(said)\" by '\(t.pattern)' (\(t.origin))"
            hits[i].negation = t.words
        }
        // A word of a negative label with no negation in front means the opposite: "better" is not
        // "not better", "decided" is not "undecided".
        for i in hits.indices where hits[i].negatedBy == nil && hits[i].affirmedBy == nil {
            guard case .plain(let strength, let text) = hits[i].source, strength != .phrase,
                Self.negationAffirms(text, typed: hits[i].words.map { tokens[$0] })
            else { continue }
            hits[i].negatedBy = "its label '\(text)' says the opposite"
        }
        // A concession ("myself, though my wife handles all the calls", `answer_concession`) sets aside
        // what follows it in its stretch of the answer, and a condition (`answer_conditional`: "online,
        // maybe in person later if they need to") what comes before it, when something else is named.
        let segments = scope?.segments ?? [Int](repeating: 0, count: tokens.count)
        let marks = language.answerConceptSpans(["answer_concession", "answer_conditional", "answer_preference", "answer_conjunction"], in: line, clauses: clauses)
        func after(_ spans: [Range<Int>]?, _ words: Range<Int>) -> Range<Int>? {
            spans?.first { $0.upperBound <= words.lowerBound && segments[$0.lowerBound] == segments[words.lowerBound] }
        }
        func before(_ spans: [Range<Int>]?, _ words: Range<Int>) -> Range<Int>? {
            spans?.first { $0.lowerBound >= words.upperBound && segments[$0.lowerBound] == segments[words.lowerBound] }
        }
        func yielding(_ words: Range<Int>) -> (Range<Int>, String)? {
            if let c = after(marks["answer_concession"], words) { return (c, "answer_concession") }
            if let c = before(marks["answer_conditional"], words) { return (c, "answer_conditional") }
            return nil
        }
        // An option a negation sets aside ("medicare, not advantage") is not named by a word it shares
        // with another option ("medicare"); one it names with words of its own as well ("it's urgent
        // but not an emergency") stays named, and is asked about (`Choice`).
        // (Not a negation inside another phrase of the same option: "I don't mind either way"; not a
        // word inside a longer phrase of another option: "network" in "not out of network".)
        let refused = Set(
            hits.filter { h in
                guard h.strong, h.affirmedBy == nil, let n = h.negation else { return false }
                if hits.contains(where: { $0.option == h.option && $0.negatedBy == nil && $0.words.overlaps(n) }) { return false }
                return !hits.contains { $0.option != h.option && $0.words.count > h.words.count && $0.words.clamped(to: h.words) == h.words }
            }.map(\.option))
        for i in hits.indices where hits[i].negatedBy == nil && refused.contains(hits[i].option) {
            let w = hits[i].words
            if hits.contains(where: { $0.option != hits[i].option && $0.negatedBy == nil && $0.words == w && $0.strong }) {
                hits[i].negatedBy = "its option is set aside elsewhere in the answer"
            } else if hits[i].strong {
                hits[i].alsoRefused = true
            }
        }
        let conceded = hits.indices.filter { hits[$0].negatedBy == nil && yielding(hits[$0].words) != nil }
        if !conceded.isEmpty, hits.indices.contains(where: { !conceded.contains($0) && hits[$0].negatedBy == nil && hits[$0].strong }) {
            for i in conceded {
                guard let (c, name) = yielding(hits[i].words) else { continue }
                hits[i].negatedBy = "\"\(tokens[c].joined(separator: " "))\" by @\(name)"
            }
        }
        for i in hits.indices where after(marks["answer_preference"], hits[i].words) != nil { hits[i].preferred = true }
        // Two options joined ("me and my twin", "NHS or private", "both …"): for a choice, ask which.
        let joins = marks["answer_conjunction"] ?? []
        let counted = hits.filter { h in
            h.negatedBy == nil && !hits.contains { $0.option != h.option && $0.words.count > h.words.count && $0.words.clamped(to: h.words) == h.words }
        }.sorted { $0.words.lowerBound < $1.words.lowerBound }
        let pairs = zip(counted, counted.dropFirst()).filter { a, b in
            a.option != b.option && a.words.upperBound <= b.words.lowerBound && a.strong && b.strong
                && joins.contains { $0.lowerBound == a.words.upperBound && $0.upperBound == b.words.lowerBound }
        }
        joined = Set(pairs.flatMap { [$0.0.option, $0.1.option] })
        if joined.isEmpty, tokens.contains("both") {
            let strong = Set(counted.filter(\.strong).map(\.option))
            if strong.count > 1 { joined = strong }
        }
        let live = hits.filter { $0.negatedBy == nil && !$0.shared }
        for i in hits.indices {
            let w = hits[i].words
            hits[i].nested = live.contains { o in
                o.option != hits[i].option && o.words.count > w.count && o.words.clamped(to: w) == w
            }
        }
        hits.sort { ($0.words.lowerBound, $0.option) < ($1.words.lowerBound, $1.option) }
        self.hits = hits
        self.segments = segments
        var starts: Set<Int> = [0]
        for (i, t) in line.tokens.enumerated() where i > 0 {
            if t.breakBefore != .none { starts.insert(i) }
            if t.text == "and" || t.text == "plus" { starts.insert(i + 1) }
        }
        partStarts = starts
        opening = Self.firmOpening(hits: hits, line: line, tokens: tokens, joins: joins, language: language, clauses: clauses)
    }

    /// A firm opening answer followed by detail, as main reads a firm opening yes or no: the first
    /// sentence or clause (up to the first punctuation) is made of one option's strong phrases and
    /// fillers alone ("myself.", "me,"), and every other option the rest names is named in passing, with
    /// more words after it in its clause ("my wife will come with me", not a bare "my husband").
    /// Not when the rest goes on with a conjunction ("me, and my husband": `answer_conjunction`) or holds a
    /// correction ("me, no wait, it's for my mum": `text_correction`).
    static func firmOpening(
        hits: [Hit], line: PreparedLine, tokens: [String], joins: [Range<Int>], language: Language, clauses: [Int]
    ) -> Int? {
        guard let end = line.tokens.indices.dropFirst().first(where: { line.tokens[$0].breakBefore != .none }) else { return nil }
        let live = hits.filter { $0.counts && $0.strong && !$0.shared && !$0.alsoRefused }
        let first = live.filter { $0.words.upperBound <= end }
        guard case let named = Set(first.map(\.option)), named.count == 1, let option = named.first else { return nil }
        // The opening is the option's words and fillers, nothing else.
        let covered = Set(first.flatMap { Array($0.words) })
        let table = AnswerMatcher.Vocabulary.fillers
        guard (0..<end).allSatisfy({ covered.contains($0) || table[tokens[$0]] != nil }) else { return nil }
        if live.contains(where: { $0.words.lowerBound < end && $0.words.upperBound > end }) { return nil }
        if joins.contains(where: { $0.lowerBound == end }) { return nil }
        if let spans = language.answerConceptSpans(["text_correction"], in: line, clauses: clauses)["text_correction"], !spans.isEmpty {
            return nil
        }
        // Each other option named after it has more words of its own clause after it ("my wife will come
        // with me"; not "no, it's me, my dad is with me", where "it's me" is a clause of its own).
        for h in live where h.option != option {
            guard h.words.lowerBound >= end, h.words.upperBound < tokens.count, clauses.count == tokens.count else { return nil }
            let clause = clauses[h.words.lowerBound]
            guard (h.words.upperBound..<tokens.count).contains(where: { clauses[$0] == clause && table[tokens[$0]] == nil }) else { return nil }
        }
        return option
    }

    /// Prefixes that turn a word into its opposite ("undecided", "inconclusive", "non-surgical").
    static let oppositePrefixes = ["un", "in", "non", "dis", "im", "ir"]

    /// True when a negation in front of the typed words makes the label or synonym `text` whole: `text`
    /// says a negation itself ("not listened to", "didn't say") and the typed words are its other words,
    /// or `text` is one word that is a typed word with an opposite prefix ("undecided" for "decided").
    static func negationAffirms(_ text: String, typed: [String]) -> Bool {
        let words = TextNormalizer.tokens(text)
        let negations = AnswerMatcher.Vocabulary.exceptions
        if words.contains(where: negations.contains) {
            let rest = words.filter { !negations.contains($0) && !AnswerMatcher.Vocabulary.stopwords.contains($0) }
            return !rest.isEmpty && rest.allSatisfy(typed.contains)
        }
        guard words.count == 1, typed.count == 1 else { return false }
        return oppositePrefixes.contains { words[0] == $0 + typed[0] || words[0] == $0 + " " + typed[0] }
    }

    /// The option chosen, the options to ask between, or a guess to check.
    enum Choice: Equatable {
        case chosen(Int)
        case ambiguous([Int])
        /// Only weak evidence in a longer answer: "Did you mean …?".
        case guess([Int])
        case nothing
    }

    /// For a choice question: one option named strongly; when several are, the one named by the
    /// longest phrase ("medicare advantage through humana", "they come and go, mostly worse at night"),
    /// and a tie is asked. Otherwise one option named weakly by an answer made of little else.
    var choice: Choice {
        // "me and my twin", "NHS or private": asked which.
        if joined.count > 1 { return .ambiguous(joined.sorted()) }
        var strong = hits.filter { $0.counts && $0.strong }
        if strong.contains(where: { !$0.shared }) { strong.removeAll(where: \.shared) }
        let named = Set(strong.map(\.option))
        if named.count == 1, let only = named.first {
            // Both said and unsaid: asked ("Did you mean …?").
            return strong.contains(where: \.alsoRefused) ? .ambiguous([only]) : .chosen(only)
        }
        if named.count > 1 {
            // One option named after a wish: "video call is ok but I'd rather go in".
            let wished = Set(strong.filter(\.preferred).map(\.option))
            if wished.count == 1, let only = wished.first { return .chosen(only) }
            // A firm opening, the rest only detail: "myself. my wife will come with me though".
            if let opening, named.contains(opening) { return .chosen(opening) }
            let longest = named.map { o in (o, strong.filter { $0.option == o }.map(\.words.count).max() ?? 0) }
            let best = longest.map(\.1).max() ?? 0
            let top = longest.filter { $0.1 == best }.map(\.0)
            return top.count == 1 ? .chosen(top[0]) : .ambiguous(named.sorted())
        }
        let weak = hits.filter { $0.counts }
        let hinted = Set(weak.map(\.option))
        if hinted.count == 1, let only = hinted.first, madeOf(weak) { return .chosen(only) }
        // Two or more words pointing at one option, more than at any other ("see what another
        // specialist would do"): a reading, not a stray word.
        let byWords = hinted.map { o in (o, Set(weak.filter { $0.option == o }.map(\.words.lowerBound)).count) }
        if let best = byWords.map(\.1).max(), best >= 2, case let top = byWords.filter({ $0.1 == best }), top.count == 1 {
            return .chosen(top[0].0)
        }
        if !hinted.isEmpty { return .guess(hinted.sorted()) }
        return .nothing
    }

    /// True when the answer holds little besides these hits: every word that is not a filler is one of
    /// theirs, but for at most one other word that is not a negation ("remotly please", "worse really").
    func madeOf(_ hits: [Hit]) -> Bool {
        let covered = Set(hits.flatMap { Array($0.words) })
        let table = AnswerMatcher.Vocabulary.fillers
        let rest = tokens.indices.filter { table[tokens[$0]] == nil && !covered.contains($0) }
        // A word only started ("prefer" for "preference") leaves no room for another word.
        let started = hits.contains { if case .prefix = $0.source { return true } else { return false } }
        return rest.isEmpty || (!started && rest.count == 1 && !AnswerMatcher.Vocabulary.nonSelecting.contains(tokens[rest[0]]))
    }

    /// For a several-choice question: every option named strongly, and in a short part of a list
    /// ("risky, experimentl") an option its words point at on their own. `complete` is false when some
    /// part of the answer named nothing (the person is told what was noted).
    var several: (chosen: Set<Int>, complete: Bool, unsure: [Int]) {
        var live = hits.filter(\.counts)
        if live.contains(where: { $0.strong && !$0.shared }) { live.removeAll(where: \.shared) }
        var chosen = Set(live.filter(\.strong).map(\.option))
        var unsure: Set<Int> = []
        var complete = true
        let table = AnswerMatcher.Vocabulary.fillers
        let starts = partStarts.sorted()
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : tokens.count
            guard start < end else { continue }
            let part = start..<end
            let inPart = live.filter { part.contains($0.words.lowerBound) }
            let meaningful = part.filter { table[tokens[$0]] == nil && tokens[$0] != "and" && tokens[$0] != "plus" }
            if inPart.contains(where: \.strong) { continue }
            let hinted = Set(inPart.map(\.option))
            if hinted.isEmpty {
                if !meaningful.isEmpty { complete = false }
                continue
            }
            let covered = Set(inPart.flatMap { Array($0.words) })
            let rest = meaningful.filter { !covered.contains($0) }
            let byWords = hinted.map { o in (o, Set(inPart.filter { $0.option == o }.map(\.words.lowerBound)).count) }
            let best = byWords.map(\.1).max() ?? 0
            if rest.isEmpty || (rest.count == 1 && !AnswerMatcher.Vocabulary.nonSelecting.contains(tokens[rest[0]])) {
                // Each word for the one option it points at ("pain fatigue"); a word that fits several is unsure.
                for row in Set(inPart.map(\.words.lowerBound)) {
                    let at = Set(inPart.filter { $0.words.lowerBound == row }.map(\.option))
                    if at.count == 1 { chosen.formUnion(at) } else if at.isDisjoint(with: chosen) { unsure.formUnion(at) }
                }
            } else if best >= 2, case let top = byWords.filter({ $0.1 == best }), top.count == 1 {
                // Two or more words of the part point at one option, more than at any other.
                chosen.insert(top[0].0)
                complete = false
            } else {
                complete = false
            }
        }
        return (chosen, complete, unsure.subtracting(chosen).sorted())
    }

    /// The reading, one line per hit, for `understand`.
    var explanation: [String] {
        hits.map { h in
            let said = tokens[h.words].joined(separator: " ")
            let by: String
            switch h.source {
            case .concept(let c): by = "@\(c)"
            case .plain(let s, let t): by = s == .word ? "a word of '\(t)' (weak)" : s == .fuzzy ? "'\(t)' (typos forgiven)" : "'\(t)'"
            case .prefix(let t): by = "the start of a word of '\(t)' (weak)"
            }
            var line = "option \(options[h.option].value): \"\(said)\" by \(by)"
            if h.shared { line += " (shared by several options)" }
            if let n = h.negatedBy {
                line += " → negated by \(n)"
            } else if let a = h.affirmedBy {
                line += " → made whole by the negation \(a)"
            } else if h.nested {
                line += " → inside a longer phrase of another option"
            }
            return line
        }
    }
}
