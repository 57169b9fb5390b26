/// Flesch–Kincaid grade level, the plain-language measure the lint uses (W071).
///
/// Syllables are estimated from vowel groups, which is what every FK implementation does; the
/// estimate is within a grade of hand counts on ordinary prose, good enough to flag hard text.
public enum Readability {
    /// The US school grade needed to read `text`; template placeholders count as one short word.
    public static func grade(_ text: String) -> Double {
        var words = 0
        var syllables = 0
        var sentences = 0
        var inPlaceholder = false
        var current: [UInt8] = []
        func endWord() {
            guard !current.isEmpty else { return }
            words += 1
            syllables += countSyllables(current)
            current.removeAll(keepingCapacity: true)
        }
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "{") {
                inPlaceholder = true
                current = Array("it".utf8)
            } else if inPlaceholder {
                if byte == UInt8(ascii: "}") { inPlaceholder = false }
            } else if (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "'") {
                current.append(byte | 0x20)
            } else {
                endWord()
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") { sentences += 1 }
            }
            previous = byte
        }
        endWord()
        guard words > 0 else { return 0 }
        let s = Double(max(1, sentences))
        return 0.39 * Double(words) / s + 11.8 * Double(syllables) / Double(words) - 15.59
    }

    /// Words in `text` (letters only), for deciding whether a grade is meaningful.
    public static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
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
