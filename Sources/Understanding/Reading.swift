/// What the understanding layer made of one line: its words, its clauses, every red-flag finding with
/// its context, and the decision.
public struct Reading: Sendable {
    /// One typed word and the base form the rules saw.
    public struct Word: Sendable, Hashable {
        public var typed: String
        public var base: String
        public var how: Lexicon.Reading
        /// The clause the word is in (from 0).
        public var clause: Int
    }

    /// A context trigger that applies to a finding.
    public struct ContextHit: Sendable, Hashable {
        public var kind: ContextKind
        public var words: Range<Int>
        public var origin: Origin
        public var pattern: String
    }

    /// What to do about a finding.
    public enum Decision: Sendable, Hashable {
        /// Sound the alarm for its category.
        case alarm
        /// Ask whether it is happening now.
        case check
        /// Nothing: its context says it is not an emergency now.
        case dropped(ContextKind)
    }

    /// A red-flag pattern found in the line.
    public struct Finding: Sendable, Hashable {
        public var category: String
        public var words: Range<Int>
        public var origin: Origin
        public var pattern: String
        /// Whether the pattern was one of the flag's `check` patterns.
        public var checkOnly: Bool
        public var context: [ContextHit]
        public var decision: Decision
        /// Who the finding is about (`Subject`): the person typing unless the line names someone else.
        public var subject: Subject = .speaker
    }

    public var words: [Word]
    public var findings: [Finding]

    /// Categories to alarm for, each once, in the order of the red flags in the data.
    public var alarms: [String]
    /// Categories to check, each once (none when there is an alarm).
    public var checks: [String]

    /// The words as the rules saw them ("i", "cant", "lift", "my", "arm").
    public var bases: [String] { words.map(\.base) }

    /// Who the red flag `category` is about: the subject most of its findings that alarm (or, with no
    /// alarm, ask first) agree on, the first one's on a tie ("I found my husband on the floor, he
    /// collapsed" is the husband's); nil when the line does not raise it.
    public func subject(of category: String) -> Subject? {
        var raised = findings.filter { $0.category == category && $0.decision == .alarm }
        if raised.isEmpty { raised = findings.filter { $0.category == category && $0.decision == .check } }
        guard let first = raised.first else { return nil }
        var best = first.subject
        var most = 0
        for f in raised {
            let count = raised.filter { $0.subject == f.subject }.count
            if count > most { (best, most) = (f.subject, count) }
        }
        return best
    }
}

/// A line's words as every reading of it needs them, worked out once per line: the tokens, their base
/// forms, their numbers in the vocabulary, the prefixes they start with, and their clauses.
public struct PreparedLine: Sendable {
    public let tokens: [Token]
    let words: [Reading.Word]
    let ids: [Int32]
    let prefixes: [[Int32]]
    /// Every word and prefix of the line, for rule anchors.
    let wordBits: BitSet
    let prefixBits: BitSet
    /// The clause of each word (from 0).
    let clauses: [Int]
    /// Where each word's clause ends (exclusive), and its sentence (at the next hard break).
    let clauseEnds: [Int]
    let sentenceEnds: [Int]
}

extension Language {
    /// A line's words, worked out once for every reading of it.
    public func prepare(_ line: String) -> PreparedLine {
        let tokens = TextNormalizer.clauseTokens(line)
        var words: [Reading.Word] = []
        words.reserveCapacity(tokens.count)
        var ids: [Int32] = []
        ids.reserveCapacity(tokens.count)
        var prefixes: [[Int32]] = []
        prefixes.reserveCapacity(tokens.count)
        for token in tokens {
            // Known words and their forms in one look-up; the rest through the typo policy.
            if !token.isNumber, let found = known[token.text] {
                let id = Int32(found)
                let base = baseWords[Int(id)]
                words.append(Reading.Word(typed: token.text, base: base, how: base == token.text ? .asTyped : .form, clause: 0))
                ids.append(id)
                let hits = prefixesOfWord[id]
                prefixes.append(hits.isEmpty ? [] : Array(hits))
                continue
            }
            let (base, how) = token.isNumber ? (token.text, .asTyped) : self.base(of: token.text)
            words.append(Reading.Word(typed: token.text, base: base, how: how, clause: 0))
            ids.append(wordIDs[base] ?? -1)
            prefixes.append(prefixHits(base))
        }
        var matcher = Matcher(language: self, ids: ids, prefixes: prefixes)
        let clauses = clauseNumbers(tokens: tokens, matcher: &matcher)
        for i in words.indices { words[i].clause = clauses[i] }
        var sentence = 0
        let sentences = tokens.indices.map { i in
            if i > 0, tokens[i].breakBefore == .hard { sentence += 1 }
            return sentence
        }
        return PreparedLine(
            tokens: tokens, words: words, ids: ids, prefixes: prefixes, wordBits: matcher.wordBits, prefixBits: matcher.prefixBits,
            clauses: clauses, clauseEnds: Matcher.ends(of: clauses), sentenceEnds: Matcher.ends(of: sentences))
    }

    /// Reads a line: words, clauses, findings, context and the decision.
    public func read(_ line: String) -> Reading { read(prepare(line)) }

    /// Reads a prepared line.
    public func read(_ line: PreparedLine) -> Reading { read(line, indexed: true) }

    /// Reads a prepared line; `indexed: false` tries every rule at every word without the indexes and
    /// anchors (the reference the indexed reading is tested against).
    func read(_ line: PreparedLine, indexed: Bool) -> Reading {
        let words = line.words
        var matcher = Matcher(language: self, line: line)
        matcher.indexed = indexed

        // Red flags first: a line with no word that can start one (most answers) stops here.
        guard words.indices.contains(where: { hasCandidate(flagStarts, at: $0, matcher) }) else {
            return Reading(words: words, findings: [], alarms: [], checks: [])
        }
        let clauses = line.clauses
        matcher.limitToClauses()

        var found: [(flag: Int, checkOnly: Bool, words: Range<Int>, rule: Int)] = []
        var triggers: [(kind: ContextKind, direction: TriggerDirection, words: Range<Int>, rule: Int)] = []
        for start in words.indices {
            for rule in candidates(flagStarts, at: start, matcher) {
                let flag: Int
                switch purposes[rule] {
                case .alarm(let f), .check(let f): flag = f
                default: continue
                }
                let wide = spec.redFlags[flag].acrossClauses
                guard let end = matcher.longestEnd(rule: rule, from: start, acrossClauses: wide) else { continue }
                if case .check = purposes[rule] { found.append((flag, true, start..<end, rule)) } else { found.append((flag, false, start..<end, rule)) }
            }
        }
        guard !found.isEmpty else { return Reading(words: words, findings: [], alarms: [], checks: []) }
        // Context only where there is something to judge: the clauses with a finding, and for the time
        // of day, the later clauses a finding reaches.
        let startClauses = Set(found.map { clauses[$0.words.lowerBound] })
        // Other clauses only for what can reach across: a time of now, a time long past (`remote`, for the
        // clause after it), a recurrence (`again`, for a finding before it) and what holds one back.
        for start in words.indices {
            let own = startClauses.contains(clauses[start])
            for rule in candidates(triggerStarts, at: start, matcher) {
                guard let end = matcher.longestEnd(rule: rule, from: start),
                    case .trigger(let kind, let direction) = purposes[rule],
                    own || Self.reachesAcrossClauses.contains(kind)
                else { continue }
                triggers.append((kind, direction, start..<end, rule))
            }
        }
        // A trigger inside or overlapping a pseudo-trigger ("no doubt") is not one, unless it is the longer
        // of the two ("no way out of this contract" over "no way out").
        let pseudo = triggers.filter { $0.kind == .pseudo }.map(\.words)
        triggers.removeAll { t in
            t.kind != .pseudo && pseudo.contains { p in p.overlaps(t.words) && p != t.words && t.words.count <= p.count }
        }
        let figurative = triggers.filter { $0.kind == .figurative }

        // One finding per flag and span: the longest span of a flag hides the spans inside it that start
        // in the same clause, among alarm patterns and among check patterns apart, so a long check ("my
        // baby … not feeding") never hides an alarm inside it ("very hot and not crying"). A long finding
        // its context drops hides nothing: each finding inside it is judged on its own context (a trigger
        // before the long one may not reach it). A finding that starts in a later clause of a longer one
        // is kept too: its own clause may tell a different story ("no energy, crying all day, i keep
        // thinking they'd be better off without me": the long finding is read in the clause of "no").
        found.sort { ($0.words.count, $1.words.lowerBound, $1.rule) > ($1.words.count, $0.words.lowerBound, $0.rule) }
        var judged: [(flag: Int, finding: Reading.Finding)] = []
        var hiding: [(flag: Int, checkOnly: Bool, words: Range<Int>)] = []
        for f in found {
            if hiding.contains(where: {
                $0.flag == f.flag && $0.checkOnly == f.checkOnly && $0.words.overlaps(f.words)
                    && clauses[$0.words.lowerBound] == clauses[f.words.lowerBound]
            }) { continue }
            // One finding per flag, kind and span: a rule found twice (by a word and by a prefix) or
            // another rule over the same words says nothing more.
            if judged.contains(where: { $0.flag == f.flag && $0.finding.checkOnly == f.checkOnly && $0.finding.words == f.words }) { continue }
            let finding = judge(f, triggers: triggers, figurative: figurative, line: line)
            if case .dropped = finding.decision {} else { hiding.append((f.flag, f.checkOnly, f.words)) }
            judged.append((f.flag, finding))
        }
        judged.sort { ($0.finding.words.lowerBound, $0.flag) < ($1.finding.words.lowerBound, $1.flag) }
        var findings = judged.map(\.finding)

        let subjects = subjects(of: findings.map(\.words), in: line)
        for i in findings.indices { findings[i].subject = subjects[i] }

        var alarms: [String] = []
        var checks: [String] = []
        for flag in spec.redFlags {
            if findings.contains(where: { $0.category == flag.category && $0.decision == .alarm }) {
                alarms.append(flag.category)
            } else if findings.contains(where: { $0.category == flag.category && $0.decision == .check }) {
                checks.append(flag.category)
            }
        }
        if !alarms.isEmpty { checks = [] }
        return Reading(words: words, findings: findings, alarms: alarms, checks: checks)
    }

    /// Which of the named concepts occur in a line (each as a phrase of its own, anywhere in the line),
    /// after the same normalising as every rule; concepts the data does not declare never occur.
    public func concepts(_ names: [String], in line: String) -> Set<String> {
        Set(conceptSpans(names, in: prepare(line)).keys)
    }

    /// Where a concept is defined: the file and line of its first phrase (nil for an unknown name).
    public func conceptOrigin(_ name: String) -> Origin? {
        guard let c = conceptIndex[name], let first = concepts[c].first else { return nil }
        return first.origin
    }

    /// `concepts(_:in:)` for a prepared line.
    public func concepts(_ names: [String], in line: PreparedLine) -> Set<String> {
        Set(conceptSpans(names, in: line).keys)
    }

    /// Where each of the named concepts occurs in a line (word ranges, the longest match at each word);
    /// a match lying inside a longer match of another concept is left out ("medicare" inside
    /// "medicare advantage").
    public func conceptSpans(_ names: [String], in line: String) -> [String: [Range<Int>]] {
        conceptSpans(names, in: prepare(line))
    }

    /// `conceptSpans(_:in:)` for a prepared line.
    public func conceptSpans(_ names: [String], in line: PreparedLine) -> [String: [Range<Int>]] {
        conceptSpans(names, in: line, indexed: true)
    }

    /// `conceptSpans`, without the indexes (the reference) or with matches kept within one clause.
    func conceptSpans(_ names: [String], in line: PreparedLine, indexed: Bool, withinClauses: Bool = false) -> [String: [Range<Int>]] {
        let wanted = names.compactMap { name in conceptIndex[name].map { (name, $0) } }
        guard !wanted.isEmpty, !line.tokens.isEmpty else { return [:] }
        let ids = line.ids
        var matcher = Matcher(language: self, line: line)
        matcher.indexed = indexed
        if withinClauses { matcher.limitToClauses() }
        var spans: [(name: String, words: Range<Int>)] = []
        for (name, index) in wanted {
            // A concept whose anchors the line lacks is not looked for at each word.
            if indexed, !conceptAnchors.holds(index, words: matcher.wordBits, prefixes: matcher.prefixBits) { continue }
            for start in ids.indices {
                if let end = concept(index, at: start, &matcher) { spans.append((name, start..<end)) }
            }
        }
        var out: [String: [Range<Int>]] = [:]
        for span in spans
        where !spans.contains(where: { $0.name != span.name && $0.words.count > span.words.count && $0.words.clamped(to: span.words) == span.words }) {
            out[span.name, default: []].append(span.words)
        }
        return out
    }

    /// The line's words less those a negation governs ("they ruled out a tumour" → they): the words
    /// after a `negated` trigger of the context data, within its window and clause, as NegEx reads them.
    /// For rules that look for words anywhere in an answer, such as keyword maps.
    public func unnegatedWords(_ line: PreparedLine) -> [String] {
        let tokens = line.tokens
        guard !tokens.isEmpty else { return [] }
        var matcher = Matcher(language: self, line: line)
        let clauses = line.clauses
        matcher.limitToClauses()
        var negated = [Bool](repeating: false, count: tokens.count)
        var pseudo: [Range<Int>] = []
        var triggers: [Range<Int>] = []
        for start in tokens.indices {
            for rule in candidates(triggerStarts, at: start, matcher) {
                guard case .trigger(let kind, let direction) = purposes[rule], kind == .negated && direction == .before || kind == .pseudo,
                    let end = matcher.longestEnd(rule: rule, from: start)
                else { continue }
                if kind == .pseudo { pseudo.append(start..<end) } else { triggers.append(start..<end) }
            }
        }
        let window = spec.windows[.negated] ?? LanguageSpec.defaultWindow
        for t in triggers where !pseudo.contains(where: { $0.overlaps(t) && $0 != t }) {
            var i = t.upperBound
            while i < tokens.count, i - t.upperBound <= window, clauses[i] == clauses[t.lowerBound] {
                negated[i] = true
                i += 1
            }
        }
        return tokens.indices.filter { !negated[$0] }.map { tokens[$0].text }
    }

    /// Whether a phrase holds a negation trigger of the context data ("not diagnosed", "they don't know").
    public func saysNegation(_ phrase: String) -> Bool {
        let line = prepare(phrase)
        var matcher = Matcher(language: self, line: line)
        for start in line.tokens.indices {
            for rule in candidates(triggerStarts, at: start, matcher) {
                if case .trigger(.negated, _) = purposes[rule], matcher.longestEnd(rule: rule, from: start) != nil { return true }
            }
        }
        return false
    }

    /// What a finding's context makes of it, in this order: a figure of speech or a negation drops it;
    /// happening now keeps it; ongoing asks first; hypothetical or historical drops it.
    /// A finding with its context and decision (see `read`).
    private func judge(
        _ f: (flag: Int, checkOnly: Bool, words: Range<Int>, rule: Int),
        triggers: [(kind: ContextKind, direction: TriggerDirection, words: Range<Int>, rule: Int)],
        figurative: [(kind: ContextKind, direction: TriggerDirection, words: Range<Int>, rule: Int)],
        line: PreparedLine
    ) -> Reading.Finding {
        let clauses = line.clauses
        let flag = spec.redFlags[f.flag]
        let clause = clauses[f.words.lowerBound]
        var context: [Reading.ContextHit] = []
        func hit(_ t: (kind: ContextKind, direction: TriggerDirection, words: Range<Int>, rule: Int), as kind: ContextKind? = nil) {
            context.append(
                Reading.ContextHit(kind: kind ?? t.kind, words: t.words, origin: rules[t.rule].origin, pattern: rules[t.rule].text))
        }
        if let fig = figurative.first(where: { $0.words.overlaps(f.words) }) {
            hit(fig)
        }
        let window = { (kind: ContextKind) in self.spec.windows[kind] ?? LanguageSpec.defaultWindow }
        // A finding that reaches into later clauses is read in the clause where it starts; a time
        // trigger (current or sudden) in a later clause it reaches, with signs of the finding after it,
        // dates those signs, and so the whole finding, to now: "she had a UTI on monday and now she's
        // burning up and confused".
        let lastClause = clauses[f.words.upperBound - 1]
        if lastClause > clause {
            for t in triggers where t.kind == .current || t.kind == .sudden {
                let c = clauses[t.words.lowerBound]
                guard c > clause, c <= lastClause, clauses[t.words.upperBound - 1] == c, t.words.upperBound < f.words.upperBound
                else { continue }
                hit(t, as: .current)
            }
        }
        // A trigger overlapping the finding is part of what was matched ("not breathing", "first seizure"),
        // not its context; except a clause trigger that would hold the alarm back and reaches beyond the
        // finding ("if i get chest pain … what should i do" over "chest pain").
        for t in triggers where t.kind != .figurative && t.kind != .pseudo && t.kind != .aftermath && t.kind != .again && t.kind != .dated && t.kind != .started && t.kind != .joined {
            guard clauses[t.words.lowerBound] == clause, clauses[t.words.upperBound - 1] == clause else { continue }
            if (t.kind == .negated || t.kind == .hypothetical) && t.direction == .before || t.kind == .remote,
                t.words.lowerBound > f.words.lowerBound, t.words.upperBound <= f.words.upperBound
            {
                // A negation in a gap of the finding negates it ("my face isn't drooping", "he's not
                // unconscious"), a supposition there makes it one ("the appendix could burst", "i might
                // not wake up"), and a time long past there dates it ("sepsis last year, fully recovered
                // now"); one the rule itself names is part of the match ("not responding").
                let vocabulary = ruleVocabulary[f.rule]
                let named = t.words.contains { i in
                    vocabulary.words.contains(line.ids[i]) || line.prefixes[i].contains { vocabulary.prefixes.contains($0) }
                }
                if !named { hit(t) }
                continue
            }
            if t.words.overlaps(f.words)
                && (t.direction != .clause || t.kind == .current || t.kind == .sudden || f.words.clamped(to: t.words) == t.words)
            { continue }
            switch t.direction {
            case .before:
                // A negation that has its own words before a comma ends there: "not sleeping, dark
                // thoughts" does not negate the thoughts ("no, chest pain" and "no chest pain" still do).
                if t.kind == .negated, t.words.upperBound < f.words.lowerBound,
                    line.tokens[(t.words.upperBound + 1)...f.words.lowerBound].contains(where: { $0.breakBefore != .none })
                { continue }
                if t.words.upperBound <= f.words.lowerBound, f.words.lowerBound - t.words.upperBound <= window(t.kind) { hit(t) }
            case .after:
                if t.words.lowerBound >= f.words.upperBound, t.words.lowerBound - f.words.upperBound <= window(t.kind) { hit(t) }
            case .clause:
                hit(t)
            }
        }
        let own = triggers.filter { clauses[$0.words.lowerBound] == clause }
        // What lasts from a time long past: "he had a stroke last year | and now he can't speak properly"
        // (the clause before dates it, this one says it lasts); not when this clause says it is
        // happening now or again ("… | and now his face is drooping again").
        if let lasting = own.first(where: { $0.kind == .aftermath }),
            !own.contains(where: { $0.kind == .current || $0.kind == .again }),
            let past = triggers.first(where: { $0.kind == .remote && clauses[$0.words.lowerBound] == clause - 1 })
        {
            hit(past)
            hit(lasting, as: .ongoing)
        }
        // Joined to a supposition: "what if they miss something | and i have a heart attack".
        if clause > 0, own.contains(where: { $0.kind == .joined && $0.words.lowerBound == clauses.firstIndex(of: clause) }),
            !own.contains(where: { $0.kind == .current || $0.kind == .sudden }),
            let supposed = triggers.first(where: { $0.kind == .hypothetical && clauses[$0.words.lowerBound] == clause - 1 })
        {
            hit(supposed)
            // "sometimes my arm jerks | and i lose a few seconds": a frequency goes with it.
            if let often = triggers.first(where: { $0.kind == .ongoing && clauses[$0.words.lowerBound] == clause - 1 }) { hit(often) }
        }
        // Dated afterwards: "im on the bathroom floor, cant move my right side. that was 2021", or to now:
        // "my vision just went blurry in one eye, this started 10 mins ago".
        if !own.contains(where: { $0.kind == .current }),
            let dated = triggers.first(where: { $0.kind == .dated && clauses[$0.words.lowerBound] > lastClause })
        {
            hit(dated, as: .historical)
        } else if !own.contains(where: { [.negated, .historical, .remote, .hypothetical].contains($0.kind) }),
            let started = triggers.first(where: { $0.kind == .started && clauses[$0.words.lowerBound] > lastClause })
        {
            hit(started, as: .current)
        }
        // Past, then again: "my son had a seizure last year | and he's having another one right now"; or
        // long-standing, then worse: "chest has been tight on and off all week | but now it's constant
        // and crushing". A later clause that says it is happening again or now worse, with nothing there
        // holding it back, brings the finding to now (with a time of now in that clause) or asks (without one).
        let kinds = Set(context.map(\.kind))
        if kinds.contains(.historical) || kinds.contains(.remote) || kinds.contains(.ongoing),
            kinds.isDisjoint(with: [.current, .negated, .figurative])
        {
            for again in triggers where again.kind == .again && clauses[again.words.lowerBound] > lastClause {
                let c = clauses[again.words.lowerBound]
                let there = triggers.filter { clauses[$0.words.lowerBound] == c && !$0.words.overlaps(again.words) }
                if there.contains(where: { [.negated, .hypothetical, .historical, .remote, .figurative].contains($0.kind) }) { break }
                let now = there.contains { $0.kind == .current || $0.kind == .sudden }
                hit(again, as: now ? .current : .uncertain)
                break
            }
        }
        return Reading.Finding(
            category: flag.category, words: f.words, origin: rules[f.rule].origin, pattern: rules[f.rule].text,
            checkOnly: f.checkOnly, context: context,
            decision: Self.decide(Set(context.map(\.kind)), checkOnly: f.checkOnly, checkWhenOngoing: flag.checkWhenOngoing))
    }

    /// The kinds of trigger read in clauses without a finding of their own: a later clause a finding
    /// reaches can date it to now; the clause before a finding can date it long ago (`remote`); a later
    /// clause can say it is happening again, unless something there holds that back.
    static let reachesAcrossClauses: Set<ContextKind> = [.current, .sudden, .remote, .again, .dated, .started, .joined, .negated, .hypothetical, .historical, .ongoing, .pseudo]

    static func decide(_ kinds: Set<ContextKind>, checkOnly: Bool, checkWhenOngoing: Bool) -> Reading.Decision {
        if kinds.contains(.figurative) { return .dropped(.figurative) }
        if kinds.contains(.negated) { return .dropped(.negated) }
        // "i think he may be having a heart attack right now": a doubt about what it is, not about when.
        if kinds.contains(.current) { return .alarm }
        if kinds.contains(.uncertain) { return .check }
        if kinds.contains(.sudden) && !kinds.contains(.historical) && !kinds.contains(.remote) { return .alarm }
        if kinds.contains(.ongoing) && (checkOnly || checkWhenOngoing) { return .check }
        if kinds.contains(.hypothetical) { return .dropped(.hypothetical) }
        if kinds.contains(.historical) || kinds.contains(.remote) { return .dropped(.historical) }
        return checkOnly ? .check : .alarm
    }

    /// The prefixes (by number) a word starts with: its own list for a base word, else found by hashing.
    func prefixHits(_ word: String) -> [Int32] {
        if let id = wordIDs[word] { return Array(prefixesOfWord[id]) }
        return Self.prefixHits(word, lengths: prefixLengths, hashes: prefixHashes)
    }

    /// The prefixes (by number) a word starts with, by the hash of its first scalars at each length.
    static func prefixHits(_ word: String, lengths: [Int], hashes: [UInt64: [(String, Int32)]]) -> [Int32] {
        guard let shortest = lengths.first, let longest = lengths.last else { return [] }
        var out: [Int32] = []
        // `FNV1a` of the first `length` scalars, as `Lexicon.hash` made the keys of `hashes`.
        var h = FNV1a.basis
        var length = 0
        for scalar in word.unicodeScalars {
            h = FNV1a.adding(UInt64(scalar.value), to: h)
            length += 1
            if length >= shortest, let found = hashes[h] {
                for (prefix, id) in found where word.hasPrefix(prefix) { out.append(id) }
            }
            if length >= longest { break }
        }
        return out
    }

    /// Where concept `c` ends when it starts at word `start` (the furthest end), or nil; words a phrase
    /// of it cannot start with, and lines without its anchors, are turned away first.
    func concept(_ c: Int, at start: Int, _ matcher: inout Matcher) -> Int? {
        guard start < matcher.ids.count else { return nil }
        if matcher.indexed {
            guard matcher.conceptAnchorsHold(c),
                phraseStarts.canStart(c, word: matcher.ids[start], prefixes: matcher.prefixes[start])
            else { return nil }
        }
        return matcher.longestEnd(concept: c, from: start)
    }

    /// Whether concept `c` occurs anywhere in the matcher's line.
    func conceptOccurs(_ c: Int, _ matcher: inout Matcher) -> Bool {
        if matcher.indexed, !matcher.conceptAnchorsHold(c) { return false }
        for start in matcher.ids.indices where concept(c, at: start, &matcher) != nil { return true }
        return false
    }

    /// Rules of one index that can start at word `i` and whose anchors occur in the line (without the
    /// indexes: every rule of the index's kind).
    func candidates(_ index: StartIndex, at i: Int, _ matcher: Matcher) -> [Int] {
        var out: [Int] = []
        forEachCandidate(index, at: i, matcher) { rule in
            out.append(rule)
            return true
        }
        return out
    }

    /// Whether any rule of the index can start at word `i` with its anchors in the line.
    func hasCandidate(_ index: StartIndex, at i: Int, _ matcher: Matcher) -> Bool {
        var found = false
        forEachCandidate(index, at: i, matcher) { _ in
            found = true
            return false
        }
        return found
    }

    /// Calls `body` with each candidate rule at word `i`, in order, until it returns false.
    private func forEachCandidate(_ index: StartIndex, at i: Int, _ matcher: Matcher, _ body: (Int) -> Bool) {
        guard matcher.indexed else {
            for r in index.all where !body(Int(r)) { return }
            return
        }
        for r in index.byWord[matcher.ids[i]] where anchors.holds(Int(r), words: matcher.wordBits, prefixes: matcher.prefixBits) {
            if !body(Int(r)) { return }
        }
        for p in matcher.prefixes[i] {
            for r in index.byPrefix[p] where anchors.holds(Int(r), words: matcher.wordBits, prefixes: matcher.prefixBits) {
                if !body(Int(r)) { return }
            }
        }
    }

    /// The clause of each word: a new clause after a hard break, after a soft break before a clause
    /// starter ("no fever, my arm…"), and at a terminator ("…, but my arm"); but not inside a fixed
    /// phrase the language lists as no boundary ("anything but surgery" is one clause).
    func clauseNumbers(tokens: [Token], matcher: inout Matcher) -> [Int] {
        var clauses = [Int](repeating: 0, count: tokens.count)
        var clause = 0
        let starters = spec.clauseStarters
        var terminatorStarts = Set<Int>()
        // Terminators are found without clause limits (they are short).
        for start in tokens.indices {
            for rule in candidates(self.terminatorStarts, at: start, matcher)
            where matcher.longestEnd(rule: rule, from: start) != nil {
                terminatorStarts.insert(start)
            }
        }
        // Words inside a non-boundary phrase typed in one run (after its first word) start no clause,
        // unless a clause starter follows the phrase ("tried everything but i still …" is two clauses).
        var inside = Set<Int>()
        if !self.nonBoundaryStarts.all.isEmpty {
            for start in tokens.indices {
                for rule in candidates(self.nonBoundaryStarts, at: start, matcher) {
                    guard let end = matcher.longestEnd(rule: rule, from: start), end > start + 1, end < tokens.count,
                        tokens[end].breakBefore == .none, !starters.contains(tokens[end].text),
                        tokens[(start + 1)..<end].allSatisfy({ $0.breakBefore == .none })
                    else { continue }
                    for j in (start + 1)..<end { inside.insert(j) }
                }
            }
        }
        for i in tokens.indices {
            if i > 0 && !(inside.contains(i) && tokens[i].breakBefore != .hard) {
                switch tokens[i].breakBefore {
                case .hard: clause += 1
                case .soft where starters.contains(tokens[i].text) || terminatorStarts.contains(i): clause += 1
                default: if terminatorStarts.contains(i) { clause += 1 }
                }
            }
            clauses[i] = clause
        }
        return clauses
    }
}

/// Matches the language's rules and concepts against the words of a line, within one clause.
/// Positions a match can reach are a bit set relative to where it started (a match spans at most 63
/// words), and the rules are flat instructions (`Program`), so matching allocates nothing; where each
/// concept ends from each word is remembered, so a concept named by many rules is matched once per word.
struct Matcher {
    let language: Language
    /// Each word's number in the language's vocabulary, -1 when it is not one.
    let ids: [Int32]
    /// The prefixes each word starts with.
    let prefixes: [[Int32]]
    /// Where each word's clause ends (exclusive) once matches are limited to clauses (nil: the line's
    /// end), and where its sentence ends, at the next hard break (nil: the line's end).
    private var clauseEnd: [Int]?
    private var sentenceEnd: [Int]?
    /// The line's own clause ends, for `limitToClauses`.
    private let lineClauseEnd: [Int]?
    /// Every word and prefix of the line (for rule anchors).
    let wordBits: BitSet
    let prefixBits: BitSet
    /// Where concepts end (keyed by concept, limit and word) and, under `anchorsKey`, whether the line
    /// holds a concept's anchors: one table, so a matcher allocates one.
    private var conceptEnds = ConceptMemo()
    private var depth = 0
    /// Whether to use the language's indexes (phrases by start word, anchors); without them every
    /// phrase is tried, which is the reference the indexes are tested against.
    var indexed = true

    init(language: Language, ids: [Int32], prefixes: [[Int32]]) {
        self.language = language
        self.ids = ids
        self.prefixes = prefixes
        clauseEnd = nil
        sentenceEnd = nil
        lineClauseEnd = nil
        var words = BitSet(capacity: language.baseWords.count)
        for id in ids { words.insert(id) }
        var prefixBits = BitSet(capacity: language.prefixIDs.count)
        for list in prefixes { for p in list { prefixBits.insert(p) } }
        wordBits = words
        self.prefixBits = prefixBits
    }

    init(language: Language, line: PreparedLine) {
        self.language = language
        ids = line.ids
        prefixes = line.prefixes
        clauseEnd = nil
        sentenceEnd = line.sentenceEnds
        lineClauseEnd = line.clauseEnds
        wordBits = line.wordBits
        prefixBits = line.prefixBits
    }

    /// Whether the line holds the anchors of concept `c` (`Language.conceptAnchors`), remembered per
    /// concept: a reading asks about one concept at each word of the line, and a concept's anchors can
    /// be long lists of words.
    mutating func conceptAnchorsHold(_ c: Int) -> Bool {
        // A line of a few words asks a few times at most: not worth remembering.
        guard ids.count >= 4 else { return language.conceptAnchors.holds(c, words: wordBits, prefixes: prefixBits) }
        if let known = conceptEnds.value(Self.anchorsKey(c)) { return known != 0 }
        let holds = language.conceptAnchors.holds(c, words: wordBits, prefixes: prefixBits)
        conceptEnds.set(Self.anchorsKey(c), holds ? 1 : 0)
        return holds
    }

    /// Where `conceptEnds` keeps whether the line holds concept `c`'s anchors: a key no end has (an end's
    /// key is below 2^62: concept << 40 | limit << 20 | word).
    @inline(__always)
    private static func anchorsKey(_ c: Int) -> Int { 1 << 62 | c }

    /// Limits matches to the line's clauses from now on.
    mutating func limitToClauses() {
        clauseEnd = lineClauseEnd ?? Self.ends(of: [Int](repeating: 0, count: ids.count))
    }

    /// Limits matches to the given clauses from now on.
    mutating func setClauses(_ clauses: [Int]) {
        clauseEnd = Self.ends(of: clauses)
    }

    /// Where each word's group ends (exclusive), for a group number per word.
    static func ends(of groups: [Int]) -> [Int] {
        var out = groups
        var end = groups.count
        for i in stride(from: groups.count - 1, through: 0, by: -1) {
            if i + 1 < groups.count, groups[i + 1] != groups[i] { end = i + 1 }
            out[i] = end
        }
        return out
    }

    /// The furthest word a match of rule `rule` starting at `start` ends before, or nil; within the
    /// clause, or with `acrossClauses` within the sentence.
    mutating func longestEnd(rule: Int, from start: Int, acrossClauses: Bool = false) -> Int? {
        guard start >= 0, start < ids.count else { return nil }
        let range = language.program.rules[rule]
        let limit = acrossClauses ? (sentenceEnd?[start] ?? ids.count) : (clauseEnd?[start] ?? ids.count)
        return furthest(run(range.lowerBound, range.upperBound, start: start, mask: 1, limit: limit), from: start)
    }

    /// The furthest word a phrase of concept `c` starting at `start` ends before, or nil.
    mutating func longestEnd(concept c: Int, from start: Int) -> Int? {
        guard start >= 0, start < ids.count else { return nil }
        return furthest(concept(c, at: start, limit: clauseEnd?[start] ?? ids.count), from: start)
    }

    private func furthest(_ ends: UInt64, from start: Int) -> Int? {
        guard ends != 0 else { return nil }
        let furthest = 63 - ends.leadingZeroBitCount
        return furthest > 0 ? start + furthest : nil
    }

    /// Runs instructions `from..<to` from the positions in `mask` (bit k = word start + k).
    private mutating func run(_ from: Int, _ to: Int, start: Int, mask: UInt64, limit: Int) -> UInt64 {
        var m = mask
        var pc = from
        while pc < to {
            (m, pc) = step(pc, start: start, mask: m, limit: limit)
            if m == 0 { return 0 }
        }
        return m
    }

    /// One element at `pc`: the positions reachable after it, and where the next element starts.
    private mutating func step(_ pc: Int, start: Int, mask: UInt64, limit: Int) -> (UInt64, Int) {
        let instruction = language.program.code[pc]
        switch instruction.op {
        case .word:
            return (advance(mask, start: start, limit: limit) { ids[$0] == instruction.a }, pc + 1)
        case .prefix:
            return (advance(mask, start: start, limit: limit) { prefixes[$0].contains(instruction.a) }, pc + 1)
        case .gap:
            var out = mask
            var shifted = mask
            for _ in 0..<instruction.a {
                shifted <<= 1
                out |= shifted
            }
            let room = limit - start
            if room < 63 { out &= (UInt64(1) << UInt64(room + 1)) &- 1 }
            return (out, pc + 1)
        case .optional:
            let end = pc + 1 + Int(instruction.a)
            return (mask | run(pc + 1, end, start: start, mask: mask, limit: limit), end)
        case .choice:
            var out: UInt64 = 0
            var q = pc + 1
            for _ in 0..<instruction.a {
                let length = Int(language.program.code[q].a)
                out |= run(q + 1, q + 1 + length, start: start, mask: mask, limit: limit)
                q += 1 + length
            }
            return (out, pc + 1 + Int(instruction.b))
        case .concept:
            let c = Int(instruction.a)
            guard c >= 0 else { return (0, pc + 1) }
            var out: UInt64 = 0
            var bits = mask
            while bits != 0 {
                let k = bits.trailingZeroBitCount
                bits &= bits &- 1
                let p = start + k
                guard p < limit else { continue }
                let ends = concept(c, at: p, limit: limit)
                if ends != 0 { out |= ends << UInt64(k) }
            }
            return (out, pc + 1)
        case .alternative:
            // Only reached through `choice`.
            return (0, pc + 1 + Int(instruction.a))
        }
    }

    /// The positions one word further on from those in `mask` whose word `accepts` (bit k = word start + k).
    @inline(__always)
    private func advance(_ mask: UInt64, start: Int, limit: Int, accepts: (Int) -> Bool) -> UInt64 {
        var out: UInt64 = 0
        var bits = mask
        while bits != 0 {
            let k = bits.trailingZeroBitCount
            bits &= bits &- 1
            let p = start + k
            if k < 63, p < limit, accepts(p) { out |= 1 << UInt64(k + 1) }
        }
        return out
    }

    /// Where concept `c` ends from word `p` (bit k = word p + k).
    private mutating func concept(_ c: Int, at p: Int, limit: Int) -> UInt64 {
        // Where a concept ends depends on where matches must stop, so the limit is part of the key.
        let key = c << 40 | limit << 20 | p
        if let known = conceptEnds.value(key) { return known }
        guard depth < 16 else { return 0 }
        depth += 1
        var out: UInt64 = 0
        let phrases = language.program.concepts[c]
        guard indexed else {
            for phrase in phrases { out |= run(phrase.lowerBound, phrase.upperBound, start: p, mask: 1, limit: limit) }
            depth -= 1
            conceptEnds.set(key, out)
            return out
        }
        // Only the phrases that can start at this word.
        let index = language.phraseStarts
        for k in index.anywhere(c) { out |= run(phrases[Int(k)].lowerBound, phrases[Int(k)].upperBound, start: p, mask: 1, limit: limit) }
        if ids[p] >= 0 {
            for k in index.phrases(PhraseStarts.key(c, word: ids[p])) {
                out |= run(phrases[Int(k)].lowerBound, phrases[Int(k)].upperBound, start: p, mask: 1, limit: limit)
            }
        }
        for prefix in prefixes[p] {
            for k in index.phrases(PhraseStarts.key(c, prefix: prefix)) {
                out |= run(phrases[Int(k)].lowerBound, phrases[Int(k)].upperBound, start: p, mask: 1, limit: limit)
            }
        }
        depth -= 1
        conceptEnds.set(key, out)
        return out
    }
}
