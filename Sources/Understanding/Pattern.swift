/// A sequence of words, concepts, choices, optional parts and small gaps, matched against the words of
/// one clause (after spaCy's token Matcher and ChatScript's concepts, written as a short string).
///
/// | written | matches |
/// | --- | --- |
/// | `chest` | the word (in its base form: "chests" too) |
/// | `wheez*` | any word that starts with `wheez` |
/// | `@face` | any phrase of the concept `face` |
/// | `[arm \| leg \| @face]` | one of the choices (each a sequence) |
/// | `my?` | the element, or nothing |
/// | `~3` | up to three words of anything |
///
/// ```swift
/// let p = try Pattern.parse("@face ~3 [droop | sag]")  // "her face has started to droop"
/// ```
public struct Pattern: Sendable, Hashable {
    public indirect enum Element: Sendable, Hashable {
        case word(String)
        case prefix(String)
        case concept(String)
        case choice([[Element]])
        case optional(Element)
        case gap(Int)
    }

    public var elements: [Element]
    /// The pattern as written.
    public var text: String

    public init(elements: [Element], text: String) {
        self.elements = elements
        self.text = text
    }

    /// A pattern that could not be read: what is wrong, and where (a 0-based offset in Unicode scalars).
    public struct SyntaxError: Error, Sendable, Hashable {
        public var message: String
        public var offset: Int
        public var hint: String?
    }

    /// The biggest gap a pattern may have.
    public static let maxGap = 8

    /// Reads a pattern; words are lowercased and folded like typed words.
    public static func parse(_ text: String) throws(SyntaxError) -> Pattern {
        var parser = Parser(Array(text.unicodeScalars))
        let elements = try parser.sequence(closing: nil)
        if elements.isEmpty { throw SyntaxError(message: "the pattern is empty", offset: 0, hint: "write at least one word or @concept") }
        if case .gap = elements.first {
            throw SyntaxError(message: "a pattern cannot start with a gap", offset: 0, hint: "remove the leading ~N")
        }
        if case .gap = elements.last {
            throw SyntaxError(message: "a pattern cannot end with a gap", offset: text.unicodeScalars.count - 1, hint: "remove the trailing ~N")
        }
        return Pattern(elements: elements, text: text)
    }

    /// Every concept the pattern names.
    public var concepts: [String] {
        var out: [String] = []
        func walk(_ e: Element) {
            switch e {
            case .concept(let name): out.append(name)
            case .choice(let alternatives): alternatives.forEach { $0.forEach(walk) }
            case .optional(let inner): walk(inner)
            default: break
            }
        }
        elements.forEach(walk)
        return out
    }

    /// Every literal word the pattern names (for the vocabulary).
    public var words: [String] {
        var out: [String] = []
        func walk(_ e: Element) {
            switch e {
            case .word(let w), .prefix(let w): out.append(w)
            case .choice(let alternatives): alternatives.forEach { $0.forEach(walk) }
            case .optional(let inner): walk(inner)
            default: break
            }
        }
        elements.forEach(walk)
        return out
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var i = 0
        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func sequence(closing: Unicode.Scalar?) throws(SyntaxError) -> [Element] {
            var out: [Element] = []
            while true {
                skipSpaces()
                guard i < scalars.count else {
                    if let closing { throw SyntaxError(message: "'[' is never closed", offset: scalars.count, hint: "add '\(closing)'") }
                    return out
                }
                let c = scalars[i]
                if c == "]" || c == "|" {
                    if closing == nil {
                        throw SyntaxError(message: "'\(c)' outside a choice", offset: i, hint: "choices are written [a | b]")
                    }
                    return out
                }
                var element: Element
                if c == "[" {
                    let open = i
                    i += 1
                    var alternatives: [[Element]] = []
                    while true {
                        let alternative = try sequence(closing: "]")
                        if alternative.isEmpty {
                            throw SyntaxError(message: "an empty choice", offset: i, hint: "write a word in every part of [a | b], or mark the choice optional with ?")
                        }
                        alternatives.append(alternative)
                        guard i < scalars.count else { throw SyntaxError(message: "'[' is never closed", offset: open, hint: "add ']'") }
                        let sep = scalars[i]
                        i += 1
                        if sep == "]" { break }
                    }
                    element = .choice(alternatives)
                } else if c == "~" {
                    i += 1
                    let start = i
                    while i < scalars.count, scalars[i].properties.numericType != nil, scalars[i].isASCII { i += 1 }
                    guard let n = Int(String(String.UnicodeScalarView(scalars[start..<i]))), n >= 1, n <= Pattern.maxGap else {
                        throw SyntaxError(message: "a gap is written ~N with N from 1 to \(Pattern.maxGap)", offset: start - 1, hint: "for example ~3")
                    }
                    element = .gap(n)
                } else if c == "@" {
                    i += 1
                    let name = readName()
                    if name.isEmpty { throw SyntaxError(message: "'@' without a concept name", offset: i - 1, hint: "write @name, for example @face") }
                    element = .concept(name)
                } else if c == "?" || c == "*" {
                    throw SyntaxError(message: "'\(c)' must follow a word", offset: i, hint: c == "?" ? "write word? or [a b]?" : "write prefix*")
                } else {
                    let start = i
                    let raw = readWord()
                    if raw.isEmpty { throw SyntaxError(message: "unexpected '\(c)'", offset: start, hint: "patterns hold words, @concepts, [choices], ? and ~N") }
                    // The tokenizer typed lines are read with, so "37.5" stays one word as it does there.
                    let words = TextNormalizer.clauseTokens(raw).map(\.text)
                    if i < scalars.count, scalars[i] == "*" {
                        i += 1
                        guard words.count == 1, let w = words.first else {
                            throw SyntaxError(message: "a prefix is one word", offset: start, hint: "write word*")
                        }
                        element = .prefix(w)
                    } else if words.count == 1, let w = words.first {
                        element = .word(w)
                    } else if words.isEmpty {
                        // Symbols ("&", "-") are not words in typed text either.
                        if i < scalars.count, scalars[i] == "?" { i += 1 }
                        continue
                    } else {
                        // "don't" is one word; "self-harm" reads as two, as typed text does.
                        out.append(contentsOf: words.dropLast().map { .word($0) })
                        element = .word(words[words.count - 1])
                    }
                }
                if i < scalars.count, scalars[i] == "?" {
                    i += 1
                    if case .gap = element { throw SyntaxError(message: "a gap is already optional", offset: i - 1, hint: "remove the '?'") }
                    element = .optional(element)
                }
                out.append(element)
            }
        }

        mutating func skipSpaces() {
            while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 }
        }

        mutating func readName() -> String {
            let start = i
            while i < scalars.count, scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil
                || scalars[i] == "_" || scalars[i] == "."
            {
                i += 1
            }
            return String(String.UnicodeScalarView(scalars[start..<i]))
        }

        mutating func readWord() -> String {
            let start = i
            while i < scalars.count {
                let c = scalars[i]
                if c.isASCII {
                    // The common case, without Unicode property look-ups.
                    switch c {
                    case " ", "\t", "\n", "\r", "[", "]", "|", "?", "*", "~", "@": return String(String.UnicodeScalarView(scalars[start..<i]))
                    default: i += 1
                    }
                    continue
                }
                if c.properties.isWhitespace { break }
                i += 1
            }
            return String(String.UnicodeScalarView(scalars[start..<i]))
        }
    }
}
