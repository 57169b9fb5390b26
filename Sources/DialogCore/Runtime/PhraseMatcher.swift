import Understanding
/// Keyword phrases ("chest pain") matched inside a whole sentence.
///
/// ```swift
/// let urgent = PhraseMatcher(phrases: ["chest pain", "bleed*", "can't breathe"])
/// urgent.matches(TextNormalizer.tokens("I have sudden chset pain"))  // true: "chset" is one edit from "chest"
/// urgent.matches(TextNormalizer.tokens("it keeps bleeding"))         // true: prefix
/// urgent.matches(TextNormalizer.tokens("my chest is fine"))          // false: words not together
/// ```
public struct PhraseMatcher: Sendable {
    package typealias Word = TextNormalizer.Word

    /// The phrases as written, and their words once prepared (shared by every copy of the matcher).
    private let storage: Storage

    /// Each phrase as normalized words; phrases that normalize to nothing are dropped.
    package var phrases: [[Word]] { storage.prepared.phrases }
    /// Per phrase, the words that only an identical token accepts (short, not prefix): a phrase whose
    /// exact words are not all in the line is rejected with a few hash lookups, before any typo work.
    var exactWords: [[String]] { storage.prepared.exactWords }

    public init(phrases: [String]) {
        storage = Storage(phrases)
    }

    /// The phrases as written (what the matcher was made from).
    package var texts: [String] { storage.texts }

    /// The phrases' words and exact words.
    final class Prepared: Sendable {
        let phrases: [[Word]]
        let exactWords: [[String]]

        init(_ texts: [String]) {
            phrases = texts.compactMap(PhraseMatcher.words(of:))
            exactWords = phrases.map { phrase in
                phrase.filter { !$0.isPrefix && PhraseMatcher.typoLimit($0) == 0 }.map { $0.text }
            }
        }
    }

    /// The phrase texts, split into words on first use: loading builds a matcher for every interrupt and
    /// keyword rule, and a chat reads them only once a line is typed. The words depend only on the
    /// texts, so when they are made changes no result.
    final class Storage: Sendable {
        let texts: [String]
        private let cache = LazyReference<Prepared>()

        init(_ texts: [String]) { self.texts = texts }

        /// The prepared phrases, made by the first use.
        var prepared: Prepared {
            cache.value { Prepared(texts) }
        }
    }

    /// A line prepared once per turn and shared by every phrase matcher (interrupts, keyword rules).
    public struct Input: Sendable {
        let words: [Word]
        let set: Set<String>

        public init(tokens: [String]) {
            words = tokens.map { Word($0) }
            set = Set(tokens)
        }
    }

    /// Same as `matches(_:)` on a prepared line.
    public func matches(_ input: Input) -> Bool {
        let count = input.words.count
        guard count > 0 else { return false }
        let prepared = storage.prepared
        for (index, phrase) in prepared.phrases.enumerated() where phrase.count <= count {
            if !prepared.exactWords[index].allSatisfy(input.set.contains) { continue }
            for start in 0...(count - phrase.count) {
                var all = true
                for (offset, word) in phrase.enumerated() where !Self.accepts(word, input.words[start + offset]) {
                    all = false
                    break
                }
                if all { return true }
            }
        }
        return false
    }

    /// Edits forgiven in a phrase word: the one typo policy (`Lexicon.typoLimit`).
    static func typoLimit(_ word: Word) -> Int { Lexicon.typoLimit(letters: word.count) }

    /// True when all words of one phrase appear consecutively in the tokens. Phrase words forgive typos as `Lexicon.typoLimit` says (one edit from 5 letters, two from 9). A phrase word ending in "*" matches any token with that prefix ("bleed*" matches "bleeding").
    public func matches(_ tokens: [String]) -> Bool {
        guard !tokens.isEmpty, !phrases.isEmpty else { return false }
        return matches(Input(tokens: tokens))
    }

    /// Whether the phrase word `word` accepts the typed `token`.
    static func accepts(_ word: Word, _ token: Word) -> Bool {
        if word.isPrefix { return token.count >= word.count && token.scalars.starts(with: word.scalars) }
        let limit = typoLimit(word)
        if abs(word.count - token.count) > limit { return false }
        if word.letters == token.letters, word.scalars == token.scalars { return true }
        return limit > 0 && word.distance(to: token, limit: limit) != nil
    }

    /// A phrase's words; a word written with a trailing `*` becomes a prefix word.
    private static func words(of phrase: String) -> [Word]? {
        var words: [Word] = []
        // ASCII phrases (nearly all) are split on their bytes; others on Characters.
        let pieces: [Substring]
        if phrase.utf8.allSatisfy({ $0 < 0x80 }) {
            pieces = phrase.utf8.split(whereSeparator: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }).map { Substring($0) }
        } else {
            pieces = phrase.split(whereSeparator: { $0.isWhitespace })
        }
        for piece in pieces {
            let isPrefix = piece.hasSuffix("*")
            let tokens = TextNormalizer.tokens(String(piece))
            for (index, token) in tokens.enumerated() {
                words.append(Word(token, isPrefix: isPrefix && index == tokens.count - 1))
            }
        }
        return words.isEmpty ? nil : words
    }
}
