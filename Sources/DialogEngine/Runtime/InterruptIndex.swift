/// All interrupt phrases of a graph in one index, so a turn checks them with a few hash lookups
/// instead of walking every phrase: each phrase's short words (which only an identical word can
/// match) are interned, a line marks the interned words it contains in a bitset once, and only the
/// phrases whose short words are all present get the positional, typo-tolerant check.
struct InterruptIndex: Sendable {
    typealias Word = TextNormalizer.Word

    struct Phrase: Sendable {
        /// Index into `DialogGraph.interrupts`.
        var interrupt: Int
        var words: [Word]
        /// Interned ids of the words only an identical token accepts.
        var exact: [Int]
    }

    private let vocabulary: [String: Int]
    /// Phrases grouped by interrupt, in interrupt order.
    private let phrases: [Phrase]
    private let words: Int

    init(_ interrupts: [Interrupt]) {
        var vocabulary: [String: Int] = [:]
        var phrases: [Phrase] = []
        for (i, interrupt) in interrupts.enumerated() {
            for words in interrupt.matcher.phrases {
                let exact = words.filter { !$0.isPrefix && PhraseMatcher.typoLimit($0) == 0 }.map { word -> Int in
                    if let id = vocabulary[word.text] { return id }
                    vocabulary[word.text] = vocabulary.count
                    return vocabulary.count - 1
                }
                phrases.append(Phrase(interrupt: i, words: words, exact: exact))
            }
        }
        self.vocabulary = vocabulary
        self.phrases = phrases
        self.words = (vocabulary.count + 63) / 64
    }

    /// The first interrupt (in priority order) that `include` accepts and whose phrase the line holds.
    func firstMatch(_ tokens: [String], include: (Int) -> Bool) -> Int? {
        guard !tokens.isEmpty, !phrases.isEmpty else { return nil }
        var present = [UInt64](repeating: 0, count: max(1, words))
        for token in tokens {
            if let id = vocabulary[token] { present[id >> 6] |= 1 << UInt64(id & 63) }
        }
        var prepared: [Word]?
        var skipped = -1
        for phrase in phrases where phrase.words.count <= tokens.count {
            if phrase.interrupt == skipped { continue }
            if !include(phrase.interrupt) {
                skipped = phrase.interrupt
                continue
            }
            var ok = true
            for id in phrase.exact where present[id >> 6] & (1 << UInt64(id & 63)) == 0 {
                ok = false
                break
            }
            if !ok { continue }
            let input = prepared ?? tokens.map { Word($0) }
            prepared = input
            for start in 0...(input.count - phrase.words.count) {
                var all = true
                for offset in 0..<phrase.words.count where !PhraseMatcher.accepts(phrase.words[offset], input[start + offset]) {
                    all = false
                    break
                }
                if all { return phrase.interrupt }
            }
        }
        return nil
    }
}
