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
    }

    public var words: [Word]
    public var findings: [Finding]

    /// Categories to alarm for, each once, in the order of the red flags in the data.
    public var alarms: [String]
    /// Categories to check, each once (none when there is an alarm).
    public var checks: [String]

    /// The words as the rules saw them ("i", "cant", "lift", "my", "arm").
    public var bases: [String] { words.map(\.base) }
}

extension Language {
    /// Reads a line: words, clauses, findings, context and the decision.
    public func read(_ line: String) -> Reading {
        let tokens = TextNormalizer.clauseTokens(line)
        var words: [Reading.Word] = []
        words.reserveCapacity(tokens.count)
        for token in tokens {
            let (base, how) = token.isNumber ? (token.text, .asTyped) : self.base(of: token.text)
            words.append(Reading.Word(typed: token.text, base: base, how: how, clause: 0))
        }
        var matcher = Matcher(language: self, words: words.map(\.base), clauseOf: [])
        let clauses = clauseNumbers(tokens: tokens, matcher: &matcher)
        for i in words.indices { words[i].clause = clauses[i] }
        matcher.clauseOf = clauses

        // Every rule at every word that can start it.
        var hits: [(rule: Int, words: Range<Int>)] = []
        for start in words.indices {
            for rule in candidates(at: matcher.words[start]) {
                if let end = matcher.longestEnd(rules[rule].elements, from: start) {
                    hits.append((rule, start..<end))
                }
            }
        }

        var triggers: [(kind: ContextKind, direction: TriggerDirection, words: Range<Int>, rule: Int)] = []
        var found: [(flag: Int, checkOnly: Bool, words: Range<Int>, rule: Int)] = []
        for hit in hits {
            switch purposes[hit.rule] {
            case .alarm(let flag): found.append((flag, false, hit.words, hit.rule))
            case .check(let flag): found.append((flag, true, hit.words, hit.rule))
            case .trigger(let kind, let direction): triggers.append((kind, direction, hit.words, hit.rule))
            case .terminator: break
            }
        }
        // A trigger inside a pseudo-trigger ("no doubt") is not one.
        let pseudo = triggers.filter { $0.kind == .pseudo }.map(\.words)
        triggers.removeAll { t in t.kind != .pseudo && pseudo.contains { $0.overlaps(t.words) && $0 != t.words } }
        let figurative = triggers.filter { $0.kind == .figurative }

        // One finding per flag and span: the longest span of a flag wins over spans inside it.
        found.sort { ($0.words.count, $1.words.lowerBound) > ($1.words.count, $0.words.lowerBound) }
        var kept: [(flag: Int, checkOnly: Bool, words: Range<Int>, rule: Int)] = []
        for f in found where !kept.contains(where: { $0.flag == f.flag && $0.words.overlaps(f.words) }) {
            kept.append(f)
        }
        kept.sort { ($0.words.lowerBound, $0.flag) < ($1.words.lowerBound, $1.flag) }

        var findings: [Reading.Finding] = []
        for f in kept {
            let flag = spec.redFlags[f.flag]
            let clause = clauses[f.words.lowerBound]
            var context: [Reading.ContextHit] = []
            func hit(_ t: (kind: ContextKind, direction: TriggerDirection, words: Range<Int>, rule: Int)) {
                context.append(
                    Reading.ContextHit(kind: t.kind, words: t.words, origin: rules[t.rule].origin, pattern: rules[t.rule].text))
            }
            if let fig = figurative.first(where: { $0.words.overlaps(f.words) }) {
                hit(fig)
            }
            let window = { (kind: ContextKind) in self.spec.windows[kind] ?? LanguageSpec.defaultWindow }
            for t in triggers where t.kind != .figurative && t.kind != .pseudo && !t.words.overlaps(f.words) {
                guard clauses[t.words.lowerBound] == clause, clauses[t.words.upperBound - 1] == clause else { continue }
                switch t.direction {
                case .before:
                    if t.words.upperBound <= f.words.lowerBound, f.words.lowerBound - t.words.upperBound <= window(t.kind) { hit(t) }
                case .after:
                    if t.words.lowerBound >= f.words.upperBound, t.words.lowerBound - f.words.upperBound <= window(t.kind) { hit(t) }
                case .clause:
                    hit(t)
                }
            }
            let kinds = Set(context.map(\.kind))
            let decision: Reading.Decision
            if kinds.contains(.figurative) {
                decision = .dropped(.figurative)
            } else if kinds.contains(.negated) {
                decision = .dropped(.negated)
            } else if kinds.contains(.current) {
                decision = .alarm
            } else if kinds.contains(.ongoing) && (f.checkOnly || flag.checkWhenOngoing) {
                decision = .check
            } else if kinds.contains(.hypothetical) {
                decision = .dropped(.hypothetical)
            } else if kinds.contains(.historical) {
                decision = .dropped(.historical)
            } else {
                decision = f.checkOnly ? .check : .alarm
            }
            findings.append(
                Reading.Finding(
                    category: flag.category, words: f.words, origin: rules[f.rule].origin, pattern: rules[f.rule].text,
                    checkOnly: f.checkOnly, context: context, decision: decision))
        }

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

    /// Rules that can start at a word.
    func candidates(at word: String) -> [Int] {
        var out = byFirstWord[word] ?? []
        for (prefix, ids) in byFirstPrefix where word.hasPrefix(prefix) { out.append(contentsOf: ids) }
        return out
    }

    /// The clause of each word: a new clause after a hard break, after a soft break before a clause
    /// starter ("no fever, my arm…"), and at a terminator ("…, but my arm").
    func clauseNumbers(tokens: [Token], matcher: inout Matcher) -> [Int] {
        var clauses = [Int](repeating: 0, count: tokens.count)
        var clause = 0
        let starters = spec.clauseStarters
        var terminatorStarts = Set<Int>()
        // Terminators are found without clause limits (they are short).
        matcher.clauseOf = [Int](repeating: 0, count: tokens.count)
        for start in tokens.indices {
            for rule in candidates(at: matcher.words[start]) where purposes[rule] == .terminator {
                if matcher.longestEnd(rules[rule].elements, from: start) != nil { terminatorStarts.insert(start) }
            }
        }
        for i in tokens.indices {
            if i > 0 {
                switch tokens[i].breakBefore {
                case .hard: clause += 1
                case .soft where starters.contains(matcher.words[i]) || terminatorStarts.contains(i): clause += 1
                default: if terminatorStarts.contains(i) { clause += 1 }
                }
            }
            clauses[i] = clause
        }
        return clauses
    }
}

/// Matches compiled patterns against the words of a line, within one clause; remembers where each
/// concept ends from each word, so a concept named by many rules is matched once per word.
struct Matcher {
    let language: Language
    let words: [String]
    var clauseOf: [Int]
    private var conceptEnds: [Int: [Int]] = [:]
    private var depth = 0

    init(language: Language, words: [String], clauseOf: [Int]) {
        self.language = language
        self.words = words
        self.clauseOf = clauseOf
    }

    /// The furthest word a match of `elements` starting at `start` ends before, or nil.
    mutating func longestEnd(_ elements: [Language.Element], from start: Int) -> Int? {
        ends(elements, from: start).max()
    }

    /// Every end of a match of `elements` from `start`, within `start`'s clause.
    mutating func ends(_ elements: [Language.Element], from start: Int) -> [Int] {
        guard start < words.count else { return elements.allSatisfy(Self.optional) ? [start] : [] }
        let clause = clauseOf.isEmpty ? 0 : clauseOf[start]
        var limit = start
        while limit < words.count, (clauseOf.isEmpty ? 0 : clauseOf[limit]) == clause { limit += 1 }
        var positions = [start]
        for element in elements {
            var next: [Int] = []
            for p in positions { next.append(contentsOf: step(element, from: p, limit: limit)) }
            positions = Array(Set(next)).sorted()
            if positions.isEmpty { return [] }
        }
        return positions
    }

    static func optional(_ element: Language.Element) -> Bool {
        switch element {
        case .optional, .gap: return true
        default: return false
        }
    }

    private mutating func step(_ element: Language.Element, from p: Int, limit: Int) -> [Int] {
        switch element {
        case .word(let w):
            return p < limit && words[p] == w ? [p + 1] : []
        case .prefix(let prefix):
            return p < limit && words[p].hasPrefix(prefix) ? [p + 1] : []
        case .gap(let n):
            return Array(p...min(p + n, limit))
        case .optional(let inner):
            return [p] + step(inner, from: p, limit: limit)
        case .choice(let alternatives):
            var out: [Int] = []
            for alternative in alternatives {
                var positions = [p]
                for e in alternative {
                    var next: [Int] = []
                    for q in positions { next.append(contentsOf: step(e, from: q, limit: limit)) }
                    positions = next
                    if positions.isEmpty { break }
                }
                out.append(contentsOf: positions)
            }
            return out
        case .concept(let c):
            guard p < limit, c >= 0 else { return [] }
            let key = c &* 65_536 &+ p
            if let known = conceptEnds[key] { return known.filter { $0 <= limit } }
            guard depth < 16 else { return [] }
            depth += 1
            var out: [Int] = []
            for phrase in language.concepts[c] {
                var positions = [p]
                for e in phrase.elements {
                    var next: [Int] = []
                    for q in positions { next.append(contentsOf: step(e, from: q, limit: limit)) }
                    positions = next
                    if positions.isEmpty { break }
                }
                out.append(contentsOf: positions)
            }
            depth -= 1
            out = Array(Set(out)).sorted()
            conceptEnds[key] = out
            return out
        }
    }
}
