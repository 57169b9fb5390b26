/// All interrupt phrases of a graph in one index, so a turn checks them with a few hash lookups
/// instead of walking every phrase: each phrase's short words (which only an identical word can
/// match) are interned, a line marks the interned words it contains in a bitset once, and only the
/// phrases whose short words are all present get the positional, typo-tolerant check.
///
/// Urgent and other interrupts are kept in separate lists (each in priority order). Words, of the
/// phrases and of the line, are plain shapes (length, letter set, typo allowance) over one flat
/// array of scalars, so the positional check copies and retains nothing; it accepts exactly what
/// `PhraseMatcher.accepts` accepts.
struct InterruptIndex: Sendable {
    /// A word as numbers: its scalars are `scalars[start..<start + count]` of the array it came with.
    struct Shape: Sendable {
        var start: Int
        var count: Int
        /// Which characters occur, one bit per scalar value modulo 64 (as `TextNormalizer.Word.letters`).
        var letters: UInt64
        /// Edits forgiven (phrase words only).
        var limit: Int
        var isPrefix: Bool
    }

    struct Phrase: Sendable {
        /// Index into `DialogGraph.interrupts`.
        var interrupt: Int
        /// The phrase's words, as a range of `InterruptIndex.words`.
        var words: Range<Int>
        /// Interned ids of the words only an identical token accepts, as a range of `InterruptIndex.exact`.
        var exact: Range<Int>
    }

    private let vocabulary: [String: Int]
    private let words: [Shape]
    private let scalars: [UInt32]
    private let exact: [Int]
    private let urgent: [Phrase]
    private let other: [Phrase]
    private let bitsetWords: Int

    init(_ interrupts: [Interrupt]) {
        var vocabulary: [String: Int] = [:]
        var words: [Shape] = []
        var scalars: [UInt32] = []
        var exact: [Int] = []
        var urgent: [Phrase] = []
        var other: [Phrase] = []
        for (i, interrupt) in interrupts.enumerated() {
            for phraseWords in interrupt.matcher.phrases {
                let wordStart = words.count
                let exactStart = exact.count
                for word in phraseWords {
                    let limit = PhraseMatcher.typoLimit(word)
                    words.append(
                        Shape(start: scalars.count, count: word.count, letters: word.letters, limit: limit, isPrefix: word.isPrefix))
                    scalars += word.scalars
                    guard !word.isPrefix, limit == 0 else { continue }
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
        self.scalars = scalars
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
            var line: (shapes: [Shape], scalars: [UInt32])?
            search: for phrase in phrases where phrase.words.count <= tokens.count {
                for k in phrase.exact {
                    let id = exact[k]
                    if present[id >> 6] & (1 << UInt64(id & 63)) == 0 { continue search }
                }
                let input = line ?? Self.shapes(of: tokens)
                line = input
                let length = phrase.words.count
                for start in 0...(tokens.count - length) {
                    var all = true
                    for offset in 0..<length
                    where !accepts(words[phrase.words.lowerBound + offset], input.shapes[start + offset], input.scalars) {
                        all = false
                        break
                    }
                    if all { return phrase.interrupt }
                }
            }
            return nil
        }
    }

    /// The line's tokens as shapes over one array of scalars.
    static func shapes(of tokens: [String]) -> (shapes: [Shape], scalars: [UInt32]) {
        var shapes: [Shape] = []
        shapes.reserveCapacity(tokens.count)
        var scalars: [UInt32] = []
        scalars.reserveCapacity(tokens.reduce(0) { $0 + $1.utf8.count })
        for token in tokens {
            let start = scalars.count
            var letters: UInt64 = 0
            for s in token.unicodeScalars {
                scalars.append(s.value)
                letters |= 1 << UInt64(s.value % 64)
            }
            shapes.append(Shape(start: start, count: scalars.count - start, letters: letters, limit: 0, isPrefix: false))
        }
        return (shapes, scalars)
    }

    /// Whether phrase word `word` accepts typed `token` (scalars in `tokenScalars`): `PhraseMatcher.accepts`.
    @inline(__always)
    private func accepts(_ word: Shape, _ token: Shape, _ tokenScalars: [UInt32]) -> Bool {
        if word.isPrefix {
            guard token.count >= word.count, word.letters & ~token.letters == 0 else { return false }
            for i in 0..<word.count where scalars[word.start + i] != tokenScalars[token.start + i] { return false }
            return true
        }
        let limit = word.limit
        if abs(word.count - token.count) > limit { return false }
        if word.letters == token.letters, word.count == token.count, same(word, token, tokenScalars) { return true }
        guard limit > 0 else { return false }
        // Each character missing from the other word costs at least one edit.
        if (token.letters & ~word.letters).nonzeroBitCount > limit || (word.letters & ~token.letters).nonzeroBitCount > limit {
            return false
        }
        let a = Array(scalars[word.start..<(word.start + word.count)])
        let b = Array(tokenScalars[token.start..<(token.start + token.count)])
        return TextNormalizer.boundedDistance(a, b, limit: limit) != nil
    }

    private func same(_ word: Shape, _ token: Shape, _ tokenScalars: [UInt32]) -> Bool {
        for i in 0..<word.count where scalars[word.start + i] != tokenScalars[token.start + i] { return false }
        return true
    }
}
