/// A typed word with what stood before it: the unit the understanding layer reads.
public struct Token: Sendable, Hashable {
    /// What punctuation came between this word and the one before it.
    public enum Break: UInt8, Sendable, Hashable, Comparable {
        /// None: the words are in one run ("chest pain").
        case none
        /// A comma or a dash: a clause may end here, depending on the word after it.
        case soft
        /// A sentence or clause ends here: `.`, `!`, `?`, `;`, `:`, a bracket or a new line.
        case hard

        public static func < (a: Break, b: Break) -> Bool { a.rawValue < b.rawValue }
    }

    /// The word as typed, lowercased and folded, apostrophes removed ("don't" → "dont"). Numbers keep a
    /// decimal point ("39.8").
    public var text: String
    public var breakBefore: Break

    public init(_ text: String, breakBefore: Break = .none) {
        self.text = text
        self.breakBefore = breakBefore
    }

    /// True when the word is a number written in digits ("39", "39.8").
    public var isNumber: Bool {
        var sawDigit = false
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                sawDigit = true
            } else if byte != UInt8(ascii: ".") {
                return false
            }
        }
        return sawDigit
    }
}

extension TextNormalizer {
    /// The words of a line with the punctuation between them, for reading sentences: the same words as
    /// `tokens(_:)` (the same folding and the same characters start, join and split words), except that
    /// a point between digits stays in its number ("39.8").
    ///
    /// ```swift
    /// TextNormalizer.clauseTokens("No chest pain, but my arm's numb.")
    /// // no chest pain | , but my arms numb   (a soft break before "but")
    /// ```
    public static func clauseTokens(_ line: String) -> [Token] {
        asciiClauseTokens(line) ?? generalClauseTokens(line)
    }

    /// `clauseTokens` for any line, scalar by scalar.
    static func generalClauseTokens(_ line: String) -> [Token] {
        let scalars = Array(folded(line).unicodeScalars)
        var tokens: [Token] = []
        var word = String.UnicodeScalarView()
        var pending = Token.Break.none
        func flush() {
            guard !word.isEmpty else { return }
            tokens.append(Token(String(word), breakBefore: tokens.isEmpty ? .none : pending))
            word = String.UnicodeScalarView()
            pending = .none
        }
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < scalars.count && scalars[i].value >= 0x30 && scalars[i].value <= 0x39 }
        for (i, scalar) in scalars.enumerated() {
            switch kind(of: scalar) {
            case .wordPart:
                word.append(scalar)
            case .mark:
                if !word.isEmpty { word.append(scalar) }
            case .dropped:
                continue
            case .separator:
                if scalar == "." && isDigit(i - 1) && isDigit(i + 1) && !word.isEmpty {
                    word.append(scalar)
                    continue
                }
                flush()
                pending = max(pending, breakKind(scalar))
            }
        }
        flush()
        return tokens
    }

    /// `clauseTokens` for an all-ASCII line (the common case), byte by byte; nil for other lines. The
    /// same words and breaks as the general path (a test compares them).
    static func asciiClauseTokens(_ line: String) -> [Token]? {
        var line = line
        return line.withUTF8 { bytes -> [Token]? in
            var tokens: [Token] = []
            tokens.reserveCapacity(bytes.count / 4 + 1)
            var word: [UInt8] = []
            word.reserveCapacity(16)
            var pending = Token.Break.none
            func isDigit(_ i: Int) -> Bool { i >= 0 && i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
            func flush() {
                guard !word.isEmpty else { return }
                tokens.append(Token(String(decoding: word, as: UTF8.self), breakBefore: tokens.isEmpty ? .none : pending))
                word.removeAll(keepingCapacity: true)
                pending = .none
            }
            for (i, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    word.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    word.append(byte + 32)
                case UInt8(ascii: "'"), UInt8(ascii: "`"):
                    continue
                case 0x80...:
                    return nil
                case 0x00..<0x09, 0x0E..<0x20, 0x7F:
                    continue  // control characters vanish without splitting the word
                default:
                    if byte == UInt8(ascii: "."), isDigit(i - 1), isDigit(i + 1), !word.isEmpty {
                        word.append(byte)
                        continue
                    }
                    flush()
                    pending = max(pending, breakKind(Unicode.Scalar(byte)))
                }
            }
            flush()
            return tokens
        }
    }

    /// The break a separator makes between words.
    static func breakKind(_ scalar: Unicode.Scalar) -> Token.Break {
        switch scalar {
        case ".", "!", "?", ";", ":", "(", ")", "[", "]", "\n", "\r", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}":
            return .hard
        case ",", "\u{2013}", "\u{2014}", "\u{FF0C}", "\u{3001}":
            return .soft
        default:
            return .none
        }
    }
}
