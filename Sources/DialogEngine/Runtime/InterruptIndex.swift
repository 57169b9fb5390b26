/// All interrupt phrases of a graph in one index, so a turn checks them with a few hash lookups
/// instead of walking every phrase: each phrase's short words (which only an identical word can
/// match) are interned, a line marks the interned words it contains in a bitset once, and only the
/// phrases whose short words are all present get the positional, typo-tolerant check.
///
/// Urgent and other interrupts are kept in separate lists (each in priority order), and phrases are
/// flat ranges into shared word arrays, so a check copies nothing per phrase.
struct InterruptIndex: Sendable {
    typealias Word = TextNormalizer.Word

    struct Phrase: Sendable {
        /// Index into `DialogGraph.interrupts`.
        var interrupt: Int
        /// The phrase's words, as a range of `InterruptIndex.words`.
        var words: Range<Int>
        /// Interned ids of the words only an identical token accepts, as a range of `InterruptIndex.exact`.
        var exact: Range<Int>
    }

    private let vocabulary: [String: Int]
    private let words: [Word]
    private let exact: [Int]
    private let urgent: [Phrase]
    private let other: [Phrase]
    private let bitsetWords: Int

    init(_ interrupts: [Interrupt]) {
        var vocabulary: [String: Int] = [:]
        var words: [Word] = []
        var exact: [Int] = []
        var urgent: [Phrase] = []
        var other: [Phrase] = []
        for (i, interrupt) in interrupts.enumerated() {
            for phraseWords in interrupt.matcher.phrases {
                let wordStart = words.count
                let exactStart = exact.count
                words += phraseWords
                for word in phraseWords where !word.isPrefix && PhraseMatcher.typoLimit(word) == 0 {
                    if let id = vocabulary[word.text] {
                        exact.append(id)
                    } else {
                        vocabulary[word.text] = vocabulary.count
                        exact.append(vocabulary.count - 1)
                    }
                }
                let phrase = Phrase(interrupt: i, words: wordStart..<words.count, exact: exactStart..<exact.count)
                if interrupt.urgent { urgent.append(phrase) } else { other.append(phrase) }
            }
        }
        self.vocabulary = vocabulary
        self.words = words
        self.exact = exact
        self.urgent = urgent
        self.other = other
        self.bitsetWords = max(1, (vocabulary.count + 63) / 64)
    }

    /// The first urgent (or, with `urgent` false, other) interrupt, in priority order, whose phrase the line holds.
    func firstMatch(_ tokens: [String], urgent: Bool) -> Int? {
        let phrases = urgent ? self.urgent : other
        guard !tokens.isEmpty, !phrases.isEmpty else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: bitsetWords) { present -> Int? in
            present.initialize(repeating: 0)
            for token in tokens {
                if let id = vocabulary[token] { present[id >> 6] |= 1 << UInt64(id & 63) }
            }
            var prepared: [Word]?
            search: for phrase in phrases where phrase.words.count <= tokens.count {
                for k in phrase.exact {
                    let id = exact[k]
                    if present[id >> 6] & (1 << UInt64(id & 63)) == 0 { continue search }
                }
                let input = prepared ?? tokens.map { Word($0) }
                prepared = input
                let length = phrase.words.count
                for start in 0...(input.count - length) {
                    var all = true
                    for offset in 0..<length where !PhraseMatcher.accepts(words[phrase.words.lowerBound + offset], input[start + offset]) {
                        all = false
                        break
                    }
                    if all { return phrase.interrupt }
                }
            }
            return nil
        }
    }
}
