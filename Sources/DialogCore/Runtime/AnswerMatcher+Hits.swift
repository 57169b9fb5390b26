import Understanding

/// Where an answer names an option by its label or a synonym, word by word, for `OptionReading`.
extension AnswerMatcher {
    /// One place in an answer that points at an option through its label or a plain synonym.
    struct PlainHit: Sendable, Hashable {
        enum Strength: Int, Sendable, Comparable {
            /// One typed word that starts, equals or nearly equals one word of a longer label or synonym
            /// ("suggested" in "Surgery was suggested"): a hint, not an answer.
            case word
            /// A whole label or synonym with typos forgiven ("medicade").
            case fuzzy
            /// A whole label or synonym as typed.
            case phrase

            static func < (a: Strength, b: Strength) -> Bool { a.rawValue < b.rawValue }
        }

        var option: Int
        /// Positions in the tokens given to `hits(_:)`.
        var words: Range<Int>
        var strength: Strength
        /// The label or synonym pointed at.
        var text: String
        /// For a `.word` hit: the typed word only starts the option word ("prefer" in "no preference").
        var prefixOnly = false
    }

    /// The option index of a choice or several-choice matcher.
    var optionIndex: OptionIndex? {
        switch kind {
        case .choice(let lazy), .multi(let lazy): return lazy.index
        default: return nil
        }
    }
}

extension AnswerMatcher.OptionIndex {
    /// True when the whole answer is an option's number ("2", "option 2") or exactly one option's label
    /// or synonym ("private insurance"): the plain matcher reads it as well as any reading could.
    func isWholeAnswer(_ tokens: [String]) -> Bool {
        if optionNumber(tokens) != nil { return true }
        let content = AnswerMatcher.Vocabulary.content(tokens)
        return !content.isEmpty && byContent[content]?.count == 1
    }

    /// Every place in `tokens` that names an option: whole phrases left to right (the longest at each
    /// word, typos forgiven when that makes a longer one), then each word no phrase covers that points
    /// at an option word on its own. Stopwords never start or make a hit.
    func hits(_ tokens: [String]) -> [AnswerMatcher.PlainHit] {
        var positions: [Int] = []
        var content: [String] = []
        let stop = AnswerMatcher.Vocabulary.stopwords
        for (i, t) in tokens.enumerated() where stop[t] == nil {
            positions.append(i)
            content.append(t)
        }
        guard !content.isEmpty else { return [] }
        func span(_ start: Int, _ length: Int) -> Range<Int> { positions[start]..<(positions[start + length - 1] + 1) }
        func text(of option: Int, words: [String]) -> String {
            if let k = phrases.firstIndex(where: { $0.option == option && $0.texts == words }) { return phraseTexts[k] }
            return words.joined(separator: " ")
        }
        let compared = comparisons(content)
        var out: [AnswerMatcher.PlainHit] = []
        var covered = [Bool](repeating: false, count: content.count)
        for start in content.indices {
            let exact = exactMatches(content, at: start)
            let fuzzy = bestFuzzy(compared, at: start, longerThan: exact.first?.length ?? 0)
            if !fuzzy.isEmpty {
                for f in fuzzy {
                    let words = phrases.first { $0.option == f.option && $0.words.count == f.length
                        && $0.words.enumerated().allSatisfy { compared.typo(start + $0.offset, $0.element) != nil } }?.texts ?? []
                    out.append(.init(option: f.option, words: span(start, f.length), strength: f.distance == 0 ? .phrase : .fuzzy,
                                     text: text(of: f.option, words: words)))
                }
                for i in start..<(start + (fuzzy.first?.length ?? 0)) { covered[i] = true }
            } else if let length = exact.first?.length {
                for e in exact {
                    out.append(.init(option: e.option, words: span(start, e.length), strength: .phrase,
                                     text: text(of: e.option, words: Array(content[start..<(start + e.length)]))))
                }
                for i in start..<(start + length) { covered[i] = true }
            }
        }
        for row in content.indices where !covered[row] && !AnswerMatcher.Vocabulary.fillers.contains(content[row]) && compared.selects[row] {
            for option in options(hitBy: row, in: compared).sorted() {
                // The label or synonym the word belongs to; one that says a negation first ("not
                // listened to"), so that a negation in front of the word can make it whole.
                let owners = phrases.indices.filter { phrases[$0].option == option && phrases[$0].words.contains { compared.hit(row, any: [$0]) } }
                let negations = AnswerMatcher.Vocabulary.exceptions
                let owner = owners.first { phrases[$0].texts.contains(where: negations.contains) } ?? owners.first
                let prefixOnly = !optionWords[option].contains { compared.typo(row, $0) != nil }
                out.append(.init(option: option, words: span(row, 1), strength: .word, text: owner.map { phraseTexts[$0] } ?? content[row],
                                 prefixOnly: prefixOnly))
            }
        }
        return out
    }
}
