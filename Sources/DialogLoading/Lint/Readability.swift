/// Flesch–Kincaid grade level, the plain-language measure the lint uses (W071).
///
/// Syllables are estimated from vowel groups, which is what every FK implementation does; the
/// estimate is within a grade of hand counts on ordinary prose, good enough to flag hard text.
package enum Readability {
    /// The US school grade needed to read `text`; template placeholders count as one short word.
    package static func grade(_ text: String) -> Double {
        var text = text
        return text.withUTF8 { grade($0) }
    }

    /// `grade` over UTF-8 bytes: one pass, counting each word's syllables as its letters go by.
    static func grade(_ bytes: UnsafeBufferPointer<UInt8>) -> Double {
        var words = 0
        var syllables = 0
        var sentences = 0
        var inPlaceholder = false
        var word = Word()
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "{") {
                inPlaceholder = true
                word = Word.it
            } else if inPlaceholder {
                if byte == UInt8(ascii: "}") { inPlaceholder = false }
            } else if (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "'") {
                word.append(byte | 0x20)
            } else {
                if word.length > 0 {
                    words += 1
                    syllables += word.syllables
                    word = Word()
                }
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") { sentences += 1 }
            }
            previous = byte
        }
        if word.length > 0 {
            words += 1
            syllables += word.syllables
        }
        guard words > 0 else { return 0 }
        let s = Double(max(1, sentences))
        return 0.39 * Double(words) / s + 11.8 * Double(syllables) / Double(words) - 15.59
    }

    /// A word being read, letter by letter (lowercase ASCII and `'`), with what `countSyllables` needs.
    struct Word {
        var length = 0
        var vowelGroups = 0
        var inVowel = false
        var last: UInt8 = 0
        var beforeLast: UInt8 = 0

        /// What a template placeholder counts as.
        static var it: Word {
            Word(length: 2, vowelGroups: 1, inVowel: false, last: UInt8(ascii: "t"), beforeLast: UInt8(ascii: "i"))
        }

        mutating func append(_ c: UInt8) {
            let v = c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121  // a e i o u y
            if v, !inVowel { vowelGroups += 1 }
            inVowel = v
            beforeLast = last
            last = c
            length += 1
        }

        /// The same estimate as `countSyllables`.
        var syllables: Int {
            var count = vowelGroups
            if length > 2, last == UInt8(ascii: "e"), beforeLast != UInt8(ascii: "l"), count > 1 { count -= 1 }
            return max(1, count)
        }
    }

    /// Words in `text` (letters only), for deciding whether a grade is meaningful.
    package static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { wordCount($0) }
    }

    /// `wordCount` over UTF-8 bytes.
    static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            // ASCII letters, and any byte of a non-ASCII character (accented letters count as letters).
            let letter = (byte | 0x20) >= 97 && (byte | 0x20) <= 122 || byte >= 0x80
            if letter, !inWord { count += 1 }
            inWord = letter
        }
        return count
    }

    static func countSyllables(_ word: [UInt8]) -> Int {
        var count = 0
        var inVowel = false
        for c in word {
            let v = c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121  // a e i o u y
            if v, !inVowel { count += 1 }
            inVowel = v
        }
        if word.count > 2, word.last == UInt8(ascii: "e"), word[word.count - 2] != UInt8(ascii: "l"), count > 1 { count -= 1 }
        return max(1, count)
    }
}
