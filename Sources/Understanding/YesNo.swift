/// A yes/no answer read from what it means, clause by clause: "my son's coming with me" is a yes to
/// "could someone come with you?", "nothing's changed" a no to "any new symptoms?", and "not sure
/// what else, but yes" a yes ("not" only counts in its own clause).
///
/// General signals are the concepts `answer_yes`, `answer_no` and `answer_unsure` of the language data;
/// a question adds its own with `"yes"` and `"no"` (concepts it names), and those win over the general
/// ones. Where a phrase lies inside a longer one ("no worries" inside … "no"), the longer one counts.
public enum YesNoAnswer: Sendable, Hashable {
    case yes
    case no
    /// "I don't know", "not sure".
    case unsure
    /// Signals both ways that the question's own phrases do not settle: ask again.
    case conflicting
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
        let tokens = line.tokens
        guard !tokens.isEmpty else { return .none }
        let ids = line.ids
        var matcher = Matcher(language: self, line: line)
        let clauses = clauseNumbers(tokens: tokens, matcher: &matcher)
        matcher.setClauses(clauses)

        enum Kind { case yes, no, unsure }
        var spans: [(kind: Kind, specific: Bool, words: Range<Int>)] = []
        func look(_ names: [String], _ kind: Kind, specific: Bool) {
            for name in names {
                guard let c = conceptIndex[name] else { continue }
                var start = 0
                while start < ids.count {
                    if let end = concept(c, at: start, &matcher) {
                        spans.append((kind, specific, start..<end))
                        start = end
                    } else {
                        start += 1
                    }
                }
            }
        }
        look(yes, .yes, specific: true)
        look(no, .no, specific: true)
        look(["answer_yes"], .yes, specific: false)
        look(["answer_no"], .no, specific: false)
        look(["answer_unsure"], .unsure, specific: false)
        // A phrase inside a longer phrase of another kind does not count.
        let kept = spans.filter { s in
            !spans.contains { o in o.kind != s.kind && o.words.count > s.words.count && o.words.clamped(to: s.words) == s.words }
        }
        let specific = kept.filter(\.specific)
        let chosen = specific.isEmpty ? kept : specific
        let answers = chosen.filter { $0.kind != .unsure }
        if answers.isEmpty {
            // Unsure only when that is all the line says ("not sure"), not "maybe my partner".
            let covered = Set(chosen.flatMap { Array($0.words) })
            return chosen.isEmpty || ids.count - covered.count > 1 ? .none : .unsure
        }
        let kinds = Set(answers.map { $0.kind == .yes })
        if kinds.count == 1 { return kinds.first == true ? .yes : .no }
        // Both ways: the question's own phrases conflict, so ask; general ones give way to the last
        // clause ("no, wait, yes").
        if !specific.isEmpty { return .conflicting }
        let last = answers.max { $0.words.lowerBound < $1.words.lowerBound }
        let lastClause = clauses[last?.words.lowerBound ?? 0]
        let inLast = Set(answers.filter { clauses[$0.words.lowerBound] == lastClause }.map { $0.kind == .yes })
        return inLast.count == 1 ? (inLast.first == true ? .yes : .no) : .conflicting
    }
}
