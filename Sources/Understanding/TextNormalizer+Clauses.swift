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
