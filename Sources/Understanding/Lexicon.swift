import Synchronization

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
    /// Words of their own, never taken as a regular form of another (and so never corrected either).
    public let notForms: Set<String>

    /// The fewest letters a word needs before a slip in it is forgiven: four-letter words are too often
    /// other real words one letter away ("find" / "mind", "back" / "pack").
    public static let typoMinimum = 5
    /// The fewest letters a word needs before two slips in it are forgiven.
    public static let typoMinimumForTwo = 9

    /// The typo policy: how many edits (Damerau: a letter added, dropped, changed, or two swapped) a word
    /// of `letters` letters forgives. The lexicon's corrections, phrase words (`PhraseMatcher`, the
    /// interrupt index) and option words (`AnswerMatcher`) all ask it, so a word is forgiven the same
    /// slips wherever it is read.
    @inlinable @inline(__always)
    package static func typoLimit(letters: Int) -> Int {
        letters >= typoMinimumForTwo ? 2 : letters >= typoMinimum ? 1 : 0
    }

    /// Typo candidates, built once: every vocabulary word of at least `typoMinimum - 1` letters, its
    /// scalars and letter set, its one-letter deletions (SymSpell's idea: two words within one edit share
    /// a deletion, or one is the other less a letter), and hashes of both, so a typed word that is
    /// near no vocabulary word is turned away without building a string.
    private let candidates: LazyCandidates

    /// The typo candidates, built by the first word that needs them: a lexicon made only to read word
    /// forms, or one whose words are never mistyped, never pays for them. The same words give the same
    /// index whenever it is built, so when changes no result.
    final class LazyCandidates: Sendable {
        private let vocabulary: Set<String>
        private let built = Mutex<Candidates?>(nil)

        init(_ vocabulary: Set<String>) { self.vocabulary = vocabulary }

        var value: Candidates {
            built.withLock { stored in
                if let stored { return stored }
                let made = Candidates(vocabulary)
                stored = made
                return made
            }
        }
    }

    final class Candidates: Sendable {
        let words: [String]
        let scalars: [[UInt32]]
        let letters: [UInt64]
        /// Word numbers by the hash of each one-letter deletion, and by the hash of the word itself.
        let byDeletion: [UInt64: [Int32]]
        let byWord: [UInt64: [Int32]]
        /// Word numbers of at least `typoMinimumForTwo - 2` letters, for two-edit candidates, by their
        /// first letter (two slips in a long word seldom include the first letter).
        let long: [UInt32: [Int32]]

        init(_ vocabulary: Set<String>) {
            var words: [String] = []
            var byDeletion: [UInt64: [Int32]] = [:]
            var byWord: [UInt64: [Int32]] = [:]
            var long: [UInt32: [Int32]] = [:]
            var scalars: [[UInt32]] = []
            for word in vocabulary.sorted() where word.unicodeScalars.count >= Lexicon.typoMinimum - 1 && !Lexicon.isDigits(word) {
                let n = Int32(words.count)
                let values = word.unicodeScalars.map(\.value)
                words.append(word)
                scalars.append(values)
                byWord[Lexicon.hash(values), default: []].append(n)
                for i in values.indices { byDeletion[Lexicon.hash(values, skipping: i), default: []].append(n) }
                if values.count >= Lexicon.typoMinimumForTwo - 2, let first = values.first { long[first, default: []].append(n) }
            }
            self.words = words
            self.scalars = scalars
            letters = scalars.map { $0.reduce(UInt64(0)) { $0 | (1 << UInt64($1 % 64)) } }
            self.byDeletion = byDeletion
            self.byWord = byWord
            self.long = long
        }
    }

    public init(vocabulary: Set<String>, forms: [String: String], protected: Set<String>, notForms: Set<String> = []) {
        self.vocabulary = vocabulary
        self.forms = forms
        self.protected = protected.union(notForms)
        self.notForms = notForms
        candidates = LazyCandidates(vocabulary)
    }

    /// FNV-1a over scalars (one hash for words and their deletions, so the two can be compared).
    static func hash(_ scalars: [UInt32]) -> UInt64 { FNV1a.hash(scalars) }

    /// The hash of `scalars` without the one at `skip`.
    static func hash(_ scalars: [UInt32], skipping skip: Int) -> UInt64 {
        var h = FNV1a.basis
        for (i, v) in scalars.enumerated() where i != skip { h = FNV1a.adding(UInt64(v), to: h) }
        return h
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
        guard scalars.count >= 3, !notForms.contains(word) else { return nil }
        func known(_ candidate: String) -> String? {
            if vocabulary.contains(candidate) { return candidate }
            if let base = forms[candidate] { return base }
            return nil
        }
        // A plural or third person never ends in "ss": "pass" is not "pas" + "s", "less" not "les".
        for (suffix, replacements) in Self.endings
        where word.hasSuffix(suffix) && scalars.count > suffix.count + 1 && !(suffix == "s" && word.hasSuffix("ss")) {
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
        // A dropped "e" is tried first: "coming" is "come", not "com"; "opening" still finds "open".
        ("ying", ["ie", "y"]), ("ing", ["e", ""]), ("ied", ["y"]), ("ies", ["y"]), ("ed", ["e", ""]),
        ("es", ["e", ""]), ("ly", [""]), ("s", [""]), ("y", ["e", ""]),
    ]

    /// The one closest vocabulary word within the typo limit, if there is exactly one.
    func corrected(_ word: String) -> String? {
        let values = word.unicodeScalars.map(\.value)
        guard values.count >= Self.typoMinimum, !protected.contains(word), !Self.isDigits(word) else { return nil }
        let c = candidates.value
        let limit = Self.typoLimit(letters: values.count)
        var best: [Int32] = []
        var bestDistance = limit + 1
        func consider(_ n: Int32) {
            guard !best.contains(n) else { return }
            guard let d = TextNormalizer.boundedDistance(values, c.scalars[Int(n)], limit: limit) else { return }
            if d < bestDistance {
                bestDistance = d
                best = [n]
            } else if d == bestDistance {
                best.append(n)
            }
        }
        // One edit, found by hashes of deletions (SymSpell's idea: two words one edit apart share a
        // deletion, or one is the other less a letter); candidates are then measured.
        c.byDeletion[Self.hash(values)]?.forEach(consider)
        for i in values.indices {
            let h = Self.hash(values, skipping: i)
            c.byWord[h]?.forEach(consider)
            c.byDeletion[h]?.forEach(consider)
        }
        // Two edits for long words: only words of about the same length and letters are compared.
        if limit == 2 && bestDistance > 1 {
            let letters = values.reduce(UInt64(0)) { $0 | (1 << UInt64($1 % 64)) }
            for n in c.long[values[0]] ?? [] {
                let other = c.scalars[Int(n)]
                guard abs(other.count - values.count) <= 2, TextNormalizer.atMost(letters & ~c.letters[Int(n)], 2),
                    TextNormalizer.atMost(c.letters[Int(n)] & ~letters, 2)
                else { continue }
                consider(n)
            }
        }
        return best.count == 1 ? c.words[Int(best[0])] : nil
    }


    static func isDigits(_ word: String) -> Bool {
        !word.isEmpty && word.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }
    }
}
