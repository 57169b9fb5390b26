import Understanding
/// What a typed line means for the slot being asked.
public enum MatchOutcome: Sendable, Hashable {
    /// The answer, ready to store.
    case matched(Value)
    /// The person chose not to answer: "skip", "not sure", "I'm not sure", "don't know", "no idea", "unsure", "pass", "rather not say".
    case skipped
    /// Several options fit equally well (2 or more, in declaration order): ask which one was meant.
    case ambiguous([Option])
    /// A number was given but is outside the slot's range, or not whole for a whole-number slot.
    case outOfRange(Double)
    /// Nothing usable in the line.
    case noMatch
}

/// Turns a person's typed line into a value for one slot type.
///
/// Everything that depends only on the slot type (normalized labels, synonyms, indexes) is prepared
/// once, on the first `match` of a choice or multi slot (loading builds a matcher for every question, a
/// conversation matches answers to a few), so later matches only tokenize the line and look words up.
///
/// Rules, per slot type (an empty or blank line is always `.noMatch`; skip phrases are checked first):
/// - **bool**: yes words ("yes", "yeah", "sure", "i do", "of course", …) and no words ("no", "nope",
///   "never", "i dont", "not really", …); other words are ignored ("yes I think so" → yes).
///   Negated yes phrases are no ("i do not", "absolutely not"), and a few idioms are yes ("no problem",
///   "why not"). When yes and no signals conflict, the first wins only if it opens the answer and the
///   line says more than bare yes/no words ("yes, I'm not well" → yes); "no, yes", "yes or no" and
///   self-corrections ("no wait, yes", "yes, actually no") are `.noMatch`.
/// - **choice**, in priority order: the whole line is an option number ("2", "#2", "option 2", "the
///   second one"); an option's label or synonym appears whole (longest wins, a tie between options is
///   `.ambiguous`); the same with typos forgiven (as `Lexicon.typoLimit` says: 1 edit from 5 letters, 2 from 9; fewest edits
///   wins); finally single words: a typed word that starts, equals or nearly equals a word of an
///   option's label or synonyms counts for that option, and the option with the most such words wins.
///   Stopwords ("the", "my", "maybe", …) never select an option on their own. An option whose label is a
///   skip phrase ("Not sure") is chosen rather than skipping.
/// - **multi**: the line is split on commas, ";", "/", "&", "+", "and", and number lists ("1 3", "1-3");
///   each part is matched like a choice, several options may be named in one part ("pain fatigue").
///   "all", "everything" select all options; "none", "nothing", "no" the empty set. Any part that
///   cannot be matched (other than filler words) makes the whole answer `.noMatch`.
/// - **number**: the first number in the line ("about 3 weeks", "-2", "1,200", "3.5", "twenty five",
///   "two and a half"), then checked against the range and wholeness.
/// - **text**: the line cleaned of control characters with whitespace collapsed; `.skipped` only when
///   the whole line is a skip phrase ("I don't know", but not "I don't know what he said").
public struct AnswerMatcher: Sendable {
    typealias Word = TextNormalizer.Word

    enum Kind: Sendable {
        case bool
        case number(min: Double?, max: Double?, integer: Bool)
        case text
        case choice(LazyOptionIndex)
        case multi(LazyOptionIndex)
    }

    let kind: Kind

    public init(type: SlotType) {
        switch type {
        case .bool: kind = .bool
        case .number(let min, let max, let integer): kind = .number(min: min, max: max, integer: integer)
        case .text: kind = .text
        case .choice(let options): kind = .choice(LazyOptionIndex(options, multi: false))
        case .multi(let options): kind = .multi(LazyOptionIndex(options, multi: true))
        }
    }

    /// The slot type the matcher was made for.
    package var slotType: SlotType {
        switch kind {
        case .bool: return .bool
        case .number(let min, let max, let integer): return .number(min: min, max: max, integer: integer)
        case .text: return .text
        case .choice(let lazy): return .choice(lazy.options)
        case .multi(let lazy): return .multi(lazy.options)
        }
    }

    /// The meaning of `line` for this slot type.
    public func match(_ line: String) -> MatchOutcome {
        match(line, tokens: nil)
    }

    /// Same, reusing the line's tokens when the caller has them (the engine tokenizes once a turn).
    func match(_ line: String, tokens given: [String]?) -> MatchOutcome {
        if case .text = kind { return Self.matchText(line, tokens: given) }
        let tokens = given ?? TextNormalizer.tokens(line)
        guard !tokens.isEmpty else { return .noMatch }
        let content = Vocabulary.content(tokens)
        switch kind {
        case .bool:
            if Vocabulary.skips.occurs(in: content) { return .skipped }
            return Self.matchBool(tokens)
        case .number(let min, let max, let integer):
            if Vocabulary.skips.occurs(in: content) { return .skipped }
            return Self.matchNumber(line, tokens: tokens, min: min, max: max, integer: integer)
        case .choice(let lazy):
            let index = lazy.index
            if index.skips.occurs(in: content) { return .skipped }
            return index.matchChoice(tokens: tokens, content: content)
        case .multi(let lazy):
            let index = lazy.index
            if index.skips.occurs(in: content) { return .skipped }
            return index.matchMulti(line, tokens: tokens, content: content)
        case .text:
            return Self.matchText(line, tokens: given)  // handled above; kept for completeness
        }
    }

    // MARK: - text

    private static func matchText(_ line: String, tokens given: [String]?) -> MatchOutcome {
        let unchanged = TextNormalizer.isCleanText(line)
        let cleaned = unchanged ? line : TextNormalizer.cleanedText(line)
        guard !cleaned.isEmpty else { return .noMatch }
        // The line's tokens are the cleaned text's when cleaning changed nothing.
        let tokens = unchanged ? given ?? TextNormalizer.tokens(cleaned) : TextNormalizer.tokens(cleaned)
        let essential = tokens.filter { !Vocabulary.fillers.contains($0) }
        if Vocabulary.skipsWithoutFillers.contains(essential) { return .skipped }
        return .matched(.text(cleaned))
    }

    // MARK: - bool

    private static func matchBool(_ tokens: [String]) -> MatchOutcome {
        var signals: [(start: Int, yes: Bool)] = []
        var bareTokens = 0  // tokens that are yes/no words or filler
        var corrected = false
        var i = 0
        while i < tokens.count {
            if let (length, yes) = Vocabulary.boolPhrase(at: i, in: tokens) {
                signals.append((i, yes))
                bareTokens += length
                i += length
                continue
            }
            if Vocabulary.corrections.contains(tokens[i]) { corrected = true }
            if Vocabulary.isLeadFiller(tokens[i]) { bareTokens += 1 }
            i += 1
        }
        guard let first = signals.first else { return .noMatch }
        if signals.allSatisfy({ $0.yes == first.yes }) { return .matched(.bool(first.yes)) }
        let leads = tokens[..<first.start].allSatisfy(Vocabulary.isLeadFiller)
        if leads, !corrected, bareTokens < tokens.count { return .matched(.bool(first.yes)) }
        return .noMatch
    }

    /// True when the first words of an answer, after lead fillers ("well", "hmm"), are a plain yes or no
    /// phrase ("nope, PPO", "i dont think so").
    static func opensWithYesOrNo(_ tokens: [String]) -> Bool {
        for i in tokens.indices {
            if Vocabulary.boolPhrase(at: i, in: tokens) != nil { return true }
            if !Vocabulary.isLeadFiller(tokens[i]) { return false }
        }
        return false
    }

    // MARK: - number

    /// The number of a line that also says a skip phrase, when the number comes after the last skip
    /// phrase ("I don't remember exactly, maybe 7"); nil otherwise ("7? no idea").
    static func numberAfterSkip(_ line: String, tokens: [String], min: Double?, max: Double?, integer: Bool) -> MatchOutcome? {
        guard let lastDigit = tokens.lastIndex(where: { $0.first?.isNumber == true }) else { return nil }
        let skipEnd = (0..<tokens.count).last { start in
            Vocabulary.skips.phrases.contains { AnswerMatcher.hasRun($0, in: tokens, at: start) }
        }
        guard let skipEnd, skipEnd < lastDigit else { return nil }
        return matchNumber(line, tokens: tokens, min: min, max: max, integer: integer)
    }

    private static func matchNumber(
        _ line: String, tokens: [String], min: Double?, max: Double?, integer: Bool
    ) -> MatchOutcome {
        guard let value = NumberReader.firstNumber(in: line, tokens: tokens), value.isFinite else { return .noMatch }
        if integer, value != value.rounded() { return .outOfRange(value) }
        if let min, value < min { return .outOfRange(value) }
        if let max, value > max { return .outOfRange(value) }
        return .matched(.number(value))
    }
}

// MARK: - Vocabulary

extension AnswerMatcher {
    /// The fixed word lists, normalized once.
    enum Vocabulary {
        /// Words that never select an option on their own.
        static let stopwords = WordTable(words: [
            "the", "a", "an", "my", "i", "it", "is", "its", "of", "to", "for", "and", "or", "in", "on", "with",
            "think", "maybe", "probably", "just", "um", "uh", "well", "please",
        ])

        /// Stopwords plus everyday words that carry no answer: they never select an option by typo or
        /// prefix, are ignored when left over in a `multi` answer, and do not stop a `text` skip phrase.
        static let fillers = stopwords.adding([
            "im", "id", "ive", "me", "am", "are", "was", "were", "be", "been", "being", "have", "has", "had",
            "get", "got", "getting", "feel", "feeling", "felt", "some", "bit", "little", "lot", "lots", "also",
            "too", "very", "really", "quite", "sometimes", "often", "mostly", "mainly", "both", "so", "like",
            "guess", "yes", "yeah", "ok", "okay", "one", "ones", "them", "these", "those", "that", "this",
            "option", "options", "number", "numbers", "pick", "choose", "select", "would", "hmm", "oh", "ah",
            "er", "erm", "umm", "uhm", "at", "as", "by", "from", "but", "we", "our", "you", "your", "he", "she",
            "they", "their", "his", "her", "do", "does", "did", "honestly", "actually", "sorry", "kind", "sort",
            "currently", "now", "right", "mine", "say", "said", "go", "bad", "badly", "lately", "recently", "today",
            "still", "always", "terrible", "awful",
        ])

        /// Fillers plus negations: words that never select an option except as an exact label or synonym
        /// ("not" must not pick "Nothing to add"). Unlike fillers, a leftover negation is not ignored.
        static let nonSelecting = fillers.adding([
            "no", "not", "nor", "never", "dont", "didnt", "doesnt", "isnt", "arent", "cant", "wont", "without",
        ])

        /// Stopwords removed: the form labels, synonyms and skip phrases are compared in.
        /// Words that turn the next option word into its opposite.
        static let exceptions = WordTable(words: [
            "not", "no", "never", "but", "except", "without", "dont", "didnt", "isnt", "arent", "wont", "nor",
        ])

        /// Words that carve an exception out of a list.
        static let exceptionLeads = WordTable(words: ["but", "except", "excluding", "apart", "besides"])

        static func content(_ tokens: [String]) -> [String] {
            let table = stopwords
            return tokens.filter { !table.contains($0) }
        }

        static let skipPhraseTexts = [
            "skip", "skip this", "skip it", "pass", "not sure", "unsure", "don't know", "do not know", "dunno",
            "idk", "no idea", "no clue", "rather not say", "prefer not to say", "no comment",
            "not certain", "can't say", "cannot say", "don't remember", "do not remember", "can't remember",
            "cannot remember", "don't recall", "can't recall",
        ]

        /// Skip phrases, matched anywhere in the line's content words.
        static let skips = PhraseSet(skipPhraseTexts.map { content(TextNormalizer.tokens($0)) })

        /// Skip phrases without filler words, matched against a whole `text` answer.
        static let skipsWithoutFillers = Set(
            skipPhraseTexts.map { TextNormalizer.tokens($0).filter { !fillers.contains($0) } })

        static let yesTexts = [
            "y", "yes", "yeah", "yea", "yep", "yup", "ya", "yah", "yes please", "sure", "ok", "okay", "correct",
            "right", "true", "definitely", "absolutely", "certainly", "indeed", "affirmative", "of course",
            "i do", "i am", "i have", "i did", "i will", "i would", "i can", "it is", "please", "i think so",
            "i guess so", "i believe so", "think so", "guess so", "why not", "no problem", "no doubt",
            "without a doubt", "sounds good", "go ahead",
        ]

        static let noTexts = [
            "n", "no", "nope", "nah", "not", "never", "false", "negative", "dont", "didnt", "havent", "wont",
            "cant", "isnt", "i dont", "i do not", "i am not", "im not", "i have not", "i havent", "i did not",
            "i didnt", "i will not", "i wont", "i would not", "i wouldnt", "i cannot", "i cant", "it is not",
            "it isnt", "no thanks", "no thank you", "not really", "i dont think so", "dont think so",
            "i think not", "of course not", "absolutely not", "definitely not", "certainly not", "not at all",
            "no way", "not right", "not correct", "not true", "rather not", "id rather not",
        ]

        /// Yes/no phrases by first word, longest first.
        static let boolPhrases: [String: [(words: [String], yes: Bool)]] = {
            var table: [String: [(words: [String], yes: Bool)]] = [:]
            for (texts, yes) in [(yesTexts, true), (noTexts, false)] {
                for text in texts {
                    let words = TextNormalizer.tokens(text)
                    if let head = words.first { table[head, default: []].append((words, yes)) }
                }
            }
            return table.mapValues { $0.sorted { $0.words.count > $1.words.count } }
        }()

        /// `boolPhrases` for looking typed words up: `boolPhraseHeads[word]` is a position in `boolPhraseGroups`.
        static let boolPhraseGroups: [[(words: [String], yes: Bool)]] = boolPhrases.keys.sorted().map { boolPhrases[$0] ?? [] }
        static let boolPhraseHeads = WordTable(
            Dictionary(uniqueKeysWithValues: boolPhrases.keys.sorted().enumerated().map { ($0.element, $0.offset) }))

        /// The longest yes/no phrase starting at `start`: its length and whether it means yes.
        static func boolPhrase(at start: Int, in tokens: [String]) -> (Int, Bool)? {
            guard let k = boolPhraseHeads[tokens[start]] else { return nil }
            for (words, yes) in boolPhraseGroups[k] where start + words.count <= tokens.count {
                if words.indices.allSatisfy({ tokens[start + $0] == words[$0] }) { return (words.count, yes) }
            }
            return nil
        }

        /// Words that may come before a yes/no without taking its lead ("well, yes").
        static let leadFillers = stopwords.adding([
            "hmm", "hm", "oh", "ah", "er", "erm", "umm", "uhm", "so", "guess", "actually", "honestly", "like",
            "answer", "im", "then", "okay", "mm",
        ])

        static func isLeadFiller(_ token: String) -> Bool { leadFillers.contains(token) }

        /// Words that signal a change of mind, making conflicting yes/no signals unusable.
        static let corrections = WordTable(words: ["wait", "actually", "mean", "sorry", "oops", "scratch", "change"])

        /// Words that may precede an option number ("option 2", "#2" already lost its "#").
        static let indexLeads = WordTable(words: ["option", "number", "no", "num", "nr", "choice", "answer", "the", "only", "just"])

        static let cardinals: [String: Int] = [
            "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10,
        ]

        static let ordinals: [String: Int] = [
            "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "last": -1,
        ]

        /// Whole-answer words of a `multi` slot meaning every option.
        static let allAnswers: Set<[String]> = Set(
            ["all", "all of them", "all of these", "all of those", "all of the above", "everything", "all options"]
                .map { content(TextNormalizer.tokens($0)) })

        /// Whole-answer words of a `multi` slot meaning no option.
        static let noneAnswers: Set<[String]> = Set(
            [
                "none", "none of these", "none of them", "none of those", "none of the above", "nothing", "no",
                "nope", "neither", "neither of them", "not any", "nothing of the sort",
            ].map { content(TextNormalizer.tokens($0)) })
    }

    /// A set of word sequences found inside a token list. A class (immutable): a match reads an option
    /// index's set through one reference instead of copying its table and arrays.
    final class PhraseSet: Sendable {
        /// The phrases by first word: `firstWords[word]` is a position in `groups`, whose phrases keep their order.
        private let firstWords: WordTable
        private let groups: [[[String]]]
        let phrases: [[String]]

        init(_ phrases: [[String]]) {
            let kept = phrases.filter { !$0.isEmpty }
            self.phrases = kept
            var position: [String: Int] = [:]
            var groups: [[[String]]] = []
            for phrase in kept {
                if let k = position[phrase[0]] {
                    groups[k].append(phrase)
                } else {
                    position[phrase[0]] = groups.count
                    groups.append([phrase])
                }
            }
            self.firstWords = WordTable(position)
            self.groups = groups
        }

        /// The same set without the phrases `drop` says to remove.
        func removing(where drop: ([String]) -> Bool) -> PhraseSet {
            PhraseSet(phrases.filter { !drop($0) })
        }

        /// True when one phrase occurs as consecutive tokens.
        func occurs(in tokens: [String]) -> Bool {
            for start in tokens.indices {
                guard let k = firstWords[tokens[start]] else { continue }
                for phrase in groups[k] where AnswerMatcher.hasRun(phrase, in: tokens, at: start) {
                    return true
                }
            }
            return false
        }
    }

    /// True when `phrase` occurs in `tokens` starting at `start`.
    static func hasRun(_ phrase: [String], in tokens: [String], at start: Int) -> Bool {
        guard start + phrase.count <= tokens.count else { return false }
        for offset in phrase.indices where tokens[start + offset] != phrase[offset] { return false }
        return true
    }

    /// True when `phrase` occurs anywhere in `tokens`.
    static func contains(_ phrase: [String], in tokens: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= tokens.count else { return false }
        return (0...(tokens.count - phrase.count)).contains { hasRun(phrase, in: tokens, at: $0) }
    }
}

// MARK: - Options

extension AnswerMatcher {
    /// The outcome of one matching step over options.
    enum Pick: Equatable {
        case none
        case one(Int)
        case several([Int])

        init(_ options: Set<Int>) {
            switch options.count {
            case 0: self = .none
            case 1: self = .one(options.first ?? 0)
            default: self = .several(options.sorted())
            }
        }
    }

    /// What one part of a multi answer names.
    enum PartResult: Equatable {
        /// Only filler words.
        case ignored
        /// Words that match no option.
        case unmatched
        /// A negation or exception ("not fever", "all but pain") that we will not guess at.
        case refused
        /// These options, all of them.
        case chosen(Set<Int>)
        /// One of these options, but which is unclear.
        case ambiguous([Int])

        /// Options sharing one phrase: chosen when it is one option, ambiguous otherwise.
        static func named(_ found: Set<Int>) -> PartResult {
            found.count == 1 ? .chosen(found) : .ambiguous(found.sorted())
        }
    }

    /// How each typed word compares with each option word, computed once per `match`.
    ///
    /// An entry is the number of edits (0 = same word) when within the typo allowance (1 edit for option
    /// words of 5+ letters, 2 for 9+: `Lexicon.typoLimit`), `prefixOnly` when the typed word (3+ letters) starts the option word,
    /// or `unrelated`.
    struct Comparisons {
        static let unrelated: Int8 = -1
        static let prefixOnly: Int8 = 3

        let typed: [Word]
        /// Typed words that may select an option by themselves: not filler or negation, 3+ letters or a number.
        let selects: [Bool]
        private let width: Int
        private let entries: [Int8]

        init(_ content: [String], in index: OptionIndex) {
            let typed = content.map { Word($0) }
            let width = index.vocabulary.count
            self.typed = typed
            self.width = width
            var selects = [Bool](repeating: false, count: typed.count)
            var entries = [Int8](repeating: Self.unrelated, count: typed.count * width)
            for (row, word) in typed.enumerated() {
                let weak = Vocabulary.nonSelecting.contains(word.text)
                selects[row] = (word.count >= 3 || word.isDigits) && !weak
                if weak || word.isDigits {
                    if let column = index.wordIDs[word.text] { entries[row * width + column] = 0 }
                    continue
                }
                for column in 0..<width {
                    entries[row * width + column] = Self.compare(word, column, in: index)
                }
            }
            self.selects = selects
            self.entries = entries
        }

        /// One entry; the cheap checks on lengths and letter sets come first, as most pairs fail them.
        static func compare(_ typed: Word, _ column: Int, in index: OptionIndex) -> Int8 {
            let count = index.vocabularyCounts[column]
            let letters = index.vocabularyLetters[column]
            // Letters of one word missing from the other (counted only as far as the limits need: no
            // popcount instruction on baseline x86-64).
            let missing = letters & ~typed.letters
            let extra = typed.letters & ~letters
            if count == typed.count, missing == 0, extra == 0, typed.scalars == index.vocabulary[column].scalars {
                return 0
            }
            // The one typo policy, by the option word's length (`Lexicon.typoLimit`).
            let limit = Lexicon.typoLimit(letters: count)
            if limit > 0, abs(count - typed.count) <= limit, TextNormalizer.atMost(missing, limit),
                TextNormalizer.atMost(extra, limit),
                let d = TextNormalizer.boundedDistance(typed.scalars, index.vocabulary[column].scalars, limit: limit)
            {
                return Int8(d)
            }
            if typed.count >= 3, count > typed.count, extra == 0,
                index.vocabulary[column].scalars.starts(with: typed.scalars)
            {
                return prefixOnly
            }
            return unrelated
        }

        /// Edits between typed word `row` and vocabulary word `column`, if it counts as a typo of it.
        func typo(_ row: Int, _ column: Int) -> Int? {
            let entry = entries[row * width + column]
            return entry >= 0 && entry < Self.prefixOnly ? Int(entry) : nil
        }

        /// True when typed word `row` points at one of `columns` on its own.
        func hit(_ row: Int, any columns: [Int]) -> Bool {
            selects[row] && columns.contains { entries[row * width + $0] != Self.unrelated }
        }
    }

    /// A slot's options and their `OptionIndex`, built on first use and kept (shared by every copy of
    /// the matcher). The index depends only on the options, so when it is built changes no result.
    final class LazyOptionIndex: Sendable {
        let options: [Option]
        let multi: Bool
        private let built = LazyReference<OptionIndex>()

        init(_ options: [Option], multi: Bool) {
            self.options = options
            self.multi = multi
        }

        /// The index, built by the first match.
        var index: OptionIndex {
            built.value { OptionIndex(options, multi: multi) }
        }
    }

    /// The options of a `choice` or `multi` slot, prepared for matching. A class (immutable), so a copy
    /// of a question or its matcher is one reference, not a copy of every table.
    final class OptionIndex: Sendable {
        /// One label or synonym of an option, as content words (stopwords removed).
        struct Phrase: Sendable {
            let option: Int
            let texts: [String]
            /// Positions of the words in `vocabulary`.
            let words: [Int]
        }

        let options: [Option]
        let phrases: [Phrase]
        /// Every distinct content word of every label and synonym.
        let vocabulary: [Word]
        /// Positions in `vocabulary` by word.
        let wordIDs: [String: Int]
        /// Each vocabulary word's length and letter set, kept apart so most comparisons never touch the words.
        let vocabularyCounts: [Int]
        let vocabularyLetters: [UInt64]
        /// Indices into `phrases` by their first word, longest phrase first.
        let byFirstWord: [String: [Int]]
        /// `byFirstWord` for looking typed words up: `firstWords[word]` is a position in `firstWordLists`.
        private let firstWords: WordTable
        private let firstWordLists: [[Int]]
        /// The most content words in one label or synonym.
        let longestPhrase: Int
        /// Options by the exact content words of one of their phrases.
        let byContent: [[String]: Set<Int>]
        /// Options whose label or synonym is made only of stopwords ("Maybe"): matched only as the whole line.
        let byStopwordsOnly: [[String]: Set<Int>]
        /// Each option's distinct content words, as positions in `vocabulary`.
        let optionWords: [[Int]]
        /// Every word used by any label or synonym: such words are not read as option numbers.
        let usedWords: Set<String>
        /// Skip phrases that do not clash with an option.
        let skips: PhraseSet
        /// "all" / "none" answers that do not clash with an option (multi only).
        let allAnswers: Set<[String]>
        /// Each phrase's label or synonym as written (for `hits` and `understand`).
        let phraseTexts: [String]
        /// Each option's `@concept`s, and the concepts more than one option names.
        let optionConcepts: [[String]]
        let sharedConcepts: Set<String>
        let noneAnswers: Set<[String]>

        init(_ options: [Option], multi: Bool) {
            self.options = options
            var phrases: [Phrase] = []
            var vocabulary: [Word] = []
            var wordIDs: [String: Int] = [:]
            // Sized up front (a few texts per option, a few words per text): built for every question at load.
            let texts = options.reduce(0) { $0 + 1 + $1.synonyms.count }
            var byContent: [[String]: Set<Int>] = [:]
            byContent.reserveCapacity(texts)
            wordIDs.reserveCapacity(texts * 2)
            var byStopwordsOnly: [[String]: Set<Int>] = [:]
            var optionWords: [[Int]] = []
            optionWords.reserveCapacity(options.count)
            var usedWords: Set<String> = []
            usedWords.reserveCapacity(texts * 2)
            var phraseTexts: [String] = []
            for (index, option) in options.enumerated() {
                var ids: [Int] = []
                // `@concept` synonyms are read by the understanding layer (`Option.concepts`), not as words.
                for text in [option.label] + option.synonyms where !text.hasPrefix("@") {
                    let tokens = TextNormalizer.tokens(text)
                    guard !tokens.isEmpty else { continue }
                    usedWords.formUnion(tokens)
                    let content = Vocabulary.content(tokens)
                    guard !content.isEmpty else {
                        byStopwordsOnly[tokens, default: []].insert(index)
                        continue
                    }
                    byContent[content, default: []].insert(index)
                    let words = content.map { word in
                        if let id = wordIDs[word] { return id }
                        vocabulary.append(Word(word))
                        wordIDs[word] = vocabulary.count - 1
                        return vocabulary.count - 1
                    }
                    phrases.append(Phrase(option: index, texts: content, words: words))
                    phraseTexts.append(text)
                    for id in words where !ids.contains(id) { ids.append(id) }
                }
                optionWords.append(ids)
            }
            self.phrases = phrases
            self.phraseTexts = phraseTexts
            let concepts = options.map(\.concepts)
            optionConcepts = concepts
            var counts: [String: Int] = [:]
            for list in concepts { for c in Set(list) { counts[c, default: 0] += 1 } }
            sharedConcepts = Set(counts.filter { $0.value > 1 }.keys)
            self.vocabulary = vocabulary
            self.wordIDs = wordIDs
            // Closures rather than key paths: key-path maps are slow at run time, and this runs at load.
            self.vocabularyCounts = vocabulary.map { $0.count }
            self.vocabularyLetters = vocabulary.map { $0.letters }
            self.longestPhrase = phrases.map { $0.words.count }.max() ?? 0
            self.byContent = byContent
            self.byStopwordsOnly = byStopwordsOnly
            self.optionWords = optionWords
            self.usedWords = usedWords
            var byFirstWord: [String: [Int]] = [:]
            for (index, phrase) in phrases.enumerated() { byFirstWord[phrase.texts[0], default: []].append(index) }
            let sortedByFirstWord = byFirstWord.mapValues { list in
                list.sorted { phrases[$0].words.count > phrases[$1].words.count }
            }
            self.byFirstWord = sortedByFirstWord
            let heads = sortedByFirstWord.keys.sorted()
            firstWordLists = heads.map { sortedByFirstWord[$0] ?? [] }
            firstWords = WordTable(Dictionary(uniqueKeysWithValues: heads.enumerated().map { ($0.element, $0.offset) }))
            let optionTexts = Array(byContent.keys)
            func clashes(_ phrase: [String]) -> Bool { optionTexts.contains { AnswerMatcher.contains(phrase, in: $0) } }
            // Most options clash with no skip phrase, nor with "all" or "none": the shared sets are kept then.
            self.skips = Vocabulary.skips.phrases.contains(where: clashes) ? Vocabulary.skips.removing(where: clashes) : Vocabulary.skips
            func keep(_ answers: Set<[String]>) -> Set<[String]> {
                answers.contains { byContent[$0] != nil } ? answers.filter { byContent[$0] == nil } : answers
            }
            self.allAnswers = multi ? keep(Vocabulary.allAnswers) : []
            self.noneAnswers = multi ? keep(Vocabulary.noneAnswers) : []
        }

        func outcome(_ pick: Pick) -> MatchOutcome? {
            switch pick {
            case .none: return nil
            case .one(let index): return .matched(.choice(options[index].value))
            case .several(let indices): return .ambiguous(indices.map { options[$0] })
            }
        }

        func comparisons(_ content: [String]) -> Comparisons {
            Comparisons(content, in: self)
        }

        // MARK: choice

        func matchChoice(tokens: [String], content: [String]) -> MatchOutcome {
            if let number = optionNumber(tokens) { return .matched(.choice(options[number].value)) }
            if let found = byStopwordsOnly[tokens] { return outcome(Pick(found)) ?? .noMatch }
            let (exact, length) = exactPick(content)
            if length >= min(longestPhrase, content.count), let result = outcome(exact) { return result }
            let compared = comparisons(content)
            if let result = outcome(fuzzyPick(compared, longerThan: length)) ?? outcome(exact) { return result }
            return outcome(wordPick(compared)) ?? .noMatch
        }

        /// The option numbered by the whole line ("2", "#2", "option 2", "the second one"), 0-based.
        func optionNumber(_ tokens: [String]) -> Int? {
            var words = tokens[...]
            while let first = words.first, words.count > 1, Vocabulary.indexLeads.contains(first) {
                words = words.dropFirst()
            }
            if words.count == 2, let last = words.last, last == "one" || last == "option" || last == "please" {
                words = words.dropLast()
            }
            guard words.count == 1, let word = words.first else { return nil }
            return position(of: word)
        }

        /// An option position named by one word: "2", "2nd", "second", "two" (words only when no label uses them).
        func position(of word: String) -> Int? {
            var number: Int?
            let digits = word.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }
            let suffix = word.utf8.dropFirst(digits.count)
            if !digits.isEmpty, digits.count <= 3,
                suffix.isEmpty || ["st", "nd", "rd", "th"].contains(where: { $0.utf8.elementsEqual(suffix) })
            {
                number = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            } else if !usedWords.contains(word) {
                number = Vocabulary.cardinals[word] ?? Vocabulary.ordinals[word].map { $0 == -1 ? options.count : $0 }
            }
            guard let number, number >= 1, number <= options.count else { return nil }
            return number - 1
        }

        /// Step 2: the longest label or synonym found whole in the line, and its length in words.
        func exactPick(_ content: [String]) -> (Pick, Int) {
            var best = 0
            var found: Set<Int> = []
            for start in content.indices {
                for (length, option) in exactMatches(content, at: start) {
                    if length > best {
                        best = length
                        found = [option]
                    } else if length == best {
                        found.insert(option)
                    }
                }
            }
            return (Pick(found), best)
        }

        /// The longest phrases starting at `start` (several only when options share the phrase length).
        func exactMatches(_ content: [String], at start: Int) -> [(length: Int, option: Int)] {
            guard let k = firstWords[content[start]] else { return [] }
            let candidates = firstWordLists[k]
            var result: [(length: Int, option: Int)] = []
            for index in candidates {
                let phrase = phrases[index]
                if let longest = result.first?.length, phrase.texts.count < longest { break }
                if AnswerMatcher.hasRun(phrase.texts, in: content, at: start) {
                    result.append((phrase.texts.count, phrase.option))
                }
            }
            return result
        }

        /// Step 3: the longest label or synonym found with typos; fewer edits break ties. Only phrases longer
        /// than `length` (the longest exact match) are tried, so "medicare advantge" beats an exact "medicare".
        func fuzzyPick(_ compared: Comparisons, longerThan length: Int) -> Pick {
            guard length < min(longestPhrase, compared.typed.count) else { return .none }
            var best = (length: 0, distance: Int.max)
            var found: Set<Int> = []
            for start in compared.typed.indices {
                for candidate in fuzzyMatches(compared, at: start, longerThan: length) {
                    if candidate.length > best.length
                        || (candidate.length == best.length && candidate.distance < best.distance)
                    {
                        best = (candidate.length, candidate.distance)
                        found = [candidate.option]
                    } else if candidate.length == best.length, candidate.distance == best.distance {
                        found.insert(candidate.option)
                    }
                }
            }
            return Pick(found)
        }

        /// Every phrase longer than `length` matching the typed words at `start` with typos forgiven.
        func fuzzyMatches(
            _ compared: Comparisons, at start: Int, longerThan length: Int
        ) -> [(length: Int, distance: Int, option: Int)] {
            var result: [(length: Int, distance: Int, option: Int)] = []
            let room = compared.typed.count - start
            for phrase in phrases where phrase.words.count > length && phrase.words.count <= room {
                guard compared.typo(start, phrase.words[0]) != nil else { continue }
                var total = 0
                for (offset, word) in phrase.words.enumerated() {
                    guard let d = compared.typo(start + offset, word) else {
                        total = -1
                        break
                    }
                    total += d
                }
                if total >= 0 { result.append((phrase.words.count, total, phrase.option)) }
            }
            return result
        }

        /// Options the typed word `row` points at on its own (it starts, equals or nearly equals one of their words).
        func options(hitBy row: Int, in compared: Comparisons) -> Set<Int> {
            Set(optionWords.indices.filter { compared.hit(row, any: optionWords[$0]) })
        }

        /// Step 4: typed words that point at single option words; the option most words point at wins.
        func wordPick(_ compared: Comparisons) -> Pick {
            var hits = [Int](repeating: 0, count: options.count)
            for row in compared.typed.indices where compared.selects[row] {
                for option in optionWords.indices where compared.hit(row, any: optionWords[option]) {
                    hits[option] += 1
                }
            }
            guard let best = hits.max(), best > 0 else { return .none }
            return Pick(Set(hits.indices.filter { hits[$0] == best }))
        }

        // MARK: multi

        func matchMulti(_ line: String, tokens: [String], content: [String]) -> MatchOutcome {
            if let found = byStopwordsOnly[tokens] ?? byContent[content] { return multiOutcome(.named(found)) }
            if allAnswers.contains(content) { return setOutcome(Set(options.indices)) }
            if noneAnswers.contains(content) { return .matched(.set([])) }
            var chosen: Set<Int> = []
            var ambiguity: [Int]?
            // Every clause must name something: "pain and banana" is asked again rather than half-read.
            for part in Self.parts(of: line, tokens: tokens) {
                switch matchPart(part) {
                case .ignored: continue
                case .unmatched, .refused: return .noMatch
                case .chosen(let found): chosen.formUnion(found)
                case .ambiguous(let found): if ambiguity == nil { ambiguity = found }
                }
            }
            if let ambiguity { return .ambiguous(ambiguity.map { options[$0] }) }
            return chosen.isEmpty ? .noMatch : setOutcome(chosen)
        }

        func multiOutcome(_ result: PartResult) -> MatchOutcome {
            switch result {
            case .ignored, .unmatched, .refused: return .noMatch
            case .chosen(let found): return setOutcome(found)
            case .ambiguous(let found): return .ambiguous(found.map { options[$0] })
            }
        }

        func setOutcome(_ indices: Set<Int>) -> MatchOutcome {
            .matched(.set(indices.sorted().map { options[$0].value }))
        }

        /// The line split on list separators and "and": each part's tokens. `lineTokens`, when given, must
        /// be `TextNormalizer.tokens(line)`: a line without separators is one segment, the line itself,
        /// and is not tokenized again.
        static func parts(of line: String, tokens lineTokens: [String]? = nil) -> [[String]] {
            var result: [[String]] = []
            if let lineTokens, !line.utf8.contains(where: isListSeparator) {
                addParts(of: line, tokens: lineTokens, to: &result)
                return result.filter { !$0.isEmpty }
            }
            // The separators are ASCII, so splitting the UTF-8 bytes never cuts a character.
            for bytes in line.utf8.split(whereSeparator: isListSeparator) {
                let segment = String(Substring(bytes))
                addParts(of: segment, tokens: TextNormalizer.tokens(segment), to: &result)
            }
            return result.filter { !$0.isEmpty }
        }

        /// The parts of one segment (`tokens` are its tokens): a number range, or its tokens cut at "and" and "plus".
        private static func addParts(of segment: String, tokens: [String], to result: inout [[String]]) {
            if let range = numberRange(tokens),
                segment.unicodeScalars.contains(where: { $0 == "-" || $0 == "\u{2013}" })
            {
                result.append(range.map(String.init))
                return
            }
            var current: [String] = []
            for token in tokens {
                if token == "and" || token == "plus" {
                    result.append(current)
                    current = []
                } else {
                    current.append(token)
                }
            }
            result.append(current)
        }

        static func isListSeparator(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: "&"), UInt8(ascii: "+"),
                UInt8(ascii: "|"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                return true
            default:
                return false
            }
        }

        /// "1-3" (tokens ["1", "3"] from a hyphenated segment) as 1, 2, 3.
        static func numberRange(_ tokens: [String]) -> ClosedRange<Int>? {
            guard tokens.count == 2, tokens[0].count <= 3, tokens[1].count <= 3,
                let low = Int(tokens[0]), let high = Int(tokens[1]), low < high
            else { return nil }
            return low...high
        }

        /// One part of a multi answer, matched like a choice but allowing several options ("pain fatigue").
        func matchPart(_ tokens: [String]) -> PartResult {
            if let found = byStopwordsOnly[tokens] { return .named(found) }
            // "everything but fever", "all except pain": an exception we cannot safely apply; ask again.
            if tokens.contains(where: { Vocabulary.exceptionLeads.contains($0) }) { return .refused }
            let content = Vocabulary.content(tokens)
            if content.allSatisfy({ Vocabulary.fillers.contains($0) }) { return .ignored }
            if let found = byContent[content] { return .named(found) }
            if let numbers = numberList(tokens) { return .chosen(Set(numbers)) }
            return cover(content)
        }

        /// "1 3", "option 2", "2nd": option positions when every word is one.
        func numberList(_ tokens: [String]) -> [Int]? {
            let words = tokens.filter { !Vocabulary.indexLeads.contains($0) && $0 != "options" && $0 != "numbers" }
            guard !words.isEmpty else { return nil }
            var positions: [Int] = []
            for word in words {
                guard let position = position(of: word) else { return nil }
                positions.append(position)
            }
            return positions
        }

        /// Options named in one part: whole phrases (exact, or longer ones with typos) left to right, then
        /// the leftover words one by one. A leftover word that fits several options is settled by another
        /// word of the part ("pain in my back" → back pain); otherwise the part is ambiguous.
        func cover(_ content: [String]) -> PartResult {
            let compared = comparisons(content)
            var chosen: Set<Int> = []
            var leftover: [Int] = []
            var start = 0
            while start < content.count {
                var found = exactMatches(content, at: start)
                let fuzzy = bestFuzzy(compared, at: start, longerThan: found.first?.length ?? 0)
                if !fuzzy.isEmpty { found = fuzzy.map { ($0.length, $0.option) } }
                guard let length = found.first?.length else {
                    leftover.append(start)
                    start += 1
                    continue
                }
                let options = Set(found.map { $0.option })
                if options.count > 1 { return .ambiguous(options.sorted()) }
                chosen.formUnion(options)
                start += length
            }
            var unclear: [Set<Int>] = []
            var unknown: [Int] = []
            for row in leftover where !Vocabulary.fillers.contains(content[row]) {
                let hits = compared.selects[row] ? options(hitBy: row, in: compared) : []
                if hits.isEmpty {
                    unknown.append(row)
                    continue
                }
                if hits.count == 1 { chosen.formUnion(hits) } else { unclear.append(hits) }
            }
            for hits in unclear where hits.isDisjoint(with: chosen) { return .ambiguous(hits.sorted()) }
            // Extra words are ignored ("avoid surgery I might not need" names option 3 and says why),
            // but a part that names nothing is unmatched, and a negation or exception in front of a
            // named option ("everything but fever", "pain, not fever") never selects it.
            if chosen.isEmpty { return .unmatched }
            for row in unknown where Vocabulary.exceptions.contains(content[row]) {
                let next = row + 1
                guard next < content.count, compared.selects[next], !options(hitBy: next, in: compared).isEmpty else { continue }
                // "may not need" inside an option's own label is an echo of it, not a negation.
                let pair = [content[row], content[next]]
                let echoed = phrases.contains { p in
                    p.texts.count >= 2 && (0..<(p.texts.count - 1)).contains { Array(p.texts[$0...($0 + 1)]) == pair }
                }
                if !echoed { return .refused }
            }
            return .chosen(chosen)
        }

        /// The longest, then closest, typo-tolerant phrases at `start` that are longer than `length`.
        func bestFuzzy(
            _ compared: Comparisons, at start: Int, longerThan length: Int
        ) -> [(length: Int, distance: Int, option: Int)] {
            guard length < min(longestPhrase, compared.typed.count - start) else { return [] }
            let all = fuzzyMatches(compared, at: start, longerThan: length)
            guard let length = all.map({ $0.length }).max() else { return [] }
            let longest = all.filter { $0.length == length }
            let distance = longest.map { $0.distance }.min() ?? 0
            return longest.filter { $0.distance == distance }
        }
    }
}

// MARK: - Numbers

extension AnswerMatcher {
    /// Finds the first number in a line, written in digits or in words.
    enum NumberReader {
        static let units: [String: Int] = [
            "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
            "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        ]
        static let tens: [String: Int] = [
            "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90,
        ]
        static let scales: [String: Int] = ["hundred": 100, "thousand": 1000]
        static let half = ["and", "a", "half"]

        /// The first number: whichever of the first digits and the first number words comes earlier.
        static func firstNumber(in line: String, tokens: [String]) -> Double? {
            let bytes = Array((line.utf8.allSatisfy { $0 < 0x80 } ? line : TextNormalizer.folded(line)).utf8)
            let digits = firstDigits(bytes)
            let words = firstWords(tokens)
            switch (digits, words) {
            case (nil, nil): return nil
            case (let d?, nil): return d.value
            case (nil, let w?): return w.value
            case (let d?, let w?):
                let digitToken = TextNormalizer.tokens(String(decoding: bytes[..<d.start], as: UTF8.self)).count
                return digitToken <= w.token ? d.value : w.value
            }
        }

        static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        static func isAlphanumeric(_ byte: UInt8) -> Bool {
            isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
        }

        /// "65", "-2", "3.5", ".5", "1,200" (commas before exactly three digits group thousands).
        static func firstDigits(_ bytes: [UInt8]) -> (value: Double, start: Int)? {
            let dot = UInt8(ascii: "."), comma = UInt8(ascii: ","), minus = UInt8(ascii: "-")
            var start = 0
            while start < bytes.count {
                let byte = bytes[start]
                if isDigit(byte) { break }
                if byte == dot, start + 1 < bytes.count, isDigit(bytes[start + 1]) { break }
                start += 1
            }
            guard start < bytes.count else { return nil }
            var text = bytes[start] == dot ? "0" : ""
            var i = start
            while i < bytes.count, isDigit(bytes[i]) {
                text.unicodeScalars.append(Unicode.Scalar(bytes[i]))
                i += 1
                if i + 3 < bytes.count, bytes[i] == comma, (1...3).allSatisfy({ isDigit(bytes[i + $0]) }),
                    i + 4 == bytes.count || !isDigit(bytes[i + 4])
                {
                    i += 1  // thousands separator
                }
            }
            if i + 1 < bytes.count, bytes[i] == dot, isDigit(bytes[i + 1]) {
                text += "."
                i += 1
                while i < bytes.count, isDigit(bytes[i]) {
                    text.unicodeScalars.append(Unicode.Scalar(bytes[i]))
                    i += 1
                }
            }
            guard var value = Double(text) else { return nil }
            let signed = start >= 1 && bytes[start - 1] == minus && (start < 2 || !isAlphanumeric(bytes[start - 2]))
            let unicodeMinus = start >= 3 && bytes[(start - 3)..<start].elementsEqual([0xE2, 0x88, 0x92])
            if signed || unicodeMinus { value = -value }
            let after = TextNormalizer.tokens(String(decoding: bytes[i..<min(i + 24, bytes.count)], as: UTF8.self))
            if after.starts(with: half) { value += value < 0 ? -0.5 : 0.5 }
            return (value, start)
        }

        /// "twenty five", "a hundred and five", "two and a half": value and index of the first word.
        static func firstWords(_ tokens: [String]) -> (value: Double, token: Int)? {
            guard
                let start = tokens.indices.first(where: { i in
                    isNumberWord(tokens[i])
                        || (tokens[i] == "a" && i + 1 < tokens.count && scales[tokens[i + 1]] != nil)
                })
            else { return nil }
            enum Last { case none, unit, ten, scale }
            var total = 0, current = 0
            var last = Last.none
            var i = tokens[start] == "a" ? start + 1 : start
            while i < tokens.count {
                let token = tokens[i]
                if let unit = units[token] {
                    if last == .unit || (last == .ten && unit >= 10) { break }
                    current += unit
                    last = .unit
                } else if let ten = tens[token] {
                    if last == .unit || last == .ten { break }
                    current += ten
                    last = .ten
                } else if let scale = scales[token] {
                    if scale == 1000 {
                        total += Swift.max(current, 1) * 1000
                        current = 0
                    } else {
                        if last == .scale { break }
                        current = Swift.max(current, 1) * 100
                    }
                    last = .scale
                } else if token == "and", last != .none, i + 1 < tokens.count,
                    units[tokens[i + 1]] != nil || tens[tokens[i + 1]] != nil
                {
                    i += 1
                    continue
                } else {
                    break
                }
                i += 1
            }
            var value = Double(total + current)
            if tokens[i...].starts(with: half) { value += 0.5 }
            return (value, start)
        }

        static func isNumberWord(_ token: String) -> Bool {
            units[token] != nil || tens[token] != nil || scales[token] != nil
        }
    }
}
