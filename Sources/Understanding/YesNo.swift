/// A yes/no answer read from what it means, clause by clause: "my son's coming with me" is a yes to
/// "could someone come with you?", "nothing's changed" a no to "any new symptoms?", and "not sure
/// what else, but yes" a yes ("not" only counts in its own clause).
///
/// General signals are the concepts `answer_yes`, `answer_no` and `answer_unsure` of the language data;
/// a question adds its own with `"yes"` and `"no"` (concepts it names), and those win over the general
/// ones. Where a phrase lies inside a longer one ("no worries" inside … "no"), the longer one counts. A
/// phrase a negation governs (`Language.answerScope`: "I don't want to carry them around" is not "I'll
/// carry them") says nothing, unless the phrase holds its own negation ("not permanent").
public enum YesNoAnswer: Sendable, Hashable {
    case yes
    case no
    /// "I don't know", "not sure".
    case unsure
    /// Signals both ways that the question's own phrases do not settle: ask again.
    case conflicting
    /// Not knowing, said among other words ("I'm not sure to be honest", "not sure what you mean"): a
    /// skip when the plain skip phrases say so, else asked again.
    case unclear
    /// A soft yes or no said with not knowing ("I think so but I'm not sure", "maybe a little, not
    /// sure", "not sure if they're new or just worse"), or said as a possibility ("maybe my partner",
    /// "my wife, if she can get off work"): asked again.
    case tentative
    /// Nothing this reading knows: left to the plain matcher.
    case none
}

extension Language {
    /// Reads a yes/no answer; `yes` and `no` are the question's own concepts (without `@`).
    public func readYesNo(_ line: String, yes: [String] = [], no: [String] = []) -> YesNoAnswer {
        readYesNo(prepare(line), yes: yes, no: no)
    }

    /// `readYesNo` for a prepared line.
    public func readYesNo(_ line: PreparedLine, yes: [String] = [], no: [String] = []) -> YesNoAnswer {
        yesNoReading(line, yes: yes, no: no).answer
    }

    /// True when all a line says is that the person does not know (`answer_unsure`: "haven't decided
    /// yet", "I'd have to ask the surgeon"): a skip at any question.
    public func saysNotKnowing(_ line: PreparedLine) -> Bool {
        yesNoReading(line, yes: [], no: []).answer == .unsure
    }

    /// How a yes/no answer was read, one line per signal, for `understand`.
    public func explainYesNo(_ line: PreparedLine, yes: [String] = [], no: [String] = []) -> [String] {
        let reading = yesNoReading(line, yes: yes, no: no)
        var out = reading.spans.map { s -> String in
            let said = line.tokens[s.words].map(\.text).joined(separator: " ")
            let kind = s.kind == .yes ? "yes" : s.kind == .no ? "no" : s.kind == .unsure ? "unsure" : "hedge"
            var text = "\(kind) \"\(said)\" by @\(s.concept)"
            if let n = s.negatedBy { text += " → negated by \(n)" } else if !s.kept { text += " → inside a longer phrase of the other kind" }
            return text
        }
        switch reading.answer {
        case .yes: out.append("reads yes")
        case .no: out.append("reads no")
        case .unsure: out.append("reads not knowing (a skip)")
        case .conflicting: out.append("reads both ways: asked again")
        case .unclear: out.append("reads not knowing among other words: a skip if a skip phrase says so, else asked again")
        case .tentative: out.append("reads a soft yes or no said with not knowing (answer_tentative): asked again")
        case .none: out.append("no yes or no by meaning: the plain yes/no words decide, when they open a short answer")
        }
        return out
    }

    private enum SignalKind { case yes, no, unsure, hedge }

    private struct Signal {
        var kind: SignalKind
        var specific: Bool
        var words: Range<Int>
        var concept: String
        var negatedBy: String?
        var kept = true
    }

    private func yesNoReading(_ line: PreparedLine, yes: [String], no: [String]) -> (answer: YesNoAnswer, spans: [Signal]) {
        let tokens = line.tokens
        guard !tokens.isEmpty else { return (.none, []) }
        let ids = line.ids
        var matcher = Matcher(language: self, line: line)
        // The line's own clauses (`prepare` works them out as `clauseNumbers` does here).
        let clauses = line.clauses
        matcher.limitToClauses()

        var spans: [Signal] = []
        func look(_ c: Int?, _ name: String, _ kind: SignalKind, specific: Bool) {
            // A concept whose anchors the line lacks occurs at no word.
            guard let c, conceptAnchors.holds(c, words: line.wordBits, prefixes: line.prefixBits) else { return }
            var start = 0
            while start < ids.count {
                if let end = concept(c, at: start, &matcher) {
                    spans.append(Signal(kind: kind, specific: specific, words: start..<end, concept: name))
                    start = end
                } else {
                    start += 1
                }
            }
        }
        for name in yes { look(conceptIndex[name], name, .yes, specific: true) }
        for name in no { look(conceptIndex[name], name, .no, specific: true) }
        let general = answerConcepts
        look(general.yes, "answer_yes", .yes, specific: false)
        look(general.no, "answer_no", .no, specific: false)
        look(general.unsure, "answer_unsure", .unsure, specific: false)
        look(general.hedge, "answer_hedge", .hedge, specific: false)
        guard !spans.isEmpty else { return (.none, []) }
        // A phrase a negation governs says nothing; one inside a longer phrase of another kind neither.
        // Nothing can govern a phrase that is the whole answer ("yes please"): no scope to read then.
        let scope = spans.allSatisfy({ $0.words == 0..<tokens.count }) ? nil : answerScope(line, clauses: clauses)
        for i in spans.indices where spans[i].kind != .unsure && spans[i].kind != .hedge {
            if let t = scope?.trigger(of: spans[i].words) {
                spans[i].negatedBy = "\"\(tokens[t.words].map(\.text).joined(separator: " "))\" by '\(t.pattern)' (\(t.origin))"
            }
        }
        // Not knowing governs what follows it in its clause, as a negation does: "I'd have to ask my
        // husband" names the husband in doubt.
        let unsure = spans.filter { $0.kind == .unsure }.map(\.words)
        for i in spans.indices where spans[i].negatedBy == nil && (spans[i].kind == .yes || spans[i].kind == .no) {
            let w = spans[i].words
            if let u = unsure.first(where: { $0.upperBound <= w.lowerBound && w.lowerBound - $0.upperBound <= 3 && clauses[$0.lowerBound] == clauses[w.lowerBound] }) {
                spans[i].negatedBy = "not knowing \"\(tokens[u].map(\.text).joined(separator: " "))\" by @answer_unsure"
            }
        }
        let live = spans.filter { $0.negatedBy == nil }
        for i in spans.indices {
            let s = spans[i]
            spans[i].kept = s.negatedBy == nil
                && !live.contains { o in o.kind != s.kind && o.words.count > s.words.count && o.words.clamped(to: s.words) == s.words }
        }
        // A reason or a concession after an answer is detail ("my friend Rosa, since my husband works
        // days"; `answer_reason`, `answer_concession`): a yes or no in it says nothing.
        let asides = occurrences(general.reason, &matcher) + occurrences(general.concession, &matcher)
        let sentence = { (i: Int) in tokens[...i].dropFirst().filter { $0.breakBefore == .hard }.count }
        for i in spans.indices where spans[i].kept && (spans[i].kind == .yes || spans[i].kind == .no) {
            let w = spans[i].words
            guard let a = asides.first(where: { $0.upperBound <= w.lowerBound && sentence($0.lowerBound) == sentence(w.lowerBound) }) else { continue }
            if spans.contains(where: { $0.kept && ($0.kind == .yes || $0.kind == .no) && $0.words.upperBound <= a.lowerBound }) {
                spans[i].kept = false
            }
        }
        let kept = spans.filter(\.kept)
        // Both at once ("maybe, maybe not", "yes and no"): asked again.
        if kept.contains(where: { $0.kind == .hedge }) { return (.conflicting, spans) }
        // Soft words (`answer_tentative`: "I think so", "probably", "a little", "not sure if") where a
        // phrase of not knowing stands too: asked again, unless a firm yes or no opens the answer.
        let tentative = occurrences(general.tentative, &matcher)
        let opening = Self.opening(kept, tokens: tokens, clauses: clauses, tentative: tentative)
        if opening == nil, !tentative.isEmpty, kept.contains(where: { $0.kind == .unsure }) { return (.tentative, spans) }
        // Every yes and no said as a possibility (`answer_maybe` just before it or soon after it in its
        // sentence: "maybe my partner", "my wife, if she can get off work"): asked again.
        // ("if" and the like only just before it: "if my son is free", not "it can be reversed if needed".)
        if opening == nil {
            let said = occurrences(general.maybe, &matcher)
            let before = said + occurrences(general.maybeBefore, &matcher)
            let answers = kept.filter { $0.kind == .yes || $0.kind == .no }
            let sentence = { (i: Int) in tokens[...i].dropFirst().filter { $0.breakBefore == .hard }.count }
            if !before.isEmpty, !answers.isEmpty, answers.allSatisfy({ s in
                before.contains { m in m.upperBound <= s.words.lowerBound && s.words.lowerBound - m.upperBound <= 1 }
                    || said.contains { m in
                        m.lowerBound >= s.words.upperBound && m.lowerBound - s.words.upperBound <= 3 && sentence(m.lowerBound) == sentence(s.words.lowerBound)
                    }
            }) {
                return (.tentative, spans)
            }
        }
        if let opening { return (opening == .yes ? .yes : .no, spans) }
        let specific = kept.filter(\.specific)
        let chosen = specific.isEmpty ? kept : specific
        let answers = chosen.filter { $0.kind != .unsure }
        if answers.isEmpty {
            // Unsure when that is all the line says ("not sure"); among other words ("not sure what you
            // mean", "maybe my partner") the question is asked again.
            if chosen.isEmpty { return (.none, spans) }
            let covered = Set(chosen.flatMap { Array($0.words) })
            return (ids.count - covered.count > 1 ? .unclear : .unsure, spans)
        }
        let kinds = Set(answers.map { $0.kind == .yes })
        if kinds.count == 1 { return (kinds.first == true ? .yes : .no, spans) }
        // Both ways: the question's own phrases conflict, so ask; general ones give way to the last
        // clause ("no, wait, yes").
        if !specific.isEmpty { return (.conflicting, spans) }
        let last = answers.max { $0.words.lowerBound < $1.words.lowerBound }
        let lastClause = clauses[last?.words.lowerBound ?? 0]
        let inLast = Set(answers.filter { clauses[$0.words.lowerBound] == lastClause }.map { $0.kind == .yes })
        return (inLast.count == 1 ? (inLast.first == true ? .yes : .no) : .conflicting, spans)
    }

    /// Where the named concept occurs, left to right, each match after the one before.
    private func occurrences(_ c: Int?, _ matcher: inout Matcher) -> [Range<Int>] {
        guard let c, matcher.conceptAnchorsHold(c) else { return [] }
        var found: [Range<Int>] = []
        var start = 0
        while start < matcher.ids.count {
            if let end = concept(c, at: start, &matcher) {
                found.append(start..<end)
                start = end
            } else {
                start += 1
            }
        }
        return found
    }

    /// Words that join a clause to the one before, so a yes or no right after them opens its clause
    /// ("yes, but no").
    private static let linkers: Set<String> = ["but", "and", "so", "or", "actually", "wait", "well", "oh", "ok", "okay", "sorry", "mean"]

    /// An answer opened by a firm yes or no ("no, I am not worried about him", "a bit yeah, she's lovely
    /// but…", "yes zoloft 50mg for 6 weeks, does nothing for the chest thing"): the signals before the
    /// first punctuation or new clause, one of them a general yes or no that is not soft, all one way.
    /// What follows is detail, and does not turn it round unless a general yes or no of the other kind
    /// opens a later clause ("no, wait, yes"). Nil when the answer does not open so.
    private static func opening(_ kept: [Signal], tokens: [Token], clauses: [Int], tentative: [Range<Int>]) -> SignalKind? {
        let answers = kept.filter { $0.kind == .yes || $0.kind == .no }
        guard let first = answers.min(by: { $0.words.lowerBound < $1.words.lowerBound }), first.words.lowerBound <= 1 else { return nil }
        let start = first.words.lowerBound
        var end = first.words.upperBound
        while end < tokens.count, tokens[end].breakBefore == .none, clauses[end] == clauses[start] { end += 1 }
        let group = answers.filter { $0.words.lowerBound < end }
        guard Set(group.map(\.kind)).count == 1,
            group.contains(where: { s in !s.specific && !tentative.contains { $0.overlaps(s.words) } })
        else { return nil }
        func opensClause(_ i: Int) -> Bool {
            i == 0 || tokens[i].breakBefore != .none || clauses[i] != clauses[i - 1]
        }
        // A general yes or no of the other kind that is all of a later clause but for a word or two of
        // its own ("no, wait, yes"; "no, it isn't happening now, I'm fine"; "yes, but no"), not one said
        // in passing ("yes please, no need for me to carry them"; "yeah, nothing has changed").
        let reversed = answers.contains { s in
            guard s.words.lowerBound >= end, s.kind != first.kind, !s.specific else { return false }
            var from = s.words.lowerBound
            while from > end, !opensClause(from) { from -= 1 }
            var to = s.words.upperBound
            while to < tokens.count, !opensClause(to) { to += 1 }
            let others = (from..<to).filter { !s.words.contains($0) && !linkers.contains(tokens[$0].text) }
            return others.count <= 1
        }
        return reversed ? nil : first.kind
    }
}
