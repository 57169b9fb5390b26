/// Keyword phrases ("chest pain") matched inside a whole sentence.
///
/// ```swift
/// let urgent = PhraseMatcher(phrases: ["chest pain", "bleed*", "can't breathe"])
/// urgent.matches(TextNormalizer.tokens("I have sudden chset pain"))  // true: "chset" is one edit from "chest"
/// urgent.matches(TextNormalizer.tokens("it keeps bleeding"))         // true: prefix
/// urgent.matches(TextNormalizer.tokens("my chest is fine"))          // false: words not together
/// ```
public struct PhraseMatcher: Sendable {
    typealias Word = TextNormalizer.Word

    /// Each phrase as normalized words; phrases that normalize to nothing are dropped.
    let phrases: [[Word]]

    public init(phrases: [String]) {
        self.phrases = phrases.compactMap(Self.words(of:))
    }

    /// True when all words of one phrase appear consecutively in the tokens. Tokens of length ≥ 5 in phrases forgive 1 edit (Damerau), ≥ 9 forgive 2. A phrase word ending in "*" matches any token with that prefix ("bleed*" matches "bleeding").
    public func matches(_ tokens: [String]) -> Bool {
        guard !phrases.isEmpty, !tokens.isEmpty else { return false }
        let input = tokens.map { Word($0) }
        for phrase in phrases where phrase.count <= input.count {
            for start in 0...(input.count - phrase.count) {
                var all = true
                for (offset, word) in phrase.enumerated() where !Self.accepts(word, input[start + offset]) {
                    all = false
                    break
                }
                if all { return true }
            }
        }
        return false
    }

    /// Whether the phrase word `word` accepts the typed `token`.
    static func accepts(_ word: Word, _ token: Word) -> Bool {
        if word.isPrefix { return token.text.hasPrefix(word.text) }
        if word.text == token.text { return true }
        let limit = word.count >= 9 ? 2 : word.count >= 5 ? 1 : 0
        return limit > 0 && word.distance(to: token, limit: limit) != nil
    }

    /// A phrase's words; a word written with a trailing `*` becomes a prefix word.
    private static func words(of phrase: String) -> [Word]? {
        var words: [Word] = []
        for piece in phrase.split(whereSeparator: { $0.isWhitespace }) {
            let isPrefix = piece.hasSuffix("*")
            let tokens = TextNormalizer.tokens(String(piece))
            for (index, token) in tokens.enumerated() {
                words.append(Word(token, isPrefix: isPrefix && index == tokens.count - 1))
            }
        }
        return words.isEmpty ? nil : words
    }
}
