/// The text filters (`lower`, `sentence`, `calm`) and the pronoun "I" read by bytes when a text is all
/// ASCII, as most answers are: the same result as reading it by `Character` (`TemplateASCIITests`
/// compares the two), without a Unicode property look-up per character. In ASCII a letter is A–Z or a–z,
/// a number 0–9, and the one character of two bytes ("\r\n") is neither, as each of its bytes is not.
extension Template {
    @inline(__always)
    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    @inline(__always)
    private static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }

    @inline(__always)
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always)
    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// The text's bytes when all are ASCII.
    private static func asciiBytes(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        for b in bytes where b >= 0x80 { return nil }
        return bytes
    }

    /// `lowercasedKeepingI` by bytes; nil when the text is not all ASCII.
    static func asciiLowercasedKeepingI(_ text: String) -> String? {
        guard let bytes = asciiBytes(text) else { return nil }
        return String(decoding: lowercasedKeepingI(bytes), as: UTF8.self)
    }

    private static func lowercasedKeepingI(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        var i = 0
        while i < bytes.count {
            // A word: letters and apostrophes.
            guard isLetter(bytes[i]) || bytes[i] == 0x27 else {
                i += 1
                continue
            }
            var end = i
            while end < bytes.count, isLetter(bytes[end]) || bytes[end] == 0x27 { end += 1 }
            // "I" alone or before an apostrophe keeps its capital.
            let pronoun = bytes[i] == 0x49 && (end == i + 1 || bytes[i + 1] == 0x27)
            for k in (pronoun ? i + 1 : i)..<end { out[k] = lower(bytes[k]) }
            i = end
        }
        return out
    }

    /// `pronounI` by bytes; nil when the text is not all ASCII.
    static func asciiPronounI(_ text: String) -> String? {
        guard let bytes = asciiBytes(text) else { return nil }
        guard bytes.contains(0x69) else { return text }
        return String(decoding: pronounI(bytes), as: UTF8.self)
    }

    private static func pronounI(_ chars: [UInt8]) -> [UInt8] {
        func isWordChar(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) }
        var out = chars
        for k in chars.indices where chars[k] == 0x69 {
            // After a word character, ', -, . or /: part of a word.
            if k > 0, isWordChar(chars[k - 1]) || [0x27, 0x2D, 0x2E, 0x2F].contains(chars[k - 1]) { continue }
            if k + 1 < chars.count {
                let next = chars[k + 1]
                if isWordChar(next) || next == 0x2D || next == 0x2F { continue }
                // "i.e." is no pronoun.
                if next == 0x2E, k + 2 < chars.count, isWordChar(chars[k + 2]) { continue }
            }
            out[k] = 0x49
        }
        return out
    }

    /// `sentenceCase` by bytes; nil when the text is not all ASCII.
    static func asciiSentenceCase(_ text: String, capitalized: Bool) -> String? {
        guard let bytes = asciiBytes(text) else { return nil }
        // Shouting: no lower-case letter and a run of five letters or more.
        var shouting = !bytes.contains(where: isLower)
        if shouting {
            var run = 0
            var long = false
            for b in bytes {
                run = isLetter(b) ? run + 1 : 0
                if run >= 5 { long = true }
            }
            shouting = long
        }
        var out = shouting ? lowercasedKeepingI(bytes) : (bytes.contains(0x69) ? pronounI(bytes) : bytes)
        if capitalized, let first = out.firstIndex(where: isLetter), isLower(out[first]) { out[first] -= 0x20 }
        return String(decoding: out, as: UTF8.self)
    }
}
