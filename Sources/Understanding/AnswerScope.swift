/// Which words of an answer a negation governs, for reading answers (options, yes and no): "not for my
/// husband, for me" names the husband only to set him aside, "no visit needed" does not choose a visit,
/// "not online, in person" chooses in person, and "private is too expensive, NHS" chooses the NHS.
///
/// Triggers written before what they govern: the `negated` triggers written `before` a finding in the
/// context data (the same "no", "not", "don't", "instead of" that judge red flags) less those inside a
/// `pseudo` phrase ("not sure", "no change", "not only"), and the answers.json concepts
/// `answer_negation` ("can't", "couldn't do") and `answer_doubt` ("not sure", "I doubt": "surgery, but
/// I'm not sure it's serious"). Triggers written after: the concept `answer_rejection` ("is too
/// expensive", "don't work for me", "is out of the question").
///
/// An answer is short and often a list, so a trigger's scope is narrower than for red flags: it stays
/// in its stretch of the answer (`segments`: up to any punctuation or a new clause), stops at a word of
/// the concept `answer_scope_end` ("but", "just", "rather": "not a rare thing, just …"), and reaches at
/// most the window of the `negated` kind.
public struct AnswerScope: Sendable {
    public typealias Trigger = (words: Range<Int>, pattern: String, origin: String)

    /// For each word, the trigger that governs it (an index into `triggers`), or nil.
    public let governedBy: [Int?]
    /// The triggers found, as word ranges, with the rule each came from.
    public let triggers: [Trigger]
    /// Each word's stretch of the answer: a new one starts at any punctuation and at a new clause ("as
    /// soon as possible, like today"; "… medicaid but now it's through my employer").
    public let segments: [Int]

    /// True when a trigger outside `span` governs its first or its last word, and `span` holds no
    /// trigger of its own ("no insurance" and "not urgent" say their negation themselves, and are not
    /// turned round by another one).
    public func governs(_ span: Range<Int>) -> Bool { trigger(of: span) != nil }

    /// The trigger that governs `span`, if one does: its words, rule and file:line.
    public func trigger(of span: Range<Int>) -> Trigger? {
        guard !span.isEmpty, span.upperBound <= governedBy.count else { return nil }
        if triggers.contains(where: { $0.words.overlaps(span) }) { return nil }
        guard let t = governedBy[span.lowerBound] ?? governedBy[span.upperBound - 1] else { return nil }
        return triggers[t]
    }
}

extension PreparedLine {
    /// Whether word `i` is a word of the language data (in any concept or pattern, or a form of one):
    /// a real word there, not a typo to forgive.
    public func isKnownWord(_ i: Int) -> Bool { i >= 0 && i < ids.count && ids[i] >= 0 }
}

extension Language {
    /// The clause of each word of an answer (`clauseNumbers`), for `answerScope` and
    /// `answerConceptSpans` to share.
    public func answerClauses(_ line: PreparedLine) -> [Int] {
        // `prepare` worked them out, as `clauseNumbers` does.
        line.clauses
    }

    /// The triggers of an answer and the words each governs (`clauses` from `answerClauses`, when known).
    public func answerScope(_ line: PreparedLine, clauses given: [Int]? = nil) -> AnswerScope {
        let tokens = line.tokens
        guard !tokens.isEmpty else { return AnswerScope(governedBy: [], triggers: [], segments: []) }
        var matcher = Matcher(language: self, line: line)
        let clauses = given?.count == tokens.count ? given ?? [] : line.clauses
        var segments = [Int](repeating: 0, count: tokens.count)
        for i in tokens.indices.dropFirst() {
            segments[i] = segments[i - 1] + (tokens[i].breakBefore != .none || clauses[i] != clauses[i - 1] ? 1 : 0)
        }
        matcher.setClauses(segments)

        var pseudo: [Range<Int>] = []
        // (words, rule text, origin, governs the words after it)
        var found: [(words: Range<Int>, pattern: String, origin: String, forward: Bool)] = []
        for start in tokens.indices {
            for rule in candidates(triggerStarts, at: start, matcher) {
                guard case .trigger(let kind, let direction) = purposes[rule], kind == .negated && direction == .before || kind == .pseudo,
                    let end = matcher.longestEnd(rule: rule, from: start)
                else { continue }
                if kind == .pseudo {
                    pseudo.append(start..<end)
                } else {
                    found.append((start..<end, rules[rule].text, rules[rule].origin.description, true))
                }
            }
        }
        found.removeAll { t in pseudo.contains { $0.overlaps(t.words) && $0 != t.words } }
        for (name, c, origin, forward) in answerConcepts.scopeTriggers where matcher.conceptAnchorsHold(c) {
            for start in tokens.indices {
                if let end = concept(c, at: start, &matcher) { found.append((start..<end, "@" + name, origin, forward)) }
            }
        }
        // The longest trigger at each place ("not a" over "not"), none overlapping another.
        found.sort { ($0.words.lowerBound, -$0.words.count) < ($1.words.lowerBound, -$1.words.count) }
        var kept: [(words: Range<Int>, pattern: String, origin: String, forward: Bool)] = []
        for t in found where !kept.contains(where: { $0.words.overlaps(t.words) }) { kept.append(t) }

        var ends = [Bool](repeating: false, count: tokens.count)
        if let stop = answerConcepts.scopeEnd, matcher.conceptAnchorsHold(stop) {
            for start in tokens.indices {
                if concept(stop, at: start, &matcher) != nil { ends[start] = true }
            }
        }
        let window = spec.windows[.negated] ?? LanguageSpec.defaultWindow
        var governedBy = [Int?](repeating: nil, count: tokens.count)
        for (k, t) in kept.enumerated() {
            if t.forward {
                var i = t.words.upperBound
                while i < tokens.count, i - t.words.upperBound <= window, segments[i] == segments[t.words.lowerBound], !ends[i] {
                    if governedBy[i] == nil { governedBy[i] = k }
                    i += 1
                }
            } else {
                var i = t.words.lowerBound - 1
                while i >= 0, t.words.lowerBound - 1 - i <= window, segments[i] == segments[t.words.lowerBound], !ends[i + 1] {
                    if governedBy[i] == nil { governedBy[i] = k }
                    i -= 1
                }
            }
        }
        return AnswerScope(governedBy: governedBy, triggers: kept.map { ($0.words, $0.pattern, $0.origin) }, segments: segments)
    }

    /// Where each of the named concepts occurs in an answer, as `conceptSpans` finds them but within one
    /// clause ("no better, no worse" is one; "it's about me, my daughter is typing" is two).
    /// (`given` clauses are accepted for callers that have them; the prepared line already holds its own.)
    public func answerConceptSpans(_ names: [String], in line: PreparedLine, clauses given: [Int]? = nil) -> [String: [Range<Int>]] {
        conceptSpans(names, in: line, indexed: true, withinClauses: true)
    }
}

extension Language {
    /// Whether a phrase of the named concept occurs in a line; a line without the concept's anchor
    /// words is turned away before any matching.
    public func mentions(_ name: String, in line: PreparedLine) -> Bool {
        mentions(conceptIndex[name], in: line)
    }

    /// Whether the line says it did not understand the question (`answer_confused`: "what do you mean?",
    /// "not sure what you mean"), and is no question about a word (`answer_asks_term`: "what do you mean
    /// by general information?").
    public func saysConfused(_ line: PreparedLine) -> Bool {
        mentions(answerConcepts.confused, in: line) && !mentions(answerConcepts.asksTerm, in: line)
    }

    /// `mentions` for a concept by number (nil: a concept the data does not declare, which never occurs).
    func mentions(_ concept: Int?, in line: PreparedLine) -> Bool {
        guard let c = concept, !line.tokens.isEmpty,
            conceptAnchors.holds(c, words: line.wordBits, prefixes: line.prefixBits)
        else { return false }
        var matcher = Matcher(language: self, line: line)
        return conceptOccurs(c, &matcher)
    }
}
