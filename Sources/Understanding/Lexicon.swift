/// Turns typed words into the words the language data is written in: one policy for word forms and
/// one for typos, used by every rule.
///
/// - **Word forms.** A word in the vocabulary stands for itself. Otherwise the `forms` table
///   ("ill" ← "iller" is not guessed: "went" → "go", "mum" → "mom") is asked, then regular endings are
///   taken off until a vocabulary word is left ("drooping" → "droop", "slurred" → "slur",
///   "hurts" → "hurt", "droopy" → "droop", "suddenly" → "sudden").
/// - **Typos.** A word of at least `typoMinimum` letters that is still unknown, and is not a `protected`
///   word (a real word that happens to be one edit from a vocabulary word: "strike" is not "stroke"),
///   becomes the one vocabulary word within one edit (two from `typoMinimumForTwo` letters), when
///   exactly one is closest. Words of digits are never corrected.
public struct Lexicon: Sendable {
    /// Every word the language data uses (concepts, patterns, triggers), in its base form.
    public let vocabulary: Set<String>
    /// Irregular and variant forms → base form ("went" → "go", "mum" → "mom").
    public let forms: [String: String]
    /// Real words that are never corrected to a nearby vocabulary word.
    public let protected: Set<String>

    public static let typoMinimum = 5
    public static let typoMinimumForTwo = 9

    /// Vocabulary words by their one-letter deletions, for finding typo candidates quickly (SymSpell's
    /// idea: two words within one edit share a deletion, or one is a deletion of the other).
    private let deletions: [String: [String]]
    /// Base forms by vocabulary word length, for two-edit candidates of long words.
    private let longWords: [String]

    public init(vocabulary: Set<String>, forms: [String: String], protected: Set<String>) {
        self.vocabulary = vocabulary
        self.forms = forms
        self.protected = protected
        var deletions: [String: [String]] = [:]
        var longWords: [String] = []
        for word in vocabulary where word.unicodeScalars.count >= Self.typoMinimum - 1 && !Self.isDigits(word) {
            for deleted in Self.oneDeletions(word) { deletions[deleted, default: []].append(word) }
            if word.unicodeScalars.count >= Self.typoMinimumForTwo - 2 { longWords.append(word) }
        }
        for key in deletions.keys { deletions[key]?.sort() }
        self.deletions = deletions
        self.longWords = longWords.sorted()
    }

    /// How a typed word was read.
    public enum Reading: Sendable, Hashable {
        /// In the vocabulary as typed, or not known at all (kept as typed).
        case asTyped
        /// A form of a vocabulary word.
        case form
        /// A typo for a vocabulary word.
        case typo
    }

    /// The base form of a typed word, and how it was found.
    public func base(of word: String) -> (String, Reading) {
        if vocabulary.contains(word) { return (word, .asTyped) }
        if let base = forms[word] { return (base, .form) }
        if let base = stripped(word) { return (base, .form) }
        if let fixed = corrected(word) { return (fixed, .typo) }
        return (word, .asTyped)
    }

    /// Regular endings taken off until a vocabulary word is left.
    func stripped(_ word: String) -> String? {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3 else { return nil }
        func known(_ candidate: String) -> String? {
            if vocabulary.contains(candidate) { return candidate }
            if let base = forms[candidate] { return base }
            return nil
        }
        for (suffix, replacements) in Self.endings where word.hasSuffix(suffix) && scalars.count > suffix.count + 1 {
            let stem = String(word.dropLast(suffix.count))
            // A stem of two letters is too short to trust ("need" is not "nee" + "d").
            for replacement in replacements where replacement.isEmpty || stem.unicodeScalars.count >= 3 {
                if let found = known(stem + replacement) { return found }
            }
            // "slurring" → "slurr" → "slur": a doubled last consonant before the ending.
            let stemScalars = Array(stem.unicodeScalars)
            if suffix.first == "i" || suffix.first == "e", stemScalars.count >= 3,
                stemScalars[stemScalars.count - 1] == stemScalars[stemScalars.count - 2]
            {
                if let found = known(String(stem.dropLast())) { return found }
            }
        }
        return nil
    }

    /// Endings, longest first, each with what may replace it.
    static let endings: [(String, [String])] = [
        ("ingly", ["", "e"]), ("ily", ["y"]), ("ally", ["al", ""]),
        ("ying", ["ie", "y"]), ("ing", ["", "e"]), ("ied", ["y"]), ("ies", ["y"]), ("ed", ["", "e"]),
        ("es", ["", "e"]), ("ly", [""]), ("s", [""]), ("y", ["", "e"]),
    ]

    /// The one closest vocabulary word within the typo limit, if there is exactly one.
    func corrected(_ word: String) -> String? {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= Self.typoMinimum, !protected.contains(word), !Self.isDigits(word) else { return nil }
        let limit = scalars.count >= Self.typoMinimumForTwo ? 2 : 1
        let values = scalars.map(\.value)
        var best: [String] = []
        var bestDistance = limit + 1
        func consider(_ candidate: String) {
            guard !best.contains(candidate) else { return }
            let other = candidate.unicodeScalars.map(\.value)
            guard let d = TextNormalizer.boundedDistance(values, other, limit: limit) else { return }
            if d < bestDistance {
                bestDistance = d
                best = [candidate]
            } else if d == bestDistance {
                best.append(candidate)
            }
        }
        // One edit: the word and a candidate share a deletion, or one is the other less a letter.
        if let same = deletions[word] { same.forEach(consider) }
        for deleted in Self.oneDeletions(word) {
            if vocabulary.contains(deleted) { consider(deleted) }
            if let found = deletions[deleted] { found.forEach(consider) }
        }
        if limit == 2 && bestDistance > 1 {
            for candidate in longWords where abs(candidate.unicodeScalars.count - scalars.count) <= 2 { consider(candidate) }
        }
        return best.count == 1 ? best[0] : nil
    }

    static func oneDeletions(_ word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        var out: [String] = []
        out.reserveCapacity(scalars.count)
        for i in scalars.indices {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[..<i])
            view.append(contentsOf: scalars[(i + 1)...])
            out.append(String(view))
        }
        return out
    }

    static func isDigits(_ word: String) -> Bool {
        !word.isEmpty && word.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }
    }
}
