/// Turns what a person typed into comparable words.
public enum TextNormalizer {
    /// Lowercased, diacritics folded (é→e), apostrophes removed ("don't"→"dont"), other punctuation and symbols → spaces, split on whitespace. Digits kept. Emoji/control chars dropped.
    ///
    /// ```swift
    /// TextNormalizer.tokens("I don't know, Réunion?")  // ["i", "dont", "know", "reunion"]
    /// ```
    public static func tokens(_ line: String) -> [String] {
        if let ascii = asciiTokens(line) { return ascii }
        return unicodeTokens(folded(line))
    }

    /// The line lowercased with diacritics and full-width forms folded ("Ｒéunion" → "reunion").
    ///
    /// The same as Foundation's case-, diacritic- and width-insensitive folding, scalar by scalar, from
    /// the generated tables in `FoldTable.swift`: precomposed letters lose their marks ("é" → "e"),
    /// full-width forms become ASCII, case folds fully ("ß" → "ss"), and combining marks after a
    /// character are removed ("e\u{301}" → "e").
    package static func folded(_ line: String) -> String {
        if line.utf8.allSatisfy({ $0 < 0x80 }) { return line.lowercased() }
        var out = String.UnicodeScalarView()
        // Whether marks here are removed: after a character, except the few that keep theirs. A mark
        // that opens the line is kept and counts as the character for the marks after it.
        var removing = false
        var started = false
        for scalar in line.unicodeScalars {
            if scalar.isASCII {
                let v = scalar.value
                out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 32)) : scalar)
                removing = true
                started = true
                continue
            }
            if isRemovedAfterCharacter(scalar) {
                if removing { continue }
                removing = !started
                started = true
            } else {
                started = true
                removing = sortedIndex(of: scalar.value, in: keepMarksAfter) == nil
            }
            if let i = sortedIndex(of: scalar.value, in: foldKeys) {
                var packed = foldValues[i]
                while packed != 0 {
                    if let folded = Unicode.Scalar(UInt32(truncatingIfNeeded: packed & 0x1F_FFFF)) { out.append(folded) }
                    packed >>= 21
                }
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    /// Whether folding removes this scalar when it follows another character: nonspacing and enclosing
    /// marks (but a few), and a few others (some spacing marks, joiners, skin-tone modifiers).
    private static func isRemovedAfterCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return sortedIndex(of: scalar.value, in: keptMarks) == nil
        default: return sortedIndex(of: scalar.value, in: removedAfterCharacter) != nil
        }
    }

    /// Position of `value` in an ascending array, by binary search.
    private static func sortedIndex(of value: UInt32, in sorted: [UInt32]) -> Int? {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == value ? low : nil
    }

    /// The line as a `text` answer: control characters removed, whitespace collapsed to single spaces, trimmed.
    package static func cleanedText(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in line.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else if scalar.properties.generalCategory == .control {
                continue
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when `cleanedText(line)` is `line` itself, decided for ASCII lines only: printable
    /// characters with single spaces between them and none at either end.
    package static func isCleanText(_ line: String) -> Bool {
        var previous = UInt8(ascii: " ")
        for byte in line.utf8 {
            guard byte > 0x20 && byte < 0x7F || (byte == 0x20 && previous != 0x20) else { return false }
            previous = byte
        }
        return previous != 0x20
    }

    // MARK: - Tokenizing

    /// `tokens(text)` joined by single spaces: one string that is equal for two texts exactly when their
    /// token lists are (tokens hold no spaces), for keying words by how they read. An ASCII text is
    /// tokenized into one buffer by the same scanner as `tokens`, so a short key costs one allocation.
    package static func key(_ text: String) -> String {
        var text = text
        let ascii = text.withUTF8 { bytes -> String? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { out -> String? in
                guard let length = scanASCII(bytes, into: out, word: { _ in }) else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: out[..<length]), as: UTF8.self)
            }
        }
        return ascii ?? tokens(text).joined(separator: " ")
    }

    /// Fast path for all-ASCII lines (the common case); nil when the line has other characters.
    /// Words are assembled in a scratch buffer on the stack, so the only allocations are the result's.
    private static func asciiTokens(_ line: String) -> [String]? {
        var line = line
        return line.withUTF8 { bytes -> [String]? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { out -> [String]? in
                var tokens: [String] = []
                // Room for the usual count of words, so appending rarely reallocates.
                tokens.reserveCapacity(min(bytes.count / 3 + 1, 64))
                let scanned = scanASCII(bytes, into: out) { word in
                    tokens.append(String(decoding: UnsafeBufferPointer(rebasing: out[word]), as: UTF8.self))
                }
                return scanned == nil ? nil : tokens
            }
        }
    }

    /// The ASCII tokenizer (`tokens` and `key` both read ASCII through it): the words of `bytes`,
    /// lowercased, written into `out` one space apart, with `word` told where each one lies in `out` as
    /// it ends. Letters and digits make words; apostrophes and control characters vanish without
    /// splitting one; blanks, punctuation and symbols end one. Returns the length written, or nil at the
    /// first byte that is not ASCII (what was written is then to be dropped: the line takes the Unicode
    /// path). `out` needs room for `bytes.count`: a space is written only where a separator was.
    @inline(__always)
    private static func scanASCII(
        _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, word: (Range<Int>) -> Void
    ) -> Int? {
        var length = 0
        var start = 0
        var inWord = false
        for byte in bytes {
            var b = byte
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                break
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                b = byte + 32
            case UInt8(ascii: "'"), UInt8(ascii: "`"):
                continue
            case 0x80...:
                return nil
            case 0x00..<0x09, 0x0E..<0x20, 0x7F:
                continue  // control characters other than blanks vanish without splitting the word
            default:
                // Blanks, punctuation and symbols end a word.
                if inWord { word(start..<length) }
                inWord = false
                continue
            }
            if !inWord {
                if length > 0 {
                    out[length] = UInt8(ascii: " ")
                    length += 1
                }
                start = length
                inWord = true
            }
            out[length] = b
            length += 1
        }
        if inWord { word(start..<length) }
        return length
    }

    /// General path over a line already lowercased and folded.
    private static func unicodeTokens(_ folded: String) -> [String] {
        var tokens: [String] = []
        var word = String.UnicodeScalarView()
        func flushWord() {
            guard !word.isEmpty else { return }
            tokens.append(String(word))
            word = String.UnicodeScalarView()
        }
        for scalar in folded.unicodeScalars {
            switch kind(of: scalar) {
            case .wordPart: word.append(scalar)
            case .mark: if !word.isEmpty { word.append(scalar) }
            case .dropped: continue
            case .separator: flushWord()
            }
        }
        flushWord()
        return tokens
    }

    enum ScalarKind { case wordPart, mark, dropped, separator }

    static func kind(of scalar: Unicode.Scalar) -> ScalarKind {
        switch scalar.value {
        case 0x27, 0x60, 0xB4, 0x2BC, 0x2018, 0x2019, 0x201B, 0x2032, 0xFF07:
            return .dropped  // apostrophes: "don’t" → "dont"
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x20E3, 0x200D:
            return .dropped  // emoji variation selectors, keycap, zero-width joiner
        default:
            break
        }
        let properties = scalar.properties
        if properties.isWhitespace { return .separator }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber:
            return .wordPart
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        case .control, .format, .privateUse, .surrogate, .unassigned:
            return .dropped
        default:
            return .separator
        }
    }
}

extension TextNormalizer {
    /// A normalized word prepared for typo-tolerant comparison.
    package struct Word: Hashable, Sendable {
        package let text: String
        package let scalars: [UInt32]
        /// Which characters occur (one bit per character, modulo 64): a cheap lower bound on edit distance.
        package let letters: UInt64
        /// Matches any word starting with `text` (a phrase word written `bleed*`).
        package let isPrefix: Bool

        package init(_ text: String, isPrefix: Bool = false) {
            self.text = text
            self.scalars = text.unicodeScalars.map { $0.value }
            self.letters = scalars.reduce(0) { $0 | (1 << UInt64($1 % 64)) }
            self.isPrefix = isPrefix
        }

        package var count: Int { scalars.count }

        /// True when every character is an ASCII digit.
        package var isDigits: Bool { !scalars.isEmpty && scalars.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

        /// Edit distance to `other` if at most `limit`, else nil.
        package func distance(to other: Word, limit: Int) -> Int? {
            // Each character missing from the other word costs at least one edit.
            if !TextNormalizer.atMost(other.letters & ~letters, limit) || !TextNormalizer.atMost(letters & ~other.letters, limit) {
                return nil
            }
            return TextNormalizer.boundedDistance(scalars, other.scalars, limit: limit)
        }
    }

    /// True when `bits` has at most `n` bits set (`nonzeroBitCount <= n` without counting every bit: no
    /// popcount instruction on baseline x86-64); a cheap lower bound on how many edits two words need.
    @inline(__always)
    package static func atMost(_ bits: UInt64, _ n: Int) -> Bool {
        var rest = bits
        for _ in 0..<n {
            if rest == 0 { return true }
            rest &= rest - 1
        }
        return rest == 0
    }

    /// Optimal-string-alignment distance (Damerau–Levenshtein with adjacent swaps), or nil when above `limit`.
    ///
    /// Same metric as `Suggestion.editDistance`, but gives up as soon as a row exceeds the limit and does
    /// not allocate, since it runs for many word pairs on every turn.
    package static func boundedDistance(_ a: [UInt32], _ b: [UInt32], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        return a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in boundedDistance(a, b, limit: limit) } }
    }

    /// Same, over scalars in memory (words that are ranges of a larger array).
    package static func boundedDistance(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.elementsEqual(b) { return 0 }
        if limit == 0 { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if limit == 1 { return withinOneEdit(a, b) ? 1 : nil }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: width * 3) { buffer -> Int? in
            var prev2 = 0
            var prev = width
            var cur = width * 2
            for j in 0..<width { buffer[prev + j] = j }
            for i in 1...a.count {
                buffer[cur] = i
                var rowMin = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var v = min(buffer[prev + j] + 1, buffer[cur + j - 1] + 1, buffer[prev + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        v = min(v, buffer[prev2 + j - 2] + 1)
                    }
                    buffer[cur + j] = v
                    rowMin = min(rowMin, v)
                }
                if rowMin > limit { return nil }
                (prev2, prev, cur) = (prev, cur, prev2)
            }
            let d = buffer[prev + b.count]
            return d <= limit ? d : nil
        }
    }

    /// True when two different words are one substitution, insertion, deletion or adjacent swap apart.
    private static func withinOneEdit(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        if short.count != long.count { return short[i...].elementsEqual(long[(i + 1)...]) }
        if i == short.count { return true }
        if short[(i + 1)...].elementsEqual(long[(i + 1)...]) { return true }
        return i + 1 < short.count && short[i] == long[i + 1] && short[i + 1] == long[i]
            && short[(i + 2)...].elementsEqual(long[(i + 2)...])
    }
}
